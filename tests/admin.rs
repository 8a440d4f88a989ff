//! The read-only cluster admin APIs (DescribeCluster, DescribeLogDirs, ElectLeaders,
//! DescribeProducers, DescribeTopicPartitions) answer with exact values and Kafka's error
//! codes, and the ACL, quota and SCRAM APIs strom does not implement answer
//! UNSUPPORTED_VERSION instead of a success or a dropped connection.

mod common;

use common::*;
use std::path::Path;
use strom_protocol::generated::describe_log_dirs_request::DescribableLogDirTopic;
use strom_protocol::generated::describe_log_dirs_response::DescribeLogDirsResult;
use strom_protocol::generated::describe_producers_response::PartitionResponse;
use strom_protocol::generated::describe_topic_partitions_request as dtp;
use strom_protocol::generated::describe_topic_partitions_response::DescribeTopicPartitionsResponseTopic;
use strom_protocol::generated::elect_leaders_request::TopicPartitions;
use strom_protocol::generated::metadata_request::MetadataRequestTopic;
use strom_protocol::generated::{
    alter_client_quotas_request, alter_user_scram_credentials_request, create_acls_request,
    delete_acls_request, describe_producers_request, describe_user_scram_credentials_request,
};
use strom_protocol::generated::{
    AlterClientQuotasRequest, AlterUserScramCredentialsRequest, CreateAclsRequest,
    DeleteAclsRequest, DescribeAclsRequest, DescribeClientQuotasRequest, DescribeClusterRequest,
    DescribeClusterResponse, DescribeLogDirsRequest, DescribeProducersRequest,
    DescribeTopicPartitionsRequest, DescribeTopicPartitionsResponse,
    DescribeUserScramCredentialsRequest, ElectLeadersRequest, ElectLeadersResponse,
    MetadataRequest,
};
use strom_protocol::{RequestBody, ResponseBody};

const UNKNOWN_TOPIC_OR_PARTITION: i16 = 3;
const UNSUPPORTED_VERSION: i16 = 35;
const INVALID_REQUEST: i16 = 42;
const ELECTION_NOT_NEEDED: i16 = 84;
const MISMATCHED_ENDPOINT_TYPE: i16 = 114;
const UNSUPPORTED_ENDPOINT_TYPE: i16 = 115;
/// CREATE, ALTER, DESCRIBE, CLUSTER_ACTION, DESCRIBE_CONFIGS, ALTER_CONFIGS, IDEMPOTENT_WRITE.
const CLUSTER_OPERATIONS: i32 = 8096;
/// READ, WRITE, CREATE, DELETE, ALTER, DESCRIBE, DESCRIBE_CONFIGS, ALTER_CONFIGS.
const TOPIC_OPERATIONS: i32 = 3576;

async fn describe_cluster(
    client: &mut Client,
    version: i16,
    include_operations: bool,
    endpoint_type: i8,
) -> DescribeClusterResponse {
    let request = DescribeClusterRequest {
        include_cluster_authorized_operations: include_operations,
        endpoint_type,
        ..Default::default()
    };
    match client
        .call(version, RequestBody::DescribeCluster(request))
        .await
    {
        ResponseBody::DescribeCluster(r) => r,
        other => panic!("unexpected {other:?}"),
    }
}

