// Generated from protocol/schema/JoinGroupRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! JoinGroupRequest (API key 11), versions 0-9.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 11;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 9;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 6;

#[derive(Debug, Clone, PartialEq)]
pub struct JoinGroupRequest {
    pub group_id: String,
    pub session_timeout_ms: i32,
    pub rebalance_timeout_ms: i32,
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub protocol_type: String,
    pub protocols: Vec<JoinGroupRequestProtocol>,
    pub reason: Option<String>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for JoinGroupRequest {
    fn default() -> Self {
        JoinGroupRequest {
            group_id: String::new(),
            session_timeout_ms: 0,
            rebalance_timeout_ms: -1,
            member_id: String::new(),
            group_instance_id: None,
            protocol_type: String::new(),
            protocols: Vec::new(),
            reason: None,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for JoinGroupRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("JoinGroupRequest.group_id"))?;
this.group_id = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("JoinGroupRequest.session_timeout_ms"))?;
this.session_timeout_ms = value;
input = rest;
if version >= 1 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("JoinGroupRequest.rebalance_timeout_ms"))?;
this.rebalance_timeout_ms = value;
input = rest;
}
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("JoinGroupRequest.member_id"))?;
this.member_id = value;
input = rest;
if version >= 5 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("JoinGroupRequest.group_instance_id"))?;
this.group_instance_id = value;
input = rest;
}
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("JoinGroupRequest.protocol_type"))?;
this.protocol_type = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| JoinGroupRequestProtocol::decode(src, i, version))).map_err(codec::in_field("JoinGroupRequest.protocols"))?;
this.protocols = value;
input = rest;
if version >= 8 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("JoinGroupRequest.reason"))?;
this.reason = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("JoinGroupRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("JoinGroupRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("JoinGroupRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
codec::check_string(&self.group_id, flexible, "JoinGroupRequest.group_id")?;
codec::put_nullable_string(buf, Some((self.group_id).as_str()), flexible);
buf.put_i32(self.session_timeout_ms);
if version >= 1 {
buf.put_i32(self.rebalance_timeout_ms);
}
codec::check_string(&self.member_id, flexible, "JoinGroupRequest.member_id")?;
codec::put_nullable_string(buf, Some((self.member_id).as_str()), flexible);
if version >= 5 {
match &self.group_instance_id {
Some(value) => {
codec::check_string(&*value, flexible, "JoinGroupRequest.group_instance_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
codec::check_string(&self.protocol_type, flexible, "JoinGroupRequest.protocol_type")?;
codec::put_nullable_string(buf, Some((self.protocol_type).as_str()), flexible);
codec::put_length(buf, Some((self.protocols).len()), flexible);
for item in (self.protocols).iter() {
(*item).encode(buf, version)?;
}
if version >= 8 {
match &self.reason {
Some(value) => {
codec::check_string(&*value, flexible, "JoinGroupRequest.reason")?;
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
len += codec::nullable_string_len(Some((self.group_id).as_str()), flexible);
len += 4;
if version >= 1 {
len += 4;
}
len += codec::nullable_string_len(Some((self.member_id).as_str()), flexible);
if version >= 5 {
len += match &self.group_instance_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
len += codec::nullable_string_len(Some((self.protocol_type).as_str()), flexible);
len += codec::length_len(Some((self.protocols).len()), flexible) + (self.protocols).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
if version >= 8 {
len += match &self.reason {
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
impl Arbitrary for JoinGroupRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.group_id = rng.string();
this.session_timeout_ms = rng.next_u64() as i32;
if version >= 1 {
this.rebalance_timeout_ms = rng.next_u64() as i32;
}
this.member_id = rng.string();
if version >= 5 {
this.group_instance_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
this.protocol_type = rng.string();
this.protocols = (0..rng.below(3)).map(|_| <JoinGroupRequestProtocol as Arbitrary>::arbitrary(rng, version)).collect();
if version >= 8 {
this.reason = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for JoinGroupRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct JoinGroupRequestProtocol {
    pub name: String,
    pub metadata: Bytes,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for JoinGroupRequestProtocol {
    fn default() -> Self {
        JoinGroupRequestProtocol {
            name: String::new(),
            metadata: Bytes::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for JoinGroupRequestProtocol {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("JoinGroupRequestProtocol.name"))?;
this.name = value;
input = rest;
let (rest, value) = codec::bytes(src, input, flexible).map_err(codec::in_field("JoinGroupRequestProtocol.metadata"))?;
this.metadata = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("JoinGroupRequestProtocol._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("JoinGroupRequestProtocol._tagged_fields"))?;
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
codec::check_string(&self.name, flexible, "JoinGroupRequestProtocol.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
codec::put_nullable_bytes(buf, Some(&(self.metadata)[..]), flexible);
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
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
len += codec::nullable_bytes_len(Some(&(self.metadata)[..]), flexible);
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for JoinGroupRequestProtocol {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.name = rng.string();
this.metadata = rng.bytes();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

