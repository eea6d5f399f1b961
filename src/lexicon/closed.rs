//! The closed word lists the stages share, each in one place: titles and honorifics,
//! words that are never names, organization heads, name particles, sports words,
//! pronouns, negations, hedges and negators, and the check-worthiness word classes.
//! (The open word lists, read from `lexicons/*.tsv`, are [`super::WordLists`].)

use std::sync::LazyLock;

use rustc_hash::{FxHashMap, FxHashSet};

/// Titles placed before names that the role lexicon may lack, and honorifics.
pub(crate) const HONORIFICS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Mx", "Dr", "Prof", "Sir", "Dame", "Lord", "Lady",
];

/// Capitalized words that never start or continue a person's name.
pub(crate) const NOT_NAME_LIST: &[&str] = &[
    "The",
    "A",
    "An",
    "And",
    "Or",
    "But",
    "Of",
    "In",
    "On",
    "At",
    "To",
    "For",
    "With",
    "By",
    "From",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "His",
    "Her",
    "Their",
    "This",
    "That",
    "These",
    "Those",
    "Who",
    "What",
    "When",
    "Where",
    "Why",
    "How",
    "If",
    "As",
    "After",
    "Before",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Today",
    "Yesterday",
    "Tomorrow",
    "However",
    "Meanwhile",
    "Also",
    "Said",
    "Says",
    "Told",
    "Is",
    "Was",
    "Has",
    "Had",
    "Will",
    "Would",
    "Not",
    "No",
    "Yes",
];

