//! The metadata seam (`image`, `subscribe`, `propose`) on top of the controller quorum, the
//! way `metadata::Metadata` offers it on a local log; a single node is a quorum of one on
//! this same path.
//!
//! Invariants: a proposal is validated against the latest applied image before it is
//! proposed, and proposals from this node go one at a time, so a proposal that does not fit
//! is refused without reaching the log; one that races a proposal from another controller
//! is still refused, by the state machine at apply time (identically everywhere). When
//! `propose` returns Ok, the records are committed by a majority and applied to the image
//! `image()` returns.

use super::tcp::Refusal;
use super::{start, Controller, QuorumSettings};
use crate::metadata::image::ApplyError;
use crate::metadata::{Image, MetadataRecord};
use openraft::error::{InitializeError, RaftError};
use openraft::{BasicNode, ServerState};
use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::watch;

/// How long a proposal waits for a leader (an election, a leader unreachable) before it
/// fails with NotLeader.
const LEADER_WAIT: Duration = Duration::from_secs(15);
/// The pause between tries while there is no reachable leader.
const RETRY_PAUSE: Duration = Duration::from_millis(100);
/// How long a forwarded proposal may take at the leader.
const FORWARD_TIMEOUT: Duration = Duration::from_secs(10);

#[derive(Debug, thiserror::Error)]
pub enum ProposeError {
    /// This controller does not lead the quorum; `leader` does, when known.
    #[error("controller is not the quorum leader (leader: {leader:?})")]
    NotLeader { leader: Option<u64> },
    #[error(transparent)]
    Invalid(#[from] ApplyError),
    /// The quorum failed (shut down, or a storage error took it down).
    #[error("metadata quorum: {0}")]
    Quorum(String),
}

pub struct RaftMetadata {
    controller: Controller,
    /// Serializes this node's proposals, so each is validated against an image that holds
    /// the one before.
    proposing: tokio::sync::Mutex<()>,
    /// The controller listener's task, stopped on shutdown.
    server: Option<tokio::task::JoinHandle<()>>,
    /// When this controller leads: who heartbeated when (see `liveness.rs`).
    liveness: Arc<super::liveness::Liveness>,
    /// The fencing watch and this node's broker heartbeats, stopped on shutdown.
    tasks: std::sync::Mutex<Vec<tokio::task::JoinHandle<()>>>,
    heartbeat_interval: Duration,
}

/// The address a quorum of one records for its only voter: nothing ever connects to it.
pub const QUORUM_OF_ONE_ADDRESS: &str = "none:0";

impl RaftMetadata {
    /// Starts controller `node_id` of the quorum `voters` (node id -> controller address),
    /// serving Raft RPCs on `listener` (none for a quorum of one, which sends none). Every voter initializes with the same voter set, which
    /// openraft makes idempotent: the membership entry at index 0 is the same everywhere.
    pub async fn open(
        log_dirs: &Path,
        node_id: u64,
        voters: &BTreeMap<u64, String>,
        listener: Option<TcpListener>,
        settings: &QuorumSettings,
    ) -> anyhow::Result<RaftMetadata> {
        let controller = start(
            node_id,
            log_dirs,
            settings,
            super::tcp::TcpNetworkFactory,
            None,
        )
        .await?;
        let metadata = RaftMetadata::from_parts(controller, listener, settings);
        let controller = &metadata.controller;
        if !controller.raft.is_initialized().await? {
            let members: BTreeMap<u64, BasicNode> = voters
                .iter()
                .map(|(id, addr)| (*id, BasicNode { addr: addr.clone() }))
                .collect();
            match controller.raft.initialize(members).await {
                // Another voter initialized first and this node already has its entries.
                Ok(()) | Err(RaftError::APIError(InitializeError::NotAllowed(_))) => {}
                Err(e) => return Err(e.into()),
            }
        }
        Ok(metadata)
    }

