//! The Raft network over TCP, on the controller listener: each RPC is one request frame and
//! one response frame on a connection the client keeps open and reopens after a failure.
//!
//! The same listener takes proposals forwarded by controllers that do not lead
//! (`Request::Propose`, sent by `forward` on a connection of its own), brokers' heartbeats
//! (`Request::Heartbeat`, see `liveness.rs`) and the requests of non-voting members
//! (`Request::Learner`, see `learner.rs`).
//!
//! Frame: payload length u32 big-endian, then the payload, a JSON `Request` or `Response`.
//! Check, then parse: a length above `MAX_FRAME_BYTES` closes the connection before anything
//! is buffered.
//!
//! Invariants: a connection carries one RPC at a time (openraft runs one replication stream
//! per target, and each `TcpNetwork` is used by one stream), so responses cannot be mixed
//! up; any error drops the connection, so a half-read response is never mistaken for the
//! next one. Every RPC is bounded by openraft's hard TTL.

use super::TypeConfig;
use crate::metadata::MetadataRecord;
use openraft::error::{
    ClientWriteError, Fatal, NetworkError, RPCError, RaftError, RemoteError, ReplicationClosed,
    StreamingError, Unreachable,
};
use openraft::network::{RPCOption, RaftNetwork, RaftNetworkFactory};
use openraft::raft::{
    AppendEntriesRequest, AppendEntriesResponse, SnapshotResponse, VoteRequest, VoteResponse,
};
use openraft::{BasicNode, OptionalSend, Raft, Snapshot, SnapshotMeta, Vote};
use serde::{Deserialize, Serialize};
use std::future::Future;
use std::sync::Arc;
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::Semaphore;

type NodeId = u64;

/// The largest frame either side accepts (a metadata snapshot is the biggest message).
pub const MAX_FRAME_BYTES: usize = 64 << 20;
/// Controller connections served at once.
const MAX_CONNECTIONS: usize = 64;

#[derive(Serialize, Deserialize)]
enum Request {
    AppendEntries(AppendEntriesRequest<TypeConfig>),
    Vote(VoteRequest<NodeId>),
    Snapshot {
        vote: Vote<NodeId>,
        meta: SnapshotMeta<NodeId, BasicNode>,
        data: Vec<u8>,
    },
    /// Records a controller that does not lead forwards to the one it believes leads.
    Propose(Vec<MetadataRecord>),
    /// A broker's heartbeat, to the controller it believes leads.
    Heartbeat {
        node_id: i32,
        epoch: i64,
    },
    /// A broker-only node joining the quorum as an observer, or asking for its state.
    Learner(super::learner::LearnerRequest),
}

/// The answer to a broker's heartbeat.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum HeartbeatReply {
    /// Heard; `fenced` while the broker stays fenced (unfencing it failed).
    Alive { fenced: bool },
    /// The receiver does not lead; `leader` does, when known.
    NotLeader(Option<NodeId>),
    /// The broker is not registered at that epoch (`current` is the one it is, if any).
    Stale { current: Option<i64> },
    /// The leader could not be reached or did not answer in time.
    Failed(String),
}

/// Why a forwarded proposal was not committed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Refusal {
    /// The receiver does not lead; `leader` does, when known.
    NotLeader(Option<NodeId>),
    /// The state machine refused the records (they do not fit the image at `offset`).
    Invalid { reason: String, offset: i64 },
    /// The receiver's quorum failed.
    Quorum(String),
    /// The receiver could not be reached or did not answer in time.
    Unreachable(String),
}

#[derive(Serialize, Deserialize)]
enum Response {
    AppendEntries(Result<AppendEntriesResponse<NodeId>, RaftError<NodeId>>),
    Vote(Result<VoteResponse<NodeId>, RaftError<NodeId>>),
    Snapshot(Result<SnapshotResponse<NodeId>, Fatal<NodeId>>),
    /// The image offset after the proposal's entry.
    Propose(Result<i64, Refusal>),
    Heartbeat(HeartbeatReply),
    Learner(super::learner::LearnerResponse),
}

