//! Wire primitives shared by the generated message code: nom parsers for Kafka's types
//! (fixed-width integers, varints, classic and compact strings/bytes/arrays, UUIDs) and
//! the matching writers and size functions.
//!
//! Invariants: every parser is a *complete* parser over a whole frame, so running out of
//! input is malformed input, never "need more data". No length prefix is trusted: a
//! length larger than the bytes that remain is an error before anything is allocated.

use bytes::{BufMut, Bytes};
use nom::error::{ErrorKind, ParseError};
use std::fmt;

/// Result of a generated parser: remaining input and the value, or a [`DecodeError`].
pub type PResult<'a, T> = nom::IResult<&'a [u8], T, DecodeError>;

/// A 128-bit Kafka UUID (topic ids, member ids in KIP-848). All zeroes is Kafka's "zero UUID".
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default, PartialOrd, Ord)]
pub struct Uuid(pub [u8; 16]);

impl Uuid {
    pub const ZERO: Uuid = Uuid([0; 16]);

    pub fn is_zero(&self) -> bool {
        self.0 == [0; 16]
    }
}

impl fmt::Debug for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Uuid({self})")
    }
}

impl fmt::Display for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for byte in self.0 {
            write!(f, "{byte:02x}")?;
        }
        Ok(())
    }
}

/// What went wrong while decoding.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecodeErrorKind {
    /// The input ended inside a value.
    Truncated,
    /// A length prefix below -1, or a null where the version does not allow one.
    InvalidLength,
    /// A null value in a version where the field is not nullable.
    UnexpectedNull,
    /// A string that is not UTF-8.
    InvalidUtf8,
    /// A varint longer than its type allows.
    VarintTooLong,
    /// A tagged field whose value did not fill exactly its declared size.
    TaggedFieldSize,
    /// Bytes left over after a complete message.
    TrailingBytes,
    /// An API key this codec does not know.
    UnknownApiKey,
    /// A version outside the supported range of the message.
    UnsupportedVersion,
    /// A low-level parser failure.
    Parser,
}

/// A decoding failure, naming the field and the position in the input.
///
/// `remaining` is the number of input bytes left where the failure happened; the frame
/// decoder turns it into an absolute `offset` (frame length minus remaining).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub kind: DecodeErrorKind,
    /// `Struct.field` where the failure happened, or "" when outside any field.
    pub field: &'static str,
    pub remaining: usize,
    /// Absolute offset in the frame, filled in by the top-level decoder.
    pub offset: Option<usize>,
}

impl DecodeError {
    pub fn new(kind: DecodeErrorKind, remaining: usize) -> Self {
        DecodeError {
            kind,
            field: "",
            remaining,
            offset: None,
        }
    }

    /// Sets the absolute offset given the length of the whole input.
    pub fn at_frame(mut self, frame_len: usize) -> Self {
        self.offset = Some(frame_len.saturating_sub(self.remaining));
        self
    }
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "malformed input ({:?})", self.kind)?;
        if !self.field.is_empty() {
            write!(f, " in field {}", self.field)?;
        }
        match self.offset {
            Some(offset) => write!(f, " at byte {offset}"),
            None => write!(f, " with {} bytes left", self.remaining),
        }
    }
}

impl std::error::Error for DecodeError {}

impl<'a> ParseError<&'a [u8]> for DecodeError {
    fn from_error_kind(input: &'a [u8], kind: ErrorKind) -> Self {
        let kind = match kind {
            ErrorKind::Eof | ErrorKind::Complete => DecodeErrorKind::Truncated,
            _ => DecodeErrorKind::Parser,
        };
        DecodeError::new(kind, input.len())
    }

    fn append(_input: &'a [u8], _kind: ErrorKind, other: Self) -> Self {
        other
    }
}

/// Fails with `kind` at `input`.
pub fn fail<T>(input: &[u8], kind: DecodeErrorKind) -> PResult<'_, T> {
    Err(nom::Err::Error(DecodeError::new(kind, input.len())))
}

/// Names the field of an error that does not name one yet (the innermost field wins).
pub fn in_field(field: &'static str) -> impl Fn(nom::Err<DecodeError>) -> nom::Err<DecodeError> {
    move |err| {
        err.map(|mut e| {
            if e.field.is_empty() {
                e.field = field;
            }
            e
        })
    }
}

/// An encoding failure: a value that the requested version cannot carry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodeError {
    pub field: &'static str,
    pub reason: &'static str,
}

impl fmt::Display for EncodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot encode {}: {}", self.field, self.reason)
    }
}

impl std::error::Error for EncodeError {}

