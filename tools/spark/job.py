#!/usr/bin/env python3
"""Runs factspan over a corpus on Apache Spark, through its JSONL pipe mode.

Usage:
  python tools/spark/job.py --bin PATH/TO/factspan [--master local[2]]
      [--partitions N] (--out DIR | --collect FILE) INPUT...

Each INPUT is a JSONL file or folder of JSONL files (one document a line,
read with `textFile`, so a file is split across partitions), or a `.txt`
file or folder of them (one document a file, read with `wholeTextFiles`; the
id is the path relative to the folder named, without extension, as
`factspan extract` names it). Every partition is piped through one
`factspan extract - --format jsonl -o - --quiet` process: documents in,
one JSON line per document out, in order. The binary must exist at the same
path on every executor (ship it with `--files`/`SparkFiles` on a cluster).

--out writes Spark's usual folder of part files; --collect gathers all lines
into one local JSONL file (for small runs and the test).

Differences from one `factspan extract` run: each partition is a separate
process, so a duplicate id in another partition is not caught, the `source`
of a document is `-:LINE` (its line in the partition's stream), and a JSONL
line without an id is named `-:LINE` too. Give every document an id.

A partition fails (and Spark retries it) when factspan exits with status 2
(a setup error or crash); status 1 only means some documents were rejected,
which their output lines report.
"""

import argparse
import json
import os
import subprocess
import sys
import threading
from pathlib import Path


TEXT = (".txt", ".text")
JSONL = (".jsonl", ".ndjson")


def files_of(path):
    """The files an INPUT names, as `factspan extract` walks a folder:
    recursively, in sorted order; (text files, JSONL files)."""
    p = Path(path).resolve()
    if not p.is_dir():
        return ([], [p]) if p.suffix.lower() in JSONL else ([p], [])
    found = sorted(f for f in p.rglob("*") if f.is_file())
    return ([f for f in found if f.suffix.lower() in TEXT],
            [f for f in found if f.suffix.lower() in JSONL])


def text_docs(sc, path, files, partitions):
    """One JSON line per text file, its id the path relative to the folder
    named (or the file name) without extension."""
    p = Path(path).resolve()
    root = p if p.is_dir() else p.parent

    def to_json(pair):
        uri, text = pair
        local = Path(uri[len("file:"):] if uri.startswith("file:") else uri)
        rel = local.resolve().relative_to(root).with_suffix("")
        return json.dumps({"id": rel.as_posix(), "text": text}, ensure_ascii=False)

    listed = ",".join(str(f) for f in files)
    return sc.wholeTextFiles(listed, minPartitions=partitions).map(to_json)


def run_factspan(binary):
    """A mapPartitions function piping one partition through factspan."""
    cmd = [binary, "extract", "-", "--format", "jsonl", "-o", "-", "--quiet"]

    def run(lines):
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE)

        def feed():
            try:
                for line in lines:
                    proc.stdin.write(line.encode("utf-8") + b"\n")
            finally:
                proc.stdin.close()

        errors = []
        writer = threading.Thread(target=feed)
        reader = threading.Thread(target=lambda: errors.append(proc.stderr.read()))
        writer.start()
        reader.start()
        for out in proc.stdout:
            yield out.decode("utf-8").rstrip("\n")
        writer.join()
        reader.join()
        code = proc.wait()
        if code not in (0, 1):
            msg = b"".join(errors).decode("utf-8", "replace")
            raise RuntimeError(f"factspan exited {code}: {msg}")

    return run


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", help="JSONL or .txt files or folders")
    ap.add_argument("--bin", required=True, help="the factspan binary")
    ap.add_argument("--master", default="local[2]", help="Spark master (local[2])")
    ap.add_argument("--partitions", type=int, default=4, help="minimum partitions (4)")
    out = ap.add_mutually_exclusive_group(required=True)
    out.add_argument("--out", help="folder for Spark's part files")
    out.add_argument("--collect", help="one local JSONL file with every line")
    args = ap.parse_args()

    binary = str(Path(args.bin).resolve())
    # The Python workers must be this interpreter (the one with pyspark).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    if args.master.startswith("local"):
        # Local mode needs no network: keep Spark on the loopback address.
        os.environ.setdefault("SPARK_LOCAL_IP", "127.0.0.1")
    from pyspark.sql import SparkSession

    spark = (SparkSession.builder.master(args.master).appName("factspan")
             .config("spark.ui.enabled", "false")
             .config("spark.driver.memory", "1g")
             .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    sc = spark.sparkContext
    parts = []
    for path in args.inputs:
        texts, jsonls = files_of(path)
        if texts:
            parts.append(text_docs(sc, path, texts, args.partitions))
        if jsonls:
            listed = ",".join(str(f) for f in jsonls)
            parts.append(sc.textFile(listed, minPartitions=args.partitions)
                         .filter(lambda line: line.strip()))
    if not parts:
        sys.exit("factspan job: no .txt or .jsonl files in the inputs")
    docs = parts[0] if len(parts) == 1 else sc.union(parts)
    print(f"factspan job: {docs.getNumPartitions()} partitions", file=sys.stderr)
    results = docs.mapPartitions(run_factspan(binary))
    if args.out:
        results.saveAsTextFile(args.out)
    else:
        with open(args.collect, "w", encoding="utf-8") as f:
            for line in results.toLocalIterator():
                f.write(line + "\n")
    spark.stop()


if __name__ == "__main__":
    main()
