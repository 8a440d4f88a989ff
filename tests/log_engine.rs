//! The log engine as clients see it: DeleteRecords, retention run by the broker, and the
//! fsync-before-ack modes.

mod common;

use common::*;
use std::time::Duration;
use strom_protocol::generated::delete_records_request::{
    DeleteRecordsPartition, DeleteRecordsTopic,
};
use strom_protocol::generated::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use strom_protocol::generated::{DeleteRecordsRequest, ListOffsetsRequest};
use strom_protocol::records::Compression;
use strom_protocol::{ErrorCode, RequestBody, ResponseBody};

async fn delete_records(
    client: &mut Client,
    topic: &str,
    partition: i32,
    offset: i64,
) -> (i16, i64) {
    let request = DeleteRecordsRequest {
        topics: vec![DeleteRecordsTopic {
            name: topic.into(),
            partitions: vec![DeleteRecordsPartition {
                partition_index: partition,
                offset,
                ..Default::default()
            }],
            ..Default::default()
        }],
        timeout_ms: 5000,
        ..Default::default()
    };
    match client.call(2, RequestBody::DeleteRecords(request)).await {
        ResponseBody::DeleteRecords(r) => {
            let p = &r.topics[0].partitions[0];
            (p.error_code, p.low_watermark)
        }
        other => panic!("unexpected {other:?}"),
    }
}

