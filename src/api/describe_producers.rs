//! DescribeProducers: for each requested partition, the idempotent producers it holds state
//! for (see `crate::log::producer_state`): id, epoch, last sequence and the timestamp of the
//! last batch. strom has no transactions yet, so no producer has a coordinator epoch or an
//! open transaction (-1 for both, as Kafka shows idempotent producers).

use crate::broker::Broker;
use strom_protocol::generated::describe_producers_response::{
    PartitionResponse, ProducerState, TopicResponse,
};
use strom_protocol::generated::{DescribeProducersRequest, DescribeProducersResponse};
use strom_protocol::ErrorCode;

pub fn handle(broker: &Broker, request: DescribeProducersRequest) -> DescribeProducersResponse {
    let topics = request
        .topics
        .into_iter()
        .map(|topic| TopicResponse {
            partitions: topic
                .partition_indexes
                .iter()
                .map(|&index| describe(broker, &topic.name, index))
                .collect(),
            name: topic.name,
            ..Default::default()
        })
        .collect();
    DescribeProducersResponse {
        topics,
        ..Default::default()
    }
}

fn describe(broker: &Broker, topic: &str, partition_index: i32) -> PartitionResponse {
    let partition = match broker.local_partition(topic, partition_index) {
        Ok(partition) => partition,
        Err(code) => {
            return PartitionResponse {
                partition_index,
                error_code: code.0,
                error_message: Some("This server does not host this topic-partition.".into()),
                ..Default::default()
            }
        }
    };
    let log = partition.log();
    let mut active_producers: Vec<ProducerState> = log
        .producers()
        .iter()
        .map(|(producer_id, entry)| ProducerState {
            producer_id,
            producer_epoch: i32::from(entry.epoch),
            last_sequence: entry.batches.back().map_or(-1, |b| b.last_seq),
            last_timestamp: entry.last_timestamp,
            coordinator_epoch: -1,
            current_txn_start_offset: -1,
            ..Default::default()
        })
        .collect();
    drop(log);
    active_producers.sort_by_key(|p| p.producer_id);
    PartitionResponse {
        partition_index,
        error_code: ErrorCode::NONE.0,
        active_producers,
        ..Default::default()
    }
}
