//! An in-memory Raft network for simulation: every RPC goes through a `Router` that can cut
//! links (one way or both), drop messages and delay them, all drawn from a seeded generator
//! so a fault schedule replays from its seed.
//!
//! Invariants: a message on a cut link, or to a node that is not running, fails as
//! `Unreachable` (openraft backs off and retries); a reply is lost when the link back is cut
//! while the request was in flight, like a TCP connection that broke after delivery. The
//! router's lock is never held across `.await`.

use super::TypeConfig;
use openraft::error::{
    Fatal, Infallible, RPCError, RaftError, RemoteError, ReplicationClosed, StreamingError,
    Unreachable,
};
use openraft::network::{RPCOption, RaftNetwork, RaftNetworkFactory};
use openraft::raft::{
    AppendEntriesRequest, AppendEntriesResponse, SnapshotResponse, VoteRequest, VoteResponse,
};
use openraft::{BasicNode, OptionalSend, Raft, Snapshot, Vote};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{BTreeMap, BTreeSet};
use std::future::Future;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

type NodeId = u64;

/// Routes RPCs between simulated nodes; clones share one router.
#[derive(Clone)]
pub struct Router {
    inner: Arc<Mutex<RouterState>>,
}

struct RouterState {
    nodes: BTreeMap<NodeId, Raft<TypeConfig>>,
    /// Directed links `(from, to)` that deliver nothing.
    cut: BTreeSet<(NodeId, NodeId)>,
    rng: StdRng,
    /// Each message takes a delay drawn uniformly from this range.
    delay_ms: (u64, u64),
    /// Chance in a thousand that a message is lost.
    loss_per_mille: u32,
    /// Messages delivered, for the simulation's report.
    delivered: u64,
}

#[derive(Debug, thiserror::Error)]
#[error("{0}")]
struct LinkDown(String);

impl Router {
    pub fn new(seed: u64) -> Router {
        Router {
            inner: Arc::new(Mutex::new(RouterState {
                nodes: BTreeMap::new(),
                cut: BTreeSet::new(),
                rng: StdRng::seed_from_u64(seed),
                delay_ms: (1, 5),
                loss_per_mille: 0,
                delivered: 0,
            })),
        }
    }

    fn lock(&self) -> MutexGuard<'_, RouterState> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Makes `raft` reachable as `id` (a started or restarted node).
    pub fn add(&self, id: NodeId, raft: Raft<TypeConfig>) {
        self.lock().nodes.insert(id, raft);
    }

    /// Makes `id` unreachable (a stopped node).
    pub fn remove(&self, id: NodeId) -> Option<Raft<TypeConfig>> {
        self.lock().nodes.remove(&id)
    }

    /// Cuts every link between `id` and the other nodes, both ways.
    pub fn isolate(&self, id: NodeId, all: &[NodeId]) {
        let mut state = self.lock();
        for &other in all.iter().filter(|o| **o != id) {
            state.cut.insert((id, other));
            state.cut.insert((other, id));
        }
    }

    /// Cuts the directed link `from -> to` only.
    pub fn cut_one_way(&self, from: NodeId, to: NodeId) {
        self.lock().cut.insert((from, to));
    }

    /// Restores every link.
    pub fn heal(&self) {
        self.lock().cut.clear();
    }

    pub fn set_delay_ms(&self, min: u64, max: u64) {
        assert!(min <= max);
        self.lock().delay_ms = (min, max);
    }

    pub fn set_loss_per_mille(&self, loss: u32) {
        self.lock().loss_per_mille = loss;
    }

    pub fn delivered(&self) -> u64 {
        self.lock().delivered
    }

    pub fn factory(&self, source: NodeId) -> MemoryNetworkFactory {
        MemoryNetworkFactory {
            router: self.clone(),
            source,
        }
    }

    /// Decides a message's fate: its delay, and whether it is lost.
    fn schedule(&self) -> (Duration, bool) {
        let mut state = self.lock();
        let (min, max) = state.delay_ms;
        let delay = state.rng.gen_range(min..=max);
        let lost = state.rng.gen_range(0..1000) < state.loss_per_mille;
        (Duration::from_millis(delay), lost)
    }

