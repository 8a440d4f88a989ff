//! The single-node broker driven over TCP with the protocol crate: every API of the first
//! milestone, its error cases, restart, pipelining and bad input.

mod common;

use common::{batch, create_topic, produce_request, start_broker, Client};
use std::time::Duration;
use strom_protocol::generated::create_topics_request::CreatableTopic;
use strom_protocol::generated::delete_topics_request::DeleteTopicState;
use strom_protocol::generated::fetch_request::{FetchPartition, FetchTopic};
use strom_protocol::generated::list_offsets_request::{ListOffsetsPartition, ListOffsetsTopic};
use strom_protocol::generated::metadata_request::MetadataRequestTopic;
use strom_protocol::generated::produce_request::{PartitionProduceData, TopicProduceData};
use strom_protocol::generated::*;
use strom_protocol::records::{self, Compression};
use strom_protocol::{ApiKey, ErrorCode, RequestBody, ResponseBody, Uuid};

async fn metadata(
    client: &mut Client,
    topics: Option<&[&str]>,
    auto_create: bool,
) -> MetadataResponse {
    let request = MetadataRequest {
        topics: topics.map(|names| {
            names
                .iter()
                .map(|n| MetadataRequestTopic {
                    name: Some(n.to_string()),
                    ..Default::default()
                })
                .collect()
        }),
        allow_auto_topic_creation: auto_create,
        ..Default::default()
    };
    match client.call(12, RequestBody::Metadata(request)).await {
        ResponseBody::Metadata(r) => r,
        other => panic!("unexpected {other:?}"),
    }
}

/// Produces one batch (v9) and returns (error code, base offset).
async fn produce(
    client: &mut Client,
    topic: &str,
    partition: i32,
    records: bytes::Bytes,
) -> (i16, i64) {
    match client
        .call(9, produce_request(topic, partition, records, -1))
        .await
    {
        ResponseBody::Produce(r) => {
            let p = &r.responses[0].partition_responses[0];
            (p.error_code, p.base_offset)
        }
        other => panic!("unexpected {other:?}"),
    }
}

