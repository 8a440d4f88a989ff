//! Broker configuration with Kafka's config names (`listeners`, `log.dirs`, ...), read from
//! an optional TOML file and `--override KEY=VALUE` pairs, validated once at startup.
//!
//! Invariant: a `BrokerConfig` that exists is valid; every bad value is reported naming its
//! key. Unknown keys are warned about, not fatal, as Kafka does.

mod roles;

use roles::parse_process_roles;
use std::collections::BTreeMap;
use std::path::PathBuf;

/// A configuration problem, naming the key.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    #[error("invalid value for {key}: {value:?}: {reason}")]
    Invalid {
        key: String,
        value: String,
        reason: String,
    },
    #[error("reading config file {path}: {source}")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("parsing config file {path}: {message}")]
    Parse { path: PathBuf, message: String },
    #[error("--override expects KEY=VALUE, got {0:?}")]
    Override(String),
}

/// A `PLAINTEXT://host:port` listener.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Listener {
    pub name: String,
    pub host: String,
    pub port: u16,
}

/// The broker's settings. Field names are Kafka's config names in snake case.
#[derive(Debug, Clone)]
pub struct BrokerConfig {
    pub node_id: i32,
    /// `process.roles`: whether this node serves clients as a broker, votes in the metadata
    /// quorum as a controller, or both.
    pub process_roles: ProcessRoles,
    /// The client listeners of `listeners` (the controller listener is apart).
    pub listeners: Vec<Listener>,
    /// Where this node serves the metadata quorum's RPCs: on a controller, the `listeners`
    /// entry named in `controller.listener.names` (unset on a quorum of one); on a
    /// broker-only node, `strom.metadata.listener`, where the leader pushes it the log.
    pub controller_listener: Option<Listener>,
    /// `controller.quorum.voters` (node id -> `host:port` of its controller listener); empty
    /// means this node alone.
    pub controller_quorum_voters: BTreeMap<u64, String>,
    pub advertised_listeners: Vec<Listener>,
    pub log_dirs: PathBuf,
    pub num_partitions: i32,
    pub default_replication_factor: i16,
    pub auto_create_topics_enable: bool,
    pub message_max_bytes: usize,
    pub socket_request_max_bytes: usize,
    pub max_connections: usize,
    pub log_segment_bytes: u64,
    pub log_roll_ms: i64,
    pub log_index_interval_bytes: u64,
    pub log_retention_ms: i64,
    pub log_retention_bytes: i64,
    pub log_flush_interval_messages: u64,
    pub log_flush_interval_ms: Option<u64>,
    pub delete_topic_enable: bool,
    /// `strom.fsync.before.ack`: which produce requests are answered only after their data
    /// is fsynced (group commit).
    pub fsync_before_ack: FsyncBeforeAck,
    pub log_retention_check_interval_ms: u64,
    pub transactional_id_expiration_ms: i64,
    pub group_initial_rebalance_delay_ms: i64,
    pub group_min_session_timeout_ms: i64,
    pub group_max_session_timeout_ms: i64,
    pub offsets_topic_num_partitions: i32,
    pub offsets_retention_minutes: i64,
    pub offsets_retention_check_interval_ms: i64,
    /// `metadata.log.max.record.bytes.between.snapshots`: metadata log bytes after which
    /// the image is snapshotted and the log emptied.
    pub metadata_snapshot_bytes: u64,
    /// `broker.heartbeat.interval.ms`: how often a broker tells the active controller it
    /// is alive.
    pub broker_heartbeat_interval_ms: u64,
    /// `broker.session.timeout.ms`: a broker not heard from for this long is fenced.
    pub broker_session_timeout_ms: u64,
    /// Every key as given, for DescribeConfigs and for keys strom accepts but ignores.
    pub raw: BTreeMap<String, String>,
}

