//! `process.roles` and the rules it puts on the other quorum settings, after KRaft's
//! (KafkaConfig's validation of combined, broker-only and controller-only nodes):
//!
//! - `broker,controller` (the default): a voter of `controller.quorum.voters` (or a quorum
//!   of one without them) that also serves clients on a PLAINTEXT listener.
//! - `controller`: a voter only; its `listeners` hold just the controller listener.
//! - `broker`: not a voter; it finds the quorum through `controller.quorum.voters` and
//!   follows the metadata log as a non-voting member (an observer). Kafka's brokers fetch
//!   the log from the controllers; strom's quorum (openraft) pushes it, so a broker-only
//!   node listens for the leader on `strom.metadata.listener` (`host:port`). As in Kafka,
//!   its `listeners` must not hold the controller listener.
//!
//! Invariant: a config that passes `validate` can start the node it describes; each error
//! names the key to change.

use super::{invalid, BrokerConfig, ConfigError, Listener, ProcessRoles};

/// `process.roles`: `broker`, `controller` or both, each at most once.
pub(super) fn parse_process_roles(text: &str) -> Result<ProcessRoles, ConfigError> {
    let key = "process.roles";
    let mut roles = ProcessRoles {
        broker: false,
        controller: false,
    };
    for role in text.split(',').map(str::trim).filter(|r| !r.is_empty()) {
        let seen = match role {
            "broker" => std::mem::replace(&mut roles.broker, true),
            "controller" => std::mem::replace(&mut roles.controller, true),
            other => {
                return Err(invalid(
                    key,
                    text,
                    &format!("unknown role '{other}': the roles are 'broker' and 'controller'"),
                ))
            }
        };
        if seen {
            return Err(invalid(key, text, &format!("role '{role}' appears twice")));
        }
    }
    if !roles.broker && !roles.controller {
        return Err(invalid(
            key,
            text,
            "a node needs at least one role: broker, controller or broker,controller",
        ));
    }
    Ok(roles)
}

/// The listener this node serves the quorum's RPCs on: the controller listener of
/// `listeners` on a controller, `strom.metadata.listener` on a broker-only node.
pub(super) fn node_controller_listener(
    roles: ProcessRoles,
    from_listeners: Option<Listener>,
    metadata_listener: Option<&str>,
) -> Result<Option<Listener>, ConfigError> {
    const KEY: &str = "strom.metadata.listener";
    if !roles.broker_only() {
        if let Some(text) = metadata_listener {
            return Err(invalid(
                KEY,
                text,
                "only a broker-only node (process.roles=broker) takes it; a controller serves the quorum on its controller listener",
            ));
        }
        return Ok(from_listeners);
    }
    if let Some(listener) = from_listeners {
        return Err(invalid(
            "listeners",
            &format!("{}://{}:{}", listener.name, listener.host, listener.port),
            "controller.listener.names must not name a listener in listeners when process.roles=broker (a broker-only node receives the metadata log on strom.metadata.listener)",
        ));
    }
    let Some(text) = metadata_listener else {
        return Err(invalid(
            KEY,
            "",
            "a broker-only node (process.roles=broker) needs host:port where the quorum leader sends it the metadata log",
        ));
    };
    let bad = |reason: &str| invalid(KEY, text, reason);
    let (host, port) = text
        .trim()
        .rsplit_once(':')
        .ok_or_else(|| bad("expected host:port"))?;
    let host = host.trim_start_matches('[').trim_end_matches(']');
    let port = port
        .parse::<u16>()
        .map_err(|_| bad("port must be 1-65535"))?;
    if port == 0 {
        return Err(bad("port must be 1-65535: the controllers connect to it"));
    }
    if matches!(host, "" | "0.0.0.0" | "::") {
        return Err(bad(
            "needs a host the controllers can reach, not a wildcard address",
        ));
    }
    Ok(Some(Listener {
        name: "METADATA".into(),
        host: host.to_string(),
        port,
    }))
}

