//! What DescribeConfigs reports: every topic and broker config strom knows, with its value,
//! where the value comes from, its type and a line of documentation, and the changes
//! AlterConfigs / IncrementalAlterConfigs make to a topic's overrides.
//!
//! Invariant: a described value is the value strom uses: topic values come from the same
//! resolution (`topic_config::defaults` + overrides) that configures the logs.

use super::topic_config::{self, TOPIC_CONFIGS};
use crate::config::BrokerConfig;
use std::collections::BTreeMap;
use strom_protocol::ErrorCode;

/// Kafka's config sources (DescribeConfigs v1+).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i8)]
pub enum Source {
    DynamicTopic = 1,
    StaticBroker = 4,
    Default = 5,
}

/// Kafka's config types (DescribeConfigs v3+).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(i8)]
pub enum Type {
    Boolean = 1,
    String = 2,
    Int = 3,
    Short = 4,
    Long = 5,
    Double = 6,
    List = 7,
}

/// One described config.
#[derive(Debug, Clone, PartialEq)]
pub struct Described {
    pub name: String,
    pub value: Option<String>,
    pub source: Source,
    pub read_only: bool,
    pub kind: Type,
    pub doc: &'static str,
    /// Where the value could come from, most specific first: (name, value, source).
    pub synonyms: Vec<(String, Option<String>, Source)>,
}

/// Type and documentation of the topic configs.
fn topic_info(name: &str) -> (Type, &'static str) {
    match name {
        "cleanup.policy" => (Type::List, "How old segments are cleaned: delete (by retention), compact (latest record per key), or both."),
        "retention.ms" => (Type::Long, "How long a segment is kept after its newest record before it is deleted; -1 keeps it forever."),
        "retention.bytes" => (Type::Long, "Largest size a partition grows to before its oldest segments are deleted; -1 for no limit."),
        "segment.bytes" => (Type::Int, "Size at which the active segment is rolled."),
        "segment.ms" => (Type::Long, "Age at which the active segment is rolled even if not full."),
        "index.interval.bytes" => (Type::Int, "Bytes of records between two offset index entries."),
        "max.message.bytes" => (Type::Int, "Largest record batch the topic accepts."),
        "message.timestamp.type" => (Type::String, "CreateTime keeps the producer's timestamps; LogAppendTime stamps batches with the broker's clock."),
        "delete.retention.ms" => (Type::Long, "How long tombstones are kept on compacted topics."),
        "min.cleanable.dirty.ratio" => (Type::Double, "Share of uncompacted log above which compaction runs."),
        "min.compaction.lag.ms" => (Type::Long, "Minimum age of a record before compaction may remove it."),
        "min.insync.replicas" => (Type::Int, "Replicas that must hold a write for acks=all to succeed."),
        "compression.type" => (Type::String, "Codec batches are stored with; producer keeps them as sent."),
        _ => (Type::String, ""),
    }
}

/// The topic's configs as DescribeConfigs shows them (all, or those in `keys`).
pub fn describe_topic(
    broker: &BrokerConfig,
    overrides: &BTreeMap<String, String>,
    keys: Option<&[String]>,
) -> Vec<Described> {
    let defaults = topic_config::defaults(broker);
    TOPIC_CONFIGS
        .iter()
        .filter(|(name, _, _)| keys.is_none_or(|keys| keys.iter().any(|k| k == name)))
        .map(|(name, broker_key, _)| {
            let (kind, doc) = topic_info(name);
            let mut synonyms = Vec::new();
            if let Some(value) = overrides.get(*name) {
                synonyms.push((name.to_string(), Some(value.clone()), Source::DynamicTopic));
            }
            let broker_key = broker_key.unwrap_or_else(|| broker_key_of(name));
            let default = defaults.get(*name).cloned();
            let static_broker = broker.raw.contains_key(broker_key);
            synonyms.push((
                broker_key.to_string(),
                default.clone(),
                if static_broker {
                    Source::StaticBroker
                } else {
                    Source::Default
                },
            ));
            let (value, source) = match overrides.get(*name) {
                Some(value) => (Some(value.clone()), Source::DynamicTopic),
                None => (default, synonyms[0].2),
            };
            Described {
                name: name.to_string(),
                value,
                source,
                read_only: false,
                kind,
                doc,
                synonyms,
            }
        })
        .collect()
}

