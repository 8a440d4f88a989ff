//! Topic and broker configs (DescribeConfigs, AlterConfigs, IncrementalAlterConfigs),
//! CreatePartitions and the metadata log underneath them: exact values, sources and error
//! codes, changes taking effect at once and surviving restarts and snapshots.

mod common;

use common::*;
use std::collections::BTreeMap;
use strom_protocol::generated::create_partitions_request::CreatePartitionsTopic;
use strom_protocol::generated::describe_configs_request::DescribeConfigsResource;
use strom_protocol::generated::describe_configs_response::DescribeConfigsResult;
use strom_protocol::generated::incremental_alter_configs_request as incremental;
use strom_protocol::generated::{alter_configs_request, create_topics_request};
use strom_protocol::generated::{
    AlterConfigsRequest, CreatePartitionsRequest, CreateTopicsRequest, DescribeConfigsRequest,
    IncrementalAlterConfigsRequest, MetadataRequest,
};
use strom_protocol::records::Compression;
use strom_protocol::{ErrorCode, RequestBody, ResponseBody};

const TOPIC: i8 = 2;
const BROKER: i8 = 4;

async fn describe(
    client: &mut Client,
    resource_type: i8,
    name: &str,
    keys: Option<&[&str]>,
) -> DescribeConfigsResult {
    let request = DescribeConfigsRequest {
        resources: vec![DescribeConfigsResource {
            resource_type,
            resource_name: name.into(),
            configuration_keys: keys.map(|k| k.iter().map(|s| s.to_string()).collect()),
            ..Default::default()
        }],
        include_synonyms: true,
        include_documentation: true,
        ..Default::default()
    };
    match client.call(4, RequestBody::DescribeConfigs(request)).await {
        ResponseBody::DescribeConfigs(mut r) => r.results.remove(0),
        other => panic!("unexpected {other:?}"),
    }
}

/// name -> (value, source) of a described resource.
fn values(result: &DescribeConfigsResult) -> BTreeMap<String, (Option<String>, i8)> {
    result
        .configs
        .iter()
        .map(|c| (c.name.clone(), (c.value.clone(), c.config_source)))
        .collect()
}

fn value_of(result: &DescribeConfigsResult, name: &str) -> (Option<String>, i8) {
    values(result)
        .remove(name)
        .unwrap_or_else(|| panic!("{name} not described"))
}

