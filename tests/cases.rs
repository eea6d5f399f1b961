//! Table-driven entity and claim cases on short texts written for these tests.

mod common;

use common::ANALYZER;
use newslens::{EntityType, Modality, Stance};

/// (text, [(mention, type, canonical)]) — the mentions expected, in order. Only the
/// listed types are compared, so a case states every entity its text should yield.
/// An expected mention: (text, type, canonical).
type Mention = (&'static str, EntityType, &'static str);

const ENTITY_CASES: &[(&str, &[Mention])] = &[
    (
        "Russian troops entered Ukraine on Monday.",
        &[
            ("Russian", EntityType::Nationality, "Russia"),
            ("Ukraine", EntityType::Country, "Ukraine"),
        ],
    ),
    (
        "The US and the UK signed it; let us see.",
        &[
            ("US", EntityType::Country, "United States"),
            ("UK", EntityType::Country, "United Kingdom"),
        ],
    ),
    (
        "North Korean and Iranian officials met in Germany's capital.",
        &[
            ("North Korean", EntityType::Nationality, "North Korea"),
            ("Iranian", EntityType::Nationality, "Iran"),
            ("Germany", EntityType::Country, "Germany"),
        ],
    ),
    (
        "Foreign Minister Jane Doerty spoke. Later, Doerty left.",
        &[
            ("Jane Doerty", EntityType::Person, "Jane Doerty"),
            ("Doerty", EntityType::Person, "Jane Doerty"),
        ],
    ),
    (
        "The Global Alliance for Clean Water (GACW) met. GACW members voted.",
        &[
            (
                "Global Alliance for Clean Water",
                EntityType::Organization,
                "Global Alliance for Clean Water",
            ),
            (
                "GACW",
                EntityType::Organization,
                "Global Alliance for Clean Water",
            ),
            (
                "GACW",
                EntityType::Organization,
                "Global Alliance for Clean Water",
            ),
        ],
    ),
    (
        "President Ahmad Quraishi Ramoneda resigned. Mr. Ramoneda's lawyer declined to comment.",
        &[
            (
                "Ahmad Quraishi Ramoneda",
                EntityType::Person,
                "Ahmad Quraishi Ramoneda",
            ),
            ("Ramoneda", EntityType::Person, "Ahmad Quraishi Ramoneda"),
        ],
    ),
    (
        "Russian President Vladimir Putin met NATO leaders.",
        &[
            ("Russian", EntityType::Nationality, "Russia"),
            ("Vladimir Putin", EntityType::Person, "Vladimir Putin"),
            (
                "NATO",
                EntityType::Organization,
                "North Atlantic Treaty Organization",
            ),
        ],
    ),
    ("a woman in the room said nothing.", &[]),
];

#[test]
fn entity_table() {
    for (text, want) in ENTITY_CASES {
        let a = ANALYZER.analyze(text);
        let got: Vec<(&str, EntityType, &str)> = a
            .entities
            .iter()
            .map(|e| (e.span.slice(text), e.entity_type, e.canonical.as_ref()))
            .collect();
        assert_eq!(&got, want, "entities of {text:?}");
    }
}

struct ClaimCase {
    text: &'static str,
    speaker: Option<&'static str>,
    cue: &'static str,
    content: &'static str,
    stance: Stance,
    modality: Modality,
}

