//! The four batch compression codecs, applied to the records section of a batch (the bytes
//! after the 61-byte header).
//!
//! What is written matches what the Java client writes, so any consumer can read it: gzip
//! members, snappy in the xerial stream framing (snappy-java's `SnappyOutputStream`), LZ4
//! frames with independent 64 KiB blocks and no checksums or content size (Kafka's own LZ4
//! stream accepts nothing fancier), and zstd at level 3. Decompression also accepts raw
//! snappy blocks, which librdkafka and other clients produce.
//!
//! Invariant: decompression never produces more than the caller's limit, and it allocates
//! as it goes rather than trusting a size claimed by the input, so a small batch cannot
//! claim gigabytes of memory.

use super::error::RecordError;
use super::header::Compression;
use std::io::{Read, Write};

/// Default bound on the decompressed size of one batch's records.
pub const DEFAULT_DECOMPRESSION_LIMIT: usize = 256 << 20;

/// Start of a xerial (snappy-java) stream: magic, then version and compatible version.
const XERIAL_MAGIC: [u8; 8] = [0x82, b'S', b'N', b'A', b'P', b'P', b'Y', 0];
const XERIAL_HEADER_LEN: usize = 16;
const XERIAL_VERSION: i32 = 1;
const XERIAL_MIN_COMPATIBLE_VERSION: i32 = 1;
/// snappy-java's default uncompressed block size.
const XERIAL_BLOCK_LEN: usize = 32 * 1024;
/// Kafka's default zstd level.
const ZSTD_LEVEL: i32 = 3;

fn codec_error(codec: &str, err: impl std::fmt::Display) -> RecordError {
    RecordError::Compression(format!("{codec}: {err}"))
}

/// Compresses `data` with `codec` (the identity for `None`).
pub fn compress(codec: Compression, data: &[u8]) -> Result<Vec<u8>, RecordError> {
    match codec {
        Compression::None => Ok(data.to_vec()),
        Compression::Gzip => {
            let mut encoder =
                flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            encoder
                .write_all(data)
                .map_err(|e| codec_error("gzip", e))?;
            encoder.finish().map_err(|e| codec_error("gzip", e))
        }
        Compression::Snappy => snappy_xerial_compress(data),
        Compression::Lz4 => {
            let info = lz4_flex::frame::FrameInfo::new()
                .block_size(lz4_flex::frame::BlockSize::Max64KB)
                .block_mode(lz4_flex::frame::BlockMode::Independent);
            let mut encoder = lz4_flex::frame::FrameEncoder::with_frame_info(info, Vec::new());
            encoder.write_all(data).map_err(|e| codec_error("lz4", e))?;
            encoder.finish().map_err(|e| codec_error("lz4", e))
        }
        Compression::Zstd => {
            zstd::bulk::compress(data, ZSTD_LEVEL).map_err(|e| codec_error("zstd", e))
        }
    }
}

/// Decompresses `data` compressed with `codec`, refusing output above `limit` bytes.
pub fn decompress(codec: Compression, data: &[u8], limit: usize) -> Result<Vec<u8>, RecordError> {
    match codec {
        Compression::None if data.len() > limit => Err(RecordError::DecompressedTooLarge { limit }),
        Compression::None => Ok(data.to_vec()),
        Compression::Gzip => read_bounded("gzip", flate2::read::MultiGzDecoder::new(data), limit),
        Compression::Snappy => snappy_decompress(data, limit),
        Compression::Lz4 => read_bounded("lz4", lz4_flex::frame::FrameDecoder::new(data), limit),
        Compression::Zstd => {
            let decoder =
                zstd::stream::read::Decoder::new(data).map_err(|e| codec_error("zstd", e))?;
            read_bounded("zstd", decoder, limit)
        }
    }
}

/// Reads a decoder to its end, stopping one byte past `limit` to detect an oversize result.
fn read_bounded(codec: &str, reader: impl Read, limit: usize) -> Result<Vec<u8>, RecordError> {
    let mut out = Vec::new();
    let cap = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader
        .take(cap)
        .read_to_end(&mut out)
        .map_err(|e| codec_error(codec, e))?;
    if out.len() > limit {
        return Err(RecordError::DecompressedTooLarge { limit });
    }
    Ok(out)
}

