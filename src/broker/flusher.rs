//! Group commit: one thread fsyncs the partitions that produce requests are waiting on, so
//! that a single fsync per partition covers every append made before it, however many
//! requests made them. While one round of fsyncs runs, new requests gather for the next.
//! It also runs the time- and count-based flushes (`log.flush.interval.ms`,
//! `log.flush.interval.messages`).
//!
//! Invariants: a request's ticket is the number of the first round that starts after its
//! append, so when that round completes the append is durable. The log lock is held only
//! to take a file handle, never during an fsync. A failed fsync is fatal for the log
//! directory: it marks the directory's [`DirHealth`] offline (as a failed fsync anywhere
//! else in the log does), every later round reports failure, and the broker refuses
//! produce and fetch on every partition of the directory.

use super::partition::Partition;
use crate::log::recovery_point::SyncHandle;
use crate::log::DirHealth;
use std::sync::{Arc, Condvar, Mutex, Weak};
use std::time::Duration;
use tokio::sync::watch;

/// How far flushing has got.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Flushed {
    /// Rounds below or equal to this one are complete.
    pub generation: u64,
    /// An fsync failed: the log directory is offline.
    pub failed: bool,
}

pub struct Flusher {
    state: Mutex<State>,
    wake: Condvar,
    done: watch::Sender<Flushed>,
    /// The log directory's health, shared with its logs: either side may take it offline.
    health: Arc<DirHealth>,
}

struct State {
    dirty: Vec<Arc<Partition>>,
    /// The round the current `dirty` list will be flushed in.
    next_generation: u64,
    stopping: bool,
}

/// Lists every partition, for the periodic flush.
pub type AllPartitions = Box<dyn Fn() -> Vec<Arc<Partition>> + Send>;

impl Default for Flusher {
    fn default() -> Self {
        Flusher::new()
    }
}

impl Flusher {
    pub fn new() -> Flusher {
        Flusher::with_health(Arc::default())
    }

    /// A flusher for the log directory whose logs share `health`.
    pub fn with_health(health: Arc<DirHealth>) -> Flusher {
        Flusher {
            health,
            state: Mutex::new(State {
                dirty: Vec::new(),
                next_generation: 1,
                stopping: false,
            }),
            wake: Condvar::new(),
            done: watch::Sender::new(Flushed {
                generation: 0,
                failed: false,
            }),
        }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Starts the flushing thread. `interval` is `log.flush.interval.ms`: partitions with
    /// unflushed messages are flushed that often even when nobody waits.
    pub fn spawn(
        self: &Arc<Self>,
        interval: Option<Duration>,
        all: AllPartitions,
    ) -> std::io::Result<std::thread::JoinHandle<()>> {
        let flusher: Weak<Flusher> = Arc::downgrade(self);
        std::thread::Builder::new()
            .name("strom-flusher".into())
            .spawn(move || run(flusher, interval, all))
    }

    /// Asks for the partitions' appends so far to be fsynced; returns the ticket to wait on.
    pub fn request<'a>(&self, partitions: impl IntoIterator<Item = &'a Arc<Partition>>) -> u64 {
        let mut state = self.lock();
        for partition in partitions {
            if !state.dirty.iter().any(|p| Arc::ptr_eq(p, partition)) {
                state.dirty.push(Arc::clone(partition));
            }
        }
        let ticket = state.next_generation;
        drop(state);
        self.wake.notify_one();
        ticket
    }

    /// Waits until the round `ticket` is complete; `false` if the log directory failed.
    pub async fn wait(&self, ticket: u64) -> bool {
        let mut done = self.done.subscribe();
        let result = done
            .wait_for(|f| f.failed || f.generation >= ticket)
            .await
            .map(|flushed| !flushed.failed);
        // Err: the flusher is gone (shutdown), and its last round flushed everything.
        result.unwrap_or_else(|_| !self.failed())
    }

    /// `Some(ok)` once the round `ticket` is complete (`ok` false if the log directory
    /// failed), `None` while it is still to come.
    pub fn completed(&self, ticket: u64) -> Option<bool> {
        let flushed = *self.done.borrow();
        (flushed.failed || flushed.generation >= ticket).then_some(!flushed.failed)
    }

    /// Whether an fsync has failed, here or in any log of the directory (it is offline).
    pub fn failed(&self) -> bool {
        self.health.is_offline() || self.done.borrow().failed
    }

    pub fn health(&self) -> &Arc<DirHealth> {
        &self.health
    }

    /// Lets the thread finish the requested rounds and exit.
    pub fn stop(&self) {
        self.lock().stopping = true;
        self.wake.notify_one();
    }
}

