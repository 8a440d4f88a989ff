// Generated from protocol/schema/FetchRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! FetchRequest (API key 1), versions 4-18.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 1;
pub const MIN_VERSION: i16 = 4;
pub const MAX_VERSION: i16 = 18;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 12;

#[derive(Debug, Clone, PartialEq)]
pub struct FetchRequest {
    pub cluster_id: Option<String>,
    pub replica_id: i32,
    pub replica_state: ReplicaState,
    pub max_wait_ms: i32,
    pub min_bytes: i32,
    pub max_bytes: i32,
    pub isolation_level: i8,
    pub session_id: i32,
    pub session_epoch: i32,
    pub topics: Vec<FetchTopic>,
    pub forgotten_topics_data: Vec<ForgottenTopic>,
    pub rack_id: String,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for FetchRequest {
    fn default() -> Self {
        FetchRequest {
            cluster_id: None,
            replica_id: -1,
            replica_state: ReplicaState::default(),
            max_wait_ms: 0,
            min_bytes: 0,
            max_bytes: 2147483647,
            isolation_level: 0,
            session_id: 0,
            session_epoch: -1,
            topics: Vec::new(),
            forgotten_topics_data: Vec::new(),
            rack_id: String::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for FetchRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version <= 14 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("FetchRequest.replica_id"))?;
this.replica_id = value;
input = rest;
}
let (rest, value) = codec::int32(input).map_err(codec::in_field("FetchRequest.max_wait_ms"))?;
this.max_wait_ms = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("FetchRequest.min_bytes"))?;
this.min_bytes = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("FetchRequest.max_bytes"))?;
this.max_bytes = value;
input = rest;
let (rest, value) = codec::int8(input).map_err(codec::in_field("FetchRequest.isolation_level"))?;
this.isolation_level = value;
input = rest;
if version >= 7 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("FetchRequest.session_id"))?;
this.session_id = value;
input = rest;
}
if version >= 7 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("FetchRequest.session_epoch"))?;
this.session_epoch = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| FetchTopic::decode(src, i, version))).map_err(codec::in_field("FetchRequest.topics"))?;
this.topics = value;
input = rest;
if version >= 7 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| ForgottenTopic::decode(src, i, version))).map_err(codec::in_field("FetchRequest.forgotten_topics_data"))?;
this.forgotten_topics_data = value;
input = rest;
}
if version >= 11 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("FetchRequest.rack_id"))?;
this.rack_id = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("FetchRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("FetchRequest._tagged_fields"))?;
                match tag {
                    0 if version >= 12 => { this.cluster_id = codec::tagged_done(input, codec::nullable_string(data, flexible)).map_err(codec::in_field("FetchRequest.cluster_id"))?; }
                    1 if version >= 15 => { this.replica_state = codec::tagged_done(input, ReplicaState::decode(src, data, version)).map_err(codec::in_field("FetchRequest.replica_state"))?; }
                    _ => { this.unknown_tagged_fields.insert(tag as i32, src.slice_ref(data)); }
                }
                input = rest;
            }
        }
        Ok((input, this))
    }

    fn encode<B: BufMut>(&self, buf: &mut B, version: i16) -> Result<(), EncodeError> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return Err(codec::unsupported_version("FetchRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
if version <= 14 {
buf.put_i32(self.replica_id);
}
buf.put_i32(self.max_wait_ms);
buf.put_i32(self.min_bytes);
buf.put_i32(self.max_bytes);
buf.put_i8(self.isolation_level);
if version >= 7 {
buf.put_i32(self.session_id);
}
if version >= 7 {
buf.put_i32(self.session_epoch);
}
codec::put_length(buf, Some((self.topics).len()), flexible);
for item in (self.topics).iter() {
(*item).encode(buf, version)?;
}
if version >= 7 {
codec::put_length(buf, Some((self.forgotten_topics_data).len()), flexible);
for item in (self.forgotten_topics_data).iter() {
(*item).encode(buf, version)?;
}
}
if version >= 11 {
codec::check_string(&self.rack_id, flexible, "FetchRequest.rack_id")?;
codec::put_nullable_string(buf, Some((self.rack_id).as_str()), flexible);
}
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let write_cluster_id = (version >= 12) && self.cluster_id != None;
            count += u32::from(write_cluster_id);
            let write_replica_state = (version >= 15) && self.replica_state != ReplicaState::default();
            count += u32::from(write_replica_state);
            codec::put_uvarint(buf, count);
            let mut unknown = self.unknown_tagged_fields.iter().peekable();
            if write_cluster_id {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 0) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 0);
                codec::put_uvarint(buf, (match &self.cluster_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
}) as u32);
match &self.cluster_id {
Some(value) => {
codec::check_string(&*value, flexible, "FetchRequest.cluster_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
            }
            if write_replica_state {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 1) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 1);
                codec::put_uvarint(buf, ((self.replica_state).encoded_len(version)) as u32);
(self.replica_state).encode(buf, version)?;
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
if version <= 14 {
len += 4;
}
len += 4;
len += 4;
len += 4;
len += 1;
if version >= 7 {
len += 4;
}
if version >= 7 {
len += 4;
}
len += codec::length_len(Some((self.topics).len()), flexible) + (self.topics).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
if version >= 7 {
len += codec::length_len(Some((self.forgotten_topics_data).len()), flexible) + (self.forgotten_topics_data).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
}
if version >= 11 {
len += codec::nullable_string_len(Some((self.rack_id).as_str()), flexible);
}
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            if (version >= 12) && self.cluster_id != None {
                let size = match &self.cluster_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
                count += 1;
                tagged_len += codec::uvarint_len(0) + codec::uvarint_len(size as u32) + size;
            }
            if (version >= 15) && self.replica_state != ReplicaState::default() {
                let size = (self.replica_state).encoded_len(version);
                count += 1;
                tagged_len += codec::uvarint_len(1) + codec::uvarint_len(size as u32) + size;
            }
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for FetchRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version <= 14 {
this.replica_id = rng.next_u64() as i32;
}
this.max_wait_ms = rng.next_u64() as i32;
this.min_bytes = rng.next_u64() as i32;
this.max_bytes = rng.next_u64() as i32;
this.isolation_level = rng.next_u64() as i8;
if version >= 7 {
this.session_id = rng.next_u64() as i32;
}
if version >= 7 {
this.session_epoch = rng.next_u64() as i32;
}
this.topics = (0..rng.below(3)).map(|_| <FetchTopic as Arbitrary>::arbitrary(rng, version)).collect();
if version >= 7 {
this.forgotten_topics_data = (0..rng.below(3)).map(|_| <ForgottenTopic as Arbitrary>::arbitrary(rng, version)).collect();
}
if version >= 11 {
this.rack_id = rng.string();
}
        if flexible && (version >= 12) && rng.below(2) == 0 {
            this.cluster_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
        }
        if flexible && (version >= 15) && rng.below(2) == 0 {
            this.replica_state = <ReplicaState as Arbitrary>::arbitrary(rng, version);
        }
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for FetchRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct FetchPartition {
    pub partition: i32,
    pub current_leader_epoch: i32,
    pub fetch_offset: i64,
    pub last_fetched_epoch: i32,
    pub log_start_offset: i64,
    pub partition_max_bytes: i32,
    pub replica_directory_id: Uuid,
    pub high_watermark: i64,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for FetchPartition {
    fn default() -> Self {
        FetchPartition {
            partition: 0,
            current_leader_epoch: -1,
            fetch_offset: 0,
            last_fetched_epoch: -1,
            log_start_offset: -1,
            partition_max_bytes: 0,
            replica_directory_id: Uuid::ZERO,
            high_watermark: 9223372036854775807,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for FetchPartition {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("FetchPartition.partition"))?;
this.partition = value;
input = rest;
if version >= 9 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("FetchPartition.current_leader_epoch"))?;
this.current_leader_epoch = value;
input = rest;
}
let (rest, value) = codec::int64(input).map_err(codec::in_field("FetchPartition.fetch_offset"))?;
this.fetch_offset = value;
input = rest;
if version >= 12 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("FetchPartition.last_fetched_epoch"))?;
this.last_fetched_epoch = value;
input = rest;
}
if version >= 5 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("FetchPartition.log_start_offset"))?;
this.log_start_offset = value;
input = rest;
}
let (rest, value) = codec::int32(input).map_err(codec::in_field("FetchPartition.partition_max_bytes"))?;
this.partition_max_bytes = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("FetchPartition._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("FetchPartition._tagged_fields"))?;
                match tag {
                    0 if version >= 17 => { this.replica_directory_id = codec::tagged_done(input, codec::uuid(data)).map_err(codec::in_field("FetchPartition.replica_directory_id"))?; }
                    1 if version >= 18 => { this.high_watermark = codec::tagged_done(input, codec::int64(data)).map_err(codec::in_field("FetchPartition.high_watermark"))?; }
                    _ => { this.unknown_tagged_fields.insert(tag as i32, src.slice_ref(data)); }
                }
                input = rest;
            }
        }
        Ok((input, this))
    }

    fn encode<B: BufMut>(&self, buf: &mut B, version: i16) -> Result<(), EncodeError> {
        let flexible = version >= FLEXIBLE_MIN;
buf.put_i32(self.partition);
if version >= 9 {
buf.put_i32(self.current_leader_epoch);
}
buf.put_i64(self.fetch_offset);
if version >= 12 {
buf.put_i32(self.last_fetched_epoch);
}
if version >= 5 {
buf.put_i64(self.log_start_offset);
}
buf.put_i32(self.partition_max_bytes);
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let write_replica_directory_id = (version >= 17) && self.replica_directory_id != Uuid::ZERO;
            count += u32::from(write_replica_directory_id);
            let write_high_watermark = (version >= 18) && self.high_watermark != 9223372036854775807;
            count += u32::from(write_high_watermark);
            codec::put_uvarint(buf, count);
            let mut unknown = self.unknown_tagged_fields.iter().peekable();
            if write_replica_directory_id {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 0) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 0);
                codec::put_uvarint(buf, (16) as u32);
