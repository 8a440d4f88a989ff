//! Unit tests of the partition log through its public API: offsets, reads, rolls, clean
//! reopen, crash recovery, index rebuilds and timestamp lookups.

use super::*;
use strom_protocol::records::{batches, validate_batch, BatchBuilder, Compression};

/// A batch of one record per value, timestamps `ts0`, `ts0 + 1`, ...
pub(super) fn batch(values: &[&str], ts0: i64) -> Vec<u8> {
    let mut builder = BatchBuilder::new(Compression::None);
    for (i, value) in values.iter().enumerate() {
        builder
            .append(
                ts0 + i as i64,
                Some(b"k"),
                Some(value.as_bytes()),
                Vec::new(),
            )
            .unwrap();
    }
    builder.build().unwrap()
}

/// Batches with offsets as stored: (base offset, record count) of each.
pub(super) fn shape(bytes: &[u8]) -> Vec<(i64, i32)> {
    batches(bytes)
        .map(|b| {
            let (header, batch) = b.unwrap();
            validate_batch(batch).unwrap();
            (header.base_offset, header.records_count)
        })
        .collect()
}

/// Every (offset, key, value) the log serves from its start, across compaction gaps.
pub(super) fn keyed_contents(log: &PartitionLog) -> Vec<(i64, String, Option<String>)> {
    keyed_contents_with(log, 1 << 20)
}

/// [`keyed_contents`] reading at most `max_bytes` at a time.
pub(super) fn keyed_contents_with(
    log: &PartitionLog,
    max_bytes: usize,
) -> Vec<(i64, String, Option<String>)> {
    let text =
        |b: &Option<bytes::Bytes>| b.as_ref().map(|b| String::from_utf8_lossy(b).into_owned());
    let mut out = Vec::new();
    let mut offset = log.log_start_offset();
    while offset < log.log_end_offset() {
        let slice = log.read(offset, max_bytes, true).unwrap();
        if slice.records.is_empty() {
            // Nothing stored from `offset` to the log end: compaction removed the last
            // batches of the sealed segments and the active one is empty (a retention roll).
            // Callers comparing with a model catch any record this would skip.
            assert_eq!(slice.next_offset, offset, "an empty read stays put");
            break;
        }
        assert!(
            slice.next_offset > offset,
            "read made no progress at {offset}"
        );
        for item in batches(&slice.records) {
            let (header, batch) = item.unwrap();
            for r in strom_protocol::records::decode_records(batch).unwrap() {
                if r.offset(&header) >= offset {
                    out.push((r.offset(&header), text(&r.key).unwrap(), text(&r.value)));
                }
            }
        }
        offset = slice.next_offset;
    }
    out
}

pub(super) fn small_config() -> LogConfig {
    LogConfig {
        segment_bytes: 400,
        index_interval_bytes: 100,
        ..LogConfig::default()
    }
}

pub(super) fn segment_path(dir: &Path, base_offset: i64, extension: &str) -> PathBuf {
    dir.join(segment::file_name(base_offset, extension))
}

/// Appends get consecutive offsets, patched into the caller's bytes, and a read returns
/// exactly those bytes.
#[test]
fn append_assigns_offsets_and_reads_back_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    let mut first = batch(&["a", "b", "c"], 1000);
    let mut second = [batch(&["d"], 2000), batch(&["e", "f"], 1500)].concat();
    let info = log.append(&mut first, 1).unwrap();
    assert_eq!(
        info,
        AppendInfo {
            first_offset: 0,
            last_offset: 2,
            max_timestamp: 1002,
            offset_of_max_timestamp: 0,
            log_start_offset: 0,
            duplicate: false,
            unflushed_messages: 3,
        }
    );
    let info = log.append(&mut second, 1).unwrap();
    assert_eq!((info.first_offset, info.last_offset), (3, 5));
    assert_eq!(
        (info.max_timestamp, info.offset_of_max_timestamp),
        (2000, 3)
    );
    assert_eq!(shape(&second), vec![(3, 1), (4, 2)]);
    assert_eq!(log.log_end_offset(), 6);
    assert_eq!(log.size_bytes(), (first.len() + second.len()) as u64);

    let all = log.read(0, 1 << 20, false).unwrap();
    assert_eq!(all.records, [first.clone(), second.clone()].concat());
    assert_eq!(all.next_offset, 6);
    // An offset inside a batch returns that whole batch first.
    let from_one = log.read(1, 1 << 20, false).unwrap();
    assert_eq!(shape(&from_one.records), vec![(0, 3), (3, 1), (4, 2)]);
    let from_five = log.read(5, 1 << 20, false).unwrap();
    let d_len = batch(&["d"], 2000).len();
    assert_eq!(from_five.records, second[d_len..]);
    assert_eq!(
        log.read(6, 1 << 20, true).unwrap(),
        ReadSlice {
            records: Bytes::new(),
            next_offset: 6
        }
    );
}

