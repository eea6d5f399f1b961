//! The [`Analyzer`]: built once from lexicons, immutable, shared by every thread; and
//! the [`Analysis`] of one text, which borrows the text and the analyzer.

use std::path::PathBuf;

use crate::checkworthy;
use crate::claims;
use crate::entities::gazetteer::Gazetteer;
use crate::entities::{self, EntityFinder, Env};
use crate::error::LexiconError;
use crate::lexicon::{Lexicon, WordLists};
use crate::model::cue::CueModel;
use crate::sentiment;
use crate::text::repeats;
use crate::text::sentences;
use crate::text::tokenize;
use crate::text::words::{DocWords, Vocab};
use crate::text::Doc;
use crate::types::{Claim, Entity, Sentence, Span, Token};
use crate::util::par::join;

/// Builds an [`Analyzer`]: which entity lexicons to load, in order.
///
/// ```
/// let analyzer = newslens::Analyzer::builder()
///     .default_lexicons(false)
///     .lexicon_text("mine.tsv", "id\ttype\tcanonical\naf:1\torganization\tAcme Foods\n")
///     .build()
///     .unwrap();
/// let analysis = analyzer.analyze("Acme Foods said profits rose 5%.");
/// assert_eq!(analysis.entities[0].canonical, "Acme Foods");
/// ```
#[derive(Debug, Default)]
pub struct AnalyzerBuilder {
    no_defaults: bool,
    no_model: bool,
    lexicon_only: bool,
    checks: crate::lexicon::CheckOptions,
    extra: Vec<LexiconSource>,
}

#[derive(Debug)]
enum LexiconSource {
    File(PathBuf),
    Text(String, String),
}

impl AnalyzerBuilder {
    /// Whether to load the bundled entity lexicons first (default: yes). The bundled
    /// word lists (cues, roles, sentiment) are always loaded.
    pub fn default_lexicons(mut self, yes: bool) -> Self {
        self.no_defaults = !yes;
        self
    }

    /// Whether to run the mention classifier over names no rule resolved (default:
    /// yes; it never runs without the bundled lexicons, which it was fitted with).
    pub fn mention_model(mut self, yes: bool) -> Self {
        self.no_model = !yes;
        self
    }

    /// Whether entities are lexicon (gazetteer) matches alone (default: no): no title,
    /// name or organization patterns, no mention classifier, no nested names, no
    /// surname, acronym or short-form resolution. Pronoun and nominal coreference
    /// still run. Faster, and every entity is a lexicon entry (or a pronoun/nominal).
    pub fn lexicon_only(mut self, yes: bool) -> Self {
        self.lexicon_only = yes;
        self
    }

    /// Whether the added lexicons may have aliases that are stop words or single
    /// characters (default: no, loading fails naming them; a row's `force` flag
    /// accepts its own). See [`crate::lexicon::CheckOptions`].
    pub fn force_aliases(mut self, yes: bool) -> Self {
        self.checks.force_aliases = yes;
        self
    }

    /// Adds a lexicon file, loaded after the bundled ones (so its entries win).
    pub fn lexicon_file(mut self, path: impl Into<PathBuf>) -> Self {
        self.extra.push(LexiconSource::File(path.into()));
        self
    }

    /// Adds lexicon text in the TSV format; `name` is used in error messages.
    pub fn lexicon_text(mut self, name: &str, text: &str) -> Self {
        self.extra
            .push(LexiconSource::Text(name.to_string(), text.to_string()));
        self
    }

    /// Loads the lexicons and compiles the matchers.
    pub fn build(self) -> Result<Analyzer, LexiconError> {
        crate::util::par::on_own_pool(|| self.build_here())
    }

    fn build_here(self) -> Result<Analyzer, LexiconError> {
        let no_defaults = self.no_defaults;
        let (lexicon, (words, vocab)) = join(
            move || {
                if no_defaults {
                    Lexicon::new()
                } else {
                    Lexicon::bundled()
                }
            },
            words_and_vocab,
        );
        let mut lexicon = lexicon;
        for src in &self.extra {
            match src {
                LexiconSource::File(p) => {
                    lexicon.add_file_checked(p, self.checks)?;
                }
                LexiconSource::Text(name, text) => {
                    lexicon.add_tsv_checked(name, text, self.checks)?;
                }
            }
        }
        let mut analyzer = Analyzer::assemble(lexicon, words, vocab);
        analyzer.entities.mention_model = !self.no_defaults && !self.no_model;
        analyzer.entities.lexicon_only = self.lexicon_only;
        Ok(analyzer)
    }
}

