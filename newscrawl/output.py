"""Where a run's files go: its JSONL feed, and beside it the clusters file and run summary."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlparse


@dataclass(frozen=True)
class RunPaths:
    feed: Path | None  # the local JSONL feed of this run, if any
    clusters: Path  # authoritative cluster view, written when the crawl closes
    summary: Path  # machine-readable run summary (JSON)


def run_time(crawler) -> str:
    """The run's %(time)s, computed exactly as Scrapy's FeedExporter does."""
    start = crawler.stats.get_value("start_time") or datetime.now(tz=timezone.utc)
    return start.replace(microsecond=0).isoformat().replace(":", "-")


def _local_path(uri: str) -> Path | None:
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return Path(parsed.path)
    if parsed.scheme == "" or (len(parsed.scheme) == 1 and uri[1:3] == ":\\"):
        return Path(uri)
    return None


def run_paths(crawler, spider_name: str) -> RunPaths:
    """Paths of this run's outputs: siblings of the first local JSONL feed, else the output dir."""
    params = {"name": spider_name, "time": run_time(crawler)}
    for uri in crawler.settings.getdict("FEEDS"):
        path = _local_path(str(uri) % params)
        if path is not None:
            stem = path.name[: -len(path.suffix)] if path.suffix else path.name
            return RunPaths(
                feed=path,
                clusters=path.with_name(f"{stem}.clusters.jsonl"),
                summary=path.with_name(f"{stem}.summary.json"),
            )
    folder = Path(crawler.settings.get("NEWSCRAWL_OUTPUT_DIR", "output")) / spider_name
    return RunPaths(
        feed=None,
        clusters=folder / f"{params['time']}.clusters.jsonl",
        summary=folder / f"{params['time']}.summary.json",
    )
