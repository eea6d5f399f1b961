//! The features a trainer reads (`newslens::training`, printed by
//! `examples/features.rs`) are the ones the run time uses: on a sample of real text,
//! each instance's features, scored with the model file's weights (the sum of weight
//! times value plus the bias, through the model's logistic or softmax), give the
//! probability or score the run time produced for it.

use std::collections::HashMap;

use newslens::training::{self, Instance};
use newslens::{FoundBy, Span};

mod common;

/// How far a score recomputed from the features may be from the run time's.
const TOLERANCE: f64 = 1e-5;

/// The sample: the seed article and the bench sample's articles.
fn sample() -> Vec<String> {
    let mut out = vec![common::seed()];
    let bench = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/benches/data/sample.jsonl"
    ))
    .unwrap();
    for line in bench.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).unwrap();
        out.push(v["text"].as_str().unwrap().to_string());
    }
    out
}

/// The rows of `models/NAME.tsv`: the first field, then the numbers of the others
/// (rows whose fields are not all numbers, such as `@vocab`, are left out).
fn model(name: &str) -> HashMap<String, Vec<f64>> {
    let path = format!("{}/models/{name}.tsv", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(path).unwrap();
    let mut rows = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty());
    rows.next(); // the column line
    rows.filter_map(|l| {
        let mut f = l.split('\t');
        let key = f.next()?.to_string();
        let ws: Option<Vec<f64>> = f
            .map(|x| x.trim().parse::<f32>().ok().map(f64::from))
            .collect();
        Some((key, ws?))
    })
    .collect()
}

fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

fn close(what: &str, text: &str, inst: &Instance, got: f64, want: f64) {
    assert!(
        (got - want).abs() <= TOLERANCE,
        "{what}: at {:?} ({:?}) the trainer's features give {got}, the run time {want}; \
         features {:?}",
        inst.span,
        inst.span.slice(text),
        inst.features
    );
}

#[test]
fn checkworthy_features_are_the_runtimes() {
    let m = model("checkworthy");
    let mut n = 0;
    for text in sample() {
        let analysis = common::ANALYZER.analyze(&text);
        let instances = training::checkworthy_features(&common::ANALYZER, &text, None);
        assert_eq!(instances.len(), analysis.sentences.len());
        for (inst, sent) in instances.iter().zip(&analysis.sentences) {
            assert_eq!(inst.span, sent.span);
            let z = m["bias"][0]
                + inst
                    .features
                    .iter()
                    .map(|(f, x)| m[f.as_str()][0] * f64::from(*x))
                    .sum::<f64>();
            close(
                "check-worthiness",
                &text,
                inst,
                sigmoid(z),
                f64::from(sent.checkworthiness),
            );
            n += 1;
        }
    }
    assert!(n > 20, "only {n} sentences");
}

#[test]
fn cue_features_are_the_runtimes() {
    let m = model("cue_model");
    let mut n = 0;
    for text in sample() {
        for inst in training::cue_features(&common::ANALYZER, &text) {
            let z: f64 = inst
                .features
                .iter()
                .map(|(f, x)| m.get(f.as_str()).map_or(0.0, |w| w[0]) * f64::from(*x))
                .sum();
            let p = f64::from(inst.probability.unwrap());
            close("cue detector", &text, &inst, sigmoid(z), p);
            n += 1;
        }
    }
    assert!(n > 50, "only {n} cue candidates");
}

#[test]
fn sentiment_features_are_the_runtimes() {
    let m = model("sentiment");
    let mut n = 0;
    for text in sample() {
        let analysis = common::ANALYZER.analyze(&text);
        let targets: Vec<Span> = analysis.entities.iter().map(|e| e.span).collect();
        let instances = training::sentiment_features(&common::ANALYZER, &text, &targets);
        for (inst, e) in instances.iter().zip(&analysis.entities) {
            let mut z = [m["<bias>"][0], m["<bias>"][1]];
            for (f, x) in &inst.features {
                let (col, w) = match f.split_at(2) {
                    ("L:", w) => (0, m.get(w)),
                    ("R:", w) => (2, m.get(w)),
                    ("T:", w) => (4, m.get(w)),
                    _ if f == "<vader>" => (0, m.get("<vader>")),
                    _ => panic!("unknown sentiment feature {f}"),
                };
                if let Some(w) = w {
                    z[0] += w[col] * f64::from(*x);
                    z[1] += w[col + 1] * f64::from(*x);
                }
            }
            // Softmax against neutral's 0: p(positive) - p(negative).
            let (ep, en) = (z[0].exp(), z[1].exp());
            let score = (ep - en) / (ep + en + 1.0);
            close(
                "sentiment",
                &text,
                inst,
                score,
                f64::from(e.sentiment.score),
            );
            n += 1;
        }
    }
    assert!(n > 50, "only {n} mentions");
}

#[test]
fn mention_features_are_the_runtimes() {
    let m = model("mentions");
    let mut n = 0;
    // The sample's names are all settled by rules or read as places: two texts where
    // the model acts (it retypes places, and finds people and an organization).
    let mut texts = sample();
    texts.push(
        "Chicago beat Houston 3-1 on Sunday. Mark Rathbun said the team played well, \
         and Rathbun added that the club would invest."
            .to_string(),
    );
    texts.push(
        "Officials at Brightwater Analytics said on Monday that its chief would resign."
            .to_string(),
    );
    for text in texts {
        let analysis = common::ANALYZER.analyze(&text);
        let instances = training::mention_features(&common::ANALYZER, &text);
        // The run time pools the candidates that spell one name: those are left out.
        let key = |s: Span| s.slice(&text).to_lowercase();
        let mut names: HashMap<String, usize> = HashMap::new();
        for c in instances.iter().filter(|c| !c.place) {
            *names.entry(key(c.span)).or_default() += 1;
        }
        for e in analysis.entities.iter() {
            if e.found_by != FoundBy::Model {
                continue;
            }
            let inst = instances
                .iter()
                .find(|c| c.span == e.span)
                .unwrap_or_else(|| panic!("no candidate for the model's {:?}", e.span));
            if !inst.place && names[&key(inst.span)] > 1 {
                continue;
            }
            let mut z = m["<bias>"].clone();
            for (f, x) in &inst.features {
                if let Some(w) = m.get(f.as_str()) {
                    for (a, b) in z.iter_mut().zip(w) {
                        *a += b * f64::from(*x);
                    }
                }
            }
            let max = z.iter().copied().fold(f64::MIN, f64::max);
            let sum: f64 = z.iter().map(|a| (a - max).exp()).sum();
            // The confidence of a mention the model found is its class's probability.
            close(
                "mention classifier",
                &text,
                inst,
                1.0 / sum,
                f64::from(e.confidence),
            );
            n += 1;
        }
    }
    assert!(n >= 4, "only {n} model mentions");
}
