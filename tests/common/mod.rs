//! Shared harness for the broker tests: starts strom in-process on 127.0.0.1:0 over a
//! temporary data directory, and a minimal client that speaks the protocol crate's codec.

#![allow(dead_code)]

use bytes::{Bytes, BytesMut};
use std::net::SocketAddr;
use std::path::Path;
use strom::config::BrokerConfig;
use strom_protocol::records::{BatchBuilder, Compression};
use strom_protocol::{ApiKey, RequestBody, RequestHeader, ResponseBody};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Starts a broker on a free loopback port with data in `dir` and extra overrides.
pub async fn start_broker(dir: &Path, extra: &[&str]) -> strom::net::Server {
    let mut overrides = vec![
        "listeners=PLAINTEXT://127.0.0.1:0".to_string(),
        format!("log.dirs={}", dir.display()),
    ];
    overrides.extend(extra.iter().map(|s| s.to_string()));
    let config = BrokerConfig::load(None, &overrides).expect("valid test config");
    strom::start(config).await.expect("broker starts")
}

pub struct Client {
    pub stream: TcpStream,
    next_correlation_id: i32,
}

impl Client {
    pub async fn connect(addr: SocketAddr) -> Client {
        let stream = TcpStream::connect(addr).await.expect("connects");
        Client {
            stream,
            next_correlation_id: 1,
        }
    }

    /// Writes one request frame without waiting for the answer; returns its correlation id.
    pub async fn send(&mut self, version: i16, body: RequestBody) -> i32 {
        let correlation_id = self.next_correlation_id;
        self.next_correlation_id += 1;
        let header = RequestHeader {
            api_key: body.api_key() as i16,
            api_version: version,
            correlation_id,
            client_id: Some("strom-tests".into()),
            ..Default::default()
        };
        let mut buf = BytesMut::new();
        strom_protocol::encode_request(&mut buf, &header, &body).expect("encodes");
        self.stream.write_all(&buf).await.expect("writes");
        correlation_id
    }

    /// Reads one response frame: (correlation id, body).
    pub async fn receive(&mut self, api_key: ApiKey, version: i16) -> (i32, ResponseBody) {
        let frame = self.read_frame().await.expect("a response frame");
        let (header, body) =
            strom_protocol::decode_response(&frame, api_key, version).expect("decodes");
        (header.correlation_id, body)
    }

    pub async fn read_frame(&mut self) -> std::io::Result<Bytes> {
        let size = self.stream.read_i32().await? as usize;
        let mut frame = vec![0u8; size];
        self.stream.read_exact(&mut frame).await?;
        Ok(Bytes::from(frame))
    }

    /// Sends a request and returns its response, checking the correlation id.
    pub async fn call(&mut self, version: i16, body: RequestBody) -> ResponseBody {
        let api_key = body.api_key();
        let id = self.send(version, body).await;
        let (got, response) = self.receive(api_key, version).await;
        assert_eq!(got, id, "correlation id");
        response
    }
}

/// One uncompressed batch of `(key, value)` records with timestamps `ts0, ts0+1, ...`.
pub fn batch(
    records: &[(Option<&str>, Option<&str>)],
    ts0: i64,
    compression: Compression,
) -> Bytes {
    let mut builder = BatchBuilder::new(compression);
    for (i, (key, value)) in records.iter().enumerate() {
        builder
            .append(
                ts0 + i as i64,
                key.map(str::as_bytes),
                value.map(str::as_bytes),
                Vec::new(),
            )
            .expect("appends");
    }
    Bytes::from(builder.build().expect("builds"))
}
