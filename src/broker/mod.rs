//! The broker's state: its configuration, the metadata image (cluster id, brokers,
//! topics with their replica placement, configs; see `crate::metadata`) and the open
//! topics, each with the logs of the partitions this broker leads.
//!
//! Placement (`crate::metadata::placement`) gives each partition replicas, and the image
//! each partition's leader, leader epoch and in-sync replicas (`PartitionState`); a broker
//! opens logs only for the partitions it leads (and lets go of one whose leadership moves
//! away, when it is fenced), and requests for the others are answered
//! NOT_LEADER_OR_FOLLOWER by the handlers. Data is not yet replicated between brokers: the
//! in-sync replicas are the leader alone, so a partition whose leader is fenced has no
//! leader until that broker returns (no failover).
//!
//! Lifecycle: the broker registers (new epoch, unfenced) once caught up with the metadata
//! log, heartbeats to the active controller (`crate::raft::liveness`), and fences itself on
//! a graceful stop (controlled shutdown).
//!
//! Invariants: every metadata change goes through the metadata quorum
//! (`MetadataQuorum::propose`, which blocks until the change is committed) under the
//! `changing` lock, and the topic registry (behind a `RwLock`, never held across
//! `.await`) follows the committed image: a topic is visible only after it is durably
//! recorded, its directories are removed only after its removal is recorded, and a config
//! change reaches the logs right after it is recorded.

pub mod configs;
pub mod flusher;
pub mod partition;
mod routing;
pub mod store;
pub mod topic_config;
mod topics;

use crate::config::BrokerConfig;
use crate::log::{LogConfig, LogError, PartitionLog};
use crate::metadata::image::PartitionState;
use crate::metadata::placement;
use crate::metadata::{ConfigResource, MetadataRecord, TopicImage};
use crate::raft::metadata::ProposeError;
use crate::raft::quorum::{MetadataQuorum, QuorumError};
use crate::txn::ProducerIds;
use flusher::Flusher;
use partition::Partition;
use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use strom_protocol::{ErrorCode, Uuid};
use topic_config::TopicConfig;

/// A topic and its partitions.
pub struct Topic {
    pub name: String,
    pub id: Uuid,
    /// One entry per partition: its log when this broker leads it, `None` when another
    /// broker does.
    pub partitions: Vec<Option<Arc<Partition>>>,
    /// Each partition's replicas, preferred leader first, as the metadata image records them.
    pub replicas: Vec<Vec<i32>>,
    /// Each partition's leader, leader epoch and in-sync replicas, as the image records them.
    pub states: Vec<PartitionState>,
    /// The config overrides as given, and the effective config they make.
    pub overrides: BTreeMap<String, String>,
    pub config: TopicConfig,
}

impl Topic {
    /// The broker leading partition `index` (None: no such partition; -1: none leads it).
    pub fn leader(&self, index: i32) -> Option<i32> {
        self.state(index).map(|s| s.leader)
    }

    /// Partition `index`'s leadership (None: no such partition).
    pub fn state(&self, index: i32) -> Option<&PartitionState> {
        self.states.get(usize::try_from(index).ok()?)
    }

    /// Partition `index` when this broker leads it; UNKNOWN_TOPIC_OR_PARTITION when the
    /// topic has no such partition, NOT_LEADER_OR_FOLLOWER when another broker (or none)
    /// leads it.
    pub fn local(&self, index: i32) -> Result<&Arc<Partition>, ErrorCode> {
        match usize::try_from(index)
            .ok()
            .and_then(|i| self.partitions.get(i))
        {
            None => Err(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION),
            Some(None) => Err(ErrorCode::NOT_LEADER_OR_FOLLOWER),
            Some(Some(partition)) => Ok(partition),
        }
    }

    /// The partitions this broker leads.
    pub fn local_partitions(&self) -> impl Iterator<Item = &Arc<Partition>> {
        self.partitions.iter().flatten()
    }
}