/// Keys strom knows. Others are accepted with a warning.
const KNOWN_KEYS: &[&str] = &[
    "node.id",
    "broker.id",
    "listeners",
    "advertised.listeners",
    "log.dirs",
    "log.dir",
    "num.partitions",
    "default.replication.factor",
    "auto.create.topics.enable",
    "message.max.bytes",
    "socket.request.max.bytes",
    "max.connections",
    "log.segment.bytes",
    "log.roll.ms",
    "log.roll.hours",
    "log.index.interval.bytes",
    "log.retention.ms",
    "log.retention.minutes",
    "log.retention.hours",
    "log.retention.bytes",
    "log.flush.interval.messages",
    "log.flush.interval.ms",
    "delete.topic.enable",
    "strom.fsync.before.ack",
    "log.retention.check.interval.ms",
    "transactional.id.expiration.ms",
    "log.cleanup.policy",
    "log.message.timestamp.type",
    "log.cleaner.delete.retention.ms",
    "log.cleaner.min.cleanable.ratio",
    "log.cleaner.min.compaction.lag.ms",
    "min.insync.replicas",
    "compression.type",
    "group.initial.rebalance.delay.ms",
    "group.min.session.timeout.ms",
    "group.max.session.timeout.ms",
    "offsets.topic.num.partitions",
    "offsets.retention.minutes",
    "offsets.retention.check.interval.ms",
    "metadata.log.max.record.bytes.between.snapshots",
    "broker.rack",
    "process.roles",
    "controller.quorum.voters",
    "controller.listener.names",
    "broker.heartbeat.interval.ms",
    "broker.session.timeout.ms",
    "strom.metadata.listener",
];

/// Every config key strom knows.
pub fn known_keys() -> &'static [&'static str] {
    KNOWN_KEYS
}

/// `process.roles`: which of Kafka's two roles this node plays; at least one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProcessRoles {
    /// Serves Kafka clients, registers as a broker, holds partition logs.
    pub broker: bool,
    /// Votes in the metadata quorum (`controller.quorum.voters`).
    pub controller: bool,
}

impl ProcessRoles {
    /// A broker that is not a controller: it follows the metadata log as a non-voting
    /// member of the quorum (an openraft learner, one of Kafka's observers).
    pub fn broker_only(self) -> bool {
        self.broker && !self.controller
    }

    /// A controller that is not a broker: no Kafka listener, no partitions.
    pub fn controller_only(self) -> bool {
        self.controller && !self.broker
    }
}

/// Which produce requests wait for an fsync of their data before being answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FsyncBeforeAck {
    /// Never: data is durable once the OS writes it back (Kafka's own behaviour).
    None,
    /// acks=all requests (the default of current clients).
    All,
    /// acks=1 and acks=all requests.
    One,
}

impl FsyncBeforeAck {
    /// Whether a produce request with these `acks` waits for the fsync.
    pub fn applies_to(self, acks: i16) -> bool {
        match self {
            FsyncBeforeAck::None => false,
            FsyncBeforeAck::All => acks == -1,
            FsyncBeforeAck::One => acks == -1 || acks == 1,
        }
    }
}

