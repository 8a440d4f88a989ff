//! Shared harness for the broker tests: starts strom in-process on 127.0.0.1:0 over a
//! temporary data directory, and a minimal client that speaks the protocol crate's codec.

#![allow(dead_code)]

use bytes::{Bytes, BytesMut};
use std::net::SocketAddr;
use std::path::Path;
use strom::config::BrokerConfig;
use strom_protocol::records::{BatchBuilder, Compression};
use strom_protocol::{ApiKey, RequestBody, RequestHeader, ResponseBody};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Starts a broker on a free loopback port with data in `dir` and extra overrides.
pub async fn start_broker(dir: &Path, extra: &[&str]) -> strom::net::Server {
    let mut overrides = vec![
        "listeners=PLAINTEXT://127.0.0.1:0".to_string(),
        format!("log.dirs={}", dir.display()),
    ];
    overrides.extend(extra.iter().map(|s| s.to_string()));
    let config = BrokerConfig::load(None, &overrides).expect("valid test config");
    strom::start(config).await.expect("broker starts")
}

pub struct Client {
    pub stream: TcpStream,
    next_correlation_id: i32,
}

impl Client {
    pub async fn connect(addr: SocketAddr) -> Client {
        let stream = TcpStream::connect(addr).await.expect("connects");
        Client {
            stream,
            next_correlation_id: 1,
        }
    }

    /// A client on a stream already connected.
    pub fn from_stream(stream: TcpStream) -> Client {
        Client {
            stream,
            next_correlation_id: 1,
        }
    }

    /// Writes one request frame without waiting for the answer; returns its correlation id.
    pub async fn send(&mut self, version: i16, body: RequestBody) -> i32 {
        let correlation_id = self.next_correlation_id;
        self.next_correlation_id += 1;
        let header = RequestHeader {
            api_key: body.api_key() as i16,
            api_version: version,
            correlation_id,
            client_id: Some("strom-tests".into()),
            ..Default::default()
        };
        let mut buf = BytesMut::new();
        strom_protocol::encode_request(&mut buf, &header, &body).expect("encodes");
        self.stream.write_all(&buf).await.expect("writes");
        correlation_id
    }

    /// Reads one response frame: (correlation id, body).
    pub async fn receive(&mut self, api_key: ApiKey, version: i16) -> (i32, ResponseBody) {
        let frame = self.read_frame().await.expect("a response frame");
        let (header, body) =
            strom_protocol::decode_response(&frame, api_key, version).expect("decodes");
        (header.correlation_id, body)
    }

    pub async fn read_frame(&mut self) -> std::io::Result<Bytes> {
        let size = self.stream.read_i32().await? as usize;
        let mut frame = vec![0u8; size];
        self.stream.read_exact(&mut frame).await?;
        Ok(Bytes::from(frame))
    }

    /// Sends a request and returns its response, checking the correlation id.
    pub async fn call(&mut self, version: i16, body: RequestBody) -> ResponseBody {
        let api_key = body.api_key();
        let id = self.send(version, body).await;
        let (got, response) = self.receive(api_key, version).await;
        assert_eq!(got, id, "correlation id");
        response
    }
}

/// One uncompressed batch of `(key, value)` records with timestamps `ts0, ts0+1, ...`.
pub fn batch(
    records: &[(Option<&str>, Option<&str>)],
    ts0: i64,
    compression: Compression,
) -> Bytes {
    let mut builder = BatchBuilder::new(compression);
    for (i, (key, value)) in records.iter().enumerate() {
        builder
            .append(
                ts0 + i as i64,
                key.map(str::as_bytes),
                value.map(str::as_bytes),
                Vec::new(),
            )
            .expect("appends");
    }
    Bytes::from(builder.build().expect("builds"))
}

/// One uncompressed batch of an idempotent producer: values `values`, sequence from `seq`.
pub fn producer_batch(producer_id: i64, epoch: i16, seq: i32, values: &[&str]) -> Bytes {
    let mut builder = BatchBuilder::new(Compression::None).producer(producer_id, epoch, seq);
    for (i, value) in values.iter().enumerate() {
        builder
            .append(1_000 + i as i64, None, Some(value.as_bytes()), Vec::new())
            .expect("appends");
    }
    Bytes::from(builder.build().expect("builds"))
}

/// Creates a topic (CreateTopics v7) and asserts it worked.
/// CreateTopics (v7) of one topic with replication factor 1: the whole answer.
pub async fn create_topic(
    client: &mut Client,
    name: &str,
    partitions: i32,
) -> strom_protocol::generated::CreateTopicsResponse {
    use strom_protocol::generated::create_topics_request::CreatableTopic;
    use strom_protocol::generated::CreateTopicsRequest;
    let request = CreateTopicsRequest {
        topics: vec![CreatableTopic {
            name: name.into(),
            num_partitions: partitions,
            replication_factor: 1,
            ..Default::default()
        }],
        timeout_ms: 20_000,
        ..Default::default()
    };
    match client.call(7, RequestBody::CreateTopics(request)).await {
        ResponseBody::CreateTopics(r) => r,
        other => panic!("unexpected {other:?}"),
    }
}

