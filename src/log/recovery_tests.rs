//! Unit tests of opening a log after a clean close or a crash: torn and corrupt tails,
//! damaged index files, and what the clean-shutdown marker may and may not skip.

use super::tests::{batch, keyed_contents, segment_path, shape, small_config};
use super::*;
use std::io::Write;
use strom_protocol::records::validate_batch;

/// A crash that leaves half a batch at the tail is recovered by cutting back to the last
/// whole batch; the next append continues from there.
#[test]
fn recovery_truncates_torn_tail() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    for i in 0..5 {
        log.append(&mut batch(&["a", "b", "c"], i), 1).unwrap();
    }
    let good_size = log.size_bytes();
    drop(log); // no close: a crash
    let path = segment_path(dir.path(), 0, "log");
    let half = batch(&["torn"], 7);
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    file.write_all(&half[..half.len() / 2]).unwrap();
    drop(file);
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    assert_eq!((log.log_end_offset(), log.size_bytes()), (15, good_size));
    assert_eq!(std::fs::metadata(&path).unwrap().len(), good_size);
    assert_eq!(
        log.append(&mut batch(&["next"], 8), 1)
            .unwrap()
            .first_offset,
        15
    );
    assert_eq!(
        shape(&log.read(15, 1 << 20, true).unwrap().records),
        vec![(15, 1)]
    );
}

/// Garbage after the last batch, and a flipped bit inside a batch, are both cut: the
/// log ends right before the first bad byte's batch.
#[test]
fn recovery_truncates_garbage_and_bad_crc() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    let sizes: Vec<usize> = (0..4)
        .map(|i| {
            let mut b = batch(&["v"; 3], i);
            log.append(&mut b, 1).unwrap();
            b.len()
        })
        .collect();
    drop(log);
    let path = segment_path(dir.path(), 0, "log");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(&[0xAB; 100]);
    std::fs::write(&path, &bytes).unwrap();
    let log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    assert_eq!(log.log_end_offset(), 12);
    drop(log);
    // Flip a byte inside the third batch's records: its CRC fails, and it and the fourth go.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[sizes[0] + sizes[1] + 70] ^= 0x55;
    std::fs::write(&path, &bytes).unwrap();
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    assert_eq!(
        (log.log_end_offset(), log.size_bytes()),
        (6, (sizes[0] + sizes[1]) as u64)
    );
    assert_eq!(
        log.append(&mut batch(&["w"], 9), 1).unwrap().first_offset,
        6
    );
}

/// After a clean close the active segment is not scanned (a bad CRC in an old batch goes
/// unnoticed, as in Kafka); after a crash without a recovery point it is, and the log is
/// cut before that batch. (With one, flushed bytes are trusted: see the tests below.)
#[test]
fn clean_open_skips_the_scan_and_unclean_open_does_not() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    let first = batch(&["a"], 0);
    log.append(&mut first.clone(), 1).unwrap();
    log.append(&mut batch(&["b"], 0), 1).unwrap();
    log.close().unwrap();
    let path = segment_path(dir.path(), 0, "log");
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[first.len() - 1] ^= 0x01;
    std::fs::write(&path, &bytes).unwrap();
    let log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    assert_eq!(log.log_end_offset(), 2);
    drop(log); // a crash
    std::fs::remove_file(dir.path().join(recovery_point::RECOVERY_POINT_CHECKPOINT)).unwrap();
    let log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    assert_eq!((log.log_end_offset(), log.size_bytes()), (0, 0));
}

