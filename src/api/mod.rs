//! One handler per Kafka API. Each turns a decoded request into calls on the broker and
//! builds the response; errors are Kafka error codes in the response, never panics.

mod alter_configs;
pub mod api_versions;
mod create_partitions;
mod create_topics;
mod delete_groups;
mod delete_records;
mod delete_topics;
mod describe_cluster;
mod describe_configs;
mod describe_groups;
mod describe_log_dirs;
mod describe_producers;
mod describe_quorum;
mod describe_topic_partitions;
mod elect_leaders;
pub mod fetch;
mod find_coordinator;
mod heartbeat;
mod init_producer_id;
mod join_group;
mod leave_group;
mod list_groups;
mod list_offsets;
mod metadata;
mod offset_commit;
mod offset_delete;
mod offset_fetch;
pub mod produce;
mod sync_group;
mod unsupported;

use crate::broker::Broker;
use strom_protocol::{Request, RequestBody, ResponseBody};

/// A request for an API strom decodes but neither implements nor answers with an error
/// (and does not advertise): the connection is closed, as Kafka does for unknown requests.
#[derive(Debug)]
pub struct NotImplemented(pub &'static str);

/// What a handled request answers.
pub enum Reply {
    /// The answer, to send now; `None` when nothing is sent (Produce with acks=0).
    Now(Option<ResponseBody>),
    /// A produce answer that may be sent only once its appends are fsynced (when the
    /// request's acks ask for it); the connection goes on with later requests meanwhile.
    AfterFlush(produce::Appended),
    /// A fetch answer whose records may be placeholders for file ranges, sent from the
    /// files (see `net::output`).
    Placed(
        strom_protocol::generated::FetchResponse,
        Vec<crate::net::output::Placed>,
    ),
}

/// Handles one request. `client_host` is the client's address as Kafka shows it in
/// DescribeGroups (`/1.2.3.4`).
pub async fn handle(
    broker: &Broker,
    request: Request,
    client_host: &str,
) -> Result<Reply, NotImplemented> {
    let version = request.header.api_version;
    let client_id = request.header.client_id.clone().unwrap_or_default();
    let response = match request.body {
        RequestBody::ApiVersions(r) => ResponseBody::ApiVersions(api_versions::handle(r)),
        RequestBody::Metadata(r) => ResponseBody::Metadata(metadata::handle(broker, r, version)),
        RequestBody::Produce(r) => {
            return Ok(Reply::AfterFlush(produce::append(broker, r, version)))
        }
        RequestBody::Fetch(r) => {
            let (response, placed) = fetch::handle(broker, r, version).await;
            return Ok(Reply::Placed(response, placed));
        }
        RequestBody::ListOffsets(r) => {
            ResponseBody::ListOffsets(list_offsets::handle(broker, r, version))
        }
        RequestBody::CreateTopics(r) => {
            ResponseBody::CreateTopics(create_topics::handle(broker, r, version))
        }
        RequestBody::DeleteRecords(r) => {
            ResponseBody::DeleteRecords(delete_records::handle(broker, r))
        }
        RequestBody::InitProducerId(r) => {
            ResponseBody::InitProducerId(init_producer_id::handle(broker, r))
        }
        RequestBody::DeleteTopics(r) => {
            ResponseBody::DeleteTopics(delete_topics::handle(broker, r, version))
        }
        RequestBody::FindCoordinator(r) => {
            ResponseBody::FindCoordinator(find_coordinator::handle(broker, r, version))
        }
        RequestBody::JoinGroup(r) => ResponseBody::JoinGroup(
            join_group::handle(broker, r, version, client_id, client_host.to_string()).await,
        ),
        RequestBody::SyncGroup(r) => ResponseBody::SyncGroup(sync_group::handle(broker, r).await),
        RequestBody::Heartbeat(r) => ResponseBody::Heartbeat(heartbeat::handle(broker, r)),
        RequestBody::LeaveGroup(r) => {
            ResponseBody::LeaveGroup(leave_group::handle(broker, r, version))
        }
        RequestBody::OffsetCommit(r) => {
            ResponseBody::OffsetCommit(offset_commit::handle(broker, r))
        }
        RequestBody::OffsetFetch(r) => {
            ResponseBody::OffsetFetch(offset_fetch::handle(broker, r, version))
        }
        RequestBody::DescribeGroups(r) => {
            ResponseBody::DescribeGroups(describe_groups::handle(broker, r, version))
        }
        RequestBody::ListGroups(r) => ResponseBody::ListGroups(list_groups::handle(broker, r)),
        RequestBody::DeleteGroups(r) => {
            ResponseBody::DeleteGroups(delete_groups::handle(broker, r))
        }
        RequestBody::OffsetDelete(r) => {
            ResponseBody::OffsetDelete(offset_delete::handle(broker, r))
        }
        RequestBody::DescribeConfigs(r) => {
            ResponseBody::DescribeConfigs(describe_configs::handle(broker, r))
        }
        RequestBody::AlterConfigs(r) => {
            ResponseBody::AlterConfigs(alter_configs::handle(broker, r))
        }
        RequestBody::IncrementalAlterConfigs(r) => {
            ResponseBody::IncrementalAlterConfigs(alter_configs::handle_incremental(broker, r))
        }
        RequestBody::CreatePartitions(r) => {
            ResponseBody::CreatePartitions(create_partitions::handle(broker, r))
        }
        RequestBody::DescribeCluster(r) => {
            ResponseBody::DescribeCluster(describe_cluster::handle(broker, r, version))
        }
        RequestBody::DescribeLogDirs(r) => {
            ResponseBody::DescribeLogDirs(describe_log_dirs::handle(broker, r))
        }
        RequestBody::ElectLeaders(r) => {
            ResponseBody::ElectLeaders(elect_leaders::handle(broker, r))
        }
        RequestBody::DescribeProducers(r) => {
            ResponseBody::DescribeProducers(describe_producers::handle(broker, r))
        }
        RequestBody::DescribeQuorum(r) => {
            ResponseBody::DescribeQuorum(describe_quorum::handle(broker, r))
        }
        RequestBody::DescribeTopicPartitions(r) => {
            ResponseBody::DescribeTopicPartitions(describe_topic_partitions::handle(broker, r))
        }
        other => match unsupported::refuse(&other) {
            Some(refusal) => refusal,
            None => return Err(NotImplemented(other.api_key().name())),
        },
    };
    Ok(Reply::Now(Some(response)))
}

/// The `controller_id` Metadata and DescribeCluster answer. A combined node names the
/// metadata quorum's leader (-1 during an election), itself a broker. A broker-only node
/// names itself, as Kafka's KRaft brokers name a live broker rather than a controller:
/// clients send controller requests (CreateTopics, ...) to that id, which must be a broker
/// they can reach, and the broker forwards the change to the quorum's leader.
pub fn controller_id(broker: &crate::broker::Broker) -> i32 {
    if broker.config.process_roles.controller {
        broker.metadata.leader().map_or(-1, |id| id as i32)
    } else {
        broker.config.node_id
    }
}

/// The operations Kafka allows on the cluster resource when no authorizer is configured
/// (every operation the resource supports), one bit per ACL operation code: CREATE (5),
/// ALTER (7), DESCRIBE (8), CLUSTER_ACTION (9), DESCRIBE_CONFIGS (10), ALTER_CONFIGS (11),
/// IDEMPOTENT_WRITE (12).
pub const CLUSTER_AUTHORIZED_OPERATIONS: i32 =
    1 << 5 | 1 << 7 | 1 << 8 | 1 << 9 | 1 << 10 | 1 << 11 | 1 << 12;

/// The operations Kafka allows on a topic without an authorizer: READ (3), WRITE (4),
/// CREATE (5), DELETE (6), ALTER (7), DESCRIBE (8), DESCRIBE_CONFIGS (10), ALTER_CONFIGS (11).
pub const TOPIC_AUTHORIZED_OPERATIONS: i32 =
    1 << 3 | 1 << 4 | 1 << 5 | 1 << 6 | 1 << 7 | 1 << 8 | 1 << 10 | 1 << 11;

/// Milliseconds since the Unix epoch.
pub fn now_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_millis() as i64)
        .unwrap_or(0)
}

