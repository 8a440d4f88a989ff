//! The records inside a batch: decoding them (after decompression) and encoding them.
//!
//! Layout of one record, all lengths zigzag varints: `length`, `attributes` (int8, unused),
//! `timestamp_delta` (varlong), `offset_delta`, key length + key (-1 = null), value length +
//! value (-1 = null), header count, then per header key length + UTF-8 key and value length
//! + value (-1 = null).
//!
//! Invariants: no length or count from the input is trusted for allocation — vectors are
//! sized by the bytes that remain — and keys, values and header values are zero-copy slices
//! of one buffer holding the (decompressed) records section. Each record must fill exactly
//! its declared length, and the batch must hold exactly `records_count` records.

use super::compression::{decompress, DEFAULT_DECOMPRESSION_LIMIT};
use super::error::{malformed_at, truncated, RecordError};
use super::header::{
    validate_batch, BatchHeader, Compression, TimestampType, BATCH_HEADER_LEN, RECORDS_COUNT_AT,
};
use super::varint::{
    read_varint, read_varlong, varint_len, varlong_len, write_varint, write_varlong,
};
use bytes::Bytes;

/// Smallest possible record: seven one-byte fields (length, attributes, timestamp delta,
/// offset delta, key length, value length, header count).
const MIN_RECORD_LEN: usize = 7;
/// Smallest possible header: key length and value length.
const MIN_HEADER_LEN: usize = 2;

/// One record of a batch. Offsets and timestamps are deltas from the batch header.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Record {
    pub attributes: i8,
    pub timestamp_delta: i64,
    pub offset_delta: i32,
    /// `None` is a null key (no partitioning key, never compacted by key).
    pub key: Option<Bytes>,
    /// `None` is a null value: a tombstone in a compacted topic.
    pub value: Option<Bytes>,
    pub headers: Vec<RecordHeader>,
}

/// A record header. Keys are UTF-8 strings and never null; values may be null.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct RecordHeader {
    pub key: String,
    pub value: Option<Bytes>,
}

impl Record {
    /// Absolute offset of this record in a batch with `header`.
    pub fn offset(&self, header: &BatchHeader) -> i64 {
        header
            .base_offset
            .wrapping_add(i64::from(self.offset_delta))
    }

    /// Timestamp of this record: its own for CreateTime batches, the batch's max timestamp
    /// (the broker's append time) for LogAppendTime batches.
    pub fn timestamp(&self, header: &BatchHeader) -> i64 {
        match header.timestamp_type() {
            TimestampType::CreateTime => header.base_timestamp.wrapping_add(self.timestamp_delta),
            TimestampType::LogAppendTime => header.max_timestamp,
        }
    }

    /// Size of the record after its length prefix.
    fn body_len(&self) -> usize {
        1 + varlong_len(self.timestamp_delta)
            + varint_len(self.offset_delta)
            + nullable_len(self.key.as_deref())
            + nullable_len(self.value.as_deref())
            + varint_len(self.headers.len() as i32)
            + self
                .headers
                .iter()
                .map(|h| nullable_len(Some(h.key.as_bytes())) + nullable_len(h.value.as_deref()))
                .sum::<usize>()
    }

    /// Encoded size including the length prefix.
    pub fn encoded_len(&self) -> usize {
        let body = self.body_len();
        varint_len(body as i32) + body
    }

    /// Appends the encoded record (length prefix included) to `out`.
    pub fn encode(&self, out: &mut Vec<u8>) {
        out.reserve(self.encoded_len());
        write_varint(out, self.body_len() as i32);
        out.push(self.attributes as u8);
        write_varlong(out, self.timestamp_delta);
        write_varint(out, self.offset_delta);
        write_nullable(out, self.key.as_deref());
        write_nullable(out, self.value.as_deref());
        write_varint(out, self.headers.len() as i32);
        for header in &self.headers {
            write_nullable(out, Some(header.key.as_bytes()));
            write_nullable(out, header.value.as_deref());
        }
    }
}

fn nullable_len(bytes: Option<&[u8]>) -> usize {
    match bytes {
        None => varint_len(-1),
        Some(b) => varint_len(b.len() as i32) + b.len(),
    }
}

fn write_nullable(out: &mut Vec<u8>, bytes: Option<&[u8]>) {
    match bytes {
        None => write_varint(out, -1),
        Some(b) => {
            write_varint(out, b.len() as i32);
            out.extend_from_slice(b);
        }
    }
}

/// Validates `batch` (see [`validate_batch`]) and decodes its records, decompressing with
/// the default 256 MiB limit.
pub fn decode_records(batch: &[u8]) -> Result<Vec<Record>, RecordError> {
    decode_records_with_limit(batch, DEFAULT_DECOMPRESSION_LIMIT)
}

