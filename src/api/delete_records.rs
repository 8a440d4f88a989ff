//! DeleteRecords: moves each partition's log start offset up to the given offset (-1: the
//! high watermark), durably; whole segments below it are deleted, and the answer is the new
//! low watermark.

use crate::broker::Broker;
use strom_protocol::generated::delete_records_response::{
    DeleteRecordsPartitionResult, DeleteRecordsTopicResult,
};
use strom_protocol::generated::{DeleteRecordsRequest, DeleteRecordsResponse};
use strom_protocol::ErrorCode;

pub fn handle(broker: &Broker, request: DeleteRecordsRequest) -> DeleteRecordsResponse {
    let offline = broker.log_dir_failed();
    let topics = request
        .topics
        .iter()
        .map(|topic| DeleteRecordsTopicResult {
            name: topic.name.clone(),
            partitions: topic
                .partitions
                .iter()
                .map(|p| {
                    let outcome = match broker.local_partition(&topic.name, p.partition_index) {
                        Err(code) => Err(code),
                        Ok(_) if offline => Err(ErrorCode::KAFKA_STORAGE_ERROR),
                        Ok(partition) => {
                            let mut log = partition.log();
                            let offset = match p.offset {
                                -1 => log.high_watermark(),
                                offset => offset,
                            };
                            log.delete_records_before(offset).map_err(|e| {
                                tracing::info!(topic = %topic.name, partition = p.partition_index, error = %e, "DeleteRecords refused");
                                super::log_error_code(&e)
                            })
                        }
                    };
                    match outcome {
                        Ok(low_watermark) => DeleteRecordsPartitionResult {
                            partition_index: p.partition_index,
                            low_watermark,
                            error_code: 0,
                            ..Default::default()
                        },
                        Err(code) => DeleteRecordsPartitionResult {
                            partition_index: p.partition_index,
                            low_watermark: -1,
                            error_code: code.0,
                            ..Default::default()
                        },
                    }
                })
                .collect(),
            ..Default::default()
        })
        .collect();
    DeleteRecordsResponse {
        topics,
        ..Default::default()
    }
}
