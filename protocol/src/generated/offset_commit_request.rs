// Generated from protocol/schema/OffsetCommitRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! OffsetCommitRequest (API key 8), versions 2-9.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 8;
pub const MIN_VERSION: i16 = 2;
pub const MAX_VERSION: i16 = 9;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 8;

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetCommitRequest {
    pub group_id: String,
    pub generation_id_or_member_epoch: i32,
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub retention_time_ms: i64,
    pub topics: Vec<OffsetCommitRequestTopic>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetCommitRequest {
    fn default() -> Self {
        OffsetCommitRequest {
            group_id: String::new(),
            generation_id_or_member_epoch: -1,
            member_id: String::new(),
            group_instance_id: None,
            retention_time_ms: -1,
            topics: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetCommitRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("OffsetCommitRequest.group_id"))?;
this.group_id = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("OffsetCommitRequest.generation_id_or_member_epoch"))?;
this.generation_id_or_member_epoch = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("OffsetCommitRequest.member_id"))?;
this.member_id = value;
input = rest;
if version >= 7 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("OffsetCommitRequest.group_instance_id"))?;
this.group_instance_id = value;
input = rest;
}
if version <= 4 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("OffsetCommitRequest.retention_time_ms"))?;
this.retention_time_ms = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| OffsetCommitRequestTopic::decode(src, i, version))).map_err(codec::in_field("OffsetCommitRequest.topics"))?;
this.topics = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetCommitRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetCommitRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("OffsetCommitRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
codec::check_string(&self.group_id, flexible, "OffsetCommitRequest.group_id")?;
codec::put_nullable_string(buf, Some((self.group_id).as_str()), flexible);
buf.put_i32(self.generation_id_or_member_epoch);
codec::check_string(&self.member_id, flexible, "OffsetCommitRequest.member_id")?;
codec::put_nullable_string(buf, Some((self.member_id).as_str()), flexible);
if version >= 7 {
match &self.group_instance_id {
Some(value) => {
codec::check_string(&*value, flexible, "OffsetCommitRequest.group_instance_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
if version <= 4 {
buf.put_i64(self.retention_time_ms);
}
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
len += codec::nullable_string_len(Some((self.group_id).as_str()), flexible);
len += 4;
len += codec::nullable_string_len(Some((self.member_id).as_str()), flexible);
if version >= 7 {
len += match &self.group_instance_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
if version <= 4 {
len += 8;
}
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
impl Arbitrary for OffsetCommitRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.group_id = rng.string();
this.generation_id_or_member_epoch = rng.next_u64() as i32;
this.member_id = rng.string();
if version >= 7 {
this.group_instance_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
if version <= 4 {
this.retention_time_ms = rng.next_u64() as i64;
}
this.topics = (0..rng.below(3)).map(|_| <OffsetCommitRequestTopic as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for OffsetCommitRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetCommitRequestPartition {
    pub partition_index: i32,
    pub committed_offset: i64,
    pub committed_leader_epoch: i32,
    pub committed_metadata: Option<String>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetCommitRequestPartition {
    fn default() -> Self {
        OffsetCommitRequestPartition {
            partition_index: 0,
            committed_offset: 0,
            committed_leader_epoch: -1,
            committed_metadata: Some(String::new()),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetCommitRequestPartition {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("OffsetCommitRequestPartition.partition_index"))?;
this.partition_index = value;
input = rest;
let (rest, value) = codec::int64(input).map_err(codec::in_field("OffsetCommitRequestPartition.committed_offset"))?;
this.committed_offset = value;
input = rest;
if version >= 6 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("OffsetCommitRequestPartition.committed_leader_epoch"))?;
this.committed_leader_epoch = value;
input = rest;
}
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("OffsetCommitRequestPartition.committed_metadata"))?;
this.committed_metadata = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetCommitRequestPartition._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetCommitRequestPartition._tagged_fields"))?;
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
buf.put_i64(self.committed_offset);
if version >= 6 {
buf.put_i32(self.committed_leader_epoch);
}
match &self.committed_metadata {
Some(value) => {
codec::check_string(&*value, flexible, "OffsetCommitRequestPartition.committed_metadata")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
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
len += 4;
len += 8;
if version >= 6 {
len += 4;
}
len += match &self.committed_metadata {
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
impl Arbitrary for OffsetCommitRequestPartition {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.partition_index = rng.next_u64() as i32;
this.committed_offset = rng.next_u64() as i64;
if version >= 6 {
this.committed_leader_epoch = rng.next_u64() as i32;
}
this.committed_metadata = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetCommitRequestTopic {
    pub name: String,
    pub topic_id: Uuid,
    pub partitions: Vec<OffsetCommitRequestPartition>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetCommitRequestTopic {
    fn default() -> Self {
        OffsetCommitRequestTopic {
            name: String::new(),
            topic_id: Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetCommitRequestTopic {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("OffsetCommitRequestTopic.name"))?;
this.name = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| OffsetCommitRequestPartition::decode(src, i, version))).map_err(codec::in_field("OffsetCommitRequestTopic.partitions"))?;
this.partitions = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetCommitRequestTopic._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetCommitRequestTopic._tagged_fields"))?;
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
codec::check_string(&self.name, flexible, "OffsetCommitRequestTopic.name")?;
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
impl Arbitrary for OffsetCommitRequestTopic {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.name = rng.string();
this.partitions = (0..rng.below(3)).map(|_| <OffsetCommitRequestPartition as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