/// A message or struct of the Kafka protocol that can be read and written at a version.
pub trait Codec: Sized {
    /// Parses `input`, which must be a sub-slice of `src` (byte fields are zero-copy slices of it).
    fn decode<'a>(src: &Bytes, input: &'a [u8], version: i16) -> PResult<'a, Self>;
    fn encode<B: BufMut>(&self, buf: &mut B, version: i16) -> Result<(), EncodeError>;
    /// Exactly the number of bytes `encode` writes for this version.
    fn encoded_len(&self, version: i16) -> usize;
}

/// A top-level request or response message.
pub trait ApiMessage: Codec {
    const API_KEY: i16;
    const MIN_VERSION: i16;
    const MAX_VERSION: i16;
    /// The first flexible version (`i16::MAX` when none is).
    const FLEXIBLE_MIN: i16;
}

// ---- decoding -------------------------------------------------------------------------

macro_rules! fixed {
    ($name:ident, $t:ty, $parser:path) => {
        pub fn $name(input: &[u8]) -> PResult<'_, $t> {
            $parser(input)
        }
    };
}

fixed!(int8, i8, nom::number::complete::be_i8);
fixed!(int16, i16, nom::number::complete::be_i16);
fixed!(uint16, u16, nom::number::complete::be_u16);
fixed!(int32, i32, nom::number::complete::be_i32);
fixed!(uint32, u32, nom::number::complete::be_u32);
fixed!(int64, i64, nom::number::complete::be_i64);
fixed!(float64, f64, nom::number::complete::be_f64);

pub fn boolean(input: &[u8]) -> PResult<'_, bool> {
    let (rest, byte) = int8(input)?;
    Ok((rest, byte != 0))
}

pub fn uuid(input: &[u8]) -> PResult<'_, Uuid> {
    match input.get(..16) {
        Some(head) => {
            let mut raw = [0u8; 16];
            raw.copy_from_slice(head);
            Ok((&input[16..], Uuid(raw)))
        }
        None => fail(input, DecodeErrorKind::Truncated),
    }
}

/// An unsigned LEB128 varint of at most 32 bits (5 bytes).
pub fn uvarint(input: &[u8]) -> PResult<'_, u32> {
    let mut value: u32 = 0;
    for (i, &byte) in input.iter().enumerate().take(5) {
        if i == 4 && byte > 0x0f {
            return fail(input, DecodeErrorKind::VarintTooLong);
        }
        value |= u32::from(byte & 0x7f) << (7 * i);
        if byte & 0x80 == 0 {
            return Ok((&input[i + 1..], value));
        }
    }
    if input.len() < 5 {
        fail(input, DecodeErrorKind::Truncated)
    } else {
        fail(input, DecodeErrorKind::VarintTooLong)
    }
}

/// Reads a length prefix: `None` for null (-1 classic, 0 compact); checks the length fits.
/// `unit` is the minimum number of bytes one element occupies (1 for bytes/strings).
fn length(input: &[u8], compact: bool, unit: usize) -> PResult<'_, Option<usize>> {
    let (rest, len) = if compact {
        let (rest, raw) = uvarint(input)?;
        (rest, i64::from(raw) - 1)
    } else {
        let (rest, raw) = int32(input)?;
        (rest, i64::from(raw))
    };
    if len == -1 {
        return Ok((rest, None));
    }
    if len < -1 {
        return fail(input, DecodeErrorKind::InvalidLength);
    }
    let len = len as usize;
    if len.saturating_mul(unit) > rest.len() {
        return fail(input, DecodeErrorKind::Truncated);
    }
    Ok((rest, Some(len)))
}

/// A classic string has an int16 length; a compact one a uvarint length + 1.
fn string_length(input: &[u8], compact: bool) -> PResult<'_, Option<usize>> {
    if compact {
        return length(input, true, 1);
    }
    let (rest, raw) = int16(input)?;
    match raw {
        -1 => Ok((rest, None)),
        n if n < -1 => fail(input, DecodeErrorKind::InvalidLength),
        n if n as usize > rest.len() => fail(input, DecodeErrorKind::Truncated),
        n => Ok((rest, Some(n as usize))),
    }
}

pub fn nullable_string(input: &[u8], compact: bool) -> PResult<'_, Option<String>> {
    let (rest, len) = string_length(input, compact)?;
    let Some(len) = len else {
        return Ok((rest, None));
    };
    match std::str::from_utf8(&rest[..len]) {
        Ok(text) => Ok((&rest[len..], Some(text.to_owned()))),
        Err(_) => fail(input, DecodeErrorKind::InvalidUtf8),
    }
}