impl BrokerConfig {
    /// Builds the config from a TOML file (flat `key = value` pairs, Kafka names) and overrides.
    pub fn load(
        file: Option<&std::path::Path>,
        overrides: &[String],
    ) -> Result<BrokerConfig, ConfigError> {
        let mut raw = BTreeMap::new();
        if let Some(path) = file {
            let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
                path: path.into(),
                source,
            })?;
            let table: toml::Table = toml::from_str(&text).map_err(|e| ConfigError::Parse {
                path: path.into(),
                message: e.to_string(),
            })?;
            flatten("", &table, &mut raw);
        }
        for item in overrides {
            let (key, value) = item
                .split_once('=')
                .ok_or_else(|| ConfigError::Override(item.clone()))?;
            raw.insert(key.trim().to_string(), value.trim().to_string());
        }
        Self::from_map(raw)
    }

    /// Builds and validates the config from `key -> value` pairs.
    pub fn from_map(raw: BTreeMap<String, String>) -> Result<BrokerConfig, ConfigError> {
        for key in raw.keys() {
            if !KNOWN_KEYS.contains(&key.as_str()) {
                tracing::warn!(key, "unknown config key ignored");
            }
        }
        let get = |key: &str| raw.get(key).map(String::as_str);
        let process_roles =
            parse_process_roles(get("process.roles").unwrap_or("broker,controller"))?;
        let controller_names: Vec<&str> = get("controller.listener.names")
            .unwrap_or("CONTROLLER")
            .split(',')
            .map(str::trim)
            .filter(|n| !n.is_empty())
            .collect();
        if controller_names.len() != 1 || controller_names[0] == "PLAINTEXT" {
            return Err(invalid(
                "controller.listener.names",
                get("controller.listener.names").unwrap_or_default(),
                "exactly one listener name other than PLAINTEXT is supported",
            ));
        }
        let (controller_listeners, listeners): (Vec<Listener>, Vec<Listener>) = parse_listeners(
            "listeners",
            get("listeners").unwrap_or("PLAINTEXT://0.0.0.0:9092"),
            &controller_names,
        )?
        .into_iter()
        .partition(|l| controller_names.contains(&l.name.as_str()));
        if controller_listeners.len() > 1 {
            return Err(invalid(
                "listeners",
                get("listeners").unwrap_or_default(),
                "at most one controller listener",
            ));
        }
        let controller_listener = roles::node_controller_listener(
            process_roles,
            controller_listeners.into_iter().next(),
            get("strom.metadata.listener"),
        )?;
        let advertised_listeners = match get("advertised.listeners") {
            Some(text) => parse_listeners("advertised.listeners", text, &[])?,
            None => listeners.iter().map(advertise).collect(),
        };
        let controller_quorum_voters =
            parse_voters(get("controller.quorum.voters").unwrap_or_default())?;
        let retention_ms = match (
            get("log.retention.ms"),
            get("log.retention.minutes"),
            get("log.retention.hours"),
        ) {
            (Some(ms), _, _) => parse_num::<i64>("log.retention.ms", ms)?,
            (None, Some(min), _) => parse_num::<i64>("log.retention.minutes", min)? * 60_000,
            (None, None, Some(hours)) => {
                parse_num::<i64>("log.retention.hours", hours)? * 3_600_000
            }
            (None, None, None) => 168 * 3_600_000,
        };
        let roll_ms = match (get("log.roll.ms"), get("log.roll.hours")) {
            (Some(ms), _) => parse_num::<i64>("log.roll.ms", ms)?,
            (None, Some(hours)) => parse_num::<i64>("log.roll.hours", hours)? * 3_600_000,
            (None, None) => 168 * 3_600_000,
        };
        let node_id = match (get("node.id"), get("broker.id")) {
            (Some(id), _) => parse_num("node.id", id)?,
            (None, Some(id)) => parse_num("broker.id", id)?,
            (None, None) => 1,
        };
        let log_dirs = get("log.dirs").or(get("log.dir")).unwrap_or("./data");
        if log_dirs.contains(',') {
            return Err(invalid(
                "log.dirs",
                log_dirs,
                "strom uses a single log directory",
            ));
        }
        let config = BrokerConfig {
            node_id,
            process_roles,
            listeners,
            controller_listener,
            controller_quorum_voters,
            advertised_listeners,
            log_dirs: PathBuf::from(log_dirs),
            num_partitions: parse_or("num.partitions", get("num.partitions"), 1)?,
            default_replication_factor: parse_or(
                "default.replication.factor",
                get("default.replication.factor"),
                1,
            )?,
            auto_create_topics_enable: parse_bool(
                "auto.create.topics.enable",
                get("auto.create.topics.enable"),
                true,
            )?,
            message_max_bytes: parse_or("message.max.bytes", get("message.max.bytes"), 1_048_588)?,
            socket_request_max_bytes: parse_or(
                "socket.request.max.bytes",
                get("socket.request.max.bytes"),
                104_857_600,
            )?,
            max_connections: parse_or("max.connections", get("max.connections"), 10_000)?,
            log_segment_bytes: parse_or(
                "log.segment.bytes",
                get("log.segment.bytes"),
                1_073_741_824,
            )?,
            log_roll_ms: roll_ms,
            log_index_interval_bytes: parse_or(
                "log.index.interval.bytes",
                get("log.index.interval.bytes"),
                4096,
            )?,
            log_retention_ms: retention_ms,
            log_retention_bytes: parse_or("log.retention.bytes", get("log.retention.bytes"), -1)?,
            log_flush_interval_messages: parse_or(
                "log.flush.interval.messages",
                get("log.flush.interval.messages"),
                u64::MAX,
            )?,
            log_flush_interval_ms: get("log.flush.interval.ms")
                .map(|v| parse_num("log.flush.interval.ms", v))
                .transpose()?,
            delete_topic_enable: parse_bool(
                "delete.topic.enable",
                get("delete.topic.enable"),
                true,
            )?,
            fsync_before_ack: match get("strom.fsync.before.ack").map(str::trim) {
                None | Some("all") => FsyncBeforeAck::All,
                Some("1") => FsyncBeforeAck::One,
                Some("none") => FsyncBeforeAck::None,
                Some(other) => {
                    return Err(invalid(
                        "strom.fsync.before.ack",
                        other,
                        "expected all, 1 or none",
                    ))
                }
            },
            log_retention_check_interval_ms: parse_or(
                "log.retention.check.interval.ms",
                get("log.retention.check.interval.ms"),
                300_000,
            )?,
            transactional_id_expiration_ms: parse_or(
                "transactional.id.expiration.ms",
                get("transactional.id.expiration.ms"),
                604_800_000,
            )?,
            group_initial_rebalance_delay_ms: parse_or(
                "group.initial.rebalance.delay.ms",
                get("group.initial.rebalance.delay.ms"),
                3000,
            )?,
            group_min_session_timeout_ms: parse_or(
                "group.min.session.timeout.ms",
                get("group.min.session.timeout.ms"),
                6000,
            )?,
            group_max_session_timeout_ms: parse_or(
                "group.max.session.timeout.ms",
                get("group.max.session.timeout.ms"),
                1_800_000,
            )?,
            offsets_topic_num_partitions: parse_or(
                "offsets.topic.num.partitions",
                get("offsets.topic.num.partitions"),
                50,
            )?,
            offsets_retention_minutes: parse_or(
                "offsets.retention.minutes",
                get("offsets.retention.minutes"),
                10_080,
            )?,
            offsets_retention_check_interval_ms: parse_or(
                "offsets.retention.check.interval.ms",
                get("offsets.retention.check.interval.ms"),
                600_000,
            )?,
            metadata_snapshot_bytes: parse_or(
                "metadata.log.max.record.bytes.between.snapshots",
                get("metadata.log.max.record.bytes.between.snapshots"),
                20 * 1024 * 1024,
            )?,
            broker_heartbeat_interval_ms: parse_or(
                "broker.heartbeat.interval.ms",
                get("broker.heartbeat.interval.ms"),
                2000,
            )?,
            broker_session_timeout_ms: parse_or(
                "broker.session.timeout.ms",
                get("broker.session.timeout.ms"),
                9000,
            )?,
            raw,
        };
        config.validate()?;
        // The topic defaults taken from broker settings must make a valid topic config.
        if let Err(e) = crate::broker::topic_config::resolve(&config, &BTreeMap::new()) {
            let broker_key = crate::broker::topic_config::TOPIC_CONFIGS
                .iter()
                .find(|(topic_key, _, _)| *topic_key == e.key)
                .and_then(|(_, broker_key, _)| *broker_key)
                .unwrap_or(e.key.as_str());
            return Err(invalid(broker_key, &e.value, &e.reason));
        }
        Ok(config)
    }

    fn validate(&self) -> Result<(), ConfigError> {
        let positive = [
            ("num.partitions", i64::from(self.num_partitions)),
            (
                "default.replication.factor",
                i64::from(self.default_replication_factor),
            ),
            ("message.max.bytes", self.message_max_bytes as i64),
            (
                "socket.request.max.bytes",
                self.socket_request_max_bytes as i64,
            ),
            ("max.connections", self.max_connections as i64),
            ("log.segment.bytes", self.log_segment_bytes as i64),
            ("log.roll.ms", self.log_roll_ms),
            (
                "log.retention.check.interval.ms",
                self.log_retention_check_interval_ms.min(i64::MAX as u64) as i64,
            ),
            (
                "transactional.id.expiration.ms",
                self.transactional_id_expiration_ms,
            ),
            (
                "log.index.interval.bytes",
                self.log_index_interval_bytes as i64,
            ),
            (
                "offsets.topic.num.partitions",
                i64::from(self.offsets_topic_num_partitions),
            ),
            ("offsets.retention.minutes", self.offsets_retention_minutes),
            (
                "offsets.retention.check.interval.ms",
                self.offsets_retention_check_interval_ms,
            ),
        ];
        if self.group_initial_rebalance_delay_ms < 0
            || self.group_min_session_timeout_ms < 0
            || self.group_max_session_timeout_ms < self.group_min_session_timeout_ms
        {
            return Err(invalid(
                "group.max.session.timeout.ms",
                &self.group_max_session_timeout_ms.to_string(),
                "group timeouts must be >= 0 and max >= group.min.session.timeout.ms",
            ));
        }
        for (key, value) in positive {
            if value < 1 {
                return Err(invalid(key, &value.to_string(), "must be at least 1"));
            }
        }
        if self.log_segment_bytes < 14 {
            return Err(invalid(
                "log.segment.bytes",
                &self.log_segment_bytes.to_string(),
                "must be at least 14",
            ));
        }
        if self.socket_request_max_bytes > i32::MAX as usize {
            return Err(invalid(
                "socket.request.max.bytes",
                &self.socket_request_max_bytes.to_string(),
                "too large",
            ));
        }
        if self.broker_heartbeat_interval_ms == 0 {
            return Err(invalid(
                "broker.heartbeat.interval.ms",
                "0",
                "must be positive",
            ));
        }
        if self.broker_session_timeout_ms <= self.broker_heartbeat_interval_ms {
            return Err(invalid(
                "broker.session.timeout.ms",
                &self.broker_session_timeout_ms.to_string(),
                "must be greater than broker.heartbeat.interval.ms",
            ));
        }
        roles::validate(self)?;
        Ok(())
    }

    /// The metadata quorum's settings. Kafka counts the snapshot interval in bytes and
    /// openraft in entries; an entry is taken as 512 bytes, about a topic creation's size.
    pub fn quorum_settings(&self) -> crate::raft::QuorumSettings {
        crate::raft::QuorumSettings {
            snapshot_every_entries: self.metadata_snapshot_bytes.div_ceil(512).max(1),
            broker_heartbeat_interval_ms: self.broker_heartbeat_interval_ms,
            broker_session_timeout_ms: self.broker_session_timeout_ms,
            ..crate::raft::QuorumSettings::default()
        }
        .for_node(self.node_id as u64)
    }

    /// The listener clients are told to connect to (brokers only: a controller-only node
    /// has none).
    pub fn advertised(&self) -> &Listener {
        &self.advertised_listeners[0]
    }
}

