//! One client connection: reads size-prefixed frames (the size is checked against
//! `socket.request.max.bytes` before the frame is buffered), handles requests strictly in
//! order as Kafka does, and writes responses in request order, batching the writes of
//! pipelined requests.
//!
//! Malformed frames, unknown API keys and unsupported versions (other than ApiVersions,
//! which gets its v0 fallback) close this connection only; the broker keeps serving.

use crate::api;
use crate::broker::Broker;
use bytes::{Buf, BytesMut};
use std::net::SocketAddr;
use std::sync::Arc;
use strom_protocol::header::{self, check_frame};
use strom_protocol::{ApiKey, DecodeErrorKind};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_util::sync::CancellationToken;

/// Responses buffered beyond this are written before handling the next request.
const OUTPUT_FLUSH_BYTES: usize = 256 * 1024;

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
    }
}

enum Closed {
    Io(std::io::Error),
    Protocol(String),
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
    let mut output = BytesMut::with_capacity(64 * 1024);
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
            if !output.is_empty() && (may_wait || output.len() >= OUTPUT_FLUSH_BYTES) {
                stream.write_all(&output).await?;
                output.clear();
            }
            handle_frame(frame, broker, &mut output, peer).await?;
        }
        if !output.is_empty() {
            stream.write_all(&output).await?;
            output.clear();
        }
        if shutdown.is_cancelled() {
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
            _ = shutdown.cancelled() => return Ok(()),
        };
        if read == 0 {
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
    output: &mut BytesMut,
    peer: SocketAddr,
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
            api::api_versions::unsupported_version_fallback(peek.correlation_id, output);
            return Ok(());
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
    let request = match strom_protocol::decode_request(&frame) {
        Ok(request) => request,
        Err(e) => {
            return Err(Closed::Protocol(format!(
                "api key {} v{}: {e}",
                peek.api_key, peek.api_version
            )))
        }
    };
    tracing::trace!(%peer, api = request.api_key.name(), version = peek.api_version, "request");
    let version = peek.api_version;
    let response = match api::handle(broker, request).await {
        Ok(response) => response,
        Err(api::NotImplemented(name)) => {
            return Err(Closed::Protocol(format!("{name} is not implemented")))
        }
    };
    if let Some(response) = response {
        if let Err(e) =
            strom_protocol::encode_response(output, peek.correlation_id, version, &response)
        {
            // A response strom cannot encode is a strom bug; the client would hang waiting.
            tracing::error!(%peer, error = %e, "encoding response failed");
            return Err(Closed::Protocol(format!("cannot encode response: {e}")));
        }
    }
    Ok(())
}
