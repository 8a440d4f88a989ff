//! Producer ids for idempotent producers. Transactions (the transaction coordinator and
//! its markers) are not implemented yet; InitProducerId with a transactional id is refused.
//!
//! Invariant: an id is handed out at most once over the broker's whole life. Ids come from
//! blocks whose end is recorded durably before any id of the block is used; after a restart
//! allocation resumes at the recorded end, skipping what the last block left unused (as
//! Kafka's producer id blocks do).

use std::sync::Mutex;

/// Producer ids reserved per durable write.
pub const BLOCK_SIZE: i64 = 1000;

/// Hands out producer ids; `persist(end)` must durably record that ids below `end` are
/// taken before it returns `Ok`.
pub struct ProducerIds {
    state: Mutex<Block>,
}

struct Block {
    next: i64,
    end: i64,
}

impl ProducerIds {
    /// Resumes after the recorded end of the last block (0 for a new broker).
    pub fn new(recorded_end: i64) -> ProducerIds {
        ProducerIds {
            state: Mutex::new(Block {
                next: recorded_end,
                end: recorded_end,
            }),
        }
    }

    /// The next unused id; reserves and records a new block when the current one is spent.
    pub fn allocate<E>(&self, persist: impl FnOnce(i64) -> Result<(), E>) -> Result<i64, E> {
        let mut block = self.state.lock().unwrap_or_else(|p| p.into_inner());
        if block.next == block.end {
            let end = block.end + BLOCK_SIZE;
            persist(end)?;
            block.end = end;
        }
        let id = block.next;
        block.next += 1;
        Ok(id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ids are consecutive within a block, one durable write per block, and a restart at
    /// the recorded end never repeats an id.
    #[test]
    fn blocks_and_restart() {
        let mut recorded = Vec::new();
        let ids = ProducerIds::new(0);
        let got: Vec<i64> = (0..BLOCK_SIZE + 2)
            .map(|_| {
                ids.allocate(|end| {
                    recorded.push(end);
                    Ok::<(), ()>(())
                })
                .unwrap()
            })
            .collect();
        assert_eq!(got, (0..BLOCK_SIZE + 2).collect::<Vec<_>>());
        assert_eq!(recorded, vec![BLOCK_SIZE, 2 * BLOCK_SIZE]);
        let restarted = ProducerIds::new(2 * BLOCK_SIZE);
        assert_eq!(restarted.allocate(|_| Ok::<(), ()>(())), Ok(2 * BLOCK_SIZE));
    }

    /// A block that could not be recorded hands out nothing.
    #[test]
    fn failed_persist_allocates_nothing() {
        let ids = ProducerIds::new(5000);
        assert_eq!(ids.allocate(|_| Err("disk full")), Err("disk full"));
        assert_eq!(
            ids.allocate(|end| {
                assert_eq!(end, 6000);
                Ok::<(), ()>(())
            }),
            Ok(5000)
        );
    }
}
