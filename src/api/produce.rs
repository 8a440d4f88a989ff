//! Produce: validates each partition's record batch (magic 2, sizes, CRC-32C) without
//! touching its records, appends it with offsets assigned by patching the batch header, and
//! answers per `acks` (0: no response; 1 and all: after the append, which on a single node
//! is every in-sync replica, and after an fsync when `strom.fsync.before.ack` covers the
//! request's acks). Idempotent producers' retries are answered with their first offsets.

use crate::broker::partition::Partition;
use crate::broker::topic_config::TimestampType;
use crate::broker::{Broker, Topic};
use crate::log::LogError;
use bytes::BytesMut;
use std::sync::Arc;
use strom_protocol::generated::produce_request::PartitionProduceData;
use strom_protocol::generated::produce_response::{
    LeaderIdAndEpoch, NodeEndpoint, PartitionProduceResponse, TopicProduceResponse,
};
use strom_protocol::generated::{ProduceRequest, ProduceResponse};
use strom_protocol::records::{self, BatchBuilder, BatchHeader, Compression, Record, RecordError};
use strom_protocol::ErrorCode;

/// A produce request after its appends: the answer, and the fsync it must wait for.
pub struct Appended {
    /// `None` for acks=0.
    pub response: Option<ProduceResponse>,
    pub durable: Option<Durable>,
}

/// The flush round that makes a request's appends durable, and which answers it covers.
pub struct Durable {
    pub ticket: u64,
    written: Vec<(usize, usize)>,
}

impl Appended {
    /// Applies the outcome of the fsync: when it failed, every written partition's answer
    /// becomes KAFKA_STORAGE_ERROR.
    pub fn settle(&mut self, fsync_ok: bool) {
        let (Some(durable), Some(response)) = (self.durable.take(), self.response.as_mut()) else {
            return;
        };
        if fsync_ok {
            return;
        }
        for (t, i) in durable.written {
            let answer = &mut response.responses[t].partition_responses[i];
            *answer = partition_response(answer.index, Err(ErrorCode::KAFKA_STORAGE_ERROR));
        }
    }
}

/// The synchronous part of Produce: validates and appends every partition's batch and
/// requests the fsync the request's acks need (see `strom.fsync.before.ack`) without
/// waiting for it, so a connection can go on with its next request meanwhile.
/// In-sync replicas of every partition on a single node.
const IN_SYNC_REPLICAS: i32 = 1;