pub fn string(input: &[u8], compact: bool) -> PResult<'_, String> {
    match nullable_string(input, compact)? {
        (rest, Some(text)) => Ok((rest, text)),
        (_, None) => fail(input, DecodeErrorKind::UnexpectedNull),
    }
}

pub fn nullable_bytes<'a>(
    src: &Bytes,
    input: &'a [u8],
    compact: bool,
) -> PResult<'a, Option<Bytes>> {
    let (rest, len) = length(input, compact, 1)?;
    let Some(len) = len else {
        return Ok((rest, None));
    };
    Ok((&rest[len..], Some(src.slice_ref(&rest[..len]))))
}

pub fn bytes<'a>(src: &Bytes, input: &'a [u8], compact: bool) -> PResult<'a, Bytes> {
    match nullable_bytes(src, input, compact)? {
        (rest, Some(value)) => Ok((rest, value)),
        (_, None) => fail(input, DecodeErrorKind::UnexpectedNull),
    }
}

/// An array length prefix; each element occupies at least one byte, which bounds the length.
pub fn array_length(input: &[u8], compact: bool) -> PResult<'_, Option<usize>> {
    length(input, compact, 1)
}

/// Decodes a possibly-null array whose elements `element` parses.
pub fn array<'a, T>(
    input: &'a [u8],
    compact: bool,
    mut element: impl FnMut(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, Option<Vec<T>>> {
    let (mut rest, len) = array_length(input, compact)?;
    let Some(len) = len else {
        return Ok((rest, None));
    };
    let mut items = Vec::with_capacity(len);
    for _ in 0..len {
        let (next, item) = element(rest)?;
        rest = next;
        items.push(item);
    }
    Ok((rest, Some(items)))
}

/// Turns a null into an error for fields that may never be null.
pub fn required<'a, T>(input: &'a [u8], parsed: PResult<'a, Option<T>>) -> PResult<'a, T> {
    match parsed? {
        (rest, Some(value)) => Ok((rest, value)),
        (_, None) => fail(input, DecodeErrorKind::UnexpectedNull),
    }
}

/// Decodes a nullable struct: an int8 marker (-1 null, 1 present) then the struct.
pub fn nullable_struct<'a, T>(
    input: &'a [u8],
    decode: impl FnOnce(&'a [u8]) -> PResult<'a, T>,
) -> PResult<'a, Option<T>> {
    let (rest, present) = struct_marker(input)?;
    if !present {
        return Ok((rest, None));
    }
    let (rest, value) = decode(rest)?;
    Ok((rest, Some(value)))
}

/// The presence marker of a nullable struct: -1 null, 1 present.
pub fn struct_marker(input: &[u8]) -> PResult<'_, bool> {
    let (rest, marker) = int8(input)?;
    match marker {
        -1 => Ok((rest, false)),
        1 => Ok((rest, true)),
        _ => fail(input, DecodeErrorKind::InvalidLength),
    }
}

/// One raw tagged field: its tag and its value bytes.
pub fn tagged_field(input: &[u8]) -> PResult<'_, (u32, &[u8])> {
    let (rest, tag) = uvarint(input)?;
    let (rest, size) = uvarint(rest)?;
    let size = size as usize;
    if size > rest.len() {
        return fail(input, DecodeErrorKind::Truncated);
    }
    Ok((&rest[size..], (tag, &rest[..size])))
}

/// Checks that a known tagged field's parser consumed its whole value.
pub fn tagged_done<T>(outer: &[u8], parsed: PResult<'_, T>) -> Result<T, nom::Err<DecodeError>> {
    match parsed {
        Ok((&[], value)) => Ok(value),
        Ok(_) => Err(nom::Err::Error(DecodeError::new(
            DecodeErrorKind::TaggedFieldSize,
            outer.len(),
        ))),
        Err(err) => Err(err.map(|mut e| {
            // Positions inside the tagged value are reported at the tagged section.
            e.remaining = outer.len();
            e
        })),
    }
}

// ---- encoding -------------------------------------------------------------------------

pub fn put_uvarint<B: BufMut>(buf: &mut B, mut value: u32) {
    while value >= 0x80 {
        buf.put_u8((value as u8) | 0x80);
        value >>= 7;
    }
    buf.put_u8(value as u8);
}

pub fn uvarint_len(value: u32) -> usize {
    match value {
        0..=0x7f => 1,
        0x80..=0x3fff => 2,
        0x4000..=0x1f_ffff => 3,
        0x20_0000..=0x0fff_ffff => 4,
        _ => 5,
    }
}

