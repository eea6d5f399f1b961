#!/usr/bin/env python3
"""Mines attribution cue phrases from the PolNeAR TRAIN split into lexicons/cues_polnear.tsv.

usage: mine_cues.py [--gold TRAIN.jsonl.gz] [--pred TRAIN_PRED.jsonl] [--out FILE]
                    [--min N] [--precision P] [--lexicon lexicons/cues.tsv]

Only the training split is read (never dev). Two steps, both on train:

1. Text level (always). Every phrase of one to three words (lower case, no punctuation
   inside, not starting with a function word) that overlaps a gold cue at least `--min`
   times is a candidate. Its occurrences are matched the way `src/claims/attribution.rs` matches cue
   phrases (longest phrase first, left to right, together with the cues already in
   lexicons/cues.tsv), and each occurrence counts as
   - new: it overlaps a gold cue that no other matched phrase overlaps (a true positive),
   - duplicate: it overlaps a gold cue another matched phrase overlaps (a false positive
     for the scorer, which pairs claims and gold one-to-one),
   - false: it overlaps no gold cue.
   A phrase is kept when new / (new + duplicate + false) >= `--precision`; the matching is
   redone with the kept phrases until no phrase falls below the bar.
2. Prediction level (with `--pred`). newslens output on the train split, produced with
   the step-1 lexicon in place (`score.py attribution --gold TRAIN --cmd ... --save-pred
   FILE`), gives each mined form's precision as the cue of a predicted claim (paired
   with gold as score.py does). Forms predicted at least `--min-pred` times below
   `--precision` are dropped; forms never predicted stay (they cost nothing).

The bundled lexicons/cues_polnear.tsv is step 1 alone, with the defaults:

    python3 scripts/train/mine_cues.py --out lexicons/cues_polnear.tsv

(then retrain the cue detector, scripts/train/train_cue_model.py, whose features read the
lexicon). Step 2 is a diagnostic: run it with output predicted by a build that uses
the step-1 file.

The threshold 0.4 follows from F1: a cue form whose precision p exceeds F1/2 raises F1,
and the cue F1 before mining was 0.70.

Lemma: the first word's base form from the corpus vocabulary (`voted` -> `vote`,
`talked about` -> `talk about`) or the lemma cues.tsv gives the form. Class: the class
cues.tsv gives the lemma, else CLASS_OF below (hand-assigned for the mined lemmas; the
class only sets the default stance), else `speech`.
"""
import argparse
import gzip
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
DEFAULT_GOLD = os.path.join(ROOT, "..", "shared", "data", "gold", "polnear_train.jsonl.gz")

# Words that start no cue phrase: determiners, pronouns, prepositions, auxiliaries,
# conjunctions. (A cue phrase must start with the word claims.rs looks up first.)
FUNCTION_WORDS = set("""
a an the this that these those his her their its our my your some any no every each all
both either neither such what which who whom whose when where why how whether if than
then there here it he she they we you i me him them us one
in on at of to for from by with about over into onto under against among between through
during before after above below up down out off as like near since until upon via per
and or but nor so yet because although though while unless also not n't never just only
even still already very too more most much many less least
is are was were be been being am has have had having do does did done will would shall
should can could may might must 's
""".split())

# Class of mined lemmas that cues.tsv does not know (the class sets the default stance:
# criticize/concern/warn/deny -> oppose, praise/promise -> support).
CLASS_OF = {
    "criticism": "criticize", "critical of": "criticize", "charge": "criticize",
    "rail": "criticize", "assail": "criticize", "bemoan": "criticize", "complaint": "criticize",
    "critique": "criticize", "attack": "criticize", "angered": "criticize",
    "fire back": "criticize", "shoot back": "criticize", "balk": "deny",
    "distance": "deny", "refusal": "deny", "denial": "deny",
    "champion": "praise", "endorsement": "praise", "back": "praise", "favor": "praise",
    "push for": "praise", "advocate for": "praise", "side": "praise", "vote": "assert",
    "want": "believe", "hope": "believe", "plan": "believe", "see": "believe",
    "know": "believe", "feel": "believe", "prefer": "believe", "eager": "believe",
    "convinced": "believe", "consider": "believe", "view": "believe", "assumption": "believe",
    "learn": "believe", "project": "believe", "forecast": "believe", "known": "report",
    "known as": "report", "widely": "report", "reportedly": "report", "list": "report",
    "identify": "report", "name": "report", "title": "report", "read": "report",
    "statement": "speech", "issue": "speech", "release": "speech", "assertion": "assert",
    "suggestion": "assert", "imply": "assert", "hint": "assert", "signal": "assert",
    "concern": "concern", "fear": "concern", "warning": "warn",
}


