//! strom-protocol: the Kafka wire protocol, sans I/O.
//!
//! - [`generated`]: every request and response message strom speaks, generated from the
//!   schema files in `protocol/schema/` by `strom-codegen` (checked in; a test fails when
//!   regenerating would change them). Each message decodes with nom parsers, encodes into any
//!   `BufMut`, and reports its exact `encoded_len`, for every version.
//! - [`header`]: request/response headers and framing (size prefix, limit checked first).
//! - [`records`]: magic-2 record batches: validation, offset patching, records, compression.
//! - [`error_code`]: every Kafka error code with its name and retriable flag.
//!
//! The crate does no I/O and depends only on bytes, nom and the compression codecs, so it is
//! tested and fuzzed without a runtime.

#[cfg(feature = "arbitrary")]
pub mod arbitrary;
pub mod codec;
pub mod error_code;
#[rustfmt::skip]
pub mod generated;
pub mod header;
pub mod records;

pub use codec::{ApiMessage, Codec, DecodeError, DecodeErrorKind, EncodeError, Uuid};
pub use error_code::ErrorCode;
pub use generated::{ApiKey, RequestBody, ResponseBody};
pub use header::{RequestHeader, ResponseHeader};

use bytes::{BufMut, Bytes, BytesMut};

/// A decoded request: header and body.
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    pub header: RequestHeader,
    pub api_key: ApiKey,
    pub body: RequestBody,
}

/// Decodes one request frame (the bytes after the size prefix). Byte fields of the result
/// (records above all) are zero-copy slices of `frame`. Trailing bytes are an error.
pub fn decode_request(frame: &Bytes) -> Result<Request, DecodeError> {
    match decode_request_lenient(frame)? {
        (request, 0) => Ok(request),
        (_, trailing) => {
            Err(DecodeError::new(DecodeErrorKind::TrailingBytes, trailing).at_frame(frame.len()))
        }
    }
}

/// [`decode_request`] that ignores bytes after the body, as Kafka's broker does; returns
/// the request and how many bytes were ignored. librdkafka 2.x relies on it: its
/// all-topics Metadata request (v9+) writes the null topic array as 4 bytes where a 1-byte
/// varint belongs (confluentinc/librdkafka#5049), leaving 3 bytes over.
pub fn decode_request_lenient(frame: &Bytes) -> Result<(Request, usize), DecodeError> {
    let peek = header::peek_header(frame).ok_or_else(|| {
        DecodeError::new(DecodeErrorKind::Truncated, frame.len()).at_frame(frame.len())
    })?;
    let api_key = header::check_api(&peek)
        .map_err(|kind| DecodeError::new(kind, frame.len()).at_frame(frame.len()))?;
    let header_version = api_key.request_header_version(peek.api_version);
    let parsed = RequestHeader::decode(frame, frame, header_version).and_then(|(rest, header)| {
        RequestBody::decode(frame, rest, api_key, peek.api_version).map(|(r, b)| (r, (header, b)))
    });
    match parsed {
        Ok((rest, (header, body))) => Ok((
            Request {
                header,
                api_key,
                body,
            },
            rest.len(),
        )),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(e.at_frame(frame.len())),
        Err(nom::Err::Incomplete(_)) => {
            Err(DecodeError::new(DecodeErrorKind::Truncated, 0).at_frame(frame.len()))
        }
    }
}

/// Decodes one response frame for a request of `api_key` at `version`.
pub fn decode_response(
    frame: &Bytes,
    api_key: ApiKey,
    version: i16,
) -> Result<(ResponseHeader, ResponseBody), DecodeError> {
    let header_version = api_key.response_header_version(version);
    let parsed = ResponseHeader::decode(frame, frame, header_version).and_then(|(rest, header)| {
        ResponseBody::decode(frame, rest, api_key, version).map(|(r, b)| (r, (header, b)))
    });
    finish(frame, parsed)
}

/// Turns the result of parsing a whole frame into a value, or an error with its absolute
/// offset; bytes left after the body are an error.
fn finish<H, B>(frame: &Bytes, parsed: codec::PResult<'_, (H, B)>) -> Result<(H, B), DecodeError> {
    match parsed {
        Ok((&[], value)) => Ok(value),
        Ok((rest, _)) => {
            Err(DecodeError::new(DecodeErrorKind::TrailingBytes, rest.len()).at_frame(frame.len()))
        }
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => Err(e.at_frame(frame.len())),
        Err(nom::Err::Incomplete(_)) => {
            Err(DecodeError::new(DecodeErrorKind::Truncated, 0).at_frame(frame.len()))
        }
    }
}

/// Writes a whole response frame (size prefix, header, body) into `buf`.
pub fn encode_response(
    buf: &mut BytesMut,
    correlation_id: i32,
    version: i16,
    body: &ResponseBody,
) -> Result<(), EncodeError> {
    let header_version = body.api_key().response_header_version(version);
    let header = ResponseHeader {
        correlation_id,
        ..Default::default()
    };
    let size = header.encoded_len(header_version) + body.encoded_len(version);
    buf.reserve(4 + size);
    let start = buf.len();
    encode_response_into(buf, correlation_id, version, body)?;
    debug_assert_eq!(
        buf.len() - start,
        4 + size,
        "encoded_len disagrees with encode"
    );
    Ok(())
}

/// Writes a whole response frame into any `BufMut`, reserving nothing; returns the frame's
/// size (prefix included). For writers that keep some large byte fields out of line.
pub fn encode_response_into<B: BufMut>(
    buf: &mut B,
    correlation_id: i32,
    version: i16,
    body: &ResponseBody,
) -> Result<usize, EncodeError> {
    let header_version = body.api_key().response_header_version(version);
    let header = ResponseHeader {
        correlation_id,
        ..Default::default()
    };
    let size = header.encoded_len(header_version) + body.encoded_len(version);
    buf.put_i32(size as i32);
    header.encode(buf, header_version);
    body.encode(buf, version)?;
    Ok(4 + size)
}

/// Writes a whole request frame (size prefix, header, body) into `buf`.
pub fn encode_request(
    buf: &mut BytesMut,
    header: &RequestHeader,
    body: &RequestBody,
) -> Result<(), EncodeError> {
    let api_key = body.api_key();
    let header_version = api_key.request_header_version(header.api_version);
    let size = header.encoded_len(header_version) + body.encoded_len(header.api_version);
    buf.reserve(4 + size);
    buf.put_i32(size as i32);
    header.encode(buf, header_version);
    body.encode(buf, header.api_version)
}
