//! Byte tests on eight bytes at once, in a `u64` ("SIMD within a register").
//!
//! Several stages scan text for a few byte classes (tabs in lexicon rows, bytes a JSON
//! string must escape, capitals and digits in a line, UTF-8 continuation bytes): one
//! integer operation on eight bytes replaces eight byte tests. The tricks live here,
//! each tested against the byte-by-byte test it stands for. Bytes are loaded little
//! endian, so byte `i` of a chunk is bits `8 * i .. 8 * i + 8`, and a result's set bit
//! 7 of byte `i` (see [`HIGH`]) marks byte `i`.

/// `0x01` in every byte.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;
/// `0x80` in every byte: the top bits, where the tests put their answers.
pub(crate) const HIGH: u64 = ONES << 7;
/// `0x7f` in every byte.
const LOW7: u64 = !HIGH;

/// `b` in every byte.
#[inline]
pub(crate) const fn splat(b: u8) -> u64 {
    ONES * b as u64
}

/// The top bit of every byte of `x` that equals `b`, and of no other (no carry
/// crosses from one byte into the next).
#[inline]
pub(crate) fn eq_bytes(x: u64, b: u8) -> u64 {
    let y = x ^ splat(b);
    !(((y & LOW7) + LOW7) | y | LOW7)
}

/// Non-zero exactly when some byte of `x` is below `n` (`n <= 0x80`). Exact as a yes
/// or no only: past the first byte below `n`, a borrow may mark bytes that are not.
#[inline]
pub(crate) fn below(x: u64, n: u8) -> u64 {
    debug_assert!(n <= 0x80);
    x.wrapping_sub(splat(n)) & !x & HIGH
}

/// The top bit of every byte of `x` in `lo..=hi`, for `x` whose top bits are all clear
/// (ASCII bytes, or bytes masked with `!HIGH`) and `0 < lo <= hi < 0x80`. Exact: no
/// sum carries out of its byte.
#[inline]
pub(crate) fn in_range_ascii(x: u64, lo: u8, hi: u8) -> u64 {
    debug_assert!(x & HIGH == 0 && 0 < lo && lo <= hi && hi < 0x80);
    x.wrapping_add(splat(0x80 - lo)) & !x.wrapping_add(splat(0x7f - hi)) & HIGH
}

/// Bytes `at..at + 8` of `bytes` as a little-endian integer, zero past the end.
#[inline]
pub(crate) fn load8(bytes: &[u8], at: usize) -> u64 {
    match bytes.get(at..at + 8) {
        Some(b) => u64::from_le_bytes(b.try_into().expect("eight bytes")),
        None => {
            let mut b = [0u8; 8];
            let rest = &bytes[at.min(bytes.len())..];
            b[..rest.len()].copy_from_slice(rest);
            u64::from_le_bytes(b)
        }
    }
}

/// Bytes `at..at + n` of `bytes` (`1 <= n <= 16`, all inside `bytes`) as a
/// little-endian integer, zero above them: one 16-byte load and a mask where 16 bytes
/// are there.
#[inline]
pub(crate) fn load16(bytes: &[u8], at: usize, n: usize) -> u128 {
    debug_assert!((1..=16).contains(&n));
    match bytes.get(at..at + 16) {
        Some(b) => {
            u128::from_le_bytes(b.try_into().expect("sixteen bytes"))
                & (u128::MAX >> (8 * (16 - n)))
        }
        None => {
            let mut b = [0u8; 16];
            b[..n].copy_from_slice(&bytes[at..at + n]);
            u128::from_le_bytes(b)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The top bits of the bytes for which `f` holds.
    fn naive(x: u64, f: impl Fn(u8) -> bool) -> u64 {
        x.to_le_bytes()
            .iter()
            .enumerate()
            .filter(|&(_, &b)| f(b))
            .fold(0, |m, (i, _)| m | 0x80 << (8 * i))
    }

    /// Bytes drawn mostly from the edges the tricks must get right.
    fn word() -> impl Strategy<Value = u64> {
        let byte = prop_oneof![
            any::<u8>(),
            Just(0u8),
            Just(0x7f),
            Just(0x80),
            Just(0xff),
            Just(b'\t'),
            Just(b'"'),
            Just(b'\\'),
            Just(b'A'),
            Just(b'Z'),
            Just(b'@'),
            Just(b'['),
        ];
        proptest::array::uniform8(byte).prop_map(u64::from_le_bytes)
    }

    proptest! {
        #[test]
        fn eq_bytes_marks_exactly_the_equal_bytes(x in word(), b in any::<u8>()) {
            prop_assert_eq!(eq_bytes(x, b), naive(x, |c| c == b));
            prop_assert_eq!(eq_bytes(x, b'\t'), naive(x, |c| c == b'\t'));
        }

        #[test]
        fn below_answers_yes_or_no(x in word(), n in 0u8..=0x80) {
            prop_assert_eq!(below(x, n) != 0, naive(x, |c| c < n) != 0);
            prop_assert_eq!(below(x, 0x20) != 0, naive(x, |c| c < 0x20) != 0);
        }

        #[test]
        fn in_range_marks_exactly_the_bytes_in_range(
            x in word(),
            lo in 1u8..0x80,
            span in 0u8..0x80,
        ) {
            let hi = lo.saturating_add(span).min(0x7f);
            let h = x & !HIGH;
            prop_assert_eq!(in_range_ascii(h, lo, hi), naive(h, |c| (lo..=hi).contains(&c)));
            prop_assert_eq!(in_range_ascii(h, b'A', b'Z'), naive(h, |c| c.is_ascii_uppercase()));
        }

        #[test]
        fn load8_pads_with_zeros(bytes in proptest::collection::vec(any::<u8>(), 0..20), at in 0usize..24) {
            let mut want = [0u8; 8];
            for (i, w) in want.iter_mut().enumerate() {
                *w = bytes.get(at + i).copied().unwrap_or(0);
            }
            prop_assert_eq!(load8(&bytes, at), u64::from_le_bytes(want));
        }

        #[test]
        fn load16_keeps_n_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..40), at in 0usize..40, n in 1usize..=16) {
            prop_assume!(at + n <= bytes.len());
            let mut want = [0u8; 16];
            want[..n].copy_from_slice(&bytes[at..at + n]);
            prop_assert_eq!(load16(&bytes, at, n), u128::from_le_bytes(want));
        }
    }
}