#[derive(Debug, thiserror::Error)]
pub enum BrokerError {
    #[error(transparent)]
    Store(#[from] store::StoreError),
    #[error(transparent)]
    Quorum(#[from] QuorumError),
    #[error("opening partition {topic}-{partition}: {source}")]
    Log {
        topic: String,
        partition: i32,
        source: LogError,
    },
    #[error("config of topic {topic}: {source}")]
    Config {
        topic: String,
        source: topic_config::TopicConfigError,
    },
    #[error("creating {path}: {source}")]
    Dir {
        path: PathBuf,
        source: std::io::Error,
    },
}

/// Why a topic could not be created.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicError {
    pub code: ErrorCode,
    pub message: String,
}

impl TopicError {
    fn new(code: ErrorCode, message: impl Into<String>) -> TopicError {
        TopicError {
            code,
            message: message.into(),
        }
    }
}

pub struct Broker {
    pub config: BrokerConfig,
    pub cluster_id: String,
    topics: RwLock<HashMap<String, Arc<Topic>>>,
    producer_ids: ProducerIds,
    /// This broker's epoch, from its registration.
    pub epoch: i64,
    /// The metadata quorum and this node's latest image of it.
    pub metadata: MetadataQuorum,
    /// Group commit of fsyncs (see `flusher.rs`).
    pub flusher: Arc<Flusher>,
    /// Held for a whole metadata change (check, clear leftovers, open, record, publish), so
    /// two concurrent creations of one name cannot remove each other's directories and the
    /// registry follows the image in order.
    changing: std::sync::Mutex<()>,
    /// The consumer group coordinator (see `crate::group`).
    pub groups: crate::group::Coordinator,
}

impl Broker {
    /// Opens (or initialises) the data directory and every partition log in it.
    pub fn open(config: BrokerConfig) -> Result<Broker, BrokerError> {
        let dir = config.log_dirs.clone();
        std::fs::create_dir_all(&dir).map_err(|source| BrokerError::Dir {
            path: dir.clone(),
            source,
        })?;
        let metadata = MetadataQuorum::open(&config)?;
        if metadata.image().cluster_id.is_empty() {
            // A new directory, or one written by a strom that kept its metadata in a text
            // file: record the cluster id (and what that file held) as the first records.
            let records = match store::load(&dir)? {
                Some(stored) => store::to_records(&stored),
                None => vec![MetadataRecord::ClusterId {
                    id: new_cluster_id(),
                }],
            };
            match metadata.propose(records) {
                Ok(_) => store::remove(&dir)?,
                // Another node of a new quorum recorded its cluster id first; this node
                // joins that cluster.
                Err(ProposeError::Invalid(e)) => {
                    tracing::info!(reason = %e, "the quorum already has a cluster id");
                    metadata
                        .wait_for(|image| !image.cluster_id.is_empty(), CATCH_UP_WAIT)
                        .map_err(QuorumError::from)?;
                }
                Err(e) => return Err(QuorumError::from(e).into()),
            }
        }
        let advertised = config.advertised();
        // Registered only now, caught up with the metadata log (the proposal returns once
        // this node has applied it): the broker is unfenced at once, with a new epoch.
        let incarnation = uuid::Uuid::new_v4().simple().to_string();
        metadata
            .propose(vec![MetadataRecord::RegisterBroker {
                node_id: config.node_id,
                host: advertised.host.clone(),
                port: advertised.port,
                rack: config.raw.get("broker.rack").cloned(),
                incarnation: incarnation.clone(),
                epoch: None,
                fenced: false,
            }])
            .map_err(QuorumError::from)?;
        let image = metadata.image();
        let epoch = image.brokers.get(&config.node_id).map_or(0, |b| b.epoch);
        metadata.start_heartbeats(config.node_id, epoch);
        tracing::info!(node_id = config.node_id, epoch, "broker registered");
        let groups =
            crate::group::Coordinator::new(crate::group::GroupConfig::from_broker(&config));
        let broker = Broker {
            config,
            cluster_id: image.cluster_id.clone(),
            topics: RwLock::new(HashMap::new()),
            producer_ids: ProducerIds::new(),
            epoch,
            metadata,
            flusher: Arc::new(Flusher::with_health(Arc::default())),
            changing: std::sync::Mutex::new(()),
            groups,
        };
        let started = std::time::Instant::now();
        for record in image.topics.values() {
            let topic = broker.open_topic(record, None)?;
            broker
                .write_topics()
                .insert(record.name.clone(), Arc::new(topic));
        }
        remove_deleted_dirs(&dir);
        tracing::info!(
            topics = image.topics.len(),
            elapsed_ms = started.elapsed().as_millis() as u64,
            "logs loaded"
        );
        broker.groups.load(&broker, crate::api::now_ms());
        Ok(broker)
    }

