//! The allocation bound, proven on stable with a counting global allocator: decoding
//! never allocates in proportion to a length or count the input *claims*, only in
//! proportion to the bytes it *has*.
//!
//! The bounds asserted (peak bytes live at once during the call, the result included):
//! - a request frame of `n` bytes: `peak <= REQUEST_BYTES_PER_INPUT_BYTE * n + SLACK_BYTES`.
//!   An array element occupies at least one input byte but a decoded struct is up to a few
//!   hundred bytes, and that ratio is the constant;
//! - an uncompressed record batch of `n` bytes:
//!   `peak <= RECORD_BYTES_PER_INPUT_BYTE * n + n + SLACK_BYTES` (the copy of the section and
//!   the decoded records);
//! - a compressed bomb refused by the decompression limit `limit`:
//!   `peak <= 3 * limit + 2 * n + CODEC_STATE_BYTES`. The output buffer grows by doubling
//!   up to `limit + 1` bytes (so its capacity reaches 2 * limit), a growing reallocation is
//!   counted with the old and the new block live at once, and the decompressor keeps a
//!   fixed state (zlib window, zstd context).
//!
//! So a 2^31 length prefix inside a 100-byte frame costs at most a few kilobytes, not 2 GiB.
//! The counters are per thread, so tests running in parallel do not disturb each other.

use bytes::{Bytes, BytesMut};
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use strom_protocol::arbitrary::Rng;
use strom_protocol::records::{
    self, BatchBuilder, Compression, RecordError, RecordHeader, BATCH_HEADER_LEN,
};
use strom_protocol::{decode_request, encode_request, ApiKey, RequestBody, RequestHeader};

/// Bytes a decoded request may hold per input byte (the largest generated element struct
/// is below this, and each element takes at least one input byte).
const REQUEST_BYTES_PER_INPUT_BYTE: usize = 256;
/// Bytes decoded records may hold per byte of records section.
const RECORD_BYTES_PER_INPUT_BYTE: usize = 64;
/// Fixed overhead: the top-level structs, error values, small buffers.
const SLACK_BYTES: usize = 16 * 1024;
/// State of a decompressor (zlib window and tables, zstd context): fixed, not per byte.
const CODEC_STATE_BYTES: usize = 256 * 1024;

struct Counting;

thread_local! {
    /// Largest peak / frame length seen by check_request on this thread.
    static WORST_RATIO: Cell<usize> = const { Cell::new(0) };
    static CURRENT: Cell<usize> = const { Cell::new(0) };
    static PEAK: Cell<usize> = const { Cell::new(0) };
}

fn grow(bytes: usize) {
    let _ = CURRENT.try_with(|current| {
        let now = current.get().saturating_add(bytes);
        current.set(now);
        let _ = PEAK.try_with(|peak| peak.set(peak.get().max(now)));
    });
}

fn shrink(bytes: usize) {
    let _ = CURRENT.try_with(|current| current.set(current.get().saturating_sub(bytes)));
}

// SAFETY: every call is forwarded to the system allocator unchanged; the wrapper only counts.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc(layout);
        if !ptr.is_null() {
            grow(layout.size());
        }
        ptr
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let ptr = System.alloc_zeroed(layout);
        if !ptr.is_null() {
            grow(layout.size());
        }
        ptr
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        System.dealloc(ptr, layout);
        shrink(layout.size());
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let new = System.realloc(ptr, layout, new_size);
        if !new.is_null() {
            // Counted as if old and new blocks were live at once, as they are when moved.
            grow(new_size);
            shrink(layout.size());
        }
        new
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// Peak bytes allocated and live at once while `f` runs, its result included.
fn peak_of<T>(f: impl FnOnce() -> T) -> usize {
    let base = CURRENT.with(Cell::get);
    PEAK.with(|peak| peak.set(base));
    let result = f();
    let peak = PEAK.with(Cell::get) - base;
    drop(result);
    peak
}

fn request_bound(frame_len: usize) -> usize {
    REQUEST_BYTES_PER_INPUT_BYTE * frame_len + SLACK_BYTES
}

/// Decodes `frame` and asserts the request bound; returns the peak.
fn check_request(frame: &Bytes, what: &dyn Fn() -> String) -> usize {
    let peak = peak_of(|| decode_request(frame));
    let ratio = peak / frame.len().max(1);
    WORST_RATIO.with(|worst| worst.set(worst.get().max(ratio)));
    assert!(
        peak <= request_bound(frame.len()),
        "{}: {peak} bytes allocated for a {}-byte frame (bound {})",
        what(),
        frame.len(),
        request_bound(frame.len())
    );
    peak
}

