//! The Raft state machine: committed entries applied to the metadata `Image`, each new image
//! published on a watch channel; snapshots are the image's records (`Image::to_records`)
//! kept in `raft.snapshot` beside the log.
//!
//! Invariants: apply is deterministic — an entry's records are applied all or none, and an
//! entry whose records do not fit the image is skipped, identically on every node, with the
//! reason in its response (the leader validates before proposing, so this happens only when
//! two proposals race). Image offsets count applied records, so they agree on every node.
//! The snapshot file is replaced atomically; the image is rebuilt from it at open and
//! openraft re-applies the committed entries after it.

use super::{Applied, TypeConfig};
use crate::metadata::{Image, MetadataRecord};
use openraft::storage::{RaftStateMachine, Snapshot};
use openraft::{
    BasicNode, Entry, EntryPayload, LogId, OptionalSend, RaftSnapshotBuilder, SnapshotMeta,
    StorageError, StorageIOError, StoredMembership,
};
use serde::{Deserialize, Serialize};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tokio::sync::watch;

const SNAPSHOT_FILE: &str = "raft.snapshot";

type NodeId = u64;
type Error = StorageError<NodeId>;

/// A snapshot's data: what `SnapshotData` carries between nodes.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SnapshotBody {
    /// The image's offset (records applied so far).
    pub offset: i64,
    pub records: Vec<MetadataRecord>,
}

#[derive(Serialize, Deserialize)]
struct SnapshotFile {
    meta: SnapshotMeta<NodeId, BasicNode>,
    body: SnapshotBody,
}

/// What the state machine did, told to an observer (the simulation checks these).
pub enum Event<'a> {
    /// An entry applied, with its records (none for blank and membership entries).
    Applied {
        log_id: LogId<NodeId>,
        records: Option<&'a [MetadataRecord]>,
        result: &'a Applied,
    },
    /// The state replaced by a snapshot (at open or installed from the leader).
    Snapshot {
        last_log_id: Option<LogId<NodeId>>,
        image: &'a Image,
    },
}

