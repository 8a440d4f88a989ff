//! The group coordinator: Kafka's classic consumer group protocol (JoinGroup, SyncGroup,
//! Heartbeat, LeaveGroup, static membership) and committed offsets, durable in the internal
//! compacted topic `__consumer_offsets`.
//!
//! Shape: `GroupManager` (manager.rs, join.rs, offsets.rs) is a synchronous state machine
//! over all groups; it takes the time as an argument and writes records through a `Store`,
//! so its tests (tests/) run on a manual clock with an in-memory store. `Coordinator` puts it behind one
//! std `Mutex` (the single writer; never held across `.await`): handlers lock it, make one
//! call, and await any parked JoinGroup/SyncGroup answer after unlocking. A tokio task
//! ticks it every 100 ms for the timers (session and rebalance timeouts, the initial
//! rebalance delay) and, every `offsets.retention.check.interval.ms`, offset expiry.
//!
//! Durability: a record is appended to the group's `__consumer_offsets` partition (Kafka's
//! hash of the group id) before the change it describes is applied; the topic is created
//! on first use with `cleanup.policy=compact`, and replayed into the state at startup.

mod join;
pub mod manager;
pub mod offsets;
pub mod records;
pub mod state;
#[cfg(test)]
mod tests;

use crate::broker::Broker;
use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, MutexGuard};
use strom_protocol::records::{BatchBuilder, Compression};
use strom_protocol::ErrorCode;

pub use manager::{GroupManager, JoinRequest, SyncRequest};
pub use state::GroupState;

/// The internal topic holding offsets and group metadata.
pub const OFFSETS_TOPIC: &str = "__consumer_offsets";

/// The coordinator's settings (Kafka's broker config names in the comments).
#[derive(Debug, Clone)]
pub struct GroupConfig {
    /// `group.initial.rebalance.delay.ms`
    pub initial_rebalance_delay_ms: i64,
    /// `group.min.session.timeout.ms`
    pub min_session_timeout_ms: i64,
    /// `group.max.session.timeout.ms`
    pub max_session_timeout_ms: i64,
    /// `offsets.retention.minutes`, in ms
    pub offsets_retention_ms: i64,
    /// `offset.metadata.max.bytes`
    pub offset_metadata_max_bytes: usize,
}

impl GroupConfig {
    pub fn from_broker(config: &crate::config::BrokerConfig) -> GroupConfig {
        GroupConfig {
            initial_rebalance_delay_ms: config.group_initial_rebalance_delay_ms,
            min_session_timeout_ms: config.group_min_session_timeout_ms,
            max_session_timeout_ms: config.group_max_session_timeout_ms,
            offsets_retention_ms: config.offsets_retention_minutes.saturating_mul(60_000),
            offset_metadata_max_bytes: 4096,
        }
    }
}

/// Where the state machine writes its records: all of one call's records, or none.
pub trait Store {
    /// Appends `(key, value)` records (a `None` value is a tombstone) for `group_id`.
    fn append(
        &mut self,
        group_id: &str,
        records: Vec<(Vec<u8>, Option<Vec<u8>>)>,
    ) -> Result<(), ErrorCode>;
}

/// The state machine behind its lock.
pub struct Coordinator {
    manager: Mutex<GroupManager>,
}

impl Coordinator {
    pub fn new(config: GroupConfig) -> Coordinator {
        Coordinator {
            manager: Mutex::new(GroupManager::new(config)),
        }
    }

    /// Locks the state machine for one short, synchronous call.
    pub fn lock(&self) -> MutexGuard<'_, GroupManager> {
        self.manager.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Replays `__consumer_offsets` (when it exists) into the state; called once at startup
    /// before the broker serves.
    pub fn load(&self, broker: &Broker, now_ms: i64) {
        let Some(topic) = broker.topic(OFFSETS_TOPIC) else {
            return;
        };
        let mut manager = self.lock();
        let mut count = 0usize;
        // Only the partitions this broker leads: the groups it coordinates.
        for partition in topic.local_partitions() {
            let log = partition.log();
            let mut offset = log.log_start_offset();
            let end = log.log_end_offset();
            // Bounded: each read advances or ends the loop.
            while offset < end {
                let slice = match log.read(offset, 8 << 20, true) {
                    Ok(slice) => slice,
                    Err(e) => {
                        tracing::error!(partition = partition.index, error = %e, "reading __consumer_offsets failed");
                        break;
                    }
                };
                if slice.next_offset <= offset {
                    break;
                }
                for item in strom_protocol::records::batches(&slice.records) {
                    let Ok((header, batch)) = item else { break };
                    let Ok(decoded) = strom_protocol::records::decode_records(batch) else {
                        tracing::warn!(
                            partition = partition.index,
                            base_offset = header.base_offset,
                            "skipping undecodable batch"
                        );
                        continue;
                    };
                    for record in decoded {
                        if record.offset(&header) < offset {
                            continue;
                        }
                        if let Some(key) = &record.key {
                            manager.replay(key, record.value.as_deref(), now_ms);
                            count += 1;
                        }
                    }
                }
                offset = slice.next_offset;
            }
        }
        tracing::info!(
            records = count,
            groups = manager.list().len(),
            "group state loaded"
        );
    }

