//! Rejoining, static membership (KIP-345) and fencing, on the manual clock, checked against
//! what Apache Kafka's classic group coordinator does (`GroupMetadataManager`,
//! `ClassicGroup`): static members that miss a rebalance stay in the group until their
//! session times out, a new instance fences the old one's parked requests, late joins are
//! unknown members.

use super::{
    join_new, manager, ready, request, stable_pair, sync, sync_as, MemoryStore, REBALANCE_MS,
    SESSION_MS,
};
use crate::group::manager::GroupManager;
use crate::group::offsets::Committer;
use crate::group::state::GroupState;
use bytes::Bytes;
use strom_protocol::generated::SyncGroupResponse;
use strom_protocol::ErrorCode;
use tokio::sync::oneshot::Receiver;

fn static_sync(
    m: &mut GroupManager,
    store: &mut MemoryStore,
    now: i64,
    member: &str,
    instance: &str,
    generation: i32,
    assignments: &[(&str, &str)],
) -> Receiver<SyncGroupResponse> {
    sync_as(
        m,
        store,
        now,
        member,
        Some(instance),
        generation,
        assignments,
    )
}

/// Two static members ("a" leads, "b") of a group without initial delay, Stable in
/// generation 2 at 12 with assignments "A" and "B": their member ids.
fn static_pair(m: &mut GroupManager, store: &mut MemoryStore) -> (String, String) {
    let ja = ready(&mut m.join(store, 0, request("", Some("a"), &["range"]))).unwrap();
    assert_eq!(ja.generation_id, 1);
    let a = ja.member_id;
    let mut rb = m.join(store, 10, request("", Some("b"), &["range"]));
    let mut ra = m.join(store, 11, request(&a, Some("a"), &["range"]));
    let (ja, jb) = (ready(&mut ra).unwrap(), ready(&mut rb).unwrap());
    assert_eq!((ja.generation_id, jb.generation_id), (2, 2));
    let b = jb.member_id;
    let mut sb = static_sync(m, store, 12, &b, "b", 2, &[]);
    let mut sa = static_sync(m, store, 12, &a, "a", 2, &[(&a, "A"), (&b, "B")]);
    assert_eq!(ready(&mut sa).unwrap().assignment, Bytes::from("A"));
    assert_eq!(ready(&mut sb).unwrap().assignment, Bytes::from("B"));
    (a, b)
}

/// From `static_pair`: a dynamic member c joins at 1000; b rejoins, a only heartbeats. At
/// the join deadline (21000) a is kept: generation 3 is formed of a, b and c with b as
/// leader, and is Stable at 21002 with assignments "A", "B", "C". Returns (a, b, c).
fn static_member_misses_a_rebalance(
    m: &mut GroupManager,
    store: &mut MemoryStore,
) -> (String, String, String) {
    let (a, b) = static_pair(m, store);
    let (c, mut rc) = join_new(m, store, 1_000);
    let mut rb = m.join(store, 1_001, request(&b, Some("b"), &["range"]));
    for now in [5_000, 10_000, 15_000, 20_000] {
        assert_eq!(
            m.heartbeat(now, "g", &a, Some("a"), 2),
            ErrorCode::REBALANCE_IN_PROGRESS
        );
    }
    let deadline = 1_000 + i64::from(REBALANCE_MS);
    m.tick(store, deadline - 1);
    assert!(ready(&mut rb).is_none());
    m.tick(store, deadline);
    let (jb, jc) = (ready(&mut rb).unwrap(), ready(&mut rc).unwrap());
    assert_eq!((jb.generation_id, jc.generation_id), (3, 3));
    assert_eq!(
        jb.leader, b,
        "the old leader did not rejoin: the first that did leads"
    );
    let ids: Vec<&str> = jb.members.iter().map(|m| m.member_id.as_str()).collect();
    assert_eq!(ids, vec![a.as_str(), b.as_str(), c.as_str()]);
    assert_eq!(jb.members[0].metadata, Bytes::from("range-meta"));
    let mut sc = sync(m, store, 21_001, &c, 3, &[]);
    let assignments = [(a.as_str(), "A"), (b.as_str(), "B"), (c.as_str(), "C")];
    let mut sb = static_sync(m, store, 21_002, &b, "b", 3, &assignments);
    assert_eq!(ready(&mut sb).unwrap().assignment, Bytes::from("B"));
    assert_eq!(ready(&mut sc).unwrap().assignment, Bytes::from("C"));
    assert_eq!(m.group("g").unwrap().state, GroupState::Stable);
    (a, b, c)
}