/// What the listener needs to answer heartbeats: the controller's id, its view of the
/// image and the leader's record of liveness.
#[derive(Clone)]
pub struct HeartbeatContext {
    pub me: NodeId,
    pub liveness: Arc<super::liveness::Liveness>,
    pub images: tokio::sync::watch::Receiver<Arc<crate::metadata::Image>>,
}

async fn write_frame<T: Serialize>(stream: &mut TcpStream, message: &T) -> std::io::Result<()> {
    let payload = serde_json::to_vec(message).map_err(std::io::Error::other)?;
    if payload.len() > MAX_FRAME_BYTES {
        return Err(std::io::Error::other(format!(
            "frame of {} bytes exceeds {MAX_FRAME_BYTES}",
            payload.len()
        )));
    }
    let mut frame = Vec::with_capacity(4 + payload.len());
    frame.extend_from_slice(&(payload.len() as u32).to_be_bytes());
    frame.extend_from_slice(&payload);
    stream.write_all(&frame).await
}

/// Reads one frame; `Ok(None)` when the peer closed the connection between frames.
async fn read_frame<T: for<'de> Deserialize<'de>>(
    stream: &mut TcpStream,
) -> std::io::Result<Option<T>> {
    let mut size = [0u8; 4];
    match stream.read_exact(&mut size).await {
        Ok(_) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e),
    }
    let size = u32::from_be_bytes(size) as usize;
    if size > MAX_FRAME_BYTES {
        return Err(std::io::Error::other(format!(
            "frame of {size} bytes exceeds {MAX_FRAME_BYTES}"
        )));
    }
    let mut payload = vec![0u8; size];
    stream.read_exact(&mut payload).await?;
    serde_json::from_slice(&payload)
        .map(Some)
        .map_err(std::io::Error::other)
}

/// Serves Raft RPCs for `raft` on `listener` until the task is aborted; aborting it also
/// closes every connection it accepted (they live in its `JoinSet`).
pub fn serve(
    listener: TcpListener,
    raft: Raft<TypeConfig>,
    heartbeats: HeartbeatContext,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let limit = Arc::new(Semaphore::new(MAX_CONNECTIONS));
        let mut connections = tokio::task::JoinSet::new();
        loop {
            let permit = Arc::clone(&limit)
                .acquire_owned()
                .await
                .expect("semaphore never closes");
            // Reap finished connections so the set does not grow.
            while connections.try_join_next().is_some() {}
            let (stream, peer) = match listener.accept().await {
                Ok(accepted) => accepted,
                Err(e) => {
                    tracing::warn!(error = %e, "accepting a controller connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            };
            let raft = raft.clone();
            let heartbeats = heartbeats.clone();
            connections.spawn(async move {
                if let Err(e) = serve_connection(stream, raft, heartbeats).await {
                    tracing::debug!(%peer, error = %e, "controller connection closed");
                }
                drop(permit);
            });
        }
    })
}

async fn serve_connection(
    mut stream: TcpStream,
    raft: Raft<TypeConfig>,
    heartbeats: HeartbeatContext,
) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    while let Some(request) = read_frame::<Request>(&mut stream).await? {
        let response = match request {
            Request::AppendEntries(rpc) => Response::AppendEntries(raft.append_entries(rpc).await),
            Request::Vote(rpc) => Response::Vote(raft.vote(rpc).await),
            Request::Snapshot { vote, meta, data } => {
                let snapshot = Snapshot {
                    meta,
                    snapshot: Box::new(data),
                };
                Response::Snapshot(raft.install_full_snapshot(vote, snapshot).await)
            }
            Request::Propose(records) => Response::Propose(propose_here(&raft, records).await),
            Request::Heartbeat { node_id, epoch } => Response::Heartbeat(
                super::liveness::heartbeat_here(
                    &raft,
                    &heartbeats.liveness,
                    &heartbeats.images,
                    heartbeats.me,
                    node_id,
                    epoch,
                )
                .await,
            ),
            Request::Learner(request) => {
                Response::Learner(super::learner::serve(&raft, request).await)
            }
        };
        write_frame(&mut stream, &response).await?;
    }
    Ok(())
}

