"""Who wrote a page: person names by precedence, the agency a byline credits, the outlet it names."""

from __future__ import annotations

from trafilatura.metadata import extract_author

from newscrawl.extraction.metadata import bylines
from newscrawl.extraction.names import split_byline


def page_authors(tree, declared: list[str], outlets: list, hinted: bool) -> tuple[list[str], str | None, str | None]:
    """(person names, agency credited, outlet named) by precedence.

    Hints or structured data first; the page's byline elements when those name nobody, or
    name more people (JSON-LD often lists only the first of three); trafilatura's author
    search last (it copies the tree: only when nothing else named anyone).
    """
    authors, agency, outlet = split_byline(declared, outlets)
    if hinted:
        return authors, agency, outlet
    texts, credit_line = bylines(tree)
    more, more_agency, more_outlet = split_byline(texts, outlets)
    more_agency = more_agency or split_byline([credit_line] if credit_line else [], outlets)[1]
    keys = {a.lower() for a in authors}
    if not authors or (keys < {a.lower() for a in more} and len(more) <= 8):
        authors = more
    agency, outlet = agency or more_agency, outlet or more_outlet
    if not authors and not agency:
        found = extract_author(tree)
        if found:
            authors, agency, found_outlet = split_byline(found.split(";"), outlets)
            outlet = outlet or found_outlet
    return authors, agency, outlet