/// IncrementalAlterConfigs of one resource: (error code, message).
async fn alter_incremental(
    client: &mut Client,
    resource_type: i8,
    name: &str,
    ops: &[(&str, i8, Option<&str>)],
    validate_only: bool,
) -> (i16, Option<String>) {
    let request = IncrementalAlterConfigsRequest {
        resources: vec![incremental::AlterConfigsResource {
            resource_type,
            resource_name: name.into(),
            configs: ops
                .iter()
                .map(|(k, op, v)| incremental::AlterableConfig {
                    name: k.to_string(),
                    config_operation: *op,
                    value: v.map(str::to_string),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }],
        validate_only,
        ..Default::default()
    };
    match client
        .call(1, RequestBody::IncrementalAlterConfigs(request))
        .await
    {
        ResponseBody::IncrementalAlterConfigs(r) => (
            r.responses[0].error_code,
            r.responses[0].error_message.clone(),
        ),
        other => panic!("unexpected {other:?}"),
    }
}

const SET: i8 = 0;
const DELETE: i8 = 1;
const APPEND: i8 = 2;
const SUBTRACT: i8 = 3;

async fn create_with_configs(client: &mut Client, name: &str, configs: &[(&str, &str)]) -> i16 {
    let request = CreateTopicsRequest {
        topics: vec![create_topics_request::CreatableTopic {
            name: name.into(),
            num_partitions: 1,
            replication_factor: 1,
            configs: configs
                .iter()
                .map(|(k, v)| create_topics_request::CreatableTopicConfig {
                    name: k.to_string(),
                    value: Some(v.to_string()),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }],
        timeout_ms: 5000,
        ..Default::default()
    };
    match client.call(7, RequestBody::CreateTopics(request)).await {
        ResponseBody::CreateTopics(r) => {
            let t = &r.topics[0];
            if t.error_code == 0 {
                // v5+: the effective configs come back with the created topic, the given
                // ones as topic overrides (source 1).
                let returned = t.configs.as_ref().expect("configs");
                assert_eq!(returned.len(), 13);
                for (key, value) in configs {
                    let c = returned.iter().find(|c| c.name == *key).expect("given key");
                    assert_eq!((c.value.as_deref(), c.config_source), (Some(*value), 1));
                }
            }
            t.error_code
        }
        other => panic!("unexpected {other:?}"),
    }
}

/// DescribeConfigs: every topic config with its value and source (1 = topic override,
/// 4 = broker config file, 5 = default), synonyms and docs; filters by key; errors for an
/// unknown topic, a foreign broker id and an unknown resource type.
#[tokio::test]
async fn describe_topic_and_broker_configs() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["log.retention.ms=3600000"]).await;
    let mut client = Client::connect(server.local_addr).await;
    assert_eq!(
        create_with_configs(&mut client, "described", &[("cleanup.policy", "compact")]).await,
        0
    );
    let result = describe(&mut client, TOPIC, "described", None).await;
    assert_eq!(result.error_code, 0);
    assert_eq!(
        value_of(&result, "cleanup.policy"),
        (Some("compact".into()), 1)
    );
    assert_eq!(
        value_of(&result, "retention.ms"),
        (Some("3600000".into()), 4)
    );
    assert_eq!(
        value_of(&result, "max.message.bytes"),
        (Some("1048588".into()), 5)
    );
    assert_eq!(result.configs.len(), 13);
    let policy = result
        .configs
        .iter()
        .find(|c| c.name == "cleanup.policy")
        .unwrap();
    assert_eq!(policy.config_type, 7, "LIST");
    assert!(!policy.read_only && !policy.is_sensitive);
    assert!(policy
        .documentation
        .as_deref()
        .is_some_and(|d| d.contains("compact")));
    let synonyms: Vec<(&str, Option<&str>, i8)> = policy
        .synonyms
        .iter()
        .map(|s| (s.name.as_str(), s.value.as_deref(), s.source))
        .collect();
    assert_eq!(
        synonyms,
        vec![
            ("cleanup.policy", Some("compact"), 1),
            ("log.cleanup.policy", Some("delete"), 5)
        ]
    );
    let some = describe(
        &mut client,
        TOPIC,
        "described",
        Some(&["segment.ms", "nope"]),
    )
    .await;
    assert_eq!(
        some.configs
            .iter()
            .map(|c| c.name.as_str())
            .collect::<Vec<_>>(),
        ["segment.ms"]
    );

    let missing = describe(&mut client, TOPIC, "missing", None).await;
    assert_eq!(missing.error_code, ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0);
    assert!(missing.configs.is_empty());

    let broker = describe(&mut client, BROKER, "1", None).await;
    assert_eq!(broker.error_code, 0);
    assert_eq!(
        value_of(&broker, "log.retention.ms"),
        (Some("3600000".into()), 4)
    );
    assert_eq!(value_of(&broker, "num.partitions"), (Some("1".into()), 5));
    assert!(broker.configs.iter().all(|c| c.read_only));
    let other = describe(&mut client, BROKER, "7", None).await;
    assert_eq!(other.error_code, ErrorCode::INVALID_REQUEST.0);
    let bad_type = describe(&mut client, 9, "x", None).await;
    assert_eq!(bad_type.error_code, ErrorCode::INVALID_REQUEST.0);
    server.shutdown().await;
}

/// IncrementalAlterConfigs: SET/DELETE/APPEND/SUBTRACT change what DescribeConfigs shows
/// and what the topic does (max.message.bytes is enforced at once); validate_only and
/// refused changes leave no trace; broker configs cannot change; all survives a restart.
#[tokio::test]
async fn incremental_alter_takes_effect_and_persists() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "alt", 1).await;
    let big = batch(&[(None, Some(&"x".repeat(2000)))], 1_000, Compression::None);
    assert_eq!(
        produce_one(&mut client, "alt", 0, big.clone(), -1).await,
        (0, 0)
    );

    assert_eq!(
        alter_incremental(
            &mut client,
            TOPIC,
            "alt",
            &[("max.message.bytes", SET, Some("1000"))],
            true
        )
        .await,
        (0, None)
    );
    assert_eq!(
        value_of(
            &describe(&mut client, TOPIC, "alt", None).await,
            "max.message.bytes"
        )
        .1,
        5,
        "validate_only changed nothing"
    );
    assert_eq!(
        alter_incremental(
            &mut client,
            TOPIC,
            "alt",
            &[
                ("max.message.bytes", SET, Some("1000")),
                ("retention.ms", SET, Some("120000")),
                ("cleanup.policy", APPEND, Some("compact")),
            ],
            false
        )
        .await,
        (0, None)
    );
    let (code, _) = produce_one(&mut client, "alt", 0, big.clone(), -1).await;
    assert_eq!(code, ErrorCode::MESSAGE_TOO_LARGE.0);
    let small = batch(&[(Some("k"), Some("small"))], 1_000, Compression::None);
    assert_eq!(
        produce_one(&mut client, "alt", 0, small.clone(), -1).await,
        (0, 1)
    );
    let now = describe(&mut client, TOPIC, "alt", None).await;
    assert_eq!(
        value_of(&now, "max.message.bytes"),
        (Some("1000".into()), 1)
    );
    assert_eq!(
        value_of(&now, "cleanup.policy"),
        (Some("delete,compact".into()), 1)
    );

    // Refusals name the key and change nothing.
    let (code, message) = alter_incremental(
        &mut client,
        TOPIC,
        "alt",
        &[("retention.ms", SET, Some("soon"))],
        false,
    )
    .await;
    assert_eq!(code, ErrorCode::INVALID_CONFIG.0);
    assert!(message.unwrap().contains("retention.ms"));
    let (code, message) = alter_incremental(
        &mut client,
        TOPIC,
        "alt",
        &[("no.such.key", SET, Some("1"))],
        false,
    )
    .await;
    assert_eq!(code, ErrorCode::INVALID_CONFIG.0);
    assert!(message.unwrap().contains("no.such.key"));
    assert_eq!(
        alter_incremental(
            &mut client,
            TOPIC,
            "alt",
            &[("retention.ms", APPEND, Some("1"))],
            false
        )
        .await
        .0,
        ErrorCode::INVALID_CONFIG.0
    );
    assert_eq!(
        alter_incremental(
            &mut client,
            TOPIC,
            "alt",
            &[("retention.ms", 9, Some("1"))],
            false
        )
        .await
        .0,
        ErrorCode::INVALID_REQUEST.0
    );
    assert_eq!(
        alter_incremental(
            &mut client,
            TOPIC,
            "nope",
            &[("retention.ms", SET, Some("1"))],
            false
        )
        .await
        .0,
        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0
    );
    let (code, message) = alter_incremental(
        &mut client,
        BROKER,
        "1",
        &[("log.retention.ms", SET, Some("1"))],
        false,
    )
    .await;
    assert_eq!(code, ErrorCode::INVALID_REQUEST.0);
    assert!(message.unwrap().contains("log.retention.ms"));
    assert_eq!(
        value_of(
            &describe(&mut client, TOPIC, "alt", None).await,
            "retention.ms"
        ),
        (Some("120000".into()), 1)
    );

    drop(client);
    server.shutdown().await;
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    let after = describe(&mut client, TOPIC, "alt", None).await;
    assert_eq!(
        value_of(&after, "max.message.bytes"),
        (Some("1000".into()), 1)
    );
    assert_eq!(value_of(&after, "retention.ms"), (Some("120000".into()), 1));
    assert_eq!(
        produce_one(&mut client, "alt", 0, big.clone(), -1).await.0,
        ErrorCode::MESSAGE_TOO_LARGE.0
    );

    // DELETE and SUBTRACT go back to the defaults.
    assert_eq!(
        alter_incremental(
            &mut client,
            TOPIC,
            "alt",
            &[
                ("max.message.bytes", DELETE, None),
                ("cleanup.policy", SUBTRACT, Some("compact"))
            ],
            false
        )
        .await,
        (0, None)
    );
    let after = describe(&mut client, TOPIC, "alt", None).await;
    assert_eq!(
        value_of(&after, "max.message.bytes"),
        (Some("1048588".into()), 5)
    );
    assert_eq!(
        value_of(&after, "cleanup.policy"),
        (Some("delete".into()), 1)
    );
    assert_eq!(produce_one(&mut client, "alt", 0, big, -1).await, (0, 2));
    server.shutdown().await;
}

