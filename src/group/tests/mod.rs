//! State machine tests on a manual clock: every time is an explicit `now_ms`, nothing
//! sleeps, and records go to an in-memory store that can be replayed or made to fail.

use super::manager::{GroupManager, JoinRequest, SyncRequest};
use super::offsets::{CommitPartition, Committer};
use super::state::GroupState;
use super::{GroupConfig, Store};
use bytes::Bytes;
use strom_protocol::generated::{JoinGroupResponse, SyncGroupResponse};
use strom_protocol::ErrorCode;
use tokio::sync::oneshot::Receiver;

mod rejoin;

#[derive(Default)]
struct MemoryStore {
    records: Vec<(Vec<u8>, Option<Vec<u8>>)>,
    fail: bool,
}

impl Store for MemoryStore {
    fn append(
        &mut self,
        _group_id: &str,
        records: Vec<(Vec<u8>, Option<Vec<u8>>)>,
    ) -> Result<(), ErrorCode> {
        if self.fail {
            return Err(ErrorCode::COORDINATOR_NOT_AVAILABLE);
        }
        self.records.extend(records);
        Ok(())
    }
}

const SESSION_MS: i32 = 10_000;
const REBALANCE_MS: i32 = 20_000;

fn manager(initial_delay_ms: i64) -> GroupManager {
    let mut m = GroupManager::new(GroupConfig {
        initial_rebalance_delay_ms: initial_delay_ms,
        min_session_timeout_ms: 6_000,
        max_session_timeout_ms: 1_800_000,
        offsets_retention_ms: 60_000,
        offset_metadata_max_bytes: 10,
    });
    let mut next = 0;
    m.set_id_source(Box::new(move || {
        next += 1;
        next.to_string()
    }));
    m
}

fn request(member_id: &str, instance: Option<&str>, protocols: &[&str]) -> JoinRequest {
    JoinRequest {
        group_id: "g".into(),
        member_id: member_id.into(),
        group_instance_id: instance.map(str::to_string),
        client_id: "c".into(),
        client_host: String::new(),
        session_timeout_ms: SESSION_MS,
        rebalance_timeout_ms: REBALANCE_MS,
        protocol_type: "consumer".into(),
        protocols: protocols
            .iter()
            .map(|p| (p.to_string(), Bytes::from(format!("{p}-meta"))))
            .collect(),
        require_known_member_id: true,
        supports_skip_assignment: true,
    }
}

fn ready<T>(rx: &mut Receiver<T>) -> Option<T> {
    rx.try_recv().ok()
}

fn sync(
    m: &mut GroupManager,
    store: &mut MemoryStore,
    now: i64,
    member: &str,
    generation: i32,
    assignments: &[(&str, &str)],
) -> Receiver<SyncGroupResponse> {
    sync_as(m, store, now, member, None, generation, assignments)
}

/// A SyncGroup of group "g", from a static member when `instance` is given.
fn sync_as(
    m: &mut GroupManager,
    store: &mut MemoryStore,
    now: i64,
    member: &str,
    instance: Option<&str>,
    generation: i32,
    assignments: &[(&str, &str)],
) -> Receiver<SyncGroupResponse> {
    m.sync(
        store,
        now,
        SyncRequest {
            group_id: "g".into(),
            generation_id: generation,
            member_id: member.into(),
            group_instance_id: instance.map(Into::into),
            assignments: assignments
                .iter()
                .map(|(id, a)| (id.to_string(), Bytes::from(a.to_string())))
                .collect(),
            ..Default::default()
        },
    )
}

/// A dynamic member: the KIP-394 round trip, then its parked join. Returns its id.
fn join_new(
    m: &mut GroupManager,
    store: &mut MemoryStore,
    now: i64,
) -> (String, Receiver<JoinGroupResponse>) {
    let first = ready(&mut m.join(store, now, request("", None, &["range"]))).expect("answered");
    assert_eq!(first.error_code, ErrorCode::MEMBER_ID_REQUIRED.0);
    assert_eq!(first.generation_id, -1);
    let id = first.member_id;
    let rx = m.join(store, now, request(&id, None, &["range"]));
    (id, rx)
}

