//! Crash tests against the real binary: a producer sends acks=all batches while the strom
//! process is killed with SIGKILL at a random moment, over and over. After every restart each
//! acknowledged record is there, at the offset it was acknowledged with, every batch served
//! passes its CRC check, and appends continue at the end. Finally garbage is appended to the
//! active segment (a torn write) and recovery must cut exactly that.
//!
//! A second test kills the process mid-write: several connections keep acks=all produce
//! requests pipelined, so the kill lands while requests are being read, appended, fsynced
//! and answered. Only answered requests count as acknowledged.
//!
//! The seed is printed; `STROM_CRASH_SEED=N` replays a run (the kill moments and batch
//! sizes; what the process managed to write before each kill depends on timing).

mod common;

use common::*;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use strom_protocol::records::{self, Compression};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

fn spawn(data: &Path, port: u16) -> Child {
    spawn_with(data, port, &[])
}

fn spawn_with(data: &Path, port: u16, extra: &[&str]) -> Child {
    let mut command = Command::new(env!("CARGO_BIN_EXE_strom"));
    for setting in extra {
        command.arg("--override").arg(setting);
    }
    command
        .arg("--override")
        .arg(format!("listeners=PLAINTEXT://127.0.0.1:{port}"))
        .arg("--override")
        .arg(format!("log.dirs={}", data.display()))
        .arg("--override")
        .arg("log.segment.bytes=20000")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("strom starts")
}

