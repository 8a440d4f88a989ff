//! Tests of config parsing and validation (the process roles have theirs in roles.rs).

use super::*;

fn load(overrides: &[&str]) -> Result<BrokerConfig, ConfigError> {
    BrokerConfig::load(
        None,
        &overrides.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
    )
}

/// With no configuration at all strom serves on 0.0.0.0:9092, advertises localhost:9092,
/// and uses Kafka's defaults.
#[test]
fn defaults_match_kafka() {
    let config = load(&[]).expect("defaults are valid");
    assert_eq!(
        config.listeners[0],
        Listener {
            name: "PLAINTEXT".into(),
            host: "0.0.0.0".into(),
            port: 9092
        }
    );
    assert_eq!(config.advertised().host, "localhost");
    assert_eq!(config.log_dirs, PathBuf::from("./data"));
    assert_eq!(config.num_partitions, 1);
    assert_eq!(config.message_max_bytes, 1_048_588);
    assert_eq!(config.socket_request_max_bytes, 104_857_600);
    assert_eq!(config.log_retention_ms, 604_800_000);
    assert!(config.auto_create_topics_enable);
}

/// Overrides use Kafka's names and a bound host is advertised as given.
#[test]
fn overrides_apply() {
    let config = load(&[
        "listeners=PLAINTEXT://127.0.0.1:19092",
        "log.dirs=/tmp/x",
        "num.partitions=3",
    ])
    .unwrap();
    assert_eq!(
        config.advertised(),
        &Listener {
            name: "PLAINTEXT".into(),
            host: "127.0.0.1".into(),
            port: 19092
        }
    );
    assert_eq!(config.log_dirs, PathBuf::from("/tmp/x"));
    assert_eq!(config.num_partitions, 3);
}

/// A bad value is reported naming its key.
#[test]
fn bad_values_name_the_key() {
    let err = load(&["num.partitions=zero"]).unwrap_err().to_string();
    assert!(err.contains("num.partitions"), "{err}");
    let err = load(&["listeners=127.0.0.1:9092"]).unwrap_err().to_string();
    assert!(err.contains("listeners"), "{err}");
    let err = load(&["auto.create.topics.enable=maybe"])
        .unwrap_err()
        .to_string();
    assert!(err.contains("auto.create.topics.enable"), "{err}");
    let err = load(&["num.partitions=0"]).unwrap_err().to_string();
    assert!(err.contains("num.partitions"), "{err}");
    assert!(matches!(load(&["nonsense"]), Err(ConfigError::Override(_))));
}

/// A TOML file with Kafka names is read, and overrides win over it.
#[test]
fn toml_file_and_override_precedence() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("strom.toml");
    std::fs::write(&path, "\"num.partitions\" = 4\n[log]\ndirs = \"/tmp/y\"\n").unwrap();
    let config = BrokerConfig::load(Some(&path), &["num.partitions=2".to_string()]).unwrap();
    assert_eq!(config.num_partitions, 2);
    assert_eq!(config.log_dirs, PathBuf::from("/tmp/y"));
}

/// The quorum settings: combined roles only, voters parsed by id, the controller
/// listener kept apart from the client listeners.
#[test]
fn quorum_settings() {
    let config = load(&[
        "node.id=2",
        "listeners=PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:9093",
        "controller.quorum.voters=1@127.0.0.1:19093,2@127.0.0.1:9093,3@localhost:29093",
    ])
    .unwrap();
    assert_eq!(config.listeners.len(), 1);
    assert_eq!(config.advertised().port, 9092);
    assert_eq!(
        config.controller_listener,
        Some(Listener {
            name: "CONTROLLER".into(),
            host: "127.0.0.1".into(),
            port: 9093
        })
    );
    assert_eq!(
        config.controller_quorum_voters,
        BTreeMap::from([
            (1, "127.0.0.1:19093".to_string()),
            (2, "127.0.0.1:9093".to_string()),
            (3, "localhost:29093".to_string()),
        ])
    );
    let defaults = load(&[]).unwrap();
    assert_eq!(defaults.controller_listener, None);
    assert!(defaults.controller_quorum_voters.is_empty());
    for (overrides, key) in [
        (vec!["process.roles=broker"], "process.roles"),
        (
            vec!["controller.quorum.voters=1@nohost"],
            "controller.quorum.voters",
        ),
        (
            vec!["controller.quorum.voters=1@a:1,1@b:2"],
            "controller.quorum.voters",
        ),
        // This node is not a voter.
        (
            vec![
                "listeners=PLAINTEXT://:9092,CONTROLLER://:9093",
                "controller.quorum.voters=2@a:1",
            ],
            "controller.quorum.voters",
        ),
        // Voters but no controller listener.
        (vec!["controller.quorum.voters=1@a:1"], "listeners"),
        (vec!["listeners=SSL://:9092"], "listeners"),
        (
            vec!["controller.listener.names=A,B"],
            "controller.listener.names",
        ),
    ] {
        let err = load(&overrides).unwrap_err().to_string();
        assert!(err.contains(key), "{overrides:?}: {err}");
    }
}
