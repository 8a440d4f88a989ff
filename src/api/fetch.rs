//! Fetch: reads whole batches from each partition up to the byte limits, and long-polls:
//! when fewer than `min_bytes` are available it parks on the partitions' waiter lists and is
//! woken by the next append (never a polling timer), or answers at `max_wait_ms`.
//! Consumers read up to the high watermark (`PartitionLog::high_watermark`), which is also
//! what the answer's `high_watermark` and `last_stable_offset` report.
//!
//! Fetch sessions (KIP-227) are declined by answering session id 0, which every client
//! handles by sending full fetch requests.

use crate::broker::partition::Partition;
use crate::broker::Broker;
use crate::net::output::{Placed, Placeholders};
use bytes::Bytes;
use std::sync::Arc;
use std::time::{Duration, Instant};
use strom_protocol::generated::fetch_response::{
    FetchableTopicResponse, LeaderIdAndEpoch, NodeEndpoint, PartitionData,
};
use strom_protocol::generated::{FetchRequest, FetchResponse};
use strom_protocol::{ErrorCode, Uuid};
use tokio::sync::Notify;

/// The longest a fetch may park, whatever it asks for.
const MAX_WAIT_CAP: Duration = Duration::from_secs(300);

struct Target {
    topic: String,
    topic_id: Uuid,
    index: i32,
    fetch_offset: i64,
    partition_max_bytes: usize,
    partition: Result<Arc<Partition>, ErrorCode>,
    /// The partition's leader (-1: unknown) and leader epoch, told to the client (v12+) when
    /// it is not this broker, so it can go there without a metadata refresh.
    leader: (i32, i32),
}

/// The answer, whose `records` may be placeholders for the file ranges in the list (see
/// `net::output`): record bytes are sent from the segment files, not copied.
pub async fn handle(
    broker: &Broker,
    request: FetchRequest,
    version: i16,
) -> (FetchResponse, Vec<Placed>) {
    let targets = resolve(broker, &request, version);
    let endpoints = leader_endpoints(broker, &targets);
    let wait = Duration::from_millis(request.max_wait_ms.max(0) as u64).min(MAX_WAIT_CAP);
    let deadline = Instant::now() + wait;
    let min_bytes = request.min_bytes.max(0) as usize;
    let max_bytes = if request.max_bytes <= 0 {
        usize::MAX
    } else {
        request.max_bytes as usize
    };
    loop {
        let (partitions, bytes, errors, placed) = read_all(&targets, max_bytes);
        if bytes >= min_bytes || errors || Instant::now() >= deadline || targets.is_empty() {
            return (respond(&targets, partitions, version, endpoints), placed);
        }
        // Too little data: park on every partition. Registering before the second read means
        // an append landing between that read and the wait still wakes us.
        let waiter = Arc::new(Notify::new());
        for target in &targets {
            if let Ok(partition) = &target.partition {
                partition.register_waiter(&waiter);
            }
        }
        let (partitions, bytes, errors, placed) = read_all(&targets, max_bytes);
        let now = Instant::now();
        if bytes >= min_bytes || errors || now >= deadline {
            return (respond(&targets, partitions, version, endpoints), placed);
        }
        let _ = tokio::time::timeout(deadline - now, waiter.notified()).await;
    }
}

fn resolve(broker: &Broker, request: &FetchRequest, version: i16) -> Vec<Target> {
    let mut targets = Vec::new();
    for topic in &request.topics {
        let (resolved, unknown) = if version >= 13 {
            (
                broker.topic_by_id(&topic.topic_id),
                ErrorCode::UNKNOWN_TOPIC_ID,
            )
        } else {
            (
                broker.topic(&topic.topic),
                ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
            )
        };
        for p in &topic.partitions {
            let partition = match &resolved {
                // NOT_LEADER_OR_FOLLOWER when another broker leads it.
                Some(t) => t.local(p.partition).cloned(),
                None => Err(unknown),
            };
            // One log directory holds every partition: after a failed fsync none is served.
            let partition = partition.and_then(|p| {
                if broker.log_dir_failed() {
                    Err(ErrorCode::KAFKA_STORAGE_ERROR)
                } else {
                    Ok(p)
                }
            });
            targets.push(Target {
                topic: resolved
                    .as_ref()
                    .map_or_else(|| topic.topic.clone(), |t| t.name.clone()),
                topic_id: topic.topic_id,
                index: p.partition,
                fetch_offset: p.fetch_offset,
                partition_max_bytes: p.partition_max_bytes.max(0) as usize,
                partition,
                leader: resolved
                    .as_ref()
                    .and_then(|t| t.state(p.partition))
                    .map_or((-1, -1), |s| (s.leader, s.leader_epoch)),
            });
        }
    }
    targets
}

