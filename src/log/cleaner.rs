//! Log compaction (`cleanup.policy=compact`): keeps the latest record of every key in the
//! sealed segments, drops tombstones (null values) once `delete.retention.ms` has passed
//! since their timestamp, and never touches the active segment. Offsets never change: a
//! batch that loses records is rebuilt with its original base offset, offset deltas and
//! last offset delta; a batch that loses every record disappears, leaving a gap in offsets
//! that consumers skip as they do in Kafka.
//!
//! A pass runs when the dirty part of the sealed segments (bytes after the cleaner
//! checkpoint, the first offset not yet cleaned) is at least `min.cleanable.dirty.ratio` of
//! all sealed bytes. Segments younger than `min.compaction.lag.ms` are left for later.
//!
//! Crash safety per segment: its cleaned copy is written to `{base}.cleaned` and fsynced,
//! the index files are removed, then the copy is renamed over `{base}.log`. A crash before
//! the rename leaves the old segment (indexes rebuilt on open), after it the new one.
//!
//! Limits of this first version: the pass runs under the partition's lock (appends and
//! reads of that partition wait for it), the key map holds whole keys in memory, and
//! cleaned segments are not merged.

use super::segment::{self, Segment};
use super::{checkpoint, io_error, LogError, PartitionLog};
use std::collections::HashMap;
use std::io::Write;
use strom_protocol::records::{
    decode_records_with_limit, set_log_append_time, BatchBuilder, BatchHeader, TimestampType,
};

/// Name of the cleaner checkpoint: the first offset not yet cleaned.
pub const CLEANER_CHECKPOINT: &str = "cleaner-offset";
const CLEANER_KEY: &str = "clean_until";
const DECODE_LIMIT: usize = 256 << 20;

/// Settings of one compaction pass, from the topic's config.
#[derive(Debug, Clone, Copy)]
pub struct CompactionConfig {
    pub delete_retention_ms: i64,
    pub min_cleanable_dirty_ratio: f64,
    pub min_compaction_lag_ms: i64,
}

/// What a pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct CleanStats {
    pub segments_cleaned: usize,
    pub records_removed: u64,
    pub bytes_before: u64,
    pub bytes_after: u64,
}

/// The cleaner checkpoint of the log in `dir` (0 when it was never compacted).
pub fn checkpoint_in(dir: &std::path::Path) -> i64 {
    checkpoint::read_offset(dir, CLEANER_CHECKPOINT, CLEANER_KEY)
        .ok()
        .flatten()
        .unwrap_or(0)
}

impl PartitionLog {
    /// The cleaner checkpoint: offsets below it have been compacted at least once.
    pub fn cleaner_checkpoint(&self) -> i64 {
        checkpoint_in(&self.dir)
    }

    /// One compaction pass; `None` when nothing was due (see the module header).
    pub fn compact(
        &mut self,
        now_ms: i64,
        config: CompactionConfig,
    ) -> Result<Option<CleanStats>, LogError> {
        self.health.check()?;
        let result = self.compact_checked(now_ms, config);
        self.health.observe(result)
    }

    fn compact_checked(
        &mut self,
        now_ms: i64,
        config: CompactionConfig,
    ) -> Result<Option<CleanStats>, LogError> {
        let sealed = self.segments.len() - 1;
        // Only segments wholly older than the compaction lag are cleanable.
        let mut cleanable = 0;
        for segment in &self.segments[..sealed] {
            if segment.size() == 0 {
                // Emptied by an earlier pass: nothing to wait for.
                cleanable += 1;
                continue;
            }
            if now_ms.saturating_sub(segment.newest_timestamp_ms()?) < config.min_compaction_lag_ms
            {
                break;
            }
            cleanable += 1;
        }
        if cleanable == 0 {
            return Ok(None);
        }
        let first_dirty = self.cleaner_checkpoint();
        let total: u64 = self.segments[..cleanable].iter().map(Segment::size).sum();
        let dirty: u64 = self.segments[..cleanable]
            .iter()
            .filter(|s| s.next_offset() > first_dirty)
            .map(Segment::size)
            .sum();
        if total == 0
            || dirty == 0
            || (dirty as f64) / (total as f64) < config.min_cleanable_dirty_ratio
        {
            return Ok(None);
        }
        // Latest offset of every key in the cleanable segments.
        let mut latest: HashMap<Vec<u8>, i64> = HashMap::new();
        for segment in &self.segments[..cleanable] {
            for_each_batch(segment, |header, batch| {
                if header.is_control() {
                    return Ok(());
                }
                for record in decode(batch, segment)? {
                    if let Some(key) = &record.key {
                        let offset = record.offset(header);
                        latest.insert(key.to_vec(), offset);
                    }
                }
                Ok(())
            })?;
        }
        let mut stats = CleanStats::default();
        let horizon = now_ms.saturating_sub(config.delete_retention_ms);
        for i in 0..cleanable {
            let (cleaned, removed) = {
                let segment = &self.segments[i];
                let mut out = Vec::with_capacity(segment.size() as usize);
                let mut removed = 0u64;
                for_each_batch(segment, |header, batch| {
                    if header.is_control() {
                        out.extend_from_slice(batch);
                        return Ok(());
                    }
                    let records = decode(batch, segment)?;
                    let keep: Vec<bool> = records
                        .iter()
                        .map(|r| {
                            let offset = r.offset(header);
                            let newest = r
                                .key
                                .as_ref()
                                .is_none_or(|k| latest.get(k.as_ref()) == Some(&offset));
                            let expired_tombstone =
                                r.value.is_none() && r.timestamp(header) < horizon;
                            newest && !expired_tombstone
                        })
                        .collect();
                    let kept = keep.iter().filter(|k| **k).count();
                    removed += (records.len() - kept) as u64;
                    if kept == records.len() {
                        out.extend_from_slice(batch);
                    } else if kept > 0 {
                        out.extend_from_slice(&rebuild(header, &records, &keep)?);
                    }
                    Ok(())
                })?;
                (out, removed)
            };
            stats.bytes_before += self.segments[i].size();
            stats.bytes_after += cleaned.len() as u64;
            if removed > 0 {
                self.replace_segment(i, &cleaned)?;
                stats.segments_cleaned += 1;
                stats.records_removed += removed;
            }
        }
        let clean_until = self.segments[cleanable].base_offset();
        checkpoint::write_atomic(
            &self.dir,
            CLEANER_CHECKPOINT,
            &checkpoint::encode_offset(CLEANER_KEY, clean_until),
        )?;
        tracing::debug!(dir = %self.dir.display(), ?stats, clean_until, "compacted");
        Ok(Some(stats))
    }