pub async fn create_topic_ok(client: &mut Client, name: &str, partitions: i32) {
    let r = create_topic(client, name, partitions).await;
    assert_eq!(r.topics[0].error_code, 0, "{r:?}");
}

/// A Produce request of one batch to one partition.
pub fn produce_request(topic: &str, partition: i32, records: Bytes, acks: i16) -> RequestBody {
    use strom_protocol::generated::produce_request::{PartitionProduceData, TopicProduceData};
    use strom_protocol::generated::ProduceRequest;
    RequestBody::Produce(ProduceRequest {
        acks,
        timeout_ms: 5000,
        topic_data: vec![TopicProduceData {
            name: topic.into(),
            partition_data: vec![PartitionProduceData {
                index: partition,
                records: Some(records),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    })
}

/// Produces one batch (v9, given acks) to one partition: (error code, base offset).
pub async fn produce_one(
    client: &mut Client,
    topic: &str,
    partition: i32,
    records: Bytes,
    acks: i16,
) -> (i16, i64) {
    match client
        .call(9, produce_request(topic, partition, records, acks))
        .await
    {
        ResponseBody::Produce(r) => {
            let p = &r.responses[0].partition_responses[0];
            (p.error_code, p.base_offset)
        }
        other => panic!("unexpected {other:?}"),
    }
}

/// One Fetch (v12) of one partition from `offset`, answered at once (`max_wait_ms` 0),
/// at most `max_bytes` (KIP-74: one whole batch even if larger): that partition's data.
pub async fn fetch_partition(
    client: &mut Client,
    topic: &str,
    partition: i32,
    offset: i64,
    max_bytes: i32,
) -> strom_protocol::generated::fetch_response::PartitionData {
    use strom_protocol::generated::fetch_request::{FetchPartition, FetchTopic};
    use strom_protocol::generated::FetchRequest;
    let request = RequestBody::Fetch(FetchRequest {
        replica_id: -1,
        max_wait_ms: 0,
        min_bytes: 0,
        max_bytes,
        topics: vec![FetchTopic {
            topic: topic.into(),
            partitions: vec![FetchPartition {
                partition,
                fetch_offset: offset,
                partition_max_bytes: max_bytes,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    });
    match client.call(12, request).await {
        ResponseBody::Fetch(mut r) => r.responses.remove(0).partitions.remove(0),
        other => panic!("unexpected {other:?}"),
    }
}

/// Every record value in a partition from `offset` on, with its offset (Fetch v12, repeated
/// until the high watermark).
pub async fn read_values(
    client: &mut Client,
    topic: &str,
    partition: i32,
    offset: i64,
) -> Vec<(i64, String)> {
    match try_read_values(client, topic, partition, offset).await {
        Ok(values) => values,
        Err(code) => panic!("fetch error {code}"),
    }
}

/// `read_values`, or the first fetch error code (say OFFSET_OUT_OF_RANGE when retention
/// moved the log start meanwhile).
pub async fn try_read_values(
    client: &mut Client,
    topic: &str,
    partition: i32,
    offset: i64,
) -> Result<Vec<(i64, String)>, i16> {
    let mut out = Vec::new();
    let mut position = offset;
    for _ in 0..10_000 {
        let data = fetch_partition(client, topic, partition, position, 1 << 20).await;
        if data.error_code != 0 {
            return Err(data.error_code);
        }
        let records = data.records.unwrap_or_default();
        for item in strom_protocol::records::batches(&records) {
            let (header, batch) = item.expect("whole batches");
            for record in strom_protocol::records::decode_records(batch).expect("decodes") {
                let at = record.offset(&header);
                if at >= position {
                    let value = record.value.as_deref().unwrap_or_default();
                    out.push((at, String::from_utf8_lossy(value).into_owned()));
                }
            }
            position = position.max(header.next_offset());
        }
        if position >= data.high_watermark {
            return Ok(out);
        }
    }
    panic!("read_values did not reach the high watermark");
}

/// InitProducerId (v4) for an idempotent (non-transactional) producer: (error, id, epoch).
pub async fn init_producer_id(
    client: &mut Client,
    transactional_id: Option<&str>,
) -> (i16, i64, i16) {
    use strom_protocol::generated::InitProducerIdRequest;
    let request = InitProducerIdRequest {
        transactional_id: transactional_id.map(str::to_string),
        transaction_timeout_ms: 60_000,
        producer_id: -1,
        producer_epoch: -1,
        ..Default::default()
    };
    match client.call(4, RequestBody::InitProducerId(request)).await {
        ResponseBody::InitProducerId(r) => (r.error_code, r.producer_id, r.producer_epoch),
        other => panic!("unexpected {other:?}"),
    }
}

/// A Produce request (acks=all) of one batch to partition 0 of `topic`.
pub fn produce_request_body(topic: &str, records: Bytes) -> RequestBody {
    produce_request(topic, 0, records, -1)
}

/// A loopback port free right now (for a process the test starts on it).
pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}
