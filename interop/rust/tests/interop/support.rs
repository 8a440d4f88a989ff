//! What every rdkafka test needs: the broker address (from `STROM_BOOTSTRAP`), topic names
//! unique to the run, topic creation through the AdminClient, a producer that keeps each
//! message's delivery report, and a consumer that reads assigned partitions until it has an
//! exact number of records and librdkafka has reported the end of every partition.
//!
//! Consumers never join a group: partitions are assigned by hand, nothing is committed
//! (strom serves no consumer-group APIs yet).

use std::collections::BTreeSet;
use std::future::Future;
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use rdkafka::admin::{AdminClient, AdminOptions, NewTopic, TopicReplication};
use rdkafka::client::DefaultClientContext;
use rdkafka::config::{ClientConfig, RDKafkaLogLevel};
use rdkafka::consumer::{BaseConsumer, Consumer};
use rdkafka::error::KafkaError;
use rdkafka::message::{DeliveryResult, Header, Headers, Message, OwnedHeaders, Timestamp};
use rdkafka::producer::{BaseProducer, BaseRecord, Producer, ProducerContext};
use rdkafka::{ClientContext, Offset, TopicPartitionList};

/// Explicit create timestamps (ms) far from "now", so a wrong timestamp cannot pass by accident.
pub const BASE_TIMESTAMP_MS: i64 = 1_600_000_000_000;
/// Largest round payload that fits Kafka's default `message.max.bytes` (1048588) with the
/// batch overhead.
pub const ONE_MEGABYTE: usize = 1_000_000;
/// Every codec librdkafka can write (`compression.codec`).
pub const CODECS: [&str; 5] = ["none", "gzip", "snappy", "lz4", "zstd"];
/// Every `acks` setting a producer can ask for.
pub const ACKS: [&str; 3] = ["0", "1", "all"];
/// How long any single admin call, flush or consume may take before the test fails.
pub const WAIT: Duration = Duration::from_secs(60);

/// The broker under test; every test fails with this message when it is not set.
pub fn bootstrap() -> String {
    match std::env::var("STROM_BOOTSTRAP") {
        Ok(address) if !address.is_empty() => address,
        _ => panic!(
            "STROM_BOOTSTRAP is not set: run these tests with STROM_BOOTSTRAP=host:port \
             (bash scripts/interop rust starts strom and sets it)"
        ),
    }
}

/// A topic name no earlier run used, so runs can share a broker and never clean up.
pub fn topic_name(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("clock after 1970")
        .as_nanos();
    format!(
        "rs-{prefix}-{nanos}-{}",
        NEXT.fetch_add(1, Ordering::Relaxed)
    )
}

/// The client configuration every client here starts from.
pub fn client_config(extra: &[(&str, &str)]) -> ClientConfig {
    let mut config = ClientConfig::new();
    config.set("bootstrap.servers", bootstrap());
    for (key, value) in extra {
        config.set(*key, *value);
    }
    config
}

/// Runs an AdminClient future (they resolve from librdkafka's own thread) to completion.
pub fn block_on<F: Future>(future: F) -> F::Output {
    tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("build a current-thread runtime")
        .block_on(future)
}

/// Creates `name` with `partitions` partitions through CreateTopics and checks the result.
pub fn create_topic(name: &str, partitions: i32) {
    let admin: AdminClient<DefaultClientContext> =
        client_config(&[]).create().expect("create AdminClient");
    // Records here carry create timestamps from 2020 (BASE_TIMESTAMP_MS); under the default
    // 7-day retention a broker's periodic check would delete them mid-test.
    let topic =
        NewTopic::new(name, partitions, TopicReplication::Fixed(1)).set("retention.ms", "-1");
    let options = AdminOptions::new()
        .operation_timeout(Some(WAIT))
        .request_timeout(Some(WAIT));
    let results = block_on(admin.create_topics([&topic], &options)).expect("CreateTopics request");
    assert_eq!(
        results,
        vec![Ok(name.to_string())],
        "CreateTopics {name} ({partitions} partitions)"
    );
}

/// One record to produce; `None` fields are left to the client (null key, null value,
/// producer's clock, partitioner).
#[derive(Clone, Debug, Default)]
pub struct Outgoing {
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Vec<(String, Option<Vec<u8>>)>,
    pub timestamp_ms: Option<i64>,
    pub partition: Option<i32>,
}