/// A valid frame (without size prefix) of a random request of `api_key` at `version`.
fn random_frame(rng: &mut Rng, api_key: ApiKey, version: i16) -> Option<Bytes> {
    let body = RequestBody::arbitrary(rng, api_key, version);
    let header = RequestHeader {
        api_key: api_key as i16,
        api_version: version,
        correlation_id: 1,
        client_id: Some("alloc".into()),
        ..Default::default()
    };
    let mut buf = BytesMut::new();
    encode_request(&mut buf, &header, &body).ok()?;
    Some(buf.freeze().slice(4..))
}

/// Every supported (api key, version).
fn all_versions() -> impl Iterator<Item = (ApiKey, i16)> {
    ApiKey::ALL
        .iter()
        .flat_map(|&k| (k.min_version()..=k.max_version()).map(move |v| (k, v)))
}

/// Byte patterns that claim huge sizes: a 2^31-1 int32 length or count, a -2 length, a
/// 5-byte varint of 2^32-1 (compact length 2^32-2), and a 2^31 varint.
const HUGE_CLAIMS: &[&[u8]] = &[
    &[0x7f, 0xff, 0xff, 0xff],
    &[0xff, 0xff, 0xff, 0xfe],
    &[0xff, 0xff, 0xff, 0xff, 0x0f],
    &[0x80, 0x80, 0x80, 0x80, 0x08],
    &[0x7f, 0xff],
];

#[test]
fn length_prefix_of_2_31_in_a_100_byte_frame() {
    // For every API and version: a 100-byte frame whose body is a huge claim followed by
    // zeros decodes to an error (or a small value) within the bound, never 2 GiB.
    let mut worst = 0;
    for (api_key, version) in all_versions() {
        for claim in HUGE_CLAIMS {
            let mut frame = Vec::with_capacity(100);
            frame.extend_from_slice(&(api_key as i16).to_be_bytes());
            frame.extend_from_slice(&version.to_be_bytes());
            frame.extend_from_slice(&1i32.to_be_bytes());
            frame.extend_from_slice(&[0, 1, b'x']);
            if api_key.request_header_version(version) >= 2 {
                frame.push(0);
            }
            frame.extend_from_slice(claim);
            frame.resize(100, 0);
            let frame = Bytes::from(frame);
            let peak = check_request(&frame, &|| format!("{api_key:?} v{version} {claim:x?}"));
            worst = worst.max(peak);
        }
    }
    // The point of the exercise, stated absolutely: a few KiB, not a claimed gigabyte.
    assert!(worst <= request_bound(100), "worst {worst}");
    println!("worst peak for a 100-byte frame with a huge claim: {worst} bytes");
}

#[test]
fn mutated_requests_of_every_api_stay_within_the_bound() {
    // Random valid requests of every API and version, each with huge claims written at
    // every offset, and truncated at every length: decoding stays within the bound.
    let seed = 0xa110_c8ed;
    let mut rng = Rng::new(seed);
    let mut frames = 0usize;
    for (api_key, version) in all_versions() {
        for _ in 0..3 {
            let Some(valid) = random_frame(&mut rng, api_key, version) else {
                continue;
            };
            let label = || format!("seed {seed:#x} {api_key:?} v{version}");
            check_request(&valid, &label);
            for at in 8..valid.len() {
                for claim in HUGE_CLAIMS {
                    let mut mutated = valid.to_vec();
                    let end = (at + claim.len()).min(mutated.len());
                    mutated[at..end].copy_from_slice(&claim[..end - at]);
                    let mutated = Bytes::from(mutated);
                    check_request(&mutated, &|| format!("{} claim at {at}", label()));
                    frames += 1;
                }
                // The largest count the remaining bytes allow, in int32 and varint form:
                // the most a decoder may reserve for one array.
                let mut counted = valid.to_vec();
                let left = counted.len().saturating_sub(at + 4) as i32;
                if at + 4 <= counted.len() {
                    counted[at..at + 4].copy_from_slice(&left.to_be_bytes());
                    let counted = Bytes::from(counted);
                    check_request(&counted, &|| format!("{} count at {at}", label()));
                }
                let mut compact = valid.to_vec();
                let left = compact.len().saturating_sub(at + 2) as u32 + 1;
                if at + 2 <= compact.len() && left < 1 << 14 {
                    compact[at] = (left as u8 & 0x7f) | 0x80;
                    compact[at + 1] = (left >> 7) as u8;
                    let compact = Bytes::from(compact);
                    check_request(&compact, &|| format!("{} compact count at {at}", label()));
                }
                let cut = valid.slice(..at);
                check_request(&cut, &|| format!("{} cut at {at}", label()));
            }
        }
    }
    assert!(frames > 10_000, "only {frames} mutated frames");
    let ratio = WORST_RATIO.with(Cell::get);
    println!("{frames} mutated frames; worst peak per input byte: {ratio}");
}