/// Two dynamic members of a new group (3 s initial delay, extended once) through a full
/// rebalance, synced at 6002: (leader, follower) ids, generation 1.
fn stable_pair(m: &mut GroupManager, store: &mut MemoryStore) -> (String, String) {
    let (a, mut ra) = join_new(m, store, 0);
    let (b, mut rb) = join_new(m, store, 0);
    m.tick(store, 3_000); // b joined during the delay: extended once
    m.tick(store, 6_000);
    let (ja, jb) = (ready(&mut ra).unwrap(), ready(&mut rb).unwrap());
    assert_eq!((ja.generation_id, jb.generation_id), (1, 1));
    let mut sb = sync(m, store, 6_001, &b, 1, &[]);
    let mut sa = sync(m, store, 6_002, &a, 1, &[(&a, "A"), (&b, "B")]);
    assert_eq!(ready(&mut sa).unwrap().assignment, Bytes::from("A"));
    assert_eq!(ready(&mut sb).unwrap().assignment, Bytes::from("B"));
    assert_eq!(m.group("g").unwrap().state, GroupState::Stable);
    (a, b)
}

/// The first member of a new group waits out `group.initial.rebalance.delay.ms`, which
/// is extended once for a member joining during it; then both get generation 1, the
/// leader with every member's metadata, the follower with none.
#[test]
fn initial_delay_then_join_completes() {
    let mut m = manager(3_000);
    let mut store = MemoryStore::default();
    let (a, mut ra) = join_new(&mut m, &mut store, 0);
    assert_eq!(m.group("g").unwrap().state, GroupState::PreparingRebalance);
    let (b, mut rb) = join_new(&mut m, &mut store, 1_000);
    m.tick(&mut store, 2_999);
    assert!(ready(&mut ra).is_none());
    m.tick(&mut store, 3_000); // extended: b joined during the delay
    assert!(ready(&mut ra).is_none());
    m.tick(&mut store, 6_000);
    let (ja, jb) = (ready(&mut ra).unwrap(), ready(&mut rb).unwrap());
    assert_eq!(ja.error_code, 0);
    assert_eq!((ja.generation_id, jb.generation_id), (1, 1));
    assert_eq!(
        (ja.leader.as_str(), jb.leader.as_str()),
        (a.as_str(), a.as_str())
    );
    assert_eq!(ja.protocol_name.as_deref(), Some("range"));
    assert_eq!(ja.members.len(), 2);
    assert_eq!(ja.members[1].member_id, b);
    assert_eq!(ja.members[1].metadata, Bytes::from("range-meta"));
    assert!(jb.members.is_empty());
    assert_eq!(m.group("g").unwrap().state, GroupState::CompletingRebalance);
}

/// A member the leader leaves out gets an empty (zero-length, not null) assignment, and
/// the group's generation is stored before anyone is answered.
#[test]
fn sync_with_empty_assignment() {
    let mut m = manager(0);
    let mut store = MemoryStore::default();
    let (a, mut ra) = join_new(&mut m, &mut store, 0);
    assert_eq!(ready(&mut ra).unwrap().generation_id, 1);
    // b joins: a must rejoin (heartbeat says so), then both are in generation 2.
    let (b, mut rb) = join_new(&mut m, &mut store, 10);
    assert_eq!(
        m.heartbeat(11, "g", &a, None, 1),
        ErrorCode::REBALANCE_IN_PROGRESS
    );
    let mut ra = m.join(&mut store, 12, request(&a, None, &["range"]));
    assert_eq!(ready(&mut ra).unwrap().generation_id, 2);
    assert_eq!(ready(&mut rb).unwrap().generation_id, 2);
    let mut sb = sync(&mut m, &mut store, 13, &b, 2, &[]);
    assert!(ready(&mut sb).is_none(), "parked until the leader syncs");
    store.records.clear();
    let mut sa = sync(&mut m, &mut store, 14, &a, 2, &[(&a, "all")]);
    let sb = ready(&mut sb).unwrap();
    assert_eq!((sb.error_code, sb.assignment.len()), (0, 0));
    assert_eq!(ready(&mut sa).unwrap().assignment, Bytes::from("all"));
    assert_eq!(store.records.len(), 1, "the group record");
    assert_eq!(m.heartbeat(15, "g", &b, None, 2), ErrorCode::NONE);
}

