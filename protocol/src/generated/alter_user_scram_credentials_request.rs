// Generated from protocol/schema/AlterUserScramCredentialsRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! AlterUserScramCredentialsRequest (API key 51), versions 0-0.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 51;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 0;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 0;

#[derive(Debug, Clone, PartialEq)]
pub struct AlterUserScramCredentialsRequest {
    pub deletions: Vec<ScramCredentialDeletion>,
    pub upsertions: Vec<ScramCredentialUpsertion>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for AlterUserScramCredentialsRequest {
    fn default() -> Self {
        AlterUserScramCredentialsRequest {
            deletions: Vec::new(),
            upsertions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for AlterUserScramCredentialsRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| ScramCredentialDeletion::decode(src, i, version))).map_err(codec::in_field("AlterUserScramCredentialsRequest.deletions"))?;
this.deletions = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| ScramCredentialUpsertion::decode(src, i, version))).map_err(codec::in_field("AlterUserScramCredentialsRequest.upsertions"))?;
this.upsertions = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("AlterUserScramCredentialsRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("AlterUserScramCredentialsRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("AlterUserScramCredentialsRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
codec::put_length(buf, Some((self.deletions).len()), flexible);
for item in (self.deletions).iter() {
(*item).encode(buf, version)?;
}
codec::put_length(buf, Some((self.upsertions).len()), flexible);
for item in (self.upsertions).iter() {
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
len += codec::length_len(Some((self.deletions).len()), flexible) + (self.deletions).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
len += codec::length_len(Some((self.upsertions).len()), flexible) + (self.upsertions).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for AlterUserScramCredentialsRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.deletions = (0..rng.below(3)).map(|_| <ScramCredentialDeletion as Arbitrary>::arbitrary(rng, version)).collect();
this.upsertions = (0..rng.below(3)).map(|_| <ScramCredentialUpsertion as Arbitrary>::arbitrary(rng, version)).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for AlterUserScramCredentialsRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScramCredentialDeletion {
    pub name: String,
    pub mechanism: i8,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ScramCredentialDeletion {
    fn default() -> Self {
        ScramCredentialDeletion {
            name: String::new(),
            mechanism: 0,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ScramCredentialDeletion {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("ScramCredentialDeletion.name"))?;
this.name = value;
input = rest;
let (rest, value) = codec::int8(input).map_err(codec::in_field("ScramCredentialDeletion.mechanism"))?;
this.mechanism = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ScramCredentialDeletion._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ScramCredentialDeletion._tagged_fields"))?;
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
codec::check_string(&self.name, flexible, "ScramCredentialDeletion.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
buf.put_i8(self.mechanism);
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
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
len += 1;
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for ScramCredentialDeletion {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.name = rng.string();
this.mechanism = rng.next_u64() as i8;
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct ScramCredentialUpsertion {
    pub name: String,
    pub mechanism: i8,
    pub iterations: i32,
    pub salt: Bytes,
    pub salted_password: Bytes,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ScramCredentialUpsertion {
    fn default() -> Self {
        ScramCredentialUpsertion {
            name: String::new(),
            mechanism: 0,
            iterations: 0,
            salt: Bytes::new(),
            salted_password: Bytes::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ScramCredentialUpsertion {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("ScramCredentialUpsertion.name"))?;
this.name = value;
input = rest;
let (rest, value) = codec::int8(input).map_err(codec::in_field("ScramCredentialUpsertion.mechanism"))?;
this.mechanism = value;
input = rest;
let (rest, value) = codec::int32(input).map_err(codec::in_field("ScramCredentialUpsertion.iterations"))?;
this.iterations = value;
input = rest;
let (rest, value) = codec::bytes(src, input, flexible).map_err(codec::in_field("ScramCredentialUpsertion.salt"))?;
this.salt = value;
input = rest;
let (rest, value) = codec::bytes(src, input, flexible).map_err(codec::in_field("ScramCredentialUpsertion.salted_password"))?;
this.salted_password = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ScramCredentialUpsertion._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ScramCredentialUpsertion._tagged_fields"))?;
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
codec::check_string(&self.name, flexible, "ScramCredentialUpsertion.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
buf.put_i8(self.mechanism);
buf.put_i32(self.iterations);
codec::put_nullable_bytes(buf, Some(&(self.salt)[..]), flexible);
codec::put_nullable_bytes(buf, Some(&(self.salted_password)[..]), flexible);
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
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
len += 1;
len += 4;
len += codec::nullable_bytes_len(Some(&(self.salt)[..]), flexible);
len += codec::nullable_bytes_len(Some(&(self.salted_password)[..]), flexible);
        if flexible {
            let mut count = self.unknown_tagged_fields.len() as u32;
            let mut tagged_len: usize = self.unknown_tagged_fields.iter().map(|(tag, value)| codec::unknown_tagged_len(*tag, value)).sum();
            len += codec::uvarint_len(count) + tagged_len;
        }
        len
    }
}

#[cfg(feature = "arbitrary")]
impl Arbitrary for ScramCredentialUpsertion {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.name = rng.string();
this.mechanism = rng.next_u64() as i8;
this.iterations = rng.next_u64() as i32;
this.salt = rng.bytes();
this.salted_password = rng.bytes();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

