//! The checks of a user lexicon's meaning, beyond its syntax: country codes that are
//! ISO 3166-1 alpha-3, aliases that are not stop words or single characters (`the`
//! would tag every "the" of every article). Role dates are checked as they are read
//! ([`crate::Date::parse_iso`]); repeated ids where the rows are gathered.

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// How a user lexicon is checked as it is loaded or validated.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CheckOptions {
    /// Accept aliases (and canonical names, demonyms) that are stop words or single
    /// characters, in every row: the CLI's `--force-aliases`. One row can accept them
    /// with the flag `force` (every name of the row) or `force=Alias` (one name).
    pub force_aliases: bool,
}

/// English function words (articles, pronouns, prepositions, conjunctions,
/// auxiliaries and modals, common determiners and adverbs): an alias equal to one of
/// them (or to it capitalized) would be found all over ordinary text.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "below",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "down",
    "during",
    "each",
    "either",
    "else",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "herself",
    "him",
    "himself",
    "his",
    "how",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "might",
    "more",
    "most",
    "must",
    "my",
    "myself",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "off",
    "on",
    "once",
    "only",
    "or",
    "other",
    "our",
    "ours",
    "ourselves",
    "out",
    "over",
    "own",
    "same",
    "shall",
    "she",
    "should",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "through",
    "to",
    "too",
    "under",
    "until",
    "up",
    "upon",
    "us",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "yourselves",
];

static STOP: LazyLock<FxHashSet<&'static str>> =
    LazyLock::new(|| STOP_WORDS.iter().copied().collect());

/// Why `name` (an alias, canonical name or demonym) would match ordinary words, if it
/// would: a single character, or a stop word as written or capitalized (an
/// all-capitals acronym such as `US` or `WHO` is fine).
pub(super) fn common_word(name: &str) -> Option<String> {
    let mut chars = name.chars();
    if chars.next().is_some() && chars.next().is_none() {
        return Some(format!(
            "`{name}` is a single character: it would match everywhere"
        ));
    }
    let lower = name.to_lowercase();
    let all_caps = name.chars().all(|c| !c.is_lowercase()) && name.len() > 1;
    if STOP.contains(lower.as_str()) && !all_caps {
        return Some(format!(
            "`{name}` is a stop word: it would tag every `{lower}` in every article"
        ));
    }
    None
}

/// The ISO 3166-1 alpha-3 codes of the bundled countries, and alpha-2 to alpha-3.
struct Codes {
    alpha3: FxHashSet<&'static str>,
    from_alpha2: FxHashMap<&'static str, &'static str>,
}

static CODES: LazyLock<Codes> = LazyLock::new(|| {
    let text = super::BUNDLED
        .iter()
        .find(|(n, _)| *n == "countries.tsv")
        .map_or("", |(_, t)| t);
    let mut alpha3 = FxHashSet::default();
    let mut from_alpha2 = FxHashMap::default();
    let mut header: Option<Vec<&str>> = None;
    for line in text.lines() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        let Some(h) = &header else {
            header = Some(f);
            continue;
        };
        let col = |name: &str| h.iter().position(|c| *c == name).and_then(|i| f.get(i));
        let Some(code) = col("id").and_then(|id| id.strip_prefix("country:")) else {
            continue;
        };
        alpha3.insert(code);
        for c in col("codes").into_iter().flat_map(|c| c.split('|')) {
            if c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()) {
                from_alpha2.insert(c, code);
            }
        }
    }
    // ISO's exceptionally reserved codes in common use: UK (GB), EL (GR).
    for (reserved, code) in [("UK", "GBR"), ("EL", "GRC")] {
        if alpha3.contains(code) {
            from_alpha2.entry(reserved).or_insert(code);
        }
    }
    Codes {
        alpha3,
        from_alpha2,
    }
});

/// Why `code` is not an ISO 3166-1 alpha-3 country code, if it is not (with the
/// alpha-3 code of an alpha-2 one, or of the same letters in capitals).
pub(super) fn bad_country(code: &str) -> Option<String> {
    let codes = &*CODES;
    if codes.alpha3.contains(code) {
        return None;
    }
    let upper = code.to_ascii_uppercase();
    let hint = codes
        .from_alpha2
        .get(upper.as_str())
        .copied()
        .or_else(|| codes.alpha3.get(upper.as_str()).copied());
    Some(match hint {
        Some(h) => format!("`{code}` is not an ISO 3166-1 alpha-3 code (did you mean `{h}`?)"),
        None => format!("`{code}` is not an ISO 3166-1 alpha-3 code"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn common_words() {
        for w in ["the", "The", "a", "A", "I", "x", "é", "Us", "who", "May"] {
            assert!(common_word(w).is_some(), "{w}");
        }
        for w in ["US", "WHO", "IT", "Acme", "Theresa", "EU", "Chad"] {
            assert!(common_word(w).is_none(), "{w}");
        }
    }

    #[test]
    fn country_codes() {
        assert_eq!(bad_country("USA"), None);
        assert_eq!(bad_country("RUS"), None);
        let e = bad_country("US").unwrap();
        assert!(e.contains("did you mean `USA`"), "{e}");
        assert!(bad_country("usa").unwrap().contains("`USA`"));
        assert!(bad_country("UK").unwrap().contains("`GBR`"));
        assert!(bad_country("XYZ").is_some());
    }
}
