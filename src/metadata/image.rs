//! Metadata records and the image they build.
//!
//! A record is one metadata change; the image is the state every record so far makes. The
//! image is immutable once published: a change makes a new image (`apply`), so readers hold
//! an `Arc<Image>` that never changes under them.
//!
//! Invariant: `apply` refuses a record that does not fit the image (a topic created twice,
//! a change to a topic that does not exist, partitions shrinking, a producer id block
//! going backwards); only records that apply are ever appended to the log.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use strom_protocol::Uuid;

/// What a config change applies to.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "name", rename_all = "snake_case")]
pub enum ConfigResource {
    /// A topic, by name.
    Topic(String),
    /// A broker, by node id as text; the empty name is the cluster-wide default.
    Broker(String),
}

/// One metadata change.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum MetadataRecord {
    /// The cluster's id; the first record of every metadata log.
    ClusterId { id: String },
    /// A broker announcing itself (node id, advertised endpoint, rack) once it has caught up
    /// with the metadata log: it gets a new broker epoch, is unfenced, and leads again the
    /// partitions left without a leader whose in-sync replicas it is in.
    RegisterBroker {
        node_id: i32,
        host: String,
        port: u16,
        rack: Option<String>,
        /// Unique to the registering process: the same registration applied twice (a
        /// proposal retried after a lost answer) changes nothing the second time.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        incarnation: String,
        /// Only in a snapshot's records: the broker's epoch and fencing as they were.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        epoch: Option<i64>,
        #[serde(default, skip_serializing_if = "is_false")]
        fenced: bool,
    },
    /// A broker fenced: it stopped heartbeating, or shuts down (controlled shutdown). It
    /// leaves the in-sync replicas of its partitions where others remain, and its
    /// partitions get a new leader among the live in-sync replicas, or none. Refused when
    /// `epoch` is not the broker's current epoch (it registered again since).
    FenceBroker { node_id: i32, epoch: i64 },
    /// A fenced broker heartbeating again with its current epoch: unfenced, as at
    /// registration.
    UnfenceBroker { node_id: i32, epoch: i64 },
    /// A new topic with its partition count, config overrides and each partition's
    /// replicas (leader first). Records written before placement existed have no
    /// `replicas`: their partitions belong to the lowest-id broker registered when the
    /// record applies (the single node that wrote them), or, before any broker registered,
    /// to the first broker that registers.
    CreateTopic {
        name: String,
        id: String,
        partitions: i32,
        configs: BTreeMap<String, String>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        replicas: Vec<Vec<i32>>,
        /// Only in a snapshot's records: each partition's leadership as it was (otherwise
        /// a new partition is led by its first live replica, with epoch 0).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        states: Vec<PartitionState>,
    },
    /// A topic grown to `partitions` partitions in total; `replicas` are those of the new
    /// partitions (absent in old records: as for `CreateTopic`).
    AddPartitions {
        id: String,
        partitions: i32,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        replicas: Vec<Vec<i32>>,
    },
    /// A topic removed (its data goes with it).
    DeleteTopic { id: String },
    /// A config override set (`Some`) or removed (`None`).
    Config {
        resource: ConfigResource,
        key: String,
        value: Option<String>,
    },
    /// Producer ids below `end` are handed out (see `txn::ProducerIds`). A reservation
    /// names the block's `start`, and is refused unless the last block ended there (older
    /// records and snapshots have none).
    ProducerIdBlock {
        #[serde(default, skip_serializing_if = "Option::is_none")]
        start: Option<i64>,
        end: i64,
    },
}

/// Why a record does not apply to an image.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("metadata record does not apply: {0}")]
pub struct ApplyError(pub String);

