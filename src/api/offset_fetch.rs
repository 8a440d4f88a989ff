//! OffsetFetch: committed offsets with their leader epoch and metadata; v0-7 for one
//! group, v8+ for several. Null topics (v2+) ask for every committed partition; a
//! partition without a commit answers offset -1, epoch -1, metadata "".

use crate::broker::Broker;
use crate::group::records::CommittedOffset;
use strom_protocol::generated::offset_fetch_response::{
    OffsetFetchResponseGroup, OffsetFetchResponsePartition, OffsetFetchResponsePartitions,
    OffsetFetchResponseTopic, OffsetFetchResponseTopics,
};
use strom_protocol::generated::{OffsetFetchRequest, OffsetFetchResponse};
use strom_protocol::ErrorCode;

type Found = Vec<(String, Vec<(i32, Option<CommittedOffset>)>)>;

fn fields(committed: Option<CommittedOffset>) -> (i64, i32, Option<String>) {
    match committed {
        Some(c) => (c.offset, c.leader_epoch, Some(c.metadata)),
        None => (-1, -1, Some(String::new())),
    }
}

pub fn handle(broker: &Broker, request: OffsetFetchRequest, version: i16) -> OffsetFetchResponse {
    if version >= 8 {
        let groups = request
            .groups
            .into_iter()
            .map(|group| {
                let wanted: Option<Vec<(String, Vec<i32>)>> = group.topics.map(|topics| {
                    topics
                        .into_iter()
                        .map(|t| (t.name, t.partition_indexes))
                        .collect()
                });
                if let Err(code) = broker.check_coordinator(&group.group_id) {
                    return OffsetFetchResponseGroup {
                        group_id: group.group_id,
                        error_code: code.0,
                        ..Default::default()
                    };
                }
                let found = broker
                    .groups
                    .lock()
                    .fetch_offsets(&group.group_id, wanted.as_deref());
                OffsetFetchResponseGroup {
                    group_id: group.group_id,
                    topics: topics_v8(found),
                    error_code: ErrorCode::NONE.0,
                    ..Default::default()
                }
            })
            .collect();
        return OffsetFetchResponse {
            groups,
            ..Default::default()
        };
    }
    if let Err(code) = broker.check_coordinator(&request.group_id) {
        return OffsetFetchResponse {
            error_code: code.0,
            ..Default::default()
        };
    }
    let wanted: Option<Vec<(String, Vec<i32>)>> = request.topics.map(|topics| {
        topics
            .into_iter()
            .map(|t| (t.name, t.partition_indexes))
            .collect()
    });
    let found = broker
        .groups
        .lock()
        .fetch_offsets(&request.group_id, wanted.as_deref());
    OffsetFetchResponse {
        topics: found
            .into_iter()
            .map(|(name, partitions)| OffsetFetchResponseTopic {
                name,
                partitions: partitions
                    .into_iter()
                    .map(|(partition_index, committed)| {
                        let (offset, epoch, metadata) = fields(committed);
                        OffsetFetchResponsePartition {
                            partition_index,
                            committed_offset: offset,
                            committed_leader_epoch: epoch,
                            metadata,
                            error_code: ErrorCode::NONE.0,
                            ..Default::default()
                        }
                    })
                    .collect(),
                ..Default::default()
            })
            .collect(),
        error_code: ErrorCode::NONE.0,
        ..Default::default()
    }
}

fn topics_v8(found: Found) -> Vec<OffsetFetchResponseTopics> {
    found
        .into_iter()
        .map(|(name, partitions)| OffsetFetchResponseTopics {
            name,
            partitions: partitions
                .into_iter()
                .map(|(partition_index, committed)| {
                    let (offset, epoch, metadata) = fields(committed);
                    OffsetFetchResponsePartitions {
                        partition_index,
                        committed_offset: offset,
                        committed_leader_epoch: epoch,
                        metadata,
                        error_code: ErrorCode::NONE.0,
                        ..Default::default()
                    }
                })
                .collect(),
            ..Default::default()
        })
        .collect()
}
