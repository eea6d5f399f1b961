"""Shared by the trainers: the run time's features (examples/features.rs) and the
models/ file format (models/README.md). Standard library only.

    from modelfile import features, write_model

`features(model, records)` runs `target/release/examples/features MODEL` (built with
`cargo build --release --example features`) over JSON records (`id`, `text`, and
`spans` for sentiment and checkworthy) and returns its instances: dicts with `id`,
`start`, `end` (characters), `features` ({name: value}) and the model's label fields.
The features are the ones the Rust run time computes (tests/features.rs checks it).

`write_model(path, model=..., what=..., trained_on=..., script=..., figure=...,
columns=[...], rows=[[...], ...])` writes a model file with its header.
"""
import json
import os
import subprocess
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXE = os.path.join(ROOT, "target", "release", "examples", "features")


def features(model, records, exe=EXE):
    """The run time's features of each instance of `records` for `model` (one of
    mentions, cues, sentiment, checkworthy)."""
    if not os.path.exists(exe):
        subprocess.run(["cargo", "build", "--release", "--example", "features"], cwd=ROOT,
                       check=True)
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
        name = f.name
    try:
        with open(name, encoding="utf-8") as inp:
            out = subprocess.run([exe, model], stdin=inp, capture_output=True, check=True,
                                 text=True).stdout
    finally:
        os.unlink(name)
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def write_model(path, *, model, what, trained_on, script, figure, columns, rows):
    """Writes a model file (models/README.md): the `# key: value` header, the column
    line, then one tab-separated row per list in `rows` (numbers as given: format them
    first)."""
    for k, v in (("what", what), ("trained on", trained_on), ("script", script),
                 ("figure", figure)):
        if "\n" in v:
            raise ValueError(f"the header's {k} must be one line")
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(f"# model: {model}\n# what: {what}\n# trained on: {trained_on}\n"
                f"# script: {script}\n# figure: {figure}\n")
        f.write("\t".join(columns) + "\n")
        for r in rows:
            f.write("\t".join(str(x) for x in r) + "\n")
