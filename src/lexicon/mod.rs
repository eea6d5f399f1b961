//! Lexicons: the entity gazetteers and the word lists the later stages read.
//!
//! # The entity lexicon format
//!
//! One UTF-8 TSV file per lexicon. Lines starting with `#` before the header are
//! comments (provenance, license). The header names the columns; `id`, `type` and
//! `canonical` are required, every other column is optional and may come in any order:
//!
//! | column | meaning |
//! |---|---|
//! | `id` | stable unique id (`country:RUS`, `person:Q22686`, `org:eurojust`) |
//! | `type` | `person`, `organization`, `country` or `location` |
//! | `subtype` | e.g. `head_of_state`, `government_agency`, `intergovernmental`, `capital` |
//! | `canonical` | the canonical name, natural case; always matched too |
//! | `aliases` | `\|`-separated surface forms, matched case-sensitively as whole words |
//! | `demonyms` | `\|`-separated demonyms (`Russian\|Russians`), resolved to the entry |
//! | `country` | ISO 3166-1 alpha-3 code of the associated country |
//! | `roles` | `;`-separated `title@ISO3@start@end` (dates `YYYY[-MM[-DD]]` or empty) |
//! | `qid` | Wikidata QID |
//! | `codes` | `\|`-separated codes (ISO alpha-2, alpha-3, numeric) |
//! | `flags` | `\|`-separated: `ambiguous` (every alias), `ambiguous=Alias` (one alias) |
//! | `source` | `\|`-separated source tags |
//!
//! Entries from a later lexicon override earlier ones: an entry with the same `id`
//! replaces the earlier entry, and an alias claimed by a later entry is taken from the
//! earlier one. User lexicons are loaded after the bundled ones, so the user wins.
//!
//! # Word lists
//!
//! `cues.tsv` (`lemma form class`), `roles.tsv` (`term kind`) and `sentiment.tsv`
//! (`word valence`) are TSV with a header too; see [`WordLists`].

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;
use std::fmt;
use std::path::Path;

use crate::error::LexiconError;

mod snapshot;

/// The entity types newslens knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum EntityType {
    /// A person.
    Person,
    /// An organization: agency, body, court, party, armed group, company, media...
    Organization,
    /// A country (or territory).
    Country,
    /// A location that is not a country: a capital, a seat of government, a city.
    Location,
    /// A demonym used as a word of nationality (`Russian officials`, `the Afghans`),
    /// linked to its country; never a lexicon type. Not a place: the mention names
    /// people or things of the country, not the country itself.
    Nationality,
    /// A third-person personal pronoun (`he`, `their`), found by coreference
    /// ([`crate::entities::coref`]); never a lexicon type.
    Pronoun,
    /// A definite role or organization noun (`the president`, `the company`), found
    /// by coreference ([`crate::entities::coref`]); never a lexicon type.
    Nominal,
}

impl EntityType {
    /// The lower-case name used in lexicons and JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            EntityType::Person => "person",
            EntityType::Organization => "organization",
            EntityType::Country => "country",
            EntityType::Location => "location",
            EntityType::Nationality => "nationality",
            EntityType::Pronoun => "pronoun",
            EntityType::Nominal => "nominal",
        }
    }

    /// Parses the lower-case name of a lexicon type (`nationality`, `pronoun` and
    /// `nominal` are not).
    pub fn parse(s: &str) -> Option<EntityType> {
        Some(match s {
            "person" => EntityType::Person,
            "organization" => EntityType::Organization,
            "country" => EntityType::Country,
            "location" => EntityType::Location,
            _ => return None,
        })
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A lexicon string: borrowed from the text embedded in the binary for the bundled
/// lexicons (no allocation at start-up), owned for lexicons read at run time.
pub type LexStr = Cow<'static, str>;

/// A `|`-separated list of a lexicon row (aliases, demonyms, codes), kept as one
/// string: its trimmed, non-empty items joined by `|`, split when asked for.
///
/// Kept whole because most lists are never split: the bundled lexicons' gazetteer is
/// compiled ahead of time, so at start-up their 70k entries' lists are only
/// borrowed from the embedded text, where a vector per list had cost a fifth of the
/// lexicon parse in splitting and allocation.
///
/// ```
/// use newslens::lexicon::Names;
/// let mut n: Names = ["Russian", "Russians"].into_iter().collect();
/// n.push("Rus");
/// assert_eq!(n.iter().collect::<Vec<_>>(), ["Russian", "Russians", "Rus"]);
/// assert_eq!((n.len(), n.first()), (3, Some("Russian")));
/// assert!(n.contains("Russians") && !n.contains("Russ"));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Names(LexStr);

impl Names {
    /// The list of a `|`-separated field: borrowed through `own` when the field is
    /// already in normal form (no empty item, no space around a `|`), else rebuilt.
    fn parse<'t>(field: &'t str, own: Own<'t>) -> Names {
        let b = field.as_bytes();
        // Printable ASCII other than `|` on both sides of every `|`.
        let solid = |c: u8| (b'!'..0x80).contains(&c) && c != b'|';
        let tight = |i: usize| i > 0 && i + 1 < b.len() && solid(b[i - 1]) && solid(b[i + 1]);
        let normal = trim(field).len() == field.len() && memchr::memchr_iter(b'|', b).all(tight);
        if normal {
            Names(own(field))
        } else {
            items(field).collect()
        }
    }

    /// The items, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        let s: &str = &self.0;
        split_byte(s, b'|').filter(move |_| !s.is_empty())
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        if self.0.is_empty() {
            0
        } else {
            memchr::memchr_iter(b'|', self.0.as_bytes()).count() + 1
        }
    }

    /// True when the list has no item.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The first item.
    pub fn first(&self) -> Option<&str> {
        self.iter().next()
    }

    /// True when `name` is an item.
    pub fn contains(&self, name: &str) -> bool {
        self.iter().any(|n| n == name)
    }

    /// Appends an item (trimmed; nothing for an empty one).
    pub fn push(&mut self, name: &str) {
        let name = name.trim();
        if name.is_empty() {
            return;
        }
        let s = self.0.to_mut();
        if !s.is_empty() {
            s.push('|');
        }
        s.push_str(name);
    }
}

impl<'a> FromIterator<&'a str> for Names {
    fn from_iter<I: IntoIterator<Item = &'a str>>(items: I) -> Names {
        let mut n = Names::default();
        for item in items {
            n.push(item);
        }
        n
    }
}

/// A role a person held: title, country and dates as the source gives them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Role {
    /// The title ("President", "Attorney General").
    pub title: LexStr,
    /// ISO alpha-3 country code, if any.
    pub country: Option<LexStr>,
    /// Start date (`YYYY[-MM[-DD]]`), if known.
    pub start: Option<LexStr>,
    /// End date, if known (none: still held, or unknown).
    pub end: Option<LexStr>,
}

/// Compares two dates of possibly different precision on their common prefix.
fn date_cmp(a: &str, b: &str) -> std::cmp::Ordering {
    let n = a.len().min(b.len());
    a[..n].cmp(&b[..n])
}

