//! The broker's view of the metadata quorum: `RaftMetadata` driven by a runtime of its own,
//! behind the synchronous seam the broker calls (`image`, `subscribe`, `propose`).
//!
//! Why a runtime of its own: the broker proposes from synchronous code (API handlers, the
//! group coordinator creating `__consumer_offsets`, startup on a blocking thread). Waiting for
//! a future that a separate runtime drives cannot starve the caller's runtime, even a
//! current-thread one, so a proposal blocks its caller the way the local log's fsync did.
//!
//! Migration: a data directory written by a strom that kept its metadata in the local log
//! (`__cluster_metadata-0/metadata.log` and `snapshot`, see `crate::metadata::log`) is
//! replayed once into an image whose records (`Image::to_records`) become the quorum's first
//! proposal; the old files are removed once the quorum holds them. The quorum's files
//! (`raft.*`) live in the same directory under other names.
//!
//! Invariant: `propose` returns Ok only once the records are committed by a majority and
//! applied to this node's image.

use super::learner::QuorumState;
use super::metadata::{ProposeError, RaftMetadata};
use super::tcp::Refusal;
use crate::config::BrokerConfig;
use crate::metadata::{Image, MetadataRecord};
use std::future::Future;
use std::path::Path;
use std::sync::Arc;
use tokio::sync::watch;

pub struct MetadataQuorum {
    metadata: Arc<RaftMetadata>,
    /// Drives the controller; `None` only while dropping.
    runtime: Option<tokio::runtime::Runtime>,
}

