"""Whole-process comparison, as a user runs it: `newscrawl dedup` (1 and all cores) vs a datasketch script.

Each side is a fresh process from the shell over the same synthetic JSONL file: start-up,
reading, fingerprinting, linking and writing all count. Wall time, peak resident memory
(the largest single process, from wait4: a worker's memory is not added to its parent's)
and CPU time (the process and its workers) are measured per run; the best of `--runs` is
reported, since other jobs on the machine only ever add time.

    python bench/whole_process.py --records 20000 [--runs 2] [--before /work/main/.venv/bin/newscrawl]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from synthetic_corpus import generate  # noqa: E402

# What a user writes with datasketch: 5-word shingles, 128 permutations, 32 bands of 4 rows
# (newscrawl's own LSH shape), query then insert each record, one JSON line out per record.
DATASKETCH = """\
import json, sys
from datasketch import MinHash, MinHashLSH
lsh = MinHashLSH(num_perm=128, params=(32, 4))
with open(sys.argv[1], encoding="utf-8") as lines, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in lines:
        record = json.loads(line)
        words = record["text"].split()
        m = MinHash(num_perm=128)
        m.update_batch([" ".join(words[i:i + 5]).encode() for i in range(max(1, len(words) - 4))])
        found = lsh.query(m)
        if record["url"] not in lsh:
            lsh.insert(record["url"], m)
        record["duplicate_of"] = min(found) if found else None
        out.write(json.dumps(record, ensure_ascii=False) + "\\n")
"""


def timed(argv: list[str]) -> tuple[float, int, float]:
    """(wall seconds, peak RSS in MB of the largest process, CPU seconds of the process and its
    workers) of one run; stdout and stderr dropped. CPU time hardly depends on other jobs
    on the machine, wall time does."""
    start = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    took = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    error = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if child.returncode != 0:
        raise SystemExit(f"{argv[0]} failed ({child.returncode}): {error[-2000:]}")
    return took, usage.ru_maxrss // 1024, usage.ru_utime + usage.ru_stime


def best(runs: int, argv: list[str]) -> tuple[float, int, float]:
    return min((timed(argv) for _ in range(runs)), key=lambda result: result[0])


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=1, help="runs of each side; the fastest counts")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)), help="'all cores' (default: all)")
    parser.add_argument("--newscrawl", default=shutil.which("newscrawl") or str(Path(sys.executable).parent / "newscrawl"),
                        help="the newscrawl executable under test")
    parser.add_argument("--before", metavar="PATH", help="another newscrawl executable (e.g. main's, with --jobs) "
                        "to run beside, each before its counterpart")
    args = parser.parse_args(argv)

    with tempfile.TemporaryDirectory(prefix="bench-whole-") as scratch:
        corpus = Path(scratch, "corpus.jsonl")
        with corpus.open("w", encoding="utf-8") as out:
            import json

            for record in generate(args.records, seed=3):
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        size = corpus.stat().st_size
        print(f"{args.records:,} synthetic records, {size / args.records / 1000:.1f} kB each; "
              f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at start")
        script = Path(scratch, "datasketch_dedup.py")
        script.write_text(DATASKETCH, encoding="utf-8")
        out = str(Path(scratch, "out.jsonl"))

        rows = [("datasketch script", [sys.executable, str(script), str(corpus), out])]
        for jobs in dict.fromkeys((1, args.jobs)):
            if args.before:
                rows.append((f"before: dedup --jobs {jobs}", [args.before, "dedup", str(corpus), "-o", out, "--jobs",
                                                             str(jobs)]))
            rows.append((f"newscrawl dedup --jobs {jobs}", [args.newscrawl, "dedup", str(corpus), "-o", out, "--jobs",
                                                           str(jobs)]))
        results = {}
        for label, command in rows:
            results[label] = best(args.runs, command)
            took, rss, cpu = results[label]
            baseline, _, baseline_cpu = results["datasketch script"]
            print(f"  {label:30} {took:7.1f} s {args.records / took:8,.0f} rec/s  {baseline / took:5.2f}x datasketch  "
                  f"peak RSS {rss:5,} MB  CPU {cpu:6.1f} s ({baseline_cpu / cpu:4.2f}x)", flush=True)
        print(f"load average {os.getloadavg()[0]:.1f} at end")
    return 0


if __name__ == "__main__":
    sys.exit(main())
