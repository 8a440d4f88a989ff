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
/// the binary and by integration tests.
pub async fn start(config: config::BrokerConfig) -> anyhow::Result<net::Server> {
    let broker = tokio::task::spawn_blocking(move || broker::Broker::open(config)).await??;
    let broker = Arc::new(broker);
    broker.start_background()?;
    Ok(net::Server::start(broker).await?)
}
