"""Analyze a JSON Lines corpus on Spark with the newslens Python package
(mapPartitions), and write the records back as JSON Lines.

    pip install ./python          # on the driver and every executor's Python
    spark-submit examples/spark/package_job.py corpus.jsonl out/

Each Python worker builds one newslens.Analyzer (newslens.get_analyzer: about 0.1 s,
then reused by every task the worker runs) and analyzes its partition in chunks of
`--chunk` lines with one thread (Spark runs one task per core). The records are the CLI's, byte for byte: the
output equals the pipe job's (examples/spark/pipe_job.py), error records included
(their `line` counts from 1 in each partition), so retried tasks write the same bytes.

Run without spark-submit (`python examples/spark/package_job.py ...`), the job uses
Spark's local mode (`--master local[*]`).
"""

import argparse


def analyze_partition(lines, chunk=256, lexicons=(), max_bytes=None):
    """JSON Lines of one partition in, JSON records out, in order."""
    import newslens

    # One analyzer per Python worker process, built by its first task (about 0.1 s).
    kwargs = {} if max_bytes is None else {"max_bytes": max_bytes}
    analyzer = newslens.get_analyzer(lexicons, **kwargs)
    buf = []
    first = 1
    for line in lines:
        buf.append(line)
        if len(buf) >= chunk:
            yield from analyzer.analyze_jsonl(buf, threads=1, first_line=first)
            first += len(buf)
            buf = []
    if buf:
        yield from analyzer.analyze_jsonl(buf, threads=1, first_line=first)


def run(sc, input_path, output_path, partitions=None, chunk=256, lexicons=(), max_bytes=None):
    """Analyzes `input_path` (JSON Lines) and saves the records under `output_path`.
    Lexicon files must be readable at the same path on every executor."""
    lines = sc.textFile(input_path, minPartitions=partitions)
    lexicons = list(lexicons)
    records = lines.mapPartitions(
        lambda it: analyze_partition(it, chunk, lexicons, max_bytes)
    )
    records.saveAsTextFile(output_path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSON Lines corpus ({id, text, title?, date?} per line)")
    ap.add_argument("output", help="output directory (must not exist)")
    ap.add_argument("--partitions", type=int, default=None, help="minimum input partitions")
    ap.add_argument("--chunk", type=int, default=256, help="lines analyzed per call")
    ap.add_argument("--lexicon", action="append", default=[], help="extra lexicon file")
    ap.add_argument("--max-bytes", type=int, default=None, help="largest text accepted")
    args = ap.parse_args(argv)

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("newslens-package").setIfMissing("spark.master", "local[*]")
    sc = SparkContext(conf=conf)
    try:
        run(sc, args.input, args.output, args.partitions, args.chunk, args.lexicon, args.max_bytes)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
