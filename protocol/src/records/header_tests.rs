//! Tests of the batch header, validation, iteration and in-place patches, on batches laid
//! out byte by byte here so they do not depend on the builder.

use super::*;

/// One record: attributes 0, timestamp delta 0, offset delta 0, key "k", value "v", no headers.
const RECORD: [u8; 9] = [16, 0, 0, 0, 2, b'k', 2, b'v', 0];

/// A valid batch of `RECORD` at base offset 100, with a correct CRC.
fn sample_batch(attributes: i16) -> Vec<u8> {
    let mut batch = Vec::new();
    batch.extend_from_slice(&100i64.to_be_bytes()); // base_offset
    batch.extend_from_slice(&((MIN_BATCH_LENGTH as usize + RECORD.len()) as i32).to_be_bytes());
    batch.extend_from_slice(&7i32.to_be_bytes()); // partition_leader_epoch
    batch.push(2); // magic
    batch.extend_from_slice(&0u32.to_be_bytes()); // crc, written below
    batch.extend_from_slice(&attributes.to_be_bytes());
    batch.extend_from_slice(&0i32.to_be_bytes()); // last_offset_delta
    batch.extend_from_slice(&1_700_000_000_000i64.to_be_bytes()); // base_timestamp
    batch.extend_from_slice(&1_700_000_000_005i64.to_be_bytes()); // max_timestamp
    batch.extend_from_slice(&42i64.to_be_bytes()); // producer_id
    batch.extend_from_slice(&3i16.to_be_bytes()); // producer_epoch
    batch.extend_from_slice(&9i32.to_be_bytes()); // base_sequence
    batch.extend_from_slice(&1i32.to_be_bytes()); // records_count
    batch.extend_from_slice(&RECORD);
    write_crc(&mut batch);
    batch
}

#[test]
fn parse_reads_every_field() {
    // Every header field is read from its documented position.
    let batch = sample_batch(TRANSACTIONAL_BIT);
    let header = BatchHeader::parse(&batch).unwrap();
    assert_eq!(
        header,
        BatchHeader {
            base_offset: 100,
            batch_length: 58,
            partition_leader_epoch: 7,
            magic: 2,
            crc: compute_crc(&batch),
            attributes: 16,
            last_offset_delta: 0,
            base_timestamp: 1_700_000_000_000,
            max_timestamp: 1_700_000_000_005,
            producer_id: 42,
            producer_epoch: 3,
            base_sequence: 9,
            records_count: 1,
        }
    );
    assert_eq!(header.total_len(), 70);
    assert_eq!(batch.len(), 70);
    assert_eq!(header.last_offset(), 100);
    assert_eq!(header.next_offset(), 101);
    assert!(header.is_transactional());
    assert!(!header.is_control());
    assert!(!header.has_delete_horizon());
    assert_eq!(header.timestamp_type(), TimestampType::CreateTime);
    assert_eq!(header.compression(), Compression::None);
    assert_eq!(validate_batch(&batch), Ok(header));
}

#[test]
fn attribute_bits_decode() {
    // Each attribute bit maps to its own accessor.
    let header = BatchHeader::parse(&sample_batch(0b0110_1011)).unwrap();
    assert_eq!(header.compression(), Compression::Lz4);
    assert_eq!(header.timestamp_type(), TimestampType::LogAppendTime);
    assert!(!header.is_transactional());
    assert!(header.is_control());
    assert!(header.has_delete_horizon());
    for (bits, codec) in [
        (1, Compression::Gzip),
        (2, Compression::Snappy),
        (4, Compression::Zstd),
    ] {
        assert_eq!(Compression::from_attributes(bits), Ok(codec));
    }
    assert_eq!(
        Compression::from_attributes(0x0f),
        Err(RecordError::UnknownCompression(7))
    );
}

#[test]
fn parse_needs_a_whole_header() {
    // A header cut short names the field the input ends in, at that field's first byte.
    let cases = [
        (0, "base_offset", 0),
        (7, "base_offset", 0),
        (8, "batch_length", 8),
        (17, "crc", 17),
        (30, "base_timestamp", 27),
        (52, "producer_epoch", 51),
        (60, "records_count", 57),
    ];
    for (len, field, offset) in cases {
        assert_eq!(
            BatchHeader::parse(&[0u8; 60][..len]),
            Err(RecordError::Truncated { field, offset }),
            "{len} bytes"
        );
    }
}

#[test]
fn bad_crc_reports_both_values() {
    // A flipped record byte is caught, and the error carries the stored and computed CRCs.
    let mut batch = sample_batch(0);
    let stored = compute_crc(&batch);
    let last = batch.len() - 2;
    batch[last] ^= 0xff;
    let actual = crc32c::crc32c(&batch[21..]);
    assert_ne!(stored, actual);
    assert_eq!(
        validate_batch(&batch),
        Err(RecordError::CorruptCrc {
            expected: stored,
            actual
        })
    );
}

#[test]
fn bad_crc_known_value() {
    // The CRC of the sample batch is CRC-32C (Castagnoli), checked against an independent value.
    assert_eq!(crc32c::crc32c(b"123456789"), 0xe306_9283);
    let mut batch = sample_batch(0);
    batch[17..21].copy_from_slice(&0xdead_beefu32.to_be_bytes());
    let actual = compute_crc(&batch);
    assert_eq!(
        validate_batch(&batch),
        Err(RecordError::CorruptCrc {
            expected: 0xdead_beef,
            actual
        })
    );
}