/// A limit below one batch returns exactly one whole batch when asked to, nothing
/// otherwise; a limit between batches returns only the whole ones that fit.
#[test]
fn max_bytes_and_min_one_batch() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    let mut one = batch(&["0123456789"; 5], 0);
    let mut two = batch(&["x"], 0);
    log.append(&mut one, 1).unwrap();
    log.append(&mut two, 1).unwrap();
    let slice = log.read(0, 10, true).unwrap();
    assert_eq!((slice.records.len(), slice.next_offset), (one.len(), 5));
    assert_eq!(log.read(0, 10, false).unwrap().records.len(), 0);
    assert_eq!(log.read(0, 10, false).unwrap().next_offset, 0);
    let slice = log.read(0, one.len() + two.len() - 1, false).unwrap();
    assert_eq!(shape(&slice.records), vec![(0, 5)]);
    let slice = log.read(0, one.len() + two.len(), false).unwrap();
    assert_eq!(shape(&slice.records), vec![(0, 5), (5, 1)]);
}

/// Offsets outside log_start_offset..=log_end_offset are out of range.
#[test]
fn out_of_range_offsets() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    log.append(&mut batch(&["a", "b"], 0), 1).unwrap();
    for offset in [-1, 3, i64::MAX] {
        match log.read(offset, 100, true) {
            Err(LogError::OffsetOutOfRange {
                offset: o,
                log_start_offset: 0,
                log_end_offset: 2,
            }) => assert_eq!(o, offset),
            other => panic!("offset {offset}: {other:?}"),
        }
    }
}

/// Small segments roll by size; every offset reads back from the batch holding it, and a
/// read near a segment's end continues in the next segment on the following call.
#[test]
fn reads_across_segment_rolls() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    let batch_len = batch(&["a", "b"], 0).len() as u64;
    for i in 0..20 {
        let info = log.append(&mut batch(&["a", "b"], i * 10), 1).unwrap();
        assert_eq!((info.first_offset, info.last_offset), (2 * i, 2 * i + 1));
    }
    let per_segment = 400 / batch_len;
    assert_eq!(log.segment_count() as u64, 20_u64.div_ceil(per_segment));
    assert!(segment_path(dir.path(), 2 * per_segment as i64, "log").exists());
    for offset in 0..40 {
        let slice = log.read(offset, 1, true).unwrap();
        assert_eq!(
            shape(&slice.records),
            vec![(offset / 2 * 2, 2)],
            "offset {offset}"
        );
    }
    let mut offset = 0;
    let mut seen = Vec::new();
    while offset < 40 {
        let slice = log.read(offset, 1 << 20, false).unwrap();
        seen.extend(shape(&slice.records).into_iter().map(|(base, _)| base));
        offset = slice.next_offset;
    }
    assert_eq!(seen, (0..20).map(|i| i * 2).collect::<Vec<_>>());
}

/// A segment older than segment_ms (by the `now_ms` passed in) rolls on the next append.
#[test]
fn rolls_by_time() {
    let dir = tempfile::tempdir().unwrap();
    let config = LogConfig {
        segment_ms: 1000,
        ..LogConfig::default()
    };
    let mut log = PartitionLog::open(dir.path(), config).unwrap();
    log.append(&mut batch(&["a"], 0), 5_000).unwrap();
    log.append(&mut batch(&["b"], 0), 5_999).unwrap();
    assert_eq!(log.segment_count(), 1);
    log.append(&mut batch(&["c"], 0), 6_000).unwrap();
    assert_eq!(log.segment_count(), 2);
    assert!(segment_path(dir.path(), 2, "log").exists());
    assert_eq!(
        shape(&log.read(2, 1 << 20, true).unwrap().records),
        vec![(2, 1)]
    );
}