/// The bundled word lists, the cue detector, and the word table built from them and
/// the sentiment model (read beside them).
fn words_and_vocab() -> ((WordLists, CueModel), Vocab) {
    let ((words, cue_model), ()) = join(
        || join(WordLists::bundled, CueModel::bundled),
        sentiment::load,
    );
    let vocab = Vocab::new(&words, &cue_model, sentiment::word_weights());
    ((words, cue_model), vocab)
}

/// The analyzer: lexicons and compiled matchers. Build it once and share it (it is
/// `Send + Sync`); [`Analyzer::analyze`] never fails and never panics on any text.
#[derive(Debug)]
pub struct Analyzer {
    /// The word lists: cues, roles, sentiment, given names and surnames.
    words: WordLists,
    /// The claims stage's attribution cue detector.
    cue_model: CueModel,
    /// The word layer's vocabulary, built from the word lists.
    vocab: Vocab,
    /// The entity stage: lexicon, gazetteer, leaders' surnames, options.
    entities: EntityFinder,
}

impl Default for Analyzer {
    fn default() -> Self {
        Analyzer::new()
    }
}

/// Everything newslens found in one text.
#[derive(Clone, Debug)]
pub struct Analysis<'a> {
    /// The analyzed text.
    pub text: &'a str,
    /// Tokens, in order.
    pub tokens: Vec<Token>,
    /// Sentences, in order.
    pub sentences: Vec<Sentence>,
    /// Entity mentions, sorted by start (then longest first). A name inside the long
    /// form of an acronym the text defines is reported too, so mentions may nest.
    pub entities: Vec<Entity<'a>>,
    /// Claims, in text order.
    pub claims: Vec<Claim>,
    /// Repeated runs: the copies of a phrase past its eighth in a row (see
    /// [`crate::text::repeats`]), sorted; no entity or claim starts in one.
    pub repeats: Vec<Span>,
}

impl Analyzer {
    /// An analyzer with the bundled lexicons.
    pub fn new() -> Analyzer {
        crate::util::par::on_own_pool(|| {
            let (lexicon, (words, vocab)) = join(Lexicon::bundled, words_and_vocab);
            Analyzer::assemble(lexicon, words, vocab)
        })
    }

    /// A builder, to choose lexicons.
    pub fn builder() -> AnalyzerBuilder {
        AnalyzerBuilder::default()
    }

    /// An analyzer from an entity lexicon and word lists (with the bundled cue
    /// detector and sentiment model). The mention classifier does not run: it was
    /// fitted with the bundled lexicons, which [`Analyzer::builder`] loads.
    #[doc(hidden)] // internals: for the CLI, the examples and the fuzz targets
    pub fn from_parts(lexicon: Lexicon, words: WordLists) -> Analyzer {
        let cue_model = CueModel::bundled();
        let vocab = Vocab::new(&words, &cue_model, sentiment::word_weights());
        let mut analyzer = crate::util::par::on_own_pool(|| {
            Analyzer::assemble(lexicon, (words, cue_model), vocab)
        });
        analyzer.entities.mention_model = false;
        analyzer
    }

    /// An analyzer from its lexicons and the word lists' table, compiling the
    /// gazetteer. Start-up builds the word table beside the entity lexicons' parse
    /// (it needs only the word lists), so that the gazetteer's two shards have both
    /// threads here; built beside the gazetteer, the word table had kept one shard
    /// waiting (in a timeline of start-up on a 2-core VM, the gazetteer's phase fell
    /// from about 67 ms to 40 ms, before the gazetteer was compiled ahead of time).
    fn assemble(
        lexicon: Lexicon,
        (words, cue_model): (WordLists, CueModel),
        vocab: Vocab,
    ) -> Analyzer {
        Analyzer {
            words,
            cue_model,
            vocab,
            entities: EntityFinder::new(lexicon),
        }
    }

    /// The entity lexicon.
    #[doc(hidden)] // internals: for the CLI, the examples and the fuzz targets
    pub fn lexicon(&self) -> &Lexicon {
        &self.entities.lexicon
    }

