#!/usr/bin/env python3
"""Classes of missed gold cues (PolNeAR): why a gold cue got no predicted claim.

usage: missed_classes.py GOLD.jsonl[.gz] PRED.jsonl [lexicons/cues.tsv]
"""
import gzip, json, re, sys
from collections import Counter

def load(p):
    op = gzip.open if p.endswith('.gz') else open
    with op(p, 'rt', encoding='utf-8') as f:
        return [json.loads(l) for l in f if l.strip()]

gold, pred = load(sys.argv[1]), load(sys.argv[2])
lex = sys.argv[3] if len(sys.argv) > 3 else 'lexicons/cues.tsv'
forms = set()
for l in open(lex, encoding='utf-8'):
    if l.startswith('#') or l.startswith('lemma\t'):
        continue
    parts = l.rstrip('\n').split('\t')
    if len(parts) >= 2:
        forms.add(parts[1])
words_re = re.compile(r"[A-Za-z][A-Za-z'’-]*")
QUOTES = '“”"'
cls = Counter()
examples = {}
for d, r in zip(gold, pred):
    t, sp = d['text'], d['spans']
    pc = [(c['cue']['char_start'], c['cue']['char_end']) for c in r.get('claims') or [] if c.get('cue')]
    for rel in d.get('relations') or []:
        cue = [(sp[i]['start'], sp[i]['end']) for i in rel.get('cue') or []]
        if not cue:
            continue
        if any(min(e, b) > max(s, a) for s, e in cue for a, b in pc):
            continue
        words = [w.lower() for s, e in cue for w in words_re.findall(t[s:e])]
        s0 = cue[0][0]
        # Inside a quotation: odd number of quote marks in the paragraph before it.
        para_start = t.rfind('\n', 0, s0) + 1
        before = t[para_start:s0]
        in_quote = (before.count('“') > before.count('”')) or before.count('"') % 2 == 1
        lexical = any(w in forms for w in words) or any(
            ' '.join(words[i:i + n]) in forms for n in (2, 3) for i in range(len(words)))
        if not words:
            k = 'punctuation cue (":" etc.)'
        elif in_quote and lexical:
            k = 'lexicon cue inside a quotation'
        elif lexical:
            k = 'lexicon cue, dropped (no speaker / filtered)'
        elif in_quote:
            k = 'non-lexicon cue inside a quotation'
        elif len(words) > 1:
            k = 'multiword non-lexicon cue'
        else:
            k = 'single-word non-lexicon cue'
        cls[k] += 1
        examples.setdefault(k, []).append(t[max(0, s0 - 100):s0 + 60].replace('\n', ' '))
for k, v in cls.most_common():
    print(f'{v:6d}  {k}')
if len(sys.argv) > 4:
    for e in examples[sys.argv[4]][:25]:
        print('---', e)
