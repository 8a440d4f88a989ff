//! Topic-level configuration with Kafka's names (`retention.ms`, `cleanup.policy`, ...): a
//! topic's overrides laid over defaults taken from the broker's `log.*` settings, parsed and
//! validated into the values the log and the produce path use.
//!
//! Invariant: a `TopicConfig` that exists is valid; an invalid override is refused naming
//! its key (INVALID_CONFIG), and an unknown key is refused as Kafka refuses it.

use crate::config::BrokerConfig;
use std::collections::BTreeMap;

/// `cleanup.policy`: `delete`, `compact` or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CleanupPolicy {
    pub delete: bool,
    pub compact: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimestampType {
    CreateTime,
    LogAppendTime,
}

/// A topic's effective configuration.
#[derive(Debug, Clone, PartialEq)]
pub struct TopicConfig {
    pub cleanup_policy: CleanupPolicy,
    pub retention_ms: i64,
    pub retention_bytes: i64,
    pub segment_bytes: u64,
    pub segment_ms: i64,
    pub index_interval_bytes: u64,
    pub max_message_bytes: usize,
    pub message_timestamp_type: TimestampType,
    pub delete_retention_ms: i64,
    pub min_cleanable_dirty_ratio: f64,
    pub min_compaction_lag_ms: i64,
    pub min_insync_replicas: i32,
    /// `compression.type`: `None` keeps batches as the producer sent them (`producer`);
    /// otherwise batches in another codec are recompressed with this one on append.
    pub compression: Option<strom_protocol::records::Compression>,
}

/// Why a topic config is refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("Invalid value {value} for configuration {key}: {reason}")]
pub struct TopicConfigError {
    pub key: String,
    pub value: String,
    pub reason: String,
}

/// Topic config names strom knows, with the broker setting their default comes from and
/// that setting's default. `None` as broker key: no broker-wide setting.
pub const TOPIC_CONFIGS: &[(&str, Option<&str>, &str)] = &[
    ("cleanup.policy", Some("log.cleanup.policy"), "delete"),
    ("retention.ms", None, ""),
    ("retention.bytes", None, ""),
    ("segment.bytes", None, ""),
    ("segment.ms", None, ""),
    ("index.interval.bytes", None, ""),
    ("max.message.bytes", None, ""),
    (
        "message.timestamp.type",
        Some("log.message.timestamp.type"),
        "CreateTime",
    ),
    (
        "delete.retention.ms",
        Some("log.cleaner.delete.retention.ms"),
        "86400000",
    ),
    (
        "min.cleanable.dirty.ratio",
        Some("log.cleaner.min.cleanable.ratio"),
        "0.5",
    ),
    (
        "min.compaction.lag.ms",
        Some("log.cleaner.min.compaction.lag.ms"),
        "0",
    ),
    ("min.insync.replicas", Some("min.insync.replicas"), "1"),
    ("compression.type", Some("compression.type"), "producer"),
];

/// The broker keys that set topic defaults (accepted in the broker config).
pub fn broker_keys() -> impl Iterator<Item = &'static str> {
    TOPIC_CONFIGS.iter().filter_map(|(_, broker, _)| *broker)
}

/// The defaults every topic starts from, as topic config names and text values.
pub fn defaults(broker: &BrokerConfig) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for (key, broker_key, default) in TOPIC_CONFIGS {
        let value = match *key {
            "retention.ms" => broker.log_retention_ms.to_string(),
            "retention.bytes" => broker.log_retention_bytes.to_string(),
            "segment.bytes" => broker.log_segment_bytes.to_string(),
            "segment.ms" => broker.log_roll_ms.to_string(),
            "index.interval.bytes" => broker.log_index_interval_bytes.to_string(),
            "max.message.bytes" => broker.message_max_bytes.to_string(),
            _ => broker_key
                .and_then(|k| broker.raw.get(k))
                .cloned()
                .unwrap_or_else(|| default.to_string()),
        };
        out.insert(key.to_string(), value);
    }
    out
}

/// The effective config of a topic with `overrides` (topic config names) over the broker's
/// defaults.
pub fn resolve(
    broker: &BrokerConfig,
    overrides: &BTreeMap<String, String>,
) -> Result<TopicConfig, TopicConfigError> {
    let mut values = defaults(broker);
    for (key, value) in overrides {
        if !values.contains_key(key) {
            return Err(TopicConfigError {
                key: key.clone(),
                value: value.clone(),
                reason: "unknown topic config".into(),
            });
        }
        values.insert(key.clone(), value.clone());
    }
    parse(&values)
}

