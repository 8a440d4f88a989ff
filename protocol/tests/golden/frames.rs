//! Loading the golden frames of one client and decoding them all: each request through
//! `decode_request`, each response through `decode_response`, each checked to encode back
//! to its exact bytes, and paired up by the manifest's sequence number.

use bytes::{Bytes, BytesMut};
use std::collections::BTreeMap;
use std::path::PathBuf;
use strom_protocol::{
    decode_request, decode_request_lenient, decode_response, encode_request, ApiKey,
    DecodeErrorKind, Request, RequestBody, ResponseBody, ResponseHeader,
};

/// One row of a client's manifest.tsv with the frame it names.
#[derive(Debug, Clone)]
struct Frame {
    seq: u32,
    is_request: bool,
    api_key: i16,
    api_version: i16,
    correlation_id: i32,
    file: String,
    bytes: Bytes,
}

fn golden_dir(client: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(client)
}

/// Every frame of `client`, in manifest order.
fn load(client: &str) -> Vec<Frame> {
    let dir = golden_dir(client);
    let manifest = std::fs::read_to_string(dir.join("manifest.tsv"))
        .unwrap_or_else(|e| panic!("{client}: manifest.tsv: {e}"));
    let mut lines = manifest.lines();
    assert_eq!(
        lines.next(),
        Some("seq\tkind\tapi_key\tapi_version\tcorrelation_id\tconnection\tfile")
    );
    lines
        .map(|line| {
            let cols: Vec<&str> = line.split('\t').collect();
            assert_eq!(cols.len(), 7, "{client}: manifest line {line:?}");
            let bytes = std::fs::read(dir.join(cols[6]))
                .unwrap_or_else(|e| panic!("{client}: {}: {e}", cols[6]));
            Frame {
                seq: cols[0].parse().unwrap(),
                is_request: match cols[1] {
                    "request" => true,
                    "response" => false,
                    other => panic!("{client}: kind {other:?}"),
                },
                api_key: cols[2].parse().unwrap(),
                api_version: cols[3].parse().unwrap(),
                correlation_id: cols[4].parse().unwrap(),
                file: cols[6].to_string(),
                bytes: Bytes::from(bytes),
            }
        })
        .collect()
}

/// A request frame and, when the broker answered it, the response frame.
pub struct Exchange {
    pub request: Request,
    pub response: Option<(ResponseHeader, ResponseBody)>,
}

/// librdkafka ≥ 2.x writes the null topic array of an all-topics Metadata request (v9+) as
/// a 4-byte zero instead of a 1-byte varint (confluentinc/librdkafka#5049). Kafka reads the
/// first byte as the null array and ignores the 3 bytes left over, and so does strom's
/// broker, through `decode_request_lenient`; the strict `decode_request` reports them.
/// Returns the request as the broker decodes it when `frame` is one.
fn librdkafka_5049(frame: &Frame) -> Option<Request> {
    if frame.api_key != 3 || frame.api_version < 9 {
        return None;
    }
    let err = decode_request(&frame.bytes).err()?;
    assert_eq!(err.kind, DecodeErrorKind::TrailingBytes, "{}", frame.file);
    assert_eq!(err.offset, Some(frame.bytes.len() - 3), "{}", frame.file);
    assert_eq!(
        &frame.bytes[frame.bytes.len() - 3..],
        &[1, 0, 0],
        "{}",
        frame.file
    );
    let (request, ignored) = decode_request_lenient(&frame.bytes).expect("lenient decode");
    assert_eq!(ignored, 3, "{}", frame.file);
    let RequestBody::Metadata(body) = &request.body else {
        unreachable!()
    };
    assert_eq!(body.topics, None, "{}: all topics", frame.file);
    Some(request)
}

/// Decodes every frame of `client`, checks that it re-encodes byte for byte, and pairs each
/// request with its response. Returns the exchanges in request order and the number of
/// librdkafka#5049 frames met.
pub fn decode_all(client: &str) -> (Vec<Exchange>, usize) {
    let frames = load(client);
    let mut by_seq: BTreeMap<u32, Exchange> = BTreeMap::new();
    let mut quirks = 0;
    for frame in &frames {
        let what = format!("{client}/{}", frame.file);
        if frame.is_request {
            let request = match decode_request(&frame.bytes) {
                Ok(request) => {
                    let mut buf = BytesMut::new();
                    encode_request(&mut buf, &request.header, &request.body).unwrap();
                    assert_eq!(&buf[4..], &frame.bytes[..], "{what}: re-encoding differs");
                    assert_eq!(
                        i32::from_be_bytes(buf[..4].try_into().unwrap()) as usize,
                        frame.bytes.len()
                    );
                    request
                }
                Err(err) => {
                    quirks += 1;
                    librdkafka_5049(frame).unwrap_or_else(|| panic!("{what}: {err}"))
                }
            };
            assert_eq!(request.header.api_key, frame.api_key, "{what}");
            assert_eq!(request.header.api_version, frame.api_version, "{what}");
            assert_eq!(
                request.header.correlation_id, frame.correlation_id,
                "{what}"
            );
            let exchange = Exchange {
                request,
                response: None,
            };
            assert!(by_seq.insert(frame.seq, exchange).is_none(), "{what}");
        } else {
            let api_key = ApiKey::from_i16(frame.api_key).unwrap();
            let (header, body) = decode_response(&frame.bytes, api_key, frame.api_version)
                .unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(header.correlation_id, frame.correlation_id, "{what}");
            let header_version = api_key.response_header_version(frame.api_version);
            let mut buf = BytesMut::new();
            header.encode(&mut buf, header_version);
            body.encode(&mut buf, frame.api_version).unwrap();
            assert_eq!(&buf[..], &frame.bytes[..], "{what}: re-encoding differs");
            let exchange = by_seq.get_mut(&frame.seq).expect("request before response");
            exchange.response = Some((header, body));
        }
    }
    (by_seq.into_values().collect(), quirks)
}
