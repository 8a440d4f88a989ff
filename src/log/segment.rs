//! One log segment: `{base_offset:020}.log` holding record batches back to back, a sparse
//! offset index `.index` (relative offset u32, position u32 per `index.interval.bytes`) and
//! a time index `.timeindex` (max timestamp i64, relative offset u32).
//!
//! Invariants: the file holds only whole, CRC-valid batches with contiguous increasing
//! offsets (recovery truncates anything else); index entries increase strictly and point
//! at batch starts; `next_offset` is one past the last offset in the file.

use super::LogError;
use bytes::{Bytes, BytesMut};
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::os::unix::fs::FileExt;
use std::path::{Path, PathBuf};
use strom_protocol::records::{self, BatchHeader, BATCH_HEADER_LEN};

const INDEX_ENTRY: usize = 8;
const TIME_ENTRY: usize = 12;
/// Bytes read at once while scanning a segment.
const SCAN_CHUNK: usize = 1 << 20;

pub struct Segment {
    pub base_offset: i64,
    pub next_offset: i64,
    pub size: u64,
    /// Largest batch max-timestamp in the segment, and the base offset of that batch.
    pub max_timestamp: i64,
    pub max_timestamp_batch: i64,
    /// Wall time when the segment was created (for `segment.ms` rolls).
    pub created_ms: i64,
    log_path: PathBuf,
    log: File,
    index: Vec<(u32, u32)>,
    index_file: File,
    time_index: Vec<(i64, u32)>,
    time_file: File,
    bytes_since_index: u64,
    index_interval: u64,
}

fn io<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> LogError + 'a {
    move |source| LogError::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

pub fn file_name(base_offset: i64, extension: &str) -> String {
    format!("{base_offset:020}.{extension}")
}

impl Segment {
    /// Creates an empty segment.
    pub fn create(
        dir: &Path,
        base_offset: i64,
        now_ms: i64,
        index_interval: u64,
    ) -> Result<Segment, LogError> {
        for ext in ["log", "index", "timeindex"] {
            let path = dir.join(file_name(base_offset, ext));
            File::create(&path).map_err(io("creating", &path))?;
        }
        Segment::open(dir, base_offset, now_ms, false, index_interval)
    }

    /// Opens a segment. With `recover`, every batch is validated and a torn or corrupt tail
    /// truncated; the indexes are always checked and rebuilt by a scan when unusable.
    pub fn open(
        dir: &Path,
        base_offset: i64,
        now_ms: i64,
        recover: bool,
        index_interval: u64,
    ) -> Result<Segment, LogError> {
        let log_path = dir.join(file_name(base_offset, "log"));
        let open = |path: &Path| {
            OpenOptions::new()
                .read(true)
                .append(true)
                .create(true)
                .open(path)
                .map_err(io("opening", path))
        };
        let log = open(&log_path)?;
        let index_path = dir.join(file_name(base_offset, "index"));
        let time_path = dir.join(file_name(base_offset, "timeindex"));
        let index_file = open(&index_path)?;
        let time_file = open(&time_path)?;
        let size = log
            .metadata()
            .map_err(io("reading size of", &log_path))?
            .len();
        let mut segment = Segment {
            base_offset,
            next_offset: base_offset,
            size,
            max_timestamp: -1,
            max_timestamp_batch: base_offset,
            created_ms: now_ms,
            log_path,
            log,
            index: Vec::new(),
            index_file,
            time_index: Vec::new(),
            time_file,
            bytes_since_index: 0,
            index_interval,
        };
        let index_ok = !recover && segment.load_indexes(&index_path, &time_path)?;
        if index_ok {
            if let Some(&(ts, rel)) = segment.time_index.last() {
                segment.max_timestamp = ts;
                segment.max_timestamp_batch = base_offset + i64::from(rel);
            }
        }
        // Without trusted indexes scan everything; with them, scan only from the last entry.
        let from = if index_ok {
            segment.index.last().map_or(0, |e| e.1 as u64)
        } else {
            0
        };
        if !index_ok {
            segment.index.clear();
            segment.time_index.clear();
        }
        segment.scan(from, !index_ok)?;
        if !index_ok {
            segment.rewrite_indexes(&index_path, &time_path)?;
        }
        Ok(segment)
    }

    /// Loads both index files; false when either is damaged (then they are rebuilt).
    fn load_indexes(&mut self, index_path: &Path, time_path: &Path) -> Result<bool, LogError> {
        let index = std::fs::read(index_path).map_err(io("reading", index_path))?;
        let times = std::fs::read(time_path).map_err(io("reading", time_path))?;
        if index.len() % INDEX_ENTRY != 0 || times.len() % TIME_ENTRY != 0 {
            return Ok(false);
        }
        for entry in index.chunks_exact(INDEX_ENTRY) {
            let rel = u32::from_be_bytes([entry[0], entry[1], entry[2], entry[3]]);
            let pos = u32::from_be_bytes([entry[4], entry[5], entry[6], entry[7]]);
            let increasing = self
                .index
                .last()
                .is_none_or(|last| rel > last.0 && pos > last.1);
            if !increasing || u64::from(pos) >= self.size {
                return Ok(false);
            }
            self.index.push((rel, pos));
        }
        for entry in times.chunks_exact(TIME_ENTRY) {
            let mut ts = [0u8; 8];
            ts.copy_from_slice(&entry[..8]);
            let rel = u32::from_be_bytes([entry[8], entry[9], entry[10], entry[11]]);
            self.time_index.push((i64::from_be_bytes(ts), rel));
        }
        Ok(true)
    }