/// AlterConfigs replaces the whole set of overrides: keys not given go back to defaults.
#[tokio::test]
async fn alter_configs_replaces_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    assert_eq!(
        create_with_configs(
            &mut client,
            "repl",
            &[("retention.ms", "1000"), ("segment.ms", "5000")]
        )
        .await,
        0
    );
    let alter = |validate_only: bool, configs: &[(&str, &str)]| AlterConfigsRequest {
        resources: vec![alter_configs_request::AlterConfigsResource {
            resource_type: TOPIC,
            resource_name: "repl".into(),
            configs: configs
                .iter()
                .map(|(k, v)| alter_configs_request::AlterableConfig {
                    name: k.to_string(),
                    value: Some(v.to_string()),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }],
        validate_only,
        ..Default::default()
    };
    let code = |r: ResponseBody| match r {
        ResponseBody::AlterConfigs(r) => r.responses[0].error_code,
        other => panic!("unexpected {other:?}"),
    };
    let r = client
        .call(
            2,
            RequestBody::AlterConfigs(alter(false, &[("retention.ms", "2000")])),
        )
        .await;
    assert_eq!(code(r), 0);
    let now = describe(&mut client, TOPIC, "repl", None).await;
    assert_eq!(value_of(&now, "retention.ms"), (Some("2000".into()), 1));
    assert_eq!(value_of(&now, "segment.ms").1, 5);
    let r = client
        .call(
            2,
            RequestBody::AlterConfigs(alter(false, &[("min.insync.replicas", "0")])),
        )
        .await;
    assert_eq!(code(r), ErrorCode::INVALID_CONFIG.0);
    let r = client
        .call(0, RequestBody::AlterConfigs(alter(true, &[])))
        .await;
    assert_eq!(code(r), 0);
    assert_eq!(
        value_of(
            &describe(&mut client, TOPIC, "repl", None).await,
            "retention.ms"
        ),
        (Some("2000".into()), 1)
    );
    server.shutdown().await;
}

async fn create_partitions(
    client: &mut Client,
    topic: &str,
    count: i32,
    validate_only: bool,
) -> i16 {
    let request = CreatePartitionsRequest {
        topics: vec![CreatePartitionsTopic {
            name: topic.into(),
            count,
            assignments: None,
            ..Default::default()
        }],
        timeout_ms: 5000,
        validate_only,
        ..Default::default()
    };
    match client.call(3, RequestBody::CreatePartitions(request)).await {
        ResponseBody::CreatePartitions(r) => r.results[0].error_code,
        other => panic!("unexpected {other:?}"),
    }
}

async fn partition_count(client: &mut Client, topic: &str) -> usize {
    use strom_protocol::generated::metadata_request::MetadataRequestTopic;
    let request = MetadataRequest {
        topics: Some(vec![MetadataRequestTopic {
            name: Some(topic.into()),
            ..Default::default()
        }]),
        allow_auto_topic_creation: false,
        ..Default::default()
    };
    match client.call(12, RequestBody::Metadata(request)).await {
        ResponseBody::Metadata(r) => r.topics[0].partitions.len(),
        other => panic!("unexpected {other:?}"),
    }
}

/// CreatePartitions grows a topic (the new partitions take writes at once), refuses to
/// shrink or stay, honours validate_only, and the growth survives a restart.
#[tokio::test]
async fn create_partitions_grows_only() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "grow", 2).await;
    assert_eq!(create_partitions(&mut client, "grow", 5, true).await, 0);
    assert_eq!(partition_count(&mut client, "grow").await, 2);
    assert_eq!(create_partitions(&mut client, "grow", 5, false).await, 0);
    assert_eq!(partition_count(&mut client, "grow").await, 5);
    let one = batch(&[(None, Some("in-4"))], 1_000, Compression::None);
    assert_eq!(produce_one(&mut client, "grow", 4, one, -1).await, (0, 0));
    assert_eq!(
        create_partitions(&mut client, "grow", 3, false).await,
        ErrorCode::INVALID_PARTITIONS.0
    );
    assert_eq!(
        create_partitions(&mut client, "grow", 5, false).await,
        ErrorCode::INVALID_PARTITIONS.0
    );
    assert_eq!(
        create_partitions(&mut client, "none", 5, false).await,
        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0
    );
    drop(client);
    server.shutdown().await;
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    assert_eq!(partition_count(&mut client, "grow").await, 5);
    assert_eq!(
        read_values(&mut client, "grow", 4, 0).await,
        vec![(0, "in-4".to_string())]
    );
    server.shutdown().await;
}