/// The broker setting a topic config without its own entry in `TOPIC_CONFIGS` defaults to.
fn broker_key_of(topic_key: &str) -> &'static str {
    match topic_key {
        "retention.ms" => "log.retention.ms",
        "retention.bytes" => "log.retention.bytes",
        "segment.bytes" => "log.segment.bytes",
        "segment.ms" => "log.roll.ms",
        "index.interval.bytes" => "log.index.interval.bytes",
        "max.message.bytes" => "message.max.bytes",
        _ => "",
    }
}

/// Broker configs: (name, default value, type, documentation).
const BROKER_CONFIGS: &[(&str, Option<&str>, Type, &str)] = &[
    ("node.id", Some("1"), Type::Int, "This node's id."),
    ("broker.id", None, Type::Int, "Alias of node.id."),
    ("broker.rack", None, Type::String, "Rack of this broker."),
    ("listeners", Some("PLAINTEXT://0.0.0.0:9092"), Type::String, "Addresses the broker listens on."),
    ("advertised.listeners", None, Type::String, "Addresses given to clients; the listeners when unset."),
    ("log.dirs", Some("./data"), Type::String, "Directory holding the partition logs and the metadata log."),
    ("log.dir", None, Type::String, "Alias of log.dirs."),
    ("process.roles", Some("broker,controller"), Type::List, "Roles of this node: broker, controller or broker,controller."),
    ("controller.quorum.voters", None, Type::List, "The metadata quorum's voters, id@host:port each; this node alone when unset."),
    ("controller.listener.names", Some("CONTROLLER"), Type::List, "Name of the listener that serves the metadata quorum."),
    ("broker.heartbeat.interval.ms", Some("2000"), Type::Int, "How often the broker heartbeats to the active controller."),
    ("broker.session.timeout.ms", Some("9000"), Type::Int, "A broker the active controller has not heard from for this long is fenced."),
    ("strom.metadata.listener", None, Type::String, "host:port where a broker-only node receives the metadata log from the quorum leader."),
    ("num.partitions", Some("1"), Type::Int, "Partitions of a topic created without a count."),
    ("default.replication.factor", Some("1"), Type::Short, "Replication factor of a topic created without one."),
    ("auto.create.topics.enable", Some("true"), Type::Boolean, "Whether Metadata requests create unknown topics."),
    ("delete.topic.enable", Some("true"), Type::Boolean, "Whether topics may be deleted."),
    ("message.max.bytes", Some("1048588"), Type::Int, "Default of max.message.bytes."),
    ("socket.request.max.bytes", Some("104857600"), Type::Int, "Largest request frame accepted."),
    ("max.connections", Some("10000"), Type::Int, "Most client connections served at once."),
    ("log.segment.bytes", Some("1073741824"), Type::Int, "Default of segment.bytes."),
    ("log.roll.ms", None, Type::Long, "Default of segment.ms."),
    ("log.roll.hours", Some("168"), Type::Int, "Default of segment.ms, in hours."),
    ("log.index.interval.bytes", Some("4096"), Type::Int, "Default of index.interval.bytes."),
    ("log.retention.ms", None, Type::Long, "Default of retention.ms."),
    ("log.retention.minutes", None, Type::Int, "Default of retention.ms, in minutes."),
    ("log.retention.hours", Some("168"), Type::Int, "Default of retention.ms, in hours."),
    ("log.retention.bytes", Some("-1"), Type::Long, "Default of retention.bytes."),
    ("log.retention.check.interval.ms", Some("300000"), Type::Long, "How often retention and compaction run."),
    ("log.flush.interval.messages", Some("9223372036854775807"), Type::Long, "Messages appended to a partition before it is fsynced."),
    ("log.flush.interval.ms", None, Type::Long, "Time after which appended data is fsynced."),
    ("strom.fsync.before.ack", Some("all"), Type::String, "Which produce requests are answered only after an fsync: all (acks=all), 1 (acks=1 and all) or none."),
    ("log.cleanup.policy", Some("delete"), Type::List, "Default of cleanup.policy."),
    ("log.message.timestamp.type", Some("CreateTime"), Type::String, "Default of message.timestamp.type."),
    ("log.cleaner.delete.retention.ms", Some("86400000"), Type::Long, "Default of delete.retention.ms."),
    ("log.cleaner.min.cleanable.ratio", Some("0.5"), Type::Double, "Default of min.cleanable.dirty.ratio."),
    ("log.cleaner.min.compaction.lag.ms", Some("0"), Type::Long, "Default of min.compaction.lag.ms."),
    ("min.insync.replicas", Some("1"), Type::Int, "Default of min.insync.replicas."),
    ("compression.type", Some("producer"), Type::String, "Default of compression.type."),
    ("transactional.id.expiration.ms", Some("604800000"), Type::Int, "Idle time after which a producer's state is dropped."),
    ("group.initial.rebalance.delay.ms", Some("3000"), Type::Int, "Wait for more members before the first rebalance of an empty group."),
    ("group.min.session.timeout.ms", Some("6000"), Type::Int, "Smallest session timeout a member may ask for."),
    ("group.max.session.timeout.ms", Some("1800000"), Type::Int, "Largest session timeout a member may ask for."),
    ("offsets.topic.num.partitions", Some("50"), Type::Int, "Partitions of __consumer_offsets."),
    ("offsets.retention.minutes", Some("10080"), Type::Int, "How long an empty group's offsets are kept."),
    ("offsets.retention.check.interval.ms", Some("600000"), Type::Long, "How often expired offsets are removed."),
    ("metadata.log.max.record.bytes.between.snapshots", Some("20971520"), Type::Long, "Metadata log bytes after which a metadata snapshot is written."),
];

