//! The partition log on local disk, in Kafka's shape: a directory per partition holding
//! segments `{base_offset:020}.log` with sparse offset (`.index`) and time (`.timeindex`)
//! indexes. This file is the API the broker calls; `segment.rs` owns one segment's files,
//! `index.rs`/`time_index.rs` the index formats, `recovery.rs` what happens on open, and
//! `checkpoint.rs` the files written atomically (the clean-shutdown marker).
//!
//! Invariants: offsets are contiguous from `log_start_offset` to `log_end_offset - 1`
//! across the segments, which are sorted by base offset with the last one active; batches
//! are stored exactly as produced with only `base_offset` patched (it lies outside the
//! CRC); an append lands whole or not at all. After a crash the active segment is
//! validated batch by batch and any torn tail cut; after a clean close (marker file) that
//! scan is skipped. No wall clock inside: callers pass `now_ms`. No locking inside either:
//! the broker holds each log behind a short mutex, and every call is plain blocking I/O.

mod checkpoint;
mod index;
mod recovery;
#[cfg(test)]
mod recovery_tests;
mod segment;
#[cfg(test)]
mod tests;
mod time_index;

use bytes::Bytes;
use segment::Segment;
use std::path::{Path, PathBuf};
use strom_protocol::records::{
    batches, decode_records_with_limit, set_base_offset, BatchHeader, BATCH_HEADER_LEN,
    NO_TIMESTAMP,
};

/// Name of the clean-shutdown marker inside a partition directory.
pub const CLEAN_SHUTDOWN_MARKER: &str = ".clean-shutdown";
/// Most offset-index entries per segment before it rolls: Kafka's `segment.index.bytes`
/// default of 10 MiB, 8 bytes an entry. Bounds the index memory of the active segment.
const MAX_INDEX_ENTRIES: usize = (10 << 20) / 8;
/// Bound on the decompressed size of the one batch decoded by a timestamp lookup.
const DECODE_LIMIT: usize = 64 << 20;

#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    /// Disk content that recovery cannot repair; the log must not be served.
    #[error("corrupt log data in {path}: {reason}")]
    Corrupt { path: PathBuf, reason: String },
    #[error("offset {offset} is outside the log's range {log_start_offset}..={log_end_offset}")]
    OffsetOutOfRange {
        offset: i64,
        log_start_offset: i64,
        log_end_offset: i64,
    },
    #[error("record batch of {size} bytes exceeds the limit of {max}")]
    MessageTooLarge { size: usize, max: usize },
    /// The bytes given to `append` are not a sequence of whole magic-2 batches.
    #[error("invalid record batches: {0}")]
    InvalidBatch(String),
}

/// Maps an I/O error to [`LogError::Io`] naming what was being done, to what.
fn io_error<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> LogError + 'a {
    move |source| LogError::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

/// Per-log settings, with Kafka's topic-level meanings (`segment.bytes`, `segment.ms`,
/// `index.interval.bytes`, `max.message.bytes`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LogConfig {
    /// The active segment rolls before an append would take it past this size. Capped at
    /// i32::MAX, Kafka's limit, so that file positions fit the index's u32.
    pub segment_bytes: u64,
    /// The active segment rolls once this long has passed since its first append.
    pub segment_ms: i64,
    /// Bytes of batches between two offset-index entries.
    pub index_interval_bytes: u64,
    /// Largest single batch `append` accepts.
    pub max_message_bytes: usize,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            segment_bytes: 1 << 30,
            segment_ms: 7 * 24 * 60 * 60 * 1000,
            index_interval_bytes: 4096,
            max_message_bytes: 1_048_588,
        }
    }
}

/// What an append wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AppendInfo {
    pub first_offset: i64,
    pub last_offset: i64,
    /// Largest batch max timestamp appended; -1 when no batch had a timestamp.
    pub max_timestamp: i64,
    /// Base offset of the first appended batch that holds `max_timestamp`.
    pub offset_of_max_timestamp: i64,
    pub log_start_offset: i64,
}

/// What a read returned.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadSlice {
    /// Whole batches, as stored. The first may start before the offset asked for (it is
    /// the batch containing it); consumers skip the records before their position.
    pub records: Bytes,
    /// The offset after the last batch returned; the offset asked for when empty.
    pub next_offset: i64,
}

