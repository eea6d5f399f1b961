#!/usr/bin/env python3
"""Trains the attribution cue detector (models/cue_model.tsv) on the PolNeAR TRAIN split.

usage: train_cue_model.py [--gold TRAIN.jsonl.gz] [--out models/cue_model.tsv]
                          [--cv K (4)] [--epochs N (3)] [--l2 L (1e-4)]

A logistic regression over a few context features decides whether a candidate word is
(part of) an attribution cue. The candidates and their features are the run time's
(`examples/features.rs cues`, see modelfile.py): the words the analyzer's detector
scores (lexicon cue heads and the model's vocabulary, outside quotations, past the
rules that mark a noun or a passive participle), with the features src/claims/mod.rs
(`cue_features`) computes:

    w=WORD  l=LEMMA  sx=SUFFIX  p1=PREV  p2=PREV2  n1=NEXT  n2=NEXT2  p1w=PREV|WORD
    wn1=WORD|NEXT  cap  pcap  lex=CLASS  lf=PHRASE  cb=0/1  tb=0/1  qn  ppron  ppron_lex
    bias

A candidate is labelled a cue when it overlaps a gold cue span. Since the candidates
are the bundled model's, the vocabulary written (`@vocab`: candidate words, other
than function words, in a gold cue at least MIN_CUE times) can only shrink from the
bundled one's: a larger vocabulary needs the analyzer built with it.

Training: stochastic gradient descent on the log loss with L2, a fixed shuffled order
(seed 1), features seen fewer than MIN_FEATURE times dropped. `--cv K` reports K-fold
(by document) token-level P/R/F1 of the model next to the plain lexicon, and the
threshold with the best cross-validated F1 (written as `@threshold`). Everything is
read from train; dev is never touched.
"""
import argparse
import gzip
import json
import math
import os
import random
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from mine_cues import FUNCTION_WORDS  # noqa: E402
from modelfile import features, write_model  # noqa: E402

DEFAULT_GOLD = os.path.join(ROOT, "..", "shared", "data", "gold", "polnear_train.jsonl.gz")
MIN_CUE = 3
MIN_FEATURE = 3


