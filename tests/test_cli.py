"""The `newscrawl` command: `dedup` and `clusters` start without the extraction stack or Scrapy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

DATA = Path(__file__).parent / "data" / "linking"
# What linking must never load: extraction proper, its libraries, the crawler.
HEAVY = ("trafilatura", "lxml", "scrapy", "twisted", "tqdm", "newscrawl.extraction.article", "newscrawl.items")

PROBE = """
import json, sys
from newscrawl.cli import main
code = main(sys.argv[1:])
print(json.dumps({"code": code, "modules": sorted(sys.modules)}))
"""


def loaded_by(*argv: str) -> tuple[int, set[str]]:
    done = subprocess.run([sys.executable, "-c", PROBE, *argv], capture_output=True, text=True, check=True)
    answer = json.loads(done.stdout.splitlines()[-1])
    return answer["code"], set(answer["modules"])


def heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if any(m == h or m.startswith(h + ".") for h in HEAVY))


def test_dedup_and_clusters_load_nothing_of_extraction_or_scrapy(tmp_path):
    store = f"sqlite:///{tmp_path}/index.sqlite"
    code, modules = loaded_by("dedup", str(DATA / "corpus.jsonl"), "-o", str(tmp_path / "out.jsonl"),
                              "--store", store, "--jobs", "1")
    assert code == 0 and "newscrawl.fingerprint.linker" in modules
    assert heavy(modules) == []
    code, modules = loaded_by("clusters", "--store", store, "-o", str(tmp_path / "clusters.jsonl"))
    assert code == 0 and heavy(modules) == []


def test_extract_still_loads_extraction(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<html><body><article><p>" + "A short fictional paragraph about a harbour. " * 20
                    + "</p></article></body></html>", encoding="utf-8")
    code, modules = loaded_by("extract", str(page))
    assert code == 0 and "trafilatura" in modules