    /// A member around a started controller, serving the quorum's RPCs (and brokers'
    /// heartbeats) on `listener`, and, with a listener, watching brokers' sessions when it
    /// leads (a learner never does). Without a listener (a quorum of one) there is no
    /// other broker to fence.
    pub(super) fn from_parts(
        controller: Controller,
        listener: Option<TcpListener>,
        settings: &QuorumSettings,
    ) -> RaftMetadata {
        let liveness = Arc::new(super::liveness::Liveness::default());
        let mut tasks = Vec::new();
        let server = listener.map(|l| {
            tasks.push(super::liveness::spawn_monitor(
                controller.raft.clone(),
                Arc::clone(&liveness),
                controller.images.clone(),
                controller.id,
                Duration::from_millis(settings.broker_session_timeout_ms),
            ));
            let context = super::tcp::HeartbeatContext {
                me: controller.id,
                liveness: Arc::clone(&liveness),
                images: controller.images.clone(),
            };
            super::tcp::serve(l, controller.raft.clone(), context)
        });
        RaftMetadata {
            controller,
            proposing: tokio::sync::Mutex::new(()),
            server,
            liveness,
            tasks: std::sync::Mutex::new(tasks),
            heartbeat_interval: Duration::from_millis(settings.broker_heartbeat_interval_ms),
        }
    }

    /// A quorum of one: this node alone, leading as soon as it has started.
    pub async fn open_single(
        log_dirs: &Path,
        node_id: u64,
        settings: &QuorumSettings,
    ) -> anyhow::Result<RaftMetadata> {
        // No listener: a lone voter sends and receives no RPCs. (It once bound an ephemeral
        // loopback port, which could take the very port the broker was told to listen on.)
        let voters = BTreeMap::from([(node_id, QUORUM_OF_ONE_ADDRESS.to_string())]);
        let metadata = RaftMetadata::open(log_dirs, node_id, &voters, None, settings).await?;
        metadata.wait_leader(node_id).await?;
        Ok(metadata)
    }

    /// Waits (10 s at most) until this controller, the only voter, leads. A restarted
    /// voter would otherwise wait out its election timeout (over a second) before serving;
    /// it asks for the election at once, which it alone decides.
    pub async fn wait_leader(&self, node_id: u64) -> anyhow::Result<()> {
        debug_assert_eq!(node_id, self.controller.id);
        if self.controller.raft.metrics().borrow().state != ServerState::Leader {
            self.controller.raft.trigger().elect().await?;
        }
        self.controller
            .raft
            .wait(Some(Duration::from_secs(10)))
            .state(ServerState::Leader, "quorum of one elects itself")
            .await?;
        Ok(())
    }

    pub fn controller(&self) -> &Controller {
        &self.controller
    }

    /// The latest image this node has applied.
    pub fn image(&self) -> Arc<Image> {
        Arc::clone(&self.controller.images.borrow())
    }

    /// A receiver that sees every image this node applies from now on.
    pub fn subscribe(&self) -> watch::Receiver<Arc<Image>> {
        self.controller.images.clone()
    }

    /// Proposes `records` (all or none) to the quorum; returns the image that holds them once
    /// they are committed and applied here. A controller that does not lead forwards them
    /// to the leader; while there is no leader (an election) it retries until
    /// `LEADER_WAIT` has passed, then answers NotLeader.
    pub async fn propose(&self, records: Vec<MetadataRecord>) -> Result<Arc<Image>, ProposeError> {
        if records.is_empty() {
            return Ok(self.image());
        }
        let _one_at_a_time = self.proposing.lock().await;
        let deadline = tokio::time::Instant::now() + LEADER_WAIT;
        let mut leader = None;
        // Set once a try's outcome is unknown (a forward whose answer was lost may still
        // have been committed).
        let mut maybe_applied = false;
        loop {
            let image = self.image();
            if maybe_applied && image.already_holds(&records) {
                return Ok(image);
            }
            let mut next = (*image).clone();
            for record in &records {
                next.apply_in_place(record)?;
            }
            match self.attempt(records.clone()).await {
                Ok(offset) => return self.applied(offset, deadline).await,
                Err(Refusal::Invalid { reason, offset }) => {
                    // Refused by the leader's newer image: perhaps because an earlier try
                    // did apply. Once this node has applied as far as the image the leader
                    // refused against, its own image says which.
                    if maybe_applied {
                        if let Ok(image) = self.applied(offset, deadline).await {
                            if image.already_holds(&records) {
                                return Ok(image);
                            }
                        }
                    }
                    return Err(ProposeError::Invalid(ApplyError(reason)));
                }
                Err(Refusal::Quorum(reason)) => return Err(ProposeError::Quorum(reason)),
                Err(Refusal::NotLeader(known)) => leader = known,
                Err(Refusal::Unreachable(reason)) => {
                    maybe_applied = true;
                    tracing::debug!(%reason, "forwarding a proposal failed; retrying")
                }
            }
            if tokio::time::Instant::now() + RETRY_PAUSE > deadline {
                return Err(ProposeError::NotLeader { leader });
            }
            tokio::time::sleep(RETRY_PAUSE).await;
        }
    }

