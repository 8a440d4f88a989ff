//! One segment of a partition log: `{base_offset:020}.log` holding record batches back to
//! back, exactly as produced with only `base_offset` patched, plus its sparse `.index` and
//! `.timeindex` (see `index.rs`, `time_index.rs`).
//!
//! A segment may also own a `.txnindex` ([`TXN_INDEX_EXTENSION`]). Nothing writes it yet:
//! it will hold, as Kafka's does, one entry per transaction aborted in the segment
//! (producer id, first offset, last offset, last stable offset at the abort) so that a
//! read_committed fetch can list the aborted transactions overlapping what it returns
//! without scanning the batches. Its place is reserved now: every path that deletes or
//! replaces a segment's files (retention, DeleteRecords, compaction's swap, recovery's
//! clean-up of later segments and of orphans) removes a `.txnindex` with them, so a file
//! left by an older segment at the same base offset can never be read as this one's.
//!
//! Invariants: bytes `0..size` of the file are whole batches with increasing offsets (gaps
//! only where compaction removed batches) from
//! `base_offset` to `next_offset - 1` (recovery, in `recovery.rs`, makes it so on open);
//! every index entry points at a batch start inside `0..size`; relative offsets and file
//! positions fit in u32 because the log rolls before either could overflow. An append
//! either lands whole, with its index entries, or leaves file and memory as they were.

use super::index::{IndexFile, IndexPlanner, OffsetEntry};
use super::time_index::{self, TimeEntry};
use super::{io_error, LogError};
use bytes::Bytes;
use std::fs::{File, OpenOptions};
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use strom_protocol::records::{batches, BatchHeader, BATCH_HEADER_LEN};

/// Bytes read at once while walking batch headers: a little more than the default index
/// interval, so a lookup usually costs one read after the index bisection.
const WALK_CHUNK: usize = 16 << 10;

/// The batches.
pub const LOG_EXTENSION: &str = "log";
/// The sparse offset index.
pub const INDEX_EXTENSION: &str = "index";
/// The sparse time index.
pub const TIME_INDEX_EXTENSION: &str = "timeindex";
/// The transaction index (aborted transactions; reserved, see the module header).
pub const TXN_INDEX_EXTENSION: &str = "txnindex";
/// The files derived from a segment's `.log`, which go when it goes.
pub const INDEX_EXTENSIONS: [&str; 3] =
    [INDEX_EXTENSION, TIME_INDEX_EXTENSION, TXN_INDEX_EXTENSION];

/// `{base_offset:020}.{extension}`, Kafka's segment file naming.
pub fn file_name(base_offset: i64, extension: &str) -> String {
    format!("{base_offset:020}.{extension}")
}

#[derive(Debug)]
pub struct Segment {
    pub(super) base_offset: i64,
    /// One past the last offset in the segment (`base_offset` when empty).
    pub(super) next_offset: i64,
    /// Bytes of whole batches; the file is never read past it.
    pub(super) size: u64,
    /// `now_ms` of the first append since the segment was created or opened; `segment.ms`
    /// counts from it (no wall clock is read here).
    pub(super) first_append_ms: Option<i64>,
    pub(super) log_path: PathBuf,
    /// Shared with fetch responses being sent straight from the file (`FileSlice`).
    pub(super) log: Arc<File>,
    pub(super) offset_index: IndexFile<OffsetEntry>,
    pub(super) time_index: IndexFile<TimeEntry>,
    pub(super) planner: IndexPlanner,
    /// A failed append could not cut the file back to `size`; the next write or close
    /// retries before anything else happens.
    pub(super) dirty_tail: bool,
    /// Compaction removed batches here, so offsets may skip (recovery accepts gaps).
    pub(super) gaps_allowed: bool,
}

/// How a walk over batch headers ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WalkEnd {
    /// The visitor stopped at the batch starting at this position.
    Stopped(u64),
    /// No further whole batch: the position after the last one visited. Equal to the
    /// segment size unless a partial or nonsensical header follows.
    End(u64),
}

impl Segment {
    /// Creates an empty segment, truncating any leftover files of the same name.
    pub fn create(dir: &Path, base_offset: i64, interval_bytes: u64) -> Result<Segment, LogError> {
        for extension in [INDEX_EXTENSION, TIME_INDEX_EXTENSION] {
            let path = dir.join(file_name(base_offset, extension));
            File::create(&path).map_err(io_error("creating", &path))?;
        }
        // A transaction index left by an older segment at this base is not this one's.
        super::recovery::remove_if_present(&dir.join(file_name(base_offset, TXN_INDEX_EXTENSION)))?;
        let log_path = dir.join(file_name(base_offset, LOG_EXTENSION));
        let log = File::create(&log_path).map_err(io_error("creating", &log_path))?;
        drop(log);
        Segment::open_files(dir, base_offset, interval_bytes).map(|(segment, _)| segment)
    }

