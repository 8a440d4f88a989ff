// Generated from protocol/schema/DescribeClusterRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! DescribeClusterRequest (API key 60), versions 0-2.

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
pub struct DescribeClusterRequest {
    pub include_cluster_authorized_operations: bool,
    pub endpoint_type: i8,
    pub include_fenced_brokers: bool,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for DescribeClusterRequest {
    fn default() -> Self {
        DescribeClusterRequest {
            include_cluster_authorized_operations: false,
            endpoint_type: 1,
            include_fenced_brokers: false,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for DescribeClusterRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::boolean(input).map_err(codec::in_field("DescribeClusterRequest.include_cluster_authorized_operations"))?;
this.include_cluster_authorized_operations = value;
input = rest;
if version >= 1 {
let (rest, value) = codec::int8(input).map_err(codec::in_field("DescribeClusterRequest.endpoint_type"))?;
this.endpoint_type = value;
input = rest;
}
if version >= 2 {
let (rest, value) = codec::boolean(input).map_err(codec::in_field("DescribeClusterRequest.include_fenced_brokers"))?;
this.include_fenced_brokers = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("DescribeClusterRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("DescribeClusterRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("DescribeClusterRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
buf.put_u8(u8::from(self.include_cluster_authorized_operations));
if version >= 1 {
buf.put_i8(self.endpoint_type);
}
if version >= 2 {
buf.put_u8(u8::from(self.include_fenced_brokers));
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
len += 1;
if version >= 1 {
len += 1;
}
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
impl Arbitrary for DescribeClusterRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.include_cluster_authorized_operations = rng.below(2) == 1;
if version >= 1 {
this.endpoint_type = rng.next_u64() as i8;
}
if version >= 2 {
this.include_fenced_brokers = rng.below(2) == 1;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for DescribeClusterRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

