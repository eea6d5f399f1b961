#!/usr/bin/env python3
"""Start-up time of newslens binaries, interleaved (issue #6).

Runs `BIN analyze --jsonl -q` on an input (empty by default: start-up alone) for each
binary in turn, RUNS rounds, and prints each binary's median, first quartile and
minimum wall time. Alternating the binaries lets a comparison see the same machine: a
VM's speed drifts by 15-20% within the hour, so only interleaved figures compare.

    python3 scripts/bench/startup.py [--runs 40] [--input FILE] BIN [BIN ...]

For one article through a pipe (start-up and the mention model's first load):

    head -1 corpus.jsonl > one.jsonl
    python3 scripts/bench/startup.py --input one.jsonl target/release/newslens OTHER_BIN
"""

import argparse
import statistics
import subprocess
import sys
import time


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("bins", nargs="+", metavar="BIN")
    ap.add_argument("--runs", type=int, default=40)
    ap.add_argument("--input", help="JSON Lines fed on stdin (default: nothing)")
    args = ap.parse_args()
    times = {b: [] for b in args.bins}
    for _ in range(args.runs):
        for b in args.bins:
            stdin = open(args.input, "rb") if args.input else subprocess.DEVNULL
            try:
                t = time.perf_counter()
                r = subprocess.run([b, "analyze", "--jsonl", "-q"], stdin=stdin,
                                   stdout=subprocess.DEVNULL)
                times[b].append((time.perf_counter() - t) * 1000)
            finally:
                if args.input:
                    stdin.close()
            if r.returncode != 0:
                print(f"{b}: exit {r.returncode}", file=sys.stderr)
                return 1
    for b, v in times.items():
        v.sort()
        print(f"{b}: median {statistics.median(v):.1f} ms, p25 {v[len(v) // 4]:.1f}, "
              f"min {v[0]:.1f} ({len(v)} runs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