pub fn append(broker: &Broker, request: ProduceRequest, version: i16) -> Appended {
    let acks_valid = matches!(request.acks, -1..=1);
    let offline = broker.log_dir_failed();
    let now_ms = super::now_ms();
    let mut responses = Vec::with_capacity(request.topic_data.len());
    // Partitions written to, and where their answers are, for the fsync below.
    let mut written: Vec<(Arc<Partition>, usize, usize)> = Vec::new();
    let mut due_for_flush: Vec<Arc<Partition>> = Vec::new();
    // Other brokers named as leaders in the answer (their endpoints go with it).
    let mut leaders: Vec<i32> = Vec::new();
    for (t, topic) in request.topic_data.iter().enumerate() {
        // v13+ names topics by id only.
        let resolved = if version >= 13 {
            broker.topic_by_id(&topic.topic_id)
        } else {
            broker.topic(&topic.name)
        };
        let unknown = if version >= 13 {
            ErrorCode::UNKNOWN_TOPIC_ID
        } else {
            ErrorCode::UNKNOWN_TOPIC_OR_PARTITION
        };
        let mut partition_responses = Vec::with_capacity(topic.partition_data.len());
        for data in &topic.partition_data {
            let partition = match &resolved {
                Some(t) => t.local(data.index).map(Some),
                None => Ok(None),
            };
            let outcome = match partition {
                _ if !acks_valid => Err(ErrorCode::INVALID_REQUIRED_ACKS),
                // Another broker leads it: the client refreshes its metadata and goes there.
                Err(code) => Err(code),
                Ok(None) => Err(unknown),
                Ok(Some(_)) if offline => Err(ErrorCode::KAFKA_STORAGE_ERROR),
                // As Kafka: acks=all needs min.insync.replicas in-sync replicas, and a
                // single node has one per partition.
                Ok(Some(_))
                    if request.acks == -1
                        && resolved
                            .as_ref()
                            .is_some_and(|t| t.config.min_insync_replicas > IN_SYNC_REPLICAS) =>
                {
                    Err(ErrorCode::NOT_ENOUGH_REPLICAS)
                }
                Ok(Some(partition)) => {
                    let topic = resolved.as_deref().expect("a partition has a topic");
                    let outcome = append_partition(topic, partition, data, version, now_ms);
                    if let Ok(appended) = &outcome {
                        written.push((Arc::clone(partition), t, partition_responses.len()));
                        if appended.unflushed_messages >= broker.config.log_flush_interval_messages
                        {
                            due_for_flush.push(Arc::clone(partition));
                        }
                    }
                    outcome
                }
            };
            let not_leader = outcome.as_ref().err() == Some(&ErrorCode::NOT_LEADER_OR_FOLLOWER);
            let mut answer = partition_response(data.index, outcome);
            // v10+ (KIP-951): name the leader, so the client can go there at once.
            if let Some(state) = resolved
                .as_ref()
                .and_then(|t| t.state(data.index))
                .filter(|s| not_leader && s.leader >= 0)
            {
                answer.current_leader = LeaderIdAndEpoch {
                    leader_id: state.leader,
                    leader_epoch: state.leader_epoch,
                    ..Default::default()
                };
                leaders.push(state.leader);
            }
            partition_responses.push(answer);
        }
        responses.push(TopicProduceResponse {
            name: topic.name.clone(),
            topic_id: topic.topic_id,
            partition_responses,
            ..Default::default()
        });
    }
    let mut durable = None;
    if !written.is_empty() && broker.config.fsync_before_ack.applies_to(request.acks) {
        let ticket = broker.flusher.request(written.iter().map(|(p, _, _)| p));
        durable = Some(Durable {
            ticket,
            written: written.iter().map(|(_, t, i)| (*t, *i)).collect(),
        });
    } else if !due_for_flush.is_empty() {
        broker.flusher.request(&due_for_flush);
    }
    Appended {
        response: (request.acks != 0).then(|| ProduceResponse {
            responses,
            node_endpoints: endpoints(broker, leaders),
            ..Default::default()
        }),
        durable: durable.filter(|_| request.acks != 0),
    }
}

/// The registered endpoints of `leaders` (written from v10 on).
fn endpoints(broker: &Broker, leaders: Vec<i32>) -> Vec<NodeEndpoint> {
    super::registered_brokers(broker, leaders.into_iter())
        .into_iter()
        .map(|b| NodeEndpoint {
            node_id: b.node_id,
            host: b.host,
            port: i32::from(b.port),
            rack: b.rack,
            ..Default::default()
        })
        .collect()
}

struct PartitionAppended {
    base_offset: i64,
    log_start_offset: i64,
    unflushed_messages: u64,
    /// The time stamped on the batch for LogAppendTime topics, else -1.
    log_append_time_ms: i64,
}

fn partition_response(
    index: i32,
    outcome: Result<PartitionAppended, ErrorCode>,
) -> PartitionProduceResponse {
    match outcome {
        Ok(appended) => PartitionProduceResponse {
            index,
            base_offset: appended.base_offset,
            log_start_offset: appended.log_start_offset,
            log_append_time_ms: appended.log_append_time_ms,
            ..Default::default()
        },
        Err(code) => PartitionProduceResponse {
            index,
            error_code: code.0,
            base_offset: -1,
            error_message: Some(code.name().to_string()),
            ..Default::default()
        },
    }
}

