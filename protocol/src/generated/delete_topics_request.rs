// Generated from protocol/schema/DeleteTopicsRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! DeleteTopicsRequest (API key 20), versions 1-6.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 20;
pub const MIN_VERSION: i16 = 1;
pub const MAX_VERSION: i16 = 6;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteTopicsRequest {
    pub topics: Vec<DeleteTopicState>,
    pub topic_names: Vec<String>,
    pub timeout_ms: i32,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DeleteTopicsRequest {
    fn default() -> Self {
        DeleteTopicsRequest {
            topics: Vec::new(),
            topic_names: Vec::new(),
            timeout_ms: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DeleteTopicsRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 6 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| DeleteTopicState::decode(src, i, version))).map_err(codec::in_field("DeleteTopicsRequest.topics"))?;
this.topics = value;
input = rest;
}
if version <= 5 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::string(i, flexible))).map_err(codec::in_field("DeleteTopicsRequest.topic_names"))?;
this.topic_names = value;
input = rest;
}
let (rest, value) = codec::int32(input).map_err(codec::in_field("DeleteTopicsRequest.timeout_ms"))?;
this.timeout_ms = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DeleteTopicsRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DeleteTopicsRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("DeleteTopicsRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
if version >= 6 {
codec::put_length(buf, Some((self.topics).len()), flexible);
for item in (self.topics).iter() {
(*item).encode(buf, version)?;
}
}
if version <= 5 {
codec::put_length(buf, Some((self.topic_names).len()), flexible);
for item in (self.topic_names).iter() {
codec::check_string(&*item, flexible, "DeleteTopicsRequest.topic_names")?;
codec::put_nullable_string(buf, Some((*item).as_str()), flexible);
}
}
buf.put_i32(self.timeout_ms);
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
if version >= 6 {
len += codec::length_len(Some((self.topics).len()), flexible) + (self.topics).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
}
if version <= 5 {
len += codec::length_len(Some((self.topic_names).len()), flexible) + (self.topic_names).iter().map(|item| codec::nullable_string_len(Some((*item).as_str()), flexible)).sum::<usize>();
}
len += 4;
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for DeleteTopicsRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 6 {
this.topics = (0..rng.below(3)).map(|_| <DeleteTopicState as Arbitrary>::arbitrary(rng, version)).collect();
}
if version <= 5 {
this.topic_names = (0..rng.below(3)).map(|_| rng.string()).collect();
}
this.timeout_ms = rng.next_u64() as i32;
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for DeleteTopicsRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct DeleteTopicState {
    pub name: Option<String>,
    pub topic_id: Uuid,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DeleteTopicState {
    fn default() -> Self {
        DeleteTopicState {
            name: None,
            topic_id: Uuid::ZERO,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DeleteTopicState {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 6 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("DeleteTopicState.name"))?;
this.name = value;
input = rest;
}
if version >= 6 {
let (rest, value) = codec::uuid(input).map_err(codec::in_field("DeleteTopicState.topic_id"))?;
this.topic_id = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DeleteTopicState._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DeleteTopicState._tagged_fields"))?;
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
if version >= 6 {
match &self.name {
Some(value) => {
codec::check_string(&*value, flexible, "DeleteTopicState.name")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
if version >= 6 {
buf.put_slice(&(self.topic_id).0);
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
if version >= 6 {
len += match &self.name {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
if version >= 6 {
len += 16;
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
impl Arbitrary for DeleteTopicState {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 6 {
this.name = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
if version >= 6 {
this.topic_id = Uuid(rng.uuid_bytes());
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