impl Outgoing {
    /// A keyed record with a value and nothing else set.
    pub fn keyed(key: impl Into<Vec<u8>>, value: impl Into<Vec<u8>>) -> Outgoing {
        Outgoing {
            key: Some(key.into()),
            value: Some(value.into()),
            ..Outgoing::default()
        }
    }
}

/// Where librdkafka says a record went: (partition, offset). With acks=0 the offset is
/// unknown to the client and reported as -1.
pub type Delivered = (i32, i64);

/// Collects delivery reports by the index of the record they belong to, and librdkafka's
/// log lines about the batches it sends.
struct Reports {
    /// (record index, partition and offset or the delivery error), in delivery order.
    reports: Mutex<Vec<(usize, Result<Delivered, String>)>>,
    /// librdkafka's PRODUCE log lines (only written with `debug=msg`): they say how each
    /// batch was compressed, which no delivery report or consumer can tell.
    produce_log: Mutex<Vec<String>>,
}

impl ClientContext for Reports {
    fn log(&self, _level: RDKafkaLogLevel, facility: &str, message: &str) {
        if facility == "PRODUCE" {
            self.produce_log
                .lock()
                .expect("log lock")
                .push(message.to_string());
        }
    }
}

impl ProducerContext for Reports {
    type DeliveryOpaque = usize;

    fn delivery(&self, result: &DeliveryResult<'_>, index: usize) {
        let outcome = match result {
            Ok(message) => Ok((message.partition(), message.offset())),
            Err((error, _)) => Err(error.to_string()),
        };
        self.reports
            .lock()
            .expect("reports lock")
            .push((index, outcome));
    }
}

/// Produces `records` in order with one producer (`linger.ms=5` unless `extra` says
/// otherwise) and returns each record's delivery report by record index. Fails on any
/// delivery error or a missing report.
pub fn produce(topic: &str, records: &[Outgoing], extra: &[(&str, &str)]) -> Vec<Delivered> {
    produce_logged(topic, records, extra, false).0
}

/// What `produce` does, also returning how librdkafka compressed each batch it sent:
/// "uncompressed" or the codec name, one entry per Produce batch, in sending order.
pub fn produce_with_batch_codecs(
    topic: &str,
    records: &[Outgoing],
    extra: &[(&str, &str)],
) -> (Vec<Delivered>, Vec<String>) {
    let (delivered, log) = produce_logged(topic, records, extra, true);
    // "... Produce MessageSet with 50 message(s) (9401 bytes, ..., PID{Invalid}, lz4)"
    let codecs = log
        .iter()
        .filter(|line| line.contains("Produce MessageSet with"))
        .map(|line| {
            let inner = line
                .trim_end()
                .strip_suffix(')')
                .expect("log line ends with ')'");
            inner
                .rsplit(", ")
                .next()
                .expect("a codec after the last comma")
                .to_string()
        })
        .collect();
    (delivered, codecs)
}

