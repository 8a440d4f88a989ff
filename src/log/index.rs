//! Sparse index files of a segment: fixed-size big-endian entries appended in strictly
//! increasing order, searched by bisection. The offset index (`.index`) maps a relative
//! offset to the file position of the batch starting there; the time index lives in
//! `time_index.rs` and shares this file type.
//!
//! Invariants: the file holds exactly `len` whole entries, each strictly after the one
//! before (`IndexEntry::follows`). The active segment keeps a copy of its entries in memory
//! so lookups on the hot path cost no system call; a sealed segment drops that copy and
//! bisects the file with positional reads, which bounds memory to the active segments.

use super::time_index::TimeEntry;
use super::{io_error, LogError};
use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};

/// One fixed-size entry of an index file.
pub trait IndexEntry: Copy + std::fmt::Debug + PartialEq {
    const SIZE: usize;
    fn encode(&self, out: &mut [u8]);
    /// `buf` is exactly `SIZE` bytes.
    fn decode(buf: &[u8]) -> Self;
    /// Whether `self` may come right after `previous` in a well-formed file.
    fn follows(&self, previous: &Self) -> bool;
}

/// An offset-index entry: the batch whose base offset is `segment base + relative_offset`
/// starts at byte `position` of the segment's `.log` file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OffsetEntry {
    pub relative_offset: u32,
    pub position: u32,
}

impl IndexEntry for OffsetEntry {
    const SIZE: usize = 8;

    fn encode(&self, out: &mut [u8]) {
        out[..4].copy_from_slice(&self.relative_offset.to_be_bytes());
        out[4..8].copy_from_slice(&self.position.to_be_bytes());
    }

    fn decode(buf: &[u8]) -> Self {
        OffsetEntry {
            relative_offset: u32::from_be_bytes([buf[0], buf[1], buf[2], buf[3]]),
            position: u32::from_be_bytes([buf[4], buf[5], buf[6], buf[7]]),
        }
    }

    fn follows(&self, previous: &Self) -> bool {
        self.relative_offset > previous.relative_offset && self.position > previous.position
    }
}

/// An index file and, for the active segment, its entries in memory.
#[derive(Debug)]
pub struct IndexFile<E: IndexEntry> {
    path: PathBuf,
    file: File,
    /// Entries in the file.
    len: usize,
    last: Option<E>,
    /// All entries, kept while the segment is active (see the module header).
    cache: Option<Vec<E>>,
    /// The file may hold bytes past `len` entries after a failed cut-back.
    stale_tail: bool,
}

impl<E: IndexEntry> IndexFile<E> {
    /// Opens (creating if missing) the index at `path` and reads it whole. The flag is false
    /// when the file is damaged (a partial entry, or entries out of order); the index is then
    /// empty and the caller rebuilds it with [`IndexFile::rewrite`]. Entries stay cached.
    pub fn open(path: &Path) -> Result<(IndexFile<E>, bool), LogError> {
        let file = OpenOptions::new()
            .read(true)
            .write(true)
            .create(true)
            .truncate(false)
            .open(path)
            .map_err(io_error("opening index", path))?;
        let bytes = std::fs::read(path).map_err(io_error("reading index", path))?;
        let mut index = IndexFile {
            path: path.to_path_buf(),
            file,
            len: 0,
            last: None,
            cache: Some(Vec::new()),
            stale_tail: false,
        };
        if bytes.len() % E::SIZE != 0 {
            return Ok((index, false));
        }
        let mut entries: Vec<E> = Vec::with_capacity(bytes.len() / E::SIZE);
        for chunk in bytes.chunks_exact(E::SIZE) {
            let entry = E::decode(chunk);
            if entries.last().is_some_and(|last| !entry.follows(last)) {
                return Ok((index, false));
            }
            entries.push(entry);
        }
        index.len = entries.len();
        index.last = entries.last().copied();
        index.cache = Some(entries);
        Ok((index, true))
    }

    /// The entries held in memory (all of them for an active segment, none once dropped).
    pub fn cached(&self) -> &[E] {
        self.cache.as_deref().unwrap_or_default()
    }

    pub fn last(&self) -> Option<E> {
        self.last
    }

    pub fn len(&self) -> usize {
        self.len
    }

