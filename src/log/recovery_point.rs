//! The recovery point: how far the active segment is known to be on disk, so that recovery
//! after a crash validates only the bytes written since.
//!
//! After every completed flush (an explicit `PartitionLog::flush`, or a round of the group
//! commit thread) the log records where the active segment stood when its fsync began: its
//! base offset, its size and the offset after its last batch. The checkpoint file is
//! written temp → fsync → rename (`checkpoint::write_atomic`), and only after the data
//! fsync succeeded, so a point on disk never covers bytes that were not durable.
//!
//! Invariant: the recorded bytes `0..position` of segment `base_offset` are whole batches
//! ending at offset `next_offset - 1`, fsynced. A stale point (an older flush, or a segment
//! that has since rolled) is still true, only less useful: recovery then validates more.
//! On open, the point is used only when it fits: same segment, within the file, the offset
//! index consistent up to it, and the batch headers between the last index entry before it
//! and the point leading exactly to it; anything else falls back to a whole-segment scan.

use super::checkpoint;
use super::index::OffsetEntry;
use super::recovery::Scan;
use super::segment::{Segment, WalkEnd};
use super::time_index::TimeEntry;
use super::{DirHealth, LogError};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Name of the recovery point checkpoint inside a partition directory.
pub const RECOVERY_POINT_CHECKPOINT: &str = "recovery-point";

/// Where a completed flush left the active segment (see the module header).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct RecoveryPoint {
    pub base_offset: i64,
    /// Bytes of the segment that were fsynced.
    pub position: u64,
    /// The offset after the last batch in those bytes.
    pub next_offset: i64,
}

impl RecoveryPoint {
    pub fn encode(&self) -> Vec<u8> {
        format!(
            "base_offset={}\nposition={}\nnext_offset={}\n",
            self.base_offset, self.position, self.next_offset
        )
        .into_bytes()
    }

    /// Parses [`RecoveryPoint::encode`]'s output; `None` for anything else.
    pub fn decode(contents: &[u8]) -> Option<RecoveryPoint> {
        let text = std::str::from_utf8(contents).ok()?;
        let mut lines = text.lines();
        let mut field = |key: &str| -> Option<i64> {
            lines
                .next()?
                .strip_prefix(key)?
                .strip_prefix('=')?
                .parse()
                .ok()
                .filter(|v: &i64| *v >= 0)
        };
        let base_offset = field("base_offset")?;
        let position = u64::try_from(field("position")?).ok()?;
        let next_offset = field("next_offset")?;
        (next_offset >= base_offset).then_some(RecoveryPoint {
            base_offset,
            position,
            next_offset,
        })
    }

    /// The point stored in `dir`, if any and readable.
    pub fn read(dir: &Path) -> Result<Option<RecoveryPoint>, LogError> {
        Ok(checkpoint::read(dir, RECOVERY_POINT_CHECKPOINT)?.and_then(|c| Self::decode(&c)))
    }
}

/// The recovery point file of one log, shared with the flushing thread so that it can be
/// written without the log's lock. Writes are serialized and never move the point back.
#[derive(Debug)]
pub struct RecoveryCheckpoint {
    dir: PathBuf,
    /// The point last written (or read on open).
    written: Mutex<Option<RecoveryPoint>>,
    /// When the group-commit thread last wrote one (see `FLUSHER_POINT_INTERVAL`).
    last_round_write: Mutex<Option<std::time::Instant>>,
}

/// The group-commit thread records a partition's recovery point at most this often. A
/// point written after every round cost two more fsyncs per partition per round, which
/// delayed the next round under sustained acks=all load (e2e p99 with linger.ms=0 rose
/// from ~4 ms to 60-120 ms); recovery after a crash then validates at most about this
/// much of recent appends. Explicit flushes (shutdown, roll) always record theirs.
pub const FLUSHER_POINT_INTERVAL: std::time::Duration = std::time::Duration::from_secs(1);

impl RecoveryCheckpoint {
    pub fn new(dir: &Path, written: Option<RecoveryPoint>) -> RecoveryCheckpoint {
        RecoveryCheckpoint {
            dir: dir.to_path_buf(),
            written: Mutex::new(written),
            last_round_write: Mutex::new(None),
        }
    }

    /// Records `point`, whose bytes were just fsynced, unless a later one is on disk.
    pub fn persist(&self, point: RecoveryPoint, health: &DirHealth) -> Result<(), LogError> {
        let mut written = self.written.lock().unwrap_or_else(|p| p.into_inner());
        if written.is_some_and(|w| w >= point) {
            return Ok(());
        }
        health.observe(checkpoint::write_atomic(
            &self.dir,
            RECOVERY_POINT_CHECKPOINT,
            &point.encode(),
        ))?;
        *written = Some(point);
        Ok(())
    }

    /// Removes a point that did not fit the log (so it cannot mislead a later open).
    pub fn discard(&self) -> Result<(), LogError> {
        let mut written = self.written.lock().unwrap_or_else(|p| p.into_inner());
        checkpoint::remove_durably(&self.dir, RECOVERY_POINT_CHECKPOINT)?;
        *written = None;
        Ok(())
    }
}

