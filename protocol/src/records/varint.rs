//! Zigzag varints as record fields use them (protobuf's encoding): `varint` for 32-bit and
//! `varlong` for 64-bit values.
//!
//! Invariant: readers never read past the slice and reject encodings longer than the type
//! allows (5 bytes for 32 bits, 10 for 64) or carrying bits beyond it.

use super::error::{malformed_at, truncated, RecordError};

/// Reads an unsigned LEB128 value of at most `max_bytes` bytes and `bits` bits. Errors are
/// positioned at offset 0 (the varint's first byte) with no field name; the caller, who knows
/// both, moves them with [`RecordError::shifted`].
fn read_unsigned(input: &mut &[u8], max_bytes: usize, bits: u32) -> Result<u64, RecordError> {
    let mut value = 0u64;
    for i in 0..max_bytes {
        let Some((&byte, rest)) = input.split_first() else {
            return Err(truncated("", 0));
        };
        *input = rest;
        let shift = 7 * i as u32;
        let chunk = u64::from(byte & 0x7f);
        if shift + 7 > bits && chunk >> (bits - shift) != 0 {
            return Err(malformed_at("varint overflows its type", 0));
        }
        value |= chunk << shift;
        if byte & 0x80 == 0 {
            return Ok(value);
        }
    }
    Err(malformed_at("varint too long", 0))
}

/// Reads a zigzag varint (at most 5 bytes) and advances `input`.
pub(crate) fn read_varint(input: &mut &[u8]) -> Result<i32, RecordError> {
    let raw = read_unsigned(input, 5, 32)? as u32;
    Ok((raw >> 1) as i32 ^ -((raw & 1) as i32))
}

/// Reads a zigzag varlong (at most 10 bytes) and advances `input`.
pub(crate) fn read_varlong(input: &mut &[u8]) -> Result<i64, RecordError> {
    let raw = read_unsigned(input, 10, 64)?;
    Ok((raw >> 1) as i64 ^ -((raw & 1) as i64))
}

fn write_unsigned(out: &mut Vec<u8>, mut value: u64) {
    while value >= 0x80 {
        out.push((value as u8 & 0x7f) | 0x80);
        value >>= 7;
    }
    out.push(value as u8);
}

pub(crate) fn write_varint(out: &mut Vec<u8>, value: i32) {
    write_unsigned(out, u64::from(((value << 1) ^ (value >> 31)) as u32));
}

pub(crate) fn write_varlong(out: &mut Vec<u8>, value: i64) {
    write_unsigned(out, ((value << 1) ^ (value >> 63)) as u64);
}

fn unsigned_len(value: u64) -> usize {
    // One byte per started group of 7 significant bits; zero still takes a byte.
    let bits = 64 - value.leading_zeros() as usize;
    bits.div_ceil(7).max(1)
}

pub(crate) fn varint_len(value: i32) -> usize {
    unsigned_len(u64::from(((value << 1) ^ (value >> 31)) as u32))
}

pub(crate) fn varlong_len(value: i64) -> usize {
    unsigned_len(((value << 1) ^ (value >> 63)) as u64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_encodings() {
        // Zigzag maps 0,-1,1,-2 to 0,1,2,3, and the extremes use the full width.
        let cases: [(i32, &[u8]); 6] = [
            (0, &[0]),
            (-1, &[1]),
            (1, &[2]),
            (-2, &[3]),
            (300, &[0xd8, 0x04]),
            (i32::MIN, &[0xff, 0xff, 0xff, 0xff, 0x0f]),
        ];
        for (value, bytes) in cases {
            let mut out = Vec::new();
            write_varint(&mut out, value);
            assert_eq!(out, bytes, "{value}");
            assert_eq!(varint_len(value), bytes.len());
            let mut input = bytes;
            assert_eq!(read_varint(&mut input), Ok(value));
            assert!(input.is_empty());
        }
        let mut out = Vec::new();
        write_varlong(&mut out, i64::MAX);
        assert_eq!(
            out,
            [0xfe, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]
        );
        assert_eq!(varlong_len(i64::MAX), 10);
        assert_eq!(read_varlong(&mut &out[..]), Ok(i64::MAX));
    }

    #[test]
    fn round_trips_boundaries() {
        // Values around every 7-bit boundary survive a round trip with the predicted length.
        for shift in 0..63 {
            for value in [
                (1i64 << shift) - 1,
                1i64 << shift,
                -(1i64 << shift),
                -(1i64 << shift) - 1,
            ] {
                let mut out = Vec::new();
                write_varlong(&mut out, value);
                assert_eq!(out.len(), varlong_len(value));
                assert_eq!(read_varlong(&mut &out[..]), Ok(value));
                if let Ok(small) = i32::try_from(value) {
                    let mut out = Vec::new();
                    write_varint(&mut out, small);
                    assert_eq!(out.len(), varint_len(small));
                    assert_eq!(read_varint(&mut &out[..]), Ok(small));
                }
            }
        }
    }

    #[test]
    fn rejects_bad_encodings() {
        // Truncated, overlong and overflowing encodings are errors.
        assert_eq!(read_varint(&mut &[0x80, 0x80][..]), Err(truncated("", 0)));
        assert_eq!(
            read_varint(&mut &[0xff, 0xff, 0xff, 0xff, 0x1f][..]),
            Err(malformed_at("varint overflows its type", 0))
        );
        assert_eq!(
            read_varint(&mut &[0x80, 0x80, 0x80, 0x80, 0x80, 0x00][..]),
            Err(malformed_at("varint too long", 0))
        );
        assert_eq!(
            read_varlong(&mut &[0xff; 9].iter().chain(&[0x02]).copied().collect::<Vec<_>>()[..]),
            Err(malformed_at("varint overflows its type", 0))
        );
    }
}
