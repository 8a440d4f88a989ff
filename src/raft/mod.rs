//! The controller quorum: openraft replicating the metadata log among the controllers.
//!
//! An entry's data is one proposal (`Vec<MetadataRecord>`, applied all or none); the state
//! machine is the metadata `Image`. Storage is durable files under
//! `<log.dirs>/__cluster_metadata-0/` (`log_store.rs`, `state_machine.rs`); the network is
//! a parameter, TCP between processes (`tcp.rs`) or an in-memory router with faults for
//! simulation (`memory.rs`); randomness comes from a seedable per-thread generator
//! (`runtime.rs`).
//!
//! Invariant: every node applies the same entries in the same order, and applying is
//! deterministic, so every node's image at a log index is the same.

// openraft's traits fix the error types (`StorageError`, `RPCError`), which are large; the
// helpers here return them as the traits do.
#![allow(clippy::result_large_err)]

pub mod learner;
pub mod liveness;
pub mod log_store;
pub mod memory;
pub mod metadata;
pub mod quorum;
pub mod runtime;
pub mod state_machine;
pub mod tcp;

use crate::metadata::{Image, MetadataRecord};
use openraft::{BasicNode, Config, Raft, RaftNetworkFactory, SnapshotPolicy};
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::Arc;
use tokio::sync::watch;

openraft::declare_raft_types!(
    /// strom's Raft types: node ids are Kafka node ids, nodes are controller addresses.
    pub TypeConfig:
        D = Vec<MetadataRecord>,
        R = Applied,
        NodeId = u64,
        Node = BasicNode,
        Entry = openraft::Entry<TypeConfig>,
        SnapshotData = Vec<u8>,
        AsyncRuntime = runtime::StromRuntime,
);

/// The result of applying one entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Applied {
    /// The image's offset after the entry (the last record's offset).
    pub offset: i64,
    /// Why the entry's records were refused at apply time (the image is then unchanged).
    pub refused: Option<String>,
}

impl Applied {
    fn at(offset: i64) -> Applied {
        Applied {
            offset,
            refused: None,
        }
    }
}

/// Timing and snapshot settings of a controller.
#[derive(Debug, Clone)]
pub struct QuorumSettings {
    pub heartbeat_interval_ms: u64,
    /// Election timeouts are drawn from `[min, max)`.
    pub election_timeout_min_ms: u64,
    pub election_timeout_max_ms: u64,
    /// A snapshot is taken after this many entries since the last one.
    pub snapshot_every_entries: u64,
    /// Whether storage fsyncs; off only in tests that simulate crashes as process stops.
    pub fsync: bool,
    /// How often this node's broker heartbeats to the active controller.
    pub broker_heartbeat_interval_ms: u64,
    /// After how long without a heartbeat the active controller fences a broker.
    pub broker_session_timeout_ms: u64,
}

impl Default for QuorumSettings {
    fn default() -> Self {
        QuorumSettings {
            heartbeat_interval_ms: 200,
            election_timeout_min_ms: 1000,
            election_timeout_max_ms: 2000,
            snapshot_every_entries: 1000,
            fsync: true,
            broker_heartbeat_interval_ms: 2000,
            broker_session_timeout_ms: 9000,
        }
    }
}

impl QuorumSettings {
    /// These settings with the election timeout in a window of node `node_id`'s own.
    ///
    /// Why: openraft 0.9 draws a node's election timeout once, when it starts, and checks
    /// it on ticks of 1.5 heartbeat intervals. Nodes started together whose timeouts fall in
    /// the same tick then time out together after every failed election and split the vote
    /// each time, for ever (seen in CI: two survivors split terms 3 to 15 in lockstep).
    /// Windows two ticks apart (by node id, four of them) make one survivor ask first; a
    /// random part within half a tick separates nodes that share a window.
    pub fn for_node(&self, node_id: u64) -> QuorumSettings {
        use rand::Rng;
        let tick = (self.heartbeat_interval_ms * 3 / 2).max(1);
        let window = (node_id % 4) * 2 * tick;
        let min =
            self.election_timeout_min_ms + window + rand::thread_rng().gen_range(0..tick / 2 + 1);
        QuorumSettings {
            election_timeout_min_ms: min,
            election_timeout_max_ms: min + 1,
            ..self.clone()
        }
    }

    pub fn openraft_config(&self) -> Arc<Config> {
        let config = Config {
            cluster_name: "strom".into(),
            heartbeat_interval: self.heartbeat_interval_ms,
            election_timeout_min: self.election_timeout_min_ms,
            election_timeout_max: self.election_timeout_max_ms,
            snapshot_policy: SnapshotPolicy::LogsSinceLast(self.snapshot_every_entries),
            // Keep some entries after a snapshot so a briefly lagging follower catches up
            // from the log rather than by a snapshot.
            max_in_snapshot_log_to_keep: self.snapshot_every_entries / 2,
            ..Config::default()
        };
        Arc::new(config.validate().expect("quorum settings are valid"))
    }
}

/// A running controller: its Raft handle and the images its state machine publishes.
pub struct Controller {
    pub id: u64,
    pub raft: Raft<TypeConfig>,
    /// The log storage, shared with `raft`, for reading what it recorded.
    pub log: log_store::LogStore,
    pub images: watch::Receiver<Arc<Image>>,
}

/// Opens the storage in `<log_dirs>/__cluster_metadata-0/` and starts controller `id`.
pub async fn start<N>(
    id: u64,
    log_dirs: &Path,
    settings: &QuorumSettings,
    network: N,
    observer: Option<state_machine::Observer>,
) -> anyhow::Result<Controller>
where
    N: RaftNetworkFactory<TypeConfig>,
{
    let dir = log_dirs.join(crate::metadata::log::DIR_NAME);
    let log_store = log_store::LogStore::open(&dir, settings.fsync)?;
    let (published, images) = watch::channel(Arc::new(Image::default()));
    let state_machine = state_machine::StateMachine::open(&dir, published, observer)?;
    let raft = Raft::new(
        id,
        settings.openraft_config(),
        network,
        log_store.clone(),
        state_machine,
    )
    .await?;
    Ok(Controller {
        id,
        raft,
        log: log_store,
        images,
    })
}

#[cfg(test)]
mod settings_tests {
    use super::QuorumSettings;

    /// Nodes 1-4 get election timeouts at least one tick (1.5 heartbeats) apart, so
    /// survivors of a failed leader do not time out on the same tick.
    #[test]
    fn election_windows_are_a_tick_apart() {
        let base = QuorumSettings::default();
        let tick = base.heartbeat_interval_ms * 3 / 2;
        let mut mins: Vec<u64> = (1..=4)
            .map(|id| {
                let s = base.for_node(id);
                assert_eq!(s.election_timeout_max_ms, s.election_timeout_min_ms + 1);
                assert!(s.election_timeout_min_ms >= base.election_timeout_min_ms);
                s.election_timeout_min_ms
            })
            .collect();
        mins.sort_unstable();
        for pair in mins.windows(2) {
            assert!(pair[1] - pair[0] >= tick, "{mins:?}");
        }
        base.for_node(3).openraft_config();
    }
}
