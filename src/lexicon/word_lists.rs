//! The word lists the stages read: reporting cues, roles and titles, sentiment
//! valences, given names and surnames (`lexicons/*.tsv`).

use rustc_hash::FxHashMap as HashMap;

use super::tsv::{fields_into, parse_table, trim, Table};
use crate::error::LexiconError;
use crate::types::CueClass;

const BUNDLED_CUES: &str = include_str!("../../lexicons/cues.tsv");

/// Cue phrases mined from the PolNeAR train split by `scripts/train/mine_cues.py`.
const BUNDLED_MINED_CUES: &str = include_str!("../../lexicons/cues_polnear.tsv");

const BUNDLED_ROLES: &str = include_str!("../../lexicons/roles.tsv");

const BUNDLED_SENTIMENT: &str = include_str!("../../lexicons/sentiment.tsv");

/// The bundled given names (`lexicons/first_names.tsv`: name, source list).
pub(crate) const BUNDLED_FIRST_NAMES: &str = include_str!("../../lexicons/first_names.tsv");

const BUNDLED_SURNAMES: &str = include_str!("../../lexicons/surnames.tsv");

/// Reads a one-column name list (`name`, other columns ignored).
pub(super) fn name_set(
    name: &str,
    text: &str,
) -> Result<rustc_hash::FxHashSet<String>, LexiconError> {
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
}

impl WordLists {
    /// The bundled word lists.
    pub fn bundled() -> WordLists {
        // Two groups side by side (start-up; the cue detector loads beside them).
        let (mut w, (first_names, surnames)) = crate::util::par::join(
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
                let names = |name, text| {
                    name_set(name, text)
                        .expect("bundled name lists are validated by the test suite")
                };
                (
                    names("first_names.tsv", BUNDLED_FIRST_NAMES),
                    names("surnames.tsv", BUNDLED_SURNAMES),
                )
            },
        );
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
