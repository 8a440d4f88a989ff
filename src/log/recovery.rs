//! Bringing a partition directory back to a consistent log on open.
//!
//! What is trusted: sealed segments were fsynced with their indexes when the log rolled,
//! and after a clean shutdown (marker present, see `checkpoint.rs`) so was the active one.
//! Such a segment is only checked from its last offset-index entry on: the batch there
//! must carry the expected offset, the batches after it must increase, end exactly
//! at the end of the file, and be such that no further index entry was due. Everything
//! else is recovered: the active segment after a crash, and any segment whose index files
//! are missing or damaged, is validated batch by batch from its start (length, CRC-32C,
//! offsets increasing from the base offset: compaction leaves gaps), cut at the first bad
//! batch, and its indexes
//! rebuilt. A sealed segment that loses bytes this way takes all later segments with it,
//! so that the log keeps contiguous offsets. After a crash the active segment is validated
//! only past its recovery point, when one fits (see `recovery_point.rs`): the bytes before
//! it were fsynced before the point was recorded.

use super::checkpoint::{self, TEMP_SUFFIX};
use super::index::{IndexPlanner, OffsetEntry};
use super::recovery_point::RecoveryPoint;
use super::segment::{file_name, Segment, WalkEnd, INDEX_EXTENSIONS, LOG_EXTENSION};
use super::time_index::TimeEntry;
use super::{io_error, LogError};
use std::collections::BTreeSet;
use std::path::Path;
use strom_protocol::records::{batches, validate_batch, BatchHeader, BATCH_HEADER_LEN};

/// Bytes read at once while validating a segment.
const SCAN_CHUNK: usize = 1 << 20;

/// What opening the segments took.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecoveryStats {
    /// Bytes of batches validated (length, CRC-32C, offsets): whole segments recovered
    /// from their start, plus the active segment's tail past the recovery point.
    pub bytes_validated: u64,
    /// The active segment was validated from the recovery point rather than its start.
    pub used_recovery_point: bool,
    /// A recovery point was found that did not fit the active segment (and was ignored).
    pub ignored_recovery_point: bool,
}

/// Opens every segment in `dir`, oldest first. `clean_log_end_offset` is the offset the
/// clean-shutdown marker recorded, `None` after a crash; `recovery_point` where the last
/// completed flush left the active segment (see `recovery_point.rs`).
pub fn load_segments(
    dir: &Path,
    interval_bytes: u64,
    clean_log_end_offset: Option<i64>,
    recovery_point: Option<RecoveryPoint>,
) -> Result<(Vec<Segment>, RecoveryStats), LogError> {
    let mut stats = RecoveryStats::default();
    let bases = list_and_tidy(dir)?;
    let cleaned_below = super::cleaner::checkpoint_in(dir);
    let mut segments: Vec<Segment> = Vec::with_capacity(bases.len());
    for (i, &base) in bases.iter().enumerate() {
        let last = i + 1 == bases.len();
        let (mut segment, indexes_ok) = Segment::open_files(dir, base, interval_bytes)?;
        // Only compacted segments may have offset gaps; elsewhere a gap means damage.
        segment.gaps_allowed = base < cleaned_below;
        let trust = indexes_ok && (clean_log_end_offset.is_some() || !last);
        let from_point = match recovery_point {
            Some(point) if last && !trust && indexes_ok => {
                let size = segment.size;
                let recovered = segment.recover_from(point)?;
                stats.used_recovery_point = recovered.is_some();
                stats.ignored_recovery_point = recovered.is_none();
                if recovered.is_some() {
                    stats.bytes_validated += size - point.position;
                }
                recovered
            }
            Some(_) if last && !trust => {
                stats.ignored_recovery_point = true;
                None
            }
            _ => None,
        };
        let truncated = if let Some(truncated) = from_point {
            truncated
        } else if trust && segment.resume_trusted()? {
            false
        } else {
            if trust {
                tracing::warn!(segment = %segment.log_path.display(), "segment disagrees with its indexes; recovering it");
            }
            // A scan reads the whole segment (up to segment.bytes): say which and how far
            // along the log it is, so a long recovery shows progress.
            let started = std::time::Instant::now();
            let bytes = segment.size;
            stats.bytes_validated += bytes;
            let truncated = segment.recover()?;
            tracing::info!(
                segment = %segment.log_path.display(),
                progress = %format!("{}/{}", i + 1, bases.len()),
                bytes,
                elapsed_ms = started.elapsed().as_millis() as u64,
                "recovered segment"
            );
            truncated
        };
        if let Some(previous) = segments.last() {
            check_contiguous(previous, &segment)?;
        }
        segments.push(segment);
        if truncated && !last {
            for &later in &bases[i + 1..] {
                tracing::warn!(dir = %dir.display(), base_offset = later, "deleting segment after a truncated one");
                delete_segment_files(dir, later)?;
            }
            break;
        }
    }
    if let (Some(expected), Some(active)) = (clean_log_end_offset, segments.last_mut()) {
        if active.next_offset != expected {
            tracing::warn!(dir = %dir.display(), expected, found = active.next_offset, "clean-shutdown marker disagrees with the log; recovering the active segment");
            active.recover()?;
        }
    }
    let sealed = segments.len().saturating_sub(1);
    for segment in &mut segments[..sealed] {
        segment.offset_index.drop_cache();
        segment.time_index.drop_cache();
    }
    Ok((segments, stats))
}