/// Writes the xerial framing: header, then one length-prefixed raw snappy block per 32 KiB.
fn snappy_xerial_compress(data: &[u8]) -> Result<Vec<u8>, RecordError> {
    let mut out =
        Vec::with_capacity(XERIAL_HEADER_LEN + snap::raw::max_compress_len(data.len()) + 8);
    out.extend_from_slice(&XERIAL_MAGIC);
    out.extend_from_slice(&XERIAL_VERSION.to_be_bytes());
    out.extend_from_slice(&XERIAL_MIN_COMPATIBLE_VERSION.to_be_bytes());
    let mut encoder = snap::raw::Encoder::new();
    for chunk in data.chunks(XERIAL_BLOCK_LEN) {
        let block = encoder
            .compress_vec(chunk)
            .map_err(|e| codec_error("snappy", e))?;
        let block_len = i32::try_from(block.len()).map_err(|e| codec_error("snappy", e))?;
        out.extend_from_slice(&block_len.to_be_bytes());
        out.extend_from_slice(&block);
    }
    Ok(out)
}

/// Accepts either a xerial stream (Java clients) or one raw snappy block (librdkafka etc.).
fn snappy_decompress(data: &[u8], limit: usize) -> Result<Vec<u8>, RecordError> {
    if !data.starts_with(&XERIAL_MAGIC) {
        let mut out = Vec::new();
        snappy_block_into(data, &mut out, limit)?;
        return Ok(out);
    }
    let mut out = Vec::new();
    let mut rest = data;
    while !rest.is_empty() {
        // snappy-java reads concatenated streams, each with its own header; a block length
        // never starts with 0x82 (it would be negative), so the check is unambiguous.
        if rest.starts_with(&XERIAL_MAGIC) {
            if rest.len() < XERIAL_HEADER_LEN {
                return Err(codec_error("snappy", "truncated xerial header"));
            }
            rest = &rest[XERIAL_HEADER_LEN..];
            continue;
        }
        let Some((len_bytes, after)) = rest.split_first_chunk::<4>() else {
            return Err(codec_error("snappy", "truncated xerial block length"));
        };
        let block_len = usize::try_from(i32::from_be_bytes(*len_bytes))
            .map_err(|_| codec_error("snappy", "negative xerial block length"))?;
        if block_len > after.len() {
            return Err(codec_error("snappy", "xerial block longer than the input"));
        }
        let (block, next) = after.split_at(block_len);
        snappy_block_into(block, &mut out, limit)?;
        rest = next;
    }
    Ok(out)
}

