#!/usr/bin/env python3
"""Measures the precision of newslens' entity mentions per `found_by` and type on the
TRAIN splits and writes it into the confidence table of src/entities.rs
(`confidence_of`, between the BEGIN/END markers).

Usage (from the repository root; Python 3 standard library only):

    cargo build --release
    python3 scripts/train/fit_confidence.py --data ../shared/data/gold

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
import re
import subprocess
import sys

TYPES = {"person": "PER", "organization": "ORG", "country": "LOC", "location": "LOC"}
GUM = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}
FOUND_BY = ["lexicon", "pattern", "acronym", "surname", "model", "coreference"]
RUST_FOUND = {f: f.capitalize() for f in FOUND_BY}  # demonyms are all nationality
RUST_TYPE = {"person": "Person", "organization": "Organization", "country": "Country",
             "location": "Location"}
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
    ap.add_argument("--src", default="src/entities.rs")
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
    lines = []
    for fb in FOUND_BY:
        n = sum(v for (f, _), v in total.items() if f == fb)
        r = sum(v for (f, _), v in right.items() if f == fb)
        overall = r / n if n else 0.5
        for ty in ("person", "organization", "country", "location"):
            k = (fb, ty)
            p = right[k] / total[k] if total[k] >= MIN_SUPPORT else overall
            print("%-8s %-13s %5d/%5d  %.3f" % (fb, ty, right[k], total[k], p), file=sys.stderr)
            lines.append("        (%s, %s) => %.2f," % (RUST_FOUND[fb], RUST_TYPE[ty], p))
    nat = nat_right / nat_total if nat_total else 0.5
    print("nationality (CoNLL MISC) %5d/%5d  %.3f" % (nat_right, nat_total, nat), file=sys.stderr)
    lines.append("        (Demonym, _) | (_, Nationality) => %.2f," % nat)
    src = open(args.src, encoding="utf-8").read()
    new = re.sub(r"(// BEGIN fitted confidence table\n).*?(\n\s*// END fitted confidence table)",
                 lambda m: m.group(1) + "\n".join(lines) + m.group(2), src, flags=re.S)
    open(args.src, "w", encoding="utf-8").write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
