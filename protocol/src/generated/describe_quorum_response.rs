// Generated from protocol/schema/DescribeQuorumResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! DescribeQuorumResponse (API key 55), versions 0-2.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 55;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 2;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 0;

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeQuorumResponse {
    pub error_code: i16,
    pub error_message: Option<String>,
    pub topics: Vec<TopicData>,
    pub nodes: Vec<Node>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DescribeQuorumResponse {
    fn default() -> Self {
        DescribeQuorumResponse {
            error_code: 0,
            error_message: Some(String::from("")),
            topics: Vec::new(),
            nodes: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DescribeQuorumResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int16(input).map_err(codec::in_field("DescribeQuorumResponse.error_code"))?;
this.error_code = value;
input = rest;
if version >= 2 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("DescribeQuorumResponse.error_message"))?;
this.error_message = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| TopicData::decode(src, i, version))).map_err(codec::in_field("DescribeQuorumResponse.topics"))?;
this.topics = value;
input = rest;
if version >= 2 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| Node::decode(src, i, version))).map_err(codec::in_field("DescribeQuorumResponse.nodes"))?;
this.nodes = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DescribeQuorumResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DescribeQuorumResponse._tagged_fields"))?;
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
            return Err(codec::unsupported_version("DescribeQuorumResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
buf.put_i16(self.error_code);
if version >= 2 {
match &self.error_message {
Some(value) => {
codec::check_string(&*value, flexible, "DescribeQuorumResponse.error_message")?;
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
if version >= 2 {
codec::put_length(buf, Some((self.nodes).len()), flexible);
for item in (self.nodes).iter() {
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
len += 2;
if version >= 2 {
len += match &self.error_message {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
len += codec::length_len(Some((self.topics).len()), flexible) + (self.topics).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
if version >= 2 {
len += codec::length_len(Some((self.nodes).len()), flexible) + (self.nodes).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
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
impl Arbitrary for DescribeQuorumResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.error_code = rng.next_u64() as i16;
if version >= 2 {
this.error_message = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
this.topics = (0..rng.below(3)).map(|_| <TopicData as Arbitrary>::arbitrary(rng, version)).collect();
if version >= 2 {
this.nodes = (0..rng.below(3)).map(|_| <Node as Arbitrary>::arbitrary(rng, version)).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for DescribeQuorumResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct Listener {
    pub name: String,
    pub host: String,
    pub port: u16,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for Listener {
    fn default() -> Self {
        Listener {
            name: String::new(),
            host: String::new(),
            port: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for Listener {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 2 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("Listener.name"))?;
this.name = value;
input = rest;
}
if version >= 2 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("Listener.host"))?;
this.host = value;
input = rest;
}
if version >= 2 {
let (rest, value) = codec::uint16(input).map_err(codec::in_field("Listener.port"))?;
this.port = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("Listener._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("Listener._tagged_fields"))?;
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
if version >= 2 {
codec::check_string(&self.name, flexible, "Listener.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
}
if version >= 2 {
codec::check_string(&self.host, flexible, "Listener.host")?;
codec::put_nullable_string(buf, Some((self.host).as_str()), flexible);
}
if version >= 2 {
buf.put_u16(self.port);
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
if version >= 2 {
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
}
if version >= 2 {
len += codec::nullable_string_len(Some((self.host).as_str()), flexible);
}
if version >= 2 {
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
impl Arbitrary for Listener {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 2 {
this.name = rng.string();
}
if version >= 2 {
this.host = rng.string();
}
if version >= 2 {
this.port = rng.next_u64() as u16;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub node_id: i32,
    pub listeners: Vec<Listener>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for Node {
    fn default() -> Self {
        Node {
            node_id: 0,
            listeners: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for Node {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 2 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("Node.node_id"))?;
this.node_id = value;
input = rest;
}
if version >= 2 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| Listener::decode(src, i, version))).map_err(codec::in_field("Node.listeners"))?;
this.listeners = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("Node._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("Node._tagged_fields"))?;
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
if version >= 2 {
buf.put_i32(self.node_id);
}
if version >= 2 {
codec::put_length(buf, Some((self.listeners).len()), flexible);
for item in (self.listeners).iter() {
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
if version >= 2 {
len += 4;
}
if version >= 2 {
len += codec::length_len(Some((self.listeners).len()), flexible) + (self.listeners).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
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
impl Arbitrary for Node {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 2 {
this.node_id = rng.next_u64() as i32;
}
if version >= 2 {
this.listeners = (0..rng.below(3)).map(|_| <Listener as Arbitrary>::arbitrary(rng, version)).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionData {
    pub partition_index: i32,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub leader_id: i32,
    pub leader_epoch: i32,
    pub high_watermark: i64,
    pub current_voters: Vec<ReplicaState>,
    pub observers: Vec<ReplicaState>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for PartitionData {
    fn default() -> Self {
        PartitionData {
            partition_index: 0,
            error_code: 0,
            error_message: Some(String::from("")),
            leader_id: 0,
            leader_epoch: 0,
            high_watermark: 0,
            current_voters: Vec::new(),
            observers: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for PartitionData {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("PartitionData.partition_index"))?;
this.partition_index = value;
input = rest;
let (rest, value) = codec::int16(input).map_err(codec::in_field("PartitionData.error_code"))?;
this.error_code = value;
input = rest;
if version >= 2 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("PartitionData.error_message"))?;
this.error_message = value;
input = rest;
}
let (rest, value) = codec::int32(input).map_err(codec::in_field("PartitionData.leader_id"))?;
this.leader_id = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("PartitionData.leader_epoch"))?;
this.leader_epoch = value;
input = rest;
let (rest, value) = codec::int64(input).map_err(codec::in_field("PartitionData.high_watermark"))?;
this.high_watermark = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| ReplicaState::decode(src, i, version))).map_err(codec::in_field("PartitionData.current_voters"))?;
this.current_voters = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| ReplicaState::decode(src, i, version))).map_err(codec::in_field("PartitionData.observers"))?;
this.observers = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("PartitionData._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("PartitionData._tagged_fields"))?;
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
buf.put_i16(self.error_code);
if version >= 2 {
match &self.error_message {
Some(value) => {
codec::check_string(&*value, flexible, "PartitionData.error_message")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
buf.put_i32(self.leader_id);
buf.put_i32(self.leader_epoch);
buf.put_i64(self.high_watermark);
codec::put_length(buf, Some((self.current_voters).len()), flexible);
for item in (self.current_voters).iter() {
(*item).encode(buf, version)?;
}
codec::put_length(buf, Some((self.observers).len()), flexible);
for item in (self.observers).iter() {
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
len += 2;
if version >= 2 {
len += match &self.error_message {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
len += 4;
len += 4;
len += 8;
len += codec::length_len(Some((self.current_voters).len()), flexible) + (self.current_voters).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
len += codec::length_len(Some((self.observers).len()), flexible) + (self.observers).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for PartitionData {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.partition_index = rng.next_u64() as i32;
this.error_code = rng.next_u64() as i16;
if version >= 2 {
this.error_message = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
this.leader_id = rng.next_u64() as i32;
this.leader_epoch = rng.next_u64() as i32;
this.high_watermark = rng.next_u64() as i64;
this.current_voters = (0..rng.below(3)).map(|_| <ReplicaState as Arbitrary>::arbitrary(rng, version)).collect();
this.observers = (0..rng.below(3)).map(|_| <ReplicaState as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReplicaState {
    pub replica_id: i32,
    pub replica_directory_id: Uuid,
    pub log_end_offset: i64,
    pub last_fetch_timestamp: i64,
    pub last_caught_up_timestamp: i64,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ReplicaState {
    fn default() -> Self {
        ReplicaState {
            replica_id: 0,
            replica_directory_id: Uuid::ZERO,
            log_end_offset: 0,
            last_fetch_timestamp: -1,
            last_caught_up_timestamp: -1,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ReplicaState {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("ReplicaState.replica_id"))?;
this.replica_id = value;
input = rest;
if version >= 2 {
let (rest, value) = codec::uuid(input).map_err(codec::in_field("ReplicaState.replica_directory_id"))?;
this.replica_directory_id = value;
input = rest;
}
let (rest, value) = codec::int64(input).map_err(codec::in_field("ReplicaState.log_end_offset"))?;
this.log_end_offset = value;
input = rest;
if version >= 1 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("ReplicaState.last_fetch_timestamp"))?;
this.last_fetch_timestamp = value;
input = rest;
}
if version >= 1 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("ReplicaState.last_caught_up_timestamp"))?;
this.last_caught_up_timestamp = value;
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
buf.put_i32(self.replica_id);
if version >= 2 {
buf.put_slice(&(self.replica_directory_id).0);
}
buf.put_i64(self.log_end_offset);
if version >= 1 {
buf.put_i64(self.last_fetch_timestamp);
}
if version >= 1 {
buf.put_i64(self.last_caught_up_timestamp);
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
len += 16;
}
len += 8;
if version >= 1 {
len += 8;
}
if version >= 1 {
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
this.replica_id = rng.next_u64() as i32;
if version >= 2 {
this.replica_directory_id = Uuid(rng.uuid_bytes());
}
this.log_end_offset = rng.next_u64() as i64;
if version >= 1 {
this.last_fetch_timestamp = rng.next_u64() as i64;
}
if version >= 1 {
this.last_caught_up_timestamp = rng.next_u64() as i64;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicData {
    pub topic_name: String,
    pub partitions: Vec<PartitionData>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for TopicData {
    fn default() -> Self {
        TopicData {
            topic_name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for TopicData {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("TopicData.topic_name"))?;
this.topic_name = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| PartitionData::decode(src, i, version))).map_err(codec::in_field("TopicData.partitions"))?;
this.partitions = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("TopicData._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("TopicData._tagged_fields"))?;
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
codec::check_string(&self.topic_name, flexible, "TopicData.topic_name")?;
codec::put_nullable_string(buf, Some((self.topic_name).as_str()), flexible);
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
len += codec::nullable_string_len(Some((self.topic_name).as_str()), flexible);
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
impl Arbitrary for TopicData {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.topic_name = rng.string();
this.partitions = (0..rng.below(3)).map(|_| <PartitionData as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

