//! Cross-checks strom's record batches against an independent implementation, the
//! kafka-protocol crate: batches strom builds decode there, batches it encodes decode here,
//! for every codec, and uncompressed and snappy batches are byte-for-byte identical.

use bytes::{Bytes, BytesMut};
use kafka_protocol::indexmap::IndexMap;
use kafka_protocol::protocol::StrBytes;
use kafka_protocol::records::{
    Compression as KpCompression, Record as KpRecord, RecordBatchDecoder, RecordBatchEncoder,
    RecordEncodeOptions, TimestampType as KpTimestampType,
};
use strom_protocol::records::{
    batches, decode_records, validate_batch, BatchBuilder, Compression, ControlRecordType,
    EndTxnMarker, RecordHeader,
};

const CODECS: [(Compression, KpCompression); 5] = [
    (Compression::None, KpCompression::None),
    (Compression::Gzip, KpCompression::Gzip),
    (Compression::Snappy, KpCompression::Snappy),
    (Compression::Lz4, KpCompression::Lz4),
    (Compression::Zstd, KpCompression::Zstd),
];

/// One record as both sides see it: timestamp, key, value, headers.
struct Sample {
    timestamp: i64,
    key: Option<&'static [u8]>,
    value: Option<&'static [u8]>,
    headers: Vec<(&'static str, Option<&'static [u8]>)>,
}

fn samples() -> Vec<Sample> {
    vec![
        Sample {
            timestamp: 1_700_000_000_000,
            key: Some(b"user-1"),
            value: Some(b"created"),
            headers: vec![("trace-id", Some(b"0af7")), ("flag", None)],
        },
        Sample {
            timestamp: 1_700_000_000_003,
            key: None,
            value: Some(b"keyless"),
            headers: vec![],
        },
        Sample {
            timestamp: 1_700_000_000_007,
            key: Some(b"user-1"),
            value: None,
            headers: vec![],
        },
        Sample {
            timestamp: 1_700_000_000_009,
            key: Some(b""),
            value: Some(&[0u8; 3000]),
            headers: vec![("", Some(b""))],
        },
    ]
}

const BASE_OFFSET: i64 = 1_000;
const PRODUCER_ID: i64 = 4_242;
const PRODUCER_EPOCH: i16 = 7;
const BASE_SEQUENCE: i32 = 30;
const LEADER_EPOCH: i32 = 3;

fn strom_batch(codec: Compression) -> Vec<u8> {
    let mut builder = BatchBuilder::new(codec)
        .base_offset(BASE_OFFSET)
        .partition_leader_epoch(LEADER_EPOCH)
        .producer(PRODUCER_ID, PRODUCER_EPOCH, BASE_SEQUENCE)
        .transactional(true);
    for s in samples() {
        let headers = s
            .headers
            .iter()
            .map(|(k, v)| RecordHeader {
                key: k.to_string(),
                value: v.map(Bytes::from_static),
            })
            .collect();
        builder
            .append(s.timestamp, s.key, s.value, headers)
            .unwrap();
    }
    builder.build().unwrap()
}

fn kp_records() -> Vec<KpRecord> {
    samples()
        .into_iter()
        .enumerate()
        .map(|(i, s)| KpRecord {
            transactional: true,
            control: false,
            delete_horizon: false,
            partition_leader_epoch: LEADER_EPOCH,
            producer_id: PRODUCER_ID,
            producer_epoch: PRODUCER_EPOCH,
            timestamp_type: KpTimestampType::Creation,
            offset: BASE_OFFSET + i as i64,
            sequence: BASE_SEQUENCE + i as i32,
            timestamp: s.timestamp,
            key: s.key.map(Bytes::from_static),
            value: s.value.map(Bytes::from_static),
            headers: s
                .headers
                .iter()
                .map(|(k, v)| (StrBytes::from_static_str(k), v.map(Bytes::from_static)))
                .collect::<IndexMap<_, _>>(),
        })
        .collect()
}

fn kp_encode(codec: KpCompression) -> Vec<u8> {
    let mut buf = BytesMut::new();
    let options = RecordEncodeOptions {
        version: 2,
        compression: codec,
    };
    RecordBatchEncoder::encode(&mut buf, &kp_records(), &options).unwrap();
    buf.to_vec()
}