/// A rebuilt index equals the one appends wrote, whether the file was deleted or
/// damaged, in a sealed or in the active segment; reads stay right.
#[test]
fn damaged_indexes_are_rebuilt_identically() {
    let dir = tempfile::tempdir().unwrap();
    // 25 batches a segment: 3 segments of 25, 25 and 10 batches.
    let config = LogConfig {
        segment_bytes: 25 * batch(&["v"; 2], 0).len() as u64,
        index_interval_bytes: 150,
        ..LogConfig::default()
    };
    let mut log = PartitionLog::open(dir.path(), config.clone()).unwrap();
    for i in 0..60 {
        log.append(&mut batch(&["v"; 2], 1000 + i * 10), 1).unwrap();
    }
    assert_eq!(log.segment_count(), 3);
    let active_base = log.segments[2].base_offset();
    assert_eq!(active_base, 100);
    log.close().unwrap();
    let files = |base| {
        ["index", "timeindex"].map(|e| std::fs::read(segment_path(dir.path(), base, e)).unwrap())
    };
    let (sealed_before, active_before) = (files(0), files(active_base));
    assert!(!sealed_before[0].is_empty() && !sealed_before[1].is_empty());

    std::fs::remove_file(segment_path(dir.path(), 0, "index")).unwrap();
    std::fs::write(
        segment_path(dir.path(), active_base, "timeindex"),
        [1, 2, 3],
    )
    .unwrap();
    let log = PartitionLog::open(dir.path(), config.clone()).unwrap();
    assert_eq!(log.log_end_offset(), 120);
    for offset in [0, 7, 55, active_base, 119] {
        let slice = log.read(offset, 1, true).unwrap();
        assert_eq!(shape(&slice.records), vec![(offset / 2 * 2, 2)]);
    }
    log.close().unwrap();
    assert_eq!(files(0), sealed_before);
    assert_eq!(files(active_base), active_before);

    // An index that lost its last entries is noticed by the tail check and rebuilt.
    let index = segment_path(dir.path(), 0, "index");
    std::fs::write(&index, &sealed_before[0][..8]).unwrap();
    let log = PartitionLog::open(dir.path(), config.clone()).unwrap();
    log.close().unwrap();
    assert_eq!(files(0), sealed_before);

    // Entries out of order are damage too.
    let mut bytes = std::fs::read(&index).unwrap();
    bytes[..16].rotate_left(8);
    std::fs::write(&index, &bytes).unwrap();
    let log = PartitionLog::open(dir.path(), config).unwrap();
    assert_eq!(
        shape(&log.read(33, 1, true).unwrap().records),
        vec![(32, 2)]
    );
    log.close().unwrap();
    assert_eq!(files(0), sealed_before);
}

/// A sealed segment that has to be recovered and loses its tail takes the later segments
/// with it, so offsets stay contiguous.
#[test]
fn corrupt_sealed_segment_drops_later_segments() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    for i in 0..20 {
        log.append(&mut batch(&["a", "b"], i), 1).unwrap();
    }
    let first_end = log.segments[1].base_offset();
    drop(log);
    let path = segment_path(dir.path(), 0, "log");
    let mut bytes = std::fs::read(&path).unwrap();
    let last = bytes.len() - 1;
    bytes[last] ^= 0xFF;
    std::fs::write(&path, &bytes).unwrap();
    std::fs::remove_file(segment_path(dir.path(), 0, "index")).unwrap();
    let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
    assert_eq!(
        (log.segment_count(), log.log_end_offset()),
        (1, first_end - 2)
    );
    assert!(!segment_path(dir.path(), first_end, "log").exists());
    assert_eq!(
        log.append(&mut batch(&["c"], 0), 1).unwrap().first_offset,
        first_end - 2
    );
}

