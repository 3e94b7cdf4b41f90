"""Run real `scrapy crawl` processes against the mock web and read what they wrote."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

from tests.mockweb.truth import NOW

ROOT = Path(__file__).resolve().parents[1]

# Fast and deterministic for tests: no politeness delays towards our own loopback server, and
# the clock of the mock web's phase 1 (phase-2 crawls pass NEWSCRAWL_NOW=NOW[2]).
TEST_SETTINGS = {
    "NEWSCRAWL_NOW": NOW[1],
    "AUTOTHROTTLE_ENABLED": "False",
    "DOWNLOAD_DELAY": "0",
    "CONCURRENT_REQUESTS_PER_DOMAIN": "8",
    "RETRY_TIMES": "0",
    "LOG_LEVEL": "INFO",
    "TELNETCONSOLE_ENABLED": "False",
}


@dataclass
class Crawl:
    returncode: int
    records: list[dict]
    summary: dict
    log: str
    output: Path
    clusters: list[dict] = field(default_factory=list)

    @property
    def stats(self) -> dict:
        return self.summary.get("stats", {})

    def by_url(self) -> dict[str, dict]:
        return {record["url"]: record for record in self.records}


def read_jsonl(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def crawl_command(spider: str, output: Path, host_map: dict[str, str], *, settings: dict | None = None,
                  args: dict | None = None, feed: str = "-O") -> list[str]:
    """The `scrapy crawl SPIDER -O OUTPUT` command line with TEST_SETTINGS, the host map and `settings`."""
    command = [sys.executable, "-m", "scrapy", "crawl", spider, feed, str(output)]
    for key, value in {**TEST_SETTINGS, "NEWSCRAWL_HOST_MAP": json.dumps(host_map), **(settings or {})}.items():
        command += ["-s", f"{key}={value}"]
    for key, value in (args or {}).items():
        command += ["-a", f"{key}={value}"]
    return command


def run_crawl(spider: str, workdir: Path, host_map: dict[str, str], *, args: dict | None = None,
              settings: dict | None = None, name: str = "out", timeout: int = 300) -> Crawl:
    """`scrapy crawl SPIDER -O workdir/NAME.jsonl` with the mock web's host map; waits for it."""
    output = workdir / f"{name}.jsonl"
    log = workdir / f"{name}.log"
    store = {"NEWSCRAWL_STORE_URL": f"sqlite:///{workdir / 'state.sqlite'}"}
    command = crawl_command(spider, output, host_map, settings={**store, **(settings or {}), "LOG_FILE": log},
                            args=args)
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    summary_path = output.with_name(f"{name}.summary.json")
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    log_text = (log.read_text(encoding="utf-8", errors="replace") if log.exists() else "") + result.stderr
    return Crawl(result.returncode, read_jsonl(output), summary, log_text, output,
                 read_jsonl(output.with_name(f"{name}.clusters.jsonl")))
