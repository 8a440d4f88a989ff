//! The Raft log on local disk, under `<log.dirs>/__cluster_metadata-0/`:
//!
//! - `raft.log`: entries, each framed as payload length u32, CRC-32C u32 of the payload,
//!   payload (an openraft entry as JSON), big-endian;
//! - `raft.state`: the vote, the committed log id and the last purged log id, as JSON,
//!   replaced atomically (temp file, fsync, rename, fsync of the directory).
//!
//! Invariants: `append` reports its entries flushed, and `save_vote` returns, only after they
//! are fsynced (Raft §5.1: a node must not forget a vote or an acknowledged entry). Recovery
//! keeps the longest prefix of whole, checksummed entries with consecutive indexes and
//! truncates the rest (a torn write at a crash). Entries at or below the last purged index
//! are ignored on load, so a crash between recording a purge and rewriting the file is
//! harmless. The metadata log is bounded by snapshots, so every live entry is also kept in
//! memory and reads never touch the disk.

use super::TypeConfig;
use openraft::storage::{LogFlushed, LogState, RaftLogStorage};
use openraft::{
    Entry, LogId, OptionalSend, RaftLogId, RaftLogReader, StorageError, StorageIOError, Vote,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt::Debug;
use std::fs::{File, OpenOptions};
use std::io::Write;
use std::ops::RangeBounds;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, MutexGuard};

const LOG_FILE: &str = "raft.log";
const STATE_FILE: &str = "raft.state";
const HEADER: usize = 8;
/// An entry larger than this is damage, not data.
const MAX_ENTRY: usize = 64 << 20;

type NodeId = u64;
type Error = StorageError<NodeId>;

/// What must survive a restart besides the entries.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct HardState {
    vote: Option<Vote<NodeId>>,
    committed: Option<LogId<NodeId>>,
    last_purged: Option<LogId<NodeId>>,
}

/// Durable Raft log storage; clones share one log.
#[derive(Clone)]
pub struct LogStore {
    inner: Arc<Mutex<Inner>>,
}

struct Inner {
    dir: PathBuf,
    /// Append handle on `raft.log`.
    file: File,
    /// Live entries by index, each with the file position its frame starts at (truncation
    /// cuts the file there).
    entries: BTreeMap<u64, (Entry<TypeConfig>, u64)>,
    /// Length of `raft.log`: where the next frame goes.
    file_len: u64,
    state: HardState,
    /// Off only where a test chooses speed over surviving power loss.
    fsync: bool,
}

fn encode_frame(entry: &Entry<TypeConfig>, out: &mut Vec<u8>) {
    let payload = serde_json::to_vec(entry).expect("raft entries serialize");
    out.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    out.extend_from_slice(&crc32c::crc32c(&payload).to_be_bytes());
    out.extend_from_slice(&payload);
}

/// Decodes whole, valid frames with consecutive indexes from the front of `data`; returns
/// each entry with its position, and how many bytes they span.
fn decode_frames(data: &[u8]) -> (Vec<(Entry<TypeConfig>, u64)>, usize) {
    let mut out: Vec<(Entry<TypeConfig>, u64)> = Vec::new();
    let mut position = 0;
    while data.len() - position >= HEADER {
        let len = u32::from_be_bytes(data[position..position + 4].try_into().unwrap()) as usize;
        let crc = u32::from_be_bytes(data[position + 4..position + 8].try_into().unwrap());
        if len > MAX_ENTRY || data.len() - position - HEADER < len {
            break;
        }
        let payload = &data[position + HEADER..position + HEADER + len];
        if crc32c::crc32c(payload) != crc {
            break;
        }
        let Ok(entry) = serde_json::from_slice::<Entry<TypeConfig>>(payload) else {
            break;
        };
        if let Some((last, _)) = out.last() {
            if entry.log_id.index != last.log_id.index + 1 {
                break;
            }
        }
        out.push((entry, position as u64));
        position += HEADER + len;
    }
    (out, position)
}

