//! The partition log on local disk, in Kafka's shape: a directory per partition holding
//! segments `{base_offset:020}.log` with sparse offset (`.index`) and time (`.timeindex`)
//! indexes, and room for a transaction index (`.txnindex`, see `segment.rs`). This file is
//! the API the broker calls; `segment.rs` owns one segment's files, `index.rs` and
//! `time_index.rs` the index formats, `recovery.rs` what happens on open,
//! `recovery_point.rs` how far a flush got, `retention.rs` what moves the log start
//! offset, `cleaner.rs` compaction, `producers.rs` idempotent producers' state and snapshots, `health.rs` the log directory's offline flag, and
//! `checkpoint.rs` the files written atomically (the clean-shutdown marker and others).
//!
//! Invariants: offsets increase from `log_start_offset` to `log_end_offset - 1` across
//! the segments, which are sorted by base offset with the last one active, contiguous
//! except where compaction removed whole batches; batches are stored exactly as produced
//! with only `base_offset` patched (it lies outside the CRC); an append lands whole or not
//! at all. After a crash the active segment is validated batch by batch past its recovery
//! point and any torn tail cut; after a clean close (marker file) that scan is skipped.
//! Once an fsync failed in the log directory, nothing is read or written. No wall clock
//! inside: callers pass `now_ms`. No locking inside either:
//! the broker holds each log behind a short mutex, and every call is plain blocking I/O.

mod checkpoint;
pub mod cleaner;
#[cfg(test)]
mod cleaner_tests;
mod health;
mod index;
#[cfg(test)]
mod model_tests;
pub mod producer_state;
mod producers;
mod recovery;
pub mod recovery_point;
#[cfg(test)]
mod recovery_tests;
mod retention;
#[cfg(test)]
mod retention_tests;
mod segment;
#[cfg(test)]
mod tests;
mod time_index;

use bytes::Bytes;
pub use health::DirHealth;
use producer_state::{ProducerStateTable, SequenceError, Verdict, SNAPSHOT_EXTENSION};
pub use recovery::RecoveryStats;
use recovery_point::{RecoveryCheckpoint, RecoveryPoint, SyncHandle};
use segment::Segment;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use strom_protocol::records::{
    batches, decode_records_with_limit, set_base_offset, BatchHeader, BATCH_HEADER_LEN,
    NO_TIMESTAMP,
};