fn fetch_request(
    topic: &str,
    partition: i32,
    offset: i64,
    max_wait_ms: i32,
    partition_max_bytes: i32,
) -> RequestBody {
    RequestBody::Fetch(FetchRequest {
        replica_id: -1,
        max_wait_ms,
        min_bytes: 1,
        max_bytes: 50 << 20,
        topics: vec![FetchTopic {
            topic: topic.into(),
            partitions: vec![FetchPartition {
                partition,
                fetch_offset: offset,
                partition_max_bytes,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    })
}

/// Fetches (v12) one partition; returns its response data.
async fn fetch(
    client: &mut Client,
    topic: &str,
    partition: i32,
    offset: i64,
    max_bytes: i32,
) -> fetch_response::PartitionData {
    match client
        .call(12, fetch_request(topic, partition, offset, 0, max_bytes))
        .await
    {
        ResponseBody::Fetch(mut r) => r.responses.remove(0).partitions.remove(0),
        other => panic!("unexpected {other:?}"),
    }
}

/// (base offset, [(key, value)]) of every batch in a fetch's records.
type KeyValues = Vec<(Option<String>, Option<String>)>;

fn contents(records: &[u8]) -> Vec<(i64, KeyValues)> {
    records::batches(records)
        .map(|item| {
            let (header, batch) = item.expect("whole batches");
            let decoded = records::decode_records(batch).expect("records decode");
            let text = |b: &Option<bytes::Bytes>| {
                b.as_ref().map(|b| String::from_utf8_lossy(b).into_owned())
            };
            (
                header.base_offset,
                decoded
                    .iter()
                    .map(|r| (text(&r.key), text(&r.value)))
                    .collect(),
            )
        })
        .collect()
}

/// ApiVersions answers every version from 0 to 4 with exactly the implemented APIs and the
/// codec's version ranges.
#[tokio::test]
async fn api_versions_advertises_exactly_the_implemented_apis() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    for version in 0..=4 {
        let ResponseBody::ApiVersions(r) = client
            .call(
                version,
                RequestBody::ApiVersions(ApiVersionsRequest::default()),
            )
            .await
        else {
            panic!("not an ApiVersions response")
        };
        assert_eq!(r.error_code, 0);
        let keys: Vec<(i16, i16, i16)> = r
            .api_keys
            .iter()
            .map(|k| (k.api_key, k.min_version, k.max_version))
            .collect();
        assert_eq!(
            keys,
            vec![
                (0, 3, 13),
                (1, 4, 18),
                (2, 1, 10),
                (3, 0, 13),
                (8, 2, 9),
                (9, 1, 9),
                (10, 0, 6),
                (11, 0, 9),
                (12, 0, 4),
                (13, 0, 5),
                (14, 0, 5),
                (15, 0, 6),
                (16, 0, 5),
                (18, 0, 4),
                (19, 2, 7),
                (20, 1, 6),
                (21, 0, 2),
                (22, 0, 5),
                (42, 0, 2),
                (47, 0, 0),
                (32, 1, 4),
                (33, 0, 2),
                (44, 0, 1),
                (37, 0, 3),
                (35, 1, 4),
                (43, 0, 2),
                (60, 0, 2),
                (61, 0, 0),
                (55, 0, 2),
                (75, 0, 0)
            ],
            "v{version}"
        );
    }
    server.shutdown().await;
}

/// An ApiVersions request of an unknown version gets UNSUPPORTED_VERSION with the ranges in
/// the v0 format, and the connection stays usable.
#[tokio::test]
async fn api_versions_unknown_version_falls_back_to_v0() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    use tokio::io::AsyncWriteExt;
    // Header v2 (flexible) for ApiVersions v99: key 18, version 99, correlation id 5,
    // client id "x", no tagged fields; body: empty compact strings and no tagged fields.
    let body: &[u8] = &[0, 18, 0, 99, 0, 0, 0, 5, 0, 1, b'x', 0, 1, 1, 0];
    let mut frame = (body.len() as i32).to_be_bytes().to_vec();
    frame.extend_from_slice(body);
    client.stream.write_all(&frame).await.unwrap();
    let frame = client.read_frame().await.unwrap();
    let (header, body) =
        strom_protocol::decode_response(&frame, ApiKey::ApiVersions, 0).expect("v0 body");
    assert_eq!(header.correlation_id, 5);
    let ResponseBody::ApiVersions(body) = body else {
        panic!()
    };
    assert_eq!(body.error_code, ErrorCode::UNSUPPORTED_VERSION.0);
    assert_eq!(
        body.api_keys.len(),
        strom::api::api_versions::IMPLEMENTED.len()
    );
    let ResponseBody::ApiVersions(ok) = client
        .call(3, RequestBody::ApiVersions(ApiVersionsRequest::default()))
        .await
    else {
        panic!()
    };
    assert_eq!(ok.error_code, 0);
    server.shutdown().await;
}

/// Metadata auto-creates an unknown topic only when allowed, rejects illegal names, and
/// describes the single broker as leader and only in-sync replica.
#[tokio::test]
async fn metadata_auto_creates_and_reports_errors() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["num.partitions=2"]).await;
    let mut client = Client::connect(server.local_addr).await;

    let r = metadata(&mut client, Some(&["not-yet"]), false).await;
    assert_eq!(
        r.topics[0].error_code,
        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0
    );

    let r = metadata(&mut client, Some(&["auto-made"]), true).await;
    let topic = &r.topics[0];
    assert_eq!(topic.error_code, 0);
    assert_eq!(topic.name.as_deref(), Some("auto-made"));
    assert!(!topic.topic_id.is_zero());
    assert_eq!(topic.partitions.len(), 2);
    assert_eq!(
        (
            topic.partitions[1].partition_index,
            topic.partitions[1].leader_id
        ),
        (1, 1)
    );
    assert_eq!(topic.partitions[0].isr_nodes, vec![1]);
    assert_eq!(r.brokers.len(), 1);
    assert_eq!(
        (
            r.brokers[0].node_id,
            r.brokers[0].host.as_str(),
            r.brokers[0].port
        ),
        (1, "127.0.0.1", 0)
    );
    assert_eq!(r.controller_id, 1);
    assert_eq!(r.cluster_id.as_ref().map(String::len), Some(22));

    let again = metadata(&mut client, None, false).await;
    assert_eq!(again.topics.len(), 1);
    assert_eq!(again.topics[0].topic_id, topic.topic_id);

    let r = metadata(&mut client, Some(&["bad name!"]), true).await;
    assert_eq!(r.topics[0].error_code, ErrorCode::INVALID_TOPIC_EXCEPTION.0);
    server.shutdown().await;
}

