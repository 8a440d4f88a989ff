//! The classic group protocol as a state machine: JoinGroup, SyncGroup, Heartbeat,
//! LeaveGroup and the timers (initial rebalance delay, join/rebalance timeout, session
//! timeouts, sync deadline), following Apache Kafka's classic group coordinator.
//!
//! Every call takes the current time (`now_ms`), so tests drive it with a manual clock,
//! and a `Store` to write `__consumer_offsets` records through. JoinGroup and SyncGroup
//! answers that must wait for the rest of the group are `oneshot` receivers, completed
//! here when the phase ends (by another member's request or by `tick`).

use super::records::{self};
use super::state::{Group, GroupState, Member};
use super::{GroupConfig, Store};
use bytes::Bytes;
use std::collections::HashMap;
use strom_protocol::generated::join_group_response::JoinGroupResponseMember;
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

fn new_member(request: &JoinRequest, member_id: String, now_ms: i64) -> Member {
    Member {
        member_id,
        group_instance_id: request.group_instance_id.clone(),
        client_id: request.client_id.clone(),
        client_host: request.client_host.clone(),
        session_timeout_ms: request.session_timeout_ms,
        rebalance_timeout_ms: request.rebalance_timeout_ms,
        protocols: request.protocols.clone(),
        assignment: Bytes::new(),
        awaiting_join: None,
        awaiting_sync: None,
        synced: false,
        heartbeat_deadline_ms: now_ms + i64::from(request.session_timeout_ms),
    }
}

fn join_new_member(
    ctx: &mut Ctx<'_>,
    group: &mut Group,
    request: JoinRequest,
    new_id: String,
    tx: oneshot::Sender<JoinGroupResponse>,
) {
    if let Some(instance_id) = request.group_instance_id.clone() {
        if let Some(old_id) = group.static_member_id(&instance_id).map(str::to_string) {
            replace_static_member(ctx, group, &old_id, new_id, request, tx);
            return;
        }
    } else if request.require_known_member_id {
        group.pending_members.insert(
            new_id.clone(),
            ctx.now_ms + i64::from(request.session_timeout_ms),
        );
        let _ = tx.send(join_error(ErrorCode::MEMBER_ID_REQUIRED, &new_id));
        return;
    }
    add_member_and_rebalance(ctx, group, &request, new_id, tx);
}

fn join_known_member(
    ctx: &mut Ctx<'_>,
    group: &mut Group,
    request: JoinRequest,
    tx: oneshot::Sender<JoinGroupResponse>,
) {
    let id = request.member_id.clone();
    if group.pending_members.remove(&id).is_some() {
        add_member_and_rebalance(ctx, group, &request, id, tx);
        return;
    }
    if group.is_fenced(request.group_instance_id.as_deref(), &id) {
        let _ = tx.send(join_error(ErrorCode::FENCED_INSTANCE_ID, &id));
        return;
    }
    let Some(member) = group.member(&id) else {
        let _ = tx.send(join_error(ErrorCode::UNKNOWN_MEMBER_ID, &id));
        return;
    };
    let same_protocols = member.protocols == request.protocols;
    match group.state {
        GroupState::PreparingRebalance => {
            update_member(group, &request, tx);
            try_complete_join(ctx, group);
        }
        GroupState::CompletingRebalance if same_protocols => {
            // A retry of a join that already completed: the same answer again.
            let _ = tx.send(join_response(group, &id, false));
        }
        GroupState::Stable if same_protocols && !group.is_leader(&id) => {
            let _ = tx.send(join_response(group, &id, false));
        }
        GroupState::CompletingRebalance | GroupState::Stable => {
            // New subscriptions, or the leader asking for a new assignment.
            update_member(group, &request, tx);
            prepare_rebalance(ctx, group);
        }
        GroupState::Empty | GroupState::Dead => {
            let _ = tx.send(join_error(ErrorCode::UNKNOWN_MEMBER_ID, &id));
        }
    }
}

fn update_member(group: &mut Group, request: &JoinRequest, tx: oneshot::Sender<JoinGroupResponse>) {
    let member = group.member_mut(&request.member_id).expect("a member");
    member.protocols = request.protocols.clone();
    member.session_timeout_ms = request.session_timeout_ms;
    member.rebalance_timeout_ms = request.rebalance_timeout_ms;
    member.client_id = request.client_id.clone();
    member.client_host = request.client_host.clone();
    if let Some(previous) = member.awaiting_join.replace(tx) {
        let _ = previous.send(join_error(
            ErrorCode::REBALANCE_IN_PROGRESS,
            &request.member_id,
        ));
    }
}

fn add_member_and_rebalance(
    ctx: &mut Ctx<'_>,
    group: &mut Group,
    request: &JoinRequest,
    member_id: String,
    tx: oneshot::Sender<JoinGroupResponse>,
) {
    let mut member = new_member(request, member_id.clone(), ctx.now_ms);
    member.awaiting_join = Some(tx);
    if group.members.is_empty() {
        group.protocol_type = Some(request.protocol_type.clone());
    }
    if group.leader_id.is_none() {
        group.leader_id = Some(member_id);
    }
    group.members.push(member);
    group.new_member_added = true;
    if group.state == GroupState::PreparingRebalance {
        try_complete_join(ctx, group);
    } else {
        prepare_rebalance(ctx, group);
    }
}

