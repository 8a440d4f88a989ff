//! Model-based test: random sequences of append (with varied timestamps), read,
//! DeleteRecords, size retention, time retention, compaction (with tombstone expiry after
//! `delete.retention.ms`), `compact,delete` (retention then compaction, as the broker runs
//! them), clean and unclean reopen, checked after every step against a plain in-memory
//! model of what the log must hold. Seeds are printed; `STROM_MODEL_SEED=N` replays one,
//! `STROM_MODEL_RUNS=N` runs N random seeds (default 5).

use super::cleaner::CompactionConfig;
use super::tests::keyed_contents_with;
use super::*;
use std::collections::{BTreeMap, HashMap};
use strom_protocol::records::{decode_records, BatchBuilder, Compression};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// offset -> (key, value): what the log must serve.
type Model = BTreeMap<i64, (String, Option<String>)>;

/// offset -> (key, value, timestamp) of every record still in a segment file, including
/// those below the log start offset that DeleteRecords hid but whose segment remains: a
/// segment's age for time retention is its newest record's timestamp, and the cleaner
/// judges keys over all of them.
type Present = BTreeMap<i64, (String, Option<String>, i64)>;

/// What `enforce_retention(now_ms, retention_ms, -1)` must do, worked out from the model's
/// timestamps: the new log start offset. A segment is expired when its newest present
/// record is more than `retention_ms` old; one with no records (emptied by compaction) is
/// aged by its file's modification time, which is the wall clock, far after the model's
/// clock, so it never expires. The active segment, when expired and not empty, is rolled
/// and then deleted like the others.
fn expected_time_retention(
    log: &PartitionLog,
    present: &Present,
    now_ms: i64,
    retention_ms: i64,
) -> i64 {
    let expired = |base: i64, next: i64| {
        present
            .range(base..next)
            .map(|(_, (_, _, ts))| *ts)
            .max()
            .is_some_and(|newest| now_ms.saturating_sub(newest) > retention_ms)
    };
    let mut start = log.log_start_offset();
    let count = log.segments.len();
    for (i, segment) in log.segments.iter().enumerate() {
        let (base, next) = (segment.base_offset(), segment.next_offset());
        let last = i + 1 == count;
        if !expired(base, next) || (last && segment.size() == 0) {
            break;
        }
        // Deleting a segment starts the log at the next one (the rolled one for the last).
        start = start.max(if last {
            next
        } else {
            log.segments[i + 1].base_offset()
        });
    }
    start
}

/// Applies compaction to the model: below the active segment only the latest record of
/// each key stays, and tombstones older than `now_ms - delete_retention_ms` go too. Mirrors
/// when a pass runs at all: some sealed, non-empty segment past the cleaner checkpoint.
fn expect_compaction(
    log: &PartitionLog,
    model: &mut Model,
    present: &mut Present,
    now_ms: i64,
    delete_retention_ms: i64,
) {
    let sealed = &log.segments[..log.segments.len() - 1];
    let checkpoint = log.cleaner_checkpoint();
    let dirty = sealed
        .iter()
        .any(|s| s.size() > 0 && s.next_offset() > checkpoint);
    if !dirty {
        return;
    }
    let active_base = log.active().base_offset();
    // Keys are judged over every record still in the sealed segments, hidden ones included.
    let mut latest: HashMap<String, i64> = HashMap::new();
    for (offset, (key, _, _)) in present.range(..active_base) {
        latest.insert(key.clone(), *offset);
    }
    let horizon = now_ms.saturating_sub(delete_retention_ms);
    present.retain(|offset, (key, value, timestamp)| {
        *offset >= active_base
            || (latest[key.as_str()] == *offset && !(value.is_none() && *timestamp < horizon))
    });
    model.retain(|offset, _| present.contains_key(offset));
}

/// The log's records, read in small pieces (700 bytes) to exercise partial reads.
fn scan(log: &PartitionLog) -> Model {
    keyed_contents_with(log, 700)
        .into_iter()
        .map(|(offset, key, value)| (offset, (key, value)))
        .collect()
}

fn config() -> LogConfig {
    LogConfig {
        segment_bytes: 400,
        index_interval_bytes: 64,
        ..LogConfig::default()
    }
}