/// One partition's log. See the module header for its invariants.
#[derive(Debug)]
pub struct PartitionLog {
    dir: PathBuf,
    config: LogConfig,
    /// Sorted by base offset, never empty; the last one takes appends.
    segments: Vec<Segment>,
    log_start_offset: i64,
    /// The clean-shutdown marker exists, so it must go before the next write.
    marker_on_disk: bool,
}

/// Sizes and offsets of an append's batches, checked before anything is touched.
struct Summary {
    offset_count: i64,
    max_timestamp: i64,
}

impl PartitionLog {
    /// Opens the log in `dir`, creating the directory and a first segment when needed,
    /// and recovering after an unclean stop (see `recovery.rs`).
    pub fn open(dir: &Path, config: LogConfig) -> Result<PartitionLog, LogError> {
        std::fs::create_dir_all(dir).map_err(io_error("creating", dir))?;
        let marker = checkpoint::read(dir, CLEAN_SHUTDOWN_MARKER)?;
        let clean_log_end_offset = marker.as_deref().and_then(checkpoint::decode_marker);
        // Gone before anything is written, so a crash from here on is detected.
        checkpoint::remove_durably(dir, CLEAN_SHUTDOWN_MARKER)?;
        let mut segments =
            recovery::load_segments(dir, config.index_interval_bytes, clean_log_end_offset)?;
        if segments.is_empty() {
            segments.push(Segment::create(dir, 0, config.index_interval_bytes)?);
            checkpoint::sync_dir(dir)?;
        }
        if clean_log_end_offset.is_none() && marker.is_some() {
            tracing::warn!(dir = %dir.display(), "unreadable clean-shutdown marker; recovered");
        }
        let log_start_offset = segments[0].base_offset();
        let log = PartitionLog {
            dir: dir.to_path_buf(),
            config,
            segments,
            log_start_offset,
            marker_on_disk: false,
        };
        tracing::debug!(dir = %dir.display(), clean = clean_log_end_offset.is_some(), log_start_offset, log_end_offset = log.log_end_offset(), segments = log.segments.len(), "log opened");
        Ok(log)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn config(&self) -> &LogConfig {
        &self.config
    }

    pub fn log_start_offset(&self) -> i64 {
        self.log_start_offset
    }

    /// One past the last offset written.
    pub fn log_end_offset(&self) -> i64 {
        self.active().next_offset()
    }

    /// Bytes of batches in all segments.
    pub fn size_bytes(&self) -> u64 {
        self.segments.iter().map(Segment::size).sum()
    }

    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }

    fn active(&self) -> &Segment {
        &self.segments[self.segments.len() - 1]
    }

    fn active_mut(&mut self) -> &mut Segment {
        let last = self.segments.len() - 1;
        &mut self.segments[last]
    }

    /// Appends `records`, one or more whole magic-2 batches back to back that the caller
    /// validated, with one write. Offsets are assigned from the log end offset by patching
    /// each batch's `base_offset` in place, so `records` holds the stored bytes afterwards.
    pub fn append(&mut self, records: &mut [u8], now_ms: i64) -> Result<AppendInfo, LogError> {
        let summary = summarize(records, self.config.max_message_bytes)?;
        if self.marker_on_disk {
            checkpoint::remove_durably(&self.dir, CLEAN_SHUTDOWN_MARKER)?;
            self.marker_on_disk = false;
        }
        self.maybe_roll(records.len() as u64, summary.offset_count, now_ms)?;
        let first_offset = self.log_end_offset();
        let mut next_offset = first_offset;
        let mut offset_of_max_timestamp = None;
        let mut position = 0;
        while position < records.len() {
            // `summarize` walked these same headers, so they parse.
            let header = BatchHeader::parse(&records[position..])
                .map_err(|e| LogError::InvalidBatch(e.to_string()))?;
            let end = position + header.total_len();
            set_base_offset(&mut records[position..end], next_offset);
            if header.max_timestamp == summary.max_timestamp {
                offset_of_max_timestamp.get_or_insert(next_offset);
            }
            next_offset += i64::from(header.last_offset_delta) + 1;
            position = end;
        }
        self.active_mut().append(records, now_ms)?;
        Ok(AppendInfo {
            first_offset,
            last_offset: next_offset - 1,
            max_timestamp: summary.max_timestamp,
            offset_of_max_timestamp: offset_of_max_timestamp.unwrap_or(first_offset),
            log_start_offset: self.log_start_offset,
        })
    }