/// Requests of an old generation or an unknown member are fenced.
#[test]
fn fencing_of_old_generation_and_unknown_members() {
    let mut m = manager(3_000);
    let mut store = MemoryStore::default();
    let (a, b) = stable_pair(&mut m, &mut store);
    assert_eq!(
        m.heartbeat(7_000, "g", &a, None, 0),
        ErrorCode::ILLEGAL_GENERATION
    );
    assert_eq!(
        m.heartbeat(7_000, "g", "nobody", None, 1),
        ErrorCode::UNKNOWN_MEMBER_ID
    );
    assert_eq!(
        m.heartbeat(7_000, "other", &a, None, 1),
        ErrorCode::UNKNOWN_MEMBER_ID
    );
    let old = sync(&mut m, &mut store, 7_000, &b, 0, &[])
        .try_recv()
        .unwrap();
    assert_eq!(old.error_code, ErrorCode::ILLEGAL_GENERATION.0);
    let commit = |m: &mut GroupManager, store: &mut MemoryStore, generation, member: &str| {
        m.commit_offsets(
            store,
            7_000,
            &who("g", generation, member),
            &[part("t", 0, 5)],
        )[0]
    };
    assert_eq!(
        commit(&mut m, &mut store, 0, &a),
        ErrorCode::ILLEGAL_GENERATION
    );
    assert_eq!(
        commit(&mut m, &mut store, -1, ""),
        ErrorCode::UNKNOWN_MEMBER_ID
    );
    assert_eq!(commit(&mut m, &mut store, 1, &b), ErrorCode::NONE);
    let unknown = ready(&mut m.join(&mut store, 7_000, request("ghost", None, &["range"])));
    assert_eq!(unknown.unwrap().error_code, ErrorCode::UNKNOWN_MEMBER_ID.0);
    let inconsistent = ready(&mut m.join(&mut store, 7_000, request("", None, &["sticky"])));
    assert_eq!(
        inconsistent.unwrap().error_code,
        ErrorCode::INCONSISTENT_GROUP_PROTOCOL.0
    );
}

/// A member that stops heartbeating is removed after its session timeout; the survivor is
/// told to rejoin and forms the next generation alone.
#[test]
fn session_expiry_rebalances() {
    let mut m = manager(3_000);
    let mut store = MemoryStore::default();
    let (a, b) = stable_pair(&mut m, &mut store);
    let session = i64::from(SESSION_MS);
    assert_eq!(
        m.heartbeat(6_001 + session - 1, "g", &a, None, 1),
        ErrorCode::NONE
    );
    m.tick(&mut store, 6_001 + session - 1);
    assert_eq!(m.group("g").unwrap().members.len(), 2);
    m.tick(&mut store, 6_001 + session);
    assert!(!m.group("g").unwrap().has(&b));
    assert_eq!(m.group("g").unwrap().state, GroupState::PreparingRebalance);
    let now = 6_001 + session + 1;
    assert_eq!(
        m.heartbeat(now, "g", &a, None, 1),
        ErrorCode::REBALANCE_IN_PROGRESS
    );
    let mut ra = m.join(&mut store, now, request(&a, None, &["range"]));
    let ja = ready(&mut ra).unwrap();
    assert_eq!((ja.generation_id, ja.members.len()), (2, 1));
}

/// A member that does not rejoin within the rebalance timeout is dropped from the next
/// generation, which then completes with the members that did.
#[test]
fn rebalance_timeout_drops_members_that_did_not_rejoin() {
    let mut m = manager(3_000);
    let mut store = MemoryStore::default();
    let (a, b) = stable_pair(&mut m, &mut store);
    // a rejoins (leader rejoining forces a rebalance); b keeps heartbeating but never rejoins.
    let mut ra = m.join(&mut store, 7_000, request(&a, None, &["range"]));
    assert!(ready(&mut ra).is_none());
    assert_eq!(
        m.heartbeat(20_000, "g", &b, None, 1),
        ErrorCode::REBALANCE_IN_PROGRESS
    );
    m.tick(&mut store, 7_000 + i64::from(REBALANCE_MS) - 1);
    assert!(ready(&mut ra).is_none());
    m.tick(&mut store, 7_000 + i64::from(REBALANCE_MS));
    let ja = ready(&mut ra).unwrap();
    assert_eq!((ja.generation_id, ja.members.len()), (2, 1));
    assert!(!m.group("g").unwrap().has(&b));
}

/// LeaveGroup v3+ answers each member; the last one leaving empties the group (the next
/// generation, no protocol), which is stored.
#[test]
fn leaves_and_batch_leave() {
    let mut m = manager(3_000);
    let mut store = MemoryStore::default();
    let (a, b) = stable_pair(&mut m, &mut store);
    let codes = m.leave(
        &mut store,
        7_000,
        "g",
        &[(b.clone(), None), ("x".into(), None)],
    );
    assert_eq!(codes, vec![ErrorCode::NONE, ErrorCode::UNKNOWN_MEMBER_ID]);
    let mut ra = m.join(&mut store, 7_001, request(&a, None, &["range"]));
    assert_eq!(ready(&mut ra).unwrap().generation_id, 2);
    store.records.clear();
    assert_eq!(
        m.leave(&mut store, 7_002, "g", &[(a, None)]),
        vec![ErrorCode::NONE]
    );
    let group = m.group("g").unwrap();
    assert_eq!((group.state, group.generation_id), (GroupState::Empty, 3));
    assert_eq!(store.records.len(), 1);
    assert_eq!(
        m.leave(&mut store, 7_003, "nope", &[("m".into(), None)]),
        vec![ErrorCode::UNKNOWN_MEMBER_ID]
    );
}

