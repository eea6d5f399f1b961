//! The bundled lexicons' gazetteer, compiled ahead of time.
//!
//! Compiling the gazetteer of the bundled lexicons (82k surface forms, 190k keys
//! filed into 16 MB of slots) was a quarter of start-up's work. Its result depends
//! only on those lexicons and on this module's code, so it is compiled once, written
//! to `lexicons/gazetteer.bin` and embedded; start-up copies its filled slots into
//! place instead of hashing and filing every key.
//!
//! The snapshot is used only when it fits: a format version, the stamp of the
//! lexicon files it was compiled from (`build.rs` stamps the embedded ones), and a
//! check of every slot it places (in range, each once, its tail inside the tails,
//! its entry inside the lexicon). Anything else (a lexicon edited, an entry added at
//! run time, a damaged file) compiles the gazetteer as before, with the same output.
//! `bundled_snapshot_is_fresh` (the tests below) fails when the file no longer
//! equals a fresh compilation, and says how to write it again:
//!
//! ```text
//! NEWSLENS_BLESS=1 cargo test --release --lib snapshot_is_fresh
//! ```
//!
//! Format (little-endian): magic `NLGZ`, version (u32), lexicon stamp (u64), the
//! number of distinct surface forms (u64), the scan's start facts (`odd_starts` as a
//! count and code points, `first_word`, `first_two`, `lone`, `ends_ascii`), then each
//! of the two shards: slot count, key count and tail length (u32 each), the tails,
//! and one 35-byte record per filled slot in slot order (index, head, entry, tail,
//! length, follow, flags).

use super::{Forms, Gazetteer, Slot};
use crate::util::snapshot::Reader;

/// The embedded snapshot of the bundled lexicons' gazetteer.
pub(super) static BUNDLED: &[u8] = include_bytes!("../../../lexicons/gazetteer.bin");

const MAGIC: &[u8; 4] = b"NLGZ";

/// Bumped whenever the gazetteer's compilation or this format changes (the
/// freshness test catches a change that forgot to).
const VERSION: u32 = 1;

/// Bytes per filled slot.
const RECORD: usize = 4 + 16 + 4 + 4 + 4 + 2 + 1;

impl Gazetteer {
    /// The snapshot of this gazetteer, for lexicon files of stamp `stamp` (written
    /// by the tests, see above).
    #[cfg(test)]
    pub(super) fn snapshot(&self, stamp: u64) -> Vec<u8> {
        let mut out = crate::util::snapshot::header(MAGIC, VERSION, stamp);
        out.extend_from_slice(&(self.surfaces as u64).to_le_bytes());
        out.extend_from_slice(&u32_of(self.odd_starts.len()).to_le_bytes());
        for &c in &self.odd_starts {
            out.extend_from_slice(&u32::from(c).to_le_bytes());
        }
        for w in self.first_word {
            out.extend_from_slice(&w.to_le_bytes());
        }
        for w in self.first_two.iter() {
            out.extend_from_slice(&w.to_le_bytes());
        }
        out.extend(self.lone.iter().map(|&b| u8::from(b)));
        out.extend(self.ends_ascii.iter().map(|&b| u8::from(b)));
        for forms in &self.shards {
            out.extend_from_slice(&u32_of(forms.slots.len()).to_le_bytes());
            out.extend_from_slice(&u32_of(forms.len).to_le_bytes());
            out.extend_from_slice(&u32_of(forms.tails.len()).to_le_bytes());
            out.extend_from_slice(&forms.tails);
            for (i, s) in forms.slots.iter().enumerate().filter(|(_, s)| s.len != 0) {
                out.extend_from_slice(&u32_of(i).to_le_bytes());
                out.extend_from_slice(&s.head.to_le_bytes());
                out.extend_from_slice(&s.entry.to_le_bytes());
                out.extend_from_slice(&s.tail.to_le_bytes());
                out.extend_from_slice(&s.len.to_le_bytes());
                out.extend_from_slice(&s.follow.to_le_bytes());
                out.push(s.flags);
            }
        }
        out
    }

