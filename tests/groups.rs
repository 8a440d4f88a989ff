//! Consumer groups over TCP: two members join and sync (one with an empty assignment),
//! offsets are committed and fetched with their metadata and leader epochs, the group is
//! described, listed and protected from deletion, and a broker restart keeps the offsets.

mod common;

use bytes::Bytes;
use common::{create_topic_ok, start_broker, Client};
use std::time::Duration;
use strom_protocol::generated::join_group_request::JoinGroupRequestProtocol;
use strom_protocol::generated::leave_group_request::MemberIdentity;
use strom_protocol::generated::offset_commit_request::{
    OffsetCommitRequestPartition, OffsetCommitRequestTopic,
};
use strom_protocol::generated::offset_fetch_request::{
    OffsetFetchRequestGroup, OffsetFetchRequestTopic,
};
use strom_protocol::generated::sync_group_request::SyncGroupRequestAssignment;
use strom_protocol::generated::*;
use strom_protocol::{ApiKey, ErrorCode, RequestBody, ResponseBody};

const GROUP: &str = "orders-readers";

fn join_request(member_id: &str) -> RequestBody {
    RequestBody::JoinGroup(JoinGroupRequest {
        group_id: GROUP.into(),
        session_timeout_ms: 30_000,
        rebalance_timeout_ms: 60_000,
        member_id: member_id.into(),
        protocol_type: "consumer".into(),
        protocols: vec![JoinGroupRequestProtocol {
            name: "range".into(),
            metadata: Bytes::from_static(b"subscription"),
            ..Default::default()
        }],
        ..Default::default()
    })
}

async fn join(client: &mut Client, member_id: &str) -> JoinGroupResponse {
    match client.call(9, join_request(member_id)).await {
        ResponseBody::JoinGroup(r) => r,
        other => panic!("unexpected {other:?}"),
    }
}

/// The KIP-394 round trip: the first JoinGroup only hands out the member id.
async fn member_id(client: &mut Client) -> String {
    let first = join(client, "").await;
    assert_eq!(first.error_code, ErrorCode::MEMBER_ID_REQUIRED.0);
    assert!(
        first.member_id.starts_with("strom-tests-"),
        "{}",
        first.member_id
    );
    first.member_id
}