const CLAIM_CASES: &[ClaimCase] = &[
    ClaimCase {
        text: "“This is a great victory for our people,” Smith said.",
        speaker: Some("Smith"),
        cue: "said",
        content: "This is a great victory for our people",
        stance: Stance::Support,
        modality: Modality::Asserted,
    },
    ClaimCase {
        text: "The minister said that prices would rise next year.",
        speaker: Some("The minister"),
        cue: "said",
        content: "prices would rise next year",
        stance: Stance::Neutral,
        modality: Modality::Asserted,
    },
    ClaimCase {
        text: "Prices rose 5% in March, according to the central bank.",
        speaker: Some("the central bank"),
        cue: "according to",
        content: "Prices rose 5% in March",
        stance: Stance::Neutral,
        modality: Modality::Asserted,
    },
    ClaimCase {
        text: "According to the report, the dam could fail within days.",
        speaker: Some("the report"),
        cue: "According to",
        content: "the dam could fail within days",
        stance: Stance::Neutral,
        modality: Modality::Hedged,
    },
    ClaimCase {
        text: "The company denied that it paid the officials.",
        speaker: Some("The company"),
        cue: "denied",
        content: "it paid the officials",
        stance: Stance::Oppose,
        modality: Modality::Negated,
    },
    ClaimCase {
        text: "The plan will fail, said the senator.",
        speaker: Some("the senator"),
        cue: "said",
        content: "The plan will fail",
        // Predicting the plan's failure is speaking against it.
        stance: Stance::Oppose,
        modality: Modality::Asserted,
    },
    ClaimCase {
        text: "Residents, many of them elderly, have warned that the bridge is unsafe.",
        speaker: Some("Residents"),
        cue: "warned",
        content: "the bridge is unsafe",
        stance: Stance::Oppose,
        modality: Modality::Asserted,
    },
    ClaimCase {
        text: "The mayor has pledged to rebuild the school by June.",
        speaker: Some("The mayor"),
        cue: "pledged",
        content: "to rebuild the school by June",
        stance: Stance::Support,
        modality: Modality::Asserted,
    },
    // A verb coordinated with an earlier cue takes its subject.
    ClaimCase {
        text: "The governor criticized the budget and said the state needs more teachers.",
        speaker: Some("The governor"),
        cue: "said",
        content: "the state needs more teachers",
        stance: Stance::Neutral,
        modality: Modality::Asserted,
    },
    // A relative pronoun is the speaker, as PolNeAR marks it.
    ClaimCase {
        text: "Farmers, who say the drought is the worst in decades, want relief.",
        speaker: Some("who"),
        cue: "say",
        content: "the drought is the worst in decades, want relief",
        stance: Stance::Neutral,
        modality: Modality::Asserted,
    },
    // A long apposition between the speaker and the verb.
    ClaimCase {
        text: "Maria Lopez, 52, a teacher from the north of the city who has worked there for years, said the school was closed.",
        speaker: Some("Maria Lopez"),
        cue: "said",
        content: "the school was closed",
        stance: Stance::Neutral,
        modality: Modality::Asserted,
    },
    // "said of" is no passive.
    ClaimCase {
        text: "The coach said of the team that it played well.",
        speaker: Some("The coach"),
        cue: "said",
        content: "of the team that it played well",
        // Praise for the team.
        stance: Stance::Support,
        modality: Modality::Asserted,
    },
    // A passive with its agent: the agent speaks.
    ClaimCase {
        text: "The closure was first reported by the local newspaper.",
        speaker: Some("the local newspaper"),
        cue: "reported",
        content: "The closure",
        stance: Stance::Neutral,
        modality: Modality::Asserted,
    },
];

#[test]
fn cue_words_used_as_nouns_are_no_cues() {
    for (text, word) in [
        ("The United States sent aid to the region.", "States"),
        (
            "Trump's comments drew a sharp reply from the mayor.",
            "comments",
        ),
        ("A news report said the talks had failed.", "report"),
    ] {
        let a = ANALYZER.analyze(text);
        assert!(
            !a.claims
                .iter()
                .any(|c| c.cue.is_some_and(|q| q.slice(text) == word)),
            "{word:?} taken as a cue in {text:?}: {:#?}",
            a.claims
        );
    }
}

#[test]
fn reduced_question_clause_is_a_cue_without_speaker() {
    let text = "Asked whether he would run again, the senator said he had not decided.";
    let a = ANALYZER.analyze(text);
    let asked = a
        .claims
        .iter()
        .find(|c| c.cue.is_some_and(|q| q.slice(text) == "Asked"))
        .expect("a claim with cue Asked");
    assert!(asked.speaker.is_none());
    let said = a
        .claims
        .iter()
        .find(|c| c.cue.is_some_and(|q| q.slice(text) == "said"))
        .expect("a claim with cue said");
    assert_eq!(
        said.speaker.map(|s| s.span.slice(text)),
        Some("the senator")
    );
}