fn is_false(value: &bool) -> bool {
    !value
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokerImage {
    pub node_id: i32,
    pub host: String,
    pub port: u16,
    pub rack: Option<String>,
    /// Raised at every registration by a new process; heartbeats and fencing name it, so a
    /// message about an earlier incarnation is recognised as stale.
    pub epoch: i64,
    pub incarnation: String,
    /// A fenced broker leads nothing, is not offered to clients and gets no new replicas.
    pub fenced: bool,
}

/// A partition's leadership.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PartitionState {
    /// The leading broker; -1 while every in-sync replica is fenced (the partition is
    /// offline until one returns: a replica outside the ISR may lack acknowledged data).
    pub leader: i32,
    /// Raised at every change of leader.
    pub leader_epoch: i32,
    /// The in-sync replicas. Data is not replicated between brokers yet, so this is the
    /// leader alone (the last leader while there is none).
    pub isr: Vec<i32>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicImage {
    pub name: String,
    pub id: Uuid,
    pub partitions: i32,
    /// Config overrides (Kafka topic config names).
    pub configs: BTreeMap<String, String>,
    /// Each partition's replicas, preferred leader first; empty only for a partition of an
    /// old record applied before any broker registered.
    pub replicas: Vec<Vec<i32>>,
    /// Each partition's leadership (one per partition).
    pub states: Vec<PartitionState>,
}

impl TopicImage {
    /// The broker leading `partition` (-1: unknown partition, not yet placed, or offline).
    pub fn leader(&self, partition: i32) -> i32 {
        usize::try_from(partition)
            .ok()
            .and_then(|p| self.states.get(p))
            .map_or(-1, |s| s.leader)
    }
}

/// The metadata state after the record at `offset` (-1: no record yet).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Image {
    pub offset: i64,
    pub cluster_id: String,
    pub brokers: BTreeMap<i32, BrokerImage>,
    /// By name.
    pub topics: BTreeMap<String, TopicImage>,
    /// Dynamic broker config overrides, by broker name ("" = cluster default).
    pub broker_configs: BTreeMap<String, BTreeMap<String, String>>,
    pub producer_id_block_end: i64,
}

impl Default for Image {
    fn default() -> Self {
        Image {
            offset: -1,
            cluster_id: String::new(),
            brokers: BTreeMap::new(),
            topics: BTreeMap::new(),
            broker_configs: BTreeMap::new(),
            producer_id_block_end: 0,
        }
    }
}

impl Image {
    pub fn topic_by_id(&self, id: &Uuid) -> Option<&TopicImage> {
        self.topics.values().find(|t| t.id == *id)
    }

    /// The image after `record` at `offset`.
    pub fn apply(&self, offset: i64, record: &MetadataRecord) -> Result<Image, ApplyError> {
        let mut next = self.clone();
        next.apply_in_place(record)?;
        next.offset = offset;
        Ok(next)
    }