/// What the flushing thread needs to make a log's appends durable outside its lock: the
/// active segment's file, the point its fsync will cover, and where to record it.
#[derive(Debug)]
pub struct SyncHandle {
    pub file: std::fs::File,
    pub point: RecoveryPoint,
    pub checkpoint: Arc<RecoveryCheckpoint>,
    pub health: Arc<DirHealth>,
}

impl SyncHandle {
    /// Fsyncs the segment file; a failure takes the directory offline.
    pub fn sync_data(&self) -> Result<(), LogError> {
        let result = self.file.sync_data().map_err(|source| LogError::Io {
            op: "syncing",
            path: self.checkpoint.dir.clone(),
            source,
        });
        self.health.observe(result)
    }

    /// Records the recovery point once `sync_data` succeeded, unless the group-commit
    /// thread recorded one for this log less than `FLUSHER_POINT_INTERVAL` ago.
    pub fn persist_point(&self) -> Result<(), LogError> {
        let now = std::time::Instant::now();
        {
            let mut last = self
                .checkpoint
                .last_round_write
                .lock()
                .unwrap_or_else(|p| p.into_inner());
            if last.is_some_and(|at| now.duration_since(at) < FLUSHER_POINT_INTERVAL) {
                return Ok(());
            }
            *last = Some(now);
        }
        self.checkpoint.persist(self.point, &self.health)
    }
}

impl Segment {
    /// Recovers the active segment from a recovery point: keeps the index entries before
    /// it, checks the batch headers from the last of them up to the point (a few KiB, by
    /// `index.interval.bytes`), then validates only the bytes past the point. `None` when
    /// the point does not fit (see the module header); the caller then scans it whole.
    /// `Some(truncated)` otherwise.
    pub(super) fn recover_from(&mut self, point: RecoveryPoint) -> Result<Option<bool>, LogError> {
        if point.base_offset != self.base_offset
            || point.position > self.size
            || point.next_offset < self.base_offset
        {
            return Ok(None);
        }
        let offsets: Vec<OffsetEntry> = self
            .offset_index
            .cached()
            .iter()
            .copied()
            .take_while(|e| u64::from(e.position) < point.position)
            .collect();
        let last = offsets.last().copied();
        // A time entry is written with an offset entry, for a batch at or before it.
        let times: Vec<TimeEntry> = self
            .time_index
            .cached()
            .iter()
            .copied()
            .take_while(|t| last.is_some_and(|e| t.relative_offset <= e.relative_offset))
            .collect();
        let (start, mut expected) = match last {
            Some(e) => (
                u64::from(e.position),
                self.base_offset + i64::from(e.relative_offset),
            ),
            None => (0, self.base_offset),
        };
        let mut planner = self.planner.restarted();
        planner.resume(times.last().copied());
        let base_offset = self.base_offset;
        let mut consistent = true;
        let end = self.walk(start, |position, header| {
            if position >= point.position {
                return false;
            }
            let relative = u32::try_from(header.base_offset - base_offset);
            consistent = header.base_offset == expected
                && relative.is_ok()
                && u32::try_from(header.last_offset() - base_offset).is_ok();
            if consistent {
                let len = header.total_len() as u64;
                let relative = relative.unwrap_or_default();
                let planned = planner.observe(relative, position as u32, len, header.max_timestamp);
                // A due entry missing from the file: the index lost entries.
                consistent = planned.0.is_none();
                expected = header.next_offset();
            }
            consistent
        })?;
        let reached = matches!(end, WalkEnd::Stopped(p) | WalkEnd::End(p) if p == point.position);
        if !consistent || !reached || expected != point.next_offset {
            tracing::warn!(segment = %self.log_path.display(), ?point, "recovery point does not fit the segment; scanning it whole");
            return Ok(None);
        }
        let scan = Scan {
            base_offset,
            gaps_allowed: self.gaps_allowed,
            position: point.position,
            expected,
            planner,
            offsets,
            times,
        };
        let started = std::time::Instant::now();
        let tail_bytes = self.size - point.position;
        let truncated = self.validate(scan)?;
        tracing::info!(segment = %self.log_path.display(), from = point.position, tail_bytes, elapsed_ms = started.elapsed().as_millis() as u64, "recovered segment from its recovery point");
        Ok(Some(truncated))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The checkpoint round-trips and rejects anything else.
    #[test]
    fn point_round_trip() {
        let point = RecoveryPoint {
            base_offset: 7,
            position: 4096,
            next_offset: 42,
        };
        assert_eq!(RecoveryPoint::decode(&point.encode()), Some(point));
        assert_eq!(RecoveryPoint::decode(b"base_offset=7\nposition=1\n"), None);
        assert_eq!(
            RecoveryPoint::decode(b"base_offset=7\nposition=1\nnext_offset=3\n"),
            None
        );
        assert_eq!(RecoveryPoint::decode(b"\xff"), None);
    }
}