    /// Appends entries with one write. On failure the file is cut back to its previous
    /// length and nothing changes in memory.
    pub fn append(&mut self, entries: &[E]) -> Result<(), LogError> {
        if entries.is_empty() {
            return Ok(());
        }
        self.fix_tail()?;
        let mut previous = self.last;
        for entry in entries {
            debug_assert!(!matches!(previous, Some(p) if !entry.follows(&p)));
            previous = Some(*entry);
        }
        let mut bytes = vec![0u8; entries.len() * E::SIZE];
        for (entry, out) in entries.iter().zip(bytes.chunks_exact_mut(E::SIZE)) {
            entry.encode(out);
        }
        let start = (self.len * E::SIZE) as u64;
        if let Err(e) = self.file.write_all_at(&bytes, start) {
            self.stale_tail = self.file.set_len(start).is_err();
            return Err(io_error("appending to index", &self.path)(e));
        }
        self.len += entries.len();
        self.last = entries.last().copied();
        if let Some(cache) = &mut self.cache {
            cache.extend_from_slice(entries);
        }
        Ok(())
    }

    /// Undoes the last append, back to `len` entries ending with `last` (both read before
    /// it). Memory is always restored; should the file not shrink, the next append or sync
    /// retries first.
    pub fn undo_append(&mut self, len: usize, last: Option<E>) {
        if len >= self.len {
            return;
        }
        self.len = len;
        self.last = last;
        if let Some(cache) = &mut self.cache {
            cache.truncate(len);
        }
        self.stale_tail = self.file.set_len((len * E::SIZE) as u64).is_err();
    }

    /// Retries cutting the file back to `len` entries after a failed undo.
    fn fix_tail(&mut self) -> Result<(), LogError> {
        if self.stale_tail {
            self.file
                .set_len((self.len * E::SIZE) as u64)
                .map_err(io_error("truncating index", &self.path))?;
            self.stale_tail = false;
        }
        Ok(())
    }

    /// Replaces the whole file with `entries` (after a rebuild) and fsyncs it.
    pub fn rewrite(&mut self, entries: Vec<E>, keep_cache: bool) -> Result<(), LogError> {
        let mut bytes = vec![0u8; entries.len() * E::SIZE];
        for (entry, out) in entries.iter().zip(bytes.chunks_exact_mut(E::SIZE)) {
            entry.encode(out);
        }
        self.file
            .set_len(0)
            .and_then(|()| self.file.write_all_at(&bytes, 0))
            .map_err(io_error("rewriting index", &self.path))?;
        self.file
            .sync_data()
            .map_err(io_error("syncing index", &self.path))?;
        self.len = entries.len();
        self.last = entries.last().copied();
        self.cache = keep_cache.then_some(entries);
        self.stale_tail = false;
        Ok(())
    }

