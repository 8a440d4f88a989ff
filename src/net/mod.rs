//! The network layer: a TCP listener that accepts up to `max.connections` clients, one task
//! per connection, and a graceful shutdown that stops accepting, lets every connection
//! finish the request it is handling, then closes the logs cleanly.

mod connection;
pub mod output;

use crate::broker::Broker;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;

/// A running server: where it listens, and how to stop it.
pub struct Server {
    pub local_addr: SocketAddr,
    shutdown: CancellationToken,
    tasks: TaskTracker,
    broker: Arc<Broker>,
}

impl Server {
    /// Binds the first listener and starts accepting in the background.
    pub async fn start(broker: Arc<Broker>) -> std::io::Result<Server> {
        let listener_config = broker.config.listeners[0].clone();
        let listener =
            TcpListener::bind((listener_config.host.as_str(), listener_config.port)).await?;
        let local_addr = listener.local_addr()?;
        let shutdown = CancellationToken::new();
        let tasks = TaskTracker::new();
        let limit = Arc::new(Semaphore::new(broker.config.max_connections));
        tasks.spawn(accept_loop(
            listener,
            Arc::clone(&broker),
            limit,
            shutdown.clone(),
            tasks.clone(),
        ));
        tracing::info!(%local_addr, advertised = ?broker.config.advertised(), "strom is serving");
        Ok(Server {
            local_addr,
            shutdown,
            tasks,
            broker,
        })
    }

    /// Stops accepting, waits for connections to finish their current request, then
    /// flushes and closes every log.
    pub async fn shutdown(self) {
        self.shutdown.cancel();
        self.tasks.close();
        self.tasks.wait().await;
        let broker = Arc::clone(&self.broker);
        let _ = tokio::task::spawn_blocking(move || broker.shutdown()).await;
        tracing::info!("strom stopped");
    }
}

async fn accept_loop(
    listener: TcpListener,
    broker: Arc<Broker>,
    limit: Arc<Semaphore>,
    shutdown: CancellationToken,
    tasks: TaskTracker,
) {
    loop {
        let accepted = tokio::select! {
            accepted = listener.accept() => accepted,
            _ = shutdown.cancelled() => return,
        };
        let (stream, peer) = match accepted {
            Ok(pair) => pair,
            Err(e) => {
                // Out of file descriptors and similar: back off briefly instead of spinning.
                tracing::warn!(error = %e, "accept failed");
                tokio::time::sleep(std::time::Duration::from_millis(50)).await;
                continue;
            }
        };
        let Ok(permit) = Arc::clone(&limit).try_acquire_owned() else {
            tracing::warn!(%peer, max = broker.config.max_connections, "connection limit reached, closing new connection");
            continue;
        };
        let _ = stream.set_nodelay(true);
        let broker = Arc::clone(&broker);
        let shutdown = shutdown.clone();
        tasks.spawn(async move {
            connection::serve(stream, peer, broker, shutdown).await;
            drop(permit);
        });
    }
}