/// After a reopen, `segment.ms` counts from the active segment's first batch timestamp,
/// not from the first append after the open.
#[test]
fn reopened_segment_rolls_by_its_first_batch_time() {
    let dir = tempfile::tempdir().unwrap();
    let config = LogConfig {
        segment_ms: 1000,
        ..LogConfig::default()
    };
    let mut log = PartitionLog::open(dir.path(), config.clone()).unwrap();
    // Record timestamps 5000 (the batch's max: 5000).
    log.append(&mut batch(&["a"], 5_000), 5_000).unwrap();
    drop(log);
    let mut log = PartitionLog::open(dir.path(), config.clone()).unwrap();
    log.append(&mut batch(&["b"], 5_500), 5_500).unwrap();
    assert_eq!(log.segment_count(), 1);
    log.append(&mut batch(&["c"], 6_000), 6_000).unwrap();
    assert_eq!(log.segment_count(), 2);
    drop(log);
    // A segment whose batches carry no timestamp counts from the first append again.
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), config.clone()).unwrap();
    log.append(&mut batch(&["a"], -1), 5_000).unwrap();
    drop(log);
    let mut log = PartitionLog::open(dir.path(), config).unwrap();
    log.append(&mut batch(&["b"], -1), 9_000).unwrap();
    log.append(&mut batch(&["c"], -1), 9_999).unwrap();
    assert_eq!(log.segment_count(), 1);
}

/// Oversized batches and malformed input are refused without changing the log.
#[test]
fn append_rejects_bad_input() {
    let dir = tempfile::tempdir().unwrap();
    let config = LogConfig {
        max_message_bytes: 100,
        ..LogConfig::default()
    };
    let mut log = PartitionLog::open(dir.path(), config).unwrap();
    let mut big = batch(&["0123456789"; 10], 0);
    let size = big.len();
    assert!(matches!(
        log.append(&mut big, 1),
        Err(LogError::MessageTooLarge { size: s, max: 100 }) if s == size
    ));
    let mut torn = batch(&["a"], 0);
    torn.pop();
    assert!(matches!(
        log.append(&mut torn, 1),
        Err(LogError::InvalidBatch(_))
    ));
    assert!(matches!(
        log.append(&mut [], 1),
        Err(LogError::InvalidBatch(_))
    ));
    assert_eq!((log.log_end_offset(), log.size_bytes()), (0, 0));
}

/// After a clean close everything is back without a scan, the marker is gone, and
/// appends continue at the right offset with the same index behaviour.
#[test]
fn reopen_after_clean_close() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    for i in 0..10 {
        log.append(&mut batch(&["x", "y"], i), 1).unwrap();
    }
    let before = log.read(0, 1 << 20, false).unwrap();
    let (segments, size) = (log.segment_count(), log.size_bytes());
    log.close().unwrap();
    assert!(dir.path().join(CLEAN_SHUTDOWN_MARKER).exists());
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    assert!(!dir.path().join(CLEAN_SHUTDOWN_MARKER).exists());
    assert_eq!(
        (log.log_end_offset(), log.segment_count(), log.size_bytes()),
        (20, segments, size)
    );
    assert_eq!(log.read(0, 1 << 20, false).unwrap(), before);
    assert_eq!(
        log.append(&mut batch(&["z"], 99), 1).unwrap().first_offset,
        20
    );
    assert_eq!(
        shape(&log.read(20, 1 << 20, true).unwrap().records),
        vec![(20, 1)]
    );
}

/// close_clean on a log still in use writes the marker, and the next append removes it
/// so that a crash after that append is still detected.
#[test]
fn append_after_close_clean_removes_marker() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    log.append(&mut batch(&["a"], 0), 1).unwrap();
    log.close_clean().unwrap();
    assert!(dir.path().join(CLEAN_SHUTDOWN_MARKER).exists());
    log.append(&mut batch(&["b"], 0), 1).unwrap();
    assert!(!dir.path().join(CLEAN_SHUTDOWN_MARKER).exists());
}

