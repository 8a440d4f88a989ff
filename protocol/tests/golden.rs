//! Golden frames from real clients: the bytes kcat, confluent-kafka, kafka-python, kafkajs
//! and the Java client wrote (and strom answered), captured by `scripts/capture-golden` into
//! `tests/golden/<client>/`. Every frame must decode through the public API
//! (`decode_request`, `decode_response`, the records module) to the values the capture
//! scenario put in, and encode back to the very same bytes. Needs no client installed.

#[path = "golden/frames.rs"]
mod frames;

use bytes::Bytes;
use frames::{decode_all, Exchange};
use std::collections::{BTreeMap, BTreeSet};
use strom_protocol::generated::metadata_response::MetadataResponse;
use strom_protocol::records::{self, Compression, Record};
use strom_protocol::{RequestBody, ResponseBody, Uuid};

/// Create timestamp of the first record of every topic; the next ones add 1 and 2 ms.
const BASE_TIMESTAMP_MS: i64 = 1_600_000_000_000;
const ALL_CODECS: &[&str] = &["none", "gzip", "snappy", "lz4", "zstd"];
/// Every value ends in this, so that every codec shrinks the batch (librdkafka sends a
/// batch uncompressed when compressing would not make it smaller).
const PADDING: &str = "goldengoldengoldengoldengoldengoldengoldengoldengoldengolden";

/// What the capture scenario did with one client, and so what its frames must say.
struct Spec {
    client: &'static str,
    /// Every (api key, version) the client sent, exactly.
    apis: &'static [(i16, i16)],
    /// `client_software_name` and `_version` of its ApiVersions requests (v3+).
    software: (&'static str, &'static str),
    /// The codecs it was asked to produce with.
    codecs: &'static [&'static str],
    /// The codec each of `codecs` was really sent with, as the batch attributes say (in the
    /// Produce request and in the Fetch response alike). librdkafka 2.0.2 (kcat) sends
    /// gzip, snappy and lz4 batches uncompressed although strom advertises FindCoordinator:
    /// its debug log says "Broker does not support compression type gzip: not compressing
    /// batch" after disabling its "MsgVer1" feature, which needs Produce v2 and Fetch v2,
    /// versions Kafka 4.0 removed (KIP-896). Only zstd (Produce v7) it compresses.
    sent_as: &'static [&'static str],
    /// Whether it sent CreateTopics (kcat relies on auto-creation instead).
    creates_topics: bool,
    /// Whether it set explicit create timestamps BASE_TIMESTAMP_MS + i (kcat cannot).
    explicit_timestamps: bool,
    /// Whether it was an idempotent producer (InitProducerId, then producer id and sequences).
    idempotent: bool,
    /// (producer_epoch, base_sequence) it writes when not idempotent: -1s, or 0s (kafkajs).
    no_producer: (i16, i32),
    /// The ListOffsets timestamps it asked for, per topic.
    list_offsets: &'static [i64],
    /// Whether it fetched the records back.
    fetches: bool,
    /// librdkafka#5049 frames expected (all-topics Metadata v9+ from confluent-kafka).
    quirks: usize,
}

const EARLIEST: i64 = -2;
const LATEST: i64 = -1;
const BY_TIME: i64 = BASE_TIMESTAMP_MS + 1;

fn topic(spec: &Spec, codec: &str) -> String {
    format!("golden-{}-{codec}", spec.client)
}

fn compression(codec: &str) -> Compression {
    match codec {
        "none" => Compression::None,
        "gzip" => Compression::Gzip,
        "snappy" => Compression::Snappy,
        "lz4" => Compression::Lz4,
        "zstd" => Compression::Zstd,
        other => panic!("codec {other}"),
    }
}

/// (key, value, headers) of the three records the scenario writes to a codec's topic.
type Expected = (
    Option<String>,
    Option<String>,
    Vec<(String, Option<String>)>,
);

fn expected_records(spec: &Spec, codec: &str) -> Vec<Expected> {
    let headers = vec![
        ("h-codec".to_string(), Some(codec.to_string())),
        ("h-client".to_string(), Some(spec.client.to_string())),
    ];
    (0..3)
        .map(|i| {
            let key = (i < 2).then(|| format!("key-{i}"));
            (
                key,
                Some(format!("value-{i}-{codec}-{PADDING}")),
                headers.clone(),
            )
        })
        .collect()
}

fn text(bytes: &Option<Bytes>) -> Option<String> {
    bytes
        .as_ref()
        .map(|b| String::from_utf8(b.to_vec()).expect("UTF-8 in the scenario"))
}

