// Generated from protocol/schema/OffsetFetchRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! OffsetFetchRequest (API key 9), versions 1-9.

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
pub struct OffsetFetchRequest {
    pub group_id: String,
    pub topics: Option<Vec<OffsetFetchRequestTopic>>,
    pub groups: Vec<OffsetFetchRequestGroup>,
    pub require_stable: bool,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetFetchRequest {
    fn default() -> Self {
        OffsetFetchRequest {
            group_id: String::new(),
            topics: Some(Vec::new()),
            groups: Vec::new(),
            require_stable: false,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetFetchRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version <= 7 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("OffsetFetchRequest.group_id"))?;
this.group_id = value;
input = rest;
}
if version <= 7 {
let (rest, value) = codec::array(input, flexible, |i| OffsetFetchRequestTopic::decode(src, i, version)).map_err(codec::in_field("OffsetFetchRequest.topics"))?;
if value.is_none() && !(version >= 2) {
return codec::fail(input, DecodeErrorKind::UnexpectedNull).map_err(codec::in_field("OffsetFetchRequest.topics"));
}
this.topics = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| OffsetFetchRequestGroup::decode(src, i, version))).map_err(codec::in_field("OffsetFetchRequest.groups"))?;
this.groups = value;
input = rest;
}
if version >= 7 {
let (rest, value) = codec::boolean(input).map_err(codec::in_field("OffsetFetchRequest.require_stable"))?;
this.require_stable = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetFetchRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetFetchRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("OffsetFetchRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
if version <= 7 {
codec::check_string(&self.group_id, flexible, "OffsetFetchRequest.group_id")?;
codec::put_nullable_string(buf, Some((self.group_id).as_str()), flexible);
}
if version <= 7 {
match &self.topics {
Some(value) => {
codec::put_length(buf, Some((*value).len()), flexible);
for item in (*value).iter() {
(*item).encode(buf, version)?;
}
}
None => {
if !(version >= 2) {
return Err(codec::null_not_allowed("OffsetFetchRequest.topics"));
}
codec::put_length(buf, None, flexible);
}
}
}
if version >= 8 {
codec::put_length(buf, Some((self.groups).len()), flexible);
for item in (self.groups).iter() {
(*item).encode(buf, version)?;
}
}
if version >= 7 {
buf.put_u8(u8::from(self.require_stable));
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
len += codec::nullable_string_len(Some((self.group_id).as_str()), flexible);
}
if version <= 7 {
len += match &self.topics {
Some(value) => codec::length_len(Some((*value).len()), flexible) + (*value).iter().map(|item| (*item).encoded_len(version)).sum::<usize>(),
None => codec::length_len(None, flexible),
};
}
if version >= 8 {
len += codec::length_len(Some((self.groups).len()), flexible) + (self.groups).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
}
if version >= 7 {
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
impl Arbitrary for OffsetFetchRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version <= 7 {
this.group_id = rng.string();
}
if version <= 7 {
this.topics = if version >= 2 && rng.below(5) == 0 { None } else { Some((0..rng.below(3)).map(|_| <OffsetFetchRequestTopic as Arbitrary>::arbitrary(rng, version)).collect()) };
}
if version >= 8 {
this.groups = (0..rng.below(3)).map(|_| <OffsetFetchRequestGroup as Arbitrary>::arbitrary(rng, version)).collect();
}
if version >= 7 {
this.require_stable = rng.below(2) == 1;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for OffsetFetchRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchRequestGroup {
    pub group_id: String,
    pub member_id: Option<String>,
    pub member_epoch: i32,
    pub topics: Option<Vec<OffsetFetchRequestTopics>>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetFetchRequestGroup {
    fn default() -> Self {
        OffsetFetchRequestGroup {
            group_id: String::new(),
            member_id: None,
            member_epoch: -1,
            topics: Some(Vec::new()),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetFetchRequestGroup {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 8 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("OffsetFetchRequestGroup.group_id"))?;
this.group_id = value;
input = rest;
}
if version >= 9 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("OffsetFetchRequestGroup.member_id"))?;
this.member_id = value;
input = rest;
}
if version >= 9 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("OffsetFetchRequestGroup.member_epoch"))?;
this.member_epoch = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::array(input, flexible, |i| OffsetFetchRequestTopics::decode(src, i, version)).map_err(codec::in_field("OffsetFetchRequestGroup.topics"))?;
this.topics = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetFetchRequestGroup._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetFetchRequestGroup._tagged_fields"))?;
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
codec::check_string(&self.group_id, flexible, "OffsetFetchRequestGroup.group_id")?;
codec::put_nullable_string(buf, Some((self.group_id).as_str()), flexible);
}
if version >= 9 {
match &self.member_id {
Some(value) => {
codec::check_string(&*value, flexible, "OffsetFetchRequestGroup.member_id")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
}
if version >= 9 {
buf.put_i32(self.member_epoch);
}
if version >= 8 {
match &self.topics {
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
if version >= 9 {
len += match &self.member_id {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
}
if version >= 9 {
len += 4;
}
if version >= 8 {
len += match &self.topics {
Some(value) => codec::length_len(Some((*value).len()), flexible) + (*value).iter().map(|item| (*item).encoded_len(version)).sum::<usize>(),
None => codec::length_len(None, flexible),
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
impl Arbitrary for OffsetFetchRequestGroup {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 8 {
this.group_id = rng.string();
}
if version >= 9 {
this.member_id = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
if version >= 9 {
this.member_epoch = rng.next_u64() as i32;
}
if version >= 8 {
this.topics = if true && rng.below(5) == 0 { None } else { Some((0..rng.below(3)).map(|_| <OffsetFetchRequestTopics as Arbitrary>::arbitrary(rng, version)).collect()) };
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchRequestTopic {
    pub name: String,
    pub partition_indexes: Vec<i32>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetFetchRequestTopic {
    fn default() -> Self {
        OffsetFetchRequestTopic {
            name: String::new(),
            partition_indexes: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetFetchRequestTopic {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version <= 7 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("OffsetFetchRequestTopic.name"))?;
this.name = value;
input = rest;
}
if version <= 7 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::int32(i))).map_err(codec::in_field("OffsetFetchRequestTopic.partition_indexes"))?;
this.partition_indexes = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetFetchRequestTopic._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetFetchRequestTopic._tagged_fields"))?;
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
codec::check_string(&self.name, flexible, "OffsetFetchRequestTopic.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
}
if version <= 7 {
codec::put_length(buf, Some((self.partition_indexes).len()), flexible);
for item in (self.partition_indexes).iter() {
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
if version <= 7 {
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
}
if version <= 7 {
len += codec::length_len(Some((self.partition_indexes).len()), flexible) + (self.partition_indexes).len() * 4;
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
impl Arbitrary for OffsetFetchRequestTopic {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version <= 7 {
this.name = rng.string();
}
if version <= 7 {
this.partition_indexes = (0..rng.below(3)).map(|_| rng.next_u64() as i32).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct OffsetFetchRequestTopics {
    pub name: String,
    pub topic_id: Uuid,
    pub partition_indexes: Vec<i32>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for OffsetFetchRequestTopics {
    fn default() -> Self {
        OffsetFetchRequestTopics {
            name: String::new(),
            topic_id: Uuid::ZERO,
            partition_indexes: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for OffsetFetchRequestTopics {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 8 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("OffsetFetchRequestTopics.name"))?;
this.name = value;
input = rest;
}
if version >= 8 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::int32(i))).map_err(codec::in_field("OffsetFetchRequestTopics.partition_indexes"))?;
this.partition_indexes = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("OffsetFetchRequestTopics._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("OffsetFetchRequestTopics._tagged_fields"))?;
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
codec::check_string(&self.name, flexible, "OffsetFetchRequestTopics.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
}
if version >= 8 {
codec::put_length(buf, Some((self.partition_indexes).len()), flexible);
for item in (self.partition_indexes).iter() {
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
if version >= 8 {
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
}
if version >= 8 {
len += codec::length_len(Some((self.partition_indexes).len()), flexible) + (self.partition_indexes).len() * 4;
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
impl Arbitrary for OffsetFetchRequestTopics {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 8 {
this.name = rng.string();
}
if version >= 8 {
this.partition_indexes = (0..rng.below(3)).map(|_| rng.next_u64() as i32).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