/// With a snapshot after every entry, the quorum's log is snapshotted again and again; a
/// restart rebuilds topics, configs and partitions from snapshot + log.
#[tokio::test]
async fn metadata_survives_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let tiny = "metadata.log.max.record.bytes.between.snapshots=1";
    let server = start_broker(dir.path(), &[tiny]).await;
    let mut client = Client::connect(server.local_addr).await;
    for name in ["s1", "s2", "s3"] {
        create_topic_ok(&mut client, name, 1).await;
    }
    assert_eq!(create_partitions(&mut client, "s2", 4, false).await, 0);
    assert_eq!(
        alter_incremental(
            &mut client,
            TOPIC,
            "s3",
            &[("retention.ms", SET, Some("777"))],
            false
        )
        .await
        .0,
        0
    );
    // Snapshots are built in the background once entries are applied.
    let snapshot = dir
        .path()
        .join("__cluster_metadata-0")
        .join("raft.snapshot");
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
    while !snapshot.exists() {
        assert!(std::time::Instant::now() < deadline, "no snapshot taken");
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    drop(client);
    server.shutdown().await;
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    assert_eq!(partition_count(&mut client, "s1").await, 1);
    assert_eq!(partition_count(&mut client, "s2").await, 4);
    assert_eq!(
        value_of(
            &describe(&mut client, TOPIC, "s3", None).await,
            "retention.ms"
        ),
        (Some("777".into()), 1)
    );
    server.shutdown().await;
}

