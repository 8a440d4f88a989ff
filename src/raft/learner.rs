//! Broker-only nodes in the metadata quorum: they follow the log as non-voting members
//! (openraft learners; Kafka calls them observers) and ask the voters for the quorum's state.
//!
//! Joining: a broker-only node starts its controller on empty or existing storage without
//! initializing it (only voters do), listens on `strom.metadata.listener`, and asks any
//! voter (`LearnerRequest::Join`) to add it as a learner; a voter that does not lead
//! forwards the request to the leader once, as proposals are forwarded. The leader adds it
//! with `add_learner(blocking = false)` and answers the log index of the membership entry;
//! the joiner waits until it has applied that entry, so its image then holds everything
//! committed before it joined. Joining again after a restart is idempotent: openraft's
//! `AddNodes` keeps an existing node; one that comes back at another address is updated
//! with `SetNodes` (safe for a learner, which casts no vote).
//!
//! Proposals of a learner are forwarded to the leader by `RaftMetadata::propose` exactly
//! as a follower's are: openraft answers a learner's `client_write` with ForwardToLeader.
//!
//! Invariant: a learner is never in the voter set: a join naming a voter is refused, and
//! config validation keeps a broker-only node's id out of `controller.quorum.voters`.

use super::metadata::RaftMetadata;
use super::tcp::{call_learner, Refusal};
use super::{start, QuorumSettings, TypeConfig};
use openraft::error::{ClientWriteError, RaftError};
use openraft::{BasicNode, ChangeMembers, Raft, ServerState};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;
use tokio::net::TcpListener;

/// How long a broker-only node keeps asking the voters to let it join (they may start
/// after it, and elect a leader first).
const JOIN_WAIT: Duration = Duration::from_secs(120);
/// How long one request to one voter may take.
const CALL_TIMEOUT: Duration = Duration::from_secs(10);
/// The pause between rounds over the voters.
const RETRY_PAUSE: Duration = Duration::from_millis(200);
/// How long a joined learner waits to apply the log up to its own membership entry.
const CATCH_UP_WAIT: Duration = Duration::from_secs(60);

/// What a non-voting member asks a voter.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum LearnerRequest {
    /// Add `node_id`, reachable at `addr`, as a learner. `forwarded`: sent by a voter that
    /// does not lead, so the receiver must not forward it again.
    Join {
        node_id: u64,
        addr: String,
        forwarded: bool,
    },
    /// The quorum's state as its leader sees it (DescribeQuorum on a broker-only node).
    Describe { forwarded: bool },
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum LearnerResponse {
    /// The log index of the membership entry that holds the learner.
    Joined(Result<u64, Refusal>),
    Described(Result<QuorumState, Refusal>),
}

/// A member's replication progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReplicaProgress {
    pub node_id: u64,
    /// The next log index it lacks (Kafka's offsets count from the log's start).
    pub log_end_offset: i64,
}

/// The quorum as its leader sees it (what DescribeQuorum reports).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuorumState {
    pub leader_id: u64,
    /// The Raft term, Kafka's leader epoch.
    pub term: u64,
    /// One past the last index the leader has applied; it applies each entry as soon as it
    /// is committed.
    pub high_watermark: i64,
    pub voters: Vec<ReplicaProgress>,
    /// The learners: broker-only nodes.
    pub observers: Vec<ReplicaProgress>,
    /// Each voter's controller address.
    pub voter_addresses: Vec<(u64, String)>,
}

/// Starts broker-only node `node_id` as a learner: its controller on `log_dirs`, Raft RPCs
/// served on `listener` (reachable by the controllers at `addr`), then joins through
/// `voters` and catches up.
pub async fn open(
    log_dirs: &Path,
    node_id: u64,
    listener: TcpListener,
    addr: String,
    voters: &BTreeMap<u64, String>,
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
    let raft = controller.raft.clone();
    let metadata = RaftMetadata::from_parts(controller, Some(listener), settings);
    let index = join(node_id, &addr, voters).await?;
    raft.wait(Some(CATCH_UP_WAIT))
        .applied_index_at_least(Some(index), "the learner applies its own membership")
        .await?;
    tracing::info!(node_id, %addr, index, "joined the metadata quorum as an observer");
    Ok(metadata)
}

/// Asks the voters in turn, until `JOIN_WAIT` has passed, to add this node as a learner;
/// the index of the membership entry that holds it.
async fn join(node_id: u64, addr: &str, voters: &BTreeMap<u64, String>) -> anyhow::Result<u64> {
    let deadline = tokio::time::Instant::now() + JOIN_WAIT;
    let mut last_reason = String::new();
    loop {
        for voter in voters.values() {
            let request = LearnerRequest::Join {
                node_id,
                addr: addr.to_string(),
                forwarded: false,
            };
            match call_learner(voter, request, CALL_TIMEOUT).await {
                Ok(LearnerResponse::Joined(Ok(index))) => return Ok(index),
                Ok(LearnerResponse::Joined(Err(Refusal::Invalid { reason, .. }))) => {
                    anyhow::bail!("the metadata quorum refused node {node_id}: {reason}")
                }
                Ok(LearnerResponse::Joined(Err(refusal))) => last_reason = format!("{refusal:?}"),
                Ok(other) => last_reason = format!("unexpected answer {other:?}"),
                Err(refusal) => last_reason = format!("{refusal:?}"),
            }
            tracing::debug!(voter, reason = %last_reason, "joining the metadata quorum failed; retrying");
        }
        if tokio::time::Instant::now() + RETRY_PAUSE > deadline {
            anyhow::bail!(
                "no voter of the metadata quorum let node {node_id} join within {JOIN_WAIT:?} (last: {last_reason})"
            );
        }
        tokio::time::sleep(RETRY_PAUSE).await;
    }
}