/// Normalizes an article date to `YYYY[-MM[-DD]]` (a timestamp keeps its date part);
/// anything else is no date.
pub fn normalize_date(date: &str) -> Option<&str> {
    let d = date.trim();
    let cut = d
        .get(..10)
        .filter(|p| is_date(p))
        .or_else(|| d.get(..7).filter(|p| is_date(p)))
        .or_else(|| d.get(..4).filter(|p| is_date(p)))?;
    let rest = &d[cut.len()..];
    (rest.is_empty() || rest.starts_with(['T', ' '])).then_some(cut)
}

impl Role {
    /// True when the role was held on `date` (`YYYY[-MM[-DD]]`).
    pub fn held_on(&self, date: &str) -> bool {
        let started = self
            .start
            .as_deref()
            .is_none_or(|s| date_cmp(s, date).is_le());
        let not_ended = self
            .end
            .as_deref()
            .is_none_or(|e| date_cmp(date, e).is_le());
        started && not_ended
    }
}

/// One canonical entry of an entity lexicon.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable unique id.
    pub id: LexStr,
    /// Entity type.
    pub entity_type: EntityType,
    /// Subtype (free token; empty when unknown).
    pub subtype: LexStr,
    /// Canonical name.
    pub canonical: LexStr,
    /// Surface forms (the canonical name is matched too, without being listed).
    pub aliases: Names,
    /// Demonyms that resolve to this entry.
    pub demonyms: Names,
    /// Associated country (ISO alpha-3).
    pub country: Option<LexStr>,
    /// Roles with dates.
    pub roles: Vec<Role>,
    /// Wikidata QID.
    pub qid: Option<LexStr>,
    /// Codes (ISO and others).
    pub codes: Names,
    /// Every alias is ambiguous (also a common word, name or place).
    pub ambiguous: bool,
    /// These aliases alone are ambiguous.
    pub ambiguous_aliases: Vec<LexStr>,
    /// Source tags.
    pub source: LexStr,
}

impl Entry {
    /// A minimal entry; the other fields empty.
    pub fn new(id: &str, entity_type: EntityType, canonical: &str) -> Entry {
        Entry::with(
            Cow::Owned(id.to_string()),
            entity_type,
            Cow::Owned(canonical.to_string()),
        )
    }

    /// A minimal entry from lexicon strings; the other fields empty.
    fn with(id: LexStr, entity_type: EntityType, canonical: LexStr) -> Entry {
        Entry {
            id,
            entity_type,
            subtype: Cow::Borrowed(""),
            canonical,
            aliases: Names::default(),
            demonyms: Names::default(),
            country: None,
            roles: Vec::new(),
            qid: None,
            codes: Names::default(),
            ambiguous: false,
            ambiguous_aliases: Vec::new(),
            source: Cow::Borrowed(""),
        }
    }

    /// True when `alias` should only be matched with supporting context.
    pub fn is_ambiguous(&self, alias: &str) -> bool {
        self.ambiguous || self.ambiguous_aliases.iter().any(|a| a == alias)
    }

    /// The roles held on `date` (`YYYY[-MM[-DD]]`), or without a date the latest known:
    /// those still open, else the one that ended last. Partial dates compare on their
    /// common precision (a role ending `2021` is held on `2021-06-01`).
    ///
    /// An open-ended role is ignored when the same title in the same country is also
    /// listed with an end from the same start or later (one source knew it ended).
    pub fn roles_on(&self, date: Option<&str>) -> Vec<&Role> {
        let superseded = |r: &Role| {
            r.end.is_none()
                && self.roles.iter().any(|o| {
                    o.end.is_some()
                        && o.title.eq_ignore_ascii_case(&r.title)
                        && o.country == r.country
                        && date_cmp(
                            o.start.as_deref().unwrap_or(""),
                            r.start.as_deref().unwrap_or(""),
                        )
                        .is_ge()
                })
        };
        let roles = self.roles.iter().filter(|r| !superseded(r));
        match date {
            Some(d) => roles.filter(|r| r.held_on(d)).collect(),
            None => {
                let roles: Vec<&Role> = roles.collect();
                let open: Vec<&Role> = roles.iter().copied().filter(|r| r.end.is_none()).collect();
                if !open.is_empty() {
                    return open;
                }
                roles
                    .into_iter()
                    .max_by(|a, b| a.end.cmp(&b.end).then(b.start.cmp(&a.start)))
                    .into_iter()
                    .collect()
            }
        }
    }

    /// True for heads of state or government (their surnames are known without
    /// introduction; see the resolve stage).
    pub fn is_leader(&self) -> bool {
        matches!(&*self.subtype, "head_of_state" | "head_of_government")
    }
}

/// An entity lexicon: entries in load order.
#[derive(Clone, Debug, Default)]
pub struct Lexicon {
    entries: Vec<Entry>,
    by_id: IdIndex,
    /// Exactly the bundled lexicons, nothing added: the gazetteer compiled ahead of
    /// time from them applies (see [`crate::entities::gazetteer`]).
    bundled: bool,
}

/// Entry positions by id: a table keyed by the id's 64-bit hash, which can be asked
/// for ahead of use (the 70k bundled ids are indexed at start-up, and waiting on each
/// random slot in turn took 15-30 ms), and a map by id string for the ids whose hash
/// another id took first (none among the bundled ones; kept for correctness).
#[derive(Clone, Debug, Default)]
struct IdIndex {
    by_hash: crate::util::strmap::U64Map<u32>,
    others: HashMap<LexStr, usize>,
}

/// Where [`IdIndex::find`] found an id, or where it would go.
enum IdSlot {
    /// The id is at this position.
    At(usize),
    /// The id is new and its hash is free.
    NewHash(u64),
    /// The id is new and its hash belongs to another id.
    NewOther,
}

impl IdIndex {
    /// The key of an id in [`IdIndex::by_hash`] (never 0, the table's empty key).
    fn hash(id: &str) -> u64 {
        use std::hash::BuildHasher;
        rustc_hash::FxBuildHasher.hash_one(id).max(1)
    }

    fn reserve(&mut self, n: usize) {
        self.by_hash.reserve(n);
    }

    fn find(&self, entries: &[Entry], id: &str, h: u64) -> IdSlot {
        match self.by_hash.get(h) {
            None => IdSlot::NewHash(h),
            Some(&i) if *entries[i as usize].id == *id => IdSlot::At(i as usize),
            Some(_) => match self.others.get(id) {
                Some(&i) => IdSlot::At(i),
                None => IdSlot::NewOther,
            },
        }
    }

    /// Files a new id (as [`IdIndex::find`] placed it) at position `at`.
    fn insert(&mut self, slot: IdSlot, id: &LexStr, at: usize) {
        match slot {
            IdSlot::NewHash(h) => {
                let at = u32::try_from(at).expect("under 4G lexicon entries");
                self.by_hash.insert(h, at);
            }
            IdSlot::NewOther => {
                self.others.insert(id.clone(), at);
            }
            IdSlot::At(_) => {}
        }
    }
}