    /// Swaps segment `i`'s file for `cleaned` (see the module header for crash safety).
    fn replace_segment(&mut self, i: usize, cleaned: &[u8]) -> Result<(), LogError> {
        let base = self.segments[i].base_offset();
        let next_offset = self.segments[i].next_offset();
        let temp = self.dir.join(segment::file_name(base, "cleaned"));
        let mut file = std::fs::File::create(&temp).map_err(io_error("creating", &temp))?;
        file.write_all(cleaned)
            .map_err(io_error("writing", &temp))?;
        file.sync_all().map_err(io_error("syncing", &temp))?;
        drop(file);
        // The indexes are rebuilt from the cleaned batches below; a transaction index would
        // have to be too (from the control batches the cleaner keeps), so it goes with them.
        for extension in segment::INDEX_EXTENSIONS {
            super::recovery::remove_if_present(
                &self.dir.join(segment::file_name(base, extension)),
            )?;
        }
        let target = self
            .dir
            .join(segment::file_name(base, segment::LOG_EXTENSION));
        std::fs::rename(&temp, &target).map_err(io_error("renaming", &temp))?;
        checkpoint::sync_dir(&self.dir)?;
        let (mut segment, _) =
            Segment::open_files(&self.dir, base, self.config.index_interval_bytes)?;
        segment.gaps_allowed = true;
        segment.recover()?;
        // The segment keeps covering its offsets even if its last records were removed.
        segment.next_offset = segment.next_offset.max(next_offset);
        segment.seal()?;
        self.segments[i] = segment;
        Ok(())
    }
}

fn decode(
    batch: &[u8],
    segment: &Segment,
) -> Result<Vec<strom_protocol::records::Record>, LogError> {
    decode_records_with_limit(batch, DECODE_LIMIT).map_err(|e| LogError::Corrupt {
        path: segment.log_path.clone(),
        reason: format!("batch does not decode during compaction: {e}"),
    })
}

/// Calls `visit` with every whole batch of a segment, found by the segment's own header
/// walk and read one at a time (compaction is background work, not a hot path).
fn for_each_batch(
    segment: &Segment,
    mut visit: impl FnMut(&BatchHeader, &[u8]) -> Result<(), LogError>,
) -> Result<(), LogError> {
    let mut result = Ok(());
    segment.walk(0, |position, header| {
        result = segment
            .read_at(position, header.total_len())
            .and_then(|batch| visit(header, &batch));
        result.is_ok()
    })?;
    result
}

/// The batch with only the kept records, same base offset, timestamps, producer fields,
/// codec and last offset delta.
fn rebuild(
    header: &BatchHeader,
    records: &[strom_protocol::records::Record],
    keep: &[bool],
) -> Result<Vec<u8>, LogError> {
    let invalid = |e: strom_protocol::records::RecordError| LogError::InvalidBatch(e.to_string());
    let mut builder = BatchBuilder::new(header.compression())
        .base_offset(header.base_offset)
        .partition_leader_epoch(header.partition_leader_epoch)
        .producer(
            header.producer_id,
            header.producer_epoch,
            header.base_sequence,
        )
        .transactional(header.is_transactional())
        .timestamp_type(header.timestamp_type())
        .base_timestamp(header.base_timestamp);
    for (record, kept) in records.iter().zip(keep) {
        if *kept {
            builder.append_record(record).map_err(invalid)?;
        }
    }
    let mut batch = builder
        .last_offset_delta(header.last_offset_delta)
        .build()
        .map_err(invalid)?;
    if header.timestamp_type() == TimestampType::LogAppendTime {
        set_log_append_time(&mut batch, header.max_timestamp);
    }
    Ok(batch)
}
