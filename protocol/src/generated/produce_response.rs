// Generated from protocol/schema/ProduceResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! ProduceResponse (API key 0), versions 3-13.

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
pub struct ProduceResponse {
    pub responses: Vec<TopicProduceResponse>,
    pub throttle_time_ms: i32,
    pub node_endpoints: Vec<NodeEndpoint>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ProduceResponse {
    fn default() -> Self {
        ProduceResponse {
            responses: Vec::new(),
            throttle_time_ms: 0,
            node_endpoints: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ProduceResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| TopicProduceResponse::decode(src, i, version))).map_err(codec::in_field("ProduceResponse.responses"))?;
this.responses = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("ProduceResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ProduceResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ProduceResponse._tagged_fields"))?;
                match tag {
                    0 if version >= 10 => { this.node_endpoints = codec::tagged_done(input, codec::required(data, codec::array(data, flexible, |i| NodeEndpoint::decode(src, i, version)))).map_err(codec::in_field("ProduceResponse.node_endpoints"))?; }
                    _ => { this.unknown_tagged_fields.insert(tag as i32, src.slice_ref(data)); }
                }
                input = rest;
            }
        }
        Ok((input, this))
    }

    fn encode<B: BufMut>(&self, buf: &mut B, version: i16) -> Result<(), EncodeError> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return Err(codec::unsupported_version("ProduceResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
codec::put_length(buf, Some((self.responses).len()), flexible);
for item in (self.responses).iter() {
(*item).encode(buf, version)?;
}
buf.put_i32(self.throttle_time_ms);
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let write_node_endpoints = (version >= 10) && self.node_endpoints != Vec::new();
            count += u32::from(write_node_endpoints);
            codec::put_uvarint(buf, count);
            let mut unknown = self.unknown_tagged_fields.iter().peekable();
            if write_node_endpoints {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 0) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 0);
                codec::put_uvarint(buf, (codec::length_len(Some((self.node_endpoints).len()), flexible) + (self.node_endpoints).iter().map(|item| (*item).encoded_len(version)).sum::<usize>()) as u32);
codec::put_length(buf, Some((self.node_endpoints).len()), flexible);
for item in (self.node_endpoints).iter() {
(*item).encode(buf, version)?;
}
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
len += codec::length_len(Some((self.responses).len()), flexible) + (self.responses).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
len += 4;
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            if (version >= 10) && self.node_endpoints != Vec::new() {
                let size = codec::length_len(Some((self.node_endpoints).len()), flexible) + (self.node_endpoints).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
                count += 1;
                tagged_len += codec::uvarint_len(0) + codec::uvarint_len(size as u32) + size;
            }
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for ProduceResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.responses = (0..rng.below(3)).map(|_| <TopicProduceResponse as Arbitrary>::arbitrary(rng, version)).collect();
this.throttle_time_ms = rng.next_u64() as i32;
        if flexible && (version >= 10) && rng.below(2) == 0 {
            this.node_endpoints = (0..rng.below(3)).map(|_| <NodeEndpoint as Arbitrary>::arbitrary(rng, version)).collect();
        }
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for ProduceResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct BatchIndexAndErrorMessage {
    pub batch_index: i32,
    pub batch_index_error_message: Option<String>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for BatchIndexAndErrorMessage {
    fn default() -> Self {
        BatchIndexAndErrorMessage {
            batch_index: 0,
            batch_index_error_message: None,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for BatchIndexAndErrorMessage {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("BatchIndexAndErrorMessage.batch_index"))?;
this.batch_index = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("BatchIndexAndErrorMessage.batch_index_error_message"))?;
if value.is_none() && !(version >= 8) {
return codec::fail(input, DecodeErrorKind::UnexpectedNull).map_err(codec::in_field("BatchIndexAndErrorMessage.batch_index_error_message"));
}
this.batch_index_error_message = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("BatchIndexAndErrorMessage._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("BatchIndexAndErrorMessage._tagged_fields"))?;
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
buf.put_i32(self.batch_index);
match &self.batch_index_error_message {
Some(value) => {
codec::check_string(&*value, flexible, "BatchIndexAndErrorMessage.batch_index_error_message")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
if !(version >= 8) {
return Err(codec::null_not_allowed("BatchIndexAndErrorMessage.batch_index_error_message"));
}
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
len += match &self.batch_index_error_message {
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
impl Arbitrary for BatchIndexAndErrorMessage {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.batch_index = rng.next_u64() as i32;
this.batch_index_error_message = if version >= 8 && rng.below(5) == 0 { None } else { Some(rng.string()) };
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct LeaderIdAndEpoch {
    pub leader_id: i32,
    pub leader_epoch: i32,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for LeaderIdAndEpoch {
    fn default() -> Self {
        LeaderIdAndEpoch {
            leader_id: -1,
            leader_epoch: -1,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for LeaderIdAndEpoch {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("LeaderIdAndEpoch.leader_id"))?;
this.leader_id = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("LeaderIdAndEpoch.leader_epoch"))?;
this.leader_epoch = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("LeaderIdAndEpoch._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("LeaderIdAndEpoch._tagged_fields"))?;
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
buf.put_i32(self.leader_id);
buf.put_i32(self.leader_epoch);
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
impl Arbitrary for LeaderIdAndEpoch {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.leader_id = rng.next_u64() as i32;
this.leader_epoch = rng.next_u64() as i32;
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodeEndpoint {
    pub node_id: i32,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for NodeEndpoint {
    fn default() -> Self {
        NodeEndpoint {
            node_id: 0,
            host: String::new(),
            port: 0,
            rack: None,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for NodeEndpoint {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("NodeEndpoint.node_id"))?;
this.node_id = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("NodeEndpoint.host"))?;
this.host = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("NodeEndpoint.port"))?;
this.port = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("NodeEndpoint.rack"))?;
this.rack = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("NodeEndpoint._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("NodeEndpoint._tagged_fields"))?;
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
codec::check_string(&self.host, flexible, "NodeEndpoint.host")?;
codec::put_nullable_string(buf, Some((self.host).as_str()), flexible);
buf.put_i32(self.port);
match &self.rack {
Some(value) => {
codec::check_string(&*value, flexible, "NodeEndpoint.rack")?;
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
len += codec::nullable_string_len(Some((self.host).as_str()), flexible);
len += 4;
len += match &self.rack {
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
impl Arbitrary for NodeEndpoint {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.node_id = rng.next_u64() as i32;
this.host = rng.string();
this.port = rng.next_u64() as i32;
this.rack = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PartitionProduceResponse {
    pub index: i32,
    pub error_code: i16,
    pub base_offset: i64,
    pub log_append_time_ms: i64,
    pub log_start_offset: i64,
    pub record_errors: Vec<BatchIndexAndErrorMessage>,
    pub error_message: Option<String>,
    pub current_leader: LeaderIdAndEpoch,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for PartitionProduceResponse {
    fn default() -> Self {
        PartitionProduceResponse {
            index: 0,
            error_code: 0,
            base_offset: 0,
            log_append_time_ms: -1,
            log_start_offset: -1,
            record_errors: Vec::new(),
            error_message: None,
            current_leader: LeaderIdAndEpoch::default(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for PartitionProduceResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("PartitionProduceResponse.index"))?;
this.index = value;
input = rest;
let (rest, value) = codec::int16(input).map_err(codec::in_field("PartitionProduceResponse.error_code"))?;
this.error_code = value;
input = rest;
let (rest, value) = codec::int64(input).map_err(codec::in_field("PartitionProduceResponse.base_offset"))?;
this.base_offset = value;
input = rest;
let (rest, value) = codec::int64(input).map_err(codec::in_field("PartitionProduceResponse.log_append_time_ms"))?;
this.log_append_time_ms = value;
input = rest;
if version >= 5 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("PartitionProduceResponse.log_start_offset"))?;
this.log_start_offset = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| BatchIndexAndErrorMessage::decode(src, i, version))).map_err(codec::in_field("PartitionProduceResponse.record_errors"))?;
this.record_errors = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("PartitionProduceResponse.error_message"))?;
this.error_message = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("PartitionProduceResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("PartitionProduceResponse._tagged_fields"))?;
                match tag {
                    0 if version >= 10 => { this.current_leader = codec::tagged_done(input, LeaderIdAndEpoch::decode(src, data, version)).map_err(codec::in_field("PartitionProduceResponse.current_leader"))?; }
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
buf.put_i16(self.error_code);
buf.put_i64(self.base_offset);
buf.put_i64(self.log_append_time_ms);
if version >= 5 {
buf.put_i64(self.log_start_offset);
}
if version >= 8 {
codec::put_length(buf, Some((self.record_errors).len()), flexible);
for item in (self.record_errors).iter() {
(*item).encode(buf, version)?;
}
}
if version >= 8 {
match &self.error_message {
Some(value) => {
codec::check_string(&*value, flexible, "PartitionProduceResponse.error_message")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let write_current_leader = (version >= 10) && self.current_leader != LeaderIdAndEpoch::default();
            count += u32::from(write_current_leader);
            codec::put_uvarint(buf, count);
            let mut unknown = self.unknown_tagged_fields.iter().peekable();
            if write_current_leader {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 0) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 0);
                codec::put_uvarint(buf, ((self.current_leader).encoded_len(version)) as u32);
(self.current_leader).encode(buf, version)?;
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
len += 2;
len += 8;
len += 8;
if version >= 5 {
len += 8;
}
if version >= 8 {
len += codec::length_len(Some((self.record_errors).len()), flexible) + (self.record_errors).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
}
if version >= 8 {
len += match &self.error_message {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            if (version >= 10) && self.current_leader != LeaderIdAndEpoch::default() {
                let size = (self.current_leader).encoded_len(version);
                count += 1;
                tagged_len += codec::uvarint_len(0) + codec::uvarint_len(size as u32) + size;
            }
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for PartitionProduceResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.index = rng.next_u64() as i32;
this.error_code = rng.next_u64() as i16;
this.base_offset = rng.next_u64() as i64;
this.log_append_time_ms = rng.next_u64() as i64;
if version >= 5 {
this.log_start_offset = rng.next_u64() as i64;
}
if version >= 8 {
this.record_errors = (0..rng.below(3)).map(|_| <BatchIndexAndErrorMessage as Arbitrary>::arbitrary(rng, version)).collect();
}
if version >= 8 {
this.error_message = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
        if flexible && (version >= 10) && rng.below(2) == 0 {
            this.current_leader = <LeaderIdAndEpoch as Arbitrary>::arbitrary(rng, version);
        }
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicProduceResponse {
    pub name: String,
    pub topic_id: Uuid,
    pub partition_responses: Vec<PartitionProduceResponse>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for TopicProduceResponse {
    fn default() -> Self {
        TopicProduceResponse {
            name: String::new(),
            topic_id: Uuid::ZERO,
            partition_responses: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for TopicProduceResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version <= 12 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("TopicProduceResponse.name"))?;
this.name = value;
input = rest;
}
if version >= 13 {
let (rest, value) = codec::uuid(input).map_err(codec::in_field("TopicProduceResponse.topic_id"))?;
this.topic_id = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| PartitionProduceResponse::decode(src, i, version))).map_err(codec::in_field("TopicProduceResponse.partition_responses"))?;
this.partition_responses = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("TopicProduceResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("TopicProduceResponse._tagged_fields"))?;
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
codec::check_string(&self.name, flexible, "TopicProduceResponse.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
}
if version >= 13 {
buf.put_slice(&(self.topic_id).0);
}
codec::put_length(buf, Some((self.partition_responses).len()), flexible);
for item in (self.partition_responses).iter() {
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
len += codec::length_len(Some((self.partition_responses).len()), flexible) + (self.partition_responses).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for TopicProduceResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version <= 12 {
this.name = rng.string();
}
if version >= 13 {
this.topic_id = Uuid(rng.uuid_bytes());
}
this.partition_responses = (0..rng.below(3)).map(|_| <PartitionProduceResponse as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

