//! The classic group protocol as a state machine: JoinGroup, SyncGroup, Heartbeat,
//! LeaveGroup and the timers (initial rebalance delay, join/rebalance timeout, session
//! timeouts, sync deadline), following Apache Kafka's classic group coordinator.
//!
//! Every call takes the current time (`now_ms`), so tests drive it with a manual clock,
//! and a `Store` to write `__consumer_offsets` records through. JoinGroup and SyncGroup
//! answers that must wait for the rest of the group are `oneshot` receivers, completed
//! when the phase ends (by another member's request or by `tick`). The join phase itself
//! lives in join.rs.

use super::join::{
    complete_join, join_known_member, join_new_member, prepare_rebalance, try_complete_join,
};
use super::records;
use super::state::{Group, GroupState};
use super::{GroupConfig, Store};
use bytes::Bytes;
use std::collections::HashMap;
use strom_protocol::generated::{JoinGroupResponse, SyncGroupResponse};
use strom_protocol::ErrorCode;
use tokio::sync::oneshot;

/// A JoinGroup, as the state machine needs it.
#[derive(Debug, Clone, Default)]
pub struct JoinRequest {
    pub group_id: String,
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub session_timeout_ms: i32,
    pub rebalance_timeout_ms: i32,
    pub protocol_type: String,
    pub protocols: Vec<(String, Bytes)>,
    /// v4+: a member without id gets one with MEMBER_ID_REQUIRED first (KIP-394).
    pub require_known_member_id: bool,
    /// v9+: a static leader rejoining a stable group is told to skip the assignment.
    pub supports_skip_assignment: bool,
}

/// A SyncGroup, as the state machine needs it.
#[derive(Debug, Clone, Default)]
pub struct SyncRequest {
    pub group_id: String,
    pub generation_id: i32,
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub protocol_type: Option<String>,
    pub protocol_name: Option<String>,
    pub assignments: Vec<(String, Bytes)>,
}

/// All groups of this coordinator. See the module header.
pub struct GroupManager {
    pub(super) config: GroupConfig,
    pub(super) groups: HashMap<String, Group>,
    /// Source of the unique part of member ids (tests replace it for fixed ids).
    pub(super) next_id: Box<dyn FnMut() -> String + Send>,
}

pub(super) fn join_error(code: ErrorCode, member_id: &str) -> JoinGroupResponse {
    JoinGroupResponse {
        error_code: code.0,
        generation_id: -1,
        protocol_type: None,
        protocol_name: None,
        leader: String::new(),
        member_id: member_id.to_string(),
        ..Default::default()
    }
}

pub(super) fn sync_error(code: ErrorCode) -> SyncGroupResponse {
    SyncGroupResponse {
        error_code: code.0,
        ..Default::default()
    }
}

impl GroupManager {
    pub fn new(config: GroupConfig) -> GroupManager {
        GroupManager {
            config,
            groups: HashMap::new(),
            next_id: Box::new(|| uuid::Uuid::new_v4().to_string()),
        }
    }

    /// Replaces the member id generator (deterministic ids in tests).
    pub fn set_id_source(&mut self, source: Box<dyn FnMut() -> String + Send>) {
        self.next_id = source;
    }

    pub fn group(&self, group_id: &str) -> Option<&Group> {
        self.groups.get(group_id)
    }

