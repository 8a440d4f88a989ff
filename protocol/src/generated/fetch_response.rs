// Generated from protocol/schema/FetchResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! FetchResponse (API key 1), versions 4-18.

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
pub struct FetchResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub session_id: i32,
    pub responses: Vec<FetchableTopicResponse>,
    pub node_endpoints: Vec<NodeEndpoint>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for FetchResponse {
    fn default() -> Self {
        FetchResponse {
            throttle_time_ms: 0,
            error_code: 0,
            session_id: 0,
            responses: Vec::new(),
            node_endpoints: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for FetchResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("FetchResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
if version >= 7 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("FetchResponse.error_code"))?;
this.error_code = value;
input = rest;
}
if version >= 7 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("FetchResponse.session_id"))?;
this.session_id = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| FetchableTopicResponse::decode(src, i, version))).map_err(codec::in_field("FetchResponse.responses"))?;
this.responses = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("FetchResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("FetchResponse._tagged_fields"))?;
                match tag {
                    0 if version >= 16 => { this.node_endpoints = codec::tagged_done(input, codec::required(data, codec::array(data, flexible, |i| NodeEndpoint::decode(src, i, version)))).map_err(codec::in_field("FetchResponse.node_endpoints"))?; }
                    _ => { this.unknown_tagged_fields.insert(tag as i32, src.slice_ref(data)); }
                }
                input = rest;
            }
        }
        Ok((input, this))
    }

    fn encode<B: BufMut>(&self, buf: &mut B, version: i16) -> Result<(), EncodeError> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return Err(codec::unsupported_version("FetchResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
buf.put_i32(self.throttle_time_ms);
if version >= 7 {
buf.put_i16(self.error_code);
}
if version >= 7 {
buf.put_i32(self.session_id);
}
codec::put_length(buf, Some((self.responses).len()), flexible);
for item in (self.responses).iter() {
(*item).encode(buf, version)?;
}
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let write_node_endpoints = (version >= 16) && self.node_endpoints != Vec::new();
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
len += 4;
if version >= 7 {
len += 2;
}
if version >= 7 {
len += 4;
}
len += codec::length_len(Some((self.responses).len()), flexible) + (self.responses).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            if (version >= 16) && self.node_endpoints != Vec::new() {
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
impl Arbitrary for FetchResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.throttle_time_ms = rng.next_u64() as i32;
if version >= 7 {
this.error_code = rng.next_u64() as i16;
}
if version >= 7 {
this.session_id = rng.next_u64() as i32;
}
this.responses = (0..rng.below(3)).map(|_| <FetchableTopicResponse as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible && (version >= 16) && rng.below(2) == 0 {
            this.node_endpoints = (0..rng.below(3)).map(|_| <NodeEndpoint as Arbitrary>::arbitrary(rng, version)).collect();
        }
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for FetchResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct AbortedTransaction {
    pub producer_id: i64,
    pub first_offset: i64,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for AbortedTransaction {
    fn default() -> Self {
        AbortedTransaction {
            producer_id: 0,
            first_offset: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for AbortedTransaction {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int64(input).map_err(codec::in_field("AbortedTransaction.producer_id"))?;
this.producer_id = value;
input = rest;
let (rest, value) = codec::int64(input).map_err(codec::in_field("AbortedTransaction.first_offset"))?;
this.first_offset = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("AbortedTransaction._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("AbortedTransaction._tagged_fields"))?;
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
buf.put_i64(self.producer_id);
buf.put_i64(self.first_offset);
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
len += 8;
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
impl Arbitrary for AbortedTransaction {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.producer_id = rng.next_u64() as i64;
this.first_offset = rng.next_u64() as i64;
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EpochEndOffset {
    pub epoch: i32,
    pub end_offset: i64,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for EpochEndOffset {
    fn default() -> Self {
        EpochEndOffset {
            epoch: -1,
            end_offset: -1,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for EpochEndOffset {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 12 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("EpochEndOffset.epoch"))?;
this.epoch = value;
input = rest;
}
if version >= 12 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("EpochEndOffset.end_offset"))?;
this.end_offset = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("EpochEndOffset._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("EpochEndOffset._tagged_fields"))?;
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
if version >= 12 {
buf.put_i32(self.epoch);
}
if version >= 12 {
buf.put_i64(self.end_offset);
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
if version >= 12 {
len += 4;
}
if version >= 12 {
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
impl Arbitrary for EpochEndOffset {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 12 {
this.epoch = rng.next_u64() as i32;
}
if version >= 12 {
this.end_offset = rng.next_u64() as i64;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FetchableTopicResponse {
    pub topic: String,
    pub topic_id: Uuid,
    pub partitions: Vec<PartitionData>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for FetchableTopicResponse {
    fn default() -> Self {
        FetchableTopicResponse {
            topic: String::new(),
            topic_id: Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for FetchableTopicResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version <= 12 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("FetchableTopicResponse.topic"))?;
this.topic = value;
input = rest;
}
if version >= 13 {
let (rest, value) = codec::uuid(input).map_err(codec::in_field("FetchableTopicResponse.topic_id"))?;
this.topic_id = value;
input = rest;
}
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| PartitionData::decode(src, i, version))).map_err(codec::in_field("FetchableTopicResponse.partitions"))?;
this.partitions = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("FetchableTopicResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("FetchableTopicResponse._tagged_fields"))?;
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
codec::check_string(&self.topic, flexible, "FetchableTopicResponse.topic")?;
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
impl Arbitrary for FetchableTopicResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version <= 12 {
this.topic = rng.string();
}
if version >= 13 {
this.topic_id = Uuid(rng.uuid_bytes());
}
this.partitions = (0..rng.below(3)).map(|_| <PartitionData as Arbitrary>::arbitrary(rng, version)).collect();
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
if version >= 12 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("LeaderIdAndEpoch.leader_id"))?;
this.leader_id = value;
input = rest;
}
if version >= 12 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("LeaderIdAndEpoch.leader_epoch"))?;
this.leader_epoch = value;
input = rest;
}
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
if version >= 12 {
buf.put_i32(self.leader_id);
}
if version >= 12 {
buf.put_i32(self.leader_epoch);
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
if version >= 12 {
len += 4;
}
if version >= 12 {
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
impl Arbitrary for LeaderIdAndEpoch {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 12 {
this.leader_id = rng.next_u64() as i32;
}
if version >= 12 {
this.leader_epoch = rng.next_u64() as i32;
}
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
if version >= 16 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("NodeEndpoint.node_id"))?;
this.node_id = value;
input = rest;
}
if version >= 16 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("NodeEndpoint.host"))?;
this.host = value;
input = rest;
}
if version >= 16 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("NodeEndpoint.port"))?;
this.port = value;
input = rest;
}
if version >= 16 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("NodeEndpoint.rack"))?;
this.rack = value;
input = rest;
}
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
if version >= 16 {
buf.put_i32(self.node_id);
}
if version >= 16 {
codec::check_string(&self.host, flexible, "NodeEndpoint.host")?;
codec::put_nullable_string(buf, Some((self.host).as_str()), flexible);
}
if version >= 16 {
buf.put_i32(self.port);
}
if version >= 16 {
match &self.rack {
Some(value) => {
codec::check_string(&*value, flexible, "NodeEndpoint.rack")?;
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
if version >= 16 {
len += 4;
}
if version >= 16 {
len += codec::nullable_string_len(Some((self.host).as_str()), flexible);
}
if version >= 16 {
len += 4;
}
if version >= 16 {
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
impl Arbitrary for NodeEndpoint {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 16 {
this.node_id = rng.next_u64() as i32;
}
if version >= 16 {
this.host = rng.string();
}
if version >= 16 {
this.port = rng.next_u64() as i32;
}
if version >= 16 {
this.rack = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
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
    pub high_watermark: i64,
    pub last_stable_offset: i64,
    pub log_start_offset: i64,
    pub diverging_epoch: EpochEndOffset,
    pub current_leader: LeaderIdAndEpoch,
    pub snapshot_id: SnapshotId,
    pub aborted_transactions: Option<Vec<AbortedTransaction>>,
    pub preferred_read_replica: i32,
    pub records: Option<Bytes>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for PartitionData {
    fn default() -> Self {
        PartitionData {
            partition_index: 0,
            error_code: 0,
            high_watermark: 0,
            last_stable_offset: -1,
            log_start_offset: -1,
            diverging_epoch: EpochEndOffset::default(),
            current_leader: LeaderIdAndEpoch::default(),
            snapshot_id: SnapshotId::default(),
            aborted_transactions: Some(Vec::new()),
            preferred_read_replica: -1,
            records: Some(Bytes::new()),
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
let (rest, value) = codec::int64(input).map_err(codec::in_field("PartitionData.high_watermark"))?;
this.high_watermark = value;
input = rest;
let (rest, value) = codec::int64(input).map_err(codec::in_field("PartitionData.last_stable_offset"))?;
this.last_stable_offset = value;
input = rest;
if version >= 5 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("PartitionData.log_start_offset"))?;
this.log_start_offset = value;
input = rest;
}
let (rest, value) = codec::array(input, flexible, |i| AbortedTransaction::decode(src, i, version)).map_err(codec::in_field("PartitionData.aborted_transactions"))?;
this.aborted_transactions = value;
input = rest;
if version >= 11 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("PartitionData.preferred_read_replica"))?;
this.preferred_read_replica = value;
input = rest;
}
let (rest, value) = codec::nullable_bytes(src, input, flexible).map_err(codec::in_field("PartitionData.records"))?;
this.records = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("PartitionData._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("PartitionData._tagged_fields"))?;
                match tag {
                    0 if version >= 12 => { this.diverging_epoch = codec::tagged_done(input, EpochEndOffset::decode(src, data, version)).map_err(codec::in_field("PartitionData.diverging_epoch"))?; }
                    1 if version >= 12 => { this.current_leader = codec::tagged_done(input, LeaderIdAndEpoch::decode(src, data, version)).map_err(codec::in_field("PartitionData.current_leader"))?; }
                    2 if version >= 12 => { this.snapshot_id = codec::tagged_done(input, SnapshotId::decode(src, data, version)).map_err(codec::in_field("PartitionData.snapshot_id"))?; }
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
buf.put_i64(self.high_watermark);
buf.put_i64(self.last_stable_offset);
if version >= 5 {
buf.put_i64(self.log_start_offset);
}
match &self.aborted_transactions {
Some(value) => {
codec::put_length(buf, Some((*value).len()), flexible);
for item in (*value).iter() {
(*item).encode(buf, version)?;
}
}
None => {
codec::put_length(buf, None, flexible);
}
}
if version >= 11 {
buf.put_i32(self.preferred_read_replica);
}
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
            let write_diverging_epoch = (version >= 12) && self.diverging_epoch != EpochEndOffset::default();
            count += u32::from(write_diverging_epoch);
            let write_current_leader = (version >= 12) && self.current_leader != LeaderIdAndEpoch::default();
            count += u32::from(write_current_leader);
            let write_snapshot_id = (version >= 12) && self.snapshot_id != SnapshotId::default();
            count += u32::from(write_snapshot_id);
            codec::put_uvarint(buf, count);
            let mut unknown = self.unknown_tagged_fields.iter().peekable();
            if write_diverging_epoch {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 0) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 0);
                codec::put_uvarint(buf, ((self.diverging_epoch).encoded_len(version)) as u32);
(self.diverging_epoch).encode(buf, version)?;
            }
            if write_current_leader {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 1) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 1);
                codec::put_uvarint(buf, ((self.current_leader).encoded_len(version)) as u32);
(self.current_leader).encode(buf, version)?;
            }
            if write_snapshot_id {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 2) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 2);
                codec::put_uvarint(buf, ((self.snapshot_id).encoded_len(version)) as u32);
(self.snapshot_id).encode(buf, version)?;
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
len += match &self.aborted_transactions {
Some(value) => codec::length_len(Some((*value).len()), flexible) + (*value).iter().map(|item| (*item).encoded_len(version)).sum::<usize>(),
None => codec::length_len(None, flexible),
};
if version >= 11 {
len += 4;
}
len += match &self.records {
Some(value) => codec::nullable_bytes_len(Some(&(*value)[..]), flexible),
None => codec::length_len(None, flexible),
};
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            if (version >= 12) && self.diverging_epoch != EpochEndOffset::default() {
                let size = (self.diverging_epoch).encoded_len(version);
                count += 1;
                tagged_len += codec::uvarint_len(0) + codec::uvarint_len(size as u32) + size;
            }
            if (version >= 12) && self.current_leader != LeaderIdAndEpoch::default() {
                let size = (self.current_leader).encoded_len(version);
                count += 1;
                tagged_len += codec::uvarint_len(1) + codec::uvarint_len(size as u32) + size;
            }
            if (version >= 12) && self.snapshot_id != SnapshotId::default() {
                let size = (self.snapshot_id).encoded_len(version);
                count += 1;
                tagged_len += codec::uvarint_len(2) + codec::uvarint_len(size as u32) + size;
            }
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
this.high_watermark = rng.next_u64() as i64;
this.last_stable_offset = rng.next_u64() as i64;
if version >= 5 {
this.log_start_offset = rng.next_u64() as i64;
}
this.aborted_transactions = if true && rng.below(5) == 0 { None } else { Some((0..rng.below(3)).map(|_| <AbortedTransaction as Arbitrary>::arbitrary(rng, version)).collect()) };
if version >= 11 {
this.preferred_read_replica = rng.next_u64() as i32;
}
this.records = if true && rng.below(5) == 0 { None } else { Some(rng.bytes()) };
        if flexible && (version >= 12) && rng.below(2) == 0 {
            this.diverging_epoch = <EpochEndOffset as Arbitrary>::arbitrary(rng, version);
        }
        if flexible && (version >= 12) && rng.below(2) == 0 {
            this.current_leader = <LeaderIdAndEpoch as Arbitrary>::arbitrary(rng, version);
        }
        if flexible && (version >= 12) && rng.below(2) == 0 {
            this.snapshot_id = <SnapshotId as Arbitrary>::arbitrary(rng, version);
        }
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SnapshotId {
    pub end_offset: i64,
    pub epoch: i32,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for SnapshotId {
    fn default() -> Self {
        SnapshotId {
            end_offset: -1,
            epoch: -1,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for SnapshotId {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int64(input).map_err(codec::in_field("SnapshotId.end_offset"))?;
this.end_offset = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("SnapshotId.epoch"))?;
this.epoch = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("SnapshotId._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("SnapshotId._tagged_fields"))?;
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
buf.put_i64(self.end_offset);
buf.put_i32(self.epoch);
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
len += 8;
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
impl Arbitrary for SnapshotId {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.end_offset = rng.next_u64() as i64;
this.epoch = rng.next_u64() as i32;
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

