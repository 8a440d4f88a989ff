//! The metadata log on local disk: `__cluster_metadata-0/metadata.log` holds entries, each a
//! batch of records with consecutive offsets; `snapshot` holds the records that rebuild the
//! image up to some offset, so the log only keeps what came after.
//!
//! Entry layout (big-endian): base offset u64, payload length u32, CRC-32C u32 over the base
//! offset and payload, payload (a JSON array of records).
//!
//! Invariants: an append returns only after its entry is fsynced. Recovery keeps the
//! longest prefix of whole, checksummed entries with consecutive offsets and truncates the
//! rest (a torn write at a crash). The snapshot is replaced atomically (temp, fsync, rename,
//! fsync dir) before the log is emptied, so at every instant snapshot + log hold every
//! record; log entries at or below the snapshot's offset are skipped on replay.

use super::image::{ApplyError, Image, MetadataRecord};
use std::fs::{File, OpenOptions};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

pub const DIR_NAME: &str = "__cluster_metadata-0";
const LOG_FILE: &str = "metadata.log";
const SNAPSHOT_FILE: &str = "snapshot";
const HEADER: usize = 16;
/// An entry larger than this is damage, not data.
const MAX_ENTRY: usize = 64 << 20;

#[derive(Debug, thiserror::Error)]
pub enum MetadataError {
    #[error("{op} {path}: {source}")]
    Io {
        op: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("metadata snapshot {path} is damaged: {reason}")]
    BadSnapshot { path: PathBuf, reason: String },
    #[error("metadata log {path}: {source}")]
    Replay { path: PathBuf, source: ApplyError },
    #[error(transparent)]
    Invalid(#[from] ApplyError),
}

fn io<'a>(op: &'static str, path: &'a Path) -> impl FnOnce(std::io::Error) -> MetadataError + 'a {
    move |source| MetadataError::Io {
        op,
        path: path.to_path_buf(),
        source,
    }
}

pub struct MetadataLog {
    dir: PathBuf,
    file: File,
    /// Offset the next record gets.
    next_offset: i64,
    /// Bytes appended since the last snapshot.
    bytes_since_snapshot: u64,
}

/// One decoded entry.
struct Entry {
    base_offset: i64,
    records: Vec<MetadataRecord>,
}

fn encode_entry(base_offset: i64, records: &[MetadataRecord], out: &mut Vec<u8>) {
    let payload = serde_json::to_vec(records).expect("metadata records serialize");
    let offset_bytes = (base_offset as u64).to_be_bytes();
    let crc = crc32c::crc32c_append(crc32c::crc32c(&offset_bytes), &payload);
    out.extend_from_slice(&offset_bytes);
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    out.extend_from_slice(&crc.to_be_bytes());
    out.extend_from_slice(&payload);
}

/// Decodes whole, valid entries from the front of `data`; returns them and how many bytes
/// they span (the rest is a torn or damaged tail).
fn decode_entries(data: &[u8]) -> (Vec<Entry>, usize) {
    let mut entries = Vec::new();
    let mut position = 0;
    let mut expected: Option<i64> = None;
    while data.len() - position >= HEADER {
        let header = &data[position..position + HEADER];
        let base_offset = u64::from_be_bytes(header[0..8].try_into().unwrap()) as i64;
        let len = u32::from_be_bytes(header[8..12].try_into().unwrap()) as usize;
        let crc = u32::from_be_bytes(header[12..16].try_into().unwrap());
        if len > MAX_ENTRY || data.len() - position - HEADER < len {
            break;
        }
        let payload = &data[position + HEADER..position + HEADER + len];
        if crc32c::crc32c_append(crc32c::crc32c(&header[0..8]), payload) != crc {
            break;
        }
        if expected.is_some_and(|e| e != base_offset) || base_offset < 0 {
            break;
        }
        let Ok(records) = serde_json::from_slice::<Vec<MetadataRecord>>(payload) else {
            break;
        };
        if records.is_empty() {
            break;
        }
        expected = Some(base_offset + records.len() as i64);
        entries.push(Entry {
            base_offset,
            records,
        });
        position += HEADER + len;
    }
    (entries, position)
}

fn sync_dir(dir: &Path) -> Result<(), MetadataError> {
    File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io("syncing", dir))
}

