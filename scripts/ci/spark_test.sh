#!/usr/bin/env bash
# Integration test of the Spark examples (examples/spark/) in Spark's local mode.
#
#   scripts/ci/spark_test.sh
#
# Makes a venv (SPARK_VENV, default target/spark-venv; kept between runs) with
# pyspark from PyPI, the newslens Python package (pip install ./python) and pytest,
# builds the release binary, and runs examples/spark/test_spark_jobs.py: the RDD.pipe
# job and the mapPartitions job on a ~200-record corpus, each record checked against
# the CLI's. Needs Java 17+ on PATH (or JAVA_HOME).
set -euo pipefail
cd "$(dirname "$0")/../.."

venv="${SPARK_VENV:-target/spark-venv}"
if ! command -v java >/dev/null && [ -z "${JAVA_HOME:-}" ]; then
    echo "spark_test: no java on PATH and no JAVA_HOME" >&2
    exit 2
fi
java -version 2>&1 | head -1

cargo build --release
if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
fi
"$venv/bin/pip" install --quiet --disable-pip-version-check pyspark pytest ./python
"$venv/bin/python" -c 'import pyspark, newslens; print("pyspark", pyspark.__version__)'
NEWSLENS_BIN="$PWD/target/release/newslens" "$venv/bin/pytest" -q examples/spark/test_spark_jobs.py
