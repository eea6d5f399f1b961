#!/usr/bin/env python3
"""For each word, how often it occurs in PolNeAR train texts and how often it is (the
first word of) a gold cue: the ceiling precision of adding it as a cue.

usage: cue_candidates.py GOLD.jsonl[.gz] [MIN_CUE_COUNT]
"""
import gzip, json, re, sys
from collections import Counter

p = sys.argv[1]
op = gzip.open if p.endswith('.gz') else open
occ, cue, cue_full = Counter(), Counter(), Counter()
for line in op(p, 'rt', encoding='utf-8'):
    d = json.loads(line)
    t = d['text']
    for m in re.finditer(r"[A-Za-z][A-Za-z'’-]*", t):
        occ[m.group().lower()] += 1
    sp = d['spans']
    for r in d.get('relations') or []:
        c = r.get('cue') or []
        if not c:
            continue
        s = sp[c[0]]
        words = re.findall(r"[A-Za-z][A-Za-z'’-]*", s['text'].lower())
        if words:
            cue[words[0]] += 1
            cue_full[' '.join(words)] += 1
mn = int(sys.argv[2]) if len(sys.argv) > 2 else 10
rows = [(w, cue[w], occ[w], cue[w] / max(occ[w], 1)) for w in cue if cue[w] >= mn]
rows.sort(key=lambda r: -r[1])
for w, c, o, r in rows:
    print(f'{w:20s} cue={c:5d} occ={o:6d} ratio={r:.2f}')
