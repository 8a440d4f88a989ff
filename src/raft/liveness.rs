//! Broker liveness, as KRaft's active controller tracks it: every broker heartbeats to the
//! controller leading the quorum, naming its broker epoch; the leader fences a broker it has
//! not heard from for `broker.session.timeout.ms` (a `FenceBroker` record: its partitions
//! get new leaders among their live in-sync replicas, or none) and unfences a fenced broker
//! that heartbeats again (`UnfenceBroker`).
//!
//! Heartbeat times live only in the leader's memory. A controller that becomes leader
//! starts every broker's session afresh, as Kafka's does: it cannot know when the old
//! leader last heard from them. A broker is never fenced by the controller in its own
//! process (a node's broker and controller live and die together; a dead node's
//! leadership moves to another controller, which fences its broker).
//!
//! Invariants: only the leader proposes fencing, and every fence or unfence names the
//! broker epoch it is about, so one that races a new registration is refused by the state
//! machine rather than applied to the new incarnation.

use super::tcp::{self, HeartbeatReply};
use super::TypeConfig;
use crate::metadata::{Image, MetadataRecord};
use openraft::Raft;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::watch;
use tokio::time::Instant;

type NodeId = u64;

/// The leader's record of when it last heard from each broker, by (node id, epoch).
#[derive(Default)]
pub struct Liveness {
    seen: Mutex<HashMap<i32, (i64, Instant)>>,
}

impl Liveness {
    fn lock(&self) -> std::sync::MutexGuard<'_, HashMap<i32, (i64, Instant)>> {
        self.seen.lock().unwrap_or_else(|p| p.into_inner())
    }

    fn heard(&self, node_id: i32, epoch: i64, at: Instant) {
        self.lock().insert(node_id, (epoch, at));
    }

    /// When `node_id` at `epoch` was last heard of; first asked about now (a new
    /// registration, or a new leader's first look), its session starts `now`.
    fn last_heard(&self, node_id: i32, epoch: i64, now: Instant) -> Instant {
        let mut seen = self.lock();
        let entry = seen.entry(node_id).or_insert((epoch, now));
        if entry.0 != epoch {
            *entry = (epoch, now);
        }
        entry.1
    }

    fn forget_all(&self) {
        self.lock().clear();
    }
}

/// Answers a heartbeat from broker `node_id` at `epoch` on controller `me`.
pub async fn heartbeat_here(
    raft: &Raft<TypeConfig>,
    liveness: &Liveness,
    images: &watch::Receiver<Arc<Image>>,
    me: NodeId,
    node_id: i32,
    epoch: i64,
) -> HeartbeatReply {
    let leader = raft.metrics().borrow().current_leader;
    if leader != Some(me) {
        return HeartbeatReply::NotLeader(leader);
    }
    let fenced = match images.borrow().brokers.get(&node_id) {
        None => return HeartbeatReply::Stale { current: None },
        Some(b) if b.epoch != epoch => {
            return HeartbeatReply::Stale {
                current: Some(b.epoch),
            }
        }
        Some(b) => b.fenced,
    };
    liveness.heard(node_id, epoch, Instant::now());
    if !fenced {
        return HeartbeatReply::Alive { fenced: false };
    }
    match tcp::propose_here(raft, vec![MetadataRecord::UnfenceBroker { node_id, epoch }]).await {
        Ok(_) => {
            tracing::info!(broker = node_id, epoch, "broker heartbeats again; unfenced");
            HeartbeatReply::Alive { fenced: false }
        }
        Err(refusal) => {
            tracing::warn!(broker = node_id, ?refusal, "unfencing a broker failed");
            HeartbeatReply::Alive { fenced: true }
        }
    }
}

/// The leader's watch: every tick, fences the live brokers (other than `me`'s own) not
/// heard from for `session`. Runs until the quorum shuts down.
pub fn spawn_monitor(
    raft: Raft<TypeConfig>,
    liveness: Arc<Liveness>,
    images: watch::Receiver<Arc<Image>>,
    me: NodeId,
    session: Duration,
) -> tokio::task::JoinHandle<()> {
    let tick = (session / 4).clamp(Duration::from_millis(10), Duration::from_millis(250));
    tokio::spawn(async move {
        let mut leading_term = None;
        let mut ticker = tokio::time::interval(tick);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticker.tick().await;
            let (leader, term) = {
                let metrics = raft.metrics();
                let m = metrics.borrow();
                (m.current_leader, m.current_term)
            };
            if leader != Some(me) {
                leading_term = None;
                continue;
            }
            if leading_term != Some(term) {
                // Newly leading: every session starts now.
                leading_term = Some(term);
                liveness.forget_all();
            }
            let now = Instant::now();
            let expired: Vec<(i32, i64)> = images
                .borrow()
                .live_brokers()
                .filter(|b| b.node_id as i64 != me as i64)
                .filter(|b| {
                    now.duration_since(liveness.last_heard(b.node_id, b.epoch, now)) > session
                })
                .map(|b| (b.node_id, b.epoch))
                .collect();
            for (node_id, epoch) in expired {
                let fence = MetadataRecord::FenceBroker { node_id, epoch };
                match tcp::propose_here(&raft, vec![fence]).await {
                    Ok(_) => tracing::warn!(
                        broker = node_id,
                        epoch,
                        session_ms = session.as_millis() as u64,
                        "broker missed its heartbeats; fenced"
                    ),
                    Err(refusal) => {
                        tracing::debug!(broker = node_id, ?refusal, "fencing a broker failed")
                    }
                }
            }
        }
    })
}

/// This node's broker heartbeating to the quorum leader every `interval`, as `node_id` at
/// `epoch`: in process when this node's controller leads (`local`), else over the leader's
/// controller listener. Runs until the quorum shuts down.
pub fn spawn_heartbeats(
    raft: Raft<TypeConfig>,
    local: Option<(Arc<Liveness>, watch::Receiver<Arc<Image>>, NodeId)>,
    node_id: i32,
    epoch: i64,
    interval: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticker = tokio::time::interval(interval);
        ticker.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        let mut reported_stale = false;
        loop {
            ticker.tick().await;
            let (leader, address) = {
                let metrics = raft.metrics();
                let m = metrics.borrow();
                let leader = m.current_leader;
                let address = leader.and_then(|l| {
                    m.membership_config
                        .membership()
                        .get_node(&l)
                        .map(|n| n.addr.clone())
                });
                (leader, address)
            };
            let reply = match (&local, leader, address) {
                (Some((liveness, images, me)), Some(l), _) if l == *me => {
                    heartbeat_here(&raft, liveness, images, *me, node_id, epoch).await
                }
                (_, Some(_), Some(address)) => {
                    tcp::heartbeat(&address, node_id, epoch, interval).await
                }
                _ => continue,
            };
            match reply {
                HeartbeatReply::Stale { current } if !reported_stale => {
                    reported_stale = true;
                    tracing::error!(
                        broker = node_id,
                        epoch,
                        ?current,
                        "the controller knows this broker by another epoch: another process registered node id {node_id}"
                    );
                }
                HeartbeatReply::Failed(reason) => {
                    tracing::debug!(%reason, "heartbeat failed; retrying")
                }
                _ => {}
            }
        }
    })
}
