//! Tests of what moves the log start offset (retention, DeleteRecords) and of idempotent
//! producer state across reopen, clean or not.

use super::tests::{batch, segment_path, shape, small_config};
use super::*;
use strom_protocol::records::{BatchBuilder, Compression};

fn producer_batch(pid: i64, epoch: i16, seq: i32, values: &[&str]) -> Vec<u8> {
    let mut builder = BatchBuilder::new(Compression::None).producer(pid, epoch, seq);
    for value in values {
        builder
            .append(1_000, None, Some(value.as_bytes()), Vec::new())
            .unwrap();
    }
    builder.build().unwrap()
}

/// Appends batches with timestamps `ts`, one 3-record batch each, with segments of about
/// two batches (small_config); returns the log.
fn log_with(dir: &Path, timestamps: &[i64]) -> PartitionLog {
    let mut log = PartitionLog::open(dir, small_config()).unwrap();
    for &ts in timestamps {
        log.append(
            &mut batch(&["aaaaaaaaaa", "bbbbbbbbbb", "cccccccccc"], ts),
            ts,
        )
        .unwrap();
    }
    log
}

fn bases(log: &PartitionLog) -> Vec<i64> {
    log.segments.iter().map(Segment::base_offset).collect()
}

/// Time retention deletes exactly the segments whose newest record is older than the limit,
/// never the data of a younger one; an entirely expired log rolls and empties, keeping its
/// offsets.
#[test]
fn time_retention_deletes_expired_segments() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = log_with(dir.path(), &[100, 200, 300, 400, 500, 600, 700, 800, 900]);
    // Three batches a segment: newest timestamps 302, 602 and (active) 902.
    assert_eq!(bases(&log), vec![0, 9, 18]);
    assert_eq!(log.enforce_retention(1_000, 698, -1).unwrap(), 0);
    assert_eq!(log.enforce_retention(1_000, 697, -1).unwrap(), 1);
    assert_eq!((bases(&log), log.log_start_offset()), (vec![9, 18], 9));
    assert!(!segment_file(dir.path(), 0).exists());
    assert!(matches!(
        log.read(0, 1 << 20, true),
        Err(LogError::OffsetOutOfRange { .. })
    ));
    assert_eq!(log.read(9, 1 << 20, true).unwrap().next_offset, 18);
    // Everything expired: the active segment rolls and goes too.
    assert_eq!(log.enforce_retention(10_000, 100, -1).unwrap(), 2);
    assert_eq!((bases(&log), log.log_start_offset()), (vec![27], 27));
    assert_eq!(log.log_end_offset(), 27);
    drop(log);
    let log = PartitionLog::open(dir.path(), small_config()).unwrap();
    assert_eq!((log.log_start_offset(), log.log_end_offset()), (27, 27));
}

fn segment_file(dir: &Path, base: i64) -> PathBuf {
    dir.join(segment::file_name(base, "log"))
}

/// Size retention keeps the log at or above the limit: it deletes the oldest segments while
/// the rest still hold at least `retention_bytes`; never the active segment.
#[test]
fn size_retention_keeps_at_least_the_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = log_with(dir.path(), &[1, 2, 3, 4, 5, 6, 7]);
    let sizes: Vec<u64> = log.segments.iter().map(Segment::size).collect();
    assert_eq!(
        (bases(&log), sizes.clone()),
        (vec![0, 9, 18], vec![345, 345, 115])
    );
    let total: u64 = sizes.iter().sum();
    // Deleting the first segment would leave exactly total - sizes[0]: allowed at that limit.
    let limit = (total - sizes[0]) as i64;
    assert_eq!(log.enforce_retention(0, -1, limit + 1).unwrap(), 0);
    assert_eq!(log.enforce_retention(0, -1, limit).unwrap(), 1);
    assert_eq!(log.log_start_offset(), 9);
    assert_eq!(
        log.enforce_retention(0, -1, 0).unwrap(),
        1,
        "never the active segment"
    );
    assert_eq!(bases(&log), vec![18]);
    assert_eq!(log.size_bytes(), sizes[2]);
}

