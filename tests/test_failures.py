"""The README's failure table, row by row: each command as written, its message and its exit status."""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from tests.crawling import ROOT
from tests.pages import article_html, warc_bytes

NO_ARTICLE = b"<html><head><title>Contact us</title></head><body><nav><a href='/'>Home</a></nav></body></html>"
URL = "https://www.ostlandcourier.com/news/"


def failure_table() -> list[tuple[str, str, int]]:
    """(command, message, exit status) of every row of the README's failure table."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    table = text.split("<!-- failure-table:", 1)[1].split("\n\n", 1)[0]
    rows = []
    for line in table.splitlines():
        cells = re.findall(r"`([^`]*)`", line)
        status = re.search(r"\|\s*(\d+)\s*\|\s*$", line)
        if len(cells) == 2 and status:
            rows.append((cells[0], cells[1], int(status.group(1))))
    return rows


def _refused_url() -> str:
    """An http URL on loopback where nothing listens: every request to it is refused."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/story"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("failures")
    (folder / "article.html").write_text(article_html(), encoding="utf-8")
    (folder / "empty.html").write_bytes(b"")
    (folder / "page.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (folder / "noarticle.warc.gz").write_bytes(warc_bytes([("response", URL + "contact/", NO_ARTICLE)]))
    (folder / "nourl.warc.gz").write_bytes(warc_bytes([
        ("response", URL + "a/", article_html().encode()),
        ("response", "", article_html(title="No address").encode()),
        ("response", URL + "c/", article_html(title="After the bad record").encode()),
    ]))
    (folder / "dead.txt").write_text(_refused_url() + "\n")
    (folder / "urls.txt").write_text("# nothing to crawl yet\n")
    corpus = [{"url": URL + "a/", "text": "One story."}, {"url": URL + "b/", "text": "Another story."}]
    (folder / "corpus.jsonl").write_text("".join(json.dumps(r) + "\n" for r in corpus))
    (folder / "folder").mkdir()
    return folder


def _argv(command: str) -> list[str]:
    words = shlex.split(command)
    program = {"scrapy": [sys.executable, "-m", "scrapy"], "newscrawl": [sys.executable, "-m", "newscrawl.cli"]}
    return program[words[0]] + words[1:]


def test_the_table_covers_every_kind_of_command():
    commands = {" ".join(command.split()[:2]) for command, _, _ in failure_table()}
    assert {"scrapy crawl", "newscrawl extract", "newscrawl dedup", "newscrawl clusters"} <= commands
    assert len(failure_table()) >= 30
    assert len({command for command, _, _ in failure_table()}) == len(failure_table())  # one row per command


def _run(command: str, folder: Path) -> subprocess.CompletedProcess:
    """One row's command in its own copy of the inputs (crawls write output/ and a store there)."""
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newscrawl.settings"}
    return subprocess.run(_argv(command), cwd=folder, env=env, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def results(inputs, tmp_path_factory) -> dict[str, subprocess.CompletedProcess]:
    """Every row's result; rows run a few at a time (each is a process that mostly starts up)."""
    folders = {}
    for number, (command, _, _) in enumerate(failure_table()):
        folders[command] = tmp_path_factory.mktemp(f"row{number}")
        shutil.copytree(inputs, folders[command], dirs_exist_ok=True)
    with ThreadPoolExecutor(max_workers=3) as pool:
        futures = {command: pool.submit(_run, command, folder) for command, folder in folders.items()}
        return {command: future.result() for command, future in futures.items()}


@pytest.mark.parametrize("command, message, status", failure_table(), ids=[row[0] for row in failure_table()])
def test_failure_row(results, command, message, status):
    result = results[command]
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == status, result.stderr[-3000:]
    assert "Traceback" not in result.stderr, result.stderr[-3000:]
    assert any(message in line for line in lines), (message, result.stderr[-3000:])
