//! Record batches: parsing, validation, iteration over concatenated batches, record decoding
//! and the four decompressors never panic, and decompression stays within its limit.
//!
//! Random bytes rarely pass the CRC, so the input is also tried with its length field and
//! CRC-32C fixed up, which lets the fuzzer reach the records and the codecs behind them.
#![no_main]

use bytes::Bytes;
use libfuzzer_sys::fuzz_target;
use strom_protocol::records::{self, Compression, RecordError, BATCH_HEADER_LEN};

const LIMIT: usize = 1 << 20;

fn exercise(input: &[u8]) {
    let _ = records::BatchHeader::parse(input);
    let _ = records::validate_batch(input);
    for (_, batch) in records::batches(input).flatten() {
        check(records::decode_records_with_limit(batch, LIMIT));
    }
    check(records::decode_records_shared(
        &Bytes::copy_from_slice(input),
        LIMIT,
    ));
}

fn check(result: Result<Vec<records::Record>, RecordError>) {
    if let Err(RecordError::DecompressedTooLarge { limit }) = result {
        assert_eq!(limit, LIMIT);
    }
}

fuzz_target!(|data: &[u8]| {
    exercise(data);
    if data.len() >= BATCH_HEADER_LEN {
        let mut fixed = data.to_vec();
        let batch_length = (fixed.len() - 12) as i32;
        fixed[8..12].copy_from_slice(&batch_length.to_be_bytes());
        fixed[16] = 2;
        let crc = crc32c::crc32c(&fixed[21..]);
        fixed[17..21].copy_from_slice(&crc.to_be_bytes());
        exercise(&fixed);
    }
    for codec in [
        Compression::Gzip,
        Compression::Snappy,
        Compression::Lz4,
        Compression::Zstd,
    ] {
        if let Ok(out) = records::decompress(codec, data, LIMIT) {
            assert!(out.len() <= LIMIT);
        }
    }
});
