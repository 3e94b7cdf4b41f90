"""ccnews throughput and memory: one worker vs `newscrawl extract` on the same WARC file, same run.

    .venv/bin/python bench/ccnews.py [--workdir .bench-data/ccnews] [--speed-mb 200]
                                     [--memory-mb 50,200,1000] [--skip-speed] [--skip-readers]
                                     [--skip-no-linking] [--one-by-one]

1. Readers: FastWARC vs warcio over the speed file (every response record's URL and body
   hashed: both must give the same records), records/s, best of 2 alternating.
2. Speed: `newscrawl extract FILE` (sequential, no linking) vs `scrapy crawl ccnews` over a
   loopback Common Crawl host serving the same file (download spooled to disk, records
   extracted, linked in batches, exported), and ccnews with linking off. Records/s = records
   handed to extraction / wall time of the process (start-up included for both); with
   --one-by-one also ccnews linking each record alone (NEWSCRAWL_LINK_BATCH_SIZE=1). CPU
   seconds (all threads) are printed too: on a loaded machine wall time depends on what
   else runs, CPU per record much less.
3. Memory: peak RSS (the process's own ru_maxrss) of ccnews on files of each size, every
   record filtered out by domain (what streaming costs), and of the full speed runs.
Files come from bench/ccnews_data.py (synthetic stories in ~26 KB pages) and are reused;
files bigger than the speed file repeat it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from ccnews_data import month_with  # noqa: E402

from newscrawl.crawl.warcfile import warc_responses  # noqa: E402
from newscrawl.pages import Skip  # noqa: E402
from tests.mockweb.ccnews import CC_HOST, StaticHost  # noqa: E402


def run(command: list[str], stdout=subprocess.DEVNULL) -> tuple[float, int, int, float]:
    """(wall seconds, exit code, peak RSS in MB, CPU seconds of all its threads) of one child process."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=stdout, stderr=subprocess.PIPE)
    stderr = process.stderr.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode:
        sys.stderr.write(stderr.decode(errors="replace")[-3000:])
    return (time.perf_counter() - started, process.returncode, usage.ru_maxrss // 1024,
            usage.ru_utime + usage.ru_stime)


def readers(path: Path) -> None:
    results = {}
    for _ in range(2):
        for reader in ("warcio", "fastwarc"):
            digest, count = hashlib.sha1(), 0
            started = time.perf_counter()
            for found in warc_responses(path, reader=reader):
                if not isinstance(found, Skip):
                    digest.update(found.url.encode() + b"\0" + found.body)
                    count += 1
            seconds = time.perf_counter() - started
            best = results.get(reader)
            if best is None or seconds < best[0]:
                results[reader] = (seconds, count, digest.hexdigest())
    size = path.stat().st_size / 2**20
    for reader, (seconds, count, _) in results.items():
        print(f"  {reader:9s} {count} records in {seconds:6.1f} s: {count / seconds:8.0f} records/s, "
              f"{size / seconds:6.1f} MB/s")
    same = results["warcio"][1:] == results["fastwarc"][1:]
    print(f"  same records and bodies: {same}; fastwarc/warcio speed: "
          f"{results['warcio'][0] / results['fastwarc'][0]:.2f}x")


def ccnews_command(day: str, host: str, out: Path, work: Path, extra: dict | None = None,
                   args: dict | None = None) -> list[str]:
    settings = {"NEWSCRAWL_HOST_MAP": json.dumps({CC_HOST: host}), "AUTOTHROTTLE_ENABLED": "False",
                "DOWNLOAD_DELAY": "0", "NEWSCRAWL_STORE_URL": f"sqlite:///{work / 'state.sqlite'}",
                "NEWSCRAWL_SPOOL_DIR": str(work / "spool"), "LOG_FILE": str(out.with_suffix(".log")),
                "TELNETCONSOLE_ENABLED": "False", **(extra or {})}
    command = [sys.executable, "-m", "scrapy", "crawl", "ccnews", "-O", str(out), "-a", f"from={day}"]
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    for key, value in (args or {}).items():
        command += ["-a", f"{key}={value}"]
    return command


def summary_stats(out: Path) -> dict:
    return json.loads(out.with_name(out.stem + ".summary.json").read_text())["stats"]


