//! Three real strom processes sharing a metadata quorum on loopback: a topic created through
//! any node is listed by every node with all three brokers; after the active controller is
//! killed (SIGKILL) a new one is elected, metadata changes continue through the survivors,
//! and the killed node catches up when it restarts. DescribeQuorum reports the quorum, from
//! any node.
//! Partitions are placed across the brokers: every node reports the same leaders, only the
//! leader takes produce and fetch, and a group is served by the leader of its
//! `__consumer_offsets` partition.

mod common;

use common::Client;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use strom_protocol::generated::create_topics_request::CreatableTopic;
use strom_protocol::generated::*;
use strom_protocol::{ErrorCode, RequestBody, ResponseBody};

/// Every wait in this test gives up after this long.
const WAIT: Duration = Duration::from_secs(30);

/// A strom process, killed (SIGKILL, by its PID) when dropped.
struct Node {
    id: u64,
    client_addr: SocketAddr,
    args: Vec<String>,
    log: PathBuf,
    child: Option<Child>,
}

impl Node {
    fn start(&mut self) {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(&self.log)
            .unwrap();
        let child = Command::new(env!("CARGO_BIN_EXE_strom"))
            .args(&self.args)
            .env("RUST_LOG", "info")
            // tracing writes to stdout.
            .stdout(log)
            .stderr(Stdio::null())
            .spawn()
            .expect("strom starts");
        self.child = Some(child);
    }

    /// SIGTERM (a graceful stop, with controlled shutdown); waits for the exit.
    fn stop(&mut self) -> std::process::ExitStatus {
        let mut child = self.child.take().expect("running");
        let pid = child.id().to_string();
        let sent = Command::new("kill").args(["-TERM", &pid]).status().unwrap();
        assert!(sent.success());
        child.wait().unwrap()
    }

    fn kill(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        self.kill();
    }
}

fn nodes(dir: &Path) -> Vec<Node> {
    nodes_with(dir, &[])
}

/// Three nodes with `extra` settings each.
fn nodes_with(dir: &Path, extra: &[&str]) -> Vec<Node> {
    let ports: Vec<(u16, u16)> = (0..3)
        .map(|_| (common::free_port(), common::free_port()))
        .collect();
    let voters = ports
        .iter()
        .enumerate()
        .map(|(i, (_, controller))| format!("{}@127.0.0.1:{controller}", i + 1))
        .collect::<Vec<_>>()
        .join(",");
    ports
        .iter()
        .enumerate()
        .map(|(i, (client, controller))| {
            let id = i as u64 + 1;
            let settings = [
                format!("node.id={id}"),
                format!(
                    "listeners=PLAINTEXT://127.0.0.1:{client},CONTROLLER://127.0.0.1:{controller}"
                ),
                format!("controller.quorum.voters={voters}"),
                format!("log.dirs={}", dir.join(format!("node-{id}")).display()),
            ];
            Node {
                id,
                client_addr: format!("127.0.0.1:{client}").parse().unwrap(),
                args: settings
                    .iter()
                    .chain(&extra.iter().map(|s| s.to_string()).collect::<Vec<_>>())
                    .flat_map(|s| ["--override".to_string(), s.clone()])
                    .collect(),
                log: dir.join(format!("node-{id}.log")),
                child: None,
            }
        })
        .collect()
}

/// Starts the three combined nodes and waits until each lists brokers 1-3 and a controller.
async fn start_all(nodes: &mut [Node]) {
    for node in nodes.iter_mut() {
        node.start();
    }
    for node in nodes.iter() {
        wait_metadata(node, "3 brokers registered", |m| {
            broker_ids(m) == [1, 2, 3] && m.controller_id > 0
        })
        .await;
    }
}

/// The Metadata answer of `node` for every topic, once it accepts connections.
async fn metadata(node: &Node) -> Option<MetadataResponse> {
    // Probe first: the client listener opens once the node has joined the quorum.
    drop(
        tokio::net::TcpStream::connect(node.client_addr)
            .await
            .ok()?,
    );
    let mut client = Client::connect(node.client_addr).await;
    let request = MetadataRequest {
        topics: None,
        allow_auto_topic_creation: false,
        ..Default::default()
    };
    match client.call(12, RequestBody::Metadata(request)).await {
        ResponseBody::Metadata(r) => Some(r),
        other => panic!("unexpected {other:?}"),
    }
}

