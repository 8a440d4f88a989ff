//! Idempotent producers over TCP: InitProducerId hands out ids that survive restarts, and
//! retried batches land once whatever happens between the tries.

mod common;

use common::*;
use strom_protocol::ErrorCode;

const OUT_OF_ORDER: i16 = ErrorCode::OUT_OF_ORDER_SEQUENCE_NUMBER.0;
const FENCED: i16 = ErrorCode::INVALID_PRODUCER_EPOCH.0;

/// Ids are distinct, epoch 0, and a restarted broker never hands out an id again.
/// Transactional producers are refused with a final error.
#[tokio::test]
async fn init_producer_id_allocates_unique_ids() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    let mut ids = Vec::new();
    for _ in 0..5 {
        let (error, id, epoch) = init_producer_id(&mut client, None).await;
        assert_eq!((error, epoch), (0, 0));
        ids.push(id);
    }
    assert_eq!(ids, vec![0, 1, 2, 3, 4]);
    assert_eq!(
        init_producer_id(&mut client, Some("txn-1")).await,
        (ErrorCode::INVALID_REQUEST.0, -1, -1)
    );
    drop(client);
    server.shutdown().await;

    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    let (error, id, _) = init_producer_id(&mut client, None).await;
    assert_eq!(error, 0);
    assert_eq!(id, strom::txn::BLOCK_SIZE, "a restart starts a new block");
    server.shutdown().await;
}

/// A retried batch is answered with its first offset and stored once; gaps and old epochs
/// are refused; the sequence state survives a clean restart.
#[tokio::test]
async fn retries_land_once_and_gaps_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "idem", 1).await;
    let (_, pid, epoch) = init_producer_id(&mut client, None).await;
    let b0 = producer_batch(pid, epoch, 0, &["a", "b"]);
    let b1 = producer_batch(pid, epoch, 2, &["c"]);
    assert_eq!(
        produce_one(&mut client, "idem", 0, b0.clone(), -1).await,
        (0, 0)
    );
    assert_eq!(
        produce_one(&mut client, "idem", 0, b1.clone(), -1).await,
        (0, 2)
    );
    // Retries of either of the last batches: success with the original offsets.
    assert_eq!(
        produce_one(&mut client, "idem", 0, b0.clone(), -1).await,
        (0, 0)
    );
    assert_eq!(
        produce_one(&mut client, "idem", 0, b1.clone(), 1).await,
        (0, 2)
    );
    // A gap, and an older sequence that is not one of the cached batches.
    let gap = producer_batch(pid, epoch, 5, &["x"]);
    assert_eq!(
        produce_one(&mut client, "idem", 0, gap, -1).await,
        (OUT_OF_ORDER, -1)
    );
    let stale = producer_batch(pid, epoch, 1, &["y"]);
    assert_eq!(
        produce_one(&mut client, "idem", 0, stale, -1).await,
        (OUT_OF_ORDER, -1)
    );
    // A newer epoch starts at 0; then the old epoch is fenced.
    let e1 = producer_batch(pid, epoch + 1, 0, &["d"]);
    assert_eq!(produce_one(&mut client, "idem", 0, e1, -1).await, (0, 3));
    let old = producer_batch(pid, epoch, 3, &["z"]);
    assert_eq!(
        produce_one(&mut client, "idem", 0, old, -1).await,
        (FENCED, -1)
    );
    let expected: Vec<(i64, String)> = ["a", "b", "c", "d"]
        .iter()
        .enumerate()
        .map(|(i, v)| (i as i64, v.to_string()))
        .collect();
    assert_eq!(read_values(&mut client, "idem", 0, 0).await, expected);
    drop(client);
    server.shutdown().await;

    let server = start_broker(dir.path(), &[]).await;
    let mut client = Client::connect(server.local_addr).await;
    let retry = producer_batch(pid, epoch + 1, 0, &["d"]);
    assert_eq!(produce_one(&mut client, "idem", 0, retry, -1).await, (0, 3));
    let next = producer_batch(pid, epoch + 1, 1, &["e"]);
    assert_eq!(produce_one(&mut client, "idem", 0, next, -1).await, (0, 4));
    assert_eq!(
        read_values(&mut client, "idem", 0, 4).await,
        vec![(4, "e".to_string())]
    );
    server.shutdown().await;
}

/// Producer state rolls with segments: with tiny segments every batch rolls, snapshots are
/// taken on each roll, and after a restart duplicates of each of the last five batches are
/// still recognised.
#[tokio::test]
async fn duplicates_detected_across_segments_and_restart() {
    let dir = tempfile::tempdir().unwrap();
    let server = start_broker(dir.path(), &["log.segment.bytes=100"]).await;
    let mut client = Client::connect(server.local_addr).await;
    create_topic_ok(&mut client, "rolled", 1).await;
    let pid = 77;
    let batches: Vec<_> = (0..8)
        .map(|i| producer_batch(pid, 0, i, &[&format!("v{i}")]))
        .collect();
    for (i, b) in batches.iter().enumerate() {
        assert_eq!(
            produce_one(&mut client, "rolled", 0, b.clone(), -1).await,
            (0, i as i64)
        );
    }
    drop(client);
    server.shutdown().await;
    let snapshots = std::fs::read_dir(dir.path().join("rolled-0"))
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "snapshot")
        })
        .count();
    assert_eq!(snapshots, 2, "the newest two snapshots are kept");

    let server = start_broker(dir.path(), &["log.segment.bytes=100"]).await;
    let mut client = Client::connect(server.local_addr).await;
    for (i, b) in batches.iter().enumerate().skip(3) {
        assert_eq!(
            produce_one(&mut client, "rolled", 0, b.clone(), -1).await,
            (0, i as i64)
        );
    }
    assert_eq!(
        produce_one(&mut client, "rolled", 0, batches[2].clone(), -1).await,
        (OUT_OF_ORDER, -1),
        "older than the cached five"
    );
    assert_eq!(read_values(&mut client, "rolled", 0, 0).await.len(), 8);
    server.shutdown().await;
}
