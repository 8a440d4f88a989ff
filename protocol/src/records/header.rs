//! The fixed 61-byte header of a magic-2 record batch: parsing, validation, iteration over a
//! concatenation of batches, and the in-place patches a broker applies on append.
//!
//! Invariants: nothing here reads or allocates for the records after the header, so a batch
//! is validated in O(length) for the CRC alone. `base_offset`, `batch_length`,
//! `partition_leader_epoch` and `magic` lie before the CRC-covered range (byte 21 on), which
//! is why the broker can assign offsets and epochs without recomputing the CRC; anything
//! that changes bytes from 21 on must recompute it.

use super::error::{malformed_at, truncated, RecordError};

/// Length of the batch header: everything up to and including `records_count`.
pub const BATCH_HEADER_LEN: usize = 61;
/// `batch_length` counts the bytes after itself: the header minus base offset and length.
pub(crate) const LENGTH_FIELD_END: usize = 12;
/// Smallest legal `batch_length` (a header with no records).
pub(crate) const MIN_BATCH_LENGTH: i32 = (BATCH_HEADER_LEN - LENGTH_FIELD_END) as i32;
/// First byte covered by the CRC (the `attributes` field).
pub(crate) const CRC_START: usize = 21;

const PARTITION_LEADER_EPOCH_AT: usize = 12;
const MAGIC_AT: usize = 16;
const CRC_AT: usize = 17;
const ATTRIBUTES_AT: usize = 21;
const MAX_TIMESTAMP_AT: usize = 35;
const LAST_OFFSET_DELTA_AT: usize = 23;
pub(crate) const RECORDS_COUNT_AT: usize = 57;

/// Each header field with the byte it starts at, in order: what a truncated header names.
const HEADER_FIELDS: [(&str, usize); 13] = [
    ("base_offset", 0),
    ("batch_length", 8),
    ("partition_leader_epoch", PARTITION_LEADER_EPOCH_AT),
    ("magic", MAGIC_AT),
    ("crc", CRC_AT),
    ("attributes", ATTRIBUTES_AT),
    ("last_offset_delta", LAST_OFFSET_DELTA_AT),
    ("base_timestamp", 27),
    ("max_timestamp", MAX_TIMESTAMP_AT),
    ("producer_id", 43),
    ("producer_epoch", 51),
    ("base_sequence", 53),
    ("records_count", RECORDS_COUNT_AT),
];

/// The error for a header cut off after `len` bytes (`len` < 61): the field the input ends
/// in, at its first byte.
fn truncated_header(len: usize) -> RecordError {
    let (field, offset) = HEADER_FIELDS
        .iter()
        .rev()
        .find(|(_, at)| *at <= len)
        .copied()
        .unwrap_or(HEADER_FIELDS[0]);
    truncated(field, offset)
}

pub(crate) const COMPRESSION_MASK: i16 = 0x07;
pub(crate) const TIMESTAMP_TYPE_BIT: i16 = 1 << 3;
pub(crate) const TRANSACTIONAL_BIT: i16 = 1 << 4;
pub(crate) const CONTROL_BIT: i16 = 1 << 5;
pub(crate) const DELETE_HORIZON_BIT: i16 = 1 << 6;

/// The compression codec of a batch (attribute bits 0–2).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[repr(i16)]
pub enum Compression {
    #[default]
    None = 0,
    Gzip = 1,
    Snappy = 2,
    Lz4 = 3,
    Zstd = 4,
}

impl Compression {
    /// The codec named by the low three bits of `attributes`.
    pub fn from_attributes(attributes: i16) -> Result<Compression, RecordError> {
        match attributes & COMPRESSION_MASK {
            0 => Ok(Compression::None),
            1 => Ok(Compression::Gzip),
            2 => Ok(Compression::Snappy),
            3 => Ok(Compression::Lz4),
            4 => Ok(Compression::Zstd),
            other => Err(RecordError::UnknownCompression(other)),
        }
    }
}

