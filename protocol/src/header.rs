//! Request and response headers (request v0–v2, response v0–v1) and the 4-byte size prefix.
//!
//! The headers are written by hand rather than generated: they are tiny, and the request
//! header's `client_id` stays a classic (non-compact) string even in the flexible header v2.

use crate::codec::{self, DecodeErrorKind, PResult};
use crate::generated::ApiKey;
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

/// The request header. `client_id` exists from v1, tagged fields from v2.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RequestHeader {
    pub api_key: i16,
    pub api_version: i16,
    pub correlation_id: i32,
    pub client_id: Option<String>,
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl RequestHeader {
    pub fn decode<'a>(
        src: &Bytes,
        input: &'a [u8],
        header_version: i16,
    ) -> PResult<'a, RequestHeader> {
        let (input, api_key) =
            codec::int16(input).map_err(codec::in_field("RequestHeader.api_key"))?;
        let (input, api_version) =
            codec::int16(input).map_err(codec::in_field("RequestHeader.api_version"))?;
        let (mut input, correlation_id) =
            codec::int32(input).map_err(codec::in_field("RequestHeader.correlation_id"))?;
        let mut header = RequestHeader {
            api_key,
            api_version,
            correlation_id,
            ..Default::default()
        };
        if header_version >= 1 {
            let (rest, client_id) = codec::nullable_string(input, false)
                .map_err(codec::in_field("RequestHeader.client_id"))?;
            header.client_id = client_id;
            input = rest;
        }
        if header_version >= 2 {
            input = decode_tagged(
                src,
                input,
                &mut header.unknown_tagged_fields,
                "RequestHeader._tagged_fields",
            )?
            .0;
        }
        Ok((input, header))
    }

    pub fn encode<B: BufMut>(&self, buf: &mut B, header_version: i16) {
        buf.put_i16(self.api_key);
        buf.put_i16(self.api_version);
        buf.put_i32(self.correlation_id);
        if header_version >= 1 {
            codec::put_nullable_string(buf, self.client_id.as_deref(), false);
        }
        if header_version >= 2 {
            encode_tagged(buf, &self.unknown_tagged_fields);
        }
    }

    pub fn encoded_len(&self, header_version: i16) -> usize {
        let mut len = 8;
        if header_version >= 1 {
            len += codec::nullable_string_len(self.client_id.as_deref(), false);
        }
        if header_version >= 2 {
            len += tagged_len(&self.unknown_tagged_fields);
        }
        len
    }
}

/// The response header: the correlation id, and tagged fields from v1.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ResponseHeader {
    pub correlation_id: i32,
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl ResponseHeader {
    pub fn decode<'a>(
        src: &Bytes,
        input: &'a [u8],
        header_version: i16,
    ) -> PResult<'a, ResponseHeader> {
        let (mut input, correlation_id) =
            codec::int32(input).map_err(codec::in_field("ResponseHeader.correlation_id"))?;
        let mut header = ResponseHeader {
            correlation_id,
            ..Default::default()
        };
        if header_version >= 1 {
            input = decode_tagged(
                src,
                input,
                &mut header.unknown_tagged_fields,
                "ResponseHeader._tagged_fields",
            )?
            .0;
        }
        Ok((input, header))
    }

    pub fn encode<B: BufMut>(&self, buf: &mut B, header_version: i16) {
        buf.put_i32(self.correlation_id);
        if header_version >= 1 {
            encode_tagged(buf, &self.unknown_tagged_fields);
        }
    }

    pub fn encoded_len(&self, header_version: i16) -> usize {
        if header_version >= 1 {
            4 + tagged_len(&self.unknown_tagged_fields)
        } else {
            4
        }
    }
}

fn decode_tagged<'a>(
    src: &Bytes,
    input: &'a [u8],
    fields: &mut BTreeMap<i32, Bytes>,
    label: &'static str,
) -> PResult<'a, ()> {
    let (mut input, count) = codec::uvarint(input).map_err(codec::in_field(label))?;
    for _ in 0..count {
        let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field(label))?;
        fields.insert(tag as i32, src.slice_ref(data));
        input = rest;
    }
    Ok((input, ()))
}

fn encode_tagged<B: BufMut>(buf: &mut B, fields: &BTreeMap<i32, Bytes>) {
    codec::put_uvarint(buf, fields.len() as u32);
    for (tag, value) in fields {
        codec::put_unknown_tagged(buf, *tag, value);
    }
}

fn tagged_len(fields: &BTreeMap<i32, Bytes>) -> usize {
    codec::uvarint_len(fields.len() as u32)
        + fields
            .iter()
            .map(|(tag, value)| codec::unknown_tagged_len(*tag, value))
            .sum::<usize>()
}

/// The first three header fields, read without decoding the rest, so the broker can answer
/// an unsupported version or reject an unknown API with the right correlation id.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderPeek {
    pub api_key: i16,
    pub api_version: i16,
    pub correlation_id: i32,
}

pub fn peek_header(frame: &[u8]) -> Option<HeaderPeek> {
    let head = frame.get(..8)?;
    Some(HeaderPeek {
        api_key: i16::from_be_bytes([head[0], head[1]]),
        api_version: i16::from_be_bytes([head[2], head[3]]),
        correlation_id: i32::from_be_bytes([head[4], head[5], head[6], head[7]]),
    })
}

/// Why a frame could not be taken.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FrameError {
    /// The size prefix is negative.
    NegativeSize(i32),
    /// The size prefix is above the configured limit; the frame must not be buffered.
    TooLarge { size: usize, limit: usize },
}

impl std::fmt::Display for FrameError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            FrameError::NegativeSize(size) => write!(f, "negative frame size {size}"),
            FrameError::TooLarge { size, limit } => {
                write!(f, "frame of {size} bytes exceeds the limit of {limit}")
            }
        }
    }
}

impl std::error::Error for FrameError {}

/// Checks the buffered bytes for a complete frame: `Ok(Some(n))` when the first `4 + n`
/// bytes hold one, `Ok(None)` when more bytes are needed. The size is checked against
/// `limit` as soon as the 4-byte prefix is there, before anything more is buffered.
pub fn check_frame(buf: &[u8], limit: usize) -> Result<Option<usize>, FrameError> {
    let Some(prefix) = buf.get(..4) else {
        return Ok(None);
    };
    let size = i32::from_be_bytes([prefix[0], prefix[1], prefix[2], prefix[3]]);
    if size < 0 {
        return Err(FrameError::NegativeSize(size));
    }
    let size = size as usize;
    if size > limit {
        return Err(FrameError::TooLarge { size, limit });
    }
    Ok((buf.len() >= 4 + size).then_some(size))
}

/// Rejects a header whose key or version the codec cannot read.
pub fn check_api(peek: &HeaderPeek) -> Result<ApiKey, DecodeErrorKind> {
    let api_key = ApiKey::from_i16(peek.api_key).ok_or(DecodeErrorKind::UnknownApiKey)?;
    if peek.api_version < api_key.min_version() || peek.api_version > api_key.max_version() {
        return Err(DecodeErrorKind::UnsupportedVersion);
    }
    Ok(api_key)
}
