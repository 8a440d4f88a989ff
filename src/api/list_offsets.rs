//! ListOffsets: earliest (-2, and -4 earliest-local), latest (-1), max timestamp (-3), and
//! the first offset whose timestamp is at or after a given time.

use crate::broker::Broker;
use strom_protocol::generated::list_offsets_response::{
    ListOffsetsPartitionResponse, ListOffsetsTopicResponse,
};
use strom_protocol::generated::{ListOffsetsRequest, ListOffsetsResponse};
use strom_protocol::ErrorCode;

const LATEST: i64 = -1;
const EARLIEST: i64 = -2;
const MAX_TIMESTAMP: i64 = -3;
const EARLIEST_LOCAL: i64 = -4;
const LATEST_TIERED: i64 = -5;

pub fn handle(broker: &Broker, request: ListOffsetsRequest, _version: i16) -> ListOffsetsResponse {
    let topics = request
        .topics
        .iter()
        .map(|topic| ListOffsetsTopicResponse {
            name: topic.name.clone(),
            partitions: topic
                .partitions
                .iter()
                .map(|p| partition_offset(broker, &topic.name, p.partition_index, p.timestamp))
                .collect(),
            ..Default::default()
        })
        .collect();
    ListOffsetsResponse {
        topics,
        ..Default::default()
    }
}

fn partition_offset(
    broker: &Broker,
    topic: &str,
    index: i32,
    timestamp: i64,
) -> ListOffsetsPartitionResponse {
    let mut response = ListOffsetsPartitionResponse {
        partition_index: index,
        timestamp: -1,
        offset: -1,
        leader_epoch: -1,
        ..Default::default()
    };
    let partition = match broker.local_partition(topic, index) {
        Ok(partition) => partition,
        Err(code) => {
            response.error_code = code.0;
            return response;
        }
    };
    let log = partition.log();
    let found = match timestamp {
        LATEST => Ok(Some((-1, log.high_watermark()))),
        EARLIEST | EARLIEST_LOCAL => Ok(Some((-1, log.log_start_offset()))),
        LATEST_TIERED => Ok(Some((-1, log.log_start_offset() - 1))),
        MAX_TIMESTAMP => log.max_timestamp(),
        ts if ts >= 0 => log
            .offset_for_timestamp(ts)
            .map(|found| found.map(|(offset, ts)| (ts, offset))),
        _ => {
            response.error_code = ErrorCode::INVALID_REQUEST.0;
            return response;
        }
    };
    let found = match found {
        Ok(found) => found,
        Err(e) => {
            // A disk failure is reported, never mistaken for "no such timestamp".
            tracing::error!(topic, partition = index, error = %e, "offset lookup failed");
            response.error_code = super::log_error_code(&e).0;
            return response;
        }
    };
    if let Some((ts, offset)) = found {
        response.timestamp = ts;
        response.offset = offset;
        response.leader_epoch = 0;
    }
    response
}