    /// Opens the three files without checking anything. The flag tells whether both index
    /// files existed and parsed cleanly; `recovery.rs` decides what to trust.
    pub(super) fn open_files(
        dir: &Path,
        base_offset: i64,
        interval_bytes: u64,
    ) -> Result<(Segment, bool), LogError> {
        let log_path = dir.join(file_name(base_offset, LOG_EXTENSION));
        let index_path = dir.join(file_name(base_offset, INDEX_EXTENSION));
        let time_path = dir.join(file_name(base_offset, TIME_INDEX_EXTENSION));
        let existed = index_path.exists() && time_path.exists();
        let log = OpenOptions::new()
            .read(true)
            .write(true)
            .open(&log_path)
            .map_err(io_error("opening", &log_path))?;
        let size = log
            .metadata()
            .map_err(io_error("reading size of", &log_path))?
            .len();
        let (offset_index, offsets_ok) = IndexFile::open(&index_path)?;
        let (time_index, times_ok) = IndexFile::open(&time_path)?;
        let segment = Segment {
            base_offset,
            next_offset: base_offset,
            size,
            first_append_ms: None,
            log_path,
            log: Arc::new(log),
            offset_index,
            time_index,
            planner: IndexPlanner::new(interval_bytes),
            dirty_tail: false,
            gaps_allowed: false,
        };
        Ok((segment, existed && offsets_ok && times_ok))
    }

    pub fn base_offset(&self) -> i64 {
        self.base_offset
    }

    pub fn next_offset(&self) -> i64 {
        self.next_offset
    }

    pub fn size(&self) -> u64 {
        self.size
    }

    pub fn index_entries(&self) -> usize {
        self.offset_index.len()
    }

    /// The relative offset of `offset` in this segment, if it fits an index entry.
    pub fn relative(&self, offset: i64) -> Option<u32> {
        u32::try_from(offset - self.base_offset).ok()
    }

    /// Appends batches whose offsets were assigned from `next_offset` by the caller, with
    /// one write, plus the index entries they make due.
    pub fn append(&mut self, records: &[u8], now_ms: i64) -> Result<(), LogError> {
        self.fix_tail()?;
        let mut planner = self.planner.clone();
        let (mut offsets, mut times) = (Vec::new(), Vec::new());
        let mut position = self.size;
        let mut next_offset = self.next_offset;
        for item in batches(records) {
            let (header, batch) = item.map_err(|e| LogError::InvalidBatch(e.to_string()))?;
            let end = position + batch.len() as u64;
            let fits = self.relative(header.last_offset()).is_some() && u32::try_from(end).is_ok();
            let (Some(relative), true) = (self.relative(header.base_offset), fits) else {
                return Err(LogError::InvalidBatch(
                    "batch does not fit the active segment".into(),
                ));
            };
            debug_assert_eq!(
                header.base_offset, next_offset,
                "offsets assigned by caller"
            );
            let (offset_entry, time_entry) = planner.observe(
                relative,
                position as u32,
                batch.len() as u64,
                header.max_timestamp,
            );
            offsets.extend(offset_entry);
            times.extend(time_entry);
            position = end;
            next_offset = header.next_offset();
        }
        if let Err(e) = self.log.write_all_at(records, self.size) {
            self.cut_back();
            return Err(io_error("appending to", &self.log_path)(e));
        }
        let offsets_before = (self.offset_index.len(), self.offset_index.last());
        let indexed = self
            .offset_index
            .append(&offsets)
            .and_then(|()| self.time_index.append(&times));
        if let Err(e) = indexed {
            self.offset_index
                .undo_append(offsets_before.0, offsets_before.1);
            self.cut_back();
            return Err(e);
        }
        self.size = position;
        self.next_offset = next_offset;
        self.planner = planner;
        self.first_append_ms.get_or_insert(now_ms);
        Ok(())
    }

    /// Cuts the file back to `size` after a failed write; remembers to retry if that fails.
    fn cut_back(&mut self) {
        self.dirty_tail = self.log.set_len(self.size).is_err();
    }