#[derive(Debug, thiserror::Error)]
pub enum QuorumError {
    #[error("starting the metadata quorum: {0:#}")]
    Start(anyhow::Error),
    #[error("migrating the local metadata log: {0}")]
    Migrate(#[from] crate::metadata::MetadataError),
    #[error(transparent)]
    Propose(#[from] ProposeError),
}

/// Files of the local metadata log that preceded the quorum.
const LOCAL_LOG_FILES: [&str; 2] = ["metadata.log", "snapshot"];

impl MetadataQuorum {
    /// Starts this node's controller on the data directory: a quorum of one when no voters
    /// are configured (on the controller listener when there is one, else on a loopback
    /// port of its own), else a member of `controller.quorum.voters`, serving the quorum on
    /// the controller listener; a broker-only node joins as an observer (`learner.rs`),
    /// serving on `strom.metadata.listener`. A local metadata log found there is migrated.
    pub fn open(config: &BrokerConfig) -> Result<MetadataQuorum, QuorumError> {
        let runtime = tokio::runtime::Builder::new_multi_thread()
            .worker_threads(1)
            .thread_name("strom-quorum")
            .enable_all()
            .build()
            .map_err(|e| QuorumError::Start(e.into()))?;
        let dir = config.log_dirs.clone();
        let node_id = config.node_id as u64;
        let settings = config.quorum_settings();
        let observer = config.process_roles.broker_only();
        let mut voters = config.controller_quorum_voters.clone();
        let listener = config
            .controller_listener
            .as_ref()
            .map(|l| format!("{}:{}", l.host, l.port));
        if let (true, Some(address)) = (voters.is_empty(), &listener) {
            voters.insert(node_id, address.clone());
        }
        let opened = run_on(runtime.handle(), async move {
            let Some(address) = listener else {
                return RaftMetadata::open_single(&dir, node_id, &settings).await;
            };
            let listener = tokio::net::TcpListener::bind(&address)
                .await
                .map_err(|e| anyhow::anyhow!("binding the controller listener {address}: {e}"))?;
            if observer {
                return super::learner::open(&dir, node_id, listener, address, &voters, &settings)
                    .await;
            }
            let metadata =
                RaftMetadata::open(&dir, node_id, &voters, Some(listener), &settings).await?;
            if voters.len() == 1 {
                metadata.wait_leader(node_id).await?;
            }
            Ok(metadata)
        })
        .unwrap_or_else(|| Err(anyhow::anyhow!("the quorum runtime stopped")))
        .map_err(QuorumError::Start)?;
        let quorum = MetadataQuorum {
            metadata: Arc::new(opened),
            runtime: Some(runtime),
        };
        quorum.migrate_local_log(&config.log_dirs)?;
        Ok(quorum)
    }

    /// The controller that leads the quorum, as this node last heard.
    pub fn leader(&self) -> Option<u64> {
        self.metadata.leader()
    }

    /// The quorum's state as its leader sees it: this node's when it leads, else asked of
    /// the leader (how a broker-only node answers DescribeQuorum).
    pub fn describe(&self) -> Result<QuorumState, Refusal> {
        let raft = self.metadata.controller().raft.clone();
        self.run(async move { super::learner::describe(&raft, false).await })
            .unwrap_or_else(|| Err(Refusal::Quorum("the quorum runtime stopped".into())))
    }

    fn migrate_local_log(&self, log_dirs: &Path) -> Result<(), QuorumError> {
        let dir = log_dirs.join(crate::metadata::log::DIR_NAME);
        let present: Vec<_> = LOCAL_LOG_FILES
            .iter()
            .map(|name| dir.join(name))
            .filter(|path| path.exists())
            .collect();
        if present.is_empty() {
            return Ok(());
        }
        // The quorum is initialized only by this code, which migrates before anything else
        // is proposed: a quorum with a cluster id already holds the old log's records.
        if self.image().cluster_id.is_empty() {
            let local = crate::metadata::Metadata::open(log_dirs, u64::MAX)?;
            let records = local.image().to_records();
            tracing::info!(
                records = records.len(),
                "migrating the local metadata log into the quorum"
            );
            self.propose(records)?;
        }
        for path in present {
            if let Err(e) = std::fs::remove_file(&path) {
                tracing::warn!(path = %path.display(), error = %e, "removing the migrated metadata log failed");
            }
        }
        Ok(())
    }

    /// The latest image this node has applied.
    pub fn image(&self) -> Arc<Image> {
        self.metadata.image()
    }

    /// A receiver that sees every image this node applies from now on.
    pub fn subscribe(&self) -> watch::Receiver<Arc<Image>> {
        self.metadata.subscribe()
    }

    /// Waits (at most `timeout`) until this node's image satisfies `ready`; returns it.
    pub fn wait_for(
        &self,
        ready: impl Fn(&Image) -> bool + Send + Sync + 'static,
        timeout: std::time::Duration,
    ) -> Result<Arc<Image>, ProposeError> {
        let mut images = self.subscribe();
        self.run(async move {
            match tokio::time::timeout(timeout, images.wait_for(|image| ready(image))).await {
                Ok(Ok(image)) => Ok(Arc::clone(&image)),
                _ => Err(ProposeError::Quorum(
                    "the metadata image did not catch up in time".into(),
                )),
            }
        })
        .unwrap_or_else(|| Err(ProposeError::Quorum("the quorum runtime stopped".into())))
    }

    /// The controller, for reading its Raft metrics.
    pub fn raft_metadata(&self) -> &Arc<RaftMetadata> {
        &self.metadata
    }

    /// Proposes `records` (all or none) and waits until they are committed and applied
    /// here. Blocks the calling thread; must not be called from the quorum's own runtime.
    pub fn propose(&self, records: Vec<MetadataRecord>) -> Result<Arc<Image>, ProposeError> {
        let metadata = Arc::clone(&self.metadata);
        self.run(async move { metadata.propose(records).await })
            .unwrap_or_else(|| Err(ProposeError::Quorum("the quorum runtime stopped".into())))
    }

    /// Starts this node's broker heartbeating to the active controller as `node_id` at
    /// `epoch`.
    pub fn start_heartbeats(&self, node_id: i32, epoch: i64) {
        let metadata = Arc::clone(&self.metadata);
        // Spawned on the quorum's runtime.
        self.run(async move { metadata.start_heartbeats(node_id, epoch) });
    }

    /// Proposes `records` as `propose` does, giving up after `timeout`.
    pub fn propose_within(
        &self,
        records: Vec<MetadataRecord>,
        timeout: std::time::Duration,
    ) -> Result<Arc<Image>, ProposeError> {
        let metadata = Arc::clone(&self.metadata);
        self.run(async move {
            tokio::time::timeout(timeout, metadata.propose(records))
                .await
                .unwrap_or_else(|_| Err(ProposeError::Quorum("timed out".into())))
        })
        .unwrap_or_else(|| Err(ProposeError::Quorum("the quorum runtime stopped".into())))
    }

    /// Stops the controller (graceful shutdown); later proposals fail.
    pub fn shutdown(&self) {
        let metadata = Arc::clone(&self.metadata);
        self.run(async move {
            metadata.stop_tasks();
            if let Err(e) = metadata.controller().raft.shutdown().await {
                tracing::warn!(error = %e, "stopping the metadata quorum failed");
            }
        });
    }

    /// Runs `future` on the quorum's runtime and waits for it; `None` if that runtime is
    /// gone.
    fn run<T: Send + 'static>(
        &self,
        future: impl Future<Output = T> + Send + 'static,
    ) -> Option<T> {
        run_on(self.runtime.as_ref()?.handle(), future)
    }
}

fn run_on<T: Send + 'static>(
    handle: &tokio::runtime::Handle,
    future: impl Future<Output = T> + Send + 'static,
) -> Option<T> {
    let (sender, receiver) = std::sync::mpsc::sync_channel(1);
    handle.spawn(async move {
        let _ = sender.send(future.await);
    });
    receiver.recv().ok()
}

impl Drop for MetadataQuorum {
    fn drop(&mut self) {
        // Dropping a runtime blocks, which is refused inside an async context (a broker is
        // often dropped on one); the controller's writes are durable when acknowledged, so
        // nothing is lost by not waiting.
        if let Some(runtime) = self.runtime.take() {
            runtime.shutdown_background();
        }
    }
}
