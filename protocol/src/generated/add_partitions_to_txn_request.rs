// Generated from protocol/schema/AddPartitionsToTxnRequest.toml by strom-codegen. Do not edit: change the schema and run `cargo run -p strom-codegen`.
//! AddPartitionsToTxnRequest (API key 24), versions 0-5.

#![allow(unused_mut, unused_variables, unused_imports, clippy::all)]

use crate::codec::{self, ApiMessage, Codec, DecodeErrorKind, EncodeError, PResult, Uuid};
#[cfg(feature = "arbitrary")]
use crate::arbitrary::{Arbitrary, Rng};
use bytes::{BufMut, Bytes};
use std::collections::BTreeMap;

pub const API_KEY: i16 = 24;
pub const MIN_VERSION: i16 = 0;
pub const MAX_VERSION: i16 = 5;
/// The first flexible version (`i16::MAX`: none).
pub const FLEXIBLE_MIN: i16 = 3;

#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnRequest {
    pub transactions: Vec<AddPartitionsToTxnTransaction>,
    pub v3_and_below_transactional_id: String,
    pub v3_and_below_producer_id: i64,
    pub v3_and_below_producer_epoch: i16,
    pub v3_and_below_topics: Vec<AddPartitionsToTxnTopic>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for AddPartitionsToTxnRequest {
    fn default() -> Self {
        AddPartitionsToTxnRequest {
            transactions: Vec::new(),
            v3_and_below_transactional_id: String::new(),
            v3_and_below_producer_id: 0,
            v3_and_below_producer_epoch: 0,
            v3_and_below_topics: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for AddPartitionsToTxnRequest {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        if !(MIN_VERSION..=MAX_VERSION).contains(&version) {
            return codec::fail(input, DecodeErrorKind::UnsupportedVersion);
        }
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 4 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| AddPartitionsToTxnTransaction::decode(src, i, version))).map_err(codec::in_field("AddPartitionsToTxnRequest.transactions"))?;
this.transactions = value;
input = rest;
}
if version <= 3 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("AddPartitionsToTxnRequest.v3_and_below_transactional_id"))?;
this.v3_and_below_transactional_id = value;
input = rest;
}
if version <= 3 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("AddPartitionsToTxnRequest.v3_and_below_producer_id"))?;
this.v3_and_below_producer_id = value;
input = rest;
}
if version <= 3 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("AddPartitionsToTxnRequest.v3_and_below_producer_epoch"))?;
this.v3_and_below_producer_epoch = value;
input = rest;
}
if version <= 3 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| AddPartitionsToTxnTopic::decode(src, i, version))).map_err(codec::in_field("AddPartitionsToTxnRequest.v3_and_below_topics"))?;
this.v3_and_below_topics = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("AddPartitionsToTxnRequest._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("AddPartitionsToTxnRequest._tagged_fields"))?;
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
            return Err(codec::unsupported_version("AddPartitionsToTxnRequest"));
        }
        let flexible = version >= FLEXIBLE_MIN;
