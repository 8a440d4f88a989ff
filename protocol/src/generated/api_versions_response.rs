// Generated from protocol/schema/ApiVersionsResponse.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! ApiVersionsResponse (API key 18), versions 0-4.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 18;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 4;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct ApiVersionsResponse {
    pub error_code: i16,
    pub api_keys: Vec<ApiVersion>,
    pub throttle_time_ms: i32,
    pub supported_features: Vec<SupportedFeatureKey>,
    pub finalized_features_epoch: i64,
    pub finalized_features: Vec<FinalizedFeatureKey>,
    pub zk_migration_ready: bool,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ApiVersionsResponse {
    fn default() -> Self {
        ApiVersionsResponse {
            error_code: 0,
            api_keys: Vec::new(),
            throttle_time_ms: 0,
            supported_features: Vec::new(),
            finalized_features_epoch: -1,
            finalized_features: Vec::new(),
            zk_migration_ready: false,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ApiVersionsResponse {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int16(input).map_err(codec::in_field("ApiVersionsResponse.error_code"))?;
this.error_code = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| ApiVersion::decode(src, i, version))).map_err(codec::in_field("ApiVersionsResponse.api_keys"))?;
this.api_keys = value;
input = rest;
if version >= 1 {
let (rest, value) = codec::int32(input).map_err(codec::in_field("ApiVersionsResponse.throttle_time_ms"))?;
this.throttle_time_ms = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ApiVersionsResponse._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ApiVersionsResponse._tagged_fields"))?;
                match tag {
                    0 if version >= 3 => { this.supported_features = codec::tagged_done(input, codec::required(data, codec::array(data, flexible, |i| SupportedFeatureKey::decode(src, i, version)))).map_err(codec::in_field("ApiVersionsResponse.supported_features"))?; }
                    1 if version >= 3 => { this.finalized_features_epoch = codec::tagged_done(input, codec::int64(data)).map_err(codec::in_field("ApiVersionsResponse.finalized_features_epoch"))?; }
                    2 if version >= 3 => { this.finalized_features = codec::tagged_done(input, codec::required(data, codec::array(data, flexible, |i| FinalizedFeatureKey::decode(src, i, version)))).map_err(codec::in_field("ApiVersionsResponse.finalized_features"))?; }
                    3 if version >= 3 => { this.zk_migration_ready = codec::tagged_done(input, codec::boolean(data)).map_err(codec::in_field("ApiVersionsResponse.zk_migration_ready"))?; }
                    _ => { this.unknown_tagged_fields.insert(tag as i32, src.slice_ref(data)); }
                }
                input = rest;
            }
        }
        Ok((input, this))
    }

    fn encode<B: BufMut>(&self, buf: &mut B, version: i16) -> Result<(), EncodeError> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return Err(codec::unsupported_version("ApiVersionsResponse"));
        }
        let flexible = version >= FLEXIBLE_MIN;
buf.put_i16(self.error_code);
codec::put_length(buf, Some((self.api_keys).len()), flexible);
for item in (self.api_keys).iter() {
(*item).encode(buf, version)?;
}
if version >= 1 {
buf.put_i32(self.throttle_time_ms);
}
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let write_supported_features = (version >= 3) && self.supported_features != Vec::new();
            count += u32::from(write_supported_features);
            let write_finalized_features_epoch = (version >= 3) && self.finalized_features_epoch != -1;
            count += u32::from(write_finalized_features_epoch);
            let write_finalized_features = (version >= 3) && self.finalized_features != Vec::new();
            count += u32::from(write_finalized_features);
            let write_zk_migration_ready = (version >= 3) && self.zk_migration_ready != false;
            count += u32::from(write_zk_migration_ready);
            codec::put_uvarint(buf, count);
            let mut unknown = self.unknown_tagged_fields.iter().peekable();
            if write_supported_features {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 0) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 0);
                codec::put_uvarint(buf, (codec::length_len(Some((self.supported_features).len()), flexible) + (self.supported_features).iter().map(|item| (*item).encoded_len(version)).sum::<usize>()) as u32);
codec::put_length(buf, Some((self.supported_features).len()), flexible);
for item in (self.supported_features).iter() {
(*item).encode(buf, version)?;
}
            }
            if write_finalized_features_epoch {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 1) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 1);
                codec::put_uvarint(buf, (8) as u32);
buf.put_i64(self.finalized_features_epoch);
            }
            if write_finalized_features {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 2) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 2);
                codec::put_uvarint(buf, (codec::length_len(Some((self.finalized_features).len()), flexible) + (self.finalized_features).iter().map(|item| (*item).encoded_len(version)).sum::<usize>()) as u32);