/// A member that rejoins with its member id keeps it: a follower of a stable group gets
/// the current generation back at once, without a rebalance; when a third member joins,
/// both rejoin with their ids and form the next generation with it.
#[test]
fn member_rejoining_with_its_member_id_keeps_it() {
    let mut m = manager(3_000);
    let mut store = MemoryStore::default();
    let (a, b) = stable_pair(&mut m, &mut store);
    let j = ready(&mut m.join(&mut store, 7_000, request(&b, None, &["range"]))).unwrap();
    assert_eq!((j.error_code, j.generation_id), (0, 1));
    assert_eq!(
        (j.member_id.as_str(), j.leader.as_str()),
        (b.as_str(), a.as_str())
    );
    assert!(j.members.is_empty());
    assert_eq!(m.group("g").unwrap().state, GroupState::Stable);

    let (c, mut rc) = join_new(&mut m, &mut store, 8_000);
    assert_eq!(
        m.heartbeat(8_001, "g", &a, None, 1),
        ErrorCode::REBALANCE_IN_PROGRESS
    );
    let mut ra = m.join(&mut store, 8_002, request(&a, None, &["range"]));
    assert!(ready(&mut ra).is_none(), "b has not rejoined yet");
    let mut rb = m.join(&mut store, 8_003, request(&b, None, &["range"]));
    let (ja, jb, jc) = (
        ready(&mut ra).unwrap(),
        ready(&mut rb).unwrap(),
        ready(&mut rc).unwrap(),
    );
    assert_eq!(
        (ja.generation_id, jb.generation_id, jc.generation_id),
        (2, 2, 2)
    );
    assert_eq!((&ja.member_id, &jb.member_id, &jc.member_id), (&a, &b, &c));
    assert_eq!(ja.leader, a);
    let ids: Vec<&str> = ja.members.iter().map(|m| m.member_id.as_str()).collect();
    assert_eq!(ids, vec![a.as_str(), b.as_str(), c.as_str()]);
}

/// KIP-345: static members restarting (no member id, same instance id and protocols) get
/// a new member id in the same generation, without a rebalance, and SyncGroup returns
/// their previous assignments. Before JoinGroup v9 the restarted leader's answer names
/// the leader as it was before the restart and lists no members, so it does not assign.
#[test]
fn static_member_restart_keeps_generation_and_assignment() {
    let mut m = manager(0);
    let mut store = MemoryStore::default();
    let (a, b) = static_pair(&mut m, &mut store);
    let mut before_v9 = request("", Some("a"), &["range"]);
    before_v9.supports_skip_assignment = false;
    let ja = ready(&mut m.join(&mut store, 1_000, before_v9)).unwrap();
    assert_eq!((ja.error_code, ja.generation_id), (0, 2));
    assert_ne!(ja.member_id, a);
    assert_eq!(ja.leader, a, "the leader before the restart");
    assert!(ja.members.is_empty() && !ja.skip_assignment);
    let jb = ready(&mut m.join(&mut store, 1_001, request("", Some("b"), &["range"]))).unwrap();
    assert_eq!((jb.error_code, jb.generation_id), (0, 2));
    assert_ne!(jb.member_id, b);
    assert_eq!(jb.leader, ja.member_id);
    assert!(jb.members.is_empty() && !jb.skip_assignment);
    let group = m.group("g").unwrap();
    assert_eq!(
        (group.state, group.generation_id, group.members.len()),
        (GroupState::Stable, 2, 2)
    );
    let sa = ready(&mut static_sync(
        &mut m,
        &mut store,
        1_002,
        &ja.member_id,
        "a",
        2,
        &[],
    ));
    assert_eq!(sa.unwrap().assignment, Bytes::from("A"));
    let sb = ready(&mut static_sync(
        &mut m,
        &mut store,
        1_003,
        &jb.member_id,
        "b",
        2,
        &[],
    ));
    assert_eq!(sb.unwrap().assignment, Bytes::from("B"));
    assert_eq!(
        m.heartbeat(1_004, "g", &jb.member_id, Some("b"), 2),
        ErrorCode::NONE
    );
}

