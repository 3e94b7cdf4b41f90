"""Crawl throughput with all pipelines vs bare Scrapy, and the longest reactor stall.

Usage: .venv/bin/python bench/crawl.py [--rounds 3] [--spiders apnews,partners,mirrors]

Each configuration crawls the same offline mock web (tests/mockweb) in its own
`scrapy crawl` process, in alternating order, `--rounds` times; pages/s is responses
received / elapsed seconds as Scrapy's stats report them, and the figures are medians.
Configurations:
  scrapy-bare       no item pipelines (the baseline: fetch + parse only)
  newscrawl         all pipelines, extraction in the thread pool (the default)
  newscrawl-inline  all pipelines, extraction on the reactor thread (to show the stall it causes)
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.mockweb import MockWeb  # noqa: E402

CONFIGS = {
    "scrapy-bare": {"ITEM_PIPELINES": "{}"},
    "newscrawl": {},
    "newscrawl-inline": {"NEWSCRAWL_EXTRACT_IN_THREAD": "False"},
}
COMMON = {
    "AUTOTHROTTLE_ENABLED": "False", "DOWNLOAD_DELAY": "0", "CONCURRENT_REQUESTS_PER_DOMAIN": "16",
    "NEWSCRAWL_MEASURE_STALLS": "True", "LOG_LEVEL": "WARNING", "TELNETCONSOLE_ENABLED": "False",
}


def run_once(spider: str, config: dict, host_map: dict, workdir: Path) -> dict:
    output = workdir / f"{spider}.jsonl"
    settings = {**COMMON, **config, "NEWSCRAWL_HOST_MAP": json.dumps(host_map),
                "NEWSCRAWL_STORE_URL": f"sqlite:///{workdir / 'state.sqlite'}"}
    command = [sys.executable, "-m", "scrapy", "crawl", spider, "-O", str(output)]
    for key, value in settings.items():
        command += ["-s", f"{key}={value}"]
    subprocess.run(command, cwd=ROOT, check=True, capture_output=True)
    return json.loads(output.with_name(f"{spider}.summary.json").read_text())["stats"]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--spiders", default="apnews,partners,mirrors")
    args = parser.parse_args()
    spiders = args.spiders.split(",")
    results: dict[str, list[tuple[float, float, int]]] = {name: [] for name in CONFIGS}
    with MockWeb() as web:
        for round_number in range(args.rounds):
            order = list(CONFIGS) if round_number % 2 == 0 else list(reversed(CONFIGS))
            for name in order:
                pages = seconds = stall = 0.0
                items = 0
                with tempfile.TemporaryDirectory() as tmp:
                    for spider in spiders:
                        stats = run_once(spider, CONFIGS[name], web.host_map, Path(tmp))
                        pages += stats.get("response_received_count", 0)
                        seconds += stats.get("elapsed_time_seconds", 0.0)
                        stall = max(stall, stats.get("newscrawl/reactor/max_stall_ms", 0.0))
                        items += stats.get("item_scraped_count", 0)
                results[name].append((pages / seconds if seconds else 0.0, stall, items))
                print(f"round {round_number + 1} {name:<17} {pages / seconds:7.1f} pages/s  "
                      f"max stall {stall:6.1f} ms  items {items}", file=sys.stderr)
    print(f"\n{'configuration':<18} {'pages/s':>8} {'max stall ms':>13} {'items':>6}  (medians of {args.rounds})")
    medians = {}
    for name, rows in results.items():
        rate = statistics.median(r[0] for r in rows)
        stall = statistics.median(r[1] for r in rows)
        medians[name] = rate
        print(f"{name:<18} {rate:8.1f} {stall:13.1f} {rows[0][2]:6d}")
    print(f"\nthroughput ratio newscrawl/scrapy-bare = {medians['newscrawl'] / medians['scrapy-bare']:.2f}")
    print(f"throughput ratio newscrawl-inline/scrapy-bare = {medians['newscrawl-inline'] / medians['scrapy-bare']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
