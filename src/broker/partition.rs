//! One partition replica on this broker: its log behind a short std `Mutex`, and the fetch
//! requests waiting for new data.
//!
//! Invariants: the log lock is never held across an `.await`; every successful append
//! wakes every registered waiter (so a long-polling fetch is answered the moment data
//! arrives, never on a timer).

use crate::log::{LogError, PartitionLog};
use std::sync::{Arc, Mutex, MutexGuard};
use tokio::sync::Notify;

pub struct Partition {
    pub topic: String,
    pub index: i32,
    log: Mutex<PartitionLog>,
    /// Fetches parked until this partition gets data; drained on every append.
    waiters: Mutex<Vec<Arc<Notify>>>,
}

impl Partition {
    pub fn new(topic: String, index: i32, log: PartitionLog) -> Partition {
        Partition {
            topic,
            index,
            log: Mutex::new(log),
            waiters: Mutex::new(Vec::new()),
        }
    }

    /// Locks the log for a short, synchronous operation.
    pub fn log(&self) -> MutexGuard<'_, PartitionLog> {
        // A poisoned lock means a panic mid-operation; the log's own invariants are
        // re-checked on reads, so keep serving rather than cascading the panic.
        self.log
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }

    /// Registers `waiter` to be notified on the next append.
    pub fn register_waiter(&self, waiter: &Arc<Notify>) {
        let mut waiters = self.waiters.lock().unwrap_or_else(|p| p.into_inner());
        // Drop waiters whose fetch has finished (only this list still holds them), so an idle
        // partition's list stays as long as the number of fetches parked on it.
        waiters.retain(|w| Arc::strong_count(w) > 1);
        waiters.push(Arc::clone(waiter));
    }

    /// Wakes every parked fetch.
    pub fn wake_waiters(&self) {
        let waiters = std::mem::take(&mut *self.waiters.lock().unwrap_or_else(|p| p.into_inner()));
        for waiter in waiters {
            waiter.notify_one();
        }
    }

    /// Appends validated batches and wakes waiting fetches.
    pub fn append(
        &self,
        batches: &mut [u8],
        now_ms: i64,
    ) -> Result<crate::log::AppendInfo, LogError> {
        let info = self.log().append(batches, now_ms)?;
        self.wake_waiters();
        Ok(info)
    }
}
