//! The `strom` binary as users run it: configuration mistakes exit with status 2 and a
//! message naming the key or file, and SIGTERM shuts down gracefully (answers what it read,
//! exits 0, keeps the data for the next start).

mod common;

use common::{create_topic_ok, read_values, Client};
use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use strom_protocol::{ApiKey, ResponseBody};

const STROM: &str = env!("CARGO_BIN_EXE_strom");

/// Runs strom with `args` until it exits (every case here fails at startup).
fn run_strom(args: &[&str]) -> Output {
    Command::new(STROM)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .output()
        .expect("strom runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// Asserts strom exited with status 2 and its message names every one of `named`.
fn assert_exits_2_naming(output: &Output, named: &[&str]) {
    let message = stderr(output);
    assert_eq!(output.status.code(), Some(2), "{message}");
    for what in named {
        assert!(message.contains(what), "{what} not in: {message}");
    }
}

#[test]
fn a_bad_override_value_exits_2_naming_the_key() {
    // `num.partitions=zero` is refused before anything starts: status 2, the key named.
    let dir = tempfile::tempdir().unwrap();
    let output = run_strom(&[
        "--override",
        "listeners=PLAINTEXT://127.0.0.1:0",
        "--override",
        &format!("log.dirs={}", dir.path().display()),
        "--override",
        "num.partitions=zero",
    ]);
    assert_exits_2_naming(&output, &["num.partitions", "\"zero\""]);
}

#[test]
fn a_broker_only_node_among_the_voters_exits_2() {
    // process.roles=broker with this node.id in controller.quorum.voters: status 2 and a
    // message saying a broker-only node must not be a voter; nothing starts.
    let dir = tempfile::tempdir().unwrap();
    let output = run_strom(&[
        "--override",
        "process.roles=broker",
        "--override",
        "node.id=1",
        "--override",
        "listeners=PLAINTEXT://127.0.0.1:0",
        "--override",
        "strom.metadata.listener=127.0.0.1:1",
        "--override",
        "controller.quorum.voters=1@127.0.0.1:2",
        "--override",
        &format!("log.dirs={}", dir.path().display()),
    ]);
    assert_exits_2_naming(
        &output,
        &[
            "configuration error: invalid value for controller.quorum.voters",
            "when process.roles is just broker, node.id 1 must not be one of the voters [1]",
        ],
    );
}

#[test]
fn a_missing_config_file_exits_2_naming_it() {
    // `--config` naming a file that does not exist: status 2 and the path in the message.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-strom.toml");
    let output = run_strom(&["--config", path.to_str().unwrap()]);
    assert_exits_2_naming(&output, &[path.to_str().unwrap()]);
}

#[test]
fn an_invalid_config_file_exits_2_naming_it() {
    // A config file that is not TOML: status 2 and the path in the message.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.toml");
    std::fs::write(&path, "listeners = = nonsense\n").unwrap();
    let output = run_strom(&["--config", path.to_str().unwrap()]);
    assert_exits_2_naming(&output, &[path.to_str().unwrap()]);
}

#[test]
fn an_unusable_log_dir_exits_2_naming_log_dirs() {
    // log.dirs under a regular file cannot be created: status 2 and `log.dirs` named, like
    // any other bad setting (not a runtime failure, status 1).
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("a-file");
    std::fs::write(&file, b"not a directory").unwrap();
    let output = run_strom(&[
        "--override",
        "listeners=PLAINTEXT://127.0.0.1:0",
        "--override",
        &format!("log.dirs={}", file.join("data").display()),
    ]);
    assert_exits_2_naming(&output, &["log.dirs"]);
}

/// A strom process this test started; killed (SIGKILL) if the test ends without reaping it.
struct Strom(Child);

impl Drop for Strom {
    fn drop(&mut self) {
        if let Ok(None) = self.0.try_wait() {
            let _ = self.0.kill();
            let _ = self.0.wait();
        }
    }
}

impl Strom {
    fn terminate(&self) {
        let pid = libc::pid_t::try_from(self.0.id()).unwrap();
        // SAFETY: kill(2) on the pid of a child this test spawned and has not yet reaped.
        assert_eq!(unsafe { libc::kill(pid, libc::SIGTERM) }, 0);
    }

    /// Waits for the process to exit; its exit status code.
    fn wait(&mut self) -> Option<i32> {
        self.0.wait().expect("waits for strom").code()
    }
}

/// A strom process serving on a free loopback port with data in `dir`, and its address,
/// read from its "strom is serving" log line. The rest of its log is drained in a thread.
fn spawn_strom(dir: &Path) -> (Strom, SocketAddr) {
    let child = Command::new(STROM)
        .args([
            "--override",
            "listeners=PLAINTEXT://127.0.0.1:0",
            "--override",
            &format!("log.dirs={}", dir.display()),
        ])
        .env("NO_COLOR", "1")
        .env("RUST_LOG", "info")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("strom starts");
    let mut strom = Strom(child);
    let mut log = BufReader::new(strom.0.stdout.take().unwrap());
    let mut line = String::new();
    let addr = loop {
        line.clear();
        assert_ne!(
            log.read_line(&mut line).unwrap(),
            0,
            "strom exited before serving"
        );
        if let Some((_, rest)) = line.split_once("local_addr=") {
            let addr: String = rest.chars().take_while(|c| !c.is_whitespace()).collect();
            break addr.parse().expect("a socket address");
        }
    };
    std::thread::spawn(move || std::io::copy(&mut log, &mut std::io::sink()));
    (strom, addr)
}

const REQUESTS: usize = 200;
const RECORDS_PER_REQUEST: usize = 5;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_answers_what_was_read_exits_0_and_keeps_the_data() {
    // 200 acks=all produce requests are pipelined on one connection; SIGTERM arrives after
    // the first answer, while the rest are in flight. Every request strom read is answered
    // (in order, no errors), the connection then closes, strom exits with status 0, and a
    // restarted strom holds exactly the answered records.
    let dir = tempfile::tempdir().unwrap();
    let (mut strom, addr) = spawn_strom(dir.path());
    let mut client = Client::connect(addr).await;
    create_topic_ok(&mut client, "sigterm", 1).await;
    let mut ids = Vec::new();
    for request in 0..REQUESTS {
        let values: Vec<String> = (0..RECORDS_PER_REQUEST)
            .map(|i| format!("r{request}-{i}"))
            .collect();
        let records: Vec<_> = values.iter().map(|v| (None, Some(v.as_str()))).collect();
        let batch = common::batch(&records, 1_000, strom_protocol::records::Compression::None);
        ids.push(
            client
                .send(9, common::produce_request_body("sigterm", batch))
                .await,
        );
    }
    let mut answered = 0;
    loop {
        let Ok(frame) = client.read_frame().await else {
            break; // the broker closed the connection after its last answer
        };
        let (header, body) =
            strom_protocol::decode_response(&frame, ApiKey::Produce, 9).expect("decodes");
        assert_eq!(
            header.correlation_id, ids[answered],
            "answers in request order"
        );
        let ResponseBody::Produce(response) = body else {
            panic!("not a produce answer")
        };
        let partition = &response.responses[0].partition_responses[0];
        assert_eq!(
            (partition.error_code, partition.base_offset),
            (0, (answered * RECORDS_PER_REQUEST) as i64)
        );
        answered += 1;
        if answered == 1 {
            strom.terminate();
        }
    }
    assert!(answered >= 1);
    eprintln!("{answered} of {REQUESTS} produce requests answered before the connection closed");
    assert_eq!(strom.wait(), Some(0), "exit status after SIGTERM");

    let (mut restarted, addr) = spawn_strom(dir.path());
    let mut client = Client::connect(addr).await;
    let stored = read_values(&mut client, "sigterm", 0, 0).await;
    let want: Vec<(i64, String)> = (0..answered * RECORDS_PER_REQUEST)
        .map(|n| {
            let (request, i) = (n / RECORDS_PER_REQUEST, n % RECORDS_PER_REQUEST);
            (n as i64, format!("r{request}-{i}"))
        })
        .collect();
    assert_eq!(stored, want, "{answered} of {REQUESTS} requests answered");
    drop(client);
    restarted.terminate();
    assert_eq!(restarted.wait(), Some(0));
}
