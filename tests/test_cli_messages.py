"""The `newscrawl` command's messages: --version, store URL forms in --help, tracebacks only with --verbose / DEBUG."""

from __future__ import annotations

import os
import re
import subprocess
import sys

from newscrawl import __version__
from tests.crawling import ROOT


def newscrawl(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "newscrawl.cli", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=120)


def test_version_matches_the_package_metadata():
    result = newscrawl("--version")
    assert result.returncode == 0 and result.stdout.strip() == f"newscrawl {__version__}"
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r'^version = "([^"]+)"', pyproject, flags=re.M).group(1) == __version__


def test_help_names_every_store_url_form():
    for args in (["--help"], ["dedup", "--help"], ["clusters", "--help"]):
        text = newscrawl(*args).stdout
        for form in ("memory://", "sqlite:///relative", "sqlite:////absolute", "redis://", "?prefix="):
            assert form in text, (args, form)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for form in ("`memory://`", "`sqlite:///state.sqlite`", "`sqlite:////var/", "`redis://host:6379/0`", "?prefix="):
        assert form in readme


def test_a_traceback_only_with_verbose(tmp_path):
    quiet = newscrawl("clusters", "--store", "memory://", "-o", str(tmp_path))
    verbose = newscrawl("clusters", "--store", "memory://", "-o", str(tmp_path), "--verbose")
    assert quiet.returncode == verbose.returncode == 1
    assert "Traceback" not in quiet.stderr and quiet.stderr.strip().count("\n") == 0
    assert "Traceback" in verbose.stderr and "Is a directory" in verbose.stderr.splitlines()[-1]


def test_scrapy_crawl_shows_the_traceback_with_log_level_debug(tmp_path):
    (tmp_path / "urls.txt").write_text("")
    command = [sys.executable, "-m", "scrapy", "crawl", "urls", "-a", "file=urls.txt",
               "-s", "NEWSCRAWL_STORE_URL=foo://x", "-s", "TELNETCONSOLE_ENABLED=False"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
    quiet = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    debug = subprocess.run(command + ["-L", "DEBUG"], cwd=tmp_path, env=env, capture_output=True, text=True,
                           timeout=120)
    assert quiet.returncode == debug.returncode == 2
    assert "Traceback" not in quiet.stderr and "Traceback" in debug.stderr
    for result in (quiet, debug):
        assert result.stderr.splitlines()[-1].startswith("scrapy crawl urls: unsupported store URL 'foo://x'")