fn sync_request(member_id: &str, generation_id: i32, assignments: &[(&str, &str)]) -> RequestBody {
    RequestBody::SyncGroup(SyncGroupRequest {
        group_id: GROUP.into(),
        generation_id,
        member_id: member_id.into(),
        protocol_type: Some("consumer".into()),
        protocol_name: Some("range".into()),
        assignments: assignments
            .iter()
            .map(|(id, a)| SyncGroupRequestAssignment {
                member_id: id.to_string(),
                assignment: Bytes::from(a.to_string()),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    })
}

async fn heartbeat(client: &mut Client, member_id: &str, generation_id: i32) -> i16 {
    let request = RequestBody::Heartbeat(HeartbeatRequest {
        group_id: GROUP.into(),
        generation_id,
        member_id: member_id.into(),
        ..Default::default()
    });
    match client.call(4, request).await {
        ResponseBody::Heartbeat(r) => r.error_code,
        other => panic!("unexpected {other:?}"),
    }
}

async fn commit(
    client: &mut Client,
    group: &str,
    generation: i32,
    member_id: &str,
    offsets: &[(i32, i64, &str)],
) -> Vec<i16> {
    let request = RequestBody::OffsetCommit(OffsetCommitRequest {
        group_id: group.into(),
        generation_id_or_member_epoch: generation,
        member_id: member_id.into(),
        topics: vec![OffsetCommitRequestTopic {
            name: "orders".into(),
            partitions: offsets
                .iter()
                .map(|&(p, offset, metadata)| OffsetCommitRequestPartition {
                    partition_index: p,
                    committed_offset: offset,
                    committed_leader_epoch: 5,
                    committed_metadata: Some(metadata.into()),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }],
        ..Default::default()
    });
    match client.call(9, request).await {
        ResponseBody::OffsetCommit(r) => r.topics[0]
            .partitions
            .iter()
            .map(|p| p.error_code)
            .collect(),
        other => panic!("unexpected {other:?}"),
    }
}

/// OffsetFetch v8 of several groups, all topics: group -> [(partition, offset, epoch, metadata)].
async fn fetch_all(
    client: &mut Client,
    groups: &[&str],
) -> Vec<(String, Vec<(i32, i64, i32, String)>)> {
    let request = RequestBody::OffsetFetch(OffsetFetchRequest {
        groups: groups
            .iter()
            .map(|g| OffsetFetchRequestGroup {
                group_id: g.to_string(),
                topics: None,
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    });
    match client.call(8, request).await {
        ResponseBody::OffsetFetch(r) => r
            .groups
            .into_iter()
            .map(|g| {
                assert_eq!(g.error_code, 0);
                let partitions = g
                    .topics
                    .iter()
                    .flat_map(|t| {
                        assert_eq!(t.name, "orders");
                        t.partitions.iter().map(|p| {
                            (
                                p.partition_index,
                                p.committed_offset,
                                p.committed_leader_epoch,
                                p.metadata.clone().unwrap_or_default(),
                            )
                        })
                    })
                    .collect();
                (g.group_id, partitions)
            })
            .collect(),
        other => panic!("unexpected {other:?}"),
    }
}

async fn describe(client: &mut Client) -> describe_groups_response::DescribedGroup {
    let request = RequestBody::DescribeGroups(DescribeGroupsRequest {
        groups: vec![GROUP.into()],
        ..Default::default()
    });
    match client.call(5, request).await {
        ResponseBody::DescribeGroups(mut r) => r.groups.remove(0),
        other => panic!("unexpected {other:?}"),
    }
}

/// Two members form a group; the one the leader leaves out gets an empty assignment; a
/// stale generation cannot commit; offsets round-trip with metadata and leader epochs; an
/// active group cannot be deleted; after both leave and the broker restarts, the offsets
/// (of the group and of a simple consumer) are still there.
#[tokio::test]
async fn two_members_join_sync_commit_and_restart_keeps_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["group.initial.rebalance.delay.ms=0"]).await;
    let mut admin = Client::connect(server.local_addr).await;
    create_topic_ok(&mut admin, "orders", 2).await;
    let mut c1 = Client::connect(server.local_addr).await;
    let mut c2 = Client::connect(server.local_addr).await;

    // Member 1 alone: generation 1 at once (no initial delay configured).
    let id1 = member_id(&mut c1).await;
    let j1 = join(&mut c1, &id1).await;
    assert_eq!(
        (j1.error_code, j1.generation_id, j1.leader.as_str()),
        (0, 1, id1.as_str())
    );
    match c1.call(5, sync_request(&id1, 1, &[(&id1, "p0,p1")])).await {
        ResponseBody::SyncGroup(r) => {
            assert_eq!((r.error_code, r.assignment), (0, Bytes::from("p0,p1")))
        }
        other => panic!("unexpected {other:?}"),
    }

    // Member 2 joins: its JoinGroup waits until member 1, told by its heartbeat, rejoins.
    let id2 = member_id(&mut c2).await;
    let pending_join = c2.send(9, join_request(&id2)).await;
    let mut told = false;
    for _ in 0..500 {
        match heartbeat(&mut c1, &id1, 1).await {
            0 => tokio::time::sleep(Duration::from_millis(10)).await,
            code => {
                assert_eq!(code, ErrorCode::REBALANCE_IN_PROGRESS.0);
                told = true;
                break;
            }
        }
    }
    assert!(told, "member 1 was never told to rejoin");
    let j1 = join(&mut c1, &id1).await;
    let (got, j2) = c2.receive(ApiKey::JoinGroup, 9).await;
    assert_eq!(got, pending_join);
    let ResponseBody::JoinGroup(j2) = j2 else {
        panic!()
    };
    assert_eq!((j1.generation_id, j2.generation_id), (2, 2));
    assert_eq!(j1.members.len(), 2);
    assert!(j2.members.is_empty());
    assert_eq!(j2.leader, id1);

    // The follower's SyncGroup waits for the leader's, which leaves it out.
    let pending_sync = c2.send(5, sync_request(&id2, 2, &[])).await;
    match c1.call(5, sync_request(&id1, 2, &[(&id1, "p0,p1")])).await {
        ResponseBody::SyncGroup(r) => assert_eq!(r.assignment, Bytes::from("p0,p1")),
        other => panic!("unexpected {other:?}"),
    }
    let (got, s2) = c2.receive(ApiKey::SyncGroup, 5).await;
    assert_eq!(got, pending_sync);
    let ResponseBody::SyncGroup(s2) = s2 else {
        panic!()
    };
    assert_eq!((s2.error_code, s2.assignment.len()), (0, 0));
    assert_eq!(s2.protocol_name.as_deref(), Some("range"));

    assert_eq!(
        commit(&mut c2, GROUP, 1, &id2, &[(0, 1, "")]).await,
        vec![ErrorCode::ILLEGAL_GENERATION.0]
    );
    assert_eq!(
        commit(&mut c1, GROUP, 2, &id1, &[(0, 17, "first"), (1, 4, "")]).await,
        vec![0, 0]
    );
    assert_eq!(
        commit(&mut admin, "simple-reader", -1, "", &[(1, 99, "by hand")]).await,
        vec![0]
    );
    let described = describe(&mut admin).await;
    assert_eq!(described.group_state, "Stable");
    assert_eq!(described.protocol_data, "range");
    assert_eq!(described.members.len(), 2);
    for member in &described.members {
        assert_eq!(
            member.client_host, "/127.0.0.1",
            "Kafka's form of the client address"
        );
    }
    let delete = RequestBody::DeleteGroups(DeleteGroupsRequest {
        groups_names: vec![GROUP.into(), "no-such-group".into()],
        ..Default::default()
    });
    match admin.call(2, delete).await {
        ResponseBody::DeleteGroups(r) => {
            let codes: Vec<i16> = r.results.iter().map(|r| r.error_code).collect();
            assert_eq!(
                codes,
                vec![
                    ErrorCode::NON_EMPTY_GROUP.0,
                    ErrorCode::GROUP_ID_NOT_FOUND.0
                ]
            );
        }
        other => panic!("unexpected {other:?}"),
    }
    let list = RequestBody::ListGroups(ListGroupsRequest {
        states_filter: vec!["stable".into()],
        ..Default::default()
    });
    match admin.call(4, list).await {
        ResponseBody::ListGroups(r) => {
            let groups: Vec<(&str, &str)> = r
                .groups
                .iter()
                .map(|g| (g.group_id.as_str(), g.group_state.as_str()))
                .collect();
            assert_eq!(groups, vec![(GROUP, "Stable")]);
        }
        other => panic!("unexpected {other:?}"),
    }

    // Both leave in one batch (v3+).
    let leave = RequestBody::LeaveGroup(LeaveGroupRequest {
        group_id: GROUP.into(),
        members: [&id1, &id2, "stranger"]
            .iter()
            .map(|id| MemberIdentity {
                member_id: id.to_string(),
                ..Default::default()
            })
            .collect(),
        ..Default::default()
    });
    match admin.call(5, leave).await {
        ResponseBody::LeaveGroup(r) => {
            let codes: Vec<i16> = r.members.iter().map(|m| m.error_code).collect();
            assert_eq!(codes, vec![0, 0, ErrorCode::UNKNOWN_MEMBER_ID.0]);
        }
        other => panic!("unexpected {other:?}"),
    }
    assert_eq!(describe(&mut admin).await.group_state, "Empty");
    let expected = vec![
        (
            GROUP.to_string(),
            vec![(0, 17, 5, "first".to_string()), (1, 4, 5, String::new())],
        ),
        (
            "simple-reader".to_string(),
            vec![(1, 99, 5, "by hand".to_string())],
        ),
        ("nobody".to_string(), vec![]),
    ];
    assert_eq!(
        fetch_all(&mut admin, &[GROUP, "simple-reader", "nobody"]).await,
        expected
    );

    drop((c1, c2, admin));
    server.shutdown().await;
    let server = start_broker(dir.path(), &[]).await;
    let mut admin = Client::connect(server.local_addr).await;
    assert_eq!(
        fetch_all(&mut admin, &[GROUP, "simple-reader", "nobody"]).await,
        expected
    );
    let described = describe(&mut admin).await;
    assert_eq!(
        (described.error_code, described.group_state.as_str()),
        (0, "Empty")
    );

    // OffsetFetch v5 for named partitions: one committed, one not.
    let request = RequestBody::OffsetFetch(OffsetFetchRequest {
        group_id: GROUP.into(),
        topics: Some(vec![OffsetFetchRequestTopic {
            name: "orders".into(),
            partition_indexes: vec![0, 7],
            ..Default::default()
        }]),
        ..Default::default()
    });
    match admin.call(5, request).await {
        ResponseBody::OffsetFetch(r) => {
            let got: Vec<(i32, i64, i32)> = r.topics[0]
                .partitions
                .iter()
                .map(|p| {
                    (
                        p.partition_index,
                        p.committed_offset,
                        p.committed_leader_epoch,
                    )
                })
                .collect();
            assert_eq!(got, vec![(0, 17, 5), (7, -1, -1)]);
        }
        other => panic!("unexpected {other:?}"),
    }
    server.shutdown().await;
}

/// FindCoordinator names this broker for groups (single and batched keys) and creates the
/// internal `__consumer_offsets` topic, which Metadata reports as internal.
#[tokio::test]
async fn find_coordinator_and_internal_offsets_topic() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["offsets.topic.num.partitions=3"]).await;
    let mut client = Client::connect(server.local_addr).await;
    // The advertised port (what Metadata reports for this broker).
    let metadata = RequestBody::Metadata(MetadataRequest {
        topics: Some(vec![]),
        ..Default::default()
    });
    let port = match client.call(12, metadata).await {
        ResponseBody::Metadata(r) => r.brokers[0].port,
        other => panic!("unexpected {other:?}"),
    };
    let single = RequestBody::FindCoordinator(FindCoordinatorRequest {
        key: "g".into(),
        ..Default::default()
    });
    match client.call(3, single).await {
        ResponseBody::FindCoordinator(r) => {
            assert_eq!(
                (r.error_code, r.node_id, r.host.as_str(), r.port),
                (0, 1, "127.0.0.1", port)
            )
        }
        other => panic!("unexpected {other:?}"),
    }
    let batched = RequestBody::FindCoordinator(FindCoordinatorRequest {
        key_type: 0,
        coordinator_keys: vec!["a".into(), "b".into()],
        ..Default::default()
    });
    match client.call(4, batched).await {
        ResponseBody::FindCoordinator(r) => {
            let got: Vec<(&str, i16, i32, i32)> = r
                .coordinators
                .iter()
                .map(|c| (c.key.as_str(), c.error_code, c.node_id, c.port))
                .collect();
            assert_eq!(got, vec![("a", 0, 1, port), ("b", 0, 1, port)]);
        }
        other => panic!("unexpected {other:?}"),
    }
    let bad = RequestBody::FindCoordinator(FindCoordinatorRequest {
        key_type: 9,
        coordinator_keys: vec!["x".into()],
        ..Default::default()
    });
    match client.call(4, bad).await {
        ResponseBody::FindCoordinator(r) => {
            assert_eq!(r.coordinators[0].error_code, ErrorCode::INVALID_REQUEST.0)
        }
        other => panic!("unexpected {other:?}"),
    }
    let metadata = RequestBody::Metadata(MetadataRequest {
        topics: None,
        ..Default::default()
    });
    match client.call(12, metadata).await {
        ResponseBody::Metadata(r) => {
            let topic = r
                .topics
                .iter()
                .find(|t| t.name.as_deref() == Some("__consumer_offsets"))
                .expect("created by FindCoordinator");
            assert!(topic.is_internal);
            assert_eq!(topic.partitions.len(), 3);
        }
        other => panic!("unexpected {other:?}"),
    }
    server.shutdown().await;
}

/// A JoinGroup parked for a long initial rebalance delay does not hold up shutdown: the
/// broker closes that connection and stops, and the group's other state is kept.
#[tokio::test]
async fn shutdown_does_not_wait_for_parked_joins() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["group.initial.rebalance.delay.ms=120000"]).await;
    let mut client = Client::connect(server.local_addr).await;
    let id = member_id(&mut client).await;
    // Parked: the initial delay keeps the group in PreparingRebalance for two minutes.
    client.send(9, join_request(&id)).await;
    let mut probe = Client::connect(server.local_addr).await;
    let described = describe(&mut probe).await;
    assert_eq!(described.group_state, "PreparingRebalance");
    // Without the fix shutdown waits for the join (up to its 60 s rebalance timeout).
    tokio::time::timeout(std::time::Duration::from_secs(30), server.shutdown())
        .await
        .expect("shutdown finished while a JoinGroup was parked");
    assert!(
        client.read_frame().await.is_err(),
        "the parked connection is closed"
    );
}