/// The broker's configs as DescribeConfigs shows them (all, or those in `keys`). strom
/// does not change broker configs at runtime, so all are read-only.
pub fn describe_broker(broker: &BrokerConfig, keys: Option<&[String]>) -> Vec<Described> {
    BROKER_CONFIGS
        .iter()
        .filter(|(name, ..)| keys.is_none_or(|keys| keys.iter().any(|k| k == name)))
        .map(|(name, default, kind, doc)| {
            let (value, source) = match broker.raw.get(*name) {
                Some(value) => (Some(value.clone()), Source::StaticBroker),
                None => (default.map(str::to_string), Source::Default),
            };
            Described {
                name: name.to_string(),
                value: value.clone(),
                source,
                read_only: true,
                kind: *kind,
                doc,
                synonyms: vec![(name.to_string(), value, source)],
            }
        })
        .collect()
}

/// An IncrementalAlterConfigs operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    Set,
    Delete,
    Append,
    Subtract,
}

impl Op {
    pub fn from_code(code: i8) -> Option<Op> {
        Some(match code {
            0 => Op::Set,
            1 => Op::Delete,
            2 => Op::Append,
            3 => Op::Subtract,
            _ => return None,
        })
    }
}

/// Why a config change is refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AlterError {
    pub code: ErrorCode,
    pub message: String,
}

fn invalid_config(message: String) -> AlterError {
    AlterError {
        code: ErrorCode::INVALID_CONFIG,
        message,
    }
}

/// A topic's overrides after `changes` (name, op, value) are applied to `current`; the
/// effective values stand in for list configs without an override (APPEND/SUBTRACT).
pub fn incremental(
    broker: &BrokerConfig,
    current: &BTreeMap<String, String>,
    changes: &[(String, Op, Option<String>)],
) -> Result<BTreeMap<String, String>, AlterError> {
    let mut out = current.clone();
    let defaults = topic_config::defaults(broker);
    for (i, (name, op, value)) in changes.iter().enumerate() {
        if changes[..i].iter().any(|(n, ..)| n == name) {
            return Err(AlterError {
                code: ErrorCode::INVALID_REQUEST,
                message: format!("Error due to duplicate config keys: {name}"),
            });
        }
        if !defaults.contains_key(name) {
            return Err(invalid_config(format!("Unknown topic config name: {name}")));
        }
        match op {
            Op::Set => {
                let value = value.clone().ok_or_else(|| {
                    invalid_config(format!("Null value not supported for: {name}"))
                })?;
                out.insert(name.clone(), value);
            }
            Op::Delete => {
                out.remove(name);
            }
            Op::Append | Op::Subtract => {
                if topic_info(name).0 != Type::List {
                    return Err(invalid_config(format!(
                        "Config value append is not allowed for config key: {name}"
                    )));
                }
                let existing = out
                    .get(name)
                    .or_else(|| defaults.get(name))
                    .cloned()
                    .unwrap_or_default();
                let mut items: Vec<String> = split_list(&existing);
                let given = split_list(value.as_deref().unwrap_or(""));
                if *op == Op::Append {
                    for item in given {
                        if !items.contains(&item) {
                            items.push(item);
                        }
                    }
                } else {
                    items.retain(|item| !given.contains(item));
                }
                out.insert(name.clone(), items.join(","));
            }
        }
    }
    Ok(out)
}