/// The bundled entity lexicons, embedded in the binary: (file name, contents). They
/// load in this order, so on an alias claimed twice the later file wins: countries
/// over locations over organizations over people. A static, not a constant: a
/// constant is copied into the binary where it is used (10 MB each time), and the
/// entries' start-up snapshot locates strings in this one copy.
pub static BUNDLED: &[(&str, &str)] = &[
    ("people.tsv", include_str!("../../lexicons/people.tsv")),
    (
        "organizations.tsv",
        include_str!("../../lexicons/organizations.tsv"),
    ),
    (
        "locations.tsv",
        include_str!("../../lexicons/locations.tsv"),
    ),
    (
        "countries.tsv",
        include_str!("../../lexicons/countries.tsv"),
    ),
];

include!(concat!(env!("OUT_DIR"), "/lexicon_stamp.rs"));

const BUNDLED_CUES: &str = include_str!("../../lexicons/cues.tsv");
/// Cue phrases mined from the PolNeAR train split by `scripts/train/mine_cues.py`.
const BUNDLED_MINED_CUES: &str = include_str!("../../lexicons/cues_polnear.tsv");
const BUNDLED_ROLES: &str = include_str!("../../lexicons/roles.tsv");
const BUNDLED_SENTIMENT: &str = include_str!("../../lexicons/sentiment.tsv");
const BUNDLED_FIRST_NAMES: &str = include_str!("../../lexicons/first_names.tsv");
const BUNDLED_SURNAMES: &str = include_str!("../../lexicons/surnames.tsv");

impl Lexicon {
    /// An empty lexicon.
    pub fn new() -> Lexicon {
        Lexicon::default()
    }

    /// The bundled lexicons (countries, locations, organizations, people).
    pub fn bundled() -> Lexicon {
        // The entries as the snapshot locates them in the embedded text (see
        // [`snapshot`]); failing that, every row of every file parses in parallel into
        // one vector, in load order, every string borrowing the embedded text.
        let entries = snapshot::load(snapshot::ENTRIES, BUNDLED_STAMP).unwrap_or_else(|| {
            parse_files(BUNDLED, Cow::Borrowed)
                .expect("bundled lexicons are validated by the test suite")
        });
        let mut lex = Lexicon::new();
        lex.extend(entries);
        lex.bundled = true;
        lex
    }

    /// True when the lexicon holds exactly the bundled entries (nothing added).
    pub(crate) fn is_bundled(&self) -> bool {
        self.bundled
    }

    /// Parses a lexicon file and adds its entries (later entries win).
    pub fn add_file(&mut self, path: &Path) -> Result<usize, LexiconError> {
        let name = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| LexiconError::io(&name, e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
            LexiconError::at(&name, line, "invalid UTF-8")
        })?;
        self.add_tsv(&name, &text)
    }

    /// Parses lexicon text (`name` is used in error messages) and adds its entries.
    /// Returns how many entries were read.
    pub fn add_tsv(&mut self, name: &str, text: &str) -> Result<usize, LexiconError> {
        let entries = parse_entries(name, text, |s| Cow::Owned(s.to_string()))?;
        let n = entries.len();
        self.extend(entries);
        Ok(n)
    }

    /// Adds entries in order, as [`Lexicon::push`] one by one would, without moving
    /// them when the lexicon is empty and their ids are distinct (the bundled case: the
    /// vector becomes the lexicon's own).
    fn extend(&mut self, mut entries: Vec<Entry>) {
        self.bundled = false;
        self.by_id.reserve(entries.len());
        if !self.entries.is_empty() {
            for e in entries {
                self.push(e);
            }
            return;
        }
        // Kept entries are compacted to the front: an entry whose id came earlier
        // replaces that earlier one in place. Ids are hashed first, so each one's
        // slot can be asked for a few entries ahead.
        let hashes: Vec<u64> = entries.iter().map(|e| IdIndex::hash(&e.id)).collect();
        const AHEAD: usize = 8;
        let mut kept = 0;
        for (i, &h) in hashes.iter().enumerate() {
            if let Some(&ahead) = hashes.get(i + AHEAD) {
                self.by_id.by_hash.prefetch(ahead);
            }
            // Positions below `kept` hold the kept entries, so `find` sees them.
            match self.by_id.find(&entries[..kept], &entries[i].id, h) {
                IdSlot::At(k) => entries.swap(k, i),
                slot => {
                    // (An entry already in place is not swapped with itself: a
                    // 272-byte copy three times over, for each of the 70k.)
                    if kept != i {
                        entries.swap(kept, i);
                    }
                    self.by_id.insert(slot, &entries[kept].id, kept);
                    kept += 1;
                }
            }
        }
        entries.truncate(kept);
        self.entries = entries;
    }

    /// Adds one entry; an entry with the same id is replaced.
    pub fn push(&mut self, entry: Entry) {
        self.bundled = false;
        let h = IdIndex::hash(&entry.id);
        match self.by_id.find(&self.entries, &entry.id, h) {
            IdSlot::At(k) => self.entries[k] = entry,
            slot => {
                self.by_id.insert(slot, &entry.id, self.entries.len());
                self.entries.push(entry);
            }
        }
    }

    /// All entries, in load order.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The entry with this id.
    pub fn get(&self, id: &str) -> Option<&Entry> {
        match self.by_id.find(&self.entries, id, IdIndex::hash(id)) {
            IdSlot::At(i) => Some(&self.entries[i]),
            _ => None,
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entry counts per type.
    pub fn counts(&self) -> Vec<(EntityType, usize)> {
        let mut counts: Vec<(EntityType, usize)> = [
            EntityType::Person,
            EntityType::Organization,
            EntityType::Country,
            EntityType::Location,
        ]
        .iter()
        .map(|&t| (t, 0))
        .collect();
        for e in &self.entries {
            if let Some(c) = counts.iter_mut().find(|c| c.0 == e.entity_type) {
                c.1 += 1;
            }
        }
        counts
    }
}

/// Splits a TSV line into fields.
fn fields(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    fields_into(line, &mut out);
    out
}

/// Splits a TSV line into fields, into `out` (cleared first; reused across rows).
fn fields_into<'t>(line: &'t str, out: &mut Vec<&'t str>) {
    let line = line.trim_end_matches(['\r', '\n']);
    out.clear();
    // One pass over the row, eight bytes at a time: a memchr call per field costs
    // more in set-up than the short field it scans (a fifth of the lexicon parse).
    let b = line.as_bytes();
    let mut from = 0;
    let mut i = 0;
    while i + 8 <= b.len() {
        let chunk: [u8; 8] = b[i..i + 8].try_into().expect("eight bytes");
        let mut tabs = crate::util::swar::eq_bytes(u64::from_le_bytes(chunk), b'\t');
        while tabs != 0 {
            let at = i + (tabs.trailing_zeros() / 8) as usize;
            out.push(&line[from..at]);
            from = at + 1;
            tabs &= tabs - 1;
        }
        i += 8;
    }
    for (k, &c) in b[i..].iter().enumerate() {
        if c == b'\t' {
            out.push(&line[from..i + k]);
            from = i + k + 1;
        }
    }
    out.push(&line[from..]);
}

