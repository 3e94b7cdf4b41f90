"""trafilatura's last-resort author search, same answer at a fraction of the cost.

`trafilatura.metadata.extract_author` deep-copies the page, deletes comment, sidebar,
date and figure elements from the copy, then runs three XPath queries whose EXSLT
`re:test` predicates call back into Python for every element of the page: it was the
costliest part of our metadata. Their patterns are alternations of literals, so here one
walk over the page finds the few elements whose attributes any of the three could match,
the three tests run in Python on those, and deleted elements are skipped while a
candidate's text is read, their tails glued on as the deletion would. A page with
`<rel>` or `<author>` elements goes to trafilatura's own function.
`tests/test_author_search.py` holds the two side by side.
"""

from __future__ import annotations

import re

from lxml import etree
from trafilatura.json_metadata import normalize_authors
from trafilatura.metadata import extract_author

# Pieces of every literal the three searches look for in class, id, itemprop, rel, data-testid or
# data-component (`name` stands for username, channel-name, journalist-name and screenname).
_MARKS = re.compile("uthor|byl|Byl|BBL|name|zuozhe|bian|ed-by|writer")
_LEN_LIMIT = 120


def _has(value: str | None, parts: tuple[str, ...]) -> bool:
    return value is not None and any(part in value for part in parts)


def _specific(element) -> bool:
    """trafilatura's first author query: author marks on links, paragraphs and spans."""
    if element.tag not in ("a", "address", "div", "link", "p", "span", "strong"):
        return False
    get = element.get
    return (get("rel") == "author" or get("id") == "author" or get("class") == "author"
            or get("itemprop") == "author name" or get("data-testid") in ("AuthorCard", "AuthorURL")
            or _has(get("class"), ("authorname", "author-name", "AuthorName", "authorName")))


def _generic(element) -> bool:
    """Its second: byline-like classes and ids on a few tags."""
    if element.tag not in ("a", "div", "h3", "h4", "p", "span"):
        return False
    get = element.get
    return (get("class") in ("byline", "username", "byl", "BBL") or _has(get("itemprop"), ("author",))
            or _has(get("id"), ("author", "zuozhe", "bianji", "xiaobian"))
            or _has(get("class"), ("author", "channel-name", "zuozhe", "bianji", "xiaobian", "submitted-by",
                                   "posted-by", "journalist-name")))


def _last_resort(element) -> bool:
    """Its third: any element whose marks mention an author, a writer or a byline."""
    get = element.get
    return (_has(get("data-component"), ("Byline",)) or _has(get("itemprop"), ("author",))
            or _has(get("id"), ("Author", "author"))
            or _has(get("class"), ("Author", "author", "screenname", "writer", "Byline", "byline")))


def _deleted(element) -> bool:
    """Whether trafilatura deletes `element` before searching: comments, sidebars, quotes, dates, figures."""
    tag = element.tag
    if tag in ("time", "figure"):
        return True
    if tag not in ("a", "div", "section", "span"):
        return False
    get = element.get
    id_, class_ = get("id"), get("class")
    return (id_ is not None and (id_.startswith("comments") or _has(id_, ("commentlist", "comment-list",
                                                                          "ProductReviews")))
            or class_ is not None and (class_ in ("title", "date") or class_.startswith(("comments", "Comments"))
                                       or _has(class_, ("commentlist", "comments-list", "sidebar", "is-hidden",
                                                        "quote", "embedly-instagram", "article-share",
                                                        "article-support", "print", "category", "meta-date",
                                                        "meta-reviewer")))
            or _has(get("data-component"), ("Figure",)))


class _TooLong(Exception):
    pass


def _pieces(element, out: list[str], budget: list[int]) -> None:
    """`element.itertext()` as it reads once its deleted descendants are gone: a deleted
    element's tail is glued to the text before it (the previous sibling's tail or the parent's
    text). Raises _TooLong once the text holds `budget` non-blank characters."""
    out.append(element.text or "")
    for child in element:
        if isinstance(child.tag, str) and _deleted(child):
            out[-1] += child.tail or ""
        else:
            if isinstance(child.tag, str):
                _pieces(child, out, budget)
            out.append(child.tail or "")  # a comment's text is no part of itertext, its tail is
        budget[0] -= len("".join((out[-1] if out else "").split()))
        if budget[0] <= 0:
            raise _TooLong


def _kept(element, tree) -> bool:
    """Whether `element` is in `tree` (the copy trafilatura searches) and survives its deletions."""
    node = element
    while node is not tree:
        if node is None or _deleted(node):
            return False
        node = node.getparent()
    return True


def _text(element) -> str | None:
    out: list[str] = []
    try:
        _pieces(element, out, [_LEN_LIMIT])
    except _TooLong:
        return None
    return " ".join(" ".join(out).split())


def _candidates(tree) -> list | None:
    """Elements with an attribute value holding a mark, in document order (a superset of what the
    three searches match); None when the page has `<rel>` or `<author>` elements."""
    found = []
    for element in tree.iter(etree.Element):
        values = element.values()
        if values:
            if _MARKS.search("\x00".join(values)):
                found.append(element)
        if element.tag in ("rel", "author"):
            return None
    return found


def search_author(tree) -> str | None:
    """What `trafilatura.metadata.extract_author(tree)` returns (`Ann Lee; Bo Chan`), or None."""
    candidates = _candidates(tree)
    if candidates is None:
        return extract_author(tree)  # its `rel='me'` and `//author` tests: never seen on a real page
    for test in (_specific, _generic, _last_resort):
        for element in candidates:
            if test(element) and _kept(element, tree):
                content = _text(element)
                if content and 2 < len(content) < _LEN_LIMIT:
                    return normalize_authors(None, content)
    return None
