"""Page metadata from JSON-LD, meta tags and bylines: the sources above trafilatura's own."""

from __future__ import annotations

import html
import json
from urllib.parse import urljoin

from newscrawl.extraction.language import iso_language
from newscrawl.extraction.parsing import element_text

_ARTICLE_TYPES = {
    "newsarticle", "article", "reportagenewsarticle", "analysisnewsarticle", "blogposting",
    "opinionnewsarticle", "backgroundnewsarticle", "webpage", "liveblogposting", "report",
}
_ORG_TYPES = {"newsmediaorganization", "corporation", "newsmedia", "brand"}
# Elements pages use for bylines, most specific first. Written over attribute nodes, with a
# cheap substring test before the word tests: a predicate on every element of the page was
# the costliest query of the metadata (same elements, same document order).
BYLINE_XPATH = (
    "(//@rel[. = 'author'] | //@itemprop[. = 'author'] | //@class[contains(., 'author') or contains(., 'byline')]["
    "contains(concat(' ', normalize-space(.), ' '), ' byline ') "
    "or contains(concat(' ', normalize-space(.), ' '), ' Page-authors ') "
    "or contains(concat(' ', normalize-space(.), ' '), ' author-name ') "
    "or contains(concat(' ', normalize-space(.), ' '), ' author ')])/.."
)
_PUBLISHED_META = (
    "article:published_time", "og:article:published_time", "datepublished", "pubdate",
    "publishdate", "publish-date", "dc.date", "dc.date.issued", "date", "sailthru.date",
    "parsely-pub-date", "cxenseparse:recs:publishtime",
)
_MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dc.date.modified")


def _json_objects(tree):
    # JSON-LD sits in scripts, and on some script-built pages in a meta tag's content
    # (`<meta name="script:ld+json" content="{&quot;@type&quot;: …}">`).
    sources = [script.text for script in tree.xpath("//script[@type='application/ld+json']")]
    sources += tree.xpath("//meta[contains(@name, 'ld+json') or contains(@property, 'ld+json')]/@content")[:5]
    for text in sources:
        raw = (text or "").strip().rstrip(";")
        if not raw:
            continue
        try:
            data = json.loads(raw)
        except ValueError:
            continue  # broken JSON-LD is common; the other sources still count
        stack = [data]
        while stack:
            item = stack.pop()
            if isinstance(item, list):
                stack.extend(reversed(item))
            elif isinstance(item, dict):
                yield item
                if "@graph" in item:
                    stack.append(item["@graph"])


def jsonld_types(objects) -> list[str]:
    """Every JSON-LD @type on the page (what the page says it is)."""
    found = []
    for item in objects:
        types = item.get("@type")
        found.extend(t for t in (types if isinstance(types, list) else [types]) if isinstance(t, str))
    return found


def jsonld_article(objects) -> dict:
    """The page's first JSON-LD object of an article type, or {}."""
    for item in objects:
        types = item.get("@type")
        types = types if isinstance(types, list) else [types]
        if any(isinstance(t, str) and t.lower() in _ARTICLE_TYPES for t in types):
            if item.get("headline") or item.get("datePublished") or item.get("articleBody"):
                return item
    return {}


def resolve(value, objects):
    """A JSON-LD value with `{"@id": ...}` references replaced by the objects they name (Yoast's @graph)."""
    by_id = {item["@id"]: item for item in objects if isinstance(item.get("@id"), str) and len(item) > 1}
    values = value if isinstance(value, list) else [value]
    return [by_id.get(v["@id"], v) if isinstance(v, dict) and set(v) == {"@id"} else v for v in values]


def jsonld_people(value) -> list[str]:
    """Names in a JSON-LD author value (a string, a Person, or a list of them); organisations excluded."""
    return jsonld_authors(value)[0]


def jsonld_authors(value) -> tuple[list[str], list[str]]:
    """(person names, organisation names) in a JSON-LD author value."""
    values = value if isinstance(value, list) else [value]
    people, organisations = [], []
    for item in values:
        if isinstance(item, str):
            people.append(item)
        elif isinstance(item, dict):
            name = item.get("name")
            types = item.get("@type")
            types = types if isinstance(types, list) else [types]
            is_org = any(isinstance(t, str) and ("organization" in t.lower() or t.lower() in _ORG_TYPES)
                         for t in types)
            if isinstance(name, str) and name.strip():
                (organisations if is_org else people).append(unescape(name))
    return people, organisations


def unescape(value: str | None) -> str | None:
    """HTML entities decoded, twice at most (`&amp;#8216;` is common in JSON-LD)."""
    if not isinstance(value, str):
        return value
    for _ in range(2):
        if "&" not in value:
            break
        value = html.unescape(value)
    return " ".join(value.split())


def meta_tags(tree) -> dict[str, str]:
    """name/property/itemprop (lower-cased) -> the first non-blank content."""
    tags: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        content = " ".join((meta.get("content") or "").split())
        if key and content:
            tags.setdefault(key.strip().lower(), content)
    return tags


def first(*values):
    """The first value that is not None and not blank."""
    for value in values:
        if isinstance(value, str):
            value = value.strip()
        if value:
            return value
    return None


def _text(value) -> str | None:
    return value if isinstance(value, str) else None