/// Which clock the batch timestamps come from (attribute bit 3).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum TimestampType {
    /// Set by the producer.
    #[default]
    CreateTime,
    /// Overwritten by the broker on append (`message.timestamp.type=LogAppendTime`).
    LogAppendTime,
}

/// The decoded fixed header of a magic-2 record batch.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchHeader {
    pub base_offset: i64,
    /// Bytes after this field: the whole batch is `batch_length + 12` bytes.
    pub batch_length: i32,
    pub partition_leader_epoch: i32,
    pub magic: i8,
    /// CRC-32C (Castagnoli) of the bytes from `attributes` to the end of the batch.
    pub crc: u32,
    pub attributes: i16,
    pub last_offset_delta: i32,
    pub base_timestamp: i64,
    pub max_timestamp: i64,
    pub producer_id: i64,
    pub producer_epoch: i16,
    pub base_sequence: i32,
    pub records_count: i32,
}

fn be_i16(buf: &[u8], at: usize) -> i16 {
    i16::from_be_bytes([buf[at], buf[at + 1]])
}

fn be_i32(buf: &[u8], at: usize) -> i32 {
    i32::from_be_bytes([buf[at], buf[at + 1], buf[at + 2], buf[at + 3]])
}

fn be_i64(buf: &[u8], at: usize) -> i64 {
    let mut bytes = [0u8; 8];
    bytes.copy_from_slice(&buf[at..at + 8]);
    i64::from_be_bytes(bytes)
}

impl BatchHeader {
    /// Reads the 61-byte header at the start of `buf`. Only the length is checked; use
    /// [`validate_batch`] before trusting any field.
    pub fn parse(buf: &[u8]) -> Result<BatchHeader, RecordError> {
        if buf.len() < BATCH_HEADER_LEN {
            return Err(truncated_header(buf.len()));
        }
        Ok(BatchHeader {
            base_offset: be_i64(buf, 0),
            batch_length: be_i32(buf, 8),
            partition_leader_epoch: be_i32(buf, PARTITION_LEADER_EPOCH_AT),
            magic: buf[MAGIC_AT] as i8,
            crc: be_i32(buf, CRC_AT) as u32,
            attributes: be_i16(buf, ATTRIBUTES_AT),
            last_offset_delta: be_i32(buf, 23),
            base_timestamp: be_i64(buf, 27),
            max_timestamp: be_i64(buf, MAX_TIMESTAMP_AT),
            producer_id: be_i64(buf, 43),
            producer_epoch: be_i16(buf, 51),
            base_sequence: be_i32(buf, 53),
            records_count: be_i32(buf, 57),
        })
    }

    /// Size of the whole batch in bytes, header included. A negative `batch_length` (only
    /// possible before validation) counts as zero.
    pub fn total_len(&self) -> usize {
        usize::try_from(self.batch_length).unwrap_or(0) + LENGTH_FIELD_END
    }

    /// Offset of the last record (`base_offset + last_offset_delta`), which stays right
    /// even after compaction removed records from the batch.
    pub fn last_offset(&self) -> i64 {
        self.base_offset
            .wrapping_add(i64::from(self.last_offset_delta))
    }

    /// Offset one past the last record: where the next batch starts.
    pub fn next_offset(&self) -> i64 {
        self.last_offset().wrapping_add(1)
    }

    /// The compression codec. For a batch that passed [`validate_batch`] this is exact; an
    /// unknown codec (only seen on unvalidated input) reads as `None` — use
    /// [`BatchHeader::try_compression`] where that matters.
    pub fn compression(&self) -> Compression {
        self.try_compression().unwrap_or(Compression::None)
    }

    /// The compression codec, or `UnknownCompression` for codec bits 5–7.
    pub fn try_compression(&self) -> Result<Compression, RecordError> {
        Compression::from_attributes(self.attributes)
    }