fn as_expected(record: &Record) -> Expected {
    let headers = record
        .headers
        .iter()
        .map(|h| (h.key.clone(), text(&h.value)))
        .collect();
    (text(&record.key), text(&record.value), headers)
}

/// The batches of a records field, each validated (CRC included) and decoded. A fetch
/// response may end in a partial batch; that one is skipped.
fn decode_batches(records: &Bytes) -> Vec<(records::BatchHeader, Vec<Record>)> {
    let mut out = Vec::new();
    for item in records::batches(records) {
        let Ok((_, batch)) = item else {
            break;
        };
        let batch = records.slice_ref(batch);
        let header = records::validate_batch(&batch).expect("valid batch");
        let decoded = records::decode_records_shared(&batch, 1 << 20).expect("records decode");
        assert_eq!(decoded.len(), header.records_count as usize);
        out.push((header, decoded));
    }
    out
}

/// Checks one client's frames against its scenario.
fn check(spec: &Spec) {
    let (exchanges, quirks) = decode_all(spec.client);
    assert_eq!(
        quirks, spec.quirks,
        "{}: librdkafka#5049 frames",
        spec.client
    );
    let apis: BTreeSet<(i16, i16)> = exchanges
        .iter()
        .map(|e| (e.request.header.api_key, e.request.header.api_version))
        .collect();
    assert_eq!(apis, spec.apis.iter().copied().collect(), "{}", spec.client);
    let client_id = format!("golden-{}", spec.client);
    for e in &exchanges {
        assert_eq!(
            e.request.header.client_id.as_deref(),
            Some(client_id.as_str())
        );
    }
    let topic_names = check_metadata(spec, &exchanges);
    check_api_versions(spec, &exchanges);
    check_create_topics(spec, &exchanges);
    check_produce(spec, &exchanges);
    check_list_offsets(spec, &exchanges);
    check_fetch(spec, &exchanges, &topic_names);
}

/// ApiVersions: the client names itself (v3+), and strom answers with its table.
fn check_api_versions(spec: &Spec, exchanges: &[Exchange]) {
    let mut count = 0;
    for e in exchanges {
        let RequestBody::ApiVersions(request) = &e.request.body else {
            continue;
        };
        count += 1;
        let software = (
            request.client_software_name.as_str(),
            request.client_software_version.as_str(),
        );
        assert_eq!(software, spec.software, "{}", spec.client);
        let Some((_, ResponseBody::ApiVersions(response))) = &e.response else {
            panic!("{}: ApiVersions without response", spec.client);
        };
        assert_eq!(response.error_code, 0);
        let produce = response.api_keys.iter().find(|k| k.api_key == 0).unwrap();
        assert_eq!((produce.min_version, produce.max_version), (3, 13));
    }
    assert!(count > 0, "{}: no ApiVersions", spec.client);
}

/// Metadata: one broker, advertised at the proxy's loopback address, leading every
/// partition. Returns topic id -> name for resolving Fetch v13+.
fn check_metadata(spec: &Spec, exchanges: &[Exchange]) -> BTreeMap<Uuid, String> {
    let mut names = BTreeMap::new();
    let mut ports = BTreeSet::new();
    for e in exchanges {
        let Some((_, ResponseBody::Metadata(response))) = &e.response else {
            continue;
        };
        let MetadataResponse {
            brokers, topics, ..
        } = response;
        assert_eq!(brokers.len(), 1, "{}", spec.client);
        assert_eq!(brokers[0].host, "127.0.0.1");
        ports.insert(brokers[0].port);
        for t in topics.iter().filter(|t| t.error_code == 0) {
            // All clients share one broker: an earlier client's group created the offsets
            // topic (50 partitions), and all-topics requests list it.
            let expected = if t.name.as_deref() == Some("__consumer_offsets") {
                50
            } else {
                1
            };
            assert_eq!(
                t.partitions.len(),
                expected,
                "{}: {:?}",
                spec.client,
                t.name
            );
            assert_eq!(t.partitions[0].leader_id, brokers[0].node_id);
            assert_eq!(t.partitions[0].replica_nodes, vec![brokers[0].node_id]);
            if !t.topic_id.is_zero() {
                names.insert(t.topic_id, t.name.clone().unwrap());
            }
        }
    }
    assert_eq!(ports.len(), 1, "{}: one advertised port", spec.client);
    for codec in spec.codecs {
        let name = topic(spec, codec);
        let requested = exchanges.iter().any(|e| match &e.request.body {
            RequestBody::Metadata(m) => m
                .topics
                .iter()
                .flatten()
                .any(|t| t.name.as_deref() == Some(name.as_str())),
            _ => false,
        });
        assert!(
            requested,
            "{}: no Metadata request names {name}",
            spec.client
        );
    }
    names
}