codec::put_length(buf, Some((self.finalized_features).len()), flexible);
for item in (self.finalized_features).iter() {
(*item).encode(buf, version)?;
}
            }
            if write_zk_migration_ready {
                while let Some((tag, value)) = unknown.next_if(|(tag, _)| **tag < 3) {
                    codec::put_unknown_tagged(buf, *tag, value);
                }
                codec::put_uvarint(buf, 3);
                codec::put_uvarint(buf, (1) as u32);
buf.put_u8(u8::from(self.zk_migration_ready));
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
len += 2;
len += codec::length_len(Some((self.api_keys).len()), flexible) + (self.api_keys).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
if version >= 1 {
len += 4;
}
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            if (version >= 3) && self.supported_features != Vec::new() {
                let size = codec::length_len(Some((self.supported_features).len()), flexible) + (self.supported_features).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
                count += 1;
                tagged_len += codec::uvarint_len(0) + codec::uvarint_len(size as u32) + size;
            }
            if (version >= 3) && self.finalized_features_epoch != -1 {
                let size = 8;
                count += 1;
                tagged_len += codec::uvarint_len(1) + codec::uvarint_len(size as u32) + size;
            }
            if (version >= 3) && self.finalized_features != Vec::new() {
                let size = codec::length_len(Some((self.finalized_features).len()), flexible) + (self.finalized_features).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
                count += 1;
                tagged_len += codec::uvarint_len(2) + codec::uvarint_len(size as u32) + size;
            }
            if (version >= 3) && self.zk_migration_ready != false {
                let size = 1;
                count += 1;
                tagged_len += codec::uvarint_len(3) + codec::uvarint_len(size as u32) + size;
            }
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for ApiVersionsResponse {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.error_code = rng.next_u64() as i16;
this.api_keys = (0..rng.below(3)).map(|_| <ApiVersion as Arbitrary>::arbitrary(rng, version)).collect();
if version >= 1 {
this.throttle_time_ms = rng.next_u64() as i32;
}
        if flexible && (version >= 3) && rng.below(2) == 0 {
            this.supported_features = (0..rng.below(3)).map(|_| <SupportedFeatureKey as Arbitrary>::arbitrary(rng, version)).collect();
        }
        if flexible && (version >= 3) && rng.below(2) == 0 {
            this.finalized_features_epoch = rng.next_u64() as i64;
        }
        if flexible && (version >= 3) && rng.below(2) == 0 {
            this.finalized_features = (0..rng.below(3)).map(|_| <FinalizedFeatureKey as Arbitrary>::arbitrary(rng, version)).collect();
        }
        if flexible && (version >= 3) && rng.below(2) == 0 {
            this.zk_migration_ready = rng.below(2) == 1;
        }
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for ApiVersionsResponse {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct ApiVersion {
    pub api_key: i16,
    pub min_version: i16,
    pub max_version: i16,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ApiVersion {
    fn default() -> Self {
        ApiVersion {
            api_key: 0,
            min_version: 0,
            max_version: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ApiVersion {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::int16(input).map_err(codec::in_field("ApiVersion.api_key"))?;
this.api_key = value;
input = rest;
let (rest, value) = codec::int16(input).map_err(codec::in_field("ApiVersion.min_version"))?;
this.min_version = value;
input = rest;
let (rest, value) = codec::int16(input).map_err(codec::in_field("ApiVersion.max_version"))?;
this.max_version = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ApiVersion._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ApiVersion._tagged_fields"))?;
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
buf.put_i16(self.api_key);
buf.put_i16(self.min_version);
buf.put_i16(self.max_version);
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
len += 2;
len += 2;
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for ApiVersion {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.api_key = rng.next_u64() as i16;
this.min_version = rng.next_u64() as i16;
this.max_version = rng.next_u64() as i16;
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct FinalizedFeatureKey {
    pub name: String,
    pub max_version_level: i16,
    pub min_version_level: i16,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for FinalizedFeatureKey {
    fn default() -> Self {
        FinalizedFeatureKey {
            name: String::new(),
            max_version_level: 0,
            min_version_level: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for FinalizedFeatureKey {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 3 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("FinalizedFeatureKey.name"))?;
this.name = value;
input = rest;
}
if version >= 3 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("FinalizedFeatureKey.max_version_level"))?;
this.max_version_level = value;
input = rest;
}
if version >= 3 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("FinalizedFeatureKey.min_version_level"))?;
this.min_version_level = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("FinalizedFeatureKey._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("FinalizedFeatureKey._tagged_fields"))?;
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
if version >= 3 {
codec::check_string(&self.name, flexible, "FinalizedFeatureKey.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
}
if version >= 3 {
buf.put_i16(self.max_version_level);
}
if version >= 3 {
buf.put_i16(self.min_version_level);
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
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
}
if version >= 3 {
len += 2;
}
if version >= 3 {
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
impl Arbitrary for FinalizedFeatureKey {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 3 {
this.name = rng.string();
}
if version >= 3 {
this.max_version_level = rng.next_u64() as i16;
}
if version >= 3 {
this.min_version_level = rng.next_u64() as i16;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SupportedFeatureKey {
    pub name: String,
    pub min_version: i16,
    pub max_version: i16,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for SupportedFeatureKey {
    fn default() -> Self {
        SupportedFeatureKey {
            name: String::new(),
            min_version: 0,
            max_version: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for SupportedFeatureKey {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 3 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("SupportedFeatureKey.name"))?;
this.name = value;
input = rest;
}
if version >= 3 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("SupportedFeatureKey.min_version"))?;
this.min_version = value;
input = rest;
}
if version >= 3 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("SupportedFeatureKey.max_version"))?;
this.max_version = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("SupportedFeatureKey._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("SupportedFeatureKey._tagged_fields"))?;
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
if version >= 3 {
codec::check_string(&self.name, flexible, "SupportedFeatureKey.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
}
if version >= 3 {
buf.put_i16(self.min_version);
}
if version >= 3 {
buf.put_i16(self.max_version);
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
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
}
if version >= 3 {
len += 2;
}
if version >= 3 {
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
impl Arbitrary for SupportedFeatureKey {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 3 {
this.name = rng.string();
}
if version >= 3 {
this.min_version = rng.next_u64() as i16;
}
if version >= 3 {
this.max_version = rng.next_u64() as i16;
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