def load(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def examples(docs):
    """Per document: [(features, label, word)] for its candidates, from the run time."""
    cues = {}
    for d in docs:
        sp = d.get("spans") or []
        cues[d["id"]] = sorted((sp[i]["start"], sp[i]["end"]) for r in d.get("relations") or []
                               for i in r.get("cue") or [])
    per_doc = {d["id"]: [] for d in docs}
    recs = features("cues", [{"id": d["id"], "text": d["text"]} for d in docs])
    for r in recs:
        s, e = r["start"], r["end"]
        label = any(a < e and s < b for a, b in cues[r["id"]])
        fs = list(r["features"])
        word = next((f[2:] for f in fs if f.startswith("w=")), "")
        per_doc[r["id"]].append((fs, label, word))
    return [per_doc[d["id"]] for d in docs]


def sigmoid(x):
    if x < -30:
        return 0.0
    if x > 30:
        return 1.0
    return 1.0 / (1.0 + math.exp(-x))


def train(examples, epochs, l2, lr0=0.2):
    counts = Counter(f for fs, _ in examples for f in fs)
    keep = {f for f, c in counts.items() if c >= MIN_FEATURE}
    data = [([f for f in fs if f in keep], y) for fs, y in examples]
    w = defaultdict(float)
    order = list(range(len(data)))
    rng = random.Random(1)
    t = 0
    for ep in range(epochs):
        rng.shuffle(order)
        for idx in order:
            fs, y = data[idx]
            t += 1
            lr = lr0 / (1 + t * 1e-5)
            p = sigmoid(sum(w[f] for f in fs))
            g = p - (1.0 if y else 0.0)
            for f in fs:
                w[f] -= lr * (g + l2 * w[f])
    return {f: v for f, v in w.items() if abs(v) > 1e-4}


def predict(w, fs):
    return sigmoid(sum(w.get(f, 0.0) for f in fs))


def prf(tp, np_, ng):
    p = tp / np_ if np_ else 0.0
    r = tp / ng if ng else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=DEFAULT_GOLD)
    ap.add_argument("--out", default=os.path.join(ROOT, "models", "cue_model.tsv"))
    ap.add_argument("--cv", type=int, default=4)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--l2", type=float, default=1e-4)
    args = ap.parse_args()
    if "dev" in os.path.basename(args.gold):
        sys.exit("train_cue_model.py reads the train split only")
    docs = load(args.gold)
    per_doc = examples(docs)
    # Candidate vocabulary: words in a gold cue >= MIN_CUE times.
    cue_words = Counter(w for ex in per_doc for _, y, w in ex if y and w not in FUNCTION_WORDS)
    vocab = {w for w, c in cue_words.items() if c >= MIN_CUE}
    n_gold_tokens = sum(1 for ex in per_doc for _, y, _ in ex if y)
    print(f"{len(vocab)} candidate words; {sum(map(len, per_doc))} candidate tokens, "
          f"{n_gold_tokens} in a gold cue", file=sys.stderr)
    threshold = 0.5
    figure = "not measured (run with --cv K)"
    if args.cv:
        scores = []  # (p, y, lexicon)
        for fold in range(args.cv):
            tr = [x for i, ex in enumerate(per_doc) if i % args.cv != fold for x in ex]
            w = train([(fs, y) for fs, y, _ in tr], args.epochs, args.l2)
            for i, ex in enumerate(per_doc):
                if i % args.cv == fold:
                    for fs, y, _ in ex:
                        scores.append((predict(w, fs), y, not any(f == "lex=none" for f in fs)))
        ng = sum(1 for _, y, _ in scores if y)
        tp = sum(1 for _, y, lx in scores if y and lx)
        npred = sum(1 for _, _, lx in scores if lx)
        print("lexicon alone: P=%.3f R=%.3f F1=%.3f" % prf(tp, npred, ng), file=sys.stderr)
        best = (0, 0.5)
        for th in [x / 20 for x in range(4, 16)]:
            tp = sum(1 for p, y, _ in scores if y and p >= th)
            npred = sum(1 for p, _, _ in scores if p >= th)
            f = prf(tp, npred, ng)
            print("model th=%.2f: P=%.3f R=%.3f F1=%.3f" % ((th,) + f), file=sys.stderr)
            if f[2] > best[0]:
                best = (f[2], th)
        threshold = best[1]
        figure = (f"token-level cue F1 {best[0]:.3f} by --cv {args.cv} on train (by document), "
                  f"at the threshold {threshold}")
        print(figure, file=sys.stderr)
    w = train([(fs, y) for ex in per_doc for fs, y, _ in ex], args.epochs, args.l2)
    rows = [["@threshold", threshold]] + [["@vocab", v] for v in sorted(vocab)]
    rows += [[k, f"{w[k]:.4f}"] for k in sorted(w)]
    write_model(
        args.out, model="cue_model",
        what="attribution cue detector (src/model/cue.rs, src/claims/mod.rs): a logistic "
             "regression over the context of a candidate word; rows @threshold (the probability "
             "from which a candidate is a cue) and @vocab (words it decides on besides the "
             "lexicon cue heads)",
        trained_on="PolNeAR v1.0.0 train split (Newell, Margolin and Ruths, LREC 2018); only "
                   "feature names (words and word pairs) and weights, see models/README.md",
        script=f"python3 scripts/train/train_cue_model.py --gold {args.gold} --out {args.out} "
               f"(--cv {args.cv} --epochs {args.epochs} --l2 {args.l2})",
        figure=figure,
        columns=["feature", "weight"],
        rows=rows)
    print(f"{len(w)} weights, threshold {threshold}, written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
