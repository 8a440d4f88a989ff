// Generated from protocol/schema/CreateTopicsResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! CreateTopicsResponse (API key 19), versions 2-7.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 19;
pub const MIN_VERSION: i16 = 2;
pub const MAX_VERSION: i16 = 7;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 5;

#[derive(Debug, Clone, PartialEq)]
pub struct CreateTopicsResponse {
    pub throttle_time_ms: i32,
    pub topics: Vec<CreatableTopicResult>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for CreateTopicsResponse {
    fn default() -> Self {
        CreateTopicsResponse {
            throttle_time_ms: 0,
            topics: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for CreateTopicsResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("CreateTopicsResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| CreatableTopicResult::decode(src, i, version))).map_err(codec::in_field("CreateTopicsResponse.topics"))?;
this.topics = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("CreateTopicsResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("CreateTopicsResponse._tagged_fields"))?;
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
            return Err(codec::unsupported_version("CreateTopicsResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
buf.put_i32(self.throttle_time_ms);
codec::put_length(buf, Some((self.topics).len()), flexible);
for item in (self.topics).iter() {
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
len += 4;
len += codec::length_len(Some((self.topics).len()), flexible) + (self.topics).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for CreateTopicsResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.throttle_time_ms = rng.next_u64() as i32;
this.topics = (0..rng.below(3)).map(|_| <CreatableTopicResult as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for CreateTopicsResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreatableTopicConfigs {
    pub name: String,
    pub value: Option<String>,
    pub read_only: bool,
    pub config_source: i8,
    pub is_sensitive: bool,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for CreatableTopicConfigs {
    fn default() -> Self {
        CreatableTopicConfigs {
            name: String::new(),
            value: Some(String::new()),
            read_only: false,
            config_source: -1,
            is_sensitive: false,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for CreatableTopicConfigs {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 5 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("CreatableTopicConfigs.name"))?;
this.name = value;
input = rest;
}
if version >= 5 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("CreatableTopicConfigs.value"))?;
this.value = value;
input = rest;
}
if version >= 5 {
let (rest, value) = codec::boolean(input).map_err(codec::in_field("CreatableTopicConfigs.read_only"))?;
this.read_only = value;
input = rest;
}
if version >= 5 {
let (rest, value) = codec::int8(input).map_err(codec::in_field("CreatableTopicConfigs.config_source"))?;
this.config_source = value;
input = rest;
}
if version >= 5 {
let (rest, value) = codec::boolean(input).map_err(codec::in_field("CreatableTopicConfigs.is_sensitive"))?;
this.is_sensitive = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("CreatableTopicConfigs._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("CreatableTopicConfigs._tagged_fields"))?;
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
if version >= 5 {
codec::check_string(&self.name, flexible, "CreatableTopicConfigs.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
}
if version >= 5 {
match &self.value {
Some(value) => {
codec::check_string(&*value, flexible, "CreatableTopicConfigs.value")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
if version >= 5 {
buf.put_u8(u8::from(self.read_only));
}
if version >= 5 {
buf.put_i8(self.config_source);
}
if version >= 5 {
buf.put_u8(u8::from(self.is_sensitive));
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
if version >= 5 {
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
}
if version >= 5 {
len += match &self.value {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
if version >= 5 {
len += 1;
}
if version >= 5 {
len += 1;
}
if version >= 5 {
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
impl Arbitrary for CreatableTopicConfigs {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 5 {
this.name = rng.string();
}
if version >= 5 {
this.value = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
if version >= 5 {
this.read_only = rng.below(2) == 1;
}
if version >= 5 {
this.config_source = rng.next_u64() as i8;
}
if version >= 5 {
this.is_sensitive = rng.below(2) == 1;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct CreatableTopicResult {
    pub name: String,
    pub topic_id: Uuid,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub topic_config_error_code: i16,
    pub num_partitions: i32,
    pub replication_factor: i16,
    pub configs: Option<Vec<CreatableTopicConfigs>>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for CreatableTopicResult {
    fn default() -> Self {
        CreatableTopicResult {
            name: String::new(),
            topic_id: Uuid::ZERO,
            error_code: 0,
            error_message: Some(String::new()),
            topic_config_error_code: 0,
            num_partitions: -1,
            replication_factor: -1,
            configs: Some(Vec::new()),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for CreatableTopicResult {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("CreatableTopicResult.name"))?;
this.name = value;
input = rest;
if version >= 7 {
let (rest, value) = codec::uuid(input).map_err(codec::in_field("CreatableTopicResult.topic_id"))?;
this.topic_id = value;
input = rest;
}
let (rest, value) = codec::int16(input).map_err(codec::in_field("CreatableTopicResult.error_code"))?;
this.error_code = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("CreatableTopicResult.error_message"))?;
this.error_message = value;
input = rest;
if version >= 5 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("CreatableTopicResult.num_partitions"))?;
this.num_partitions = value;
input = rest;
}
if version >= 5 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("CreatableTopicResult.replication_factor"))?;
this.replication_factor = value;
input = rest;
}
if version >= 5 {
let (rest, value) = codec::array(input, flexible, |i| CreatableTopicConfigs::decode(src, i, version)).map_err(codec::in_field("CreatableTopicResult.configs"))?;
this.configs = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("CreatableTopicResult._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("CreatableTopicResult._tagged_fields"))?;
                match tag {
                    0 if version >= 5 => { this.topic_config_error_code = codec::tagged_done(input, codec::int16(data)).map_err(codec::in_field("CreatableTopicResult.topic_config_error_code"))?; }
                    _ => { this.unknown_tagged_fields.insert(tag as i32, src.slice_ref(data)); }
                }
                input = rest;
            }
        }
        Ok((input, this))
    }

    fn encode<B: BufMut>(&self, buf: &mut B, version: i16) -> Result<(), EncodeError> {
        let flexible = version >= FLEXIBLE_MIN;
codec::check_string(&self.name, flexible, "CreatableTopicResult.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
if version >= 7 {
buf.put_slice(&(self.topic_id).0);
}
buf.put_i16(self.error_code);
match &self.error_message {
Some(value) => {
codec::check_string(&*value, flexible, "CreatableTopicResult.error_message")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
if version >= 5 {
buf.put_i32(self.num_partitions);
}
if version >= 5 {
buf.put_i16(self.replication_factor);
}
if version >= 5 {
match &self.configs {
Some(value) => {
codec::put_length(buf, Some((*value).len()), flexible);
for item in (*value).iter() {
(*item).encode(buf, version)?;
}
}
None => {
codec::put_length(buf, None, flexible);
}
}
}
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let write_topic_config_error_code = (version >= 5) && self.topic_config_error_code != 0;
            count += u32::from(write_topic_config_error_code);
            codec::put_uvarint(buf, count);
            let mut unknown = self.unknown_tagged_fields.iter().peekable();
            if write_topic_config_error_code {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 0) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 0);
                codec::put_uvarint(buf, (2) as u32);
buf.put_i16(self.topic_config_error_code);
            }
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
if version >= 7 {
len += 16;
}
len += 2;
len += match &self.error_message {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
if version >= 5 {
len += 4;
}
if version >= 5 {
len += 2;
}
if version >= 5 {
len += match &self.configs {
Some(value) => codec::length_len(Some((*value).len()), flexible) + (*value).iter().map(|item| (*item).encoded_len(version)).sum::<usize>(),
None => codec::length_len(None, flexible),
};
}
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            if (version >= 5) && self.topic_config_error_code != 0 {
                let size = 2;
                count += 1;
                tagged_len += codec::uvarint_len(0) + codec::uvarint_len(size as u32) + size;
            }
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for CreatableTopicResult {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.name = rng.string();
if version >= 7 {
this.topic_id = Uuid(rng.uuid_bytes());
}
this.error_code = rng.next_u64() as i16;
this.error_message = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
if version >= 5 {
this.num_partitions = rng.next_u64() as i32;
}
if version >= 5 {
this.replication_factor = rng.next_u64() as i16;
}
if version >= 5 {
this.configs = if true && rng.below(5) == 0 { None } else { Some((0..rng.below(3)).map(|_| <CreatableTopicConfigs as Arbitrary>::arbitrary(rng, version)).collect()) };
}
        if flexible && (version >= 5) && rng.below(2) == 0 {
            this.topic_config_error_code = rng.next_u64() as i16;
        }
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

