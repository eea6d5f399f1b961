#!/usr/bin/env python3
"""Scaling benchmark: does 4x the input cost 4x the time, whatever the text?

Runs the release CLI (one thread) on articles of pathological shapes (one phrase
repeated, no sentence end; real news joined into one article) at a base size and at 4x
that size, and prints, per shape: the CPU seconds at each size (start-up excluded: the
time of an empty article is subtracted; the best of --runs), the time ratio, the rate at the large size, and the
output's size as a multiple of the input's.

    cargo build --release
    python3 scripts/bench/scaling.py                 # 250 kB and 1 MB
    python3 scripts/bench/scaling.py --base 50000 --markdown

With --check it exits 1 when a shape breaks the bounds the README states: time ratio
above 5, rate below 1 MB/s at the large size, output above 20x the input (60x for the
dense shapes without an exact repeat, where every 15-25 bytes hold a mention or a
claim). It also runs
the long-article comparison: the bench corpus's first articles as separate JSONL
records and joined into one article of the same total size (--joined-mb), and checks
that the joined article costs at most 1.5x the per-byte time of the separate ones.
"""

import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
BENCH = os.path.join(ROOT, "..", "shared", "data", "bench", "allsides_4k.jsonl.gz")

# Each shape is one phrase repeated without a sentence end: the patterns that were
# quadratic (a look-back over every earlier mention, a search restarted per token, a
# claim whose content ran to the end of an unbounded sentence), and more of the kind.
PHRASES = [
    "according to ",
    "he ",
    "U.S. ",
    "he said ",
    "Trump's ",
    "the president ",
    "John Smith, ",
    "Foo Bar Baz (FBB) ",
    "The quick brown fox said that officials in Washington ",
    '"I will not resign," ',
    "Mr. ",
    "( ",
    "said Smith ",
    "she told reporters that ",
    "Smith ",
    "a ",
    "\u201c",
    "- ",
    "NATO, EU, UN, ",
    "Sen. Rand Paul (R-Ky.) ",
]


def counter_word(i):
    """A lower-case word that spells `i` (`qa`, `qb`, ... `qba`): no two copies alike."""
    w = ""
    while True:
        w = chr(ord("a") + i % 26) + w
        i //= 26
        if i == 0:
            return "q" + w


# Dense text with no exact repeat (each copy carries a counter word, or pieces are drawn
# at random): the time must still be linear; the output is denser than news (a mention
# or a claim every 15-25 bytes, each a JSON object of 300-550 bytes), so its bound is
# looser (OUTPUT_BOUND_DENSE).
VARIED = [
    ("'according to Smith <n> '", lambda i: f"according to Smith {counter_word(i)} "),
    ("'Ann <n> Lee said that '", lambda i: f"Ann {counter_word(i)} Lee said that "),
    ("'the minister denied <n>, '", lambda i: f"the minister denied {counter_word(i)}, "),
]

PIECES = ["according to ", "he ", "she ", "U.S. ", "said ", "Trump's ", "the president ",
          "John Smith, ", "(FBB) ", "Foo Bar Baz ", '"', "\u201c", "\u201d ", ". ", ", ",
          "Mr. ", "Sen. ", "who ", "told reporters that ", "Washington ", "NATO ", "- ",
          "\n", "\n\n", "Inc. ", "Ministry of ", "Party ", "the ", "warned ", "denied ",
          "( ", ") ", "Acme Holdings ", "may ", "not ", "European Commission ", "EC ",
          "Angela Merkel ", "Merkel ", "Russian ", "police ", "... ", "; ", "3.5% "]

OUTPUT_BOUND = 20
OUTPUT_BOUND_DENSE = 60


def varied(make):
    def text(n):
        out, size, i = [], 0, 0
        while size < n:
            piece = make(i)
            out.append(piece)
            size += len(piece.encode())
            i += 1
        return "".join(out)
    return text


def mixed(n, seed=1):
    import random
    r = random.Random(seed)
    out, size = [], 0
    while size < n:
        piece = r.choice(PIECES)
        out.append(piece)
        size += len(piece.encode())
    return "".join(out)


def bench_texts(limit_bytes):
    """Texts of the bench corpus's articles, in order, up to `limit_bytes` in total."""
    out, total = [], 0
    with gzip.open(BENCH, "rt", encoding="utf-8") as f:
        for line in f:
            t = json.loads(line).get("text") or ""
            out.append(t)
            total += len(t.encode())
            if total >= limit_bytes:
                break
    return out