/// DescribeCluster at every version names this node as controller and only broker, with
/// its rack, the Metadata cluster id, and the operations bitfield only when asked.
#[tokio::test]
async fn describe_cluster_answers_this_node_with_its_rack() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["node.id=7", "broker.rack=rack-a"]).await;
    let mut client = Client::connect(server.local_addr).await;
    let cluster_id = match client
        .call(12, RequestBody::Metadata(MetadataRequest::default()))
        .await
    {
        ResponseBody::Metadata(r) => r.cluster_id.expect("a cluster id"),
        other => panic!("unexpected {other:?}"),
    };
    for version in 0..=2 {
        for include in [false, true] {
            let r = describe_cluster(&mut client, version, include, 1).await;
            assert_eq!((r.error_code, r.error_message.as_deref()), (0, None));
            assert_eq!(r.cluster_id, cluster_id, "v{version}");
            assert_eq!(r.controller_id, 7);
            assert_eq!(r.endpoint_type, 1);
            assert_eq!(r.brokers.len(), 1);
            let b = &r.brokers[0];
            assert_eq!(
                (b.broker_id, b.host.as_str(), b.port, b.rack.as_deref()),
                (7, "127.0.0.1", 0, Some("rack-a"))
            );
            assert!(!b.is_fenced);
            let expected = if include {
                CLUSTER_OPERATIONS
            } else {
                i32::MIN
            };
            assert_eq!(r.cluster_authorized_operations, expected, "v{version}");
        }
    }
    server.shutdown().await;
}

/// A broker asked for the controller endpoints answers MISMATCHED_ENDPOINT_TYPE, and an
/// endpoint type Kafka does not know UNSUPPORTED_ENDPOINT_TYPE; no rack means a null rack.
#[tokio::test]
async fn describe_cluster_endpoint_type_errors() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    for version in 1..=2 {
        let r = describe_cluster(&mut client, version, false, 2).await;
        assert_eq!(r.error_code, MISMATCHED_ENDPOINT_TYPE);
        assert!(r.brokers.is_empty());
        for unknown in [0, 3, -1] {
            let r = describe_cluster(&mut client, version, false, unknown).await;
            assert_eq!(r.error_code, UNSUPPORTED_ENDPOINT_TYPE, "type {unknown}");
            assert_eq!(
                r.error_message.as_deref(),
                Some(format!("Unsupported endpoint type {unknown}").as_str())
            );
        }
    }
    let r = describe_cluster(&mut client, 2, false, 1).await;
    assert_eq!(r.error_code, 0);
    assert_eq!(r.brokers[0].rack, None);
    server.shutdown().await;
}

async fn describe_log_dirs(
    client: &mut Client,
    version: i16,
    topics: Option<&[(&str, &[i32])]>,
) -> DescribeLogDirsResult {
    let request = DescribeLogDirsRequest {
        topics: topics.map(|topics| {
            topics
                .iter()
                .map(|(name, partitions)| DescribableLogDirTopic {
                    topic: name.to_string(),
                    partitions: partitions.to_vec(),
                    ..Default::default()
                })
                .collect()
        }),
        ..Default::default()
    };
    match client
        .call(version, RequestBody::DescribeLogDirs(request))
        .await
    {
        ResponseBody::DescribeLogDirs(mut r) => {
            assert_eq!(r.error_code, 0);
            assert_eq!(r.results.len(), 1);
            r.results.remove(0)
        }
        other => panic!("unexpected {other:?}"),
    }
}

/// (topic, partition, size) of every described partition, in answer order.
fn sizes(result: &DescribeLogDirsResult) -> Vec<(String, i32, i64)> {
    result
        .topics
        .iter()
        .flat_map(|t| {
            t.partitions.iter().map(|p| {
                assert_eq!((p.offset_lag, p.is_future_key), (0, false));
                (t.name.clone(), p.partition_index, p.partition_size)
            })
        })
        .collect()
}

/// The bytes of a partition's `.log` files on disk.
fn bytes_on_disk(dir: &Path, topic: &str, partition: i32) -> i64 {
    std::fs::read_dir(dir.join(format!("{topic}-{partition}")))
        .expect("partition directory")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "log"))
        .map(|p| std::fs::metadata(p).expect("metadata").len() as i64)
        .sum()
}

