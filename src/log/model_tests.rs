//! Model-based test: random sequences of append, read, DeleteRecords, size retention,
//! compaction, clean and unclean reopen, checked after every step against a plain in-memory
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
    let mut serial = 0u64;
    for step in 0..steps {
        let context = format!("seed {seed} step {step}");
        match rng.below(100) {
            0..=59 => {
                let codec =
                    [Compression::None, Compression::Gzip, Compression::Lz4][rng.below(3) as usize];
                let mut builder = BatchBuilder::new(codec);
                let count = 1 + rng.below(4);
                let mut records = Vec::new();
                for _ in 0..count {
                    serial += 1;
                    let key = format!("k{}", rng.below(6));
                    let value = (rng.below(8) != 0)
                        .then(|| format!("v{serial}-{}", "x".repeat(rng.below(40) as usize)));
                    builder
                        .append(
                            1_000,
                            Some(key.as_bytes()),
                            value.as_deref().map(str::as_bytes),
                            Vec::new(),
                        )
                        .unwrap();
                    records.push((key, value));
                }
                let mut bytes = builder.build().unwrap();
                let info = log.append(&mut bytes, 0).unwrap();
                for (i, record) in records.into_iter().enumerate() {
                    model.insert(info.first_offset + i as i64, record);
                }
            }
            60..=69 => {
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
            70..=74 => {
                let (start, end) = (log.log_start_offset(), log.log_end_offset());
                let offset = start + rng.below((end - start + 1) as u64) as i64;
                assert_eq!(
                    log.delete_records_before(offset).unwrap(),
                    offset,
                    "{context}"
                );
                model = model.split_off(&offset);
            }
            75..=79 => {
                let limit = rng.below(2000) as i64;
                log.enforce_retention(0, -1, limit).unwrap();
                assert!(log.size_bytes() as i64 >= limit.min(log.active().size() as i64));
                model = model.split_off(&log.log_start_offset());
            }
            80..=87 => {
                // Compaction: the latest record per key below the active segment survives;
                // tombstones stay (their retention has not passed at now = 1_000).
                let active_base = log.active().base_offset();
                let cfg = CompactionConfig {
                    delete_retention_ms: 1_000_000,
                    min_cleanable_dirty_ratio: 0.0,
                    min_compaction_lag_ms: 0,
                };
                log.compact(1_000, cfg).unwrap();
                let mut latest: HashMap<String, i64> = HashMap::new();
                for (offset, (key, _)) in model.range(..active_base) {
                    latest.insert(key.clone(), *offset);
                }
                model.retain(|offset, (key, _)| {
                    *offset >= active_base || latest[key.as_str()] == *offset
                });
            }
            88..=93 => {
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