/// Waits until `node`'s Metadata satisfies `ready`; returns that answer.
async fn wait_metadata(
    node: &Node,
    what: &str,
    ready: impl Fn(&MetadataResponse) -> bool,
) -> MetadataResponse {
    let deadline = Instant::now() + WAIT;
    loop {
        if let Some(response) = metadata(node).await {
            if ready(&response) {
                return response;
            }
        }
        assert!(
            Instant::now() < deadline,
            "node {}: {what} (log: {})",
            node.id,
            std::fs::read_to_string(&node.log).unwrap_or_default()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn topic_names(response: &MetadataResponse) -> Vec<String> {
    response
        .topics
        .iter()
        .filter_map(|t| t.name.clone())
        .collect()
}

fn broker_ids(response: &MetadataResponse) -> Vec<i32> {
    response.brokers.iter().map(|b| b.node_id).collect()
}

/// The clusters of this file run one at a time: two 3-process clusters on a small machine
/// would only test its scheduler.
static ONE_CLUSTER_AT_A_TIME: tokio::sync::Mutex<()> = tokio::sync::Mutex::const_new(());

async fn create_topic(node: &Node, name: &str) -> CreateTopicsResponse {
    create_topic_with(node, name, 2).await
}

async fn create_topic_with(node: &Node, name: &str, partitions: i32) -> CreateTopicsResponse {
    let mut client = Client::connect(node.client_addr).await;
    common::create_topic(&mut client, name, partitions).await
}

async fn describe_quorum(node: &Node) -> DescribeQuorumResponse {
    use strom_protocol::generated::describe_quorum_request::{PartitionData, TopicData};
    let mut client = Client::connect(node.client_addr).await;
    let request = DescribeQuorumRequest {
        topics: vec![TopicData {
            topic_name: "__cluster_metadata".into(),
            partitions: vec![PartitionData {
                partition_index: 0,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    match client.call(2, RequestBody::DescribeQuorum(request)).await {
        ResponseBody::DescribeQuorum(r) => r,
        other => panic!("unexpected {other:?}"),
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_processes_share_metadata_and_survive_the_controller() {
    let _one = ONE_CLUSTER_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().unwrap();
    // Sessions longer than the test: only a controlled shutdown fences a broker here.
    let mut nodes = nodes_with(dir.path(), &["broker.session.timeout.ms=600000"]);
    start_all(&mut nodes).await;

    let created = create_topic(&nodes[1], "orders").await;
    assert_eq!(created.topics[0].error_code, ErrorCode::NONE.0);
    let mut controllers = Vec::new();
    let mut topic_ids = Vec::new();
    for node in &nodes {
        let m = wait_metadata(node, "orders listed", |m| topic_names(m) == ["orders"]).await;
        assert_eq!(broker_ids(&m), [1, 2, 3]);
        assert_eq!(m.topics[0].partitions.len(), 2);
        controllers.push(m.controller_id);
        topic_ids.push(m.topics[0].topic_id);
    }
    assert!(topic_ids.iter().all(|id| *id == created.topics[0].topic_id));
    let leader = controllers[0];
    assert!(controllers.iter().all(|c| *c == leader), "{controllers:?}");

    // DescribeQuorum: the leader reports every voter; a follower names the leader.
    let quorum = describe_quorum(&nodes[(leader - 1) as usize]).await;
    assert_eq!(quorum.error_code, 0);
    let partition = &quorum.topics[0].partitions[0];
    assert_eq!((partition.error_code, partition.leader_id), (0, leader));
    assert!(partition.leader_epoch >= 1);
    let voters: Vec<i32> = partition
        .current_voters
        .iter()
        .map(|v| v.replica_id)
        .collect();
    assert_eq!(voters, [1, 2, 3]);
    let leader_end = partition.current_voters[(leader - 1) as usize].log_end_offset;
    assert!(partition.high_watermark > 0 && partition.high_watermark <= leader_end);
    // A majority holds everything committed.
    let holding = partition
        .current_voters
        .iter()
        .filter(|v| v.log_end_offset >= partition.high_watermark)
        .count();
    assert!(holding >= 2, "{partition:?}");
    let nodes_listed: Vec<i32> = quorum.nodes.iter().map(|n| n.node_id).collect();
    assert_eq!(nodes_listed, [1, 2, 3]);
    // A follower asks the leader, as Kafka's brokers forward DescribeQuorum.
    let follower = nodes.iter().find(|n| n.id as i32 != leader).unwrap();
    let answer = describe_quorum(follower).await;
    let partition = &answer.topics[0].partitions[0];
    assert_eq!((partition.error_code, partition.leader_id), (0, leader));
    let voters: Vec<i32> = partition
        .current_voters
        .iter()
        .map(|v| v.replica_id)
        .collect();
    assert_eq!(voters, [1, 2, 3]);
    assert!(partition.high_watermark > 0);

    // SIGKILL the active controller.
    let killed = (leader - 1) as usize;
    nodes[killed].kill();
    let survivors: Vec<usize> = (0..3).filter(|i| *i != killed).collect();
    let mut new_leader = 0;
    for &i in &survivors {
        let m = wait_metadata(&nodes[i], "a new controller", |m| {
            m.controller_id > 0 && m.controller_id != leader
        })
        .await;
        new_leader = m.controller_id;
    }
    assert_ne!(new_leader, leader);
    let created = create_topic(&nodes[survivors[1]], "after-failover").await;
    assert_eq!(created.topics[0].error_code, ErrorCode::NONE.0);
    for &i in &survivors {
        wait_metadata(&nodes[i], "after-failover listed", |m| {
            topic_names(m) == ["after-failover", "orders"]
        })
        .await;
    }

    // The killed node restarts on its data and catches up.
    nodes[killed].start();
    let m = wait_metadata(&nodes[killed], "caught up", |m| {
        topic_names(m) == ["after-failover", "orders"]
    })
    .await;
    assert_eq!(broker_ids(&m), [1, 2, 3]);
    // The restarted node holds the logs of exactly the partitions it leads.
    let topic = &m.topics[0];
    for p in &topic.partitions {
        let dir = dir
            .path()
            .join(format!("node-{}", killed + 1))
            .join(format!("after-failover-{}", p.partition_index));
        assert_eq!(dir.is_dir(), p.leader_id == killed as i32 + 1, "{p:?}");
    }

    // A graceful stop is a controlled shutdown: the broker fences itself at once (its
    // session is far longer than this test), leaving the brokers listed by the others.
    let stopped = survivors[0];
    assert!(nodes[stopped].stop().success());
    let log = std::fs::read_to_string(&nodes[stopped].log).unwrap();
    assert!(log.contains("controlled shutdown: broker fenced"), "{log}");
    let others: Vec<i32> = (1..=3).filter(|id| *id != stopped as i32 + 1).collect();
    for i in (0..3).filter(|i| *i != stopped) {
        wait_metadata(&nodes[i], "the stopped broker unlisted", |m| {
            broker_ids(m) == others
        })
        .await;
    }
}

/// Produce (v9) of one batch of `values` to `partition`: (error code, base offset).
async fn produce(node: &Node, topic: &str, partition: i32, values: &[&str]) -> (i16, i64) {
    let records: Vec<(Option<&str>, Option<&str>)> =
        values.iter().map(|v| (None, Some(*v))).collect();
    let batch = common::batch(&records, 1_000, strom_protocol::records::Compression::None);
    let mut client = Client::connect(node.client_addr).await;
    common::produce_one(&mut client, topic, partition, batch, 1).await
}

/// Produce v11 (KIP-951 fields) of one record to `partition`: the whole answer.
async fn produce_v11(node: &Node, topic: &str, partition: i32) -> ProduceResponse {
    let batch = common::batch(
        &[(None, Some("x"))],
        1_000,
        strom_protocol::records::Compression::None,
    );
    let mut client = Client::connect(node.client_addr).await;
    match client
        .call(11, common::produce_request(topic, partition, batch, 1))
        .await
    {
        ResponseBody::Produce(r) => r,
        other => panic!("unexpected {other:?}"),
    }
}

/// Fetch v16 of one partition from offset 0: the partition's answer and the node endpoints.
async fn fetch_v16(
    node: &Node,
    topic_id: strom_protocol::Uuid,
    partition: i32,
) -> (
    fetch_response::PartitionData,
    Vec<fetch_response::NodeEndpoint>,
) {
    use fetch_request::{FetchPartition, FetchTopic};
    let mut client = Client::connect(node.client_addr).await;
    let request = FetchRequest {
        replica_id: -1,
        max_wait_ms: 0,
        max_bytes: 1 << 20,
        topics: vec![FetchTopic {
            topic_id,
            partitions: vec![FetchPartition {
                partition,
                fetch_offset: 0,
                partition_max_bytes: 1 << 20,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    match client.call(16, RequestBody::Fetch(request)).await {
        ResponseBody::Fetch(mut r) => {
            (r.responses.remove(0).partitions.remove(0), r.node_endpoints)
        }
        other => panic!("unexpected {other:?}"),
    }
}

async fn find_coordinator(node: &Node, group: &str) -> find_coordinator_response::Coordinator {
    let mut client = Client::connect(node.client_addr).await;
    let request = FindCoordinatorRequest {
        key_type: 0,
        coordinator_keys: vec![group.into()],
        ..Default::default()
    };
    match client.call(4, RequestBody::FindCoordinator(request)).await {
        ResponseBody::FindCoordinator(mut r) => r.coordinators.remove(0),
        other => panic!("unexpected {other:?}"),
    }
}

/// JoinGroup v9 of a new member (no member id yet): the error code.
async fn join_group(node: &Node, group: &str) -> i16 {
    let mut client = Client::connect(node.client_addr).await;
    let request = JoinGroupRequest {
        group_id: group.into(),
        session_timeout_ms: 10_000,
        rebalance_timeout_ms: 10_000,
        member_id: String::new(),
        protocol_type: "consumer".into(),
        protocols: vec![join_group_request::JoinGroupRequestProtocol {
            name: "range".into(),
            metadata: bytes::Bytes::new(),
            ..Default::default()
        }],
        ..Default::default()
    };
    match client.call(9, RequestBody::JoinGroup(request)).await {
        ResponseBody::JoinGroup(r) => r.error_code,
        other => panic!("unexpected {other:?}"),
    }
}

/// Each partition's (leader, replicas, isr) in `topic` of a Metadata answer.
fn placement(m: &MetadataResponse, topic: &str) -> Vec<(i32, Vec<i32>, Vec<i32>)> {
    let t = m
        .topics
        .iter()
        .find(|t| t.name.as_deref() == Some(topic))
        .expect("topic listed");
    t.partitions
        .iter()
        .map(|p| (p.leader_id, p.replica_nodes.clone(), p.isr_nodes.clone()))
        .collect()
}

/// CreateTopics (v7) of one topic with the given request fields: (error code, answer).
async fn create_topic_request(node: &Node, topic: CreatableTopic) -> (i16, CreateTopicsResponse) {
    let mut client = Client::connect(node.client_addr).await;
    let request = CreateTopicsRequest {
        topics: vec![topic],
        timeout_ms: 20_000,
        ..Default::default()
    };
    match client.call(7, RequestBody::CreateTopics(request)).await {
        ResponseBody::CreateTopics(r) => (r.topics[0].error_code, r),
        other => panic!("unexpected {other:?}"),
    }
}

/// CreatePartitions (v3) growing `topic` to `count`: the error code.
async fn create_partitions(node: &Node, topic: &str, count: i32) -> i16 {
    let mut client = Client::connect(node.client_addr).await;
    let request = CreatePartitionsRequest {
        topics: vec![create_partitions_request::CreatePartitionsTopic {
            name: topic.into(),
            count,
            assignments: None,
            ..Default::default()
        }],
        timeout_ms: 20_000,
        ..Default::default()
    };
    match client.call(3, RequestBody::CreatePartitions(request)).await {
        ResponseBody::CreatePartitions(r) => r.results[0].error_code,
        other => panic!("unexpected {other:?}"),
    }
}

fn assigned(name: &str, replicas: &[&[i32]]) -> CreatableTopic {
    CreatableTopic {
        name: name.into(),
        num_partitions: -1,
        replication_factor: -1,
        assignments: replicas
            .iter()
            .enumerate()
            .map(|(i, r)| create_topics_request::CreatableReplicaAssignment {
                partition_index: i as i32,
                broker_ids: r.to_vec(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn partitions_are_placed_and_requests_routed_to_their_leaders() {
    let _one = ONE_CLUSTER_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let mut nodes = nodes(dir.path());
    start_all(&mut nodes).await;

    // A 6-partition topic created through node 2 is placed 2/2/2, and every node agrees.
    let created = create_topic_with(&nodes[1], "spread", 6).await;
    assert_eq!(created.topics[0].error_code, ErrorCode::NONE.0);
    let topic_id = created.topics[0].topic_id;
    let mut placements = Vec::new();
    for node in &nodes {
        let m = wait_metadata(node, "spread listed", |m| topic_names(m) == ["spread"]).await;
        placements.push(placement(&m, "spread"));
    }
    assert!(
        placements.iter().all(|p| *p == placements[0]),
        "{placements:?}"
    );
    let leaders: Vec<i32> = placements[0].iter().map(|(l, _, _)| *l).collect();
    for (leader, replicas, isr) in &placements[0] {
        assert_eq!(
            (replicas.as_slice(), isr.as_slice()),
            ([*leader].as_slice(), [*leader].as_slice())
        );
    }
    for broker in 1..=3 {
        assert_eq!(
            leaders.iter().filter(|l| **l == broker).count(),
            2,
            "{leaders:?}"
        );
    }
    // Round-robin: consecutive partitions have consecutive leaders.
    for pair in leaders.windows(2) {
        assert_eq!(pair[1], pair[0] % 3 + 1, "{leaders:?}");
    }

    // Produce through each partition's leader succeeds; through the others it gets 6.
    for (partition, leader) in leaders.iter().enumerate() {
        let partition = partition as i32;
        for node in &nodes {
            let values = [format!("p{partition}-a"), format!("p{partition}-b")];
            let values: Vec<&str> = values.iter().map(String::as_str).collect();
            let answer = produce(node, "spread", partition, &values).await;
            if node.id as i32 == *leader {
                assert_eq!(answer, (0, 0), "partition {partition} through its leader");
            } else {
                assert_eq!(
                    answer.0,
                    ErrorCode::NOT_LEADER_OR_FOLLOWER.0,
                    "partition {partition} through node {}",
                    node.id
                );
            }
        }
    }

    // Produce v10+ through a non-leader names the leader and its endpoint (KIP-951).
    let other = nodes.iter().find(|n| n.id as i32 != leaders[0]).unwrap();
    let answer = produce_v11(other, "spread", 0).await;
    let p = &answer.responses[0].partition_responses[0];
    assert_eq!(
        (p.error_code, p.current_leader.leader_id),
        (ErrorCode::NOT_LEADER_OR_FOLLOWER.0, leaders[0])
    );
    let endpoint_ids: Vec<i32> = answer.node_endpoints.iter().map(|e| e.node_id).collect();
    assert_eq!(endpoint_ids, [leaders[0]]);
    assert_eq!(
        answer.node_endpoints[0].port,
        i32::from(nodes[(leaders[0] - 1) as usize].client_addr.port())
    );

    // A fetch through the leader reads exactly what was produced; elsewhere it gets 6 and
    // is told the leader and its endpoint.
    for (partition, leader) in leaders.iter().enumerate() {
        let leader_node = &nodes[(*leader - 1) as usize];
        let mut client = Client::connect(leader_node.client_addr).await;
        let values = common::read_values(&mut client, "spread", partition as i32, 0).await;
        assert_eq!(
            values,
            [
                (0, format!("p{partition}-a")),
                (1, format!("p{partition}-b"))
            ]
        );
        let other = nodes.iter().find(|n| n.id as i32 != *leader).unwrap();
        let (data, endpoints) = fetch_v16(other, topic_id, partition as i32).await;
        assert_eq!(data.error_code, ErrorCode::NOT_LEADER_OR_FOLLOWER.0);
        assert_eq!(data.current_leader.leader_id, *leader);
        let endpoint_ids: Vec<i32> = endpoints.iter().map(|e| e.node_id).collect();
        assert_eq!(endpoint_ids, [*leader]);
        assert_eq!(endpoints[0].port, i32::from(leader_node.client_addr.port()));
    }

    // Added partitions continue the ring; manual assignments are kept as given; a factor
    // above the broker count or an unknown broker is refused.
    assert_eq!(create_partitions(&nodes[2], "spread", 7).await, 0);
    let m = wait_metadata(&nodes[0], "spread grown", |m| {
        m.topics
            .iter()
            .any(|t| t.name.as_deref() == Some("spread") && t.partitions.len() == 7)
    })
    .await;
    assert_eq!(placement(&m, "spread")[6].0, leaders[5] % 3 + 1);
    let (code, _) = create_topic_request(&nodes[2], assigned("manual", &[&[3, 1], &[1, 2]])).await;
    assert_eq!(code, ErrorCode::NONE.0);
    for node in &nodes {
        let m = wait_metadata(node, "manual listed", |m| {
            topic_names(m).contains(&"manual".to_string())
        })
        .await;
        assert_eq!(
            placement(&m, "manual"),
            [(3, vec![3, 1], vec![3]), (1, vec![1, 2], vec![1])]
        );
    }
    assert_eq!(produce(&nodes[2], "manual", 0, &["m"]).await, (0, 0));
    assert_eq!(
        produce(&nodes[0], "manual", 0, &["m"]).await.0,
        ErrorCode::NOT_LEADER_OR_FOLLOWER.0,
        "a follower replica does not take produce"
    );
    let (code, _) = create_topic_request(&nodes[0], assigned("unknown-broker", &[&[4]])).await;
    assert_eq!(code, ErrorCode::INVALID_REPLICA_ASSIGNMENT.0);
    let too_many = CreatableTopic {
        name: "too-many".into(),
        num_partitions: 1,
        replication_factor: 4,
        ..Default::default()
    };
    let (code, _) = create_topic_request(&nodes[0], too_many).await;
    assert_eq!(code, ErrorCode::INVALID_REPLICATION_FACTOR.0);

    // FindCoordinator names the leader of the group's __consumer_offsets partition, the
    // same through every node; JoinGroup elsewhere gets NOT_COORDINATOR.
    let group = "placed-group";
    let coordinator = find_coordinator(&nodes[0], group).await;
    assert_eq!(coordinator.error_code, ErrorCode::NONE.0);
    let mut m = MetadataResponse::default();
    for node in &nodes {
        m = wait_metadata(node, "__consumer_offsets listed", |m| {
            topic_names(m).contains(&"__consumer_offsets".to_string())
        })
        .await;
    }
    for node in &nodes[1..] {
        assert_eq!(
            find_coordinator(node, group).await.node_id,
            coordinator.node_id
        );
    }
    let offsets = placement(&m, "__consumer_offsets");
    assert_eq!(offsets.len(), 50);
    let index = strom::group::records::partition_for(group, 50) as usize;
    assert_eq!(coordinator.node_id, offsets[index].0);
    let coordinator_node = &nodes[(coordinator.node_id - 1) as usize];
    assert_eq!(
        coordinator.port,
        i32::from(coordinator_node.client_addr.port())
    );
    for node in &nodes {
        let code = join_group(node, group).await;
        if node.id as i32 == coordinator.node_id {
            assert_eq!(code, ErrorCode::MEMBER_ID_REQUIRED.0, "node {}", node.id);
        } else {
            assert_eq!(code, ErrorCode::NOT_COORDINATOR.0, "node {}", node.id);
        }
    }
}

/// A partition's (error code, leader, leader epoch, isr, offline replicas).
type Leadership = (i16, i32, i32, Vec<i32>, Vec<i32>);

/// Each partition's leadership in `topic` of a Metadata answer.
fn leadership(m: &MetadataResponse, topic: &str) -> Vec<Leadership> {
    m.topics
        .iter()
        .find(|t| t.name.as_deref() == Some(topic))
        .map(|t| {
            t.partitions
                .iter()
                .map(|p| {
                    (
                        p.error_code,
                        p.leader_id,
                        p.leader_epoch,
                        p.isr_nodes.clone(),
                        p.offline_replicas.clone(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

/// Broker lifecycle: a broker that stops heartbeating (SIGKILL) is fenced after its
/// session: it is no longer listed, its partition has no leader (LEADER_NOT_AVAILABLE,
/// leader epoch raised, the replica offline) and gets no new replicas; restarted, it
/// registers with a new epoch, is unfenced and leads its partition again with its data.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_broker_that_stops_heartbeating_is_fenced_and_rejoins() {
    let _one = ONE_CLUSTER_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let mut nodes = nodes_with(
        dir.path(),
        &[
            "broker.heartbeat.interval.ms=200",
            "broker.session.timeout.ms=3000",
        ],
    );
    start_all(&mut nodes).await;
    let (code, _) = create_topic_request(&nodes[0], assigned("life", &[&[1], &[2], &[3]])).await;
    assert_eq!(code, ErrorCode::NONE.0);
    let healthy = |leader: i32| (0, leader, 0, vec![leader], vec![]);
    let m = wait_metadata(&nodes[0], "life listed", |m| {
        leadership(m, "life").len() == 3
    })
    .await;
    assert_eq!(leadership(&m, "life"), [healthy(1), healthy(2), healthy(3)]);
    let controller = m.controller_id;
    // The victim is a broker whose controller does not lead: the quorum keeps its leader,
    // which fences the victim once its session expires.
    let victim = (1..=3).find(|id| *id != controller).unwrap();
    let v = (victim - 1) as usize;
    // The victim applies the creation from the metadata log on its own time.
    wait_metadata(&nodes[v], "life listed on the victim", |m| {
        leadership(m, "life").len() == 3
    })
    .await;
    assert_eq!(
        produce(&nodes[v], "life", victim - 1, &["a", "b"]).await,
        (0, 0)
    );

    nodes[v].kill();
    let others: Vec<i32> = (1..=3).filter(|id| *id != victim).collect();
    let mut expected: Vec<_> = (1..=3).map(healthy).collect();
    expected[v] = (
        ErrorCode::LEADER_NOT_AVAILABLE.0,
        -1,
        1,
        vec![victim],
        vec![victim],
    );
    for i in (0..3).filter(|i| *i != v) {
        let m = wait_metadata(&nodes[i], "the victim fenced", |m| broker_ids(m) == others).await;
        assert_eq!(leadership(&m, "life"), expected, "node {}", i + 1);
    }
    let survivor = &nodes[(others[0] - 1) as usize];
    assert_eq!(
        produce(survivor, "life", victim - 1, &["c"]).await.0,
        ErrorCode::NOT_LEADER_OR_FOLLOWER.0
    );
    // New replicas go to live brokers only, and a manual assignment to the fenced one is
    // refused.
    let created = create_topic_with(survivor, "while-down", 4).await;
    assert_eq!(created.topics[0].error_code, ErrorCode::NONE.0);
    let m = wait_metadata(survivor, "while-down listed", |m| {
        leadership(m, "while-down").len() == 4
    })
    .await;
    let placed: Vec<i32> = placement(&m, "while-down").iter().map(|p| p.0).collect();
    assert!(placed.iter().all(|l| others.contains(l)), "{placed:?}");
    let (code, _) = create_topic_request(survivor, assigned("on-fenced", &[&[victim]])).await;
    assert_eq!(code, ErrorCode::INVALID_REPLICA_ASSIGNMENT.0);

    // Restarted: registered anew, unfenced, leading its partition again (epoch 2), with
    // the records it had.
    nodes[v].start();
    expected[v] = (0, victim, 2, vec![victim], vec![]);
    for node in &nodes {
        let m = wait_metadata(node, "the victim back", |m| {
            broker_ids(m) == [1, 2, 3] && leadership(m, "life").get(v).map(|p| p.1) == Some(victim)
        })
        .await;
        assert_eq!(leadership(&m, "life"), expected);
    }
    assert_eq!(produce(&nodes[v], "life", victim - 1, &["c"]).await, (0, 2));
}

/// Nodes 1-3 controller-only (`process.roles=controller`, a controller listener and
/// nothing else) and nodes 4-5 broker-only (`process.roles=broker`, a PLAINTEXT listener
/// and `strom.metadata.listener`, where the quorum leader sends them the log).
fn split_nodes(dir: &Path) -> Vec<Node> {
    let controllers: Vec<u16> = (0..3).map(|_| common::free_port()).collect();
    let voters = controllers
        .iter()
        .enumerate()
        .map(|(i, port)| format!("{}@127.0.0.1:{port}", i + 1))
        .collect::<Vec<_>>()
        .join(",");
    let node = |id: u64, addr: String, roles: &[String]| {
        let mut settings = vec![
            format!("node.id={id}"),
            format!("controller.quorum.voters={voters}"),
            format!("log.dirs={}", dir.join(format!("node-{id}")).display()),
            "broker.heartbeat.interval.ms=200".to_string(),
            "broker.session.timeout.ms=3000".to_string(),
        ];
        settings.extend_from_slice(roles);
        Node {
            id,
            client_addr: addr.parse().unwrap(),
            args: settings
                .iter()
                .flat_map(|s| ["--override".to_string(), s.clone()])
                .collect(),
            log: dir.join(format!("node-{id}.log")),
            child: None,
        }
    };
    let mut nodes: Vec<Node> = controllers
        .iter()
        .enumerate()
        .map(|(i, port)| {
            let addr = format!("127.0.0.1:{port}");
            let roles = [
                "process.roles=controller".to_string(),
                format!("listeners=CONTROLLER://{addr}"),
            ];
            node(i as u64 + 1, addr, &roles)
        })
        .collect();
    for id in [4, 5] {
        let client = common::free_port();
        let roles = [
            "process.roles=broker".to_string(),
            format!("listeners=PLAINTEXT://127.0.0.1:{client}"),
            format!("strom.metadata.listener=127.0.0.1:{}", common::free_port()),
        ];
        nodes.push(node(id, format!("127.0.0.1:{client}"), &roles));
    }
    nodes
}

/// The quorum's partition in `node`'s DescribeQuorum answer, and the node ids it lists.
async fn quorum_partition(node: &Node) -> (describe_quorum_response::PartitionData, Vec<i32>) {
    let mut answer = describe_quorum(node).await;
    assert_eq!(answer.error_code, 0);
    let nodes = answer.nodes.iter().map(|n| n.node_id).collect();
    (answer.topics.remove(0).partitions.remove(0), nodes)
}

/// Waits until `node`'s DescribeQuorum answer satisfies `ready`; returns its partition.
async fn wait_quorum(
    node: &Node,
    what: &str,
    ready: impl Fn(&describe_quorum_response::PartitionData) -> bool,
) -> (describe_quorum_response::PartitionData, Vec<i32>) {
    let deadline = Instant::now() + WAIT;
    loop {
        let (partition, nodes) = quorum_partition(node).await;
        if ready(&partition) {
            return (partition, nodes);
        }
        assert!(
            Instant::now() < deadline,
            "node {}: {what}: last {partition:?}",
            node.id
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn ids(replicas: &[describe_quorum_response::ReplicaState]) -> Vec<i32> {
    let mut ids: Vec<i32> = replicas.iter().map(|r| r.replica_id).collect();
    ids.sort_unstable();
    ids
}

async fn describe_cluster_brokers(node: &Node) -> (Vec<i32>, i32) {
    let mut client = Client::connect(node.client_addr).await;
    let request = DescribeClusterRequest {
        endpoint_type: 1,
        ..Default::default()
    };
    match client.call(1, RequestBody::DescribeCluster(request)).await {
        ResponseBody::DescribeCluster(r) => (
            r.brokers.iter().map(|b| b.broker_id).collect(),
            r.controller_id,
        ),
        other => panic!("unexpected {other:?}"),
    }
}

/// Three controller-only nodes and two broker-only nodes, as KRaft deploys them: the
/// brokers join the quorum as observers and are the only brokers listed; topics created
/// through one broker are placed on the brokers only and served by their leaders; after
/// the quorum leader is killed another controller leads and topics can still be created;
/// a restarted broker rejoins.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn controllers_and_brokers_on_separate_nodes() {
    let _one = ONE_CLUSTER_AT_A_TIME.lock().await;
    let dir = tempfile::tempdir().unwrap();
    let mut nodes = split_nodes(dir.path());
    for node in &mut nodes {
        node.start();
    }
    let (b4, b5) = (3, 4);
    for &i in &[b4, b5] {
        let m = wait_metadata(&nodes[i], "brokers 4 and 5 registered", |m| {
            broker_ids(m) == [4, 5]
        })
        .await;
        // A broker-only node names itself as controller, as Kafka's KRaft brokers name a
        // live broker: clients send CreateTopics there and it forwards it to the quorum.
        assert_eq!(m.controller_id, nodes[i].id as i32);
        assert_eq!(
            describe_cluster_brokers(&nodes[i]).await,
            (vec![4, 5], nodes[i].id as i32)
        );
    }

    // DescribeQuorum through a broker (forwarded to the leader): voters 1-3, observers 4-5.
    let (partition, listed) = wait_quorum(&nodes[b4], "both observers", |p| {
        p.error_code == 0 && ids(&p.observers) == [4, 5]
    })
    .await;
    assert_eq!(ids(&partition.current_voters), [1, 2, 3]);
    assert_eq!(listed, [1, 2, 3]);
    let leader = partition.leader_id;
    assert!((1..=3).contains(&leader), "{partition:?}");
    assert!(partition.high_watermark > 0);
    for observer in &partition.observers {
        assert!(observer.log_end_offset > 0, "{partition:?}");
    }

    // A topic created through broker 4 is placed on brokers 4 and 5 only, and broker 5
    // sees the same placement.
    let created = create_topic_with(&nodes[b4], "split", 4).await;
    assert_eq!(created.topics[0].error_code, ErrorCode::NONE.0);
    let m = wait_metadata(&nodes[b5], "split listed", |m| topic_names(m) == ["split"]).await;
    let placed = placement(&m, "split");
    let m4 = wait_metadata(&nodes[b4], "split listed", |m| topic_names(m) == ["split"]).await;
    assert_eq!(placement(&m4, "split"), placed);
    let leaders: Vec<i32> = placed.iter().map(|(l, _, _)| *l).collect();
    for broker in [4, 5] {
        assert_eq!(
            leaders.iter().filter(|l| **l == broker).count(),
            2,
            "{leaders:?}"
        );
    }
    assert_eq!(broker_ids(&m), [4, 5]);

    // Produce and fetch through each partition's leader.
    for (partition, leader) in leaders.iter().enumerate() {
        let node = &nodes[(*leader - 1) as usize];
        let value = format!("split-{partition}");
        assert_eq!(
            produce(node, "split", partition as i32, &[&value]).await,
            (0, 0)
        );
        let mut client = Client::connect(node.client_addr).await;
        let values = common::read_values(&mut client, "split", partition as i32, 0).await;
        assert_eq!(values, [(0, value)]);
    }
    // The controllers hold no partition logs.
    for node in &nodes[..3] {
        let mut entries: Vec<String> =
            std::fs::read_dir(dir.path().join(format!("node-{}", node.id)))
                .unwrap()
                .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
                .collect();
        entries.sort();
        assert_eq!(entries, ["__cluster_metadata-0"], "node {}", node.id);
    }

    // Kill the quorum leader: another controller leads and broker 5 can still create.
    nodes[(leader - 1) as usize].kill();
    let (partition, _) = wait_quorum(&nodes[b5], "a new quorum leader", |p| {
        p.error_code == 0 && p.leader_id > 0 && p.leader_id != leader
    })
    .await;
    assert!((1..=3).contains(&partition.leader_id), "{partition:?}");
    let created = create_topic(&nodes[b5], "after-split-failover").await;
    assert_eq!(created.topics[0].error_code, ErrorCode::NONE.0);
    wait_metadata(&nodes[b4], "after-split-failover listed", |m| {
        topic_names(m) == ["after-split-failover", "split"]
    })
    .await;

    // A killed broker-only node is fenced once its session expires, by the new leader,
    // while broker 5, heartbeating to it, stays: its partitions lose their leader.
    nodes[b4].kill();
    let m = wait_metadata(&nodes[b5], "broker 4 fenced", |m| broker_ids(m) == [5]).await;
    let fenced: Vec<i32> = placement(&m, "split").iter().map(|p| p.0).collect();
    let want: Vec<i32> = leaders
        .iter()
        .map(|l| if *l == 4 { -1 } else { *l })
        .collect();
    assert_eq!(fenced, want);

    // A restarted broker rejoins (it is already an observer), catches up and leads again.
    nodes[b4].start();
    let m = wait_metadata(&nodes[b4], "broker 4 back", |m| {
        topic_names(m) == ["after-split-failover", "split"] && broker_ids(m) == [4, 5]
    })
    .await;
    let m5 = wait_metadata(&nodes[b5], "broker 4 leads again", |m| {
        placement(m, "split")
            .iter()
            .map(|p| p.0)
            .collect::<Vec<_>>()
            == leaders
    })
    .await;
    assert_eq!(broker_ids(&m5), [4, 5]);
    assert_eq!(broker_ids(&m), [4, 5]);
    let (partition, _) = wait_quorum(&nodes[b4], "observers after the restart", |p| {
        p.error_code == 0 && ids(&p.observers) == [4, 5]
    })
    .await;
    assert_eq!(ids(&partition.current_voters), [1, 2, 3]);
}
