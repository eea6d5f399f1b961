#!/usr/bin/env bash
# What the entity stage costs against gazetteer matching alone (issue #4): the full
# pipeline and `--lexicon-only`, run back to back in pairs on the decompressed bench
# corpus, so that both runs of a pair see the same machine (a noisy VM swings 10-30%
# from one run to the next). Prints the medians, the median and range of the per-pair
# falls in wall time, and the median per-pair fall in CPU time.
#
#   scripts/bench/entity_cost.sh [THREADS] [PAIRS] [BIN]
set -euo pipefail
cd "$(dirname "$0")/../.."
threads="${1:-1}"
pairs="${2:-15}"
bin="${3:-target/release/newslens}"
corpus="$(mktemp)"
trap 'rm -f "$corpus"' EXIT
zcat ../shared/data/bench/allsides_4k.jsonl.gz > "$corpus"
timed() {
    /usr/bin/time -f "%e %U %S" "$bin" analyze --jsonl -q --threads "$threads" "$@" \
        < "$corpus" 2>&1 >/dev/null | tail -1
}
for _ in $(seq "$pairs"); do
    echo "$(timed) $(timed --lexicon-only)"
done | python3 -c "
import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
wall = [1 - r[3] / r[0] for r in rows]
cpu = [1 - (r[4] + r[5]) / (r[1] + r[2]) for r in rows]
full, lex = statistics.median(r[0] for r in rows), statistics.median(r[3] for r in rows)
print(f'threads $threads, {len(rows)} pairs: full {full:.2f} s, --lexicon-only {lex:.2f} s (medians); '
      f'throughput falls {100 * (1 - lex / full):.1f}% (medians), per pair {100 * statistics.median(wall):.1f}% '
      f'(range {100 * min(wall):.1f}..{100 * max(wall):.1f}); CPU time per pair {100 * statistics.median(cpu):.1f}%')
"