    /// Handles a JoinGroup; the receiver yields the answer, at once or when the join
    /// phase completes.
    pub fn join(
        &mut self,
        store: &mut dyn Store,
        now_ms: i64,
        request: JoinRequest,
    ) -> oneshot::Receiver<JoinGroupResponse> {
        let (tx, rx) = oneshot::channel();
        let session = i64::from(request.session_timeout_ms);
        let error = if request.group_id.is_empty() {
            Some(ErrorCode::INVALID_GROUP_ID)
        } else if session < self.config.min_session_timeout_ms
            || session > self.config.max_session_timeout_ms
        {
            Some(ErrorCode::INVALID_SESSION_TIMEOUT)
        } else {
            let group = self.groups.get(&request.group_id);
            match group {
                Some(g) if g.state == GroupState::Dead => {
                    Some(ErrorCode::COORDINATOR_NOT_AVAILABLE)
                }
                Some(g) if !g.supports(&request.protocol_type, &request.protocols) => {
                    Some(ErrorCode::INCONSISTENT_GROUP_PROTOCOL)
                }
                None if request.protocol_type.is_empty() || request.protocols.is_empty() => {
                    Some(ErrorCode::INCONSISTENT_GROUP_PROTOCOL)
                }
                _ => None,
            }
        };
        if let Some(code) = error {
            let _ = tx.send(join_error(code, &request.member_id));
            return rx;
        }
        let new_id = {
            let prefix = request
                .group_instance_id
                .as_deref()
                .unwrap_or(&request.client_id);
            format!("{prefix}-{}", (self.next_id)())
        };
        let initial_delay_ms = self.config.initial_rebalance_delay_ms;
        let group = self
            .groups
            .entry(request.group_id.clone())
            .or_insert_with(|| Group::new(&request.group_id, now_ms));
        let mut ctx = Ctx {
            store,
            now_ms,
            initial_delay_ms,
        };
        if request.member_id.is_empty() {
            join_new_member(&mut ctx, group, request, new_id, tx);
        } else {
            join_known_member(&mut ctx, group, request, tx);
        }
        rx
    }

    /// Handles a SyncGroup; the receiver yields the answer, at once or when the leader
    /// sends the assignments.
    pub fn sync(
        &mut self,
        store: &mut dyn Store,
        now_ms: i64,
        request: SyncRequest,
    ) -> oneshot::Receiver<SyncGroupResponse> {
        let (tx, rx) = oneshot::channel();
        let initial_delay_ms = self.config.initial_rebalance_delay_ms;
        let Some(group) = self.groups.get_mut(&request.group_id) else {
            let _ = tx.send(sync_error(ErrorCode::UNKNOWN_MEMBER_ID));
            return rx;
        };
        let mut ctx = Ctx {
            store,
            now_ms,
            initial_delay_ms,
        };
        let error = if group.is_fenced(request.group_instance_id.as_deref(), &request.member_id) {
            Some(ErrorCode::FENCED_INSTANCE_ID)
        } else if !group.has(&request.member_id) {
            Some(ErrorCode::UNKNOWN_MEMBER_ID)
        } else if request.generation_id != group.generation_id {
            Some(ErrorCode::ILLEGAL_GENERATION)
        } else if request
            .protocol_type
            .as_ref()
            .is_some_and(|t| Some(t) != group.protocol_type.as_ref())
            || request
                .protocol_name
                .as_ref()
                .is_some_and(|n| Some(n) != group.protocol_name.as_ref())
        {
            Some(ErrorCode::INCONSISTENT_GROUP_PROTOCOL)
        } else {
            match group.state {
                GroupState::Empty | GroupState::Dead => Some(ErrorCode::UNKNOWN_MEMBER_ID),
                GroupState::PreparingRebalance => Some(ErrorCode::REBALANCE_IN_PROGRESS),
                GroupState::CompletingRebalance | GroupState::Stable => None,
            }
        };
        if let Some(code) = error {
            let _ = tx.send(sync_error(code));
            return rx;
        }
        let stable = group.state == GroupState::Stable;
        let member = group.member_mut(&request.member_id).expect("checked above");
        member.heartbeat_deadline_ms = now_ms + i64::from(member.session_timeout_ms);
        member.synced = true;
        if stable {
            let response = sync_ok(group, member_assignment(group, &request.member_id));
            let _ = tx.send(response);
            return rx;
        }
        let member = group.member_mut(&request.member_id).expect("checked above");
        if let Some(previous) = member.awaiting_sync.replace(tx) {
            let _ = previous.send(sync_error(ErrorCode::REBALANCE_IN_PROGRESS));
        }
        if group.is_leader(&request.member_id) {
            complete_sync(&mut ctx, group, request.assignments);
        }
        rx
    }