    /// One try: here when this controller leads, else forwarded to the leader it knows.
    async fn attempt(&self, records: Vec<MetadataRecord>) -> Result<i64, Refusal> {
        let raft = &self.controller.raft;
        match super::tcp::propose_here(raft, records.clone()).await {
            Err(Refusal::NotLeader(Some(leader))) if leader != self.controller.id => {
                let address = raft
                    .metrics()
                    .borrow()
                    .membership_config
                    .membership()
                    .get_node(&leader)
                    .map(|node| node.addr.clone());
                match address {
                    Some(address) => super::tcp::forward(&address, records, FORWARD_TIMEOUT).await,
                    None => Err(Refusal::NotLeader(Some(leader))),
                }
            }
            other => other,
        }
    }

    /// The image once this node has applied up to `offset` (at once on the leader, whose
    /// state machine publishes before it answers; a follower learns of the commit on the
    /// leader's next message).
    async fn applied(
        &self,
        offset: i64,
        deadline: tokio::time::Instant,
    ) -> Result<Arc<Image>, ProposeError> {
        let mut images = self.subscribe();
        let caught_up = tokio::time::timeout_at(
            deadline.max(tokio::time::Instant::now() + FORWARD_TIMEOUT),
            images.wait_for(|image| image.offset >= offset),
        )
        .await;
        match caught_up {
            Ok(Ok(image)) => Ok(Arc::clone(&image)),
            Ok(Err(_)) => Err(ProposeError::Quorum("the state machine stopped".into())),
            Err(_) => Err(ProposeError::Quorum(format!(
                "committed at offset {offset} but not applied here in time"
            ))),
        }
    }

    /// The controller that leads the quorum, as this node last heard.
    pub fn leader(&self) -> Option<u64> {
        self.controller.raft.metrics().borrow().current_leader
    }

    /// Starts this node's broker heartbeating as `node_id` at `epoch` (registered). A
    /// quorum of one sends none: its only broker is in the leader's own process.
    pub fn start_heartbeats(&self, node_id: i32, epoch: i64) {
        if self.server.is_none() {
            return;
        }
        let local = (
            Arc::clone(&self.liveness),
            self.controller.images.clone(),
            self.controller.id,
        );
        let task = super::liveness::spawn_heartbeats(
            self.controller.raft.clone(),
            Some(local),
            node_id,
            epoch,
            self.heartbeat_interval,
        );
        self.tasks
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .push(task);
    }

    /// Stops the background tasks (fencing watch, heartbeats).
    pub fn stop_tasks(&self) {
        for task in self
            .tasks
            .lock()
            .unwrap_or_else(|p| p.into_inner())
            .drain(..)
        {
            task.abort();
        }
    }

    /// Stops the controller and its listener.
    pub async fn shutdown(mut self) {
        self.stop_tasks();
        if let Some(server) = self.server.take() {
            server.abort();
        }
        if let Err(e) = self.controller.raft.shutdown().await {
            tracing::warn!(error = %e, "stopping the metadata quorum failed");
        }
    }
}