/// Kafka removes only dynamic members that did not rejoin when the join phase ends; a
/// static member stays in the next generation (the leader gets its metadata and assigns
/// it partitions) until its session times out, counted from the end of the join phase:
/// its heartbeats of the old generation get ILLEGAL_GENERATION and do not keep it alive.
#[test]
fn static_member_not_rejoining_is_kept_until_its_session_times_out() {
    let mut m = manager(0);
    let mut store = MemoryStore::default();
    let (a, b, c) = static_member_misses_a_rebalance(&mut m, &mut store);
    assert_eq!(
        m.heartbeat(21_003, "g", &a, Some("a"), 2),
        ErrorCode::ILLEGAL_GENERATION
    );
    for member in [&b, &c] {
        assert_eq!(m.heartbeat(25_000, "g", member, None, 3), ErrorCode::NONE);
    }
    let expiry = 21_000 + i64::from(SESSION_MS);
    m.tick(&mut store, expiry - 1);
    let group = m.group("g").unwrap();
    assert!(group.has(&a));
    assert_eq!((group.state, group.generation_id), (GroupState::Stable, 3));
    m.tick(&mut store, expiry);
    let group = m.group("g").unwrap();
    assert!(!group.has(&a));
    assert_eq!(group.members.len(), 2);
    assert_eq!(group.state, GroupState::PreparingRebalance);
}

/// The static member that missed the rebalance comes back within its session by rejoining
/// with its member id: it gets the current generation without another rebalance and the
/// assignment the leader gave it.
#[test]
fn static_member_kept_after_missing_a_rebalance_rejoins_into_its_assignment() {
    let mut m = manager(0);
    let mut store = MemoryStore::default();
    let (a, b, _c) = static_member_misses_a_rebalance(&mut m, &mut store);
    let ja = ready(&mut m.join(&mut store, 22_000, request(&a, Some("a"), &["range"]))).unwrap();
    assert_eq!((ja.error_code, ja.generation_id), (0, 3));
    assert_eq!(ja.leader, b);
    assert!(ja.members.is_empty());
    let sa = ready(&mut static_sync(
        &mut m,
        &mut store,
        22_001,
        &a,
        "a",
        3,
        &[],
    ));
    assert_eq!(sa.unwrap().assignment, Bytes::from("A"));
    let group = m.group("g").unwrap();
    assert_eq!((group.state, group.generation_id), (GroupState::Stable, 3));
}

/// When no member rejoins before the join deadline, Kafka neither forms an empty
/// generation nor drops the static members: the join phase waits another rebalance
/// timeout, and completes with whoever rejoined by then.
#[test]
fn join_phase_waits_while_no_member_rejoined() {
    let mut m = manager(0);
    let mut store = MemoryStore::default();
    let (a, b) = static_pair(&mut m, &mut store);
    let (c, _rc) = join_new(&mut m, &mut store, 1_000);
    assert_eq!(
        m.leave(&mut store, 1_001, "g", &[(c, None)]),
        vec![ErrorCode::NONE]
    );
    let alive = |m: &mut GroupManager, now: i64| {
        for (member, instance) in [(&a, "a"), (&b, "b")] {
            let code = m.heartbeat(now, "g", member, Some(instance), 2);
            assert_eq!(code, ErrorCode::REBALANCE_IN_PROGRESS);
        }
    };
    alive(&mut m, 9_000);
    alive(&mut m, 18_000);
    let deadline = 1_000 + i64::from(REBALANCE_MS);
    m.tick(&mut store, deadline);
    let group = m.group("g").unwrap();
    assert_eq!(
        (group.state, group.generation_id, group.members.len()),
        (GroupState::PreparingRebalance, 2, 2)
    );
    assert_eq!(group.join_deadline_ms, deadline + i64::from(REBALANCE_MS));
    let mut rb = m.join(&mut store, 22_000, request(&b, Some("b"), &["range"]));
    alive(&mut m, 27_000);
    alive(&mut m, 36_000);
    m.tick(&mut store, deadline + i64::from(REBALANCE_MS));
    let jb = ready(&mut rb).unwrap();
    assert_eq!((jb.generation_id, jb.leader.as_str()), (3, b.as_str()));
    assert_eq!(jb.members.len(), 2, "a is kept: it is static");
}