/// CreateTopics and DeleteTopics report Kafka's errors; validate_only leaves no trace; a
/// topic created again after deletion starts empty.
#[tokio::test]
async fn create_and_delete_topics() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;

    let created = create_topic(&mut client, "orders", 3).await;
    assert_eq!(
        (
            created.topics[0].error_code,
            created.topics[0].num_partitions
        ),
        (0, 3)
    );
    // Never null (that breaks the Java AdminClient): the topic's effective configs.
    let configs = created.topics[0].configs.as_ref().expect("configs");
    assert_eq!(configs.len(), 13);
    let policy = configs.iter().find(|c| c.name == "cleanup.policy").unwrap();
    assert_eq!(
        (policy.value.as_deref(), policy.config_source),
        (Some("delete"), 5)
    );
    assert_eq!(
        create_topic(&mut client, "orders", 3).await.topics[0].error_code,
        ErrorCode::TOPIC_ALREADY_EXISTS.0
    );
    assert_eq!(
        create_topic(&mut client, "a/b", 1).await.topics[0].error_code,
        ErrorCode::INVALID_TOPIC_EXCEPTION.0
    );
    assert_eq!(
        create_topic(&mut client, "zero", 0).await.topics[0].error_code,
        ErrorCode::INVALID_PARTITIONS.0
    );

    let request = CreateTopicsRequest {
        topics: vec![CreatableTopic {
            name: "rf3".into(),
            num_partitions: 1,
            replication_factor: 3,
            ..Default::default()
        }],
        ..Default::default()
    };
    let ResponseBody::CreateTopics(r) = client.call(7, RequestBody::CreateTopics(request)).await
    else {
        panic!()
    };
    assert_eq!(
        r.topics[0].error_code,
        ErrorCode::INVALID_REPLICATION_FACTOR.0
    );

    let request = CreateTopicsRequest {
        topics: vec![CreatableTopic {
            name: "dry".into(),
            num_partitions: 2,
            replication_factor: -1,
            ..Default::default()
        }],
        validate_only: true,
        ..Default::default()
    };
    let ResponseBody::CreateTopics(r) = client.call(7, RequestBody::CreateTopics(request)).await
    else {
        panic!()
    };
    assert_eq!((r.topics[0].error_code, r.topics[0].num_partitions), (0, 2));
    assert_eq!(
        metadata(&mut client, Some(&["dry"]), false).await.topics[0].error_code,
        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0
    );

    assert_eq!(
        produce(
            &mut client,
            "orders",
            0,
            batch(&[(Some("k"), Some("v"))], 1, Compression::None)
        )
        .await,
        (0, 0)
    );
    let ResponseBody::DeleteTopics(r) = client
        .call(
            6,
            RequestBody::DeleteTopics(DeleteTopicsRequest {
                topics: vec![DeleteTopicState {
                    name: None,
                    topic_id: created.topics[0].topic_id,
                    ..Default::default()
                }],
                ..Default::default()
            }),
        )
        .await
    else {
        panic!()
    };
    assert_eq!(
        (r.responses[0].error_code, r.responses[0].name.as_deref()),
        (0, Some("orders"))
    );
    let ResponseBody::DeleteTopics(r) = client
        .call(
            5,
            RequestBody::DeleteTopics(DeleteTopicsRequest {
                topic_names: vec!["orders".into()],
                ..Default::default()
            }),
        )
        .await
    else {
        panic!()
    };
    assert_eq!(
        r.responses[0].error_code,
        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0
    );

    let again = create_topic(&mut client, "orders", 1).await;
    assert_ne!(again.topics[0].topic_id, created.topics[0].topic_id);
    assert_eq!(
        fetch(&mut client, "orders", 0, 0, 1 << 20)
            .await
            .high_watermark,
        0
    );
    server.shutdown().await;
}

