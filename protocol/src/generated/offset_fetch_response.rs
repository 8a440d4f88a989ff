// Generated from protocol/schema/OffsetFetchResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! OffsetFetchResponse (API key 9), versions 1-9.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 9;
pub const MIN_VERSION: i16 = 1;
pub const MAX_VERSION: i16 = 9;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 6;

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponse {
    pub throttle_time_ms: i32,
    pub topics: Vec<OffsetFetchResponseTopic>,
    pub error_code: i16,
    pub groups: Vec<OffsetFetchResponseGroup>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetFetchResponse {
    fn default() -> Self {
        OffsetFetchResponse {
            throttle_time_ms: 0,
            topics: Vec::new(),
            error_code: 0,
            groups: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetFetchResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 3 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("OffsetFetchResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
}
if version <= 7 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| OffsetFetchResponseTopic::decode(src, i, version))).map_err(codec::in_field("OffsetFetchResponse.topics"))?;
this.topics = value;
input = rest;
}
if (2..=7).contains(&version) {
let (rest, value) = codec::int16(input).map_err(codec::in_field("OffsetFetchResponse.error_code"))?;
this.error_code = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| OffsetFetchResponseGroup::decode(src, i, version))).map_err(codec::in_field("OffsetFetchResponse.groups"))?;
this.groups = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetFetchResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetFetchResponse._tagged_fields"))?;
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
            return Err(codec::unsupported_version("OffsetFetchResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
if version >= 3 {
buf.put_i32(self.throttle_time_ms);
}
if version <= 7 {
codec::put_length(buf, Some((self.topics).len()), flexible);
for item in (self.topics).iter() {
(*item).encode(buf, version)?;
}
}
if (2..=7).contains(&version) {
buf.put_i16(self.error_code);
}
if version >= 8 {
codec::put_length(buf, Some((self.groups).len()), flexible);
for item in (self.groups).iter() {
(*item).encode(buf, version)?;
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
if version >= 3 {
len += 4;
}
if version <= 7 {
len += codec::length_len(Some((self.topics).len()), flexible) + (self.topics).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
}
if (2..=7).contains(&version) {
len += 2;
}
if version >= 8 {
len += codec::length_len(Some((self.groups).len()), flexible) + (self.groups).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
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
impl Arbitrary for OffsetFetchResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 3 {
this.throttle_time_ms = rng.next_u64() as i32;
}
if version <= 7 {
this.topics = (0..rng.below(3)).map(|_| <OffsetFetchResponseTopic as Arbitrary>::arbitrary(rng, version)).collect();
}
if (2..=7).contains(&version) {
this.error_code = rng.next_u64() as i16;
}
if version >= 8 {
this.groups = (0..rng.below(3)).map(|_| <OffsetFetchResponseGroup as Arbitrary>::arbitrary(rng, version)).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for OffsetFetchResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponseGroup {
    pub group_id: String,
    pub topics: Vec<OffsetFetchResponseTopics>,
    pub error_code: i16,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetFetchResponseGroup {
    fn default() -> Self {
        OffsetFetchResponseGroup {
            group_id: String::new(),
            topics: Vec::new(),
            error_code: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetFetchResponseGroup {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 8 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("OffsetFetchResponseGroup.group_id"))?;
this.group_id = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| OffsetFetchResponseTopics::decode(src, i, version))).map_err(codec::in_field("OffsetFetchResponseGroup.topics"))?;
this.topics = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("OffsetFetchResponseGroup.error_code"))?;
this.error_code = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetFetchResponseGroup._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetFetchResponseGroup._tagged_fields"))?;
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
if version >= 8 {
codec::check_string(&self.group_id, flexible, "OffsetFetchResponseGroup.group_id")?;
codec::put_nullable_string(buf, Some((self.group_id).as_str()), flexible);
}
if version >= 8 {
codec::put_length(buf, Some((self.topics).len()), flexible);
for item in (self.topics).iter() {
(*item).encode(buf, version)?;
}
}
if version >= 8 {
buf.put_i16(self.error_code);
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
if version >= 8 {
len += codec::nullable_string_len(Some((self.group_id).as_str()), flexible);
}
if version >= 8 {
len += codec::length_len(Some((self.topics).len()), flexible) + (self.topics).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
}
if version >= 8 {
len += 2;
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
impl Arbitrary for OffsetFetchResponseGroup {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 8 {
this.group_id = rng.string();
}
if version >= 8 {
this.topics = (0..rng.below(3)).map(|_| <OffsetFetchResponseTopics as Arbitrary>::arbitrary(rng, version)).collect();
}
if version >= 8 {
this.error_code = rng.next_u64() as i16;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponsePartition {
    pub partition_index: i32,
    pub committed_offset: i64,
    pub committed_leader_epoch: i32,
    pub metadata: Option<String>,
    pub error_code: i16,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetFetchResponsePartition {
    fn default() -> Self {
        OffsetFetchResponsePartition {
            partition_index: 0,
            committed_offset: 0,
            committed_leader_epoch: -1,
            metadata: Some(String::new()),
            error_code: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetFetchResponsePartition {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version <= 7 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("OffsetFetchResponsePartition.partition_index"))?;
this.partition_index = value;
input = rest;
}
if version <= 7 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("OffsetFetchResponsePartition.committed_offset"))?;
this.committed_offset = value;
input = rest;
}
if (5..=7).contains(&version) {
let (rest, value) = codec::int32(input).map_err(codec::in_field("OffsetFetchResponsePartition.committed_leader_epoch"))?;
this.committed_leader_epoch = value;
input = rest;
}
if version <= 7 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("OffsetFetchResponsePartition.metadata"))?;
this.metadata = value;
input = rest;
}
if version <= 7 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("OffsetFetchResponsePartition.error_code"))?;
this.error_code = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetFetchResponsePartition._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetFetchResponsePartition._tagged_fields"))?;
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
if version <= 7 {
buf.put_i32(self.partition_index);
}
if version <= 7 {
buf.put_i64(self.committed_offset);
}
if (5..=7).contains(&version) {
buf.put_i32(self.committed_leader_epoch);
}
if version <= 7 {
match &self.metadata {
Some(value) => {
codec::check_string(&*value, flexible, "OffsetFetchResponsePartition.metadata")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
if version <= 7 {
buf.put_i16(self.error_code);
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
if version <= 7 {
len += 4;
}
if version <= 7 {
len += 8;
}
if (5..=7).contains(&version) {
len += 4;
}
if version <= 7 {
len += match &self.metadata {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
if version <= 7 {
len += 2;
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
impl Arbitrary for OffsetFetchResponsePartition {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version <= 7 {
this.partition_index = rng.next_u64() as i32;
}
if version <= 7 {
this.committed_offset = rng.next_u64() as i64;
}
if (5..=7).contains(&version) {
this.committed_leader_epoch = rng.next_u64() as i32;
}
if version <= 7 {
this.metadata = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
if version <= 7 {
this.error_code = rng.next_u64() as i16;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponsePartitions {
    pub partition_index: i32,
    pub committed_offset: i64,
    pub committed_leader_epoch: i32,
    pub metadata: Option<String>,
    pub error_code: i16,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetFetchResponsePartitions {
    fn default() -> Self {
        OffsetFetchResponsePartitions {
            partition_index: 0,
            committed_offset: 0,
            committed_leader_epoch: -1,
            metadata: Some(String::new()),
            error_code: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetFetchResponsePartitions {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 8 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("OffsetFetchResponsePartitions.partition_index"))?;
this.partition_index = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("OffsetFetchResponsePartitions.committed_offset"))?;
this.committed_offset = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("OffsetFetchResponsePartitions.committed_leader_epoch"))?;
this.committed_leader_epoch = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("OffsetFetchResponsePartitions.metadata"))?;
this.metadata = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("OffsetFetchResponsePartitions.error_code"))?;
this.error_code = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetFetchResponsePartitions._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetFetchResponsePartitions._tagged_fields"))?;
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
if version >= 8 {
buf.put_i32(self.partition_index);
}
if version >= 8 {
buf.put_i64(self.committed_offset);
}
if version >= 8 {
buf.put_i32(self.committed_leader_epoch);
}
if version >= 8 {
match &self.metadata {
Some(value) => {
codec::check_string(&*value, flexible, "OffsetFetchResponsePartitions.metadata")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
if version >= 8 {
buf.put_i16(self.error_code);
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
if version >= 8 {
len += 4;
}
if version >= 8 {
len += 8;
}
if version >= 8 {
len += 4;
}
if version >= 8 {
len += match &self.metadata {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
if version >= 8 {
len += 2;
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
impl Arbitrary for OffsetFetchResponsePartitions {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 8 {
this.partition_index = rng.next_u64() as i32;
}
if version >= 8 {
this.committed_offset = rng.next_u64() as i64;
}
if version >= 8 {
this.committed_leader_epoch = rng.next_u64() as i32;
}
if version >= 8 {
this.metadata = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
if version >= 8 {
this.error_code = rng.next_u64() as i16;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponseTopic {
    pub name: String,
    pub partitions: Vec<OffsetFetchResponsePartition>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetFetchResponseTopic {
    fn default() -> Self {
        OffsetFetchResponseTopic {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetFetchResponseTopic {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version <= 7 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("OffsetFetchResponseTopic.name"))?;
this.name = value;
input = rest;
}
if version <= 7 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| OffsetFetchResponsePartition::decode(src, i, version))).map_err(codec::in_field("OffsetFetchResponseTopic.partitions"))?;
this.partitions = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetFetchResponseTopic._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetFetchResponseTopic._tagged_fields"))?;
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
if version <= 7 {
codec::check_string(&self.name, flexible, "OffsetFetchResponseTopic.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
}
if version <= 7 {
codec::put_length(buf, Some((self.partitions).len()), flexible);
for item in (self.partitions).iter() {
(*item).encode(buf, version)?;
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
if version <= 7 {
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
}
if version <= 7 {
len += codec::length_len(Some((self.partitions).len()), flexible) + (self.partitions).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
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
impl Arbitrary for OffsetFetchResponseTopic {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version <= 7 {
this.name = rng.string();
}
if version <= 7 {
this.partitions = (0..rng.below(3)).map(|_| <OffsetFetchResponsePartition as Arbitrary>::arbitrary(rng, version)).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchResponseTopics {
    pub name: String,
    pub topic_id: Uuid,
    pub partitions: Vec<OffsetFetchResponsePartitions>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetFetchResponseTopics {
    fn default() -> Self {
        OffsetFetchResponseTopics {
            name: String::new(),
            topic_id: Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetFetchResponseTopics {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 8 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("OffsetFetchResponseTopics.name"))?;
this.name = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| OffsetFetchResponsePartitions::decode(src, i, version))).map_err(codec::in_field("OffsetFetchResponseTopics.partitions"))?;
this.partitions = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetFetchResponseTopics._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetFetchResponseTopics._tagged_fields"))?;
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
if version >= 8 {
codec::check_string(&self.name, flexible, "OffsetFetchResponseTopics.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
}
if version >= 8 {
codec::put_length(buf, Some((self.partitions).len()), flexible);
for item in (self.partitions).iter() {
(*item).encode(buf, version)?;
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
if version >= 8 {
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
}
if version >= 8 {
len += codec::length_len(Some((self.partitions).len()), flexible) + (self.partitions).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
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
impl Arbitrary for OffsetFetchResponseTopics {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 8 {
this.name = rng.string();
}
if version >= 8 {
this.partitions = (0..rng.below(3)).map(|_| <OffsetFetchResponsePartitions as Arbitrary>::arbitrary(rng, version)).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

