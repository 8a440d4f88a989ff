// Generated from protocol/schema/ConsumerGroupHeartbeatRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! ConsumerGroupHeartbeatRequest (API key 68), versions 0-1.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 68;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 1;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 0;

#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerGroupHeartbeatRequest {
    pub group_id: String,
    pub member_id: String,
    pub member_epoch: i32,
    pub instance_id: Option<String>,
    pub rack_id: Option<String>,
    pub rebalance_timeout_ms: i32,
    pub subscribed_topic_names: Option<Vec<String>>,
    pub subscribed_topic_regex: Option<String>,
    pub server_assignor: Option<String>,
    pub topic_partitions: Option<Vec<TopicPartitions>>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ConsumerGroupHeartbeatRequest {
    fn default() -> Self {
        ConsumerGroupHeartbeatRequest {
            group_id: String::new(),
            member_id: String::new(),
            member_epoch: 0,
            instance_id: None,
            rack_id: None,
            rebalance_timeout_ms: -1,
            subscribed_topic_names: None,
            subscribed_topic_regex: None,
            server_assignor: None,
            topic_partitions: None,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ConsumerGroupHeartbeatRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("ConsumerGroupHeartbeatRequest.group_id"))?;
this.group_id = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("ConsumerGroupHeartbeatRequest.member_id"))?;
this.member_id = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("ConsumerGroupHeartbeatRequest.member_epoch"))?;
this.member_epoch = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("ConsumerGroupHeartbeatRequest.instance_id"))?;
this.instance_id = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("ConsumerGroupHeartbeatRequest.rack_id"))?;
this.rack_id = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("ConsumerGroupHeartbeatRequest.rebalance_timeout_ms"))?;
this.rebalance_timeout_ms = value;
input = rest;
let (rest, value) = codec::array(input, flexible, |i| codec::string(i, flexible)).map_err(codec::in_field("ConsumerGroupHeartbeatRequest.subscribed_topic_names"))?;
this.subscribed_topic_names = value;
input = rest;
if version >= 1 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("ConsumerGroupHeartbeatRequest.subscribed_topic_regex"))?;
this.subscribed_topic_regex = value;
input = rest;
}
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("ConsumerGroupHeartbeatRequest.server_assignor"))?;
this.server_assignor = value;
input = rest;
let (rest, value) = codec::array(input, flexible, |i| TopicPartitions::decode(src, i, version)).map_err(codec::in_field("ConsumerGroupHeartbeatRequest.topic_partitions"))?;
this.topic_partitions = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ConsumerGroupHeartbeatRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ConsumerGroupHeartbeatRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("ConsumerGroupHeartbeatRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
codec::check_string(&self.group_id, flexible, "ConsumerGroupHeartbeatRequest.group_id")?;
codec::put_nullable_string(buf, Some((self.group_id).as_str()), flexible);
codec::check_string(&self.member_id, flexible, "ConsumerGroupHeartbeatRequest.member_id")?;
codec::put_nullable_string(buf, Some((self.member_id).as_str()), flexible);
buf.put_i32(self.member_epoch);
match &self.instance_id {
Some(value) => {
codec::check_string(&*value, flexible, "ConsumerGroupHeartbeatRequest.instance_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
match &self.rack_id {
Some(value) => {
codec::check_string(&*value, flexible, "ConsumerGroupHeartbeatRequest.rack_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
buf.put_i32(self.rebalance_timeout_ms);
match &self.subscribed_topic_names {
Some(value) => {
codec::put_length(buf, Some((*value).len()), flexible);
for item in (*value).iter() {
codec::check_string(&*item, flexible, "ConsumerGroupHeartbeatRequest.subscribed_topic_names")?;
codec::put_nullable_string(buf, Some((*item).as_str()), flexible);
}
}
None => {
codec::put_length(buf, None, flexible);
}
}
if version >= 1 {
match &self.subscribed_topic_regex {
Some(value) => {
codec::check_string(&*value, flexible, "ConsumerGroupHeartbeatRequest.subscribed_topic_regex")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
match &self.server_assignor {
Some(value) => {
codec::check_string(&*value, flexible, "ConsumerGroupHeartbeatRequest.server_assignor")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
match &self.topic_partitions {
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
len += codec::nullable_string_len(Some((self.member_id).as_str()), flexible);
len += 4;
len += match &self.instance_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
len += match &self.rack_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
len += 4;
len += match &self.subscribed_topic_names {
Some(value) => codec::length_len(Some((*value).len()), flexible) + (*value).iter().map(|item| codec::nullable_string_len(Some((*item).as_str()), flexible)).sum::<usize>(),
None => codec::length_len(None, flexible),
};
if version >= 1 {
len += match &self.subscribed_topic_regex {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
len += match &self.server_assignor {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
len += match &self.topic_partitions {
Some(value) => codec::length_len(Some((*value).len()), flexible) + (*value).iter().map(|item| (*item).encoded_len(version)).sum::<usize>(),
None => codec::length_len(None, flexible),
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
impl Arbitrary for ConsumerGroupHeartbeatRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.group_id = rng.string();
this.member_id = rng.string();
this.member_epoch = rng.next_u64() as i32;
this.instance_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
this.rack_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
this.rebalance_timeout_ms = rng.next_u64() as i32;
this.subscribed_topic_names = if true && rng.below(5) == 0 { None } else { Some((0..rng.below(3)).map(|_| rng.string()).collect()) };
if version >= 1 {
this.subscribed_topic_regex = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
this.server_assignor = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
this.topic_partitions = if true && rng.below(5) == 0 { None } else { Some((0..rng.below(3)).map(|_| <TopicPartitions as Arbitrary>::arbitrary(rng, version)).collect()) };
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for ConsumerGroupHeartbeatRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartitions {
    pub topic_id: Uuid,
    pub partitions: Vec<i32>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for TopicPartitions {
    fn default() -> Self {
        TopicPartitions {
            topic_id: Uuid::ZERO,
            partitions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for TopicPartitions {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::uuid(input).map_err(codec::in_field("TopicPartitions.topic_id"))?;
this.topic_id = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::int32(i))).map_err(codec::in_field("TopicPartitions.partitions"))?;
this.partitions = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("TopicPartitions._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("TopicPartitions._tagged_fields"))?;
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
buf.put_slice(&(self.topic_id).0);
codec::put_length(buf, Some((self.partitions).len()), flexible);
for item in (self.partitions).iter() {
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
len += 16;
len += codec::length_len(Some((self.partitions).len()), flexible) + (self.partitions).len() * 4;
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for TopicPartitions {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.topic_id = Uuid(rng.uuid_bytes());
this.partitions = (0..rng.below(3)).map(|_| rng.next_u64() as i32).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

