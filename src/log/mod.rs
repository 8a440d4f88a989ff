//! The partition log on local disk, in Kafka's shape: a directory per partition holding
//! segments (`{base_offset:020}.log`) with sparse offset and time indexes.
//!
//! Invariants: offsets are contiguous from `log_start_offset` to `log_end_offset`; batches
//! are stored exactly as produced with only `base_offset` patched (outside the CRC);
//! after a crash the active segment is validated batch by batch and a torn tail removed;
//! after a clean close (marker file) the scan is skipped. No wall clock inside: callers pass
//! `now_ms`. Callers serialise access (the broker holds each log behind a short lock).

mod segment;

use bytes::Bytes;
use segment::Segment;
use std::path::{Path, PathBuf};
use strom_protocol::records::{self, set_base_offset};

const CLEAN_SHUTDOWN: &str = ".clean-shutdown";

#[derive(Debug, thiserror::Error)]
pub enum LogError {
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("offset {offset} is outside the log's range {log_start_offset}..={log_end_offset}")]
    OffsetOutOfRange {
        offset: i64,
        log_start_offset: i64,
        log_end_offset: i64,
    },
    #[error("batch of {size} bytes exceeds the limit of {max}")]
    MessageTooLarge { size: usize, max: usize },
    #[error("invalid batches: {0}")]
    InvalidBatch(String),
}

/// Per-log settings (Kafka's topic-level names: `segment.bytes`, `segment.ms`, ...).
#[derive(Debug, Clone)]
pub struct LogConfig {
    pub segment_bytes: u64,
    pub segment_ms: i64,
    pub index_interval_bytes: u64,
    pub max_message_bytes: usize,
}

