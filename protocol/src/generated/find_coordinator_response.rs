// Generated from protocol/schema/FindCoordinatorResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! FindCoordinatorResponse (API key 10), versions 0-6.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 10;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 6;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct FindCoordinatorResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub node_id: i32,
    pub host: String,
    pub port: i32,
    pub coordinators: Vec<Coordinator>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for FindCoordinatorResponse {
    fn default() -> Self {
        FindCoordinatorResponse {
            throttle_time_ms: 0,
            error_code: 0,
            error_message: Some(String::new()),
            node_id: 0,
            host: String::new(),
            port: 0,
            coordinators: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for FindCoordinatorResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 1 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("FindCoordinatorResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
}
if version <= 3 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("FindCoordinatorResponse.error_code"))?;
this.error_code = value;
input = rest;
}
if (1..=3).contains(&version) {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("FindCoordinatorResponse.error_message"))?;
this.error_message = value;
input = rest;
}
if version <= 3 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("FindCoordinatorResponse.node_id"))?;
this.node_id = value;
input = rest;
}
if version <= 3 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("FindCoordinatorResponse.host"))?;
this.host = value;
input = rest;
}
if version <= 3 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("FindCoordinatorResponse.port"))?;
this.port = value;
input = rest;
}
if version >= 4 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| Coordinator::decode(src, i, version))).map_err(codec::in_field("FindCoordinatorResponse.coordinators"))?;
this.coordinators = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("FindCoordinatorResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("FindCoordinatorResponse._tagged_fields"))?;
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
            return Err(codec::unsupported_version("FindCoordinatorResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
if version >= 1 {
buf.put_i32(self.throttle_time_ms);
}
if version <= 3 {
buf.put_i16(self.error_code);
}
if (1..=3).contains(&version) {
match &self.error_message {
Some(value) => {
codec::check_string(&*value, flexible, "FindCoordinatorResponse.error_message")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
if version <= 3 {
buf.put_i32(self.node_id);
}
if version <= 3 {
codec::check_string(&self.host, flexible, "FindCoordinatorResponse.host")?;
codec::put_nullable_string(buf, Some((self.host).as_str()), flexible);
}
if version <= 3 {
buf.put_i32(self.port);
}
if version >= 4 {
codec::put_length(buf, Some((self.coordinators).len()), flexible);
for item in (self.coordinators).iter() {
(*item).encode(buf, version)?;
}
}
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
if version <= 3 {
len += 2;
}
if (1..=3).contains(&version) {
len += match &self.error_message {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
if version <= 3 {
len += 4;
}
if version <= 3 {
len += codec::nullable_string_len(Some((self.host).as_str()), flexible);
}
if version <= 3 {
len += 4;
}
if version >= 4 {
len += codec::length_len(Some((self.coordinators).len()), flexible) + (self.coordinators).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
}
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for FindCoordinatorResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 1 {
this.throttle_time_ms = rng.next_u64() as i32;
}
if version <= 3 {
this.error_code = rng.next_u64() as i16;
}
if (1..=3).contains(&version) {
this.error_message = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
if version <= 3 {
this.node_id = rng.next_u64() as i32;
}
if version <= 3 {
this.host = rng.string();
}
if version <= 3 {
this.port = rng.next_u64() as i32;
}
if version >= 4 {
this.coordinators = (0..rng.below(3)).map(|_| <Coordinator as Arbitrary>::arbitrary(rng, version)).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for FindCoordinatorResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct Coordinator {
    pub key: String,
    pub node_id: i32,
    pub host: String,
    pub port: i32,
    pub error_code: i16,
    pub error_message: Option<String>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for Coordinator {
    fn default() -> Self {
        Coordinator {
            key: String::new(),
            node_id: 0,
            host: String::new(),
            port: 0,
            error_code: 0,
            error_message: Some(String::new()),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for Coordinator {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 4 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("Coordinator.key"))?;
this.key = value;
input = rest;
}
if version >= 4 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("Coordinator.node_id"))?;
this.node_id = value;
input = rest;
}
if version >= 4 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("Coordinator.host"))?;
this.host = value;
input = rest;
}
if version >= 4 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("Coordinator.port"))?;
this.port = value;
input = rest;
}
if version >= 4 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("Coordinator.error_code"))?;
this.error_code = value;
input = rest;
}
if version >= 4 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("Coordinator.error_message"))?;
this.error_message = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("Coordinator._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("Coordinator._tagged_fields"))?;
                match tag {
                    _ => { this.unknown_tagged_fields.insert(tag as i32, src.slice_ref(data)); }
                }
                input = rest;
            }
        }
        Ok((input, this))
    }

    fn encode<B: BufMut>(&self, buf: &mut B, version: i16) -> Result<(), EncodeError> {
        let flexible = version >= FLEXIBLE_MIN;
if version >= 4 {
codec::check_string(&self.key, flexible, "Coordinator.key")?;
codec::put_nullable_string(buf, Some((self.key).as_str()), flexible);
}
if version >= 4 {
buf.put_i32(self.node_id);
}
if version >= 4 {
codec::check_string(&self.host, flexible, "Coordinator.host")?;
codec::put_nullable_string(buf, Some((self.host).as_str()), flexible);
}
if version >= 4 {
buf.put_i32(self.port);
}
if version >= 4 {
buf.put_i16(self.error_code);
}
if version >= 4 {
match &self.error_message {
Some(value) => {
codec::check_string(&*value, flexible, "Coordinator.error_message")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
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
if version >= 4 {
len += codec::nullable_string_len(Some((self.key).as_str()), flexible);
}
if version >= 4 {
len += 4;
}
if version >= 4 {
len += codec::nullable_string_len(Some((self.host).as_str()), flexible);
}
if version >= 4 {
len += 4;
}
if version >= 4 {
len += 2;
}
if version >= 4 {
len += match &self.error_message {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for Coordinator {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 4 {
this.key = rng.string();
}
if version >= 4 {
this.node_id = rng.next_u64() as i32;
}
if version >= 4 {
this.host = rng.string();
}
if version >= 4 {
this.port = rng.next_u64() as i32;
}
if version >= 4 {
this.error_code = rng.next_u64() as i16;
}
if version >= 4 {
this.error_message = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