/// [`decode_records`] with a chosen bound on the decompressed records section.
pub fn decode_records_with_limit(batch: &[u8], limit: usize) -> Result<Vec<Record>, RecordError> {
    let header = validate_batch(batch)?;
    let section = &batch[BATCH_HEADER_LEN..];
    let body = match header.compression() {
        Compression::None => Bytes::copy_from_slice(section),
        codec => Bytes::from(decompress(codec, section, limit)?),
    };
    decode_section(&header, &body)
}

/// [`decode_records`] for a batch already in a `Bytes`: uncompressed keys and values are
/// slices of `batch` itself, with no copy.
pub fn decode_records_shared(batch: &Bytes, limit: usize) -> Result<Vec<Record>, RecordError> {
    let header = validate_batch(batch)?;
    let body = match header.compression() {
        Compression::None => batch.slice(BATCH_HEADER_LEN..),
        codec => Bytes::from(decompress(codec, &batch[BATCH_HEADER_LEN..], limit)?),
    };
    decode_section(&header, &body)
}

/// Decodes exactly `header.records_count` records filling all of `body`.
fn decode_section(header: &BatchHeader, body: &Bytes) -> Result<Vec<Record>, RecordError> {
    let count = usize::try_from(header.records_count)
        .map_err(|_| malformed_at("negative records_count", RECORDS_COUNT_AT))?;
    let mut records = Vec::with_capacity(count.min(body.len() / MIN_RECORD_LEN));
    let mut input: &[u8] = body;
    for _ in 0..count {
        records.push(decode_record(body, &mut input)?);
    }
    if !input.is_empty() {
        let at = position(body, input);
        return Err(malformed_at(
            "bytes left after the declared records_count",
            at,
        ));
    }
    Ok(records)
}

/// Where `input`, a sub-slice of the records section `body`, starts in the batch (see
/// [`RecordError`] for how positions inside compressed sections count).
fn position(body: &[u8], input: &[u8]) -> usize {
    BATCH_HEADER_LEN + (input.as_ptr() as usize - body.as_ptr() as usize)
}

/// Reads a varint field of a record, naming it and positioning its errors.
fn varint_field(body: &[u8], input: &mut &[u8], field: &'static str) -> Result<i32, RecordError> {
    let at = position(body, input);
    read_varint(input).map_err(|e| e.shifted(at, field))
}

/// Decodes one record from `input`, a suffix of `body`, slicing values out of `body`.
fn decode_record(body: &Bytes, input: &mut &[u8]) -> Result<Record, RecordError> {
    let start = position(body, input);
    let length = varint_field(body, input, "record.length")?;
    let length =
        usize::try_from(length).map_err(|_| malformed_at("negative record length", start))?;
    if length > input.len() {
        return Err(truncated("record", start));
    }
    let (mut rec, rest) = input.split_at(length);
    *input = rest;
    let Some((&attributes, after)) = rec.split_first() else {
        return Err(malformed_at("empty record", start));
    };
    rec = after;
    let at = position(body, rec);
    let timestamp_delta =
        read_varlong(&mut rec).map_err(|e| e.shifted(at, "record.timestamp_delta"))?;
    let offset_delta = varint_field(body, &mut rec, "record.offset_delta")?;
    let key = read_nullable(body, &mut rec, "record.key")?;
    let value = read_nullable(body, &mut rec, "record.value")?;
    let at = position(body, rec);
    let header_count = varint_field(body, &mut rec, "record.headers")?;
    let header_count =
        usize::try_from(header_count).map_err(|_| malformed_at("negative header count", at))?;
    let mut headers = Vec::with_capacity(header_count.min(rec.len() / MIN_HEADER_LEN));
    for _ in 0..header_count {
        let at = position(body, rec);
        let key = read_nullable(body, &mut rec, "record.header.key")?
            .ok_or(malformed_at("null header key", at))?;
        let key = String::from_utf8(key.to_vec())
            .map_err(|_| malformed_at("header key is not UTF-8", at))?;
        let value = read_nullable(body, &mut rec, "record.header.value")?;
        headers.push(RecordHeader { key, value });
    }
    if !rec.is_empty() {
        let at = position(body, rec);
        return Err(malformed_at(
            "bytes left inside a record after its fields",
            at,
        ));
    }
    Ok(Record {
        attributes: attributes as i8,
        timestamp_delta,
        offset_delta,
        key,
        value,
        headers,
    })
}

/// Reads the varint length of `field` and that many bytes (-1 = null) as a slice of `body`.
fn read_nullable(
    body: &Bytes,
    input: &mut &[u8],
    field: &'static str,
) -> Result<Option<Bytes>, RecordError> {
    let at = position(body, input);
    let len = varint_field(body, input, field)?;
    if len == -1 {
        return Ok(None);
    }
    let len = usize::try_from(len).map_err(|_| malformed_at("length below -1", at))?;
    if len > input.len() {
        return Err(truncated(field, at));
    }
    let (value, rest) = input.split_at(len);
    *input = rest;
    Ok(Some(body.slice_ref(value)))
}

#[cfg(test)]
#[path = "record_tests.rs"]
mod tests;
