//! Deterministic fuzz-like tests: random and mutated inputs through every entry point of
//! the records module must produce values or errors, never panics or huge allocations.
//! The seed is fixed and printed on failure so a case can be replayed.

use super::header::write_crc;
use super::*;

/// xorshift64*: small, deterministic, good enough to scatter bytes.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn bytes(&mut self, len: usize) -> Vec<u8> {
        (0..len).map(|_| self.next() as u8).collect()
    }
}

const CODECS: [Compression; 5] = [
    Compression::None,
    Compression::Gzip,
    Compression::Snappy,
    Compression::Lz4,
    Compression::Zstd,
];

/// Runs every parser over `input`; only panics matter, results are discarded.
fn exercise(input: &[u8]) {
    let _ = BatchHeader::parse(input);
    let _ = validate_batch(input);
    let _ = decode_records_with_limit(input, 1 << 20);
    let _ = EndTxnMarker::from_batch(input);
    for (_, batch) in batches(input).flatten() {
        let _ = decode_records_with_limit(batch, 1 << 20);
    }
}

#[test]
fn random_bytes_never_panic() {
    // 10,000 random inputs of 0..300 bytes, some with a plausible header, are handled.
    let seed = 0x5eed_0001;
    let mut rng = Rng(seed);
    for case in 0..10_000 {
        let len = rng.below(300);
        let mut input = rng.bytes(len);
        if input.len() >= BATCH_HEADER_LEN && case % 2 == 0 {
            // Make the header consistent so parsing reaches the records.
            let batch_length = (input.len() - 12) as i32;
            input[8..12].copy_from_slice(&batch_length.to_be_bytes());
            input[16] = 2;
            input[21] = 0;
            input[22] &= 0x07;
            input[22] %= 5;
            write_crc(&mut input);
        }
        let result = std::panic::catch_unwind(|| exercise(&input));
        assert!(result.is_ok(), "seed {seed:#x} case {case} input {input:?}");
    }
}

#[test]
fn mutated_batches_never_panic() {
    // 10,000 single-batch mutations (bytes flipped, CRC fixed) of every codec decode or fail.
    let seed = 0x5eed_0002;
    let mut rng = Rng(seed);
    let originals: Vec<Vec<u8>> = CODECS
        .iter()
        .map(|&codec| {
            let mut builder = BatchBuilder::new(codec).producer(1, 0, 0);
            for i in 0..5u8 {
                let header = RecordHeader {
                    key: "h".into(),
                    value: Some(bytes::Bytes::from(vec![i; 3])),
                };
                builder
                    .append(i64::from(i), Some(&[i]), Some(&[i; 20]), vec![header])
                    .unwrap();
            }
            builder.build().unwrap()
        })
        .collect();
    for case in 0..10_000 {
        let mut batch = originals[case % originals.len()].clone();
        for _ in 0..1 + rng.below(4) {
            let at = BATCH_HEADER_LEN - 4 + rng.below(batch.len() - BATCH_HEADER_LEN + 4);
            batch[at] = rng.next() as u8;
        }
        write_crc(&mut batch);
        let result = std::panic::catch_unwind(|| exercise(&batch));
        assert!(result.is_ok(), "seed {seed:#x} case {case} batch {batch:?}");
    }
}

#[test]
fn random_streams_never_panic_any_codec() {
    // 2,000 random buffers per codec, some behind a xerial header, decompress or fail.
    let seed = 0x5eed_0003;
    let mut rng = Rng(seed);
    for case in 0..2_000 {
        let len = rng.below(200);
        let mut input = rng.bytes(len);
        if case % 4 == 0 {
            let mut framed = vec![
                0x82, b'S', b'N', b'A', b'P', b'P', b'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1,
            ];
            framed.append(&mut input);
            input = framed;
        }
        for codec in CODECS {
            let result = std::panic::catch_unwind(|| decompress(codec, &input, 1 << 20));
            assert!(
                result.is_ok(),
                "seed {seed:#x} case {case} {codec:?} input {input:?}"
            );
        }
    }
}