/// The Kafka error code for a log failure that is not specific to the request.
pub fn log_error_code(error: &crate::log::LogError) -> strom_protocol::ErrorCode {
    use crate::log::producer_state::SequenceError;
    use crate::log::LogError;
    use strom_protocol::ErrorCode;
    match error {
        LogError::OffsetOutOfRange { .. } => ErrorCode::OFFSET_OUT_OF_RANGE,
        LogError::MessageTooLarge { .. } => ErrorCode::MESSAGE_TOO_LARGE,
        LogError::InvalidBatch(_) => ErrorCode::INVALID_RECORD,
        LogError::Sequence(SequenceError::InvalidEpoch { .. }) => ErrorCode::INVALID_PRODUCER_EPOCH,
        LogError::Sequence(SequenceError::OutOfOrder { .. }) => {
            ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER
        }
        LogError::Io { .. } | LogError::Corrupt { .. } | LogError::Offline => {
            ErrorCode::KAFKA_STORAGE_ERROR
        }
    }
}

/// The replicas in `replicas` that are not live brokers (fenced, or not registered).
pub(crate) fn offline_replicas(image: &crate::metadata::Image, replicas: &[i32]) -> Vec<i32> {
    replicas
        .iter()
        .copied()
        .filter(|r| !image.is_live(*r))
        .collect()
}

/// The registered brokers among `ids`, once each, by id: the endpoints Produce (v10+) and
/// Fetch (v16+) answers give next to `current_leader`.
pub(crate) fn registered_brokers(
    broker: &crate::broker::Broker,
    ids: impl Iterator<Item = i32>,
) -> Vec<crate::metadata::image::BrokerImage> {
    let mut ids: Vec<i32> = ids.collect();
    if ids.is_empty() {
        // The common case, on the produce and fetch paths: no image read at all.
        return Vec::new();
    }
    let image = broker.metadata.image();
    ids.sort_unstable();
    ids.dedup();
    ids.iter()
        .filter_map(|id| image.brokers.get(id).cloned())
        .collect()
}