    fn log_config(config: &TopicConfig) -> LogConfig {
        LogConfig {
            segment_bytes: config.segment_bytes,
            segment_ms: config.segment_ms,
            index_interval_bytes: config.index_interval_bytes,
            max_message_bytes: config.max_message_bytes,
        }
    }

    /// A topic's effective config for these overrides, or INVALID_CONFIG naming the key.
    pub fn resolve_topic_config(
        &self,
        overrides: &BTreeMap<String, String>,
    ) -> Result<TopicConfig, TopicError> {
        topic_config::resolve(&self.config, overrides)
            .map_err(|e| TopicError::new(ErrorCode::INVALID_CONFIG, e.to_string()))
    }

    fn partition_dir(&self, topic: &str, partition: i32) -> PathBuf {
        self.config.log_dirs.join(format!("{topic}-{partition}"))
    }

    /// Opens the logs of the partitions of `record` this broker leads, reusing those
    /// `existing` already has open (another broker's partitions are `None`).
    fn open_topic(
        &self,
        record: &TopicImage,
        existing: Option<&Topic>,
    ) -> Result<Topic, BrokerError> {
        let config = topic_config::resolve(&self.config, &record.configs).map_err(|e| {
            BrokerError::Config {
                topic: record.name.clone(),
                source: e,
            }
        })?;
        let mut partitions = Vec::with_capacity(record.partitions as usize);
        for index in 0..record.partitions {
            let open = existing
                .and_then(|t| t.partitions.get(index as usize))
                .and_then(Option::as_ref);
            let leads = record.leader(index) == self.config.node_id;
            match open {
                Some(partition) if leads => {
                    partition.log().set_config(Self::log_config(&config));
                    partitions.push(Some(Arc::clone(partition)));
                    continue;
                }
                Some(partition) => {
                    // Leadership moved away (this broker was fenced): its data stays on
                    // disk, flushed, for when it leads again.
                    partition.wake_waiters();
                    if let Err(e) = partition.log().flush() {
                        tracing::error!(topic = %record.name, partition = index, error = %e, "flushing a partition no longer led failed");
                    }
                    partitions.push(None);
                    continue;
                }
                None if !leads => {
                    partitions.push(None);
                    continue;
                }
                None => {}
            }
            let path = self.partition_dir(&record.name, index);
            let mut log =
                PartitionLog::open(&path, Self::log_config(&config)).map_err(|source| {
                    BrokerError::Log {
                        topic: record.name.clone(),
                        partition: index,
                        source,
                    }
                })?;
            log.set_dir_health(Arc::clone(self.flusher.health()));
            partitions.push(Some(Arc::new(Partition::new(
                record.name.clone(),
                index,
                log,
            ))));
        }
        Ok(Topic {
            name: record.name.clone(),
            id: record.id,
            partitions,
            replicas: record.replicas.clone(),
            states: record.states.clone(),
            overrides: record.configs.clone(),
            config,
        })
    }

    fn read_topics(&self) -> std::sync::RwLockReadGuard<'_, HashMap<String, Arc<Topic>>> {
        self.topics.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write_topics(&self) -> std::sync::RwLockWriteGuard<'_, HashMap<String, Arc<Topic>>> {
        self.topics.write().unwrap_or_else(|p| p.into_inner())
    }

    pub fn topic(&self, name: &str) -> Option<Arc<Topic>> {
        self.read_topics().get(name).cloned()
    }

    /// A topic that exists, opening it first when the latest image has it but this node
    /// has not followed that image yet (it was just created through another node).
    pub fn existing_topic(&self, name: &str) -> Option<Arc<Topic>> {
        if let Some(topic) = self.topic(name) {
            return Some(topic);
        }
        self.follow_image();
        self.topic(name)
    }

    pub fn topic_by_id(&self, id: &Uuid) -> Option<Arc<Topic>> {
        self.read_topics().values().find(|t| t.id == *id).cloned()
    }

    /// Every topic, sorted by name.
    pub fn topics(&self) -> Vec<Arc<Topic>> {
        let mut all: Vec<_> = self.read_topics().values().cloned().collect();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        all
    }