/// One append of several batches writes the index entries each batch makes due: with
/// an interval of 0 every batch but the first gets an offset entry, and a time entry
/// whenever the largest timestamp grew. Lookups by time use them.
#[test]
fn index_entries_of_one_append() {
    let dir = tempfile::tempdir().unwrap();
    let config = LogConfig {
        index_interval_bytes: 0,
        ..LogConfig::default()
    };
    let mut log = PartitionLog::open(dir.path(), config).unwrap();
    let parts: Vec<Vec<u8>> = [100, 300, 200, 400, 50]
        .iter()
        .map(|&ts| batch(&["v"], ts))
        .collect();
    let len = parts[0].len() as u32;
    log.append(&mut parts.concat(), 1).unwrap();
    let words = |extension| {
        let bytes = std::fs::read(segment_path(dir.path(), 0, extension)).unwrap();
        bytes
            .chunks(4)
            .map(|w| u32::from_be_bytes(w.try_into().unwrap()))
            .collect::<Vec<_>>()
    };
    assert_eq!(
        words("index"),
        vec![1, len, 2, 2 * len, 3, 3 * len, 4, 4 * len]
    );
    assert_eq!(words("timeindex"), vec![0, 300, 1, 0, 400, 3]);
    assert_eq!(log.offset_for_timestamp(250).unwrap(), Some((1, 300)));
    assert_eq!(log.offset_for_timestamp(350).unwrap(), Some((3, 400)));
    assert_eq!(log.max_timestamp().unwrap(), Some((400, 3)));
}

/// Timestamp lookups find the first record at or after a time, across segments, and
/// the largest timestamp with its record's offset; an empty log has neither.
#[test]
fn offsets_by_timestamp() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    assert_eq!(log.max_timestamp().unwrap(), None);
    assert_eq!(log.offset_for_timestamp(0).unwrap(), None);
    for i in 0..10 {
        log.append(&mut batch(&["a", "b"], 1000 + i * 100), 1)
            .unwrap();
    }
    // An older batch after newer ones does not move the maximum.
    log.append(&mut batch(&["late"], 500), 1).unwrap();
    assert!(log.segment_count() > 1);
    assert_eq!(log.offset_for_timestamp(0).unwrap(), Some((0, 1000)));
    assert_eq!(log.offset_for_timestamp(1001).unwrap(), Some((1, 1001)));
    assert_eq!(log.offset_for_timestamp(1050).unwrap(), Some((2, 1100)));
    assert_eq!(log.offset_for_timestamp(1901).unwrap(), Some((19, 1901)));
    assert_eq!(log.offset_for_timestamp(1902).unwrap(), None);
    assert_eq!(log.max_timestamp().unwrap(), Some((1901, 19)));
    log.close().unwrap();
    // The same answers from indexes and tails read back on open.
    let log = PartitionLog::open(dir.path(), small_config()).unwrap();
    assert_eq!(log.offset_for_timestamp(1450).unwrap(), Some((10, 1500)));
    assert_eq!(log.max_timestamp().unwrap(), Some((1901, 19)));
}

/// delete removes the whole partition directory.
#[test]
fn delete_removes_directory() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("topic-0");
    let mut log = PartitionLog::open(&path, LogConfig::default()).unwrap();
    log.append(&mut batch(&["a"], 0), 1).unwrap();
    log.delete().unwrap();
    assert!(!path.exists());
}

/// `read_file` names exactly the bytes `read` returns, for every offset and limit, across
/// several segments and index entries, including the oversized-first-batch case.
#[test]
fn read_file_matches_read_for_every_offset_and_limit() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    for i in 0..40 {
        let values: Vec<String> = (0..1 + i % 4).map(|j| format!("v{i}-{j}")).collect();
        let refs: Vec<&str> = values.iter().map(String::as_str).collect();
        log.append(&mut batch(&refs, 1000 + i as i64), 1).unwrap();
    }
    assert!(log.segments.len() > 3, "the test needs several segments");
    let end = log.log_end_offset();
    for offset in 0..=end {
        for max_bytes in [0usize, 1, 60, 100, 150, 230, 399, 1000, 1 << 20] {
            for min_one in [false, true] {
                let read = log.read(offset, max_bytes, min_one).unwrap();
                let slice = log.read_file(offset, max_bytes, min_one).unwrap();
                let bytes = slice.map(|s| s.read().unwrap()).unwrap_or_default();
                assert_eq!(
                    bytes, read.records,
                    "offset {offset} max {max_bytes} {min_one}"
                );
            }
        }
    }
    assert!(matches!(
        log.read_file(end + 1, 100, true),
        Err(LogError::OffsetOutOfRange { .. })
    ));
}

