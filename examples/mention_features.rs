//! Writes the mention classifier's candidates and features for JSON Lines articles on
//! stdin (`{"id", "text"}`), one JSON object per article:
//! `{"id", "candidates": [[char_start, char_end, is_place, [features...]], ...]}`.
//! Used by `scripts/train/train_mentions.py`:
//! `cargo run --release --example mention_features < train.jsonl > features.jsonl`
use std::io::{BufRead, BufWriter, Write};

fn main() {
    let analyzer = newslens::Analyzer::new();
    let stdin = std::io::stdin();
    let mut out = BufWriter::new(std::io::stdout().lock());
    for line in stdin.lock().lines() {
        let line = line.expect("stdin is readable");
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(&line).expect("a JSON object per line");
        let text = v["text"].as_str().unwrap_or("");
        let cands = analyzer.mention_features(text);
        let rec = serde_json::json!({"id": v["id"], "candidates": cands});
        writeln!(out, "{rec}").expect("stdout is writable");
    }
}