/// KIP-345: a static member restarting with the same protocols takes over its membership
/// with a new member id and its old assignment, without a rebalance; the old id is fenced.
#[test]
fn static_member_restart_without_rebalance() {
    let mut m = manager(0);
    let mut store = MemoryStore::default();
    let mut r1 = m.join(&mut store, 0, request("", Some("i1"), &["range"]));
    let j1 = ready(&mut r1).expect("static members need no member id round trip");
    assert_eq!((j1.error_code, j1.generation_id), (0, 1));
    let old = j1.member_id.clone();
    assert!(old.starts_with("i1-"));
    let (b, mut rb) = join_new(&mut m, &mut store, 10);
    let mut r1 = m.join(&mut store, 11, request(&old, Some("i1"), &["range"]));
    assert_eq!(ready(&mut rb).unwrap().generation_id, 2);
    assert_eq!(ready(&mut r1).unwrap().generation_id, 2);
    let mut sb = sync(&mut m, &mut store, 12, &b, 2, &[]);
    let mut s1 = sync(&mut m, &mut store, 12, &old, 2, &[(&old, "P0"), (&b, "P1")]);
    assert_eq!(ready(&mut s1).unwrap().assignment, Bytes::from("P0"));
    assert_eq!(ready(&mut sb).unwrap().assignment, Bytes::from("P1"));

    // Restart: no member id, same instance id and protocols.
    let mut again = m.join(&mut store, 100, request("", Some("i1"), &["range"]));
    let j = ready(&mut again).expect("answered at once");
    assert_eq!((j.error_code, j.generation_id), (0, 2));
    assert_ne!(j.member_id, old);
    assert_eq!(j.leader, j.member_id, "it was the leader and still is");
    assert!(j.skip_assignment);
    let group = m.group("g").unwrap();
    assert_eq!((group.state, group.generation_id), (GroupState::Stable, 2));
    assert_eq!(
        m.heartbeat(101, "g", &old, Some("i1"), 2),
        ErrorCode::FENCED_INSTANCE_ID
    );
    let mut s = m.sync(
        &mut store,
        102,
        SyncRequest {
            group_id: "g".into(),
            generation_id: 2,
            member_id: j.member_id.clone(),
            group_instance_id: Some("i1".into()),
            ..Default::default()
        },
    );
    assert_eq!(ready(&mut s).unwrap().assignment, Bytes::from("P0"));
    assert_eq!(m.heartbeat(103, "g", &b, None, 2), ErrorCode::NONE);

    // Restart with an extra protocol that does not change the selected one: as in Kafka
    // (which compares the selected protocol), still no rebalance.
    let mut more = m.join(&mut store, 200, request("", Some("i1"), &["range", "rr"]));
    assert_eq!(ready(&mut more).unwrap().generation_id, 2);
    assert_eq!(m.group("g").unwrap().state, GroupState::Stable);
    assert_eq!(m.heartbeat(201, "g", &b, None, 2), ErrorCode::NONE);
}

/// The protocol chosen is the one most members prefer among those all support.
#[test]
fn protocol_selection_by_vote() {
    let mut m = manager(0);
    let mut store = MemoryStore::default();
    let mut waiting = Vec::new();
    for (i, protocols) in [
        vec!["range", "rr"],
        vec!["rr", "range"],
        vec!["rr", "range", "sticky"],
    ]
    .iter()
    .enumerate()
    {
        let mut r = request("", Some(&format!("s{i}")), protocols);
        r.require_known_member_id = false;
        waiting.push(m.join(&mut store, 0, r));
    }
    // The first completed alone (no initial delay); the others triggered a rebalance the
    // first must rejoin.
    let first = ready(&mut waiting[0]).unwrap();
    let mut rejoin = request(&first.member_id, Some("s0"), &["range", "rr"]);
    rejoin.require_known_member_id = false;
    let mut r0 = m.join(&mut store, 1, rejoin);
    let j = ready(&mut r0).unwrap();
    assert_eq!(j.protocol_name.as_deref(), Some("rr"));
    assert_eq!(
        ready(&mut waiting[2]).unwrap().protocol_name.as_deref(),
        Some("rr")
    );
}