def canonical_url(tree, url: str, meta: dict[str, str]) -> str | None:
    for href in tree.xpath("//link[@rel='canonical']/@href"):
        if href.strip():
            return urljoin(url, href.strip())
    og_url = meta.get("og:url")
    return urljoin(url, og_url) if og_url else None


def language(tree, meta: dict[str, str], article: dict) -> str | None:
    """The declared language as ISO 639-1 (`ko` for a declared `kr`), else None."""
    for value in (
        _text(article.get("inLanguage")),
        (tree.xpath("/html/@lang") or [None])[0],
        meta.get("og:locale"),
        meta.get("content-language"),
        meta.get("language"),
    ):
        code = iso_language(value)
        if code:
            return code
    return None


def _in_comments(element) -> bool:
    for ancestor in element.iterancestors():
        marks = f"{ancestor.get('id', '')} {ancestor.get('class', '')}".lower()
        if "comment" in marks or "respond" in marks or "reply" in marks:
            return True
    return False


def bylines(tree) -> tuple[list[str], str | None]:
    """Texts of the page's byline: the first byline element outside comments, and the byline
    elements near it (its block: three levels up). Author boxes of related stories further
    down the page are other stories' bylines. Also the first element's whole line, where an
    agency credit often sits beside the name (read for the credit only: it holds dates too).
    """
    found, block, credit_line = [], None, None
    for element in tree.xpath(BYLINE_XPATH)[:40]:
        if _in_comments(element):
            continue  # a commenter is not an author
        if block is None:
            block = element
            for _ in range(3):
                block = block.getparent() if block.getparent() is not None else block
            # The name's own line: `<span class=author>Tom Roe</span> <span>Associated Press</span>`
            parent = element.getparent()
            line = element_text(parent) if parent is not None else ""
            if 0 < len(line) < 120:
                credit_line = line
        elif not _inside(element, block):
            continue
        text = element_text(element)
        if text and len(text) < 120:
            found.append(text)
        if len(found) == 6:
            break
    return found, credit_line


def _inside(element, block) -> bool:
    return any(ancestor is block for ancestor in element.iterancestors())


def _is_person(value) -> bool:
    value = value[0] if isinstance(value, list) and value else value
    types = value.get("@type") if isinstance(value, dict) else None
    return any(isinstance(t, str) and t.lower() == "person" for t in (types if isinstance(types, list) else [types]))


def _publisher(article: dict) -> str | None:
    publisher = article.get("publisher")
    publisher = publisher[0] if isinstance(publisher, list) and publisher else publisher
    if isinstance(publisher, dict):
        return _text(publisher.get("name"))
    return _text(publisher)


def _citation_authors(tree) -> list[str]:
    found = tree.xpath("//meta[@name='citation_author' or @name='citation_authors']/@content")[:30]
    names = [unescape(value) for value in found if value.strip()]
    # `Roe, Jane` is how citations write a name: the reader's order is `Jane Roe`.
    return [" ".join(reversed(n.split(", ", 1))) if n.count(",") == 1 else n for n in names]


def page_metadata(tree, url: str) -> dict:
    """Raw candidates by source: {'jsonld': {...}, 'meta': {...}, 'bylines': [...], ...}."""
    objects = list(_json_objects(tree))
    article = jsonld_article(objects)
    meta = meta_tags(tree)
    author = article.get("author") or next((o["author"] for o in objects if o.get("author")), None)
    people, organisations = jsonld_authors(resolve(author, objects))
    publisher_value = resolve(article.get("publisher"), objects)
    publisher = _publisher({"publisher": publisher_value})
    return {
        "title": unescape(first(_text(article.get("headline")), meta.get("og:title"), meta.get("twitter:title"))),
        "h1": unescape(first(*(element_text(h) for h in tree.xpath("//h1")[:1]))),
        "html_title": unescape(first(*(" ".join(t.text_content().split()) for t in tree.xpath("//title")[:1]))),
        "description": unescape(first(_text(article.get("description")), meta.get("description"),
                                      meta.get("og:description"), meta.get("twitter:description"))),
        "published": first(_text(article.get("datePublished")),
                           *(meta.get(key) for key in _PUBLISHED_META),
                           *tree.xpath("//time[@itemprop='datePublished']/@datetime")[:1]),
        "modified": first(_text(article.get("dateModified")), *(meta.get(key) for key in _MODIFIED_META)),
        # Scholarly pages name every author in its own citation_author tag (Highwire Press tags).
        "authors": [unescape(name) for name in people] or _citation_authors(tree) or [
            unescape(value) for key in ("author", "article:author", "parsely-author", "sailthru.author")
            if (value := meta.get(key)) and not value.startswith("http")
        ],
        "author_organisations": organisations,
        "site_name": unescape(first(meta.get("og:site_name"), publisher, meta.get("application-name"))),
        "publisher": unescape(publisher),
        "publisher_is_person": _is_person(publisher_value),
        "canonical_url": canonical_url(tree, url, meta),
        "language": language(tree, meta, article),
        "jsonld_types": jsonld_types(objects),
        "og_type": meta.get("og:type"),
        "credits": [v for v in (meta.get("author"), meta.get("dc.creator"), meta.get("article:publisher"),
                                publisher, meta.get("og:site_name"), *organisations) if v],
    }
