//! Codec throughput: decoding and encoding a 1 MiB Produce request and Fetch response
//! (four partitions, one batch of 256 records of 1 KiB values each), validating batch
//! headers and CRCs, and iterating records. Throughput is the frame or batch size, so
//! criterion prints bytes per second. Decoding is zero-copy (record batches stay slices of
//! the frame), so its cost does not grow with the record bytes; `produce_decode_validate`
//! adds the CRC pass a broker makes over every byte. Run: `cargo bench -p strom-protocol --bench codec`.

use bytes::{Bytes, BytesMut};
use criterion::{black_box, criterion_group, criterion_main, Criterion, Throughput};
use std::time::Duration;
use strom_protocol::generated::fetch_response::{
    FetchResponse, FetchableTopicResponse, PartitionData,
};
use strom_protocol::generated::produce_request::{
    PartitionProduceData, ProduceRequest, TopicProduceData,
};
use strom_protocol::records::{self, BatchBuilder, Compression};
use strom_protocol::{
    decode_request, decode_response, encode_request, encode_response, ApiKey, RequestBody,
    RequestHeader, ResponseBody,
};

const PARTITIONS: i32 = 4;
const RECORDS_PER_BATCH: usize = 256;
const VALUE_BYTES: usize = 1024;
/// Produce v11 (Java 3.9's choice, flexible, by topic name); Fetch v12 (by topic name).
const PRODUCE_VERSION: i16 = 11;
const FETCH_VERSION: i16 = 12;

/// One uncompressed batch of RECORDS_PER_BATCH records: 8-byte keys, 1 KiB values.
fn batch(seed: u8) -> Bytes {
    let mut builder = BatchBuilder::new(Compression::None).base_timestamp(1_600_000_000_000);
    let value: Vec<u8> = (0..VALUE_BYTES).map(|i| (i as u8) ^ seed).collect();
    for i in 0..RECORDS_PER_BATCH {
        let key = (i as u64).to_be_bytes();
        builder
            .append(i as i64, Some(&key), Some(&value), Vec::new())
            .unwrap();
    }
    Bytes::from(builder.build().unwrap())
}

fn batches() -> Vec<Bytes> {
    (0..PARTITIONS).map(|p| batch(p as u8)).collect()
}

fn produce_frame(batches: &[Bytes]) -> Bytes {
    let partition_data = batches
        .iter()
        .enumerate()
        .map(|(index, records)| PartitionProduceData {
            index: index as i32,
            records: Some(records.clone()),
            ..Default::default()
        })
        .collect();
    let body = RequestBody::Produce(ProduceRequest {
        acks: -1,
        timeout_ms: 30_000,
        topic_data: vec![TopicProduceData {
            name: "bench".into(),
            partition_data,
            ..Default::default()
        }],
        ..Default::default()
    });
    let header = RequestHeader {
        api_key: ApiKey::Produce as i16,
        api_version: PRODUCE_VERSION,
        correlation_id: 1,
        client_id: Some("bench".into()),
        ..Default::default()
    };
    let mut buf = BytesMut::new();
    encode_request(&mut buf, &header, &body).unwrap();
    buf.freeze().slice(4..)
}

fn fetch_body(batches: &[Bytes]) -> ResponseBody {
    let partitions = batches
        .iter()
        .enumerate()
        .map(|(index, records)| PartitionData {
            partition_index: index as i32,
            high_watermark: RECORDS_PER_BATCH as i64,
            last_stable_offset: RECORDS_PER_BATCH as i64,
            log_start_offset: 0,
            aborted_transactions: None,
            records: Some(records.clone()),
            ..Default::default()
        })
        .collect();
    ResponseBody::Fetch(FetchResponse {
        responses: vec![FetchableTopicResponse {
            topic: "bench".into(),
            partitions,
            ..Default::default()
        }],
        ..Default::default()
    })
}

fn configure(c: &mut Criterion) -> criterion::BenchmarkGroup<'_, criterion::measurement::WallTime> {
    let mut group = c.benchmark_group("codec");
    group.measurement_time(Duration::from_secs(3));
    group.warm_up_time(Duration::from_secs(1));
    group
}

fn produce(c: &mut Criterion) {
    let batches = batches();
    let frame = produce_frame(&batches);
    let request = decode_request(&frame).unwrap();
    let mut group = configure(c);
    group.throughput(Throughput::Bytes(frame.len() as u64));
    group.bench_function("produce_decode", |b| {
        b.iter(|| decode_request(black_box(&frame)).unwrap())
    });
    // What a broker does with each Produce request before appending: decode, then check
    // every batch's header and CRC.
    group.bench_function("produce_decode_validate", |b| {
        b.iter(|| {
            let request = decode_request(black_box(&frame)).unwrap();
            let RequestBody::Produce(body) = &request.body else {
                unreachable!()
            };
            for partition in &body.topic_data[0].partition_data {
                records::validate_batch(partition.records.as_ref().unwrap()).unwrap();
            }
        })
    });
    let mut buf = BytesMut::with_capacity(frame.len() + 4);
    group.bench_function("produce_encode", |b| {
        b.iter(|| {
            buf.clear();
            encode_request(&mut buf, &request.header, black_box(&request.body)).unwrap();
        })
    });
    group.finish();
}

fn fetch(c: &mut Criterion) {
    let batches = batches();
    let body = fetch_body(&batches);
    let mut buf = BytesMut::new();
    encode_response(&mut buf, 1, FETCH_VERSION, &body).unwrap();
    let frame = buf.freeze().slice(4..);
    let mut group = configure(c);
    group.throughput(Throughput::Bytes(frame.len() as u64));
    group.bench_function("fetch_decode", |b| {
        b.iter(|| decode_response(black_box(&frame), ApiKey::Fetch, FETCH_VERSION).unwrap())
    });
    let mut out = BytesMut::with_capacity(frame.len() + 4);
    group.bench_function("fetch_encode", |b| {
        b.iter(|| {
            out.clear();
            encode_response(&mut out, 1, FETCH_VERSION, black_box(&body)).unwrap();
        })
    });
    group.finish();
}

fn batch_work(c: &mut Criterion) {
    let batches = batches();
    let total: usize = batches.iter().map(Bytes::len).sum();
    let mut group = configure(c);
    group.throughput(Throughput::Bytes(total as u64));
    group.bench_function("batch_validate_crc", |b| {
        b.iter(|| {
            for batch in &batches {
                records::validate_batch(black_box(batch)).unwrap();
            }
        })
    });
    group.bench_function("records_iterate", |b| {
        b.iter(|| {
            let mut count = 0;
            for batch in &batches {
                count += records::decode_records_shared(black_box(batch), usize::MAX)
                    .unwrap()
                    .len();
            }
            assert_eq!(count, RECORDS_PER_BATCH * PARTITIONS as usize);
        })
    });
    group.finish();
}

criterion_group!(benches, produce, fetch, batch_work);
criterion_main!(benches);