buf.put_slice(&(self.replica_directory_id).0);
            }
            if write_high_watermark {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 1) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 1);
                codec::put_uvarint(buf, (8) as u32);
buf.put_i64(self.high_watermark);
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
len += 4;
if version >= 9 {
len += 4;
}
len += 8;
if version >= 12 {
len += 4;
}
if version >= 5 {
len += 8;
}
len += 4;
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            if (version >= 17) && self.replica_directory_id != Uuid::ZERO {
                let size = 16;
                count += 1;
                tagged_len += codec::uvarint_len(0) + codec::uvarint_len(size as u32) + size;
            }
            if (version >= 18) && self.high_watermark != 9223372036854775807 {
                let size = 8;
                count += 1;
                tagged_len += codec::uvarint_len(1) + codec::uvarint_len(size as u32) + size;
            }
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for FetchPartition {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.partition = rng.next_u64() as i32;
if version >= 9 {
this.current_leader_epoch = rng.next_u64() as i32;
}
this.fetch_offset = rng.next_u64() as i64;
if version >= 12 {
this.last_fetched_epoch = rng.next_u64() as i32;
}
if version >= 5 {
this.log_start_offset = rng.next_u64() as i64;
}
this.partition_max_bytes = rng.next_u64() as i32;
        if flexible && (version >= 17) && rng.below(2) == 0 {
            this.replica_directory_id = Uuid(rng.uuid_bytes());
        }
        if flexible && (version >= 18) && rng.below(2) == 0 {
            this.high_watermark = rng.next_u64() as i64;
        }
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FetchTopic {
    pub topic: String,
    pub topic_id: Uuid,
    pub partitions: Vec<FetchPartition>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for FetchTopic {
    fn default() -> Self {
        FetchTopic {
            topic: String::new(),
            topic_id: Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for FetchTopic {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version <= 12 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("FetchTopic.topic"))?;
this.topic = value;
input = rest;
}
if version >= 13 {
let (rest, value) = codec::uuid(input).map_err(codec::in_field("FetchTopic.topic_id"))?;
this.topic_id = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| FetchPartition::decode(src, i, version))).map_err(codec::in_field("FetchTopic.partitions"))?;
this.partitions = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("FetchTopic._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("FetchTopic._tagged_fields"))?;
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
codec::check_string(&self.topic, flexible, "FetchTopic.topic")?;
codec::put_nullable_string(buf, Some((self.topic).as_str()), flexible);
}
if version >= 13 {
buf.put_slice(&(self.topic_id).0);
}
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
if version <= 12 {
len += codec::nullable_string_len(Some((self.topic).as_str()), flexible);
}
if version >= 13 {
len += 16;
}
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
impl Arbitrary for FetchTopic {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version <= 12 {
this.topic = rng.string();
}
if version >= 13 {
this.topic_id = Uuid(rng.uuid_bytes());
}
this.partitions = (0..rng.below(3)).map(|_| <FetchPartition as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ForgottenTopic {
    pub topic: String,
    pub topic_id: Uuid,
    pub partitions: Vec<i32>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ForgottenTopic {
    fn default() -> Self {
        ForgottenTopic {
            topic: String::new(),
            topic_id: Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ForgottenTopic {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if (7..=12).contains(&version) {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("ForgottenTopic.topic"))?;
this.topic = value;
input = rest;
}
if version >= 13 {
let (rest, value) = codec::uuid(input).map_err(codec::in_field("ForgottenTopic.topic_id"))?;
this.topic_id = value;
input = rest;
}
if version >= 7 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::int32(i))).map_err(codec::in_field("ForgottenTopic.partitions"))?;
this.partitions = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ForgottenTopic._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ForgottenTopic._tagged_fields"))?;
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
if (7..=12).contains(&version) {
codec::check_string(&self.topic, flexible, "ForgottenTopic.topic")?;
codec::put_nullable_string(buf, Some((self.topic).as_str()), flexible);
}
if version >= 13 {
buf.put_slice(&(self.topic_id).0);
}
if version >= 7 {
codec::put_length(buf, Some((self.partitions).len()), flexible);
for item in (self.partitions).iter() {
buf.put_i32(*item);
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
if (7..=12).contains(&version) {
len += codec::nullable_string_len(Some((self.topic).as_str()), flexible);
}
if version >= 13 {
len += 16;
}
if version >= 7 {
len += codec::length_len(Some((self.partitions).len()), flexible) + (self.partitions).len() * 4;
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
impl Arbitrary for ForgottenTopic {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if (7..=12).contains(&version) {
this.topic = rng.string();
}
if version >= 13 {
this.topic_id = Uuid(rng.uuid_bytes());
}
if version >= 7 {
this.partitions = (0..rng.below(3)).map(|_| rng.next_u64() as i32).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReplicaState {
    pub replica_id: i32,
    pub replica_epoch: i64,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ReplicaState {
    fn default() -> Self {
        ReplicaState {
            replica_id: -1,
            replica_epoch: -1,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ReplicaState {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 15 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("ReplicaState.replica_id"))?;
this.replica_id = value;
input = rest;
}
if version >= 15 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("ReplicaState.replica_epoch"))?;
this.replica_epoch = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ReplicaState._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ReplicaState._tagged_fields"))?;
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
if version >= 15 {
buf.put_i32(self.replica_id);
}
if version >= 15 {
buf.put_i64(self.replica_epoch);
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
if version >= 15 {
len += 4;
}
if version >= 15 {
len += 8;
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
impl Arbitrary for ReplicaState {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 15 {
this.replica_id = rng.next_u64() as i32;
}
if version >= 15 {
this.replica_epoch = rng.next_u64() as i64;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

