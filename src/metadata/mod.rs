//! The metadata log: every metadata change (topic created, deleted or grown, config set or
//! removed, producer id block handed out, broker registered) is a record appended to a log
//! and applied to an immutable image that the rest of the broker reads.
//!
//! The seam the rest of strom sees is narrow, so that the Raft quorum can replicate the
//! log without changing callers: `propose` records (they are durable and applied when it
//! returns), `image` reads the latest committed image, `subscribe` watches new images. The
//! broker runs on the quorum (`crate::raft::quorum`); `Metadata` here, on the local log
//! (`log.rs`), remains to read data directories written before the quorum, which are
//! migrated into it once.
//!
//! Invariant: an image is published only after the records that made it are fsynced, and
//! every published image is the previous one plus exactly the proposed records.

mod brokers;
pub mod image;
pub mod log;
pub mod placement;

pub use image::{ConfigResource, Image, MetadataRecord, TopicImage};
pub use log::MetadataError;

use std::path::Path;
use std::sync::{Arc, Mutex};
use tokio::sync::watch;

pub struct Metadata {
    inner: Mutex<Inner>,
    published: watch::Sender<Arc<Image>>,
    snapshot_every_bytes: u64,
}

struct Inner {
    log: log::MetadataLog,
    image: Arc<Image>,
}

impl Metadata {
    /// Opens the metadata log under `log_dirs` and replays it.
    pub fn open(log_dirs: &Path, snapshot_every_bytes: u64) -> Result<Metadata, MetadataError> {
        let (log, image) = log::MetadataLog::open(log_dirs)?;
        let image = Arc::new(image);
        let (published, _) = watch::channel(Arc::clone(&image));
        Ok(Metadata {
            inner: Mutex::new(Inner { log, image }),
            published,
            snapshot_every_bytes,
        })
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, Inner> {
        self.inner.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// The latest committed image.
    pub fn image(&self) -> Arc<Image> {
        Arc::clone(&self.lock().image)
    }

    /// A receiver that sees every image published from now on.
    pub fn subscribe(&self) -> watch::Receiver<Arc<Image>> {
        self.published.subscribe()
    }

    /// Applies `records` (all or none) to the latest image, makes them durable and
    /// publishes the new image, which is returned. A record that does not fit the image
    /// is refused with nothing written.
    pub fn propose(&self, records: Vec<MetadataRecord>) -> Result<Arc<Image>, MetadataError> {
        if records.is_empty() {
            return Ok(self.image());
        }
        let mut inner = self.lock();
        let mut next = (*inner.image).clone();
        for record in &records {
            next.apply_in_place(record)?;
        }
        let base = inner.log.append(&records)?;
        next.offset = base + records.len() as i64 - 1;
        let next = Arc::new(next);
        inner.image = Arc::clone(&next);
        if inner.log.bytes_since_snapshot() >= self.snapshot_every_bytes {
            // A failed snapshot loses nothing (the log still holds every record); retried
            // after the next append.
            if let Err(e) = inner.log.snapshot(&next) {
                tracing::error!(error = %e, "metadata snapshot failed");
            }
        }
        // Published under the lock, so images are seen in the order they were made.
        self.published.send_replace(Arc::clone(&next));
        Ok(next)
    }
}