def run(binary, path, jsonl=False):
    """Seconds and output bytes of one CLI run on `path` (one thread)."""
    args = [binary, "analyze", "--threads", "1", "-q"]
    if jsonl:
        args.append("--jsonl")
    # CPU time (user + system) of the child: steadier than wall time on a shared machine.
    with open(path, "rb") as stdin, tempfile.TemporaryFile() as out:
        p = subprocess.Popen(args, stdin=stdin, stdout=out)
        _, status, usage = os.wait4(p.pid, 0)
        p.returncode = os.waitstatus_to_exitcode(status)
        size = out.seek(0, os.SEEK_END)
    if p.returncode not in (0, 1):
        sys.exit(f"{binary} failed on {path}: exit {p.returncode}")
    return usage.ru_utime + usage.ru_stime, size


def best(binary, path, runs, jsonl=False):
    results = [run(binary, path, jsonl) for _ in range(runs)]
    return min(r[0] for r in results), results[0][1]


def write(dirname, name, data):
    path = os.path.join(dirname, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(data)
    return path


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--bin", default=os.path.join(ROOT, "target", "release", "newslens"))
    ap.add_argument("--base", type=int, default=250_000, help="base size in bytes")
    ap.add_argument("--runs", type=int, default=3, help="runs per size (the best counts)")
    ap.add_argument("--joined-mb", type=float, default=4.0)
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--check", action="store_true", help="exit 1 when a bound is broken")
    args = ap.parse_args()

    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        empty = write(tmp, "empty.txt", "")
        startup = min(run(args.bin, empty)[0] for _ in range(5))
        rows = []
        shapes = [(repr(p), lambda n, p=p: p * max(1, n // len(p.encode()))) for p in PHRASES]
        news = bench_texts(4 * args.base)
        joined = "\n\n".join(news)

        def news_at(n):
            s = joined.encode()[:n].decode("utf-8", "ignore")
            return s

        shapes.append(("real news, joined", news_at))
        shapes = [(n, m, OUTPUT_BOUND) for n, m in shapes]
        shapes += [(n, varied(m), OUTPUT_BOUND_DENSE) for n, m in VARIED]
        shapes.append(("random news pieces", mixed, OUTPUT_BOUND_DENSE))
        for name, make, out_bound in shapes:
            small = write(tmp, "small.txt", make(args.base))
            large = write(tmp, "large.txt", make(4 * args.base))
            n_small, n_large = os.path.getsize(small), os.path.getsize(large)
            t1, o1 = best(args.bin, small, args.runs)
            t4, o4 = best(args.bin, large, args.runs)
            w1, w4 = max(t1 - startup, 1e-4), max(t4 - startup, 1e-4)
            ratio = w4 / w1
            rate = n_large / w4 / 1e6
            out_ratio = max(o1 / n_small, o4 / n_large)
            rows.append((name, w1, w4, ratio, rate, out_ratio))
            if ratio > 5 or rate < 1.0 or out_ratio > out_bound:
                failures.append(name)

        # Long articles cost what short ones cost per byte.
        texts = bench_texts(int(args.joined_mb * 1e6))
        sep = write(tmp, "sep.jsonl", "".join(json.dumps({"id": str(i), "text": t}) + "\n"
                                           for i, t in enumerate(texts)))
        one = write(tmp, "one.txt", "\n\n".join(texts))
        ts, _ = best(args.bin, sep, max(args.runs, 2), jsonl=True)
        tj, _ = best(args.bin, one, max(args.runs, 2))
        size = sum(len(t.encode()) for t in texts)
        long_ratio = (tj - startup) / (ts - startup)
        if long_ratio > 1.5:
            failures.append("one long article")

    if args.markdown:
        print(f"| shape (one article, {args.base // 1000} kB and {4 * args.base // 1000} kB) "
              "| 1x s | 4x s | 4x costs | MB/s at 4x | output/input |")
        print("|---|---|---|---|---|---|")
        for name, w1, w4, ratio, rate, out in rows:
            print(f"| `{name}` | {w1:.3f} | {w4:.3f} | {ratio:.1f}x | {rate:.1f} | {out:.1f}x |")
        print(f"\n{size / 1e6:.1f} MB of bench articles: {(ts - startup):.2f} s as "
              f"{len(texts)} records, {(tj - startup):.2f} s as one article "
              f"({long_ratio:.2f}x per byte). Start-up ({startup * 1000:.0f} ms) excluded.")
    else:
        print(f"{'shape':<60} {'1x s':>8} {'4x s':>8} {'ratio':>6} {'MB/s':>6} {'out/in':>7}")
        for name, w1, w4, ratio, rate, out in rows:
            print(f"{name[:60]:<60} {w1:8.3f} {w4:8.3f} {ratio:6.1f} {rate:6.1f} {out:7.1f}")
        print(f"long article: {size / 1e6:.1f} MB, {len(texts)} records {ts - startup:.2f} s, "
              f"joined {tj - startup:.2f} s, ratio {long_ratio:.2f}; start-up {startup:.3f} s")
    if args.check and failures:
        print("bounds broken: " + ", ".join(failures), file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