fn split_list(text: &str) -> Vec<String> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn broker(extra: &[&str]) -> BrokerConfig {
        let overrides: Vec<String> = extra.iter().map(|s| s.to_string()).collect();
        BrokerConfig::load(None, &overrides).unwrap()
    }

    fn map(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    /// Values and sources: an override is DYNAMIC_TOPIC_CONFIG, a broker setting
    /// STATIC_BROKER_CONFIG, otherwise DEFAULT_CONFIG; synonyms name both levels.
    #[test]
    fn topic_sources_and_synonyms() {
        let b = broker(&["log.retention.ms=5000"]);
        let all = describe_topic(&b, &map(&[("cleanup.policy", "compact")]), None);
        assert_eq!(all.len(), TOPIC_CONFIGS.len());
        let get = |name: &str| all.iter().find(|d| d.name == name).unwrap().clone();
        let policy = get("cleanup.policy");
        assert_eq!(
            (policy.value.as_deref(), policy.source, policy.kind),
            (Some("compact"), Source::DynamicTopic, Type::List)
        );
        assert_eq!(
            policy.synonyms,
            vec![
                (
                    "cleanup.policy".into(),
                    Some("compact".into()),
                    Source::DynamicTopic
                ),
                (
                    "log.cleanup.policy".into(),
                    Some("delete".into()),
                    Source::Default
                ),
            ]
        );
        let retention = get("retention.ms");
        assert_eq!(
            (retention.value.as_deref(), retention.source),
            (Some("5000"), Source::StaticBroker)
        );
        assert_eq!(retention.synonyms[0].0, "log.retention.ms");
        let max = get("max.message.bytes");
        assert_eq!(
            (max.value.as_deref(), max.source),
            (Some("1048588"), Source::Default)
        );
        let some = describe_topic(
            &b,
            &BTreeMap::new(),
            Some(&["segment.ms".into(), "nope".into()]),
        );
        assert_eq!(some.len(), 1);
        assert_eq!(some[0].name, "segment.ms");
    }

    /// SET, DELETE, APPEND and SUBTRACT; refusals name the key.
    #[test]
    fn incremental_operations() {
        let b = broker(&[]);
        let current = map(&[("retention.ms", "100")]);
        let change =
            |name: &str, op, value: Option<&str>| (name.to_string(), op, value.map(str::to_string));
        let out = incremental(
            &b,
            &current,
            &[
                change("retention.ms", Op::Delete, None),
                change("cleanup.policy", Op::Append, Some("compact")),
                change("segment.ms", Op::Set, Some("60000")),
            ],
        )
        .unwrap();
        assert_eq!(
            out,
            map(&[
                ("cleanup.policy", "delete,compact"),
                ("segment.ms", "60000")
            ])
        );
        let out = incremental(
            &b,
            &out,
            &[change("cleanup.policy", Op::Subtract, Some("delete"))],
        )
        .unwrap();
        assert_eq!(out["cleanup.policy"], "compact");
        for (changes, code) in [
            (
                vec![change("retention.ms", Op::Append, Some("1"))],
                ErrorCode::INVALID_CONFIG,
            ),
            (
                vec![change("no.such", Op::Set, Some("1"))],
                ErrorCode::INVALID_CONFIG,
            ),
            (
                vec![change("retention.ms", Op::Set, None)],
                ErrorCode::INVALID_CONFIG,
            ),
            (
                vec![
                    change("retention.ms", Op::Set, Some("1")),
                    change("retention.ms", Op::Delete, None),
                ],
                ErrorCode::INVALID_REQUEST,
            ),
        ] {
            assert_eq!(
                incremental(&b, &current, &changes).unwrap_err().code,
                code,
                "{changes:?}"
            );
        }
    }

    /// Every broker key strom accepts is described (and nothing it does not know).
    #[test]
    fn broker_configs_cover_known_keys() {
        let b = broker(&["num.partitions=3"]);
        let all = describe_broker(&b, None);
        let names: Vec<&str> = all.iter().map(|d| d.name.as_str()).collect();
        for key in crate::config::known_keys() {
            assert!(names.contains(key), "{key} not described");
        }
        let partitions = all.iter().find(|d| d.name == "num.partitions").unwrap();
        assert_eq!(
            (
                partitions.value.as_deref(),
                partitions.source,
                partitions.read_only
            ),
            (Some("3"), Source::StaticBroker, true)
        );
    }
}
