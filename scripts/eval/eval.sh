#!/usr/bin/env bash
# Scores newslens on every dev set in ../shared/data/gold with ../shared/eval/score.py.
# Usage: scripts/eval/eval.sh [EXTRA NEWSLENS ARGS...]   (build with cargo build --release first)
set -euo pipefail
cd "$(dirname "$0")/../.."
shared=${SHARED:-../shared}
nl="target/release/newslens analyze --jsonl -q $*"
score() { python3 "$shared/eval/score.py" "$1" --gold "$shared/data/gold/$2" --cmd "$nl" 2>&1 | tail -1; }
score ner conll2003_dev.jsonl
score ner gum_news_train.jsonl
score attribution polnear_dev.jsonl
score checkworthy checkthat2019_train.jsonl
score sentiment newsmtsc_devtest_mt.jsonl
