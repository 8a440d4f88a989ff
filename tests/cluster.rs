//! Three real strom processes sharing a metadata quorum on loopback: a topic created through
//! any node is listed by every node with all three brokers; after the active controller is
//! killed (SIGKILL) a new one is elected, metadata changes continue through the survivors,
//! and the killed node catches up when it restarts. DescribeQuorum reports the quorum.

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

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn nodes(dir: &Path) -> Vec<Node> {
    let ports: Vec<(u16, u16)> = (0..3).map(|_| (free_port(), free_port())).collect();
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
                    .flat_map(|s| ["--override".to_string(), s.clone()])
                    .collect(),
                log: dir.join(format!("node-{id}.log")),
                child: None,
            }
        })
        .collect()
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

async fn create_topic(node: &Node, name: &str) -> CreateTopicsResponse {
    let mut client = Client::connect(node.client_addr).await;
    let request = CreateTopicsRequest {
        topics: vec![CreatableTopic {
            name: name.into(),
            num_partitions: 2,
            replication_factor: 1,
            ..Default::default()
        }],
        timeout_ms: 20_000,
        ..Default::default()
    };
    match client.call(7, RequestBody::CreateTopics(request)).await {
        ResponseBody::CreateTopics(r) => r,
        other => panic!("unexpected {other:?}"),
    }
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
    let dir = tempfile::tempdir().unwrap();
    let mut nodes = nodes(dir.path());
    for node in &mut nodes {
        node.start();
    }
    for node in &nodes {
        wait_metadata(node, "3 brokers registered", |m| {
            broker_ids(m) == [1, 2, 3] && m.controller_id > 0
        })
        .await;
    }

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
    let follower = nodes.iter().find(|n| n.id as i32 != leader).unwrap();
    let answer = describe_quorum(follower).await;
    let partition = &answer.topics[0].partitions[0];
    assert_eq!(
        (partition.error_code, partition.leader_id),
        (ErrorCode::NOT_LEADER_OR_FOLLOWER.0, leader)
    );

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
    assert!(dir
        .path()
        .join(format!("node-{}", killed + 1))
        .join("after-failover-1")
        .is_dir());
}
