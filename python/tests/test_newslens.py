"""Tests of the newslens Python package against the newslens CLI.

The CLI is the reference: every record must equal the one the release binary prints
for the same input. The binary is `NEWSLENS_BIN`, or `target/release/newslens` in the
repository (`cargo build --release`).
"""

import errno
import json
import os
import subprocess
import threading
import time
from pathlib import Path

import pytest

import newslens

REPO = Path(__file__).resolve().parents[2]
SEED = REPO / "tests" / "data" / "us-withdraws-from-icpa.txt"


@pytest.fixture(scope="session")
def cli():
    path = os.environ.get("NEWSLENS_BIN") or str(REPO / "target" / "release" / "newslens")
    if not os.access(path, os.X_OK):
        pytest.fail(f"no newslens binary at {path}: run `cargo build --release` or set NEWSLENS_BIN")

    def run(args, stdin=b""):
        if isinstance(stdin, str):
            stdin = stdin.encode("utf-8")
        return subprocess.run([path, *args], input=stdin, capture_output=True, check=False)

    return run


@pytest.fixture(scope="session")
def seed_text():
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def paragraphs(seed_text):
    paras = [p for p in seed_text.split("\n") if p.strip()]
    assert len(paras) >= 5
    return paras


def cli_lines(proc):
    return proc.stdout.decode("utf-8").splitlines()


def test_analyze_equals_cli_on_seed(cli, seed_text):
    proc = cli(["analyze"], seed_text)
    assert proc.returncode == 0, proc.stderr
    (line,) = cli_lines(proc)
    record = newslens.analyze(seed_text)
    assert record == json.loads(line)
    assert list(record) == ["id", "schema_version", "sentences", "entities", "claims"]
    assert record["id"] == "stdin"
    # The JSON form is the CLI's line, byte for byte.
    assert newslens.Analyzer().analyze_json(seed_text) == line


def test_lexicon_only_equals_cli(cli, seed_text):
    proc = cli(["analyze", "--lexicon-only"], seed_text)
    assert proc.returncode == 0, proc.stderr
    (line,) = cli_lines(proc)
    analyzer = newslens.Analyzer(lexicon_only=True)
    assert analyzer.analyze_json(seed_text) == line
    found = {e["found_by"] for e in json.loads(line)["entities"]}
    assert found <= {"lexicon", "demonym", "coreference"}
    # The default analyzer finds more (pattern names such as Michael Schmid).
    assert len(newslens.analyze(seed_text)["entities"]) > len(json.loads(line)["entities"])
    assert newslens.get_analyzer(lexicon_only=True) is newslens.get_analyzer(lexicon_only=True)
    assert newslens.get_analyzer(lexicon_only=True) is not newslens.get_analyzer()


def test_seed_entities_and_claims(seed_text):
    record = newslens.analyze(seed_text)
    found = {(e["canonical"], e["entity_id"]) for e in record["entities"]}
    for want in [
        ("Vladimir Putin", "person:Q7747"),
        ("Russia", "country:RUS"),
        ("Eurojust", "org:eurojust"),
        ("Michael Schmid", "doc:person:michael-schmid"),
        ("Donald Trump", "person:Q22686"),
    ]:
        assert want in found
    speakers = [c["speaker"]["text"] for c in record["claims"] if c["speaker"]]
    assert "Michael Schmid" in speakers
    for e in record["entities"]:
        # Offsets are Python string indices.
        assert seed_text[e["char_start"] : e["char_end"]] == e["text"]


def test_docstring_example():
    r = newslens.analyze("Russian President Vladimir Putin said the talks failed.")
    assert [e["canonical"] for e in r["entities"]] == ["Russia", "Vladimir Putin"]
    assert r["claims"][0]["cue"]["text"] == "said"


def test_analyze_many_order_ids_and_threads(paragraphs):
    analyzer = newslens.Analyzer()
    texts = paragraphs * 3
    one = analyzer.analyze_many(texts, threads=1)
    two = analyzer.analyze_many(texts, threads=2)
    default = analyzer.analyze_many(texts)
    assert one == two == default
    assert [r["id"] for r in one] == [str(i) for i in range(len(texts))]
    for i, (text, r) in enumerate(zip(texts, one)):
        assert r == analyzer.analyze(text, id=str(i))
    # Tuples give ids; order follows the input, not the work's.
    pairs = [(f"doc-{i}", t) for i, t in reversed(list(enumerate(texts)))]
    got = analyzer.analyze_many(pairs, threads=2)
    assert [r["id"] for r in got] == [p[0] for p in pairs]
    assert analyzer.analyze_many_json([]) == []