/// Writes a length prefix (`None` = null).
pub fn put_length<B: BufMut>(buf: &mut B, len: Option<usize>, compact: bool) {
    match (len, compact) {
        (None, true) => put_uvarint(buf, 0),
        (None, false) => buf.put_i32(-1),
        (Some(n), true) => put_uvarint(buf, n as u32 + 1),
        (Some(n), false) => buf.put_i32(n as i32),
    }
}

pub fn length_len(len: Option<usize>, compact: bool) -> usize {
    match (len, compact) {
        (None, true) => 1,
        (Some(n), true) => uvarint_len(n as u32 + 1),
        (_, false) => 4,
    }
}

pub fn put_nullable_string<B: BufMut>(buf: &mut B, value: Option<&str>, compact: bool) {
    match (value, compact) {
        (None, false) => buf.put_i16(-1),
        (Some(text), false) => {
            buf.put_i16(text.len() as i16);
            buf.put_slice(text.as_bytes());
        }
        (value, true) => {
            put_length(buf, value.map(str::len), true);
            if let Some(text) = value {
                buf.put_slice(text.as_bytes());
            }
        }
    }
}

pub fn nullable_string_len(value: Option<&str>, compact: bool) -> usize {
    match (value, compact) {
        (None, false) => 2,
        (Some(text), false) => 2 + text.len(),
        (value, true) => length_len(value.map(str::len), true) + value.map_or(0, str::len),
    }
}

/// Checks a string's length fits its prefix (int16 for classic strings).
pub fn check_string(value: &str, compact: bool, field: &'static str) -> Result<(), EncodeError> {
    let limit = if compact {
        i32::MAX as usize - 1
    } else {
        i16::MAX as usize
    };
    if value.len() > limit {
        return Err(EncodeError {
            field,
            reason: "string too long",
        });
    }
    Ok(())
}

pub fn put_nullable_bytes<B: BufMut>(buf: &mut B, value: Option<&[u8]>, compact: bool) {
    put_length(buf, value.map(<[u8]>::len), compact);
    if let Some(data) = value {
        buf.put_slice(data);
    }
}

pub fn nullable_bytes_len(value: Option<&[u8]>, compact: bool) -> usize {
    length_len(value.map(<[u8]>::len), compact) + value.map_or(0, <[u8]>::len)
}

/// Writes one tagged field kept from decoding: tag, size, then its raw value.
pub fn put_unknown_tagged<B: BufMut>(buf: &mut B, tag: i32, value: &[u8]) {
    put_uvarint(buf, tag as u32);
    put_uvarint(buf, value.len() as u32);
    buf.put_slice(value);
}

pub fn unknown_tagged_len(tag: i32, value: &[u8]) -> usize {
    uvarint_len(tag as u32) + uvarint_len(value.len() as u32) + value.len()
}

/// Error for a null value in a version where the field may not be null.
pub fn null_not_allowed(field: &'static str) -> EncodeError {
    EncodeError {
        field,
        reason: "null is not allowed in this version",
    }
}

/// Error for a message version outside the supported range.
pub fn unsupported_version(field: &'static str) -> EncodeError {
    EncodeError {
        field,
        reason: "unsupported version",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Varints round-trip at every byte-length boundary and report their exact size.
    #[test]
    fn uvarint_round_trip_at_boundaries() {
        for value in [
            0u32,
            1,
            127,
            128,
            16_383,
            16_384,
            2_097_151,
            2_097_152,
            268_435_455,
            268_435_456,
            u32::MAX,
        ] {
            let mut buf = Vec::new();
            put_uvarint(&mut buf, value);
            assert_eq!(buf.len(), uvarint_len(value));
            let (rest, back) = uvarint(&buf).expect("decodes");
            assert!(rest.is_empty());
            assert_eq!(back, value);
        }
    }

    /// A length prefix larger than the remaining input is an error, not an allocation.
    #[test]
    fn huge_length_prefix_is_rejected() {
        let input = [0x7f, 0xff, 0xff, 0xff, 1, 2, 3];
        let err = array_length(&input, false).unwrap_err();
        assert!(matches!(
            err,
            nom::Err::Error(DecodeError {
                kind: DecodeErrorKind::Truncated,
                ..
            })
        ));
        let src = Bytes::from_static(&[0x7f, 0xff, 1]);
        assert!(bytes(&src, &src[..], false).is_err());
    }

    /// A six-byte varint is rejected rather than silently truncated.
    #[test]
    fn overlong_varint_is_rejected() {
        let input = [0xff, 0xff, 0xff, 0xff, 0xff, 0x01];
        let err = uvarint(&input).unwrap_err();
        assert!(matches!(
            err,
            nom::Err::Error(DecodeError {
                kind: DecodeErrorKind::VarintTooLong,
                ..
            })
        ));
    }
}
