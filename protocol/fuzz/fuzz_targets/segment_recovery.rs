//! Arbitrary bytes as a partition's active segment (and, split off the input, its offset
//! index): opening the log must never panic, must keep the longest valid prefix of the
//! segment (its log end offset at least the offset after that prefix, worked out here
//! independently), and what it then serves must be whole, valid batches with increasing
//! offsets, after which an append lands at the log end offset.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use strom::log::{LogConfig, PartitionLog};
use strom_protocol::records::{batches, validate_batch, BatchBuilder, Compression};

fn dir() -> PathBuf {
    std::env::temp_dir().join(format!("strom-fuzz-recovery-{}", std::process::id()))
}

/// The offset after the longest prefix of `segment` made of whole batches that pass their
/// CRC, with offsets continuing from 0 and fitting a segment's u32 relative offsets: what
/// recovery must keep (it may not cut a valid batch).
fn valid_prefix_next_offset(segment: &[u8]) -> i64 {
    let mut expected = 0i64;
    for item in batches(segment) {
        let Ok((header, batch)) = item else { break };
        let fits = u32::try_from(header.last_offset()).is_ok();
        if header.base_offset != expected || !fits || validate_batch(batch).is_err() {
            break;
        }
        expected = header.next_offset();
    }
    expected
}

fuzz_target!(|data: &[u8]| {
    let dir = dir();
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    // First two bytes: how many of the remaining bytes go to the offset index.
    let (index_len, rest) = match data {
        [a, b, rest @ ..] => ((usize::from(*a) << 8 | usize::from(*b)).min(rest.len()), rest),
        _ => (0, data),
    };
    let (index, log_bytes) = rest.split_at(index_len);
    std::fs::write(dir.join("00000000000000000000.log"), log_bytes).unwrap();
    if !index.is_empty() {
        std::fs::write(dir.join("00000000000000000000.index"), index).unwrap();
    }
    let config = LogConfig {
        index_interval_bytes: 64,
        ..LogConfig::default()
    };
    let Ok(mut log) = PartitionLog::open(&dir, config) else {
        return; // an error is an allowed answer; a panic is not
    };
    let prefix_next_offset = valid_prefix_next_offset(log_bytes);
    assert!(
        log.log_end_offset() >= prefix_next_offset,
        "recovery cut a valid prefix: log end offset {} < {prefix_next_offset}",
        log.log_end_offset()
    );
    let mut offset = log.log_start_offset();
    let mut last = -1;
    while offset < log.log_end_offset() {
        let slice = log.read(offset, 1 << 20, true).expect("recovered log reads");
        assert!(slice.next_offset > offset, "read made no progress");
        for item in batches(&slice.records) {
            let (header, batch) = item.expect("whole batches");
            validate_batch(batch).expect("valid batches");
            assert!(header.base_offset > last, "offsets increase");
            last = header.last_offset();
        }
        offset = slice.next_offset;
    }
    let mut builder = BatchBuilder::new(Compression::None);
    builder.append(1, Some(b"k"), Some(b"v"), Vec::new()).unwrap();
    let mut batch = builder.build().unwrap();
    let end = log.log_end_offset();
    let info = log.append(&mut batch, 0).expect("appends after recovery");
    assert_eq!(info.first_offset, end);
});
