//! Idempotent producers' state for one partition: per producer id, its current epoch and the
//! sequence numbers and offsets of its last five batches (the most a producer keeps in
//! flight per partition), so that a retried batch is recognised and answered with the offsets
//! it got the first time, and a gap in the sequence is refused.
//!
//! The rules, as Kafka applies them: a producer the partition has never seen may start at any
//! sequence (its history may have been removed by retention); an older epoch is fenced; a
//! newer epoch must start at sequence 0; within an epoch a batch is either one of the cached
//! five (a duplicate) or starts exactly one after the last one's last sequence, where
//! sequences wrap from `i32::MAX` to 0. Entries expire only when the producer has not written
//! for `transactional.id.expiration.ms`.
//!
//! Durability: the table is snapshotted to `{offset:020}.snapshot` (state after every batch
//! below `offset`), written atomically when a segment rolls and on clean shutdown. On open the
//! newest snapshot not past the log end is loaded and the batches after it are replayed from
//! their headers alone. Snapshot version 2 added each producer's last batch timestamp; a
//! version 1 snapshot is still read (that timestamp then stands at the append time).

use std::collections::{HashMap, VecDeque};
use strom_protocol::records::BatchHeader;

/// Batches remembered per producer: clients keep at most five in flight per partition.
pub const CACHED_BATCHES: usize = 5;
/// File extension of producer state snapshots.
pub const SNAPSHOT_EXTENSION: &str = "snapshot";
const SNAPSHOT_MAGIC: &[u8; 4] = b"STPS";
const SNAPSHOT_VERSION: u16 = 2;
/// Version 1 lacked `last_timestamp`.
const SNAPSHOT_VERSION_1: u16 = 1;
const ENTRY_HEAD_LEN: usize = 8 + 2 + 8 + 8 + 1;
const BATCH_META_LEN: usize = 4 + 4 + 8 + 8;

/// Where one producer batch landed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatchMeta {
    pub first_seq: i32,
    pub last_seq: i32,
    pub first_offset: i64,
    pub last_offset: i64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProducerEntry {
    pub epoch: i16,
    /// Oldest first, at most [`CACHED_BATCHES`].
    pub batches: VecDeque<BatchMeta>,
    /// Wall-clock time of the producer's last append, for expiry.
    pub last_append_ms: i64,
    /// The max timestamp of the producer's last batch (what DescribeProducers shows as
    /// Kafka does), -1 when unknown.
    pub last_timestamp: i64,
}

/// Why a producer batch is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum SequenceError {
    #[error("producer {producer_id} epoch {got} is older than the current epoch {current}")]
    InvalidEpoch {
        producer_id: i64,
        current: i16,
        got: i16,
    },
    #[error("producer {producer_id}: expected sequence {expected}, got {got}")]
    OutOfOrder {
        producer_id: i64,
        expected: i32,
        got: i32,
    },
}

/// What the table says about a batch about to be appended.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    /// Not seen before, in sequence: append it.
    Append,
    /// A retry of a batch already in the log: answer with where it landed, append nothing.
    Duplicate(BatchMeta),
}

/// The last sequence of a batch: `base_sequence + last_offset_delta`, wrapping past
/// `i32::MAX` to 0.
pub fn last_sequence(base_sequence: i32, last_offset_delta: i32) -> i32 {
    let delta = last_offset_delta.max(0);
    if base_sequence > i32::MAX - delta {
        delta - (i32::MAX - base_sequence) - 1
    } else {
        base_sequence + delta
    }
}

fn next_sequence(sequence: i32) -> i32 {
    if sequence == i32::MAX {
        0
    } else {
        sequence + 1
    }
}

/// Producer state of one partition.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ProducerStateTable {
    producers: HashMap<i64, ProducerEntry>,
}

impl ProducerStateTable {
    pub fn len(&self) -> usize {
        self.producers.len()
    }

    pub fn is_empty(&self) -> bool {
        self.producers.is_empty()
    }

    pub fn get(&self, producer_id: i64) -> Option<&ProducerEntry> {
        self.producers.get(&producer_id)
    }