/// Batches come back from Fetch exactly as produced, with consecutive offsets assigned, and
/// with every codec.
#[tokio::test]
async fn produce_then_fetch_round_trips_batches() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic(&mut client, "events", 1).await;
    let codecs = [
        Compression::None,
        Compression::Gzip,
        Compression::Snappy,
        Compression::Lz4,
        Compression::Zstd,
    ];
    for (i, codec) in codecs.into_iter().enumerate() {
        let records = batch(
            &[
                (Some("k1"), Some("v1")),
                (None, Some("v2")),
                (Some("k3"), None),
            ],
            1000,
            codec,
        );
        assert_eq!(
            produce(&mut client, "events", 0, records).await,
            (0, 3 * i as i64)
        );
    }
    let data = fetch(&mut client, "events", 0, 0, 1 << 20).await;
    assert_eq!(
        (data.error_code, data.high_watermark, data.log_start_offset),
        (0, 15, 0)
    );
    let got = contents(data.records.as_deref().unwrap());
    assert_eq!(got.len(), 5);
    for (i, (base, recs)) in got.iter().enumerate() {
        assert_eq!(*base, 3 * i as i64);
        assert_eq!(
            recs,
            &vec![
                (Some("k1".into()), Some("v1".into())),
                (None, Some("v2".into())),
                (Some("k3".into()), None)
            ]
        );
    }
    // From the middle of a batch the whole batch is returned; at the end, nothing.
    let mid = fetch(&mut client, "events", 0, 7, 1 << 20).await;
    assert_eq!(contents(mid.records.as_deref().unwrap())[0].0, 6);
    assert_eq!(
        fetch(&mut client, "events", 0, 15, 1 << 20)
            .await
            .records
            .as_deref()
            .map(<[u8]>::len),
        Some(0)
    );
    // A byte limit smaller than one batch still returns that one whole batch.
    let small = fetch(&mut client, "events", 0, 0, 10).await;
    assert_eq!(contents(small.records.as_deref().unwrap()).len(), 1);
    assert_eq!(
        fetch(&mut client, "events", 0, 16, 1 << 20)
            .await
            .error_code,
        ErrorCode::OFFSET_OUT_OF_RANGE.0
    );
    server.shutdown().await;
}

/// Produce errors: unknown topic or partition, bad CRC, oversized batch, bad acks.
#[tokio::test]
async fn produce_errors_are_kafkas() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["message.max.bytes=2000"]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic(&mut client, "t", 1).await;
    let good = batch(&[(Some("k"), Some("v"))], 1, Compression::None);
    assert_eq!(
        produce(&mut client, "nope", 0, good.clone()).await.0,
        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0
    );
    assert_eq!(
        produce(&mut client, "t", 7, good.clone()).await.0,
        ErrorCode::UNKNOWN_TOPIC_OR_PARTITION.0
    );
    let mut corrupt = good.to_vec();
    let last = corrupt.len() - 1;
    corrupt[last] ^= 0xff;
    assert_eq!(
        produce(&mut client, "t", 0, corrupt.into()).await.0,
        ErrorCode::CORRUPT_MESSAGE.0
    );
    let big = "x".repeat(3000);
    assert_eq!(
        produce(
            &mut client,
            "t",
            0,
            batch(&[(None, Some(&big))], 1, Compression::None)
        )
        .await
        .0,
        ErrorCode::MESSAGE_TOO_LARGE.0
    );
    let ResponseBody::Produce(r) = client
        .call(9, produce_request("t", 0, good.clone(), 2))
        .await
    else {
        panic!()
    };
    assert_eq!(
        r.responses[0].partition_responses[0].error_code,
        ErrorCode::INVALID_REQUIRED_ACKS.0
    );
    // None of the rejected batches reached the log.
    assert_eq!(produce(&mut client, "t", 0, good).await, (0, 0));
    server.shutdown().await;
}

