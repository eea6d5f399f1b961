//! Prints the features the run time computes, per instance, for the trainers
//! (`scripts/train/*.py`): the one feature extractor.
//!
//! `cargo run --release --example features -- MODEL < input.jsonl > features.jsonl`
//!
//! MODEL is one of `mentions`, `cues`, `sentiment`, `checkworthy`. Each input line is a
//! JSON object with `id` and `text`; for `sentiment`, `spans` holds the target mentions
//! (`start`, `end` in characters, `label` `TARGET_POSITIVE`...; other labels are
//! skipped); for `checkworthy`, `spans` (optional) holds the sentences to score (else
//! the analyzer's sentences), with their `label`. Each output line is one instance:
//! `{"id", "start", "end", "features": {name: value}}` (offsets in characters), plus
//! `label` (sentiment, checkworthy: the span's), `place` (mentions: a lexicon place)
//! and `probability` (cues: the run time's).
use std::io::{BufRead, BufWriter, Write};

use newslens::training::{self, Instance};
use newslens::Span;
use serde_json::{json, Map, Value};

fn main() {
    let model = std::env::args().nth(1).unwrap_or_default();
    if !["mentions", "cues", "sentiment", "checkworthy"].contains(&model.as_str()) {
        eprintln!("usage: features mentions|cues|sentiment|checkworthy < input.jsonl");
        std::process::exit(2);
    }
    let analyzer = newslens::Analyzer::new();
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.expect("stdin is readable");
        if line.trim().is_empty() {
            continue;
        }
        let v: Value = serde_json::from_str(&line).expect("a JSON object per line");
        let text = v["text"].as_str().unwrap_or("");
        let bytes = training::char_to_byte(text);
        let byte = |c: &Value| bytes[(c.as_u64().unwrap_or(0) as usize).min(bytes.len() - 1)];
        // The spans the model asks for, and their labels.
        let spans: Vec<(Span, Value)> = v["spans"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter(|s| {
                        model != "sentiment"
                            || s["label"]
                                .as_str()
                                .is_some_and(|l| l.starts_with("TARGET_"))
                    })
                    .map(|s| {
                        (
                            Span::new(byte(&s["start"]), byte(&s["end"])),
                            s["label"].clone(),
                        )
                    })
                    .collect()
            })
            .unwrap_or_default();
        let targets: Vec<Span> = spans.iter().map(|s| s.0).collect();
        let instances = match model.as_str() {
            "mentions" => training::mention_features(&analyzer, text),
            "cues" => training::cue_features(&analyzer, text),
            "sentiment" => training::sentiment_features(&analyzer, text, &targets),
            _ => training::checkworthy_features(
                &analyzer,
                text,
                v["spans"].is_array().then_some(&targets[..]),
            ),
        };
        for (k, inst) in instances.iter().enumerate() {
            let rec = record(&model, &v["id"], text, inst, spans.get(k).map(|s| &s.1));
            writeln!(out, "{rec}").expect("stdout is writable");
        }
    }
}

/// One output line.
fn record(model: &str, id: &Value, text: &str, inst: &Instance, label: Option<&Value>) -> Value {
    let start = text[..inst.span.start].chars().count();
    let end = start + text[inst.span.start..inst.span.end].chars().count();
    let features: Map<String, Value> = inst
        .features
        .iter()
        .map(|(n, x)| (n.clone(), short(*x)))
        .collect();
    let mut rec = json!({"id": id, "start": start, "end": end, "features": features});
    match model {
        "mentions" => rec["place"] = json!(inst.place),
        "cues" => rec["probability"] = inst.probability.map_or(Value::Null, short),
        _ => {
            if let Some(l) = label {
                rec["label"] = l.clone();
            }
        }
    }
    rec
}

/// `x` as JSON, written with the fewest digits that read back as the same `f32`.
fn short(x: f32) -> Value {
    json!(x.to_string().parse::<f64>().unwrap_or(0.0))
}