/// A word list as a hash set, built on first use.
pub(crate) struct WordSet(pub(crate) LazyLock<FxHashSet<&'static str>>);

impl WordSet {
    /// True when the set holds `word`.
    #[inline]
    pub(crate) fn contains(&self, word: &&str) -> bool {
        self.0.contains(*word)
    }
}

/// [`NOT_NAME_LIST`] as a set.
pub(crate) static NOT_NAME: WordSet =
    WordSet(LazyLock::new(|| NOT_NAME_LIST.iter().copied().collect()));

/// [`ORG_HEAD_LIST`] as a set.
pub(crate) static ORG_HEADS: WordSet =
    WordSet(LazyLock::new(|| ORG_HEAD_LIST.iter().copied().collect()));

/// Words of sports reports (lower case): a document with at least
/// [`SPORT_REPORT_MIN`] of them is read as one, and its countries as national teams.
/// Only words that rarely serve politics or business are listed (not `match`, `final`,
/// `draw`, `penalty`, `coach`).
pub(crate) const SPORT_TERMS: &[&str] = &[
    "goal",
    "goals",
    "goalkeeper",
    "striker",
    "strikers",
    "midfielder",
    "midfielders",
    "defender",
    "halftime",
    "half-time",
    "referee",
    "league",
    "tournament",
    "innings",
    "wicket",
    "wickets",
    "batsman",
    "bowler",
    "championship",
    "championships",
    "semifinal",
    "semifinals",
    "semi-final",
    "semi-finals",
    "quarterfinal",
    "quarterfinals",
    "quarter-final",
    "quarter-finals",
    "equaliser",
    "equalizer",
    "kickoff",
    "kick-off",
    "playoff",
    "playoffs",
    "stadium",
    "scored",
    "scoring",
    "unbeaten",
    "olympics",
    "olympic",
    "medal",
    "medals",
    "cup",
    "fixtures",
    "rugby",
    "soccer",
    "football",
    "cricket",
    "tennis",
    "hockey",
    "basketball",
];

/// Lower-case name particles allowed inside a name ("Ludwig van Beethoven").
pub(crate) const NAME_PARTICLES: &[&str] = &[
    "van", "von", "de", "da", "di", "del", "der", "den", "bin", "ibn", "la", "le", "dos", "das",
];

/// Particles the mention classifier also lets into a name, beyond [`NAME_PARTICLES`]
/// (`Abu al Baghdadi`, `Ortega y Gasset`): too common as words to start a name pattern.
pub(crate) const MORE_PARTICLES: &[&str] = &["du", "al", "el", "y"];

/// Head words that make capitalized words around them an organization.
pub(crate) const ORG_HEAD_LIST: &[&str] = &[
    "Ministry",
    "Department",
    "Agency",
    "Commission",
    "Council",
    "Court",
    "Party",
    "Union",
    "Bank",
    "University",
    "Institute",
    "Corporation",
    "Corp",
    "Inc",
    "Company",
    "Ltd",
    "LLC",
    "Association",
    "Organization",
    "Organisation",
    "Committee",
    "Foundation",
    "Church",
    "Army",
    "Navy",
    "Forces",
    "Front",
    "Movement",
    "Alliance",
    "Federation",
    "League",
    "Club",
    "Board",
    "Authority",
    "Bureau",
    "Service",
    "College",
    "School",
    "Hospital",
    "Society",
    "Assembly",
    "Parliament",
    "Tribunal",
    "Coalition",
    "Brigade",
    "Brigades",
    "Airlines",
    "Airways",
    "Motors",
    "Industries",
    "Holdings",
    "Group",
    "Fund",
    "Trust",
    "Network",
    "Times",
    "Post",
    "Journal",
    "Institution",
    "Administration",
    "Office",
    "Police",
    "Guard",
];

/// Words that make a claim hedged.
pub(crate) const HEDGES: &[&str] = &[
    "allegedly",
    "alleged",
    "reportedly",
    "may",
    "might",
    "could",
    "appears",
    "appear",
    "appeared",
    "seems",
    "seem",
    "seemed",
    "possibly",
    "perhaps",
    "likely",
    "unlikely",
    "probably",
    "suggests",
    "suggest",
    "suggested",
    "unconfirmed",
    "purportedly",
    "apparently",
];

/// Words that negate a claim.
pub(crate) const NEGATIONS: &[&str] = &[
    "not", "never", "no", "n't", "neither", "nor", "nothing", "none",
];

/// Singular third-person pronouns (linked to a person).
pub(crate) const SINGULAR: &[&str] = &[
    "he", "him", "his", "himself", "she", "her", "hers", "herself",
];

/// Plural third-person pronouns (not linked).
pub(crate) const PLURAL: &[&str] = &["they", "them", "their", "theirs", "themselves"];

/// The words that negate a valence within three words after them (and any word
/// ending in `n't`); [`crate::text::words::Vocab`] flags them.
pub(crate) const NEGATORS: &[&str] = &[
    "not", "no", "never", "without", "nor", "neither", "none", "nobody", "nothing", "cannot",
    "hardly", "barely", "lack", "lacks", "lacking",
];

pub(crate) const QUANTITY_WORDS_LIST: &[&str] = &[
    "percent",
    "per",
    "million",
    "billion",
    "trillion",
    "thousand",
    "hundred",
    "dozen",
    "half",
    "twice",
    "times",
    "majority",
    "average",
    "rate",
    "dollars",
    "billions",
    "millions",
    "thousands",
    "hundreds",
    "%",
    "$",
    "€",
    "£",
];

pub(crate) const TREND_WORDS_LIST: &[&str] = &[
    "more",
    "less",
    "most",
    "least",
    "fewer",
    "increase",
    "increased",
    "decrease",
    "decreased",
    "rose",
    "fell",
    "grew",
    "dropped",
    "doubled",
    "tripled",
    "record",
    "largest",
    "biggest",
    "highest",
    "lowest",
    "first",
    "only",
    "never",
    "ever",
    "cut",
    "raised",
    "lost",
    "won",
    "killed",
    "died",
    "than",
    "since",
    "because",
    "caused",
    "led",
    "worst",
    "best",
    "number",
];

/// Talk about the exchange itself rather than the world.
pub(crate) const DISCOURSE_WORDS_LIST: &[&str] = &[
    "thank",
    "thanks",
    "applause",
    "laughter",
    "crosstalk",
    "inaudible",
    "yes",
    "okay",
    "ok",
    "yeah",
    "mr",
    "question",
    "questions",
    "ask",
    "asked",
    "respond",
    "folks",
    "welcome",
];

/// Plans and wishes: nothing to check yet.
pub(crate) const FUTURE_WORDS: &[&str] =
    &["will", "going", "gonna", "would", "should", "want", "wants"];

pub(crate) const PERSONAL: &[&str] = &["i", "we", "you", "me", "us", "my", "our", "your"];

/// Word classes, as bits of [`WORD_CLASSES`].
pub(crate) const QUANTITY: u8 = 1;

pub(crate) const TREND: u8 = 2;

pub(crate) const PERSONAL_WORD: u8 = 4;

pub(crate) const DISCOURSE: u8 = 8;

pub(crate) const FUTURE: u8 = 16;

/// Every listed word with the bits of the lists it is in: one lookup per word.
pub(crate) static WORD_CLASSES: LazyLock<FxHashMap<&'static str, u8>> = LazyLock::new(|| {
    let mut m: FxHashMap<&'static str, u8> = FxHashMap::default();
    let lists: [(&[&'static str], u8); 5] = [
        (QUANTITY_WORDS_LIST, QUANTITY),
        (TREND_WORDS_LIST, TREND),
        (PERSONAL, PERSONAL_WORD),
        (DISCOURSE_WORDS_LIST, DISCOURSE),
        (FUTURE_WORDS, FUTURE),
    ];
    for (list, bit) in lists {
        for w in list {
            *m.entry(w).or_default() |= bit;
        }
    }
    m
});

/// Every classed word with its class bits (for [`crate::text::words::Vocab`]).
pub(crate) fn word_classes() -> impl Iterator<Item = (&'static str, u8)> {
    WORD_CLASSES.iter().map(|(&w, &c)| (w, c))
}