fn who<'a>(group_id: &'a str, generation_id: i32, member_id: &'a str) -> Committer<'a> {
    Committer {
        group_id,
        generation_id,
        member_id,
        group_instance_id: None,
    }
}

fn part(topic: &str, partition: i32, offset: i64) -> CommitPartition {
    CommitPartition {
        topic: topic.into(),
        partition,
        offset,
        leader_epoch: 3,
        metadata: Some("m".into()),
    }
}

/// Simple consumers (generation -1) commit to a group without members; offsets keep
/// their leader epoch and metadata; too-long metadata is refused for that partition only;
/// replaying the stored records rebuilds the same offsets and membership.
#[test]
fn offsets_commit_fetch_and_replay() {
    let mut m = manager(3_000);
    let mut store = MemoryStore::default();
    let mut long = part("t", 1, 9);
    long.metadata = Some("x".repeat(11));
    let codes = m.commit_offsets(
        &mut store,
        5,
        &who("simple", -1, ""),
        &[part("t", 0, 42), long],
    );
    assert_eq!(
        codes,
        vec![ErrorCode::NONE, ErrorCode::OFFSET_METADATA_TOO_LARGE]
    );
    let found = m.fetch_offsets("simple", Some(&[("t".into(), vec![0, 1])]));
    let c = found[0].1[0].1.clone().unwrap();
    assert_eq!(
        (c.offset, c.leader_epoch, c.metadata.as_str()),
        (42, 3, "m")
    );
    assert!(found[0].1[1].1.is_none());
    assert_eq!(m.fetch_offsets("simple", None).len(), 1);
    assert!(m.fetch_offsets("missing", None).is_empty());
    let _ = stable_pair(&mut m, &mut store);

    let mut replayed = manager(0);
    for (key, value) in &store.records {
        replayed.replay(key, value.as_deref(), 50_000);
    }
    assert_eq!(
        replayed.fetch_offsets("simple", None),
        m.fetch_offsets("simple", None)
    );
    let g = replayed.group("g").unwrap();
    assert_eq!(
        (g.state, g.generation_id, g.members.len()),
        (GroupState::Stable, 1, 2)
    );
    assert_eq!(g.members[0].assignment, Bytes::from("A"));
    // A failing store leaves the state unchanged.
    store.fail = true;
    let codes = m.commit_offsets(&mut store, 6, &who("simple", -1, ""), &[part("t", 0, 43)]);
    assert_eq!(codes, vec![ErrorCode::COORDINATOR_NOT_AVAILABLE]);
    assert_eq!(
        m.fetch_offsets("simple", None)[0].1[0]
            .1
            .as_ref()
            .unwrap()
            .offset,
        42
    );
}

/// DeleteGroups refuses groups with members; OffsetDelete refuses subscribed topics of a
/// stable consumer group; an Empty group's offsets expire after the retention.
#[test]
fn delete_and_expire() {
    let mut m = manager(3_000);
    let mut store = MemoryStore::default();
    let (a, _b) = stable_pair(&mut m, &mut store);
    assert_eq!(m.delete_group(&mut store, "g"), ErrorCode::NON_EMPTY_GROUP);
    assert_eq!(
        m.delete_group(&mut store, "none"),
        ErrorCode::GROUP_ID_NOT_FOUND
    );
    assert_eq!(
        m.commit_offsets(&mut store, 7_100, &who("g", 1, &a), &[part("t", 0, 1)]),
        vec![ErrorCode::NONE]
    );
    // The test metadata is not a consumer subscription, so nothing counts as subscribed.
    assert_eq!(
        m.delete_offsets(&mut store, "g", &[("t".into(), 0)]),
        Ok(vec![ErrorCode::NONE])
    );
    m.commit_offsets(
        &mut store,
        7_200,
        &who("simple", -1, ""),
        &[part("t", 0, 1)],
    );
    m.expire_offsets(&mut store, 7_200 + 59_999);
    assert!(m.group("simple").is_some());
    m.expire_offsets(&mut store, 7_200 + 60_000);
    assert!(m.group("simple").is_none());
    assert_eq!(m.delete_group(&mut store, "g"), ErrorCode::NON_EMPTY_GROUP);
    let mut subscription = vec![0, 1, 0, 0, 0, 1, 0, 1];
    subscription.push(b't');
    assert_eq!(super::offsets::subscribed_topics(&subscription), vec!["t"]);
}
