//! Producer ids for idempotent producers. Transactions (the transaction coordinator and
//! its markers) are not implemented yet; InitProducerId with a transactional id is refused.
//!
//! Invariant: an id is handed out at most once over the cluster's whole life. Ids come from
//! blocks reserved on the metadata log before any id of the block is used; a reservation
//! names the block's start and is refused unless that is where the last block ended, so two
//! brokers reserving at once never get the same block (one is refused and reserves again
//! after it). After a restart allocation resumes at a new block, skipping what the last one
//! left unused (as Kafka's producer id blocks do).

use std::sync::Mutex;

/// Producer ids reserved per durable write.
pub const BLOCK_SIZE: i64 = 1000;

/// Hands out producer ids from blocks of `BLOCK_SIZE`.
pub struct ProducerIds {
    state: Mutex<Block>,
}

struct Block {
    next: i64,
    end: i64,
}

impl Default for ProducerIds {
    fn default() -> Self {
        ProducerIds::new()
    }
}

impl ProducerIds {
    /// No block yet: the first allocation reserves one.
    pub fn new() -> ProducerIds {
        ProducerIds {
            state: Mutex::new(Block { next: 0, end: 0 }),
        }
    }

    /// The next unused id. When the current block is spent, `reserve` must durably reserve
    /// a new block of `BLOCK_SIZE` ids and return its start.
    pub fn allocate<E>(&self, reserve: impl FnOnce() -> Result<i64, E>) -> Result<i64, E> {
        let mut block = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if block.next == block.end {
            let start = reserve()?;
            block.next = start;
            block.end = start + BLOCK_SIZE;
        }
        let id = block.next;
        block.next += 1;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids are consecutive within a block, one reservation per block, and the next block
    /// starts where the reservation says.
    #[test]
    fn blocks_are_reserved_when_spent() {
        let mut reserved = 0;
        let ids = ProducerIds::new();
        let got: Vec<i64> = (0..BLOCK_SIZE + 2)
            .map(|_| {
                ids.allocate(|| {
                    reserved += 1;
                    Ok::<i64, ()>(if reserved == 1 { 0 } else { 7 * BLOCK_SIZE })
                })
                .unwrap()
            })
            .collect();
        let mut want: Vec<i64> = (0..BLOCK_SIZE).collect();
        want.extend([7 * BLOCK_SIZE, 7 * BLOCK_SIZE + 1]);
        assert_eq!((got, reserved), (want, 2));
    }

    /// A block that could not be reserved hands out nothing.
    #[test]
    fn failed_reservation_allocates_nothing() {
        let ids = ProducerIds::new();
        assert_eq!(ids.allocate(|| Err("disk full")), Err("disk full"));
        assert_eq!(ids.allocate(|| Ok::<i64, ()>(5000)), Ok(5000));
        assert_eq!(ids.allocate(|| Ok::<i64, ()>(9)), Ok(5001));
    }
}
