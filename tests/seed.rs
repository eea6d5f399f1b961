//! The seed article: the acceptance checks of the end-to-end issue, and a golden test
//! of the whole JSON output (`UPDATE_GOLDEN=1 cargo test --test seed` rewrites it).

mod common;

use common::{occurrences, seed, ANALYZER};
use newslens::Document;
use newslens::{EntityType, Stance};

#[test]
fn twelve_sentences() {
    let text = seed();
    let a = ANALYZER.analyze(&text);
    let got: Vec<&str> = a.sentences.iter().map(|s| s.span.slice(&text)).collect();
    assert_eq!(got.len(), 12, "{got:#?}");
    assert!(got[1].starts_with("The U.S. will end"));
    assert!(got[11].starts_with("As the U.S. shifts course"));
}

#[test]
fn every_listed_mention_is_resolved() {
    let text = seed();
    let a = ANALYZER.analyze(&text);
    // (surface, type, canonical or None to only check type and a lexicon id)
    let want: &[(&str, EntityType, Option<&str>)] = &[
        ("Trump", EntityType::Person, Some("Donald Trump")),
        ("Vladimir Putin", EntityType::Person, Some("Vladimir Putin")),
        ("Biden", EntityType::Person, Some("Joe Biden")),
        ("Michael Schmid", EntityType::Person, Some("Michael Schmid")),
        ("Merrick Garland", EntityType::Person, Some("Merrick Garland")),
        ("U.S.", EntityType::Country, Some("United States")),
        ("Russia", EntityType::Country, Some("Russia")),
        ("Russian", EntityType::Nationality, Some("Russia")),
        ("Ukraine", EntityType::Country, Some("Ukraine")),
        ("Belarusian", EntityType::Nationality, Some("Belarus")),
        ("North Korean", EntityType::Nationality, Some("North Korea")),
        ("Iranian", EntityType::Nationality, Some("Iran")),
        ("Eurojust", EntityType::Organization, Some("Eurojust")),
        ("European Union", EntityType::Organization, Some("European Union")),
        ("Justice Department", EntityType::Organization, None),
        (
            "ICPA",
            EntityType::Organization,
            Some("International Center for the Prosecution of the Crime of Aggression against Ukraine"),
        ),
        ("WarCAT", EntityType::Organization, Some("War Crimes Accountability Team")),
    ];
    for (surface, ty, canonical) in want {
        let occ = occurrences(&text, surface);
        assert!(!occ.is_empty(), "{surface} not in the seed");
        for start in occ {
            let e = a
                .entities
                .iter()
                .find(|e| e.span.start == start && e.span.slice(&text) == *surface)
                .unwrap_or_else(|| panic!("no entity for {surface:?} at {start}"));
            assert_eq!(e.entity_type, *ty, "{surface} at {start}");
            match canonical {
                Some(c) => assert_eq!(e.canonical, *c, "{surface} at {start}"),
                None => assert!(
                    e.entry.is_some(),
                    "{surface} at {start} is not a lexicon entry"
                ),
            }
        }
    }
    // The Justice Department resolves to the US department, whatever its canonical name.
    let doj = a
        .entities
        .iter()
        .find(|e| e.span.slice(&text) == "Justice Department")
        .unwrap();
    assert_eq!(doj.country, Some("USA"));
    // Possessives stay outside the mention.
    let trump_poss = a
        .entities
        .iter()
        .filter(|e| e.span.slice(&text) == "Trump" && e.possessive)
        .count();
    assert_eq!(trump_poss, 2);
}

#[test]
fn six_attributed_statements() {
    let text = seed();
    let a = ANALYZER.analyze(&text);
    let attributed: Vec<(String, String)> = a
        .claims
        .iter()
        .filter_map(|c| {
            Some((
                c.speaker?.span.slice(&text).to_string(),
                c.cue?.slice(&text).to_string(),
            ))
        })
        .collect();
    let want = [
        ("a letter from Eurojust", "according to"),
        ("Michael Schmid", "confirmed"),
        ("European officials", "pledged"),
        ("officials", "say"),
        ("Critics", "expressed concerns"),
        ("Trump’s administration", "arguing"),
    ];
    for (speaker, cue) in want {
        assert!(
            attributed.iter().any(|(s, c)| s == speaker && c == cue),
            "missing ({speaker}, {cue}) in {attributed:#?}"
        );
    }
    let critics = a
        .claims
        .iter()
        .find(|c| c.speaker.is_some_and(|s| s.span.slice(&text) == "Critics"))
        .unwrap();
    assert_eq!(critics.stance, Stance::Oppose);
    let content = critics.content.unwrap().slice(&text);
    assert!(
        content.starts_with("the withdrawal will undermine"),
        "{content}"
    );
    // The speaker Michael Schmid is linked to his entity.
    let schmid = a
        .claims
        .iter()
        .find_map(|c| {
            c.speaker
                .filter(|s| s.span.slice(&text) == "Michael Schmid")
        })
        .unwrap();
    assert_eq!(
        a.entities[schmid.entity.unwrap()].canonical,
        "Michael Schmid"
    );
}

#[test]
fn golden_output() {
    let text = seed();
    let a = ANALYZER.analyze(&text);
    let record = Document::from_analysis("us-withdraws-from-icpa", &a);
    let got = serde_json::to_string_pretty(&record).unwrap() + "\n";
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/seed.json");
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden")).unwrap();
        std::fs::write(path, &got).unwrap();
    }
    let want =
        std::fs::read_to_string(path).expect("tests/golden/seed.json (UPDATE_GOLDEN=1 to create)");
    assert!(
        got == want,
        "seed output differs from tests/golden/seed.json; review with UPDATE_GOLDEN=1 and git diff"
    );
    // Read back into the typed record, it is the same record, and writes the same bytes.
    let back: Document = serde_json::from_str(&want).unwrap();
    assert_eq!(back, record);
    assert_eq!(serde_json::to_string_pretty(&back).unwrap() + "\n", want);
}
