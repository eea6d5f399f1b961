//! Criterion benchmarks per pipeline stage and for the whole analyzer.
//!
//! Input: the bench corpus `../shared/data/bench/allsides_4k.jsonl.gz` is not read here
//! (criterion needs no gzip dependency); set `NEWSLENS_BENCH_JSONL` to a decompressed
//! JSON Lines file to use it (`NEWSLENS_BENCH_DOCS` caps the documents, default 500),
//! else a small bundled sample (`benches/data/sample.jsonl`: the seed article and its
//! paragraphs) is used so `cargo bench` works anywhere.

use std::hint::black_box;
use std::io::BufRead;

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use newslens::output::Record;
use newslens::{sentences, tokenize, Analyzer};

fn corpus() -> Vec<String> {
    let path = std::env::var("NEWSLENS_BENCH_JSONL").unwrap_or_else(|_| {
        concat!(env!("CARGO_MANIFEST_DIR"), "/benches/data/sample.jsonl").to_string()
    });
    let limit: usize = std::env::var("NEWSLENS_BENCH_DOCS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(500);
    let f = std::fs::File::open(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    std::io::BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(&l).ok())
        .filter_map(|v| v["text"].as_str().map(str::to_string))
        .take(limit)
        .collect()
}

fn stages(c: &mut Criterion) {
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let analyzer = Analyzer::new();
    let mut g = c.benchmark_group("stages");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("tokenize", |b| {
        let mut buf = Vec::new();
        b.iter(|| {
            for d in &docs {
                buf.clear();
                tokenize::tokenize_into(d, &mut buf);
                black_box(buf.len());
            }
        })
    });
    g.bench_function("sentences", |b| {
        let mut buf = Vec::new();
        b.iter(|| {
            for d in &docs {
                buf.clear();
                sentences::split_sentences_into(d, &mut buf);
                black_box(buf.len());
            }
        })
    });
    g.bench_function("gazetteer", |b| {
        let mut buf = Vec::new();
        b.iter(|| {
            for d in &docs {
                buf.clear();
                analyzer.gazetteer().find_into(d, &mut buf);
                black_box(buf.len());
            }
        })
    });
    g.bench_function("analyze", |b| {
        b.iter(|| {
            for d in &docs {
                black_box(analyzer.analyze(d).claims.len());
            }
        })
    });
    g.bench_function("analyze+serialize", |b| {
        let mut out = Vec::new();
        b.iter(|| {
            for d in &docs {
                out.clear();
                let a = analyzer.analyze(d);
                serde_json::to_writer(&mut out, &Record::new("id", &a)).unwrap();
                black_box(out.len());
            }
        })
    });
    g.finish();
}

fn startup(c: &mut Criterion) {
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("Analyzer::new", |b| {
        b.iter(|| black_box(Analyzer::new().lexicon().len()))
    });
    g.finish();
}

criterion_group!(benches, stages, startup);
criterion_main!(benches);