    /// Partition `index` of `topic` if this broker leads it.
    pub fn partition(&self, topic: &str, index: i32) -> Option<Arc<Partition>> {
        self.local_partition(topic, index).ok()
    }

    /// Partition `index` of `topic` if this broker leads it, else the error code to answer
    /// (UNKNOWN_TOPIC_OR_PARTITION or NOT_LEADER_OR_FOLLOWER).
    pub fn local_partition(&self, topic: &str, index: i32) -> Result<Arc<Partition>, ErrorCode> {
        let topic = self
            .topic(topic)
            .ok_or(ErrorCode::UNKNOWN_TOPIC_OR_PARTITION)?;
        topic.local(index).cloned()
    }

    /// A producer id never handed out before (InitProducerId), recording a new block of
    /// them durably when the current one is spent.
    pub fn allocate_producer_id(&self) -> Result<i64, ProposeError> {
        self.producer_ids.allocate(|| {
            // Another broker reserving at the same time takes the block first and this
            // reservation is refused: reserve again after it.
            for _ in 0..RESERVE_TRIES {
                let start = self.metadata.image().producer_id_block_end;
                let reservation = MetadataRecord::ProducerIdBlock {
                    start: Some(start),
                    end: start + crate::txn::BLOCK_SIZE,
                };
                match self.metadata.propose(vec![reservation]) {
                    Ok(_) => return Ok(start),
                    Err(ProposeError::Invalid(e)) => {
                        tracing::debug!(reason = %e, "producer id block taken by another broker");
                        let _ = self.metadata.wait_for(
                            move |image| image.producer_id_block_end != start,
                            std::time::Duration::from_secs(1),
                        );
                    }
                    Err(e) => return Err(e),
                }
            }
            Err(ProposeError::Quorum(format!(
                "no producer id block reserved in {RESERVE_TRIES} tries"
            )))
        })
    }

    /// Every partition of every topic.
    pub fn all_partitions(&self) -> Vec<Arc<Partition>> {
        self.read_topics()
            .values()
            .flat_map(|t| t.local_partitions().cloned().collect::<Vec<_>>())
            .collect()
    }

    /// Whether the log directory is offline after a failed fsync (the flusher's or any
    /// log's): produce and fetch are refused on every partition.
    pub fn log_dir_failed(&self) -> bool {
        self.flusher.failed()
    }

    /// Starts the background work: the flushing thread and the retention task (which also
    /// expires idle producers). Ends with the returned token's cancellation / `shutdown`.
    pub fn start_background(self: &Arc<Self>) -> std::io::Result<()> {
        let weak = Arc::downgrade(self);
        let interval = self
            .config
            .log_flush_interval_ms
            .map(std::time::Duration::from_millis);
        self.flusher.spawn(
            interval,
            Box::new(move || {
                weak.upgrade()
                    .map(|b| b.all_partitions())
                    .unwrap_or_default()
            }),
        )?;
        let weak = Arc::downgrade(self);
        let period = std::time::Duration::from_millis(self.config.log_retention_check_interval_ms);
        tokio::spawn(async move {
            let mut ticker = tokio::time::interval(period);
            ticker.tick().await;
            loop {
                ticker.tick().await;
                let Some(broker) = weak.upgrade() else { return };
                let _ =
                    tokio::task::spawn_blocking(move || broker.housekeeping(crate::api::now_ms()))
                        .await;
            }
        });
        crate::group::Coordinator::spawn_ticker(self);
        self.follow_images();
        Ok(())
    }

    /// Follows the images the quorum applies: topics that other nodes create, grow, change
    /// or delete are opened, changed or removed here. Ends when the quorum stops.
    fn follow_images(self: &Arc<Self>) {
        let mut images = self.metadata.subscribe();
        let weak = Arc::downgrade(self);
        tokio::spawn(async move {
            while images.changed().await.is_ok() {
                images.borrow_and_update();
                let Some(broker) = weak.upgrade() else { return };
                let _ = tokio::task::spawn_blocking(move || broker.follow_image()).await;
            }
        });
    }