#[test]
fn claim_table() {
    for case in CLAIM_CASES {
        let text = case.text;
        let a = ANALYZER.analyze(text);
        let c = a
            .claims
            .iter()
            .find(|c| c.cue.is_some_and(|q| q.slice(text) == case.cue))
            .unwrap_or_else(|| {
                panic!(
                    "no claim with cue {:?} in {text:?}: {:#?}",
                    case.cue, a.claims
                )
            });
        assert_eq!(
            c.speaker.map(|s| s.span.slice(text)),
            case.speaker,
            "speaker in {text:?}"
        );
        assert_eq!(
            c.content.map(|s| s.slice(text)),
            Some(case.content),
            "content in {text:?}"
        );
        assert_eq!(c.stance, case.stance, "stance in {text:?}");
        assert_eq!(c.modality, case.modality, "modality in {text:?}");
    }
}

#[test]
fn no_claim_in_a_question_or_greeting() {
    for text in [
        "Good evening, and welcome.",
        "What will happen next?",
        "Thanks.",
    ] {
        let a = ANALYZER.analyze(text);
        assert!(a.claims.is_empty(), "{text:?} gave {:#?}", a.claims);
    }
}

#[test]
fn checkworthiness_orders_sentences() {
    let text = "Unemployment fell to 3.5% in 2019, the lowest rate since 1969. How are you all doing tonight?";
    let a = ANALYZER.analyze(text);
    assert_eq!(a.sentences.len(), 2);
    assert!(a.sentences[0].checkworthiness > 0.5);
    assert!(a.sentences[1].checkworthiness < 0.3);
    assert!(a.sentences[0].checkworthiness > a.sentences[1].checkworthiness);
}

#[test]
fn sentiment_toward_entities() {
    let text = "Germany praised the brave and generous volunteers. Critics accused Spain of corruption and fraud.";
    let a = ANALYZER.analyze(text);
    let label = |name: &str| {
        a.entities
            .iter()
            .find(|e| e.span.slice(text) == name)
            .unwrap()
            .sentiment
            .label
    };
    assert_eq!(label("Germany"), newslens::Polarity::Positive);
    assert_eq!(label("Spain"), newslens::Polarity::Negative);
}

#[test]
fn names_from_given_names_and_their_surnames() {
    let text = "Phil Simmons took four wickets. Later Simmons said George W. Bush and Ludwig van Beethoven never met.";
    let a = ANALYZER.analyze(text);
    let got: Vec<(&str, &str)> = a
        .entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Person)
        .map(|e| (e.span.slice(text), e.canonical.as_ref()))
        .collect();
    assert!(got.contains(&("Phil Simmons", "Phil Simmons")), "{got:?}");
    assert!(got.contains(&("Simmons", "Phil Simmons")), "{got:?}");
    assert!(got.iter().any(|(t, _)| *t == "George W. Bush"), "{got:?}");
    assert!(
        got.contains(&("Ludwig van Beethoven", "Ludwig van Beethoven")),
        "{got:?}"
    );
    // A given name alone, or one that is a common word, starts no name.
    let text = "Michael said Will Power and Grace Period were songs.";
    let a = ANALYZER.analyze(text);
    assert!(
        a.entities
            .iter()
            .all(|e| e.span.slice(text) != "Will Power"),
        "{:?}",
        a.entities
    );
}

#[test]
fn known_surnames_alone_are_people_and_link_at_a_sentence_start() {
    // The surname rule leaves the sentence-initial "Mueller" alone (it could be any
    // capitalized word); the mention model reads it as a person and links it to the
    // one the document already has.
    let text = "The report said Mueller had finished. Mueller left.";
    let a = ANALYZER.analyze(text);
    let people: Vec<(usize, &str, &str)> = a
        .entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Person)
        .map(|e| (e.span.start, e.id.as_ref(), e.found_by.as_str()))
        .collect();
    assert_eq!(
        people,
        vec![
            (16, "doc:person:mueller", "surname"),
            (38, "doc:person:mueller", "model")
        ],
        "{:?}",
        a.entities
    );
    // Without the model, the rules alone leave it.
    let rules = newslens::Analyzer::builder()
        .mention_model(false)
        .build()
        .unwrap();
    let a = rules.analyze(text);
    assert_eq!(
        a.entities
            .iter()
            .filter(|e| e.entity_type == EntityType::Person)
            .count(),
        1
    );
}

