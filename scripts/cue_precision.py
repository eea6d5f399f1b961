#!/usr/bin/env python3
"""Precision of each predicted cue form against PolNeAR gold (use the TRAIN split).

usage: cue_precision.py GOLD.jsonl[.gz] PRED.jsonl [MAX_P] [MIN_N]
PRED is newslens output saved with `score.py attribution --save-pred`. Lists the cue
forms predicted at least MIN_N times (default 8) whose share of predictions that
overlap a gold cue is below MAX_P (default 1/3): the forms left out of the cue lexicon
(CUE_EXCLUDED_FORMS in scripts/build_lexicons.py).
"""
import gzip, json, sys
from collections import Counter

def load(p):
    op = gzip.open if p.endswith('.gz') else open
    with op(p, 'rt', encoding='utf-8') as f:
        return [json.loads(l) for l in f if l.strip()]

gold, pred = load(sys.argv[1]), load(sys.argv[2])
max_p = float(sys.argv[3]) if len(sys.argv) > 3 else 1 / 3
min_n = int(sys.argv[4]) if len(sys.argv) > 4 else 8
tp, fp = Counter(), Counter()
for d, r in zip(gold, pred):
    t, sp = d['text'], d['spans']
    g = [(sp[i]['start'], sp[i]['end']) for rel in d.get('relations') or [] for i in rel.get('cue') or []]
    for c in r.get('claims') or []:
        if not c.get('cue'):
            continue
        s, e = c['cue']['char_start'], c['cue']['char_end']
        w = t[s:e].lower()
        if any(min(e, b) > max(s, a) for a, b in g):
            tp[w] += 1
        else:
            fp[w] += 1
for w in sorted(set(tp) | set(fp), key=lambda w: -(tp[w] + fp[w])):
    n = tp[w] + fp[w]
    if n >= min_n and tp[w] / n < max_p:
        print(f'{w:20s} tp={tp[w]:4d} fp={fp[w]:4d} P={tp[w] / n:.2f}')
