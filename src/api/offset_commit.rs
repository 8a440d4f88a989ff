//! OffsetCommit: offsets (with leader epoch and metadata string) of a group member of the
//! current generation, or of a simple consumer (generation -1, no member id) on a group
//! without members. Partitions of topics that do not exist get UNKNOWN_TOPIC_OR_PARTITION.

use crate::broker::Broker;
use crate::group::offsets::{CommitPartition, Committer};
use crate::group::LogStore;
use strom_protocol::generated::offset_commit_response::{
    OffsetCommitResponsePartition, OffsetCommitResponseTopic,
};
use strom_protocol::generated::{OffsetCommitRequest, OffsetCommitResponse};
use strom_protocol::ErrorCode;

pub fn handle(broker: &Broker, request: OffsetCommitRequest) -> OffsetCommitResponse {
    // (topic index, partition index) -> error code, filled in two passes.
    let mut codes: Vec<Vec<ErrorCode>> = Vec::with_capacity(request.topics.len());
    let mut commits = Vec::new();
    let mut positions = Vec::new();
    let coordinator = broker.check_coordinator(&request.group_id);
    for (t, topic) in request.topics.iter().enumerate() {
        let known = broker.topic(&topic.name);
        let mut topic_codes = Vec::with_capacity(topic.partitions.len());
        for (p, partition) in topic.partitions.iter().enumerate() {
            if let Err(code) = coordinator {
                topic_codes.push(code);
                continue;
            }
            let exists = known.as_ref().is_some_and(|k| {
                partition.partition_index >= 0
                    && (partition.partition_index as usize) < k.partitions.len()
            });
            if !exists {
                topic_codes.push(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION);
                continue;
            }
            topic_codes.push(ErrorCode::NONE);
            positions.push((t, p));
            commits.push(CommitPartition {
                topic: topic.name.clone(),
                partition: partition.partition_index,
                offset: partition.committed_offset,
                leader_epoch: partition.committed_leader_epoch,
                metadata: partition.committed_metadata.clone(),
            });
        }
        codes.push(topic_codes);
    }
    if !commits.is_empty() {
        let mut store = LogStore { broker };
        let results = broker.groups.lock().commit_offsets(
            &mut store,
            crate::api::now_ms(),
            &Committer {
                group_id: &request.group_id,
                generation_id: request.generation_id_or_member_epoch,
                member_id: &request.member_id,
                group_instance_id: request.group_instance_id.as_deref(),
            },
            &commits,
        );
        for ((t, p), code) in positions.into_iter().zip(results) {
            codes[t][p] = code;
        }
    }
    OffsetCommitResponse {
        topics: request
            .topics
            .into_iter()
            .zip(codes)
            .map(|(topic, topic_codes)| OffsetCommitResponseTopic {
                name: topic.name,
                topic_id: topic.topic_id,
                partitions: topic
                    .partitions
                    .iter()
                    .zip(topic_codes)
                    .map(|(p, code)| OffsetCommitResponsePartition {
                        partition_index: p.partition_index,
                        error_code: code.0,
                        ..Default::default()
                    })
                    .collect(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    }
}
