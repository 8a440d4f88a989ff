// Generated from protocol/schema/FindCoordinatorRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! FindCoordinatorRequest (API key 10), versions 0-6.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 10;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 6;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct FindCoordinatorRequest {
    pub key: String,
    pub key_type: i8,
    pub coordinator_keys: Vec<String>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for FindCoordinatorRequest {
    fn default() -> Self {
        FindCoordinatorRequest {
            key: String::new(),
            key_type: 0,
            coordinator_keys: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for FindCoordinatorRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version <= 3 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("FindCoordinatorRequest.key"))?;
this.key = value;
input = rest;
}
if version >= 1 {
let (rest, value) = codec::int8(input).map_err(codec::in_field("FindCoordinatorRequest.key_type"))?;
this.key_type = value;
input = rest;
}
if version >= 4 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::string(i, flexible))).map_err(codec::in_field("FindCoordinatorRequest.coordinator_keys"))?;
this.coordinator_keys = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("FindCoordinatorRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("FindCoordinatorRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("FindCoordinatorRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
if version <= 3 {
codec::check_string(&self.key, flexible, "FindCoordinatorRequest.key")?;
codec::put_nullable_string(buf, Some((self.key).as_str()), flexible);
}
if version >= 1 {
buf.put_i8(self.key_type);
}
if version >= 4 {
codec::put_length(buf, Some((self.coordinator_keys).len()), flexible);
for item in (self.coordinator_keys).iter() {
codec::check_string(&*item, flexible, "FindCoordinatorRequest.coordinator_keys")?;
codec::put_nullable_string(buf, Some((*item).as_str()), flexible);
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
if version <= 3 {
len += codec::nullable_string_len(Some((self.key).as_str()), flexible);
}
if version >= 1 {
len += 1;
}
if version >= 4 {
len += codec::length_len(Some((self.coordinator_keys).len()), flexible) + (self.coordinator_keys).iter().map(|item| codec::nullable_string_len(Some((*item).as_str()), flexible)).sum::<usize>();
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
impl Arbitrary for FindCoordinatorRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version <= 3 {
this.key = rng.string();
}
if version >= 1 {
this.key_type = rng.next_u64() as i8;
}
if version >= 4 {
this.coordinator_keys = (0..rng.below(3)).map(|_| rng.string()).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for FindCoordinatorRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