/// acks=0 gets no response: the next frame on the connection answers the next request.
#[tokio::test]
async fn acks_zero_gets_no_response() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic(&mut client, "fire", 1).await;
    client
        .send(
            9,
            produce_request(
                "fire",
                0,
                batch(&[(None, Some("a"))], 1, Compression::None),
                0,
            ),
        )
        .await;
    let data = fetch(&mut client, "fire", 0, 0, 1 << 20).await;
    assert_eq!(data.high_watermark, 1);
    server.shutdown().await;
}

/// A long-polling fetch is answered as soon as data arrives, far before its max wait.
#[tokio::test]
async fn fetch_long_poll_wakes_on_produce() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut consumer = Client::connect(server.local_addr).await;
    let mut producer = Client::connect(server.local_addr).await;
    create_topic(&mut producer, "live", 1).await;
    consumer
        .send(12, fetch_request("live", 0, 0, 60_000, 1 << 20))
        .await;
    tokio::time::sleep(Duration::from_millis(100)).await;
    produce(
        &mut producer,
        "live",
        0,
        batch(&[(Some("k"), Some("hello"))], 5, Compression::None),
    )
    .await;
    // The fetch waits up to 60 s; only a wake-up on append answers it within 20 s.
    let (_, response) =
        tokio::time::timeout(Duration::from_secs(20), consumer.receive(ApiKey::Fetch, 12))
            .await
            .expect("fetch answered when data arrived");
    let ResponseBody::Fetch(r) = response else {
        panic!()
    };
    let got = contents(r.responses[0].partitions[0].records.as_deref().unwrap());
    assert_eq!(
        got,
        vec![(0, vec![(Some("k".into()), Some("hello".into()))])]
    );
    server.shutdown().await;
}