#[test]
fn validate_rejects_each_defect() {
    // Magic, length, counts and codec are each checked.
    let good = sample_batch(0);

    let mut bad_magic = good.clone();
    bad_magic[16] = 1;
    assert_eq!(validate_batch(&bad_magic), Err(RecordError::BadMagic(1)));

    assert_eq!(
        validate_batch(&good[..good.len() - 1]),
        Err(RecordError::Truncated {
            field: "records",
            offset: 61
        })
    );
    let mut longer = good.clone();
    longer.push(0);
    assert_eq!(validate_batch(&longer), Err(RecordError::InvalidLength));

    let mut short_length = good.clone();
    short_length[8..12].copy_from_slice(&48i32.to_be_bytes());
    assert_eq!(
        validate_batch(&short_length),
        Err(RecordError::InvalidLength)
    );

    let mut negative_count = good.clone();
    negative_count[57..61].copy_from_slice(&(-1i32).to_be_bytes());
    write_crc(&mut negative_count);
    assert_eq!(
        validate_batch(&negative_count),
        Err(RecordError::Malformed {
            what: "negative records_count",
            offset: Some(57)
        })
    );

    let mut negative_delta = good.clone();
    negative_delta[23..27].copy_from_slice(&(-1i32).to_be_bytes());
    write_crc(&mut negative_delta);
    assert_eq!(
        validate_batch(&negative_delta),
        Err(RecordError::Malformed {
            what: "negative last_offset_delta",
            offset: Some(23)
        })
    );

    let codec_six = sample_batch(6);
    assert_eq!(
        validate_batch(&codec_six),
        Err(RecordError::UnknownCompression(6))
    );
}

#[test]
fn patches_outside_the_crc_keep_it_valid() {
    // Base offset and leader epoch patches leave the CRC untouched and valid.
    let mut batch = sample_batch(0);
    let crc = compute_crc(&batch);
    set_base_offset(&mut batch, 1_234_567);
    set_partition_leader_epoch(&mut batch, 12);
    let header = validate_batch(&batch).unwrap();
    assert_eq!(header.base_offset, 1_234_567);
    assert_eq!(header.partition_leader_epoch, 12);
    assert_eq!(header.crc, crc);
}

#[test]
fn log_append_time_rewrites_crc() {
    // Setting LogAppendTime flips bit 3, sets max_timestamp and leaves a valid CRC.
    let mut batch = sample_batch(TRANSACTIONAL_BIT);
    set_log_append_time(&mut batch, 1_800_000_000_000);
    let header = validate_batch(&batch).unwrap();
    assert_eq!(header.timestamp_type(), TimestampType::LogAppendTime);
    assert_eq!(header.max_timestamp, 1_800_000_000_000);
    assert_eq!(header.base_timestamp, 1_700_000_000_000);
    assert_eq!(header.attributes, TRANSACTIONAL_BIT | TIMESTAMP_TYPE_BIT);
}

#[test]
fn iterates_concatenated_batches() {
    // Three batches back to back come out in order, each as its whole slice.
    let mut log = Vec::new();
    for base in [0i64, 1, 2] {
        let mut batch = sample_batch(0);
        set_base_offset(&mut batch, base);
        log.extend_from_slice(&batch);
    }
    let mut iter = batches(&log);
    let offsets: Vec<i64> = iter
        .by_ref()
        .map(|item| item.unwrap().0.base_offset)
        .collect();
    assert_eq!(offsets, vec![0, 1, 2]);
    assert_eq!(iter.position(), 210);
    assert_eq!(batches(&log).nth(1).unwrap().unwrap().1, &log[70..140]);
    assert_eq!(batches(&[]).count(), 0);
}

#[test]
fn iteration_stops_at_a_partial_batch() {
    // A torn tail yields Truncated once, positioned in the whole input (the torn batch
    // starts at byte 70), then nothing; position marks the last whole batch.
    let batch = sample_batch(0);
    let cases = [
        (1usize, "base_offset", 70),
        (30, "base_timestamp", 97),
        (61, "records", 131),
        (69, "records", 131),
    ];
    for (cut, field, offset) in cases {
        let mut log = batch.clone();
        log.extend_from_slice(&batch[..cut]);
        let mut iter = batches(&log);
        assert!(iter.next().unwrap().is_ok());
        assert_eq!(
            iter.next(),
            Some(Err(RecordError::Truncated { field, offset })),
            "cut at {cut}"
        );
        assert_eq!(iter.next(), None);
        assert_eq!(iter.position(), 70);
    }
}

#[test]
fn iteration_rejects_tiny_length() {
    // A batch_length below the header size cannot be stepped over and ends iteration.
    let mut batch = sample_batch(0);
    batch[8..12].copy_from_slice(&(-5i32).to_be_bytes());
    let mut iter = batches(&batch);
    assert_eq!(iter.next(), Some(Err(RecordError::InvalidLength)));
    assert_eq!(iter.next(), None);
    assert_eq!(iter.position(), 0);
}