/// DescribeLogDirs reports the absolute data directory, each partition's size exactly as the
/// segment files on disk hold it (growing with a produce), filters by topic and partition
/// leaving unknown ones out, and from v4 the file system's total and usable bytes.
#[tokio::test]
async fn describe_log_dirs_sizes_match_the_disk() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "logs-b", 2).await;
    create_topic_ok(&mut client, "logs-a", 1).await;
    let absolute = std::path::absolute(dir.path()).unwrap();

    let all = describe_log_dirs(&mut client, 4, None).await;
    assert_eq!(
        (all.error_code, all.log_dir.as_str()),
        (0, absolute.to_str().unwrap())
    );
    let empty = |t: &str, p| (t.to_string(), p, 0);
    assert_eq!(
        sizes(&all),
        vec![empty("logs-a", 0), empty("logs-b", 0), empty("logs-b", 1)]
    );
    assert!(all.total_bytes > 0, "{}", all.total_bytes);
    assert!((0..=all.total_bytes).contains(&all.usable_bytes));

    let records = batch(
        &[(None, Some("one")), (Some("k"), Some("two"))],
        1_000,
        Default::default(),
    );
    assert_eq!(
        produce_one(&mut client, "logs-b", 1, records.clone(), -1).await,
        (0, 0)
    );
    assert_eq!(
        produce_one(&mut client, "logs-b", 1, records.clone(), -1).await,
        (0, 2)
    );
    let on_disk = bytes_on_disk(dir.path(), "logs-b", 1);
    assert_eq!(on_disk, 2 * records.len() as i64);

    for version in 1..=4 {
        let wanted: &[(&str, &[i32])] =
            &[("logs-b", &[1, 0, 9]), ("missing", &[0]), ("logs-a", &[])];
        let r = describe_log_dirs(&mut client, version, Some(wanted)).await;
        assert_eq!(
            sizes(&r),
            vec![
                ("logs-b".to_string(), 0, 0),
                ("logs-b".to_string(), 1, on_disk)
            ],
            "v{version}"
        );
        if version < 4 {
            assert_eq!((r.total_bytes, r.usable_bytes), (-1, -1));
        }
    }
    let none = describe_log_dirs(&mut client, 4, Some(&[])).await;
    assert!(none.topics.is_empty());
    server.shutdown().await;
}

async fn elect(
    client: &mut Client,
    version: i16,
    election_type: i8,
    topics: Option<&[(&str, &[i32])]>,
) -> ElectLeadersResponse {
    let request = ElectLeadersRequest {
        election_type,
        topic_partitions: topics.map(|topics| {
            topics
                .iter()
                .map(|(name, partitions)| TopicPartitions {
                    topic: name.to_string(),
                    partitions: partitions.to_vec(),
                    ..Default::default()
                })
                .collect()
        }),
        ..Default::default()
    };
    match client
        .call(version, RequestBody::ElectLeaders(request))
        .await
    {
        ResponseBody::ElectLeaders(r) => r,
        other => panic!("unexpected {other:?}"),
    }
}

/// (topic, partition, error) of every election result, in answer order.
fn elections(r: &ElectLeadersResponse) -> Vec<(String, i32, i16)> {
    r.replica_election_results
        .iter()
        .flat_map(|t| {
            t.partition_result
                .iter()
                .map(|p| (t.topic.clone(), p.partition_id, p.error_code))
        })
        .collect()
}

/// ElectLeaders: existing partitions need no election (preferred or unclean), unknown topics
/// and partitions are UNKNOWN_TOPIC_OR_PARTITION, and "every partition" answers an empty
/// list because no election happened.
#[tokio::test]
async fn elect_leaders_is_never_needed_on_one_node() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "elect", 2).await;
    let wanted: &[(&str, &[i32])] = &[("elect", &[0, 1, 2]), ("nope", &[0])];
    let expected = vec![
        ("elect".to_string(), 0, ELECTION_NOT_NEEDED),
        ("elect".to_string(), 1, ELECTION_NOT_NEEDED),
        ("elect".to_string(), 2, UNKNOWN_TOPIC_OR_PARTITION),
        ("nope".to_string(), 0, UNKNOWN_TOPIC_OR_PARTITION),
    ];
    for version in 0..=2 {
        let types: &[i8] = if version == 0 { &[0] } else { &[0, 1] };
        for &election_type in types {
            let r = elect(&mut client, version, election_type, Some(wanted)).await;
            assert_eq!(r.error_code, 0);
            assert_eq!(elections(&r), expected, "v{version} type {election_type}");
            let messages: Vec<_> = r
                .replica_election_results
                .iter()
                .flat_map(|t| t.partition_result.iter().map(|p| p.error_message.clone()))
                .collect();
            assert_eq!(
                messages,
                vec![
                    None,
                    None,
                    Some("No such partition as elect-2".into()),
                    Some("No such topic as nope".into())
                ]
            );
            let all = elect(&mut client, version, election_type, None).await;
            assert_eq!((all.error_code, elections(&all)), (0, vec![]));
        }
    }
    let bad = elect(&mut client, 2, 5, None).await;
    assert_eq!(bad.error_code, INVALID_REQUEST);
    server.shutdown().await;
}

