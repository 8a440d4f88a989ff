// Generated from protocol/schema/ConsumerGroupDescribeResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! ConsumerGroupDescribeResponse (API key 69), versions 0-1.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 69;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 1;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 0;

#[derive(Debug, Clone, PartialEq)]
pub struct ConsumerGroupDescribeResponse {
    pub throttle_time_ms: i32,
    pub groups: Vec<DescribedGroup>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ConsumerGroupDescribeResponse {
    fn default() -> Self {
        ConsumerGroupDescribeResponse {
            throttle_time_ms: 0,
            groups: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ConsumerGroupDescribeResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("ConsumerGroupDescribeResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| DescribedGroup::decode(src, i, version))).map_err(codec::in_field("ConsumerGroupDescribeResponse.groups"))?;
this.groups = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ConsumerGroupDescribeResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ConsumerGroupDescribeResponse._tagged_fields"))?;
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
            return Err(codec::unsupported_version("ConsumerGroupDescribeResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
buf.put_i32(self.throttle_time_ms);
codec::put_length(buf, Some((self.groups).len()), flexible);
for item in (self.groups).iter() {
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
len += codec::length_len(Some((self.groups).len()), flexible) + (self.groups).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for ConsumerGroupDescribeResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.throttle_time_ms = rng.next_u64() as i32;
this.groups = (0..rng.below(3)).map(|_| <DescribedGroup as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for ConsumerGroupDescribeResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct Assignment {
    pub topic_partitions: Vec<TopicPartitions>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for Assignment {
    fn default() -> Self {
        Assignment {
            topic_partitions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for Assignment {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| TopicPartitions::decode(src, i, version))).map_err(codec::in_field("Assignment.topic_partitions"))?;
this.topic_partitions = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("Assignment._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("Assignment._tagged_fields"))?;
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
codec::put_length(buf, Some((self.topic_partitions).len()), flexible);
for item in (self.topic_partitions).iter() {
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
len += codec::length_len(Some((self.topic_partitions).len()), flexible) + (self.topic_partitions).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for Assignment {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.topic_partitions = (0..rng.below(3)).map(|_| <TopicPartitions as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribedGroup {
    pub error_code: i16,
    pub error_message: Option<String>,
    pub group_id: String,
    pub group_state: String,
    pub group_epoch: i32,
    pub assignment_epoch: i32,
    pub assignor_name: String,
    pub members: Vec<Member>,
    pub authorized_operations: i32,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DescribedGroup {
    fn default() -> Self {
        DescribedGroup {
            error_code: 0,
            error_message: None,
            group_id: String::new(),
            group_state: String::new(),
            group_epoch: 0,
            assignment_epoch: 0,
            assignor_name: String::new(),
            members: Vec::new(),
            authorized_operations: -2147483648,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DescribedGroup {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int16(input).map_err(codec::in_field("DescribedGroup.error_code"))?;
this.error_code = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("DescribedGroup.error_message"))?;
this.error_message = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("DescribedGroup.group_id"))?;
this.group_id = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("DescribedGroup.group_state"))?;
this.group_state = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribedGroup.group_epoch"))?;
this.group_epoch = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribedGroup.assignment_epoch"))?;
this.assignment_epoch = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("DescribedGroup.assignor_name"))?;
this.assignor_name = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| Member::decode(src, i, version))).map_err(codec::in_field("DescribedGroup.members"))?;
this.members = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribedGroup.authorized_operations"))?;
this.authorized_operations = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DescribedGroup._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DescribedGroup._tagged_fields"))?;
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
match &self.error_message {
Some(value) => {
codec::check_string(&*value, flexible, "DescribedGroup.error_message")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
codec::check_string(&self.group_id, flexible, "DescribedGroup.group_id")?;
codec::put_nullable_string(buf, Some((self.group_id).as_str()), flexible);
codec::check_string(&self.group_state, flexible, "DescribedGroup.group_state")?;
codec::put_nullable_string(buf, Some((self.group_state).as_str()), flexible);
buf.put_i32(self.group_epoch);
buf.put_i32(self.assignment_epoch);
codec::check_string(&self.assignor_name, flexible, "DescribedGroup.assignor_name")?;
codec::put_nullable_string(buf, Some((self.assignor_name).as_str()), flexible);
codec::put_length(buf, Some((self.members).len()), flexible);
for item in (self.members).iter() {
(*item).encode(buf, version)?;
}
buf.put_i32(self.authorized_operations);
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
len += match &self.error_message {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
len += codec::nullable_string_len(Some((self.group_id).as_str()), flexible);
len += codec::nullable_string_len(Some((self.group_state).as_str()), flexible);
len += 4;
len += 4;
len += codec::nullable_string_len(Some((self.assignor_name).as_str()), flexible);
len += codec::length_len(Some((self.members).len()), flexible) + (self.members).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
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
impl Arbitrary for DescribedGroup {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.error_code = rng.next_u64() as i16;
this.error_message = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
this.group_id = rng.string();
this.group_state = rng.string();
this.group_epoch = rng.next_u64() as i32;
this.assignment_epoch = rng.next_u64() as i32;
this.assignor_name = rng.string();
this.members = (0..rng.below(3)).map(|_| <Member as Arbitrary>::arbitrary(rng, version)).collect();
this.authorized_operations = rng.next_u64() as i32;
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub member_id: String,
    pub instance_id: Option<String>,
    pub rack_id: Option<String>,
    pub member_epoch: i32,
    pub client_id: String,
    pub client_host: String,
    pub subscribed_topic_names: Vec<String>,
    pub subscribed_topic_regex: Option<String>,
    pub assignment: Assignment,
    pub target_assignment: Assignment,
    pub member_type: i8,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for Member {
    fn default() -> Self {
        Member {
            member_id: String::new(),
            instance_id: None,
            rack_id: None,
            member_epoch: 0,
            client_id: String::new(),
            client_host: String::new(),
            subscribed_topic_names: Vec::new(),
            subscribed_topic_regex: None,
            assignment: Assignment::default(),
            target_assignment: Assignment::default(),
            member_type: -1,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for Member {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("Member.member_id"))?;
this.member_id = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("Member.instance_id"))?;
this.instance_id = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("Member.rack_id"))?;
this.rack_id = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("Member.member_epoch"))?;
this.member_epoch = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("Member.client_id"))?;
this.client_id = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("Member.client_host"))?;
this.client_host = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::string(i, flexible))).map_err(codec::in_field("Member.subscribed_topic_names"))?;
this.subscribed_topic_names = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("Member.subscribed_topic_regex"))?;
this.subscribed_topic_regex = value;
input = rest;
let (rest, value) = Assignment::decode(src, input, version).map_err(codec::in_field("Member.assignment"))?;
this.assignment = value;
input = rest;
let (rest, value) = Assignment::decode(src, input, version).map_err(codec::in_field("Member.target_assignment"))?;
this.target_assignment = value;
input = rest;
if version >= 1 {
let (rest, value) = codec::int8(input).map_err(codec::in_field("Member.member_type"))?;
this.member_type = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("Member._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("Member._tagged_fields"))?;
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
codec::check_string(&self.member_id, flexible, "Member.member_id")?;
codec::put_nullable_string(buf, Some((self.member_id).as_str()), flexible);
match &self.instance_id {
Some(value) => {
codec::check_string(&*value, flexible, "Member.instance_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
match &self.rack_id {
Some(value) => {
codec::check_string(&*value, flexible, "Member.rack_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
buf.put_i32(self.member_epoch);
codec::check_string(&self.client_id, flexible, "Member.client_id")?;
codec::put_nullable_string(buf, Some((self.client_id).as_str()), flexible);
codec::check_string(&self.client_host, flexible, "Member.client_host")?;
codec::put_nullable_string(buf, Some((self.client_host).as_str()), flexible);
codec::put_length(buf, Some((self.subscribed_topic_names).len()), flexible);
for item in (self.subscribed_topic_names).iter() {
codec::check_string(&*item, flexible, "Member.subscribed_topic_names")?;
codec::put_nullable_string(buf, Some((*item).as_str()), flexible);
}
match &self.subscribed_topic_regex {
Some(value) => {
codec::check_string(&*value, flexible, "Member.subscribed_topic_regex")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
(self.assignment).encode(buf, version)?;
(self.target_assignment).encode(buf, version)?;
if version >= 1 {
buf.put_i8(self.member_type);
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
len += codec::nullable_string_len(Some((self.member_id).as_str()), flexible);
len += match &self.instance_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
len += match &self.rack_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
len += 4;
len += codec::nullable_string_len(Some((self.client_id).as_str()), flexible);
len += codec::nullable_string_len(Some((self.client_host).as_str()), flexible);
len += codec::length_len(Some((self.subscribed_topic_names).len()), flexible) + (self.subscribed_topic_names).iter().map(|item| codec::nullable_string_len(Some((*item).as_str()), flexible)).sum::<usize>();
len += match &self.subscribed_topic_regex {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
len += (self.assignment).encoded_len(version);
len += (self.target_assignment).encoded_len(version);
if version >= 1 {
len += 1;
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
impl Arbitrary for Member {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.member_id = rng.string();
this.instance_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
this.rack_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
this.member_epoch = rng.next_u64() as i32;
this.client_id = rng.string();
this.client_host = rng.string();
this.subscribed_topic_names = (0..rng.below(3)).map(|_| rng.string()).collect();
this.subscribed_topic_regex = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
this.assignment = <Assignment as Arbitrary>::arbitrary(rng, version);
this.target_assignment = <Assignment as Arbitrary>::arbitrary(rng, version);
if version >= 1 {
this.member_type = rng.next_u64() as i8;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct TopicPartitions {
    pub topic_id: Uuid,
    pub topic_name: String,
    pub partitions: Vec<i32>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for TopicPartitions {
    fn default() -> Self {
        TopicPartitions {
            topic_id: Uuid::ZERO,
            topic_name: String::new(),
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
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("TopicPartitions.topic_name"))?;
this.topic_name = value;
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
codec::check_string(&self.topic_name, flexible, "TopicPartitions.topic_name")?;
codec::put_nullable_string(buf, Some((self.topic_name).as_str()), flexible);
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
len += codec::nullable_string_len(Some((self.topic_name).as_str()), flexible);
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
this.topic_name = rng.string();
this.partitions = (0..rng.below(3)).map(|_| rng.next_u64() as i32).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