fn append_partition(
    topic: &Topic,
    partition: &Partition,
    data: &PartitionProduceData,
    version: i16,
    now_ms: i64,
) -> Result<PartitionAppended, ErrorCode> {
    let records = data.records.as_deref().unwrap_or_default();
    let header = validate(records, topic.config.max_message_bytes)?;
    // As Kafka: zstd needs Produce v7+ (clients that know zstd also know v7).
    if version < 7 && header.compression() == Compression::Zstd {
        return Err(ErrorCode::UNSUPPORTED_COMPRESSION_TYPE);
    }
    let log_append_time = topic.config.message_timestamp_type == TimestampType::LogAppendTime;
    let unset_max_timestamp = !log_append_time && header.max_timestamp == records::NO_TIMESTAMP;
    let recompress = topic
        .config
        .compression
        .filter(|codec| *codec != header.compression());
    // Records are decoded only when semantics need them (compacted topics, a batch without
    // its max timestamp, a topic codec to recompress with), and then once.
    let decoded =
        (topic.config.cleanup_policy.compact || unset_max_timestamp || recompress.is_some())
            .then(|| records::decode_records(records).ok());
    if topic.config.cleanup_policy.compact
        && has_keyless_record(decoded.as_ref().and_then(Option::as_deref))
    {
        return Err(ErrorCode::INVALID_RECORD);
    }
    // The request frame is shared and immutable; offsets are patched in a private copy
    // (or in the batch rebuilt with the topic's codec).
    let mut batch = match recompress {
        Some(codec) => {
            let decoded = decoded
                .as_ref()
                .and_then(Option::as_deref)
                .ok_or(ErrorCode::CORRUPT_MESSAGE)?;
            BytesMut::from(&rebuild(&header, decoded, codec)?[..])
        }
        None => BytesMut::from(records),
    };
    if log_append_time {
        records::set_log_append_time(&mut batch, now_ms);
    } else if unset_max_timestamp {
        let decoded = decoded
            .as_ref()
            .and_then(Option::as_deref)
            .unwrap_or_default();
        if let Some(max) = max_record_timestamp(decoded, &header) {
            records::set_max_timestamp(&mut batch, max);
        }
    }
    match partition.append(&mut batch, now_ms) {
        Ok(info) => Ok(PartitionAppended {
            base_offset: info.first_offset,
            log_start_offset: info.log_start_offset,
            unflushed_messages: info.unflushed_messages,
            log_append_time_ms: if log_append_time && !info.duplicate {
                now_ms
            } else {
                -1
            },
        }),
        Err(LogError::Sequence(e)) => {
            tracing::debug!(topic = %partition.topic, partition = partition.index, error = %e, "producer batch refused");
            Err(super::log_error_code(&LogError::Sequence(e)))
        }
        Err(e) => {
            tracing::error!(topic = %partition.topic, partition = partition.index, error = %e, "append failed");
            Err(super::log_error_code(&e))
        }
    }
}

/// The batch with the same records, producer fields, timestamps and offset deltas,
/// compressed with `codec` (the topic's `compression.type`).
fn rebuild(
    header: &BatchHeader,
    decoded: &[Record],
    codec: Compression,
) -> Result<Vec<u8>, ErrorCode> {
    let mut builder = BatchBuilder::new(codec)
        .producer(
            header.producer_id,
            header.producer_epoch,
            header.base_sequence,
        )
        .timestamp_type(header.timestamp_type())
        .base_timestamp(header.base_timestamp)
        .partition_leader_epoch(header.partition_leader_epoch);
    for record in decoded {
        builder
            .append_record(record)
            .map_err(|e| record_error_code(&e))?;
    }
    builder
        .last_offset_delta(header.last_offset_delta)
        .build()
        .map_err(|e| record_error_code(&e))
}