    /// The gazetteer a snapshot holds, if it is of this format and of lexicon files
    /// of stamp `stamp`, and every entry it names is below `entries`; `None` for any
    /// other bytes.
    pub(super) fn from_snapshot(bytes: &[u8], stamp: u64, entries: usize) -> Option<Gazetteer> {
        let mut r = crate::util::snapshot::open(bytes, MAGIC, VERSION, stamp)?;
        let surfaces = usize::try_from(r.u64()?).ok()?;
        let odd = r.u32()? as usize;
        let mut odd_starts = Vec::with_capacity(odd.min(1024));
        for _ in 0..odd {
            odd_starts.push(char::from_u32(r.u32()?)?);
        }
        let mut first_word = [0u32; 128];
        for w in &mut first_word {
            *w = r.u32()?;
        }
        let mut first_two = vec![0u64; 128 * 256 / 64].into_boxed_slice();
        for w in first_two.iter_mut() {
            *w = r.u64()?;
        }
        let mut lone = [false; 128];
        for (b, &v) in lone.iter_mut().zip(r.take(128)?) {
            *b = v != 0;
        }
        let mut ends_ascii = [false; 128];
        for (b, &v) in ends_ascii.iter_mut().zip(r.take(128)?) {
            *b = v != 0;
        }
        // The two shards' records are found first, then filled side by side.
        let mut parts = Vec::with_capacity(2);
        for _ in 0..2 {
            let cap = r.u32()? as usize;
            let len = r.u32()? as usize;
            let tail_len = r.u32()? as usize;
            let tails = r.take(tail_len)?;
            let records = r.take(len.checked_mul(RECORD)?)?;
            if !cap.is_power_of_two() || len * 2 > cap {
                return None;
            }
            parts.push((cap, len, tails, records));
        }
        if !r.rest().is_empty() {
            return None;
        }
        let (odd_part, even_part) = (parts.pop()?, parts.pop()?);
        let (even, odd) =
            crate::util::par::join(|| fill(even_part, entries), || fill(odd_part, entries));
        Some(Gazetteer {
            shards: [even?, odd?],
            surfaces,
            odd_ascii: std::array::from_fn(|b| odd_starts.contains(&(b as u8 as char))),
            odd_starts,
            first_word,
            first_two,
            lone,
            ends_ascii,
        })
    }
}

/// One shard's table from its part of a snapshot: `cap` slots, `len` records.
fn fill((cap, len, tails, records): (usize, usize, &[u8], &[u8]), entries: usize) -> Option<Forms> {
    let mut slots = super::empty_slots(cap);
    for rec in records.chunks_exact(RECORD) {
        let mut r = Reader::new(rec);
        let at = r.u32()? as usize;
        let s = Slot {
            head: r.u128()?,
            entry: r.u32()?,
            tail: r.u32()?,
            len: r.u32()?,
            follow: r.u16()?,
            flags: r.u8()?,
        };
        let tail_fits = s.len <= 16 || (s.tail as usize + s.len as usize - 16) <= tails.len();
        let slot = slots.get_mut(at)?;
        if slot.len != 0 || s.len == 0 || !tail_fits || s.entry as usize >= entries {
            return None;
        }
        *slot = s;
    }
    Some(Forms {
        slots,
        tails: tails.to_vec(),
        len,
        shift: 64 - cap.trailing_zeros(),
    })
}