/// A Metadata request that auto-creates `__consumer_offsets` (sarama sends one) creates it
/// as the coordinator does: internal, compacted, `offsets.topic.num.partitions` partitions.
#[tokio::test]
async fn metadata_auto_creates_the_offsets_topic_as_internal() {
    use strom_protocol::generated::metadata_request::MetadataRequestTopic;
    use strom_protocol::generated::MetadataRequest;
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["offsets.topic.num.partitions=7"]).await;
    let mut client = Client::connect(server.local_addr).await;
    // A user topic whose name merely starts with "__" is not internal.
    create_topic_ok(&mut client, "__mine", 1).await;
    let request = MetadataRequest {
        topics: Some(vec![
            MetadataRequestTopic {
                name: Some("__consumer_offsets".into()),
                ..Default::default()
            },
            MetadataRequestTopic {
                name: Some("__mine".into()),
                ..Default::default()
            },
        ]),
        allow_auto_topic_creation: true,
        ..Default::default()
    };
    let ResponseBody::Metadata(r) = client.call(12, RequestBody::Metadata(request)).await else {
        panic!()
    };
    let topic = &r.topics[0];
    assert_eq!(
        (topic.error_code, topic.is_internal, topic.partitions.len()),
        (0, true, 7)
    );
    assert_eq!(
        (r.topics[1].error_code, r.topics[1].is_internal),
        (0, false)
    );
    // Created compacted, as Kafka creates it (the config is on the metadata log).
    use strom_protocol::generated::describe_configs_request::DescribeConfigsResource;
    let request = strom_protocol::generated::DescribeConfigsRequest {
        resources: vec![DescribeConfigsResource {
            resource_type: 2,
            resource_name: "__consumer_offsets".into(),
            configuration_keys: Some(vec!["cleanup.policy".into()]),
            ..Default::default()
        }],
        ..Default::default()
    };
    let ResponseBody::DescribeConfigs(r) =
        client.call(4, RequestBody::DescribeConfigs(request)).await
    else {
        panic!()
    };
    let policy = &r.results[0].configs[0];
    assert_eq!(
        (policy.value.as_deref(), policy.config_source),
        (Some("compact"), 1)
    );
    server.shutdown().await;
}
