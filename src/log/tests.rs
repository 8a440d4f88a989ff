//! Unit tests of the partition log: offsets, reads, rolls, recovery and time lookups.

use super::*;
use std::io::Write;
use strom_protocol::records::{BatchBuilder, Compression};

fn batch(values: &[&str], ts0: i64) -> Vec<u8> {
    let mut builder = BatchBuilder::new(Compression::None);
    for (i, v) in values.iter().enumerate() {
        builder
            .append(ts0 + i as i64, Some(b"k"), Some(v.as_bytes()), Vec::new())
            .unwrap();
    }
    builder.build().unwrap()
}

fn small_config() -> LogConfig {
    LogConfig {
        segment_bytes: 400,
        index_interval_bytes: 100,
        ..LogConfig::default()
    }
}

fn base_offsets(bytes: &[u8]) -> Vec<i64> {
    records::batches(bytes)
        .map(|b| b.unwrap().0.base_offset)
        .collect()
}

/// Appends get consecutive offsets and reads return whole batches from the one holding the
/// requested offset, across segment rolls.
#[test]
fn append_and_read_across_segments() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    for i in 0..20 {
        let info = log.append(&mut batch(&["a", "b"], i * 10), 1).unwrap();
        assert_eq!((info.first_offset, info.last_offset), (2 * i, 2 * i + 1));
    }
    assert_eq!(log.log_end_offset(), 40);
    assert!(
        log.segments.len() > 3,
        "segments rolled: {}",
        log.segments.len()
    );
    let all = log.read(0, 1 << 20, true).unwrap();
    assert_eq!(base_offsets(&all)[0], 0);
    let mut seen = Vec::new();
    let mut offset = 0;
    while offset < 40 {
        let chunk = log.read(offset, 1 << 20, true).unwrap();
        let bases = base_offsets(&chunk);
        assert!(!bases.is_empty());
        offset = bases.last().unwrap() + 2;
        seen.extend(bases);
    }
    assert_eq!(seen, (0..20).map(|i| i * 2).collect::<Vec<_>>());
    assert_eq!(base_offsets(&log.read(13, 1 << 20, true).unwrap())[0], 12);
    assert_eq!(log.read(40, 1 << 20, true).unwrap().len(), 0);
    assert!(matches!(
        log.read(41, 100, true),
        Err(LogError::OffsetOutOfRange { .. })
    ));
    assert!(matches!(
        log.read(-1, 100, true),
        Err(LogError::OffsetOutOfRange { .. })
    ));
    // A limit below one batch returns one whole batch only when asked to.
    assert_eq!(base_offsets(&log.read(0, 10, true).unwrap()), vec![0]);
    assert_eq!(log.read(0, 10, false).unwrap().len(), 0);
}

/// After a clean close everything is back, and appends continue at the right offset.
#[test]
fn reopen_after_clean_close() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    for i in 0..10 {
        log.append(&mut batch(&["x"], i), 1).unwrap();
    }
    log.close_clean().unwrap();
    drop(log);
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    assert!(!dir.path().join(CLEAN_SHUTDOWN).exists());
    assert_eq!(log.log_end_offset(), 10);
    assert_eq!(
        log.append(&mut batch(&["y"], 99), 1).unwrap().first_offset,
        10
    );
    assert_eq!(base_offsets(&log.read(5, 1 << 20, true).unwrap())[0], 5);
}

/// A crash that leaves half a batch and garbage at the tail is recovered by truncating to
/// the last whole batch; the next append continues from there.
#[test]
fn recovery_truncates_torn_tail() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    for i in 0..5 {
        log.append(&mut batch(&["a", "b", "c"], i), 1).unwrap();
    }
    let good_size = log.size_bytes();
    drop(log); // no clean close: a crash
    let path = dir.path().join("00000000000000000000.log");
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    let half = batch(&["torn"], 7);
    file.write_all(&half[..half.len() / 2]).unwrap();
    drop(file);
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    assert_eq!(log.log_end_offset(), 15);
    assert_eq!(log.size_bytes(), good_size);
    assert_eq!(
        log.append(&mut batch(&["next"], 8), 1)
            .unwrap()
            .first_offset,
        15
    );

    // A corrupted byte inside the last batch drops that batch.
    drop(log);
    let mut bytes = std::fs::read(&path).unwrap();
    let last = bytes.len() - 2;
    bytes[last] ^= 0x55;
    std::fs::write(&path, &bytes).unwrap();
    let log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    assert_eq!(log.log_end_offset(), 15);
}

/// Damaged or missing index files are rebuilt and reads stay right.
#[test]
fn damaged_indexes_are_rebuilt() {
    let dir = tempfile::tempdir().unwrap();
    let config = LogConfig {
        index_interval_bytes: 64,
        ..LogConfig::default()
    };
    let mut log = PartitionLog::open(dir.path(), config.clone()).unwrap();
    for i in 0..30 {
        log.append(&mut batch(&["v"], i), 1).unwrap();
    }
    log.close_clean().unwrap();
    drop(log);
    std::fs::write(dir.path().join("00000000000000000000.index"), [1, 2, 3]).unwrap();
    let log = PartitionLog::open(dir.path(), config.clone()).unwrap();
    assert_eq!(log.log_end_offset(), 30);
    for offset in [0, 7, 29] {
        assert_eq!(
            base_offsets(&log.read(offset, 1 << 20, true).unwrap())[0],
            offset
        );
    }
    drop(log);
    std::fs::remove_file(dir.path().join("00000000000000000000.index")).unwrap();
    let log = PartitionLog::open(dir.path(), config).unwrap();
    assert_eq!(base_offsets(&log.read(17, 1 << 20, true).unwrap())[0], 17);
}

/// Time lookups find the first record at or after a time, and the newest timestamp.
#[test]
fn offsets_by_timestamp() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    assert_eq!(log.max_timestamp(), None);
    for i in 0..10 {
        log.append(&mut batch(&["a", "b"], 1000 + i * 100), 1)
            .unwrap();
    }
    assert_eq!(log.offset_for_timestamp(0), Some((0, 1000)));
    assert_eq!(log.offset_for_timestamp(1001), Some((1, 1001)));
    assert_eq!(log.offset_for_timestamp(1050), Some((2, 1100)));
    assert_eq!(log.offset_for_timestamp(1901), Some((19, 1901)));
    assert_eq!(log.offset_for_timestamp(1902), None);
    assert_eq!(log.max_timestamp(), Some((1901, 19)));
}
