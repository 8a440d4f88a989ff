//! Magic-2 record batches (the only format Kafka 4 accepts): the fixed header and its
//! validation, the records inside, building batches (including transaction markers), and
//! the four compression codecs.
//!
//! Invariant: nothing in this module panics or allocates beyond the input's size on bytes
//! from the network or disk; every defect is a [`RecordError`].

mod builder;
mod compression;
mod error;
#[cfg(test)]
mod fuzz_tests;
mod header;
mod record;
mod varint;

pub use builder::{BatchBuilder, ControlRecordType, EndTxnMarker, NO_TIMESTAMP};
pub use compression::{compress, decompress, DEFAULT_DECOMPRESSION_LIMIT};
pub use error::RecordError;
pub use header::{
    batches, set_base_offset, set_log_append_time, set_max_timestamp, set_partition_leader_epoch,
    validate_batch, BatchHeader, BatchIter, Compression, TimestampType, BATCH_HEADER_LEN,
};
pub use record::{
    decode_records, decode_records_shared, decode_records_with_limit, Record, RecordHeader,
};