/// Parses a decimal number as `str::parse::<f32>` does, bit for bit, with a short
/// path for the model files' numbers (`-0.4913`: at most seven digits, a sign and a
/// point): their digits as an integer below 2^24 and a power of ten up to 10^10 are
/// both exact in an `f32`, so one division rounds correctly (Clinger's fast path, which
/// the standard parser also takes, after more general work: 180 instructions a number,
/// half of loading the mention model). Anything else goes to the standard parser.
pub(crate) fn parse_f32(s: &str) -> Option<f32> {
    const POW10: [f32; 11] = [1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10];
    let b = s.as_bytes();
    let (negative, digits) = match b.first() {
        Some(b'-') => (true, &b[1..]),
        _ => (false, b),
    };
    let mut m: u32 = 0;
    let mut count = 0;
    let mut point = None;
    for (i, &c) in digits.iter().enumerate() {
        match c {
            b'0'..=b'9' if count < 7 => {
                m = m * 10 + u32::from(c - b'0');
                count += 1;
            }
            b'.' if point.is_none() && i > 0 && i + 1 < digits.len() => point = Some(i),
            _ => return s.parse().ok(),
        }
    }
    if count == 0 {
        return s.parse().ok();
    }
    let fraction = point.map_or(0, |p| digits.len() - p - 1);
    let x = m as f32 / POW10[fraction];
    Some(if negative { -x } else { x })
}

/// Makes a lexicon string of a piece of lexicon text: [`Cow::Borrowed`] for the
/// embedded text, an owned copy otherwise.
type Own<'t> = fn(&'t str) -> LexStr;

/// Splits on an ASCII byte with memchr (`str::split` costs 15% of start-up here).
pub(crate) fn split_byte(s: &str, sep: u8) -> impl Iterator<Item = &str> {
    let mut from = 0;
    let mut cuts = memchr::memchr_iter(sep, s.as_bytes());
    let mut done = false;
    std::iter::from_fn(move || {
        if done {
            return None;
        }
        let piece = match cuts.next() {
            Some(i) => {
                let p = &s[from..i];
                from = i + 1;
                p
            }
            None => {
                done = true;
                &s[from..]
            }
        };
        Some(piece)
    })
}

/// `str::trim`, with a fast path for the usual field, which starts and ends with a
/// printable ASCII character (the general trim decodes characters: a fifth of the
/// lexicon parse).
#[inline]
fn trim(s: &str) -> &str {
    let printable = |b: &u8| (b'!'..0x80).contains(b);
    let b = s.as_bytes();
    if b.first().is_some_and(printable) && b.last().is_some_and(printable) {
        s
    } else {
        s.trim()
    }
}

/// The non-empty trimmed items of a `|`-separated list.
fn items(s: &str) -> impl Iterator<Item = &str> {
    split_byte(s, b'|').map(trim).filter(|a| !a.is_empty())
}

fn opt<'t>(s: &'t str, own: Own<'t>) -> Option<LexStr> {
    let s = trim(s);
    (!s.is_empty()).then(|| own(s))
}

/// A header: column name -> index, and the data lines after it.
struct Table<'a> {
    columns: HashMap<&'a str, usize>,
    width: usize,
    rows: Vec<(usize, &'a str)>,
}

fn parse_table<'a>(
    name: &str,
    text: &'a str,
    required: &[&str],
) -> Result<Table<'a>, LexiconError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut lines = split_byte(text, b'\n')
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .enumerate()
        .map(|(i, l)| (i + 1, l));
    let (header_line, header) = loop {
        match lines.next() {
            None => return Err(LexiconError::at(name, 1, "no header line")),
            Some((_, l)) if l.starts_with('#') || l.trim().is_empty() => continue,
            Some(h) => break h,
        }
    };
    let cols = fields(header);
    let mut columns = HashMap::default();
    for (i, c) in cols.iter().enumerate() {
        let c = c.trim();
        if c.is_empty() {
            return Err(LexiconError::at(
                name,
                header_line,
                format!("empty column name in header (column {})", i + 1),
            ));
        }
        if columns.insert(c, i).is_some() {
            return Err(LexiconError::at(
                name,
                header_line,
                format!("column `{c}` appears twice in the header"),
            ));
        }
    }
    for r in required {
        if !columns.contains_key(r) {
            return Err(LexiconError::at(
                name,
                header_line,
                format!(
                    "header lacks the required column `{r}` (found: {})",
                    cols.join(", ")
                ),
            ));
        }
    }
    // Sized up front (counting newlines is cheap next to growing a Vec of 50k rows).
    let mut rows = Vec::with_capacity(memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1);
    for (line, l) in lines {
        if !l.starts_with('#') && !trim(l).is_empty() {
            rows.push((line, l));
        }
    }
    Ok(Table {
        columns,
        width: cols.len(),
        rows,
    })
}

impl<'a> Table<'a> {
    /// The positions of these columns (looked up once, not per row).
    fn cols<const N: usize>(&self, names: [&str; N]) -> [Option<usize>; N] {
        names.map(|c| self.columns.get(c).copied())
    }

    /// The trimmed field of `row` at column `col` ("" when absent).
    fn get<'r>(row: &[&'r str], col: Option<usize>) -> &'r str {
        col.and_then(|i| row.get(i)).map_or("", |s| trim(s))
    }

    fn check_width(&self, name: &str, line: usize, row: &[&str]) -> Result<(), LexiconError> {
        if row.len() != self.width {
            return Err(LexiconError::at(
                name,
                line,
                format!(
                    "expected {} tab-separated fields, found {}",
                    self.width,
                    row.len()
                ),
            ));
        }
        Ok(())
    }
}

fn parse_roles<'t>(
    name: &str,
    line: usize,
    s: &'t str,
    own: Own<'t>,
) -> Result<Vec<Role>, LexiconError> {
    let mut roles = Vec::new();
    if s.is_empty() {
        return Ok(roles);
    }
    for part in split_byte(s, b';').map(trim).filter(|p| !p.is_empty()) {
        let mut it = split_byte(part, b'@');
        let title = trim(it.next().unwrap_or(""));
        if title.is_empty() {
            return Err(LexiconError::at(
                name,
                line,
                format!("role `{part}` has no title"),
            ));
        }
        let role = Role {
            title: own(title),
            country: it.next().and_then(|s| opt(s, own)),
            start: it.next().and_then(|s| opt(s, own)),
            end: it.next().and_then(|s| opt(s, own)),
        };
        if it.next().is_some() {
            return Err(LexiconError::at(
                name,
                line,
                format!("role `{part}` has more than four `@` fields"),
            ));
        }
        for d in [&role.start, &role.end].into_iter().flatten() {
            if !is_date(d) {
                return Err(LexiconError::at(
                    name,
                    line,
                    format!("role `{part}`: `{d}` is not a YYYY[-MM[-DD]] date"),
                ));
            }
        }
        roles.push(role);
    }
    Ok(roles)
}

