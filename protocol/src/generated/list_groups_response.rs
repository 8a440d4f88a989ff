// Generated from protocol/schema/ListGroupsResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! ListGroupsResponse (API key 16), versions 0-5.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 16;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 5;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct ListGroupsResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub groups: Vec<ListedGroup>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ListGroupsResponse {
    fn default() -> Self {
        ListGroupsResponse {
            throttle_time_ms: 0,
            error_code: 0,
            groups: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ListGroupsResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 1 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("ListGroupsResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
}
let (rest, value) = codec::int16(input).map_err(codec::in_field("ListGroupsResponse.error_code"))?;
this.error_code = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| ListedGroup::decode(src, i, version))).map_err(codec::in_field("ListGroupsResponse.groups"))?;
this.groups = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ListGroupsResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ListGroupsResponse._tagged_fields"))?;
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
            return Err(codec::unsupported_version("ListGroupsResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
if version >= 1 {
buf.put_i32(self.throttle_time_ms);
}
buf.put_i16(self.error_code);
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
len += 2;
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
impl Arbitrary for ListGroupsResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 1 {
this.throttle_time_ms = rng.next_u64() as i32;
}
this.error_code = rng.next_u64() as i16;
this.groups = (0..rng.below(3)).map(|_| <ListedGroup as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for ListGroupsResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListedGroup {
    pub group_id: String,
    pub protocol_type: String,
    pub group_state: String,
    pub group_type: String,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ListedGroup {
    fn default() -> Self {
        ListedGroup {
            group_id: String::new(),
            protocol_type: String::new(),
            group_state: String::new(),
            group_type: String::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ListedGroup {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("ListedGroup.group_id"))?;
this.group_id = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("ListedGroup.protocol_type"))?;
this.protocol_type = value;
input = rest;
if version >= 4 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("ListedGroup.group_state"))?;
this.group_state = value;
input = rest;
}
if version >= 5 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("ListedGroup.group_type"))?;
this.group_type = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ListedGroup._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ListedGroup._tagged_fields"))?;
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
codec::check_string(&self.group_id, flexible, "ListedGroup.group_id")?;
codec::put_nullable_string(buf, Some((self.group_id).as_str()), flexible);
codec::check_string(&self.protocol_type, flexible, "ListedGroup.protocol_type")?;
codec::put_nullable_string(buf, Some((self.protocol_type).as_str()), flexible);
if version >= 4 {
codec::check_string(&self.group_state, flexible, "ListedGroup.group_state")?;
codec::put_nullable_string(buf, Some((self.group_state).as_str()), flexible);
}
if version >= 5 {
codec::check_string(&self.group_type, flexible, "ListedGroup.group_type")?;
codec::put_nullable_string(buf, Some((self.group_type).as_str()), flexible);
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
len += codec::nullable_string_len(Some((self.protocol_type).as_str()), flexible);
if version >= 4 {
len += codec::nullable_string_len(Some((self.group_state).as_str()), flexible);
}
if version >= 5 {
len += codec::nullable_string_len(Some((self.group_type).as_str()), flexible);
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
impl Arbitrary for ListedGroup {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.group_id = rng.string();
this.protocol_type = rng.string();
if version >= 4 {
this.group_state = rng.string();
}
if version >= 5 {
this.group_type = rng.string();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