/// CreateTopics: one request creating every codec's topic with 1 partition, 1 replica.
fn check_create_topics(spec: &Spec, exchanges: &[Exchange]) {
    let creates: Vec<&Exchange> = exchanges
        .iter()
        .filter(|e| matches!(e.request.body, RequestBody::CreateTopics(_)))
        .collect();
    if !spec.creates_topics {
        assert!(creates.is_empty());
        return;
    }
    assert_eq!(creates.len(), 1, "{}", spec.client);
    let RequestBody::CreateTopics(request) = &creates[0].request.body else {
        unreachable!()
    };
    let got: Vec<(String, i32, i16, usize, usize)> = request
        .topics
        .iter()
        .map(|t| {
            let shape = (t.num_partitions, t.replication_factor);
            (
                t.name.clone(),
                shape.0,
                shape.1,
                t.assignments.len(),
                t.configs.len(),
            )
        })
        .collect();
    let want: Vec<_> = spec
        .codecs
        .iter()
        .map(|c| (topic(spec, c), 1, 1, 0, 0))
        .collect();
    assert_eq!(got, want, "{}", spec.client);
    assert!(!request.validate_only);
    let Some((_, ResponseBody::CreateTopics(response))) = &creates[0].response else {
        panic!("{}: CreateTopics without response", spec.client);
    };
    let results: Vec<(String, i16)> = response
        .topics
        .iter()
        .map(|t| (t.name.clone(), t.error_code))
        .collect();
    let want: Vec<_> = spec.codecs.iter().map(|c| (topic(spec, c), 0)).collect();
    assert_eq!(results, want, "{}", spec.client);
}

/// Produce: per codec one request, acks=all, partition 0, one batch with that codec holding
/// exactly the three scenario records; strom answers offset 0.
fn check_produce(spec: &Spec, exchanges: &[Exchange]) {
    let producer_ids: Vec<i64> = exchanges
        .iter()
        .filter_map(|e| match &e.response {
            Some((_, ResponseBody::InitProducerId(r))) => Some(r.producer_id),
            _ => None,
        })
        .collect();
    assert_eq!(
        producer_ids.len(),
        if spec.idempotent {
            spec.codecs.len()
        } else {
            0
        }
    );
    let produces: Vec<&Exchange> = exchanges
        .iter()
        .filter(|e| matches!(e.request.body, RequestBody::Produce(_)))
        .collect();
    assert_eq!(produces.len(), spec.codecs.len(), "{}", spec.client);
    for ((codec, sent_as), e) in spec.codecs.iter().zip(spec.sent_as).zip(&produces) {
        let RequestBody::Produce(request) = &e.request.body else {
            unreachable!()
        };
        assert_eq!(
            (request.acks, request.transactional_id.as_deref()),
            (-1, None)
        );
        assert_eq!(request.topic_data.len(), 1);
        assert_eq!(
            request.topic_data[0].name,
            topic(spec, codec),
            "{}",
            spec.client
        );
        let partitions = &request.topic_data[0].partition_data;
        assert_eq!(partitions.len(), 1);
        assert_eq!(partitions[0].index, 0);
        let batches = decode_batches(partitions[0].records.as_ref().unwrap());
        assert_eq!(batches.len(), 1, "{} {codec}: one batch", spec.client);
        let (header, records) = &batches[0];
        assert_eq!(
            header.compression(),
            compression(sent_as),
            "{} {codec}",
            spec.client
        );
        assert_eq!((header.base_offset, header.records_count), (0, 3));
        assert_eq!(
            (header.is_transactional(), header.is_control()),
            (false, false)
        );
        if spec.idempotent {
            assert!(
                producer_ids.contains(&header.producer_id),
                "{}",
                spec.client
            );
            assert_eq!((header.producer_epoch, header.base_sequence), (0, 0));
        } else {
            let (epoch, sequence) = spec.no_producer;
            assert_eq!(
                (
                    header.producer_id,
                    header.producer_epoch,
                    header.base_sequence
                ),
                (-1, epoch, sequence),
                "{}",
                spec.client
            );
        }
        let got: Vec<Expected> = records.iter().map(as_expected).collect();
        assert_eq!(
            got,
            expected_records(spec, codec),
            "{} {codec}",
            spec.client
        );
        let offsets: Vec<i64> = records.iter().map(|r| r.offset(header)).collect();
        assert_eq!(offsets, vec![0, 1, 2]);
        if spec.explicit_timestamps {
            let stamps: Vec<i64> = records.iter().map(|r| r.timestamp(header)).collect();
            let want: Vec<i64> = (0..3).map(|i| BASE_TIMESTAMP_MS + i).collect();
            assert_eq!(stamps, want, "{} {codec}", spec.client);
            assert_eq!(header.max_timestamp, BASE_TIMESTAMP_MS + 2);
        }
        let Some((_, ResponseBody::Produce(response))) = &e.response else {
            panic!("{} {codec}: Produce without response", spec.client);
        };
        let partition = &response.responses[0].partition_responses[0];
        assert_eq!((partition.index, partition.error_code), (0, 0));
        assert_eq!(partition.base_offset, 0);
    }
}