/// DeleteRecords moves the start inside a segment, never backwards, never past the end, and
/// the new start survives reopening (clean and after a crash).
#[test]
fn delete_records_moves_start_durably() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = log_with(dir.path(), &[1, 2, 3, 4, 5]);
    assert_eq!((bases(&log), log.log_end_offset()), (vec![0, 9], 15));
    assert_eq!(log.delete_records_before(4).unwrap(), 4);
    assert_eq!(bases(&log), vec![0, 9], "segment 0 still holds 4 to 8");
    assert_eq!(log.delete_records_before(2).unwrap(), 4, "never backwards");
    assert!(matches!(
        log.delete_records_before(16),
        Err(LogError::OffsetOutOfRange { .. })
    ));
    assert_eq!(log.delete_records_before(10).unwrap(), 10);
    assert_eq!(bases(&log), vec![9]);
    // A read below the start is out of range; at the start it returns the batch holding it.
    assert!(log.read(8, 1 << 20, true).is_err());
    let slice = log.read(10, 1 << 20, true).unwrap();
    assert_eq!((slice.next_offset, shape(&slice.records)[0]), (15, (9, 3)));
    drop(log); // no clean close: as after a crash
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    assert_eq!((log.log_start_offset(), log.log_end_offset()), (10, 15));
    assert_eq!(log.delete_records_before(15).unwrap(), 15);
    log.close().unwrap();
    let log = PartitionLog::open(dir.path(), small_config()).unwrap();
    assert_eq!((log.log_start_offset(), log.log_end_offset()), (15, 15));
}

/// After a crash (no clean close, no snapshot at the end) the producer state is rebuilt
/// from the batch headers: retries are still recognised with their original offsets.
#[test]
fn producer_state_replays_after_crash() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    let mut stored = Vec::new();
    for seq in 0..6 {
        let mut b = producer_batch(5, 0, seq * 2, &["xxxxxxxxxxxxxxxxxxxx", "y"]);
        let info = log.append(&mut b, 10).unwrap();
        assert!(!info.duplicate);
        stored.push(info.first_offset);
    }
    assert!(log.segment_count() >= 2, "rolled, so a snapshot exists");
    drop(log);
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    for (i, seq) in (1..6).enumerate() {
        let info = log
            .append(
                &mut producer_batch(5, 0, seq * 2, &["xxxxxxxxxxxxxxxxxxxx", "y"]),
                20,
            )
            .unwrap();
        assert!(info.duplicate);
        assert_eq!(info.first_offset, stored[i + 1]);
    }
    assert_eq!(log.log_end_offset(), 12);
    assert!(matches!(
        log.append(&mut producer_batch(5, 0, 13, &["z"]), 20),
        Err(LogError::Sequence(SequenceError::OutOfOrder {
            expected: 12,
            ..
        }))
    ));
    assert_eq!(
        log.append(&mut producer_batch(5, 0, 12, &["z"]), 20)
            .unwrap()
            .first_offset,
        12
    );
}

/// A snapshot past the log end (its tail lost) is discarded, and a damaged snapshot falls
/// back to replaying the log: in both cases the state matches the log exactly.
#[test]
fn bad_snapshots_are_not_trusted() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    log.append(&mut producer_batch(9, 0, 0, &["a"]), 1).unwrap();
    log.close_clean().unwrap();
    let expected = log.producers().clone();
    drop(log);
    // A snapshot claiming state at offset 50 (beyond the end) and one that is garbage.
    std::fs::write(dir.path().join(segment::file_name(50, "snapshot")), b"junk").unwrap();
    std::fs::write(
        dir.path().join(segment::file_name(1, "snapshot")),
        b"STPS-bad",
    )
    .unwrap();
    let log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    assert!(!dir.path().join(segment::file_name(50, "snapshot")).exists());
    assert_eq!(log.producers().get(9).map(|e| e.batches.len()), Some(1));
    assert_eq!(
        log.producers().get(9).unwrap().batches,
        expected.get(9).unwrap().batches
    );
}

/// A segment's `.txnindex` goes with it: an orphan one (no `.log`) is removed on open, one
/// of a live segment is kept, and DeleteRecords' deletion of a segment removes its own.
#[test]
fn txn_index_goes_with_its_segment() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    for i in 0..20 {
        log.append(&mut batch(&[&format!("v{i:03}")], i), i)
            .unwrap();
    }
    assert!(log.segment_count() >= 3);
    let first_sealed = segment_path(dir.path(), 0, segment::TXN_INDEX_EXTENSION);
    std::fs::write(&first_sealed, b"").unwrap();
    let orphan = segment_path(dir.path(), 12_345, segment::TXN_INDEX_EXTENSION);
    std::fs::write(&orphan, b"").unwrap();
    log.close().unwrap();

    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    assert!(!orphan.exists(), "orphan transaction index removed on open");
    assert!(
        first_sealed.exists(),
        "a live segment keeps its transaction index"
    );
    let second_base = log.segments[1].base_offset();
    log.delete_records_before(second_base).unwrap();
    assert_eq!(log.segments[0].base_offset(), second_base);
    assert!(!first_sealed.exists(), "deleted with its segment");
    assert!(!segment_path(dir.path(), 0, segment::LOG_EXTENSION).exists());
}
