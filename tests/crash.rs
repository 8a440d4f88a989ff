//! Crash tests against the real binary: a producer sends acks=all batches while the strom
//! process is killed with SIGKILL at a random moment, over and over. After every restart each
//! acknowledged record is there, at the offset it was acknowledged with, every batch served
//! passes its CRC check, and appends continue at the end. Finally garbage is appended to the
//! active segment (a torn write) and recovery must cut exactly that.
//!
//! The seed is printed; `STROM_CRASH_SEED=N` replays a run.

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

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn spawn(data: &Path, port: u16) -> Child {
    Command::new(env!("CARGO_BIN_EXE_strom"))
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
    for entry in std::fs::read_dir(dir.join("crash-0")).unwrap() {
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

#[tokio::test]
async fn acknowledged_writes_survive_sigkill() {
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
    let mut rng = Rng(seed);
    let dir = tempfile::tempdir().unwrap();
    let mut acknowledged: Vec<(i64, String)> = Vec::new();
    let mut serial = 0u64;
    for round in 0..6 {
        let port = free_port();
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
    let port = free_port();
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
