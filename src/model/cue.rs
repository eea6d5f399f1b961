//! The attribution cue detector's model: a logistic regression over context features
//! of a candidate word (`models/cue_model.tsv`, trained by
//! `scripts/train/train_cue_model.py`), read through [`crate::model::ModelFile`], with
//! its word features packed by interned word ids for the detector's lookups
//! ([`super::cue_probability`] builds the features).

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use crate::error::LexiconError;
use crate::model::ModelFile;
use crate::types::LexStr;

/// The bundled model, trained on the PolNeAR train split.
const BUNDLED: &str = include_str!("../../models/cue_model.tsv");

/// Makes a model string of a piece of model text: [`Cow::Borrowed`] for the embedded
/// text, an owned copy otherwise.
type Own<'t> = fn(&'t str) -> LexStr;

/// The attribution cue detector: a logistic regression over context features of a
/// candidate word (see `scripts/train/train_cue_model.py`, which writes the model and lists
/// the features; `claims.rs` builds the same feature strings).
#[derive(Clone, Debug, Default)]
pub struct CueModel {
    /// Feature weights by feature string (`w=said`, `p1=he`...).
    pub weights: HashMap<LexStr, f32>,
    /// Lower-case words the model decides on besides the lexicon cue heads.
    pub vocab: rustc_hash::FxHashSet<String>,
    /// Probability from which a candidate is a cue.
    pub threshold: f32,
    /// Every word that appears in a word feature, interned (see [`CueModel::word_id`]).
    word_ids: HashMap<LexStr, u32>,
    /// Weights of the word features (`w=`, `l=`, `p1=`, `p2=`, `n1=`, `n2=`, `p1w=`,
    /// `wn1=`) by [`CueFeature`] and word ids: one integer lookup each.
    packed: crate::util::strmap::U64Map<f32>,
    /// The ids of `<s>` and `</s>`, the words before a sentence and after it (0 when no
    /// feature names them).
    edges: (u32, u32),
    /// The weights of the features that take few values, looked up once.
    pub fixed: CueFixedWeights,
}

/// Weights of the cue detector's features with a handful of values, read once from
/// [`CueModel::weights`] (0 where the model has none).
#[derive(Clone, Debug, Default)]
pub struct CueFixedWeights {
    /// `bias`.
    pub bias: f32,
    /// `sx=ing`, `sx=ed`, `sx=s`, `sx=-`.
    pub suffix: [f32; 4],
    /// `cb=0`, `cb=1`: a lexicon cue earlier in the sentence.
    pub cue_before: [f32; 2],
    /// `tb=0`, `tb=1`: `that` earlier in the sentence.
    pub that_before: [f32; 2],
    /// `lex=CLASS` (and `lex=none`), by class name.
    pub lex: Vec<(String, f32)>,
    /// `qn`, `ppron`, `ppron_lex`, `cap`, `pcap`.
    pub quote_near: f32,
    /// `ppron`.
    pub pronoun_before: f32,
    /// `ppron_lex`.
    pub pronoun_before_lex: f32,
    /// `cap`.
    pub capitalized: f32,
    /// `pcap`.
    pub prev_capitalized: f32,
}

/// The cue detector's features over words, looked up by interned word ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CueFeature {
    /// `w=`: the candidate word.
    Word = 1,
    /// `l=`: its crude base form.
    Lemma,
    /// `p1=`: the word before.
    Prev1,
    /// `p2=`: two words before.
    Prev2,
    /// `n1=`: the word after.
    Next1,
    /// `n2=`: two words after.
    Next2,
    /// `p1w=`: the word before and the candidate.
    Prev1Word,
    /// `wn1=`: the candidate and the word after.
    WordNext1,
}

impl CueFeature {
    fn parse(name: &str) -> Option<(CueFeature, bool)> {
        Some(match name {
            "w" => (CueFeature::Word, false),
            "l" => (CueFeature::Lemma, false),
            "p1" => (CueFeature::Prev1, false),
            "p2" => (CueFeature::Prev2, false),
            "n1" => (CueFeature::Next1, false),
            "n2" => (CueFeature::Next2, false),
            "p1w" => (CueFeature::Prev1Word, true),
            "wn1" => (CueFeature::WordNext1, true),
            _ => return None,
        })
    }
}

#[inline]
fn packed_key(f: CueFeature, a: u32, b: u32) -> u64 {
    ((f as u64) << 58) | (u64::from(a) << 29) | u64::from(b)
}

impl CueModel {
    /// The id of a word that appears in some word feature (`None`: no word feature
    /// mentions it, so every feature with it weighs 0).
    #[inline]
    pub fn word_id(&self, word: &str) -> Option<u32> {
        self.word_ids.get(word).copied()
    }

    /// Every word some word feature mentions, with its id.
    pub fn words(&self) -> impl Iterator<Item = (&str, u32)> {
        self.word_ids.iter().map(|(w, &id)| (&**w, id))
    }

    /// The weight of a word feature over word ids (`b` is 0 for one-word features);
    /// equal to [`CueModel::weight`] of the feature's string.
    #[inline]
    pub fn word_weight(&self, f: CueFeature, a: u32, b: u32) -> f32 {
        self.packed.get(packed_key(f, a, b)).copied().unwrap_or(0.0)
    }

    /// Asks for the memory of [`CueModel::word_weight`]`(f, a, b)` ahead of the
    /// lookup (a hint: the weights table is larger than the processor's caches).
    #[inline]
    pub fn prefetch_word_weight(&self, f: CueFeature, a: u32, b: u32) {
        self.packed.prefetch(packed_key(f, a, b));
    }