/// A clean-shutdown marker does not make the log trust bytes it does not account for:
/// a whole batch beyond the marker's offset is validated (here its CRC fails), and a
/// partial batch after the trusted tail is cut.
#[test]
fn marker_does_not_hide_unexpected_bytes() {
    let dir = tempfile::tempdir().unwrap();
    let first = batch(&["a"], 0);
    let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    log.append(&mut first.clone(), 1).unwrap();
    log.close().unwrap();
    let path = segment_path(dir.path(), 0, "log");
    let mut bad = batch(&["b"], 0);
    set_base_offset(&mut bad, 1);
    let last = bad.len() - 1;
    bad[last] ^= 0x01;
    std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap()
        .write_all(&bad)
        .unwrap();
    let log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    assert_eq!(
        (log.log_end_offset(), log.size_bytes()),
        (1, first.len() as u64)
    );
    log.close().unwrap();

    let mut good = batch(&["b"], 0);
    set_base_offset(&mut good, 1);
    let mut file = std::fs::OpenOptions::new()
        .append(true)
        .open(&path)
        .unwrap();
    file.write_all(&good).unwrap();
    file.write_all(&good[..30]).unwrap();
    drop(file);
    let log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
    assert_eq!(log.log_end_offset(), 2);
    assert_eq!(log.size_bytes(), (first.len() + good.len()) as u64);
}

/// Randomised damage (seeded; printed): any mix of flipped bytes, cut tails and appended
/// garbage in the active segment and its indexes. Opening never panics or fails, and what
/// the log then serves is exactly a prefix of the batches originally written, each whole
/// and valid; appends continue right after it.
#[test]
fn random_damage_keeps_a_valid_prefix() {
    let seed = std::env::var("STROM_DAMAGE_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("seed {seed}");
    let mut state = seed;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    for round in 0..200 {
        let dir = tempfile::tempdir().unwrap();
        let mut log = PartitionLog::open(dir.path(), small_config()).unwrap();
        let mut written = Vec::new();
        for i in 0..(1 + next() % 12) {
            let mut b = batch(&["value", "another value"], i as i64);
            log.append(&mut b, 0).unwrap();
            written.push(b);
        }
        let active = log.active().base_offset();
        drop(log); // unclean
        for extension in ["log", "index", "timeindex"] {
            let path = segment_path(dir.path(), active, extension);
            let mut bytes = std::fs::read(&path).unwrap();
            match next() % 4 {
                0 if !bytes.is_empty() => {
                    for _ in 0..(1 + next() % 4) {
                        let at = (next() as usize) % bytes.len();
                        bytes[at] ^= 1 << (next() % 8);
                    }
                }
                1 => bytes.truncate((next() as usize) % (bytes.len() + 1)),
                2 => bytes.extend((0..(next() % 300)).map(|_| next() as u8)),
                _ => {}
            }
            std::fs::write(&path, &bytes).unwrap();
        }
        let mut log = PartitionLog::open(dir.path(), small_config())
            .unwrap_or_else(|e| panic!("seed {seed} round {round}: open failed: {e}"));
        let mut served = Vec::new();
        let mut offset = log.log_start_offset();
        while offset < log.log_end_offset() {
            let slice = log.read(offset, 1 << 20, true).unwrap();
            for item in batches(&slice.records) {
                let (_, b) = item.unwrap();
                validate_batch(b).unwrap();
                served.push(b.to_vec());
            }
            offset = slice.next_offset;
        }
        assert!(served.len() <= written.len(), "seed {seed} round {round}");
        for (i, (got, want)) in served.iter().zip(&written).enumerate() {
            // The partition leader epoch (bytes 12..16) is outside the CRC, in Kafka's
            // format as here: damage to it cannot be detected, so it is not compared.
            let (mut got, mut want) = (got.clone(), want.clone());
            got[12..16].fill(0);
            want[12..16].fill(0);
            let at = got.iter().zip(&want).position(|(a, b)| a != b);
            assert!(
                got == want,
                "seed {seed} round {round}: batch {i} differs at byte {at:?} (lengths {} {})",
                got.len(),
                want.len()
            );
        }
        let next_offset = log.log_end_offset();
        let info = log.append(&mut batch(&["after"], 0), 0).unwrap();
        assert_eq!(info.first_offset, next_offset, "seed {seed} round {round}");
    }
}

fn indexed_config() -> LogConfig {
    LogConfig {
        index_interval_bytes: 100,
        ..LogConfig::default()
    }
}

/// Appends `count` one-record batches numbered from `first`.
fn append_values(log: &mut PartitionLog, first: usize, count: usize) {
    for i in first..first + count {
        log.append(&mut batch(&[&format!("value-{i:04}")], i as i64), 0)
            .unwrap();
    }
}

/// After a flush and a crash, recovery validates only the active segment's bytes past the
/// recovery point (exactly the unflushed tail), keeps every batch, and indexes agree.
#[test]
fn recovery_validates_only_past_the_recovery_point() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), indexed_config()).unwrap();
    append_values(&mut log, 0, 30);
    log.flush().unwrap();
    let flushed_bytes = log.size_bytes();
    append_values(&mut log, 30, 5);
    let total_bytes = log.size_bytes();
    let expected = keyed_contents(&log);
    drop(log); // a crash: no clean-shutdown marker

    let log = PartitionLog::open(dir.path(), indexed_config()).unwrap();
    let stats = log.recovery_stats();
    assert!(stats.used_recovery_point);
    assert_eq!(stats.bytes_validated, total_bytes - flushed_bytes);
    assert_eq!(log.log_end_offset(), 35);
    assert_eq!(keyed_contents(&log), expected);
    for offset in [0, 13, 29, 30, 34] {
        let slice = log.read(offset, 1, true).unwrap();
        assert_eq!(shape(&slice.records), vec![(offset, 1)]);
    }
}

