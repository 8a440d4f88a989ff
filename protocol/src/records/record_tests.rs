//! Tests of record encoding and decoding, on batches from the builder and on hand-made
//! malformed bytes.

use super::*;
use crate::records::header::write_crc;
use crate::records::BatchBuilder;

const CODECS: [Compression; 5] = [
    Compression::None,
    Compression::Gzip,
    Compression::Snappy,
    Compression::Lz4,
    Compression::Zstd,
];

fn rec_header(key: &str, value: Option<&[u8]>) -> RecordHeader {
    RecordHeader {
        key: key.to_string(),
        value: value.map(Bytes::copy_from_slice),
    }
}

/// Four records covering a keyed record with headers, a null key, a tombstone and an
/// earlier timestamp than the first.
fn mixed_batch(codec: Compression) -> Vec<u8> {
    let mut builder = BatchBuilder::new(codec).base_offset(500);
    builder
        .append(
            1_000,
            Some(b"user-1"),
            Some(b"hello"),
            vec![rec_header("trace", Some(b"abc")), rec_header("empty", None)],
        )
        .unwrap();
    builder
        .append(1_010, None, Some(b"no key"), vec![])
        .unwrap();
    builder
        .append(1_020, Some(b"user-1"), None, vec![])
        .unwrap();
    builder.append(990, Some(b""), Some(b""), vec![]).unwrap();
    builder.build().unwrap()
}

#[test]
fn record_encoding_is_byte_exact() {
    // Key "k", value "v", no headers encodes as length 8 (zigzag 16) then the fields.
    let record = Record {
        key: Some(Bytes::from_static(b"k")),
        value: Some(Bytes::from_static(b"v")),
        ..Record::default()
    };
    let mut out = Vec::new();
    record.encode(&mut out);
    assert_eq!(out, [16, 0, 0, 0, 2, b'k', 2, b'v', 0]);
    assert_eq!(record.encoded_len(), 9);
}

#[test]
fn decodes_keys_nulls_tombstones_headers_and_timestamps() {
    // Every field of every record comes back exactly, for every codec.
    for codec in CODECS {
        let batch = mixed_batch(codec);
        let header = validate_batch(&batch).unwrap();
        assert_eq!(header.compression(), codec);
        assert_eq!((header.records_count, header.last_offset_delta), (4, 3));
        assert_eq!(
            (header.base_timestamp, header.max_timestamp),
            (1_000, 1_020)
        );
        let records = decode_records(&batch).unwrap();
        let offsets: Vec<i64> = records.iter().map(|r| r.offset(&header)).collect();
        let timestamps: Vec<i64> = records.iter().map(|r| r.timestamp(&header)).collect();
        assert_eq!(offsets, [500, 501, 502, 503], "{codec:?}");
        assert_eq!(timestamps, [1_000, 1_010, 1_020, 990], "{codec:?}");
        assert_eq!(records[0].key.as_deref(), Some(&b"user-1"[..]));
        assert_eq!(records[0].value.as_deref(), Some(&b"hello"[..]));
        assert_eq!(
            records[0].headers,
            vec![rec_header("trace", Some(b"abc")), rec_header("empty", None)]
        );
        assert_eq!(records[1].key, None);
        assert_eq!(records[1].value.as_deref(), Some(&b"no key"[..]));
        assert_eq!(records[2].value, None);
        assert_eq!(records[3].key.as_deref(), Some(&b""[..]));
        assert_eq!(records[3].value.as_deref(), Some(&b""[..]));
        assert_eq!(records[3].timestamp_delta, -10);
        assert_eq!(
            decode_records_shared(&Bytes::from(batch), DEFAULT_DECOMPRESSION_LIMIT).unwrap(),
            records
        );
    }
}

#[test]
fn log_append_time_overrides_record_timestamps() {
    // In a LogAppendTime batch every record reports the batch's max timestamp.
    let mut batch = mixed_batch(Compression::None);
    crate::records::set_log_append_time(&mut batch, 77_000);
    let header = validate_batch(&batch).unwrap();
    let timestamps: Vec<i64> = decode_records(&batch)
        .unwrap()
        .iter()
        .map(|r| r.timestamp(&header))
        .collect();
    assert_eq!(timestamps, [77_000; 4]);
}

#[test]
fn shared_decode_is_zero_copy_when_uncompressed() {
    // Values of an uncompressed batch decoded from Bytes point into the batch itself.
    let batch = Bytes::from(mixed_batch(Compression::None));
    let records = decode_records_shared(&batch, DEFAULT_DECOMPRESSION_LIMIT).unwrap();
    let value = records[0].value.as_ref().unwrap();
    let start = value.as_ptr() as usize - batch.as_ptr() as usize;
    assert_eq!(&batch[start..start + 5], b"hello");
}