    /// The word lists.
    #[doc(hidden)] // internals: for the CLI, the examples and the fuzz targets
    pub fn words(&self) -> &WordLists {
        &self.words
    }

    /// The attribution cue detector.
    #[cfg(test)]
    pub(crate) fn cue_model(&self) -> &CueModel {
        &self.cue_model
    }

    /// The compiled gazetteer.
    #[doc(hidden)] // internals: for the CLI, the examples and the fuzz targets
    pub fn gazetteer(&self) -> &Gazetteer {
        &self.entities.gazetteer
    }

    /// The word layer's vocabulary (also for `crate::training`).
    pub(crate) fn vocab(&self) -> &Vocab {
        &self.vocab
    }

    /// True when the mention classifier ([`crate::entities::mentions`]) runs: with the bundled
    /// lexicons (it was fitted with them), unless turned off.
    pub fn uses_mention_model(&self) -> bool {
        self.entities.mention_model
    }

    /// True when entities are lexicon matches alone (see
    /// [`AnalyzerBuilder::lexicon_only`]).
    pub fn is_lexicon_only(&self) -> bool {
        self.entities.lexicon_only
    }

    #[cfg(test)]
    pub(crate) fn leader_surnames(&self) -> &crate::entities::resolve::LeaderSurnames {
        &self.entities.leader_surnames
    }

    /// The mention classifier's candidates and features in `text`, for its trainer
    /// (see `examples/features.rs` and [`crate::training`]).
    #[doc(hidden)]
    pub fn mention_features(&self, text: &str) -> Vec<(usize, usize, bool, Vec<String>)> {
        crate::entities::mentions::mention_features(self.entity_env(), &self.vocab, text)
    }