/// Proposes `records` on this controller, which must lead; the image offset after them.
pub async fn propose_here(
    raft: &Raft<TypeConfig>,
    records: Vec<MetadataRecord>,
) -> Result<i64, Refusal> {
    match raft.client_write(records).await {
        Ok(response) => match response.data.refused {
            Some(reason) => Err(Refusal::Invalid {
                reason,
                offset: response.data.offset,
            }),
            None => Ok(response.data.offset),
        },
        Err(RaftError::APIError(ClientWriteError::ForwardToLeader(f))) => {
            Err(Refusal::NotLeader(f.leader_id))
        }
        Err(e) => Err(Refusal::Quorum(e.to_string())),
    }
}

/// Forwards `records` to the controller listening on `address`, on a connection of its
/// own, waiting at most `timeout`; the image offset after them once committed.
pub async fn forward(
    address: &str,
    records: Vec<MetadataRecord>,
    timeout: Duration,
) -> Result<i64, Refusal> {
    match call_once(address, Request::Propose(records), timeout).await? {
        Response::Propose(result) => result,
        _ => Err(Refusal::Unreachable(format!(
            "{address}: no answer to a forwarded proposal"
        ))),
    }
}

/// Sends a learner's request to the controller listening on `address` (see `learner.rs`).
pub(super) async fn call_learner(
    address: &str,
    request: super::learner::LearnerRequest,
    timeout: Duration,
) -> Result<super::learner::LearnerResponse, Refusal> {
    match call_once(address, Request::Learner(request), timeout).await? {
        Response::Learner(response) => Ok(response),
        _ => Err(Refusal::Unreachable(format!(
            "{address}: answered a different request"
        ))),
    }
}

/// One request and its response on a connection of its own, within `timeout`.
async fn call_once(
    address: &str,
    request: Request,
    timeout: Duration,
) -> Result<Response, Refusal> {
    let call = async {
        let mut stream = TcpStream::connect(address).await?;
        stream.set_nodelay(true)?;
        write_frame(&mut stream, &request).await?;
        read_frame::<Response>(&mut stream)
            .await?
            .ok_or_else(|| std::io::Error::other("closed without an answer"))
    };
    match tokio::time::timeout(timeout, call).await {
        Ok(Ok(response)) => Ok(response),
        Ok(Err(e)) => Err(Refusal::Unreachable(format!("{address}: {e}"))),
        Err(_) => Err(Refusal::Unreachable(format!("{address}: timed out"))),
    }
}

/// Sends broker `node_id`'s heartbeat at `epoch` to the controller listening on `address`,
/// on a connection of its own, waiting at most `timeout`.
pub async fn heartbeat(
    address: &str,
    node_id: i32,
    epoch: i64,
    timeout: Duration,
) -> HeartbeatReply {
    match call_once(address, Request::Heartbeat { node_id, epoch }, timeout).await {
        Ok(Response::Heartbeat(reply)) => reply,
        Ok(_) => HeartbeatReply::Failed(format!("{address}: answered a different request")),
        Err(refusal) => HeartbeatReply::Failed(format!("{refusal:?}")),
    }
}

/// Makes a `TcpNetwork` per target from the target's address (`BasicNode::addr`).
#[derive(Default)]
pub struct TcpNetworkFactory;

impl RaftNetworkFactory<TypeConfig> for TcpNetworkFactory {
    type Network = TcpNetwork;

    async fn new_client(&mut self, target: NodeId, node: &BasicNode) -> TcpNetwork {
        TcpNetwork {
            target,
            addr: node.addr.clone(),
            stream: None,
        }
    }
}

pub struct TcpNetwork {
    target: NodeId,
    addr: String,
    /// The open connection, if any; dropped after any error.
    stream: Option<TcpStream>,
}

/// Why an RPC got no response.
enum CallError {
    /// No connection could be made: back off before retrying.
    Connect(std::io::Error),
    /// The connection failed mid-RPC.
    Io(std::io::Error),
    Timeout,
}

impl TcpNetwork {
    async fn call(&mut self, request: Request, ttl: Duration) -> Result<Response, CallError> {
        let result = tokio::time::timeout(ttl, self.exchange(request)).await;
        let result = match result {
            Ok(result) => result,
            Err(_) => Err(CallError::Timeout),
        };
        if result.is_err() {
            self.stream = None;
        }
        result
    }

