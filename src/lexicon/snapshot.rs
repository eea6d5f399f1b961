//! The bundled entity lexicons' entries, located ahead of time.
//!
//! Parsing the four bundled entity lexicons (70k rows, 9.5 MB) was most of start-up's
//! remaining work once the gazetteer was compiled ahead of time: finding each row's
//! twelve fields, trimming them, checking lists and dates. Every string of a bundled
//! entry borrows the embedded text, so an entry is fully described by where its
//! strings sit in that text. `lexicons/entries.bin` records exactly that, and
//! start-up builds each entry from it without reading the row.
//!
//! It is used only when it fits: a format version, the stamp of the lexicon files
//! (`build.rs`), and every string it names inside its file and on character
//! boundaries; otherwise the files are parsed as before. The tests below check that
//! the file rebuilds the parsed entries exactly, and name the command that writes it
//! again when it no longer does:
//!
//! ```text
//! NEWSLENS_BLESS=1 cargo test --release --lib snapshot_is_fresh
//! ```
//!
//! Format (little-endian): magic `NLLX`, version (u32), lexicon stamp (u64), entry
//! count (u32), a string pool (u32 length and its bytes: the few strings no file holds
//! as they are, such as a list rebuilt from untidy separators), each entry's record
//! offset (u32), then the records. A record is the entry type (u8), the `ambiguous`
//! flag (u8), nine strings (id, subtype, canonical, aliases, demonyms, country, qid,
//! codes, source), the roles (u16 count, four strings each) and the ambiguous aliases
//! (u16 count, a string each). A string is its start (u32) and a u32 holding its
//! source in the top four bits (a file of [`BUNDLED`], or the pool) and its length in
//! the rest; `u32::MAX` there is an absent optional string.

use std::borrow::Cow;
use std::sync::atomic::{AtomicBool, Ordering};

use super::{EntityType, Entry, LexStr, Names, Role, BUNDLED};
use crate::util::snapshot::Reader;

/// The embedded snapshot of the bundled lexicons' entries.
pub(super) static ENTRIES: &[u8] = include_bytes!("../../lexicons/entries.bin");

const MAGIC: &[u8; 4] = b"NLLX";

/// Bumped whenever [`Entry`] or this format changes (the freshness test catches a
/// change that forgot to).
const VERSION: u32 = 1;

/// The tag of an absent optional string.
const ABSENT: u32 = u32::MAX;

const LEN_BITS: u32 = 28;

/// Entry types by their code in a record.
const TYPES: [EntityType; 4] = [
    EntityType::Person,
    EntityType::Organization,
    EntityType::Country,
    EntityType::Location,
];

/// The bundled entries a snapshot describes, if it is of this format and of lexicon
/// files of stamp `stamp`, and every string it names is in place; `None` otherwise.
pub(super) fn load(bytes: &'static [u8], stamp: u64) -> Option<Vec<Entry>> {
    let mut r = crate::util::snapshot::open(bytes, MAGIC, VERSION, stamp)?;
    let n = r.u32()? as usize;
    let pool_len = r.u32()? as usize;
    let pool = std::str::from_utf8(r.take(pool_len)?).ok()?;
    let offsets = r.take(n.checked_mul(4)?)?;
    let records = r.rest();
    let texts: Vec<&'static str> = BUNDLED
        .iter()
        .map(|&(_, text)| text)
        .chain([pool])
        .collect();
    let failed = AtomicBool::new(false);
    let mut out = crate::util::strmap::with_capacity_in_huge_pages(n);
    crate::util::par::map_into(
        n,
        &mut out,
        || (),
        |(), i| {
            let at = offsets
                .get(i * 4..i * 4 + 4)
                .map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize);
            at.and_then(|at| entry(&mut Reader::new(records.get(at..)?), &texts))
                .unwrap_or_else(|| {
                    failed.store(true, Ordering::Relaxed);
                    Entry::with(Cow::Borrowed(""), EntityType::Person, Cow::Borrowed(""))
                })
        },
    );
    (!failed.into_inner()).then_some(out)
}