/// ListOffsets earliest (-2) or latest (-1): (error, offset).
async fn list_offset(client: &mut Client, topic: &str, timestamp: i64) -> (i16, i64) {
    let request = RequestBody::ListOffsets(ListOffsetsRequest {
        replica_id: -1,
        topics: vec![ListOffsetsTopic {
            name: topic.into(),
            partitions: vec![ListOffsetsPartition {
                partition_index: 0,
                timestamp,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    });
    match client.call(8, request).await {
        ResponseBody::ListOffsets(r) => {
            let p = &r.topics[0].partitions[0];
            (p.error_code, p.offset)
        }
        other => panic!("unexpected {other:?}"),
    }
}

async fn produce_values(client: &mut Client, topic: &str, count: usize) {
    for i in 0..count {
        let value = format!("v{i}");
        let (error, _) = produce_one(
            client,
            topic,
            0,
            batch(
                &[(None, Some(&value))],
                strom::api::now_ms() + i as i64,
                Compression::None,
            ),
            -1,
        )
        .await;
        assert_eq!(error, 0);
    }
}

/// DeleteRecords moves the low watermark (ListOffsets earliest and fetches follow it),
/// never backwards, -1 means the high watermark, and bad offsets and topics are errors; the
/// new start survives a restart.
#[tokio::test]
async fn delete_records_moves_the_start() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "dr", 1).await;
    produce_values(&mut client, "dr", 10).await;
    assert_eq!(delete_records(&mut client, "dr", 0, 4).await, (0, 4));
    assert_eq!(list_offset(&mut client, "dr", -2).await, (0, 4));
    let values = read_values(&mut client, "dr", 0, 4).await;
    assert_eq!(values.first(), Some(&(4, "v4".to_string())));
    assert_eq!(values.len(), 6);
    assert_eq!(delete_records(&mut client, "dr", 0, 2).await, (0, 4));
    assert_eq!(
        delete_records(&mut client, "dr", 0, 11).await,
        (ErrorCode::OFFSET_OUT_OF_RANGE.0, -1)
    );
    assert_eq!(
        delete_records(&mut client, "nope", 0, 1).await,
        (ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0, -1)
    );
    assert_eq!(
        delete_records(&mut client, "dr", 3, 1).await,
        (ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0, -1)
    );
    assert_eq!(delete_records(&mut client, "dr", 0, -1).await, (0, 10));
    drop(client);
    server.shutdown().await;
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    assert_eq!(list_offset(&mut client, "dr", -2).await, (0, 10));
    assert_eq!(list_offset(&mut client, "dr", -1).await, (0, 10));
    server.shutdown().await;
}

/// The broker runs size retention on its own schedule: with tiny segments and a byte limit,
/// the earliest offset moves to a segment boundary and the newest data stays readable.
#[tokio::test]
async fn broker_applies_size_retention() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(
        dir.path(),
        &[
            "log.segment.bytes=200",
            "log.retention.bytes=300",
            // The records carry 1970 timestamps: keep time retention out of this test.
            "log.retention.ms=-1",
            "log.retention.check.interval.ms=20",
        ],
    )
    .await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "ret", 1).await;
    // Each one-record batch is 71 bytes: two per 200-byte segment.
    produce_values(&mut client, "ret", 10).await;
    // Five segments of 142 bytes; keeping at least 300 bytes means the newest three stay.
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let (error, earliest) = list_offset(&mut client, "ret", -2).await;
        assert_eq!(error, 0);
        if earliest == 4 {
            break;
        }
        assert!(
            earliest < 4,
            "retention deleted too much: earliest {earliest}"
        );
        assert!(
            tokio::time::Instant::now() < deadline,
            "retention never ran"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    let values: Vec<String> = read_values(&mut client, "ret", 0, 4)
        .await
        .into_iter()
        .map(|(_, v)| v)
        .collect();
    assert_eq!(values, ["v4", "v5", "v6", "v7", "v8", "v9"]);
    server.shutdown().await;
}

/// Every fsync mode acknowledges the same way (only durability differs): acks=1 and
/// acks=all under `all`, `1` and `none`, many producers on their own connections at once.
#[tokio::test]
async fn fsync_modes_acknowledge_concurrent_producers() {
    for mode in ["all", "1", "none"] {
        let dir = tempfile::tempdir().unwrap();
        let mode_override = format!("strom.fsync.before.ack={mode}");
        let server = start_broker(dir.path(), &[mode_override.as_str()]).await;
        let mut admin = Client::connect(server.local_addr).await;
        create_topic_ok(&mut admin, "sync", 1).await;
        let mut tasks = Vec::new();
        for producer in 0..8 {
            let addr = server.local_addr;
            tasks.push(tokio::spawn(async move {
                let mut client = Client::connect(addr).await;
                for i in 0..25 {
                    let value = format!("p{producer}-{i}");
                    let acks = if i % 2 == 0 { -1 } else { 1 };
                    let (error, _) = produce_one(
                        &mut client,
                        "sync",
                        0,
                        batch(&[(None, Some(&value))], 0, Compression::None),
                        acks,
                    )
                    .await;
                    assert_eq!(error, 0);
                }
            }));
        }
        for task in tasks {
            task.await.unwrap();
        }
        let values = read_values(&mut admin, "sync", 0, 0).await;
        assert_eq!(values.len(), 200, "mode {mode}");
        for producer in 0..8 {
            let mine: Vec<&str> = values
                .iter()
                .map(|(_, v)| v.as_str())
                .filter(|v| v.starts_with(&format!("p{producer}-")))
                .collect();
            let expected: Vec<String> = (0..25).map(|i| format!("p{producer}-{i}")).collect();
            assert_eq!(mine, expected, "per-producer order, mode {mode}");
        }
        server.shutdown().await;
    }
}

/// CreateTopics (v7) with configs: (error code, error message).
async fn create_with_configs(
    client: &mut Client,
    name: &str,
    configs: &[(&str, &str)],
    validate_only: bool,
) -> (i16, Option<String>) {
    use strom_protocol::generated::create_topics_request::{CreatableTopic, CreatableTopicConfig};
    use strom_protocol::generated::CreateTopicsRequest;
    let request = CreateTopicsRequest {
        topics: vec![CreatableTopic {
            name: name.into(),
            num_partitions: 1,
            replication_factor: 1,
            configs: configs
                .iter()
                .map(|(k, v)| CreatableTopicConfig {
                    name: k.to_string(),
                    value: Some(v.to_string()),
                    ..Default::default()
                })
                .collect(),
            ..Default::default()
        }],
        timeout_ms: 5000,
        validate_only,
        ..Default::default()
    };
    match client.call(7, RequestBody::CreateTopics(request)).await {
        ResponseBody::CreateTopics(r) => {
            (r.topics[0].error_code, r.topics[0].error_message.clone())
        }
        other => panic!("unexpected {other:?}"),
    }
}

/// Topic configs are validated (INVALID_CONFIG naming the key, validate_only included),
/// change behaviour (max.message.bytes, LogAppendTime, per-topic retention) and survive a
/// restart.
#[tokio::test]
async fn topic_configs_apply_and_persist() {
    let dir = tempfile::tempdir().unwrap();
    let overrides = ["log.retention.check.interval.ms=20"];
    let server = start_broker(dir.path(), &overrides).await;
    let mut client = Client::connect(server.local_addr).await;
    for (key, value, validate_only) in [
        ("cleanup.policy", "archive", false),
        ("retention.ms", "soon", true),
        ("no.such.config", "1", false),
        ("message.timestamp.type", "Now", true),
    ] {
        let (error, message) =
            create_with_configs(&mut client, "bad", &[(key, value)], validate_only).await;
        assert_eq!(error, ErrorCode::INVALID_CONFIG.0, "{key}={value}");
        assert!(message.unwrap().contains(key));
    }
    assert_eq!(
        create_with_configs(&mut client, "small", &[("max.message.bytes", "150")], true).await,
        (0, None)
    );
    assert_eq!(
        create_with_configs(&mut client, "small", &[("max.message.bytes", "150")], false).await,
        (0, None)
    );
    assert_eq!(
        create_with_configs(
            &mut client,
            "stamped",
            &[("message.timestamp.type", "LogAppendTime")],
            false
        )
        .await,
        (0, None)
    );
    assert_eq!(
        create_with_configs(
            &mut client,
            "trimmed",
            &[
                ("segment.bytes", "200"),
                ("retention.bytes", "300"),
                ("retention.ms", "-1")
            ],
            false
        )
        .await,
        (0, None)
    );
    create_topic_ok(&mut client, "untouched", 1).await;
    let big = "x".repeat(100);
    let too_large = batch(
        &[(None, Some(&big))],
        strom::api::now_ms(),
        Compression::None,
    );
    assert!(too_large.len() > 150);
    assert_eq!(
        produce_one(&mut client, "small", 0, too_large.clone(), -1).await,
        (ErrorCode::MESSAGE_TOO_LARGE.0, -1)
    );
    assert_eq!(
        produce_one(&mut client, "untouched", 0, too_large, -1).await,
        (0, 0)
    );
    drop(client);
    server.shutdown().await;

    // After a restart the configs still apply.
    let server = start_broker(dir.path(), &overrides).await;
    let mut client = Client::connect(server.local_addr).await;
    let big = "x".repeat(100);
    assert_eq!(
        produce_one(
            &mut client,
            "small",
            0,
            batch(&[(None, Some(&big))], 1, Compression::None),
            -1
        )
        .await,
        (ErrorCode::MESSAGE_TOO_LARGE.0, -1)
    );
    let before = strom::api::now_ms();
    let response = client
        .call(
            9,
            produce_request_body(
                "stamped",
                batch(
                    &[(None, Some("a")), (None, Some("b"))],
                    5,
                    Compression::None,
                ),
            ),
        )
        .await;
    let ResponseBody::Produce(r) = response else {
        panic!()
    };
    let stamp = r.responses[0].partition_responses[0].log_append_time_ms;
    assert!(
        stamp >= before && stamp <= strom::api::now_ms(),
        "log append time {stamp}"
    );
    let fetched = fetch_raw(&mut client, "stamped").await;
    let (header, _) = strom_protocol::records::batches(&fetched)
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(
        header.timestamp_type(),
        strom_protocol::records::TimestampType::LogAppendTime
    );
    assert_eq!(header.max_timestamp, stamp);
    strom_protocol::records::validate_batch(&fetched).expect("CRC recomputed");
    // Per-topic retention: only the topic that asks for it is trimmed.
    produce_values(&mut client, "trimmed", 10).await;
    produce_values(&mut client, "untouched", 9).await;
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    while list_offset(&mut client, "trimmed", -2).await != (0, 4) {
        assert!(
            tokio::time::Instant::now() < deadline,
            "retention never ran"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(list_offset(&mut client, "untouched", -2).await, (0, 0));
    server.shutdown().await;
}

/// The raw records of partition 0 from offset 0 (Fetch v12).
async fn fetch_raw(client: &mut Client, topic: &str) -> bytes::Bytes {
    fetch_partition(client, topic, 0, 0, 1 << 20)
        .await
        .records
        .unwrap()
}

/// A compacted topic refuses keyless records and its broker compacts it in the background:
/// the sealed segments end up with the latest value of each key, at its original offset.
#[tokio::test]
async fn compacted_topic_keeps_latest_per_key() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["log.retention.check.interval.ms=20"]).await;
    let mut client = Client::connect(server.local_addr).await;
    assert_eq!(
        create_with_configs(
            &mut client,
            "compacted",
            &[
                ("cleanup.policy", "compact"),
                ("segment.bytes", "100"),
                ("min.cleanable.dirty.ratio", "0.01")
            ],
            false
        )
        .await,
        (0, None)
    );
    let now = strom::api::now_ms();
    assert_eq!(
        produce_one(
            &mut client,
            "compacted",
            0,
            batch(&[(None, Some("keyless"))], now, Compression::None),
            -1
        )
        .await,
        (ErrorCode::INVALID_RECORD.0, -1)
    );
    // One record a batch, one batch a segment: k0..k2 twice, then a last one that stays active.
    for (i, key) in ["k0", "k1", "k2", "k0", "k1", "k2", "last"]
        .iter()
        .enumerate()
    {
        let value = format!("v{i}");
        let (error, offset) = produce_one(
            &mut client,
            "compacted",
            0,
            batch(&[(Some(key), Some(&value))], now, Compression::None),
            -1,
        )
        .await;
        assert_eq!((error, offset), (0, i as i64));
    }
    let expected = vec![
        (3, "v3".to_string()),
        (4, "v4".to_string()),
        (5, "v5".to_string()),
        (6, "v6".to_string()),
    ];
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let values = read_values(&mut client, "compacted", 0, 0).await;
        if values == expected {
            break;
        }
        assert!(
            values.len() > expected.len(),
            "compaction removed too much: {values:?}"
        );
        assert!(
            tokio::time::Instant::now() < deadline,
            "compaction never ran: {values:?}"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    assert_eq!(
        list_offset(&mut client, "compacted", -2).await,
        (0, 0),
        "the start stays"
    );
    assert_eq!(list_offset(&mut client, "compacted", -1).await, (0, 7));
    server.shutdown().await;
}

/// A write that fails (here: the segment file is /dev/full, so every write gets ENOSPC)
/// is answered KAFKA_STORAGE_ERROR for that partition only; the broker keeps serving the
/// others, and nothing half-written is ever served from the failed partition.
#[tokio::test]
async fn disk_full_is_a_storage_error_for_that_partition_only() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "full", 1).await;
    create_topic_ok(&mut client, "fine", 1).await;
    drop(client);
    server.shutdown().await;
    let segment = dir.path().join("full-0").join("00000000000000000000.log");
    std::fs::remove_file(&segment).unwrap();
    std::os::unix::fs::symlink("/dev/full", &segment).unwrap();

    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    let now = strom::api::now_ms();
    for _ in 0..3 {
        assert_eq!(
            produce_one(
                &mut client,
                "full",
                0,
                batch(&[(None, Some("x"))], now, Compression::None),
                -1
            )
            .await,
            (ErrorCode::KAFKA_STORAGE_ERROR.0, -1)
        );
    }
    assert_eq!(
        list_offset(&mut client, "full", -1).await,
        (0, 0),
        "nothing was appended"
    );
    assert_eq!(read_values(&mut client, "full", 0, 0).await, vec![]);
    for i in 0..3 {
        assert_eq!(
            produce_one(
                &mut client,
                "fine",
                0,
                batch(&[(None, Some("y"))], now, Compression::None),
                -1
            )
            .await,
            (0, i)
        );
    }
    assert_eq!(read_values(&mut client, "fine", 0, 0).await.len(), 3);
    drop(client);
    server.shutdown().await;
}

