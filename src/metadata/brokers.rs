//! Broker lifecycle on the metadata image: registration (a new broker epoch, unfenced),
//! fencing and unfencing, and the partition leadership they move. See the records'
//! documentation in `image.rs`.
//!
//! Invariants: every change of a partition's leader raises its leader epoch; a fenced
//! broker leaves the ISR of its partitions unless it is the last member; fencing and
//! unfencing apply only to the broker's current epoch.

use super::image::{ApplyError, BrokerImage, Image, PartitionState};

impl Image {
    /// Applies a registration. `exact` (a snapshot's record) sets the broker as given;
    /// otherwise the broker gets the next epoch and is unfenced, unless this very
    /// registration (same non-empty incarnation) applied before.
    pub(super) fn register_broker(&mut self, mut broker: BrokerImage, exact: bool) {
        let node_id = broker.node_id;
        // Partitions of old records applied before any broker registered belong to the
        // first broker that does.
        for topic in self.topics.values_mut() {
            for (replicas, state) in topic.replicas.iter_mut().zip(&mut topic.states) {
                if replicas.is_empty() {
                    replicas.push(node_id);
                    *state = PartitionState {
                        leader: node_id,
                        leader_epoch: 0,
                        isr: vec![node_id],
                    };
                }
            }
        }
        if !exact {
            let previous = self.brokers.get(&node_id);
            if previous.is_some_and(|b| {
                !broker.incarnation.is_empty() && b.incarnation == broker.incarnation
            }) {
                return;
            }
            broker.epoch = previous.map_or(1, |b| b.epoch + 1);
            broker.fenced = false;
        }
        self.brokers.insert(node_id, broker);
        if !exact {
            self.lead_where_leaderless(node_id);
        }
    }

    /// Fences broker `node_id` at `epoch`: it leaves the ISRs it shares, and each partition
    /// it led gets the first live in-sync replica as leader, or none.
    pub(super) fn fence_broker(&mut self, node_id: i32, epoch: i64) -> Result<(), ApplyError> {
        let broker = self.current_broker(node_id, epoch)?;
        if broker.fenced {
            return Ok(());
        }
        broker.fenced = true;
        let live: Vec<i32> = self.live_brokers().map(|b| b.node_id).collect();
        for state in self.topics.values_mut().flat_map(|t| t.states.iter_mut()) {
            if state.isr.len() > 1 {
                state.isr.retain(|b| *b != node_id);
            }
            if state.leader == node_id {
                state.leader = state
                    .isr
                    .iter()
                    .copied()
                    .find(|b| live.contains(b))
                    .unwrap_or(-1);
                state.leader_epoch += 1;
            }
        }
        Ok(())
    }

    /// Unfences broker `node_id` at `epoch`, as at registration.
    pub(super) fn unfence_broker(&mut self, node_id: i32, epoch: i64) -> Result<(), ApplyError> {
        let broker = self.current_broker(node_id, epoch)?;
        if broker.fenced {
            broker.fenced = false;
            self.lead_where_leaderless(node_id);
        }
        Ok(())
    }

    /// The brokers that are not fenced.
    pub fn live_brokers(&self) -> impl Iterator<Item = &BrokerImage> {
        self.brokers.values().filter(|b| !b.fenced)
    }

    /// Whether `node_id` is a registered broker that is not fenced.
    pub fn is_live(&self, node_id: i32) -> bool {
        self.brokers.get(&node_id).is_some_and(|b| !b.fenced)
    }

    /// A new partition's leadership: its first live replica leads (none live: no leader,
    /// and the first replica is the one to wait for).
    pub fn initial_state(&self, replicas: &[i32]) -> PartitionState {
        match replicas.iter().copied().find(|r| self.is_live(*r)) {
            Some(leader) => PartitionState {
                leader,
                leader_epoch: 0,
                isr: vec![leader],
            },
            None => PartitionState {
                leader: -1,
                leader_epoch: 0,
                isr: replicas.first().copied().into_iter().collect(),
            },
        }
    }

    /// `node_id` (live) leads every partition without a leader whose ISR it is in.
    fn lead_where_leaderless(&mut self, node_id: i32) {
        for state in self.topics.values_mut().flat_map(|t| t.states.iter_mut()) {
            if state.leader == -1 && state.isr.contains(&node_id) {
                state.leader = node_id;
                state.leader_epoch += 1;
            }
        }
    }

    /// Broker `node_id` if `epoch` is its current epoch.
    fn current_broker(&mut self, node_id: i32, epoch: i64) -> Result<&mut BrokerImage, ApplyError> {
        match self.brokers.get_mut(&node_id) {
            Some(broker) if broker.epoch == epoch => Ok(broker),
            Some(broker) => Err(ApplyError(format!(
                "broker {node_id} epoch {epoch} is stale (current {})",
                broker.epoch
            ))),
            None => Err(ApplyError(format!("broker {node_id} is not registered"))),
        }
    }
}
