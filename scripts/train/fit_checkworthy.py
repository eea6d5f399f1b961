#!/usr/bin/env python3
"""Fits the check-worthiness weights of src/checkworthy.rs on CheckThat! 2019 train and
reports leave-one-debate-out MAP.

usage:
  target/release/newslens analyze --jsonl -q < <(python3 ../shared/eval/score.py checkworthy \\
      --gold ../shared/data/gold/checkthat2019_train.jsonl --write-input /dev/stdout) > /tmp/ct.jsonl
  python3 scripts/train/fit_checkworthy.py ../shared/data/gold/checkthat2019_train.jsonl /tmp/ct.jsonl

Re-computes the features of src/checkworthy.rs in Python (per line; entity counts
come from the saved newslens output), fits an L2 logistic regression with balanced
class weights, prints the weights (round them into src/checkworthy.rs), the MAP of
the fitted model on all debates (in-sample), and the leave-one-debate-out MAP (each
debate ranked by a model fitted on the other 18). Standard library only.
"""
import json, math, re, sys

QUANTITY = set("percent per million billion trillion thousand thousands hundred hundreds "
               "dozen half twice times majority average rate dollars billions millions "
               "% $ € £".split())
TREND = set("more less most least fewer increase increased decrease decreased rose fell grew "
            "dropped doubled tripled record largest biggest highest lowest first only never "
            "ever cut raised lost won killed died than since because caused led worst best "
            "number".split())
PERSONAL = set("i we you me us my our your".split())
DISCOURSE = set("thank thanks applause laughter crosstalk inaudible yes okay ok yeah mr "
                "question questions ask asked respond folks welcome".split())
FUTURE = set("will 'll going gonna would should want wants".split())
TOKEN = re.compile(r"[A-Za-z][A-Za-z'’-]*|\d+(?:[.,]\d+)*|[^\w\s]")
NAMES = ['bias', 'numbers', 'year', 'quantities', 'entities', 'trends', 'cue', 'question',
         'short', 'personal', 'log_words', 'discourse', 'future']

def load_cues(path='lexicons/cues.tsv'):
    out = set()
    for l in open(path, encoding='utf-8'):
        if l.startswith('#') or l.startswith('lemma\t'):
            continue
        p = l.split('\t')
        if len(p) > 1 and ' ' not in p[1]:
            out.add(p[1])
    return out

def feats(text, n_ent, cues):
    toks = TOKEN.findall(text)
    words = [t.lower() for t in toks if t[0].isalpha()]
    nums = [t for t in toks if t[0].isdigit()]
    years = sum(1 for t in nums if len(t) == 4 and t[:2] in ('19', '20'))
    q = sum(1 for t in toks if t.lower() in QUANTITY)
    tr = sum(1 for w in words if w in TREND)
    pers = sum(1 for w in words if w in PERSONAL)
    cue = any(w in cues for w in words)
    question = text.rstrip('"”’\') ').endswith('?')
    disc = sum(1 for w in words if w in DISCOURSE)
    fut = sum(1 for w in words if w in FUTURE) + sum(1 for w in words if w.endswith("'ll"))
    return [1.0, min(len(nums) - years, 2), min(years, 1), min(q, 2), min(n_ent, 3),
            min(tr, 3), float(cue), float(question), float(len(words) < 6),
            min(pers, 3) if not nums else 0, math.log(1 + len(words)), min(disc, 2),
            min(fut, 2)]

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
    gold = [json.loads(l) for l in open(sys.argv[1], encoding='utf-8')]
    recs = [json.loads(l) for l in open(sys.argv[2], encoding='utf-8')]
    cues = load_cues()
    debates = []
    k = 0
    for d in gold:
        X, y = [], []
        for s in d['spans']:
            r = recs[k]; k += 1
            X.append(feats(d['text'][s['start']:s['end']], len(r.get('entities') or []), cues))
            y.append(1 if s['label'] == 'CHECKWORTHY' else 0)
        debates.append((X, y))
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
    print('weights:', ', '.join(f'{n}={v:.2f}' for n, v in zip(NAMES, w)))
    print(f'in-sample MAP={ins:.4f}  leave-one-debate-out MAP={sum(lodo) / len(lodo):.4f}')

main()