    fn target(&self, from: NodeId, to: NodeId) -> Result<Raft<TypeConfig>, Unreachable> {
        let mut state = self.lock();
        if state.cut.contains(&(from, to)) {
            return Err(Unreachable::new(&LinkDown(format!(
                "link {from}->{to} is cut"
            ))));
        }
        let raft = state.nodes.get(&to).cloned();
        state.delivered += 1;
        raft.ok_or_else(|| Unreachable::new(&LinkDown(format!("node {to} is down"))))
    }

    /// Delivers one request from `from` to `to` and brings its reply back.
    async fn deliver<T, F, Fut>(&self, from: NodeId, to: NodeId, call: F) -> Result<T, Unreachable>
    where
        F: FnOnce(Raft<TypeConfig>) -> Fut,
        Fut: Future<Output = T>,
    {
        let (delay, lost) = self.schedule();
        tokio::time::sleep(delay).await;
        if lost {
            return Err(Unreachable::new(&LinkDown(format!(
                "message {from}->{to} lost"
            ))));
        }
        let raft = self.target(from, to)?;
        let reply = call(raft).await;
        let (delay, lost) = self.schedule();
        tokio::time::sleep(delay).await;
        if lost || self.lock().cut.contains(&(to, from)) {
            return Err(Unreachable::new(&LinkDown(format!(
                "reply {to}->{from} lost"
            ))));
        }
        Ok(reply)
    }
}

pub struct MemoryNetworkFactory {
    router: Router,
    source: NodeId,
}

impl RaftNetworkFactory<TypeConfig> for MemoryNetworkFactory {
    type Network = MemoryNetwork;

    async fn new_client(&mut self, target: NodeId, _node: &BasicNode) -> MemoryNetwork {
        MemoryNetwork {
            router: self.router.clone(),
            source: self.source,
            target,
        }
    }
}

pub struct MemoryNetwork {
    router: Router,
    source: NodeId,
    target: NodeId,
}

type RpcResult<T, E = Infallible> = Result<T, RPCError<NodeId, BasicNode, RaftError<NodeId, E>>>;

fn remote<T, E: std::error::Error>(
    target: NodeId,
    result: Result<T, RaftError<NodeId, E>>,
) -> RpcResult<T, E> {
    result.map_err(|e| RPCError::RemoteError(RemoteError::new(target, e)))
}

impl RaftNetwork<TypeConfig> for MemoryNetwork {
    async fn append_entries(
        &mut self,
        rpc: AppendEntriesRequest<TypeConfig>,
        _option: RPCOption,
    ) -> RpcResult<AppendEntriesResponse<NodeId>> {
        let reply = self
            .router
            .deliver(self.source, self.target, |raft| async move {
                raft.append_entries(rpc).await
            })
            .await?;
        remote(self.target, reply)
    }

    async fn vote(
        &mut self,
        rpc: VoteRequest<NodeId>,
        _option: RPCOption,
    ) -> RpcResult<VoteResponse<NodeId>> {
        let reply = self
            .router
            .deliver(self.source, self.target, |raft| async move {
                raft.vote(rpc).await
            })
            .await?;
        remote(self.target, reply)
    }

    async fn full_snapshot(
        &mut self,
        vote: Vote<NodeId>,
        snapshot: Snapshot<TypeConfig>,
        _cancel: impl Future<Output = ReplicationClosed> + OptionalSend + 'static,
        _option: RPCOption,
    ) -> Result<SnapshotResponse<NodeId>, StreamingError<TypeConfig, Fatal<NodeId>>> {
        let reply = self
            .router
            .deliver(self.source, self.target, |raft| async move {
                raft.install_full_snapshot(vote, snapshot).await
            })
            .await?;
        reply.map_err(|e| StreamingError::RemoteError(RemoteError::new(self.target, e)))
    }
}