/// Answers a learner's request on a voter (or, for Describe, any member).
pub async fn serve(raft: &Raft<TypeConfig>, request: LearnerRequest) -> LearnerResponse {
    match request {
        LearnerRequest::Join {
            node_id,
            addr,
            forwarded,
        } => LearnerResponse::Joined(add(raft, node_id, addr, forwarded).await),
        LearnerRequest::Describe { forwarded } => {
            LearnerResponse::Described(describe(raft, forwarded).await)
        }
    }
}

/// Adds learner `node_id` at `addr` on the leader (forwarding there once if need be).
async fn add(
    raft: &Raft<TypeConfig>,
    node_id: u64,
    addr: String,
    forwarded: bool,
) -> Result<u64, Refusal> {
    let membership = raft.metrics().borrow().membership_config.clone();
    if membership.voter_ids().any(|id| id == node_id) {
        return Err(Refusal::Invalid {
            reason: format!(
                "node {node_id} is a voter of the metadata quorum; a voter cannot join as an observer"
            ),
            offset: -1,
        });
    }
    let known = membership
        .nodes()
        .find(|(id, _)| **id == node_id)
        .map(|(_, node)| node.addr.clone());
    let node = BasicNode { addr: addr.clone() };
    let result = match known {
        Some(old) if old != addr => {
            tracing::info!(node_id, %old, new = %addr, "an observer moved; updating its address");
            let nodes = BTreeMap::from([(node_id, node)]);
            raft.change_membership(ChangeMembers::SetNodes(nodes), true)
                .await
        }
        _ => raft.add_learner(node_id, node, false).await,
    };
    match result {
        Ok(response) => Ok(response.log_id.index),
        Err(RaftError::APIError(ClientWriteError::ForwardToLeader(f))) => {
            let Some(leader) = f.leader_node.filter(|_| !forwarded) else {
                return Err(Refusal::NotLeader(f.leader_id));
            };
            let request = LearnerRequest::Join {
                node_id,
                addr,
                forwarded: true,
            };
            match call_learner(&leader.addr, request, CALL_TIMEOUT).await? {
                LearnerResponse::Joined(result) => result,
                other => Err(Refusal::Unreachable(format!("unexpected answer {other:?}"))),
            }
        }
        // A membership change already in progress (another observer joining) and the like:
        // the joiner retries.
        Err(e) => Err(Refusal::Quorum(e.to_string())),
    }
}

/// The quorum's state from the leader: this node's, or the leader's asked once.
pub async fn describe(raft: &Raft<TypeConfig>, forwarded: bool) -> Result<QuorumState, Refusal> {
    if let Some(state) = leader_state(raft) {
        return Ok(state);
    }
    let metrics = raft.metrics().borrow().clone();
    let leader = metrics.current_leader;
    let address = leader.and_then(|id| {
        metrics
            .membership_config
            .nodes()
            .find(|(node, _)| **node == id)
            .map(|(_, node)| node.addr.clone())
    });
    let (Some(address), false) = (address, forwarded) else {
        return Err(Refusal::NotLeader(leader));
    };
    match call_learner(
        &address,
        LearnerRequest::Describe { forwarded: true },
        CALL_TIMEOUT,
    )
    .await?
    {
        LearnerResponse::Described(result) => result,
        other => Err(Refusal::Unreachable(format!("unexpected answer {other:?}"))),
    }
}

/// The quorum's state when this node leads it, from openraft's metrics.
pub fn leader_state(raft: &Raft<TypeConfig>) -> Option<QuorumState> {
    let metrics = raft.metrics().borrow().clone();
    if metrics.state != ServerState::Leader {
        return None;
    }
    let next = |index: Option<u64>| index.map_or(0, |i| i as i64 + 1);
    let leader_end = next(metrics.last_log_index);
    let matched = metrics.replication.clone().unwrap_or_default();
    let progress = |node_id: u64| ReplicaProgress {
        node_id,
        log_end_offset: if node_id == metrics.id {
            leader_end
        } else {
            next(matched.get(&node_id).copied().flatten().map(|l| l.index))
        },
    };
    let membership = metrics.membership_config.membership();
    Some(QuorumState {
        leader_id: metrics.id,
        term: metrics.current_term,
        high_watermark: next(metrics.last_applied.map(|l| l.index)),
        voters: membership.voter_ids().map(progress).collect(),
        observers: membership.learner_ids().map(progress).collect(),
        voter_addresses: membership
            .nodes()
            .filter(|(id, _)| membership.voter_ids().any(|v| v == **id))
            .map(|(id, node)| (*id, node.addr.clone()))
            .collect(),
    })
}
