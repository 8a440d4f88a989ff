// Generated from protocol/schema/TxnOffsetCommitRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! TxnOffsetCommitRequest (API key 28), versions 0-5.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 28;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 5;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct TxnOffsetCommitRequest {
    pub transactional_id: String,
    pub group_id: String,
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub generation_id: i32,
    pub member_id: String,
    pub group_instance_id: Option<String>,
    pub topics: Vec<TxnOffsetCommitRequestTopic>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for TxnOffsetCommitRequest {
    fn default() -> Self {
        TxnOffsetCommitRequest {
            transactional_id: String::new(),
            group_id: String::new(),
            producer_id: 0,
            producer_epoch: 0,
            generation_id: -1,
            member_id: String::new(),
            group_instance_id: None,
            topics: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for TxnOffsetCommitRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("TxnOffsetCommitRequest.transactional_id"))?;
this.transactional_id = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("TxnOffsetCommitRequest.group_id"))?;
this.group_id = value;
input = rest;
let (rest, value) = codec::int64(input).map_err(codec::in_field("TxnOffsetCommitRequest.producer_id"))?;
this.producer_id = value;
input = rest;
let (rest, value) = codec::int16(input).map_err(codec::in_field("TxnOffsetCommitRequest.producer_epoch"))?;
this.producer_epoch = value;
input = rest;
if version >= 3 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("TxnOffsetCommitRequest.generation_id"))?;
this.generation_id = value;
input = rest;
}
if version >= 3 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("TxnOffsetCommitRequest.member_id"))?;
this.member_id = value;
input = rest;
}
if version >= 3 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("TxnOffsetCommitRequest.group_instance_id"))?;
this.group_instance_id = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| TxnOffsetCommitRequestTopic::decode(src, i, version))).map_err(codec::in_field("TxnOffsetCommitRequest.topics"))?;
this.topics = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("TxnOffsetCommitRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("TxnOffsetCommitRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("TxnOffsetCommitRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
codec::check_string(&self.transactional_id, flexible, "TxnOffsetCommitRequest.transactional_id")?;
codec::put_nullable_string(buf, Some((self.transactional_id).as_str()), flexible);
codec::check_string(&self.group_id, flexible, "TxnOffsetCommitRequest.group_id")?;
codec::put_nullable_string(buf, Some((self.group_id).as_str()), flexible);
buf.put_i64(self.producer_id);
buf.put_i16(self.producer_epoch);
if version >= 3 {
buf.put_i32(self.generation_id);
}
if version >= 3 {
codec::check_string(&self.member_id, flexible, "TxnOffsetCommitRequest.member_id")?;
codec::put_nullable_string(buf, Some((self.member_id).as_str()), flexible);
}
if version >= 3 {
match &self.group_instance_id {
Some(value) => {
codec::check_string(&*value, flexible, "TxnOffsetCommitRequest.group_instance_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
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
len += codec::nullable_string_len(Some((self.transactional_id).as_str()), flexible);
len += codec::nullable_string_len(Some((self.group_id).as_str()), flexible);
len += 8;
len += 2;
if version >= 3 {
len += 4;
}
if version >= 3 {
len += codec::nullable_string_len(Some((self.member_id).as_str()), flexible);
}
if version >= 3 {
len += match &self.group_instance_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
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
impl Arbitrary for TxnOffsetCommitRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.transactional_id = rng.string();
this.group_id = rng.string();
this.producer_id = rng.next_u64() as i64;
this.producer_epoch = rng.next_u64() as i16;
if version >= 3 {
this.generation_id = rng.next_u64() as i32;
}
if version >= 3 {
this.member_id = rng.string();
}
if version >= 3 {
this.group_instance_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
this.topics = (0..rng.below(3)).map(|_| <TxnOffsetCommitRequestTopic as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for TxnOffsetCommitRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct TxnOffsetCommitRequestPartition {
    pub partition_index: i32,
    pub committed_offset: i64,
    pub committed_leader_epoch: i32,
    pub committed_metadata: Option<String>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for TxnOffsetCommitRequestPartition {
    fn default() -> Self {
        TxnOffsetCommitRequestPartition {
            partition_index: 0,
            committed_offset: 0,
            committed_leader_epoch: -1,
            committed_metadata: Some(String::new()),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for TxnOffsetCommitRequestPartition {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("TxnOffsetCommitRequestPartition.partition_index"))?;
this.partition_index = value;
input = rest;
let (rest, value) = codec::int64(input).map_err(codec::in_field("TxnOffsetCommitRequestPartition.committed_offset"))?;
this.committed_offset = value;
input = rest;
if version >= 2 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("TxnOffsetCommitRequestPartition.committed_leader_epoch"))?;
this.committed_leader_epoch = value;
input = rest;
}
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("TxnOffsetCommitRequestPartition.committed_metadata"))?;
this.committed_metadata = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("TxnOffsetCommitRequestPartition._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("TxnOffsetCommitRequestPartition._tagged_fields"))?;
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
if version >= 2 {
buf.put_i32(self.committed_leader_epoch);
}
match &self.committed_metadata {
Some(value) => {
codec::check_string(&*value, flexible, "TxnOffsetCommitRequestPartition.committed_metadata")?;
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
if version >= 2 {
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
impl Arbitrary for TxnOffsetCommitRequestPartition {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.partition_index = rng.next_u64() as i32;
this.committed_offset = rng.next_u64() as i64;
if version >= 2 {
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
pub struct TxnOffsetCommitRequestTopic {
    pub name: String,
    pub partitions: Vec<TxnOffsetCommitRequestPartition>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for TxnOffsetCommitRequestTopic {
    fn default() -> Self {
        TxnOffsetCommitRequestTopic {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for TxnOffsetCommitRequestTopic {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("TxnOffsetCommitRequestTopic.name"))?;
this.name = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| TxnOffsetCommitRequestPartition::decode(src, i, version))).map_err(codec::in_field("TxnOffsetCommitRequestTopic.partitions"))?;
this.partitions = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("TxnOffsetCommitRequestTopic._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("TxnOffsetCommitRequestTopic._tagged_fields"))?;
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
codec::check_string(&self.name, flexible, "TxnOffsetCommitRequestTopic.name")?;
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
impl Arbitrary for TxnOffsetCommitRequestTopic {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.name = rng.string();
this.partitions = (0..rng.below(3)).map(|_| <TxnOffsetCommitRequestPartition as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