/// Pipelined acks=all produce requests wait for their fsync without holding up the requests
/// behind them, and every answer still comes back in request order with increasing offsets.
#[tokio::test]
async fn pipelined_acks_all_answers_keep_order() {
    use strom_protocol::generated::ApiVersionsRequest;
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "pipe", 1).await;
    let now = strom::api::now_ms();
    let mut sent = Vec::new();
    for i in 0..200 {
        let id = if i % 4 == 3 {
            client
                .send(3, RequestBody::ApiVersions(ApiVersionsRequest::default()))
                .await
        } else {
            let value = format!("m{i}");
            client
                .send(
                    9,
                    produce_request_body(
                        "pipe",
                        batch(&[(None, Some(&value))], now, Compression::None),
                    ),
                )
                .await
        };
        sent.push((id, i % 4 == 3));
    }
    let mut next_offset = 0;
    for (i, (id, is_versions)) in sent.into_iter().enumerate() {
        let api = if is_versions {
            strom_protocol::ApiKey::ApiVersions
        } else {
            strom_protocol::ApiKey::Produce
        };
        let (got, body) = client.receive(api, if is_versions { 3 } else { 9 }).await;
        assert_eq!(got, id, "answer {i} out of order");
        if let ResponseBody::Produce(r) = body {
            let p = &r.responses[0].partition_responses[0];
            assert_eq!((p.error_code, p.base_offset), (0, next_offset));
            next_offset += 1;
        }
    }
    assert_eq!(next_offset, 150);
    let values = read_values(&mut client, "pipe", 0, 0).await;
    assert_eq!(values.len(), 150);
    server.shutdown().await;
}