    /// Rolls to a new segment when the active one is too big, too old, its index full, or
    /// the incoming offsets would not fit its u32 relative offsets. Never rolls an empty
    /// segment, so a batch larger than `segment_bytes` still gets a segment of its own.
    fn maybe_roll(
        &mut self,
        incoming_bytes: u64,
        offset_count: i64,
        now_ms: i64,
    ) -> Result<(), LogError> {
        let segment_bytes = self.config.segment_bytes.min(i32::MAX as u64);
        let active = self.active();
        if active.size() == 0 {
            return Ok(());
        }
        let last_offset = active.next_offset() + offset_count - 1;
        let too_big = active.size() + incoming_bytes > segment_bytes;
        let too_old = active
            .first_append_ms
            .is_some_and(|first| now_ms.saturating_sub(first) >= self.config.segment_ms);
        let offsets_overflow = active.relative(last_offset).is_none();
        let index_full = active.index_entries() >= MAX_INDEX_ENTRIES;
        if !(too_big || too_old || offsets_overflow || index_full) {
            return Ok(());
        }
        let base_offset = self.log_end_offset();
        self.active_mut().seal()?;
        let segment = Segment::create(&self.dir, base_offset, self.config.index_interval_bytes)?;
        checkpoint::sync_dir(&self.dir)?;
        self.segments.push(segment);
        tracing::debug!(dir = %self.dir.display(), base_offset, too_big, too_old, "rolled segment");
        Ok(())
    }

    /// Whole batches from the one containing `offset`, totalling at most `max_bytes`, or
    /// exactly one batch when the first alone is larger and `min_one_batch` (KIP-74). One
    /// segment per call: a read that starts near a segment's end returns less, and the
    /// caller reads again from `next_offset`. Empty at the log end offset; an offset
    /// outside `log_start_offset..=log_end_offset` is `OffsetOutOfRange`.
    pub fn read(
        &self,
        offset: i64,
        max_bytes: usize,
        min_one_batch: bool,
    ) -> Result<ReadSlice, LogError> {
        let log_end_offset = self.log_end_offset();
        if offset < self.log_start_offset || offset > log_end_offset {
            return Err(LogError::OffsetOutOfRange {
                offset,
                log_start_offset: self.log_start_offset,
                log_end_offset,
            });
        }
        let first = self
            .segments
            .partition_point(|s| s.base_offset() <= offset)
            .saturating_sub(1);
        for segment in &self.segments[first..] {
            if let Some(position) = segment.locate(offset)? {
                let (records, next) = segment.read_batches(position, max_bytes, min_one_batch)?;
                return Ok(ReadSlice {
                    records,
                    next_offset: next.unwrap_or(offset),
                });
            }
        }
        Ok(ReadSlice {
            records: Bytes::new(),
            next_offset: offset,
        })
    }

    /// The first record whose timestamp is at least `timestamp`: `(offset, timestamp)`, as
    /// ListOffsets answers it. Found by batch max timestamps (time index, then a header
    /// scan), then by decoding that one batch; should the batch not decode, its base
    /// offset and max timestamp are returned instead. `None` when no record is that late.
    pub fn offset_for_timestamp(&self, timestamp: i64) -> Result<Option<(i64, i64)>, LogError> {
        for segment in &self.segments {
            match segment.max_timestamp() {
                Some((max, _)) if max >= timestamp => {}
                _ => continue,
            }
            if let Some((position, header)) = segment.find_by_time(timestamp)? {
                let batch = segment.read_at(position, header.total_len())?;
                let found = decode_records_with_limit(&batch, DECODE_LIMIT)
                    .ok()
                    .and_then(|records| {
                        records.iter().find_map(|r| {
                            let ts = r.timestamp(&header);
                            (ts >= timestamp).then(|| (r.offset(&header), ts))
                        })
                    });
                return Ok(Some(
                    found.unwrap_or((header.base_offset, header.max_timestamp)),
                ));
            }
        }
        Ok(None)
    }

