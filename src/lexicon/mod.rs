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
use std::path::Path;

use crate::error::LexiconError;
use crate::types::{EntityType, LexStr, Role};
mod check;
pub(crate) mod closed;
mod entries;
mod tsv;
pub(crate) mod word_lists;

pub use check::CheckOptions;
pub use entries::{normalize_date, Entry, Names};
use entries::{parse_entries, parse_files, parse_files_checked};
pub(crate) use tsv::{parse_f32, split_byte};
pub use word_lists::{Cue, RoleKind, WordLists};

mod snapshot;

impl<'a> FromIterator<&'a str> for Names {
    fn from_iter<I: IntoIterator<Item = &'a str>>(items: I) -> Names {
        let mut n = Names::default();
        for item in items {
            n.push(item);
        }
        n
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

    /// Parses a lexicon file and adds its entries (later entries win), checked as a
    /// user lexicon is (see [`Lexicon::add_tsv_checked`]) with the default options.
    pub fn add_file(&mut self, path: &Path) -> Result<usize, LexiconError> {
        self.add_file_checked(path, CheckOptions::default())
    }

    /// Like [`Lexicon::add_file`], with these check options.
    pub fn add_file_checked(
        &mut self,
        path: &Path,
        opts: CheckOptions,
    ) -> Result<usize, LexiconError> {
        let name = path.display().to_string();
        let text = read_file(path)?;
        self.add_tsv_checked(&name, &text, opts)
    }

    /// Parses lexicon text (`name` is used in error messages) and adds its entries,
    /// checked with the default options. Returns how many entries were read.
    pub fn add_tsv(&mut self, name: &str, text: &str) -> Result<usize, LexiconError> {
        self.add_tsv_checked(name, text, CheckOptions::default())
    }

    /// Parses lexicon text and adds its entries, checked by syntax and by meaning:
    /// role dates that exist, ISO 3166-1 alpha-3 countries, no id twice in the text,
    /// no alias, canonical name or demonym that is a stop word or a single character
    /// unless forced (`opts`, or the row's `force` flag). The first error in line
    /// order is returned; [`check_files`] gives them all.
    pub fn add_tsv_checked(
        &mut self,
        name: &str,
        text: &str,
        opts: CheckOptions,
    ) -> Result<usize, LexiconError> {
        let entries = parse_entries(name, text, |s| Cow::Owned(s.to_string()), Some(opts))?;
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

/// Reads a lexicon file as UTF-8 text (an invalid byte is an error naming its line).
pub fn read_file(path: &Path) -> Result<String, LexiconError> {
    let name = path.display().to_string();
    let bytes = std::fs::read(path).map_err(|e| LexiconError::io(&name, e))?;
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let line = valid.iter().filter(|&&b| b == b'\n').count() + 1;
        LexiconError::at(&name, line, "invalid UTF-8")
    })
}

/// Checks entity lexicons, `(name, text)`, as `newslens lexicons --check` does: every
/// row of every file, by syntax and by meaning (see [`Lexicon::add_tsv_checked`]),
/// and no id twice among all of them (loading lets a later file replace an entry;
/// checking them together says where ids meet). Returns each file's entry count, or
/// every error in file and line order.
///
/// ```
/// use newslens::lexicon::{check_files, CheckOptions};
/// let text = "id\ttype\tcanonical\tcountry\taliases\n\
///             x\tperson\tAnn Lee\tUS\tthe\n\
///             x\tperson\tBo Li\tCHN\t\n";
/// let errors = check_files(&[("mine.tsv", text)], CheckOptions::default()).unwrap_err();
/// let lines: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
/// assert!(lines[0].starts_with("mine.tsv:2: country: `US` is not an ISO 3166-1 alpha-3"));
/// assert!(lines[1].starts_with("mine.tsv:2: aliases: `the` is a stop word"));
/// assert_eq!(lines[2], "mine.tsv:3: id: id `x` is already the id of line 2");
/// ```
pub fn check_files(
    files: &[(&str, &str)],
    opts: CheckOptions,
) -> Result<Vec<usize>, Vec<LexiconError>> {
    parse_files_checked(files, |s| Cow::Owned(s.to_string()), Some(opts))?;
    Ok(files
        .iter()
        .map(|f| {
            parse_files(std::slice::from_ref(f), |s| Cow::Owned(s.to_string()))
                .map_or(0, |e| e.len())
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::entries::parse_roles;
    use super::tsv::{fields_into, items, trim, Own};
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
    fn bundled_cues_merge_mined_and_curated() {
        let bundled = WordLists::bundled();
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
        let n = |d: &str| normalize_date(d);
        assert_eq!(n("2016-09-20").as_deref(), Some("2016-09-20"));
        assert_eq!(n("2016-09-20T12:00:00Z").as_deref(), Some("2016-09-20"));
        assert_eq!(n("2016").as_deref(), Some("2016"));
        assert_eq!(n("Sept 20, 2016").as_deref(), Some("2016-09-20"));
        assert_eq!(n("2016-13-45"), None);
        assert_eq!(n("2016-13-45x"), None);
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
            for e in parse_entries(name, text, Cow::Borrowed, None).unwrap() {
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