    /// Brings the topic registry to the latest image. Under the `changing` lock, and with the
    /// latest image rather than the one that woke it: this node's own changes are in the
    /// registry once the lock is free, and an older image would undo them.
    pub fn follow_image(&self) {
        let _changing = self.lock_changes();
        let image = self.metadata.image();
        for topic in self.topics() {
            if image.topic_by_id(&topic.id).is_none() {
                self.write_topics().remove(&topic.name);
                self.remove_topic_data(&topic);
                tracing::info!(topic = %topic.name, "topic deleted through another node");
            }
        }
        for record in image.topics.values() {
            let existing = self.topic(&record.name).filter(|t| t.id == record.id);
            let current = existing.as_ref().map_or(0, |t| t.partitions.len() as i32);
            if existing.as_ref().is_some_and(|t| {
                current == record.partitions
                    && t.overrides == record.configs
                    && t.replicas == record.replicas
                    && t.states == record.states
            }) {
                continue;
            }
            for index in current..record.partitions {
                remove_dir_if_present(&self.partition_dir(&record.name, index));
            }
            match self.open_topic(record, existing.as_deref()) {
                Ok(topic) => {
                    self.write_topics()
                        .insert(record.name.clone(), Arc::new(topic));
                    tracing::info!(topic = %record.name, partitions = record.partitions, "topic changed through another node");
                }
                Err(e) => {
                    tracing::error!(topic = %record.name, error = %e, "opening a topic of the metadata image failed")
                }
            }
        }
    }

    /// Removes a deleted topic's partition directories.
    fn remove_topic_data(&self, topic: &Topic) {
        let name = &topic.name;
        for partition in topic.local_partitions() {
            partition.wake_waiters();
            // Renamed first so that a crash mid-removal leaves a directory that startup
            // recognises as deleted data.
            let dir = self.partition_dir(name, partition.index);
            let doomed = self.config.log_dirs.join(format!(
                "{name}-{}.{}{DELETED_SUFFIX}",
                partition.index, topic.id
            ));
            match std::fs::rename(&dir, &doomed) {
                Ok(()) => remove_dir_if_present(&doomed),
                Err(_) => remove_dir_if_present(&dir),
            }
        }
    }

    /// One pass of retention, compaction and producer expiry over every partition.
    pub fn housekeeping(&self, now_ms: i64) {
        for topic in self.topics() {
            for partition in topic.local_partitions() {
                let mut log = partition.log();
                if topic.config.cleanup_policy.delete {
                    if let Err(e) = log.enforce_retention(
                        now_ms,
                        topic.config.retention_ms,
                        topic.config.retention_bytes,
                    ) {
                        tracing::error!(topic = %topic.name, partition = partition.index, error = %e, "retention failed");
                    }
                }
                if topic.config.cleanup_policy.compact {
                    let config = crate::log::cleaner::CompactionConfig {
                        delete_retention_ms: topic.config.delete_retention_ms,
                        min_cleanable_dirty_ratio: topic.config.min_cleanable_dirty_ratio,
                        min_compaction_lag_ms: topic.config.min_compaction_lag_ms,
                    };
                    match log.compact(now_ms, config) {
                        Ok(Some(stats)) => {
                            tracing::info!(topic = %topic.name, partition = partition.index, ?stats, "compacted")
                        }
                        Ok(None) => {}
                        Err(e) => {
                            tracing::error!(topic = %topic.name, partition = partition.index, error = %e, "compaction failed")
                        }
                    }
                }
                log.expire_producers(now_ms, self.config.transactional_id_expiration_ms);
            }
        }
    }

    /// Flushes every log and marks it cleanly closed (graceful shutdown), after a
    /// controlled shutdown: the broker fences itself, so clients learn at once that its
    /// partitions have another leader (or none), without waiting out its session.
    pub fn shutdown(&self) {
        self.flusher.stop();
        // Taken before the fence, which lets go of the partitions this broker leads.
        let open = self.all_partitions();
        let fence = MetadataRecord::FenceBroker {
            node_id: self.config.node_id,
            epoch: self.epoch,
        };
        match self
            .metadata
            .propose_within(vec![fence], CONTROLLED_SHUTDOWN_WAIT)
        {
            Ok(_) => tracing::info!(epoch = self.epoch, "controlled shutdown: broker fenced"),
            Err(e) => {
                tracing::warn!(error = %e, "controlled shutdown failed; the controller fences this broker when its session expires")
            }
        }
        self.metadata.shutdown();
        for partition in open {
            if let Err(e) = partition.log().close_clean() {
                tracing::error!(topic = %partition.topic, partition = partition.index, error = %e, "closing log failed");
            }
        }
    }
}

