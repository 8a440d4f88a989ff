//! Compaction with exact expected survivors, offsets kept, across reopen.

use super::cleaner::CompactionConfig;
use super::tests::keyed_contents as contents;
use super::*;
use strom_protocol::records::{BatchBuilder, Compression};

/// One batch of (key, value) records (None value: tombstone) at timestamp `ts`.
fn keyed(records: &[(&str, Option<&str>)], ts: i64, codec: Compression) -> Vec<u8> {
    let mut builder = BatchBuilder::new(codec);
    for (key, value) in records {
        builder
            .append(
                ts,
                Some(key.as_bytes()),
                value.map(str::as_bytes),
                Vec::new(),
            )
            .unwrap();
    }
    builder.build().unwrap()
}

fn config(ratio: f64) -> CompactionConfig {
    CompactionConfig {
        delete_retention_ms: 1_000,
        min_cleanable_dirty_ratio: ratio,
        min_compaction_lag_ms: 0,
    }
}

/// About one batch a segment.
fn small() -> LogConfig {
    LogConfig {
        segment_bytes: 150,
        index_interval_bytes: 50,
        ..LogConfig::default()
    }
}

fn row(offset: i64, key: &str, value: Option<&str>) -> (i64, String, Option<String>) {
    (offset, key.to_string(), value.map(str::to_string))
}

/// The latest record per key survives in the sealed segments, offsets unchanged; the
/// active segment is untouched; a tombstone stays until delete.retention.ms passed; the
/// result is the same after reopening, clean or not.
#[test]
fn compaction_keeps_latest_per_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), small()).unwrap();
    let writes: &[&[(&str, Option<&str>)]] = &[
        &[("a", Some("a0")), ("b", Some("b0"))],
        &[("a", Some("a1")), ("c", Some("c0"))],
        &[("b", Some("b1")), ("b", Some("b2"))],
        &[("c", None), ("d", Some("d0"))],
        &[("a", Some("a2"))],
        &[("e", Some("e0"))],
    ];
    for (i, records) in writes.iter().enumerate() {
        let codec = if i % 2 == 0 {
            Compression::Gzip
        } else {
            Compression::None
        };
        log.append(&mut keyed(records, 10_000, codec), 0).unwrap();
    }
    assert_eq!(log.segment_count(), 6, "one batch a segment");
    // Offsets 0..10: a0 b0 | a1 c0 | b1 b2 | c(tombstone) d0 | a2 | e0 (active).
    // Tombstone timestamps are 10_000: at now 10_500 they are inside delete.retention.ms.
    let stats = log
        .compact(10_500, config(0.0))
        .unwrap()
        .expect("a pass ran");
    assert_eq!(stats.records_removed, 5);
    assert_eq!(stats.segments_cleaned, 3);
    let expected = vec![
        row(5, "b", Some("b2")),
        row(6, "c", None),
        row(7, "d", Some("d0")),
        row(8, "a", Some("a2")),
        row(9, "e", Some("e0")),
    ];
    assert_eq!(contents(&log), expected);
    assert_eq!(log.cleaner_checkpoint(), 9);
    // Nothing new is dirty: the next pass does not run.
    assert_eq!(log.compact(10_500, config(0.5)).unwrap(), None);
    drop(log);
    let mut log = PartitionLog::open(dir.path(), small()).unwrap();
    assert_eq!(
        contents(&log),
        expected,
        "after a reopen without clean close"
    );
    assert_eq!(log.log_end_offset(), 10);
    // New data and a late pass: the tombstone is past its retention and goes; d1 wins.
    for records in [
        &[("d", Some("d1")), ("f", Some("f0"))][..],
        &[("g", Some("g0")), ("h", Some("h0")), ("i", Some("i0"))],
        &[("j", Some("j0")), ("k", Some("k0")), ("l", Some("l0"))],
    ] {
        log.append(&mut keyed(records, 20_000, Compression::Snappy), 0)
            .unwrap();
    }
    let shape: Vec<_> = log
        .segments
        .iter()
        .map(|s| (s.base_offset(), s.next_offset(), s.size()))
        .collect();
    log.compact(30_000, config(0.0))
        .unwrap()
        .unwrap_or_else(|| panic!("no pass ran: {shape:?} cp {}", log.cleaner_checkpoint()));
    let expected = vec![
        row(5, "b", Some("b2")),
        row(8, "a", Some("a2")),
        row(9, "e", Some("e0")),
        row(10, "d", Some("d1")),
        row(11, "f", Some("f0")),
        row(12, "g", Some("g0")),
        row(13, "h", Some("h0")),
        row(14, "i", Some("i0")),
        row(15, "j", Some("j0")),
        row(16, "k", Some("k0")),
        row(17, "l", Some("l0")),
    ];
    assert_eq!(contents(&log), expected);
    log.close().unwrap();
    let mut log = PartitionLog::open(dir.path(), small()).unwrap();
    assert_eq!(contents(&log), expected, "after a clean reopen");
    assert_eq!(log.log_end_offset(), 18);
    let info = log
        .append(&mut keyed(&[("m", Some("m0"))], 1, Compression::None), 0)
        .unwrap();
    assert_eq!(info.first_offset, 18);
}

/// The dirty ratio gates a pass, and segments younger than the compaction lag wait.
#[test]
fn ratio_and_lag_gate_passes() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), small()).unwrap();
    for i in 0..8 {
        let value = format!("v{i}");
        log.append(
            &mut keyed(
                &[("k", Some(&value)), ("x", Some("yyyyyyyyyyyyyyyyyy"))],
                1_000,
                Compression::None,
            ),
            0,
        )
        .unwrap();
    }
    assert!(log.segment_count() >= 2);
    let lagged = CompactionConfig {
        min_compaction_lag_ms: 5_000,
        ..config(0.0)
    };
    assert_eq!(log.compact(5_999, lagged).unwrap(), None, "too young");
    assert!(log.compact(6_000, lagged).unwrap().is_some());
    assert_eq!(
        log.compact(6_000, config(0.0)).unwrap(),
        None,
        "nothing dirty"
    );
}
