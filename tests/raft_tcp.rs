//! The controller quorum over real TCP on loopback, through `RaftMetadata`: proposals
//! commit on every controller, a follower forwards its proposals to the leader, a
//! proposal that does not fit is refused, and after the leader stops another takes over and
//! the stopped one catches up when it returns on the same address.

use std::collections::BTreeMap;
use std::time::Duration;
use strom::metadata::{ConfigResource, MetadataRecord};
use strom::raft::metadata::{ProposeError, RaftMetadata};
use strom::raft::{learner, QuorumSettings};
use tokio::net::TcpListener;

fn settings() -> QuorumSettings {
    QuorumSettings {
        heartbeat_interval_ms: 50,
        election_timeout_min_ms: 300,
        election_timeout_max_ms: 600,
        snapshot_every_entries: 10,
        fsync: true,
        ..QuorumSettings::default()
    }
}

fn config(key: &str) -> MetadataRecord {
    MetadataRecord::Config {
        resource: ConfigResource::Broker(String::new()),
        key: key.into(),
        value: Some("1".into()),
    }
}

/// Loopback listeners for controllers 1-3, and the voter set of their addresses.
async fn bind_three() -> (BTreeMap<u64, TcpListener>, BTreeMap<u64, String>) {
    let mut listeners = BTreeMap::new();
    let mut voters = BTreeMap::new();
    for id in 1..=3u64 {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        voters.insert(id, listener.local_addr().unwrap().to_string());
        listeners.insert(id, listener);
    }
    (listeners, voters)
}

/// Opens controller `id` of `voters` on `dirs[id - 1]`, serving on its listener, for each.
async fn open_voters(
    dirs: &[tempfile::TempDir],
    listeners: BTreeMap<u64, TcpListener>,
    voters: &BTreeMap<u64, String>,
) -> BTreeMap<u64, RaftMetadata> {
    let mut nodes = BTreeMap::new();
    for (id, listener) in listeners {
        let dir = dirs[id as usize - 1].path();
        let node = RaftMetadata::open(dir, id, voters, Some(listener), &settings())
            .await
            .unwrap();
        nodes.insert(id, node);
    }
    nodes
}

