//! One client connection: reads size-prefixed frames (the size is checked against
//! `socket.request.max.bytes` before the frame is buffered), handles requests strictly in
//! order as Kafka does, and writes responses in request order, batching the writes of
//! pipelined requests.
//!
//! A produce request that must wait for an fsync (group commit) does not hold up the
//! requests behind it: its appends are done, its answer is queued until the flush round
//! covering it completes, and the next requests are handled meanwhile (their answers queue
//! behind it, so the order stays). A fetch, which may wait, first lets the queue drain.
//!
//! Malformed frames, unknown API keys and unsupported versions (other than ApiVersions,
//! which gets its v0 fallback) close this connection only; the broker keeps serving.

use super::output::Output;
use crate::api;
use crate::broker::Broker;
use bytes::{Buf, BytesMut};
use std::collections::VecDeque;
use std::net::SocketAddr;
use std::sync::Arc;
use strom_protocol::header::{self, check_frame};
use strom_protocol::{ApiKey, DecodeErrorKind, RequestBody, ResponseBody};
use tokio::io::AsyncReadExt;
use tokio::net::TcpStream;
use tokio_util::sync::CancellationToken;

/// Responses buffered beyond this are written before handling the next request.
const OUTPUT_FLUSH_BYTES: usize = 256 * 1024;
/// Answers queued behind an fsync before the connection stops taking requests.
const MAX_QUEUED: usize = 4096;

/// An answer that cannot be written yet because an earlier one waits for an fsync.
enum Queued {
    Encoded(bytes::Bytes),
    /// A produce answer waiting for its flush round.
    Produce {
        correlation_id: i32,
        version: i16,
        appended: api::produce::Appended,
    },
}

/// Moves queued answers that are complete into `output`, in order; with `wait`, waits
/// for every flush round the queue is waiting on.
async fn drain(
    queue: &mut VecDeque<Queued>,
    output: &mut Output,
    broker: &Broker,
    wait: bool,
) -> Result<(), Closed> {
    while let Some(front) = queue.front_mut() {
        match front {
            Queued::Encoded(bytes) => output.buf.extend_from_slice(bytes),
            Queued::Produce {
                correlation_id,
                version,
                appended,
            } => {
                if let Some(durable) = &appended.durable {
                    let ok = match broker.flusher.completed(durable.ticket) {
                        Some(ok) => ok,
                        None if wait => broker.flusher.wait(durable.ticket).await,
                        None => return Ok(()),
                    };
                    appended.settle(ok);
                }
                if let Some(response) = appended.response.take() {
                    let response = ResponseBody::Produce(response);
                    encode_checked(&mut output.buf, *correlation_id, *version, &response)?;
                }
            }
        }
        queue.pop_front();
    }
    Ok(())
}

/// Waits until the first queued answer's flush round completes (forever if it has none).
async fn head_flushed(queue: &VecDeque<Queued>, broker: &Broker) {
    match queue.front() {
        Some(Queued::Produce {
            appended:
                api::produce::Appended {
                    durable: Some(durable),
                    ..
                },
            ..
        }) => {
            broker.flusher.wait(durable.ticket).await;
        }
        _ => std::future::pending().await,
    }
}

pub async fn serve(
    mut stream: TcpStream,
    peer: SocketAddr,
    broker: Arc<Broker>,
    shutdown: CancellationToken,
) {
    tracing::debug!(%peer, "connection opened");
    match run(&mut stream, peer, &broker, &shutdown).await {
        Ok(()) => tracing::debug!(%peer, "connection closed"),
        Err(Closed::Io(e)) if is_disconnect(&e) => tracing::debug!(%peer, "client disconnected"),
        Err(Closed::Io(e)) => tracing::info!(%peer, error = %e, "connection failed"),
        Err(Closed::Protocol(reason)) => {
            tracing::warn!(%peer, %reason, "closing connection after bad input")
        }
        Err(Closed::Shutdown) => {
            tracing::debug!(%peer, "closing connection with a parked request at shutdown")
        }
    }
}

