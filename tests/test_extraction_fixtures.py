"""Extraction fixtures: one test per page and field, plus text and boilerplate checks.

Each fixture is `NAME.html` (or `NAME.html.gz`) with `NAME.expected.json`:
`{"url", "fields": {field: expected}, "paragraphs": [...], "template_lines": [...]}`.
A field absent from `fields` is not checked; `"authors": null` means "don't check".
Test ids read `<page>-<check>`: `wire_ap_1-title`, `mirror_1-template`,
`mirror_site/03_n3-paragraphs`. The fixtures are checked for consistency when they load:
a wrong fixture stops the module with a list of its problems; every test failure is the
extractor's.
"""

from __future__ import annotations

import gzip
import json
import re
from datetime import datetime, timezone
from functools import lru_cache
from pathlib import Path

import lxml.html
import pytest

from newscrawl.extraction import extract_article

FIXTURES = Path(__file__).parent / "fixtures"
# The fixtures were written on this day: dates after it are "in the future".
FIXTURE_NOW = datetime(2026, 11, 28, 12, 0, tzinfo=timezone.utc)
CHECKED_FIELDS = ("url", "site", "canonical_url", "title", "description", "authors",
                  "published", "modified", "language", "wire", "dateline")
DATE_FIELDS = {"published", "modified"}
WIRE_CREDIT = re.compile(r"^(the )?(associated press|ap|reuters|afp|agence france-presse)$", re.I)


def norm(text: str | None) -> str:
    """Whitespace folded to single spaces (NBSP and newlines included)."""
    return " ".join((text or "").split())


def word_pattern(line: str) -> re.Pattern:
    """`line` as a whole phrase: not glued to letters or digits on either side."""
    return re.compile(r"(?<!\w)" + re.escape(norm(line)) + r"(?!\w)")


def load_fixtures() -> list[tuple[str, Path, dict]]:
    """(id, page path, expected) for pages/NAME and sites/SITE/NAME, sorted."""
    found = []
    for expected_path in sorted(FIXTURES.glob("pages/*.expected.json")) + sorted(
        FIXTURES.glob("sites/*/*.expected.json")
    ):
        name = expected_path.name[: -len(".expected.json")]
        page_id = name if expected_path.parent.name == "pages" else f"{expected_path.parent.name}/{name}"
        html_path = expected_path.with_name(name + ".html")
        if not html_path.exists():
            html_path = expected_path.with_name(name + ".html.gz")
        found.append((page_id, html_path, json.loads(expected_path.read_text(encoding="utf-8"))))
    return found


def read_page(path: Path) -> str | bytes:
    """`.html` as text, `.html.gz` as the decompressed bytes: both input types get exercised."""
    if path.name.endswith(".gz"):
        return gzip.decompress(path.read_bytes())
    return path.read_text(encoding="utf-8")


FIXTURE_PAGES = load_fixtures()
PAGES = {page_id: (path, expected) for page_id, path, expected in FIXTURE_PAGES}


def extract(html: str | bytes, url: str) -> dict:
    # A fixed "now" keeps future-date fixtures meaningful after the calendar moves on.
    return extract_article(html, url, now=FIXTURE_NOW)


@lru_cache(maxsize=None)
def record_of(page_id: str) -> dict:
    path, expected = PAGES[page_id]
    return extract(read_page(path), expected["url"])


def _field_cases():
    for page_id, _, expected in FIXTURE_PAGES:
        for field, value in expected["fields"].items():
            if field == "authors" and value is None:
                continue
            yield pytest.param(page_id, field, value, id=f"{page_id}-{field}")


def _as_moment(value):
    if not isinstance(value, str):
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        return None


@pytest.mark.parametrize("page_id, field, want", list(_field_cases()))
def test_field(page_id, field, want):
    record = record_of(page_id)
    got = record.get(field)
    where = f"{page_id}: field {field!r}"
    if field in DATE_FIELDS:
        if want is None:
            assert got is None, f"{where}: expected null (no plausible date on the page), got {got!r}"
            return
        moment = _as_moment(got)
        assert moment is not None, f"{where}: expected {want!r}, got {got!r} (not ISO 8601)"
        assert moment.tzinfo is not None, f"{where}: {got!r} has no UTC offset; expected {want!r}"
        assert moment == _as_moment(want), f"{where}: expected {want!r}, got {got!r} (a different instant)"
    elif field == "authors":
        got_list = list(got or [])
        assert sorted(got_list) == sorted(want), f"{where}: expected {want!r}, got {got!r}"
    elif field in ("title", "description"):
        assert norm(got) == norm(want), f"{where}:\n  expected {want!r}\n  got      {got!r}"
    elif field == "language":
        assert (got or "").lower() == want, f"{where}: expected {want!r}, got {got!r}"
    else:
        assert got == want, f"{where}: expected {want!r}, got {got!r}"


def per_page(check: str) -> list:
    """One param per page, with id `<page>-<check>`."""
    return [pytest.param(page_id, id=f"{page_id}-{check}") for page_id, _, _ in FIXTURE_PAGES]


def _short(text: str, width: int = 110) -> str:
    text = norm(text)
    return text if len(text) <= width else text[: width - 1] + "…"


