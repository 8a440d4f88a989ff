//! The data of one classic group: its state, generation, members and committed offsets.
//! Only `GroupManager` changes it (see `manager.rs`), so every invariant below is kept by
//! one writer:
//!
//! - `leader_id` names a member whenever the group has members;
//! - a member has `awaiting_join` only in PreparingRebalance (its JoinGroup is parked) and
//!   `awaiting_sync` only in CompletingRebalance (its SyncGroup is parked);
//! - at most one member per `group_instance_id` (static membership).

use super::records::{CommittedOffset, StoredGroup, StoredMember};
use bytes::Bytes;
use std::collections::{BTreeMap, HashMap};
use strom_protocol::generated::{JoinGroupResponse, SyncGroupResponse};
use tokio::sync::oneshot;

/// The classic group states (Kafka's `ClassicGroupState`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GroupState {
    Empty,
    PreparingRebalance,
    CompletingRebalance,
    Stable,
    Dead,
}

impl GroupState {
    /// The name Kafka uses on the wire (DescribeGroups, ListGroups).
    pub fn name(self) -> &'static str {
        match self {
            GroupState::Empty => "Empty",
            GroupState::PreparingRebalance => "PreparingRebalance",
            GroupState::CompletingRebalance => "CompletingRebalance",
            GroupState::Stable => "Stable",
            GroupState::Dead => "Dead",
        }
    }
}

pub struct Member {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub session_timeout_ms: i32,
    pub rebalance_timeout_ms: i32,
    /// (protocol name, metadata) in the member's order of preference.
    pub protocols: Vec<(String, Bytes)>,
    /// This generation's assignment; empty until the leader's SyncGroup.
    pub assignment: Bytes,
    /// The parked JoinGroup, answered when the join phase completes.
    pub awaiting_join: Option<oneshot::Sender<JoinGroupResponse>>,
    /// The parked SyncGroup, answered when the leader sends the assignments.
    pub awaiting_sync: Option<oneshot::Sender<SyncGroupResponse>>,
    /// Sent a SyncGroup for the current generation (members that never do are removed
    /// at the sync deadline).
    pub synced: bool,
    /// The member is removed when this passes without a heartbeat (session timeout).
    pub heartbeat_deadline_ms: i64,
}

impl Member {
    pub fn metadata(&self, protocol: &str) -> Bytes {
        self.protocols
            .iter()
            .find(|(name, _)| name == protocol)
            .map(|(_, metadata)| metadata.clone())
            .unwrap_or_default()
    }
}

pub struct Group {
    pub group_id: String,
    pub state: GroupState,
    /// When the state last changed; offsets of an Empty group expire from here.
    pub state_timestamp_ms: i64,
    /// None for a group that only ever had simple (generation -1) commits.
    pub protocol_type: Option<String>,
    pub protocol_name: Option<String>,
    pub generation_id: i32,
    pub leader_id: Option<String>,
    /// In join order: the first member becomes leader when there is none.
    pub members: Vec<Member>,
    /// Member ids handed out with MEMBER_ID_REQUIRED (KIP-394), with their expiry.
    pub pending_members: HashMap<String, i64>,
    /// PreparingRebalance: when the join phase ends even if not everybody rejoined.
    pub join_deadline_ms: i64,
    /// PreparingRebalance of a group that was Empty: the join waits for more members
    /// (`group.initial.rebalance.delay.ms`), for at most this much more time.
    pub initial_delay_remaining_ms: Option<i64>,
    /// A member joined during the current initial delay (which is then extended).
    pub new_member_added: bool,
    /// CompletingRebalance/Stable: members that have not sent SyncGroup by then are removed.
    pub sync_deadline_ms: Option<i64>,
    pub offsets: BTreeMap<(String, i32), CommittedOffset>,
}

impl Group {
    pub fn new(group_id: &str, now_ms: i64) -> Group {
        Group {
            group_id: group_id.to_string(),
            state: GroupState::Empty,
            state_timestamp_ms: now_ms,
            protocol_type: None,
            protocol_name: None,
            generation_id: 0,
            leader_id: None,
            members: Vec::new(),
            pending_members: HashMap::new(),
            join_deadline_ms: 0,
            initial_delay_remaining_ms: None,
            new_member_added: false,
            sync_deadline_ms: None,
            offsets: BTreeMap::new(),
        }
    }

    pub fn member(&self, member_id: &str) -> Option<&Member> {
        self.members.iter().find(|m| m.member_id == member_id)
    }

    pub fn member_mut(&mut self, member_id: &str) -> Option<&mut Member> {
        self.members.iter_mut().find(|m| m.member_id == member_id)
    }

    pub fn has(&self, member_id: &str) -> bool {
        self.member(member_id).is_some()
    }

    pub fn static_member_id(&self, instance_id: &str) -> Option<&str> {
        self.members
            .iter()
            .find(|m| m.group_instance_id.as_deref() == Some(instance_id))
            .map(|m| m.member_id.as_str())
    }