/// One entry from its record.
fn entry(r: &mut Reader<'static>, texts: &[&'static str]) -> Option<Entry> {
    let ty = *TYPES.get(r.u8()? as usize)?;
    let ambiguous = match r.u8()? {
        0 => false,
        1 => true,
        _ => return None,
    };
    let mut s = || string(r, texts);
    let (id, subtype, canonical) = (s()??, s()??, s()??);
    let (aliases, demonyms, country, qid, codes, source) = (s()??, s()??, s()?, s()?, s()??, s()??);
    let mut e = Entry::with(id, ty, canonical);
    e.subtype = subtype;
    e.aliases = Names(aliases);
    e.demonyms = Names(demonyms);
    e.country = country;
    e.qid = qid;
    e.codes = Names(codes);
    e.source = source;
    e.ambiguous = ambiguous;
    let roles = r.u16()? as usize;
    e.roles.reserve_exact(roles);
    for _ in 0..roles {
        let title = string(r, texts)??;
        let (country, start, end) = (string(r, texts)?, string(r, texts)?, string(r, texts)?);
        e.roles.push(Role {
            title,
            country,
            start,
            end,
        });
    }
    for _ in 0..r.u16()? {
        e.ambiguous_aliases.push(string(r, texts)??);
    }
    Some(e)
}

/// A string reference: `None` for a bad one, `Some(None)` for an absent optional one.
fn string(r: &mut Reader<'static>, texts: &[&'static str]) -> Option<Option<LexStr>> {
    // Both fields in one read (700k strings at start-up).
    let both = r.u64()?;
    let (start, tag) = (both as u32 as usize, (both >> 32) as u32);
    if tag == ABSENT {
        return Some(None);
    }
    let text = texts.get((tag >> LEN_BITS) as usize)?;
    let len = (tag & ((1 << LEN_BITS) - 1)) as usize;
    Some(Some(Cow::Borrowed(
        text.get(start..start.checked_add(len)?)?,
    )))
}

