//! Topics and records: CreateTopics and Metadata through the AdminClient and a consumer,
//! every field of a record (key, value, headers, CreateTime) including nulls and
//! tombstones, a 1 MB record, and every codec with every acks setting.

use std::time::{SystemTime, UNIX_EPOCH};

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::consumer::Consumer;
use rdkafka::message::Timestamp;
use rdkafka::types::RDKafkaErrorCode;

use crate::support::{
    block_on, client_config, consume, consumer, create_topic, produce, produce_with_batch_codecs,
    topic_name, Incoming, Outgoing, ACKS, BASE_TIMESTAMP_MS, ONE_MEGABYTE, WAIT,
};

fn now_ms() -> i64 {
    let since_epoch = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970");
    i64::try_from(since_epoch.as_millis()).expect("milliseconds fit i64")
}

#[test]
fn admin_creates_topic_and_rejects_a_duplicate() {
    // CreateTopics makes a topic with the asked partition count, each led by the one
    // broker, and a second CreateTopics for the same name fails with TOPIC_ALREADY_EXISTS.
    let topic = topic_name("admin");
    create_topic(&topic, 3);
    let metadata = consumer(&[])
        .fetch_metadata(Some(&topic), WAIT)
        .expect("Metadata");
    let broker_ids: Vec<i32> = metadata.brokers().iter().map(|b| b.id()).collect();
    assert_eq!(broker_ids.len(), 1, "brokers {broker_ids:?}");
    let topics = metadata.topics();
    assert_eq!(topics.len(), 1);
    assert_eq!(topics[0].name(), topic);
    assert_eq!(topics[0].error(), None);
    let partitions: Vec<(i32, i32, Vec<i32>, Vec<i32>)> = topics[0]
        .partitions()
        .iter()
        .map(|p| (p.id(), p.leader(), p.replicas().to_vec(), p.isr().to_vec()))
        .collect();
    let b = broker_ids[0];
    assert_eq!(
        partitions,
        (0..3).map(|p| (p, b, vec![b], vec![b])).collect::<Vec<_>>()
    );

    let admin: AdminClient<DefaultClientContext> =
        client_config(&[]).create().expect("create AdminClient");
    let again = NewTopic::new(&topic, 1, TopicReplication::Fixed(1));
    let options = AdminOptions::new().operation_timeout(Some(WAIT));
    let results = block_on(admin.create_topics([&again], &options)).expect("CreateTopics request");
    assert_eq!(
        results,
        vec![Err((topic.clone(), RDKafkaErrorCode::TopicAlreadyExists))]
    );
}

#[test]
fn keys_values_headers_timestamps_nulls_and_tombstones() {
    // Keys, a null key, an empty key, headers (a repeated name, an empty value, a null
    // value), explicit create timestamps and a tombstone (null value) come back exactly as
    // produced; a record without a timestamp carries the producer's clock as CreateTime.
    let topic = topic_name("basic");
    create_topic(&topic, 1);
    let ts = BASE_TIMESTAMP_MS;
    let header = |k: &str, v: Option<&[u8]>| (k.to_string(), v.map(<[u8]>::to_vec));
    let records = vec![
        Outgoing {
            key: Some(b"k1".to_vec()),
            value: Some(b"v1".to_vec()),
            headers: vec![
                header("h", Some(b"1")),
                header("h", Some(b"2")),
                header("empty", Some(b"")),
                header("null", None),
            ],
            timestamp_ms: Some(ts),
            partition: None,
        },
        Outgoing {
            value: Some(b"no-key".to_vec()),
            timestamp_ms: Some(ts + 500),
            ..Outgoing::default()
        },
        Outgoing {
            key: Some(b"gone".to_vec()),
            timestamp_ms: Some(ts + 1000),
            ..Outgoing::default()
        },
        Outgoing {
            key: Some(Vec::new()),
            value: Some(Vec::new()),
            headers: vec![header("only", Some(b"header"))],
            timestamp_ms: Some(ts + 1500),
            partition: None,
        },
        Outgoing::keyed("now", "producer clock"),
    ];
    let before_ms = now_ms();
    let delivered = produce(&topic, &records, &[("acks", "all")]);
    let after_ms = now_ms();
    assert_eq!(delivered, (0..5).map(|o| (0, o)).collect::<Vec<_>>());

    let mut got = consume(&topic, 0, 0, 5);
    let last = got.pop().expect("five records");
    let incoming = |offset, key: Option<&[u8]>, value: Option<&[u8]>, headers, t| Incoming {
        partition: 0,
        offset,
        key: key.map(<[u8]>::to_vec),
        value: value.map(<[u8]>::to_vec),
        headers,
        timestamp: Timestamp::CreateTime(t),
    };
    assert_eq!(
        got,
        vec![
            incoming(0, Some(b"k1"), Some(b"v1"), records[0].headers.clone(), ts),
            incoming(1, None, Some(b"no-key"), vec![], ts + 500),
            incoming(2, Some(b"gone"), None, vec![], ts + 1000),
            incoming(
                3,
                Some(b""),
                Some(b""),
                vec![header("only", Some(b"header"))],
                ts + 1500
            ),
        ]
    );
    assert_eq!(
        (last.offset, last.key.as_deref(), last.value.as_deref()),
        (4, Some(&b"now"[..]), Some(&b"producer clock"[..]))
    );
    match last.timestamp {
        Timestamp::CreateTime(t) if (before_ms..=after_ms).contains(&t) => {}
        other => panic!("timestamp {other:?}: want CreateTime in [{before_ms}, {after_ms}]"),
    }
}