#[cfg(test)]
fn u32_of(n: usize) -> u32 {
    u32::try_from(n).expect("gazetteer sizes fit in 32 bits")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{Lexicon, BUNDLED_STAMP};

    #[test]
    fn bundled_snapshot_is_fresh() {
        let lexicon = Lexicon::bundled();
        let compiled = Gazetteer::compile(&lexicon).snapshot(BUNDLED_STAMP);
        if crate::util::snapshot::bless("gazetteer.bin", &compiled) {
            return;
        }
        assert!(
            compiled == BUNDLED,
            "lexicons/gazetteer.bin is not the gazetteer of the bundled lexicons and this \
             code; write it again with \
             `NEWSLENS_BLESS=1 cargo test --release --lib snapshot_is_fresh`"
        );
        // And start-up takes it.
        assert!(Gazetteer::from_snapshot(BUNDLED, BUNDLED_STAMP, lexicon.len()).is_some());
    }

    /// A small lexicon's gazetteer, compiled and snapshotted.
    fn small() -> (Lexicon, Gazetteer, Vec<u8>) {
        let mut lexicon = Lexicon::new();
        let tsv = "id\ttype\tcanonical\taliases\tdemonyms\tflags\n\
                   c:1\tcountry\tUnited States\tU.S.|the United States of America\tAmerican\t\n\
                   o:1\torganization\tInternational Criminal Court\tICC\t\t\n\
                   p:1\tperson\tVladimir Putin\tPutin\t\tambiguous\n\
                   o:2\torganization\t'Ndrangheta\t\t\t\n";
        lexicon.add_tsv("small.tsv", tsv).unwrap();
        let g = Gazetteer::compile(&lexicon);
        let bytes = g.snapshot(7);
        (lexicon, g, bytes)
    }

    #[test]
    fn a_snapshot_loads_the_same_gazetteer() {
        let (lexicon, g, bytes) = small();
        let loaded = Gazetteer::from_snapshot(&bytes, 7, lexicon.len()).unwrap();
        assert_eq!(loaded.snapshot(7), bytes);
        let text = "The U.S. and the ICC: Putin, an American, met 'Ndrangheta men \
                    in the United States of America.";
        let spans = |g: &Gazetteer| -> Vec<(Span, usize)> {
            g.find(text).iter().map(|m| (m.span, m.entry)).collect()
        };
        assert_eq!(spans(&loaded), spans(&g));
        let found: Vec<&str> = spans(&g).iter().map(|(s, _)| s.slice(text)).collect();
        // "Putin" is flagged ambiguous and stands after a capitalized word.
        let expected = [
            "U.S.",
            "ICC",
            "American",
            "'Ndrangheta",
            "the United States of America",
        ];
        assert_eq!(found, expected);
    }

    #[test]
    fn other_snapshots_are_refused() {
        let (lexicon, _, bytes) = small();
        let n = lexicon.len();
        // Another stamp, another version, too few entries.
        assert!(Gazetteer::from_snapshot(&bytes, 8, n).is_none());
        let mut v = bytes.clone();
        v[4] ^= 1;
        assert!(Gazetteer::from_snapshot(&v, 7, n).is_none());
        assert!(Gazetteer::from_snapshot(&bytes, 7, 1).is_none());
        // Every truncation, and a byte too many.
        for cut in 0..bytes.len() {
            assert!(Gazetteer::from_snapshot(&bytes[..cut], 7, n).is_none());
        }
        let mut long = bytes.clone();
        long.push(0);
        assert!(Gazetteer::from_snapshot(&long, 7, n).is_none());
        // A slot index past the table, or the same slot twice.
        let first_record = bytes.len() - 2 * RECORD;
        let mut past = bytes.clone();
        past[first_record..first_record + 4].copy_from_slice(&u32::MAX.to_le_bytes());
        assert!(Gazetteer::from_snapshot(&past, 7, n).is_none());
        let mut twice = bytes.clone();
        let at: [u8; 4] = bytes[first_record..first_record + 4].try_into().unwrap();
        twice[first_record + RECORD..first_record + RECORD + 4].copy_from_slice(&at);
        assert!(Gazetteer::from_snapshot(&twice, 7, n).is_none());
    }

    use crate::types::Span;
}