if version >= 4 {
codec::put_length(buf, Some((self.transactions).len()), flexible);
for item in (self.transactions).iter() {
(*item).encode(buf, version)?;
}
}
if version <= 3 {
codec::check_string(&self.v3_and_below_transactional_id, flexible, "AddPartitionsToTxnRequest.v3_and_below_transactional_id")?;
codec::put_nullable_string(buf, Some((self.v3_and_below_transactional_id).as_str()), flexible);
}
if version <= 3 {
buf.put_i64(self.v3_and_below_producer_id);
}
if version <= 3 {
buf.put_i16(self.v3_and_below_producer_epoch);
}
if version <= 3 {
codec::put_length(buf, Some((self.v3_and_below_topics).len()), flexible);
for item in (self.v3_and_below_topics).iter() {
(*item).encode(buf, version)?;
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
if version >= 4 {
len += codec::length_len(Some((self.transactions).len()), flexible) + (self.transactions).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
}
if version <= 3 {
len += codec::nullable_string_len(Some((self.v3_and_below_transactional_id).as_str()), flexible);
}
if version <= 3 {
len += 8;
}
if version <= 3 {
len += 2;
}
if version <= 3 {
len += codec::length_len(Some((self.v3_and_below_topics).len()), flexible) + (self.v3_and_below_topics).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
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
impl Arbitrary for AddPartitionsToTxnRequest {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 4 {
this.transactions = (0..rng.below(3)).map(|_| <AddPartitionsToTxnTransaction as Arbitrary>::arbitrary(rng, version)).collect();
}
if version <= 3 {
this.v3_and_below_transactional_id = rng.string();
}
if version <= 3 {
this.v3_and_below_producer_id = rng.next_u64() as i64;
}
if version <= 3 {
this.v3_and_below_producer_epoch = rng.next_u64() as i16;
}
if version <= 3 {
this.v3_and_below_topics = (0..rng.below(3)).map(|_| <AddPartitionsToTxnTopic as Arbitrary>::arbitrary(rng, version)).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

impl ApiMessage for AddPartitionsToTxnRequest {
    const API_KEY: i16 = API_KEY;
    const MIN_VERSION: i16 = MIN_VERSION;
    const MAX_VERSION: i16 = MAX_VERSION;
    const FLEXIBLE_MIN: i16 = FLEXIBLE_MIN;
}

#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnTopic {
    pub name: String,
    pub partitions: Vec<i32>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for AddPartitionsToTxnTopic {
    fn default() -> Self {
        AddPartitionsToTxnTopic {
            name: String::new(),
            partitions: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for AddPartitionsToTxnTopic {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("AddPartitionsToTxnTopic.name"))?;
this.name = value;
input = rest;
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| codec::int32(i))).map_err(codec::in_field("AddPartitionsToTxnTopic.partitions"))?;
this.partitions = value;
input = rest;
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("AddPartitionsToTxnTopic._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("AddPartitionsToTxnTopic._tagged_fields"))?;
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
codec::check_string(&self.name, flexible, "AddPartitionsToTxnTopic.name")?;
codec::put_nullable_string(buf, Some((self.name).as_str()), flexible);
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
len += codec::nullable_string_len(Some((self.name).as_str()), flexible);
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
impl Arbitrary for AddPartitionsToTxnTopic {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
this.name = rng.string();
this.partitions = (0..rng.below(3)).map(|_| rng.next_u64() as i32).collect();
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct AddPartitionsToTxnTransaction {
    pub transactional_id: String,
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub verify_only: bool,
    pub topics: Vec<AddPartitionsToTxnTopic>,
    /// Tagged fields this code does not know, kept so they are written back unchanged.
    pub unknown_tagged_fields: BTreeMap<i32, Bytes>,
}

impl Default for AddPartitionsToTxnTransaction {
    fn default() -> Self {
        AddPartitionsToTxnTransaction {
            transactional_id: String::new(),
            producer_id: 0,
            producer_epoch: 0,
            verify_only: false,
            topics: Vec::new(),
            unknown_tagged_fields: BTreeMap::new(),
        }
    }
}

impl Codec for AddPartitionsToTxnTransaction {
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self> {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
        let mut input = input;
if version >= 4 {
let (rest, value) = codec::string(input, flexible).map_err(codec::in_field("AddPartitionsToTxnTransaction.transactional_id"))?;
this.transactional_id = value;
input = rest;
}
if version >= 4 {
let (rest, value) = codec::int64(input).map_err(codec::in_field("AddPartitionsToTxnTransaction.producer_id"))?;
this.producer_id = value;
input = rest;
}
if version >= 4 {
let (rest, value) = codec::int16(input).map_err(codec::in_field("AddPartitionsToTxnTransaction.producer_epoch"))?;
this.producer_epoch = value;
input = rest;
}
if version >= 4 {
let (rest, value) = codec::boolean(input).map_err(codec::in_field("AddPartitionsToTxnTransaction.verify_only"))?;
this.verify_only = value;
input = rest;
}
if version >= 4 {
let (rest, value) = codec::required(input, codec::array(input, flexible, |i| AddPartitionsToTxnTopic::decode(src, i, version))).map_err(codec::in_field("AddPartitionsToTxnTransaction.topics"))?;
this.topics = value;
input = rest;
}
        if flexible {
            let (rest, count) = codec::uvarint(input).map_err(codec::in_field("AddPartitionsToTxnTransaction._tagged_fields"))?;
            input = rest;
            for _ in 0..count {
                let (rest, (tag, data)) = codec::tagged_field(input).map_err(codec::in_field("AddPartitionsToTxnTransaction._tagged_fields"))?;
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
if version >= 4 {
codec::check_string(&self.transactional_id, flexible, "AddPartitionsToTxnTransaction.transactional_id")?;
codec::put_nullable_string(buf, Some((self.transactional_id).as_str()), flexible);
}
if version >= 4 {
buf.put_i64(self.producer_id);
}
if version >= 4 {
buf.put_i16(self.producer_epoch);
}
if version >= 4 {
buf.put_u8(u8::from(self.verify_only));
}
if version >= 4 {
codec::put_length(buf, Some((self.topics).len()), flexible);
for item in (self.topics).iter() {
(*item).encode(buf, version)?;
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
if version >= 4 {
len += codec::nullable_string_len(Some((self.transactional_id).as_str()), flexible);
}
if version >= 4 {
len += 8;
}
if version >= 4 {
len += 2;
}
if version >= 4 {
len += 1;
}
if version >= 4 {
len += codec::length_len(Some((self.topics).len()), flexible) + (self.topics).iter().map(|item| (*item).encoded_len(version)).sum::<usize>();
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
impl Arbitrary for AddPartitionsToTxnTransaction {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self {
        let flexible = version >= FLEXIBLE_MIN;
        let mut this = Self::default();
if version >= 4 {
this.transactional_id = rng.string();
}
if version >= 4 {
this.producer_id = rng.next_u64() as i64;
}
if version >= 4 {
this.producer_epoch = rng.next_u64() as i16;
}
if version >= 4 {
this.verify_only = rng.below(2) == 1;
}
if version >= 4 {
this.topics = (0..rng.below(3)).map(|_| <AddPartitionsToTxnTopic as Arbitrary>::arbitrary(rng, version)).collect();
}
        if flexible {
            rng.unknown_tags(&mut this.unknown_tagged_fields);
        }
        this
    }
}

