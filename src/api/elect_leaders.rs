//! ElectLeaders: every partition is led by its first (preferred) replica as placed, and
//! leadership never moves yet, so an election is never needed. Named partitions that exist get
//! ELECTION_NOT_NEEDED, unknown ones UNKNOWN_TOPIC_OR_PARTITION; a null partition list
//! (every partition) answers only the partitions where an election happened — none — as
//! Kafka's controller leaves ELECTION_NOT_NEEDED out of that answer.

use crate::broker::Broker;
use strom_protocol::generated::elect_leaders_response::{PartitionResult, ReplicaElectionResult};
use strom_protocol::generated::{ElectLeadersRequest, ElectLeadersResponse};
use strom_protocol::ErrorCode;

/// `election_type` values: preferred (the only one v0 knows) and unclean.
const PREFERRED: i8 = 0;
const UNCLEAN: i8 = 1;

pub fn handle(broker: &Broker, request: ElectLeadersRequest) -> ElectLeadersResponse {
    if !matches!(request.election_type, PREFERRED | UNCLEAN) {
        return ElectLeadersResponse {
            error_code: ErrorCode::INVALID_REQUEST.0,
            ..Default::default()
        };
    }
    let Some(requested) = request.topic_partitions else {
        return ElectLeadersResponse::default();
    };
    let replica_election_results = requested
        .into_iter()
        .map(|topic| {
            let known = broker.topic(&topic.topic);
            let partition_result = topic
                .partitions
                .iter()
                .map(|&partition_id| {
                    let exists = known
                        .as_ref()
                        .is_some_and(|t| (0..t.partitions.len() as i32).contains(&partition_id));
                    let (code, message) = match (&known, exists) {
                        (_, true) => (ErrorCode::ELECTION_NOT_NEEDED, None),
                        (None, _) => (
                            ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                            Some(format!("No such topic as {}", topic.topic)),
                        ),
                        (Some(_), false) => (
                            ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
                            Some(format!(
                                "No such partition as {}-{partition_id}",
                                topic.topic
                            )),
                        ),
                    };
                    PartitionResult {
                        partition_id,
                        error_code: code.0,
                        error_message: message,
                        ..Default::default()
                    }
                })
                .collect();
            ReplicaElectionResult {
                topic: topic.topic,
                partition_result,
                ..Default::default()
            }
        })
        .collect();
    ElectLeadersResponse {
        replica_election_results,
        ..Default::default()
    }
}