    fn rewrite_indexes(&mut self, index_path: &Path, time_path: &Path) -> Result<(), LogError> {
        let mut index = Vec::with_capacity(self.index.len() * INDEX_ENTRY);
        for (rel, pos) in &self.index {
            index.extend_from_slice(&rel.to_be_bytes());
            index.extend_from_slice(&pos.to_be_bytes());
        }
        let mut times = Vec::with_capacity(self.time_index.len() * TIME_ENTRY);
        for (ts, rel) in &self.time_index {
            times.extend_from_slice(&ts.to_be_bytes());
            times.extend_from_slice(&rel.to_be_bytes());
        }
        self.index_file
            .set_len(0)
            .map_err(io("truncating", index_path))?;
        self.index_file
            .write_all(&index)
            .map_err(io("writing", index_path))?;
        self.time_file
            .set_len(0)
            .map_err(io("truncating", time_path))?;
        self.time_file
            .write_all(&times)
            .map_err(io("writing", time_path))?;
        Ok(())
    }

    /// Walks the batches from `from`, validating each one, rebuilding index entries when
    /// `build_index`, and truncates the file at the first invalid batch.
    fn scan(&mut self, from: u64, build_index: bool) -> Result<(), LogError> {
        let mut position = from;
        let mut expected: Option<i64> = None;
        loop {
            let chunk = self.read_at(position, SCAN_CHUNK.max(BATCH_HEADER_LEN))?;
            if chunk.is_empty() {
                break;
            }
            let mut consumed = 0usize;
            let mut stop = false;
            for item in records::batches(&chunk) {
                let Ok((header, batch)) = item else { break };
                let contiguous = expected.is_none_or(|e| header.base_offset == e)
                    && header.base_offset >= self.base_offset;
                if records::validate_batch(batch).is_err() || !contiguous {
                    stop = true;
                    break;
                }
                self.note_batch(&header, position + consumed as u64, build_index);
                expected = Some(header.last_offset() + 1);
                consumed += batch.len();
            }
            if consumed == 0 && !stop {
                // A batch larger than the chunk: read exactly it.
                let header = match BatchHeader::parse(&chunk) {
                    Ok(h)
                        if h.total_len() > chunk.len()
                            && (position + h.total_len() as u64) <= self.size =>
                    {
                        h
                    }
                    _ => break,
                };
                let whole = self.read_at(position, header.total_len())?;
                if whole.len() != header.total_len() || records::validate_batch(&whole).is_err() {
                    break;
                }
                self.note_batch(&header, position, build_index);
                expected = Some(header.last_offset() + 1);
                position += whole.len() as u64;
                continue;
            }
            position += consumed as u64;
            if stop || consumed < chunk.len() && chunk.len() < SCAN_CHUNK {
                break;
            }
        }
        if position < self.size {
            tracing::warn!(
                segment = %self.log_path.display(),
                valid_bytes = position,
                dropped_bytes = self.size - position,
                "truncating torn or corrupt tail"
            );
            self.log
                .set_len(position)
                .map_err(io("truncating", &self.log_path))?;
            self.log.sync_all().map_err(io("syncing", &self.log_path))?;
            self.size = position;
            self.index.retain(|e| u64::from(e.1) < position);
        }
        Ok(())
    }

    /// Records a batch that is in the file at `position`.
    fn note_batch(&mut self, header: &BatchHeader, position: u64, build_index: bool) {
        let rel = (header.base_offset - self.base_offset) as u32;
        if build_index && position > 0 && self.bytes_since_index >= self.index_interval {
            self.index.push((rel, position as u32));
            self.time_index
                .push((self.max_timestamp.max(header.max_timestamp), rel));
            self.bytes_since_index = 0;
        }
        self.bytes_since_index += header.total_len() as u64;
        if header.max_timestamp > self.max_timestamp {
            self.max_timestamp = header.max_timestamp;
            self.max_timestamp_batch = header.base_offset;
        }
        self.next_offset = header.last_offset() + 1;
    }

