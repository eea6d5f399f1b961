"""Analyze a JSON Lines corpus on Spark by piping each partition through the
newslens binary (RDD.pipe), and write the records back as JSON Lines.

    spark-submit examples/spark/pipe_job.py \\
        --binary target/release/newslens corpus.jsonl out/

The binary is shipped with the job (SparkContext.addFile), so executors need nothing
installed: build it for the executors' platform (a static or same-distribution Linux
build). Each task runs one `newslens analyze --jsonl --threads 1` process over its
partition; give Spark one core per task (the default, spark.task.cpus=1) and as many
tasks as cores.

Every input line gives one output line, in the partition's order: a record, or an
error record for a bad line (its `line` counts from 1 in each partition). A partition's
output depends only on its input, so a retried or speculative task writes the same
bytes. The process exits 1 when a partition holds error records: that is a success
here; any other failure (exit 2, 3, a crash) fails the task, and Spark retries it.

Run without spark-submit (`python examples/spark/pipe_job.py ...`), the job uses
Spark's local mode (`--master local[*]`).
"""

import argparse
import os
import shlex

# The shell wrapper run on the executors. $0 is the binary's path on the driver, which
# is also where local-mode executors find it; on a cluster, addFile puts the binary in
# each executor's working directory. Exit 1 means "some error records" and is fine.
_WRAPPER = (
    'b="$0"; [ -x "$b" ] || b="./{name}"; '
    '"$b" analyze --jsonl --threads 1 "$@"; c=$?; '
    '[ "$c" -le 1 ] || exit "$c"'
)


def pipe_command(binary_on_driver, extra_args=()):
    """The command line RDD.pipe runs for each partition."""
    script = _WRAPPER.format(name=os.path.basename(binary_on_driver))
    return shlex.join(["sh", "-c", script, binary_on_driver, *extra_args])


def run(sc, binary, input_path, output_path, partitions=None, extra_args=()):
    """Ships `binary`, pipes `input_path` (JSON Lines) through it and saves the
    records as text files (JSON Lines) under `output_path`."""
    from pyspark import SparkFiles

    sc.addFile(os.path.abspath(binary))
    local = SparkFiles.get(os.path.basename(binary))
    lines = sc.textFile(input_path, minPartitions=partitions)
    # PATH for `sh`; RDD.pipe runs the command with exactly this environment.
    env = {"PATH": os.environ.get("PATH", os.defpath)}
    records = lines.pipe(pipe_command(local, extra_args), env=env, checkCode=True)
    records.saveAsTextFile(output_path)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="JSON Lines corpus ({id, text, title?, date?} per line)")
    ap.add_argument("output", help="output directory (must not exist)")
    ap.add_argument("--binary", default="target/release/newslens", help="the newslens binary")
    ap.add_argument("--partitions", type=int, default=None, help="minimum input partitions")
    ap.add_argument(
        "--newslens-arg",
        action="append",
        default=[],
        help="extra newslens argument (repeatable), e.g. --newslens-arg=--max-bytes=1000000",
    )
    args = ap.parse_args(argv)

    from pyspark import SparkConf, SparkContext

    conf = SparkConf().setAppName("newslens-pipe").setIfMissing("spark.master", "local[*]")
    sc = SparkContext(conf=conf)
    try:
        run(sc, args.binary, args.input, args.output, args.partitions, args.newslens_arg)
    finally:
        sc.stop()


if __name__ == "__main__":
    main()