/// The snapshot of `entries`, whose strings borrow the texts of [`BUNDLED`] (any
/// other string goes to the pool), for lexicon files of stamp `stamp`.
#[cfg(test)]
fn write(entries: &[Entry], stamp: u64) -> Vec<u8> {
    let mut pool = String::new();
    let mut records = Vec::new();
    let mut offsets = Vec::with_capacity(entries.len());
    let mut put = |records: &mut Vec<u8>, s: Option<&str>| {
        let Some(s) = s else {
            records.extend_from_slice(&0u32.to_le_bytes());
            records.extend_from_slice(&ABSENT.to_le_bytes());
            return;
        };
        let addr = s.as_ptr() as usize;
        let within = BUNDLED.iter().enumerate().find_map(|(k, &(_, text))| {
            let base = text.as_ptr() as usize;
            (addr >= base && addr + s.len() <= base + text.len()).then_some((k as u32, addr - base))
        });
        // The pool's source number comes after the files'.
        let (source, start) = within.unwrap_or_else(|| {
            pool.push_str(s);
            (BUNDLED.len() as u32, pool.len() - s.len())
        });
        assert!(s.len() < 1 << LEN_BITS);
        records.extend_from_slice(&u32::try_from(start).expect("under 4 GB").to_le_bytes());
        records.extend_from_slice(&(source << LEN_BITS | s.len() as u32).to_le_bytes());
    };
    for e in entries {
        offsets.push(u32::try_from(records.len()).expect("records under 4 GB"));
        let ty = TYPES
            .iter()
            .position(|&t| t == e.entity_type)
            .expect("a lexicon type");
        records.push(ty as u8);
        records.push(u8::from(e.ambiguous));
        for s in [&e.id, &e.subtype, &e.canonical, &e.aliases.0, &e.demonyms.0] {
            put(&mut records, Some(s));
        }
        put(&mut records, e.country.as_deref());
        put(&mut records, e.qid.as_deref());
        put(&mut records, Some(&e.codes.0));
        put(&mut records, Some(&e.source));
        records.extend_from_slice(&u16::try_from(e.roles.len()).expect("roles").to_le_bytes());
        for role in &e.roles {
            put(&mut records, Some(&role.title));
            put(&mut records, role.country.as_deref());
            put(&mut records, role.start.as_deref());
            put(&mut records, role.end.as_deref());
        }
        let n = u16::try_from(e.ambiguous_aliases.len()).expect("ambiguous aliases");
        records.extend_from_slice(&n.to_le_bytes());
        for a in &e.ambiguous_aliases {
            put(&mut records, Some(a));
        }
    }
    let mut out = crate::util::snapshot::header(MAGIC, VERSION, stamp);
    out.extend_from_slice(&u32::try_from(entries.len()).expect("entries").to_le_bytes());
    out.extend_from_slice(&u32::try_from(pool.len()).expect("pool").to_le_bytes());
    out.extend_from_slice(pool.as_bytes());
    for o in offsets {
        out.extend_from_slice(&o.to_le_bytes());
    }
    out.extend_from_slice(&records);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::{parse_files, BUNDLED_STAMP};

    fn parsed() -> Vec<Entry> {
        parse_files(BUNDLED, Cow::Borrowed).expect("the bundled lexicons parse")
    }

    #[test]
    fn bundled_entries_snapshot_is_fresh() {
        let entries = parsed();
        let bytes = write(&entries, BUNDLED_STAMP);
        if crate::util::snapshot::bless("entries.bin", &bytes) {
            return;
        }
        assert!(
            bytes == ENTRIES,
            "lexicons/entries.bin does not describe the bundled lexicons' entries; write \
             it again with `NEWSLENS_BLESS=1 cargo test --release --lib snapshot_is_fresh`"
        );
        let loaded = load(ENTRIES, BUNDLED_STAMP).expect("start-up takes the snapshot");
        assert!(loaded == entries, "the snapshot rebuilds other entries");
    }

    /// A snapshot of a few bundled entries with every kind of field, and one string
    /// that no file holds.
    fn small() -> (Vec<Entry>, Vec<u8>) {
        let all = parsed();
        let mut picked: Vec<Entry> = Vec::new();
        let has = |f: &dyn Fn(&Entry) -> bool| all.iter().find(|e| f(e)).cloned().unwrap();
        picked.push(has(&|e| e.roles.len() > 1 && e.qid.is_some()));
        picked.push(has(&|e| !e.demonyms.is_empty() && !e.codes.is_empty()));
        picked.push(has(&|e| e.ambiguous));
        picked.push(has(&|e| !e.ambiguous_aliases.is_empty()));
        picked.push(has(&|e| e.roles.iter().any(|r| r.end.is_none())));
        picked[1].aliases.push("Not In Any File");
        let bytes = write(&picked, 7);
        (picked, bytes)
    }

    #[test]
    fn a_snapshot_rebuilds_its_entries() {
        let (picked, bytes) = small();
        let bytes: &'static [u8] = Box::leak(bytes.into_boxed_slice());
        assert_eq!(load(bytes, 7).unwrap(), picked);
    }

    #[test]
    fn other_snapshots_are_refused() {
        let (_, bytes) = small();
        let leak = |v: Vec<u8>| -> &'static [u8] { Box::leak(v.into_boxed_slice()) };
        assert!(load(leak(bytes.clone()), 8).is_none());
        let mut v = bytes.clone();
        v[4] ^= 1;
        assert!(load(leak(v), 7).is_none());
        for cut in [0, 3, 10, 20, bytes.len() / 2, bytes.len() - 1] {
            assert!(
                load(leak(bytes[..cut].to_vec()), 7).is_none(),
                "cut at {cut}"
            );
        }
        // A string past its file's end, or in a source that does not exist.
        let first_string = record_start(&bytes) + 2;
        let mut past = bytes.clone();
        past[first_string..first_string + 4].copy_from_slice(&(u32::MAX - 8).to_le_bytes());
        assert!(load(leak(past), 7).is_none());
        let mut nowhere = bytes.clone();
        let tag = first_string + 4;
        nowhere[tag..tag + 4].copy_from_slice(&(9u32 << LEN_BITS | 1).to_le_bytes());
        assert!(load(leak(nowhere), 7).is_none());
    }

    /// Where the first record starts.
    fn record_start(bytes: &[u8]) -> usize {
        let n = u32::from_le_bytes(bytes[16..20].try_into().unwrap()) as usize;
        let pool = u32::from_le_bytes(bytes[20..24].try_into().unwrap()) as usize;
        24 + pool + 4 * n
    }
}