fn is_date(d: &str) -> bool {
    // YYYY, YYYY-MM or YYYY-MM-DD, digits only (no allocation: start-up parses ~60k).
    let b = d.as_bytes();
    let digits = |r: std::ops::Range<usize>| b[r].iter().all(u8::is_ascii_digit);
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

/// Parses the rows of an entity lexicon; `own` makes the entries' strings.
fn parse_entries<'t>(name: &str, text: &'t str, own: Own<'t>) -> Result<Vec<Entry>, LexiconError> {
    parse_files(&[(name, text)], own)
}

/// Parses the rows of several entity lexicons, `(file name, text)`, into one vector in
/// file order (no entry is moved after it is parsed); `own` makes the strings. The
/// first error in file and line order is returned.
fn parse_files<'t>(files: &[(&str, &'t str)], own: Own<'t>) -> Result<Vec<Entry>, LexiconError> {
    use rayon::prelude::*;
    // Headers checked in parallel, their errors taken in file order.
    let tables: Vec<Result<Table<'t>, LexiconError>> = files
        .par_iter()
        .map(|&(name, text)| parse_table(name, text, &["id", "type", "canonical"]))
        .collect();
    let tables = tables.into_iter().collect::<Result<Vec<_>, _>>()?;
    let columns: Vec<[Option<usize>; 12]> = tables
        .iter()
        .map(|table| {
            [
                "id",
                "type",
                "canonical",
                "subtype",
                "aliases",
                "demonyms",
                "country",
                "roles",
                "qid",
                "codes",
                "flags",
                "source",
            ]
            .map(|c| table.columns.get(c).copied())
        })
        .collect();
    let parse_row = |file: usize,
                     line: usize,
                     raw: &'t str,
                     row: &mut Vec<&'t str>|
     -> Result<Entry, LexiconError> {
        let (name, table) = (files[file].0, &tables[file]);
        let [c_id, c_type, c_canonical, c_subtype, c_aliases, c_demonyms, c_country, c_roles, c_qid, c_codes, c_flags, c_source] =
            columns[file];
        fields_into(raw, row);
        table.check_width(name, line, row)?;
        let get = |c: Option<usize>| c.and_then(|i| row.get(i)).map_or("", |s| trim(s));
        let id = get(c_id);
        if id.is_empty() {
            return Err(LexiconError::at(name, line, "empty `id`"));
        }
        let ty = get(c_type);
        let entity_type = EntityType::parse(ty).ok_or_else(|| {
            LexiconError::at(
                name,
                line,
                format!("unknown type `{ty}` (expected person, organization, country or location)"),
            )
        })?;
        let canonical = get(c_canonical);
        if canonical.is_empty() {
            return Err(LexiconError::at(
                name,
                line,
                format!("entry `{id}` has an empty `canonical`"),
            ));
        }
        let mut entry = Entry::with(own(id), entity_type, own(canonical));
        entry.subtype = own(get(c_subtype));
        entry.aliases = Names::parse(get(c_aliases), own);
        entry.demonyms = Names::parse(get(c_demonyms), own);
        entry.country = opt(get(c_country), own);
        entry.roles = parse_roles(name, line, get(c_roles), own)?;
        entry.qid = opt(get(c_qid), own);
        entry.codes = Names::parse(get(c_codes), own);
        for flag in items(get(c_flags)) {
            if flag == "ambiguous" {
                entry.ambiguous = true;
            } else if let Some(alias) = flag.strip_prefix("ambiguous=") {
                entry.ambiguous_aliases.push(own(alias));
            }
            // Unknown flags are kept for forward compatibility and ignored.
        }
        entry.source = own(get(c_source));
        Ok(entry)
    };
    // Rows parse in parallel (start-up time), each entry written straight into its
    // slot of the result; a row in error leaves a placeholder and files its error
    // aside, and the first error in file and line order wins.
    let rows: Vec<(usize, usize, &'t str)> = tables
        .iter()
        .enumerate()
        .flat_map(|(file, table)| table.rows.iter().map(move |&(line, raw)| (file, line, raw)))
        .collect();
    let first_error: std::sync::Mutex<Option<((usize, usize), LexiconError)>> = Default::default();
    // The bundled entries fill 19 MB, written once.
    let mut out = crate::util::strmap::with_capacity_in_huge_pages(rows.len());
    rows.par_iter()
        .map_init(Vec::new, |row, &(file, line, raw)| {
            parse_row(file, line, raw, row).unwrap_or_else(|e| {
                let mut first = first_error.lock().unwrap_or_else(|p| p.into_inner());
                if first.as_ref().is_none_or(|(at, _)| (file, line) < *at) {
                    *first = Some(((file, line), e));
                }
                Entry::with(Cow::Borrowed(""), EntityType::Person, Cow::Borrowed(""))
            })
        })
        .collect_into_vec(&mut out);
    match first_error.into_inner().unwrap_or_else(|p| p.into_inner()) {
        Some((_, e)) => Err(e),
        None => Ok(out),
    }
}

/// Reads a one-column name list (`name`, other columns ignored).
fn name_set(name: &str, text: &str) -> Result<rustc_hash::FxHashSet<String>, LexiconError> {
    let table = parse_table(name, text, &["name"])?;
    let col = table.columns["name"];
    let mut out = rustc_hash::FxHashSet::default();
    // Sized up front: grown one doubling at a time, the sets rehashed every name.
    out.reserve(table.rows.len());
    let mut row = Vec::new();
    for &(line, raw) in &table.rows {
        fields_into(raw, &mut row);
        table.check_width(name, line, &row)?;
        let n = trim(row[col]);
        if n.is_empty() {
            return Err(LexiconError::at(name, line, "empty `name`"));
        }
        out.insert(n.to_string());
    }
    Ok(out)
}

/// The class of a reporting cue, which sets the default stance of what it reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Neutral speech: say, tell, add, state.
    Speech,
    /// Assertion: confirm, claim, insist, argue, acknowledge.
    Assert,
    /// Warning.
    Warn,
    /// Denial.
    Deny,
    /// Promise: pledge, vow.
    Promise,
    /// Concern: express concern, worry.
    Concern,
    /// Criticism.
    Criticize,
    /// Praise.
    Praise,
    /// Report: report, reveal, announce.
    Report,
    /// Belief: think, believe, expect.
    Believe,
}

