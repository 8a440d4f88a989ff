//! The one error type of the records module: what is wrong with a batch, a record inside it,
//! or its compressed payload.
//!
//! Every variant names the defect precisely enough for a log line or a Produce error code
//! (CORRUPT_MESSAGE for most, INVALID_RECORD for malformed records) to be chosen from it.
//!
//! Positions (`offset`) count bytes from the start of the batch (from the start of the
//! input for [`super::batches`]). Inside a compressed batch's records section they count
//! as if the section were stored uncompressed: 61 (the header) plus the position in the
//! decompressed records, so they point at the same field whatever the codec.

use std::fmt;

/// Why a record batch, or a record inside it, was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The input ended inside `field` (a batch header field, or `record.<field>`), which
    /// starts at byte `offset`.
    Truncated { field: &'static str, offset: usize },
    /// `batch_length` is below the 49-byte minimum, negative, or disagrees with the slice.
    InvalidLength,
    /// Magic byte other than 2 (formats v0/v1 were removed in Kafka 4.0).
    BadMagic(i8),
    /// The CRC-32C stored in the header (`expected`) differs from the one computed over the
    /// bytes from `attributes` to the end (`actual`).
    CorruptCrc { expected: u32, actual: u32 },
    /// Compression codec bits 5, 6 or 7.
    UnknownCompression(i16),
    /// A structural defect; `what` names the field or rule broken, `offset` is where that
    /// field starts in the batch (None for a rule about builder arguments or the contents of a
    /// control record's key or value, which have no position in a batch).
    Malformed {
        what: &'static str,
        offset: Option<usize>,
    },
    /// The compression codec failed on the payload.
    Compression(String),
    /// Decompression would produce more than `limit` bytes (zip-bomb guard).
    DecompressedTooLarge { limit: usize },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Truncated { field, offset } => {
                write!(f, "record batch truncated in {field} at byte {offset}")
            }
            RecordError::InvalidLength => write!(f, "record batch length invalid"),
            RecordError::BadMagic(magic) => write!(
                f,
                "unsupported record batch magic {magic} (only 2 is supported)"
            ),
            RecordError::CorruptCrc { expected, actual } => {
                write!(f, "record batch CRC mismatch: header says {expected:#010x}, computed {actual:#010x}")
            }
            RecordError::UnknownCompression(codec) => {
                write!(f, "unknown compression codec {codec}")
            }
            RecordError::Malformed {
                what,
                offset: Some(offset),
            } => write!(f, "malformed record batch: {what} at byte {offset}"),
            RecordError::Malformed { what, offset: None } => {
                write!(f, "malformed record batch: {what}")
            }
            RecordError::Compression(msg) => write!(f, "compression codec failed: {msg}"),
            RecordError::DecompressedTooLarge { limit } => {
                write!(f, "decompressed records exceed the {limit}-byte limit")
            }
        }
    }
}

impl std::error::Error for RecordError {}

/// Shorthand for a [`RecordError::Malformed`] with no byte position (builder arguments).
pub(crate) fn malformed(what: &'static str) -> RecordError {
    RecordError::Malformed { what, offset: None }
}

/// Shorthand for a [`RecordError::Malformed`] of the field starting at byte `offset`.
pub(crate) fn malformed_at(what: &'static str, offset: usize) -> RecordError {
    RecordError::Malformed {
        what,
        offset: Some(offset),
    }
}

/// Shorthand for a [`RecordError::Truncated`] inside `field`, which starts at `offset`.
pub(crate) fn truncated(field: &'static str, offset: usize) -> RecordError {
    RecordError::Truncated { field, offset }
}

impl RecordError {
    /// Moves the position of an error found inside a sub-slice by `by` bytes (the
    /// sub-slice's start in the outer input); names `field` where a varint reader could not.
    pub(crate) fn shifted(self, by: usize, field: &'static str) -> RecordError {
        match self {
            RecordError::Truncated { field: f, offset } => RecordError::Truncated {
                field: if f.is_empty() { field } else { f },
                offset: offset + by,
            },
            RecordError::Malformed {
                what,
                offset: Some(offset),
            } => malformed_at(what, offset + by),
            other => other,
        }
    }
}