    /// The word ids of `<s>` and `</s>` (0 when no feature names them).
    #[inline]
    pub fn edge_ids(&self) -> (u32, u32) {
        self.edges
    }

    fn intern<'t>(&mut self, word: &'t str, own: Own<'t>) -> u32 {
        if let Some(&id) = self.word_ids.get(word) {
            return id;
        }
        // Ids start at 1 and stay under 2^29 (the packed key's field).
        let id = self.word_ids.len() as u32 + 1;
        self.word_ids.insert(own(word), id);
        id
    }

    /// Files a weight under its packed key when the feature is a word feature.
    fn pack<'t>(&mut self, feature: &'t str, x: f32, own: Own<'t>) {
        let Some((name, value)) = feature.split_once('=') else {
            return;
        };
        let Some((f, pair)) = CueFeature::parse(name) else {
            return;
        };
        if !pair {
            let a = self.intern(value, own);
            self.packed.insert(packed_key(f, a, 0), x);
            return;
        }
        // `a|b` where a word may itself be `|`: file every split, as the string
        // lookup `p1w=` + a + `|` + b would match any of them.
        for (i, _) in value.match_indices('|') {
            let a = self.intern(&value[..i], own);
            let b = self.intern(&value[i + 1..], own);
            self.packed.insert(packed_key(f, a, b), x);
        }
    }

    /// Parses a model file (`models/README.md`) with the columns `feature` and
    /// `weight`, and the rows `@threshold<TAB>T` and `@vocab<TAB>WORD`.
    #[cfg(test)]
    pub(crate) fn parse(name: &str, text: &str) -> Result<CueModel, LexiconError> {
        CueModel::parse_in(name, text, |s| Cow::Owned(s.to_string()))
    }

    /// The bundled model (`models/cue_model.tsv`), its strings borrowed from the
    /// embedded text.
    pub(crate) fn bundled() -> CueModel {
        CueModel::parse_in("cue_model.tsv", BUNDLED, Cow::Borrowed)
            .expect("the bundled cue model is validated by the test suite")
    }

    /// [`CueModel::parse`], its strings made by `own` (borrowed from the embedded
    /// text for the bundled model: 21k weights and their words, no allocation each).
    fn parse_in<'t>(name: &str, text: &'t str, own: Own<'t>) -> Result<CueModel, LexiconError> {
        let file = ModelFile::parse(name, text)?;
        file.expect_columns(&["feature", "weight"])?;
        let mut m = CueModel {
            threshold: 0.5,
            ..CueModel::default()
        };
        m.weights.reserve(file.max_rows());
        for row in file.rows() {
            let [f, v] = file.fields(row)?;
            match f {
                "@vocab" => {
                    m.vocab.insert(v.to_lowercase());
                }
                _ => {
                    let x = file.number(row, v)?;
                    if f == "@threshold" {
                        m.threshold = x;
                    } else {
                        m.pack(f, x, own);
                        m.weights.insert(own(f), x);
                    }
                }
            }
        }
        m.edges = (
            m.word_id("<s>").unwrap_or(0),
            m.word_id("</s>").unwrap_or(0),
        );
        let w = |f: &str| m.weight(f);
        m.fixed = CueFixedWeights {
            bias: w("bias"),
            suffix: [w("sx=ing"), w("sx=ed"), w("sx=s"), w("sx=-")],
            cue_before: [w("cb=0"), w("cb=1")],
            that_before: [w("tb=0"), w("tb=1")],
            lex: m
                .weights
                .iter()
                .filter_map(|(k, &v)| k.strip_prefix("lex=").map(|c| (c.to_string(), v)))
                .collect(),
            quote_near: w("qn"),
            pronoun_before: w("ppron"),
            pronoun_before_lex: w("ppron_lex"),
            capitalized: w("cap"),
            prev_capitalized: w("pcap"),
        };
        Ok(m)
    }

    /// The weight of a feature (0 when unknown).
    #[inline]
    pub fn weight(&self, feature: &str) -> f32 {
        self.weights.get(feature).copied().unwrap_or(0.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "# model: m\n# what: w\n# trained on: t\n# script: s\n# figure: f\n";

    #[test]
    fn cue_model_parses_and_rejects_bad_weights() {
        let m = CueModel::parse(
            "m",
            "# model: m\n# what: w\n# trained on: t\n# script: s\n# figure: f\nfeature\tweight\n@threshold\t0.4\n@vocab\tWants\nw=wants\t1.5\n",
        )
        .unwrap();
        assert_eq!(m.threshold, 0.4);
        assert!(m.vocab.contains("wants"));
        assert_eq!(m.weight("w=wants"), 1.5);
        assert_eq!(m.weight("w=other"), 0.0);
        assert!(CueModel::parse("m", &format!("{HEAD}feature\tweight\nw=x\tabc\n")).is_err());
        assert!(CueModel::parse("m", &format!("{HEAD}feature\tweight\nw=x\tNaN\n")).is_err());
        assert!(CueModel::parse("m", &format!("{HEAD}feature\tweight\nw=x\n")).is_err());
        assert!(CueModel::parse("m", "feature\tweight\nw=x\t1\n").is_err());
        let bundled = CueModel::bundled();
        assert!(bundled.weights.len() > 1000);
        assert!(bundled.threshold > 0.0 && bundled.threshold < 1.0);
    }
}