    /// Runs the timers until the broker is dropped.
    pub fn spawn_ticker(broker: &Arc<Broker>) {
        let weak = Arc::downgrade(broker);
        let expiry_period_ms = broker.config.offsets_retention_check_interval_ms;
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(std::time::Duration::from_millis(100));
            ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            let mut next_expiry_ms = crate::api::now_ms() + expiry_period_ms;
            loop {
                ticker.tick().await;
                let Some(broker) = weak.upgrade() else { return };
                let now = crate::api::now_ms();
                let mut store = LogStore { broker: &broker };
                let mut manager = broker.groups.lock();
                manager.tick(&mut store, now);
                if now >= next_expiry_ms {
                    next_expiry_ms = now + expiry_period_ms;
                    manager.expire_offsets(&mut store, now);
                }
            }
        });
    }
}

/// Writes records to the group's partition of `__consumer_offsets`, creating the topic on
/// first use.
pub struct LogStore<'a> {
    pub broker: &'a Broker,
}

impl LogStore<'_> {
    /// The offsets topic, created (compacted, `offsets.topic.num.partitions`) if missing.
    pub fn offsets_topic(broker: &Broker) -> Result<Arc<crate::broker::Topic>, ErrorCode> {
        if let Some(topic) = broker.topic(OFFSETS_TOPIC) {
            return Ok(topic);
        }
        let configs = BTreeMap::from([
            ("cleanup.policy".to_string(), "compact".to_string()),
            ("segment.bytes".to_string(), "104857600".to_string()),
        ]);
        match broker.create_topic(
            OFFSETS_TOPIC,
            broker.config.offsets_topic_num_partitions,
            1,
            &configs,
        ) {
            Ok(topic) => Ok(topic),
            Err(e) if e.code == ErrorCode::TOPIC_ALREADY_EXISTS => broker
                .existing_topic(OFFSETS_TOPIC)
                .ok_or(ErrorCode::COORDINATOR_NOT_AVAILABLE),
            Err(e) => {
                tracing::error!(error = %e.message, "creating __consumer_offsets failed");
                Err(ErrorCode::COORDINATOR_NOT_AVAILABLE)
            }
        }
    }
}

impl Store for LogStore<'_> {
    fn append(
        &mut self,
        group_id: &str,
        records: Vec<(Vec<u8>, Option<Vec<u8>>)>,
    ) -> Result<(), ErrorCode> {
        if self.broker.log_dir_failed() {
            return Err(ErrorCode::COORDINATOR_NOT_AVAILABLE);
        }
        let topic = Self::offsets_topic(self.broker)?;
        let index = records::partition_for(group_id, topic.partitions.len() as i32);
        // Another broker leads the group's partition: it is that broker's group.
        let partition = topic.local(index).map_err(|_| ErrorCode::NOT_COORDINATOR)?;
        let now = crate::api::now_ms();
        let mut builder = BatchBuilder::new(Compression::None);
        for (key, value) in &records {
            builder
                .append(now, Some(key), value.as_deref(), Vec::new())
                .map_err(|_| ErrorCode::UNKNOWN_SERVER_ERROR)?;
        }
        let mut batch = builder
            .build()
            .map_err(|_| ErrorCode::UNKNOWN_SERVER_ERROR)?;
        partition.append(&mut batch, now).map_err(|e| {
            tracing::error!(group = group_id, error = %e, "writing to __consumer_offsets failed");
            ErrorCode::COORDINATOR_NOT_AVAILABLE
        })?;
        Ok(())
    }
}