    /// The last entry for which `before` holds, where `before` is true for a prefix of the
    /// entries (a floor lookup).
    pub fn floor(&self, before: impl Fn(&E) -> bool) -> Result<Option<E>, LogError> {
        if let Some(cache) = &self.cache {
            let n = cache.partition_point(|e| before(e));
            return Ok(n.checked_sub(1).map(|i| cache[i]));
        }
        let (mut low, mut high) = (0usize, self.len);
        let mut found = None;
        while low < high {
            let middle = low + (high - low) / 2;
            let entry = self.read_entry(middle)?;
            if before(&entry) {
                found = Some(entry);
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        Ok(found)
    }

    fn read_entry(&self, i: usize) -> Result<E, LogError> {
        let mut buf = [0u8; 16];
        let buf = &mut buf[..E::SIZE];
        self.file
            .read_exact_at(buf, (i * E::SIZE) as u64)
            .map_err(io_error("reading index", &self.path))?;
        Ok(E::decode(buf))
    }

    /// Forgets the in-memory copy once the segment is sealed.
    pub fn drop_cache(&mut self) {
        self.cache = None;
    }

    pub fn sync(&mut self) -> Result<(), LogError> {
        self.fix_tail()?;
        self.file
            .sync_data()
            .map_err(io_error("syncing index", &self.path))
    }
}

/// Decides where sparse entries go, batch by batch, so that appends and rebuilds by a scan
/// produce the same files. An offset entry is due once more than `interval_bytes` were
/// written since the previous one (Kafka's `index.interval.bytes`); at the same points a
/// time entry records the largest timestamp so far, when it grew since the last time entry.
#[derive(Debug, Clone)]
pub struct IndexPlanner {
    interval_bytes: u64,
    bytes_since_entry: u64,
    /// Largest batch max timestamp in the segment, and the relative offset of the first
    /// batch that reached it. Negative timestamps (-1 = none) are ignored.
    max_timestamp: Option<(i64, u32)>,
    last_time_entry: Option<i64>,
}

impl IndexPlanner {
    pub fn new(interval_bytes: u64) -> IndexPlanner {
        IndexPlanner {
            interval_bytes,
            bytes_since_entry: 0,
            max_timestamp: None,
            last_time_entry: None,
        }
    }

    /// A planner for the same interval, starting over at the beginning of a segment.
    pub fn restarted(&self) -> IndexPlanner {
        IndexPlanner::new(self.interval_bytes)
    }

    /// Resumes planning in a segment opened with trusted indexes, before observing again
    /// the batch of its last offset entry (or its first batch) and all those after it.
    pub fn resume(&mut self, last_time_entry: Option<TimeEntry>) {
        self.bytes_since_entry = 0;
        self.last_time_entry = last_time_entry.map(|e| e.timestamp);
        self.max_timestamp = last_time_entry.map(|e| (e.timestamp, e.relative_offset));
    }

    /// Plans the entries for the next batch, which starts at `position`.
    pub fn observe(
        &mut self,
        relative_offset: u32,
        position: u32,
        batch_len: u64,
        max_timestamp: i64,
    ) -> (Option<OffsetEntry>, Option<TimeEntry>) {
        if max_timestamp >= 0 && grows(self.max_timestamp.map(|m| m.0), max_timestamp) {
            self.max_timestamp = Some((max_timestamp, relative_offset));
        }
        let mut planned = (None, None);
        if self.bytes_since_entry > self.interval_bytes {
            planned.0 = Some(OffsetEntry {
                relative_offset,
                position,
            });
            if let Some((timestamp, relative_offset)) = self.max_timestamp {
                if grows(self.last_time_entry, timestamp) {
                    planned.1 = Some(TimeEntry {
                        timestamp,
                        relative_offset,
                    });
                    self.last_time_entry = Some(timestamp);
                }
            }
            self.bytes_since_entry = 0;
        }
        self.bytes_since_entry += batch_len;
        planned
    }

    /// The segment's largest timestamp and the relative offset of its first batch.
    pub fn max_timestamp(&self) -> Option<(i64, u32)> {
        self.max_timestamp
    }
}

/// Whether `timestamp` is a new maximum over `current`.
fn grows(current: Option<i64>, timestamp: i64) -> bool {
    match current {
        None => true,
        Some(current) => timestamp > current,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(relative_offset: u32, position: u32) -> OffsetEntry {
        OffsetEntry {
            relative_offset,
            position,
        }
    }

    /// Appended entries survive a reopen, and floor lookups agree between the in-memory
    /// copy and bisection of the file.
    #[test]
    fn append_reopen_and_floor() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("0.index");
        let (mut index, ok) = IndexFile::<OffsetEntry>::open(&path).unwrap();
        assert!(ok);
        index
            .append(&[entry(10, 100), entry(20, 200), entry(30, 300)])
            .unwrap();
        drop(index);
        let (mut index, ok) = IndexFile::<OffsetEntry>::open(&path).unwrap();
        assert!(ok);
        assert_eq!(index.len(), 3);
        assert_eq!(index.last(), Some(entry(30, 300)));
        for cached in [true, false] {
            if !cached {
                index.drop_cache();
            }
            let floor = |r: u32| index.floor(|e| e.relative_offset <= r).unwrap();
            assert_eq!(floor(5), None);
            assert_eq!(floor(10), Some(entry(10, 100)));
            assert_eq!(floor(29), Some(entry(20, 200)));
            assert_eq!(floor(1000), Some(entry(30, 300)));
        }
    }

    /// A partial entry or entries out of order mark the file as damaged.
    #[test]
    fn damaged_files_are_reported() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("0.index");
        std::fs::write(&path, [0u8; 9]).unwrap();
        assert!(!IndexFile::<OffsetEntry>::open(&path).unwrap().1);
        let mut bytes = vec![0u8; 16];
        entry(5, 50).encode(&mut bytes[..8]);
        entry(4, 60).encode(&mut bytes[8..]);
        std::fs::write(&path, &bytes).unwrap();
        assert!(!IndexFile::<OffsetEntry>::open(&path).unwrap().1);
        std::fs::remove_file(&path).unwrap();
        let (index, ok) = IndexFile::<OffsetEntry>::open(&path).unwrap();
        assert!(ok);
        assert_eq!(index.len(), 0);
    }
}
