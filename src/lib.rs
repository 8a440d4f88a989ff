//! strom: a Kafka-compatible event streaming broker.
//!
//! Data flow: `net` reads size-prefixed frames and decodes them with `strom_protocol`,
//! `api` handles each request against the `broker` state, whose partitions keep their data
//! in `log` (segments on local disk). See ARCHITECTURE.md in the project's shared notes.

pub mod api;
pub mod broker;
pub mod config;
pub mod group;
pub mod log;
pub mod metadata;
pub mod net;
pub mod raft;
pub mod txn;

use std::sync::Arc;

/// Opens the broker's data directory and starts serving; the embedded entry point used by
/// the binary and by integration tests. For nodes with the broker role (a controller-only
/// node starts with `start_controller`).
pub async fn start(config: config::BrokerConfig) -> anyhow::Result<net::Server> {
    anyhow::ensure!(
        config.process_roles.broker,
        "process.roles=controller: this node is not a broker (start it with start_controller)"
    );
    let broker = tokio::task::spawn_blocking(move || broker::Broker::open(config)).await??;
    let broker = Arc::new(broker);
    broker.start_background()?;
    Ok(net::Server::start(broker).await?)
}

/// A controller-only node (`process.roles=controller`): a voter of the metadata quorum on
/// its controller listener, and nothing else (no Kafka listener, no partition logs).
pub struct ControllerNode {
    quorum: raft::quorum::MetadataQuorum,
}

/// Starts a controller-only node on its data directory.
pub async fn start_controller(config: config::BrokerConfig) -> anyhow::Result<ControllerNode> {
    anyhow::ensure!(
        config.process_roles.controller_only(),
        "only a controller-only node (process.roles=controller) starts without a broker"
    );
    let quorum =
        tokio::task::spawn_blocking(move || raft::quorum::MetadataQuorum::open(&config)).await??;
    tracing::info!(leader = ?quorum.leader(), "strom controller is serving the metadata quorum");
    Ok(ControllerNode { quorum })
}

impl ControllerNode {
    /// Stops the controller (graceful shutdown of its quorum member).
    pub async fn shutdown(self) {
        let _ = tokio::task::spawn_blocking(move || self.quorum.shutdown()).await;
        tracing::info!("strom controller stopped");
    }
}