fn produce_logged(
    topic: &str,
    records: &[Outgoing],
    extra: &[(&str, &str)],
    debug_batches: bool,
) -> (Vec<Delivered>, Vec<String>) {
    let mut config = client_config(&[("linger.ms", "5")]);
    for (key, value) in extra {
        config.set(*key, *value);
    }
    if debug_batches {
        config
            .set("debug", "msg")
            .set_log_level(RDKafkaLogLevel::Debug);
    }
    let context = Reports {
        reports: Mutex::new(Vec::with_capacity(records.len())),
        produce_log: Mutex::new(Vec::new()),
    };
    let producer: BaseProducer<Reports> = config
        .create_with_context(context)
        .expect("create producer");
    let deadline = Instant::now() + WAIT;
    for (index, record) in records.iter().enumerate() {
        let mut headers = OwnedHeaders::new_with_capacity(record.headers.len());
        for (key, value) in &record.headers {
            headers = headers.insert(Header {
                key,
                value: value.as_deref(),
            });
        }
        let mut base = BaseRecord::<[u8], [u8], usize>::with_opaque_to(topic, index);
        if !record.headers.is_empty() {
            base = base.headers(headers);
        }
        if let Some(key) = &record.key {
            base = base.key(key.as_slice());
        }
        if let Some(value) = &record.value {
            base = base.payload(value.as_slice());
        }
        if let Some(timestamp_ms) = record.timestamp_ms {
            base = base.timestamp(timestamp_ms);
        }
        if let Some(partition) = record.partition {
            base = base.partition(partition);
        }
        // The local queue may be full: serve delivery reports, then offer the record again.
        while let Err((error, returned)) = producer.send(base) {
            let queue_full =
                KafkaError::MessageProduction(rdkafka::types::RDKafkaErrorCode::QueueFull);
            assert_eq!(error, queue_full, "send record {index} to {topic}");
            assert!(
                Instant::now() < deadline,
                "producer queue still full after {WAIT:?}"
            );
            producer.poll(Duration::from_millis(50));
            base = returned;
        }
        producer.poll(Duration::ZERO);
    }
    producer.flush(WAIT).expect("flush the producer");
    // flush() returns once every report was served; the loop only guards that claim.
    while producer
        .context()
        .reports
        .lock()
        .expect("reports lock")
        .len()
        < records.len()
    {
        assert!(
            Instant::now() < deadline,
            "delivery reports missing after {WAIT:?}"
        );
        producer.poll(Duration::from_millis(50));
    }
    let mut reports =
        std::mem::take(&mut *producer.context().reports.lock().expect("reports lock"));
    reports.sort_by_key(|(index, _)| *index);
    let indexes: Vec<usize> = reports.iter().map(|(index, _)| *index).collect();
    assert_eq!(
        indexes,
        (0..records.len()).collect::<Vec<_>>(),
        "one delivery report per record"
    );
    let errors: Vec<_> = reports.iter().filter(|(_, r)| r.is_err()).take(5).collect();
    assert!(errors.is_empty(), "delivery errors on {topic}: {errors:?}");
    let log = std::mem::take(&mut *producer.context().produce_log.lock().expect("log lock"));
    let delivered = reports
        .into_iter()
        .map(|(_, r)| r.expect("checked above"))
        .collect();
    (delivered, log)
}

/// One consumed record, owned, in a form tests compare whole.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Incoming {
    pub partition: i32,
    pub offset: i64,
    pub key: Option<Vec<u8>>,
    pub value: Option<Vec<u8>>,
    pub headers: Vec<(String, Option<Vec<u8>>)>,
    pub timestamp: Timestamp,
}

impl Incoming {
    fn from_message(message: &impl Message) -> Incoming {
        let headers = message
            .headers()
            .map(|h| {
                h.iter()
                    .map(|h| (h.key.to_string(), h.value.map(<[u8]>::to_vec)))
                    .collect()
            })
            .unwrap_or_default();
        Incoming {
            partition: message.partition(),
            offset: message.offset(),
            key: message.key().map(<[u8]>::to_vec),
            value: message.payload().map(<[u8]>::to_vec),
            headers,
            timestamp: message.timestamp(),
        }
    }
}

/// A consumer with no group membership: manual assignment, no commits, end-of-partition
/// events on (they prove a read is complete without waiting on a timer). librdkafka refuses
/// assign() without a group.id ("Local: Unknown group"), so one is set; it is never joined
/// and no offset is ever committed to it.
pub fn consumer(extra: &[(&str, &str)]) -> BaseConsumer {
    let mut config = client_config(&[
        ("group.id", "strom-interop-rust-manual-assignment"),
        ("enable.auto.commit", "false"),
        ("enable.auto.offset.store", "false"),
        ("enable.partition.eof", "true"),
        ("fetch.wait.max.ms", "100"),
    ]);
    for (key, value) in extra {
        config.set(*key, *value);
    }
    config.create().expect("create consumer")
}

/// Assigns `partitions` of `topic`, each from its given offset, to `consumer`.
pub fn assign(consumer: &BaseConsumer, topic: &str, partitions: &[(i32, i64)]) {
    let mut list = TopicPartitionList::new();
    for &(partition, offset) in partitions {
        list.add_partition_offset(topic, partition, Offset::Offset(offset))
            .expect("add partition to the assignment");
    }
    consumer.assign(&list).expect("assign partitions");
}