impl CueClass {
    /// Parses the lower-case name used in `cues.tsv`.
    pub fn parse(s: &str) -> Option<CueClass> {
        Some(match s {
            "speech" => CueClass::Speech,
            "assert" => CueClass::Assert,
            "warn" => CueClass::Warn,
            "deny" => CueClass::Deny,
            "promise" => CueClass::Promise,
            "concern" => CueClass::Concern,
            "criticize" => CueClass::Criticize,
            "praise" => CueClass::Praise,
            "report" => CueClass::Report,
            "believe" => CueClass::Believe,
            _ => return None,
        })
    }

    /// The lower-case name.
    pub const fn as_str(self) -> &'static str {
        match self {
            CueClass::Speech => "speech",
            CueClass::Assert => "assert",
            CueClass::Warn => "warn",
            CueClass::Deny => "deny",
            CueClass::Promise => "promise",
            CueClass::Concern => "concern",
            CueClass::Criticize => "criticize",
            CueClass::Praise => "praise",
            CueClass::Report => "report",
            CueClass::Believe => "believe",
        }
    }
}

/// A reporting cue form ("said") with its lemma ("say") and class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cue {
    /// Lemma.
    pub lemma: String,
    /// Class.
    pub class: CueClass,
}

/// Whether a role word is a title placed before a name or an agent noun.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoleKind {
    /// A title before a name: President, Attorney General, Dr.
    Title,
    /// An agent noun: spokesman, officials, critics, police.
    Agent,
}

/// The word lists the claim, pattern and sentiment stages read.
#[derive(Clone, Debug, Default)]
pub struct WordLists {
    /// Reporting cue forms, lower case ("said" -> say/speech).
    pub cues: HashMap<String, Cue>,
    /// First words of the cue forms ("expressed" for "expressed concern"), lower case.
    pub cue_heads: rustc_hash::FxHashSet<String>,
    /// Role words as written ("President" -> Title, "spokesman" -> Agent); titles in
    /// natural case, agents in lower case.
    pub roles: HashMap<String, RoleKind>,
    /// The proper word prefixes of multi-word titles ("Attorney" for "Attorney
    /// General"), so a title lookup stops as soon as no title can follow.
    pub title_prefixes: rustc_hash::FxHashSet<String>,
    /// Sentiment valence per lower-case word, in [-4, 4] (VADER's scale).
    pub sentiment: HashMap<String, f32>,
    /// Given names as written ("Michael"), for the "First Last" person pattern.
    pub first_names: rustc_hash::FxHashSet<String>,
    /// Surnames of the lexicon's people ("Mueller"): alone mid-sentence, a person.
    pub surnames: rustc_hash::FxHashSet<String>,
    /// The attribution cue detector.
    pub cue_model: crate::claims::cue_model::CueModel,
}

impl WordLists {
    /// The bundled word lists.
    pub fn bundled() -> WordLists {
        // Three groups of about equal work, side by side (start-up).
        let (mut w, (cue_model, (first_names, surnames))) = rayon::join(
            || {
                let mut w = WordLists::default();
                // Mined cues first: a form in the hand-curated list keeps its lemma and
                // class.
                w.add_cues("cues_polnear.tsv", BUNDLED_MINED_CUES)
                    .expect("bundled cues are validated by the test suite");
                w.add_cues("cues.tsv", BUNDLED_CUES)
                    .expect("bundled cues are validated by the test suite");
                w.add_roles("roles.tsv", BUNDLED_ROLES)
                    .expect("bundled roles are validated by the test suite");
                w.add_sentiment("sentiment.tsv", BUNDLED_SENTIMENT)
                    .expect("bundled sentiment is validated by the test suite");
                w
            },
            || {
                rayon::join(crate::claims::cue_model::CueModel::bundled, || {
                    let names = |name, text| {
                        name_set(name, text)
                            .expect("bundled name lists are validated by the test suite")
                    };
                    (
                        names("first_names.tsv", BUNDLED_FIRST_NAMES),
                        names("surnames.tsv", BUNDLED_SURNAMES),
                    )
                })
            },
        );
        w.cue_model = cue_model;
        w.first_names = first_names;
        w.surnames = surnames;
        w
    }

    /// Adds cue rows (`lemma form class`).
    pub fn add_cues(&mut self, name: &str, text: &str) -> Result<usize, LexiconError> {
        let table = parse_table(name, text, &["lemma", "form", "class"])?;
        let [c_lemma, c_form, c_class] = table.cols(["lemma", "form", "class"]);
        let mut row = Vec::new();
        for &(line, raw) in &table.rows {
            fields_into(raw, &mut row);
            table.check_width(name, line, &row)?;
            let class_s = Table::get(&row, c_class);
            let class = CueClass::parse(class_s).ok_or_else(|| {
                LexiconError::at(name, line, format!("unknown cue class `{class_s}`"))
            })?;
            let form = Table::get(&row, c_form).to_lowercase();
            if form.is_empty() {
                return Err(LexiconError::at(name, line, "empty `form`"));
            }
            if let Some(head) = form.split(' ').next() {
                self.cue_heads.insert(head.to_string());
            }
            self.cues.insert(
                form,
                Cue {
                    lemma: Table::get(&row, c_lemma).to_string(),
                    class,
                },
            );
        }
        Ok(table.rows.len())
    }

    /// Adds role rows (`term kind`).
    pub fn add_roles(&mut self, name: &str, text: &str) -> Result<usize, LexiconError> {
        let table = parse_table(name, text, &["term", "kind"])?;
        let [c_term, c_kind] = table.cols(["term", "kind"]);
        self.roles.reserve(table.rows.len());
        let mut row = Vec::new();
        for &(line, raw) in &table.rows {
            fields_into(raw, &mut row);
            table.check_width(name, line, &row)?;
            let kind = match Table::get(&row, c_kind) {
                "title" => RoleKind::Title,
                "agent" => RoleKind::Agent,
                k => {
                    return Err(LexiconError::at(
                        name,
                        line,
                        format!("unknown role kind `{k}` (title or agent)"),
                    ))
                }
            };
            let term = Table::get(&row, c_term);
            if term.is_empty() {
                return Err(LexiconError::at(name, line, "empty `term`"));
            }
            let key = match kind {
                RoleKind::Title => term.to_string(),
                RoleKind::Agent => term.to_lowercase(),
            };
            if kind == RoleKind::Title {
                for (i, _) in key.match_indices(' ') {
                    self.title_prefixes.insert(key[..i].to_string());
                }
            }
            // A title wins over an agent of the same spelling.
            if kind == RoleKind::Title || !self.roles.contains_key(&key) {
                self.roles.insert(key, kind);
            }
        }
        Ok(table.rows.len())
    }

    /// Adds given-name rows (`name`).
    pub fn add_first_names(&mut self, name: &str, text: &str) -> Result<usize, LexiconError> {
        let set = name_set(name, text)?;
        let n = set.len();
        self.first_names.extend(set);
        Ok(n)
    }

    /// Adds surname rows (`name`).
    pub fn add_surnames(&mut self, name: &str, text: &str) -> Result<usize, LexiconError> {
        let set = name_set(name, text)?;
        let n = set.len();
        self.surnames.extend(set);
        Ok(n)
    }

