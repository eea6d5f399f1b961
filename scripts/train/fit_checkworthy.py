#!/usr/bin/env python3
"""Fits the check-worthiness model (models/checkworthy.tsv, read by src/checkworthy.rs) on
CheckThat! 2019 train and reports leave-one-debate-out MAP.

usage:
  python3 scripts/train/fit_checkworthy.py [--gold ../shared/data/gold/checkthat2019_train.jsonl]
      [--out /tmp/checkworthy.tsv]

The features of each gold line are the run time's (`examples/features.rs checkworthy`,
see modelfile.py), computed on the line's span of the debate with the entities the
analyzer finds in the whole debate. Fits an L2 logistic regression with balanced class
weights, prints the weights, the MAP of the fitted model on all debates (in-sample) and
the leave-one-debate-out MAP (each debate ranked by a model fitted on the other 18),
and with --out writes the model file (weights rounded to two decimals; the committed
model's bias was then set by hand so that about as many news sentences pass the
assertion threshold, which does not change the ranking). Standard library only.
"""
import argparse, json, math, os, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from modelfile import features, write_model  # noqa: E402

# The features of src/checkworthy.rs (`Feature`), in its order; the bias first.
NAMES = ['bias', 'numbers', 'quantities', 'entities', 'trends', 'log_words', 'discourse',
         'future', 'cue', 'question', 'short', 'personal']

def fit(X, y, l2=1.0, epochs=300, lr=0.5):
    w = [0.0] * len(X[0])
    npos = sum(y); nneg = len(y) - npos
    cw = {1: len(y) / (2 * npos), 0: len(y) / (2 * nneg)}
    n = len(y)
    for _ in range(epochs):
        g = [0.0] * len(w)
        for x, t in zip(X, y):
            z = sum(a * b for a, b in zip(w, x))
            p = 1 / (1 + math.exp(-max(-30, min(30, z))))
            e = (p - t) * cw[t]
            for i, xi in enumerate(x):
                g[i] += e * xi
        for i in range(len(w)):
            reg = l2 * w[i] if i else 0.0
            w[i] -= lr * (g[i] / n + reg / n)
    return w

def ap(labels, scores):
    order = sorted(range(len(scores)), key=lambda i: -scores[i])  # stable: ties keep order
    hits, s = 0, 0.0
    for r, i in enumerate(order, 1):
        if labels[i]:
            hits += 1
            s += hits / r
    return s / max(1, sum(labels))

def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('--gold', default='../shared/data/gold/checkthat2019_train.jsonl')
    parser.add_argument('--out')
    args = parser.parse_args()
    if 'dev' in os.path.basename(args.gold) or 'test' in os.path.basename(args.gold):
        sys.exit(f'refusing to fit on {args.gold}: a dev/test file')
    gold = [json.loads(l) for l in open(args.gold, encoding='utf-8') if l.strip()]
    by_id = {}
    for r in features('checkworthy', gold):
        x = [1.0] + [r['features'].get(n, 0.0) for n in NAMES[1:]]
        by_id.setdefault(r['id'], ([], []))
        by_id[r['id']][0].append(x)
        by_id[r['id']][1].append(1 if r['label'] == 'CHECKWORTHY' else 0)
    debates = [by_id[d['id']] for d in gold if d['id'] in by_id]
    allX = [x for X, _ in debates for x in X]
    ally = [t for _, y in debates for t in y]
    w = fit(allX, ally)
    score = lambda w, x: sum(a * b for a, b in zip(w, x))
    ins = sum(ap(y, [score(w, x) for x in X]) for X, y in debates) / len(debates)
    lodo = []
    for i, (X, y) in enumerate(debates):
        tx = [x for j, (Xj, _) in enumerate(debates) if j != i for x in Xj]
        ty = [t for j, (_, yj) in enumerate(debates) if j != i for t in yj]
        wi = fit(tx, ty)
        lodo.append(ap(y, [score(wi, x) for x in X]))
    lodo_map = sum(lodo) / len(lodo)
    print('weights:', ', '.join(f'{n}={v:.2f}' for n, v in zip(NAMES, w)))
    print(f'in-sample MAP={ins:.4f}  leave-one-debate-out MAP={lodo_map:.4f}')
    if args.out:
        write_model(
            args.out, model='checkworthy',
            what='check-worthiness of a sentence (src/checkworthy.rs): a logistic regression, '
                 'sigmoid(bias + sum of weight x feature); features as src/checkworthy.rs '
                 'computes them (examples/features.rs checkworthy)',
            trained_on=f'CheckThat! 2019 train ({len(debates)} debates)',
            script=f'python3 scripts/train/fit_checkworthy.py --gold {args.gold} --out {args.out}',
            figure=f'leave-one-debate-out MAP {lodo_map:.3f}; in-sample MAP {ins:.3f}',
            columns=['feature', 'weight'],
            rows=[[n, f'{v:.2f}'] for n, v in zip(NAMES, w)])
        print(f'wrote {args.out}')

main()