/// Waits until some controller in `nodes` leads; returns its id.
async fn leader(nodes: &BTreeMap<u64, RaftMetadata>) -> u64 {
    for _ in 0..200 {
        for (id, node) in nodes {
            let metrics = node.controller().raft.metrics().borrow().clone();
            if metrics.current_leader == Some(*id) {
                return *id;
            }
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("no leader within 10 s");
}

/// Waits until every controller's image holds broker config `key`.
async fn everywhere(nodes: &BTreeMap<u64, RaftMetadata>, key: &str) {
    for _ in 0..200 {
        if nodes.values().all(|n| {
            n.image()
                .broker_configs
                .get("")
                .is_some_and(|c| c.contains_key(key))
        }) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    panic!("{key} did not reach every controller");
}

/// A quorum of one leads at once and commits on the same code path as a cluster.
#[tokio::test]
async fn quorum_of_one() {
    let dir = tempfile::tempdir().unwrap();
    let metadata = RaftMetadata::open_single(dir.path(), 1, &settings())
        .await
        .unwrap();
    let image = metadata.propose(vec![config("a")]).await.unwrap();
    assert_eq!(image.offset, 0);
    let image = metadata
        .propose(vec![config("b"), config("c")])
        .await
        .unwrap();
    assert_eq!(image.offset, 2);
    metadata.shutdown().await;
    let metadata = RaftMetadata::open_single(dir.path(), 1, &settings())
        .await
        .unwrap();
    let image = metadata.propose(vec![config("d")]).await.unwrap();
    assert_eq!(image.offset, 3);
    assert_eq!(image.broker_configs[""].len(), 4);
    metadata.shutdown().await;
}

/// Three controllers over TCP: commit everywhere, follower refusal, validation, leader
/// failover and catch-up of the returning node.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_controllers_over_tcp() {
    let dirs: Vec<_> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let (listeners, voters) = bind_three().await;
    let mut nodes = open_voters(&dirs, listeners, &voters).await;
    let first = leader(&nodes).await;
    for i in 0..12 {
        nodes[&first]
            .propose(vec![config(&format!("k{i}"))])
            .await
            .unwrap();
    }
    everywhere(&nodes, "k11").await;
    let follower = *nodes.keys().find(|id| **id != first).unwrap();
    // A follower forwards to the leader over the controller listener, and answers once it
    // has applied the records itself.
    assert_eq!(nodes[&follower].leader(), Some(first));
    let image = nodes[&follower].propose(vec![config("x")]).await.unwrap();
    assert_eq!(image.broker_configs[""]["x"], "1");
    let bad = MetadataRecord::DeleteTopic {
        id: "00000000000000000000000000000001".into(),
    };
    assert!(matches!(
        nodes[&first].propose(vec![bad]).await,
        Err(ProposeError::Invalid(_))
    ));

    let stopped = nodes.remove(&first).unwrap();
    stopped.shutdown().await;
    let second = leader(&nodes).await;
    assert_ne!(second, first);
    nodes[&second].propose(vec![config("after")]).await.unwrap();
    everywhere(&nodes, "after").await;

    let listener = TcpListener::bind(&voters[&first]).await.unwrap();
    let back = RaftMetadata::open(
        dirs[first as usize - 1].path(),
        first,
        &voters,
        Some(listener),
        &settings(),
    )
    .await
    .unwrap();
    nodes.insert(first, back);
    everywhere(&nodes, "after").await;
    let images: Vec<_> = nodes.values().map(|n| n.image()).collect();
    assert!(images.iter().all(|i| **i == *images[0]));
    // k0..k11, x (forwarded) and after.
    assert_eq!(images[0].broker_configs[""].len(), 14);
    for (_, node) in nodes {
        node.shutdown().await;
    }
}

/// A TCP relay in front of a controller listener that loses the answer to the first
/// forwarded proposal it carries (it relays the request, then closes the connection), as a
/// network failure after the leader committed would. Everything else passes through.
async fn lossy_relay(target: String) -> (String, std::sync::Arc<std::sync::atomic::AtomicUsize>) {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap().to_string();
    let lost = std::sync::Arc::new(AtomicUsize::new(0));
    let counter = std::sync::Arc::clone(&lost);
    tokio::spawn(async move {
        loop {
            let Ok((mut inbound, _)) = listener.accept().await else {
                return;
            };
            let target = target.clone();
            let lost = std::sync::Arc::clone(&counter);
            tokio::spawn(async move {
                let Ok(mut outbound) = tokio::net::TcpStream::connect(&target).await else {
                    return;
                };
                // The first frame tells a forwarded proposal from Raft traffic.
                let mut size = [0u8; 4];
                if inbound.read_exact(&mut size).await.is_err() {
                    return;
                }
                let mut payload = vec![0u8; u32::from_be_bytes(size) as usize];
                if inbound.read_exact(&mut payload).await.is_err() {
                    return;
                }
                let proposal = payload.starts_with(b"{\"Propose\"");
                if outbound.write_all(&size).await.is_err()
                    || outbound.write_all(&payload).await.is_err()
                {
                    return;
                }
                if proposal && lost.fetch_add(1, Ordering::SeqCst) == 0 {
                    // Wait for the answer (the leader has committed), then lose it.
                    let mut answer = [0u8; 4];
                    let _ = outbound.read_exact(&mut answer).await;
                    return;
                }
                let _ = tokio::io::copy_bidirectional(&mut inbound, &mut outbound).await;
            });
        }
    });
    (address, lost)
}

/// A forwarded proposal whose answer is lost after the leader committed it: the proposer
/// recognises its own records in its image (before retrying, or once a retry is refused
/// because the topic exists) and answers success, rather than failing or applying twice.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_lost_answer_to_a_forwarded_proposal_is_not_a_failure() {
    let dirs: Vec<_> = (0..3).map(|_| tempfile::tempdir().unwrap()).collect();
    let (listeners, mut voters) = bind_three().await;
    let mut relays = Vec::new();
    for address in voters.values_mut() {
        let (relay, lost) = lossy_relay(address.clone()).await;
        *address = relay;
        relays.push(lost);
    }
    let nodes = open_voters(&dirs, listeners, &voters).await;
    let first = leader(&nodes).await;
    let follower = *nodes.keys().find(|id| **id != first).unwrap();
    let topic = MetadataRecord::CreateTopic {
        name: "once".into(),
        id: "0123456789abcdef0123456789abcdef".into(),
        partitions: 1,
        configs: BTreeMap::new(),
        replicas: vec![vec![1]],
        states: Vec::new(),
    };
    let image = nodes[&follower]
        .propose(vec![topic.clone()])
        .await
        .expect("the lost answer is recovered from");
    assert_eq!(image.topics["once"].partitions, 1);
    let forwarded: usize = relays
        .iter()
        .map(|l| l.load(std::sync::atomic::Ordering::SeqCst))
        .sum();
    // The lost answer, and perhaps a retry (refused: the topic exists) if the follower had
    // not yet applied the topic when it looked before retrying.
    assert!((1..=2).contains(&forwarded), "{forwarded}");
    // Applied once: a second, new proposal of the same topic is refused as a duplicate.
    assert!(matches!(
        nodes[&follower].propose(vec![topic]).await,
        Err(ProposeError::Invalid(_))
    ));
    for (_, node) in nodes {
        node.shutdown().await;
    }
}

/// A learner (broker-only node) over TCP: it joins through a voter that need not lead,
/// follows every commit, forwards its proposals to the leader, is listed as a learner and
/// never as a voter; rejoining after a restart on another address is idempotent and moves
/// it; a voter's id cannot join as a learner.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_learner_joins_follows_and_rejoins() {
    let dirs: Vec<_> = (0..4).map(|_| tempfile::tempdir().unwrap()).collect();
    let (listeners, voters) = bind_three().await;
    let mut nodes = open_voters(&dirs, listeners, &voters).await;
    let first = leader(&nodes).await;
    nodes[&first].propose(vec![config("before")]).await.unwrap();

    // Join through a follower only: it forwards the join to the leader.
    let follower = *nodes.keys().find(|id| **id != first).unwrap();
    let only_follower = BTreeMap::from([(follower, voters[&follower].clone())]);
    let open_learner = |addr: String| {
        let dir = dirs[3].path().to_path_buf();
        let voters = only_follower.clone();
        async move {
            let listener = TcpListener::bind(&addr).await.unwrap();
            let addr = listener.local_addr().unwrap().to_string();
            learner::open(&dir, 4, listener, addr, &voters, &settings()).await
        }
    };
    let observer = open_learner("127.0.0.1:0".into()).await.unwrap();
    // Caught up at join: the image already holds what was committed before.
    assert_eq!(observer.image().broker_configs[""]["before"], "1");
    let image = observer
        .propose(vec![config("from-learner")])
        .await
        .unwrap();
    assert_eq!(image.broker_configs[""]["from-learner"], "1");
    nodes.insert(4, observer);
    everywhere(&nodes, "from-learner").await;
    let membership = nodes[&first]
        .controller()
        .raft
        .metrics()
        .borrow()
        .membership_config
        .clone();
    assert_eq!(membership.voter_ids().collect::<Vec<_>>(), [1, 2, 3]);
    let learners: Vec<u64> = membership.membership().learner_ids().collect();
    assert_eq!(learners, [4]);
    let state = learner::leader_state(&nodes[&first].controller().raft).unwrap();
    assert_eq!(state.observers.len(), 1);
    assert_eq!(state.observers[0].node_id, 4);

    // Restart on another port: the join updates its address and it follows again.
    nodes.remove(&4).unwrap().shutdown().await;
    let observer = open_learner("127.0.0.1:0".into()).await.unwrap();
    nodes.insert(4, observer);
    nodes[&first]
        .propose(vec![config("after-rejoin")])
        .await
        .unwrap();
    everywhere(&nodes, "after-rejoin").await;
    let learners: Vec<u64> = nodes[&first]
        .controller()
        .raft
        .metrics()
        .borrow()
        .membership_config
        .membership()
        .learner_ids()
        .collect();
    assert_eq!(learners, [4]);

    // A voter's id is refused.
    let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap().to_string();
    let empty = tempfile::tempdir().unwrap();
    let refused = learner::open(empty.path(), 2, listener, addr, &voters, &settings()).await;
    let message = format!("{:#}", refused.err().expect("a voter cannot join"));
    assert!(message.contains("node 2 is a voter"), "{message}");
    for (_, node) in nodes {
        node.shutdown().await;
    }
}
