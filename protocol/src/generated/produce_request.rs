// Generated from protocol/schema/ProduceRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! ProduceRequest (API key 0), versions 3-13.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 0;
pub const MIN_VERSION: i16 = 3;
pub const MAX_VERSION: i16 = 13;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 9;

#[derive(Debug, Clone, PartialEq)]
pub struct ProduceRequest {
    pub transactional_id: Option<String>,
    pub acks: i16,
    pub timeout_ms: i32,
    pub topic_data: Vec<TopicProduceData>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ProduceRequest {
    fn default() -> Self {
        ProduceRequest {
            transactional_id: None,
            acks: 0,
            timeout_ms: 0,
            topic_data: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ProduceRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("ProduceRequest.transactional_id"))?;
this.transactional_id = value;
input = rest;
let (rest, value) = codec::int16(input).map_err(codec::in_field("ProduceRequest.acks"))?;
this.acks = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("ProduceRequest.timeout_ms"))?;
this.timeout_ms = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| TopicProduceData::decode(src, i, version))).map_err(codec::in_field("ProduceRequest.topic_data"))?;
this.topic_data = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ProduceRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ProduceRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("ProduceRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
match &self.transactional_id {
Some(value) => {
codec::check_string(&*value, flexible, "ProduceRequest.transactional_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
buf.put_i16(self.acks);
buf.put_i32(self.timeout_ms);
codec::put_length(buf, Some((self.topic_data).len()), flexible);
for item in (self.topic_data).iter() {
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
len += match &self.transactional_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
len += 2;
len += 4;
len += codec::length_len(Some((self.topic_data).len()), flexible) + (self.topic_data).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for ProduceRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.transactional_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
this.acks = rng.next_u64() as i16;
this.timeout_ms = rng.next_u64() as i32;
this.topic_data = (0..rng.below(3)).map(|_| <TopicProduceData as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for ProduceRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionProduceData {
    pub index: i32,
    pub records: Option<Bytes>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for PartitionProduceData {
    fn default() -> Self {
        PartitionProduceData {
            index: 0,
            records: Some(Bytes::new()),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for PartitionProduceData {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("PartitionProduceData.index"))?;
this.index = value;
input = rest;
let (rest, value) = codec::nullable_bytes(src, input, flexible).map_err(codec::in_field("PartitionProduceData.records"))?;
this.records = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("PartitionProduceData._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("PartitionProduceData._tagged_fields"))?;
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
buf.put_i32(self.index);
match &self.records {
Some(value) => {
codec::put_nullable_bytes(buf, Some(&(*value)[..]), flexible);
}
None => {
codec::put_length(buf, None, flexible);
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
len += 4;
len += match &self.records {
Some(value) => codec::nullable_bytes_len(Some(&(*value)[..]), flexible),
None => codec::length_len(None, flexible),
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
impl Arbitrary for PartitionProduceData {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.index = rng.next_u64() as i32;
this.records = if true && rng.below(5) == 0 { None } else { Some(rng.bytes()) };
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicProduceData {
    pub name: String,
    pub topic_id: Uuid,
    pub partition_data: Vec<PartitionProduceData>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for TopicProduceData {
    fn default() -> Self {
        TopicProduceData {
            name: String::new(),
            topic_id: Uuid::ZERO,
            partition_data: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for TopicProduceData {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version <= 12 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("TopicProduceData.name"))?;
this.name = value;
input = rest;
}
if version >= 13 {
let (rest, value) = codec::uuid(input).map_err(codec::in_field("TopicProduceData.topic_id"))?;
this.topic_id = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| PartitionProduceData::decode(src, i, version))).map_err(codec::in_field("TopicProduceData.partition_data"))?;
this.partition_data = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("TopicProduceData._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("TopicProduceData._tagged_fields"))?;
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
if version <= 12 {
codec::check_string(&self.name, flexible, "TopicProduceData.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
}
if version >= 13 {
buf.put_slice(&(self.topic_id).0);
}
codec::put_length(buf, Some((self.partition_data).len()), flexible);
for item in (self.partition_data).iter() {
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
if version <= 12 {
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
}
if version >= 13 {
len += 16;
}
len += codec::length_len(Some((self.partition_data).len()), flexible) + (self.partition_data).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for TopicProduceData {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version <= 12 {
this.name = rng.string();
}
if version >= 13 {
this.topic_id = Uuid(rng.uuid_bytes());
}
this.partition_data = (0..rng.below(3)).map(|_| <PartitionProduceData as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