    /// A request naming an instance id whose current member is someone else comes from a
    /// fenced (older) instance.
    pub fn is_fenced(&self, instance_id: Option<&str>, member_id: &str) -> bool {
        instance_id
            .and_then(|i| self.static_member_id(i))
            .is_some_and(|current| current != member_id)
    }

    pub fn is_leader(&self, member_id: &str) -> bool {
        self.leader_id.as_deref() == Some(member_id)
    }

    pub fn set_state(&mut self, state: GroupState, now_ms: i64) {
        self.state = state;
        self.state_timestamp_ms = now_ms;
    }

    /// Protocols every member supports (all of `candidate` when there are no members).
    pub fn common_protocols(&self) -> Vec<String> {
        let Some(first) = self.members.first() else {
            return Vec::new();
        };
        first
            .protocols
            .iter()
            .map(|(name, _)| name.clone())
            .filter(|name| {
                self.members
                    .iter()
                    .all(|m| m.protocols.iter().any(|(n, _)| n == name))
            })
            .collect()
    }

    /// Whether a member with this type and these protocols may join.
    pub fn supports(&self, protocol_type: &str, protocols: &[(String, Bytes)]) -> bool {
        if self.members.is_empty() {
            return !protocol_type.is_empty() && !protocols.is_empty();
        }
        self.protocol_type.as_deref() == Some(protocol_type)
            && self
                .common_protocols()
                .iter()
                .any(|name| protocols.iter().any(|(n, _)| n == name))
    }

    /// Kafka's vote: each member votes for the first protocol of its list that all support;
    /// most votes wins, ties go to the one earliest in the first member's list.
    pub fn select_protocol(&self) -> Option<String> {
        let candidates = self.common_protocols();
        let mut votes = vec![0usize; candidates.len()];
        for member in &self.members {
            if let Some(i) = member
                .protocols
                .iter()
                .find_map(|(name, _)| candidates.iter().position(|c| c == name))
            {
                votes[i] += 1;
            }
        }
        let best = votes.iter().copied().max()?;
        candidates
            .into_iter()
            .zip(votes)
            .find(|(_, v)| *v == best)
            .map(|(name, _)| name)
    }

    pub fn max_rebalance_timeout_ms(&self) -> i64 {
        self.members
            .iter()
            .map(|m| i64::from(m.rebalance_timeout_ms))
            .max()
            .unwrap_or(0)
    }

    pub fn all_joined(&self) -> bool {
        self.pending_members.is_empty() && self.members.iter().all(|m| m.awaiting_join.is_some())
    }

    /// The membership record written to `__consumer_offsets`.
    pub fn to_stored(&self) -> StoredGroup {
        let protocol = self.protocol_name.clone().unwrap_or_default();
        StoredGroup {
            protocol_type: self.protocol_type.clone().unwrap_or_default(),
            generation_id: self.generation_id,
            protocol_name: self.protocol_name.clone(),
            leader_id: self.leader_id.clone(),
            state_timestamp_ms: self.state_timestamp_ms,
            members: self
                .members
                .iter()
                .map(|m| StoredMember {
                    member_id: m.member_id.clone(),
                    group_instance_id: m.group_instance_id.clone(),
                    client_id: m.client_id.clone(),
                    client_host: m.client_host.clone(),
                    rebalance_timeout_ms: m.rebalance_timeout_ms,
                    session_timeout_ms: m.session_timeout_ms,
                    subscription: m.metadata(&protocol),
                    assignment: m.assignment.clone(),
                })
                .collect(),
        }
    }

    /// Restores membership from its record: a group with members comes back Stable and
    /// its members must heartbeat within a session timeout from `now_ms`.
    pub fn restore(&mut self, stored: StoredGroup, now_ms: i64) {
        self.protocol_type = Some(stored.protocol_type).filter(|t| !t.is_empty());
        self.generation_id = stored.generation_id;
        self.protocol_name = stored.protocol_name.clone();
        self.leader_id = stored.leader_id;
        self.state_timestamp_ms = stored.state_timestamp_ms;
        let protocol = stored.protocol_name.unwrap_or_default();
        self.members = stored
            .members
            .into_iter()
            .map(|m| Member {
                member_id: m.member_id,
                group_instance_id: m.group_instance_id,
                client_id: m.client_id,
                client_host: m.client_host,
                session_timeout_ms: m.session_timeout_ms,
                rebalance_timeout_ms: m.rebalance_timeout_ms,
                protocols: vec![(protocol.clone(), m.subscription)],
                assignment: m.assignment,
                awaiting_join: None,
                awaiting_sync: None,
                synced: true,
                heartbeat_deadline_ms: now_ms + i64::from(m.session_timeout_ms),
            })
            .collect();
        self.state = if self.members.is_empty() {
            GroupState::Empty
        } else {
            GroupState::Stable
        };
        if self.leader_id.as_deref().is_some_and(|l| !self.has(l)) {
            self.leader_id = self.members.first().map(|m| m.member_id.clone());
        }
    }
}
