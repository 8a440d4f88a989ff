// Generated from protocol/schema/DescribeTopicPartitionsResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! DescribeTopicPartitionsResponse (API key 75), versions 0-0.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 75;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 0;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 0;

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeTopicPartitionsResponse {
    pub throttle_time_ms: i32,
    pub topics: Vec<DescribeTopicPartitionsResponseTopic>,
    pub next_cursor: Option<Cursor>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DescribeTopicPartitionsResponse {
    fn default() -> Self {
        DescribeTopicPartitionsResponse {
            throttle_time_ms: 0,
            topics: Vec::new(),
            next_cursor: None,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DescribeTopicPartitionsResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribeTopicPartitionsResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| DescribeTopicPartitionsResponseTopic::decode(src, i, version))).map_err(codec::in_field("DescribeTopicPartitionsResponse.topics"))?;
this.topics = value;
input = rest;
let (rest, value) = codec::nullable_struct(input, |i| Cursor::decode(src, i, version)).map_err(codec::in_field("DescribeTopicPartitionsResponse.next_cursor"))?;
this.next_cursor = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DescribeTopicPartitionsResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DescribeTopicPartitionsResponse._tagged_fields"))?;
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
            return Err(codec::unsupported_version("DescribeTopicPartitionsResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
buf.put_i32(self.throttle_time_ms);
codec::put_length(buf, Some((self.topics).len()), flexible);
for item in (self.topics).iter() {
(*item).encode(buf, version)?;
}
match &self.next_cursor {
Some(value) => {
buf.put_i8(1);
(*value).encode(buf, version)?;
}
None => {
buf.put_i8(-1);
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
len += codec::length_len(Some((self.topics).len()), flexible) + (self.topics).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
len += match &self.next_cursor {
Some(value) => 1 + (*value).encoded_len(version),
None => 1,
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
impl Arbitrary for DescribeTopicPartitionsResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.throttle_time_ms = rng.next_u64() as i32;
this.topics = (0..rng.below(3)).map(|_| <DescribeTopicPartitionsResponseTopic as Arbitrary>::arbitrary(rng, version)).collect();
this.next_cursor = if true && rng.below(5) == 0 { None } else { Some(<Cursor as Arbitrary>::arbitrary(rng, version)) };
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for DescribeTopicPartitionsResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct Cursor {
    pub topic_name: String,
    pub partition_index: i32,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for Cursor {
    fn default() -> Self {
        Cursor {
            topic_name: String::new(),
            partition_index: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for Cursor {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("Cursor.topic_name"))?;
this.topic_name = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("Cursor.partition_index"))?;
this.partition_index = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("Cursor._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("Cursor._tagged_fields"))?;
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
codec::check_string(&self.topic_name, flexible, "Cursor.topic_name")?;
codec::put_nullable_string(buf, Some((self.topic_name).as_str()), flexible);
buf.put_i32(self.partition_index);
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
len += codec::nullable_string_len(Some((self.topic_name).as_str()), flexible);
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
impl Arbitrary for Cursor {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.topic_name = rng.string();
this.partition_index = rng.next_u64() as i32;
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeTopicPartitionsResponsePartition {
    pub error_code: i16,
    pub partition_index: i32,
    pub leader_id: i32,
    pub leader_epoch: i32,
    pub replica_nodes: Vec<i32>,
    pub isr_nodes: Vec<i32>,
    pub eligible_leader_replicas: Option<Vec<i32>>,
    pub last_known_elr: Option<Vec<i32>>,
    pub offline_replicas: Vec<i32>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DescribeTopicPartitionsResponsePartition {
    fn default() -> Self {
        DescribeTopicPartitionsResponsePartition {
            error_code: 0,
            partition_index: 0,
            leader_id: 0,
            leader_epoch: -1,
            replica_nodes: Vec::new(),
            isr_nodes: Vec::new(),
            eligible_leader_replicas: None,
            last_known_elr: None,
            offline_replicas: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DescribeTopicPartitionsResponsePartition {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int16(input).map_err(codec::in_field("DescribeTopicPartitionsResponsePartition.error_code"))?;
this.error_code = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribeTopicPartitionsResponsePartition.partition_index"))?;
this.partition_index = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribeTopicPartitionsResponsePartition.leader_id"))?;
this.leader_id = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribeTopicPartitionsResponsePartition.leader_epoch"))?;
this.leader_epoch = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::int32(i))).map_err(codec::in_field("DescribeTopicPartitionsResponsePartition.replica_nodes"))?;
this.replica_nodes = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::int32(i))).map_err(codec::in_field("DescribeTopicPartitionsResponsePartition.isr_nodes"))?;
this.isr_nodes = value;
input = rest;
let (rest, value) = codec::array(input, flexible, |i| codec::int32(i)).map_err(codec::in_field("DescribeTopicPartitionsResponsePartition.eligible_leader_replicas"))?;
this.eligible_leader_replicas = value;
input = rest;
let (rest, value) = codec::array(input, flexible, |i| codec::int32(i)).map_err(codec::in_field("DescribeTopicPartitionsResponsePartition.last_known_elr"))?;
this.last_known_elr = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::int32(i))).map_err(codec::in_field("DescribeTopicPartitionsResponsePartition.offline_replicas"))?;
this.offline_replicas = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DescribeTopicPartitionsResponsePartition._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DescribeTopicPartitionsResponsePartition._tagged_fields"))?;
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
buf.put_i16(self.error_code);
buf.put_i32(self.partition_index);
buf.put_i32(self.leader_id);
buf.put_i32(self.leader_epoch);
codec::put_length(buf, Some((self.replica_nodes).len()), flexible);
for item in (self.replica_nodes).iter() {
buf.put_i32(*item);
}
codec::put_length(buf, Some((self.isr_nodes).len()), flexible);
for item in (self.isr_nodes).iter() {
buf.put_i32(*item);
}
match &self.eligible_leader_replicas {
Some(value) => {
codec::put_length(buf, Some((*value).len()), flexible);
for item in (*value).iter() {
buf.put_i32(*item);
}
}
None => {
codec::put_length(buf, None, flexible);
}
}
match &self.last_known_elr {
Some(value) => {
codec::put_length(buf, Some((*value).len()), flexible);
for item in (*value).iter() {
buf.put_i32(*item);
}
}
None => {
codec::put_length(buf, None, flexible);
}
}
codec::put_length(buf, Some((self.offline_replicas).len()), flexible);
for item in (self.offline_replicas).iter() {
buf.put_i32(*item);
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
len += 2;
len += 4;
len += 4;
len += 4;
len += codec::length_len(Some((self.replica_nodes).len()), flexible) + (self.replica_nodes).len() * 4;
len += codec::length_len(Some((self.isr_nodes).len()), flexible) + (self.isr_nodes).len() * 4;
len += match &self.eligible_leader_replicas {
Some(value) => codec::length_len(Some((*value).len()), flexible) + (*value).len() * 4,
None => codec::length_len(None, flexible),
};
len += match &self.last_known_elr {
Some(value) => codec::length_len(Some((*value).len()), flexible) + (*value).len() * 4,
None => codec::length_len(None, flexible),
};
len += codec::length_len(Some((self.offline_replicas).len()), flexible) + (self.offline_replicas).len() * 4;
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for DescribeTopicPartitionsResponsePartition {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.error_code = rng.next_u64() as i16;
this.partition_index = rng.next_u64() as i32;
this.leader_id = rng.next_u64() as i32;
this.leader_epoch = rng.next_u64() as i32;
this.replica_nodes = (0..rng.below(3)).map(|_| rng.next_u64() as i32).collect();
this.isr_nodes = (0..rng.below(3)).map(|_| rng.next_u64() as i32).collect();
this.eligible_leader_replicas = if true && rng.below(5) == 0 { None } else { Some((0..rng.below(3)).map(|_| rng.next_u64() as i32).collect()) };
this.last_known_elr = if true && rng.below(5) == 0 { None } else { Some((0..rng.below(3)).map(|_| rng.next_u64() as i32).collect()) };
this.offline_replicas = (0..rng.below(3)).map(|_| rng.next_u64() as i32).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeTopicPartitionsResponseTopic {
    pub error_code: i16,
    pub name: Option<String>,
    pub topic_id: Uuid,
    pub is_internal: bool,
    pub partitions: Vec<DescribeTopicPartitionsResponsePartition>,
    pub topic_authorized_operations: i32,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DescribeTopicPartitionsResponseTopic {
    fn default() -> Self {
        DescribeTopicPartitionsResponseTopic {
            error_code: 0,
            name: Some(String::from("")),
            topic_id: Uuid::ZERO,
            is_internal: false,
            partitions: Vec::new(),
            topic_authorized_operations: -2147483648,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DescribeTopicPartitionsResponseTopic {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int16(input).map_err(codec::in_field("DescribeTopicPartitionsResponseTopic.error_code"))?;
this.error_code = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("DescribeTopicPartitionsResponseTopic.name"))?;
this.name = value;
input = rest;
let (rest, value) = codec::uuid(input).map_err(codec::in_field("DescribeTopicPartitionsResponseTopic.topic_id"))?;
this.topic_id = value;
input = rest;
let (rest, value) = codec::boolean(input).map_err(codec::in_field("DescribeTopicPartitionsResponseTopic.is_internal"))?;
this.is_internal = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| DescribeTopicPartitionsResponsePartition::decode(src, i, version))).map_err(codec::in_field("DescribeTopicPartitionsResponseTopic.partitions"))?;
this.partitions = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribeTopicPartitionsResponseTopic.topic_authorized_operations"))?;
this.topic_authorized_operations = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DescribeTopicPartitionsResponseTopic._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DescribeTopicPartitionsResponseTopic._tagged_fields"))?;
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
buf.put_i16(self.error_code);
match &self.name {
Some(value) => {
codec::check_string(&*value, flexible, "DescribeTopicPartitionsResponseTopic.name")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
buf.put_slice(&(self.topic_id).0);
buf.put_u8(u8::from(self.is_internal));
codec::put_length(buf, Some((self.partitions).len()), flexible);
for item in (self.partitions).iter() {
(*item).encode(buf, version)?;
}
buf.put_i32(self.topic_authorized_operations);
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
len += 2;
len += match &self.name {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
len += 16;
len += 1;
len += codec::length_len(Some((self.partitions).len()), flexible) + (self.partitions).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
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
impl Arbitrary for DescribeTopicPartitionsResponseTopic {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.error_code = rng.next_u64() as i16;
this.name = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
this.topic_id = Uuid(rng.uuid_bytes());
this.is_internal = rng.below(2) == 1;
this.partitions = (0..rng.below(3)).map(|_| <DescribeTopicPartitionsResponsePartition as Arbitrary>::arbitrary(rng, version)).collect();
this.topic_authorized_operations = rng.next_u64() as i32;
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