async fn connect(port: u16, child: &mut Child) -> Client {
    let deadline = Instant::now() + Duration::from_secs(30);
    loop {
        if let Ok(stream) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await {
            drop(stream);
            return Client::connect(([127, 0, 0, 1], port).into()).await;
        }
        assert!(child.try_wait().unwrap().is_none(), "strom exited");
        assert!(
            Instant::now() < deadline,
            "strom did not listen within 30 s"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Every record of partition 0 from offset 0, as served (`check_segment_files` checks CRCs).
async fn read_all(client: &mut Client) -> Vec<(i64, String)> {
    read_values(client, "crash", 0, 0).await
}

fn check_segment_files(dir: &Path) {
    check_partition_files(&dir.join("crash-0"));
}

/// Every segment of a partition directory is whole batches that pass their CRC.
fn check_partition_files(partition_dir: &Path) {
    for entry in std::fs::read_dir(partition_dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "log") {
            let bytes = std::fs::read(&path).unwrap();
            let mut whole = 0;
            for item in records::batches(&bytes) {
                let (_, batch) = item.expect("whole batches only");
                records::validate_batch(batch).expect("CRC and header valid");
                whole += batch.len();
            }
            assert_eq!(whole, bytes.len(), "{} has a partial tail", path.display());
        }
    }
}

/// The seed of a run: `STROM_CRASH_SEED`, or the clock. Printed.
fn seed() -> u64 {
    let seed = std::env::var("STROM_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
                | 1
        });
    println!("STROM_CRASH_SEED={seed}");
    seed
}

#[tokio::test]
async fn acknowledged_writes_survive_sigkill() {
    let seed = seed();
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let mut acknowledged: Vec<(i64, String)> = Vec::new();
    let mut serial = 0u64;
    for round in 0..6 {
        let port = common::free_port();
        let mut child = spawn(dir.path(), port);
        let mut client = connect(port, &mut child).await;
        if round == 0 {
            create_topic_ok(&mut client, "crash", 1).await;
        }
        // Everything acknowledged so far is intact, at its offset; nothing is corrupt.
        let stored = read_all(&mut client).await;
        for (offset, value) in &acknowledged {
            assert_eq!(
                stored.get(*offset as usize),
                Some(&(*offset, value.clone())),
                "round {round}: acknowledged record lost or changed (seed {seed})"
            );
        }
        // Produce until killed at a random moment (bounded: at most 2 s of producing).
        let kill_after = Duration::from_millis(20 + rng.next() % 300);
        let started = Instant::now();
        let mut killed = false;
        while started.elapsed() < Duration::from_secs(2) {
            if started.elapsed() >= kill_after && !killed {
                child.kill().unwrap();
                killed = true;
            }
            let records: Vec<String> = (0..(1 + rng.next() % 20))
                .map(|_| {
                    serial += 1;
                    format!("r{round}-{serial}")
                })
                .collect();
            let pairs: Vec<(Option<&str>, Option<&str>)> =
                records.iter().map(|v| (None, Some(v.as_str()))).collect();
            let codec = if serial.is_multiple_of(3) {
                Compression::Gzip
            } else {
                Compression::None
            };
            let id = client
                .send(9, produce_request_body("crash", batch(&pairs, 1, codec)))
                .await;
            match tokio::time::timeout(Duration::from_secs(5), client.read_frame()).await {
                Ok(Ok(frame)) => {
                    let (header, body) =
                        strom_protocol::decode_response(&frame, strom_protocol::ApiKey::Produce, 9)
                            .unwrap();
                    assert_eq!(header.correlation_id, id);
                    let strom_protocol::ResponseBody::Produce(r) = body else {
                        panic!()
                    };
                    let p = &r.responses[0].partition_responses[0];
                    assert_eq!(p.error_code, 0);
                    for (i, value) in records.into_iter().enumerate() {
                        acknowledged.push((p.base_offset + i as i64, value));
                    }
                }
                _ => break,
            }
        }
        if !killed {
            child.kill().unwrap();
        }
        child.wait().unwrap();
        check_segment_files(dir.path());
    }
    assert!(
        acknowledged.len() > 100,
        "too few writes acknowledged to mean anything"
    );

    // A torn write: garbage after the last batch of the active segment.
    let mut segments: Vec<_> = std::fs::read_dir(dir.path().join("crash-0"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "log"))
        .collect();
    segments.sort();
    let active = segments.last().unwrap().clone();
    let before = std::fs::metadata(&active).unwrap().len();
    let mut garbage = vec![0u8; 3000];
    for b in garbage.iter_mut() {
        *b = rng.next() as u8;
    }
    // A plausible header start: a batch length that claims more than is there.
    garbage[8..12].copy_from_slice(&2000i32.to_be_bytes());
    let mut contents = std::fs::read(&active).unwrap();
    contents.extend_from_slice(&garbage);
    std::fs::write(&active, contents).unwrap();
    let port = common::free_port();
    let mut child = spawn(dir.path(), port);
    let mut client = connect(port, &mut child).await;
    let stored = read_all(&mut client).await;
    for (offset, value) in &acknowledged {
        assert_eq!(
            stored.get(*offset as usize),
            Some(&(*offset, value.clone()))
        );
    }
    let end = stored.len() as i64;
    let (error, offset) = produce_one(
        &mut client,
        "crash",
        0,
        batch(&[(None, Some("after-torn"))], 1, Compression::None),
        -1,
    )
    .await;
    assert_eq!((error, offset), (0, end));
    child.kill().unwrap();
    child.wait().unwrap();
    let after = std::fs::metadata(&active).unwrap().len();
    assert!(
        after < before + 3000,
        "the garbage was cut before the new batch ({before} -> {after})"
    );
    check_segment_files(dir.path());
}

/// Requests kept in flight per connection by the mid-write test.
const PIPELINE_DEPTH: usize = 4;
const PIPE_TOPIC: &str = "pipelined";

/// One connection of the mid-write test: keeps `PIPELINE_DEPTH` acks=all produce requests
/// in flight until the broker goes away; returns the (offset, value) of every record whose
/// request was answered, and how many requests were still unanswered when it went. Batches
/// are `sizes` records each, values `c{conn}-{round}-{n}`.
async fn pipelined_producer(
    port: u16,
    conn: usize,
    round: usize,
    sizes: Vec<usize>,
) -> (Vec<(i64, String)>, usize) {
    use bytes::BytesMut;
    use std::collections::VecDeque;
    use tokio::io::AsyncWriteExt;
    let Ok(stream) = tokio::net::TcpStream::connect(("127.0.0.1", port)).await else {
        return (Vec::new(), 0);
    };
    let mut client = Client::from_stream(stream);
    let mut acknowledged = Vec::new();
    let mut in_flight: VecDeque<(i32, Vec<String>)> = VecDeque::new();
    let mut serial = 0usize;
    let mut sizes = sizes.into_iter().peekable();
    for correlation_id in 1.. {
        if in_flight.is_empty() && sizes.peek().is_none() {
            break;
        }
        if in_flight.len() < PIPELINE_DEPTH && sizes.peek().is_some() {
            let size = sizes.next().unwrap_or(1);
            let values: Vec<String> = (0..size)
                .map(|_| {
                    serial += 1;
                    format!("c{conn}-{round}-{serial}")
                })
                .collect();
            let pairs: Vec<(Option<&str>, Option<&str>)> =
                values.iter().map(|v| (None, Some(v.as_str()))).collect();
            let header = strom_protocol::RequestHeader {
                api_key: strom_protocol::ApiKey::Produce as i16,
                api_version: 9,
                correlation_id,
                client_id: Some("crash".into()),
                ..Default::default()
            };
            let body = produce_request_body(PIPE_TOPIC, batch(&pairs, 1, Compression::None));
            let mut buf = BytesMut::new();
            strom_protocol::encode_request(&mut buf, &header, &body).unwrap();
            if client.stream.write_all(&buf).await.is_err() {
                break;
            }
            in_flight.push_back((correlation_id, values));
            continue;
        }
        let Ok(frame) = client.read_frame().await else {
            break;
        };
        let (header, body) =
            strom_protocol::decode_response(&frame, strom_protocol::ApiKey::Produce, 9).unwrap();
        let (expected_id, values) = in_flight.pop_front().unwrap();
        assert_eq!(
            header.correlation_id, expected_id,
            "answers in request order"
        );
        let strom_protocol::ResponseBody::Produce(r) = body else {
            panic!("not a produce answer")
        };
        let p = &r.responses[0].partition_responses[0];
        assert_eq!(p.error_code, 0, "acks=all produce failed before the kill");
        for (i, value) in values.into_iter().enumerate() {
            acknowledged.push((p.base_offset + i as i64, value));
        }
    }
    (acknowledged, in_flight.len())
}

/// One fetch at `offset` returning at most one batch: its (base offset, last offset).
async fn batch_at(client: &mut Client, offset: i64) -> (i64, i64) {
    let data = fetch_partition(client, PIPE_TOPIC, 0, offset, 1).await;
    assert_eq!(data.error_code, 0);
    let records = data.records.unwrap_or_default();
    let mut found = Vec::new();
    for item in records::batches(&records) {
        let (header, batch) = item.expect("whole batches");
        records::validate_batch(batch).expect("served batches pass their CRC");
        found.push((header.base_offset, header.last_offset()));
    }
    assert_eq!(
        found.len(),
        1,
        "one batch for max_bytes=1 at offset {offset}"
    );
    found[0]
}

/// Checks a restarted broker against everything acknowledged: each record at its offset,
/// exactly once in the log, and ~20 random acknowledged offsets found through the index.
async fn check_acknowledged(
    client: &mut Client,
    acknowledged: &[(i64, String)],
    rng: &mut Rng,
    seed: u64,
) {
    let stored = read_values(client, PIPE_TOPIC, 0, 0).await;
    for (i, (offset, _)) in stored.iter().enumerate() {
        assert_eq!(*offset, i as i64, "offsets contiguous from 0 (seed {seed})");
    }
    let mut occurrences = std::collections::HashMap::new();
    for (_, value) in &stored {
        *occurrences.entry(value.as_str()).or_insert(0usize) += 1;
    }
    for (offset, value) in acknowledged {
        assert_eq!(
            stored.get(*offset as usize),
            Some(&(*offset, value.clone())),
            "acknowledged record lost or moved (seed {seed})"
        );
        assert_eq!(
            occurrences.get(value.as_str()),
            Some(&1),
            "{value} not exactly once"
        );
    }
    for _ in 0..20.min(acknowledged.len()) {
        let (offset, _) = &acknowledged[(rng.next() % acknowledged.len() as u64) as usize];
        let (base, last) = batch_at(client, *offset).await;
        assert!(
            base <= *offset && *offset <= last,
            "offset {offset} looked up in batch {base}..={last} (seed {seed})"
        );
    }
}

/// SIGKILL while 3 connections keep acks=all produce requests pipelined (fsync before
/// ack): after each restart every answered record is there exactly once at its offset,
/// every segment is whole CRC-valid batches, and index lookups land on the right batch.
#[tokio::test]
async fn acknowledged_writes_survive_sigkill_mid_write() {
    let seed = seed();
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let settings = ["strom.fsync.before.ack=all"];
    let mut acknowledged: Vec<(i64, String)> = Vec::new();
    let mut unanswered_at_kills = 0;
    for round in 0..5 {
        let port = common::free_port();
        let mut child = spawn_with(dir.path(), port, &settings);
        let mut client = connect(port, &mut child).await;
        if round == 0 {
            create_topic_ok(&mut client, PIPE_TOPIC, 1).await;
        }
        check_acknowledged(&mut client, &acknowledged, &mut rng, seed).await;
        // Bounded: each connection has at most 2000 batches to send.
        let producers: Vec<_> = (0..3)
            .map(|conn| {
                let sizes = (0..2000).map(|_| 1 + (rng.next() % 8) as usize).collect();
                tokio::spawn(pipelined_producer(port, conn, round, sizes))
            })
            .collect();
        let kill_after = Duration::from_millis(30 + rng.next() % 400);
        tokio::time::sleep(kill_after).await;
        child.kill().unwrap();
        child.wait().unwrap();
        for producer in producers {
            let (answered, unanswered) = tokio::time::timeout(Duration::from_secs(30), producer)
                .await
                .expect("a producer notices the kill")
                .unwrap();
            acknowledged.extend(answered);
            unanswered_at_kills += unanswered;
        }
        check_partition_files(&dir.path().join(format!("{PIPE_TOPIC}-0")));
        println!(
            "round {round}: killed after {kill_after:?}, {} acknowledged",
            acknowledged.len()
        );
    }
    let port = common::free_port();
    let mut child = spawn_with(dir.path(), port, &settings);
    let mut client = connect(port, &mut child).await;
    check_acknowledged(&mut client, &acknowledged, &mut rng, seed).await;
    assert!(
        acknowledged.len() > 50,
        "too few writes acknowledged to mean anything (seed {seed})"
    );
    // The kills landed mid-write: requests were in flight (sent, not answered) at them.
    assert!(
        unanswered_at_kills > 0,
        "no request was in flight at any kill (seed {seed})"
    );
    println!("{unanswered_at_kills} requests in flight at the kills");
    child.kill().unwrap();
    child.wait().unwrap();
}