fn read_error(e: impl std::error::Error + 'static) -> Error {
    StorageIOError::read_logs(&e).into()
}

fn write_error(e: impl std::error::Error + 'static) -> Error {
    StorageIOError::write_logs(&e).into()
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    File::open(dir)?.sync_all()
}

impl LogStore {
    /// Opens (creating when new) the log in `dir`, recovering from a torn tail.
    pub fn open(dir: &Path, fsync: bool) -> Result<LogStore, Error> {
        std::fs::create_dir_all(dir).map_err(write_error)?;
        let state = match std::fs::read(dir.join(STATE_FILE)) {
            Ok(data) => serde_json::from_slice(&data).map_err(read_error)?,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => HardState::default(),
            Err(e) => return Err(read_error(e)),
        };
        let log_path = dir.join(LOG_FILE);
        let data = match std::fs::read(&log_path) {
            Ok(data) => data,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Vec::new(),
            Err(e) => return Err(read_error(e)),
        };
        let (frames, used) = decode_frames(&data);
        let file = OpenOptions::new()
            .create(true)
            .append(true)
            .open(&log_path)
            .map_err(write_error)?;
        if used < data.len() {
            tracing::warn!(
                path = %log_path.display(),
                kept = used,
                dropped = data.len() - used,
                "raft log has a torn or damaged tail; truncating it"
            );
            file.set_len(used as u64)
                .and_then(|()| file.sync_all())
                .map_err(write_error)?;
        }
        let purged_index = state.last_purged.map(|l| l.index);
        let entries: BTreeMap<_, _> = frames
            .into_iter()
            .filter(|(e, _)| purged_index.is_none_or(|p| e.log_id.index > p))
            .map(|(e, position)| (e.log_id.index, (e, position)))
            .collect();
        if let (Some(p), Some(first)) = (purged_index, entries.keys().next()) {
            if *first != p + 1 {
                return Err(read_error(std::io::Error::other(format!(
                    "raft log starts at {first} after purging up to {p}"
                ))));
            }
        }
        Ok(LogStore {
            inner: Arc::new(Mutex::new(Inner {
                dir: dir.to_path_buf(),
                file,
                entries,
                file_len: used as u64,
                state,
                fsync,
            })),
        })
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The last committed log id this node has recorded.
    pub fn committed(&self) -> Option<LogId<NodeId>> {
        self.lock().state.committed
    }

    /// The vote this node has recorded.
    pub fn vote(&self) -> Option<Vote<NodeId>> {
        self.lock().state.vote
    }
}

impl Inner {
    fn save_state(&self) -> std::io::Result<()> {
        let temp = self.dir.join(format!("{STATE_FILE}.tmp"));
        let mut file = File::create(&temp)?;
        file.write_all(&serde_json::to_vec(&self.state).expect("raft state serializes"))?;
        if self.fsync {
            file.sync_all()?;
        }
        std::fs::rename(&temp, self.dir.join(STATE_FILE))?;
        if self.fsync {
            sync_dir(&self.dir)?;
        }
        Ok(())
    }

    fn append(&mut self, entries: Vec<Entry<TypeConfig>>) -> std::io::Result<()> {
        let mut data = Vec::new();
        let mut positions = Vec::with_capacity(entries.len());
        for entry in &entries {
            positions.push(self.file_len + data.len() as u64);
            encode_frame(entry, &mut data);
        }
        let written = self.file.write_all(&data).and_then(|()| {
            if self.fsync {
                self.file.sync_data()
            } else {
                Ok(())
            }
        });
        if let Err(e) = written {
            // Leave no partial frame behind for the next append to follow.
            let _ = self.file.set_len(self.file_len);
            return Err(e);
        }
        self.file_len += data.len() as u64;
        for (entry, position) in entries.into_iter().zip(positions) {
            debug_assert!(self
                .entries
                .last_key_value()
                .is_none_or(|(i, _)| *i + 1 == entry.log_id.index));
            self.entries.insert(entry.log_id.index, (entry, position));
        }
        Ok(())
    }