/// A corrupt batch past the recovery point is still cut off, with everything after it.
#[test]
fn corrupt_tail_past_the_recovery_point_is_truncated() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), indexed_config()).unwrap();
    append_values(&mut log, 0, 20);
    log.flush().unwrap();
    let flushed_bytes = log.size_bytes();
    append_values(&mut log, 20, 4);
    let total_bytes = log.size_bytes();
    drop(log);
    // Flip a byte inside offset 22's batch (each batch has the same length).
    let batch_len = (total_bytes - flushed_bytes) / 4;
    let path = segment_path(dir.path(), 0, "log");
    let mut bytes = std::fs::read(&path).unwrap();
    let at = (flushed_bytes + 2 * batch_len + batch_len - 3) as usize;
    bytes[at] ^= 0xff;
    std::fs::write(&path, &bytes).unwrap();

    let log = PartitionLog::open(dir.path(), indexed_config()).unwrap();
    let stats = log.recovery_stats();
    assert!(stats.used_recovery_point);
    assert_eq!(stats.bytes_validated, total_bytes - flushed_bytes);
    assert_eq!(log.log_end_offset(), 22);
    assert_eq!(log.size_bytes(), flushed_bytes + 2 * batch_len);
    assert_eq!(keyed_contents(&log).len(), 22);
}

/// A recovery point that does not fit (the file is shorter than it says) is ignored and
/// removed: the segment is scanned whole.
#[test]
fn recovery_point_that_does_not_fit_is_ignored() {
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), indexed_config()).unwrap();
    append_values(&mut log, 0, 10);
    log.flush().unwrap();
    let size = log.size_bytes();
    drop(log);
    let point = recovery_point::RecoveryPoint {
        base_offset: 0,
        position: size + 100,
        next_offset: 12,
    };
    std::fs::write(
        dir.path().join(recovery_point::RECOVERY_POINT_CHECKPOINT),
        point.encode(),
    )
    .unwrap();
    let log = PartitionLog::open(dir.path(), indexed_config()).unwrap();
    let stats = log.recovery_stats();
    assert!(!stats.used_recovery_point);
    assert!(stats.ignored_recovery_point);
    assert_eq!(stats.bytes_validated, size);
    assert_eq!(log.log_end_offset(), 10);
    assert!(!dir
        .path()
        .join(recovery_point::RECOVERY_POINT_CHECKPOINT)
        .exists());
}