async fn describe_producers(
    client: &mut Client,
    topic: &str,
    partitions: &[i32],
) -> Vec<PartitionResponse> {
    let request = DescribeProducersRequest {
        topics: vec![describe_producers_request::TopicRequest {
            name: topic.into(),
            partition_indexes: partitions.to_vec(),
            ..Default::default()
        }],
        ..Default::default()
    };
    match client
        .call(0, RequestBody::DescribeProducers(request))
        .await
    {
        ResponseBody::DescribeProducers(mut r) => {
            assert_eq!(r.topics.len(), 1);
            assert_eq!(r.topics[0].name, topic);
            r.topics.remove(0).partitions
        }
        other => panic!("unexpected {other:?}"),
    }
}

/// DescribeProducers shows an idempotent producer's epoch, last sequence and last batch
/// timestamp after it produced, also after a restart; a partition it did not write to has
/// no producers; an unknown partition or topic is UNKNOWN_TOPIC_OR_PARTITION.
#[tokio::test]
async fn describe_producers_shows_idempotent_producer_state() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "prod", 2).await;
    let (error, producer_id, epoch) = init_producer_id(&mut client, None).await;
    assert_eq!(error, 0);
    let first = producer_batch(producer_id, epoch, 0, &["a", "b", "c"]);
    assert_eq!(produce_one(&mut client, "prod", 0, first, -1).await, (0, 0));
    let second = producer_batch(producer_id, epoch, 3, &["d", "e"]);
    assert_eq!(
        produce_one(&mut client, "prod", 0, second, -1).await,
        (0, 3)
    );

    let check = |partitions: Vec<PartitionResponse>| {
        assert_eq!(partitions.len(), 3);
        let p0 = &partitions[0];
        assert_eq!((p0.partition_index, p0.error_code), (0, 0));
        assert_eq!(p0.active_producers.len(), 1);
        let state = &p0.active_producers[0];
        assert_eq!(
            (
                state.producer_id,
                state.producer_epoch,
                state.last_sequence,
                state.last_timestamp,
                state.coordinator_epoch,
                state.current_txn_start_offset
            ),
            (producer_id, i32::from(epoch), 4, 1_001, -1, -1)
        );
        assert_eq!(
            (partitions[1].partition_index, partitions[1].error_code),
            (1, 0)
        );
        assert!(partitions[1].active_producers.is_empty());
        assert_eq!(
            (partitions[2].partition_index, partitions[2].error_code),
            (5, UNKNOWN_TOPIC_OR_PARTITION)
        );
    };
    check(describe_producers(&mut client, "prod", &[0, 1, 5]).await);
    let unknown = describe_producers(&mut client, "nope", &[0]).await;
    assert_eq!(unknown[0].error_code, UNKNOWN_TOPIC_OR_PARTITION);
    drop(client);
    server.shutdown().await;

    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    check(describe_producers(&mut client, "prod", &[0, 1, 5]).await);
    server.shutdown().await;
}

