//! criterion benchmarks of the partition log: append and read throughput for 1 KiB and
//! 1 MiB batches, and what an fsync costs per append alone versus shared by a group commit.
//! Run: `cargo bench --bench log` (results in target/criterion).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use std::time::{Duration, Instant};
use strom::log::{LogConfig, PartitionLog};
use strom_protocol::records::{BatchBuilder, Compression};

/// One uncompressed batch of `records` records of `size` bytes each.
fn batch(records: usize, size: usize) -> Vec<u8> {
    let value = vec![b'x'; size];
    let mut builder = BatchBuilder::new(Compression::None);
    for i in 0..records {
        builder
            .append(
                1_700_000_000_000 + i as i64,
                Some(b"key"),
                Some(&value),
                Vec::new(),
            )
            .unwrap();
    }
    builder.build().unwrap()
}

fn append(c: &mut Criterion) {
    let mut group = c.benchmark_group("append");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for (name, template) in [
        ("1KiB", batch(1, 1024)),
        ("1MiB", batch(16, 64 * 1024 - 64)),
    ] {
        group.throughput(Throughput::Bytes(template.len() as u64));
        group.bench_function(name, |b| {
            b.iter_custom(|iters| {
                let dir = tempfile::tempdir().unwrap();
                let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
                let mut scratch = template.clone();
                let start = Instant::now();
                for _ in 0..iters {
                    scratch.copy_from_slice(&template);
                    log.append(&mut scratch, 0).unwrap();
                }
                start.elapsed()
            })
        });
    }
    group.finish();
}

fn read(c: &mut Criterion) {
    let mut group = c.benchmark_group("read");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    for (name, template, max_bytes) in [
        ("1KiB-batches", batch(1, 1024), 1 << 20),
        ("1MiB-batches", batch(16, 64 * 1024 - 64), 1 << 20),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
        let total = 256 << 20;
        let mut written = 0;
        while written < total {
            log.append(&mut template.clone(), 0).unwrap();
            written += template.len();
        }
        group.throughput(Throughput::Bytes(written as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let mut offset = 0;
                let mut bytes = 0;
                while offset < log.log_end_offset() {
                    let slice = log.read(offset, max_bytes, true).unwrap();
                    bytes += slice.records.len();
                    offset = slice.next_offset;
                }
                assert_eq!(bytes, written);
            })
        });
    }
    group.finish();
}

fn fsync(c: &mut Criterion) {
    let mut group = c.benchmark_group("fsync");
    group
        .sample_size(10)
        .measurement_time(Duration::from_secs(5));
    let template = batch(1, 1024);
    for per_fsync in [1usize, 64] {
        group.throughput(Throughput::Bytes((template.len() * per_fsync) as u64));
        group.bench_function(format!("{per_fsync}x1KiB-per-fsync"), |b| {
            let dir = tempfile::tempdir().unwrap();
            let mut log = PartitionLog::open(dir.path(), LogConfig::default()).unwrap();
            b.iter_batched(
                || template.clone(),
                |mut scratch| {
                    for _ in 0..per_fsync {
                        scratch.copy_from_slice(&template);
                        log.append(&mut scratch, 0).unwrap();
                    }
                    log.sync_handle().unwrap().sync_data().unwrap();
                },
                BatchSize::SmallInput,
            )
        });
    }
    group.finish();
}

criterion_group!(benches, append, read, fsync);
criterion_main!(benches);
