//! Malformed requests name the field and the byte where decoding failed. Each test encodes a
//! real request, checks the layout it is about to corrupt (so the offsets below are facts
//! about the frame, not guesses), corrupts one field at a known byte, and asserts the
//! `DecodeError`'s kind, `field` and `offset` exactly.

use bytes::{Bytes, BytesMut};
use strom_protocol::generated::fetch_request::{FetchPartition, FetchRequest, FetchTopic};
use strom_protocol::generated::metadata_request::{MetadataRequest, MetadataRequestTopic};
use strom_protocol::generated::produce_request::{
    PartitionProduceData, ProduceRequest, TopicProduceData,
};
use strom_protocol::{
    decode_request, encode_request, DecodeError, DecodeErrorKind, RequestBody, RequestHeader, Uuid,
};

/// Request header v1 with client id "c": api_key, api_version, correlation_id (8 bytes),
/// then the int16 length and the one byte of the client id. Header v2 adds one byte, the
/// empty tagged-field section.
const HEADER_V1_LEN: usize = 11;
const HEADER_V2_LEN: usize = 12;

/// The frame (without its size prefix) of `body` at `version`.
fn frame(api_key: i16, version: i16, body: RequestBody) -> Vec<u8> {
    let header = RequestHeader {
        api_key,
        api_version: version,
        correlation_id: 7,
        client_id: Some("c".to_string()),
        ..Default::default()
    };
    let mut buf = BytesMut::new();
    encode_request(&mut buf, &header, &body).unwrap();
    let frame = buf[4..].to_vec();
    // The untouched frame decodes: every failure below comes from the corruption alone.
    decode_request(&Bytes::from(frame.clone())).unwrap();
    frame
}

fn decode_error(frame: &[u8]) -> DecodeError {
    decode_request(&Bytes::copy_from_slice(frame)).unwrap_err()
}

/// (kind, field, offset) of an error, for one-line assertions.
fn parts(e: DecodeError) -> (DecodeErrorKind, &'static str, Option<usize>) {
    (e.kind, e.field, e.offset)
}

