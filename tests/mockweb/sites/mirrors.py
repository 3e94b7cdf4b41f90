"""Content-farm mirror network (capitatum.com, sagebrushwire.com, ledgerpostdaily.com): one junk template."""
from __future__ import annotations

import hashlib
from datetime import datetime, timedelta, timezone

from ..content import STAFF, WIRE, Story
from ..plan import MirrorCopy, apply_edits, mirror_copies
from ..web import TEXT, XML, PageTruth, SiteBuild, esc, http_date, link_list, paragraphs_html, rng, urlset
from .wire import article_url as wire_url

NAMES = {"capitatum.com": "Capitatum", "sagebrushwire.com": "Sagebrush Wire",
         "ledgerpostdaily.com": "Ledger Post Daily"}
TAGS = ["markets", "election", "weather", "health", "music", "travel", "football", "science"]
FIRST = ["Quentin", "Will", "Sage", "Ophelia", "Dorian", "Maribel", "Ansel", "Tilda", "Rowan", "Beatrix"]
LAST = ["Marsh", "Astor", "Fenwick", "Lark", "Holloway", "Pryce", "Vance", "Ashgrove", "Thorne", "Quill"]
JUNK = [
    "Ten cozy cabin rentals you can book for under $100 a night",
    "Why everyone is suddenly talking about the Pellworth diet",
    "Celebrity chef Rocco Vantane opens a restaurant on a moving train",
    "How to watch the Starfall Awards: date, time and streaming options",
    "Pop star Lyra Vane surprises fans with a midnight album drop",
    "When does season 4 of ‘Harbor Lights’ start? Premiere date, cast and trailer",
    "The one kitchen gadget professional cooks say you should never buy",
    "Retired couple finds a sealed letter inside a thrift store armchair",
    "Is it safe to eat raw cookie dough? What experts want you to know",
    "Quarterback Dex Holloway signs record extension with the Port Lamont Mariners",
    "Fans line up overnight for the reopening of a beloved roller coaster",
    "Seven signs your houseplants are trying to tell you something",
    "Actor Jem Castellane and singer Noor Halvard spotted together again",
    "Lottery jackpot climbs after nobody matches all six numbers",
    "What time is the meteor shower tonight? Best viewing tips",
    "Small-town bakery goes viral for bread shaped like famous landmarks",
    "The best budget smartphones of the year, ranked",
    "Zookeepers name newborn snow leopard cub after a vote",
    "How much should you tip at a hotel? Etiquette experts weigh in",
    "Former sitcom star opens up about leaving Hollywood for a goat farm",
]
RIGHTS = "All rights reserved"
DISCLAIMER = "Disclaimer: The content of this site is collected from the Internet and is for reference only."


def article_url(c: MirrorCopy) -> str:
    num = int(hashlib.md5(f"{c.host}|{c.key}".encode()).hexdigest()[:8], 16) % 9_000_000 + 1_000_000
    return f"https://{c.host}/news/{c.section}/{num}.html"


def fake_byline(c: MirrorCopy) -> str:
    r = rng("byline", c.host, c.key)
    parts = [r.choice(FIRST)] + ([r.choice(FIRST)] if r.random() < 0.4 else []) + [r.choice(LAST)]
    return " ".join(parts)


def fake_date(c: MirrorCopy) -> datetime:
    """Weeks to months after the wire story, often after the fetch: never plausible."""
    r, s = rng("fakedate", c.host, c.key), WIRE[c.key]
    when = s.published.replace(tzinfo=None) + timedelta(days=r.randint(21, 200), seconds=r.randint(0, 86399))
    return when.replace(microsecond=0)


def lastmod(c: MirrorCopy) -> datetime:
    """When the mirror really posted it (its sitemap lastmod); phase-2 copies are the newest."""
    r, cst8 = rng("lastmod", c.host, c.key), timezone(timedelta(hours=8))
    if c.phase >= 2:
        return datetime(2026, 11, 28, 2, 0, tzinfo=cst8) + timedelta(minutes=r.randint(0, 300))
    return (WIRE[c.key].published + timedelta(minutes=r.randint(120, 1800))).astimezone(cst8)


def sidebars(host: str, group: int, exclude: set[str], phase: int, urls: dict[str, str]):
    """Related / Ranking / Recommendation lists, shared by every page in the same group."""
    r = rng("sidebar", host, group, phase)
    corpus = sorted({s.title for s in [*WIRE.values(), *STAFF.values()] if s.phase <= phase} - exclude)

    def link(title: str) -> tuple[str, str]:
        return title, urls.get(title) or f"https://{host}/tag/{r.choice(TAGS)}.html"

    lists = []
    for n_corpus, n_junk in ((6, 4), (4, 4), (5, 3)):
        picked = r.sample(corpus, n_corpus) + r.sample(JUNK, n_junk)
        r.shuffle(picked)
        lists.append([link(t) for t in picked])
    return lists


