#!/usr/bin/env bash
# Checks that two newslens binaries give byte-identical output on the bench corpus,
# every dev gold set and the seed article, as JSON and as both CSV tables.
#
# Usage: scripts/bench/same_output.sh OLD_BINARY [NEW_BINARY]
#   NEW_BINARY defaults to target/release/newslens (build it first).
# Exit status 0 when every output matches, 1 when any differs (the differing
# inputs are listed, with the first differing line).
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${SHARED:-../shared}
old=$1
new=${2:-target/release/newslens}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

gunzip -c "$shared/data/bench/allsides_4k.jsonl.gz" > "$work/bench.jsonl"
inputs=("$work/bench.jsonl")
for f in "$shared"/data/gold/*.jsonl; do inputs+=("$f"); done

status=0
run_both() { # name, then newslens arguments
    local name=$1; shift
    "$old" "$@" > "$work/old.out" 2> /dev/null || true
    "$new" "$@" > "$work/new.out" 2> /dev/null || true
    if cmp -s "$work/old.out" "$work/new.out"; then
        echo "same    $name ($(wc -c < "$work/new.out") bytes)"
    else
        echo "DIFFER  $name"
        diff <(cat "$work/old.out") <(cat "$work/new.out") | head -4 | cut -c1-300
        status=1
    fi
}
for f in "${inputs[@]}"; do
    n=$(basename "$f")
    run_both "$n json" analyze -q --jsonl "$f"
    run_both "$n entities.tsv" analyze -q --format tsv --table entities "$f"
    run_both "$n claims.csv" analyze -q --format csv --table claims "$f"
done
run_both "seed article" analyze -q "$shared/data/seed/us-withdraws-from-icpa.txt"
run_both "seed article, pretty" analyze -q --pretty "$shared/data/seed/us-withdraws-from-icpa.txt"
exit $status