#[test]
fn random_frames_stay_within_the_bound() {
    // 20,000 frames of random bytes behind a valid header of a random API and version.
    let seed = 0x5eed_a110;
    let mut rng = Rng::new(seed);
    let versions: Vec<(ApiKey, i16)> = all_versions().collect();
    for case in 0..20_000 {
        let (api_key, version) = versions[rng.below(versions.len() as u64) as usize];
        let mut frame = Vec::new();
        frame.extend_from_slice(&(api_key as i16).to_be_bytes());
        frame.extend_from_slice(&version.to_be_bytes());
        frame.extend_from_slice(&[0, 0, 0, 1, 0xff, 0xff]);
        if api_key.request_header_version(version) >= 2 {
            frame.push(0);
        }
        let len = rng.below(200) as usize;
        frame.extend((0..len).map(|_| {
            // Mostly small bytes, so that lengths and counts are plausible and parsing goes deep.
            match rng.below(4) {
                0 => rng.next_u64() as u8,
                _ => rng.below(3) as u8,
            }
        }));
        let frame = Bytes::from(frame);
        check_request(&frame, &|| format!("seed {seed:#x} case {case}"));
    }
    let ratio = WORST_RATIO.with(Cell::get);
    println!("worst peak per input byte: {ratio}");
}

// ---- record batches --------------------------------------------------------------------

/// Recomputes the CRC-32C of a batch after its bytes were changed.
fn fix_crc(batch: &mut [u8]) {
    let crc = crc32c::crc32c(&batch[21..]);
    batch[17..21].copy_from_slice(&crc.to_be_bytes());
}

/// Decodes the uncompressed `batch` and asserts the bound for its size.
fn check_records(batch: &[u8]) -> usize {
    let peak = peak_of(|| records::decode_records_with_limit(batch, usize::MAX));
    let bound = (RECORD_BYTES_PER_INPUT_BYTE + 1) * batch.len() + SLACK_BYTES;
    assert!(
        peak <= bound,
        "{peak} bytes for a {}-byte batch (bound {bound})",
        batch.len()
    );
    peak
}

fn sample_batch(codec: Compression) -> Vec<u8> {
    let mut builder = BatchBuilder::new(codec);
    for i in 0..4u8 {
        let header = RecordHeader {
            key: "h".into(),
            value: Some(Bytes::from(vec![i; 2])),
        };
        builder
            .append(i64::from(i), Some(&[i]), Some(&[i; 10]), vec![header])
            .unwrap();
    }
    builder.build().unwrap()
}

#[test]
fn huge_record_counts_and_lengths_stay_within_the_bound() {
    // An uncompressed batch with records_count 2^31-1, and huge claims written over every
    // byte of its records (CRC fixed), decodes within the bound of its own size.
    let valid = sample_batch(Compression::None);
    let mut counted = valid.clone();
    counted[57..61].copy_from_slice(&i32::MAX.to_be_bytes());
    fix_crc(&mut counted);
    assert!(records::decode_records(&counted).is_err());
    let mut worst = check_records(&counted);
    for at in BATCH_HEADER_LEN..valid.len() {
        for claim in HUGE_CLAIMS {
            let mut mutated = valid.clone();
            let end = (at + claim.len()).min(mutated.len());
            mutated[at..end].copy_from_slice(&claim[..end - at]);
            fix_crc(&mut mutated);
            worst = worst.max(check_records(&mutated));
        }
    }
    println!("worst peak for a {}-byte batch: {worst} bytes", valid.len());
}

#[test]
fn compressed_bombs_stop_at_the_decompression_limit() {
    // 16 MiB of zeros packs into a few KiB with every codec; decoding with a 1 MiB limit
    // fails with DecompressedTooLarge having allocated at most three times the limit.
    const LIMIT: usize = 1 << 20;
    let zeros = vec![0u8; 16 << 20];
    for codec in [
        Compression::Gzip,
        Compression::Snappy,
        Compression::Lz4,
        Compression::Zstd,
    ] {
        let packed = records::compress(codec, &zeros).unwrap();
        let mut batch = sample_batch(codec);
        batch.truncate(BATCH_HEADER_LEN);
        batch.extend_from_slice(&packed);
        let batch_length = (batch.len() - 12) as i32;
        batch[8..12].copy_from_slice(&batch_length.to_be_bytes());
        fix_crc(&mut batch);
        assert!(batch.len() < 1 << 20, "{codec:?} packed to {}", batch.len());
        let peak = peak_of(|| records::decode_records_with_limit(&batch, LIMIT));
        assert_eq!(
            records::decode_records_with_limit(&batch, LIMIT),
            Err(RecordError::DecompressedTooLarge { limit: LIMIT }),
            "{codec:?}"
        );
        let bound = 3 * LIMIT + 2 * batch.len() + CODEC_STATE_BYTES;
        assert!(peak <= bound, "{codec:?}: {peak} bytes (bound {bound})");
        println!("{codec:?}: {}-byte bomb, peak {peak} bytes", batch.len());
    }
}