def page(host: str, title: str, crumb: str, inner: str, right: str = "") -> str:
    name = NAMES[host]
    known = crumb.lower() in sections(host)
    crumb_href = f"https://{host}/news/{crumb.lower()}/" if known else f"https://{host}/"
    nav = link_list([("Home", f"https://{host}/")] + [(s.title(), f"https://{host}/news/{s}/") for s in sections(host)]
                    + [("About", f"https://{host}/about.html")], "nav")
    return f"""<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>{esc(title)}</title>
<meta name="keywords" content="{esc(name)},news,hot,latest">
</head>
<body>
<div class="top"><div class="logo"><a href="https://{host}/">{esc(name)}</a></div>{nav}</div>
<div class="wrap">
<div class="position">Current:<a href="https://{host}/">Home</a> &gt; <a href="{crumb_href}">{esc(crumb)}</a></div>
<div class="main-left">
{inner}
</div>
<div class="main-right">
{right}
</div>
</div>
<div class="footer"><p>Copyright © 2026 {esc(name)} {RIGHTS}</p><p>{esc(DISCLAIMER)}</p><a href="https://{host}/about.html">About us</a></div>
</body>
</html>
"""


def sections(host: str) -> list[str]:
    return sorted({c.section for c in mirror_copies(2, host)} | {"news"})


def build_one(host: str, phase: int) -> SiteBuild:
    site, name = SiteBuild(host), NAMES[host]
    copies = mirror_copies(phase, host)
    urls = {WIRE[c.key].title: article_url(c) for c in copies}
    for i, c in enumerate(copies):
        s: Story = WIRE[c.key]
        group = i // 2  # pages pair up: both pages of a pair show identical sidebars
        pair = {WIRE[o.key].title for o in copies[2 * group:2 * group + 2]}
        related, ranking, recommend = sidebars(host, group, pair, phase, urls)
        paras = apply_edits(s.paragraphs, c.edits)
        body = [paragraphs_html([p]) for p in paras]
        if c.noise:
            body.insert(2, paragraphs_html([c.noise]))
        by, date, score = fake_byline(c), fake_date(c).strftime("%Y-%m-%d %H:%M:%S"), rng("rate", c.host, c.key).randint(61, 99)
        crumb = c.section.title()
        inner = f"""<div class="article">
<h1 class="article-title">{esc(s.title)} -{esc(name)}</h1>
<div class="article-info"><span class="author">{esc(by)}</span> <a class="view" href="#">View</a></div>
<div class="article-date">Date:{date}</div>
<div class="article-content" id="article-content">
{chr(10).join(body)}
</div>
<div class="rating">veryGood! ({score})</div>
</div>
<div class="related"><h3>Related</h3>{link_list(related, "list")}</div>"""
        right = (f'<div class="ranking"><h3>Ranking</h3>{link_list(ranking, "list")}</div>\n'
                 f'<div class="recommend"><h3>Recommendation</h3>{link_list(recommend, "list")}</div>')
        url = article_url(c)
        site.add_html(url.split(host, 1)[1], page(host, f"{s.title} -{name}", crumb, inner, right),
                      **{"Last-Modified": http_date(lastmod(c))})
        lines = [f"Current:Home > {crumb}", f"{s.title} -{name}", f"{by} View", f"Date:{date}",
                 f"veryGood! ({score})", "Related", "Ranking", "Recommendation", DISCLAIMER,
                 f"Copyright © 2026 {name} {RIGHTS}"] + [t for t, _ in related + ranking + recommend]
        site.pages.append(PageTruth(
            url=url, site=host, story_id=s.key, kind="edited_copy" if c.edits else "exact_copy",
            original_url=wire_url(s), title=s.title, paragraphs=paras,
            wire="AP" if any("(AP) —" in p for p in paras) else None, dateline=s.dateline,
            authors=(by,), fake_byline=True, published=fake_date(c).isoformat(), modified=None,
            template_lines=tuple(lines + ([c.noise] if c.noise else [])), phase=c.phase,
            section=c.section, series=s.series, version_of=None))
    add_listings(site, host, copies, phase)
    return site


def add_listings(site: SiteBuild, host: str, copies: list[MirrorCopy], phase: int) -> None:
    def listing(title: str, crumb: str, cs: list[MirrorCopy]) -> str:
        items = link_list([(WIRE[c.key].title, article_url(c)) for c in cs], "list")
        return page(host, f"{title} -{NAMES[host]}", crumb, f'<div class="list-box"><h2>{esc(title)}</h2>{items}</div>')

    newest_first = sorted(copies, key=lastmod, reverse=True)
    site.add_html("/", listing(NAMES[host], "News", newest_first))
    for sec in sections(host):
        site.add_html(f"/news/{sec}/", listing(sec.title(), sec.title(), [c for c in newest_first if c.section == sec]))
    for tag in TAGS:
        chosen = [c for c in newest_first if rng("tag", host, tag, c.key).random() < 0.4]
        site.add_html(f"/tag/{tag}.html", listing(f"Tag: {tag}", "Tag", chosen))
    site.add_html("/about.html", page(host, f"About us -{NAMES[host]}", "About",
                                      f"<h2>About us</h2><p>{esc(DISCLAIMER)}</p>"))
    site.non_article += [f"https://{host}{p}" for p in ["/", *[f"/news/{s}/" for s in sections(host)],
                                                        *[f"/tag/{t}.html" for t in TAGS], "/about.html"]]
    site.add("/sitemap.xml", urlset([(article_url(c), lastmod(c).isoformat()) for c in newest_first]
                                    + [(f"https://{host}/tag/{t}.html", None) for t in TAGS]), XML)
    site.add("/robots.txt", f"User-agent: *\nAllow: /\n\nSitemap: https://{host}/sitemap.xml\n", TEXT)


def build(phase: int = 1) -> list[SiteBuild]:
    return [build_one(host, phase) for host in NAMES]