enum Closed {
    Io(std::io::Error),
    Protocol(String),
    /// The broker is shutting down while this connection's request was parked (a JoinGroup
    /// or SyncGroup waiting for its group); the client reconnects elsewhere or later.
    Shutdown,
}

impl From<std::io::Error> for Closed {
    fn from(e: std::io::Error) -> Self {
        Closed::Io(e)
    }
}

fn is_disconnect(e: &std::io::Error) -> bool {
    use std::io::ErrorKind::*;
    matches!(
        e.kind(),
        ConnectionReset | BrokenPipe | UnexpectedEof | ConnectionAborted
    )
}

async fn run(
    stream: &mut TcpStream,
    peer: SocketAddr,
    broker: &Broker,
    shutdown: &CancellationToken,
) -> Result<(), Closed> {
    let limit = broker.config.socket_request_max_bytes;
    let mut input = BytesMut::with_capacity(64 * 1024);
    let mut output = Output::with_capacity(64 * 1024);
    let mut queue: VecDeque<Queued> = VecDeque::new();
    loop {
        // Handle every complete frame already buffered, in order.
        loop {
            let size = match check_frame(&input, limit) {
                Ok(Some(size)) => size,
                Ok(None) => break,
                Err(e) => return Err(Closed::Protocol(e.to_string())),
            };
            input.advance(4);
            let frame = input.split_to(size).freeze();
            let may_wait =
                header::peek_header(&frame).is_some_and(|p| p.api_key == ApiKey::Fetch as i16);
            if may_wait || queue.len() >= MAX_QUEUED {
                drain(&mut queue, &mut output, broker, true).await?;
            }
            if !output.is_empty() && (may_wait || output.len() >= OUTPUT_FLUSH_BYTES) {
                output.write_to(stream).await?;
            }
            handle_frame(frame, broker, &mut output, &mut queue, peer, shutdown).await?;
        }
        drain(&mut queue, &mut output, broker, false).await?;
        if !output.is_empty() {
            output.write_to(stream).await?;
        }
        if shutdown.is_cancelled() {
            drain(&mut queue, &mut output, broker, true).await?;
            output.write_to(stream).await?;
            return Ok(());
        }
        // Make room for the frame being received; its size already passed the limit check.
        let wanted = match input.get(..4) {
            Some(prefix) => {
                4 + i32::from_be_bytes([prefix[0], prefix[1], prefix[2], prefix[3]]) as usize
            }
            None => 64 * 1024,
        };
        input.reserve(wanted.saturating_sub(input.len()));
        let read = tokio::select! {
            read = stream.read_buf(&mut input) => read?,
            // A queued answer became writable: write it (and any behind it) first.
            _ = head_flushed(&queue, broker), if !queue.is_empty() => continue,
            _ = shutdown.cancelled() => {
                drain(&mut queue, &mut output, broker, true).await?;
                output.write_to(stream).await?;
                return Ok(());
            }
        };
        if read == 0 {
            drain(&mut queue, &mut output, broker, true).await?;
            if !output.is_empty() {
                output.write_to(stream).await?;
            }
            return if input.is_empty() {
                Ok(())
            } else {
                Err(Closed::Protocol("connection closed mid-frame".into()))
            };
        }
    }
}

