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
    /// A broker announcing itself (node id, advertised endpoint, rack).
    RegisterBroker {
        node_id: i32,
        host: String,
        port: u16,
        rack: Option<String>,
    },
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
    /// Producer ids below `end` are handed out (see `txn::ProducerIds`).
    ProducerIdBlock { end: i64 },
}

/// Why a record does not apply to an image.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("metadata record does not apply: {0}")]
pub struct ApplyError(pub String);

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokerImage {
    pub node_id: i32,
    pub host: String,
    pub port: u16,
    pub rack: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TopicImage {
    pub name: String,
    pub id: Uuid,
    pub partitions: i32,
    /// Config overrides (Kafka topic config names).
    pub configs: BTreeMap<String, String>,
    /// Each partition's replicas, leader first; empty only for a partition of an old
    /// record applied before any broker registered.
    pub replicas: Vec<Vec<i32>>,
}

impl TopicImage {
    /// The broker leading `partition` (-1: unknown partition or not yet placed).
    pub fn leader(&self, partition: i32) -> i32 {
        usize::try_from(partition)
            .ok()
            .and_then(|p| self.replicas.get(p))
            .and_then(|r| r.first().copied())
            .unwrap_or(-1)
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
            } => {
                // Partitions of old records applied before any broker registered belong to
                // the first broker that does.
                for topic in self.topics.values_mut() {
                    for replicas in topic.replicas.iter_mut().filter(|r| r.is_empty()) {
                        replicas.push(*node_id);
                    }
                }
                self.brokers.insert(
                    *node_id,
                    BrokerImage {
                        node_id: *node_id,
                        host: host.clone(),
                        port: *port,
                        rack: rack.clone(),
                    },
                );
            }
            MetadataRecord::CreateTopic {
                name,
                id,
                partitions,
                configs,
                replicas,
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
                self.topics.insert(
                    name.clone(),
                    TopicImage {
                        name: name.clone(),
                        id,
                        partitions: *partitions,
                        configs: configs.clone(),
                        replicas,
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
                let topic = self.topic_mut(id)?;
                topic.partitions = *partitions;
                topic.replicas.extend(added);
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
            MetadataRecord::ProducerIdBlock { end } => {
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
                }),
        );
        out.extend(self.topics.values().map(|t| MetadataRecord::CreateTopic {
            name: t.name.clone(),
            id: t.id.to_string(),
            partitions: t.partitions,
            configs: t.configs.clone(),
            replicas: t.replicas.clone(),
        }));
        for (broker, configs) in &self.broker_configs {
            out.extend(configs.iter().map(|(k, v)| MetadataRecord::Config {
                resource: ConfigResource::Broker(broker.clone()),
                key: k.clone(),
                value: Some(v.clone()),
            }));
        }
        out.push(MetadataRecord::ProducerIdBlock {
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
mod tests {
    use super::*;

    fn create(name: &str, id: u8, partitions: i32) -> MetadataRecord {
        MetadataRecord::CreateTopic {
            name: name.into(),
            id: Uuid([id; 16]).to_string(),
            partitions,
            configs: BTreeMap::new(),
            replicas: vec![vec![1]; partitions.max(0) as usize],
        }
    }

    /// Records build the image; records that do not fit are refused and change nothing.
    #[test]
    fn apply_and_refuse() {
        let mut image = Image::default();
        for (i, record) in [
            MetadataRecord::ClusterId { id: "c1".into() },
            create("a", 1, 2),
            MetadataRecord::AddPartitions {
                id: Uuid([1; 16]).to_string(),
                partitions: 5,
                replicas: vec![vec![1]; 3],
            },
            MetadataRecord::Config {
                resource: ConfigResource::Topic("a".into()),
                key: "retention.ms".into(),
                value: Some("100".into()),
            },
            MetadataRecord::ProducerIdBlock { end: 1000 },
        ]
        .iter()
        .enumerate()
        {
            image = image.apply(i as i64, record).unwrap();
        }
        assert_eq!(image.offset, 4);
        let a = &image.topics["a"];
        assert_eq!(
            (a.partitions, a.configs["retention.ms"].as_str()),
            (5, "100")
        );
        for bad in [
            create("a", 2, 1),
            create("b", 1, 1),
            create("b", 2, 0),
            MetadataRecord::AddPartitions {
                id: Uuid([1; 16]).to_string(),
                partitions: 5,
                replicas: vec![vec![1]; 3],
            },
            MetadataRecord::DeleteTopic {
                id: Uuid([9; 16]).to_string(),
            },
            MetadataRecord::Config {
                resource: ConfigResource::Topic("zz".into()),
                key: "retention.ms".into(),
                value: None,
            },
            MetadataRecord::ProducerIdBlock { end: 999 },
            MetadataRecord::ClusterId { id: "c2".into() },
        ] {
            assert!(image.apply(9, &bad).is_err(), "{bad:?}");
        }
        let gone = image
            .apply(
                5,
                &MetadataRecord::DeleteTopic {
                    id: Uuid([1; 16]).to_string(),
                },
            )
            .unwrap();
        assert!(gone.topics.is_empty());
        assert_eq!(image.topics.len(), 1, "the old image is unchanged");
    }

    /// An image rebuilt from its own records is the same image.
    #[test]
    fn records_rebuild_the_image() {
        let mut image = Image::default();
        let records = [
            MetadataRecord::ClusterId { id: "c1".into() },
            MetadataRecord::RegisterBroker {
                node_id: 1,
                host: "h".into(),
                port: 9092,
                rack: None,
            },
            create("a", 1, 3),
            MetadataRecord::Config {
                resource: ConfigResource::Broker(String::new()),
                key: "log.retention.ms".into(),
                value: Some("5".into()),
            },
            MetadataRecord::ProducerIdBlock { end: 3000 },
        ];
        for (i, r) in records.iter().enumerate() {
            image = image.apply(i as i64, r).unwrap();
        }
        let mut rebuilt = Image::default();
        for r in image.to_records() {
            rebuilt.apply_in_place(&r).unwrap();
        }
        rebuilt.offset = image.offset;
        assert_eq!(rebuilt, image);
    }

    /// Records written before placement (no `replicas`) still parse, and their partitions
    /// belong to the broker registered when they apply, or to the first one to register.
    #[test]
    fn old_records_without_replicas() {
        let old: Vec<MetadataRecord> = serde_json::from_str(&format!(
            r#"[{{"type":"cluster_id","id":"c"}},
               {{"type":"create_topic","name":"a","id":"{a}","partitions":2,"configs":{{}}}},
               {{"type":"register_broker","node_id":7,"host":"h","port":1,"rack":null}},
               {{"type":"register_broker","node_id":3,"host":"h","port":2,"rack":null}},
               {{"type":"create_topic","name":"b","id":"{b}","partitions":1,"configs":{{}}}},
               {{"type":"add_partitions","id":"{a}","partitions":3}}]"#,
            a = Uuid([1; 16]),
            b = Uuid([2; 16]),
        ))
        .unwrap();
        let mut image = Image::default();
        for (i, record) in old.iter().enumerate() {
            image = image.apply(i as i64, record).unwrap();
        }
        assert_eq!(image.topics["a"].replicas, [[7], [7], [3]]);
        assert_eq!(image.topics["b"].replicas, [[3]]);
        assert_eq!(
            (image.topics["a"].leader(2), image.topics["a"].leader(3)),
            (3, -1)
        );
        let written = serde_json::to_string(&image.to_records()[4]).unwrap();
        assert!(written.contains(r#""replicas":[[3]]"#), "{written}");
    }
}