/// A data directory from a strom that kept metadata in a text file is carried over: its
/// cluster id, topics, configs and producer id block end come back, the file is gone.
#[tokio::test]
async fn old_metadata_file_is_carried_over() {
    use strom::broker::store::{save, Stored, TopicRecord};
    let dir = tempfile::tempdir().unwrap();
    save(
        dir.path(),
        &Stored {
            cluster_id: "oldClusterId0000000000".into(),
            topics: vec![TopicRecord {
                name: "legacy".into(),
                id: strom_protocol::Uuid([5; 16]),
                partitions: 2,
                configs: [("retention.ms".to_string(), "999".to_string())].into(),
            }],
            producer_id_block_end: 4000,
        },
    )
    .unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    assert!(!dir.path().join("strom-metadata").exists());
    assert_eq!(partition_count(&mut client, "legacy").await, 2);
    assert_eq!(
        value_of(
            &describe(&mut client, TOPIC, "legacy", None).await,
            "retention.ms"
        ),
        (Some("999".into()), 1)
    );
    let (code, id, _) = init_producer_id(&mut client, None).await;
    assert_eq!((code, id), (0, 4000));
    let request = MetadataRequest {
        topics: None,
        ..Default::default()
    };
    match client.call(12, RequestBody::Metadata(request)).await {
        ResponseBody::Metadata(r) => {
            assert_eq!(r.cluster_id.as_deref(), Some("oldClusterId0000000000"))
        }
        other => panic!("unexpected {other:?}"),
    }
    server.shutdown().await;
}

/// The stored batches of partition 0 from offset 0 (Fetch v12).
async fn stored_batches(client: &mut Client, topic: &str) -> bytes::Bytes {
    fetch_partition(client, topic, 0, 0, 1 << 20)
        .await
        .records
        .unwrap_or_default()
}