/// A batch whose header leaves max_timestamp unset (-1, as sarama writes it) gets it filled
/// in from its records on append, so the time index and ListOffsets by timestamp work.
#[tokio::test]
async fn unset_max_timestamp_is_filled_in() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "sarama", 1).await;
    let base = strom::api::now_ms();
    let mut builder = strom_protocol::records::BatchBuilder::new(Compression::Gzip);
    for i in 0..5 {
        builder
            .append(base + i * 1000, None, Some(b"v"), Vec::new())
            .unwrap();
    }
    let mut unset = builder.build().unwrap();
    strom_protocol::records::set_max_timestamp(&mut unset, -1);
    assert_eq!(
        produce_one(&mut client, "sarama", 0, unset.into(), -1).await,
        (0, 0)
    );
    let after = batch(&[(None, Some("later"))], base + 9000, Compression::None);
    assert_eq!(
        produce_one(&mut client, "sarama", 0, after, -1).await,
        (0, 5)
    );
    let fetched = fetch_raw(&mut client, "sarama").await;
    let (header, first) = strom_protocol::records::batches(&fetched)
        .next()
        .unwrap()
        .unwrap();
    assert_eq!(header.max_timestamp, base + 4000);
    strom_protocol::records::validate_batch(first).expect("CRC recomputed");
    for (timestamp, offset) in [
        (base, 0),
        (base + 2500, 3),
        (base + 4000, 4),
        (base + 4001, 5),
    ] {
        assert_eq!(
            list_offset(&mut client, "sarama", timestamp).await,
            (0, offset),
            "{timestamp}"
        );
    }
    server.shutdown().await;
}