    /// Retries a cut-back that failed earlier.
    pub fn fix_tail(&mut self) -> Result<(), LogError> {
        if self.dirty_tail {
            self.log
                .set_len(self.size)
                .map_err(io_error("truncating", &self.log_path))?;
            self.dirty_tail = false;
        }
        Ok(())
    }

    /// Up to `len` bytes from `position`, never past `size`. Read into uninitialised
    /// capacity (no zero-fill first: that cost a tenth of fetch time), under the log's lock,
    /// so moving the shared file position is safe; appends write at explicit positions.
    pub fn read_at(&self, position: u64, len: usize) -> Result<Bytes, LogError> {
        use std::io::{Read, Seek, SeekFrom};
        let available = self.size.saturating_sub(position).min(len as u64) as usize;
        let mut buf = Vec::with_capacity(available);
        let mut file: &File = &self.log;
        file.seek(SeekFrom::Start(position))
            .and_then(|_| file.take(available as u64).read_to_end(&mut buf))
            .map_err(io_error("reading", &self.log_path))?;
        if buf.len() != available {
            return Err(io_error("reading", &self.log_path)(std::io::Error::new(
                std::io::ErrorKind::UnexpectedEof,
                format!("{} of {available} bytes at {position}", buf.len()),
            )));
        }
        Ok(Bytes::from(buf))
    }

    /// Visits batch headers from `from` (a batch start) while `visit` returns true. Only
    /// batches lying wholly inside `0..size` are visited.
    pub fn walk(
        &self,
        from: u64,
        mut visit: impl FnMut(u64, &BatchHeader) -> bool,
    ) -> Result<WalkEnd, LogError> {
        let mut position = from;
        while position < self.size {
            let chunk = self.read_at(position, WALK_CHUNK)?;
            let mut local = 0usize;
            while let Ok(header) = BatchHeader::parse(&chunk[local..]) {
                let len = header.total_len();
                if len < BATCH_HEADER_LEN || position + (local + len) as u64 > self.size {
                    return Ok(WalkEnd::End(position + local as u64));
                }
                if !visit(position + local as u64, &header) {
                    return Ok(WalkEnd::Stopped(position + local as u64));
                }
                local += len;
                if local >= chunk.len() {
                    break;
                }
            }
            if local == 0 {
                // Less than a header left before `size`: a partial tail.
                return Ok(WalkEnd::End(position));
            }
            position += local as u64;
        }
        Ok(WalkEnd::End(position))
    }

    /// Position of the batch holding `offset`, or of the first batch after it; `None` when
    /// the segment has nothing at or after `offset`.
    pub fn locate(&self, offset: i64) -> Result<Option<u64>, LogError> {
        if offset >= self.next_offset {
            return Ok(None);
        }
        let relative = self.relative(offset).unwrap_or(0);
        let start = self
            .offset_index
            .floor(|e| e.relative_offset <= relative)?
            .map_or(0, |e| u64::from(e.position));
        match self.walk(start, |_, header| header.last_offset() < offset)? {
            WalkEnd::Stopped(position) => Ok(Some(position)),
            WalkEnd::End(_) => Ok(None),
        }
    }

    /// Whole batches from `position` totalling at most `max_bytes`, or exactly the first
    /// batch when it alone is larger and `min_one_batch`. Also returns the offset after
    /// the last batch returned (`None` when nothing is returned).
    pub fn read_batches(
        &self,
        position: u64,
        max_bytes: usize,
        min_one_batch: bool,
    ) -> Result<(Bytes, Option<i64>), LogError> {
        let mut buf = self.read_at(position, max_bytes)?;
        let mut whole = 0;
        let mut next_offset = None;
        for (header, batch) in batches(&buf).map_while(Result::ok) {
            whole += batch.len();
            next_offset = Some(header.next_offset());
        }
        if whole == 0 && min_one_batch {
            let head = self.read_at(position, BATCH_HEADER_LEN)?;
            let header = BatchHeader::parse(&head).map_err(|_| self.corrupt(position))?;
            let len = header.total_len();
            if len < BATCH_HEADER_LEN || position + len as u64 > self.size {
                return Err(self.corrupt(position));
            }
            buf = self.read_at(position, len)?;
            whole = len;
            next_offset = Some(header.next_offset());
        }
        buf.truncate(whole);
        Ok((buf, next_offset))
    }