#[test]
fn one_megabyte_record() {
    // A 1,000,000-byte value (under the default max.message.bytes of 1048588 with batch
    // overhead) is stored and fetched intact between two small records.
    let topic = topic_name("big");
    create_topic(&topic, 1);
    // Pseudo-random bytes (xorshift), so no codec or dedup could make the check easier.
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let big: Vec<u8> = (0..ONE_MEGABYTE)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state.to_le_bytes()[0]
        })
        .collect();
    let records = [
        Outgoing::keyed("a", "a"),
        Outgoing::keyed("big", big.clone()),
        Outgoing::keyed("c", "c"),
    ];
    let delivered = produce(
        &topic,
        &records,
        &[("message.max.bytes", "2000000"), ("linger.ms", "0")],
    );
    assert_eq!(delivered, vec![(0, 0), (0, 1), (0, 2)]);
    let got = consume(&topic, 0, 0, 3);
    let summary: Vec<(i64, usize)> = got
        .iter()
        .map(|r| (r.offset, r.value.as_ref().map_or(0, Vec::len)))
        .collect();
    assert_eq!(summary, vec![(0, 1), (1, ONE_MEGABYTE), (2, 1)]);
    assert!(
        got[1].value.as_deref() == Some(&big[..]),
        "the 1 MB value differs from what was produced"
    );
}

/// Produces 50 compressible records with `codec` under each acks setting, each setting to
/// its own topic, and reads every record back with its key, value, offset and timestamp.
/// With acks=0 the client learns no offsets; what arrives is counted and compared whole
/// (the read waits until all 50 arrived and the partition reported its end).
/// With `check_batches`, librdkafka's own log must show every batch it sent compressed with
/// `codec` (a client may silently send a codec uncompressed, e.g. lz4, see below).
fn codec_with_every_acks(codec: &str, check_batches: bool) {
    for acks in ACKS {
        let topic = topic_name(&format!("{codec}-acks{acks}"));
        create_topic(&topic, 1);
        let records: Vec<Outgoing> = (0..50)
            .map(|i| Outgoing {
                timestamp_ms: Some(BASE_TIMESTAMP_MS + i),
                ..Outgoing::keyed(i.to_string(), format!("{codec}-{acks}-{i}-").repeat(20))
            })
            .collect();
        let config = [
            ("compression.codec", codec),
            ("acks", acks),
            ("linger.ms", "50"),
        ];
        let (delivered, batches) = produce_with_batch_codecs(&topic, &records, &config);
        if check_batches {
            let want = if codec == "none" {
                "uncompressed"
            } else {
                codec
            };
            assert!(
                !batches.is_empty() && batches.iter().all(|b| b == want),
                "batches sent as {batches:?}, want all {want}, codec {codec} acks {acks}"
            );
        }
        if acks == "0" {
            // No response, so no offsets: librdkafka reports RD_KAFKA_OFFSET_INVALID (-1001)
            // plus the record's index in its batch, which depends on batching.
            let unknown = delivered
                .iter()
                .all(|&(partition, offset)| partition == 0 && offset < 0);
            assert!(
                unknown,
                "acks=0 delivery reports with offsets: {delivered:?}"
            );
        } else {
            let want: Vec<(i32, i64)> = (0..50).map(|o| (0, o)).collect();
            assert_eq!(
                delivered, want,
                "delivery reports, codec {codec} acks {acks}"
            );
        }
        let got = consume(&topic, 0, 0, 50);
        let got: Vec<_> = got
            .into_iter()
            .map(|r| (r.offset, r.key, r.value, r.timestamp))
            .collect();
        let want: Vec<_> = records
            .into_iter()
            .zip(0..)
            .map(|(r, o)| {
                (
                    o,
                    r.key,
                    r.value,
                    Timestamp::CreateTime(r.timestamp_ms.expect("set")),
                )
            })
            .collect();
        assert_eq!(got, want, "records, codec {codec} acks {acks}");
    }
}

#[test]
fn codec_none_with_acks_0_1_all() {
    // Uncompressed batches under acks 0, 1 and all: exact records back.
    codec_with_every_acks("none", true);
}

#[test]
fn codec_gzip_with_acks_0_1_all() {
    // gzip batches under acks 0, 1 and all: exact records back.
    codec_with_every_acks("gzip", true);
}

#[test]
fn codec_snappy_with_acks_0_1_all() {
    // snappy batches under acks 0, 1 and all: exact records back.
    codec_with_every_acks("snappy", true);
}

#[test]
fn codec_lz4_with_acks_0_1_all() {
    // Records produced with compression.codec=lz4 under acks 0, 1 and all: exact records
    // back. librdkafka sends them *uncompressed* unless the broker advertises FindCoordinator
    // (its LZ4 feature flag depends on that API), so this checks the round trip only; the
    // test below requires real lz4 batches (skipped with STROM_GROUPS=0).
    codec_with_every_acks("lz4", false);
}

#[test]
fn lz4_batches_are_sent_compressed() {
    // With FindCoordinator advertised (consumer groups served), librdkafka sends real lz4
    // batches under acks 0, 1 and all, and they read back exactly.
    codec_with_every_acks("lz4", true);
}

#[test]
fn codec_zstd_with_acks_0_1_all() {
    // zstd batches under acks 0, 1 and all: exact records back.
    codec_with_every_acks("zstd", true);
}