/// As Kafka: zstd batches need Produce v7 or later.
#[tokio::test]
async fn zstd_needs_produce_v7() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "z", 1).await;
    let zstd = batch(
        &[(None, Some("z"))],
        strom::api::now_ms(),
        Compression::Zstd,
    );
    for (version, expected) in [
        (5, (ErrorCode::UNSUPPORTED_COMPRESSION_TYPE.0, -1)),
        (7, (0, 0)),
    ] {
        let ResponseBody::Produce(r) = client
            .call(version, produce_request_body("z", zstd.clone()))
            .await
        else {
            panic!()
        };
        let p = &r.responses[0].partition_responses[0];
        assert_eq!((p.error_code, p.base_offset), expected, "v{version}");
    }
    server.shutdown().await;
}

/// Concurrent CreateTopics of one name: exactly one succeeds, and the topic it made is
/// whole (no creation removed another's partition directories).
#[tokio::test]
async fn concurrent_creates_of_one_topic_do_not_clash() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let addr = server.local_addr;
        tasks.push(tokio::spawn(async move {
            let mut client = Client::connect(addr).await;
            create_with_configs(&mut client, "raced", &[], false)
                .await
                .0
        }));
    }
    let mut codes = Vec::new();
    for task in tasks {
        codes.push(task.await.unwrap());
    }
    codes.sort();
    let mut expected = vec![ErrorCode::TOPIC_ALREADY_EXISTS.0; 7];
    expected.insert(0, 0);
    assert_eq!(codes, expected);
    let mut client = Client::connect(server.local_addr).await;
    let now = strom::api::now_ms();
    assert_eq!(
        produce_one(
            &mut client,
            "raced",
            0,
            batch(&[(None, Some("ok"))], now, Compression::None),
            -1
        )
        .await,
        (0, 0)
    );
    assert_eq!(
        read_values(&mut client, "raced", 0, 0).await,
        vec![(0, "ok".to_string())]
    );
    server.shutdown().await;
}