/// Produce v3+ carries exactly one magic-2 batch per partition, as Kafka requires.
fn validate(records: &[u8], max_message_bytes: usize) -> Result<BatchHeader, ErrorCode> {
    let mut batches = records::batches(records);
    let (header, _) = match batches.next() {
        Some(Ok(first)) => first,
        Some(Err(e)) => return Err(record_error_code(&e)),
        None => return Err(ErrorCode::INVALID_RECORD),
    };
    if batches.next().is_some() {
        return Err(ErrorCode::INVALID_RECORD);
    }
    if header.total_len() > max_message_bytes {
        return Err(ErrorCode::MESSAGE_TOO_LARGE);
    }
    records::validate_batch(records).map_err(|e| record_error_code(&e))?;
    if header.records_count < 1 || header.last_offset_delta != header.records_count - 1 {
        return Err(ErrorCode::INVALID_RECORD);
    }
    // Control batches are written by the broker only; transactions are not supported.
    if header.is_control() {
        return Err(ErrorCode::INVALID_RECORD);
    }
    if header.is_transactional() {
        return Err(ErrorCode::INVALID_TXN_STATE);
    }
    Ok(header)
}

/// The largest record timestamp of a batch whose header leaves `max_timestamp` unset (-1),
/// as sarama writes it; `None` when the records carry no timestamp either. Kafka fills the
/// field in on append, and the time index and ListOffsets by timestamp depend on it.
fn max_record_timestamp(decoded: &[Record], header: &BatchHeader) -> Option<i64> {
    decoded
        .iter()
        .map(|r| r.timestamp(header))
        .max()
        .filter(|ts| *ts >= 0)
}

/// Compacted topics keep records by key: Kafka refuses records without one. A batch that
/// does not decode (`None`) counts as keyless.
fn has_keyless_record(decoded: Option<&[Record]>) -> bool {
    decoded.is_none_or(|records| records.iter().any(|r| r.key.is_none()))
}

fn record_error_code(error: &RecordError) -> ErrorCode {
    match error {
        RecordError::BadMagic(_) => ErrorCode::UNSUPPORTED_FOR_MESSAGE_FORMAT,
        _ => ErrorCode::CORRUPT_MESSAGE,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::BrokerConfig;
    use strom_protocol::generated::produce_request::TopicProduceData;
    use strom_protocol::records::BatchBuilder;

    fn request(acks: i16) -> ProduceRequest {
        let mut batch = BatchBuilder::new(Compression::None);
        batch.append(1, None, Some(b"v"), Vec::new()).unwrap();
        ProduceRequest {
            acks,
            timeout_ms: 5000,
            topic_data: vec![TopicProduceData {
                name: "t".into(),
                partition_data: vec![PartitionProduceData {
                    index: 0,
                    records: Some(batch.build().unwrap().into()),
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    /// `strom.fsync.before.ack` decides which acks wait for an fsync, and an answer that
    /// waits is released only once the partition's appends are on disk (its unflushed
    /// count back to zero); acks=0 never waits, having no answer.
    #[tokio::test]
    async fn acks_that_must_be_durable_wait_for_the_fsync() {
        for (mode, waits) in [
            ("all", [false, false, true]),
            ("1", [false, true, true]),
            ("none", [false, false, false]),
        ] {
            let dir = tempfile::tempdir().unwrap();
            let overrides = vec![
                format!("log.dirs={}", dir.path().display()),
                format!("strom.fsync.before.ack={mode}"),
            ];
            let broker =
                Arc::new(Broker::open(BrokerConfig::load(None, &overrides).unwrap()).unwrap());
            broker.start_background().unwrap();
            broker.create_topic("t", 1, 1, &Default::default()).unwrap();
            let partition = broker.partition("t", 0).unwrap();
            for (acks, waits) in [0, 1, -1].into_iter().zip(waits) {
                let appended = append(&broker, request(acks), 9);
                assert_eq!(appended.durable.is_some(), waits, "mode {mode} acks {acks}");
                assert_eq!(appended.response.is_some(), acks != 0);
                if let Some(durable) = &appended.durable {
                    assert!(broker.flusher.wait(durable.ticket).await);
                    assert_eq!(
                        partition.log().unflushed_messages(),
                        0,
                        "mode {mode} acks {acks}"
                    );
                }
            }
            broker.shutdown();
        }
    }
}