fn run(flusher: Weak<Flusher>, interval: Option<Duration>, all: AllPartitions) {
    loop {
        let Some(this) = flusher.upgrade() else {
            return;
        };
        let (round, generation, stopping) = {
            let mut state = this.lock();
            if state.dirty.is_empty() && !state.stopping {
                state = match interval {
                    Some(interval) => this
                        .wake
                        .wait_timeout(state, interval)
                        .map_or_else(|p| p.into_inner().0, |(guard, _)| guard),
                    None => this.wake.wait(state).unwrap_or_else(|p| p.into_inner()),
                };
            }
            let generation = state.next_generation;
            state.next_generation += 1;
            (std::mem::take(&mut state.dirty), generation, state.stopping)
        };
        let round = if round.is_empty() && interval.is_some() && !stopping {
            // Timed flush: whatever has unflushed messages.
            all()
                .into_iter()
                .filter(|p| p.log().unflushed_messages() > 0)
                .collect()
        } else {
            round
        };
        let (synced, sync_failed) = sync_all(&round);
        let failed = this.failed() | sync_failed;
        if failed {
            this.health.mark_offline();
        }
        this.done.send_modify(|f| {
            f.generation = generation;
            f.failed |= failed;
        });
        // After the waiters are released: the recovery points only shorten a later
        // recovery, so they need not delay any acknowledgement.
        for handle in &synced {
            if let Err(e) = handle.persist_point() {
                tracing::error!(error = %e, "recording the recovery point failed");
            }
        }
        if stopping && this.lock().dirty.is_empty() {
            // Nothing can be waiting any more; release anyone who still would.
            this.done.send_modify(|f| f.generation = u64::MAX);
            return;
        }
    }
}

/// Most fsyncs of one round run at once: a device with a queue completes them together,
/// so a round over many partitions costs about one fsync instead of one per partition.
const PARALLEL_SYNCS: usize = 8;

/// Fsyncs every partition of a round, in parallel when there are several. Returns the
/// handles of those synced (to record their recovery points) and whether any failed.
fn sync_all(round: &[Arc<Partition>]) -> (Vec<SyncHandle>, bool) {
    let sync_chunk = |chunk: &[Arc<Partition>]| {
        let mut synced = Vec::with_capacity(chunk.len());
        let mut failed = false;
        for partition in chunk {
            match sync(partition) {
                Ok(handle) => synced.push(handle),
                Err(e) => {
                    tracing::error!(topic = %partition.topic, partition = partition.index, error = %e, "fsync failed; the log directory is offline");
                    failed = true;
                }
            }
        }
        (synced, failed)
    };
    if round.len() <= 1 {
        return sync_chunk(round);
    }
    let per_thread = round.len().div_ceil(PARALLEL_SYNCS);
    std::thread::scope(|scope| {
        let workers: Vec<_> = round
            .chunks(per_thread)
            .map(|chunk| scope.spawn(move || sync_chunk(chunk)))
            .collect();
        let mut all = Vec::with_capacity(round.len());
        let mut failed = false;
        for worker in workers {
            match worker.join() {
                Ok((synced, f)) => {
                    all.extend(synced);
                    failed |= f;
                }
                Err(_) => failed = true,
            }
        }
        (all, failed)
    })
}

/// Takes the handle under the log's lock, fsyncs outside it.
fn sync(partition: &Partition) -> Result<SyncHandle, crate::log::LogError> {
    let handle = partition.log().sync_handle()?;
    handle.sync_data()?;
    Ok(handle)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::log::{LogConfig, PartitionLog};
    use strom_protocol::records::{BatchBuilder, Compression};

    fn partition(dir: &std::path::Path) -> Arc<Partition> {
        let log = PartitionLog::open(dir, LogConfig::default()).unwrap();
        Arc::new(Partition::new("t".into(), 0, log))
    }

    /// A ticket completes once a round after the request ran; many requests share one
    /// round; the periodic flush clears unflushed counts with nobody waiting.
    #[tokio::test]
    async fn rounds_complete_tickets() {
        let dir = tempfile::tempdir().unwrap();
        let p = partition(dir.path());
        let flusher = Arc::new(Flusher::new());
        let all_p = Arc::clone(&p);
        let thread = flusher
            .spawn(
                Some(Duration::from_millis(20)),
                Box::new(move || vec![Arc::clone(&all_p)]),
            )
            .unwrap();
        let mut bytes = batch_bytes();
        p.append(&mut bytes, 0).unwrap();
        let tickets: Vec<u64> = (0..10).map(|_| flusher.request([&p])).collect();
        for ticket in &tickets {
            assert!(flusher.wait(*ticket).await);
        }
        assert_eq!(p.log().unflushed_messages(), 0);
        // Nobody waits on this one: the periodic round must flush it (bounded wait).
        let mut bytes = batch_bytes();
        p.append(&mut bytes, 0).unwrap();
        let deadline = std::time::Instant::now() + Duration::from_secs(10);
        while p.log().unflushed_messages() != 0 {
            assert!(
                std::time::Instant::now() < deadline,
                "periodic flush never ran"
            );
            tokio::time::sleep(Duration::from_millis(5)).await;
        }
        flusher.stop();
        thread.join().unwrap();
        assert!(!flusher.failed());
    }

    fn batch_bytes() -> Vec<u8> {
        let mut batch = BatchBuilder::new(Compression::None);
        batch.append(5, None, Some(b"w"), Vec::new()).unwrap();
        batch.build().unwrap()
    }
}