/// Fetch v12 of partition 0 from offset 0: the partition's error code.
async fn fetch_error(client: &mut Client, topic: &str) -> i16 {
    fetch_partition(client, topic, 0, 0, 1 << 20)
        .await
        .error_code
}

/// A failed fsync outside the flusher (here: a roll seals an active segment that is really
/// /dev/null, whose fsync fails with EINVAL) takes the whole log directory offline: that
/// produce, a later produce to another topic, and fetches of any topic answer
/// KAFKA_STORAGE_ERROR, while ApiVersions and Metadata are still served.
#[tokio::test]
async fn failed_fsync_takes_the_log_dir_offline() {
    use strom_protocol::generated::{ApiVersionsRequest, MetadataRequest};
    let dir = tempfile::tempdir().unwrap();
    // No fsync before acks, so the only fsync is the one sealing the segment on roll.
    let settings = ["strom.fsync.before.ack=none"];
    let server = start_broker(dir.path(), &settings).await;
    let mut client = Client::connect(server.local_addr).await;
    assert_eq!(
        create_with_configs(&mut client, "sink", &[("segment.bytes", "14")], false).await,
        (0, None)
    );
    create_topic_ok(&mut client, "other", 1).await;
    drop(client);
    server.shutdown().await;
    let segment = dir.path().join("sink-0").join("00000000000000000000.log");
    std::fs::remove_file(&segment).unwrap();
    std::os::unix::fs::symlink("/dev/null", &segment).unwrap();

    let server = start_broker(dir.path(), &settings).await;
    let mut client = Client::connect(server.local_addr).await;
    let now = strom::api::now_ms();
    let one = |value: &str| batch(&[(None, Some(value))], now, Compression::None);
    assert_eq!(
        produce_one(&mut client, "other", 0, one("o"), -1).await,
        (0, 0)
    );
    assert_eq!(
        produce_one(&mut client, "sink", 0, one("a"), -1).await,
        (0, 0)
    );
    assert_eq!(fetch_error(&mut client, "other").await, 0);
    // The segment is past segment.bytes: this append rolls it, and sealing it fails.
    assert_eq!(
        produce_one(&mut client, "sink", 0, one("b"), -1).await,
        (ErrorCode::KAFKA_STORAGE_ERROR.0, -1)
    );
    assert_eq!(
        produce_one(&mut client, "other", 0, one("p"), -1).await,
        (ErrorCode::KAFKA_STORAGE_ERROR.0, -1)
    );
    assert_eq!(
        produce_one(&mut client, "other", 0, one("q"), 1).await,
        (ErrorCode::KAFKA_STORAGE_ERROR.0, -1)
    );
    assert_eq!(
        fetch_error(&mut client, "other").await,
        ErrorCode::KAFKA_STORAGE_ERROR.0
    );
    assert_eq!(
        fetch_error(&mut client, "sink").await,
        ErrorCode::KAFKA_STORAGE_ERROR.0
    );
    match client
        .call(3, RequestBody::ApiVersions(ApiVersionsRequest::default()))
        .await
    {
        ResponseBody::ApiVersions(r) => assert_eq!(r.error_code, 0),
        other => panic!("unexpected {other:?}"),
    }
    match client
        .call(
            12,
            RequestBody::Metadata(MetadataRequest {
                topics: None,
                ..Default::default()
            }),
        )
        .await
    {
        ResponseBody::Metadata(r) => {
            let mut names: Vec<&str> = r.topics.iter().filter_map(|t| t.name.as_deref()).collect();
            names.sort_unstable();
            assert_eq!(names, vec!["other", "sink"]);
        }
        other => panic!("unexpected {other:?}"),
    }
    drop(client);
    server.shutdown().await;
}