/// Name of the clean-shutdown marker inside a partition directory.
pub const CLEAN_SHUTDOWN_MARKER: &str = ".clean-shutdown";
/// Checkpoint of the log start offset once DeleteRecords or retention moved it past the
/// first segment's base offset.
pub const LOG_START_CHECKPOINT: &str = "log-start-offset";
const LOG_START_KEY: &str = "log_start_offset";
/// What the clean-shutdown marker records: the log end offset at close.
const MARKER_KEY: &str = "log_end_offset";
/// Producer state snapshots kept per partition (the newest ones).
const SNAPSHOTS_KEPT: usize = 2;
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
    /// An idempotent producer's batch out of sequence or from a fenced epoch.
    #[error(transparent)]
    Sequence(#[from] SequenceError),
    /// An fsync in this log directory failed earlier: nothing more is read or written.
    #[error("the log directory is offline after a failed fsync")]
    Offline,
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
    /// The batch was a retry of one already in the log: nothing was written, and the
    /// offsets are where it landed the first time.
    pub duplicate: bool,
    /// Messages in the log not yet fsynced, this append included.
    pub unflushed_messages: u64,
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

/// Where whole batches lie in a segment file, so that they can be sent from the file
/// without being read into memory. The file handle keeps the bytes reachable even if the
/// segment is deleted (retention, compaction, topic deletion) before they are sent.
#[derive(Debug, Clone)]
pub struct FileSlice {
    pub file: Arc<std::fs::File>,
    pub position: u64,
    pub len: u64,
}

impl FileSlice {
    /// The bytes, read into memory (for paths that cannot send from the file).
    pub fn read(&self) -> std::io::Result<Bytes> {
        use std::os::unix::fs::FileExt;
        let mut buf = vec![0u8; self.len as usize];
        self.file.read_exact_at(&mut buf, self.position)?;
        Ok(Bytes::from(buf))
    }
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
    /// Idempotent producers' sequences, checked and updated under the same lock as appends.
    producers: ProducerStateTable,
    /// Messages appended since the last flush (for `log.flush.interval.messages`).
    unflushed_messages: u64,
    /// The log directory's health, shared with the other logs in it: any failed fsync here
    /// takes them all offline (see [`DirHealth`]).
    health: Arc<DirHealth>,
    /// Where completed flushes are recorded (`recovery_point.rs`).
    recovery_checkpoint: Arc<RecoveryCheckpoint>,
    /// What opening the log took (bytes validated, whether the recovery point served).
    recovery_stats: RecoveryStats,
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
        let clean_log_end_offset = marker
            .as_deref()
            .and_then(|m| checkpoint::decode_offset(MARKER_KEY, m));
        // Gone before anything is written, so a crash from here on is detected.
        checkpoint::remove_durably(dir, CLEAN_SHUTDOWN_MARKER)?;
        let recovery_point = RecoveryPoint::read(dir)?;
        let (mut segments, recovery_stats) = recovery::load_segments(
            dir,
            config.index_interval_bytes,
            clean_log_end_offset,
            recovery_point,
        )?;
        let recovery_checkpoint = Arc::new(RecoveryCheckpoint::new(dir, recovery_point));
        if recovery_stats.ignored_recovery_point {
            recovery_checkpoint.discard()?;
        }
        if segments.is_empty() {
            segments.push(Segment::create(dir, 0, config.index_interval_bytes)?);
            checkpoint::sync_dir(dir)?;
        }
        if clean_log_end_offset.is_none() && marker.is_some() {
            tracing::warn!(dir = %dir.display(), "unreadable clean-shutdown marker; recovered");
        }
        // `segment.ms` of a reopened active segment counts, as in Kafka, from its first
        // batch's max timestamp (else from the first append after this open), so a broker
        // restarted more often than `segment.ms` still rolls by time.
        if let Some(active) = segments.last_mut() {
            active.first_append_ms = active.first_batch_timestamp()?;
        }
        let log_end_offset = segments[segments.len() - 1].next_offset();
        let checkpointed = checkpoint::read_offset(dir, LOG_START_CHECKPOINT, LOG_START_KEY)?;
        let log_start_offset = segments[0]
            .base_offset()
            .max(checkpointed.unwrap_or(0))
            .min(log_end_offset);
        let mut log = PartitionLog {
            dir: dir.to_path_buf(),
            config,
            segments,
            log_start_offset,
            marker_on_disk: false,
            producers: ProducerStateTable::default(),
            unflushed_messages: 0,
            health: Arc::default(),
            recovery_checkpoint,
            recovery_stats,
        };
        log.load_producer_state()?;
        tracing::debug!(dir = %dir.display(), clean = clean_log_end_offset.is_some(), log_start_offset, log_end_offset = log.log_end_offset(), segments = log.segments.len(), "log opened");
        Ok(log)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    pub fn config(&self) -> &LogConfig {
        &self.config
    }

    /// Joins the log to its directory's shared health (a fresh log has one of its own).
    pub fn set_dir_health(&mut self, health: Arc<DirHealth>) {
        self.health = health;
    }

    pub fn dir_health(&self) -> &Arc<DirHealth> {
        &self.health
    }

    /// What opening the log took: bytes validated and whether the recovery point served.
    pub fn recovery_stats(&self) -> RecoveryStats {
        self.recovery_stats
    }

    /// Where the active segment stands now; once fsynced, the log's recovery point.
    fn current_point(&self) -> RecoveryPoint {
        let active = self.active();
        RecoveryPoint {
            base_offset: active.base_offset(),
            position: active.size(),
            next_offset: active.next_offset(),
        }
    }

    /// Applies a changed topic config (segment size and time, index interval, largest
    /// batch) from the next append on; existing segments are left as they are.
    pub fn set_config(&mut self, config: LogConfig) {
        self.config = config;
    }

    pub fn log_start_offset(&self) -> i64 {
        self.log_start_offset
    }

    /// One past the last offset written.
    pub fn log_end_offset(&self) -> i64 {
        self.active().next_offset()
    }

    /// One past the last committed offset: what consumers may read, ListOffsets latest
    /// answers, and DeleteRecords may delete up to. Kafka advances it once every in-sync
    /// replica has a record. On one node the leader is the only in-sync replica, so a record
    /// is committed the moment it is appended and this equals the log end offset (every
    /// append that returned is below it). It is kept a separate name so that every place
    /// that must bound by the committed offset already does when followers arrive.
    pub fn high_watermark(&self) -> i64 {
        self.log_end_offset()
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
        self.health.check()?;
        let result = self.append_checked(records, now_ms);
        self.health.observe(result)
    }

    fn append_checked(&mut self, records: &mut [u8], now_ms: i64) -> Result<AppendInfo, LogError> {
        let summary = summarize(records, self.config.max_message_bytes)?;
        if let Some(duplicate) = self.check_producers(records)? {
            return Ok(duplicate);
        }
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
        for (header, _) in batches(records).map_while(Result::ok) {
            if header.has_producer_id() && !header.is_control() {
                self.producers.update(&header, now_ms);
            }
        }
        self.unflushed_messages += summary.offset_count as u64;
        Ok(AppendInfo {
            first_offset,
            last_offset: next_offset - 1,
            max_timestamp: summary.max_timestamp,
            offset_of_max_timestamp: offset_of_max_timestamp.unwrap_or(first_offset),
            log_start_offset: self.log_start_offset,
            duplicate: false,
            unflushed_messages: self.unflushed_messages,
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
        self.roll()?;
        tracing::debug!(dir = %self.dir.display(), base_offset = self.log_end_offset(), too_big, too_old, "rolled segment");
        Ok(())
    }

    /// Whole batches from the one containing `offset`, totalling at most `max_bytes`, or
    /// exactly one batch when the first alone is larger and `min_one_batch` (KIP-74). One
    /// segment per call: a read that starts near a segment's end returns less, and the
    /// caller reads again from `next_offset`. Reads never pass the high watermark: empty at
    /// it, and an offset outside `log_start_offset..=high_watermark` is `OffsetOutOfRange`
    /// (the error names the log end offset, which is the high watermark on one node).
    pub fn read(
        &self,
        offset: i64,
        max_bytes: usize,
        min_one_batch: bool,
    ) -> Result<ReadSlice, LogError> {
        self.health.check()?;
        self.check_readable(offset)?;
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

    /// What `read` would return, as a slice of a segment file instead of bytes (`None`
    /// when there is nothing at `offset` yet). Same bounds and errors as `read`.
    pub fn read_file(
        &self,
        offset: i64,
        max_bytes: usize,
        min_one_batch: bool,
    ) -> Result<Option<FileSlice>, LogError> {
        self.health.check()?;
        self.check_readable(offset)?;
        let first = self
            .segments
            .partition_point(|s| s.base_offset() <= offset)
            .saturating_sub(1);
        for segment in &self.segments[first..] {
            if let Some(position) = segment.locate(offset)? {
                let len = segment.slice_batches(position, max_bytes, min_one_batch)?;
                return Ok((len > 0).then(|| FileSlice {
                    file: Arc::clone(segment.file()),
                    position,
                    len,
                }));
            }
        }
        Ok(None)
    }

    /// Reads start in `log_start_offset..=high_watermark`. Every batch in the segments is
    /// below the high watermark (it equals the log end offset on one node), so a read that
    /// starts in range cannot return uncommitted records.
    fn check_readable(&self, offset: i64) -> Result<(), LogError> {
        let high_watermark = self.high_watermark();
        debug_assert_eq!(high_watermark, self.log_end_offset());
        if offset < self.log_start_offset || offset > high_watermark {
            return Err(LogError::OffsetOutOfRange {
                offset,
                log_start_offset: self.log_start_offset,
                log_end_offset: self.log_end_offset(),
            });
        }
        Ok(())
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

    /// Seals the active segment and starts a new one at the log end offset.
    fn roll(&mut self) -> Result<(), LogError> {
        let base_offset = self.log_end_offset();
        self.active_mut().seal()?;
        self.snapshot_producers()?;
        let segment = Segment::create(&self.dir, base_offset, self.config.index_interval_bytes)?;
        checkpoint::sync_dir(&self.dir)?;
        self.segments.push(segment);
        Ok(())
    }

    /// Fsyncs the active segment and its indexes (sealed segments were fsynced on roll),
    /// then records the recovery point.
    pub fn flush(&mut self) -> Result<(), LogError> {
        self.health.check()?;
        self.unflushed_messages = 0;
        let point = self.current_point();
        let result = self.active_mut().flush();
        self.health.observe(result)?;
        self.recovery_checkpoint.persist(point, &self.health)
    }

    /// Flushes and writes the clean-shutdown marker so that the next open skips recovery.
    /// For a log behind a lock that cannot be moved out of; the log stays usable, and the
    /// next append removes the marker first.
    /// Refused once the directory is offline: a clean marker must never vouch for data
    /// an fsync failed to write.
    pub fn close_clean(&mut self) -> Result<(), LogError> {
        self.flush()?;
        let result = self.snapshot_producers().and_then(|()| {
            let marker = checkpoint::encode_offset(MARKER_KEY, self.log_end_offset());
            checkpoint::write_atomic(&self.dir, CLEAN_SHUTDOWN_MARKER, &marker)
        });
        self.health.observe(result)?;
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

/// Milliseconds since the Unix epoch; read only when opening a log.
fn wall_clock_ms() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_millis() as i64)
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
