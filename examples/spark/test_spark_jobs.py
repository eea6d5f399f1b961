"""Integration test of the Spark examples, in Spark's local mode.

Needs pyspark and Java 17+ (`scripts/ci/spark_test.sh` sets up a venv with pyspark, the
newslens package and pytest, builds the binary and runs this file). Every record must
come back exactly once, equal to the CLI's record for the same input line.
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark")

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
SEED = REPO / "tests" / "data" / "us-withdraws-from-icpa.txt"
BIN = os.environ.get("NEWSLENS_BIN") or str(REPO / "target" / "release" / "newslens")
PARTITIONS = 4


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """About 200 records made from the seed article's paragraphs, with titles, dates,
    numeric ids, non-ASCII text and bad lines spread through the partitions."""
    paras = [p for p in SEED.read_text(encoding="utf-8").split("\n") if p.strip()]
    lines = []
    for i in range(200):
        rec = {"id": f"doc-{i:04d}", "text": " ".join(paras[i % len(paras) : i % len(paras) + 1 + i % 3])}
        if i % 7 == 0:
            rec["title"] = f"Title {i} – “quoted”"
            rec["date"] = "2017-06-01"
        if i % 11 == 0:
            rec["id"] = 10_000 + i
        if i % 13 == 0:
            rec["text"] = "Der Außenminister sagte: « Oui », 東京 – " + rec["text"]
        lines.append(json.dumps(rec, ensure_ascii=i % 2 == 0))
        if i % 50 == 25:
            lines.append('{"id": "broken", "text": ')
            lines.append(json.dumps({"id": f"no-text-{i}"}))
            lines.append("[1, 2, 3]")
    path = tmp_path_factory.mktemp("corpus") / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def cli_records(corpus):
    assert os.access(BIN, os.X_OK), f"no newslens binary at {BIN}: cargo build --release"
    proc = subprocess.run([BIN, "analyze", "--jsonl", "-q", str(corpus)], capture_output=True)
    assert proc.returncode == 1  # the corpus holds bad lines
    return proc.stdout.decode("utf-8").splitlines()


def spark(script, args, out):
    env = dict(os.environ, PYSPARK_PYTHON=sys.executable, PYSPARK_DRIVER_PYTHON=sys.executable)
    cmd = [sys.executable, str(HERE / script), *args, str(out)]
    return subprocess.run(cmd, env=env, capture_output=True, timeout=600)


def run_job(script, args, out):
    proc = spark(script, args, out)
    assert proc.returncode == 0, proc.stderr.decode(errors="replace")[-4000:]
    parts = sorted(out.glob("part-*"))
    assert len(parts) >= PARTITIONS
    lines = []
    for p in parts:
        lines.extend(p.read_text(encoding="utf-8").splitlines())
    return lines


def without_line(record_json):
    """An error record's `line` counts from 1 in each partition, and its `file` is
    the CLI's input path (a partition is piped, with no file): drop both to compare."""
    r = json.loads(record_json)
    if "error" in r:
        r.pop("line", None)
        r.pop("file", None)
        return json.dumps(r, sort_keys=True)
    return record_json


@pytest.fixture(scope="module")
def pipe_output(corpus, tmp_path_factory):
    out = tmp_path_factory.mktemp("pipe") / "out"
    args = ["--binary", BIN, "--partitions", str(PARTITIONS), str(corpus)]
    return run_job("pipe_job.py", args, out)


def test_pipe_job_matches_cli(pipe_output, cli_records):
    got = pipe_output
    assert len(got) == len(cli_records)
    # Every analyzed record once, byte-identical to the CLI's.
    ids = [json.loads(l)["id"] for l in got if "error" not in json.loads(l)]
    assert len(ids) == len(set(ids)) == 200
    want_by_id = {json.loads(l)["id"]: l for l in cli_records if '"error"' not in l}
    for line in got:
        r = json.loads(line)
        if "error" not in r:
            assert line == want_by_id[r["id"]]
    # In order, error records in their places (their line numbers per partition).
    assert [without_line(l) for l in got] == [without_line(l) for l in cli_records]
    errors = [json.loads(l) for l in got if "error" in json.loads(l)]
    assert sorted(e["error"]["kind"] for e in errors) == sorted(
        ["invalid_json", "missing_text", "not_an_object"] * 4
    )


def test_package_job_matches_pipe_job(corpus, pipe_output, tmp_path):
    pytest.importorskip("newslens")
    args = ["--partitions", str(PARTITIONS), "--chunk", "16", str(corpus)]
    got = run_job("package_job.py", args, tmp_path / "out")
    # Byte for byte the pipe job's output, error records' line numbers included.
    assert got == pipe_output


def test_pipe_job_fails_when_newslens_fails(corpus, tmp_path):
    """Exit 1 (error records) is a success, as above; exit 2 (here a missing lexicon)
    fails the tasks and the job."""
    out = tmp_path / "out"
    args = ["--binary", BIN, "--newslens-arg=--lexicon=/nonexistent/lexicon.tsv", str(corpus)]
    proc = spark("pipe_job.py", args, out)
    assert proc.returncode != 0
    assert b"nonexistent/lexicon.tsv" in proc.stderr  # newslens's message, in the task's log
    assert not (out / "_SUCCESS").exists()
