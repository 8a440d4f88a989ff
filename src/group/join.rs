//! The join phase of the classic group protocol: JoinGroup of new, known and static
//! (KIP-345) members, the start of a rebalance, and its completion into the next
//! generation, following Apache Kafka's classic group coordinator. `GroupManager`
//! (manager.rs) calls in here; every function keeps the invariants listed in state.rs.

use super::manager::{join_error, sync_error, Ctx, JoinRequest};
use super::records;
use super::state::{Group, GroupState, Member};
use bytes::Bytes;
use strom_protocol::generated::join_group_response::JoinGroupResponseMember;
use strom_protocol::generated::JoinGroupResponse;
use strom_protocol::ErrorCode;
use tokio::sync::oneshot;

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

pub(super) fn join_new_member(
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

pub(super) fn join_known_member(
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
pub(super) fn complete_join(ctx: &mut Ctx<'_>, group: &mut Group) {
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
