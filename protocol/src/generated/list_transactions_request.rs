// Generated from protocol/schema/ListTransactionsRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! ListTransactionsRequest (API key 66), versions 0-2.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 66;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 2;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 0;

#[derive(Debug, Clone, PartialEq)]
pub struct ListTransactionsRequest {
    pub state_filters: Vec<String>,
    pub producer_id_filters: Vec<i64>,
    pub duration_filter: i64,
    pub transactional_id_pattern: Option<String>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for ListTransactionsRequest {
    fn default() -> Self {
        ListTransactionsRequest {
            state_filters: Vec::new(),
            producer_id_filters: Vec::new(),
            duration_filter: -1,
            transactional_id_pattern: None,
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for ListTransactionsRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::string(i, flexible))).map_err(codec::in_field("ListTransactionsRequest.state_filters"))?;
this.state_filters = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::int64(i))).map_err(codec::in_field("ListTransactionsRequest.producer_id_filters"))?;
this.producer_id_filters = value;
input = rest;
if version >= 1 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("ListTransactionsRequest.duration_filter"))?;
this.duration_filter = value;
input = rest;
}
if version >= 2 {
let (rest, value) = codec::nullable_string(input, flexible).map_err(codec::in_field("ListTransactionsRequest.transactional_id_pattern"))?;
this.transactional_id_pattern = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("ListTransactionsRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("ListTransactionsRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("ListTransactionsRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
codec::put_length(buf, Some((self.state_filters).len()), flexible);
for item in (self.state_filters).iter() {
codec::check_string(&*item, flexible, "ListTransactionsRequest.state_filters")?;
codec::put_nullable_string(buf, Some((*item).as_str()), flexible);
}
codec::put_length(buf, Some((self.producer_id_filters).len()), flexible);
for item in (self.producer_id_filters).iter() {
buf.put_i64(*item);
}
if version >= 1 {
buf.put_i64(self.duration_filter);
}
if version >= 2 {
match &self.transactional_id_pattern {
Some(value) => {
codec::check_string(&*value, flexible, "ListTransactionsRequest.transactional_id_pattern")?;
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
len += codec::length_len(Some((self.state_filters).len()), flexible) + (self.state_filters).iter().map(|item| codec::nullable_string_len(Some((*item).as_str()), flexible)).sum::<usize>();
len += codec::length_len(Some((self.producer_id_filters).len()), flexible) + (self.producer_id_filters).len() * 8;
if version >= 1 {
len += 8;
}
if version >= 2 {
len += match &self.transactional_id_pattern {
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
impl Arbitrary for ListTransactionsRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.state_filters = (0..rng.below(3)).map(|_| rng.string()).collect();
this.producer_id_filters = (0..rng.below(3)).map(|_| rng.next_u64() as i64).collect();
if version >= 1 {
this.duration_filter = rng.next_u64() as i64;
}
if version >= 2 {
this.transactional_id_pattern = if true && rng.below(5) == 0 { None } else { Some(rng.string()) };
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for ListTransactionsRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