pub type Observer = Arc<dyn Fn(Event<'_>) + Send + Sync>;

pub struct StateMachine {
    dir: PathBuf,
    image: Arc<Image>,
    last_applied: Option<LogId<NodeId>>,
    membership: StoredMembership<NodeId, BasicNode>,
    published: watch::Sender<Arc<Image>>,
    observer: Option<Observer>,
    /// Counts snapshots built by this process, to make snapshot ids unique.
    snapshots_built: u64,
}

fn read_error(e: impl std::error::Error + 'static) -> Error {
    StorageIOError::read_snapshot(None, &e).into()
}

fn write_error(e: impl std::error::Error + 'static) -> Error {
    StorageIOError::write_snapshot(None, &e).into()
}

fn image_from(body: &SnapshotBody) -> Result<Image, Error> {
    let mut image = Image::default();
    for record in &body.records {
        image.apply_in_place(record).map_err(read_error)?;
    }
    image.offset = body.offset;
    Ok(image)
}

fn read_snapshot_file(dir: &Path) -> Result<Option<SnapshotFile>, Error> {
    match std::fs::read(dir.join(SNAPSHOT_FILE)) {
        Ok(data) => Ok(Some(serde_json::from_slice(&data).map_err(read_error)?)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(read_error(e)),
    }
}

/// Replaces the snapshot file atomically.
fn write_snapshot_file(dir: &Path, snapshot: &SnapshotFile) -> std::io::Result<()> {
    let temp = dir.join(format!("{SNAPSHOT_FILE}.tmp"));
    let mut file = std::fs::File::create(&temp)?;
    file.write_all(&serde_json::to_vec(snapshot).expect("snapshots serialize"))?;
    file.sync_all()?;
    std::fs::rename(&temp, dir.join(SNAPSHOT_FILE))?;
    std::fs::File::open(dir)?.sync_all()
}

impl StateMachine {
    /// Opens the state machine in `dir` from its snapshot (empty when there is none) and
    /// publishes its image on `published`.
    pub fn open(
        dir: &Path,
        published: watch::Sender<Arc<Image>>,
        observer: Option<Observer>,
    ) -> Result<StateMachine, Error> {
        std::fs::create_dir_all(dir).map_err(write_error)?;
        let mut machine = StateMachine {
            dir: dir.to_path_buf(),
            image: Arc::new(Image::default()),
            last_applied: None,
            membership: StoredMembership::default(),
            published,
            observer,
            snapshots_built: 0,
        };
        if let Some(file) = read_snapshot_file(dir)? {
            machine.replace(&file.meta, &file.body)?;
        } else {
            machine.published.send_replace(Arc::clone(&machine.image));
        }
        Ok(machine)
    }

    fn replace(
        &mut self,
        meta: &SnapshotMeta<NodeId, BasicNode>,
        body: &SnapshotBody,
    ) -> Result<(), Error> {
        self.image = Arc::new(image_from(body)?);
        self.last_applied = meta.last_log_id;
        self.membership = meta.last_membership.clone();
        if let Some(observer) = &self.observer {
            observer(Event::Snapshot {
                last_log_id: meta.last_log_id,
                image: &self.image,
            });
        }
        self.published.send_replace(Arc::clone(&self.image));
        Ok(())
    }

    /// Applies one entry's records all or none.
    fn apply_records(&mut self, records: &[MetadataRecord]) -> Applied {
        if records.is_empty() {
            return Applied::at(self.image.offset);
        }
        let mut next = (*self.image).clone();
        for record in records {
            if let Err(e) = next.apply_in_place(record) {
                return Applied {
                    offset: self.image.offset,
                    refused: Some(e.0),
                };
            }
        }
        next.offset = self.image.offset + records.len() as i64;
        self.image = Arc::new(next);
        Applied::at(self.image.offset)
    }
}

impl RaftStateMachine<TypeConfig> for StateMachine {
    type SnapshotBuilder = SnapshotBuilder;

    async fn applied_state(
        &mut self,
    ) -> Result<(Option<LogId<NodeId>>, StoredMembership<NodeId, BasicNode>), Error> {
        Ok((self.last_applied, self.membership.clone()))
    }

    async fn apply<I>(&mut self, entries: I) -> Result<Vec<Applied>, Error>
    where
        I: IntoIterator<Item = Entry<TypeConfig>> + OptionalSend,
        I::IntoIter: OptionalSend,
    {
        let before = Arc::clone(&self.image);
        let mut responses = Vec::new();
        for entry in entries {
            self.last_applied = Some(entry.log_id);
            let (result, records) = match &entry.payload {
                EntryPayload::Blank => (Applied::at(self.image.offset), None),
                EntryPayload::Normal(records) => (self.apply_records(records), Some(&records[..])),
                EntryPayload::Membership(membership) => {
                    self.membership = StoredMembership::new(Some(entry.log_id), membership.clone());
                    (Applied::at(self.image.offset), None)
                }
            };
            if let Some(observer) = &self.observer {
                observer(Event::Applied {
                    log_id: entry.log_id,
                    records,
                    result: &result,
                });
            }
            responses.push(result);
        }
        if !Arc::ptr_eq(&before, &self.image) {
            self.published.send_replace(Arc::clone(&self.image));
        }
        Ok(responses)
    }

    async fn get_snapshot_builder(&mut self) -> SnapshotBuilder {
        self.snapshots_built += 1;
        SnapshotBuilder {
            dir: self.dir.clone(),
            image: Arc::clone(&self.image),
            last_applied: self.last_applied,
            membership: self.membership.clone(),
            sequence: self.snapshots_built,
        }
    }

    async fn begin_receiving_snapshot(&mut self) -> Result<Box<Vec<u8>>, Error> {
        Ok(Box::default())
    }

    async fn install_snapshot(
        &mut self,
        meta: &SnapshotMeta<NodeId, BasicNode>,
        snapshot: Box<Vec<u8>>,
    ) -> Result<(), Error> {
        let body: SnapshotBody = serde_json::from_slice(&snapshot).map_err(read_error)?;
        let file = SnapshotFile {
            meta: meta.clone(),
            body,
        };
        write_snapshot_file(&self.dir, &file).map_err(write_error)?;
        self.replace(&file.meta, &file.body)
    }

    async fn get_current_snapshot(&mut self) -> Result<Option<Snapshot<TypeConfig>>, Error> {
        Ok(read_snapshot_file(&self.dir)?.map(|file| Snapshot {
            meta: file.meta,
            snapshot: Box::new(serde_json::to_vec(&file.body).expect("snapshots serialize")),
        }))
    }
}

/// Builds a snapshot of the state as it was when the builder was made.
pub struct SnapshotBuilder {
    dir: PathBuf,
    image: Arc<Image>,
    last_applied: Option<LogId<NodeId>>,
    membership: StoredMembership<NodeId, BasicNode>,
    sequence: u64,
}

impl RaftSnapshotBuilder<TypeConfig> for SnapshotBuilder {
    async fn build_snapshot(&mut self) -> Result<Snapshot<TypeConfig>, Error> {
        let snapshot_id = match self.last_applied {
            Some(l) => format!("{}-{}-{}", l.leader_id, l.index, self.sequence),
            None => format!("none-{}", self.sequence),
        };
        let file = SnapshotFile {
            meta: SnapshotMeta {
                last_log_id: self.last_applied,
                last_membership: self.membership.clone(),
                snapshot_id,
            },
            body: SnapshotBody {
                offset: self.image.offset,
                records: self.image.to_records(),
            },
        };
        write_snapshot_file(&self.dir, &file).map_err(write_error)?;
        tracing::info!(last_log_id = ?self.last_applied, offset = self.image.offset, "raft snapshot written");
        Ok(Snapshot {
            snapshot: Box::new(serde_json::to_vec(&file.body).expect("snapshots serialize")),
            meta: file.meta,
        })
    }
}
