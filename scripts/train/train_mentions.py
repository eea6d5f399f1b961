#!/usr/bin/env python3
"""Fits newslens' mention classifier (src/entities/mentions/) on the TRAIN splits and writes
models/mentions.tsv.

Usage (from the repository root; Python 3 standard library only):

    cargo build --release --example features
    python3 scripts/train/train_mentions.py --data ../shared/data/gold --out models/mentions.tsv

Steps:
1. Runs `target/release/examples/features mentions` (modelfile.py) over conll2003_train.jsonl and
   gum_train.jsonl.gz (without the gum_news_train documents): the candidates (unresolved capitalized spans, lexicon places)
   and their features exactly as the analyzer computes them.
2. Labels each candidate from the gold spans: CoNLL — the gold name with the same
   span, else the one it overlaps (PER/ORG/LOC/MISC), else none; GUM — the smallest
   named mention containing it (PERSON/ORGANIZATION/LOCATION -> PER/ORG/LOC, any other
   named mention -> MISC), else a named mention it overlaps, else none.
3. Fits a five-class logistic regression (none, PER, ORG, LOC, MISC) with L2
   regularization by AdaGrad SGD: features seen in at least MIN_COUNT candidates, a
   fixed number of epochs, a fixed shuffling seed, so the output is deterministic; the
   weights written are the mean of the weights at the end of each epoch (chosen by
   `--cv 5` on the training documents: entity F1 0.7982 against 0.7933 for the last
   epoch's weights).
4. Writes the weights rounded to four decimals, leaving out features whose weights
   are all below PRUNE in absolute value.

Dev splits are never read. gum_news_train.jsonl, the GUM set newslens is scored on,
is a subset of gum_train: its 20 documents are left out of the fit (only their ids
are read). `--holdout` keeps every fifth training document out of
the fit and reports accuracy on them (for choosing settings; the committed model is
fitted on all training documents).
"""
import argparse
import collections
import gzip
import json
import math
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from modelfile import EXE, features, write_model  # noqa: E402

CLASSES = ["none", "PER", "ORG", "LOC", "MISC"]
MIN_COUNT = 3
EPOCHS = 10
L2 = 1e-5
LR = 0.2
PRUNE = 0.02
SEED = 13
# Average the weights of the end of every epoch (less dependent on the shuffling order).
AVERAGE = True
GUM_MAP = {"PERSON": "PER", "ORGANIZATION": "ORG", "LOCATION": "LOC"}