/// Overlapping segments cannot be served; a gap (a segment deleted by hand) is tolerated:
/// reads skip to the next offset that exists, as Kafka's do.
fn check_contiguous(previous: &Segment, next: &Segment) -> Result<(), LogError> {
    if previous.next_offset > next.base_offset {
        return Err(LogError::Corrupt {
            path: next.log_path.clone(),
            reason: format!(
                "segment starts at offset {} but the previous one ends at {}",
                next.base_offset,
                previous.next_offset - 1
            ),
        });
    }
    if previous.next_offset < next.base_offset {
        // Normal after compaction removed a segment's last batches.
        tracing::debug!(segment = %next.log_path.display(), missing_from = previous.next_offset, "offsets missing between segments");
    }
    Ok(())
}

/// Base offsets of the segments in `dir`, sorted. Removes what a crash can leave behind:
/// temporary files of atomic writes, and index files (offset, time, transaction) whose
/// `.log` does not exist.
fn list_and_tidy(dir: &Path) -> Result<Vec<i64>, LogError> {
    let mut bases = BTreeSet::new();
    let mut indexes = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io_error("listing", dir))? {
        let name = entry.map_err(io_error("listing", dir))?.file_name();
        let Some(name) = name.to_str() else { continue };
        // Temporary files of atomic writes, and compaction output never renamed into place.
        if name.ends_with(TEMP_SUFFIX) || name.ends_with(".cleaned") {
            let path = dir.join(name);
            std::fs::remove_file(&path).map_err(io_error("removing", &path))?;
            continue;
        }
        let Some((stem, extension)) = name.split_once('.') else {
            continue;
        };
        let base = match stem.parse::<i64>() {
            Ok(base) if base >= 0 && stem.len() == 20 => base,
            _ => continue,
        };
        match extension {
            LOG_EXTENSION => {
                bases.insert(base);
            }
            e if INDEX_EXTENSIONS.contains(&e) => indexes.push((base, name.to_string())),
            _ => {}
        }
    }
    for (base, name) in indexes {
        if !bases.contains(&base) {
            let path = dir.join(&name);
            std::fs::remove_file(&path).map_err(io_error("removing", &path))?;
        }
    }
    Ok(bases.into_iter().collect())
}

/// Removes a segment's files (those that exist), durably.
pub(super) fn delete_segment_files(dir: &Path, base: i64) -> Result<(), LogError> {
    for extension in std::iter::once(LOG_EXTENSION).chain(INDEX_EXTENSIONS) {
        remove_if_present(&dir.join(file_name(base, extension)))?;
    }
    checkpoint::sync_dir(dir)
}

/// Removes a file; one that is already gone is fine.
pub(super) fn remove_if_present(path: &Path) -> Result<(), LogError> {
    match std::fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(io_error("removing", path)(e)),
    }
}

/// State of a validating scan: where it is, what it expects next, what it planned.
pub(super) struct Scan {
    pub(super) base_offset: i64,
    pub(super) gaps_allowed: bool,
    pub(super) position: u64,
    pub(super) expected: i64,
    pub(super) planner: IndexPlanner,
    pub(super) offsets: Vec<OffsetEntry>,
    pub(super) times: Vec<TimeEntry>,
}

impl Scan {
    /// Takes the batch at `position` if it is sound and continues the offsets.
    fn accept(&mut self, header: &BatchHeader, batch: &[u8]) -> bool {
        let end = self.position + batch.len() as u64;
        let relative = u32::try_from(header.base_offset - self.base_offset);
        let last_fits = u32::try_from(header.last_offset() - self.base_offset).is_ok();
        let (Ok(relative), true, Ok(_)) = (relative, last_fits, u32::try_from(end)) else {
            return false;
        };
        // Offsets only grow; compaction leaves gaps where whole batches were removed.
        let in_sequence = if self.gaps_allowed {
            header.base_offset >= self.expected
        } else {
            header.base_offset == self.expected
        };
        if !in_sequence || validate_batch(batch).is_err() {
            return false;
        }
        let (offset_entry, time_entry) = self.planner.observe(
            relative,
            self.position as u32,
            batch.len() as u64,
            header.max_timestamp,
        );
        self.offsets.extend(offset_entry);
        self.times.extend(time_entry);
        self.expected = header.next_offset();
        self.position = end;
        true
    }
}

