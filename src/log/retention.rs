//! What moves the log start offset: DeleteRecords and retention by time and size, which
//! delete whole segments, oldest first.
//!
//! Invariants: the start offset only moves forward and is checkpointed (temp file, fsync,
//! rename) before the segments below it are deleted; the active segment is never deleted
//! (it is rolled first when it has expired); a deleted segment's files go together (see
//! `recovery::delete_segment_files`).

use super::segment::Segment;
use super::{checkpoint, recovery, LogError, PartitionLog, LOG_START_CHECKPOINT, LOG_START_KEY};

impl PartitionLog {
    /// DeleteRecords: makes `offset` the log start offset (never moving it back), durably,
    /// and deletes the segments wholly before it. `offset` may be at most the high
    /// watermark (as in Kafka: uncommitted records cannot be deleted). Returns the new log
    /// start offset.
    pub fn delete_records_before(&mut self, offset: i64) -> Result<i64, LogError> {
        self.health.check()?;
        let result = self.delete_records_checked(offset);
        self.health.observe(result)
    }

    fn delete_records_checked(&mut self, offset: i64) -> Result<i64, LogError> {
        let log_end_offset = self.log_end_offset();
        if offset < 0 || offset > self.high_watermark() {
            return Err(LogError::OffsetOutOfRange {
                offset,
                log_start_offset: self.log_start_offset,
                log_end_offset,
            });
        }
        if offset > self.log_start_offset {
            checkpoint::write_atomic(
                &self.dir,
                LOG_START_CHECKPOINT,
                &checkpoint::encode_offset(LOG_START_KEY, offset),
            )?;
            self.log_start_offset = offset;
            self.delete_segments_below_start()?;
            // Deleting a segment moves the start to the next one's base, which compaction
            // gaps can put past `offset`; DeleteRecords answers the offset asked for.
            self.log_start_offset = offset;
        }
        Ok(self.log_start_offset)
    }

    /// Deletes the sealed segments whose every offset is below the log start offset.
    fn delete_segments_below_start(&mut self) -> Result<usize, LogError> {
        let mut deleted = 0;
        while self.segments.len() > 1 && self.segments[0].next_offset() <= self.log_start_offset {
            self.delete_oldest_segment()?;
            deleted += 1;
        }
        Ok(deleted)
    }

    /// Removes the oldest (sealed) segment's files; the log start offset moves to the next
    /// segment's base offset if it was below it.
    fn delete_oldest_segment(&mut self) -> Result<(), LogError> {
        let segment = self.segments.remove(0);
        let base = segment.base_offset();
        drop(segment);
        recovery::delete_segment_files(&self.dir, base)?;
        let next_base = self.segments[0].base_offset();
        if next_base > self.log_start_offset {
            self.log_start_offset = next_base;
        }
        tracing::debug!(dir = %self.dir.display(), base_offset = base, log_start_offset = self.log_start_offset, "deleted segment");
        Ok(())
    }

    /// Applies `retention.ms` and `retention.bytes` (negative: unlimited) by deleting whole
    /// segments, oldest first. A segment expires when its newest timestamp (or, without
    /// timestamps, its file's modification time) is `retention_ms` old; when the active
    /// segment has expired too it is rolled first, so an idle log empties. Size retention
    /// deletes the oldest sealed segments while the log stays at or above `retention_bytes`
    /// without them. Returns the number of segments deleted.
    pub fn enforce_retention(
        &mut self,
        now_ms: i64,
        retention_ms: i64,
        retention_bytes: i64,
    ) -> Result<usize, LogError> {
        self.health.check()?;
        let result = self.enforce_retention_checked(now_ms, retention_ms, retention_bytes);
        self.health.observe(result)
    }

    fn enforce_retention_checked(
        &mut self,
        now_ms: i64,
        retention_ms: i64,
        retention_bytes: i64,
    ) -> Result<usize, LogError> {
        let mut deleted = 0;
        if retention_ms >= 0 {
            let expired = |segment: &Segment| -> Result<bool, LogError> {
                Ok(now_ms.saturating_sub(segment.newest_timestamp_ms()?) > retention_ms)
            };
            if self.active().size() > 0 && expired(self.active())? {
                self.roll()?;
            }
            while self.segments.len() > 1 && expired(&self.segments[0])? {
                self.delete_oldest_segment()?;
                deleted += 1;
            }
        }
        if retention_bytes >= 0 {
            let mut size = self.size_bytes();
            while self.segments.len() > 1 {
                let oldest = self.segments[0].size();
                if size.saturating_sub(oldest) < retention_bytes as u64 {
                    break;
                }
                size -= oldest;
                self.delete_oldest_segment()?;
                deleted += 1;
            }
        }
        if deleted > 0 {
            // The start moved to a segment boundary; record it so a restart agrees.
            checkpoint::write_atomic(
                &self.dir,
                LOG_START_CHECKPOINT,
                &checkpoint::encode_offset(LOG_START_KEY, self.log_start_offset),
            )?;
            tracing::info!(dir = %self.dir.display(), deleted, log_start_offset = self.log_start_offset, "retention deleted segments");
        }
        Ok(deleted)
    }
}