    pub(crate) fn apply_in_place(&mut self, record: &MetadataRecord) -> Result<(), ApplyError> {
        let fail = |what: String| Err(ApplyError(what));
        match record {
            MetadataRecord::ClusterId { id } => {
                if !self.cluster_id.is_empty() && self.cluster_id != *id {
                    return fail(format!("cluster id {id} differs from {}", self.cluster_id));
                }
                self.cluster_id = id.clone();
            }
            MetadataRecord::RegisterBroker {
                node_id,
                host,
                port,
                rack,
                incarnation,
                epoch,
                fenced,
            } => self.register_broker(
                BrokerImage {
                    node_id: *node_id,
                    host: host.clone(),
                    port: *port,
                    rack: rack.clone(),
                    epoch: epoch.unwrap_or(0),
                    incarnation: incarnation.clone(),
                    fenced: *fenced,
                },
                epoch.is_some(),
            ),
            MetadataRecord::FenceBroker { node_id, epoch } => {
                self.fence_broker(*node_id, *epoch)?
            }
            MetadataRecord::UnfenceBroker { node_id, epoch } => {
                self.unfence_broker(*node_id, *epoch)?
            }
            MetadataRecord::CreateTopic {
                name,
                id,
                partitions,
                configs,
                replicas,
                states,
            } => {
                let id = parse_id(id)?;
                if self.topics.contains_key(name) {
                    return fail(format!("topic {name} exists"));
                }
                if self.topic_by_id(&id).is_some() {
                    return fail(format!("topic id {id} is taken"));
                }
                if *partitions < 1 {
                    return fail(format!("topic {name} with {partitions} partitions"));
                }
                let replicas = self.placed(replicas, *partitions)?;
                let states = if states.is_empty() {
                    replicas.iter().map(|r| self.initial_state(r)).collect()
                } else if states.len() == replicas.len() {
                    states.clone()
                } else {
                    return fail(format!(
                        "{} partition states for {partitions} partitions",
                        states.len()
                    ));
                };
                self.topics.insert(
                    name.clone(),
                    TopicImage {
                        name: name.clone(),
                        id,
                        partitions: *partitions,
                        configs: configs.clone(),
                        replicas,
                        states,
                    },
                );
            }
            MetadataRecord::AddPartitions {
                id,
                partitions,
                replicas,
            } => {
                let current = self.topic_mut(id)?.partitions;
                if *partitions <= current {
                    return fail(format!(
                        "topic {id} has {current} partitions, not fewer than {partitions}"
                    ));
                }
                let added = self.placed(replicas, *partitions - current)?;
                let states: Vec<_> = added.iter().map(|r| self.initial_state(r)).collect();
                let topic = self.topic_mut(id)?;
                topic.partitions = *partitions;
                topic.replicas.extend(added);
                topic.states.extend(states);
            }
            MetadataRecord::DeleteTopic { id } => {
                let name = self.topic_mut(id)?.name.clone();
                self.topics.remove(&name);
            }
            MetadataRecord::Config {
                resource,
                key,
                value,
            } => {
                let configs = match resource {
                    ConfigResource::Topic(name) => match self.topics.get_mut(name) {
                        Some(topic) => &mut topic.configs,
                        None => return fail(format!("config of unknown topic {name}")),
                    },
                    ConfigResource::Broker(name) => {
                        self.broker_configs.entry(name.clone()).or_default()
                    }
                };
                match value {
                    Some(value) => {
                        configs.insert(key.clone(), value.clone());
                    }
                    None => {
                        configs.remove(key);
                    }
                }
                self.broker_configs.retain(|_, c| !c.is_empty());
            }
            MetadataRecord::ProducerIdBlock { start, end } => {
                if start.is_some_and(|s| s != self.producer_id_block_end || s >= *end) {
                    return fail(format!(
                        "producer id block {start:?}..{end} does not start at {}",
                        self.producer_id_block_end
                    ));
                }
                if *end < self.producer_id_block_end {
                    return fail(format!(
                        "producer id block end {end} below {}",
                        self.producer_id_block_end
                    ));
                }
                self.producer_id_block_end = *end;
            }
        }
        Ok(())
    }

    /// The replica lists of `count` new partitions: as recorded, or for an old record
    /// without them, the lowest-id registered broker (none yet: filled at registration).
    /// Lists that are all empty are such a record too: the snapshot of an image built from
    /// old records before any broker registered (a migrated local metadata log).
    fn placed(&self, recorded: &[Vec<i32>], count: i32) -> Result<Vec<Vec<i32>>, ApplyError> {
        if recorded.iter().all(Vec::is_empty) {
            let legacy: Vec<i32> = self.brokers.keys().next().copied().into_iter().collect();
            return Ok(vec![legacy; count as usize]);
        }
        if recorded.len() != count as usize || recorded.iter().any(Vec::is_empty) {
            return Err(ApplyError(format!(
                "{} replica lists for {count} partitions",
                recorded.len()
            )));
        }
        Ok(recorded.to_vec())
    }