def speed(root: Path, host: str, path: Path, day: str, no_linking: bool = True, one_by_one: bool = False) -> None:
    with tempfile.TemporaryDirectory(dir=root.parent) as scratch:
        scratch = Path(scratch)
        with (scratch / "extract.jsonl").open("wb") as sink:
            seconds, code, rss, cpu = run([sys.executable, "-m", "newscrawl.cli", "extract", str(path)], stdout=sink)
        pages = sum(1 for _ in warc_responses(path) if not isinstance(_, Skip))
        base, base_cpu = pages / seconds, cpu / pages
        print(f"  newscrawl extract      {pages} records in {seconds:6.1f} s: {base:6.1f} records/s, "
              f"CPU {cpu / pages * 1000:5.1f} ms/record, peak RSS {rss} MB (exit {code})")
        runs = [("ccnews", {})]
        if one_by_one:
            runs.append(("ccnews, one by one", {"NEWSCRAWL_LINK_BATCH_SIZE": "1"}))
        if no_linking:
            runs.append(("ccnews, no linking", {"NEWSCRAWL_LINKING_ENABLED": "False"}))
        for label, extra in runs:
            work = scratch / label.replace(" ", "").replace(",", "-")
            work.mkdir()
            out = work / "out.jsonl"
            seconds, code, rss, cpu = run(ccnews_command(day, host, out, work, extra))
            stats = summary_stats(out)
            records = stats.get("newscrawl/ccnews/records_to_extraction", 0)
            print(f"  scrapy crawl {label:19s} {records} records in {seconds:6.1f} s: {records / seconds:6.1f} "
                  f"records/s = {records / seconds / base:.2f}x extract, CPU {cpu / records * 1000:5.1f} "
                  f"ms/record = {cpu / records / base_cpu:.2f}x extract's, {stats.get('item_scraped_count', 0)} "
                  f"exported, peak RSS {rss} MB (exit {code})")


def memory(root: Path, host: str, sizes: list[tuple[float, Path, str]]) -> None:
    with tempfile.TemporaryDirectory(dir=root.parent) as scratch:
        for megabytes, path, day in sizes:
            work = Path(scratch) / f"m{megabytes:g}"
            work.mkdir()
            out = work / "out.jsonl"
            seconds, code, rss, _ = run(ccnews_command(day, host, out, work, args={"domains": "nowhere.example"}))
            stats = summary_stats(out)
            print(f"  {path.stat().st_size / 2**20:7.0f} MB file: peak RSS {rss:4d} MB, "
                  f"{stats.get('newscrawl/ccnews/skipped/filtered_domain', 0)} records read and filtered "
                  f"in {seconds:5.1f} s (exit {code})")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--workdir", default=str(ROOT / ".bench-data" / "ccnews"))
    parser.add_argument("--speed-mb", type=float, default=200)
    parser.add_argument("--memory-mb", default="50,200,1000")
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-readers", action="store_true")
    parser.add_argument("--skip-no-linking", action="store_true", help="no ccnews run with linking off")
    parser.add_argument("--one-by-one", action="store_true", help="also ccnews linking each record alone")
    args = parser.parse_args(argv)
    root = Path(args.workdir) / "cc"
    started = time.perf_counter()
    # One month per file size: January is the speed file, later months the memory files.
    sizes = sorted({args.speed_mb, *(float(m) for m in args.memory_mb.split(",") if m)})
    files = {}
    for month, megabytes in enumerate(sizes, start=1):
        # Files beyond the speed file repeat it: generating 1 GB of unique pages takes ~10 minutes.
        source = files[args.speed_mb][0] if megabytes > args.speed_mb else None
        files[megabytes] = (month_with(root, 2024, month, megabytes, source=source), f"2024-{month:02d}-01")
    print(f"files ready in {time.perf_counter() - started:.0f} s: "
          + ", ".join(f"{p.name} {p.stat().st_size / 2**20:.0f} MB" for p, _ in files.values()))
    speed_file, speed_day = files[args.speed_mb]
    with StaticHost(root) as host:
        if not args.skip_readers:
            print(f"WARC readers on {speed_file.stat().st_size / 2**20:.0f} MB:")
            readers(speed_file)
        if not args.skip_speed:
            print(f"One worker vs newscrawl extract on {speed_file.stat().st_size / 2**20:.0f} MB:")
            speed(root, host.address, speed_file, speed_day, no_linking=not args.skip_no_linking,
                  one_by_one=args.one_by_one)
        print("Memory of a ccnews worker, records filtered by domain (streaming and parsing only):")
        wanted = {float(m) for m in args.memory_mb.split(",") if m}
        memory(root, host.address, [(m, *files[m]) for m in sizes if m in wanted])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