/// A failed fsync (the active segment is /dev/null, whose fsync fails with EINVAL) takes
/// the log directory offline: that flush fails, and from then on every log sharing the
/// directory's health refuses appends, reads and flushes.
#[test]
fn failed_fsync_takes_the_directory_offline() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("broken-0");
    std::fs::create_dir_all(&broken).unwrap();
    std::os::unix::fs::symlink("/dev/null", segment_path(&broken, 0, "log")).unwrap();
    let health = Arc::new(DirHealth::default());
    let mut log = PartitionLog::open(&broken, LogConfig::default()).unwrap();
    log.set_dir_health(Arc::clone(&health));
    let mut other = PartitionLog::open(&dir.path().join("fine-0"), LogConfig::default()).unwrap();
    other.set_dir_health(Arc::clone(&health));
    assert_eq!(
        other.append(&mut batch(&["a"], 1), 0).unwrap().first_offset,
        0
    );
    assert_eq!(
        log.append(&mut batch(&["b"], 1), 0).unwrap().first_offset,
        0
    );
    assert!(!health.is_offline());

    let error = log.flush().unwrap_err();
    assert!(error.is_fsync_failure(), "{error}");
    assert!(health.is_offline());
    assert!(matches!(
        log.append(&mut batch(&["c"], 1), 0),
        Err(LogError::Offline)
    ));
    assert!(matches!(
        other.append(&mut batch(&["d"], 1), 0),
        Err(LogError::Offline)
    ));
    assert!(matches!(
        other.read(0, 1 << 20, true),
        Err(LogError::Offline)
    ));
    assert!(matches!(
        other.read_file(0, 1 << 20, true),
        Err(LogError::Offline)
    ));
    assert!(matches!(other.flush(), Err(LogError::Offline)));
    assert!(matches!(other.close_clean(), Err(LogError::Offline)));
    assert_eq!(
        other.log_end_offset(),
        1,
        "nothing appended after going offline"
    );
}

/// A failed fsync of an atomic checkpoint write (the temporary file is /dev/null) takes the
/// directory offline too: DeleteRecords' log-start checkpoint fails and the log is offline.
#[test]
fn failed_checkpoint_fsync_takes_the_directory_offline() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    log.append(&mut batch(&["a", "b"], 1), 0).unwrap();
    let temp = dir
        .path()
        .join(format!("{LOG_START_CHECKPOINT}{}", checkpoint::TEMP_SUFFIX));
    std::os::unix::fs::symlink("/dev/null", &temp).unwrap();
    let error = log.delete_records_before(1).unwrap_err();
    assert!(error.is_fsync_failure(), "{error}");
    assert!(log.dir_health().is_offline());
    assert_eq!(log.log_start_offset(), 0);
    assert!(matches!(
        log.append(&mut batch(&["c"], 1), 0),
        Err(LogError::Offline)
    ));
}

/// The high watermark follows every append (one node: committed on append) and bounds
/// reads and DeleteRecords: one past it is out of range, at it a read is empty.
#[test]
fn high_watermark_bounds_reads_and_deletes() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    assert_eq!(log.high_watermark(), 0);
    log.append(&mut batch(&["a", "b", "c"], 1), 0).unwrap();
    assert_eq!(log.high_watermark(), 3);
    assert_eq!(log.high_watermark(), log.log_end_offset());
    assert_eq!(log.read(3, 1 << 20, true).unwrap().records.len(), 0);
    assert!(log.read_file(3, 1 << 20, true).unwrap().is_none());
    assert!(matches!(
        log.read(4, 1 << 20, true),
        Err(LogError::OffsetOutOfRange { offset: 4, .. })
    ));
    assert!(matches!(
        log.read_file(4, 1 << 20, true),
        Err(LogError::OffsetOutOfRange { offset: 4, .. })
    ));
    assert!(matches!(
        log.delete_records_before(4),
        Err(LogError::OffsetOutOfRange { offset: 4, .. })
    ));
    assert_eq!(log.delete_records_before(3).unwrap(), 3);
}