    /// Handles a Heartbeat: the error code to answer.
    pub fn heartbeat(
        &mut self,
        now_ms: i64,
        group_id: &str,
        member_id: &str,
        group_instance_id: Option<&str>,
        generation_id: i32,
    ) -> ErrorCode {
        let Some(group) = self.groups.get_mut(group_id) else {
            return ErrorCode::UNKNOWN_MEMBER_ID;
        };
        if group.state == GroupState::Dead {
            return ErrorCode::COORDINATOR_NOT_AVAILABLE;
        }
        if group.is_fenced(group_instance_id, member_id) {
            return ErrorCode::FENCED_INSTANCE_ID;
        }
        let state = group.state;
        let generation = group.generation_id;
        let Some(member) = group.member_mut(member_id) else {
            return ErrorCode::UNKNOWN_MEMBER_ID;
        };
        if generation_id != generation {
            return ErrorCode::ILLEGAL_GENERATION;
        }
        member.heartbeat_deadline_ms = now_ms + i64::from(member.session_timeout_ms);
        match state {
            GroupState::PreparingRebalance => ErrorCode::REBALANCE_IN_PROGRESS,
            _ => ErrorCode::NONE,
        }
    }

    /// Handles a LeaveGroup of these (member id, instance id) pairs: one error code each.
    /// An empty member id with an instance id removes that static member (admin removal).
    pub fn leave(
        &mut self,
        store: &mut dyn Store,
        now_ms: i64,
        group_id: &str,
        leaving: &[(String, Option<String>)],
    ) -> Vec<ErrorCode> {
        let initial_delay_ms = self.config.initial_rebalance_delay_ms;
        let Some(group) = self.groups.get_mut(group_id) else {
            return vec![ErrorCode::UNKNOWN_MEMBER_ID; leaving.len()];
        };
        let mut ctx = Ctx {
            store,
            now_ms,
            initial_delay_ms,
        };
        leaving
            .iter()
            .map(|(member_id, instance_id)| {
                let target = if member_id.is_empty() {
                    match instance_id
                        .as_deref()
                        .and_then(|i| group.static_member_id(i))
                    {
                        Some(id) => id.to_string(),
                        None => return ErrorCode::UNKNOWN_MEMBER_ID,
                    }
                } else if group.is_fenced(instance_id.as_deref(), member_id) {
                    return ErrorCode::FENCED_INSTANCE_ID;
                } else {
                    member_id.clone()
                };
                if group.pending_members.remove(&target).is_some() {
                    try_complete_join(&mut ctx, group);
                    return ErrorCode::NONE;
                }
                if !group.has(&target) {
                    return ErrorCode::UNKNOWN_MEMBER_ID;
                }
                remove_member(&mut ctx, group, &target);
                ErrorCode::NONE
            })
            .collect()
    }

    /// Runs the timers: pending member expiry, the join deadline (with the initial
    /// rebalance delay), session timeouts and the sync deadline.
    pub fn tick(&mut self, store: &mut dyn Store, now_ms: i64) {
        let initial_delay_ms = self.config.initial_rebalance_delay_ms;
        let mut ctx = Ctx {
            store,
            now_ms,
            initial_delay_ms,
        };
        for group in self.groups.values_mut() {
            tick_group(&mut ctx, group);
        }
    }
}

/// What a state transition needs besides the group.
pub(super) struct Ctx<'a> {
    pub store: &'a mut dyn Store,
    pub now_ms: i64,
    pub initial_delay_ms: i64,
}