/// compression.type other than `producer` recompresses batches in another codec on append
/// (records, offsets and timestamps unchanged); a batch already in that codec is kept; the
/// codec can be changed at runtime.
#[tokio::test]
async fn topic_compression_type_recompresses() {
    use strom_protocol::records::{batches, decode_records};
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    assert_eq!(
        create_with_configs(&mut client, "gz", &[("compression.type", "gzip")]).await,
        0
    );
    let records = [
        (Some("k1"), Some("v1")),
        (None, Some("v2")),
        (Some("k3"), None),
    ];
    for codec in [Compression::None, Compression::Lz4, Compression::Gzip] {
        let (code, _) = produce_one(&mut client, "gz", 0, batch(&records, 5_000, codec), -1).await;
        assert_eq!(code, 0);
    }
    assert_eq!(
        alter_incremental(
            &mut client,
            TOPIC,
            "gz",
            &[("compression.type", SET, Some("uncompressed"))],
            false
        )
        .await,
        (0, None)
    );
    let (code, _) = produce_one(
        &mut client,
        "gz",
        0,
        batch(&records, 5_000, Compression::Zstd),
        -1,
    )
    .await;
    assert_eq!(code, 0);
    let stored = stored_batches(&mut client, "gz").await;
    let mut seen = Vec::new();
    for item in batches(&stored) {
        let (header, body) = item.unwrap();
        let decoded = decode_records(body).unwrap();
        let values: Vec<(i64, i64, Option<String>, Option<String>)> = decoded
            .iter()
            .map(|r| {
                (
                    r.offset(&header),
                    r.timestamp(&header),
                    r.key
                        .as_ref()
                        .map(|k| String::from_utf8_lossy(k).into_owned()),
                    r.value
                        .as_ref()
                        .map(|v| String::from_utf8_lossy(v).into_owned()),
                )
            })
            .collect();
        let base = header.base_offset;
        assert_eq!(
            values,
            vec![
                (base, 5_000, Some("k1".into()), Some("v1".into())),
                (base + 1, 5_001, None, Some("v2".into())),
                (base + 2, 5_002, Some("k3".into()), None),
            ]
        );
        assert_eq!(header.max_timestamp, 5_002);
        seen.push((base, header.compression()));
    }
    assert_eq!(
        seen,
        vec![
            (0, Compression::Gzip),
            (3, Compression::Gzip),
            (6, Compression::Gzip),
            (9, Compression::None)
        ]
    );
    server.shutdown().await;
}

