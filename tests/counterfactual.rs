//! Name-blind sentiment and stance: the same sentence must get the same sentiment
//! toward the entity it names, and its claims the same stance, whoever that entity is.
//!
//! Each template below (positive, negative and neutral ones, with the name as subject,
//! object, inside a quotation and as a possessive) is filled with many names of one
//! kind: people of different parties, countries and sexes, organizations, countries.
//! Every filled name must be found as one entity mention of its kind, exactly its
//! span (else the test would prove nothing); across the names of a template, the
//! sentiment label toward that mention must be the same and its score may move by
//! at most [`MAX_SPREAD`]. The model file must hold no weight for a word that is a
//! name in the lexicons ([`model_has_no_name_weights`]).

use std::collections::HashSet;

use newslens::{EntityType, Polarity, Stance};

mod common;

/// How far the sentiment scores of one template may lie apart across names.
const MAX_SPREAD: f32 = 0.05;

/// People: several parties and countries, women and men, well and little known,
/// among them given names that are words with a valence (Joy, Grace).
const PEOPLE: &[&str] = &[
    "Donald Trump",
    "Barack Obama",
    "Joe Biden",
    "Vladimir Putin",
    "Xi Jinping",
    "Angela Merkel",
    "Narendra Modi",
    "Emmanuel Macron",
    "Volodymyr Zelensky",
    "Kamala Harris",
    "Nancy Pelosi",
    "Mitch McConnell",
    "Bernie Sanders",
    "Hillary Clinton",
    "Boris Johnson",
    "Justin Trudeau",
    "Jacinda Ardern",
    "Recep Tayyip Erdogan",
    "Benjamin Netanyahu",
    "Jair Bolsonaro",
    "Ron DeSantis",
    "Elizabeth Warren",
    "Olaf Scholz",
    "Cyril Ramaphosa",
    "Lisa Murkowski",
    "Jon Tester",
    "Tammy Baldwin",
    "Joy Reid",
    "Grace Meng",
    "Ted Cruz",
    "Giorgia Meloni",
    "Alexei Navalny",
    "Theresa May",
    "Sanna Marin",
];

/// Organizations: companies, alliances, charities, agencies.
const ORGANIZATIONS: &[&str] = &[
    "NATO",
    "Google",
    "Facebook",
    "Microsoft",
    "Pfizer",
    "Greenpeace",
    "Amnesty International",
    "Goldman Sachs",
    "Toyota",
    "Walmart",
    "Boeing",
    "Oxfam",
    "ExxonMobil",
    "UNICEF",
    "Interpol",
];

/// Countries of every continent and alignment.
const COUNTRIES: &[&str] = &[
    "Russia",
    "China",
    "France",
    "Germany",
    "India",
    "Brazil",
    "Mexico",
    "Canada",
    "Israel",
    "Iran",
    "Ukraine",
    "Japan",
    "Nigeria",
    "Poland",
    "Venezuela",
    "Saudi Arabia",
    "North Korea",
    "Egypt",
    "Kenya",
    "Australia",
    "Argentina",
];