/// A new instance of a static member fences the old one: the old instance's parked
/// JoinGroup is answered FENCED_INSTANCE_ID at once (its member id, generation -1, no
/// leader), and so is everything it sends later; a parked SyncGroup of an old instance is
/// fenced too, and the group rebalances for the new one.
#[test]
fn new_instance_fences_the_old_one() {
    let mut m = manager(0);
    let mut store = MemoryStore::default();
    let (a, b) = static_pair(&mut m, &mut store);
    let (c, mut rc) = join_new(&mut m, &mut store, 1_000);
    let mut old = m.join(&mut store, 1_001, request(&a, Some("a"), &["range"]));
    assert!(ready(&mut old).is_none());
    let mut new = m.join(&mut store, 1_002, request("", Some("a"), &["range"]));
    let fenced = ready(&mut old).expect("answered when the new instance joined");
    assert_eq!(fenced.error_code, ErrorCode::FENCED_INSTANCE_ID.0);
    assert_eq!(
        (fenced.member_id.as_str(), fenced.generation_id),
        (a.as_str(), -1)
    );
    assert_eq!((fenced.leader.as_str(), fenced.protocol_name), ("", None));
    assert!(ready(&mut new).is_none(), "b has not rejoined yet");
    let mut rb = m.join(&mut store, 1_003, request(&b, Some("b"), &["range"]));
    let jn = ready(&mut new).unwrap();
    assert_eq!((jn.error_code, jn.generation_id), (0, 3));
    assert_eq!(
        jn.leader, jn.member_id,
        "the leader's membership moved to the new instance"
    );
    let ids: Vec<&str> = jn.members.iter().map(|m| m.member_id.as_str()).collect();
    assert_eq!(ids, vec![jn.member_id.as_str(), b.as_str(), c.as_str()]);
    assert_eq!(ready(&mut rb).unwrap().generation_id, 3);
    assert_eq!(ready(&mut rc).unwrap().generation_id, 3);

    let fenced = ErrorCode::FENCED_INSTANCE_ID;
    assert_eq!(m.heartbeat(1_004, "g", &a, Some("a"), 3), fenced);
    let join = ready(&mut m.join(&mut store, 1_004, request(&a, Some("a"), &["range"])));
    assert_eq!(join.unwrap().error_code, fenced.0);
    let sync = ready(&mut static_sync(&mut m, &mut store, 1_004, &a, "a", 3, &[]));
    assert_eq!(sync.unwrap().error_code, fenced.0);
    let who = Committer {
        group_instance_id: Some("a"),
        ..super::who("g", 3, &a)
    };
    let commit = m.commit_offsets(&mut store, 1_004, &who, &[super::part("t", 0, 1)]);
    assert_eq!(commit, vec![fenced]);
    let leave = m.leave(&mut store, 1_004, "g", &[(a.clone(), Some("a".into()))]);
    assert_eq!(leave, vec![fenced]);

    // b's SyncGroup is parked (the leader has not synced); b restarts meanwhile.
    let mut sb = static_sync(&mut m, &mut store, 1_005, &b, "b", 3, &[]);
    assert!(ready(&mut sb).is_none());
    let mut b2 = m.join(&mut store, 1_006, request("", Some("b"), &["range"]));
    assert_eq!(ready(&mut sb).unwrap().error_code, fenced.0);
    assert!(ready(&mut b2).is_none());
    assert_eq!(m.group("g").unwrap().state, GroupState::PreparingRebalance);
}

/// A dynamic member whose JoinGroup comes after the rebalance timeout was removed when the
/// join phase ended: it is an unknown member, and joins again as a new one.
#[test]
fn join_after_the_rebalance_timeout_is_an_unknown_member() {
    let mut m = manager(3_000);
    let mut store = MemoryStore::default();
    let (a, b) = stable_pair(&mut m, &mut store);
    let mut ra = m.join(&mut store, 7_000, request(&a, None, &["range"]));
    m.tick(&mut store, 7_000 + i64::from(REBALANCE_MS));
    assert_eq!(ready(&mut ra).unwrap().generation_id, 2);
    let now = 7_001 + i64::from(REBALANCE_MS);
    let late = ready(&mut m.join(&mut store, now, request(&b, None, &["range"]))).unwrap();
    assert_eq!(late.error_code, ErrorCode::UNKNOWN_MEMBER_ID.0);
    assert_eq!(late.member_id, b);
    assert_eq!(
        m.heartbeat(now, "g", &b, None, 1),
        ErrorCode::UNKNOWN_MEMBER_ID
    );
    let (b2, mut rb2) = join_new(&mut m, &mut store, now);
    assert_ne!(b2, b);
    assert_eq!(m.group("g").unwrap().state, GroupState::PreparingRebalance);
    let mut ra = m.join(&mut store, now + 1, request(&a, None, &["range"]));
    assert_eq!(ready(&mut ra).unwrap().generation_id, 3);
    assert_eq!(ready(&mut rb2).unwrap().generation_id, 3);
}

