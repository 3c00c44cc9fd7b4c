//! Packed unsigned integers inside JSON strings: the index's posting lists travel as text
//! that JSON carries without a single escape and gzip still compresses.
//!
//! Each number is written little-endian in groups of 5 bits, one char per group: the last
//! group of a number from `0-9a-v` (values 0–31), every earlier group from `w-zA-Z_-`
//! (a "more follows" digit). Numbers below 32 cost one char, below 1,024 two.
//!
//! Cost: one char per 5 bits; decoding is one table look-up per char.

const LAST: &[u8; 32] = b"0123456789abcdefghijklmnopqrstuv";
const MORE: &[u8; 32] = b"wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ_-";

/// Appends `n` to `out`.
pub fn push(out: &mut String, mut n: u32) {
    while n >= 32 {
        out.push(MORE[(n & 31) as usize] as char);
        n >>= 5;
    }
    out.push(LAST[n as usize] as char);
}

/// The value of one char and whether more groups follow, or `None` for a foreign char.
fn digit(b: u8) -> Option<(u32, bool)> {
    match b {
        b'0'..=b'9' => Some(((b - b'0') as u32, false)),
        b'a'..=b'v' => Some(((b - b'a') as u32 + 10, false)),
        b'w'..=b'z' => Some(((b - b'w') as u32, true)),
        b'A'..=b'Z' => Some(((b - b'A') as u32 + 4, true)),
        b'_' => Some((30, true)),
        b'-' => Some((31, true)),
        _ => None,
    }
}

/// Reads numbers back from a packed string.
pub struct Unpack<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Unpack<'a> {
    pub fn new(text: &'a str) -> Unpack<'a> {
        Unpack {
            bytes: text.as_bytes(),
            at: 0,
        }
    }

    pub fn is_done(&self) -> bool {
        self.at >= self.bytes.len()
    }

    /// The next number; an error for a foreign char, a cut-off number or one over `u32`.
    pub fn number(&mut self) -> Result<u32, String> {
        let mut n: u64 = 0;
        let mut shift = 0;
        loop {
            let Some(&b) = self.bytes.get(self.at) else {
                return Err("packed numbers end in the middle of one".into());
            };
            self.at += 1;
            let (value, more) =
                digit(b).ok_or_else(|| format!("{:?} in packed numbers", b as char))?;
            n |= (value as u64) << shift;
            if n > u32::MAX as u64 || shift > 30 {
                return Err("a packed number is too large".into());
            }
            if !more {
                return Ok(n as u32);
            }
            shift += 5;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_round_trip_and_small_ones_are_short() {
        let values = [0, 1, 31, 32, 1023, 1024, 65_535, 1 << 30, u32::MAX];
        let mut text = String::new();
        for &v in &values {
            push(&mut text, v);
        }
        let mut r = Unpack::new(&text);
        for &v in &values {
            assert_eq!(r.number(), Ok(v));
        }
        assert!(r.is_done());
        let one = |v| {
            let mut s = String::new();
            push(&mut s, v);
            s.len()
        };
        assert_eq!((one(31), one(32), one(1023), one(1024)), (1, 2, 2, 3));
        assert!(serde_json::to_string(&text).unwrap() == format!("\"{text}\""));
    }

    #[test]
    fn damage_is_an_error() {
        assert!(Unpack::new("w").number().is_err());
        assert!(Unpack::new("!").number().is_err());
        assert!(Unpack::new("-------0").number().is_err());
    }
}