fn flatten(prefix: &str, table: &toml::Table, out: &mut BTreeMap<String, String>) {
    for (key, value) in table {
        let full = if prefix.is_empty() {
            key.clone()
        } else {
            format!("{prefix}.{key}")
        };
        match value {
            toml::Value::Table(inner) => flatten(&full, inner, out),
            toml::Value::String(s) => {
                out.insert(full, s.clone());
            }
            other => {
                out.insert(full, other.to_string());
            }
        }
    }
}

pub(crate) fn invalid(key: &str, value: &str, reason: &str) -> ConfigError {
    ConfigError::Invalid {
        key: key.to_string(),
        value: value.to_string(),
        reason: reason.to_string(),
    }
}

fn parse_num<T: std::str::FromStr>(key: &str, value: &str) -> Result<T, ConfigError> {
    value
        .trim()
        .parse::<T>()
        .map_err(|_| invalid(key, value, "not a number in range"))
}

fn parse_or<T: std::str::FromStr>(
    key: &str,
    value: Option<&str>,
    default: T,
) -> Result<T, ConfigError> {
    value.map_or(Ok(default), |v| parse_num(key, v))
}

fn parse_bool(key: &str, value: Option<&str>, default: bool) -> Result<bool, ConfigError> {
    match value.map(str::trim) {
        None => Ok(default),
        Some("true") => Ok(true),
        Some("false") => Ok(false),
        Some(other) => Err(invalid(key, other, "expected true or false")),
    }
}