    /// Like `read_batches`, but instead of reading the bytes it returns how many there are:
    /// the length of the whole batches from `position` (a batch start) totalling at most
    /// `max_bytes`, or of exactly the first batch when it alone is larger and
    /// `min_one_batch`. The offset index skips to the last indexed batch start within the
    /// limit, so only a few headers near the end are read, whatever the length.
    pub fn slice_batches(
        &self,
        position: u64,
        max_bytes: usize,
        min_one_batch: bool,
    ) -> Result<u64, LogError> {
        if position >= self.size {
            return Ok(0);
        }
        let limit = position.saturating_add(max_bytes as u64).min(self.size);
        let indexed = self
            .offset_index
            .floor(|e| u64::from(e.position) <= limit)?
            .map_or(0, |e| u64::from(e.position));
        // Batches are contiguous, so everything between `position` and an indexed batch
        // start at or before `limit` is whole batches within the limit.
        let start = indexed.max(position);
        let mut end = start;
        self.walk(start, |at, header| {
            let batch_end = at + header.total_len() as u64;
            if batch_end <= limit {
                end = batch_end;
            }
            batch_end < limit
        })?;
        if end > position || !min_one_batch {
            return Ok(end - position);
        }
        // KIP-74: the first batch goes alone when it is larger than the limit.
        let head = self.read_at(position, BATCH_HEADER_LEN)?;
        let header = BatchHeader::parse(&head).map_err(|_| self.corrupt(position))?;
        let len = header.total_len() as u64;
        if (len as usize) < BATCH_HEADER_LEN || position + len > self.size {
            return Err(self.corrupt(position));
        }
        Ok(len)
    }

    /// The max timestamp of the segment's first batch, when it has one with a timestamp.
    pub fn first_batch_timestamp(&self) -> Result<Option<i64>, LogError> {
        if self.size < BATCH_HEADER_LEN as u64 {
            return Ok(None);
        }
        let head = self.read_at(0, BATCH_HEADER_LEN)?;
        Ok(BatchHeader::parse(&head)
            .ok()
            .map(|h| h.max_timestamp)
            .filter(|&t| t >= 0))
    }

    /// The segment's file, for sending ranges of it.
    pub fn file(&self) -> &Arc<File> {
        &self.log
    }

    fn corrupt(&self, position: u64) -> LogError {
        LogError::Corrupt {
            path: self.log_path.clone(),
            reason: format!("no valid batch header at position {position}"),
        }
    }

    /// The first batch whose max timestamp is at least `timestamp`: (position, header).
    pub fn find_by_time(&self, timestamp: i64) -> Result<Option<(u64, BatchHeader)>, LogError> {
        let start = time_index::scan_start(&self.time_index, &self.offset_index, timestamp)?;
        let mut found = None;
        self.walk(start, |position, header| {
            if header.max_timestamp >= timestamp {
                found = Some((position, *header));
            }
            found.is_none()
        })?;
        Ok(found)
    }

    /// The segment's largest timestamp and the base offset of the first batch holding it.
    pub fn max_timestamp(&self) -> Option<(i64, i64)> {
        let (timestamp, relative) = self.planner.max_timestamp()?;
        Some((timestamp, self.base_offset + i64::from(relative)))
    }

    /// The newest time the segment holds, for retention and the compaction lag: its largest
    /// record timestamp, or without timestamps its file's modification time.
    pub fn newest_timestamp_ms(&self) -> Result<i64, LogError> {
        match self.max_timestamp() {
            Some((timestamp, _)) => Ok(timestamp),
            None => self.modified_ms(),
        }
    }

    /// The log file's modification time in milliseconds since the epoch.
    fn modified_ms(&self) -> Result<i64, LogError> {
        let modified = self
            .log
            .metadata()
            .and_then(|m| m.modified())
            .map_err(io_error("reading modification time of", &self.log_path))?;
        Ok(modified
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_millis() as i64))
    }

    /// A second handle on the segment's log file (to fsync it without holding the log).
    pub fn try_clone_file(&self) -> Result<File, LogError> {
        self.log
            .try_clone()
            .map_err(io_error("duplicating handle of", &self.log_path))
    }

    /// Fsyncs the log and both indexes.
    pub fn flush(&mut self) -> Result<(), LogError> {
        self.fix_tail()?;
        self.log
            .sync_data()
            .map_err(io_error("syncing", &self.log_path))?;
        self.offset_index.sync()?;
        self.time_index.sync()
    }

    /// Makes the segment read-only for good: flushed, its index copies dropped from memory.
    pub fn seal(&mut self) -> Result<(), LogError> {
        self.flush()?;
        self.offset_index.drop_cache();
        self.time_index.drop_cache();
        Ok(())
    }
}