    /// Removes entries at `index` and after.
    fn truncate(&mut self, index: u64) -> std::io::Result<()> {
        let Some(position) = self.entries.get(&index).map(|(_, p)| *p) else {
            return Ok(());
        };
        self.file.set_len(position)?;
        if self.fsync {
            self.file.sync_all()?;
        }
        self.file_len = position;
        self.entries.split_off(&index);
        Ok(())
    }

    /// Forgets entries up to `log_id`: the purge is recorded first, then the file is
    /// rewritten without them.
    fn purge(&mut self, log_id: LogId<NodeId>) -> std::io::Result<()> {
        self.state.last_purged = Some(log_id);
        self.save_state()?;
        self.entries = self.entries.split_off(&(log_id.index + 1));
        let mut data = Vec::new();
        for (entry, position) in self.entries.values_mut() {
            *position = data.len() as u64;
            encode_frame(entry, &mut data);
        }
        let temp = self.dir.join(format!("{LOG_FILE}.tmp"));
        let mut file = File::create(&temp)?;
        file.write_all(&data)?;
        if self.fsync {
            file.sync_all()?;
        }
        std::fs::rename(&temp, self.dir.join(LOG_FILE))?;
        if self.fsync {
            sync_dir(&self.dir)?;
        }
        self.file = OpenOptions::new()
            .append(true)
            .open(self.dir.join(LOG_FILE))?;
        self.file_len = data.len() as u64;
        Ok(())
    }
}

impl RaftLogReader<TypeConfig> for LogStore {
    async fn try_get_log_entries<RB: RangeBounds<u64> + Clone + Debug + OptionalSend>(
        &mut self,
        range: RB,
    ) -> Result<Vec<Entry<TypeConfig>>, Error> {
        let inner = self.lock();
        Ok(inner
            .entries
            .range(range)
            .map(|(_, (e, _))| e.clone())
            .collect())
    }
}

impl RaftLogStorage<TypeConfig> for LogStore {
    type LogReader = LogStore;

    async fn get_log_state(&mut self) -> Result<LogState<TypeConfig>, Error> {
        let inner = self.lock();
        let last_purged_log_id = inner.state.last_purged;
        let last_log_id = inner
            .entries
            .last_key_value()
            .map(|(_, (e, _))| *e.get_log_id())
            .or(last_purged_log_id);
        Ok(LogState {
            last_purged_log_id,
            last_log_id,
        })
    }

    async fn get_log_reader(&mut self) -> Self::LogReader {
        self.clone()
    }

    async fn save_vote(&mut self, vote: &Vote<NodeId>) -> Result<(), Error> {
        let mut inner = self.lock();
        inner.state.vote = Some(*vote);
        inner
            .save_state()
            .map_err(|e| StorageIOError::write_vote(&e).into())
    }

    async fn read_vote(&mut self) -> Result<Option<Vote<NodeId>>, Error> {
        Ok(self.lock().state.vote)
    }

    async fn save_committed(&mut self, committed: Option<LogId<NodeId>>) -> Result<(), Error> {
        let mut inner = self.lock();
        if inner.state.committed == committed {
            return Ok(());
        }
        inner.state.committed = committed;
        inner.save_state().map_err(write_error)
    }

    async fn read_committed(&mut self) -> Result<Option<LogId<NodeId>>, Error> {
        Ok(self.lock().state.committed)
    }

    async fn append<I>(&mut self, entries: I, callback: LogFlushed<TypeConfig>) -> Result<(), Error>
    where
        I: IntoIterator<Item = Entry<TypeConfig>> + OptionalSend,
        I::IntoIter: OptionalSend,
    {
        let result = self.lock().append(entries.into_iter().collect());
        match result {
            Ok(()) => {
                callback.log_io_completed(Ok(()));
                Ok(())
            }
            Err(e) => {
                let error = write_error(std::io::Error::new(e.kind(), e.to_string()));
                callback.log_io_completed(Err(e));
                Err(error)
            }
        }
    }