/// KIP-345: a static member restarting (new member id, same instance id) takes over its
/// old membership, and the old member id is fenced: its parked JoinGroup or SyncGroup is
/// answered FENCED_INSTANCE_ID at once. A stable group whose selected protocol stays the
/// same keeps its generation and assignment (as in Kafka, changed metadata under the same
/// protocol does not rebalance); otherwise the group rebalances.
fn replace_static_member(
    ctx: &mut Ctx<'_>,
    group: &mut Group,
    old_id: &str,
    new_id: String,
    request: JoinRequest,
    tx: oneshot::Sender<JoinGroupResponse>,
) {
    let current_leader = group.leader_id.clone().unwrap_or_default();
    let old = group.member_mut(old_id).expect("a static member");
    if let Some(waiter) = old.awaiting_join.take() {
        let _ = waiter.send(join_error(ErrorCode::FENCED_INSTANCE_ID, old_id));
    }
    if let Some(waiter) = old.awaiting_sync.take() {
        let _ = waiter.send(sync_error(ErrorCode::FENCED_INSTANCE_ID));
    }
    let old_protocols = std::mem::replace(&mut old.protocols, request.protocols.clone());
    let old_timeouts_ms = (old.session_timeout_ms, old.rebalance_timeout_ms);
    old.member_id = new_id.clone();
    old.client_id = request.client_id.clone();
    old.client_host = request.client_host.clone();
    old.session_timeout_ms = request.session_timeout_ms;
    old.rebalance_timeout_ms = request.rebalance_timeout_ms;
    old.heartbeat_deadline_ms = ctx.now_ms + i64::from(request.session_timeout_ms);
    if group.is_leader(old_id) {
        group.leader_id = Some(new_id.clone());
    }
    tracing::info!(group = %group.group_id, old = old_id, new = %new_id, "static member replaced");
    let same_protocol = group.select_protocol() == group.protocol_name;
    match group.state {
        GroupState::Stable if same_protocol => {
            let stored = records::group_value(&group.to_stored());
            let key = records::group_key(&group.group_id);
            if let Err(code) = ctx.store.append(&group.group_id, vec![(key, Some(stored))]) {
                // Undo, so the old instance keeps its membership.
                let member = group.member_mut(&new_id).expect("just renamed");
                member.member_id = old_id.to_string();
                member.protocols = old_protocols;
                (member.session_timeout_ms, member.rebalance_timeout_ms) = old_timeouts_ms;
                if group.is_leader(&new_id) {
                    group.leader_id = Some(old_id.to_string());
                }
                let _ = tx.send(join_error(code, ""));
                return;
            }
            let mut response = join_response(group, &new_id, false);
            if request.supports_skip_assignment {
                // v9+: a leader gets the members but is told not to assign again.
                response.skip_assignment = group.is_leader(&new_id);
            } else {
                // Before v9 the answer names the leader as it was before the restart, so a
                // restarted leader acts as a follower and keeps the current assignment.
                response.members.clear();
                response.leader = current_leader;
            }
            let _ = tx.send(response);
        }
        GroupState::PreparingRebalance => {
            let member = group.member_mut(&new_id).expect("just renamed");
            member.awaiting_join = Some(tx);
            try_complete_join(ctx, group);
        }
        _ => {
            let member = group.member_mut(&new_id).expect("just renamed");
            member.awaiting_join = Some(tx);
            prepare_rebalance(ctx, group);
        }
    }
}

/// The JoinGroup answer of the current generation; the leader gets every member's
/// metadata for the selected protocol unless `for_follower`.
fn join_response(group: &Group, member_id: &str, for_follower: bool) -> JoinGroupResponse {
    let protocol = group.protocol_name.clone().unwrap_or_default();
    let members = if group.is_leader(member_id) && !for_follower {
        group
            .members
            .iter()
            .map(|m| JoinGroupResponseMember {
                member_id: m.member_id.clone(),
                group_instance_id: m.group_instance_id.clone(),
                metadata: m.metadata(&protocol),
                ..Default::default()
            })
            .collect()
    } else {
        Vec::new()
    };
    JoinGroupResponse {
        error_code: ErrorCode::NONE.0,
        generation_id: group.generation_id,
        protocol_type: group.protocol_type.clone(),
        protocol_name: group.protocol_name.clone(),
        leader: group.leader_id.clone().unwrap_or_default(),
        skip_assignment: false,
        member_id: member_id.to_string(),
        members,
        ..Default::default()
    }
}