/// Sentences about a person, `{X}` where the name goes, by the polarity they express
/// toward that person.
const PERSON_TEMPLATES: &[(Polarity, &str)] = &[
    (
        Polarity::Positive,
        "{X} won praise from teachers for a plan that raised pay across the district.",
    ),
    (
        Polarity::Positive,
        "Residents cheered as {X} opened the new children's hospital on Monday.",
    ),
    (
        Polarity::Positive,
        "The committee honored {X} for decades of generous work with refugees.",
    ),
    (
        Polarity::Positive,
        "Volunteers thanked {X}, whose donation rebuilt the flooded library.",
    ),
    (
        Polarity::Positive,
        "\"I am grateful for everything {X} did for our town,\" the mayor said.",
    ),
    (
        Polarity::Positive,
        "{X}'s speech inspired the graduates and drew a long standing ovation.",
    ),
    (
        Polarity::Positive,
        "Allies and rivals alike applauded {X} for brokering the peaceful agreement.",
    ),
    (
        Polarity::Positive,
        "Farmers celebrated after {X} secured fair prices for their harvest.",
    ),
    (
        Polarity::Positive,
        "In a warm tribute, the nurses praised {X} as a kind and honest leader.",
    ),
    (
        Polarity::Positive,
        "The rescued hiker said {X} was a brave and wonderful helper.",
    ),
    (
        Polarity::Negative,
        "{X} was accused of fraud and faces charges of bribery.",
    ),
    (
        Polarity::Negative,
        "Protesters condemned {X} for the brutal crackdown on journalists.",
    ),
    (
        Polarity::Negative,
        "The audit found that {X} wasted millions and misled investors.",
    ),
    (
        Polarity::Negative,
        "\"They say {X} lied to us and betrayed this town,\" the farmer said.",
    ),
    (
        Polarity::Negative,
        "{X}'s disastrous decision left thousands without heat in the storm.",
    ),
    (
        Polarity::Negative,
        "Investigators blamed {X} for the deadly failure at the plant.",
    ),
    (
        Polarity::Negative,
        "Many voters were furious with {X} after the corruption scandal broke.",
    ),
    (
        Polarity::Negative,
        "A court convicted {X} of abusing power and harassing staff.",
    ),
    (
        Polarity::Negative,
        "Critics attacked {X}, calling the policy cruel and dangerous.",
    ),
    (
        Polarity::Negative,
        "The report criticized {X} for ignoring warnings before the deadly fire.",
    ),
    (
        Polarity::Neutral,
        "{X} arrived in the capital on Wednesday for two days of meetings.",
    ),
    (
        Polarity::Neutral,
        "The schedule shows that {X} will speak at noon.",
    ),
    (
        Polarity::Neutral,
        "Reporters asked {X} about the budget timetable.",
    ),
    (
        Polarity::Neutral,
        "{X}'s office released the itinerary for next week.",
    ),
    (
        Polarity::Neutral,
        "\"We will meet {X} on Thursday,\" a spokesperson said.",
    ),
    (
        Polarity::Neutral,
        "The article quoted {X} twice in its third paragraph.",
    ),
    (
        Polarity::Neutral,
        "A photo of {X} appeared on the front page.",
    ),
    (
        Polarity::Neutral,
        "According to the agenda, {X} chairs the session after lunch.",
    ),
    (
        Polarity::Neutral,
        "{X} traveled by train from the coast to the northern city.",
    ),
    (
        Polarity::Neutral,
        "The interview with {X} lasted about forty minutes.",
    ),
];

/// Sentences about an organization or a country, `{X}` where the name goes.
const INSTITUTION_TEMPLATES: &[(Polarity, &str)] = &[
    (
        Polarity::Positive,
        "Aid workers praised {X} for its generous support after the earthquake.",
    ),
    (
        Polarity::Positive,
        "{X} won admiration for a successful campaign that saved thousands of lives.",
    ),
    (
        Polarity::Positive,
        "Economists applauded {X} for a bold and effective reform.",
    ),
    (
        Polarity::Positive,
        "\"{X} has been a wonderful partner,\" the minister said.",
    ),
    (
        Polarity::Positive,
        "{X}'s vaccine donations helped protect millions of children.",
    ),
    (
        Polarity::Positive,
        "Residents celebrated as {X} delivered clean water to the villages.",
    ),
    (
        Polarity::Positive,
        "The summit hailed {X} as a champion of peace.",
    ),
    (
        Polarity::Positive,
        "Thanks to {X}, the rescue succeeded and every miner survived.",
    ),
    (
        Polarity::Positive,
        "Teachers welcomed the excellent scholarships that {X} offered.",
    ),
    (
        Polarity::Positive,
        "Many observers said {X} handled the crisis with remarkable skill.",
    ),
    (
        Polarity::Positive,
        "Observers said {X} handled the flood with remarkable calm.",
    ),
    (
        Polarity::Negative,
        "{X} was accused of hiding evidence of the toxic spill.",
    ),
    (
        Polarity::Negative,
        "Human rights groups condemned {X} for the brutal treatment of prisoners.",
    ),
    (
        Polarity::Negative,
        "Critics blamed {X} for the disastrous collapse of the talks.",
    ),
    (
        Polarity::Negative,
        "\"{X} betrayed our trust,\" the activist said angrily.",
    ),
    (
        Polarity::Negative,
        "{X}'s failure to act caused a deadly shortage of medicine.",
    ),
    (
        Polarity::Negative,
        "Investigators say {X} lied about the dangerous defects.",
    ),
    (
        Polarity::Negative,
        "Angry workers protested against {X} over the unfair layoffs.",
    ),
    (
        Polarity::Negative,
        "The ruling fined {X} for corruption and fraud.",
    ),
    (
        Polarity::Negative,
        "Neighbors fear {X} will threaten the fragile ceasefire.",
    ),
    (
        Polarity::Negative,
        "Analysts criticized {X} for a reckless and harmful decision.",
    ),
    (
        Polarity::Neutral,
        "{X} published its annual report on Tuesday.",
    ),
    (
        Polarity::Neutral,
        "The delegation from {X} arrived in the afternoon.",
    ),
    (
        Polarity::Neutral,
        "A spokesperson for {X} confirmed the date of the meeting.",
    ),
    (
        Polarity::Neutral,
        "{X}'s representatives will attend the conference next month.",
    ),
    (Polarity::Neutral, "The table lists {X} in the fourth row."),
    (
        Polarity::Neutral,
        "\"We spoke with {X} this morning,\" the official said.",
    ),
    (Polarity::Neutral, "The map shows {X} in blue."),
    (
        Polarity::Neutral,
        "Officials from {X} and several other delegations signed the sheet.",
    ),
    (
        Polarity::Neutral,
        "The talks with {X} are scheduled for Friday.",
    ),
    (Polarity::Neutral, "The statement mentioned {X} once."),
];