/// `controller.quorum.voters`: `id@host:port,...`, each id once.
fn parse_voters(text: &str) -> Result<BTreeMap<u64, String>, ConfigError> {
    let key = "controller.quorum.voters";
    let mut voters = BTreeMap::new();
    for item in text.split(',').map(str::trim).filter(|s| !s.is_empty()) {
        let bad = || invalid(key, item, "expected id@host:port");
        let (id, address) = item.split_once('@').ok_or_else(bad)?;
        let id = id.parse::<u64>().map_err(|_| bad())?;
        let (host, port) = address.rsplit_once(':').ok_or_else(bad)?;
        if host.is_empty() || port.parse::<u16>().is_err() {
            return Err(bad());
        }
        if voters.insert(id, address.to_string()).is_some() {
            return Err(invalid(key, item, "a voter id appears twice"));
        }
    }
    Ok(voters)
}

fn parse_listeners(
    key: &str,
    text: &str,
    controller_names: &[&str],
) -> Result<Vec<Listener>, ConfigError> {
    text.split(',')
        .filter(|s| !s.trim().is_empty())
        .map(|item| parse_listener(key, item.trim(), controller_names))
        .collect()
}

pub(crate) fn parse_listener(
    key: &str,
    item: &str,
    controller_names: &[&str],
) -> Result<Listener, ConfigError> {
    let (name, address) = item
        .split_once("://")
        .ok_or_else(|| invalid(key, item, "expected NAME://host:port"))?;
    let (host, port) = address
        .rsplit_once(':')
        .ok_or_else(|| invalid(key, item, "expected NAME://host:port"))?;
    let port = port
        .parse::<u16>()
        .map_err(|_| invalid(key, item, "port must be 0-65535"))?;
    if name != "PLAINTEXT" && !controller_names.contains(&name) {
        return Err(invalid(
            key,
            item,
            "only PLAINTEXT and controller listeners are supported so far",
        ));
    }
    let host = host
        .trim_start_matches('[')
        .trim_end_matches(']')
        .to_string();
    Ok(Listener {
        name: name.to_string(),
        host,
        port,
    })
}

/// The advertised form of a bound listener: a wildcard host becomes `localhost`.
fn advertise(listener: &Listener) -> Listener {
    let host = match listener.host.as_str() {
        "" | "0.0.0.0" | "::" => "localhost".to_string(),
        other => other.to_string(),
    };
    Listener {
        host,
        ..listener.clone()
    }
}

#[cfg(test)]
mod tests;