/// Starts a rebalance: parked SyncGroups are told REBALANCE_IN_PROGRESS; a group that was
/// Empty first waits `group.initial.rebalance.delay.ms` for more members.
pub(super) fn prepare_rebalance(ctx: &mut Ctx<'_>, group: &mut Group) {
    if group.state == GroupState::CompletingRebalance {
        for member in &mut group.members {
            member.assignment = Bytes::new();
            if let Some(waiter) = member.awaiting_sync.take() {
                let _ = waiter.send(sync_error(ErrorCode::REBALANCE_IN_PROGRESS));
            }
        }
    }
    let was_empty = group.state == GroupState::Empty;
    group.set_state(GroupState::PreparingRebalance, ctx.now_ms);
    group.sync_deadline_ms = None;
    let rebalance_timeout_ms = group.max_rebalance_timeout_ms();
    if was_empty && ctx.initial_delay_ms > 0 {
        let delay = ctx.initial_delay_ms.min(rebalance_timeout_ms);
        group.join_deadline_ms = ctx.now_ms + delay;
        group.initial_delay_remaining_ms = Some((rebalance_timeout_ms - delay).max(0));
        group.new_member_added = false;
    } else {
        group.join_deadline_ms = ctx.now_ms + rebalance_timeout_ms;
        group.initial_delay_remaining_ms = None;
        try_complete_join(ctx, group);
    }
    tracing::debug!(group = %group.group_id, "preparing rebalance");
}

/// Completes the join phase early when every member has rejoined (never during the
/// initial delay, which exists to wait for members not known yet).
pub(super) fn try_complete_join(ctx: &mut Ctx<'_>, group: &mut Group) {
    if group.state == GroupState::PreparingRebalance
        && group.initial_delay_remaining_ms.is_none()
        && group.all_joined()
    {
        complete_join(ctx, group);
    }
}

/// Ends the join phase (KIP-345, as Kafka's `completeClassicGroupJoin`): dynamic members
/// that did not rejoin are removed; static members stay, with their old metadata, in the
/// next generation until their session or the sync deadline expires, so a static member
/// that is only slow does not move its partitions. A leader that did not rejoin hands over
/// to the first member that did; when no member rejoined the phase is extended by another
/// rebalance timeout (session timeouts remove the silent members meanwhile). Then the next
/// generation starts with the selected protocol and every parked JoinGroup is answered.
fn complete_join(ctx: &mut Ctx<'_>, group: &mut Group) {
    let gone: Vec<String> = group
        .members
        .iter()
        .filter(|m| m.awaiting_join.is_none() && m.group_instance_id.is_none())
        .map(|m| m.member_id.clone())
        .collect();
    group
        .members
        .retain(|m| m.awaiting_join.is_some() || m.group_instance_id.is_some());
    if !gone.is_empty() {
        tracing::info!(group = %group.group_id, ?gone, "dynamic members did not rejoin in time");
    }
    let leader_joined = group
        .leader_id
        .as_deref()
        .and_then(|l| group.member(l))
        .is_some_and(|m| m.awaiting_join.is_some());
    let joined_leader = if leader_joined {
        group.leader_id.clone()
    } else {
        group
            .members
            .iter()
            .find(|m| m.awaiting_join.is_some())
            .map(|m| m.member_id.clone())
    };
    match joined_leader {
        Some(leader) => group.leader_id = Some(leader),
        None if group.members.is_empty() => group.leader_id = None,
        None => {
            if !group.leader_id.as_deref().is_some_and(|l| group.has(l)) {
                group.leader_id = group.members.first().map(|m| m.member_id.clone());
            }
            tracing::info!(group = %group.group_id, "no member rejoined; join phase extended");
            group.join_deadline_ms = ctx.now_ms + group.max_rebalance_timeout_ms();
            return;
        }
    }
    group.generation_id += 1;
    if group.members.is_empty() {
        group.protocol_name = None;
        group.leader_id = None;
        group.set_state(GroupState::Empty, ctx.now_ms);
        let value = records::group_value(&group.to_stored());
        if let Err(code) = ctx.store.append(
            &group.group_id,
            vec![(records::group_key(&group.group_id), Some(value))],
        ) {
            tracing::warn!(group = %group.group_id, ?code, "storing empty group failed");
        }
        return;
    }
    group.protocol_name = group.select_protocol();
    group.set_state(GroupState::CompletingRebalance, ctx.now_ms);
    group.sync_deadline_ms = Some(ctx.now_ms + group.max_rebalance_timeout_ms());
    let now = ctx.now_ms;
    let answers: Vec<_> = group
        .members
        .iter()
        .map(|m| join_response(group, &m.member_id, false))
        .collect();
    for (member, answer) in group.members.iter_mut().zip(answers) {
        member.synced = false;
        member.assignment = Bytes::new();
        member.heartbeat_deadline_ms = now + i64::from(member.session_timeout_ms);
        if let Some(waiter) = member.awaiting_join.take() {
            let _ = waiter.send(answer);
        }
    }
    tracing::info!(group = %group.group_id, generation = group.generation_id, members = group.members.len(), protocol = ?group.protocol_name, "rebalance completed join phase");
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