/// Claims with the name as the speaker or inside the content: their stance must not
/// depend on the name.
const CLAIM_TEMPLATES: &[&str] = &[
    "{X} said the new bridge was a wonderful success.",
    "{X} said the flood had caused terrible damage.",
    "The union said {X} had ruined the negotiations.",
    "The mayor said {X} had done a great job for the region.",
    "Officials said {X} would visit the port next week.",
    "\"This is a disaster,\" {X} said.",
    "Local papers reported {X} donated generously to the hospital.",
    "{X} warned that prices could rise.",
];

/// The sentiment toward the name filled into `template`, after checking the analyzer
/// found the name as one mention of type `kind`.
fn sentiment_of(template: &str, name: &str, kind: EntityType) -> (String, Polarity, f32) {
    let at = template.find("{X}").expect("a template has {X}");
    let text = template.replace("{X}", name);
    let span = (at, at + name.len());
    let analysis = common::ANALYZER.analyze(&text);
    let e = analysis
        .entities
        .iter()
        .find(|e| (e.span.start, e.span.end) == span)
        .unwrap_or_else(|| {
            panic!(
                "{name:?} is not found as one mention in {text:?}: {:?}",
                analysis
                    .entities
                    .iter()
                    .map(|e| (&text[e.span.start..e.span.end], e.entity_type))
                    .collect::<Vec<_>>()
            )
        });
    assert_eq!(e.entity_type, kind, "the type of {name:?} in {text:?}");
    let (label, score) = (e.sentiment.label, e.sentiment.score);
    drop(analysis);
    (text, label, score)
}

/// Fills every template with every name; returns how many templates got the label
/// they express and the largest spread of scores, and panics with every template whose label or score depends on the
/// name, or when fewer than two thirds get the label they express.
fn check(templates: &[(Polarity, &str)], names: &[&str], kind: EntityType) -> (usize, f32) {
    let mut failures = Vec::new();
    let mut agree = 0;
    let mut widest = 0.0f32;
    for &(want, template) in templates {
        let results: Vec<_> = names
            .iter()
            .map(|name| sentiment_of(template, name, kind))
            .collect();
        let first = &results[0];
        let labels: HashSet<Polarity> = results.iter().map(|r| r.1).collect();
        let lo = results.iter().map(|r| r.2).fold(f32::INFINITY, f32::min);
        let hi = results
            .iter()
            .map(|r| r.2)
            .fold(f32::NEG_INFINITY, f32::max);
        widest = widest.max(hi - lo);
        if labels.len() > 1 || hi - lo > MAX_SPREAD {
            let detail: Vec<String> = results
                .iter()
                .map(|(t, l, s)| format!("    {l:?} {s:+.3}  {t}"))
                .collect();
            failures.push(format!(
                "{template:?}: labels {labels:?}, scores {lo:+.3}..{hi:+.3}\n{}",
                detail.join("\n")
            ));
        }
        if first.1 == want {
            agree += 1;
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} templates depend on the {kind} named:\n{}",
        failures.len(),
        templates.len(),
        failures.join("\n")
    );
    // A model blind to everything would pass the above: it must also read the
    // sentences (the templates are plain, so most must get their polarity).
    assert!(
        3 * agree >= 2 * templates.len(),
        "only {agree} of {} templates get the polarity they express toward a {kind}",
        templates.len()
    );
    (agree, widest)
}

/// Every template has at least ten sentences of each polarity, so the suite covers
/// positive, negative and neutral text alike.
fn ten_of_each(templates: &[(Polarity, &str)]) {
    for p in [Polarity::Positive, Polarity::Negative, Polarity::Neutral] {
        let n = templates.iter().filter(|t| t.0 == p).count();
        assert!(n >= 10, "only {n} {p:?} templates");
    }
}

#[test]
fn sentiment_toward_people_is_name_blind() {
    ten_of_each(PERSON_TEMPLATES);
    assert!(PEOPLE.len() >= 20);
    let (agree, widest) = check(PERSON_TEMPLATES, PEOPLE, EntityType::Person);
    eprintln!(
        "people: {agree} of {} templates get the polarity they express; widest spread {widest:.4}",
        PERSON_TEMPLATES.len()
    );
}