def test_dicts_are_read_as_json_lines(cli, paragraphs):
    records = [
        {"id": "a", "text": paragraphs[0], "title": "A title", "date": "2015-03-01"},
        {"id": 7, "text": paragraphs[1]},
        {"id": "c"},
        {"id": ["x"], "text": "t"},
        {"id": "e", "text": 5},
        {"text": "no id"},
        {"id": "g", "text": paragraphs[2], "extra": {"ignored": True}},
    ]
    jsonl = "".join(json.dumps(r) + "\n" for r in records)
    proc = cli(["analyze", "--jsonl"], jsonl)
    assert proc.returncode == 1  # some error records
    want = [json.loads(line) for line in cli_lines(proc)]
    got = newslens.analyze_many(records, errors="record")
    assert got == want
    assert got[0]["title"] == "A title" and got[0]["date"] == "2015-03-01"
    assert got[2]["error"] == {"kind": "missing_text", "message": "no `text` field"}
    assert got[2]["line"] == 3
    # errors="raise": the first bad item, with the CLI's message on stderr.
    with pytest.raises(newslens.RecordError) as info:
        newslens.analyze_many(records)
    first_err = proc.stderr.decode().splitlines()[0]
    assert first_err == "newslens: " + str(info.value)
    assert (info.value.kind, info.value.id, info.value.line) == ("missing_text", "c", 3)


def test_analyze_jsonl_equals_cli(cli, paragraphs):
    lines = [
        "\ufeff" + json.dumps({"id": 1, "text": paragraphs[0]}),
        "",
        "not json",
        "[1, 2]",
        json.dumps({"id": "x", "text": paragraphs[3]}, ensure_ascii=False) + "\r",
        b'{"id": "bad", "text": "\xff"}',
        json.dumps({"id": "last", "text": paragraphs[4], "date": "2020"}),
    ]
    data = b"".join((l if isinstance(l, bytes) else l.encode()) + b"\n" for l in lines)
    proc = cli(["analyze", "--jsonl"], data)
    want = cli_lines(proc)
    got = newslens.Analyzer().analyze_jsonl(lines, threads=2)
    assert got == want
    assert len(got) == 6  # the blank line is skipped
    assert json.loads(got[1])["error"]["kind"] == "invalid_json"
    # In chunks, with first_line counting on: the same records.
    analyzer = newslens.Analyzer()
    chunked = analyzer.analyze_jsonl(lines[:3], threads=1) + analyzer.analyze_jsonl(
        lines[3:], threads=1, first_line=4
    )
    assert chunked == want


def test_too_large_text(cli):
    text = "The minister said the plan failed. " * 10
    proc = cli(["analyze", "--max-bytes", "100"], text)
    assert proc.returncode == 1
    analyzer = newslens.Analyzer(max_bytes=100)
    with pytest.raises(newslens.RecordError) as info:
        analyzer.analyze(text)
    e = info.value
    assert isinstance(e, ValueError) and isinstance(e, newslens.NewslensError)
    assert proc.stderr.decode().strip() == "newslens: " + str(e)
    assert e.kind == "too_large" and e.id == "stdin"
    # As an error record, the CLI's record.
    got = analyzer.analyze_many_json([("stdin", text)], errors="record")
    assert got == cli_lines(proc)
    assert analyzer.analyze(text[:100])["sentences"]


def test_bad_lexicon_messages(cli, tmp_path):
    bad = tmp_path / "bad.tsv"
    bad.write_text("id\ttype\tcanonical\nx\tplanet\tMars\n", encoding="utf-8")
    proc = cli(["analyze", "--lexicon", str(bad)], "text")
    assert proc.returncode == 2
    with pytest.raises(newslens.LexiconError) as info:
        newslens.Analyzer(lexicons=[bad])
    e = info.value
    assert proc.stderr.decode().strip() == "newslens: " + str(e)
    assert str(e).startswith(f"{bad}:2: ")
    assert e.path == str(bad) and e.lineno == 2
    assert isinstance(e, ValueError) and not isinstance(e, OSError)