/// ListOffsets: per topic the timestamps asked for, answered 0 (earliest), 3 (latest) and 1
/// (first record at or after BASE_TIMESTAMP_MS + 1).
fn check_list_offsets(spec: &Spec, exchanges: &[Exchange]) {
    let mut asked: BTreeMap<String, BTreeSet<i64>> = BTreeMap::new();
    for e in exchanges {
        let RequestBody::ListOffsets(request) = &e.request.body else {
            continue;
        };
        let Some((_, ResponseBody::ListOffsets(response))) = &e.response else {
            panic!("{}: ListOffsets without response", spec.client);
        };
        // A consumer asks for all its topics at once; the admin clients one at a time.
        let asked_names: Vec<&String> = request.topics.iter().map(|t| &t.name).collect();
        let answered_names: Vec<&String> = response.topics.iter().map(|t| &t.name).collect();
        assert_eq!(asked_names, answered_names, "{}", spec.client);
        for (asked_topic, answered) in request.topics.iter().zip(&response.topics) {
            assert_eq!(asked_topic.partitions.len(), 1);
            assert_eq!(answered.partitions.len(), 1);
            let partition = &asked_topic.partitions[0];
            let answer = &answered.partitions[0];
            assert_eq!((partition.partition_index, answer.partition_index), (0, 0));
            let want = match partition.timestamp {
                EARLIEST => 0,
                LATEST => 3,
                BY_TIME => 1,
                other => panic!("{}: timestamp {other}", spec.client),
            };
            assert_eq!(
                (answer.error_code, answer.offset),
                (0, want),
                "{}",
                spec.client
            );
            asked
                .entry(asked_topic.name.clone())
                .or_default()
                .insert(partition.timestamp);
        }
    }
    let want: BTreeMap<String, BTreeSet<i64>> = spec
        .codecs
        .iter()
        .map(|c| (topic(spec, c), spec.list_offsets.iter().copied().collect()))
        .collect();
    assert_eq!(asked, want, "{}", spec.client);
}

/// Fetch: every topic is fetched from offset 0, and a response returns its three records
/// (as stored: the producer's batch, compression included) with high watermark 3.
fn check_fetch(spec: &Spec, exchanges: &[Exchange], names: &BTreeMap<Uuid, String>) {
    let name_of = |name: &str, id: &Uuid| -> String {
        if id.is_zero() {
            name.to_string()
        } else {
            names
                .get(id)
                .cloned()
                .expect("topic id known from Metadata")
        }
    };
    let mut fetched: BTreeMap<String, Vec<Expected>> = BTreeMap::new();
    let mut from_zero = BTreeSet::new();
    for e in exchanges {
        let RequestBody::Fetch(request) = &e.request.body else {
            continue;
        };
        for t in &request.topics {
            if t.partitions.iter().any(|p| p.fetch_offset == 0) {
                from_zero.insert(name_of(&t.topic, &t.topic_id));
            }
        }
        let Some((_, ResponseBody::Fetch(response))) = &e.response else {
            continue;
        };
        assert_eq!(response.error_code, 0);
        for t in &response.responses {
            let name = name_of(&t.topic, &t.topic_id);
            for p in &t.partitions {
                assert_eq!((p.partition_index, p.error_code), (0, 0), "{name}");
                assert_eq!(p.high_watermark, 3, "{name}");
                let codec = name.rsplit('-').next().unwrap();
                let at = spec.codecs.iter().position(|c| *c == codec).unwrap();
                for (header, records) in decode_batches(p.records.as_ref().unwrap()) {
                    let stored = compression(spec.sent_as[at]);
                    assert_eq!(header.compression(), stored, "{name}");
                    let entry = fetched.entry(name.clone()).or_default();
                    entry.extend(records.iter().map(as_expected));
                }
            }
        }
    }
    let want_topics: BTreeSet<String> = if spec.fetches {
        spec.codecs.iter().map(|c| topic(spec, c)).collect()
    } else {
        BTreeSet::new()
    };
    assert_eq!(from_zero, want_topics, "{}: fetched from 0", spec.client);
    let want: BTreeMap<String, Vec<Expected>> = want_topics
        .iter()
        .map(|t| {
            (
                t.clone(),
                expected_records(spec, t.rsplit('-').next().unwrap()),
            )
        })
        .collect();
    assert_eq!(fetched, want, "{}: fetched records", spec.client);
}

