"""Publisher, wire and language of newscrawl's records against hand labels of Zyte benchmark pages.

Used by bench/extraction.py on the Zyte set when bench/labels/zyte-publisher-wire-language.tsv
exists. Per labelled page: publisher matches when the two names are equal after lower-casing and
dropping non-alphanumerics, or one contains the other, or a leading "the" aside (`nj.com` ~ `NJ.com`,
`The Hill` ~ `TheHill`); wire and language must be equal (no wire = "-").
"""

from __future__ import annotations

import re
from pathlib import Path

from newscrawl.extraction import BadInput, extract_article

LABELS = Path(__file__).parent / "labels" / "zyte-publisher-wire-language.tsv"


def load_labels(path: Path = LABELS) -> dict[str, tuple[str, str, str]]:
    labels = {}
    for line in path.read_text("utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            page_id, publisher, wire, language = line.split("\t")
            labels[page_id] = (publisher, wire, language)
    return labels


def _key(name: str | None) -> str:
    return re.sub(r"[^0-9a-z]", "", re.sub(r"^the\s+", "", (name or "").lower()))


def publisher_matches(truth: str, got: str | None) -> bool:
    a, b = _key(truth), _key(got)
    return bool(a and b) and (a == b or a in b or b in a)


def score(pages) -> dict:
    """pages: Zyte Page objects (id, url, ours); only labelled ones are scored."""
    labels = load_labels()
    rows = []
    for page in pages:
        if page.id not in labels:
            continue
        try:
            record = extract_article(page.ours, page.url)
        except BadInput:
            record = {}
        publisher, wire, language = labels[page.id]
        rows.append((publisher_matches(publisher, record.get("publisher")),
                     (record.get("wire") or "-") == wire,
                     record.get("language") == language,
                     wire != "-", (record.get("wire") or "-") != "-"))
    n = len(rows) or 1
    credited = [r for r in rows if r[3]]
    return {
        "labelled_pages": len(rows),
        "publisher": sum(r[0] for r in rows) / n,
        "wire": sum(r[1] for r in rows) / n,
        "wire_on_credited": sum(r[1] for r in credited) / (len(credited) or 1),
        "credited_pages": len(credited),
        "wire_false_positives": sum(1 for r in rows if r[4] and not r[3]),
        "language": sum(r[2] for r in rows) / n,
    }


def print_scores(figures: dict) -> None:
    print(f"hand labels ({figures['labelled_pages']} pages): publisher {figures['publisher']:.3f}  "
          f"wire {figures['wire']:.3f} (on the {figures['credited_pages']} agency-credited pages "
          f"{figures['wire_on_credited']:.3f}, wire given to {figures['wire_false_positives']} uncredited)  "
          f"language {figures['language']:.3f}")