fn run(seed: u64, steps: usize) {
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let mut log = PartitionLog::open(dir.path(), config()).unwrap();
    let mut model = Model::new();
    let mut present = Present::new();
    // The model's clock: appends stamp records around it, retention and compaction read it.
    let mut clock = 10_000i64;
    let mut serial = 0u64;
    for step in 0..steps {
        let context = format!("seed {seed} step {step}");
        match rng.below(100) {
            0..=54 => {
                let codec =
                    [Compression::None, Compression::Gzip, Compression::Lz4][rng.below(3) as usize];
                let mut builder = BatchBuilder::new(codec);
                let count = 1 + rng.below(4);
                let mut records = Vec::new();
                clock += rng.below(400) as i64;
                for _ in 0..count {
                    // Out of order within a batch and across batches, as producers' clocks are.
                    let timestamp = clock - rng.below(300) as i64;
                    serial += 1;
                    let key = format!("k{}", rng.below(6));
                    let value = (rng.below(8) != 0)
                        .then(|| format!("v{serial}-{}", "x".repeat(rng.below(40) as usize)));
                    builder
                        .append(
                            timestamp,
                            Some(key.as_bytes()),
                            value.as_deref().map(str::as_bytes),
                            Vec::new(),
                        )
                        .unwrap();
                    records.push((key, value, timestamp));
                }
                let mut bytes = builder.build().unwrap();
                let info = log.append(&mut bytes, 0).unwrap();
                for (i, (key, value, timestamp)) in records.into_iter().enumerate() {
                    let offset = info.first_offset + i as i64;
                    present.insert(offset, (key.clone(), value.clone(), timestamp));
                    model.insert(offset, (key, value));
                }
            }
            55..=63 => {
                let (start, end) = (log.log_start_offset(), log.log_end_offset());
                let offset = start + rng.below((end - start + 1) as u64) as i64;
                let slice = log
                    .read(offset, 1 + rng.below(600) as usize, rng.below(2) == 0)
                    .unwrap();
                for item in batches(&slice.records) {
                    let (header, batch) = item.unwrap();
                    for r in decode_records(batch).unwrap() {
                        let at = r.offset(&header);
                        if at >= offset {
                            assert!(
                                model.contains_key(&at),
                                "{context}: served offset {at} not in the model"
                            );
                        }
                    }
                }
            }
            64..=68 => {
                let (start, end) = (log.log_start_offset(), log.log_end_offset());
                let offset = start + rng.below((end - start + 1) as u64) as i64;
                assert_eq!(
                    log.delete_records_before(offset).unwrap(),
                    offset,
                    "{context}"
                );
                model = model.split_off(&offset);
            }
            69..=72 => {
                let limit = rng.below(2000) as i64;
                log.enforce_retention(0, -1, limit).unwrap();
                assert!(log.size_bytes() as i64 >= limit.min(log.active().size() as i64));
                model = model.split_off(&log.log_start_offset());
                present = present.split_off(&log.segments[0].base_offset());
            }
            73..=77 => {
                let now_ms = clock + rng.below(400) as i64;
                let retention_ms = rng.below(1500) as i64;
                time_retention(
                    &mut log,
                    &mut model,
                    &mut present,
                    now_ms,
                    retention_ms,
                    &context,
                );
            }
            78..=84 => {
                let now_ms = clock;
                let delete_retention_ms = rng.below(1500) as i64;
                compaction(
                    &mut log,
                    &mut model,
                    &mut present,
                    now_ms,
                    delete_retention_ms,
                );
            }
            85..=88 => {
                // compact,delete: the broker runs retention, then compaction.
                let now_ms = clock + rng.below(400) as i64;
                let retention_ms = rng.below(3000) as i64;
                time_retention(
                    &mut log,
                    &mut model,
                    &mut present,
                    now_ms,
                    retention_ms,
                    &context,
                );
                let delete_retention_ms = rng.below(1500) as i64;
                compaction(
                    &mut log,
                    &mut model,
                    &mut present,
                    now_ms,
                    delete_retention_ms,
                );
            }
            89..=93 => {
                drop(log);
                log = PartitionLog::open(dir.path(), config()).unwrap();
            }
            _ => {
                log.close_clean().unwrap();
                drop(log);
                log = PartitionLog::open(dir.path(), config()).unwrap();
            }
        }
        assert_eq!(scan(&log), model, "{context}");
        if let Some((&first, _)) = model.first_key_value() {
            assert!(log.log_start_offset() <= first, "{context}");
        }
    }
}

fn time_retention(
    log: &mut PartitionLog,
    model: &mut Model,
    present: &mut Present,
    now_ms: i64,
    retention_ms: i64,
    context: &str,
) {
    let expected_start = expected_time_retention(log, present, now_ms, retention_ms);
    log.enforce_retention(now_ms, retention_ms, -1).unwrap();
    assert_eq!(
        log.log_start_offset(),
        expected_start,
        "{context}: time retention"
    );
    *model = model.split_off(&expected_start);
    *present = present.split_off(&log.segments[0].base_offset());
}

fn compaction(
    log: &mut PartitionLog,
    model: &mut Model,
    present: &mut Present,
    now_ms: i64,
    delete_retention_ms: i64,
) {
    expect_compaction(log, model, present, now_ms, delete_retention_ms);
    let cfg = CompactionConfig {
        delete_retention_ms,
        min_cleanable_dirty_ratio: 0.0,
        min_compaction_lag_ms: 0,
    };
    log.compact(now_ms, cfg).unwrap();
}

#[test]
fn log_matches_model() {
    let seeds: Vec<u64> = match std::env::var("STROM_MODEL_SEED") {
        Ok(seed) => vec![seed.parse().unwrap()],
        Err(_) => {
            let base = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64;
            // More runs for a soak: STROM_MODEL_RUNS=N.
            let runs = std::env::var("STROM_MODEL_RUNS")
                .ok()
                .and_then(|n| n.parse().ok())
                .unwrap_or(5u64);
            (0..runs)
                .map(|i| (base.wrapping_add(i * 7919)) | 1)
                .collect()
        }
    };
    for seed in seeds {
        println!("STROM_MODEL_SEED={seed}");
        run(seed, 200);
    }
}