def load(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def features_for(docs, exe):
    """{id: [(char_start, char_end, is_place, [feature, ...])]}: the candidates and
    their features as the analyzer computes them (a feature repeated as often as it
    occurs)."""
    out = {}
    recs = features("mentions", [{"id": d["id"], "text": d["text"]} for d in docs], exe)
    for r in recs:
        fs = [f for f, n in r["features"].items() for _ in range(int(round(n)))]
        out.setdefault(r["id"], []).append((r["start"], r["end"], r["place"], fs))
    return out


def gold_of(doc, gum):
    spans = []
    for s in doc["spans"]:
        if gum:
            if not s.get("named"):
                continue
            lab = GUM_MAP.get(s["label"], "MISC")
        else:
            lab = s["label"] if s["label"] in ("PER", "ORG", "LOC", "MISC") else None
            if lab is None:
                continue
        spans.append((s["start"], s["end"], lab))
    return spans


def label(cs, ce, gold, gum):
    if not gum:
        for s, e, lab in gold:
            if s == cs and e == ce:
                return lab
    inside = [(e - s, lab) for s, e, lab in gold if s <= cs and ce <= e]
    if inside:
        return min(inside)[1]
    over = [(-(min(e, ce) - max(s, cs)), lab) for s, e, lab in gold if s < ce and cs < e]
    if over:
        return min(over)[1]
    return "none"


def samples(data_dir, exe):
    # gum_news_train.jsonl (the GUM set newslens is scored on) is part of gum_train:
    # its documents are left out of the fit.
    scored = {d["id"] for d in load(os.path.join(data_dir, "gum_news_train.jsonl"))}
    out = []
    for name, gum in (("conll2003_train.jsonl", False), ("gum_train.jsonl.gz", True)):
        docs = [d for d in load(os.path.join(data_dir, name)) if d["id"] not in scored]
        feats = features_for(docs, exe)
        for d in docs:
            gold = gold_of(d, gum)
            for cs, ce, place, fs in feats.get(d["id"], []):
                out.append((d["id"], CLASSES.index(label(cs, ce, gold, gum)), fs, place))
    return out


def fit(train):
    counts = collections.Counter(f for _, _, fs, _ in train for f in set(fs))
    vocab = sorted(f for f, c in counts.items() if c >= MIN_COUNT)
    index = {f: i for i, f in enumerate(vocab)}
    k = len(CLASSES)
    w = [0.0] * ((len(vocab) + 1) * k)  # last row: bias
    g2 = [1e-8] * len(w)
    bias = len(vocab)
    data = [(y, sorted({index[f] for f in fs if f in index}) + [bias]) for _, y, fs, _ in train]
    avg = [0.0] * len(w) if AVERAGE else None
    rng = random.Random(SEED)
    order = list(range(len(data)))
    for epoch in range(EPOCHS):
        rng.shuffle(order)
        loss = 0.0
        for n in order:
            y, xs = data[n]
            z = [0.0] * k
            for x in xs:
                b = x * k
                for c in range(k):
                    z[c] += w[b + c]
            m = max(z)
            ex = [math.exp(v - m) for v in z]
            s = sum(ex)
            p = [v / s for v in ex]
            loss -= math.log(max(p[y], 1e-12))
            for c in range(k):
                grad = p[c] - (1.0 if c == y else 0.0)
                for x in xs:
                    i = x * k + c
                    gi = grad + L2 * w[i]
                    g2[i] += gi * gi
                    w[i] -= LR * gi / math.sqrt(g2[i])
        print("epoch %d loss %.4f" % (epoch + 1, loss / len(data)), file=sys.stderr)
        if AVERAGE:
            for i, v in enumerate(w):
                avg[i] += v
    if AVERAGE:
        return vocab, [v / EPOCHS for v in avg]
    return vocab, w


def predict(vocab, w, fs):
    k = len(CLASSES)
    index = {f: i for i, f in enumerate(vocab)}
    z = [w[len(vocab) * k + c] for c in range(k)]
    for f in set(fs):
        i = index.get(f)
        if i is not None:
            for c in range(k):
                z[c] += w[i * k + c]
    return max(range(k), key=lambda c: z[c])


def cross_validate(all_samples, k):
    """Mean held-out accuracy and micro F1 of the PER/ORG/LOC decisions over k folds of
    training documents (fold = position of the document id in sorted order, mod k)."""
    ids = sorted({d for d, _, _, _ in all_samples})
    fold = {d: i % k for i, d in enumerate(ids)}
    ok = n = tp = npred = ngold = 0
    for f in range(k):
        train = [s for s in all_samples if fold[s[0]] != f]
        test = [s for s in all_samples if fold[s[0]] == f]
        vocab, w = fit(train)
        for _, y, fs, _ in test:
            p = predict(vocab, w, fs)
            ok += p == y
            n += 1
            ent = (1, 2, 3)
            npred += p in ent
            ngold += y in ent
            tp += p in ent and p == y
    pr, rc = tp / max(1, npred), tp / max(1, ngold)
    print("cv k=%d l2=%g min_count=%d epochs=%d average=%s: accuracy %.4f entity P %.4f R %.4f F1 %.4f"
          % (k, L2, MIN_COUNT, EPOCHS, AVERAGE, ok / n, pr, rc, 2 * pr * rc / max(1e-9, pr + rc)))
    return 0


def main():
    global L2, MIN_COUNT, EPOCHS, AVERAGE
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default="../shared/data/gold")
    ap.add_argument("--exe", default=EXE)
    ap.add_argument("--out", default="models/mentions.tsv")
    ap.add_argument("--holdout", action="store_true")
    ap.add_argument("--cv", type=int, default=0, metavar="K",
                    help="K-fold cross-validation over training documents: prints mean "
                         "accuracy and entity-class micro F1 of the held-out folds, writes nothing")
    ap.add_argument("--l2", type=float, default=L2)
    ap.add_argument("--min-count", type=int, default=MIN_COUNT)
    ap.add_argument("--epochs", type=int, default=EPOCHS)
    ap.add_argument("--no-average", dest="average", action="store_false", default=AVERAGE,
                    help="keep the last epoch's weights instead of the mean over epochs' ends")
    args = ap.parse_args()
    L2, MIN_COUNT, EPOCHS, AVERAGE = args.l2, args.min_count, args.epochs, args.average
    all_samples = samples(args.data, args.exe)
    print("%d candidates; labels %s" % (len(all_samples), dict(collections.Counter(
        CLASSES[y] for _, y, _, _ in all_samples))), file=sys.stderr)
    if args.cv:
        return cross_validate(all_samples, args.cv)
    if args.holdout:
        ids = sorted({d for d, _, _, _ in all_samples})
        held = set(ids[::5])
        train = [s for s in all_samples if s[0] not in held]
        test = [s for s in all_samples if s[0] in held]
        vocab, w = fit(train)
        for place in (False, True):
            part = [s for s in test if s[3] == place]
            conf = collections.Counter((CLASSES[y], CLASSES[predict(vocab, w, fs)]) for _, y, fs, _ in part)
            ok = sum(v for (a, b), v in conf.items() if a == b)
            print("held-out %s: accuracy %.3f of %d" % ("places" if place else "unresolved",
                                                       ok / max(1, len(part)), len(part)))
            for gold in CLASSES:
                print("  gold %-5s" % gold, {p: conf[(gold, p)] for p in CLASSES if conf[(gold, p)]})
        return 0
    vocab, w = fit(all_samples)
    k = len(CLASSES)
    rows = []
    for i, f in enumerate(vocab + ["<bias>"]):
        ws = w[i * k:(i + 1) * k]
        if f != "<bias>" and max(abs(v) for v in ws) < PRUNE:
            continue
        rows.append("%s\t%s" % (f, "\t".join("%.4f" % v for v in ws)))
    write_model(
        args.out, model="mentions",
        what="mention classifier (src/entities/mentions/): a five-class logistic regression "
             "(none, PER, ORG, LOC, MISC) over sparse string features of a candidate name; the "
             "row <bias> is the intercept",
        trained_on="CoNLL-2003 train + GUM train without the gum_news_train documents "
                   "(%d candidates)" % len(all_samples),
        script="python3 scripts/train/train_mentions.py --data %s --out %s (%d epochs%s, L2 %g, "
               "min count %d, pruned below %g)"
               % (args.data, args.out, EPOCHS, ", averaged" if AVERAGE else "", L2, MIN_COUNT, PRUNE),
        figure="entity-class micro F1 0.7982 by --cv 5 over the training documents when fitted "
               "(run --cv 5 to measure it again)",
        columns=["feature"] + ["w_" + c for c in CLASSES],
        rows=[r.split("\t") for r in rows])
    print("wrote %s: %d features" % (args.out, len(rows) - 1), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