/// ListOffsets: earliest, latest, max timestamp and by timestamp.
#[tokio::test]
async fn list_offsets_by_kind_and_time() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic(&mut client, "times", 1).await;
    produce(
        &mut client,
        "times",
        0,
        batch(
            &[(None, Some("a")), (None, Some("b"))],
            1000,
            Compression::None,
        ),
    )
    .await;
    produce(
        &mut client,
        "times",
        0,
        batch(
            &[(None, Some("c")), (None, Some("d"))],
            5000,
            Compression::None,
        ),
    )
    .await;
    let query = |timestamp: i64| {
        RequestBody::ListOffsets(ListOffsetsRequest {
            replica_id: -1,
            topics: vec![ListOffsetsTopic {
                name: "times".into(),
                partitions: vec![ListOffsetsPartition {
                    partition_index: 0,
                    timestamp,
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        })
    };
    let mut answers = Vec::new();
    for ts in [-2, -1, -3, 0, 1001, 4000, 5001, 9999] {
        let ResponseBody::ListOffsets(r) = client.call(8, query(ts)).await else {
            panic!()
        };
        let p = &r.topics[0].partitions[0];
        assert_eq!(p.error_code, 0);
        answers.push((p.offset, p.timestamp));
    }
    assert_eq!(answers[0], (0, -1));
    assert_eq!(answers[1], (4, -1));
    assert_eq!(answers[2], (3, 5001));
    // By time: the first record whose timestamp reaches the target, with its timestamp.
    assert_eq!(answers[3], (0, 1000));
    assert_eq!(answers[4], (1, 1001));
    assert_eq!(answers[5], (2, 5000));
    assert_eq!(answers[6], (3, 5001));
    assert_eq!(answers[7], (-1, -1));
    server.shutdown().await;
}

/// Data, topics and topic ids survive a restart on the same directory.
#[tokio::test]
async fn restart_keeps_topics_and_data() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    let id = create_topic(&mut client, "durable", 2).await.topics[0].topic_id;
    for i in 0..10 {
        let value = format!("v{i}");
        produce(
            &mut client,
            "durable",
            i % 2,
            batch(&[(None, Some(&value))], i as i64, Compression::None),
        )
        .await;
    }
    drop(client);
    server.shutdown().await;

    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    let meta = metadata(&mut client, None, false).await;
    assert_eq!(meta.topics.len(), 1);
    assert_eq!(meta.topics[0].topic_id, id);
    let data = fetch(&mut client, "durable", 1, 0, 1 << 20).await;
    assert_eq!(data.high_watermark, 5);
    let values: Vec<_> = contents(data.records.as_deref().unwrap())
        .into_iter()
        .map(|(_, r)| r[0].1.clone().unwrap())
        .collect();
    assert_eq!(values, vec!["v1", "v3", "v5", "v7", "v9"]);
    assert_eq!(
        produce(
            &mut client,
            "durable",
            1,
            batch(&[(None, Some("after"))], 99, Compression::None)
        )
        .await,
        (0, 5)
    );
    server.shutdown().await;
}

/// Pipelined requests are answered in request order.
#[tokio::test]
async fn pipelined_requests_are_answered_in_order() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic(&mut client, "pipe", 1).await;
    let mut sent = Vec::new();
    for i in 0..60 {
        let id = match i % 3 {
            0 => {
                client
                    .send(
                        9,
                        produce_request(
                            "pipe",
                            0,
                            batch(&[(None, Some("x"))], i, Compression::None),
                            1,
                        ),
                    )
                    .await
            }
            1 => {
                client
                    .send(3, RequestBody::ApiVersions(ApiVersionsRequest::default()))
                    .await
            }
            _ => {
                client
                    .send(12, fetch_request("pipe", 0, 0, 0, 1 << 20))
                    .await
            }
        };
        sent.push((id, (i % 3) as usize));
    }
    for (i, (id, kind)) in sent.into_iter().enumerate() {
        let (api, version) = [
            (ApiKey::Produce, 9),
            (ApiKey::ApiVersions, 3),
            (ApiKey::Fetch, 12),
        ][kind];
        let (got, body) = client.receive(api, version).await;
        assert_eq!(got, id, "response {i} out of order");
        if let ResponseBody::Produce(r) = body {
            assert_eq!(
                r.responses[0].partition_responses[0].base_offset,
                (i / 3) as i64
            );
        }
    }
    server.shutdown().await;
}

/// Garbage, oversized or negative lengths, unknown API keys and unsupported versions close
/// only the offending connection; the broker keeps serving other clients.
#[tokio::test]
async fn bad_input_closes_only_that_connection() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["socket.request.max.bytes=1000000"]).await;
    let mut healthy = Client::connect(server.local_addr).await;
    let bad_inputs: Vec<Vec<u8>> = vec![
        0x7fff_ffffi32.to_be_bytes().to_vec(), // oversized length
        (-5i32).to_be_bytes().to_vec(),        // negative length
        [
            &12i32.to_be_bytes()[..],
            &[0x03, 0xe7, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0],
        ]
        .concat(), // api key 999
        [&8i32.to_be_bytes()[..], &[0, 3, 0, 99, 0, 0, 0, 1]].concat(), // Metadata v99
        [
            &10i32.to_be_bytes()[..],
            &[0, 3, 0, 12, 0, 0, 0, 1, 0xff, 0xff],
        ]
        .concat(), // truncated Metadata
        [&20i32.to_be_bytes()[..], &[0xab; 20]].concat(), // garbage
    ];
    for (i, input) in bad_inputs.into_iter().enumerate() {
        let mut bad = Client::connect(server.local_addr).await;
        bad.stream.write_all(&input).await.unwrap();
        let mut buf = [0u8; 64];
        let read = tokio::time::timeout(Duration::from_secs(10), bad.stream.read(&mut buf))
            .await
            .expect("closed promptly");
        assert!(
            matches!(read, Ok(0) | Err(_)),
            "input {i}: connection must be closed, got {read:?}"
        );
        let ResponseBody::ApiVersions(r) = healthy
            .call(3, RequestBody::ApiVersions(ApiVersionsRequest::default()))
            .await
        else {
            panic!()
        };
        assert_eq!(r.error_code, 0, "after input {i}");
    }
    server.shutdown().await;
}