/// Polls until `count` records arrived and every partition in `partitions` reported its
/// end after the last record read from it, then returns the records in arrival order.
/// Records that arrive after the expected count make the read longer, never shorter, so an
/// extra record always shows up in the result.
pub fn poll_exactly(consumer: &BaseConsumer, partitions: &[i32], count: usize) -> Vec<Incoming> {
    let mut records = Vec::with_capacity(count);
    let mut at_end = BTreeSet::new();
    let deadline = Instant::now() + WAIT;
    while records.len() < count || at_end.len() < partitions.len() {
        assert!(
            Instant::now() < deadline,
            "after {WAIT:?}: {} of {count} records, partitions at end {at_end:?} of {partitions:?}",
            records.len()
        );
        match consumer.poll(Duration::from_millis(200)) {
            None => {}
            Some(Ok(message)) => {
                at_end.remove(&message.partition());
                records.push(Incoming::from_message(&message));
            }
            Some(Err(KafkaError::PartitionEOF(partition))) => {
                at_end.insert(partition);
            }
            Some(Err(error)) => panic!("consumer error: {error}"),
        }
    }
    assert_eq!(
        records.len(),
        count,
        "records read (offsets {:?})",
        offsets(&records)
    );
    records
}

/// Reads exactly `count` records from one partition, starting at `offset`.
pub fn consume(topic: &str, partition: i32, offset: i64, count: usize) -> Vec<Incoming> {
    let consumer = consumer(&[]);
    assign(&consumer, topic, &[(partition, offset)]);
    poll_exactly(&consumer, &[partition], count)
}

/// The offsets of `records`, for failure messages.
pub fn offsets(records: &[Incoming]) -> Vec<(i32, i64)> {
    records.iter().map(|r| (r.partition, r.offset)).collect()
}

/// Kafka's murmur2 hash as its Java client computes it (seed 0x9747b28c): the default
/// partitioner of the Java client, and librdkafka's with `partitioner=murmur2_random`.
pub fn murmur2(data: &[u8]) -> u32 {
    const M: u32 = 0x5bd1_e995;
    const R: u32 = 24;
    let mut h: u32 = 0x9747_b28c ^ data.len() as u32;
    let chunks = data.chunks_exact(4);
    let tail = chunks.remainder();
    for chunk in chunks {
        let mut k = u32::from_le_bytes(chunk.try_into().expect("4-byte chunk"));
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h = h.wrapping_mul(M) ^ k;
    }
    if !tail.is_empty() {
        for (i, byte) in tail.iter().enumerate() {
            h ^= u32::from(*byte) << (8 * i);
        }
        h = h.wrapping_mul(M);
    }
    h ^= h >> 13;
    h = h.wrapping_mul(M);
    h ^= h >> 15;
    h
}

/// The partition Kafka's default partitioner picks for `key` among `partitions`.
pub fn murmur2_partition(key: &[u8], partitions: i32) -> i32 {
    let positive = murmur2(key) & 0x7fff_ffff;
    i32::try_from(positive % partitions as u32).expect("partition fits i32")
}

/// Runs kcat (Debian's, from scripts/install-test-deps) with `args` against the broker,
/// feeding it `stdin`, and returns its standard output; fails on a non-zero exit.
pub fn kcat(args: &[&str], stdin: &[u8]) -> String {
    use std::io::Write;
    let mut child = Command::new("timeout")
        .arg("60")
        .arg("kcat")
        .args(["-b", &bootstrap()])
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run `timeout 60 kcat` (install kcat with scripts/install-test-deps)");
    child
        .stdin
        .take()
        .expect("kcat stdin")
        .write_all(stdin)
        .expect("write kcat stdin");
    let output = child.wait_with_output().expect("wait for kcat");
    assert!(
        output.status.success(),
        "kcat {args:?} failed ({}): {}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout).expect("kcat output is UTF-8")
}

#[test]
fn murmur2_matches_kafka() {
    // The hash agrees with Kafka's for the tail lengths 0 to 3 and longer keys (values
    // computed with kafka-python's murmur2, a port of the Java client's).
    let cases: [(&[u8], u32); 7] = [
        (b"", 275_646_681),
        (b"a", 2_731_586_172),
        (b"ab", 316_155_434),
        (b"abc", 479_470_107),
        (b"abcd", 2_971_317_748),
        (b"key-17", 956_945_460),
        (b"hello world!", 3_218_705_738),
    ];
    for (key, want) in cases {
        assert_eq!(
            murmur2(key),
            want,
            "murmur2({:?})",
            String::from_utf8_lossy(key)
        );
    }
}