    pub fn timestamp_type(&self) -> TimestampType {
        if self.attributes & TIMESTAMP_TYPE_BIT != 0 {
            TimestampType::LogAppendTime
        } else {
            TimestampType::CreateTime
        }
    }

    /// Part of a transaction: hidden from read_committed consumers until its commit marker.
    pub fn is_transactional(&self) -> bool {
        self.attributes & TRANSACTIONAL_BIT != 0
    }

    /// Holds a transaction marker (commit/abort), not user records.
    pub fn is_control(&self) -> bool {
        self.attributes & CONTROL_BIT != 0
    }

    /// `base_timestamp` holds the compaction delete horizon (KIP-534).
    pub fn has_delete_horizon(&self) -> bool {
        self.attributes & DELETE_HORIZON_BIT != 0
    }

    /// Whether the batch came from an idempotent or transactional producer.
    pub fn has_producer_id(&self) -> bool {
        self.producer_id >= 0
    }
}

/// CRC-32C of a batch's CRC-covered range. `batch` must be at least a header long.
pub(crate) fn compute_crc(batch: &[u8]) -> u32 {
    crc32c::crc32c(&batch[CRC_START..])
}

/// Checks that `batch` is exactly one well-formed magic-2 batch: magic, length (which must
/// equal the slice), CRC, non-negative counts and a known codec. Records are not read.
pub fn validate_batch(batch: &[u8]) -> Result<BatchHeader, RecordError> {
    let header = BatchHeader::parse(batch)?;
    if header.magic != 2 {
        return Err(RecordError::BadMagic(header.magic));
    }
    if header.batch_length < MIN_BATCH_LENGTH {
        return Err(RecordError::InvalidLength);
    }
    match header.total_len().cmp(&batch.len()) {
        std::cmp::Ordering::Greater => return Err(truncated("records", BATCH_HEADER_LEN)),
        std::cmp::Ordering::Less => return Err(RecordError::InvalidLength),
        std::cmp::Ordering::Equal => {}
    }
    let actual = compute_crc(batch);
    if actual != header.crc {
        return Err(RecordError::CorruptCrc {
            expected: header.crc,
            actual,
        });
    }
    if header.records_count < 0 {
        return Err(malformed_at("negative records_count", RECORDS_COUNT_AT));
    }
    if header.last_offset_delta < 0 {
        return Err(malformed_at(
            "negative last_offset_delta",
            LAST_OFFSET_DELTA_AT,
        ));
    }
    header.try_compression()?;
    Ok(header)
}

/// Iterator over a concatenation of batches (a log segment, a Produce or Fetch records
/// field). Yields each batch's parsed header and its complete slice, without validating.
///
/// A trailing partial batch yields one `Err(Truncated)` positioned in the iterator's input
/// (the batch's start plus the field's offset in the batch); a header whose `batch_length` is
/// below the minimum yields `Err(InvalidLength)`. Either ends the iteration, and
/// [`BatchIter::position`] then tells how many bytes were whole batches.
#[derive(Debug, Clone)]
pub struct BatchIter<'a> {
    input: &'a [u8],
    position: usize,
    done: bool,
}

/// Iterates the batches in `records`. See [`BatchIter`].
pub fn batches(records: &[u8]) -> BatchIter<'_> {
    BatchIter {
        input: records,
        position: 0,
        done: false,
    }
}

impl<'a> BatchIter<'a> {
    /// Bytes of the input consumed by the batches yielded so far (where the next starts).
    pub fn position(&self) -> usize {
        self.position
    }

    /// The input not yet yielded.
    pub fn remaining(&self) -> &'a [u8] {
        &self.input[self.position..]
    }
}

