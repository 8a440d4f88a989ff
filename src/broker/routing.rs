//! Which broker serves what: the brokers replicas can be placed on, manual replica lists
//! checked against them, and the coordinator of a group (the leader of its
//! `__consumer_offsets` partition). Partition leadership itself is `Topic::leader` /
//! `Topic::local`, from the replica lists in the metadata image.

use super::{Broker, TopicError};
use crate::metadata::placement::{self, Candidate};
use strom_protocol::ErrorCode;

impl Broker {
    /// The brokers new replicas can be placed on: the live (registered, unfenced) ones.
    pub(super) fn placement_candidates(&self) -> Vec<Candidate> {
        self.metadata
            .image()
            .live_brokers()
            .map(|b| Candidate {
                node_id: b.node_id,
                rack: b.rack.clone(),
            })
            .collect()
    }

    /// The broker coordinating `group_id`: the leader of its `__consumer_offsets`
    /// partition (the topic is created if missing).
    pub fn coordinator_of(&self, group_id: &str) -> Result<i32, ErrorCode> {
        let topic = crate::group::LogStore::offsets_topic(self)?;
        let index = crate::group::records::partition_for(group_id, topic.partitions.len() as i32);
        match topic.leader(index) {
            Some(leader) if leader >= 0 => Ok(leader),
            _ => Err(ErrorCode::COORDINATOR_NOT_AVAILABLE),
        }
    }

    /// NOT_COORDINATOR unless this broker coordinates `group_id`. A cluster of one broker
    /// coordinates every group without looking (nor creating `__consumer_offsets` early).
    pub fn check_coordinator(&self, group_id: &str) -> Result<(), ErrorCode> {
        let image = self.metadata.image();
        if image.brokers.len() <= 1 && self.topic(crate::group::OFFSETS_TOPIC).is_none() {
            return Ok(());
        }
        match self.coordinator_of(group_id)? {
            leader if leader == self.config.node_id => Ok(()),
            _ => Err(ErrorCode::NOT_COORDINATOR),
        }
    }

    /// Checks manual replica lists against the live brokers (a fenced one counts as
    /// unregistered).
    pub fn check_assignments(&self, replicas: &[Vec<i32>]) -> Result<(), TopicError> {
        let live: Vec<i32> = self
            .metadata
            .image()
            .live_brokers()
            .map(|b| b.node_id)
            .collect();
        placement::check_manual(&live, replicas)
            .map_err(|m| TopicError::new(ErrorCode::INVALID_REPLICA_ASSIGNMENT, m))
    }
}
