#!/usr/bin/env python3
"""Fits the sentiment label thresholds (src/sentiment.rs POSITIVE / NEGATIVE) on the
NewsMTSC TRAIN split from saved newslens output.

usage:
  python3 ../shared/eval/score.py sentiment --gold ../shared/data/gold/newsmtsc_train.jsonl \\
      --cmd "target/release/newslens analyze --jsonl -q" --save-pred /tmp/mtsc_train.jsonl
  python3 scripts/fit_sentiment_thresholds.py ../shared/data/gold/newsmtsc_train.jsonl /tmp/mtsc_train.jsonl
Prints the (positive, negative) pair with the best macro F1 over all targets (targets
with no overlapping entity count as neutral, as in score.py).
"""
import json, sys

CLASSES = ('positive', 'negative', 'neutral')

def macro_f1(pairs):
    f = []
    for c in CLASSES:
        tp = sum(1 for g, p in pairs if g == c and p == c)
        np_ = sum(1 for _, p in pairs if p == c)
        ng = sum(1 for g, _ in pairs if g == c)
        pr = tp / np_ if np_ else 0.0
        rc = tp / ng if ng else 0.0
        f.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return sum(f) / 3

def main():
    gold = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
    pred = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
    items = []  # (gold label, score or None)
    for d, r in zip(gold, pred):
        ents = [(e['char_start'], e['char_end'], e['sentiment']['score']) for e in r.get('entities') or []]
        for s in d['spans']:
            if not s['label'].startswith('TARGET_'):
                continue
            g = s['label'][7:].lower()
            best, bo = None, 0
            for a, b, sc in ents:
                o = min(b, s['end']) - max(a, s['start'])
                if o > bo:
                    best, bo = sc, o
            items.append((g, best))
    best = None
    for pi in range(0, 61):
        pos = pi / 100
        for ni in range(0, 61):
            neg = -ni / 100
            pairs = [(g, 'neutral' if sc is None else 'positive' if sc >= pos and sc > 0
                      else 'negative' if sc <= neg and sc < 0 else 'neutral') for g, sc in items]
            f = macro_f1(pairs)
            if best is None or f > best[0]:
                best = (f, pos, neg)
    cov = [(g, sc) for g, sc in items if sc is not None]
    print(f'targets={len(items)} covered={len(cov)}  best F1m={best[0]:.4f} POSITIVE={best[1]:.2f} NEGATIVE={best[2]:.2f}')

main()