#[test]
fn sentiment_toward_organizations_is_name_blind() {
    ten_of_each(INSTITUTION_TEMPLATES);
    assert!(ORGANIZATIONS.len() >= 10);
    let (agree, widest) = check(
        INSTITUTION_TEMPLATES,
        ORGANIZATIONS,
        EntityType::Organization,
    );
    eprintln!(
        "organizations: {agree} of {} templates get the polarity they express; widest spread {widest:.4}",
        INSTITUTION_TEMPLATES.len()
    );
}

#[test]
fn sentiment_toward_countries_is_name_blind() {
    assert!(COUNTRIES.len() >= 10);
    let (agree, widest) = check(INSTITUTION_TEMPLATES, COUNTRIES, EntityType::Country);
    eprintln!(
        "countries: {agree} of {} templates get the polarity they express; widest spread {widest:.4}",
        INSTITUTION_TEMPLATES.len()
    );
}

/// The stances of the claims of `text`, in order.
fn stances(text: &str) -> Vec<Stance> {
    let analysis = common::ANALYZER.analyze(text);
    analysis.claims.iter().map(|c| c.stance).collect()
}

#[test]
fn stance_is_name_blind() {
    let mut failures = Vec::new();
    for template in CLAIM_TEMPLATES {
        for (names, kind) in [
            (PEOPLE, EntityType::Person),
            (ORGANIZATIONS, EntityType::Organization),
            (COUNTRIES, EntityType::Country),
        ] {
            let want = stances(&template.replace("{X}", names[0]));
            assert!(
                !want.is_empty(),
                "no claim in {template:?} with {}",
                names[0]
            );
            for name in names {
                sentiment_of(template, name, kind);
                let text = template.replace("{X}", name);
                let got = stances(&text);
                if got != want {
                    failures.push(format!("{text:?}: {got:?}, with {}: {want:?}", names[0]));
                }
            }
        }
    }
    assert!(
        failures.is_empty(),
        "stance depends on the name:\n{}",
        failures.join("\n")
    );
}

/// The lower-case words that are, alone, a name in the lexicons: the given names and
/// surnames, and every one-word name, alias or demonym of a person, organization or
/// country (the set `scripts/train/train_sentiment.py` keeps out of the model).
fn lexicon_names() -> HashSet<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/lexicons/");
    let mut out = HashSet::new();
    let rows = |file: &str| -> Vec<Vec<String>> {
        let text = std::fs::read_to_string(format!("{dir}{file}")).unwrap();
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .map(|l| l.split('\t').map(str::to_string).collect())
            .collect()
    };
    for file in ["first_names.tsv", "surnames.tsv"] {
        let r = rows(file);
        let col = r[0].iter().position(|c| c == "name").unwrap();
        out.extend(r[1..].iter().map(|row| row[col].to_lowercase()));
    }
    for file in ["people.tsv", "organizations.tsv", "countries.tsv"] {
        let r = rows(file);
        let col = |name: &str| r[0].iter().position(|c| c == name).unwrap();
        let cols = [col("canonical"), col("aliases"), col("demonyms")];
        for row in &r[1..] {
            for &c in &cols {
                for name in row[c].split('|') {
                    if !name.is_empty() && !name.contains(' ') {
                        out.insert(name.to_lowercase());
                    }
                }
            }
        }
    }
    out
}

/// The sentiment model holds weights per word and per kind of name, none for a
/// word that is a name: no person, organization or country has a weight of its own.
#[test]
fn model_has_no_name_weights() {
    let names = lexicon_names();
    // The set must hold the names a model fitted on news would learn first.
    for w in [
        "trump",
        "obama",
        "biden",
        "putin",
        "clinton",
        "russia",
        "nato",
        "republicans",
    ] {
        assert!(names.contains(w), "{w} is not a lexicon name");
    }
    let model = include_str!("../models/sentiment.tsv");
    let mut rows = model.lines().filter(|l| !l.starts_with('#'));
    rows.next(); // the column line
    let words: Vec<&str> = rows.filter_map(|l| l.split('\t').next()).collect();
    assert!(words.len() > 1000, "only {} rows", words.len());
    for kind in ["<PER>", "<ORG>", "<COUNTRY>"] {
        assert!(words.contains(&kind), "no row {kind}");
    }
    let named: Vec<&str> = words
        .iter()
        .copied()
        .filter(|w| names.contains(*w))
        .collect();
    assert!(
        named.is_empty(),
        "models/sentiment.tsv has weights for lexicon names: {named:?}"
    );
}