    /// The largest timestamp in the log and the offset of the first record holding it:
    /// `(timestamp, offset)`, for ListOffsets MAX_TIMESTAMP. `None` when no batch has a
    /// timestamp. The offset is the batch's base offset should the batch not decode.
    pub fn max_timestamp(&self) -> Result<Option<(i64, i64)>, LogError> {
        let mut best: Option<(i64, i64, &Segment)> = None;
        for segment in &self.segments {
            if let Some((timestamp, offset)) = segment.max_timestamp() {
                if !matches!(best, Some((max, _, _)) if max >= timestamp) {
                    best = Some((timestamp, offset, segment));
                }
            }
        }
        let Some((timestamp, batch_offset, segment)) = best else {
            return Ok(None);
        };
        let Some(position) = segment.locate(batch_offset)? else {
            return Ok(Some((timestamp, batch_offset)));
        };
        let head = segment.read_at(position, BATCH_HEADER_LEN)?;
        let Ok(header) = BatchHeader::parse(&head) else {
            return Ok(Some((timestamp, batch_offset)));
        };
        let batch = segment.read_at(position, header.total_len())?;
        let offset = decode_records_with_limit(&batch, DECODE_LIMIT)
            .ok()
            .and_then(|records| {
                records
                    .iter()
                    .find(|r| r.timestamp(&header) == timestamp)
                    .map(|r| r.offset(&header))
            });
        Ok(Some((timestamp, offset.unwrap_or(batch_offset))))
    }

    /// Fsyncs the active segment and its indexes (sealed segments were fsynced on roll).
    pub fn flush(&mut self) -> Result<(), LogError> {
        self.active_mut().flush()
    }

    /// Flushes and writes the clean-shutdown marker so that the next open skips recovery.
    /// For a log behind a lock that cannot be moved out of; the log stays usable, and the
    /// next append removes the marker first.
    pub fn close_clean(&mut self) -> Result<(), LogError> {
        self.flush()?;
        let marker = checkpoint::encode_marker(self.log_end_offset());
        checkpoint::write_atomic(&self.dir, CLEAN_SHUTDOWN_MARKER, &marker)?;
        self.marker_on_disk = true;
        Ok(())
    }

    /// [`PartitionLog::close_clean`], then releases the files.
    pub fn close(mut self) -> Result<(), LogError> {
        self.close_clean()
    }

    /// Removes the partition directory and everything in it.
    pub fn delete(self) -> Result<(), LogError> {
        let dir = self.dir.clone();
        drop(self);
        match std::fs::remove_dir_all(&dir) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(io_error("deleting", &dir)(e)),
        }
    }
}

/// Walks the batches of an append: each whole, within `max_message_bytes`, with a sane
/// `last_offset_delta`; at least one.
fn summarize(records: &[u8], max_message_bytes: usize) -> Result<Summary, LogError> {
    let mut summary = Summary {
        offset_count: 0,
        max_timestamp: NO_TIMESTAMP,
    };
    let mut count = 0;
    for item in batches(records) {
        let (header, batch) = item.map_err(|e| LogError::InvalidBatch(e.to_string()))?;
        if batch.len() > max_message_bytes {
            return Err(LogError::MessageTooLarge {
                size: batch.len(),
                max: max_message_bytes,
            });
        }
        if header.last_offset_delta < 0 {
            return Err(LogError::InvalidBatch("negative last_offset_delta".into()));
        }
        summary.offset_count += i64::from(header.last_offset_delta) + 1;
        summary.max_timestamp = summary.max_timestamp.max(header.max_timestamp);
        count += 1;
    }
    if count == 0 {
        return Err(LogError::InvalidBatch("no record batches".into()));
    }
    if summary.offset_count > i64::from(i32::MAX) {
        return Err(LogError::InvalidBatch(
            "too many offsets in one append".into(),
        ));
    }
    Ok(summary)
}