impl MetadataLog {
    /// Opens the metadata log under `log_dirs` (creating it when new), replays snapshot and
    /// log, and returns the log with the image they make.
    pub fn open(log_dirs: &Path) -> Result<(MetadataLog, Image), MetadataError> {
        let dir = log_dirs.join(DIR_NAME);
        std::fs::create_dir_all(&dir).map_err(io("creating", &dir))?;
        let mut image = Image::default();
        let snapshot_path = dir.join(SNAPSHOT_FILE);
        match std::fs::read(&snapshot_path) {
            Ok(data) => {
                let (entries, used) = decode_entries(&data);
                let bad = |reason: String| MetadataError::BadSnapshot {
                    path: snapshot_path.clone(),
                    reason,
                };
                if used != data.len() || entries.len() != 1 {
                    return Err(bad(format!(
                        "{} of {} bytes in {} entries are valid",
                        used,
                        data.len(),
                        entries.len()
                    )));
                }
                let entry = &entries[0];
                for record in &entry.records {
                    image
                        .apply_in_place(record)
                        .map_err(|e| bad(e.to_string()))?;
                }
                image.offset = entry.base_offset;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io("reading", &snapshot_path)(e)),
        }
        let log_path = dir.join(LOG_FILE);
        let mut data = Vec::new();
        match File::open(&log_path) {
            Ok(mut file) => {
                file.read_to_end(&mut data)
                    .map_err(io("reading", &log_path))?;
            }
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(e) => return Err(io("opening", &log_path)(e)),
        }
        let (entries, used) = decode_entries(&data);
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log_path)
            .map_err(io("opening", &log_path))?;
        if used < data.len() {
            tracing::warn!(
                path = %log_path.display(),
                kept = used,
                dropped = data.len() - used,
                "metadata log has a torn or damaged tail; truncating it"
            );
            file.set_len(used as u64)
                .and_then(|()| file.sync_all())
                .map_err(io("truncating", &log_path))?;
        }
        let mut replayed = 0;
        for entry in &entries {
            for (i, record) in entry.records.iter().enumerate() {
                let offset = entry.base_offset + i as i64;
                if offset <= image.offset {
                    continue;
                }
                if offset != image.offset + 1 {
                    return Err(MetadataError::Replay {
                        path: log_path,
                        source: ApplyError(format!(
                            "record at offset {offset} follows {}",
                            image.offset
                        )),
                    });
                }
                image = image
                    .apply(offset, record)
                    .map_err(|source| MetadataError::Replay {
                        path: log_path.clone(),
                        source,
                    })?;
                replayed += 1;
            }
        }
        tracing::info!(
            offset = image.offset,
            replayed,
            topics = image.topics.len(),
            "metadata log loaded"
        );
        let log = MetadataLog {
            dir,
            file,
            next_offset: image.offset + 1,
            bytes_since_snapshot: used as u64,
        };
        Ok((log, image))
    }

    /// Appends `records` as one entry (all or none survive a crash) and fsyncs it. Returns
    /// the offset of the first.
    pub fn append(&mut self, records: &[MetadataRecord]) -> Result<i64, MetadataError> {
        let base = self.next_offset;
        let mut entry = Vec::new();
        encode_entry(base, records, &mut entry);
        let path = self.dir.join(LOG_FILE);
        if let Err(e) = self
            .file
            .write_all(&entry)
            .and_then(|()| self.file.sync_data())
        {
            // Leave no partial entry behind for the next append to follow.
            let _ = self.truncate_to_valid();
            return Err(io("appending to", &path)(e));
        }
        self.next_offset += records.len() as i64;
        self.bytes_since_snapshot += entry.len() as u64;
        Ok(base)
    }

    fn truncate_to_valid(&mut self) -> std::io::Result<()> {
        let data = std::fs::read(self.dir.join(LOG_FILE))?;
        let (_, used) = decode_entries(&data);
        self.file.set_len(used as u64)?;
        self.file.sync_all()
    }

    pub fn bytes_since_snapshot(&self) -> u64 {
        self.bytes_since_snapshot
    }

    /// Writes `image` (which must include every appended record) as the snapshot, then
    /// empties the log.
    pub fn snapshot(&mut self, image: &Image) -> Result<(), MetadataError> {
        debug_assert_eq!(image.offset + 1, self.next_offset);
        let mut data = Vec::new();
        encode_entry(image.offset, &image.to_records(), &mut data);
        let temp = self.dir.join(format!("{SNAPSHOT_FILE}.tmp"));
        let path = self.dir.join(SNAPSHOT_FILE);
        let mut file = File::create(&temp).map_err(io("creating", &temp))?;
        file.write_all(&data)
            .and_then(|()| file.sync_all())
            .map_err(io("writing", &temp))?;
        std::fs::rename(&temp, &path).map_err(io("renaming", &temp))?;
        sync_dir(&self.dir)?;
        // Every record is in the snapshot now: the log restarts empty.
        let log_path = self.dir.join(LOG_FILE);
        self.file
            .set_len(0)
            .and_then(|()| self.file.sync_all())
            .map_err(io("emptying", &log_path))?;
        self.bytes_since_snapshot = 0;
        tracing::info!(
            offset = image.offset,
            bytes = data.len(),
            "metadata snapshot written"
        );
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::image::ConfigResource;

    fn records(n: usize) -> Vec<MetadataRecord> {
        (0..n)
            .map(|i| MetadataRecord::Config {
                resource: ConfigResource::Broker(String::new()),
                key: format!("k{i}"),
                value: Some(i.to_string()),
            })
            .collect()
    }

    fn append_applied(log: &mut MetadataLog, image: &mut Image, batch: &[MetadataRecord]) {
        let base = log.append(batch).unwrap();
        for (i, r) in batch.iter().enumerate() {
            *image = image.apply(base + i as i64, r).unwrap();
        }
    }

    /// Appended records replay to the same image after a reopen; a snapshot empties the log
    /// and later records replay on top of it.
    #[test]
    fn replay_with_and_without_snapshot() {
        let dir = tempfile::tempdir().unwrap();
        let (mut log, mut image) = MetadataLog::open(dir.path()).unwrap();
        assert_eq!(image, Image::default());
        let all = records(6);
        append_applied(&mut log, &mut image, &all[0..2]);
        append_applied(&mut log, &mut image, &all[2..3]);
        drop(log);
        let (mut log, reopened) = MetadataLog::open(dir.path()).unwrap();
        assert_eq!(reopened, image);
        assert_eq!(image.offset, 2);
        log.snapshot(&image).unwrap();
        let log_path = dir.path().join(DIR_NAME).join(LOG_FILE);
        assert_eq!(std::fs::metadata(&log_path).unwrap().len(), 0);
        append_applied(&mut log, &mut image, &all[3..6]);
        drop(log);
        let (_, reopened) = MetadataLog::open(dir.path()).unwrap();
        assert_eq!(reopened.offset, 5);
        assert_eq!(reopened, image);
        assert_eq!(reopened.broker_configs[""].len(), 6);
    }

    /// A torn last entry is truncated on open; what was whole stays, and appends go on
    /// from there.
    #[test]
    fn torn_tail_is_truncated() {
        let dir = tempfile::tempdir().unwrap();
        let (mut log, mut image) = MetadataLog::open(dir.path()).unwrap();
        append_applied(&mut log, &mut image, &records(1));
        append_applied(&mut log, &mut image, &records(3));
        drop(log);
        let log_path = dir.path().join(DIR_NAME).join(LOG_FILE);
        let full = std::fs::read(&log_path).unwrap();
        // Every cut inside the second entry keeps exactly the first.
        let (_, first_len) = decode_entries(&full);
        assert_eq!(first_len, full.len());
        let first_entry_len = {
            let mut one = Vec::new();
            encode_entry(0, &records(1), &mut one);
            one.len()
        };
        for cut in [
            first_entry_len + 1,
            first_entry_len + HEADER,
            full.len() - 1,
        ] {
            std::fs::write(&log_path, &full[..cut]).unwrap();
            let (mut log, image) = MetadataLog::open(dir.path()).unwrap();
            assert_eq!(image.offset, 0, "cut at {cut}");
            assert_eq!(
                std::fs::metadata(&log_path).unwrap().len(),
                first_entry_len as u64
            );
            assert_eq!(log.append(&records(1)).unwrap(), 1);
        }
        // A flipped byte in the payload is damage: the entry and everything after go.
        let mut damaged = full.clone();
        damaged[HEADER + 2] ^= 0x40;
        std::fs::write(&log_path, &damaged).unwrap();
        let (_, image) = MetadataLog::open(dir.path()).unwrap();
        assert_eq!(image.offset, -1);
    }

    /// A crash after the snapshot was renamed but before the log was emptied replays the
    /// log entries the snapshot already holds without applying them twice.
    #[test]
    fn snapshot_then_crash_before_log_emptied() {
        let dir = tempfile::tempdir().unwrap();
        let (mut log, mut image) = MetadataLog::open(dir.path()).unwrap();
        append_applied(
            &mut log,
            &mut image,
            &[MetadataRecord::ClusterId { id: "c".into() }],
        );
        append_applied(
            &mut log,
            &mut image,
            &[MetadataRecord::CreateTopic {
                name: "t".into(),
                id: strom_protocol::Uuid([3; 16]).to_string(),
                partitions: 1,
                configs: Default::default(),
                replicas: vec![vec![1]],
                states: Vec::new(),
            }],
        );
        let log_path = dir.path().join(DIR_NAME).join(LOG_FILE);
        let saved = std::fs::read(&log_path).unwrap();
        log.snapshot(&image).unwrap();
        drop(log);
        std::fs::write(&log_path, &saved).unwrap();
        let (mut log, reopened) = MetadataLog::open(dir.path()).unwrap();
        assert_eq!(reopened, image);
        assert_eq!(log.append(&records(1)).unwrap(), 2);
    }
}
