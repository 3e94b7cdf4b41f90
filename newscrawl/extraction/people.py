"""Who wrote a page: person names by precedence, the agency a byline credits, the outlet it names."""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

from newscrawl.extraction.author_search import search_author

from newscrawl.extraction.header import header_byline
from newscrawl.extraction.metadata import bylines
from newscrawl.extraction.names import split_byline

# A person's full name as bylines print it: `Ada Okonkwo`, `Ludwig van Halen`.
_FULL_NAME = re.compile(r"^[A-Z][\w'’.-]*(?:\s+(?:(?:van|von|der|de|da|del|la|le|di|bin)\s+)*[A-Z][\w'’.-]*){1,3}$")
# Links to an author's own page (`/author/jane-roe/`): their text is the author's name when it
# spells the link's last path segment.
_AUTHOR_LINKS = "//a[contains(@href, '/author/') or contains(@href, '/authors/')][not(ancestor::footer)]"


def page_authors(tree, declared: list[str], outlets: list, hinted: bool,
                 header: list[str] = ()) -> tuple[list[str], str | None, str | None]:
    """(person names, agency credited, outlet named) by precedence.

    Hints or structured data first; the page's byline elements when those name nobody, or
    name more people (JSON-LD often lists only the first of three); then a `By …` line under
    the headline (`header`: the lines there), a link to an author page that spells the name,
    and trafilatura's author search last (`author_search`: only when nothing else named anyone).
    """
    authors, agency, outlet = split_byline(declared, outlets)
    if hinted:
        return authors, agency, outlet
    texts, credit_line = bylines(tree)
    more, more_agency, more_outlet = split_byline(texts, outlets)
    more_agency = more_agency or split_byline([credit_line] if credit_line else [], outlets)[1]
    if not authors or ({a.lower() for a in authors} < {a.lower() for a in more} and len(more) <= 8):
        authors = more
    agency, outlet = agency or more_agency, outlet or more_outlet
    if not agency:  # the visible byline may name more people than the structured data
        seen, seen_agency, seen_outlet = split_byline(header_byline(list(header)), outlets)
        keys = {a.lower() for a in authors}
        # More names than the structured data gave only when each extra one is a full name
        # (`Jo Roe, Bo Chan`), not a job or a company after a comma (`Jo Roe, Senior VP, Acme`).
        if keys < {a.lower() for a in seen} and len(seen) <= 8 and (
                not keys or all(_FULL_NAME.match(a) for a in seen if a.lower() not in keys)):
            authors = seen
        agency, outlet = agency or seen_agency, outlet or seen_outlet
    if not authors and not agency:
        authors, _, found_outlet = split_byline(author_links(tree), outlets)
        outlet = outlet or found_outlet
    if not authors and not agency:
        found = search_author(tree)
        if found:
            authors, agency, found_outlet = split_byline(found.split(";"), outlets)
            outlet = outlet or found_outlet
    return authors, agency, outlet


def _letters(value: str) -> str:
    return re.sub(r"[^a-z]", "", value.lower())


def author_links(tree) -> list[str]:
    """Text of the first link to an author page whose text spells the page's slug (`Jane Roe` ->
    `/author/jane-roe/`): a list of other stories' authors links the same way, so only the first."""
    for link in tree.xpath(_AUTHOR_LINKS)[:20]:
        text = " ".join(link.text_content().split())
        path = unquote(urlsplit(link.get("href", "")).path).rstrip("/")
        slug = _letters(path.rsplit("/", 1)[-1])
        if text and len(text) <= 60 and slug and _letters(text) == slug:
            return [text]
    return []