#[test]
fn strom_batches_decode_in_kafka_protocol() {
    // Every field strom writes, for every codec, reads back identically in kafka-protocol.
    for (codec, kp_codec) in CODECS {
        let mut bytes = Bytes::from(strom_batch(codec));
        let set = RecordBatchDecoder::decode(&mut bytes).unwrap();
        assert_eq!(set.compression, kp_codec);
        assert_eq!(set.version, 2);
        assert_eq!(set.records, kp_records(), "{codec:?}");
    }
}

#[test]
fn kafka_protocol_batches_decode_in_strom() {
    // Batches kafka-protocol encodes (its lz4 uses liblz4 with content checksums) validate
    // and decode here with every field intact.
    for (codec, _) in CODECS {
        let batch = kp_encode(CODECS.iter().find(|c| c.0 == codec).unwrap().1);
        let header = validate_batch(&batch).unwrap();
        assert_eq!(header.compression(), codec);
        assert_eq!(
            (
                header.base_offset,
                header.last_offset_delta,
                header.records_count
            ),
            (BASE_OFFSET, 3, 4)
        );
        assert_eq!(
            (
                header.producer_id,
                header.producer_epoch,
                header.base_sequence
            ),
            (PRODUCER_ID, PRODUCER_EPOCH, BASE_SEQUENCE)
        );
        assert_eq!(
            (header.partition_leader_epoch, header.is_transactional()),
            (LEADER_EPOCH, true)
        );
        assert_eq!(
            (header.base_timestamp, header.max_timestamp),
            (1_700_000_000_000, 1_700_000_000_009)
        );
        let records = decode_records(&batch).unwrap();
        for (record, sample) in records.iter().zip(samples()) {
            assert_eq!(record.timestamp(&header), sample.timestamp);
            assert_eq!(record.key.as_deref(), sample.key);
            assert_eq!(record.value.as_deref(), sample.value);
            let headers: Vec<(&str, Option<&[u8]>)> = record
                .headers
                .iter()
                .map(|h| (h.key.as_str(), h.value.as_deref()))
                .collect();
            assert_eq!(headers, sample.headers);
        }
        let offsets: Vec<i64> = records.iter().map(|r| r.offset(&header)).collect();
        assert_eq!(offsets, [1_000, 1_001, 1_002, 1_003], "{codec:?}");
    }
}

#[test]
fn uncompressed_and_snappy_bytes_are_identical() {
    // With no codec choices left open (level, block size), both encoders write the same bytes.
    assert_eq!(
        strom_batch(Compression::None),
        kp_encode(KpCompression::None)
    );
    assert_eq!(
        strom_batch(Compression::Snappy),
        kp_encode(KpCompression::Snappy)
    );
}

#[test]
fn control_batch_reads_as_control_in_kafka_protocol() {
    // A commit marker strom builds is a control, transactional record with the marker bytes.
    let mut batch = EndTxnMarker {
        control_type: ControlRecordType::Commit,
        coordinator_epoch: 9,
    }
    .build_batch(PRODUCER_ID, PRODUCER_EPOCH, 55);
    strom_protocol::records::set_base_offset(&mut batch, 77);
    let set = RecordBatchDecoder::decode(&mut Bytes::from(batch)).unwrap();
    let record = &set.records[0];
    assert_eq!(set.records.len(), 1);
    assert!(record.control && record.transactional);
    assert_eq!(
        (record.offset, record.timestamp, record.sequence),
        (77, 55, -1)
    );
    assert_eq!(record.key.as_deref(), Some(&[0, 0, 0, 1][..]));
    assert_eq!(record.value.as_deref(), Some(&[0, 0, 0, 0, 0, 9][..]));
}

#[test]
fn concatenated_batches_from_kafka_protocol_iterate() {
    // Records from two producers encode as two batches, which strom's iterator finds in order.
    let mut records = kp_records();
    for record in &mut records[2..] {
        record.producer_id = PRODUCER_ID + 1;
    }
    let mut buf = BytesMut::new();
    RecordBatchEncoder::encode(
        &mut buf,
        &records,
        &RecordEncodeOptions {
            version: 2,
            compression: KpCompression::Lz4,
        },
    )
    .unwrap();
    let found: Vec<(i64, i64, i32)> = batches(&buf)
        .map(|item| {
            let (header, batch) = item.unwrap();
            assert_eq!(validate_batch(batch), Ok(header));
            (header.base_offset, header.producer_id, header.records_count)
        })
        .collect();
    assert_eq!(
        found,
        [(1_000, PRODUCER_ID, 2), (1_002, PRODUCER_ID + 1, 2)]
    );
}