/// Polls (bounded: 20 s) until `read` gives `expected`; background work decides when.
async fn wait_for_values(
    client: &mut Client,
    topic: &str,
    expected: &[(i64, String)],
) -> Vec<(i64, String)> {
    let deadline = tokio::time::Instant::now() + Duration::from_secs(20);
    loop {
        let (error, start) = list_offset(client, topic, -2).await;
        assert_eq!(error, 0);
        // Retention may move the log start between the two requests: then list again.
        let values = match try_read_values(client, topic, 0, start).await {
            Ok(values) => values,
            Err(1) => Vec::new(),
            Err(code) => panic!("fetch error {code}"),
        };
        if values == expected || tokio::time::Instant::now() >= deadline {
            return values;
        }
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

fn owned(values: &[(i64, &str)]) -> Vec<(i64, String)> {
    values.iter().map(|(o, v)| (*o, v.to_string())).collect()
}

/// `log.flush.interval.messages` makes the log flush on its own, with no acks=all request
/// waiting (fsync before ack is off): two messages leave nothing flushed (no recovery
/// point), the third triggers a flush that records a recovery point covering all three.
#[tokio::test]
async fn flush_interval_messages_flushes_without_acks_all() {
    use strom::log::recovery_point::{RecoveryPoint, RECOVERY_POINT_CHECKPOINT};
    let dir = tempfile::tempdir().unwrap();
    let settings = [
        "strom.fsync.before.ack=none",
        "log.flush.interval.messages=3",
    ];
    let server = start_broker(dir.path(), &settings).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "counted", 1).await;
    let partition_dir = dir.path().join("counted-0");
    let point_path = partition_dir.join(RECOVERY_POINT_CHECKPOINT);
    let now = strom::api::now_ms();
    for i in 0..2 {
        let value = format!("m{i}");
        let records = batch(&[(None, Some(&value))], now, Compression::None);
        assert_eq!(
            produce_one(&mut client, "counted", 0, records, 1).await,
            (0, i)
        );
    }
    assert!(
        !point_path.exists(),
        "flushed before log.flush.interval.messages"
    );
    let records = batch(&[(None, Some("m2"))], now, Compression::None);
    assert_eq!(
        produce_one(&mut client, "counted", 0, records, 1).await,
        (0, 2)
    );
    // The flusher thread records the point after its fsync; wait for it (bounded).
    let deadline = std::time::Instant::now() + Duration::from_secs(20);
    let point = loop {
        let point = std::fs::read(&point_path)
            .ok()
            .and_then(|c| RecoveryPoint::decode(&c));
        if let Some(point) = point {
            break point;
        }
        assert!(
            std::time::Instant::now() < deadline,
            "no flush after 3 messages"
        );
        tokio::time::sleep(Duration::from_millis(10)).await;
    };
    let segment_len = std::fs::metadata(partition_dir.join("00000000000000000000.log"))
        .unwrap()
        .len();
    assert_eq!(
        point,
        RecoveryPoint {
            base_offset: 0,
            position: segment_len,
            next_offset: 3,
        }
    );
    server.shutdown().await;
}

/// The broker's `log.retention.ms` is the default of a topic created without one: records
/// two hours old go with their segments under a one-hour broker setting (the built-in
/// 7-day default would keep them), the recent active segment stays.
#[tokio::test]
async fn broker_retention_default_applies_to_new_topics() {
    let dir = tempfile::tempdir().unwrap();
    let settings = [
        "log.retention.ms=3600000",
        "log.retention.check.interval.ms=20",
        "log.segment.bytes=100",
    ];
    let server = start_broker(dir.path(), &settings).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "aged", 1).await;
    let now = strom::api::now_ms();
    let two_hours_ago = now - 2 * 3_600_000;
    for (i, (value, ts)) in [
        ("old0", two_hours_ago),
        ("old1", two_hours_ago),
        ("new", now),
    ]
    .iter()
    .enumerate()
    {
        let records = batch(&[(None, Some(value))], *ts, Compression::None);
        assert_eq!(
            produce_one(&mut client, "aged", 0, records, -1).await,
            (0, i as i64)
        );
    }
    let expected = owned(&[(2, "new")]);
    assert_eq!(
        wait_for_values(&mut client, "aged", &expected).await,
        expected
    );
    assert_eq!(list_offset(&mut client, "aged", -2).await, (0, 2));
    assert_eq!(list_offset(&mut client, "aged", -1).await, (0, 3));
    server.shutdown().await;
}

