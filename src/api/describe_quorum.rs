//! DescribeQuorum: the metadata quorum (`__cluster_metadata-0`) as its leader sees it: the
//! leader, its epoch (the Raft term), the high watermark and each voter's log end offset,
//! from openraft's metrics. Offsets are Raft log indexes plus one (the next index), so a
//! voter's lag is the leader's log end offset minus its own. A node that does not lead
//! answers NOT_LEADER_OR_FOLLOWER naming the leader it knows, as Kafka's controllers do
//! (strom's brokers do not forward DescribeQuorum).

use crate::broker::Broker;
use openraft::ServerState;
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
    let controller = broker.metadata.raft_metadata().controller();
    let metrics = controller.raft.metrics().borrow().clone();
    let mut partition = PartitionData {
        partition_index: 0,
        leader_id: metrics.current_leader.map_or(-1, |id| id as i32),
        leader_epoch: metrics.current_term as i32,
        high_watermark: -1,
        ..Default::default()
    };
    if metrics.state != ServerState::Leader {
        partition.error_code = ErrorCode::NOT_LEADER_OR_FOLLOWER.0;
        partition.error_message = Some("this node does not lead the metadata quorum".into());
    } else {
        let next = |index: Option<u64>| index.map_or(0, |i| i as i64 + 1);
        partition.high_watermark = next(controller.log.committed().map(|c| c.index));
        let leader_end = next(metrics.last_log_index);
        let matched = metrics.replication.clone().unwrap_or_default();
        partition.current_voters = metrics
            .membership_config
            .membership()
            .voter_ids()
            .map(|id| ReplicaState {
                replica_id: id as i32,
                replica_directory_id: Uuid::ZERO,
                log_end_offset: if id == controller.id {
                    leader_end
                } else {
                    next(matched.get(&id).copied().flatten().map(|l| l.index))
                },
                last_fetch_timestamp: -1,
                last_caught_up_timestamp: -1,
                ..Default::default()
            })
            .collect();
    }
    let nodes = metrics
        .membership_config
        .nodes()
        .filter_map(|(id, node)| {
            let (host, port) = node.addr.rsplit_once(':')?;
            Some(Node {
                node_id: *id as i32,
                listeners: vec![Listener {
                    name: "CONTROLLER".into(),
                    host: host.to_string(),
                    port: port.parse().ok()?,
                    ..Default::default()
                }],
                ..Default::default()
            })
        })
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
