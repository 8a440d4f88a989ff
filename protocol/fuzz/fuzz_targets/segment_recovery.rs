//! Arbitrary bytes as a partition's active segment (and, split off the input, its offset
//! index): opening the log must never panic, and what it then serves must be whole, valid
//! batches with increasing offsets, after which an append lands at the log end offset.

#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use strom::log::{LogConfig, PartitionLog};
use strom_protocol::records::{batches, validate_batch, BatchBuilder, Compression};

fn dir() -> PathBuf {
    std::env::temp_dir().join(format!("strom-fuzz-recovery-{}", std::process::id()))
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
    let (index, log) = rest.split_at(index_len);
    std::fs::write(dir.join("00000000000000000000.log"), log).unwrap();
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