@pytest.mark.parametrize("page_id", per_page("paragraphs"))
def test_paragraphs_in_text(page_id):
    paragraphs = PAGES[page_id][1]["paragraphs"]
    text = norm(record_of(page_id).get("text"))
    missing = [p for p in paragraphs if norm(p) not in text]
    assert not missing, (
        f"{page_id}: {len(missing)} of {len(paragraphs)} article paragraphs missing from text:\n"
        + "\n".join(f"  - {_short(p)}" for p in missing)
    )


@pytest.mark.parametrize("page_id", per_page("blocks"))
def test_paragraphs_are_blank_line_blocks(page_id):
    paragraphs = PAGES[page_id][1]["paragraphs"]
    text = record_of(page_id).get("text") or ""
    blocks = {norm(block) for block in re.split(r"\n[ \t]*\n", text) if block.strip()}
    if len(paragraphs) > 1:
        assert re.search(r"\n[ \t]*\n", text), f"{page_id}: text has no blank line between paragraphs"
    not_blocks = [p for p in paragraphs if norm(p) not in blocks]
    assert not not_blocks, (
        f"{page_id}: {len(not_blocks)} article paragraphs are not a block of their own "
        "(separated from neighbours by a blank line):\n" + "\n".join(f"  - {_short(p)}" for p in not_blocks)
    )


@pytest.mark.parametrize("page_id", per_page("template"))
def test_no_template_in_text(page_id):
    template = PAGES[page_id][1]["template_lines"]
    text = norm(record_of(page_id).get("text"))
    leaked = [line for line in template if word_pattern(line).search(text)]
    assert not leaked, f"{page_id}: {len(leaked)} boilerplate lines leaked into text:\n" + "\n".join(
        f"  - {_short(line)}" for line in leaked
    )


@pytest.mark.parametrize("page_id", per_page("authors_sane"))
def test_authors_are_person_names(page_id):
    """Checked on every page, mirrors included: no wire credit, no `View`, no `By`, no blanks."""
    authors = record_of(page_id).get("authors") or []
    assert isinstance(authors, list), f"{page_id}: authors must be a list, got {authors!r}"
    bad = [
        name for name in authors
        if not isinstance(name, str) or not name.strip() or WIRE_CREDIT.match(name.strip())
        or re.search(r"\bView\b", name) or re.match(r"(?i)by\s", name.strip())
    ]
    assert not bad, f"{page_id}: not person names in authors: {bad!r} (all: {authors!r})"


# --- the fixtures themselves: checked when they load, so a wrong fixture stops the module ---

def _page_strings(html: str | bytes) -> tuple[set[str], str]:
    """(text of every element and of each `<br><br>`-separated part of one, the page's visible text),
    scripts and styles removed. Fixture pages are UTF-8 whatever they declare."""
    doc = lxml.html.fromstring(html.decode("utf-8") if isinstance(html, bytes) else html)
    for element in doc.xpath("//script|//style"):
        element.drop_tree()
    elements = {norm(el.text_content()) for el in doc.iter() if isinstance(el.tag, str)}
    for br in doc.iter("br"):
        br.tail = "\u2063" + (br.tail or "")
    for el in doc.iter():
        if isinstance(el.tag, str) and el.find(".//br") is not None:
            elements |= {norm(part.replace("\u2063", " ")) for part in re.split("\u2063\\s*\u2063", el.text_content())}
    return elements, norm("".join(doc.itertext()).replace("\u2063", " "))


def fixture_problems(path: Path, expected: dict) -> list[str]:
    """What is wrong with one fixture (no extractor involved); empty when it is consistent."""
    problems = []
    unknown = set(expected["fields"]) - set(CHECKED_FIELDS)
    if unknown:
        problems.append(f"unknown fields {sorted(unknown)}")
    paragraphs, template = expected["paragraphs"], expected["template_lines"]
    if not paragraphs:
        problems.append("no paragraphs")
    elements, visible = _page_strings(read_page(path))
    problems += [f"paragraph is no element's text: {_short(p)}"
                 for p in paragraphs if norm(p) not in elements]
    problems += [f"template line not on the page: {_short(t)}" for t in template if norm(t) not in visible]
    joined = "\n".join(norm(p) for p in paragraphs)
    problems += [f"template line occurs in a paragraph: {_short(t)}"
                 for t in template if word_pattern(t).search(joined)]
    fields = expected["fields"]
    host = re.sub(r"^www\.", "", re.match(r"https?://([^/:?#]+)", expected["url"]).group(1))
    if "site" in fields and fields["site"] != host:
        problems.append(f"site {fields['site']!r} is not the url's host {host!r}")
    if fields.get("dateline") and not paragraphs[0].startswith(fields["dateline"]):
        problems.append(f"first paragraph does not open with dateline {fields['dateline']!r}")
    for field in DATE_FIELDS & set(fields):
        if fields[field] is not None and (_as_moment(fields[field]) or datetime.min).tzinfo is None:
            problems.append(f"{field} {fields[field]!r} is not ISO 8601 with an offset")
    return problems


_WRONG = {page_id: fixture_problems(path, expected) for page_id, path, expected in FIXTURE_PAGES}
if any(_WRONG.values()):
    raise ValueError("wrong extraction fixtures (fix the fixture, not the extractor):\n" + "\n".join(
        f"  {page_id}: {problem}" for page_id, problems in _WRONG.items() for problem in problems))
