// Generated from protocol/schema/MetadataResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! MetadataResponse (API key 3), versions 0-13.

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
pub struct MetadataResponse {
    pub throttle_time_ms: i32,
    pub brokers: Vec<MetadataResponseBroker>,
    pub cluster_id: Option<String>,
    pub controller_id: i32,
    pub topics: Vec<MetadataResponseTopic>,
    pub cluster_authorized_operations: i32,
    pub error_code: i16,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for MetadataResponse {
    fn default() -> Self {
        MetadataResponse {
            throttle_time_ms: 0,
            brokers: Vec::new(),
            cluster_id: None,
            controller_id: -1,
            topics: Vec::new(),
            cluster_authorized_operations: -2147483648,
            error_code: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for MetadataResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 3 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("MetadataResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| MetadataResponseBroker::decode(src, i, version))).map_err(codec::in_field("MetadataResponse.brokers"))?;
this.brokers = value;
input = rest;
if version >= 2 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("MetadataResponse.cluster_id"))?;
this.cluster_id = value;
input = rest;
}
if version >= 1 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("MetadataResponse.controller_id"))?;
this.controller_id = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| MetadataResponseTopic::decode(src, i, version))).map_err(codec::in_field("MetadataResponse.topics"))?;
this.topics = value;
input = rest;
if (8..=10).contains(&version) {
let (rest, value) = codec::int32(input).map_err(codec::in_field("MetadataResponse.cluster_authorized_operations"))?;
this.cluster_authorized_operations = value;
input = rest;
}
if version >= 13 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("MetadataResponse.error_code"))?;
this.error_code = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("MetadataResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("MetadataResponse._tagged_fields"))?;
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
            return Err(codec::unsupported_version("MetadataResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
if version >= 3 {
buf.put_i32(self.throttle_time_ms);
}
codec::put_length(buf, Some((self.brokers).len()), flexible);
for item in (self.brokers).iter() {
(*item).encode(buf, version)?;
}
if version >= 2 {
match &self.cluster_id {
Some(value) => {
codec::check_string(&*value, flexible, "MetadataResponse.cluster_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
if version >= 1 {
buf.put_i32(self.controller_id);
}
codec::put_length(buf, Some((self.topics).len()), flexible);
for item in (self.topics).iter() {
(*item).encode(buf, version)?;
}
if (8..=10).contains(&version) {
buf.put_i32(self.cluster_authorized_operations);
}
if version >= 13 {
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
if version >= 3 {
len += 4;
}
len += codec::length_len(Some((self.brokers).len()), flexible) + (self.brokers).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
if version >= 2 {
len += match &self.cluster_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
if version >= 1 {
len += 4;
}
len += codec::length_len(Some((self.topics).len()), flexible) + (self.topics).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
if (8..=10).contains(&version) {
len += 4;
}
if version >= 13 {
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
impl Arbitrary for MetadataResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 3 {
this.throttle_time_ms = rng.next_u64() as i32;
}
this.brokers = (0..rng.below(3)).map(|_| <MetadataResponseBroker as Arbitrary>::arbitrary(rng, version)).collect();
if version >= 2 {
this.cluster_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
if version >= 1 {
this.controller_id = rng.next_u64() as i32;
}
this.topics = (0..rng.below(3)).map(|_| <MetadataResponseTopic as Arbitrary>::arbitrary(rng, version)).collect();
if (8..=10).contains(&version) {
this.cluster_authorized_operations = rng.next_u64() as i32;
}
if version >= 13 {
this.error_code = rng.next_u64() as i16;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for MetadataResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetadataResponseBroker {
    pub node_id: i32,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for MetadataResponseBroker {
    fn default() -> Self {
        MetadataResponseBroker {
            node_id: 0,
            host: String::new(),
            port: 0,
            rack: None,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for MetadataResponseBroker {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("MetadataResponseBroker.node_id"))?;
this.node_id = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("MetadataResponseBroker.host"))?;
this.host = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("MetadataResponseBroker.port"))?;
this.port = value;
input = rest;
if version >= 1 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("MetadataResponseBroker.rack"))?;
this.rack = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("MetadataResponseBroker._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("MetadataResponseBroker._tagged_fields"))?;
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
buf.put_i32(self.node_id);
codec::check_string(&self.host, flexible, "MetadataResponseBroker.host")?;
codec::put_nullable_string(buf, Some((self.host).as_str()), flexible);
buf.put_i32(self.port);
if version >= 1 {
match &self.rack {
Some(value) => {
codec::check_string(&*value, flexible, "MetadataResponseBroker.rack")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
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
len += codec::nullable_string_len(Some((self.host).as_str()), flexible);
len += 4;
if version >= 1 {
len += match &self.rack {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
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
impl Arbitrary for MetadataResponseBroker {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.node_id = rng.next_u64() as i32;
this.host = rng.string();
this.port = rng.next_u64() as i32;
if version >= 1 {
this.rack = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetadataResponsePartition {
    pub error_code: i16,
    pub partition_index: i32,
    pub leader_id: i32,
    pub leader_epoch: i32,
    pub replica_nodes: Vec<i32>,
    pub isr_nodes: Vec<i32>,
    pub offline_replicas: Vec<i32>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for MetadataResponsePartition {
    fn default() -> Self {
        MetadataResponsePartition {
            error_code: 0,
            partition_index: 0,
            leader_id: 0,
            leader_epoch: -1,
            replica_nodes: Vec::new(),
            isr_nodes: Vec::new(),
            offline_replicas: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for MetadataResponsePartition {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int16(input).map_err(codec::in_field("MetadataResponsePartition.error_code"))?;
this.error_code = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("MetadataResponsePartition.partition_index"))?;
this.partition_index = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("MetadataResponsePartition.leader_id"))?;
this.leader_id = value;
input = rest;
if version >= 7 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("MetadataResponsePartition.leader_epoch"))?;
this.leader_epoch = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::int32(i))).map_err(codec::in_field("MetadataResponsePartition.replica_nodes"))?;
this.replica_nodes = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::int32(i))).map_err(codec::in_field("MetadataResponsePartition.isr_nodes"))?;
this.isr_nodes = value;
input = rest;
if version >= 5 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::int32(i))).map_err(codec::in_field("MetadataResponsePartition.offline_replicas"))?;
this.offline_replicas = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("MetadataResponsePartition._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("MetadataResponsePartition._tagged_fields"))?;
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
if version >= 7 {
buf.put_i32(self.leader_epoch);
}
codec::put_length(buf, Some((self.replica_nodes).len()), flexible);
for item in (self.replica_nodes).iter() {
buf.put_i32(*item);
}
codec::put_length(buf, Some((self.isr_nodes).len()), flexible);
for item in (self.isr_nodes).iter() {
buf.put_i32(*item);
}
if version >= 5 {
codec::put_length(buf, Some((self.offline_replicas).len()), flexible);
for item in (self.offline_replicas).iter() {
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
len += 2;
len += 4;
len += 4;
if version >= 7 {
len += 4;
}
len += codec::length_len(Some((self.replica_nodes).len()), flexible) + (self.replica_nodes).len() * 4;
len += codec::length_len(Some((self.isr_nodes).len()), flexible) + (self.isr_nodes).len() * 4;
if version >= 5 {
len += codec::length_len(Some((self.offline_replicas).len()), flexible) + (self.offline_replicas).len() * 4;
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
impl Arbitrary for MetadataResponsePartition {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.error_code = rng.next_u64() as i16;
this.partition_index = rng.next_u64() as i32;
this.leader_id = rng.next_u64() as i32;
if version >= 7 {
this.leader_epoch = rng.next_u64() as i32;
}
this.replica_nodes = (0..rng.below(3)).map(|_| rng.next_u64() as i32).collect();
this.isr_nodes = (0..rng.below(3)).map(|_| rng.next_u64() as i32).collect();
if version >= 5 {
this.offline_replicas = (0..rng.below(3)).map(|_| rng.next_u64() as i32).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MetadataResponseTopic {
    pub error_code: i16,
    pub name: Option<String>,
    pub topic_id: Uuid,
    pub is_internal: bool,
    pub partitions: Vec<MetadataResponsePartition>,
    pub topic_authorized_operations: i32,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for MetadataResponseTopic {
    fn default() -> Self {
        MetadataResponseTopic {
            error_code: 0,
            name: Some(String::new()),
            topic_id: Uuid::ZERO,
            is_internal: false,
            partitions: Vec::new(),
            topic_authorized_operations: -2147483648,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for MetadataResponseTopic {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int16(input).map_err(codec::in_field("MetadataResponseTopic.error_code"))?;
this.error_code = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("MetadataResponseTopic.name"))?;
if value.is_none() && !(version >= 12) {
return codec::fail(input, DecodeErrorKind::UnexpectedNull).map_err(codec::in_field("MetadataResponseTopic.name"));
}
this.name = value;
input = rest;
if version >= 10 {
let (rest, value) = codec::uuid(input).map_err(codec::in_field("MetadataResponseTopic.topic_id"))?;
this.topic_id = value;
input = rest;
}
if version >= 1 {
let (rest, value) = codec::boolean(input).map_err(codec::in_field("MetadataResponseTopic.is_internal"))?;
this.is_internal = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| MetadataResponsePartition::decode(src, i, version))).map_err(codec::in_field("MetadataResponseTopic.partitions"))?;
this.partitions = value;
input = rest;
if version >= 8 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("MetadataResponseTopic.topic_authorized_operations"))?;
this.topic_authorized_operations = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("MetadataResponseTopic._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("MetadataResponseTopic._tagged_fields"))?;
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
codec::check_string(&*value, flexible, "MetadataResponseTopic.name")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
if !(version >= 12) {
return Err(codec::null_not_allowed("MetadataResponseTopic.name"));
}
codec::put_nullable_string(buf, None, flexible);
}
}
if version >= 10 {
buf.put_slice(&(self.topic_id).0);
}
if version >= 1 {
buf.put_u8(u8::from(self.is_internal));
}
codec::put_length(buf, Some((self.partitions).len()), flexible);
for item in (self.partitions).iter() {
(*item).encode(buf, version)?;
}
if version >= 8 {
buf.put_i32(self.topic_authorized_operations);
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
len += match &self.name {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
if version >= 10 {
len += 16;
}
if version >= 1 {
len += 1;
}
len += codec::length_len(Some((self.partitions).len()), flexible) + (self.partitions).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
if version >= 8 {
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
impl Arbitrary for MetadataResponseTopic {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.error_code = rng.next_u64() as i16;
this.name = if version >= 12 && rng.below(5) == 0 { None } else { Some(rng.string()) };
if version >= 10 {
this.topic_id = Uuid(rng.uuid_bytes());
}
if version >= 1 {
this.is_internal = rng.below(2) == 1;
}
this.partitions = (0..rng.below(3)).map(|_| <MetadataResponsePartition as Arbitrary>::arbitrary(rng, version)).collect();
if version >= 8 {
this.topic_authorized_operations = rng.next_u64() as i32;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