/// `cleanup.policy=compact,delete` does both: retention deletes the expired segment (a key
/// that compaction alone would keep), compaction keeps the latest value per key of the
/// rest, and the active segment is untouched.
#[tokio::test]
async fn compact_delete_compacts_and_expires() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["log.retention.check.interval.ms=20"]).await;
    let mut client = Client::connect(server.local_addr).await;
    assert_eq!(
        create_with_configs(
            &mut client,
            "both",
            &[
                ("cleanup.policy", "compact,delete"),
                ("retention.ms", "3600000"),
                ("segment.bytes", "100"),
                ("min.cleanable.dirty.ratio", "0.01")
            ],
            false
        )
        .await,
        (0, None)
    );
    let now = strom::api::now_ms();
    let old = now - 2 * 3_600_000;
    // One record a batch, one batch a segment.
    let writes = [
        ("expired", "a", old),
        ("k1", "b", now),
        ("k2", "c", now),
        ("k2", "d", now),
        ("k1", "e", now),
        ("last", "f", now),
    ];
    for (i, (key, value, ts)) in writes.iter().enumerate() {
        let records = batch(&[(Some(key), Some(value))], *ts, Compression::None);
        assert_eq!(
            produce_one(&mut client, "both", 0, records, -1).await,
            (0, i as i64)
        );
    }
    let expected = owned(&[(3, "d"), (4, "e"), (5, "f")]);
    assert_eq!(
        wait_for_values(&mut client, "both", &expected).await,
        expected
    );
    assert_eq!(list_offset(&mut client, "both", -2).await, (0, 1));
    assert_eq!(list_offset(&mut client, "both", -1).await, (0, 6));
    server.shutdown().await;
}
