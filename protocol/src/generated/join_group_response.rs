// Generated from protocol/schema/JoinGroupResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! JoinGroupResponse (API key 11), versions 0-9.

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
pub struct JoinGroupResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub generation_id: i32,
    pub protocol_type: Option<String>,
    pub protocol_name: Option<String>,
    pub leader: String,
    pub skip_assignment: bool,
    pub member_id: String,
    pub members: Vec<JoinGroupResponseMember>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for JoinGroupResponse {
    fn default() -> Self {
        JoinGroupResponse {
            throttle_time_ms: 0,
            error_code: 0,
            generation_id: -1,
            protocol_type: None,
            protocol_name: Some(String::new()),
            leader: String::new(),
            skip_assignment: false,
            member_id: String::new(),
            members: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for JoinGroupResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 2 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("JoinGroupResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
}
let (rest, value) = codec::int16(input).map_err(codec::in_field("JoinGroupResponse.error_code"))?;
this.error_code = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("JoinGroupResponse.generation_id"))?;
this.generation_id = value;
input = rest;
if version >= 7 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("JoinGroupResponse.protocol_type"))?;
this.protocol_type = value;
input = rest;
}
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("JoinGroupResponse.protocol_name"))?;
if value.is_none() && !(version >= 7) {
return codec::fail(input, DecodeErrorKind::UnexpectedNull).map_err(codec::in_field("JoinGroupResponse.protocol_name"));
}
this.protocol_name = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("JoinGroupResponse.leader"))?;
this.leader = value;
input = rest;
if version >= 9 {
let (rest, value) = codec::boolean(input).map_err(codec::in_field("JoinGroupResponse.skip_assignment"))?;
this.skip_assignment = value;
input = rest;
}
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("JoinGroupResponse.member_id"))?;
this.member_id = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| JoinGroupResponseMember::decode(src, i, version))).map_err(codec::in_field("JoinGroupResponse.members"))?;
this.members = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("JoinGroupResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("JoinGroupResponse._tagged_fields"))?;
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
            return Err(codec::unsupported_version("JoinGroupResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
if version >= 2 {
buf.put_i32(self.throttle_time_ms);
}
buf.put_i16(self.error_code);
buf.put_i32(self.generation_id);
if version >= 7 {
match &self.protocol_type {
Some(value) => {
codec::check_string(&*value, flexible, "JoinGroupResponse.protocol_type")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
match &self.protocol_name {
Some(value) => {
codec::check_string(&*value, flexible, "JoinGroupResponse.protocol_name")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
if !(version >= 7) {
return Err(codec::null_not_allowed("JoinGroupResponse.protocol_name"));
}
codec::put_nullable_string(buf, None, flexible);
}
}
codec::check_string(&self.leader, flexible, "JoinGroupResponse.leader")?;
codec::put_nullable_string(buf, Some((self.leader).as_str()), flexible);
if version >= 9 {
buf.put_u8(u8::from(self.skip_assignment));
}
codec::check_string(&self.member_id, flexible, "JoinGroupResponse.member_id")?;
codec::put_nullable_string(buf, Some((self.member_id).as_str()), flexible);
codec::put_length(buf, Some((self.members).len()), flexible);
for item in (self.members).iter() {
(*item).encode(buf, version)?;
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
if version >= 2 {
len += 4;
}
len += 2;
len += 4;
if version >= 7 {
len += match &self.protocol_type {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
len += match &self.protocol_name {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
len += codec::nullable_string_len(Some((self.leader).as_str()), flexible);
if version >= 9 {
len += 1;
}
len += codec::nullable_string_len(Some((self.member_id).as_str()), flexible);
len += codec::length_len(Some((self.members).len()), flexible) + (self.members).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for JoinGroupResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 2 {
this.throttle_time_ms = rng.next_u64() as i32;
}
this.error_code = rng.next_u64() as i16;
this.generation_id = rng.next_u64() as i32;
if version >= 7 {
this.protocol_type = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
this.protocol_name = if version >= 7 && rng.below(5) == 0 { None } else { Some(rng.string()) };
this.leader = rng.string();
if version >= 9 {
this.skip_assignment = rng.below(2) == 1;
}
this.member_id = rng.string();
this.members = (0..rng.below(3)).map(|_| <JoinGroupResponseMember as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for JoinGroupResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct JoinGroupResponseMember {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub metadata: Bytes,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for JoinGroupResponseMember {
    fn default() -> Self {
        JoinGroupResponseMember {
            member_id: String::new(),
            group_instance_id: None,
            metadata: Bytes::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for JoinGroupResponseMember {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("JoinGroupResponseMember.member_id"))?;
this.member_id = value;
input = rest;
if version >= 5 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("JoinGroupResponseMember.group_instance_id"))?;
this.group_instance_id = value;
input = rest;
}
let (rest, value) = codec::bytes(src, input, flexible).map_err(codec::in_field("JoinGroupResponseMember.metadata"))?;
this.metadata = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("JoinGroupResponseMember._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("JoinGroupResponseMember._tagged_fields"))?;
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
codec::check_string(&self.member_id, flexible, "JoinGroupResponseMember.member_id")?;
codec::put_nullable_string(buf, Some((self.member_id).as_str()), flexible);
if version >= 5 {
match &self.group_instance_id {
Some(value) => {
codec::check_string(&*value, flexible, "JoinGroupResponseMember.group_instance_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
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
len += codec::nullable_string_len(Some((self.member_id).as_str()), flexible);
if version >= 5 {
len += match &self.group_instance_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
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
impl Arbitrary for JoinGroupResponseMember {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.member_id = rng.string();
if version >= 5 {
this.group_instance_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
this.metadata = rng.bytes();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

