"""The project layout: spiders and pipelines can't be shadowed; the schema matches the item."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from newscrawl.items import ARTICLE_FIELDS, INTERNAL_FIELDS, Article, ArticleLoader, export_record
from newscrawl.record import record_errors, record_validator

ROOT = Path(__file__).resolve().parents[1]
SCRAPY = [sys.executable, "-m", "scrapy"]


def test_scrapy_list_from_repo_root():
    result = subprocess.run([*SCRAPY, "list"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert {"apnews", "partners", "mirrors", "sitemap", "feed", "urls", "warc", "ccnews"} <= set(result.stdout.split())


def test_installed_packages_named_spiders_or_pipelines_never_shadow_ours(tmp_path):
    for name in ("spiders", "pipelines"):
        package = tmp_path / name
        package.mkdir()
        (package / "__init__.py").write_text(f"raise ImportError('the unrelated {name} package was imported')\n")
        (package / "extraction.py").write_text("raise ImportError('shadowed')\n")
    env = {**os.environ, "PYTHONPATH": str(tmp_path)}
    listed = subprocess.run([*SCRAPY, "list"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert "apnews" in listed.stdout.split()
    probe = "import newscrawl.pipelines.extraction, newscrawl.spiders.apnews; print('ours')"
    imported = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, env=env,
                              capture_output=True, text=True, timeout=120)
    assert imported.stdout.strip() == "ours", imported.stderr


def test_schema_documents_exactly_the_exported_fields():
    schema_fields = set(record_validator().schema["properties"])
    assert schema_fields == set(ARTICLE_FIELDS) - INTERNAL_FIELDS


def test_loader_keeps_first_non_blank_value_and_export_drops_internal_fields():
    loader = ArticleLoader()
    loader.add_value("title", "   ")
    loader.add_value("title", "Flood gates open")
    loader.add_value("authors", ["Hanne Vosk", "Ivo Lind"])
    loader.add_value("url", "https://www.ostlandcourier.com/news/gates/")
    loader.add_value("site", "ostlandcourier.com")
    loader.add_value("text", "The gates opened.")
    loader.add_value("html", b"<html></html>")
    item = loader.load_item()
    assert isinstance(item, Article)
    assert item["title"] == "Flood gates open"
    assert item["authors"] == ["Hanne Vosk", "Ivo Lind"]
    record = export_record(item)
    assert "html" not in record
    assert record_errors(record) == []


def test_schema_rejects_a_record_with_a_bad_field():
    errors = record_errors({"url": "https://a.example/x", "site": "a.example", "text": "x", "relation": "cousin"})
    assert errors and "relation" in errors[0]


def test_every_subpackage_is_listed_for_the_wheel():
    # pyproject lists packages by hand (spiders/ and pipelines/ are mapped into newscrawl);
    # one left out installs fine in editable mode and breaks a built egg or wheel (scrapyd).
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "newscrawl").rglob("__init__.py")}
    assert found <= listed, found - listed