    /// Every producer with state in this partition, by producer id, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (i64, &ProducerEntry)> {
        self.producers.iter().map(|(id, entry)| (*id, entry))
    }

    /// Checks a batch of an idempotent producer (`producer_id >= 0`) against the table.
    pub fn check(&self, header: &BatchHeader) -> Result<Verdict, SequenceError> {
        let producer_id = header.producer_id;
        let Some(entry) = self.producers.get(&producer_id) else {
            return Ok(Verdict::Append);
        };
        let first_seq = header.base_sequence;
        if header.producer_epoch < entry.epoch {
            return Err(SequenceError::InvalidEpoch {
                producer_id,
                current: entry.epoch,
                got: header.producer_epoch,
            });
        }
        if header.producer_epoch > entry.epoch {
            if first_seq != 0 {
                return Err(SequenceError::OutOfOrder {
                    producer_id,
                    expected: 0,
                    got: first_seq,
                });
            }
            return Ok(Verdict::Append);
        }
        let last_seq = last_sequence(first_seq, header.last_offset_delta);
        if let Some(original) = entry
            .batches
            .iter()
            .find(|b| b.first_seq == first_seq && b.last_seq == last_seq)
        {
            return Ok(Verdict::Duplicate(*original));
        }
        match entry.batches.back() {
            // The epoch is known but no batch of it is: accept, as Kafka does.
            None => Ok(Verdict::Append),
            Some(last) => {
                let expected = next_sequence(last.last_seq);
                if first_seq == expected {
                    Ok(Verdict::Append)
                } else {
                    Err(SequenceError::OutOfOrder {
                        producer_id,
                        expected,
                        got: first_seq,
                    })
                }
            }
        }
    }

    /// Records an appended batch whose `base_offset` is assigned.
    pub fn update(&mut self, header: &BatchHeader, append_ms: i64) {
        let meta = BatchMeta {
            first_seq: header.base_sequence,
            last_seq: last_sequence(header.base_sequence, header.last_offset_delta),
            first_offset: header.base_offset,
            last_offset: header.last_offset(),
        };
        let entry = self
            .producers
            .entry(header.producer_id)
            .or_insert_with(|| ProducerEntry {
                epoch: header.producer_epoch,
                batches: VecDeque::with_capacity(CACHED_BATCHES),
                last_append_ms: append_ms,
                last_timestamp: -1,
            });
        if header.producer_epoch != entry.epoch {
            entry.epoch = header.producer_epoch;
            entry.batches.clear();
        }
        if entry.batches.len() == CACHED_BATCHES {
            entry.batches.pop_front();
        }
        entry.batches.push_back(meta);
        entry.last_append_ms = entry.last_append_ms.max(append_ms);
        entry.last_timestamp = header.max_timestamp;
    }

    /// Forgets producers idle for at least `expiration_ms`; returns how many.
    pub fn remove_expired(&mut self, now_ms: i64, expiration_ms: i64) -> usize {
        let before = self.producers.len();
        self.producers
            .retain(|_, e| now_ms.saturating_sub(e.last_append_ms) < expiration_ms);
        before - self.producers.len()
    }

    /// The snapshot file's contents: magic, version, CRC-32C of the rest, then the entries.
    pub fn encode(&self) -> Vec<u8> {
        let mut body = Vec::with_capacity(
            4 + self.producers.len() * (ENTRY_HEAD_LEN + CACHED_BATCHES * BATCH_META_LEN),
        );
        body.extend_from_slice(&(self.producers.len() as u32).to_be_bytes());
        let mut ids: Vec<_> = self.producers.keys().copied().collect();
        ids.sort_unstable();
        for id in ids {
            let entry = &self.producers[&id];
            body.extend_from_slice(&id.to_be_bytes());
            body.extend_from_slice(&entry.epoch.to_be_bytes());
            body.extend_from_slice(&entry.last_append_ms.to_be_bytes());
            body.extend_from_slice(&entry.last_timestamp.to_be_bytes());
            body.push(entry.batches.len() as u8);
            for b in &entry.batches {
                body.extend_from_slice(&b.first_seq.to_be_bytes());
                body.extend_from_slice(&b.last_seq.to_be_bytes());
                body.extend_from_slice(&b.first_offset.to_be_bytes());
                body.extend_from_slice(&b.last_offset.to_be_bytes());
            }
        }
        let mut out = Vec::with_capacity(10 + body.len());
        out.extend_from_slice(SNAPSHOT_MAGIC);
        out.extend_from_slice(&SNAPSHOT_VERSION.to_be_bytes());
        out.extend_from_slice(&crc32c::crc32c(&body).to_be_bytes());
        out.extend_from_slice(&body);
        out
    }

    /// Parses a snapshot; `None` when it is damaged in any way (the caller rebuilds).
    pub fn decode(data: &[u8]) -> Option<ProducerStateTable> {
        let rest = data.strip_prefix(SNAPSHOT_MAGIC)?;
        let (version, rest) = take::<2>(rest)?;
        let version = u16::from_be_bytes(version);
        if version != SNAPSHOT_VERSION && version != SNAPSHOT_VERSION_1 {
            return None;
        }
        let (crc, body) = take::<4>(rest)?;
        if crc32c::crc32c(body) != u32::from_be_bytes(crc) {
            return None;
        }
        let (count, mut rest) = take::<4>(body)?;
        let count = u32::from_be_bytes(count) as usize;
        let mut producers = HashMap::with_capacity(count.min(rest.len() / ENTRY_HEAD_LEN));
        for _ in 0..count {
            let (id, r) = take::<8>(rest)?;
            let (epoch, r) = take::<2>(r)?;
            let (last_append_ms, r) = take::<8>(r)?;
            let last_append_ms = i64::from_be_bytes(last_append_ms);
            let (last_timestamp, r) = if version == SNAPSHOT_VERSION_1 {
                (last_append_ms, r)
            } else {
                let (last_timestamp, r) = take::<8>(r)?;
                (i64::from_be_bytes(last_timestamp), r)
            };
            let ([n], mut r) = take::<1>(r)?;
            if usize::from(n) > CACHED_BATCHES {
                return None;
            }
            let mut batches = VecDeque::with_capacity(CACHED_BATCHES);
            for _ in 0..n {
                let (first_seq, r2) = take::<4>(r)?;
                let (last_seq, r2) = take::<4>(r2)?;
                let (first_offset, r2) = take::<8>(r2)?;
                let (last_offset, r2) = take::<8>(r2)?;
                batches.push_back(BatchMeta {
                    first_seq: i32::from_be_bytes(first_seq),
                    last_seq: i32::from_be_bytes(last_seq),
                    first_offset: i64::from_be_bytes(first_offset),
                    last_offset: i64::from_be_bytes(last_offset),
                });
                r = r2;
            }
            producers.insert(
                i64::from_be_bytes(id),
                ProducerEntry {
                    epoch: i16::from_be_bytes(epoch),
                    batches,
                    last_append_ms,
                    last_timestamp,
                },
            );
            rest = r;
        }
        rest.is_empty().then_some(ProducerStateTable { producers })
    }
}