/// An uncompressed batch whose records section is `section`, claiming `count` records.
fn raw_batch(count: i32, section: &[u8]) -> Vec<u8> {
    let mut batch = BatchBuilder::new(Compression::None).build().unwrap();
    batch.extend_from_slice(section);
    let batch_length = (batch.len() - 12) as i32;
    batch[8..12].copy_from_slice(&batch_length.to_be_bytes());
    batch[57..61].copy_from_slice(&count.to_be_bytes());
    write_crc(&mut batch);
    batch
}

#[test]
fn count_must_match_the_records() {
    // One record claimed as two is truncated where the second record's length would start
    // (byte 70, after the 61-byte header and the 9-byte record); claimed as zero leaves
    // bytes over from byte 61.
    let record = [16, 0, 0, 0, 2, b'k', 2, b'v', 0];
    assert_eq!(decode_records(&raw_batch(1, &record)).unwrap().len(), 1);
    assert_eq!(
        decode_records(&raw_batch(2, &record)),
        Err(truncated("record.length", 70))
    );
    assert_eq!(
        decode_records(&raw_batch(0, &record)),
        Err(malformed_at(
            "bytes left after the declared records_count",
            61
        ))
    );
}

#[test]
fn malformed_records_are_named() {
    // Each structural defect in a record yields its own error, at the byte where the
    // offending field starts (the record starts at byte 61: length 61, attributes 62,
    // timestamp delta 63, offset delta 64, key length 65).
    let cases: [(&[u8], RecordError); 8] = [
        (&[1], malformed_at("negative record length", 61)),
        (&[40, 0], truncated("record", 61)),
        (&[0], malformed_at("empty record", 61)),
        (
            &[18, 0, 0, 0, 2, b'k', 2, b'v', 0, 0],
            malformed_at("bytes left inside a record after its fields", 70),
        ),
        (&[12, 0, 0, 0, 3, 1, 0], malformed_at("length below -1", 65)),
        (
            &[12, 0, 0, 0, 1, 1, 1],
            malformed_at("negative header count", 67),
        ),
        (
            &[16, 0, 0, 0, 1, 1, 2, 1, 1],
            malformed_at("null header key", 68),
        ),
        (
            &[18, 0, 0, 0, 1, 1, 2, 2, 0xff, 1],
            malformed_at("header key is not UTF-8", 68),
        ),
    ];
    for (section, expected) in cases {
        assert_eq!(
            decode_records(&raw_batch(1, section)),
            Err(expected),
            "{section:?}"
        );
    }
}

#[test]
fn huge_lengths_and_counts_do_not_allocate() {
    // Lengths and counts near 2^31 inside a tiny batch are errors, found without allocating.
    let huge_key = [0xfe, 0xff, 0xff, 0xff, 0x0f];
    let mut record = vec![30, 0, 0, 0];
    record.extend_from_slice(&huge_key);
    record.resize(16, 0);
    assert_eq!(
        decode_records(&raw_batch(1, &record)),
        Err(truncated("record.key", 65))
    );
    // 2^30 headers claimed: the first header key's length (byte 72) is past the record.
    let huge_headers = [20, 0, 0, 0, 1, 1, 0xfe, 0xff, 0xff, 0xff, 0x0f];
    assert_eq!(
        decode_records(&raw_batch(1, &huge_headers)),
        Err(truncated("record.header.key", 72))
    );
    assert_eq!(
        decode_records(&raw_batch(i32::MAX, &[16, 0, 0, 0, 2, b'k', 2, b'v', 0])),
        Err(truncated("record.length", 70))
    );
}

#[test]
fn decompression_limit_applies() {
    // A gzip batch whose records section inflates past the limit is refused.
    let mut builder = BatchBuilder::new(Compression::Gzip);
    builder
        .append(0, None, Some(&[0u8; 100_000]), vec![])
        .unwrap();
    let batch = builder.build().unwrap();
    assert_eq!(
        decode_records_with_limit(&batch, 50_000),
        Err(RecordError::DecompressedTooLarge { limit: 50_000 })
    );
    assert_eq!(
        decode_records_with_limit(&batch, 200_000).unwrap()[0]
            .value
            .as_ref()
            .unwrap()
            .len(),
        100_000
    );
}

#[test]
fn positions_inside_compressed_sections_count_as_uncompressed() {
    // The same malformed record (a key length of -2 at section byte 4) is reported at byte
    // 65 whether the section is stored plain or gzip-compressed.
    let section = [12, 0, 0, 0, 3, 1, 0];
    let plain = raw_batch(1, &section);
    assert_eq!(
        decode_records(&plain),
        Err(malformed_at("length below -1", 65))
    );
    let packed = crate::records::compress(Compression::Gzip, &section).unwrap();
    let mut gzip = raw_batch(1, &packed);
    gzip[21..23].copy_from_slice(&(Compression::Gzip as i16).to_be_bytes());
    write_crc(&mut gzip);
    assert_eq!(
        decode_records(&gzip),
        Err(malformed_at("length below -1", 65))
    );
}
