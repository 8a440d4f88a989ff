//! OffsetDelete: removes a group's committed offsets for some partitions; refused per
//! partition (GROUP_SUBSCRIBED_TO_TOPIC) for topics a stable consumer group subscribes
//! to, and for the whole group (NON_EMPTY_GROUP) while it rebalances.

use crate::broker::Broker;
use crate::group::LogStore;
use strom_protocol::generated::offset_delete_response::{
    OffsetDeleteResponsePartition, OffsetDeleteResponseTopic,
};
use strom_protocol::generated::{OffsetDeleteRequest, OffsetDeleteResponse};
use strom_protocol::ErrorCode;

pub fn handle(broker: &Broker, request: OffsetDeleteRequest) -> OffsetDeleteResponse {
    if let Err(code) = broker.check_coordinator(&request.group_id) {
        return OffsetDeleteResponse {
            error_code: code.0,
            ..Default::default()
        };
    }
    let partitions: Vec<(String, i32)> = request
        .topics
        .iter()
        .flat_map(|t| {
            t.partitions
                .iter()
                .map(|p| (t.name.clone(), p.partition_index))
        })
        .collect();
    let result = {
        let mut store = LogStore { broker };
        broker
            .groups
            .lock()
            .delete_offsets(&mut store, &request.group_id, &partitions)
    };
    let mut codes = match result {
        Ok(codes) => codes.into_iter(),
        Err(code) => {
            return OffsetDeleteResponse {
                error_code: code.0,
                ..Default::default()
            }
        }
    };
    OffsetDeleteResponse {
        error_code: ErrorCode::NONE.0,
        topics: request
            .topics
            .into_iter()
            .map(|t| OffsetDeleteResponseTopic {
                name: t.name,
                partitions: t
                    .partitions
                    .iter()
                    .map(|p| OffsetDeleteResponsePartition {
                        partition_index: p.partition_index,
                        error_code: codes.next().unwrap_or(ErrorCode::NONE).0,
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}