    /// Adds sentiment rows (`word valence`).
    pub fn add_sentiment(&mut self, name: &str, text: &str) -> Result<usize, LexiconError> {
        let table = parse_table(name, text, &["word", "valence"])?;
        let [c_word, c_valence] = table.cols(["word", "valence"]);
        self.sentiment.reserve(table.rows.len());
        let mut row = Vec::new();
        for &(line, raw) in &table.rows {
            fields_into(raw, &mut row);
            table.check_width(name, line, &row)?;
            let v = Table::get(&row, c_valence);
            let valence: f32 = v
                .parse()
                .ok()
                .filter(|x: &f32| x.is_finite() && (-4.0..=4.0).contains(x))
                .ok_or_else(|| {
                    LexiconError::at(
                        name,
                        line,
                        format!("valence `{v}` is not a number in [-4, 4]"),
                    )
                })?;
            self.sentiment
                .insert(Table::get(&row, c_word).to_lowercase(), valence);
        }
        Ok(table.rows.len())
    }
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        #[test]
        fn parse_f32_is_the_standard_parse(s in "-?[0-9]{0,9}(\\.[0-9]{0,8})?|[-+.e0-9]{0,8}") {
            let bits = |x: Option<f32>| x.map(f32::to_bits);
            proptest::prop_assert_eq!(bits(parse_f32(&s)), bits(s.parse().ok()), "{:?}", s);
        }
    }

    #[test]
    fn parse_f32_reads_every_bundled_weight_as_the_standard_parse() {
        let models = [
            include_str!("../../models/mentions.tsv"),
            include_str!("../../models/cue_model.tsv"),
            include_str!("../../models/sentiment.tsv"),
        ];
        let mut n = 0;
        for line in models.iter().flat_map(|m| m.lines()) {
            for field in line.split('\t').skip(1) {
                let want = field.parse::<f32>().ok().map(f32::to_bits);
                assert_eq!(parse_f32(field).map(f32::to_bits), want, "{field}");
                n += 1;
            }
        }
        assert!(n > 80_000, "{n}");
    }

    proptest::proptest! {
        #[test]
        fn names_hold_the_trimmed_items(field in "(a|Bé|\\||  | |\u{a0}|x y|\t){0,12}") {
            // As the parser hands it over: trimmed.
            let field = trim(&field);
            let names = Names::parse(field, |s| Cow::Owned(s.to_string()));
            let want: Vec<&str> = items(field).collect();
            proptest::prop_assert_eq!(names.iter().collect::<Vec<_>>(), want.clone());
            proptest::prop_assert_eq!(names.len(), want.len());
            proptest::prop_assert_eq!(names.is_empty(), want.is_empty());
        }
    }

    #[test]
    fn date_shapes() {
        for d in ["2020", "2020-01", "2020-01-31"] {
            assert!(is_date(d), "{d}");
        }
        for d in [
            "",
            "20",
            "2020-",
            "2020-1",
            "2020-01-1",
            "20x0",
            "2020/01/01",
            "2020-01-01-",
        ] {
            assert!(!is_date(d), "{d}");
        }
    }

    #[test]
    fn bundled_word_lists_load() {
        let bundled = WordLists::bundled();
        assert!(bundled.cue_model.weights.len() > 1000);
        // Mined phrases are loaded; the hand-curated class wins on a shared form.
        assert!(bundled.cues.contains_key("made it clear"));
        assert_eq!(bundled.cues["said"].lemma, "say");
    }

    use super::*;

    const HEADER: &str = "id\ttype\tsubtype\tcanonical\taliases\tdemonyms\tcountry\troles\tqid\tcodes\tflags\tsource\n";

    #[test]
    fn bundled_lexicons_parse() {
        for (name, text) in BUNDLED {
            let mut lex = Lexicon::new();
            let n = lex.add_tsv(name, text).unwrap_or_else(|e| panic!("{e}"));
            assert!(n > 0, "{name} is empty");
        }
        let w = WordLists::bundled();
        assert!(w.cues.contains_key("said"));
        assert!(w.sentiment.len() > 1000);
    }

    #[test]
    fn parses_full_row() {
        let text = format!(
            "# comment\n{HEADER}person:x\tperson\thead_of_state\tJane Roe\tJ. Roe|Jane Q. Roe\t\tUSA\tPresident@USA@2001-01-20@2005;Senator@USA@@\tQ1\t\tambiguous=J. Roe\ttest\n"
        );
        let mut lex = Lexicon::new();
        assert_eq!(lex.add_tsv("t.tsv", &text).unwrap(), 1);
        let e = lex.get("person:x").unwrap();
        assert_eq!(
            e.aliases.iter().collect::<Vec<_>>(),
            ["J. Roe", "Jane Q. Roe"]
        );
        assert_eq!(e.roles.len(), 2);
        assert_eq!(e.roles[0].end.as_deref(), Some("2005"));
        assert!(e.is_ambiguous("J. Roe") && !e.is_ambiguous("Jane Roe"));
        assert!(e.is_leader());
    }

    #[test]
    fn roles_in_time() {
        let mut e = Entry::new("p", EntityType::Person, "Merrick Garland");
        e.roles = parse_roles(
            "t",
            1,
            "Judge@USA@1997-03-20@2021-03-10;Attorney General@USA@2021-03-11@2025-01-20",
            Cow::Borrowed,
        )
        .unwrap();
        fn titles(e: &Entry, d: Option<&str>) -> Vec<String> {
            e.roles_on(d).iter().map(|r| r.title.to_string()).collect()
        }
        assert_eq!(titles(&e, Some("2022-05-01")), vec!["Attorney General"]);
        assert_eq!(titles(&e, Some("2010")), vec!["Judge"]);
        assert_eq!(
            titles(&e, Some("2021-03")),
            vec!["Judge", "Attorney General"]
        );
        assert!(titles(&e, Some("2026-01-01")).is_empty());
        assert_eq!(titles(&e, None), vec!["Attorney General"]);
        e.roles.push(Role {
            title: "Professor".into(),
            country: None,
            start: Some("2025".into()),
            end: None,
        });
        assert_eq!(titles(&e, None), vec!["Professor"]);
        // An open-ended "Attorney General 2021" from one source is superseded by the
        // dated one from another.
        e.roles.pop();
        e.roles.push(Role {
            title: "Attorney General".into(),
            country: Some("USA".into()),
            start: Some("2021".into()),
            end: None,
        });
        assert_eq!(titles(&e, None), vec!["Attorney General"]);
        assert!(titles(&e, Some("2026-01-01")).is_empty());
    }

    #[test]
    fn dates_normalize() {
        assert_eq!(normalize_date("2016-09-20"), Some("2016-09-20"));
        assert_eq!(normalize_date("2016-09-20T12:00:00Z"), Some("2016-09-20"));
        assert_eq!(normalize_date("2016"), Some("2016"));
        assert_eq!(normalize_date("Sept 20, 2016"), None);
        assert_eq!(normalize_date("2016-13-45x"), None);
    }

    #[test]
    fn minimal_header_is_enough() {
        let mut lex = Lexicon::new();
        lex.add_tsv("m.tsv", "id\ttype\tcanonical\norg:a\torganization\tAcme\n")
            .unwrap();
        assert_eq!(lex.get("org:a").unwrap().canonical, "Acme");
    }

    #[test]
    fn errors_name_file_and_line() {
        let cases = [
            ("id\ttype\n", "t.tsv:1:", "canonical"),
            (
                "id\ttype\tcanonical\nx\tplanet\tMars\n",
                "t.tsv:2:",
                "unknown type",
            ),
            (
                "id\ttype\tcanonical\n\nx\tperson\n",
                "t.tsv:3:",
                "expected 3",
            ),
            (
                "id\ttype\tcanonical\nx\tperson\t\n",
                "t.tsv:2:",
                "empty `canonical`",
            ),
            (
                "id\ttype\tcanonical\troles\nx\tperson\tA\tP@USA@1990-13x@\n",
                "t.tsv:2:",
                "not a YYYY",
            ),
            ("", "t.tsv:1:", "no header"),
            ("id\tid\tcanonical\n", "t.tsv:1:", "twice"),
        ];
        for (text, loc, what) in cases {
            let err = Lexicon::new()
                .add_tsv("t.tsv", text)
                .unwrap_err()
                .to_string();
            assert!(
                err.starts_with(loc) && err.contains(what),
                "{text:?} gave {err:?}"
            );
        }
    }

    #[test]
    fn fields_split_like_str_split() {
        let lines = [
            "",
            "\t",
            "a",
            "a\tb",
            "\t\t\t\t\t\t\t\t\t",
            "1234567\t9\t\tabcdefgh\tijklmnop\t",
            "Zoë\tBjörk Guðmundsdóttir\tÅland\t東京\t\r\n",
            "id:1\tperson\t\tSome Long Canonical Name\tAlias One|Alias Two\t\tUSA",
        ];
        let mut out = Vec::new();
        for line in lines {
            fields_into(line, &mut out);
            let want: Vec<&str> = line.trim_end_matches(['\r', '\n']).split('\t').collect();
            assert_eq!(out, want, "{line:?}");
        }
    }

    #[test]
    fn first_error_in_file_order_wins() {
        // Rows parse in parallel: with errors far apart, the earliest is reported.
        let mut text = String::from("id\ttype\tcanonical\n");
        for i in 0..20_000 {
            let ty = if i == 7_000 || i == 19_000 {
                "planet"
            } else {
                "person"
            };
            text.push_str(&format!("p{i}\t{ty}\tName {i}\n"));
        }
        let err = Lexicon::new().add_tsv("t.tsv", &text).unwrap_err();
        assert!(err.to_string().starts_with("t.tsv:7002:"), "{err}");
    }

    #[test]
    fn later_entries_replace_by_id() {
        let mut lex = Lexicon::new();
        lex.add_tsv("a", "id\ttype\tcanonical\nx\tperson\tOld\n")
            .unwrap();
        lex.add_tsv("b", "id\ttype\tcanonical\nx\tperson\tNew\n")
            .unwrap();
        assert_eq!(lex.len(), 1);
        assert_eq!(lex.get("x").unwrap().canonical, "New");
    }

    #[test]
    fn several_files_report_their_first_error_in_file_order() {
        let own: Own<'_> = |s| Cow::Owned(s.to_string());
        let good = "id\ttype\tcanonical\nx\tperson\tX\n";
        let bad_header = "name\n";
        let bad_row = "id\ttype\tcanonical\ny\tplanet\tY\n";
        for files in [
            [
                ("a", good),
                ("b", bad_header),
                ("c", bad_header),
                ("d", bad_row),
            ],
            [("a", good), ("b", bad_row), ("c", good), ("d", bad_row)],
        ] {
            let e = parse_files(&files, own).unwrap_err().to_string();
            assert!(e.starts_with("b:"), "{e}");
        }
        assert_eq!(
            parse_files(&[("a", good), ("c", good)], own).unwrap().len(),
            2
        );
    }

    #[test]
    fn ids_sharing_a_hash_are_told_apart() {
        let entries = vec![
            Entry::new("a", EntityType::Person, "A"),
            Entry::new("b", EntityType::Person, "B"),
        ];
        let mut index = IdIndex::default();
        index.reserve(2);
        let h = 42;
        let slot = index.find(&entries[..0], "a", h);
        assert!(matches!(slot, IdSlot::NewHash(42)));
        index.insert(slot, &entries[0].id, 0);
        let slot = index.find(&entries[..1], "b", h);
        assert!(matches!(slot, IdSlot::NewOther));
        index.insert(slot, &entries[1].id, 1);
        assert!(matches!(index.find(&entries, "a", h), IdSlot::At(0)));
        assert!(matches!(index.find(&entries, "b", h), IdSlot::At(1)));
        assert!(matches!(index.find(&entries, "c", h), IdSlot::NewOther));
        assert!(matches!(index.find(&entries, "c", 7), IdSlot::NewHash(7)));
    }

    #[test]
    fn extending_an_empty_lexicon_equals_pushing_one_by_one() {
        // Ids repeat within the batch, twice and three times, at its start and end.
        let ids = ["a", "b", "a", "c", "d", "b", "e", "a", "f", "f"];
        let batch: Vec<Entry> = ids
            .iter()
            .enumerate()
            .map(|(k, id)| Entry::new(id, EntityType::Person, &format!("N{k}")))
            .collect();
        let mut pushed = Lexicon::new();
        for e in batch.clone() {
            pushed.push(e);
        }
        let mut extended = Lexicon::new();
        extended.extend(batch);
        assert_eq!(extended.entries(), pushed.entries());
        let names: Vec<&str> = extended.entries().iter().map(|e| &*e.canonical).collect();
        assert_eq!(names, ["N7", "N5", "N3", "N4", "N6", "N9"]);
        for id in ["a", "b", "c", "d", "e", "f"] {
            assert_eq!(extended.get(id), pushed.get(id));
        }
    }

    #[test]
    fn bundled_files_load_in_order_with_later_files_winning() {
        let lex = Lexicon::bundled();
        let mut pushed = Lexicon::new();
        for (name, text) in BUNDLED {
            for e in parse_entries(name, text, Cow::Borrowed).unwrap() {
                pushed.push(e);
            }
        }
        assert_eq!(lex.len(), pushed.len());
        assert!(lex.entries() == pushed.entries());
    }

    #[test]
    fn word_list_errors() {
        let mut w = WordLists::default();
        let e = w
            .add_cues("c", "lemma\tform\tclass\nsay\tsaid\tshout\n")
            .unwrap_err();
        assert!(e.to_string().starts_with("c:2:"));
        let e = w
            .add_sentiment("s", "word\tvalence\ngood\tNaN\n")
            .unwrap_err();
        assert!(e.to_string().starts_with("s:2:"));
    }
}