fn take<const N: usize>(data: &[u8]) -> Option<([u8; N], &[u8])> {
    let head = data.get(..N)?.try_into().ok()?;
    Some((head, &data[N..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn batch(pid: i64, epoch: i16, seq: i32, count: i32, base_offset: i64) -> BatchHeader {
        BatchHeader {
            base_offset,
            batch_length: 100,
            partition_leader_epoch: 0,
            magic: 2,
            crc: 0,
            attributes: 0,
            last_offset_delta: count - 1,
            base_timestamp: 0,
            max_timestamp: 0,
            producer_id: pid,
            producer_epoch: epoch,
            base_sequence: seq,
            records_count: count,
        }
    }

    fn appended(table: &mut ProducerStateTable, header: BatchHeader) {
        assert_eq!(table.check(&header), Ok(Verdict::Append));
        table.update(&header, 1000);
    }

    /// In-sequence batches append; a retry of any of the last five is a duplicate carrying
    /// its original offsets; an older retry and a gap are out of order.
    #[test]
    fn sequences_duplicates_and_gaps() {
        let mut table = ProducerStateTable::default();
        for i in 0..7 {
            appended(&mut table, batch(7, 0, i * 10, 10, 100 + i64::from(i) * 10));
        }
        let dup = table.check(&batch(7, 0, 30, 10, -1)).unwrap();
        assert_eq!(
            dup,
            Verdict::Duplicate(BatchMeta {
                first_seq: 30,
                last_seq: 39,
                first_offset: 130,
                last_offset: 139
            })
        );
        assert_eq!(
            table.check(&batch(7, 0, 10, 10, -1)),
            Err(SequenceError::OutOfOrder {
                producer_id: 7,
                expected: 70,
                got: 10
            })
        );
        assert_eq!(
            table.check(&batch(7, 0, 71, 1, -1)),
            Err(SequenceError::OutOfOrder {
                producer_id: 7,
                expected: 70,
                got: 71
            })
        );
        assert_eq!(table.check(&batch(7, 0, 70, 1, -1)), Ok(Verdict::Append));
        assert_eq!(table.get(7).unwrap().batches.len(), CACHED_BATCHES);
    }

    /// Older epochs are fenced; a newer epoch must start at 0 and resets the history.
    #[test]
    fn epochs() {
        let mut table = ProducerStateTable::default();
        appended(&mut table, batch(1, 3, 0, 5, 0));
        assert_eq!(
            table.check(&batch(1, 2, 5, 1, -1)),
            Err(SequenceError::InvalidEpoch {
                producer_id: 1,
                current: 3,
                got: 2
            })
        );
        assert!(matches!(
            table.check(&batch(1, 4, 5, 1, -1)),
            Err(SequenceError::OutOfOrder { expected: 0, .. })
        ));
        appended(&mut table, batch(1, 4, 0, 1, 5));
        assert_eq!(table.get(1).unwrap().epoch, 4);
        assert_eq!(table.get(1).unwrap().batches.len(), 1);
        // An unknown producer may start anywhere.
        appended(&mut table, batch(2, 0, 12345, 1, 6));
    }

    /// Sequences wrap from i32::MAX to 0, within a batch and between batches.
    #[test]
    fn sequence_wraps() {
        assert_eq!(last_sequence(i32::MAX, 0), i32::MAX);
        assert_eq!(last_sequence(i32::MAX, 1), 0);
        assert_eq!(last_sequence(i32::MAX - 2, 5), 2);
        let mut table = ProducerStateTable::default();
        appended(&mut table, batch(9, 0, i32::MAX - 4, 5, 0));
        appended(&mut table, batch(9, 0, 0, 3, 5));
        appended(&mut table, batch(9, 0, 3, 1, 8));
        let mut across = ProducerStateTable::default();
        appended(&mut across, batch(9, 0, i32::MAX - 1, 4, 0));
        assert_eq!(across.get(9).unwrap().batches[0].last_seq, 1);
        assert_eq!(across.check(&batch(9, 0, 2, 1, -1)), Ok(Verdict::Append));
    }

    /// Only producers idle for the expiration time are forgotten.
    #[test]
    fn expiry() {
        let mut table = ProducerStateTable::default();
        table.update(&batch(1, 0, 0, 1, 0), 1_000);
        table.update(&batch(2, 0, 0, 1, 1), 5_000);
        assert_eq!(table.remove_expired(10_999, 10_000), 0);
        assert_eq!(table.remove_expired(11_000, 10_000), 1);
        assert!(table.get(1).is_none() && table.get(2).is_some());
    }

    /// Snapshots round-trip; any damaged byte makes the snapshot unreadable, never wrong.
    #[test]
    fn snapshot_round_trip_and_damage() {
        let mut table = ProducerStateTable::default();
        for pid in 0..20 {
            for i in 0..(pid % 7) {
                table.update(
                    &batch(pid, (pid % 3) as i16, i as i32, 1, pid * 100 + i),
                    42,
                );
            }
            table.update(
                &batch(pid, (pid % 3) as i16, 50, 2, pid * 100 + 50),
                42 + pid,
            );
        }
        let bytes = table.encode();
        assert_eq!(ProducerStateTable::decode(&bytes), Some(table.clone()));
        for i in 0..bytes.len() {
            let mut bad = bytes.clone();
            bad[i] ^= 0x40;
            assert_eq!(ProducerStateTable::decode(&bad), None, "byte {i}");
        }
        for len in 0..bytes.len() {
            assert_eq!(ProducerStateTable::decode(&bytes[..len]), None);
        }
        let empty = ProducerStateTable::default();
        assert_eq!(ProducerStateTable::decode(&empty.encode()), Some(empty));
    }

    /// A version 1 snapshot (written before the last batch timestamp was kept) still loads,
    /// its producers' last timestamp standing at their last append time.
    #[test]
    fn version_1_snapshot_loads() {
        let mut body = Vec::new();
        body.extend_from_slice(&1u32.to_be_bytes());
        body.extend_from_slice(&9i64.to_be_bytes());
        body.extend_from_slice(&2i16.to_be_bytes());
        body.extend_from_slice(&777i64.to_be_bytes());
        body.push(1);
        for field in [3i32.to_be_bytes(), 5i32.to_be_bytes()] {
            body.extend_from_slice(&field);
        }
        body.extend_from_slice(&10i64.to_be_bytes());
        body.extend_from_slice(&12i64.to_be_bytes());
        let mut bytes = SNAPSHOT_MAGIC.to_vec();
        bytes.extend_from_slice(&SNAPSHOT_VERSION_1.to_be_bytes());
        bytes.extend_from_slice(&crc32c::crc32c(&body).to_be_bytes());
        bytes.extend_from_slice(&body);
        let table = ProducerStateTable::decode(&bytes).expect("a v1 snapshot loads");
        let entry = table.get(9).expect("producer 9");
        assert_eq!(
            (entry.epoch, entry.last_append_ms, entry.last_timestamp),
            (2, 777, 777)
        );
        let expected = BatchMeta {
            first_seq: 3,
            last_seq: 5,
            first_offset: 10,
            last_offset: 12,
        };
        assert_eq!(entry.batches, VecDeque::from([expected]));
    }
}
