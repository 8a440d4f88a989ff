// Generated from protocol/schema/MetadataRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! MetadataRequest (API key 3), versions 0-13.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 3;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 13;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 9;

#[derive(Debug, Clone, PartialEq)]
pub struct MetadataRequest {
    pub topics: Option<Vec<MetadataRequestTopic>>,
    pub allow_auto_topic_creation: bool,
    pub include_cluster_authorized_operations: bool,
    pub include_topic_authorized_operations: bool,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for MetadataRequest {
    fn default() -> Self {
        MetadataRequest {
            topics: Some(Vec::new()),
            allow_auto_topic_creation: true,
            include_cluster_authorized_operations: false,
            include_topic_authorized_operations: false,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for MetadataRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::array(input, flexible, |i| MetadataRequestTopic::decode(src, i, version)).map_err(codec::in_field("MetadataRequest.topics"))?;
if value.is_none() && !(version >= 1) {
return codec::fail(input, DecodeErrorKind::UnexpectedNull).map_err(codec::in_field("MetadataRequest.topics"));
}
this.topics = value;
input = rest;
if version >= 4 {
let (rest, value) = codec::boolean(input).map_err(codec::in_field("MetadataRequest.allow_auto_topic_creation"))?;
this.allow_auto_topic_creation = value;
input = rest;
}
if (8..=10).contains(&version) {
let (rest, value) = codec::boolean(input).map_err(codec::in_field("MetadataRequest.include_cluster_authorized_operations"))?;
this.include_cluster_authorized_operations = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::boolean(input).map_err(codec::in_field("MetadataRequest.include_topic_authorized_operations"))?;
this.include_topic_authorized_operations = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("MetadataRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("MetadataRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("MetadataRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
match &self.topics {
Some(value) => {
codec::put_length(buf, Some((*value).len()), flexible);
for item in (*value).iter() {
(*item).encode(buf, version)?;
}
}
None => {
if !(version >= 1) {
return Err(codec::null_not_allowed("MetadataRequest.topics"));
}
codec::put_length(buf, None, flexible);
}
}
if version >= 4 {
buf.put_u8(u8::from(self.allow_auto_topic_creation));
}
if (8..=10).contains(&version) {
buf.put_u8(u8::from(self.include_cluster_authorized_operations));
}
if version >= 8 {
buf.put_u8(u8::from(self.include_topic_authorized_operations));
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
len += match &self.topics {
Some(value) => codec::length_len(Some((*value).len()), flexible) + (*value).iter().map(|item| (*item).encoded_len(version)).sum::<usize>(),
None => codec::length_len(None, flexible),
};
if version >= 4 {
len += 1;
}
if (8..=10).contains(&version) {
len += 1;
}
if version >= 8 {
len += 1;
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
impl Arbitrary for MetadataRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.topics = if version >= 1 && rng.below(5) == 0 { None } else { Some((0..rng.below(3)).map(|_| <MetadataRequestTopic as Arbitrary>::arbitrary(rng, version)).collect()) };
if version >= 4 {
this.allow_auto_topic_creation = rng.below(2) == 1;
}
if (8..=10).contains(&version) {
this.include_cluster_authorized_operations = rng.below(2) == 1;
}
if version >= 8 {
this.include_topic_authorized_operations = rng.below(2) == 1;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for MetadataRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetadataRequestTopic {
    pub topic_id: Uuid,
    pub name: Option<String>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for MetadataRequestTopic {
    fn default() -> Self {
        MetadataRequestTopic {
            topic_id: Uuid::ZERO,
            name: Some(String::new()),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for MetadataRequestTopic {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 10 {
let (rest, value) = codec::uuid(input).map_err(codec::in_field("MetadataRequestTopic.topic_id"))?;
this.topic_id = value;
input = rest;
}
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("MetadataRequestTopic.name"))?;
if value.is_none() && !(version >= 10) {
return codec::fail(input, DecodeErrorKind::UnexpectedNull).map_err(codec::in_field("MetadataRequestTopic.name"));
}
this.name = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("MetadataRequestTopic._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("MetadataRequestTopic._tagged_fields"))?;
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
if version >= 10 {
buf.put_slice(&(self.topic_id).0);
}
match &self.name {
Some(value) => {
codec::check_string(&*value, flexible, "MetadataRequestTopic.name")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
if !(version >= 10) {
return Err(codec::null_not_allowed("MetadataRequestTopic.name"));
}
codec::put_nullable_string(buf, None, flexible);
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
if version >= 10 {
len += 16;
}
len += match &self.name {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for MetadataRequestTopic {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 10 {
this.topic_id = Uuid(rng.uuid_bytes());
}
this.name = if version >= 10 && rng.below(5) == 0 { None } else { Some(rng.string()) };
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

