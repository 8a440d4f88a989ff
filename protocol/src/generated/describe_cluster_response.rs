// Generated from protocol/schema/DescribeClusterResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! DescribeClusterResponse (API key 60), versions 0-2.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 60;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 2;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 0;

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeClusterResponse {
    pub throttle_time_ms: i32,
    pub error_code: i16,
    pub error_message: Option<String>,
    pub endpoint_type: i8,
    pub cluster_id: String,
    pub controller_id: i32,
    pub brokers: Vec<DescribeClusterBroker>,
    pub cluster_authorized_operations: i32,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DescribeClusterResponse {
    fn default() -> Self {
        DescribeClusterResponse {
            throttle_time_ms: 0,
            error_code: 0,
            error_message: None,
            endpoint_type: 1,
            cluster_id: String::new(),
            controller_id: -1,
            brokers: Vec::new(),
            cluster_authorized_operations: -2147483648,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DescribeClusterResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribeClusterResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
let (rest, value) = codec::int16(input).map_err(codec::in_field("DescribeClusterResponse.error_code"))?;
this.error_code = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("DescribeClusterResponse.error_message"))?;
this.error_message = value;
input = rest;
if version >= 1 {
let (rest, value) = codec::int8(input).map_err(codec::in_field("DescribeClusterResponse.endpoint_type"))?;
this.endpoint_type = value;
input = rest;
}
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("DescribeClusterResponse.cluster_id"))?;
this.cluster_id = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribeClusterResponse.controller_id"))?;
this.controller_id = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| DescribeClusterBroker::decode(src, i, version))).map_err(codec::in_field("DescribeClusterResponse.brokers"))?;
this.brokers = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribeClusterResponse.cluster_authorized_operations"))?;
this.cluster_authorized_operations = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DescribeClusterResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DescribeClusterResponse._tagged_fields"))?;
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
            return Err(codec::unsupported_version("DescribeClusterResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
buf.put_i32(self.throttle_time_ms);
buf.put_i16(self.error_code);
match &self.error_message {
Some(value) => {
codec::check_string(&*value, flexible, "DescribeClusterResponse.error_message")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
if version >= 1 {
buf.put_i8(self.endpoint_type);
}
codec::check_string(&self.cluster_id, flexible, "DescribeClusterResponse.cluster_id")?;
codec::put_nullable_string(buf, Some((self.cluster_id).as_str()), flexible);
buf.put_i32(self.controller_id);
codec::put_length(buf, Some((self.brokers).len()), flexible);
for item in (self.brokers).iter() {
(*item).encode(buf, version)?;
}
buf.put_i32(self.cluster_authorized_operations);
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
len += match &self.error_message {
Some(value) => codec::nullable_string_len(Some((*value).as_str()), flexible),
None => codec::nullable_string_len(None, flexible),
};
if version >= 1 {
len += 1;
}
len += codec::nullable_string_len(Some((self.cluster_id).as_str()), flexible);
len += 4;
len += codec::length_len(Some((self.brokers).len()), flexible) + (self.brokers).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
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
impl Arbitrary for DescribeClusterResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.throttle_time_ms = rng.next_u64() as i32;
this.error_code = rng.next_u64() as i16;
this.error_message = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
if version >= 1 {
this.endpoint_type = rng.next_u64() as i8;
}
this.cluster_id = rng.string();
this.controller_id = rng.next_u64() as i32;
this.brokers = (0..rng.below(3)).map(|_| <DescribeClusterBroker as Arbitrary>::arbitrary(rng, version)).collect();
this.cluster_authorized_operations = rng.next_u64() as i32;
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for DescribeClusterResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct DescribeClusterBroker {
    pub broker_id: i32,
    pub host: String,
    pub port: i32,
    pub rack: Option<String>,
    pub is_fenced: bool,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DescribeClusterBroker {
    fn default() -> Self {
        DescribeClusterBroker {
            broker_id: 0,
            host: String::new(),
            port: 0,
            rack: None,
            is_fenced: false,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DescribeClusterBroker {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribeClusterBroker.broker_id"))?;
this.broker_id = value;
input = rest;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("DescribeClusterBroker.host"))?;
this.host = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("DescribeClusterBroker.port"))?;
this.port = value;
input = rest;
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("DescribeClusterBroker.rack"))?;
this.rack = value;
input = rest;
if version >= 2 {
let (rest, value) = codec::boolean(input).map_err(codec::in_field("DescribeClusterBroker.is_fenced"))?;
this.is_fenced = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DescribeClusterBroker._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DescribeClusterBroker._tagged_fields"))?;
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
buf.put_i32(self.broker_id);
codec::check_string(&self.host, flexible, "DescribeClusterBroker.host")?;
codec::put_nullable_string(buf, Some((self.host).as_str()), flexible);
buf.put_i32(self.port);
match &self.rack {
Some(value) => {
codec::check_string(&*value, flexible, "DescribeClusterBroker.rack")?;
codec::put_nullable_string(buf, Some((*value).as_str()), flexible);
}
None => {
codec::put_nullable_string(buf, None, flexible);
}
}
if version >= 2 {
buf.put_u8(u8::from(self.is_fenced));
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
if version >= 2 {
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
impl Arbitrary for DescribeClusterBroker {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.broker_id = rng.next_u64() as i32;
this.host = rng.string();
this.port = rng.next_u64() as i32;
this.rack = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
if version >= 2 {
this.is_fenced = rng.below(2) == 1;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