    /// Whether this image already reflects every one of `records`, as it would right after
    /// applying them. A proposer whose earlier try had an unknown outcome (the answer was
    /// lost) and whose retry is refused asks this, to tell "already applied" from "does
    /// not fit". Producer id blocks never count: a reservation may be someone else's, and
    /// the caller reserves another.
    pub fn already_holds(&self, records: &[MetadataRecord]) -> bool {
        records.iter().all(|record| match record {
            MetadataRecord::ClusterId { id } => self.cluster_id == *id,
            MetadataRecord::RegisterBroker {
                node_id,
                incarnation,
                ..
            } => {
                !incarnation.is_empty()
                    && self
                        .brokers
                        .get(node_id)
                        .is_some_and(|b| b.incarnation == *incarnation)
            }
            MetadataRecord::FenceBroker { node_id, epoch } => self
                .brokers
                .get(node_id)
                .is_some_and(|b| b.epoch == *epoch && b.fenced),
            MetadataRecord::UnfenceBroker { node_id, epoch } => self
                .brokers
                .get(node_id)
                .is_some_and(|b| b.epoch == *epoch && !b.fenced),
            MetadataRecord::CreateTopic { name, id, .. } => {
                parse_id(id).is_ok_and(|id| self.topics.get(name).is_some_and(|t| t.id == id))
            }
            MetadataRecord::AddPartitions { id, partitions, .. } => parse_id(id).is_ok_and(|id| {
                self.topic_by_id(&id)
                    .is_some_and(|t| t.partitions >= *partitions)
            }),
            MetadataRecord::DeleteTopic { id } => {
                parse_id(id).is_ok_and(|id| self.topic_by_id(&id).is_none())
            }
            MetadataRecord::Config {
                resource,
                key,
                value,
            } => {
                let configs = match resource {
                    ConfigResource::Topic(name) => self.topics.get(name).map(|t| &t.configs),
                    ConfigResource::Broker(name) => self.broker_configs.get(name),
                };
                configs.and_then(|c| c.get(key)) == value.as_ref()
            }
            MetadataRecord::ProducerIdBlock { .. } => false,
        })
    }

    fn topic_mut(&mut self, id: &str) -> Result<&mut TopicImage, ApplyError> {
        let id = parse_id(id)?;
        self.topics
            .values_mut()
            .find(|t| t.id == id)
            .ok_or_else(|| ApplyError(format!("unknown topic id {id}")))
    }

    /// Records that rebuild this image from nothing (a snapshot's content).
    pub fn to_records(&self) -> Vec<MetadataRecord> {
        let mut out = vec![MetadataRecord::ClusterId {
            id: self.cluster_id.clone(),
        }];
        out.extend(
            self.brokers
                .values()
                .map(|b| MetadataRecord::RegisterBroker {
                    node_id: b.node_id,
                    host: b.host.clone(),
                    port: b.port,
                    rack: b.rack.clone(),
                    incarnation: b.incarnation.clone(),
                    epoch: Some(b.epoch),
                    fenced: b.fenced,
                }),
        );
        out.extend(self.topics.values().map(|t| MetadataRecord::CreateTopic {
            name: t.name.clone(),
            id: t.id.to_string(),
            partitions: t.partitions,
            configs: t.configs.clone(),
            replicas: t.replicas.clone(),
            states: t.states.clone(),
        }));
        for (broker, configs) in &self.broker_configs {
            out.extend(configs.iter().map(|(k, v)| MetadataRecord::Config {
                resource: ConfigResource::Broker(broker.clone()),
                key: k.clone(),
                value: Some(v.clone()),
            }));
        }
        out.push(MetadataRecord::ProducerIdBlock {
            start: None,
            end: self.producer_id_block_end,
        });
        out
    }
}

/// A topic id from its 32-hex-digit text form.
pub fn parse_id(text: &str) -> Result<Uuid, ApplyError> {
    let bad = || ApplyError(format!("bad topic id {text:?}"));
    if text.len() != 32 {
        return Err(bad());
    }
    let mut raw = [0u8; 16];
    for (i, byte) in raw.iter_mut().enumerate() {
        *byte = text
            .get(2 * i..2 * i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .ok_or_else(bad)?;
    }
    Ok(Uuid(raw))
}

#[cfg(test)]
mod tests;
