//! Random protocol values for property and differential tests (feature `arbitrary`).
//!
//! A small seeded xorshift generator, so a failing case is reproduced from its printed seed
//! without pulling a randomness crate into the codec.

use bytes::Bytes;
use std::collections::BTreeMap;

/// A value that can be generated at random for a given version: every field that exists in
/// that version gets a random value; the others keep their defaults.
pub trait Arbitrary: Sized {
    fn arbitrary(rng: &mut Rng, version: i16) -> Self;
}

/// xorshift64* generator.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
    /// Whether structs get random unknown tagged fields (tags 1000..1005).
    pub unknown_tags: bool,
}

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng {
            state: seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1,
            unknown_tags: false,
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        let mut x = self.state;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.state = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    pub fn float(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64 * 1000.0
    }

    pub fn uuid_bytes(&mut self) -> [u8; 16] {
        let mut out = [0u8; 16];
        out[..8].copy_from_slice(&self.next_u64().to_be_bytes());
        out[8..].copy_from_slice(&self.next_u64().to_be_bytes());
        out
    }

    pub fn string(&mut self) -> String {
        let len = self.below(12) as usize;
        (0..len)
            .map(|_| (b'a' + self.below(26) as u8) as char)
            .collect()
    }

    pub fn bytes(&mut self) -> Bytes {
        let len = self.below(20) as usize;
        Bytes::from((0..len).map(|_| self.next_u64() as u8).collect::<Vec<u8>>())
    }

    /// Adds random unknown tagged fields when enabled.
    pub fn unknown_tags(&mut self, fields: &mut BTreeMap<i32, Bytes>) {
        if self.unknown_tags && self.below(3) == 0 {
            let tag = 1000 + self.below(5) as i32;
            fields.insert(tag, self.bytes());
        }
    }
}
