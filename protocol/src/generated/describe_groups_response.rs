// Generated from protocol/schema/DescribeGroupsResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! DescribeGroupsResponse (API key 15), versions 0-6.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 15;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 6;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeGroupsResponse {
    pub throttle_time_ms: i32,
    pub groups: Vec<DescribedGroup>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DescribeGroupsResponse {
    fn default() -> Self {
        DescribeGroupsResponse {
            throttle_time_ms: 0,
            groups: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DescribeGroupsResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 1 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribeGroupsResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| DescribedGroup::decode(src, i, version))).map_err(codec::in_field("DescribeGroupsResponse.groups"))?;
this.groups = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DescribeGroupsResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DescribeGroupsResponse._tagged_fields"))?;
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
            return Err(codec::unsupported_version("DescribeGroupsResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
if version >= 1 {
buf.put_i32(self.throttle_time_ms);
}
codec::put_length(buf, Some((self.groups).len()), flexible);
for item in (self.groups).iter() {
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
if version >= 1 {
len += 4;
}
len += codec::length_len(Some((self.groups).len()), flexible) + (self.groups).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for DescribeGroupsResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 1 {
this.throttle_time_ms = rng.next_u64() as i32;
}
this.groups = (0..rng.below(3)).map(|_| <DescribedGroup as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for DescribeGroupsResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribedGroup {
    pub error_code: i16,
    pub error_message: Option<String>,
    pub group_id: String,
    pub group_state: String,
    pub protocol_type: String,
    pub protocol_data: String,
    pub members: Vec<DescribedGroupMember>,
    pub authorized_operations: i32,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DescribedGroup {
    fn default() -> Self {
        DescribedGroup {
            error_code: 0,
            error_message: None,
            group_id: String::new(),
            group_state: String::new(),
            protocol_type: String::new(),
            protocol_data: String::new(),
            members: Vec::new(),
            authorized_operations: -2147483648,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DescribedGroup {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int16(input).map_err(codec::in_field("DescribedGroup.error_code"))?;
this.error_code = value;
input = rest;
if version >= 6 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("DescribedGroup.error_message"))?;
this.error_message = value;
input = rest;
}
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("DescribedGroup.group_id"))?;
this.group_id = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("DescribedGroup.group_state"))?;
this.group_state = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("DescribedGroup.protocol_type"))?;
this.protocol_type = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("DescribedGroup.protocol_data"))?;
this.protocol_data = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| DescribedGroupMember::decode(src, i, version))).map_err(codec::in_field("DescribedGroup.members"))?;
this.members = value;
input = rest;
if version >= 3 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribedGroup.authorized_operations"))?;
this.authorized_operations = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DescribedGroup._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DescribedGroup._tagged_fields"))?;
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
buf.put_i16(self.error_code);
if version >= 6 {
match &self.error_message {
Some(value) => {
codec::check_string(&*value, flexible, "DescribedGroup.error_message")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
codec::check_string(&self.group_id, flexible, "DescribedGroup.group_id")?;
codec::put_nullable_string(buf, Some((self.group_id).as_str()), flexible);
codec::check_string(&self.group_state, flexible, "DescribedGroup.group_state")?;
codec::put_nullable_string(buf, Some((self.group_state).as_str()), flexible);
codec::check_string(&self.protocol_type, flexible, "DescribedGroup.protocol_type")?;
codec::put_nullable_string(buf, Some((self.protocol_type).as_str()), flexible);
codec::check_string(&self.protocol_data, flexible, "DescribedGroup.protocol_data")?;
codec::put_nullable_string(buf, Some((self.protocol_data).as_str()), flexible);
codec::put_length(buf, Some((self.members).len()), flexible);
for item in (self.members).iter() {
(*item).encode(buf, version)?;
}
if version >= 3 {
buf.put_i32(self.authorized_operations);
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
len += 2;
if version >= 6 {
len += match &self.error_message {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
len += codec::nullable_string_len(Some((self.group_id).as_str()), flexible);
len += codec::nullable_string_len(Some((self.group_state).as_str()), flexible);
len += codec::nullable_string_len(Some((self.protocol_type).as_str()), flexible);
len += codec::nullable_string_len(Some((self.protocol_data).as_str()), flexible);
len += codec::length_len(Some((self.members).len()), flexible) + (self.members).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
if version >= 3 {
len += 4;
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
impl Arbitrary for DescribedGroup {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.error_code = rng.next_u64() as i16;
if version >= 6 {
this.error_message = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
this.group_id = rng.string();
this.group_state = rng.string();
this.protocol_type = rng.string();
this.protocol_data = rng.string();
this.members = (0..rng.below(3)).map(|_| <DescribedGroupMember as Arbitrary>::arbitrary(rng, version)).collect();
if version >= 3 {
this.authorized_operations = rng.next_u64() as i32;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribedGroupMember {
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub client_id: String,
    pub client_host: String,
    pub member_metadata: Bytes,
    pub member_assignment: Bytes,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DescribedGroupMember {
    fn default() -> Self {
        DescribedGroupMember {
            member_id: String::new(),
            group_instance_id: None,
            client_id: String::new(),
            client_host: String::new(),
            member_metadata: Bytes::new(),
            member_assignment: Bytes::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DescribedGroupMember {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("DescribedGroupMember.member_id"))?;
this.member_id = value;
input = rest;
if version >= 4 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("DescribedGroupMember.group_instance_id"))?;
this.group_instance_id = value;
input = rest;
}
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("DescribedGroupMember.client_id"))?;
this.client_id = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("DescribedGroupMember.client_host"))?;
this.client_host = value;
input = rest;
let (rest, value) = codec::bytes(src, input, flexible).map_err(codec::in_field("DescribedGroupMember.member_metadata"))?;
this.member_metadata = value;
input = rest;
let (rest, value) = codec::bytes(src, input, flexible).map_err(codec::in_field("DescribedGroupMember.member_assignment"))?;
this.member_assignment = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DescribedGroupMember._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DescribedGroupMember._tagged_fields"))?;
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
codec::check_string(&self.member_id, flexible, "DescribedGroupMember.member_id")?;
codec::put_nullable_string(buf, Some((self.member_id).as_str()), flexible);
if version >= 4 {
match &self.group_instance_id {
Some(value) => {
codec::check_string(&*value, flexible, "DescribedGroupMember.group_instance_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
codec::check_string(&self.client_id, flexible, "DescribedGroupMember.client_id")?;
codec::put_nullable_string(buf, Some((self.client_id).as_str()), flexible);
codec::check_string(&self.client_host, flexible, "DescribedGroupMember.client_host")?;
codec::put_nullable_string(buf, Some((self.client_host).as_str()), flexible);
codec::put_nullable_bytes(buf, Some(&(self.member_metadata)[..]), flexible);
codec::put_nullable_bytes(buf, Some(&(self.member_assignment)[..]), flexible);
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
if version >= 4 {
len += match &self.group_instance_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
len += codec::nullable_string_len(Some((self.client_id).as_str()), flexible);
len += codec::nullable_string_len(Some((self.client_host).as_str()), flexible);
len += codec::nullable_bytes_len(Some(&(self.member_metadata)[..]), flexible);
len += codec::nullable_bytes_len(Some(&(self.member_assignment)[..]), flexible);
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for DescribedGroupMember {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.member_id = rng.string();
if version >= 4 {
this.group_instance_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
this.client_id = rng.string();
this.client_host = rng.string();
this.member_metadata = rng.bytes();
this.member_assignment = rng.bytes();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

