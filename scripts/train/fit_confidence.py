#!/usr/bin/env python3
"""Measures the precision of newslens' entity mentions per `found_by` and type on the
TRAIN splits and writes it as models/confidence.tsv (read by src/entities/confidence.rs,
`confidence_of`).

Usage (from the repository root; Python 3 standard library only):

    cargo build --release
    python3 scripts/train/fit_confidence.py --data ../shared/data/gold --out models/confidence.tsv

A mention is right when it overlaps a gold name of its type (person -> PER,
organization -> ORG, country/location -> LOC); mentions that overlap no PER/ORG/LOC
gold name but a CoNLL MISC name (or another named GUM mention) are not counted, as
the scorer ignores them. Data: conll2003_train.jsonl and gum_train.jsonl.gz without
the gum_news_train documents (the GUM set newslens is scored on). Types with fewer
than MIN_SUPPORT counted mentions fall back to the found_by's overall precision.
`model` mentions carry the classifier's probability instead; the row written for
them is only a fallback. Nationality mentions (demonyms: "Russian", "the Afghans") are
measured on CoNLL-2003 alone, whose MISC names cover them: one is right when it
overlaps a MISC name. Nested mentions and national teams are not counted (CoNLL
marks neither the way newslens does).
"""
import argparse
import collections
import gzip
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from modelfile import write_model  # noqa: E402

TYPES = {"person": "PER", "organization": "ORG", "country": "LOC", "location": "LOC"}
GUM = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}
FOUND_BY = ["lexicon", "pattern", "acronym", "surname", "model", "coreference"]
MIN_SUPPORT = 30


def load(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def run(exe, docs):
    inp = "".join(json.dumps({"id": d["id"], "text": d["text"]}) + "\n" for d in docs)
    out = subprocess.run([exe, "analyze", "--jsonl", "-q"], input=inp, capture_output=True,
                         text=True, check=False).stdout
    return {r["id"]: r for r in map(json.loads, out.splitlines())}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/gold")
    ap.add_argument("--exe", default="target/release/newslens")
    ap.add_argument("--out", default="models/confidence.tsv")
    args = ap.parse_args()
    scored = {d["id"] for d in load(os.path.join(args.data, "gum_news_train.jsonl"))}
    right = collections.Counter()
    total = collections.Counter()
    nat_right = nat_total = 0
    for name, gum in (("conll2003_train.jsonl", False), ("gum_train.jsonl.gz", True)):
        docs = [d for d in load(os.path.join(args.data, name)) if d["id"] not in scored]
        pred = run(args.exe, docs)
        for d in docs:
            gold, other = [], []
            for s in d["spans"]:
                lab = (GUM.get(s["label"]) if s.get("named") else None) if gum else \
                    (s["label"] if s["label"] in ("PER", "ORG", "LOC") else None)
                if lab:
                    gold.append((s["start"], s["end"], lab))
                elif (gum and s.get("named")) or (not gum and s["label"] == "MISC"):
                    other.append((s["start"], s["end"]))
            misc = [(s["start"], s["end"]) for s in d["spans"] if s["label"] == "MISC"]
            for e in pred.get(d["id"], {}).get("entities", []):
                if e["type"] == "nationality" and not gum:
                    nat_total += 1
                    nat_right += any(x < e["char_end"] and e["char_start"] < y for x, y in misc)
                t = TYPES.get(e["type"])
                # Nested names and national teams follow GUM's conventions, which
                # CoNLL does not share (flat names; national teams as places): they
                # are left out and take the row of their found_by and type.
                if not t or e.get("nested") or e.get("subtype") == "national team":
                    continue
                a, b = e["char_start"], e["char_end"]
                over = [g for g in gold if g[0] < b and a < g[1]]
                if not over and any(x < b and a < y for x, y in other):
                    continue
                key = (e["found_by"], e["type"])
                total[key] += 1
                right[key] += any(g[2] == t for g in over)
    rows = []
    for fb in FOUND_BY:
        n = sum(v for (f, _), v in total.items() if f == fb)
        r = sum(v for (f, _), v in right.items() if f == fb)
        overall = r / n if n else 0.5
        for ty in ("person", "organization", "country", "location"):
            k = (fb, ty)
            p = right[k] / total[k] if total[k] >= MIN_SUPPORT else overall
            print("%-8s %-13s %5d/%5d  %.3f" % (fb, ty, right[k], total[k], p), file=sys.stderr)
            rows.append([fb, ty, "%.2f" % p])
    nat = nat_right / nat_total if nat_total else 0.5
    print("nationality (CoNLL MISC) %5d/%5d  %.3f" % (nat_right, nat_total, nat), file=sys.stderr)
    rows.append(["demonym", "*", "%.2f" % nat])
    rows.append(["*", "nationality", "%.2f" % nat])
    write_model(
        args.out, model="confidence",
        what="confidence of a mention found by the rules (confidence_of in src/entities): the "
             "share of mentions with that found_by and type that were right (a right type on an "
             "overlapping gold name); the first matching row wins, * matches any value; pairs "
             "without a row (pronouns, nominals) get 0.5, not measured. Demonyms: the share that "
             "overlap a CoNLL MISC name. The model rows are only a fallback (model mentions "
             "carry the classifier probability)",
        trained_on="CoNLL-2003 train + GUM train without the gum_news_train documents",
        script="cargo build --release && python3 scripts/train/fit_confidence.py --data %s "
               "--out %s" % (args.data, args.out),
        figure="not measured: each row is itself an in-sample precision on the training splits",
        columns=["found_by", "type", "confidence"],
        rows=rows)
    print("wrote %s" % args.out, file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
