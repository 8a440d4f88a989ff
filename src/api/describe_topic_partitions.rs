//! DescribeTopicPartitions (KIP-966): topics with their ids and partitions, sorted by name,
//! paginated. An empty topic list asks for every topic. At most `response_partition_limit`
//! partitions (capped at Kafka's `max.request.partition.size.limit` default, 2000) are
//! described; when more remain, `next_cursor` names the first one left out (a topic and
//! partition, or the next topic at partition 0), and the client resends with it as `cursor`.
//! Requested topics that do not exist are answered UNKNOWN_TOPIC_OR_PARTITION.

use super::TOPIC_AUTHORIZED_OPERATIONS;
use crate::broker::{Broker, Topic};
use strom_protocol::generated::describe_topic_partitions_request::Cursor as RequestCursor;
use strom_protocol::generated::describe_topic_partitions_response::{
    Cursor, DescribeTopicPartitionsResponsePartition, DescribeTopicPartitionsResponseTopic,
};
use strom_protocol::generated::{DescribeTopicPartitionsRequest, DescribeTopicPartitionsResponse};
use strom_protocol::{ErrorCode, Uuid};

/// Kafka's `max.request.partition.size.limit` default: the most partitions one answer holds.
pub const MAX_PARTITIONS_PER_RESPONSE: i32 = 2000;

pub fn handle(
    broker: &Broker,
    request: DescribeTopicPartitionsRequest,
) -> DescribeTopicPartitionsResponse {
    let fetch_all = request.topics.is_empty();
    let mut names: Vec<String> = if fetch_all {
        broker.topics().iter().map(|t| t.name.clone()).collect()
    } else {
        request.topics.iter().map(|t| t.name.clone()).collect()
    };
    names.sort();
    names.dedup();
    if let Some(cursor) = &request.cursor {
        let misplaced = !fetch_all && !names.contains(&cursor.topic_name);
        if misplaced || cursor.partition_index < 0 {
            // Kafka refuses such a request whole; its answer carries the error per topic.
            return refused(names, ErrorCode::INVALID_REQUEST);
        }
        names.retain(|name| *name >= cursor.topic_name);
    }
    let limit = request
        .response_partition_limit
        .min(MAX_PARTITIONS_PER_RESPONSE);
    paginate(broker, names, request.cursor.as_ref(), limit)
}

/// Describes `names` in order until `limit` partitions are described.
fn paginate(
    broker: &Broker,
    names: Vec<String>,
    cursor: Option<&RequestCursor>,
    limit: i32,
) -> DescribeTopicPartitionsResponse {
    let mut remaining = i64::from(limit);
    let image = broker.metadata.image();
    let mut topics = Vec::new();
    let mut next_cursor = None;
    for name in names {
        if remaining <= 0 {
            next_cursor = Some(Cursor {
                topic_name: name,
                partition_index: 0,
                ..Default::default()
            });
            break;
        }
        let Some(topic) = broker.topic(&name) else {
            topics.push(error_topic(name, ErrorCode::UNKNOWN_TOPIC_OR_PARTITION));
            continue;
        };
        let start = match cursor {
            Some(c) if c.topic_name == name => c.partition_index as usize,
            _ => 0,
        };
        let total = topic.partitions.len();
        let end = total.min(start.saturating_add(remaining as usize));
        if end < total {
            next_cursor = Some(Cursor {
                topic_name: name,
                partition_index: end as i32,
                ..Default::default()
            });
        }
        remaining -= end.saturating_sub(start) as i64;
        topics.push(describe(&topic, start..end, &image));
        if next_cursor.is_some() {
            break;
        }
    }
    DescribeTopicPartitionsResponse {
        topics,
        next_cursor,
        ..Default::default()
    }
}

/// Each partition with its leader, leader epoch, replicas and in-sync replicas as the
/// metadata image records them, and the replicas on brokers that are not live as offline.
fn describe(
    topic: &Topic,
    range: std::ops::Range<usize>,
    image: &crate::metadata::Image,
) -> DescribeTopicPartitionsResponseTopic {
    let first = range.start;
    let partitions = topic
        .replicas
        .get(range.clone())
        .unwrap_or_default()
        .iter()
        .zip(topic.states.get(range).unwrap_or_default())
        .enumerate()
        .map(
            |(i, (replicas, state))| DescribeTopicPartitionsResponsePartition {
                error_code: ErrorCode::NONE.0,
                partition_index: (first + i) as i32,
                leader_id: state.leader,
                leader_epoch: state.leader_epoch,
                replica_nodes: replicas.clone(),
                isr_nodes: state.isr.clone(),
                eligible_leader_replicas: Some(Vec::new()),
                last_known_elr: Some(Vec::new()),
                offline_replicas: super::offline_replicas(image, replicas),
                ..Default::default()
            },
        )
        .collect();
    DescribeTopicPartitionsResponseTopic {
        error_code: ErrorCode::NONE.0,
        name: Some(topic.name.clone()),
        topic_id: topic.id,
        is_internal: topic.name == crate::group::OFFSETS_TOPIC,
        partitions,
        topic_authorized_operations: TOPIC_AUTHORIZED_OPERATIONS,
        ..Default::default()
    }
}

fn error_topic(name: String, code: ErrorCode) -> DescribeTopicPartitionsResponseTopic {
    DescribeTopicPartitionsResponseTopic {
        error_code: code.0,
        name: Some(name),
        topic_id: Uuid::ZERO,
        ..Default::default()
    }
}

fn refused(names: Vec<String>, code: ErrorCode) -> DescribeTopicPartitionsResponse {
    DescribeTopicPartitionsResponse {
        topics: names.into_iter().map(|n| error_topic(n, code)).collect(),
        ..Default::default()
    }
}