/// A heartbeat naming an older generation gets ILLEGAL_GENERATION in every state; one of
/// the current generation gets REBALANCE_IN_PROGRESS while members must rejoin and NONE
/// once the join phase is over.
#[test]
fn heartbeat_with_an_old_generation_is_illegal_generation() {
    let mut m = manager(3_000);
    let mut store = MemoryStore::default();
    let (a, b) = stable_pair(&mut m, &mut store);
    let (c, _rc) = join_new(&mut m, &mut store, 7_000);
    let illegal = ErrorCode::ILLEGAL_GENERATION;
    assert_eq!(m.heartbeat(7_001, "g", &a, None, 0), illegal);
    assert_eq!(
        m.heartbeat(7_001, "g", &a, None, 1),
        ErrorCode::REBALANCE_IN_PROGRESS
    );
    let mut ra = m.join(&mut store, 7_002, request(&a, None, &["range"]));
    let mut rb = m.join(&mut store, 7_002, request(&b, None, &["range"]));
    assert_eq!(ready(&mut ra).unwrap().generation_id, 2);
    assert_eq!(ready(&mut rb).unwrap().generation_id, 2);
    assert_eq!(m.group("g").unwrap().state, GroupState::CompletingRebalance);
    assert_eq!(m.heartbeat(7_003, "g", &b, None, 1), illegal);
    assert_eq!(m.heartbeat(7_003, "g", &b, None, 2), ErrorCode::NONE);
    let mut sb = sync(&mut m, &mut store, 7_004, &b, 2, &[]);
    let mut sc = sync(&mut m, &mut store, 7_004, &c, 2, &[]);
    let mut sa = sync(
        &mut m,
        &mut store,
        7_004,
        &a,
        2,
        &[(&a, "A"), (&b, "B"), (&c, "C")],
    );
    for rx in [&mut sa, &mut sb, &mut sc] {
        assert_eq!(ready(rx).unwrap().error_code, 0);
    }
    assert_eq!(m.group("g").unwrap().state, GroupState::Stable);
    assert_eq!(m.heartbeat(7_005, "g", &c, None, 1), illegal);
    assert_eq!(m.heartbeat(7_005, "g", &c, None, 2), ErrorCode::NONE);
}

/// More members than the leader has work for: the members it leaves out get a successful
/// SyncGroup with an empty assignment, stay in the group, and get the same empty
/// assignment when they sync again in the Stable group.
#[test]
fn extra_members_get_empty_assignments() {
    let mut m = manager(3_000);
    let mut store = MemoryStore::default();
    let (a, b) = stable_pair(&mut m, &mut store);
    let (c, mut rc) = join_new(&mut m, &mut store, 7_000);
    let mut ra = m.join(&mut store, 7_001, request(&a, None, &["range"]));
    let mut rb = m.join(&mut store, 7_001, request(&b, None, &["range"]));
    for rx in [&mut ra, &mut rb, &mut rc] {
        assert_eq!(ready(rx).unwrap().generation_id, 2);
    }
    let mut sb = sync(&mut m, &mut store, 7_002, &b, 2, &[]);
    let mut sc = sync(&mut m, &mut store, 7_002, &c, 2, &[]);
    let mut sa = sync(&mut m, &mut store, 7_003, &a, 2, &[(&a, "p0")]);
    assert_eq!(ready(&mut sa).unwrap().assignment, Bytes::from("p0"));
    for rx in [&mut sb, &mut sc] {
        let answer = ready(rx).unwrap();
        assert_eq!((answer.error_code, answer.assignment.len()), (0, 0));
    }
    let group = m.group("g").unwrap();
    assert_eq!((group.state, group.members.len()), (GroupState::Stable, 3));
    let again = ready(&mut sync(&mut m, &mut store, 7_004, &c, 2, &[])).unwrap();
    assert_eq!((again.error_code, again.assignment.len()), (0, 0));
    assert_eq!(m.heartbeat(7_005, "g", &c, None, 2), ErrorCode::NONE);
}

/// A static member restarting with protocols that change the group's selected protocol
/// is not answered from the current generation: the group rebalances onto the new one.
#[test]
fn static_restart_changing_the_selected_protocol_rebalances() {
    let mut m = manager(0);
    let mut store = MemoryStore::default();
    let j = ready(&mut m.join(&mut store, 0, request("", Some("i"), &["range", "rr"]))).unwrap();
    assert_eq!(
        (j.generation_id, j.protocol_name.as_deref()),
        (1, Some("range"))
    );
    let s = ready(&mut static_sync(
        &mut m,
        &mut store,
        1,
        &j.member_id,
        "i",
        1,
        &[],
    ));
    assert_eq!(s.unwrap().error_code, 0);
    let mut again = m.join(&mut store, 2, request("", Some("i"), &["rr", "range"]));
    let again = ready(&mut again).expect("the only member: the join completes at once");
    assert_eq!(
        (again.generation_id, again.protocol_name.as_deref()),
        (2, Some("rr"))
    );
    assert_eq!(m.group("g").unwrap().state, GroupState::CompletingRebalance);
}