def test_missing_lexicon_is_oserror(cli, tmp_path):
    missing = tmp_path / "missing.tsv"
    proc = cli(["analyze", "--lexicon", str(missing)], "text")
    assert proc.returncode == 2
    with pytest.raises(OSError) as info:
        newslens.Analyzer(lexicons=[str(missing)])
    e = info.value
    assert isinstance(e, newslens.LexiconFileError)
    assert isinstance(e, newslens.LexiconError)
    assert e.errno == errno.ENOENT
    assert proc.stderr.decode().strip() == "newslens: " + str(e)


def test_custom_lexicon(cli, tmp_path):
    lex = tmp_path / "mine.tsv"
    lex.write_text(
        "id\ttype\tcanonical\taliases\nmy:acme\torganization\tAcme Foods\tAcme\n",
        encoding="utf-8",
    )
    text = "Acme said profits rose 5% in Russia."
    analyzer = newslens.Analyzer(lexicons=[lex], default_lexicons=False)
    record = analyzer.analyze(text)
    assert [(e["canonical"], e["entity_id"]) for e in record["entities"]] == [
        ("Acme Foods", "my:acme")
    ]
    proc = cli(["analyze", "--no-default-lexicons", "--lexicon", str(lex)], text)
    assert record == json.loads(proc.stdout)
    # With the bundled lexicons too, Russia is found as well.
    both = newslens.Analyzer(lexicons=str(lex)).analyze(text)
    assert {e["entity_id"] for e in both["entities"]} >= {"my:acme", "country:RUS"}
    counts = analyzer.lexicon_counts()
    assert counts["organization"] == 1 and counts["total"] == 1


def test_bytes_and_lossy(cli):
    raw = "\ufeffThe minister said the talks failed.".encode() + b" \xff"
    proc = cli(["analyze"], raw)
    assert proc.returncode == 1
    with pytest.raises(newslens.RecordError) as info:
        newslens.analyze(raw)
    assert info.value.kind == "invalid_utf8"
    assert proc.stderr.decode().strip() == "newslens: " + str(info.value)
    lossy = cli(["analyze", "--lossy"], raw)
    assert newslens.Analyzer(lossy=True).analyze(raw) == json.loads(lossy.stdout)
    # A str with a lone surrogate cannot be UTF-8: refused, or replaced when lossy.
    with pytest.raises(UnicodeEncodeError):
        newslens.analyze("bad \udc80 text")
    assert newslens.Analyzer(lossy=True).analyze("bad \udc80 text")["sentences"]


def test_title_and_date_match_jsonl(cli, paragraphs):
    text = paragraphs[0]
    proc = cli(
        ["analyze", "--jsonl"],
        json.dumps({"id": "d", "text": text, "title": "T", "date": "2017-02-01"}),
    )
    got = newslens.analyze(text, id="d", title="T", date="2017-02-01")
    assert got == json.loads(proc.stdout)
    # The date picks people's roles: Trump's term on 2017-02-01, not the latest one.
    def trump_roles(r):
        return [e["roles"] for e in r["entities"] if e["canonical"] == "Donald Trump"][0]

    assert trump_roles(got)[0]["start"] == "2017-01-20"
    assert trump_roles(newslens.analyze(text))[0]["start"] != "2017-01-20"


def test_argument_errors():
    analyzer = newslens.Analyzer()
    with pytest.raises(ValueError, match="threads must be at least 1"):
        analyzer.analyze_many(["x"], threads=0)
    with pytest.raises(ValueError, match="errors must be"):
        analyzer.analyze_many(["x"], errors="ignore")
    with pytest.raises(TypeError):
        analyzer.analyze(42)
    with pytest.raises(TypeError):
        analyzer.analyze_many([3.5])
    with pytest.raises(TypeError):
        analyzer.analyze_many([("id", "text", "extra")])


def test_gil_released_during_analysis(paragraphs):
    """While one thread analyzes, another runs Python code: the longest pause of the
    main thread's loop is far shorter than the call."""
    analyzer = newslens.Analyzer()
    texts = list(paragraphs)
    while True:  # enough work for a call of 0.2 s or more
        t0 = time.perf_counter()
        analyzer.analyze_many_json(texts, threads=1)
        if time.perf_counter() - t0 > 0.2:
            break
        texts = texts * 2
    done = threading.Event()
    span = []

    def work():
        start = time.perf_counter()
        analyzer.analyze_many_json(texts, threads=1)
        span.append((start, time.perf_counter()))
        done.set()

    worker = threading.Thread(target=work)
    stamps = []
    worker.start()
    while not done.is_set():
        stamps.append(time.perf_counter())
    worker.join()
    start, end = span[0]
    # The call's start and end count as stamps: a thread blocked on the GIL for the
    # whole call leaves one gap as long as the call.
    inside = [start] + [t for t in stamps if start < t < end] + [end]
    longest = max(b - a for a, b in zip(inside, inside[1:]))
    assert longest < 0.5 * (end - start), (longest, end - start)