async fn describe_topic_partitions(
    client: &mut Client,
    topics: &[&str],
    limit: i32,
    cursor: Option<(&str, i32)>,
) -> DescribeTopicPartitionsResponse {
    let request = DescribeTopicPartitionsRequest {
        topics: topics
            .iter()
            .map(|name| dtp::TopicRequest {
                name: name.to_string(),
                ..Default::default()
            })
            .collect(),
        response_partition_limit: limit,
        cursor: cursor.map(|(topic_name, partition_index)| dtp::Cursor {
            topic_name: topic_name.into(),
            partition_index,
            ..Default::default()
        }),
        ..Default::default()
    };
    match client
        .call(0, RequestBody::DescribeTopicPartitions(request))
        .await
    {
        ResponseBody::DescribeTopicPartitions(r) => r,
        other => panic!("unexpected {other:?}"),
    }
}

/// (topic, error, partition indexes) of every described topic, and the next cursor.
type Page = (Vec<(String, i16, Vec<i32>)>, Option<(String, i32)>);

fn page(r: &DescribeTopicPartitionsResponse) -> Page {
    let topics = r
        .topics
        .iter()
        .map(|t| {
            let name = t.name.clone().unwrap_or_default();
            let indexes = t.partitions.iter().map(|p| p.partition_index).collect();
            (name, t.error_code, indexes)
        })
        .collect();
    let cursor = r
        .next_cursor
        .as_ref()
        .map(|c| (c.topic_name.clone(), c.partition_index));
    (topics, cursor)
}

fn entry(name: &str, error: i16, partitions: &[i32]) -> (String, i16, Vec<i32>) {
    (name.to_string(), error, partitions.to_vec())
}

/// DescribeTopicPartitions describes topics sorted by name with the Metadata topic ids and
/// single-replica partitions, answers unknown topics UNKNOWN_TOPIC_OR_PARTITION, and pages
/// by `response_partition_limit` with a cursor that resumes mid-topic or at the next topic.
#[tokio::test]
async fn describe_topic_partitions_pages_with_a_cursor() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["node.id=3"]).await;
    let mut client = Client::connect(server.local_addr).await;
    for (name, partitions) in [("t-c", 1), ("t-a", 3), ("t-b", 2)] {
        create_topic_ok(&mut client, name, partitions).await;
    }

    let all = describe_topic_partitions(&mut client, &[], 2000, None).await;
    assert_eq!(
        page(&all),
        (
            vec![
                entry("t-a", 0, &[0, 1, 2]),
                entry("t-b", 0, &[0, 1]),
                entry("t-c", 0, &[0])
            ],
            None
        )
    );
    let ids = match client
        .call(
            12,
            RequestBody::Metadata(MetadataRequest {
                topics: Some(vec![MetadataRequestTopic {
                    name: Some("t-b".into()),
                    ..Default::default()
                }]),
                ..Default::default()
            }),
        )
        .await
    {
        ResponseBody::Metadata(r) => r.topics[0].topic_id,
        other => panic!("unexpected {other:?}"),
    };
    check_topic(&all.topics[1], ids);

    let first = describe_topic_partitions(&mut client, &[], 4, None).await;
    let expected_first = vec![entry("t-a", 0, &[0, 1, 2]), entry("t-b", 0, &[0])];
    assert_eq!(page(&first), (expected_first, Some(("t-b".into(), 1))));
    let second = describe_topic_partitions(&mut client, &[], 4, Some(("t-b", 1))).await;
    assert_eq!(
        page(&second),
        (vec![entry("t-b", 0, &[1]), entry("t-c", 0, &[0])], None)
    );
    let exact = describe_topic_partitions(&mut client, &[], 3, None).await;
    assert_eq!(
        page(&exact),
        (vec![entry("t-a", 0, &[0, 1, 2])], Some(("t-b".into(), 0)))
    );

    let named =
        describe_topic_partitions(&mut client, &["t-c", "zz", "t-a", "aa"], 2000, None).await;
    assert_eq!(
        page(&named),
        (
            vec![
                entry("aa", UNKNOWN_TOPIC_OR_PARTITION, &[]),
                entry("t-a", 0, &[0, 1, 2]),
                entry("t-c", 0, &[0]),
                entry("zz", UNKNOWN_TOPIC_OR_PARTITION, &[]),
            ],
            None
        )
    );
    assert_eq!(named.topics[0].topic_authorized_operations, i32::MIN);
    let resumed =
        describe_topic_partitions(&mut client, &["t-c", "t-a"], 2, Some(("t-a", 1))).await;
    assert_eq!(
        page(&resumed),
        (vec![entry("t-a", 0, &[1, 2])], Some(("t-c".into(), 0)))
    );
    let misplaced = describe_topic_partitions(&mut client, &["t-c"], 10, Some(("t-a", 0))).await;
    assert_eq!(
        page(&misplaced),
        (vec![entry("t-c", INVALID_REQUEST, &[])], None)
    );
    server.shutdown().await;
}