/// Produce v7 (non-flexible) to topic "t", partition 0, with a 3-byte records field.
/// Layout: header 0..11, transactional_id 11, acks 13, timeout_ms 15, topic_data count 19,
/// name 23, partition_data count 26, index 30, records 34 (int32 length) .. 41.
fn produce_v7() -> Vec<u8> {
    let body = ProduceRequest {
        transactional_id: None,
        acks: -1,
        timeout_ms: 1000,
        topic_data: vec![TopicProduceData {
            name: "t".to_string(),
            partition_data: vec![PartitionProduceData {
                index: 0,
                records: Some(Bytes::from_static(b"abc")),
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let frame = frame(0, 7, RequestBody::Produce(body));
    assert_eq!(frame.len(), 41);
    assert_eq!(&frame[11..13], &(-1i16).to_be_bytes());
    assert_eq!(&frame[19..23], &1i32.to_be_bytes());
    assert_eq!(&frame[23..26], &[0, 1, b't']);
    assert_eq!(&frame[34..41], &[0, 0, 0, 3, b'a', b'b', b'c']);
    frame
}

#[test]
fn produce_topic_name_longer_than_the_frame() {
    // A string length of 0x7fff at byte 23 is reported as a truncated topic name at 23.
    let mut frame = produce_v7();
    frame[23..25].copy_from_slice(&0x7fffi16.to_be_bytes());
    assert_eq!(
        parts(decode_error(&frame)),
        (
            DecodeErrorKind::Truncated,
            "TopicProduceData.name",
            Some(23)
        )
    );
}

#[test]
fn produce_negative_string_length() {
    // A string length of -2 (below null's -1) is an invalid length at the field's first byte.
    let mut frame = produce_v7();
    frame[23..25].copy_from_slice(&(-2i16).to_be_bytes());
    assert_eq!(
        parts(decode_error(&frame)),
        (
            DecodeErrorKind::InvalidLength,
            "TopicProduceData.name",
            Some(23)
        )
    );
}

#[test]
fn produce_truncated_array() {
    // topic_data claims 2 entries but holds 1: the second entry's name would start at the
    // end of the frame (byte 41).
    let mut frame = produce_v7();
    frame[19..23].copy_from_slice(&2i32.to_be_bytes());
    assert_eq!(
        parts(decode_error(&frame)),
        (
            DecodeErrorKind::Truncated,
            "TopicProduceData.name",
            Some(41)
        )
    );
}

#[test]
fn produce_records_longer_than_the_frame() {
    // A records length of 4 with 3 bytes left names the records field at byte 34.
    let mut frame = produce_v7();
    frame[34..38].copy_from_slice(&4i32.to_be_bytes());
    assert_eq!(
        parts(decode_error(&frame)),
        (
            DecodeErrorKind::Truncated,
            "PartitionProduceData.records",
            Some(34)
        )
    );
}

/// Fetch v4 (non-flexible) of topic "t", partition 0 from offset 5. Layout: header 0..11,
/// replica_id 11, max_wait_ms 15, min_bytes 19, max_bytes 23, isolation_level 27, topics
/// count 28, topic 32, partitions count 35, partition 39, fetch_offset 43,
/// partition_max_bytes 51 .. 55.
fn fetch_v4() -> Vec<u8> {
    let body = FetchRequest {
        replica_id: -1,
        max_wait_ms: 500,
        min_bytes: 1,
        max_bytes: 1 << 20,
        topics: vec![FetchTopic {
            topic: "t".to_string(),
            partitions: vec![FetchPartition {
                partition: 0,
                fetch_offset: 5,
                partition_max_bytes: 1 << 16,
                ..Default::default()
            }],
            ..Default::default()
        }],
        ..Default::default()
    };
    let frame = frame(1, 4, RequestBody::Fetch(body));
    assert_eq!(frame.len(), 55);
    assert_eq!(&frame[32..35], &[0, 1, b't']);
    assert_eq!(&frame[43..51], &5i64.to_be_bytes());
    frame
}

#[test]
fn fetch_cut_inside_a_partition() {
    // A frame cut in the middle of fetch_offset (bytes 43..51) names that field at 43.
    let frame = fetch_v4();
    assert_eq!(
        parts(decode_error(&frame[..47])),
        (
            DecodeErrorKind::Truncated,
            "FetchPartition.fetch_offset",
            Some(43)
        )
    );
}

#[test]
fn fetch_topic_name_not_utf8() {
    // 0xff is never UTF-8: the topic name starting at byte 32 is rejected.
    let mut frame = fetch_v4();
    frame[34] = 0xff;
    assert_eq!(
        parts(decode_error(&frame)),
        (DecodeErrorKind::InvalidUtf8, "FetchTopic.topic", Some(32))
    );
}

#[test]
fn metadata_array_length_below_null() {
    // Metadata v4: a topics count of -2 at byte 11 (the first body byte) is invalid.
    let body = MetadataRequest {
        topics: Some(vec![MetadataRequestTopic {
            name: Some("t".to_string()),
            ..Default::default()
        }]),
        allow_auto_topic_creation: true,
        ..Default::default()
    };
    let mut frame = frame(3, 4, RequestBody::Metadata(body));
    assert_eq!(&frame[11..15], &1i32.to_be_bytes());
    frame[11..15].copy_from_slice(&(-2i32).to_be_bytes());
    assert_eq!(
        parts(decode_error(&frame)),
        (
            DecodeErrorKind::InvalidLength,
            "MetadataRequest.topics",
            Some(11)
        )
    );
}

/// Metadata v12 (flexible, header v2) of topic "t". Layout: header 0..12, topics compact
/// count 12, topic_id 13..29, name compact length 29, "t" 30, topic tagged fields 31,
/// allow_auto_topic_creation 32, include_topic_authorized_operations 33, tagged fields 34.
fn metadata_v12() -> Vec<u8> {
    let body = MetadataRequest {
        topics: Some(vec![MetadataRequestTopic {
            topic_id: Uuid([9; 16]),
            name: Some("t".to_string()),
            ..Default::default()
        }]),
        allow_auto_topic_creation: true,
        ..Default::default()
    };
    let frame = frame(3, 12, RequestBody::Metadata(body));
    assert_eq!(frame.len(), 35);
    assert_eq!(frame[HEADER_V2_LEN - 1], 0, "empty header tagged fields");
    assert_eq!(frame[12], 2, "compact count: 1 topic + 1");
    assert_eq!(&frame[29..31], &[2, b't']);
    frame
}

#[test]
fn flexible_varint_too_long() {
    // Five continuation-heavy bytes where the compact topics count belongs (byte 12) are a
    // varint longer than 32 bits.
    let mut frame = metadata_v12();
    frame.splice(12..13, [0xff, 0xff, 0xff, 0xff, 0xff]);
    assert_eq!(
        parts(decode_error(&frame)),
        (
            DecodeErrorKind::VarintTooLong,
            "MetadataRequest.topics",
            Some(12)
        )
    );
}

#[test]
fn flexible_compact_string_longer_than_the_frame() {
    // A compact length of 127 (126 bytes) at byte 29 with 5 bytes left.
    let mut frame = metadata_v12();
    frame[29] = 127;
    assert_eq!(
        parts(decode_error(&frame)),
        (
            DecodeErrorKind::Truncated,
            "MetadataRequestTopic.name",
            Some(29)
        )
    );
}

#[test]
fn flexible_tagged_field_overruns_the_frame() {
    // The body's tagged-field section (count at byte 34) holds one field, tag 0 at byte 35,
    // declaring 9 bytes of data where none follow: truncated at the field's tag.
    let mut frame = metadata_v12();
    frame.truncate(34);
    frame.extend_from_slice(&[1, 0, 9]);
    assert_eq!(
        parts(decode_error(&frame)),
        (
            DecodeErrorKind::Truncated,
            "MetadataRequest._tagged_fields",
            Some(35)
        )
    );
}

#[test]
fn trailing_bytes_are_located() {
    // One byte after a complete Metadata v12 body: TrailingBytes at the old end (35).
    let mut frame = metadata_v12();
    frame.push(0);
    assert_eq!(
        parts(decode_error(&frame)),
        (DecodeErrorKind::TrailingBytes, "", Some(35))
    );
}

#[test]
fn header_client_id_truncated() {
    // A client id length of 100 at byte 8 with 3 bytes after it names the header field.
    let mut frame = produce_v7();
    frame[8..10].copy_from_slice(&100i16.to_be_bytes());
    assert_eq!(
        parts(decode_error(&frame[..HEADER_V1_LEN + 2])),
        (
            DecodeErrorKind::Truncated,
            "RequestHeader.client_id",
            Some(8)
        )
    );
}