/// How long a controlled shutdown waits for the quorum to record the broker fenced.
const CONTROLLED_SHUTDOWN_WAIT: std::time::Duration = std::time::Duration::from_secs(5);

/// Tries to reserve a producer id block before InitProducerId fails.
const RESERVE_TRIES: usize = 10;

/// How long a node joining a new quorum waits to apply the cluster id another node recorded.
const CATCH_UP_WAIT: std::time::Duration = std::time::Duration::from_secs(15);

/// Suffix of a partition directory whose topic was deleted (removed at startup if a crash
/// interrupted its removal). Partition directories end in `-<digits>`, so no live one
/// ends with it.
const DELETED_SUFFIX: &str = "-delete";

fn unknown_topic() -> TopicError {
    TopicError::new(
        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION,
        "This server does not host this topic-partition.",
    )
}

fn storage_error(e: ProposeError) -> TopicError {
    tracing::error!(error = %e, "recording a metadata change failed");
    match e {
        ProposeError::Invalid(e) => TopicError::new(ErrorCode::INVALID_REQUEST, e.to_string()),
        // Retriable: the quorum has no leader this node can reach right now.
        e @ ProposeError::NotLeader { .. } => {
            TopicError::new(ErrorCode::NOT_CONTROLLER, e.to_string())
        }
        e => TopicError::new(ErrorCode::KAFKA_STORAGE_ERROR, e.to_string()),
    }
}

/// Removes partition directories of deleted topics left behind by a crash.
fn remove_deleted_dirs(log_dirs: &Path) {
    let Ok(entries) = std::fs::read_dir(log_dirs) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir()
            && entry
                .file_name()
                .to_str()
                .is_some_and(|n| n.ends_with(DELETED_SUFFIX))
        {
            tracing::info!(path = %path.display(), "removing data of a deleted topic");
            remove_dir_if_present(&path);
        }
    }
}

fn remove_dir_if_present(path: &Path) {
    match std::fs::remove_dir_all(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => {
            tracing::warn!(path = %path.display(), error = %e, "removing partition directory failed")
        }
    }
}

/// Kafka's topic name rules: 1-249 characters of `[a-zA-Z0-9._-]`, not `.` or `..`.
pub fn validate_topic_name(name: &str) -> Result<(), TopicError> {
    let invalid = |why: &str| {
        TopicError::new(
            ErrorCode::INVALID_TOPIC_EXCEPTION,
            format!("Topic name \"{name}\" is illegal, {why}"),
        )
    };
    if name.is_empty() {
        return Err(invalid("it is empty"));
    }
    if name == "." || name == ".." {
        return Err(invalid("it cannot be '.' or '..'"));
    }
    if name.len() > 249 {
        return Err(invalid("it can't be longer than 249 characters"));
    }
    if !name
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'_' || b == b'-')
    {
        return Err(invalid(
            "it contains a character other than ASCII alphanumerics, '.', '_' and '-'",
        ));
    }
    Ok(())
}

fn random_bytes() -> [u8; 16] {
    *uuid::Uuid::new_v4().as_bytes()
}

fn new_topic_id() -> Uuid {
    Uuid(random_bytes())
}

/// A 22-character URL-safe base64 id, the shape of Kafka's cluster ids.
fn new_cluster_id() -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let bytes = random_bytes();
    let mut bits: u128 = u128::from_be_bytes(bytes);
    (0..22)
        .map(|_| {
            let c = ALPHABET[(bits & 63) as usize] as char;
            bits >>= 6;
            c
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Topic names follow Kafka's rules exactly.
    #[test]
    fn topic_name_rules() {
        for good in ["a", "orders", "a.b_c-d", &"x".repeat(249)] {
            assert!(validate_topic_name(good).is_ok(), "{good}");
        }
        for bad in ["", ".", "..", "a b", "ä", "a/b", &"x".repeat(250)] {
            assert_eq!(
                validate_topic_name(bad).unwrap_err().code,
                ErrorCode::INVALID_TOPIC_EXCEPTION,
                "{bad}"
            );
        }
    }

    /// Cluster ids have Kafka's shape: 22 URL-safe base64 characters.
    #[test]
    fn cluster_id_shape() {
        let id = new_cluster_id();
        assert_eq!(id.len(), 22);
        assert!(id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
    }
}
