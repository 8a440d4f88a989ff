// Generated from protocol/schema/HeartbeatRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! HeartbeatRequest (API key 12), versions 0-4.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 12;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 4;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct HeartbeatRequest {
    pub group_id: String,
    pub generation_id: i32,
    pub member_id: String,
    pub group_instance_id: Option<String>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for HeartbeatRequest {
    fn default() -> Self {
        HeartbeatRequest {
            group_id: String::new(),
            generation_id: 0,
            member_id: String::new(),
            group_instance_id: None,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for HeartbeatRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("HeartbeatRequest.group_id"))?;
this.group_id = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("HeartbeatRequest.generation_id"))?;
this.generation_id = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("HeartbeatRequest.member_id"))?;
this.member_id = value;
input = rest;
if version >= 3 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("HeartbeatRequest.group_instance_id"))?;
this.group_instance_id = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("HeartbeatRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("HeartbeatRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("HeartbeatRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
codec::check_string(&self.group_id, flexible, "HeartbeatRequest.group_id")?;
codec::put_nullable_string(buf, Some((self.group_id).as_str()), flexible);
buf.put_i32(self.generation_id);
codec::check_string(&self.member_id, flexible, "HeartbeatRequest.member_id")?;
codec::put_nullable_string(buf, Some((self.member_id).as_str()), flexible);
if version >= 3 {
match &self.group_instance_id {
Some(value) => {
codec::check_string(&*value, flexible, "HeartbeatRequest.group_instance_id")?;
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
len += codec::nullable_string_len(Some((self.member_id).as_str()), flexible);
if version >= 3 {
len += match &self.group_instance_id {
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
impl Arbitrary for HeartbeatRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.group_id = rng.string();
this.generation_id = rng.next_u64() as i32;
this.member_id = rng.string();
if version >= 3 {
this.group_instance_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for HeartbeatRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