fn parse(values: &BTreeMap<String, String>) -> Result<TopicConfig, TopicConfigError> {
    let get = |key: &str| values.get(key).map(String::as_str).unwrap_or_default();
    let bad = |key: &str, reason: &str| TopicConfigError {
        key: key.to_string(),
        value: get(key).to_string(),
        reason: reason.to_string(),
    };
    let int = |key: &str, min: i64| -> Result<i64, TopicConfigError> {
        let value: i64 = get(key)
            .trim()
            .parse()
            .map_err(|_| bad(key, "not an integer"))?;
        if value < min {
            return Err(bad(key, &format!("must be at least {min}")));
        }
        Ok(value)
    };
    let mut policy = CleanupPolicy {
        delete: false,
        compact: false,
    };
    for part in get("cleanup.policy").split(',').map(str::trim) {
        match part {
            "delete" => policy.delete = true,
            "compact" => policy.compact = true,
            _ => return Err(bad("cleanup.policy", "expected delete, compact or both")),
        }
    }
    let message_timestamp_type = match get("message.timestamp.type").trim() {
        "CreateTime" => TimestampType::CreateTime,
        "LogAppendTime" => TimestampType::LogAppendTime,
        _ => {
            return Err(bad(
                "message.timestamp.type",
                "expected CreateTime or LogAppendTime",
            ))
        }
    };
    let ratio: f64 = get("min.cleanable.dirty.ratio")
        .trim()
        .parse()
        .map_err(|_| bad("min.cleanable.dirty.ratio", "not a number"))?;
    if !(0.0..=1.0).contains(&ratio) {
        return Err(bad("min.cleanable.dirty.ratio", "must be between 0 and 1"));
    }
    // Above the replica count it is accepted, as Kafka does; acks=all writes then get
    // NOT_ENOUGH_REPLICAS.
    let min_insync = int("min.insync.replicas", 1)?.min(i64::from(i32::MAX));
    use strom_protocol::records::Compression;
    let compression = match get("compression.type").trim() {
        "producer" => None,
        "uncompressed" => Some(Compression::None),
        "gzip" => Some(Compression::Gzip),
        "snappy" => Some(Compression::Snappy),
        "lz4" => Some(Compression::Lz4),
        "zstd" => Some(Compression::Zstd),
        _ => {
            return Err(bad(
                "compression.type",
                "expected producer, uncompressed, gzip, snappy, lz4 or zstd",
            ))
        }
    };
    Ok(TopicConfig {
        cleanup_policy: policy,
        retention_ms: int("retention.ms", -1)?,
        retention_bytes: int("retention.bytes", -1)?,
        segment_bytes: int("segment.bytes", 14)?.min(i64::from(i32::MAX)) as u64,
        segment_ms: int("segment.ms", 1)?,
        index_interval_bytes: int("index.interval.bytes", 0)?.max(1) as u64,
        max_message_bytes: int("max.message.bytes", 0)?.min(i64::from(i32::MAX)) as usize,
        message_timestamp_type,
        delete_retention_ms: int("delete.retention.ms", 0)?,
        min_cleanable_dirty_ratio: ratio,
        min_compaction_lag_ms: int("min.compaction.lag.ms", 0)?,
        min_insync_replicas: min_insync as i32,
        compression,
    })
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

    /// Without overrides a topic takes Kafka's defaults, or the broker's `log.*` settings.
    #[test]
    fn defaults_follow_the_broker() {
        let config = resolve(&broker(&[]), &BTreeMap::new()).unwrap();
        assert_eq!(
            config.cleanup_policy,
            CleanupPolicy {
                delete: true,
                compact: false
            }
        );
        assert_eq!(config.retention_ms, 604_800_000);
        assert_eq!(config.max_message_bytes, 1_048_588);
        assert_eq!(config.message_timestamp_type, TimestampType::CreateTime);
        let b = broker(&[
            "log.cleanup.policy=compact",
            "log.retention.hours=1",
            "log.message.timestamp.type=LogAppendTime",
        ]);
        let config = resolve(&b, &BTreeMap::new()).unwrap();
        assert!(config.cleanup_policy.compact && !config.cleanup_policy.delete);
        assert_eq!(config.retention_ms, 3_600_000);
        assert_eq!(config.message_timestamp_type, TimestampType::LogAppendTime);
    }

    /// Overrides apply; bad values and unknown keys are refused naming the key.
    #[test]
    fn overrides_are_validated() {
        let b = broker(&[]);
        let config = resolve(
            &b,
            &map(&[
                ("cleanup.policy", "compact,delete"),
                ("retention.ms", "-1"),
                ("max.message.bytes", "100"),
            ]),
        )
        .unwrap();
        assert!(config.cleanup_policy.compact && config.cleanup_policy.delete);
        assert_eq!((config.retention_ms, config.max_message_bytes), (-1, 100));
        for (key, value) in [
            ("cleanup.policy", "archive"),
            ("retention.ms", "-2"),
            ("retention.ms", "soon"),
            ("segment.bytes", "10"),
            ("message.timestamp.type", "Now"),
            ("min.cleanable.dirty.ratio", "1.5"),
            ("min.insync.replicas", "0"),
            ("compression.type", "brotli"),
            ("no.such.config", "1"),
        ] {
            let error = resolve(&b, &map(&[(key, value)])).unwrap_err();
            assert_eq!((error.key.as_str(), error.value.as_str()), (key, value));
        }
    }
}