/// Appends one raw snappy block to `out`, checking its claimed size against what is left
/// of `limit` before allocating.
fn snappy_block_into(block: &[u8], out: &mut Vec<u8>, limit: usize) -> Result<(), RecordError> {
    let len = snap::raw::decompress_len(block).map_err(|e| codec_error("snappy", e))?;
    if len > limit.saturating_sub(out.len()) {
        return Err(RecordError::DecompressedTooLarge { limit });
    }
    let start = out.len();
    out.resize(start + len, 0);
    let written = snap::raw::Decoder::new()
        .decompress(block, &mut out[start..])
        .map_err(|e| codec_error("snappy", e))?;
    out.truncate(start + written);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Compressible but not trivial input spanning several snappy and lz4 blocks.
    fn sample(len: usize) -> Vec<u8> {
        (0..len)
            .map(|i| ((i * 7) % 251) as u8 ^ (i / 1000) as u8)
            .collect()
    }

    #[test]
    fn every_codec_round_trips() {
        // Each codec returns exactly its input, for empty, small and multi-block data.
        for codec in [
            Compression::None,
            Compression::Gzip,
            Compression::Snappy,
            Compression::Lz4,
            Compression::Zstd,
        ] {
            for len in [0usize, 1, 100, 70_000, 200_000] {
                let data = sample(len);
                let packed = compress(codec, &data).unwrap();
                assert_eq!(
                    decompress(codec, &packed, DEFAULT_DECOMPRESSION_LIMIT).unwrap(),
                    data,
                    "{codec:?} {len}"
                );
            }
        }
    }

    #[test]
    fn snappy_writes_xerial_framing() {
        // The snappy output starts with the xerial header and splits input into 32 KiB blocks.
        let packed = compress(Compression::Snappy, &sample(70_000)).unwrap();
        assert_eq!(
            &packed[..16],
            &[0x82, b'S', b'N', b'A', b'P', b'P', b'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1]
        );
        let mut rest = &packed[16..];
        let mut blocks = Vec::new();
        while !rest.is_empty() {
            let len = i32::from_be_bytes(rest[..4].try_into().unwrap()) as usize;
            blocks.push(snap::raw::decompress_len(&rest[4..4 + len]).unwrap());
            rest = &rest[4 + len..];
        }
        assert_eq!(blocks, vec![32_768, 32_768, 4_464]);
    }

    #[test]
    fn snappy_reads_hand_made_xerial_stream() {
        // A xerial stream assembled by hand (two blocks, then a second concatenated stream)
        // decodes to the concatenation of its blocks.
        let mut stream = Vec::new();
        stream.extend_from_slice(&[
            0x82, b'S', b'N', b'A', b'P', b'P', b'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1,
        ]);
        for part in [&b"hello, "[..], &b"xerial "[..]] {
            let block = snap::raw::Encoder::new().compress_vec(part).unwrap();
            stream.extend_from_slice(&(block.len() as i32).to_be_bytes());
            stream.extend_from_slice(&block);
        }
        stream.extend_from_slice(&[
            0x82, b'S', b'N', b'A', b'P', b'P', b'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1,
        ]);
        let block = snap::raw::Encoder::new().compress_vec(b"snappy").unwrap();
        stream.extend_from_slice(&(block.len() as i32).to_be_bytes());
        stream.extend_from_slice(&block);
        assert_eq!(
            decompress(Compression::Snappy, &stream, 1024).unwrap(),
            b"hello, xerial snappy"
        );
    }

    #[test]
    fn snappy_reads_raw_block() {
        // A raw snappy block without framing (librdkafka's output) is accepted.
        let block = snap::raw::Encoder::new()
            .compress_vec(b"raw snappy block")
            .unwrap();
        assert_eq!(
            decompress(Compression::Snappy, &block, 1024).unwrap(),
            b"raw snappy block"
        );
    }

    #[test]
    fn snappy_rejects_broken_framing() {
        // Negative and overlong xerial block lengths, and a cut header, are errors.
        let header = [
            0x82, b'S', b'N', b'A', b'P', b'P', b'Y', 0, 0, 0, 0, 1, 0, 0, 0, 1,
        ];
        let mut negative = header.to_vec();
        negative.extend_from_slice(&(-1i32).to_be_bytes());
        let mut overlong = header.to_vec();
        overlong.extend_from_slice(&1000i32.to_be_bytes());
        overlong.extend_from_slice(&[0; 10]);
        assert_eq!(
            decompress(Compression::Snappy, &negative, 1024),
            Err(RecordError::Compression(
                "snappy: negative xerial block length".into()
            ))
        );
        assert_eq!(
            decompress(Compression::Snappy, &overlong, 1024),
            Err(RecordError::Compression(
                "snappy: xerial block longer than the input".into()
            ))
        );
        assert_eq!(
            decompress(Compression::Snappy, &header[..12], 1024),
            Err(RecordError::Compression(
                "snappy: truncated xerial header".into()
            ))
        );
    }

    #[test]
    fn decompression_is_bounded() {
        // One MiB of zeros packs small, yet with a 64 KiB limit every codec refuses it.
        let zeros = vec![0u8; 1 << 20];
        for codec in [
            Compression::None,
            Compression::Gzip,
            Compression::Snappy,
            Compression::Lz4,
            Compression::Zstd,
        ] {
            let packed = compress(codec, &zeros).unwrap();
            assert_eq!(
                decompress(codec, &packed, 65_536),
                Err(RecordError::DecompressedTooLarge { limit: 65_536 }),
                "{codec:?}"
            );
            assert_eq!(decompress(codec, &packed, 1 << 20).unwrap().len(), 1 << 20);
        }
    }

    #[test]
    fn raw_snappy_size_claim_is_checked_before_allocating() {
        // A 5-byte block claiming 2^32-1 bytes is refused without allocating them.
        let claim = [0xff, 0xff, 0xff, 0xff, 0x0f];
        assert_eq!(
            decompress(Compression::Snappy, &claim, DEFAULT_DECOMPRESSION_LIMIT),
            Err(RecordError::DecompressedTooLarge {
                limit: DEFAULT_DECOMPRESSION_LIMIT
            })
        );
    }

    #[test]
    fn garbage_is_an_error_for_every_codec() {
        // Bytes that are no valid stream of any codec produce errors, not panics.
        let garbage = b"definitely not compressed data at all";
        for codec in [
            Compression::Gzip,
            Compression::Snappy,
            Compression::Lz4,
            Compression::Zstd,
        ] {
            assert!(
                matches!(
                    decompress(codec, garbage, 1024),
                    Err(RecordError::Compression(_))
                ),
                "{codec:?}"
            );
        }
    }
}