def load(path):
    op = gzip.open if path.endswith(".gz") else open
    with op(path, "rt", encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


WORD = re.compile(r"[^\W\d_]\w*(?:[-'’][^\W\d_]\w*)*|\d[\d.,]*\d|\d|\S")


def tokens(text):
    """(start, end, lower-case text, is_word) like src/text/tokenize.rs: a possessive is its
    own token, punctuation one character each."""
    out = []
    for m in WORD.finditer(text):
        s, e = m.span()
        w = m.group()
        if w[0].isalpha() and len(w) > 2 and w[-2:].lower() in ("'s", "’s"):
            out.append((s, e - 2, w[:-2].lower(), True))
            out.append((e - 2, e, "'s", False))
        else:
            out.append((s, e, w.lower(), w[0].isalpha()))
    return out


def read_lexicon(path):
    """form -> (lemma, class) of a cues TSV."""
    forms = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or line.startswith("lemma\t") or not line.strip():
                continue
            p = line.rstrip("\n").split("\t")
            forms[p[1]] = (p[0], p[2])
    return forms


class Doc:
    def __init__(self, d):
        self.toks = tokens(d["text"])
        sp = d["spans"]
        cues = sorted((sp[i]["start"], sp[i]["end"]) for r in d.get("relations") or []
                      for i in r.get("cue") or [])
        # Gold cue index of each token (-1: none).
        self.cue_of = []
        k = 0
        for s, e, _, _ in self.toks:
            while k < len(cues) and cues[k][1] <= s:
                k += 1
            self.cue_of.append(k if k < len(cues) and cues[k][0] < e else -1)


def phrase_at(doc, i, n):
    t = doc.toks
    if i + n > len(t) or not all(t[j][3] for j in range(i, i + n)):
        return None
    return " ".join(t[j][2] for j in range(i, i + n))


def match(doc, forms, heads):
    """Longest-first left-to-right matching of `forms` (up to three words) as claims.rs
    does: [(first token, last token, form)]. `according to` is matched as one phrase."""
    out = []
    i = 0
    t = doc.toks
    while i < len(t):
        if not t[i][3] or t[i][2] not in heads:
            i += 1
            continue
        best = None
        for n in (1, 2, 3):
            p = phrase_at(doc, i, n)
            if p is None:
                break
            if p in forms:
                best = (i, i + n - 1, p)
        if best:
            out.append(best)
            i = best[1] + 1
        else:
            i += 1
    return out


def score_forms(docs, forms):
    """Per form: [new, duplicate, false] occurrences under joint matching."""
    heads = {f.split()[0] for f in forms}
    stats = defaultdict(lambda: [0, 0, 0])
    for doc in docs:
        seen = set()
        for a, b, form in match(doc, forms, heads):
            gold = {doc.cue_of[j] for j in range(a, b + 1)} - {-1}
            if not gold:
                stats[form][2] += 1
            elif gold <= seen:
                stats[form][1] += 1
            else:
                stats[form][0] += 1
            seen |= gold
    return stats


def candidates(docs, min_count, known):
    """Phrases of 1-3 words starting with a content word whose first word overlaps a
    gold cue at least min_count times and that are no known cue form."""
    c = Counter()
    for doc in docs:
        for i, (_, _, w, is_word) in enumerate(doc.toks):
            if not is_word or doc.cue_of[i] < 0 or w in FUNCTION_WORDS:
                continue
            for n in (1, 2, 3):
                p = phrase_at(doc, i, n)
                if p is None:
                    break
                c[p] += 1
    return {p for p, n in c.items() if n >= min_count and p not in known}


def lemma_of(form, vocab, known):
    """Base form of the first word: a known cue form's lemma, else by suffix rules
    checked against the corpus vocabulary; the other words stay."""
    words = form.split()
    first = words[0]
    if first in known:
        base = known[first][0]
    else:
        base = first
        tries = []
        if first.endswith("ies"):
            tries.append(first[:-3] + "y")
        if first.endswith("ied"):
            tries.append(first[:-3] + "y")
        for suf in ("ed", "ing"):
            if first.endswith(suf) and len(first) > len(suf) + 2:
                stem = first[: -len(suf)]
                tries += [stem + "e", stem]
                if len(stem) > 2 and stem[-1] == stem[-2]:
                    tries.append(stem[:-1])
        if first.endswith("es"):
            tries.append(first[:-2])
        if first.endswith("s") and not first.endswith("ss"):
            tries.append(first[:-1])
        for t in tries:
            if vocab.get(t, 0) >= 3 and t != first:
                base = t
                break
    return " ".join([base] + words[1:])


def class_of(form, lemma, known_lemma_class):
    for key in (lemma, lemma.split()[0], form):
        if key in known_lemma_class:
            return known_lemma_class[key]
        if key in CLASS_OF:
            return CLASS_OF[key]
    return "speech"


def prediction_precision(golds, preds, forms):
    """Per form: [paired, predicted] over predicted claims whose cue text is the form."""
    out = defaultdict(lambda: [0, 0])
    for d, r in zip(golds, preds):
        t, sp = d["text"], d["spans"]
        gold = [[(sp[i]["start"], sp[i]["end"]) for i in rel.get("cue") or []]
                for rel in d.get("relations") or []]
        gold = [g for g in gold if g]
        pc = [(c["cue"]["char_start"], c["cue"]["char_end"]) for c in r.get("claims") or []
              if c.get("cue")]
        pairs = []
        for i, (s, e) in enumerate(pc):
            for j, g in enumerate(gold):
                o = sum(max(0, min(e, b) - max(s, a)) for a, b in g)
                if o > 0:
                    glen = sum(b - a for a, b in g)
                    pairs.append(((-o, abs((e - s) - glen), i, j), i, j))
        pairs.sort()
        ui, uj = set(), set()
        for _, i, j in pairs:
            if i in ui or j in uj:
                continue
            ui.add(i)
            uj.add(j)
        for i, (s, e) in enumerate(pc):
            form = " ".join(w for _, _, w, is_w in tokens(t[s:e]) if is_w)
            if form in forms:
                out[form][1] += 1
                out[form][0] += i in ui
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=DEFAULT_GOLD)
    ap.add_argument("--pred")
    ap.add_argument("--out", default=os.path.join(ROOT, "lexicons", "cues_polnear.tsv"))
    ap.add_argument("--lexicon", default=os.path.join(ROOT, "lexicons", "cues.tsv"))
    ap.add_argument("--min", type=int, default=5)
    ap.add_argument("--precision", type=float, default=0.4)
    ap.add_argument("--min-pred", type=int, default=5)
    args = ap.parse_args()
    if "dev" in os.path.basename(args.gold):
        sys.exit("mine_cues.py reads the train split only")
    raw = load(args.gold)
    docs = [Doc(d) for d in raw]
    known = read_lexicon(args.lexicon)
    known_lemma_class = {lem: cls for lem, cls in known.values()}
    vocab = Counter(w for doc in docs for _, _, w, is_w in doc.toks if is_w)

    cands = candidates(docs, args.min, known)
    # Independent screen: each candidate's occurrences outside the known cues' matches.
    base = dict.fromkeys(known)
    screen = defaultdict(lambda: [0, 0, 0])
    heads = {f.split()[0] for f in base}
    for doc in docs:
        used, seen = set(), set()
        for a, b, _ in match(doc, base, heads):
            used.update(range(a, b + 1))
            seen |= {doc.cue_of[j] for j in range(a, b + 1)} - {-1}
        for i in range(len(doc.toks)):
            for n in (1, 2, 3):
                p = phrase_at(doc, i, n)
                if p is None:
                    break
                if p not in cands or any(j in used for j in range(i, i + n)):
                    continue
                gold = {doc.cue_of[j] for j in range(i, i + n)} - {-1}
                screen[p][2 if not gold else 1 if gold <= seen else 0] += 1
    kept = {p for p, (new, dup, false) in screen.items()
            if new >= args.min and new / (new + dup + false) >= args.precision}
    while True:
        stats = score_forms(docs, {**base, **dict.fromkeys(kept)})
        drop = {p for p in kept if (lambda s: s[0] < args.min or s[0] / max(1, sum(s)) < args.precision)(stats.get(p, [0, 0, 0]))}
        if not drop:
            break
        kept -= drop
    stats = score_forms(docs, {**base, **dict.fromkeys(kept)})

    pred_note = ""
    if args.pred:
        pp = prediction_precision(raw, load(args.pred), kept)
        drop = {p for p in kept if pp[p][1] >= args.min_pred and pp[p][0] / pp[p][1] < args.precision}
        for p in sorted(drop):
            print(f"dropped by prediction precision: {p!r} {pp[p][0]}/{pp[p][1]}", file=sys.stderr)
        kept -= drop
        pred_note = (f" Step 2 dropped {len(drop)} forms predicted >= {args.min_pred} times"
                     f" with precision < {args.precision} on train.")

    rows = []
    for p in sorted(kept):
        lemma = lemma_of(p, vocab, known)
        new, dup, false = stats[p]
        rows.append((lemma, p, class_of(p, lemma, known_lemma_class), new, new + dup + false))
    with open(args.out, "w", encoding="utf-8") as f:
        f.write("# newslens attribution cues mined from the PolNeAR train split (Newell, Margolin\n")
        f.write("# and Ruths, LREC 2018; networkdynamics/PolNeAR) by scripts/train/mine_cues.py: phrases\n")
        f.write(f"# overlapping a gold cue >= {args.min} times with cue precision >= {args.precision}"
                " on train.\n")
        if pred_note:
            f.write("#" + pred_note + "\n")
        f.write("# Only cue words and counts are kept, no article text. See lexicons/SOURCES.md.\n")
        f.write("lemma\tform\tclass\tsource\tcue\toccurrences\n")
        for lemma, p, cls, new, n in rows:
            f.write(f"{lemma}\t{p}\t{cls}\tpolnear:train\t{new}\t{n}\n")
    print(f"{len(rows)} mined cue forms written to {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