impl<'a> Iterator for BatchIter<'a> {
    type Item = Result<(BatchHeader, &'a [u8]), RecordError>;

    fn next(&mut self) -> Option<Self::Item> {
        let rest = self.remaining();
        if self.done || rest.is_empty() {
            return None;
        }
        let header = match BatchHeader::parse(rest) {
            Ok(header) => header,
            Err(err) => {
                self.done = true;
                return Some(Err(err.shifted(self.position, "")));
            }
        };
        if header.batch_length < MIN_BATCH_LENGTH {
            self.done = true;
            return Some(Err(RecordError::InvalidLength));
        }
        let len = header.total_len();
        if len > rest.len() {
            self.done = true;
            return Some(Err(truncated("records", self.position + BATCH_HEADER_LEN)));
        }
        self.position += len;
        Some(Ok((header, &rest[..len])))
    }
}

impl std::iter::FusedIterator for BatchIter<'_> {}

/// Overwrites `base_offset`. Outside the CRC, so the batch stays valid.
///
/// # Panics
/// If `batch` is shorter than [`BATCH_HEADER_LEN`] (callers patch validated batches).
pub fn set_base_offset(batch: &mut [u8], base_offset: i64) {
    assert!(
        batch.len() >= BATCH_HEADER_LEN,
        "set_base_offset on a {}-byte slice",
        batch.len()
    );
    batch[0..8].copy_from_slice(&base_offset.to_be_bytes());
}

/// Overwrites `partition_leader_epoch`. Outside the CRC, so the batch stays valid.
///
/// # Panics
/// If `batch` is shorter than [`BATCH_HEADER_LEN`].
pub fn set_partition_leader_epoch(batch: &mut [u8], epoch: i32) {
    assert!(
        batch.len() >= BATCH_HEADER_LEN,
        "set_partition_leader_epoch on a {}-byte slice",
        batch.len()
    );
    batch[PARTITION_LEADER_EPOCH_AT..PARTITION_LEADER_EPOCH_AT + 4]
        .copy_from_slice(&epoch.to_be_bytes());
}

/// Marks the batch as LogAppendTime with `timestamp_ms` as its max timestamp, as a broker
/// does for topics with `message.timestamp.type=LogAppendTime`, and recomputes the CRC
/// (both fields are inside it). Record timestamp deltas are left alone: consumers use the
/// batch's max timestamp for every record of a LogAppendTime batch.
///
/// # Panics
/// If `batch` is shorter than [`BATCH_HEADER_LEN`].
pub fn set_log_append_time(batch: &mut [u8], timestamp_ms: i64) {
    assert!(
        batch.len() >= BATCH_HEADER_LEN,
        "set_log_append_time on a {}-byte slice",
        batch.len()
    );
    let attributes = be_i16(batch, ATTRIBUTES_AT) | TIMESTAMP_TYPE_BIT;
    batch[ATTRIBUTES_AT..ATTRIBUTES_AT + 2].copy_from_slice(&attributes.to_be_bytes());
    batch[MAX_TIMESTAMP_AT..MAX_TIMESTAMP_AT + 8].copy_from_slice(&timestamp_ms.to_be_bytes());
    write_crc(batch);
}

/// Overwrites `max_timestamp` and recomputes the CRC (the field is inside it), as a broker
/// does when a client left it unset (-1) although its records carry timestamps.
///
/// # Panics
/// If `batch` is shorter than [`BATCH_HEADER_LEN`].
pub fn set_max_timestamp(batch: &mut [u8], timestamp_ms: i64) {
    assert!(
        batch.len() >= BATCH_HEADER_LEN,
        "set_max_timestamp on a {}-byte slice",
        batch.len()
    );
    batch[MAX_TIMESTAMP_AT..MAX_TIMESTAMP_AT + 8].copy_from_slice(&timestamp_ms.to_be_bytes());
    write_crc(batch);
}

/// Recomputes and stores the CRC of a complete batch.
pub(crate) fn write_crc(batch: &mut [u8]) {
    let crc = compute_crc(batch);
    batch[CRC_AT..CRC_AT + 4].copy_from_slice(&crc.to_be_bytes());
}

#[cfg(test)]
#[path = "header_tests.rs"]
mod tests;