async fn handle_frame(
    frame: bytes::Bytes,
    broker: &Broker,
    output: &mut Output,
    queue: &mut VecDeque<Queued>,
    peer: SocketAddr,
    shutdown: &CancellationToken,
) -> Result<(), Closed> {
    let Some(peek) = header::peek_header(&frame) else {
        return Err(Closed::Protocol(format!(
            "frame of {} bytes is too short for a request header",
            frame.len()
        )));
    };
    match header::check_api(&peek) {
        Ok(_) => {}
        Err(DecodeErrorKind::UnsupportedVersion) if peek.api_key == ApiKey::ApiVersions as i16 => {
            return answer(output, queue, |out| {
                api::api_versions::unsupported_version_fallback(peek.correlation_id, out);
                Ok(())
            });
        }
        Err(DecodeErrorKind::UnknownApiKey) => {
            return Err(Closed::Protocol(format!(
                "unknown api key {}",
                peek.api_key
            )));
        }
        Err(kind) => {
            return Err(Closed::Protocol(format!(
                "{kind:?}: api key {} version {}",
                peek.api_key, peek.api_version
            )));
        }
    }
    let request = match strom_protocol::decode_request_lenient(&frame) {
        Ok((request, 0)) => request,
        Ok((request, trailing)) => {
            // Kafka ignores them too; librdkafka's all-topics Metadata sends 3 (see the
            // protocol crate's decode_request_lenient).
            tracing::debug!(%peer, api = request.api_key.name(), version = peek.api_version, trailing, "ignoring bytes after the request body");
            request
        }
        Err(e) => {
            return Err(Closed::Protocol(format!(
                "api key {} v{}: {e}",
                peek.api_key, peek.api_version
            )))
        }
    };
    tracing::trace!(%peer, api = request.api_key.name(), version = peek.api_version, "request");
    let version = peek.api_version;
    // Group requests can be parked for a whole rebalance timeout: shutdown must not wait.
    let may_park = matches!(
        request.body,
        RequestBody::JoinGroup(_) | RequestBody::SyncGroup(_)
    );
    let client_host = format!("/{}", peer.ip());
    let handled = tokio::select! {
        handled = api::handle(broker, request, &client_host) => handled,
        _ = shutdown.cancelled(), if may_park => return Err(Closed::Shutdown),
    };
    match handled {
        Err(api::NotImplemented(name)) => {
            Err(Closed::Protocol(format!("{name} is not implemented")))
        }
        Ok(api::Reply::Now(None)) => Ok(()),
        Ok(api::Reply::Now(Some(response))) => answer(output, queue, |out| {
            encode_checked(out, peek.correlation_id, version, &response)
        }),
        Ok(api::Reply::Placed(response, placed)) => {
            let mut body = ResponseBody::Fetch(response);
            // Sent from the files only when nothing is queued ahead (a fetch drains the
            // queue first, so this is the usual case).
            if queue.is_empty() {
                let sent = output
                    .encode_placed(peek.correlation_id, version, &body, &placed)
                    .map_err(|e| Closed::Protocol(format!("cannot encode response: {e}")))?;
                if sent {
                    return Ok(());
                }
            }
            if let ResponseBody::Fetch(response) = &mut body {
                api::fetch::materialize(response, &placed)?;
            }
            answer(output, queue, |out| {
                encode_checked(out, peek.correlation_id, version, &body)
            })
        }
        Ok(api::Reply::AfterFlush(appended)) => {
            queue.push_back(Queued::Produce {
                correlation_id: peek.correlation_id,
                version,
                appended,
            });
            // An answer that needs no fsync and has nothing ahead of it goes out at once.
            drain(queue, output, broker, false).await
        }
    }
}

/// Writes an answer into `output`, or queues it behind earlier answers still waiting for
/// their fsync, so that answers keep request order.
fn answer(
    output: &mut Output,
    queue: &mut VecDeque<Queued>,
    encode: impl FnOnce(&mut BytesMut) -> Result<(), Closed>,
) -> Result<(), Closed> {
    if queue.is_empty() {
        return encode(&mut output.buf);
    }
    let mut encoded = BytesMut::new();
    encode(&mut encoded)?;
    queue.push_back(Queued::Encoded(encoded.freeze()));
    Ok(())
}

/// Encodes an answer; one strom cannot encode is a strom bug, and the connection closes
/// rather than leave the client waiting.
fn encode_checked(
    output: &mut BytesMut,
    correlation_id: i32,
    version: i16,
    response: &ResponseBody,
) -> Result<(), Closed> {
    strom_protocol::encode_response(output, correlation_id, version, response)
        .map_err(|e| Closed::Protocol(format!("cannot encode response: {e}")))
}
