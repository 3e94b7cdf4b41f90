"""`make demo`: crawl the bundled offline mock web with the site spiders into a JSONL corpus and a report."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.mockweb import MockWeb  # noqa: E402  (the mock web ships with the tests)

SPIDERS = ("apnews", "partners", "mirrors")  # the agency first: its originals anchor the clusters


def crawl(spider: str, out_dir: Path, host_map: dict, store_url: str) -> dict:
    output = out_dir / f"{spider}.jsonl"
    command = [
        sys.executable, "-m", "scrapy", "crawl", spider, "-O", str(output),
        "-s", f"NEWSCRAWL_HOST_MAP={json.dumps(host_map)}",
        "-s", f"NEWSCRAWL_STORE_URL={store_url}",
        "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0",
        "-s", f"LOG_FILE={out_dir / (spider + '.log')}",
    ]
    started = time.monotonic()
    result = subprocess.run(command, cwd=ROOT)
    summary_path = out_dir / f"{spider}.summary.json"
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    summary["seconds"] = time.monotonic() - started
    summary["returncode"] = result.returncode
    return summary


def ccnews_demo(out_dir: Path) -> dict:
    """The same stories as a CC-NEWS-like month (built on the fly) on a loopback Common Crawl host."""
    from tests.mockweb.ccnews import CC_HOST, StaticHost, build_month

    work = out_dir / "ccnews"
    build_month(work / "host")
    print("\nccnews: a CC-NEWS-like month (4 WARC files) on a loopback Common Crawl host", flush=True)
    with StaticHost(work / "host") as host:
        output = work / "ccnews.jsonl"
        command = [sys.executable, "-m", "scrapy", "crawl", "ccnews", "-O", str(output),
                   "-a", "from=2024-01-01", "-a", "to=2024-01-07", "-a", "languages=en",
                   "-s", f"NEWSCRAWL_HOST_MAP={json.dumps({CC_HOST: host.address})}",
                   "-s", f"NEWSCRAWL_STORE_URL=sqlite:///{work / 'state.sqlite'}",
                   "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "DOWNLOAD_DELAY=0", "-s", f"LOG_FILE={work / 'ccnews.log'}"]
        result = subprocess.run(command, cwd=ROOT)
    summary_path = work / "ccnews.summary.json"
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {"stats": {}}
    stats, prefix = summary["stats"], "newscrawl/ccnews/"
    print(f"  files {stats.get(prefix + 'files_done', 0)} done of {stats.get(prefix + 'files_picked', 0)} picked, "
          f"{stats.get(prefix + 'records_read', 0)} HTML records read, "
          f"{stats.get(prefix + 'skipped/filtered_language', 0)} filtered by language, "
          f"{stats.get(prefix + 'records_to_extraction', 0)} extracted, "
          f"{summary.get('items', 0)} articles in {output}")
    clusters = [json.loads(line) for line in (work / "ccnews.clusters.jsonl").read_text().splitlines() if line.strip()] \
        if (work / "ccnews.clusters.jsonl").exists() else []
    print(f"  {len(clusters)} clusters of copies, largest {max((len(c['members']) for c in clusters), default=0)} pages")
    summary["returncode"] = result.returncode
    return summary


def main() -> int:
    stamp = datetime.now(tz=timezone.utc).strftime("%Y-%m-%dT%H-%M-%S")
    out_dir = ROOT / "demo-output" / stamp
    out_dir.mkdir(parents=True)
    store_url = f"sqlite:///{out_dir / 'state.sqlite'}"
    print(f"newscrawl demo: output in {out_dir}")
    with MockWeb() as web:
        print(f"mock web on {web.address} serving {len(web.host_map)} fictional sites")
        summaries = {}
        for spider in SPIDERS:
            print(f"  crawling {spider} ...", flush=True)
            summaries[spider] = crawl(spider, out_dir, web.host_map, store_url)
    crawled = out_dir / "crawled.jsonl"
    with crawled.open("w", encoding="utf-8") as joined:
        for spider in SPIDERS:
            joined.write((out_dir / f"{spider}.jsonl").read_text(encoding="utf-8"))
    # Links made during a crawl are the best knowledge at that moment (an original exported
    # before its copies existed says "unique"); the store's final view is authoritative.
    corpus = out_dir / "corpus.jsonl"
    for command in (["dedup", str(crawled), "-o", str(corpus)], ["clusters", "-o", str(out_dir / "clusters.jsonl")]):
        subprocess.run([sys.executable, "-m", "newscrawl.cli", *command, "--store", store_url], cwd=ROOT, check=False)
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    relations = Counter(r.get("relation", "unlinked") for r in records)
    print()
    print(f"{'spider':<10} {'pages':>6} {'articles':>9} {'seconds':>8}")
    for spider, summary in summaries.items():
        print(f"{spider:<10} {summary.get('pages_fetched', 0):>6} {summary.get('items', 0):>9} "
              f"{summary['seconds']:>8.1f}")
    print(f"\n{len(records)} articles in {corpus}")
    print("relations: " + ", ".join(f"{k} {v}" for k, v in sorted(relations.items())))
    linked = sum(1 for r in records if r.get("duplicate_of"))
    print(f"{linked} copies linked to their original; clusters file: {out_dir / 'clusters.jsonl'}")
    summaries["ccnews"] = ccnews_demo(out_dir)
    report = out_dir / "report.html"
    subprocess.run([sys.executable, "-m", "newscrawl.cli", "report", "--store", store_url, "-o", str(report)],
                   cwd=ROOT, check=False)
    if report.exists():
        print(f"provenance report (open it in a browser): {report}")
    failed = [s for s, summary in summaries.items() if summary["returncode"] != 0]
    if failed:
        print(f"crawls failed: {', '.join(failed)} (see the .log files)", file=sys.stderr)
    return 1 if failed or not records or not report.exists() else 0


if __name__ == "__main__":
    sys.exit(main())
