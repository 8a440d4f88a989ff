// Generated from protocol/schema/ListOffsetsRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! ListOffsetsRequest (API key 2), versions 1-10.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 2;
pub const MIN_VERSION: i16 = 1;
pub const MAX_VERSION: i16 = 10;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 6;

#[derive(Debug, Clone, PartialEq)]
pub struct ListOffsetsRequest {
    pub replica_id: i32,
    pub isolation_level: i8,
    pub topics: Vec<ListOffsetsTopic>,
    pub timeout_ms: i32,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ListOffsetsRequest {
    fn default() -> Self {
        ListOffsetsRequest {
            replica_id: 0,
            isolation_level: 0,
            topics: Vec::new(),
            timeout_ms: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ListOffsetsRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("ListOffsetsRequest.replica_id"))?;
this.replica_id = value;
input = rest;
if version >= 2 {
let (rest, value) = codec::int8(input).map_err(codec::in_field("ListOffsetsRequest.isolation_level"))?;
this.isolation_level = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| ListOffsetsTopic::decode(src, i, version))).map_err(codec::in_field("ListOffsetsRequest.topics"))?;
this.topics = value;
input = rest;
if version >= 10 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("ListOffsetsRequest.timeout_ms"))?;
this.timeout_ms = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ListOffsetsRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ListOffsetsRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("ListOffsetsRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
buf.put_i32(self.replica_id);
if version >= 2 {
buf.put_i8(self.isolation_level);
}
codec::put_length(buf, Some((self.topics).len()), flexible);
for item in (self.topics).iter() {
(*item).encode(buf, version)?;
}
if version >= 10 {
buf.put_i32(self.timeout_ms);
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
if version >= 2 {
len += 1;
}
len += codec::length_len(Some((self.topics).len()), flexible) + (self.topics).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
if version >= 10 {
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
impl Arbitrary for ListOffsetsRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.replica_id = rng.next_u64() as i32;
if version >= 2 {
this.isolation_level = rng.next_u64() as i8;
}
this.topics = (0..rng.below(3)).map(|_| <ListOffsetsTopic as Arbitrary>::arbitrary(rng, version)).collect();
if version >= 10 {
this.timeout_ms = rng.next_u64() as i32;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for ListOffsetsRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListOffsetsPartition {
    pub partition_index: i32,
    pub current_leader_epoch: i32,
    pub timestamp: i64,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ListOffsetsPartition {
    fn default() -> Self {
        ListOffsetsPartition {
            partition_index: 0,
            current_leader_epoch: -1,
            timestamp: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ListOffsetsPartition {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("ListOffsetsPartition.partition_index"))?;
this.partition_index = value;
input = rest;
if version >= 4 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("ListOffsetsPartition.current_leader_epoch"))?;
this.current_leader_epoch = value;
input = rest;
}
let (rest, value) = codec::int64(input).map_err(codec::in_field("ListOffsetsPartition.timestamp"))?;
this.timestamp = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ListOffsetsPartition._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ListOffsetsPartition._tagged_fields"))?;
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
buf.put_i32(self.partition_index);
if version >= 4 {
buf.put_i32(self.current_leader_epoch);
}
buf.put_i64(self.timestamp);
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
if version >= 4 {
len += 4;
}
len += 8;
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for ListOffsetsPartition {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.partition_index = rng.next_u64() as i32;
if version >= 4 {
this.current_leader_epoch = rng.next_u64() as i32;
}
this.timestamp = rng.next_u64() as i64;
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ListOffsetsTopic {
    pub name: String,
    pub partitions: Vec<ListOffsetsPartition>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ListOffsetsTopic {
    fn default() -> Self {
        ListOffsetsTopic {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ListOffsetsTopic {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("ListOffsetsTopic.name"))?;
this.name = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| ListOffsetsPartition::decode(src, i, version))).map_err(codec::in_field("ListOffsetsTopic.partitions"))?;
this.partitions = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ListOffsetsTopic._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ListOffsetsTopic._tagged_fields"))?;
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
codec::check_string(&self.name, flexible, "ListOffsetsTopic.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
codec::put_length(buf, Some((self.partitions).len()), flexible);
for item in (self.partitions).iter() {
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
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
len += codec::length_len(Some((self.partitions).len()), flexible) + (self.partitions).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for ListOffsetsTopic {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.name = rng.string();
this.partitions = (0..rng.below(3)).map(|_| <ListOffsetsPartition as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