async fn earliest_offset(client: &mut Client, topic: &str) -> i64 {
    use strom_protocol::generated::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
    use strom_protocol::generated::ListOffsetsRequest;
    let request = ListOffsetsRequest {
        replica_id: -1,
        topics: vec![ListOffsetsTopic {
            name: topic.into(),
            partitions: vec![ListOffsetsPartition {
                partition_index: 0,
                timestamp: -2,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    match client.call(7, RequestBody::ListOffsets(request)).await {
        ResponseBody::ListOffsets(r) => {
            let p = &r.topics[0].partitions[0];
            assert_eq!(p.error_code, 0);
            p.offset
        }
        other => panic!("unexpected {other:?}"),
    }
}

fn segment_files(dir: &std::path::Path, partition_dir: &str) -> usize {
    std::fs::read_dir(dir.join(partition_dir))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .ends_with(".log")
        })
        .count()
}

/// segment.bytes and retention.bytes changed at runtime take effect without a restart:
/// the next appends roll at the new size, and the retention pass trims to the new limit.
#[tokio::test]
async fn segment_and_retention_changes_apply_at_runtime() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(
        dir.path(),
        &["log.retention.ms=-1", "log.retention.check.interval.ms=20"],
    )
    .await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "dyn", 1).await;
    let one = |i: usize| batch(&[(None, Some(&format!("v{i}")))], 1_000, Compression::None);
    for i in 0..3 {
        assert_eq!(
            produce_one(&mut client, "dyn", 0, one(i), -1).await,
            (0, i as i64)
        );
    }
    assert_eq!(segment_files(dir.path(), "dyn-0"), 1);
    // One-record batches are 71 bytes: a 100-byte segment holds one.
    assert_eq!(
        alter_incremental(
            &mut client,
            TOPIC,
            "dyn",
            &[("segment.bytes", SET, Some("100"))],
            false
        )
        .await,
        (0, None)
    );
    for i in 3..6 {
        assert_eq!(
            produce_one(&mut client, "dyn", 0, one(i), -1).await,
            (0, i as i64)
        );
    }
    assert_eq!(segment_files(dir.path(), "dyn-0"), 4);
    assert_eq!(earliest_offset(&mut client, "dyn").await, 0);
    assert_eq!(
        alter_incremental(
            &mut client,
            TOPIC,
            "dyn",
            &[("retention.bytes", SET, Some("150"))],
            false
        )
        .await,
        (0, None)
    );
    // 426 bytes in segments of 213 (offsets 0-2), 71, 71, 71: as Kafka, the oldest segments
    // go while what stays is at least 150 bytes, so the first segment goes and 3 remain.
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    while earliest_offset(&mut client, "dyn").await != 3 {
        assert!(
            tokio::time::Instant::now() < deadline,
            "retention.bytes never applied"
        );
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }
    let values: Vec<String> = read_values(&mut client, "dyn", 0, 3)
        .await
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    assert_eq!(values, ["v3", "v4", "v5"]);
    server.shutdown().await;
}

/// min.insync.replicas above the single node's one replica is accepted (as Kafka does) and
/// makes acks=all writes fail with NOT_ENOUGH_REPLICAS while acks=1 still works; setting it
/// back to 1 lets acks=all through again.
#[tokio::test]
async fn min_insync_replicas_gates_acks_all() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    assert_eq!(
        create_with_configs(&mut client, "isr", &[("min.insync.replicas", "2")]).await,
        0
    );
    let one = || batch(&[(None, Some("v"))], 1_000, Compression::None);
    assert_eq!(
        produce_one(&mut client, "isr", 0, one(), -1).await.0,
        ErrorCode::NOT_ENOUGH_REPLICAS.0
    );
    assert_eq!(produce_one(&mut client, "isr", 0, one(), 1).await, (0, 0));
    assert_eq!(
        alter_incremental(
            &mut client,
            TOPIC,
            "isr",
            &[("min.insync.replicas", SET, Some("1"))],
            false
        )
        .await,
        (0, None)
    );
    assert_eq!(produce_one(&mut client, "isr", 0, one(), -1).await, (0, 1));
    server.shutdown().await;
}

/// A data directory whose metadata is in the local log of an earlier strom opens on the
/// quorum with the same topics and configs, and the old log files are gone afterwards.
#[tokio::test]
async fn local_metadata_log_is_migrated_into_the_quorum() {
    use strom::metadata::{Metadata, MetadataRecord};
    let dir = tempfile::tempdir().unwrap();
    {
        let local = Metadata::open(dir.path(), u64::MAX).unwrap();
        local
            .propose(vec![
                MetadataRecord::ClusterId {
                    id: "migrated-cluster-id-00".into(),
                },
                MetadataRecord::CreateTopic {
                    name: "old".into(),
                    id: "0123456789abcdef0123456789abcdef".into(),
                    partitions: 2,
                    configs: [("retention.ms".to_string(), "4242".to_string())].into(),
                    // Written before placement: the partitions are the single node's.
                    replicas: Vec::new(),
                    states: Vec::new(),
                },
            ])
            .unwrap();
    }
    let meta = dir.path().join("__cluster_metadata-0");
    assert!(meta.join("metadata.log").exists());
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    assert_eq!(partition_count(&mut client, "old").await, 2);
    let record = batch(&[(None, Some("v"))], 1_000, Compression::None);
    assert_eq!(produce_one(&mut client, "old", 1, record, 1).await, (0, 0));
    assert_eq!(
        value_of(
            &describe(&mut client, TOPIC, "old", None).await,
            "retention.ms"
        ),
        (Some("4242".into()), 1)
    );
    assert!(!meta.join("metadata.log").exists());
    assert!(meta.join("raft.log").exists());
    drop(client);
    server.shutdown().await;
    // Opens again from the quorum alone.
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    assert_eq!(partition_count(&mut client, "old").await, 2);
    server.shutdown().await;
}
