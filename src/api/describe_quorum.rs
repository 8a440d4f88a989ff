//! DescribeQuorum: the metadata quorum (`__cluster_metadata-0`) as its leader sees it: the
//! leader, its epoch (the Raft term), the high watermark, each voter's log end offset and,
//! as `observers`, each broker-only node's (openraft learners), from openraft's metrics.
//! Offsets are Raft log indexes plus one (the next index), so a member's lag is the
//! leader's log end offset minus its own. Any node that does not lead (a voter or a
//! broker-only node) asks the leader over the controller listener, as Kafka's brokers
//! forward the request to the active controller; if the leader cannot be asked, it answers
//! NOT_LEADER_OR_FOLLOWER naming the leader it knows. `nodes` lists the voters' controller
//! endpoints.

use crate::broker::Broker;
use crate::raft::learner::{QuorumState, ReplicaProgress};
use crate::raft::tcp::Refusal;
use strom_protocol::generated::describe_quorum_response::{
    Listener, Node, PartitionData, ReplicaState, TopicData,
};
use strom_protocol::generated::{DescribeQuorumRequest, DescribeQuorumResponse};
use strom_protocol::{ErrorCode, Uuid};

const TOPIC: &str = "__cluster_metadata";

pub fn handle(broker: &Broker, request: DescribeQuorumRequest) -> DescribeQuorumResponse {
    let asks_for_quorum = request.topics.len() == 1
        && request.topics[0].topic_name == TOPIC
        && request.topics[0].partitions.len() == 1
        && request.topics[0].partitions[0].partition_index == 0;
    if !asks_for_quorum {
        return DescribeQuorumResponse {
            error_code: ErrorCode::INVALID_REQUEST.0,
            error_message: Some(format!("only {TOPIC}-0 has a quorum")),
            ..Default::default()
        };
    }
    let raft = &broker.metadata.raft_metadata().controller().raft;
    // Asked of a broker (this is the broker listener): a node that does not lead asks the
    // leader, as Kafka's brokers forward DescribeQuorum to the active controller.
    let state = match crate::raft::learner::leader_state(raft) {
        Some(state) => Ok(state),
        None => broker.metadata.describe(),
    };
    let (partition, voters) = match state {
        Ok(state) => (partition_data(&state), state.voter_addresses),
        Err(refusal) => {
            let metrics = raft.metrics().borrow().clone();
            let (leader, message) = match refusal {
                Refusal::NotLeader(leader) => (
                    leader,
                    "this node does not lead the metadata quorum".to_string(),
                ),
                other => (
                    metrics.current_leader,
                    format!("the metadata quorum's leader did not answer: {other:?}"),
                ),
            };
            let membership = metrics.membership_config.membership();
            let voters = membership
                .nodes()
                .filter(|(id, _)| membership.voter_ids().any(|v| v == **id))
                .map(|(id, node)| (*id, node.addr.clone()))
                .collect();
            let partition = PartitionData {
                partition_index: 0,
                error_code: ErrorCode::NOT_LEADER_OR_FOLLOWER.0,
                error_message: Some(message),
                leader_id: leader.map_or(-1, |id| id as i32),
                leader_epoch: metrics.current_term as i32,
                high_watermark: -1,
                ..Default::default()
            };
            (partition, voters)
        }
    };
    let nodes = voters
        .iter()
        .filter_map(|(id, addr)| controller_node(*id, addr))
        .collect();
    DescribeQuorumResponse {
        error_code: ErrorCode::NONE.0,
        topics: vec![TopicData {
            topic_name: TOPIC.into(),
            partitions: vec![partition],
            ..Default::default()
        }],
        nodes,
        ..Default::default()
    }
}

fn partition_data(state: &QuorumState) -> PartitionData {
    let replica = |p: &ReplicaProgress| ReplicaState {
        replica_id: p.node_id as i32,
        replica_directory_id: Uuid::ZERO,
        log_end_offset: p.log_end_offset,
        last_fetch_timestamp: -1,
        last_caught_up_timestamp: -1,
        ..Default::default()
    };
    PartitionData {
        partition_index: 0,
        leader_id: state.leader_id as i32,
        leader_epoch: state.term as i32,
        high_watermark: state.high_watermark,
        current_voters: state.voters.iter().map(replica).collect(),
        observers: state.observers.iter().map(replica).collect(),
        ..Default::default()
    }
}

/// A voter's endpoint: its controller listener.
fn controller_node(node_id: u64, addr: &str) -> Option<Node> {
    let (host, port) = addr.rsplit_once(':')?;
    Some(Node {
        node_id: node_id as i32,
        listeners: vec![Listener {
            name: "CONTROLLER".into(),
            host: host.to_string(),
            port: port.parse().ok()?,
            ..Default::default()
        }],
        ..Default::default()
    })
}