fn check_topic(topic: &DescribeTopicPartitionsResponseTopic, id: strom_protocol::Uuid) {
    assert_eq!(topic.topic_id, id);
    assert!(!topic.is_internal);
    assert_eq!(topic.topic_authorized_operations, TOPIC_OPERATIONS);
    for p in &topic.partitions {
        assert_eq!((p.error_code, p.leader_id, p.leader_epoch), (0, 3, 0));
        assert_eq!(
            (p.replica_nodes.as_slice(), p.isr_nodes.as_slice()),
            (&[3][..], &[3][..])
        );
        assert_eq!(p.eligible_leader_replicas, Some(vec![]));
        assert_eq!(p.last_known_elr, Some(vec![]));
        assert!(p.offline_replicas.is_empty());
    }
}

/// Metadata answers the authorized operations only when asked (the cluster's at v8-10, each
/// topic's from v8, unknown topics included), with DescribeCluster's values, and the rack.
#[tokio::test]
async fn metadata_authorized_operations_and_rack() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["broker.rack=r9"]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "ops", 1).await;
    for (version, include) in [(8, true), (10, true), (12, true), (12, false)] {
        let request = MetadataRequest {
            topics: Some(
                ["ops", "absent"]
                    .iter()
                    .map(|n| MetadataRequestTopic {
                        name: Some(n.to_string()),
                        ..Default::default()
                    })
                    .collect(),
            ),
            allow_auto_topic_creation: false,
            include_cluster_authorized_operations: include,
            include_topic_authorized_operations: include,
            ..Default::default()
        };
        let r = match client.call(version, RequestBody::Metadata(request)).await {
            ResponseBody::Metadata(r) => r,
            other => panic!("unexpected {other:?}"),
        };
        let cluster = if include && version <= 10 {
            CLUSTER_OPERATIONS
        } else {
            i32::MIN
        };
        assert_eq!(r.cluster_authorized_operations, cluster, "v{version}");
        let topic = if include { TOPIC_OPERATIONS } else { i32::MIN };
        let got: Vec<_> = r
            .topics
            .iter()
            .map(|t| (t.error_code, t.topic_authorized_operations))
            .collect();
        assert_eq!(got, vec![(0, topic), (UNKNOWN_TOPIC_OR_PARTITION, topic)]);
        assert_eq!(r.brokers[0].rack.as_deref(), Some("r9"));
    }
    server.shutdown().await;
}

