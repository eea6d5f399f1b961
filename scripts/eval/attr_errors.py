#!/usr/bin/env python3
"""Error analysis of attribution cues against PolNeAR gold (train split).

usage: attr_errors.py GOLD.jsonl[.gz] PRED.jsonl [--show CUE]
Pairs predicted and gold cues like score.py (greedy by overlap) and prints the most
frequent missed gold cues (lower-cased text of all cue parts), the most frequent false
predicted cues, and counts of error classes.
"""
import gzip, json, sys, re
from collections import Counter

def load(p):
    op = gzip.open if p.endswith('.gz') else open
    with op(p, 'rt', encoding='utf-8') as f:
        return [json.loads(l) for l in f if l.strip()]

def span(x):
    if x is None: return None
    return (x['char_start'], x['char_end'])

def main():
    gold = load(sys.argv[1]); pred = load(sys.argv[2])
    show = sys.argv[sys.argv.index('--show') + 1] if '--show' in sys.argv else None
    missed, false, hit = Counter(), Counter(), Counter()
    classes = Counter()
    examples = []
    for doc, rec in zip(gold, pred):
        t = doc['text']; sp = doc['spans']
        golds = []
        for r in doc.get('relations') or []:
            cue = [(sp[i]['start'], sp[i]['end']) for i in r.get('cue') or []]
            if cue:
                golds.append((cue, [(sp[i]['start'], sp[i]['end']) for i in r.get('source') or []],
                              [(sp[i]['start'], sp[i]['end']) for i in r.get('content') or []]))
        preds = [(span(c['cue']), span(c.get('speaker')), span(c.get('content')))
                 for c in rec.get('claims') or [] if c.get('cue')]
        pairs = []
        for i, (pc, _, _) in enumerate(preds):
            for j, (gc, _, _) in enumerate(golds):
                o = sum(max(0, min(pc[1], e) - max(pc[0], s)) for s, e in gc)
                if o > 0:
                    pairs.append((-o, i, j))
        pairs.sort()
        ui, uj, m = set(), set(), {}
        for _, i, j in pairs:
            if i in ui or j in uj: continue
            ui.add(i); uj.add(j); m[i] = j
        for j, (gc, gs, gn) in enumerate(golds):
            key = ' '.join(t[s:e].lower() for s, e in gc)
            if j in uj:
                hit[key] += 1
                continue
            missed[key] += 1
            if show and key == show:
                s0 = min(s for s, _ in gc); 
                examples.append(t[max(0, s0 - 150):s0 + 100].replace('\n', ' '))
        for i, (pc, ps, pn) in enumerate(preds):
            key = t[pc[0]:pc[1]].lower()
            if i in ui:
                j = m[i]; gc, gs, gn = golds[j]
                so = ps is not None and any(max(0, min(ps[1], e) - max(ps[0], s)) > 0 for s, e in gs)
                co = pn is not None and any(max(0, min(pn[1], e) - max(pn[0], s)) > 0 for s, e in gn)
                sa = so or (not gs and ps is None); ca = co or (not gn and pn is None)
                if sa and ca: classes['joint correct'] += 1
                elif not sa and ca: classes['cue ok, speaker wrong'] += 1
                elif sa and not ca: classes['cue ok, content wrong'] += 1
                else: classes['cue ok, both wrong'] += 1
                continue
            false[key] += 1
            if show and key == show and show.startswith('+'):
                pass
            if show == '+' + key:
                examples.append('FALSE: ' + t[max(0, pc[0] - 150):pc[1] + 100].replace('\n', ' '))
    classes['missed gold cue'] = sum(missed.values())
    classes['false predicted cue'] = sum(false.values())
    print('classes:', dict(classes))
    print('\nMISSED (gold cue not predicted):', sum(missed.values()))
    for k, v in missed.most_common(80): print(f'{v:6d}  {k!r}  (hit {hit[k]})')
    print('\nFALSE (predicted cue not in gold):', sum(false.values()))
    for k, v in false.most_common(60): print(f'{v:6d}  {k!r}  (hit {hit[k]})')
    for e in examples[:30]: print('---', e)

main()