impl Segment {
    /// Checks a segment whose index files parsed cleanly from its last offset entry on,
    /// and sets `next_offset` and the planner from that tail. False when anything
    /// disagrees; the segment is then left for [`Segment::recover`].
    pub(super) fn resume_trusted(&mut self) -> Result<bool, LogError> {
        let last = self.offset_index.last();
        let last_time = self.time_index.last();
        let (start, first_offset) = match last {
            Some(e) => (
                u64::from(e.position),
                self.base_offset + i64::from(e.relative_offset),
            ),
            None => (0, self.base_offset),
        };
        if last.is_some() && start >= self.size {
            return Ok(false);
        }
        // Time entries are only written alongside offset entries, never past them.
        if let Some(time) = last_time {
            if !matches!(last, Some(e) if e.relative_offset >= time.relative_offset) {
                return Ok(false);
            }
        }
        let mut planner = self.planner.clone();
        planner.resume(last_time);
        let mut expected = first_offset;
        let mut consistent = true;
        let base_offset = self.base_offset;
        let self_gaps_allowed = self.gaps_allowed;
        let end = self.walk(start, |position, header| {
            let relative = u32::try_from(header.base_offset - base_offset);
            consistent = (header.base_offset == expected
                || (self_gaps_allowed && header.base_offset > expected))
                && relative.is_ok()
                && u32::try_from(header.last_offset() - base_offset).is_ok()
                && u32::try_from(position).is_ok();
            if consistent {
                let relative = relative.unwrap_or_default();
                let len = header.total_len() as u64;
                let planned = planner.observe(relative, position as u32, len, header.max_timestamp);
                // A due entry that is not in the file: the index lost entries.
                consistent = planned.0.is_none();
                expected = header.next_offset();
            }
            consistent
        })?;
        if !consistent || end != WalkEnd::End(self.size) {
            return Ok(false);
        }
        self.next_offset = expected;
        self.planner = planner;
        Ok(true)
    }

    /// Validates every batch from the start, cuts the file at the first one that is torn,
    /// fails its CRC or breaks the offset sequence, and rewrites both indexes. Returns
    /// whether bytes were cut.
    pub(super) fn recover(&mut self) -> Result<bool, LogError> {
        let scan = Scan {
            base_offset: self.base_offset,
            gaps_allowed: self.gaps_allowed,
            position: 0,
            expected: self.base_offset,
            planner: self.planner.restarted(),
            offsets: Vec::new(),
            times: Vec::new(),
        };
        self.validate(scan)
    }

    /// Validates the batches from where `scan` stands (everything before it is trusted and
    /// its index entries are in `scan`), cuts the file at the first bad one and rewrites
    /// both indexes. Returns whether bytes were cut.
    pub(super) fn validate(&mut self, mut scan: Scan) -> Result<bool, LogError> {
        'scan: while scan.position < self.size {
            let chunk = self.read_at(scan.position, SCAN_CHUNK)?;
            let mut progressed = false;
            for item in batches(&chunk) {
                let Ok((header, batch)) = item else { break };
                if !scan.accept(&header, batch) {
                    break 'scan;
                }
                progressed = true;
            }
            if !progressed {
                // The batch here is longer than a chunk, or unreadable.
                let Ok(header) = BatchHeader::parse(&chunk) else {
                    break;
                };
                let len = header.total_len();
                if len < BATCH_HEADER_LEN || scan.position + len as u64 > self.size {
                    break;
                }
                let batch = self.read_at(scan.position, len)?;
                if !scan.accept(&header, &batch) {
                    break;
                }
            }
        }
        let truncated = scan.position < self.size;
        if truncated {
            tracing::warn!(
                segment = %self.log_path.display(),
                valid_bytes = scan.position,
                dropped_bytes = self.size - scan.position,
                "truncating a torn or corrupt tail"
            );
            self.log
                .set_len(scan.position)
                .map_err(io_error("truncating", &self.log_path))?;
            self.log
                .sync_data()
                .map_err(io_error("syncing", &self.log_path))?;
            self.size = scan.position;
        }
        self.offset_index.rewrite(scan.offsets, true)?;
        self.time_index.rewrite(scan.times, true)?;
        self.next_offset = scan.expected;
        self.planner = scan.planner;
        self.dirty_tail = false;
        Ok(truncated)
    }
}