/// The rules `process.roles` puts on `node.id`, `controller.quorum.voters` and `listeners`.
pub(super) fn validate(config: &BrokerConfig) -> Result<(), ConfigError> {
    let roles = config.process_roles;
    let voters_key = "controller.quorum.voters";
    let voter_ids: Vec<u64> = config.controller_quorum_voters.keys().copied().collect();
    let is_voter = config.node_id >= 0
        && config
            .controller_quorum_voters
            .contains_key(&(config.node_id as u64));
    if roles.controller {
        if voter_ids.is_empty() && roles.controller_only() {
            return Err(invalid(
                voters_key,
                "",
                "a controller-only node (process.roles=controller) needs the quorum's voters, itself among them",
            ));
        }
        if !voter_ids.is_empty() && !is_voter {
            return Err(invalid(
                voters_key,
                &config.node_id.to_string(),
                &format!(
                    "when process.roles contains controller, node.id {} must be one of the voters {voter_ids:?}",
                    config.node_id
                ),
            ));
        }
        if !voter_ids.is_empty() && config.controller_listener.is_none() {
            return Err(invalid(
                "listeners",
                "",
                "a controller listener (controller.listener.names) is needed with controller.quorum.voters",
            ));
        }
    } else {
        if voter_ids.is_empty() {
            return Err(invalid(
                voters_key,
                "",
                "a broker-only node (process.roles=broker) finds the metadata quorum through its voters; it must be set",
            ));
        }
        if is_voter {
            return Err(invalid(
                voters_key,
                &config.node_id.to_string(),
                &format!(
                    "when process.roles is just broker, node.id {} must not be one of the voters {voter_ids:?}",
                    config.node_id
                ),
            ));
        }
    }
    if roles.broker && !config.listeners.iter().any(|l| l.name == "PLAINTEXT") {
        return Err(invalid(
            "listeners",
            "",
            "a PLAINTEXT listener is needed when process.roles contains broker",
        ));
    }
    if roles.controller_only() {
        if let Some(listener) = config.listeners.first() {
            return Err(invalid(
                "listeners",
                &format!("{}://{}:{}", listener.name, listener.host, listener.port),
                "with process.roles=controller, listeners must hold only the controller listener (controller.listener.names): a controller-only node serves no clients",
            ));
        }
        if let Some(text) = config.raw.get("advertised.listeners") {
            return Err(invalid(
                "advertised.listeners",
                text,
                "a controller-only node (process.roles=controller) advertises no client listener",
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::super::{BrokerConfig, Listener};

    fn load(overrides: &[&str]) -> Result<BrokerConfig, String> {
        let overrides: Vec<String> = overrides.iter().map(|s| s.to_string()).collect();
        BrokerConfig::load(None, &overrides).map_err(|e| e.to_string())
    }

    /// Loading fails with a message holding every one of `fragments`.
    fn refused(overrides: &[&str], fragments: &[&str]) {
        let err = load(overrides).expect_err(&format!("{overrides:?} must be refused"));
        for fragment in fragments {
            assert!(
                err.contains(fragment),
                "{overrides:?}: {err:?} lacks {fragment:?}"
            );
        }
    }

    const VOTERS: &str = "controller.quorum.voters=1@127.0.0.1:9191,2@127.0.0.1:9192";

    /// The three accepted shapes: combined (the default), controller-only, broker-only.
    #[test]
    fn each_role_combination_loads() {
        let combined = load(&[]).unwrap();
        assert!(combined.process_roles.broker && combined.process_roles.controller);
        let combined = load(&["process.roles= controller , broker"]).unwrap();
        assert!(combined.process_roles.broker && combined.process_roles.controller);

        let controller = load(&[
            "process.roles=controller",
            "node.id=1",
            "listeners=CONTROLLER://127.0.0.1:9191",
            VOTERS,
        ])
        .unwrap();
        assert!(controller.process_roles.controller_only());
        assert!(controller.listeners.is_empty());
        assert!(controller.advertised_listeners.is_empty());
        assert_eq!(controller.controller_listener.unwrap().port, 9191);

        let broker = load(&[
            "process.roles=broker",
            "node.id=4",
            "listeners=PLAINTEXT://127.0.0.1:9094",
            "strom.metadata.listener=127.0.0.1:9294",
            VOTERS,
        ])
        .unwrap();
        assert!(broker.process_roles.broker_only());
        assert_eq!(broker.advertised().port, 9094);
        assert_eq!(
            broker.controller_listener,
            Some(Listener {
                name: "METADATA".into(),
                host: "127.0.0.1".into(),
                port: 9294
            })
        );
    }

    /// `process.roles` takes `broker` and `controller`, each once, at least one.
    #[test]
    fn process_roles_are_checked() {
        refused(
            &["process.roles=broker,zookeeper"],
            &["process.roles", "unknown role 'zookeeper'"],
        );
        refused(
            &["process.roles=broker,broker"],
            &["process.roles", "role 'broker' appears twice"],
        );
        refused(&["process.roles="], &["process.roles", "at least one role"]);
    }

    /// A controller (controller-only or combined with voters) must be one of the voters and
    /// have a controller listener; a controller-only node needs voters.
    #[test]
    fn a_controller_must_be_a_voter() {
        refused(
            &[
                "process.roles=controller",
                "node.id=3",
                "listeners=CONTROLLER://127.0.0.1:9193",
                VOTERS,
            ],
            &[
                "controller.quorum.voters",
                "when process.roles contains controller, node.id 3 must be one of the voters [1, 2]",
            ],
        );
        refused(
            &[
                "node.id=3",
                "listeners=PLAINTEXT://:9092,CONTROLLER://127.0.0.1:9193",
                VOTERS,
            ],
            &["node.id 3 must be one of the voters"],
        );
        refused(
            &[
                "process.roles=controller",
                "listeners=CONTROLLER://127.0.0.1:9191",
            ],
            &[
                "controller.quorum.voters",
                "a controller-only node (process.roles=controller) needs the quorum's voters",
            ],
        );
        refused(
            &[
                "process.roles=controller",
                "listeners=",
                "node.id=1",
                VOTERS,
            ],
            &[
                "listeners",
                "a controller listener (controller.listener.names) is needed",
            ],
        );
    }

    /// A controller-only node serves no clients: only the controller listener, nothing
    /// advertised.
    #[test]
    fn a_controller_only_node_has_no_client_listener() {
        refused(
            &[
                "process.roles=controller",
                "node.id=1",
                "listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9191",
                VOTERS,
            ],
            &[
                "listeners",
                "PLAINTEXT://127.0.0.1:9092",
                "with process.roles=controller, listeners must hold only the controller listener",
            ],
        );
        refused(
            &[
                "process.roles=controller",
                "node.id=1",
                "listeners=CONTROLLER://127.0.0.1:9191",
                "advertised.listeners=PLAINTEXT://h:1",
                VOTERS,
            ],
            &["advertised.listeners", "advertises no client listener"],
        );
    }

    /// A broker-only node is not a voter, needs the voters to find the quorum, a PLAINTEXT
    /// listener, and `strom.metadata.listener` (not the controller listener) with a
    /// reachable host and a fixed port.
    #[test]
    fn a_broker_only_node_is_an_observer() {
        let base = [
            "process.roles=broker",
            "node.id=4",
            "listeners=PLAINTEXT://127.0.0.1:9094",
            "strom.metadata.listener=127.0.0.1:9294",
        ];
        let with = |extra: &[&'static str]| -> Vec<&'static str> {
            let mut all = base.to_vec();
            all.extend_from_slice(extra);
            all
        };
        refused(
            &with(&["node.id=2", VOTERS]),
            &[
                "controller.quorum.voters",
                "when process.roles is just broker, node.id 2 must not be one of the voters [1, 2]",
            ],
        );
        refused(
            &with(&[]),
            &[
                "controller.quorum.voters",
                "a broker-only node (process.roles=broker) finds the metadata quorum through its voters",
            ],
        );
        refused(
            &with(&["listeners=PLAINTEXT://127.0.0.1:9094,CONTROLLER://127.0.0.1:9194", VOTERS]),
            &[
                "listeners",
                "controller.listener.names must not name a listener in listeners when process.roles=broker",
            ],
        );
        refused(
            &[
                "process.roles=broker",
                "node.id=4",
                "listeners=PLAINTEXT://127.0.0.1:9094",
                VOTERS,
            ],
            &[
                "strom.metadata.listener",
                "a broker-only node (process.roles=broker) needs host:port",
            ],
        );
        for (value, fragment) in [
            ("nohost", "expected host:port"),
            ("0.0.0.0:9294", "not a wildcard address"),
            (":9294", "not a wildcard address"),
            ("127.0.0.1:0", "port must be 1-65535"),
            ("127.0.0.1:x", "port must be 1-65535"),
        ] {
            let setting = format!("strom.metadata.listener={value}");
            let mut overrides = with(&[VOTERS]);
            overrides.push(&setting);
            refused(&overrides, &["strom.metadata.listener", fragment]);
        }
    }

    /// Every node with the broker role needs a PLAINTEXT listener for its clients.
    #[test]
    fn a_broker_needs_a_plaintext_listener() {
        refused(
            &[
                "process.roles=broker",
                "node.id=4",
                "listeners=",
                "strom.metadata.listener=127.0.0.1:9294",
                VOTERS,
            ],
            &[
                "listeners",
                "a PLAINTEXT listener is needed when process.roles contains broker",
            ],
        );
        refused(
            &["listeners=CONTROLLER://127.0.0.1:9191"],
            &["a PLAINTEXT listener is needed when process.roles contains broker"],
        );
    }

    /// `strom.metadata.listener` belongs to broker-only nodes.
    #[test]
    fn only_a_broker_only_node_takes_the_metadata_listener() {
        refused(
            &["strom.metadata.listener=127.0.0.1:9294"],
            &[
                "strom.metadata.listener",
                "only a broker-only node (process.roles=broker) takes it",
            ],
        );
    }
}