/// Produce and Fetch by topic id (Produce v13, Fetch v13+), unknown ids reported as such.
#[tokio::test]
async fn produce_and_fetch_by_topic_id() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    let id = create_topic(&mut client, "ids", 1).await.topics[0].topic_id;
    for (topic_id, expected) in [(id, 0), (Uuid([9; 16]), ErrorCode::UNKNOWN_TOPIC_ID.0)] {
        let request = RequestBody::Produce(ProduceRequest {
            acks: 1,
            topic_data: vec![TopicProduceData {
                topic_id,
                partition_data: vec![PartitionProduceData {
                    index: 0,
                    records: Some(batch(&[(Some("a"), Some("b"))], 1, Compression::None)),
                    ..Default::default()
                }],
                ..Default::default()
            }],
            ..Default::default()
        });
        let ResponseBody::Produce(r) = client.call(13, request).await else {
            panic!()
        };
        assert_eq!(r.responses[0].topic_id, topic_id);
        assert_eq!(r.responses[0].partition_responses[0].error_code, expected);
    }
    let request = RequestBody::Fetch(FetchRequest {
        replica_id: -1,
        max_bytes: 1 << 20,
        topics: vec![FetchTopic {
            topic_id: id,
            partitions: vec![FetchPartition {
                partition: 0,
                partition_max_bytes: 1 << 20,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    });
    let ResponseBody::Fetch(r) = client.call(16, request).await else {
        panic!()
    };
    assert_eq!(r.responses[0].topic_id, id);
    assert_eq!(
        contents(r.responses[0].partitions[0].records.as_deref().unwrap()).len(),
        1
    );
    server.shutdown().await;
}

/// A fetch with min_bytes 0 is answered at once even when there is no data, whatever its
/// max wait.
#[tokio::test]
async fn fetch_with_zero_min_bytes_answers_immediately() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic(&mut client, "empty", 1).await;
    let RequestBody::Fetch(mut request) = fetch_request("empty", 0, 0, 60_000, 1 << 20) else {
        unreachable!()
    };
    request.min_bytes = 0;
    client.send(12, RequestBody::Fetch(request)).await;
    let (_, response) =
        tokio::time::timeout(Duration::from_secs(20), client.receive(ApiKey::Fetch, 12))
            .await
            .expect("answered without waiting for data");
    let ResponseBody::Fetch(r) = response else {
        panic!()
    };
    let p = &r.responses[0].partitions[0];
    assert_eq!(
        (
            p.error_code,
            p.high_watermark,
            p.records.as_deref().map(<[u8]>::len)
        ),
        (0, 0, Some(0))
    );
    server.shutdown().await;
}

/// Connections beyond `max.connections` are closed at accept; the admitted one keeps working.
#[tokio::test]
async fn connection_limit_closes_extra_connections() {
    use tokio::io::AsyncReadExt;
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["max.connections=1"]).await;
    let mut first = Client::connect(server.local_addr).await;
    let ResponseBody::ApiVersions(r) = first
        .call(3, RequestBody::ApiVersions(ApiVersionsRequest::default()))
        .await
    else {
        panic!()
    };
    assert_eq!(r.error_code, 0);
    let mut second = Client::connect(server.local_addr).await;
    let mut buf = [0u8; 8];
    let read = tokio::time::timeout(Duration::from_secs(10), second.stream.read(&mut buf))
        .await
        .expect("closed promptly");
    assert!(
        matches!(read, Ok(0) | Err(_)),
        "second connection must be closed, got {read:?}"
    );
    let ResponseBody::ApiVersions(r) = first
        .call(3, RequestBody::ApiVersions(ApiVersionsRequest::default()))
        .await
    else {
        panic!()
    };
    assert_eq!(r.error_code, 0);
    server.shutdown().await;
}

/// The request-level `max_bytes` bounds the whole response: once the first partition's batch
/// fills it, later partitions return no records (but still their offsets).
#[tokio::test]
async fn fetch_max_bytes_bounds_the_whole_response() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic(&mut client, "two", 2).await;
    let records = batch(&[(Some("k"), Some("value"))], 1, Compression::None);
    let batch_len = records.len() as i32;
    assert_eq!(
        produce(&mut client, "two", 0, records.clone()).await,
        (0, 0)
    );
    assert_eq!(produce(&mut client, "two", 1, records).await, (0, 0));
    let partition = |p: i32| FetchPartition {
        partition: p,
        partition_max_bytes: 1 << 20,
        ..Default::default()
    };
    let request = FetchRequest {
        replica_id: -1,
        min_bytes: 1,
        max_bytes: batch_len + 1,
        topics: vec![FetchTopic {
            topic: "two".into(),
            partitions: vec![partition(0), partition(1)],
            ..Default::default()
        }],
        ..Default::default()
    };
    let ResponseBody::Fetch(r) = client.call(12, RequestBody::Fetch(request)).await else {
        panic!()
    };
    let got: Vec<(i32, usize, i64)> = r.responses[0]
        .partitions
        .iter()
        .map(|p| {
            (
                p.partition_index,
                p.records.as_deref().map_or(0, <[u8]>::len),
                p.high_watermark,
            )
        })
        .collect();
    assert_eq!(got, vec![(0, batch_len as usize, 1), (1, 0, 1)]);
    server.shutdown().await;
}

