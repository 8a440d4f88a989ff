// Generated from protocol/schema/LeaveGroupRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! LeaveGroupRequest (API key 13), versions 0-5.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 13;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 5;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct LeaveGroupRequest {
    pub group_id: String,
    pub member_id: String,
    pub members: Vec<MemberIdentity>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for LeaveGroupRequest {
    fn default() -> Self {
        LeaveGroupRequest {
            group_id: String::new(),
            member_id: String::new(),
            members: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for LeaveGroupRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("LeaveGroupRequest.group_id"))?;
this.group_id = value;
input = rest;
if version <= 2 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("LeaveGroupRequest.member_id"))?;
this.member_id = value;
input = rest;
}
if version >= 3 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| MemberIdentity::decode(src, i, version))).map_err(codec::in_field("LeaveGroupRequest.members"))?;
this.members = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("LeaveGroupRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("LeaveGroupRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("LeaveGroupRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
codec::check_string(&self.group_id, flexible, "LeaveGroupRequest.group_id")?;
codec::put_nullable_string(buf, Some((self.group_id).as_str()), flexible);
if version <= 2 {
codec::check_string(&self.member_id, flexible, "LeaveGroupRequest.member_id")?;
codec::put_nullable_string(buf, Some((self.member_id).as_str()), flexible);
}
if version >= 3 {
codec::put_length(buf, Some((self.members).len()), flexible);
for item in (self.members).iter() {
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
len += codec::nullable_string_len(Some((self.group_id).as_str()), flexible);
if version <= 2 {
len += codec::nullable_string_len(Some((self.member_id).as_str()), flexible);
}
if version >= 3 {
len += codec::length_len(Some((self.members).len()), flexible) + (self.members).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
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
impl Arbitrary for LeaveGroupRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.group_id = rng.string();
if version <= 2 {
this.member_id = rng.string();
}
if version >= 3 {
this.members = (0..rng.below(3)).map(|_| <MemberIdentity as Arbitrary>::arbitrary(rng, version)).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for LeaveGroupRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct MemberIdentity {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub reason: Option<String>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for MemberIdentity {
    fn default() -> Self {
        MemberIdentity {
            member_id: String::new(),
            group_instance_id: None,
            reason: None,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for MemberIdentity {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 3 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("MemberIdentity.member_id"))?;
this.member_id = value;
input = rest;
}
if version >= 3 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("MemberIdentity.group_instance_id"))?;
this.group_instance_id = value;
input = rest;
}
if version >= 5 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("MemberIdentity.reason"))?;
this.reason = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("MemberIdentity._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("MemberIdentity._tagged_fields"))?;
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
if version >= 3 {
codec::check_string(&self.member_id, flexible, "MemberIdentity.member_id")?;
codec::put_nullable_string(buf, Some((self.member_id).as_str()), flexible);
}
if version >= 3 {
match &self.group_instance_id {
Some(value) => {
codec::check_string(&*value, flexible, "MemberIdentity.group_instance_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
if version >= 5 {
match &self.reason {
Some(value) => {
codec::check_string(&*value, flexible, "MemberIdentity.reason")?;
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
if version >= 3 {
len += codec::nullable_string_len(Some((self.member_id).as_str()), flexible);
}
if version >= 3 {
len += match &self.group_instance_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
if version >= 5 {
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
impl Arbitrary for MemberIdentity {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 3 {
this.member_id = rng.string();
}
if version >= 3 {
this.group_instance_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
if version >= 5 {
this.reason = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

