#!/usr/bin/env python3
"""Trains the attribution cue detector (models/cue_model.tsv) on the PolNeAR TRAIN split.

usage: train_cue_model.py [--gold TRAIN.jsonl.gz] [--out models/cue_model.tsv]
                          [--cv K (4)] [--epochs N (3)] [--l2 L (1e-4)]

A logistic regression over a few context features decides whether a candidate word is
(part of) an attribution cue. Candidates are the words that overlap a gold cue at least
MIN_CUE times in train (function words excepted) and the first words of the lexicon cue
forms (lexicons/cues.tsv, lexicons/cues_polnear.tsv), outside quotations. Features (the
same strings src/claims.rs builds; keep them in step):

    w=WORD  l=LEMMA  sx=SUFFIX  p1=PREV  p2=PREV2  n1=NEXT  n2=NEXT2  p1w=PREV|WORD
    wn1=WORD|NEXT  cap (capitalized inside the sentence)  pcap (previous word capitalized)
    lex=CLASS (lexicon class of the longest cue phrase here, or `none`)
    cb=0/1 (a lexicon cue earlier in the sentence)  tb=0/1 (`that` earlier in the sentence)
    bias

Words are lower case; PREV is `<s>` at a sentence start, NEXT `</s>` at its end. A
possessive is `'s`, a number `<num>`, punctuation itself (quotes as `<q>`).

Training: stochastic gradient descent on the log loss with L2, a fixed shuffled order
(seed 1), features seen fewer than MIN_FEATURE times dropped. `--cv K` reports K-fold
(by document) token-level P/R/F1 of the model next to the plain lexicon, and the
threshold with the best cross-validated F1 (written into the model's header as
`threshold`). Everything is read from train; dev is never touched.

The output is `feature<TAB>weight` rows with the header comment holding the candidate
vocabulary (`vocab` rows: `@vocab<TAB>WORD`) and the threshold (`@threshold<TAB>T`).
"""
import argparse
import gzip
import json
import math
import os
import random
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
from mine_cues import FUNCTION_WORDS, read_lexicon  # noqa: E402

DEFAULT_GOLD = os.path.join(ROOT, "..", "shared", "data", "gold", "polnear_train.jsonl.gz")
MIN_CUE = 3
MIN_FEATURE = 3
QUOTES = set('“”"«»')

WORD = re.compile(r"[^\W\d_]\w*(?:[-'’][^\W\d_]\w*)*|\d[\d.,]*\d|\d|\S")