    async fn truncate(&mut self, log_id: LogId<NodeId>) -> Result<(), Error> {
        self.lock().truncate(log_id.index).map_err(write_error)
    }

    async fn purge(&mut self, log_id: LogId<NodeId>) -> Result<(), Error> {
        self.lock().purge(log_id).map_err(write_error)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::metadata::{ConfigResource, MetadataRecord};
    use openraft::{CommittedLeaderId, EntryPayload};

    fn entry(term: u64, index: u64) -> Entry<TypeConfig> {
        Entry {
            log_id: LogId::new(CommittedLeaderId::new(term, 1), index),
            payload: EntryPayload::Normal(vec![MetadataRecord::Config {
                resource: ConfigResource::Broker(String::new()),
                key: format!("k{index}"),
                value: Some(term.to_string()),
            }]),
        }
    }

    fn indexes(store: &LogStore) -> Vec<(u64, u64)> {
        store
            .lock()
            .entries
            .values()
            .map(|(e, _)| (e.log_id.leader_id.term, e.log_id.index))
            .collect()
    }

    /// Entries, vote and commit survive a reopen; a truncation (a follower's conflicting
    /// suffix, Raft §5.3) and a purge (after a snapshot) are durable too.
    #[test]
    fn reopen_after_append_truncate_purge() {
        let dir = tempfile::tempdir().unwrap();
        let store = LogStore::open(dir.path(), true).unwrap();
        store
            .lock()
            .append((0..5).map(|i| entry(1, i)).collect())
            .unwrap();
        store.lock().state.vote = Some(Vote::new(2, 1));
        store.lock().save_state().unwrap();
        store.lock().truncate(3).unwrap();
        store.lock().append(vec![entry(2, 3)]).unwrap();
        drop(store);
        let store = LogStore::open(dir.path(), true).unwrap();
        assert_eq!(indexes(&store), [(1, 0), (1, 1), (1, 2), (2, 3)]);
        assert_eq!(store.vote(), Some(Vote::new(2, 1)));
        store
            .lock()
            .purge(LogId::new(CommittedLeaderId::new(1, 1), 1))
            .unwrap();
        store.lock().append(vec![entry(2, 4)]).unwrap();
        drop(store);
        let store = LogStore::open(dir.path(), true).unwrap();
        assert_eq!(indexes(&store), [(1, 2), (2, 3), (2, 4)]);
        assert_eq!(store.lock().state.last_purged.map(|l| l.index), Some(1));
    }

    /// A torn last frame is cut off at open and appends continue after the whole ones; a
    /// flipped byte drops that frame and everything after it.
    #[test]
    fn torn_tail_is_truncated() {
        let dir = tempfile::tempdir().unwrap();
        let store = LogStore::open(dir.path(), false).unwrap();
        store
            .lock()
            .append((0..3).map(|i| entry(1, i)).collect())
            .unwrap();
        drop(store);
        let path = dir.path().join(LOG_FILE);
        let full = std::fs::read(&path).unwrap();
        let mut two = Vec::new();
        encode_frame(&entry(1, 0), &mut two);
        encode_frame(&entry(1, 1), &mut two);
        for cut in [two.len() + 1, two.len() + HEADER, full.len() - 1] {
            std::fs::write(&path, &full[..cut]).unwrap();
            let store = LogStore::open(dir.path(), false).unwrap();
            assert_eq!(indexes(&store), [(1, 0), (1, 1)], "cut at {cut}");
            assert_eq!(std::fs::metadata(&path).unwrap().len(), two.len() as u64);
            store.lock().append(vec![entry(1, 2)]).unwrap();
            drop(store);
            assert_eq!(std::fs::read(&path).unwrap(), full);
        }
        let mut damaged = full.clone();
        damaged[HEADER + 3] ^= 0x20;
        std::fs::write(&path, &damaged).unwrap();
        let store = LogStore::open(dir.path(), false).unwrap();
        assert!(indexes(&store).is_empty());
    }
}