    /// What the entity stage reads: its component and the word lists.
    #[doc(hidden)]
    pub fn entity_env(&self) -> Env<'_> {
        Env::new(&self.entities, &self.words)
    }

    /// Analyzes one text: tokens, sentences, entities, claims, stance and sentiment.
    /// People get their latest known roles; see [`Analyzer::analyze_dated`].
    pub fn analyze<'a>(&'a self, text: &'a str) -> Analysis<'a> {
        self.analyze_dated(text, None)
    }

    /// Like [`Analyzer::analyze`] for an article published on `date`
    /// (any form [`crate::Date::parse`] reads: `YYYY[-MM[-DD]]`, a date-time's date
    /// part, `March 5, 2025`...; an unreadable or impossible date counts as no date, and
    /// the CLI's record carries a warning for it): people get the roles they held that
    /// day.
    pub fn analyze_dated<'a>(&'a self, text: &'a str, date: Option<&str>) -> Analysis<'a> {
        let date = date.and_then(crate::lexicon::normalize_date);
        let date = date.as_deref();
        // 1. Text: tokens, sentences, and the word layer (each token's id and flags).
        let tokens = tokenize::tokenize(text);
        let sentence_spans = sentences::split_sentences(text);
        let doc_words = DocWords::new(&self.vocab, text, &tokens);
        // The copies of a phrase past its eighth in a row: nothing is reported there.
        let repeats = repeats::repeated_runs(text, &tokens);
        let doc = Doc {
            text,
            tokens: &tokens,
            sentences: &sentence_spans,
            words: &doc_words,
            repeats: &repeats,
        };
        // 2. Entities: gazetteer matches, then patterns, resolution, the mention
        //    classifier and coreference, with the roles held on `date`.
        let env = self.entity_env();
        let (matches, inner) = env.gazetteer().find_nested(text);
        let mut entities = entities::find_entities(env, doc, &matches, &inner, date);
        // 3. Sentiment of each sentence toward each mention.
        sentiment::score_mentions(doc, &mut entities);
        // 4. Check-worthiness of each sentence.
        let scores = checkworthy::score_sentences(doc, &entities);
        // 5. Claims: quotes and cues, speakers, content, stance and modality.
        let claims = claims::find_claims(&self.words, &self.cue_model, doc, &scores, &entities);
        let sentences = sentence_spans
            .iter()
            .zip(&scores)
            .map(|(&span, &checkworthiness)| Sentence {
                span,
                checkworthiness,
            })
            .collect();
        Analysis {
            text,
            tokens,
            sentences,
            entities,
            claims,
            repeats,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyzer_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Analyzer>();
    }

    /// Linear work, counted in steps (`crate::util::steps`), not seconds.
    mod linear {
        use super::*;
        use crate::util::steps;
        use proptest::prelude::*;
        use std::sync::OnceLock;

        fn analyzer() -> &'static Analyzer {
            static A: OnceLock<Analyzer> = OnceLock::new();
            A.get_or_init(Analyzer::new)
        }

        /// The steps of analyzing `text`, with the size of its output's parts.
        fn steps_of(text: &str) -> u64 {
            steps::count(|| {
                let a = analyzer().analyze(text);
                steps::add(a.entities.len() + a.claims.len() + a.sentences.len());
            })
            .1
        }

        /// Pieces of news text that the pipeline's rules look at: cues, pronouns,
        /// names, titles, abbreviations, quotes, parentheses, line breaks.
        const PIECES: &[&str] = &[
            "according to ",
            "he ",
            "she ",
            "they ",
            "U.S. ",
            "said ",
            "Trump's ",
            "the president ",
            "John Smith, ",
            "(FBB) ",
            "Foo Bar Baz ",
            "\"",
            "\u{201c}",
            "\u{201d} ",
            ". ",
            ", ",
            "Mr. ",
            "Sen. ",
            "who ",
            "told reporters that ",
            "Washington ",
            "NATO ",
            "- ",
            "\n",
            "\n\n",
            "Inc. ",
            "Ministry of ",
            "Party ",
            "the ",
            "warned ",
            "denied ",
            "( ",
            ") ",
            "Acme Holdings ",
            "may ",
            "not ",
            "The Commission ",
            "European Commission ",
            "EC ",
            "Angela Merkel ",
            "Merkel ",
            "Russian ",
            "police ",
            "reported ",
            "... ",
            "; ",
            ": ",
            "3.5% ",
            "Jan. 20 ",
        ];

        /// 4x the text costs at most 5x the steps (plus a constant for start-up-like
        /// fixed work).
        fn assert_linear(small: &str, large: &str) {
            let (s, l) = (steps_of(small), steps_of(large));
            assert!(
                l <= 5 * s + 2_000,
                "{} bytes: {s} steps; {} bytes: {l} steps ({:.1}x)\n{:?}",
                small.len(),
                large.len(),
                l as f64 / s.max(1) as f64,
                &small[..small.len().min(200)]
            );
        }

        fn repeated(phrase: &str, bytes: usize) -> String {
            phrase.repeat(bytes / phrase.len().max(1) + 1)
        }

        #[test]
        fn known_shapes() {
            for phrase in [
                "according to ",
                "he ",
                "U.S. ",
                "he said ",
                "Trump's ",
                "the president ",
                "John Smith, ",
                "Foo Bar Baz (FBB) ",
                "The quick brown fox said that officials in Washington ",
                "Acme Holdings ",
                "Ministry of Foreign Affairs and ",
                "The Commission denied he European Commission ",
            ] {
                assert_linear(&repeated(phrase, 20_000), &repeated(phrase, 80_000));
            }
        }

        /// Text of `bytes` bytes or more: pieces chosen by a linear congruential
        /// generator from `seed`, so that no phrase repeats.
        fn mixed(seed: u64, bytes: usize) -> String {
            let mut x = seed | 1;
            let mut s = String::with_capacity(bytes + 32);
            while s.len() < bytes {
                x = x
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                s.push_str(PIECES[(x >> 33) as usize % PIECES.len()]);
            }
            s
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(48))]

            #[test]
            fn any_repeated_phrase(pieces in proptest::collection::vec(0..PIECES.len(), 1..6)) {
                let phrase: String = pieces.iter().map(|&i| PIECES[i]).collect();
                assert_linear(&repeated(&phrase, 20_000), &repeated(&phrase, 80_000));
            }

            #[test]
            fn any_mixed_text(seed in any::<u64>()) {
                // The first quarter of the same text, so both have the same make-up.
                let large = mixed(seed, 80_000);
                let mut cut = 20_000;
                while !large.is_char_boundary(cut) {
                    cut += 1;
                }
                assert_linear(&large[..cut], &large);
            }
        }
    }
}
