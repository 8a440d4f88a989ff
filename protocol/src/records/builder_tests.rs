//! Tests of the batch builder and of transaction markers.

use super::*;
use crate::records::{batches, validate_batch, BatchHeader};

#[test]
fn builder_fills_the_header() {
    // Producer fields, flags, counts, deltas and timestamps land in the header as given.
    let mut builder = BatchBuilder::new(Compression::Zstd)
        .base_offset(40)
        .partition_leader_epoch(5)
        .producer(9_000, 2, 17)
        .transactional(true);
    assert!(builder.is_empty());
    assert_eq!(
        builder
            .append(2_000, Some(b"a"), Some(b"1"), vec![])
            .unwrap(),
        0
    );
    assert_eq!(
        builder
            .append(2_500, Some(b"b"), Some(b"2"), vec![])
            .unwrap(),
        1
    );
    assert_eq!(
        builder
            .append(2_100, Some(b"c"), Some(b"3"), vec![])
            .unwrap(),
        2
    );
    assert_eq!(builder.len(), 3);
    let batch = builder.build().unwrap();
    let header = validate_batch(&batch).unwrap();
    assert_eq!(
        header,
        BatchHeader {
            base_offset: 40,
            batch_length: batch.len() as i32 - 12,
            partition_leader_epoch: 5,
            magic: 2,
            crc: crc32c::crc32c(&batch[21..]),
            attributes: 4 | 16,
            last_offset_delta: 2,
            base_timestamp: 2_000,
            max_timestamp: 2_500,
            producer_id: 9_000,
            producer_epoch: 2,
            base_sequence: 17,
            records_count: 3,
        }
    );
    assert_eq!(header.last_offset(), 42);
}

#[test]
fn defaults_describe_a_plain_producer() {
    // Without producer settings the batch carries -1 ids, epoch and sequence, CreateTime.
    let mut builder = BatchBuilder::new(Compression::None);
    builder.append(1, None, Some(b"x"), vec![]).unwrap();
    let header = validate_batch(&builder.build().unwrap()).unwrap();
    assert_eq!(
        (
            header.producer_id,
            header.producer_epoch,
            header.base_sequence
        ),
        (-1, -1, -1)
    );
    assert_eq!(
        (
            header.base_offset,
            header.partition_leader_epoch,
            header.attributes
        ),
        (0, -1, 0)
    );
    assert!(!header.has_producer_id());
}

#[test]
fn empty_batch_keeps_its_offset_span() {
    // A batch emptied by compaction still covers its offsets and has no timestamp.
    let batch = BatchBuilder::new(Compression::Gzip)
        .base_offset(10)
        .last_offset_delta(4)
        .build()
        .unwrap();
    let header = validate_batch(&batch).unwrap();
    assert_eq!(
        (
            header.records_count,
            header.last_offset(),
            header.max_timestamp
        ),
        (0, 14, NO_TIMESTAMP)
    );
    assert_eq!(header.base_timestamp, NO_TIMESTAMP);
    assert_eq!(decode_records(&batch).unwrap(), vec![]);
}

#[test]
fn rewriting_keeps_offset_gaps() {
    // Records appended with explicit deltas (as compaction does) keep their offsets.
    let mut builder = BatchBuilder::new(Compression::Lz4)
        .base_offset(100)
        .base_timestamp(5_000);
    for (delta, ts) in [(1, 3), (4, 9), (7, 1)] {
        let record = Record {
            offset_delta: delta,
            timestamp_delta: ts,
            value: Some(Bytes::from_static(b"v")),
            ..Record::default()
        };
        builder.append_record(&record).unwrap();
    }
    let regress = Record {
        offset_delta: 7,
        ..Record::default()
    };
    assert_eq!(
        builder.append_record(&regress),
        Err(malformed("offset deltas must increase"))
    );
    let batch = builder.last_offset_delta(9).build().unwrap();
    let header = validate_batch(&batch).unwrap();
    assert_eq!(
        (
            header.last_offset_delta,
            header.max_timestamp,
            header.records_count
        ),
        (9, 5_009, 3)
    );
    let offsets: Vec<i64> = decode_records(&batch)
        .unwrap()
        .iter()
        .map(|r| r.offset(&header))
        .collect();
    assert_eq!(offsets, [101, 104, 107]);
}

#[test]
fn log_append_time_flag() {
    // The builder can mark a batch LogAppendTime directly.
    let batch = BatchBuilder::new(Compression::None)
        .timestamp_type(TimestampType::LogAppendTime)
        .build()
        .unwrap();
    assert_eq!(
        validate_batch(&batch).unwrap().timestamp_type(),
        TimestampType::LogAppendTime
    );
}

#[test]
fn control_batch_round_trip() {
    // A commit marker builds to a valid control batch and parses back to the same marker.
    for control_type in [ControlRecordType::Commit, ControlRecordType::Abort] {
        let marker = EndTxnMarker {
            control_type,
            coordinator_epoch: 23,
        };
        let batch = marker.build_batch(777, 4, 1_650_000_000_000);
        let header = validate_batch(&batch).unwrap();
        assert!(header.is_control());
        assert!(header.is_transactional());
        assert_eq!(header.compression(), Compression::None);
        assert_eq!(
            (
                header.producer_id,
                header.producer_epoch,
                header.base_sequence
            ),
            (777, 4, -1)
        );
        assert_eq!(
            (
                header.records_count,
                header.last_offset_delta,
                header.max_timestamp
            ),
            (1, 0, 1_650_000_000_000)
        );
        let records = decode_records(&batch).unwrap();
        assert_eq!(
            records[0].key.as_deref(),
            Some(&[0, 0, 0, control_type as u8][..])
        );
        assert_eq!(records[0].value.as_deref(), Some(&[0, 0, 0, 0, 0, 23][..]));
        assert_eq!(EndTxnMarker::from_batch(&batch), Ok(marker));
        assert_eq!(batches(&batch).count(), 1);
    }
}

#[test]
fn control_parsing_rejects_bad_markers() {
    // Short keys and values, unknown types and non-control batches are errors.
    assert_eq!(
        ControlRecordType::parse_key(&[0, 0, 0]),
        Err(malformed("control record key shorter than 4 bytes"))
    );
    assert_eq!(
        ControlRecordType::parse_key(&[0, 0, 0, 5]),
        Err(malformed("unknown control record type"))
    );
    assert_eq!(
        ControlRecordType::parse_key(&[0, 1, 0, 1, 9]),
        Ok(ControlRecordType::Commit)
    );
    let short = Record {
        key: Some(Bytes::from_static(&[0, 0, 0, 1])),
        value: Some(Bytes::from_static(&[0, 0, 1])),
        ..Record::default()
    };
    assert_eq!(
        EndTxnMarker::parse(&short),
        Err(malformed("transaction marker value shorter than 6 bytes"))
    );
    let mut user = BatchBuilder::new(Compression::None);
    user.append(0, None, None, vec![]).unwrap();
    assert_eq!(
        EndTxnMarker::from_batch(&user.build().unwrap()),
        Err(malformed("not a control batch"))
    );
}