    /// Appends batches whose offsets are already assigned.
    pub fn append(&mut self, batches: &[u8]) -> Result<(), LogError> {
        let start = self.size;
        if let Err(e) = self.log.write_all(batches) {
            // Leave no partial batch behind: cut back to where this append started.
            let _ = self.log.set_len(start);
            return Err(io("appending to", &self.log_path)(e));
        }
        self.size += batches.len() as u64;
        let mut position = start;
        for (header, batch) in records::batches(batches).flatten() {
            let rel = (header.base_offset - self.base_offset) as u32;
            if position > 0 && self.bytes_since_index >= self.index_interval {
                let max_ts = self.max_timestamp.max(header.max_timestamp);
                let mut entry = [0u8; INDEX_ENTRY];
                entry[..4].copy_from_slice(&rel.to_be_bytes());
                entry[4..].copy_from_slice(&(position as u32).to_be_bytes());
                let mut time = [0u8; TIME_ENTRY];
                time[..8].copy_from_slice(&max_ts.to_be_bytes());
                time[8..].copy_from_slice(&rel.to_be_bytes());
                self.index_file
                    .write_all(&entry)
                    .map_err(io("writing index of", &self.log_path))?;
                self.time_file
                    .write_all(&time)
                    .map_err(io("writing time index of", &self.log_path))?;
                self.index.push((rel, position as u32));
                self.time_index.push((max_ts, rel));
                self.bytes_since_index = 0;
            }
            self.bytes_since_index += batch.len() as u64;
            if header.max_timestamp > self.max_timestamp {
                self.max_timestamp = header.max_timestamp;
                self.max_timestamp_batch = header.base_offset;
            }
            self.next_offset = header.last_offset() + 1;
            position += batch.len() as u64;
        }
        Ok(())
    }

    pub fn read_at(&self, position: u64, len: usize) -> Result<Bytes, LogError> {
        let available = self.size.saturating_sub(position).min(len as u64) as usize;
        let mut buf = BytesMut::zeroed(available);
        let mut filled = 0;
        while filled < available {
            let n = self
                .log
                .read_at(&mut buf[filled..], position + filled as u64)
                .map_err(io("reading", &self.log_path))?;
            if n == 0 {
                break;
            }
            filled += n;
        }
        buf.truncate(filled);
        Ok(buf.freeze())
    }

    /// File position of the batch containing `offset` (or the first batch after it).
    pub fn position_of(&self, offset: i64) -> Result<Option<u64>, LogError> {
        let rel = (offset - self.base_offset).max(0) as u32;
        let start = match self.index.partition_point(|e| e.0 <= rel) {
            0 => 0,
            n => u64::from(self.index[n - 1].1),
        };
        let mut position = start;
        while position < self.size {
            let head = self.read_at(position, 12)?;
            if head.len() < 12 {
                break;
            }
            let base = i64::from_be_bytes(head[..8].try_into().unwrap_or_default());
            let length = i32::from_be_bytes(head[8..12].try_into().unwrap_or_default());
            let total = 12 + length.max(0) as u64;
            let last = self.read_at(position + 23, 4)?;
            let last_delta = i32::from_be_bytes(last[..].try_into().unwrap_or_default());
            if base + i64::from(last_delta) >= offset {
                return Ok(Some(position));
            }
            position += total;
        }
        Ok(None)
    }

    /// Whole batches starting at `position`, at most `max_bytes` unless `min_one` and the
    /// first batch alone is larger.
    pub fn read_batches(
        &self,
        position: u64,
        max_bytes: usize,
        min_one: bool,
    ) -> Result<Bytes, LogError> {
        let chunk = self.read_at(position, max_bytes.max(BATCH_HEADER_LEN))?;
        let mut whole = 0;
        for (_, batch) in records::batches(&chunk).map_while(Result::ok) {
            if whole + batch.len() > max_bytes {
                break;
            }
            whole += batch.len();
        }
        if whole == 0 && min_one {
            if let Ok(header) = BatchHeader::parse(&chunk) {
                return self.read_at(position, header.total_len());
            }
        }
        Ok(chunk.slice(..whole))
    }

    /// First batch (position, header) whose max timestamp is at least `timestamp`.
    pub fn find_by_time(&self, timestamp: i64) -> Result<Option<(u64, BatchHeader)>, LogError> {
        // Time-index entries before the first one reaching the target are all older.
        let before = self.time_index.partition_point(|e| e.0 < timestamp);
        let mut position = match before {
            0 => 0,
            n => self
                .position_of(self.base_offset + i64::from(self.time_index[n - 1].1))?
                .unwrap_or(0),
        };
        while position < self.size {
            let head = self.read_at(position, BATCH_HEADER_LEN)?;
            let Ok(header) = BatchHeader::parse(&head) else {
                break;
            };
            if header.max_timestamp >= timestamp {
                return Ok(Some((position, header)));
            }
            position += header.total_len() as u64;
        }
        Ok(None)
    }

    pub fn flush(&self) -> Result<(), LogError> {
        self.log
            .sync_data()
            .map_err(io("syncing", &self.log_path))?;
        self.index_file
            .sync_data()
            .map_err(io("syncing index of", &self.log_path))?;
        self.time_file
            .sync_data()
            .map_err(io("syncing time index of", &self.log_path))
    }
}
