#!/usr/bin/env python3
"""Whole-CLI throughput of newslens on a JSON Lines corpus: MB/s, docs/s, peak RSS.

    python3 scripts/bench/throughput.py --input ../shared/data/bench/allsides_4k.jsonl.gz \
        --threads 1 --runs 3 [--repeat 10] [--bin target/release/newslens] [--extra=--lexicon-only]

The corpus (optionally gzip'd) is first written to a temporary file, `--repeat` times
over (ids made unique per copy), so that nothing but newslens runs while it is timed.
Each run reads that file on stdin and writes its output to a temporary file (output
is real work: JSON is about five times the size of the input). Reported per run and
as the median: wall time, MB/s of input (1 MB = 10^6 bytes of JSON Lines, as
`../shared/eval/score.py throughput` counts), MB/s of article text, docs/s, CPU
seconds and the child's own peak RSS (from wait4). With `--check` the output of the
first run is checked to hold one record per input line.

Timings depend on the machine and its load: compare commands one after the other on
the same machine, and prefer `valgrind --tool=callgrind` instruction counts to tell
two builds apart.
"""
import argparse
import gzip
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


def write_corpus(src_path, dst, repeat):
    """Writes `repeat` copies of the corpus to `dst`; returns (docs, bytes, text bytes)."""
    docs = in_bytes = text_bytes = 0
    for copy in range(repeat):
        opener = gzip.open if src_path.endswith('.gz') else open
        with opener(src_path, 'rb') as src:
            for line in src:
                if not line.strip():
                    continue
                if not line.endswith(b'\n'):
                    line += b'\n'
                d = json.loads(line)
                if copy > 0:
                    d['id'] = f"{d.get('id', docs)}#{copy}"
                    line = (json.dumps(d, ensure_ascii=False) + '\n').encode('utf-8')
                docs += 1
                in_bytes += len(line)
                text_bytes += len(d.get('text', '').encode('utf-8'))
                dst.write(line)
    return docs, in_bytes, text_bytes


def run_once(cmd, inp, outp):
    """Runs `cmd` with stdin/stdout redirected; returns (wall s, cpu s, peak RSS MB, rc)."""
    with open(inp, 'rb') as fin, open(outp, 'wb') as fout:
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, stdin=fin, stdout=fout)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - t0
    rc = os.waitstatus_to_exitcode(status)
    proc.returncode = rc
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024.0, rc


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--input', required=True, help='JSON Lines corpus (.jsonl or .jsonl.gz)')
    ap.add_argument('--threads', type=int, default=1)
    ap.add_argument('--extra', action='append', default=[], metavar='ARG',
                    help='one more argument for newslens (repeatable), e.g. --extra=--lexicon-only')
    ap.add_argument('--runs', type=int, default=3, help='timed runs (median reported)')
    ap.add_argument('--repeat', type=int, default=1, help='corpus copies (memory flatness)')
    ap.add_argument('--bin', default='target/release/newslens')
    ap.add_argument('--check', action='store_true', help='check one output line per input')
    ap.add_argument('--json', action='store_true', help='print the summary as JSON')
    args = ap.parse_args()
    if not os.path.exists(args.bin):
        sys.exit(f'{args.bin} not found: run `cargo build --release` first')
    cmd = [args.bin, 'analyze', '--jsonl', '-q', '--threads', str(args.threads)] + args.extra
    with tempfile.TemporaryDirectory(prefix='newslens_tp_') as tmp:
        inp, outp = os.path.join(tmp, 'in.jsonl'), os.path.join(tmp, 'out.jsonl')
        with open(inp, 'wb') as dst:
            docs, in_bytes, text_bytes = write_corpus(args.input, dst, args.repeat)
        runs = []
        for k in range(args.runs):
            wall, cpu, rss, rc = run_once(cmd, inp, outp)
            if rc not in (0, 1):
                sys.exit(f'newslens exited with {rc}')
            if k == 0 and args.check:
                with open(outp, 'rb') as f:
                    lines = sum(1 for _ in f)
                if lines != docs:
                    sys.exit(f'output has {lines} lines for {docs} documents')
            runs.append((wall, cpu, rss))
            print(f'run {k + 1}: {wall:.3f} s wall, {cpu:.2f} s CPU, '
                  f'{in_bytes / 1e6 / wall:.1f} MB/s, peak RSS {rss:.0f} MB', file=sys.stderr)
    wall = statistics.median(r[0] for r in runs)
    res = {
        'command': ' '.join(cmd),
        'docs': docs,
        'input_MB': round(in_bytes / 1e6, 2),
        'text_MB': round(text_bytes / 1e6, 2),
        'runs': args.runs,
        'median_wall_s': round(wall, 3),
        'MB_s': round(in_bytes / 1e6 / wall, 2),
        'text_MB_s': round(text_bytes / 1e6 / wall, 2),
        'docs_s': round(docs / wall, 1),
        'cpu_s': round(statistics.median(r[1] for r in runs), 2),
        'peak_rss_MB': round(max(r[2] for r in runs), 1),
    }
    if args.json:
        print(json.dumps(res))
    else:
        print(f"{res['command']}: {docs} docs, {res['input_MB']} MB input "
              f"({res['text_MB']} MB text), median of {args.runs}: {res['median_wall_s']} s, "
              f"{res['MB_s']} MB/s input, {res['text_MB_s']} MB/s text, "
              f"{res['docs_s']} docs/s, peak RSS {res['peak_rss_MB']} MB")


if __name__ == '__main__':
    main()
