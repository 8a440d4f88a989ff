// Generated from protocol/schema/SyncGroupResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! SyncGroupResponse (API key 14), versions 0-5.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 14;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 5;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct SyncGroupResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub protocol_type: Option<String>,
    pub protocol_name: Option<String>,
    pub assignment: Bytes,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for SyncGroupResponse {
    fn default() -> Self {
        SyncGroupResponse {
            throttle_time_ms: 0,
            error_code: 0,
            protocol_type: None,
            protocol_name: None,
            assignment: Bytes::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for SyncGroupResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 1 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("SyncGroupResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
}
let (rest, value) = codec::int16(input).map_err(codec::in_field("SyncGroupResponse.error_code"))?;
this.error_code = value;
input = rest;
if version >= 5 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("SyncGroupResponse.protocol_type"))?;
this.protocol_type = value;
input = rest;
}
if version >= 5 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("SyncGroupResponse.protocol_name"))?;
this.protocol_name = value;
input = rest;
}
let (rest, value) = codec::bytes(src, input, flexible).map_err(codec::in_field("SyncGroupResponse.assignment"))?;
this.assignment = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("SyncGroupResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("SyncGroupResponse._tagged_fields"))?;
                match tag {
                    _ => { this.unknown_tagged_fields.insert(tag as i32, src.slice_ref(data)); }
                }
                input = rest;
            }
        }
        Ok((input, this))
    }

    fn encode<B: BufMut>(&self, buf: &mut B, version: i16) -> Result<(), EncodeError> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return Err(codec::unsupported_version("SyncGroupResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
if version >= 1 {
buf.put_i32(self.throttle_time_ms);
}
buf.put_i16(self.error_code);
if version >= 5 {
match &self.protocol_type {
Some(value) => {
codec::check_string(&*value, flexible, "SyncGroupResponse.protocol_type")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
if version >= 5 {
match &self.protocol_name {
Some(value) => {
codec::check_string(&*value, flexible, "SyncGroupResponse.protocol_name")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
codec::put_nullable_bytes(buf, Some(&(self.assignment)[..]), flexible);
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            codec::put_uvarint(buf, count);
            let mut unknown = self.unknown_tagged_fields.iter().peekable();
            for (tag, value) in unknown {
                codec::put_unknown_tagged(buf, *tag, value);
            }
        }
        Ok(())
    }

    fn encoded_len(&self, version: i16) -> usize {
        let flexible = version >= FLEXIBLE_MIN;
        let mut len = 0usize;
if version >= 1 {
len += 4;
}
len += 2;
if version >= 5 {
len += match &self.protocol_type {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
if version >= 5 {
len += match &self.protocol_name {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
len += codec::nullable_bytes_len(Some(&(self.assignment)[..]), flexible);
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for SyncGroupResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 1 {
this.throttle_time_ms = rng.next_u64() as i32;
}
this.error_code = rng.next_u64() as i16;
if version >= 5 {
this.protocol_type = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
if version >= 5 {
this.protocol_name = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
this.assignment = rng.bytes();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for SyncGroupResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