    async fn exchange(&mut self, request: Request) -> Result<Response, CallError> {
        if self.stream.is_none() {
            let stream = TcpStream::connect(&self.addr)
                .await
                .map_err(CallError::Connect)?;
            stream.set_nodelay(true).map_err(CallError::Connect)?;
            self.stream = Some(stream);
        }
        let stream = self.stream.as_mut().expect("connected above");
        write_frame(stream, &request).await.map_err(CallError::Io)?;
        match read_frame(stream).await.map_err(CallError::Io)? {
            Some(response) => Ok(response),
            None => Err(CallError::Io(std::io::ErrorKind::UnexpectedEof.into())),
        }
    }

    fn rpc_error<E: std::error::Error>(
        &self,
        error: CallError,
        ttl: Duration,
    ) -> RPCError<NodeId, BasicNode, E> {
        match error {
            CallError::Connect(e) => RPCError::Unreachable(Unreachable::new(&e)),
            CallError::Io(e) => RPCError::Network(NetworkError::new(&e)),
            CallError::Timeout => RPCError::Unreachable(Unreachable::new(&std::io::Error::new(
                std::io::ErrorKind::TimedOut,
                format!("no response from node {} in {ttl:?}", self.target),
            ))),
        }
    }
}

fn unexpected(target: NodeId) -> std::io::Error {
    std::io::Error::other(format!("node {target} answered a different RPC"))
}

type RpcResult<T> = Result<T, RPCError<NodeId, BasicNode, RaftError<NodeId>>>;

impl RaftNetwork<TypeConfig> for TcpNetwork {
    async fn append_entries(
        &mut self,
        rpc: AppendEntriesRequest<TypeConfig>,
        option: RPCOption,
    ) -> RpcResult<AppendEntriesResponse<NodeId>> {
        let ttl = option.hard_ttl();
        match self.call(Request::AppendEntries(rpc), ttl).await {
            Ok(Response::AppendEntries(reply)) => {
                reply.map_err(|e| RPCError::RemoteError(RemoteError::new(self.target, e)))
            }
            Ok(_) => Err(RPCError::Network(NetworkError::new(&unexpected(
                self.target,
            )))),
            Err(e) => Err(self.rpc_error(e, ttl)),
        }
    }

    async fn vote(
        &mut self,
        rpc: VoteRequest<NodeId>,
        option: RPCOption,
    ) -> RpcResult<VoteResponse<NodeId>> {
        let ttl = option.hard_ttl();
        match self.call(Request::Vote(rpc), ttl).await {
            Ok(Response::Vote(reply)) => {
                reply.map_err(|e| RPCError::RemoteError(RemoteError::new(self.target, e)))
            }
            Ok(_) => Err(RPCError::Network(NetworkError::new(&unexpected(
                self.target,
            )))),
            Err(e) => Err(self.rpc_error(e, ttl)),
        }
    }

    async fn full_snapshot(
        &mut self,
        vote: Vote<NodeId>,
        snapshot: Snapshot<TypeConfig>,
        _cancel: impl Future<Output = ReplicationClosed> + OptionalSend + 'static,
        option: RPCOption,
    ) -> Result<SnapshotResponse<NodeId>, StreamingError<TypeConfig, Fatal<NodeId>>> {
        let ttl = option.hard_ttl();
        let request = Request::Snapshot {
            vote,
            meta: snapshot.meta,
            data: *snapshot.snapshot,
        };
        match self.call(request, ttl).await {
            Ok(Response::Snapshot(reply)) => {
                reply.map_err(|e| StreamingError::RemoteError(RemoteError::new(self.target, e)))
            }
            Ok(_) => Err(StreamingError::Network(NetworkError::new(&unexpected(
                self.target,
            )))),
            Err(e) => Err(match self.rpc_error::<Fatal<NodeId>>(e, ttl) {
                RPCError::Unreachable(e) => StreamingError::Unreachable(e),
                RPCError::Network(e) => StreamingError::Network(e),
                other => StreamingError::Network(NetworkError::new(&other)),
            }),
        }
    }
}