impl Default for LogConfig {
    fn default() -> Self {
        LogConfig {
            segment_bytes: 1 << 30,
            segment_ms: 7 * 24 * 3_600_000,
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
    pub max_timestamp: i64,
    pub log_start_offset: i64,
}

pub struct PartitionLog {
    dir: PathBuf,
    config: LogConfig,
    /// Sorted by base offset; the last one is active. Never empty.
    segments: Vec<Segment>,
    log_start_offset: i64,
}

fn io<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> LogError + 'a {
    move |source| LogError::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

impl PartitionLog {
    /// Opens (creating if needed) the log in `dir`, recovering after an unclean stop.
    pub fn open(dir: &Path, config: LogConfig) -> Result<PartitionLog, LogError> {
        std::fs::create_dir_all(dir).map_err(io("creating", dir))?;
        let marker = dir.join(CLEAN_SHUTDOWN);
        let clean = marker.exists();
        if clean {
            std::fs::remove_file(&marker).map_err(io("removing", &marker))?;
        }
        let mut bases = Vec::new();
        for entry in std::fs::read_dir(dir).map_err(io("listing", dir))? {
            let name = entry.map_err(io("listing", dir))?.file_name();
            let name = name.to_string_lossy();
            if let Some(base) = name
                .strip_suffix(".log")
                .and_then(|b| b.parse::<i64>().ok())
            {
                bases.push(base);
            }
        }
        bases.sort_unstable();
        let now_ms = 0;
        let mut segments = Vec::with_capacity(bases.len().max(1));
        for (i, &base) in bases.iter().enumerate() {
            let active = i + 1 == bases.len();
            segments.push(Segment::open(
                dir,
                base,
                now_ms,
                active && !clean,
                config.index_interval_bytes,
            )?);
        }
        if segments.is_empty() {
            segments.push(Segment::create(
                dir,
                0,
                now_ms,
                config.index_interval_bytes,
            )?);
        }
        if !clean && !bases.is_empty() {
            tracing::info!(dir = %dir.display(), segments = segments.len(), "recovered log after unclean shutdown");
        }
        let log_start_offset = segments[0].base_offset;
        Ok(PartitionLog {
            dir: dir.to_path_buf(),
            config,
            segments,
            log_start_offset,
        })
    }

    pub fn log_start_offset(&self) -> i64 {
        self.log_start_offset
    }

    /// One past the last offset written.
    pub fn log_end_offset(&self) -> i64 {
        self.active().next_offset
    }

    fn active(&self) -> &Segment {
        &self.segments[self.segments.len() - 1]
    }

    pub fn size_bytes(&self) -> u64 {
        self.segments.iter().map(|s| s.size).sum()
    }

    /// Appends validated batches, assigning offsets from the log end offset by patching each
    /// batch's `base_offset` in place.
    pub fn append(&mut self, batches: &mut [u8], now_ms: i64) -> Result<AppendInfo, LogError> {
        if batches.len() > self.config.max_message_bytes.max(1) * 1024 {
            return Err(LogError::MessageTooLarge {
                size: batches.len(),
                max: self.config.max_message_bytes,
            });
        }
        let first_offset = self.log_end_offset();
        let mut next = first_offset;
        let mut max_timestamp = -1;
        let mut position = 0;
        while position < batches.len() {
            let header = records::BatchHeader::parse(&batches[position..])
                .map_err(|e| LogError::InvalidBatch(e.to_string()))?;
            let end = position + header.total_len();
            if end > batches.len() {
                return Err(LogError::InvalidBatch("truncated batch".into()));
            }
            set_base_offset(&mut batches[position..end], next);
            next += i64::from(header.last_offset_delta) + 1;
            max_timestamp = max_timestamp.max(header.max_timestamp);
            position = end;
        }
        if position == 0 {
            return Err(LogError::InvalidBatch("no batches".into()));
        }
        self.maybe_roll(batches.len() as u64, now_ms)?;
        let segment = self
            .segments
            .last_mut()
            .expect("a log always has a segment");
        segment.append(batches)?;
        Ok(AppendInfo {
            first_offset,
            last_offset: next - 1,
            max_timestamp,
            log_start_offset: self.log_start_offset,
        })
    }

    fn maybe_roll(&mut self, incoming: u64, now_ms: i64) -> Result<(), LogError> {
        let active = self.active();
        let full = active.size > 0 && active.size + incoming > self.config.segment_bytes;
        let old = active.size > 0
            && active.created_ms > 0
            && now_ms - active.created_ms >= self.config.segment_ms;
        let fresh = active.created_ms == 0;
        if !(full || old) {
            if fresh {
                // The segment was opened from disk: its age counts from now.
                self.segments.last_mut().expect("non-empty").created_ms = now_ms;
            }
            return Ok(());
        }
        self.active().flush()?;
        let base = self.log_end_offset();
        self.segments.push(Segment::create(
            &self.dir,
            base,
            now_ms,
            self.config.index_interval_bytes,
        )?);
        tracing::debug!(dir = %self.dir.display(), base, "rolled segment");
        Ok(())
    }

    /// Whole batches from the one containing `offset`, up to `max_bytes` (at least one whole
    /// batch when `min_one_batch`). Empty at the log end offset.
    pub fn read(
        &self,
        offset: i64,
        max_bytes: usize,
        min_one_batch: bool,
    ) -> Result<Bytes, LogError> {
        let end = self.log_end_offset();
        if offset < self.log_start_offset || offset > end {
            return Err(LogError::OffsetOutOfRange {
                offset,
                log_start_offset: self.log_start_offset,
                log_end_offset: end,
            });
        }
        let first = self
            .segments
            .partition_point(|s| s.base_offset <= offset)
            .saturating_sub(1);
        for segment in &self.segments[first..] {
            if let Some(position) = segment.position_of(offset)? {
                return segment.read_batches(position, max_bytes, min_one_batch);
            }
        }
        Ok(Bytes::new())
    }

    /// The first record at or after `timestamp`: (offset, its timestamp).
    pub fn offset_for_timestamp(&self, timestamp: i64) -> Option<(i64, i64)> {
        let segment = self
            .segments
            .iter()
            .find(|s| s.max_timestamp >= timestamp)?;
        let (position, header) = segment.find_by_time(timestamp).ok()??;
        let batch = segment.read_at(position, header.total_len()).ok()?;
        let found = records::decode_records(&batch)
            .ok()?
            .into_iter()
            .find_map(|r| {
                let ts = r.timestamp(&header);
                (ts >= timestamp).then(|| (r.offset(&header), ts))
            });
        found.or(Some((header.base_offset, header.max_timestamp)))
    }

    /// The largest timestamp in the log and the offset of its record.
    pub fn max_timestamp(&self) -> Option<(i64, i64)> {
        let segment = self
            .segments
            .iter()
            .filter(|s| s.max_timestamp >= 0)
            .max_by_key(|s| s.max_timestamp)?;
        let (position, header) = segment.find_by_time(segment.max_timestamp).ok()??;
        let batch = segment.read_at(position, header.total_len()).ok()?;
        let records = records::decode_records(&batch).ok()?;
        let best = records
            .iter()
            .max_by_key(|r| (r.timestamp(&header), std::cmp::Reverse(r.offset_delta)))?;
        Some((best.timestamp(&header), best.offset(&header)))
    }

    /// Fsyncs the active segment and its indexes.
    pub fn flush(&self) -> Result<(), LogError> {
        self.active().flush()
    }

    /// Flushes and writes the clean-shutdown marker so the next open skips recovery.
    pub fn close_clean(&mut self) -> Result<(), LogError> {
        for segment in &self.segments {
            segment.flush()?;
        }
        let marker = self.dir.join(CLEAN_SHUTDOWN);
        std::fs::File::create(&marker)
            .and_then(|f| f.sync_all())
            .map_err(io("writing", &marker))?;
        std::fs::File::open(&self.dir)
            .and_then(|d| d.sync_all())
            .map_err(io("syncing", &self.dir))
    }
}

#[cfg(test)]
mod tests;