/// librdkafka 2.x's all-topics Metadata request (v12 here) carries 3 bytes after its body
/// (confluentinc/librdkafka#5049); Kafka ignores them, and so does strom: the request is
/// answered and the connection stays open.
#[tokio::test]
async fn metadata_with_trailing_bytes_is_answered() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic(&mut client, "listed", 1).await;
    let request = MetadataRequest {
        topics: None,
        allow_auto_topic_creation: false,
        ..Default::default()
    };
    let header = strom_protocol::RequestHeader {
        api_key: 3,
        api_version: 12,
        correlation_id: 77,
        client_id: Some("rdkafka".into()),
        ..Default::default()
    };
    let mut buf = bytes::BytesMut::new();
    strom_protocol::encode_request(&mut buf, &header, &RequestBody::Metadata(request)).unwrap();
    // librdkafka's extra bytes, with the size prefix grown to match.
    buf.extend_from_slice(&[0, 0, 0]);
    let size = (buf.len() - 4) as i32;
    buf[..4].copy_from_slice(&size.to_be_bytes());
    use tokio::io::AsyncWriteExt;
    client.stream.write_all(&buf).await.unwrap();
    let (id, body) = client.receive(ApiKey::Metadata, 12).await;
    assert_eq!(id, 77);
    let ResponseBody::Metadata(r) = body else {
        panic!()
    };
    assert_eq!(r.topics.len(), 1);
    assert_eq!(r.topics[0].name.as_deref(), Some("listed"));
    let meta = metadata(&mut client, None, false).await;
    assert_eq!(meta.topics.len(), 1, "the connection is still usable");
    server.shutdown().await;
}
