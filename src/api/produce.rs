//! Produce: validates each partition's record batch (magic 2, sizes, CRC-32C) without
//! touching its records, appends it with offsets assigned by patching the batch header, and
//! answers per `acks` (0: no response; 1 and all: after the append, which on a single node
//! is every in-sync replica).

use crate::broker::Broker;
use bytes::BytesMut;
use strom_protocol::generated::produce_request::PartitionProduceData;
use strom_protocol::generated::produce_response::{PartitionProduceResponse, TopicProduceResponse};
use strom_protocol::generated::{ProduceRequest, ProduceResponse};
use strom_protocol::records::{self, RecordError};
use strom_protocol::ErrorCode;

pub fn handle(broker: &Broker, request: ProduceRequest, version: i16) -> Option<ProduceResponse> {
    let acks_valid = matches!(request.acks, -1..=1);
    let now_ms = super::now_ms();
    let mut responses = Vec::with_capacity(request.topic_data.len());
    for topic in &request.topic_data {
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
        let partition_responses = topic
            .partition_data
            .iter()
            .map(|data| {
                let outcome = if !acks_valid {
                    Err(ErrorCode::INVALID_REQUIRED_ACKS)
                } else {
                    match resolved.as_ref().and_then(|t| {
                        usize::try_from(data.index)
                            .ok()
                            .and_then(|i| t.partitions.get(i))
                    }) {
                        Some(partition) => append(broker, partition, data, now_ms),
                        None => Err(unknown),
                    }
                };
                partition_response(data.index, outcome)
            })
            .collect();
        responses.push(TopicProduceResponse {
            name: topic.name.clone(),
            topic_id: topic.topic_id,
            partition_responses,
            ..Default::default()
        });
    }
    (request.acks != 0).then(|| ProduceResponse {
        responses,
        ..Default::default()
    })
}

struct Appended {
    base_offset: i64,
    log_start_offset: i64,
}

fn partition_response(
    index: i32,
    outcome: Result<Appended, ErrorCode>,
) -> PartitionProduceResponse {
    match outcome {
        Ok(appended) => PartitionProduceResponse {
            index,
            base_offset: appended.base_offset,
            log_start_offset: appended.log_start_offset,
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

fn append(
    broker: &Broker,
    partition: &crate::broker::partition::Partition,
    data: &PartitionProduceData,
    now_ms: i64,
) -> Result<Appended, ErrorCode> {
    let records = data.records.as_deref().unwrap_or_default();
    validate(records, broker.config.message_max_bytes)?;
    // The request frame is shared and immutable; offsets are patched in a private copy.
    let mut batch = BytesMut::from(records);
    match partition.append(&mut batch, now_ms) {
        Ok(info) => Ok(Appended {
            base_offset: info.first_offset,
            log_start_offset: info.log_start_offset,
        }),
        Err(e) => {
            tracing::error!(topic = %partition.topic, partition = partition.index, error = %e, "append failed");
            Err(super::log_error_code(&e))
        }
    }
}

/// Produce v3+ carries exactly one magic-2 batch per partition, as Kafka requires.
fn validate(records: &[u8], max_message_bytes: usize) -> Result<(), ErrorCode> {
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
    Ok(())
}

fn record_error_code(error: &RecordError) -> ErrorCode {
    match error {
        RecordError::BadMagic(_) => ErrorCode::UNSUPPORTED_FOR_MESSAGE_FORMAT,
        _ => ErrorCode::CORRUPT_MESSAGE,
    }
}
