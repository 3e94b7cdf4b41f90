"""Sitemaps, Google News sitemaps and RSS/Atom feeds parsed into entries, safely.

The XML parser resolves no entities and loads nothing from the network, so entity
bombs expand to nothing; broken XML is recovered where lxml can and reported otherwise.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from lxml import etree


class DiscoveryError(ValueError):
    """A sitemap or feed that cannot be read; the message says why."""


@dataclass
class Entry:
    """One URL a sitemap or feed announces, with what it says about the page."""

    url: str
    lastmod: str | None = None  # sitemap lastmod / feed updated date
    title: str | None = None  # news:title / feed item title
    published: str | None = None  # news:publication_date / feed pubDate


@dataclass
class Discovered:
    kind: str  # "sitemapindex", "urlset" or "feed"
    entries: list[Entry] = field(default_factory=list)
    problem: str | None = None  # set when broken XML was recovered only in part


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False, no_network=True, huge_tree=False, recover=True, remove_comments=True
    )


def _local(tag) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def _child_text(element, *names: str) -> str | None:
    """Text of the first descendant with one of these local names (any namespace)."""
    for node in element.iter():
        if _local(node.tag) in names and node is not element:
            text = (node.text or "").strip()
            if text:
                return text
    return None


def parse_xml(body: bytes):
    """The document's root; `root.problem` notes what lxml had to recover from."""
    body = body.lstrip()
    if not body:
        raise DiscoveryError("empty document")
    parser = _parser()
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError as error:
        raise DiscoveryError(f"malformed XML ({error})") from error
    if root is None:
        raise DiscoveryError("malformed XML (nothing recoverable)")
    if root.getroottree().docinfo.internalDTD is not None and b"<!ENTITY" in body[:65536]:
        # Sitemaps and feeds never need entities; declaring them is how XML bombs start.
        raise DiscoveryError("entity declarations in a sitemap or feed (possible XML bomb); not expanded")
    errors = [e for e in parser.error_log if e.level >= etree.ErrorLevels.ERROR]
    return root, (f"malformed XML, recovered what was readable ({errors[0].message.strip()})" if errors else None)


def _sitemap_entries(root) -> list[Entry]:
    entries = []
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        loc = _child_text(node, "loc")
        if not loc or not loc.startswith(("http://", "https://")):
            continue  # a broken or truncated entry
        news = next((n for n in node.iter() if _local(n.tag) == "news" and n is not node), None)
        entries.append(Entry(
            url=loc,
            lastmod=_child_text(node, "lastmod"),
            title=_child_text(news, "title") if news is not None else None,
            published=_child_text(news, "publication_date") if news is not None else None,
        ))
    return entries


def _feed_entries(root) -> list[Entry]:
    entries = []
    for node in root.iter():
        name = _local(node.tag)
        if name == "item":  # RSS 2.0 / RSS 1.0
            url = _child_text(node, "link", "guid")
            published = _child_text(node, "pubdate", "date")
            updated = _child_text(node, "updated", "modified") or published
        elif name == "entry":  # Atom
            links = [l for l in node if _local(l.tag) == "link"]
            alternate = [l for l in links if l.get("rel", "alternate") == "alternate"] or links
            url = alternate[0].get("href") if alternate else None
            published = _child_text(node, "published", "issued")
            updated = _child_text(node, "updated") or published
        else:
            continue
        if url and url.strip().startswith(("http://", "https://")):  # never file://, ftp://, ...
            entries.append(Entry(url=url.strip(), lastmod=updated, title=_child_text(node, "title"),
                                 published=published))
    return entries


def parse_discovery(body: bytes) -> Discovered:
    """Entries of a sitemap index, a urlset (with Google News fields) or an RSS/Atom feed."""
    root, problem = parse_xml(body)
    kind = _local(root.tag)
    if kind in ("sitemapindex", "urlset"):
        return Discovered(kind, _sitemap_entries(root), problem)
    if kind in ("rss", "feed", "rdf"):
        return Discovered("feed", _feed_entries(root), problem)
    raise DiscoveryError(f"not a sitemap or feed (root element <{kind or '?'}>)")


def robots_sitemaps(robots_txt: str) -> list[str]:
    """`Sitemap:` URLs listed in a robots.txt."""
    urls = []
    for line in robots_txt.splitlines():
        key, _, value = line.partition(":")
        if key.strip().lower() == "sitemap" and value.strip().startswith(("http://", "https://")):
            urls.append(value.strip())
    return urls


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def in_domains(host: str, domains) -> bool:
    """`host` is one of `domains` or a subdomain of one (`www.` of a domain ignored)."""
    for domain in domains:
        domain = domain.lower().removeprefix("www.")
        if host == domain or host.endswith("." + domain):
            return True
    return False


def split_off_host(entries: list[Entry], own_hosts, domains=()) -> tuple[list[Entry], dict[str, list[Entry]]]:
    """(entries a sitemap may list, {other host: its entries}).

    The sitemaps protocol lets a sitemap list URLs of its own host only; a spider's own
    domains are trusted too. The rest needs a cross-submit (see `cross_submitted`).
    """
    kept, others = [], {}
    for entry in entries:
        host = host_of(entry.url)
        if host in own_hosts or in_domains(host, domains):
            kept.append(entry)
        else:
            others.setdefault(host, []).append(entry)
    return kept, others


def cross_submitted(robots_txt: str, sitemap_chain) -> bool:
    """A host's robots.txt names this sitemap (or a sitemap index above it): its entries there are vouched for."""
    listed = set(robots_sitemaps(robots_txt))
    return any(url in listed for url in sitemap_chain)