#[test]
fn organization_shapes() {
    let text = "The Civic Party and the Ministry of Foreign Affairs met the Bank of England and Acme Holdings Inc. yesterday.";
    let a = ANALYZER.analyze(text);
    let orgs: Vec<&str> = a
        .entities
        .iter()
        .filter(|e| e.entity_type == EntityType::Organization)
        .map(|e| e.span.slice(text))
        .collect();
    assert_eq!(
        orgs,
        vec![
            "Civic Party",
            "Ministry of Foreign Affairs",
            "Bank of England",
            "Acme Holdings Inc."
        ]
    );
    // England gives way to the bank and is kept as a place nested in its name; a
    // head word alone is no name.
    let england: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.span.slice(text) == "England")
        .collect();
    assert_eq!(england.len(), 1);
    assert!(england[0].nested && england[0].entity_type == EntityType::Location);
    assert!(a.entities.iter().filter(|e| e.nested).count() == 1);
    // (only as a coreference nominal, not as a named organization)
    assert!(ANALYZER
        .analyze("The Ministry said no.")
        .entities
        .iter()
        .all(|e| e.entity_type == EntityType::Nominal));
}

#[test]
fn national_teams_in_sports_reports() {
    let report = "Sweden beat South Korea 1-0 in the World Cup on Monday. The striker scored \
        the only goal from the penalty spot after the referee checked the video. Sweden's \
        goalkeeper kept a clean sheet, and the midfielder was booked at halftime. The \
        tournament's next goals come on Friday at the stadium.";
    let a = ANALYZER.analyze(report);
    let sweden: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.span.slice(report) == "Sweden")
        .collect();
    assert_eq!(sweden.len(), 2);
    for e in sweden {
        assert_eq!(e.entity_type, EntityType::Organization);
        assert_eq!(e.subtype, "national team");
        assert_eq!(e.canonical, "Sweden");
    }
    // A political story with a couple of sports words keeps its countries.
    let politics = "Sweden's government said its goal is to join the league of nations \
        that scored well on climate, officials told the tournament of ideas in Stockholm.";
    let a = ANALYZER.analyze(politics);
    assert!(a
        .entities
        .iter()
        .any(|e| e.span.slice(politics) == "Sweden" && e.entity_type == EntityType::Country));
}

#[test]
fn initialisms_of_organizations_in_the_document() {
    let text = "The University of Southern Indiana opened an exhibit. USI's gallery said \
        the show runs until March, and USI students will guide visitors.";
    let a = ANALYZER.analyze(text);
    let org = a
        .entities
        .iter()
        .find(|e| e.span.slice(text) == "University of Southern Indiana")
        .expect("the university");
    let usi: Vec<_> = a
        .entities
        .iter()
        .filter(|e| e.span.slice(text) == "USI")
        .collect();
    assert_eq!(usi.len(), 2);
    for e in usi {
        assert_eq!(e.id, org.id);
        assert_eq!(e.entity_type, EntityType::Organization);
    }
}

#[test]
fn short_forms_of_organizations() {
    let text = "The European Commission fined the firm on Monday. The Commission said the \
        fine was final. Later the Church of Scientology denied it, and the Church said it \
        would appeal. The Council met on Friday.";
    let a = ANALYZER.analyze(text);
    let short = |word: &str| {
        a.entities
            .iter()
            .find(|e| e.span.slice(text) == word)
            .map(|e| (e.entity_type, e.canonical.to_string()))
    };
    assert_eq!(
        short("Commission"),
        Some((EntityType::Organization, "European Commission".to_string()))
    );
    assert_eq!(
        short("Church"),
        Some((
            EntityType::Organization,
            "Church of Scientology".to_string()
        ))
    );
    // No council was named before: no organization mention.
    assert!(a
        .entities
        .iter()
        .all(|e| !(e.span.slice(text) == "Council" && e.entity_type == EntityType::Organization)));
}