/// Reads every target once; returns the partition data, the record bytes read, whether
/// any partition has an error (which answers the fetch at once) and the file ranges the
/// records' placeholders stand for.
fn read_all(
    targets: &[Target],
    max_bytes: usize,
) -> (Vec<PartitionData>, usize, bool, Vec<Placed>) {
    let mut placeholders = Placeholders::default();
    let mut total = 0usize;
    let mut errors = false;
    let mut out = Vec::with_capacity(targets.len());
    for target in targets {
        let mut data = PartitionData {
            partition_index: target.index,
            high_watermark: -1,
            last_stable_offset: -1,
            log_start_offset: -1,
            records: Some(Bytes::new()),
            ..Default::default()
        };
        match &target.partition {
            Err(code) => {
                data.error_code = code.0;
                errors = true;
                if *code == ErrorCode::NOT_LEADER_OR_FOLLOWER && target.leader.0 >= 0 {
                    data.current_leader = LeaderIdAndEpoch {
                        leader_id: target.leader.0,
                        leader_epoch: target.leader.1,
                        ..Default::default()
                    };
                }
            }
            Ok(partition) => {
                let budget = target
                    .partition_max_bytes
                    .min(max_bytes.saturating_sub(total));
                // KIP-74: the first batch returned may exceed the limits so a consumer never stalls.
                let min_one_batch = total == 0;
                let log = partition.log();
                // No transactions yet, so nothing below the high watermark is undecided:
                // the last stable offset is the high watermark.
                data.high_watermark = log.high_watermark();
                data.last_stable_offset = data.high_watermark;
                data.log_start_offset = log.log_start_offset();
                // Sent from the file when a placeholder is left for it, else read.
                let read = log
                    .read_file(target.fetch_offset, budget, min_one_batch)
                    .and_then(|slice| match slice.and_then(|s| placeholders.place(s)) {
                        Some(placeholder) => Ok(placeholder),
                        None => log
                            .read(target.fetch_offset, budget, min_one_batch)
                            .map(|slice| slice.records),
                    });
                match read {
                    Ok(records) => {
                        total += records.len();
                        data.records = Some(records);
                    }
                    Err(e) => {
                        data.error_code = super::log_error_code(&e).0;
                        errors = true;
                    }
                }
            }
        }
        out.push(data);
    }
    (out, total, errors, placeholders.placed)
}

/// Puts the bytes in place of the placeholders of `placed` in `response`, for answers that
/// cannot be sent from the files.
pub fn materialize(response: &mut FetchResponse, placed: &[Placed]) -> std::io::Result<()> {
    for topic in &mut response.responses {
        for partition in &mut topic.partitions {
            if let Some(records) = &partition.records {
                if let Some(p) = placed.iter().find(|p| p.is(records)) {
                    partition.records = Some(p.slice.read()?);
                }
            }
        }
    }
    Ok(())
}

/// The registered endpoints of the other brokers leading requested partitions (v16+
/// answers carry them next to `current_leader`).
fn leader_endpoints(broker: &Broker, targets: &[Target]) -> Vec<NodeEndpoint> {
    let leaders = targets
        .iter()
        .filter(|t| t.partition.is_err() && t.leader.0 >= 0)
        .map(|t| t.leader.0);
    super::registered_brokers(broker, leaders)
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

fn respond(
    targets: &[Target],
    partitions: Vec<PartitionData>,
    version: i16,
    node_endpoints: Vec<NodeEndpoint>,
) -> FetchResponse {
    let mut responses: Vec<FetchableTopicResponse> = Vec::new();
    for (target, data) in targets.iter().zip(partitions) {
        let same_topic = responses.last().is_some_and(|last| {
            if version >= 13 {
                last.topic_id == target.topic_id
            } else {
                last.topic == target.topic
            }
        });
        if !same_topic {
            responses.push(FetchableTopicResponse {
                topic: target.topic.clone(),
                topic_id: target.topic_id,
                ..Default::default()
            });
        }
        if let Some(last) = responses.last_mut() {
            last.partitions.push(data);
        }
    }
    FetchResponse {
        responses,
        session_id: 0,
        node_endpoints: if version >= 16 {
            node_endpoints
        } else {
            Vec::new()
        },
        ..Default::default()
    }
}