fn tick_group(ctx: &mut Ctx<'_>, group: &mut Group) {
    let now = ctx.now_ms;
    let expired: Vec<String> = group
        .pending_members
        .iter()
        .filter(|(_, deadline)| **deadline <= now)
        .map(|(id, _)| id.clone())
        .collect();
    for id in expired {
        group.pending_members.remove(&id);
    }
    if group.state == GroupState::PreparingRebalance && group.join_deadline_ms <= now {
        match group.initial_delay_remaining_ms {
            Some(remaining) if group.new_member_added && remaining > 0 => {
                let delay = ctx.initial_delay_ms.min(remaining);
                group.initial_delay_remaining_ms = Some(remaining - delay);
                group.new_member_added = false;
                group.join_deadline_ms = now + delay;
            }
            _ => {
                group.initial_delay_remaining_ms = None;
                complete_join(ctx, group);
            }
        }
    }
    try_complete_join(ctx, group);
    // Members parked in a JoinGroup or SyncGroup are alive: their client is waiting.
    let dead: Vec<String> = group
        .members
        .iter()
        .filter(|m| {
            m.heartbeat_deadline_ms <= now && m.awaiting_join.is_none() && m.awaiting_sync.is_none()
        })
        .map(|m| m.member_id.clone())
        .collect();
    for id in dead {
        tracing::info!(group = %group.group_id, member = %id, "member session expired");
        remove_member(ctx, group, &id);
    }
    if let Some(deadline) = group.sync_deadline_ms {
        if matches!(
            group.state,
            GroupState::CompletingRebalance | GroupState::Stable
        ) && deadline <= now
        {
            group.sync_deadline_ms = None;
            let unsynced: Vec<String> = group
                .members
                .iter()
                .filter(|m| !m.synced)
                .map(|m| m.member_id.clone())
                .collect();
            for id in unsynced {
                tracing::info!(group = %group.group_id, member = %id, "member did not sync in time");
                remove_member(ctx, group, &id);
            }
        }
    }
}

fn member_assignment(group: &Group, member_id: &str) -> Bytes {
    group
        .member(member_id)
        .map(|m| m.assignment.clone())
        .unwrap_or_default()
}

fn sync_ok(group: &Group, assignment: Bytes) -> SyncGroupResponse {
    SyncGroupResponse {
        error_code: ErrorCode::NONE.0,
        protocol_type: group.protocol_type.clone(),
        protocol_name: group.protocol_name.clone(),
        assignment,
        ..Default::default()
    }
}

/// The leader's SyncGroup: stores the generation with its assignments (members the
/// leader left out get an empty assignment), then answers every parked SyncGroup.
fn complete_sync(ctx: &mut Ctx<'_>, group: &mut Group, assignments: Vec<(String, Bytes)>) {
    let assigned: HashMap<String, Bytes> = assignments.into_iter().collect();
    for member in &mut group.members {
        member.assignment = assigned.get(&member.member_id).cloned().unwrap_or_default();
    }
    let value = records::group_value(&group.to_stored());
    let key = records::group_key(&group.group_id);
    if let Err(code) = ctx.store.append(&group.group_id, vec![(key, Some(value))]) {
        tracing::warn!(group = %group.group_id, ?code, "storing group assignment failed");
        for member in &mut group.members {
            member.assignment = Bytes::new();
            if let Some(waiter) = member.awaiting_sync.take() {
                let _ = waiter.send(sync_error(ErrorCode::COORDINATOR_NOT_AVAILABLE));
            }
        }
        prepare_rebalance(ctx, group);
        return;
    }
    group.set_state(GroupState::Stable, ctx.now_ms);
    let answers: Vec<_> = group
        .members
        .iter()
        .map(|m| sync_ok(group, m.assignment.clone()))
        .collect();
    for (member, answer) in group.members.iter_mut().zip(answers) {
        if let Some(waiter) = member.awaiting_sync.take() {
            let _ = waiter.send(answer);
        }
    }
}

/// Removes a member (leave, session expiry, sync deadline) and rebalances the rest.
pub(super) fn remove_member(ctx: &mut Ctx<'_>, group: &mut Group, member_id: &str) {
    let Some(position) = group.members.iter().position(|m| m.member_id == member_id) else {
        return;
    };
    let member = group.members.remove(position);
    if let Some(waiter) = member.awaiting_join {
        let _ = waiter.send(join_error(ErrorCode::UNKNOWN_MEMBER_ID, member_id));
    }
    if let Some(waiter) = member.awaiting_sync {
        let _ = waiter.send(sync_error(ErrorCode::UNKNOWN_MEMBER_ID));
    }
    if group.is_leader(member_id) {
        group.leader_id = group.members.first().map(|m| m.member_id.clone());
    }
    match group.state {
        GroupState::Stable | GroupState::CompletingRebalance => prepare_rebalance(ctx, group),
        GroupState::PreparingRebalance => try_complete_join(ctx, group),
        GroupState::Empty | GroupState::Dead => {}
    }
}
