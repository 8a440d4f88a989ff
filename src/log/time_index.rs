//! The time index (`.timeindex`) of a segment: entries of (timestamp i64, relative offset
//! u32), 12 bytes big-endian, in the same file type as the offset index.
//!
//! Meaning of an entry: `timestamp` is the largest batch max timestamp among the batches up
//! to the one at `relative_offset`, and that batch is the first to reach it. Every batch up
//! to and including it therefore has max timestamp <= `timestamp`, so a search for the
//! first batch at or after time `t` may skip everything up to the last entry below `t`.
//! Invariant: timestamps and relative offsets both increase strictly from entry to entry
//! (an entry is only added when the maximum grew; see `IndexPlanner`).

use super::index::{IndexEntry, IndexFile, OffsetEntry};
use super::LogError;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TimeEntry {
    pub timestamp: i64,
    pub relative_offset: u32,
}

impl IndexEntry for TimeEntry {
    const SIZE: usize = 12;

    fn encode(&self, out: &mut [u8]) {
        out[..8].copy_from_slice(&self.timestamp.to_be_bytes());
        out[8..12].copy_from_slice(&self.relative_offset.to_be_bytes());
    }

    fn decode(buf: &[u8]) -> Self {
        let mut timestamp = [0u8; 8];
        timestamp.copy_from_slice(&buf[..8]);
        TimeEntry {
            timestamp: i64::from_be_bytes(timestamp),
            relative_offset: u32::from_be_bytes([buf[8], buf[9], buf[10], buf[11]]),
        }
    }

    fn follows(&self, previous: &Self) -> bool {
        self.timestamp > previous.timestamp && self.relative_offset > previous.relative_offset
    }
}

/// Where to start scanning for the first batch whose max timestamp is at least
/// `timestamp`: the file position of a batch at or before the answer (0 when the time
/// index cannot narrow it down).
pub fn scan_start(
    time_index: &IndexFile<TimeEntry>,
    offset_index: &IndexFile<OffsetEntry>,
    timestamp: i64,
) -> Result<u64, LogError> {
    let Some(entry) = time_index.floor(|e| e.timestamp < timestamp)? else {
        return Ok(0);
    };
    let start = offset_index.floor(|e| e.relative_offset <= entry.relative_offset)?;
    Ok(start.map_or(0, |e| u64::from(e.position)))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Entries round-trip through their 12-byte encoding, and a scan starts at the offset
    /// entry at or before the last time entry below the target.
    #[test]
    fn encoding_and_scan_start() {
        let entry = TimeEntry {
            timestamp: -5,
            relative_offset: 7,
        };
        let mut buf = [0u8; 12];
        entry.encode(&mut buf);
        assert_eq!(TimeEntry::decode(&buf), entry);

        let dir = tempfile::tempdir().unwrap();
        let (mut times, _) = IndexFile::<TimeEntry>::open(&dir.path().join("t")).unwrap();
        let (mut offsets, _) = IndexFile::<OffsetEntry>::open(&dir.path().join("o")).unwrap();
        offsets
            .append(&[
                OffsetEntry {
                    relative_offset: 10,
                    position: 1000,
                },
                OffsetEntry {
                    relative_offset: 20,
                    position: 2000,
                },
            ])
            .unwrap();
        times
            .append(&[
                TimeEntry {
                    timestamp: 100,
                    relative_offset: 10,
                },
                TimeEntry {
                    timestamp: 200,
                    relative_offset: 15,
                },
            ])
            .unwrap();
        assert_eq!(scan_start(&times, &offsets, 50).unwrap(), 0);
        assert_eq!(scan_start(&times, &offsets, 100).unwrap(), 0);
        assert_eq!(scan_start(&times, &offsets, 101).unwrap(), 1000);
        assert_eq!(scan_start(&times, &offsets, 500).unwrap(), 1000);
    }
}