def test_threads_share_one_analyzer(paragraphs):
    analyzer = newslens.Analyzer()
    want = [analyzer.analyze_json(p) for p in paragraphs]
    results = {}

    def work(k):
        results[k] = [analyzer.analyze_json(p) for p in paragraphs]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(results[k] == want for k in range(4))


def test_package_ships_type_information():
    pkg = Path(newslens.__file__).parent
    assert (pkg / "py.typed").exists()
    assert (pkg / "__init__.pyi").exists()
    assert newslens.Analyzer.analyze_many.__doc__
    assert newslens.SCHEMA_VERSION == 1


def test_get_analyzer_is_shared(tmp_path):
    lex = tmp_path / "mine.tsv"
    lex.write_text("id\ttype\tcanonical\nmy:x\torganization\tXylo Corp\n", encoding="utf-8")
    a = newslens.get_analyzer([lex], default_lexicons=False)
    assert newslens.get_analyzer([str(lex)], default_lexicons=False) is a
    assert newslens.get_analyzer() is not a
    assert newslens.get_analyzer() is newslens.get_analyzer()
    assert a.analyze("Xylo Corp said so.")["entities"][0]["entity_id"] == "my:x"


def test_one_string_is_not_an_iterable_of_lines():
    analyzer = newslens.get_analyzer()
    line = json.dumps({"id": "a", "text": "The minister said the talks failed."})
    calls = [
        lambda: analyzer.analyze_jsonl(line),
        lambda: analyzer.analyze_jsonl(line.encode()),
        lambda: analyzer.analyze_many("The minister said the talks failed."),
        lambda: analyzer.analyze_many_json(b"text"),
        lambda: newslens.analyze_many({"id": "a", "text": "t"}),
    ]
    for call in calls:
        with pytest.raises(TypeError, match="takes an iterable of"):
            call()
    # In a list, the same line is one record.
    assert len(analyzer.analyze_jsonl([line])) == 1


def test_warnings_equal_cli(cli):
    records = [
        {"id": "a", "text": "Joe Biden said the talks failed.", "date": "2025-13-45"},
        {"id": "b", "text": "Joe Biden said the talks failed.", "date": "March 5, 2022"},
        {"id": "c", "text": "The talks failed.", "date": 20250101},
        {"id": "d", "text": "The talks failed.", "date": "7/23/17"},
    ]
    jsonl = "".join(json.dumps(r) + "\n" for r in records)
    proc = cli(["analyze", "--jsonl"], jsonl)
    assert proc.returncode == 0  # warnings are not errors
    want = [json.loads(line) for line in cli_lines(proc)]
    got = newslens.analyze_many(records)
    assert got == want
    assert [w["kind"] for w in got[0]["warnings"]] == ["impossible_date"]
    assert "warnings" not in got[1]
    assert got[2]["warnings"][0]["field"] == "date"
    assert got[2]["warnings"][0]["kind"] == "not_a_string"
    assert got[3]["warnings"][0]["kind"] == "unreadable_date"
    assert "warning: line 1 (id a): date:" in proc.stderr.decode()
    # A str with a lone surrogate, repaired: the record says so.
    record = newslens.Analyzer(lossy=True).analyze("bad \udc80 text")
    assert [w["kind"] for w in record["warnings"]] == ["repaired_utf8"]


def test_stop_word_alias_refused_unless_forced(cli, tmp_path):
    lex = tmp_path / "the.tsv"
    lex.write_text(
        "id\ttype\tcanonical\taliases\nmy:the\torganization\tThe Group\tthe\n",
        encoding="utf-8",
    )
    proc = cli(["analyze", "--lexicon", str(lex)], "text")
    assert proc.returncode == 2
    with pytest.raises(newslens.LexiconError) as info:
        newslens.Analyzer(lexicons=[lex], default_lexicons=False)
    e = info.value
    assert proc.stderr.decode().strip() == "newslens: " + str(e)
    assert (e.lineno, e.field) == (2, "aliases")
    forced = newslens.Analyzer(lexicons=[lex], default_lexicons=False, force_aliases=True)
    assert forced.lexicon_counts()["total"] == 1