def load(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def tokens(text):
    """[(start, end, text, kind)] with kind 'w' word, 'n' number, 'p' possessive, 'x' punct."""
    out = []
    for m in WORD.finditer(text):
        s, e = m.span()
        w = m.group()
        if w[0].isalpha():
            if len(w) > 2 and w[-2:].lower() in ("'s", "’s"):
                out.append((s, e - 2, w[:-2], "w"))
                out.append((e - 2, e, w[-2:], "p"))
            else:
                out.append((s, e, w, "w"))
        elif w[0].isdigit():
            out.append((s, e, w, "n"))
        else:
            out.append((s, e, w, "x"))
    return out


def sentences(text, toks):
    """Sentence index per token: a new sentence after . ! ? followed by a capitalized
    word or a quote, and after a line break."""
    sid, out = 0, []
    for i, (s, e, w, k) in enumerate(toks):
        if i > 0:
            ps, pe, pw, pk = toks[i - 1]
            if "\n" in text[pe:s]:
                sid += 1
            elif pk == "x" and pw in ".!?" and (w[:1].isupper() or w in QUOTES):
                sid += 1
            elif pk == "x" and pw in QUOTES and i > 1 and toks[i - 2][2] in ".!?" and w[:1].isupper():
                sid += 1
        out.append(sid)
    return out


def in_quotes(text, toks):
    """Whether each token is inside a quotation (curly pairs, straight quotes
    alternating, a blank line closing an open quote)."""
    out = []
    open_ = None
    last_end = 0
    for s, e, w, k in toks:
        if open_ is not None and "\n\n" in text[last_end:s].replace("\r", ""):
            open_ = None
        last_end = e
        if k == "x" and w in QUOTES:
            if open_ is None and w in '“«"':
                open_ = w
                out.append(False)
                continue
            if open_ is not None and ((open_ == "“" and w == "”") or (open_ == "«" and w == "»")
                                      or (open_ == '"' and w == '"')):
                open_ = None
                out.append(False)
                continue
        out.append(open_ is not None)
    return out


def norm(tok):
    s, e, w, k = tok
    if k == "n":
        return "<num>"
    if k == "p":
        return "'s"
    if k == "x" and w in QUOTES or w in ("‘", "’", "'"):
        return "<q>"
    return w.lower()


def suffix(w):
    if w.endswith("ing"):
        return "ing"
    if w.endswith("ed"):
        return "ed"
    if w.endswith("s") and not w.endswith("ss"):
        return "s"
    return "-"


def lemma(w):
    """Crude base form for a feature (not for display): strip -s/-ed/-ing/-es."""
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            if suf == "s" and w.endswith("ss"):
                continue
            return w[: -len(suf)]
    return w


def is_cap(w):
    return w[:1].isupper()


def longest_phrase(normed, kinds, i, forms):
    best = None
    phrase = ""
    for n in range(3):
        j = i + n
        if j >= len(normed) or kinds[j] != "w":
            break
        phrase = normed[j] if n == 0 else phrase + " " + normed[j]
        if phrase in forms:
            best = (j, forms[phrase][1])
    return best


PRONOUNS = {"he", "she", "they", "i", "we", "you", "it", "who"}
SKIPPED = {"also", "has", "have", "had", "will", "would", "did", "does", "do", "not", "never",
           "is", "was", "are", "were", "could", "may", "might", "should", "must", "can",
           "still", "then", "later", "again", "already", "recently", "repeatedly"}


def features(toks, normed, kinds, sid, i, forms, state):
    """Feature strings of candidate token i. `state` = (cue_before, that_before)."""
    w = normed[i]
    first = i == 0 or sid[i - 1] != sid[i]
    p1 = "<s>" if first else normed[i - 1]
    p2 = "<s>" if first or i < 2 or sid[i - 2] != sid[i] else normed[i - 2]
    last = i + 1 >= len(toks) or sid[i + 1] != sid[i]
    n1 = "</s>" if last else normed[i + 1]
    n2 = "</s>" if last or i + 2 >= len(toks) or sid[i + 2] != sid[i] else normed[i + 2]
    lp = longest_phrase(normed, kinds, i, forms)
    f = ["bias", "w=" + w, "l=" + lemma(w), "sx=" + suffix(w), "p1=" + p1, "p2=" + p2,
         "n1=" + n1, "n2=" + n2, "p1w=" + p1 + "|" + w, "wn1=" + w + "|" + n1,
         "lex=" + (lp[1] if lp else "none"), "cb=%d" % state[0], "tb=%d" % state[1]]
    if lp:
        f.append("lf=" + " ".join(normed[i:lp[0] + 1]))
    near = [normed[j] for j in range(max(0, i - 3), min(len(toks), i + 4)) if sid[j] == sid[i]]
    if "<q>" in near:
        f.append("qn")
    pron = p1 in PRONOUNS or (p1 in SKIPPED and p2 in PRONOUNS)
    if pron:
        f.append("ppron")
    if pron and lp:
        f.append("ppron_lex")
    if not first and is_cap(toks[i][2]):
        f.append("cap")
    if not first and kinds[i - 1] == "w" and is_cap(toks[i - 1][2]):
        f.append("pcap")
    return f


DETERMINERS = set("the a an his her their its our my your these those this that such no any some".split())
PREPOSITIONS = set("to for of in on with by from about over against into after under without amid despite".split())
AUX = {"was", "were", "is", "are", "been", "be"}


def not_verb(toks, normed, kinds, i, last, cls, heads):
    """The rule filter src/claims.rs applies after the detector (keep in step): the
    candidate is no reporting verb whatever the model says."""
    w = normed[i]
    prev = normed[i - 1] if i > 0 else None
    nxt = normed[last + 1] if last + 1 < len(toks) else None
    gerund = (w.endswith("ing") and prev is not None and prev != "to" and prev in PREPOSITIONS) \
        or prev == "to"
    passive = nxt == "by" and i > 0 and (
        (kinds[i - 1] == "w" and prev in AUX)
        or (i > 1 and kinds[i - 2] == "w" and normed[i - 2] in AUX and kinds[i - 1] == "w"
            and (prev.endswith("ly") or prev in ("first", "also", "later"))))
    if prev is not None and (prev in DETERMINERS or (prev in PREPOSITIONS and not gerund)):
        return True
    if i > 0 and kinds[i - 1] == "p":
        return True
    if i > 0 and is_cap(toks[i][2]) and kinds[i - 1] == "w" and not is_cap(toks[i - 1][2]):
        return True
    if last + 1 < len(toks) and kinds[last + 1] == "w" and normed[last + 1] in heads:
        return True
    if nxt == "by" and not passive:
        return True
    if nxt == "of" and cls != "speech":
        return True
    return False


def doc_examples(d, forms, vocab):
    """[(features, label, token index)] for a document's candidate tokens."""
    text = d["text"]
    toks = tokens(text)
    sp = d.get("spans") or []
    cues = sorted((sp[i]["start"], sp[i]["end"]) for r in d.get("relations") or []
                  for i in r.get("cue") or [])
    normed = [norm(t) for t in toks]
    kinds = [t[3] for t in toks]
    sid = sentences(text, toks)
    quoted = in_quotes(text, toks)
    heads = {f.split()[0] for f in forms}
    out = []
    cue_before = that_before = 0
    k = 0
    for i, (s, e, w, kind) in enumerate(toks):
        if i > 0 and sid[i - 1] != sid[i]:
            cue_before = that_before = 0
        while k < len(cues) and cues[k][1] <= s:
            k += 1
        label = k < len(cues) and cues[k][0] < e
        lw = normed[i]
        if kind == "w" and not quoted[i] and (lw in vocab or lw in heads):
            lp = longest_phrase(normed, kinds, i, forms) if lw in heads else None
            if not not_verb(toks, normed, kinds, i, lp[0] if lp else i, lp[1] if lp else None,
                            heads):
                out.append((features(toks, normed, kinds, sid, i, forms,
                                     (cue_before, that_before)), label, i))
        if kind == "w" and lw == "that":
            that_before = 1
        if kind == "w" and lw in heads and longest_phrase(normed, kinds, i, forms):
            cue_before = 1
    return out


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
    forms = read_lexicon(os.path.join(ROOT, "lexicons", "cues.tsv"))
    mined = os.path.join(ROOT, "lexicons", "cues_polnear.tsv")
    if os.path.exists(mined):
        for f, v in read_lexicon(mined).items():
            forms.setdefault(f, v)
    # Candidate vocabulary: words overlapping a gold cue >= MIN_CUE times.
    cue_words = Counter()
    for d in docs:
        sp = d["spans"]
        for r in d.get("relations") or []:
            for i in r.get("cue") or []:
                for s, e, w, k in tokens(sp[i]["text"]):
                    if k == "w" and w.lower() not in FUNCTION_WORDS:
                        cue_words[w.lower()] += 1
    vocab = {w for w, c in cue_words.items() if c >= MIN_CUE}
    per_doc = [doc_examples(d, forms, vocab) for d in docs]
    n_gold_tokens = sum(1 for ex in per_doc for _, y, _ in ex if y)
    print(f"{len(vocab)} candidate words; {sum(map(len, per_doc))} candidate tokens, "
          f"{n_gold_tokens} in a gold cue", file=sys.stderr)
    threshold = 0.5
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
    w = train([(fs, y) for ex in per_doc for fs, y, _ in ex], args.epochs, args.l2)
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# newslens cue detector: logistic regression trained on the PolNeAR train split\n")
        f.write("# (Newell, Margolin and Ruths, LREC 2018) by scripts/train/train_cue_model.py.\n")
        f.write("# Only feature names (words and word pairs) and weights. See lexicons/SOURCES.md.\n")
        f.write("feature\tweight\n")
        f.write(f"@threshold\t{threshold}\n")
        for v in sorted(vocab):
            f.write(f"@vocab\t{v}\n")
        for k in sorted(w):
            f.write(f"{k}\t{w[k]:.4f}\n")
    print(f"{len(w)} weights, threshold {threshold}, written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
