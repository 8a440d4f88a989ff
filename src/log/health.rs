//! The health of a log directory: which failures take it offline, and the flag every log
//! in it and the flusher share.
//!
//! Invariant: once an fsync failed anywhere in the directory, nothing in it is read or
//! written again by this process (the kernel may have dropped the pages it could not
//! write), and the flag never clears; a restart re-validates what is on disk.

use super::LogError;
use std::sync::atomic::{AtomicBool, Ordering};

impl LogError {
    /// Whether this is a failed fsync (of a segment, an index, a checkpoint or a
    /// directory). After one, the kernel may have dropped the dirty pages it could not
    /// write while clearing the error, so a retry could "succeed" over lost data: the only
    /// safe answer is to take the whole log directory offline.
    pub fn is_fsync_failure(&self) -> bool {
        matches!(self, LogError::Io { op, .. } if op.starts_with("syncing"))
    }
}

/// Health of one log directory, shared by every log in it and by the flusher. Once an
/// fsync failed anywhere in the directory it stays offline until the broker restarts
/// (and recovery re-validates what is on disk).
#[derive(Debug, Default)]
pub struct DirHealth {
    offline: AtomicBool,
}

impl DirHealth {
    pub fn is_offline(&self) -> bool {
        self.offline.load(Ordering::Acquire)
    }

    /// Takes the directory offline for good.
    pub fn mark_offline(&self) {
        self.offline.store(true, Ordering::Release);
    }

    /// Passes `result` through, taking the directory offline if it is a failed fsync.
    pub fn observe<T>(&self, result: Result<T, LogError>) -> Result<T, LogError> {
        if let Err(e) = &result {
            if e.is_fsync_failure() && !self.is_offline() {
                tracing::error!(error = %e, "fsync failed; the log directory is offline");
                self.mark_offline();
            }
        }
        result
    }

    /// `Err(Offline)` once the directory is offline.
    pub(super) fn check(&self) -> Result<(), LogError> {
        if self.is_offline() {
            return Err(LogError::Offline);
        }
        Ok(())
    }
}
