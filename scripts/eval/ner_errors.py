#!/usr/bin/env python3
"""Error classes of newslens' names against CoNLL-2003 or GUM gold (PER/ORG/LOC).

usage: ner_errors.py GOLD.jsonl PRED.jsonl ["CLASS" to list its cases]

PRED is newslens output for GOLD's texts (`score.py ner --save-pred`, or
`newslens analyze --jsonl -q` on {"id","text"} lines). Matching follows
../shared/eval/score.py: GUM gold = named PERSON/ORGANIZATION/LOCATION mentions; a
prediction touching only CoNLL MISC is ignored; same-type spans are paired one-to-one by
IoU. Classes: `boundary T` (CoNLL: paired, span differs), `gold T typed U` (an unpaired
gold name overlapped by a prediction of another type), `missed T`, `false T` (a
prediction that overlaps no gold name; listed with `found_by` and, for GUM, the labels of
the unscored mentions it overlaps, `-u` = not named).
"""
import collections
import json
import sys

gold_path, pred_path = sys.argv[1], sys.argv[2]
show = sys.argv[3] if len(sys.argv) > 3 else None
PT = {'person': 'PER', 'organization': 'ORG', 'country': 'LOC', 'location': 'LOC'}
GT = {'PER': 'PER', 'ORG': 'ORG', 'LOC': 'LOC', 'PERSON': 'PER', 'ORGANIZATION': 'ORG', 'LOCATION': 'LOC'}
docs = [json.loads(l) for l in open(gold_path, encoding='utf-8')]
recs = [json.loads(l) for l in open(pred_path, encoding='utf-8')]
ov = lambda a, b: max(0, min(a[1], b[1]) - max(a[0], b[0]))
cls = collections.Counter(); ex = collections.defaultdict(list)
for d, r in zip(docs, recs):
    t = d['text']; gum = d.get('dataset') == 'GUM'
    gold = []; misc = []; other = []
    for s in d['spans']:
        ty = GT.get(s['label'])
        if ty and (not gum or s.get('named') is True):
            gold.append((s['start'], s['end'], ty))
        elif s['label'] == 'MISC':
            misc.append((s['start'], s['end']))
        else:
            other.append((s['start'], s['end'], s['label'] + ('' if s.get('named') else '-u')))
    preds = [(e['char_start'], e['char_end'], PT[e['type']], e.get('found_by', '')) for e in r.get('entities', []) if e['type'] in PT]
    preds = [p for p in preds if not (misc and not any(ov(p, g) for g in gold) and any(ov(p, m) for m in misc))]
    # greedy typed
    pairs = sorted(((-ov(p, g) / (max(p[1], g[1]) - min(p[0], g[0])), i, j) for i, p in enumerate(preds) for j, g in enumerate(gold) if p[2] == g[2] and ov(p, g)))
    up, ug = set(), set()
    for _, i, j in pairs:
        if i not in up and j not in ug:
            up.add(i); ug.add(j)
            p, g = preds[i], gold[j]
            if (p[0], p[1]) != (g[0], g[1]) and not gum:
                k = 'boundary %s' % g[2]; cls[k] += 1; ex[k].append('%r vs gold %r' % (t[p[0]:p[1]], t[g[0]:g[1]]))
    for j, g in enumerate(gold):
        if j in ug: continue
        o = [p for i, p in enumerate(preds) if i not in up and ov(p, g)]
        ctx = t[max(0, g[0] - 40):g[0]] + '[' + t[g[0]:g[1]] + ']' + t[g[1]:g[1] + 30]
        ctx = ctx.replace('\n', ' ')
        if o:
            k = 'gold %s typed %s' % (g[2], o[0][2])
            ctx += '  by=' + o[0][3]
        else:
            k = 'missed %s' % g[2]
        cls[k] += 1; ex[k].append(ctx)
    for i, p in enumerate(preds):
        if i in up: continue
        if any(ov(p, g) for g in gold):
            continue  # counted as mistyped
        on = [o[2] for o in other if ov(p, o)]
        ctx = t[max(0, p[0] - 40):p[0]] + '[' + t[p[0]:p[1]] + ']' + t[p[1]:p[1] + 30]
        ctx = ctx.replace('\n', ' ') + '  by=' + p[3] + ' on=' + ','.join(on[:3])
        k = 'false %s' % p[2]
        cls[k] += 1; ex[k].append(ctx)
for k, v in cls.most_common():
    print('%5d  %s' % (v, k))
if show:
    for e in ex[show]:
        print('---', e)