/// The seven ACL, quota and SCRAM APIs are not advertised, and a request for one anyway is
/// answered UNSUPPORTED_VERSION in every error field (top level and per resource), on a
/// connection that keeps serving.
#[tokio::test]
async fn acl_quota_and_scram_apis_answer_unsupported_version() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;

    let r = client
        .call(3, RequestBody::DescribeAcls(DescribeAclsRequest::default()))
        .await;
    let ResponseBody::DescribeAcls(r) = r else {
        panic!("{r:?}")
    };
    assert_eq!((r.error_code, r.resources.len()), (UNSUPPORTED_VERSION, 0));

    let creation = create_acls_request::AclCreation {
        resource_type: 2,
        resource_name: "t".into(),
        principal: "User:alice".into(),
        host: "*".into(),
        operation: 3,
        permission_type: 3,
        ..Default::default()
    };
    let request = CreateAclsRequest {
        creations: vec![creation.clone(), creation],
        ..Default::default()
    };
    let r = client.call(1, RequestBody::CreateAcls(request)).await;
    let ResponseBody::CreateAcls(r) = r else {
        panic!("{r:?}")
    };
    let codes: Vec<i16> = r.results.iter().map(|x| x.error_code).collect();
    assert_eq!(codes, vec![UNSUPPORTED_VERSION; 2]);

    let request = DeleteAclsRequest {
        filters: vec![delete_acls_request::DeleteAclsFilter::default()],
        ..Default::default()
    };
    let r = client.call(3, RequestBody::DeleteAcls(request)).await;
    let ResponseBody::DeleteAcls(r) = r else {
        panic!("{r:?}")
    };
    let codes: Vec<i16> = r.filter_results.iter().map(|x| x.error_code).collect();
    assert_eq!(codes, vec![UNSUPPORTED_VERSION]);

    let request = DescribeClientQuotasRequest::default();
    let r = client
        .call(1, RequestBody::DescribeClientQuotas(request))
        .await;
    let ResponseBody::DescribeClientQuotas(r) = r else {
        panic!("{r:?}")
    };
    assert_eq!((r.error_code, r.entries), (UNSUPPORTED_VERSION, None));

    let request = AlterClientQuotasRequest {
        entries: vec![alter_client_quotas_request::EntryData {
            entity: vec![alter_client_quotas_request::EntityData {
                entity_type: "client-id".into(),
                entity_name: Some("app".into()),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let r = client
        .call(0, RequestBody::AlterClientQuotas(request))
        .await;
    let ResponseBody::AlterClientQuotas(r) = r else {
        panic!("{r:?}")
    };
    assert_eq!(r.entries.len(), 1);
    assert_eq!(r.entries[0].error_code, UNSUPPORTED_VERSION);
    assert_eq!(r.entries[0].entity[0].entity_name.as_deref(), Some("app"));

    let request = DescribeUserScramCredentialsRequest {
        users: Some(vec![describe_user_scram_credentials_request::UserName {
            name: "alice".into(),
            ..Default::default()
        }]),
        ..Default::default()
    };
    let r = client
        .call(0, RequestBody::DescribeUserScramCredentials(request))
        .await;
    let ResponseBody::DescribeUserScramCredentials(r) = r else {
        panic!("{r:?}")
    };
    assert_eq!(r.error_code, UNSUPPORTED_VERSION);
    let users: Vec<_> = r
        .results
        .iter()
        .map(|x| (x.user.as_str(), x.error_code))
        .collect();
    assert_eq!(users, vec![("alice", UNSUPPORTED_VERSION)]);

    use alter_user_scram_credentials_request as alter_scram;
    let request = AlterUserScramCredentialsRequest {
        deletions: vec![alter_scram::ScramCredentialDeletion {
            name: "bob".into(),
            mechanism: 1,
            ..Default::default()
        }],
        upsertions: vec![alter_scram::ScramCredentialUpsertion {
            name: "alice".into(),
            mechanism: 1,
            iterations: 8192,
            ..Default::default()
        }],
        ..Default::default()
    };
    let r = client
        .call(0, RequestBody::AlterUserScramCredentials(request))
        .await;
    let ResponseBody::AlterUserScramCredentials(r) = r else {
        panic!("{r:?}")
    };
    let users: Vec<_> = r
        .results
        .iter()
        .map(|x| (x.user.as_str(), x.error_code))
        .collect();
    assert_eq!(
        users,
        vec![("alice", UNSUPPORTED_VERSION), ("bob", UNSUPPORTED_VERSION)]
    );

    // The connection still serves.
    let r = describe_cluster(&mut client, 0, false, 1).await;
    assert_eq!(r.error_code, 0);
    server.shutdown().await;
}
