//! A partition log's idempotent-producer state: checking appended batches against each
//! producer's sequences, expiring idle producers, and the snapshots (`.snapshot` files
//! next to segments) that the state is rebuilt from after a restart (see
//! `producer_state.rs` for the table itself).

use super::*;

impl PartitionLog {
    /// Checks idempotent producers' batches against their sequences before anything is
    /// written. `Some` when the append is a retry of a batch already in the log: then the
    /// answer is where it landed. A retry inside a multi-batch append is refused (clients
    /// send one batch per partition; only such an append can be a retry).
    pub(super) fn check_producers(&self, records: &[u8]) -> Result<Option<AppendInfo>, LogError> {
        let mut producer_batches = batches(records)
            .map_while(Result::ok)
            .map(|(header, _)| header)
            .filter(|h| h.has_producer_id() && !h.is_control());
        let Some(first) = producer_batches.next() else {
            return Ok(None);
        };
        let Some(second) = producer_batches.next() else {
            return match self.producers.check(&first)? {
                Verdict::Append => Ok(None),
                Verdict::Duplicate(_) if batches(records).nth(1).is_some() => Err(
                    LogError::InvalidBatch("a retried batch inside a multi-batch append".into()),
                ),
                Verdict::Duplicate(original) => Ok(Some(AppendInfo {
                    first_offset: original.first_offset,
                    last_offset: original.last_offset,
                    max_timestamp: NO_TIMESTAMP,
                    offset_of_max_timestamp: -1,
                    log_start_offset: self.log_start_offset,
                    duplicate: true,
                    unflushed_messages: self.unflushed_messages,
                })),
            };
        };
        // Several producer batches: check each against the state the earlier ones leave.
        let mut scratch = self.producers.clone();
        let mut next_offset = self.log_end_offset();
        for mut header in [first, second].into_iter().chain(producer_batches) {
            if let Verdict::Duplicate(_) = scratch.check(&header)? {
                return Err(LogError::InvalidBatch(
                    "a retried batch inside a multi-batch append".into(),
                ));
            }
            header.base_offset = next_offset;
            next_offset += i64::from(header.last_offset_delta) + 1;
            scratch.update(&header, 0);
        }
        Ok(None)
    }

    /// The producer state table (idempotent producers' epochs and sequences).
    pub fn producers(&self) -> &ProducerStateTable {
        &self.producers
    }

    /// Forgets idempotent producers idle for `expiration_ms`; returns how many.
    pub fn expire_producers(&mut self, now_ms: i64, expiration_ms: i64) -> usize {
        self.producers.remove_expired(now_ms, expiration_ms)
    }

    /// Messages appended since the last flush.
    pub fn unflushed_messages(&self) -> u64 {
        self.unflushed_messages
    }

    /// A handle on the active segment's file for an fsync outside the log's lock (group
    /// commit): syncing it makes every append made so far durable, since sealed segments
    /// were synced when they rolled; then its recovery point can be recorded. Resets the
    /// unflushed count.
    pub fn sync_handle(&mut self) -> Result<SyncHandle, LogError> {
        self.health.check()?;
        self.unflushed_messages = 0;
        Ok(SyncHandle {
            file: self.active().try_clone_file()?,
            point: self.current_point(),
            checkpoint: Arc::clone(&self.recovery_checkpoint),
            health: Arc::clone(&self.health),
        })
    }

    /// Loads the newest producer state snapshot not past the log end and replays the batch
    /// headers after it. Snapshots past the log end (a tail lost in a crash) are deleted.
    pub(super) fn load_producer_state(&mut self) -> Result<(), LogError> {
        let log_end_offset = self.log_end_offset();
        let mut snapshots = self.snapshot_offsets()?;
        let mut from = self.segments[0].base_offset();
        while let Some(offset) = snapshots.pop() {
            if offset > log_end_offset {
                tracing::warn!(dir = %self.dir.display(), offset, log_end_offset, "producer snapshot past the log end; deleting it");
                checkpoint::remove_durably(
                    &self.dir,
                    &segment::file_name(offset, SNAPSHOT_EXTENSION),
                )?;
                continue;
            }
            let name = segment::file_name(offset, SNAPSHOT_EXTENSION);
            match checkpoint::read(&self.dir, &name)?
                .as_deref()
                .and_then(ProducerStateTable::decode)
            {
                Some(table) => {
                    self.producers = table;
                    from = offset;
                    break;
                }
                None => {
                    tracing::warn!(dir = %self.dir.display(), offset, "unreadable producer snapshot; rebuilding from the log");
                }
            }
        }
        let open_ms = wall_clock_ms();
        let mut replayed = 0u64;
        let first = self
            .segments
            .partition_point(|s| s.base_offset() <= from)
            .saturating_sub(1);
        for segment in &self.segments[first..] {
            let Some(position) = segment.locate(from)? else {
                continue;
            };
            let producers = &mut self.producers;
            segment.walk(position, |_, header| {
                if header.base_offset >= from && header.has_producer_id() && !header.is_control() {
                    // The batch's own time stands in for its append time, unless absent.
                    let at = if header.max_timestamp > 0 {
                        header.max_timestamp.min(open_ms)
                    } else {
                        open_ms
                    };
                    producers.update(header, at);
                    replayed += 1;
                }
                true
            })?;
        }
        if replayed > 0 {
            tracing::debug!(dir = %self.dir.display(), from, replayed, producers = self.producers.len(), "producer state replayed");
        }
        Ok(())
    }

    /// Offsets of the producer snapshots in the directory, ascending.
    fn snapshot_offsets(&self) -> Result<Vec<i64>, LogError> {
        let mut offsets = Vec::new();
        for entry in std::fs::read_dir(&self.dir).map_err(io_error("listing", &self.dir))? {
            let name = entry.map_err(io_error("listing", &self.dir))?.file_name();
            let Some((stem, extension)) = name.to_str().and_then(|n| n.split_once('.')) else {
                continue;
            };
            if extension == SNAPSHOT_EXTENSION && stem.len() == 20 {
                if let Ok(offset) = stem.parse::<i64>() {
                    offsets.push(offset);
                }
            }
        }
        offsets.sort_unstable();
        Ok(offsets)
    }

    /// Snapshots the producer state at the log end offset and keeps only the newest few.
    pub(super) fn snapshot_producers(&self) -> Result<(), LogError> {
        let offset = self.log_end_offset();
        let name = segment::file_name(offset, SNAPSHOT_EXTENSION);
        checkpoint::write_atomic(&self.dir, &name, &self.producers.encode())?;
        let offsets = self.snapshot_offsets()?;
        let stale = offsets.len().saturating_sub(SNAPSHOTS_KEPT);
        for old in &offsets[..stale] {
            let path = self.dir.join(segment::file_name(*old, SNAPSHOT_EXTENSION));
            std::fs::remove_file(&path).map_err(io_error("removing", &path))?;
        }
        Ok(())
    }
}
