//! The one error type of the records module: what is wrong with a batch, a record inside it,
//! or its compressed payload.
//!
//! Every variant names the defect precisely enough for a log line or a Produce error code
//! (CORRUPT_MESSAGE for most, INVALID_RECORD for malformed records) to be chosen from it.

use std::fmt;

/// Why a record batch, or a record inside it, was rejected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RecordError {
    /// The input ended before the batch (or a value inside it) did.
    Truncated,
    /// `batch_length` is below the 49-byte minimum, negative, or disagrees with the slice.
    InvalidLength,
    /// Magic byte other than 2 (formats v0/v1 were removed in Kafka 4.0).
    BadMagic(i8),
    /// The CRC-32C stored in the header (`expected`) differs from the one computed over the
    /// bytes from `attributes` to the end (`actual`).
    CorruptCrc { expected: u32, actual: u32 },
    /// Compression codec bits 5, 6 or 7.
    UnknownCompression(i16),
    /// A structural defect; `what` names the field or rule broken.
    Malformed { what: &'static str },
    /// The compression codec failed on the payload.
    Compression(String),
    /// Decompression would produce more than `limit` bytes (zip-bomb guard).
    DecompressedTooLarge { limit: usize },
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RecordError::Truncated => write!(f, "record batch truncated"),
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
            RecordError::Malformed { what } => write!(f, "malformed record batch: {what}"),
            RecordError::Compression(msg) => write!(f, "compression codec failed: {msg}"),
            RecordError::DecompressedTooLarge { limit } => {
                write!(f, "decompressed records exceed the {limit}-byte limit")
            }
        }
    }
}

impl std::error::Error for RecordError {}

/// Shorthand for a [`RecordError::Malformed`].
pub(crate) fn malformed(what: &'static str) -> RecordError {
    RecordError::Malformed { what }
}