#[test]
fn kcat_frames() {
    // kcat 1.7.1 (librdkafka 2.0.2): old non-flexible Produce/Fetch, auto-created topics,
    // only zstd really compressed (see Spec::sent_as).
    check(&Spec {
        client: "kcat",
        apis: &[(0, 7), (1, 11), (2, 2), (3, 4), (18, 3)],
        software: ("librdkafka", "2.0.2"),
        codecs: ALL_CODECS,
        sent_as: &["none", "none", "none", "none", "zstd"],
        creates_topics: false,
        explicit_timestamps: false,
        idempotent: false,
        no_producer: (-1, -1),
        list_offsets: &[EARLIEST, LATEST],
        fetches: true,
        quirks: 0,
    });
}

#[test]
fn confluent_kafka_frames() {
    // confluent-kafka 2.16.1: flexible versions, Fetch v16 by topic id, librdkafka#5049;
    // its consumer looks up the group coordinator (FindCoordinator v2) without joining.
    check(&Spec {
        client: "confluent",
        apis: &[(0, 10), (1, 16), (2, 7), (3, 13), (10, 2), (18, 3), (19, 4)],
        software: ("confluent-kafka-python", "2.16.1-rdkafka-2.16.0"),
        codecs: ALL_CODECS,
        sent_as: ALL_CODECS,
        creates_topics: true,
        explicit_timestamps: true,
        idempotent: false,
        no_producer: (-1, -1),
        list_offsets: &[EARLIEST, LATEST, BY_TIME],
        fetches: true,
        quirks: 2,
    });
}

#[test]
fn kafka_python_frames() {
    // kafka-python 3.0.12: an idempotent producer by default (InitProducerId v4).
    check(&Spec {
        client: "kafka-python",
        apis: &[(0, 9), (1, 12), (2, 10), (3, 13), (18, 4), (19, 7), (22, 4)],
        software: ("kafka-python", "3.0.12"),
        codecs: ALL_CODECS,
        sent_as: ALL_CODECS,
        creates_topics: true,
        explicit_timestamps: true,
        idempotent: true,
        no_producer: (-1, -1),
        list_offsets: &[EARLIEST, LATEST, BY_TIME],
        fetches: true,
        quirks: 0,
    });
}

#[test]
fn kafkajs_frames() {
    // kafkajs 2.2.4: non-flexible versions only, ApiVersions v2 (no software name), gzip
    // (its other codecs need plugins), and a group consumer: FindCoordinator, JoinGroup,
    // SyncGroup, OffsetFetch, Heartbeat, Fetch v11, LeaveGroup.
    check(&Spec {
        client: "kafkajs",
        apis: &[
            (0, 7),
            (1, 11),
            (2, 3),
            (3, 6),
            (9, 4),
            (10, 2),
            (11, 5),
            (12, 3),
            (13, 3),
            (14, 3),
            (18, 2),
            (19, 3),
        ],
        software: ("", ""),
        codecs: &["none", "gzip"],
        sent_as: &["none", "gzip"],
        creates_topics: true,
        explicit_timestamps: true,
        idempotent: false,
        no_producer: (0, 0),
        list_offsets: &[EARLIEST, LATEST, BY_TIME],
        fetches: true,
        quirks: 0,
    });
}

#[test]
fn java_frames() {
    // Java kafka-clients 3.9.1: the reference client, Fetch v17 by topic id.
    check(&Spec {
        client: "java",
        apis: &[(0, 11), (1, 17), (2, 9), (3, 12), (18, 4), (19, 7)],
        software: ("apache-kafka-java", "3.9.1"),
        codecs: ALL_CODECS,
        sent_as: ALL_CODECS,
        creates_topics: true,
        explicit_timestamps: true,
        idempotent: false,
        no_producer: (-1, -1),
        list_offsets: &[EARLIEST, LATEST, BY_TIME],
        fetches: true,
        quirks: 0,
    });
}
