"""The report as one self-contained HTML page: figures, inline SVG plots, tables with a little inline JS."""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from importlib import resources

from newscrawl.report import charts
from newscrawl.report.figures import HOUR, CopyRow, Figures, SiteFigures
from newscrawl.report.networks import Network

__all__ = ["MAX_NETWORKS", "MAX_SITES", "MAX_UNCREDITED", "render"]

# Table caps keep the page small at any corpus size; a note says what was left out.
MAX_SITES = 500
MAX_UNCREDITED = 5000
MAX_NETWORKS = 50


def _when(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    return datetime.fromtimestamp(seconds, tz=timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _lag(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    hours = seconds / HOUR
    if abs(hours) >= 48:
        return f"{hours / 24:.1f} d"
    return f"{hours:.1f} h" if abs(hours) >= 1 else f"{seconds / 60:.0f} min"


def _share(value: float | None) -> str:
    return "—" if value is None else f"{value:.0%}"


def _cell(text: str, sort: float | str | None = None, cls: str = "") -> str:
    key = "" if sort is None else f' data-v="{escape(str(sort))}"'
    klass = f' class="{cls}"' if cls else ""
    return f"<td{key}{klass}>{text}</td>"


def _link(url: str, text: str | None = None) -> str:
    return f'<a href="{escape(url)}" rel="noreferrer">{escape(text or url)}</a>'


def _table(table_id: str, headers: list[tuple[str, str]], rows: list[str], csv: bool = False) -> str:
    """A sortable table; headers are (label, 'num'|'text')."""
    head = "".join(f'<th data-type="{kind}" title="sort">{escape(label)}</th>' for label, kind in headers)
    button = (f'<div class="tools"><button type="button" class="csv" data-table="{table_id}">Download CSV</button></div>'
              if csv else "")
    return (f'{button}<div class="scroll"><table id="{table_id}" class="sortable"><thead><tr>{head}</tr></thead>'
            f'<tbody>{"".join(rows)}</tbody></table></div>')


def _capped(shown: int, total: int, what: str) -> str:
    if total <= shown:
        return ""
    return f'<p class="note">Showing {shown:,} of {total:,} {what}; {total - shown:,} left out (narrow the report with --since/--until/--agency/--site).</p>'


def _site_row(s: SiteFigures) -> str:
    return "<tr>" + "".join([
        _cell(escape(s.site)), _cell(f"{s.copies:,}", s.copies), _cell(f"{s.stories:,}", s.stories),
        _cell(_lag(s.median_lag), s.median_lag if s.median_lag is not None else ""),
        _cell(_lag(s.p90_lag), s.p90_lag if s.p90_lag is not None else ""),
        _cell(_share(s.credit_share), s.credit_share if s.credit_share is not None else ""),
        _cell(f"{s.uncredited:,}", s.uncredited),
        _cell(_share(s.excerpt_share), s.excerpt_share),
        _cell(_share(s.bad_date_share), s.bad_date_share),
        _cell(_share(s.no_date_share), s.no_date_share),
        _cell(_share(s.untimed_share), s.untimed_share),
    ]) + "</tr>"


def _uncredited_row(r: CopyRow) -> str:
    return "<tr>" + "".join([
        _cell(escape(r.story)), _cell(_link(r.original_url, r.original_site)), _cell(_link(r.url)),
        _cell(escape(r.site)),
        # A lag known only from our fetch is an upper bound.
        _cell(("≤ " if r.basis == "fetch" else "") + _lag(r.lag), r.lag if r.lag is not None else ""),
        _cell(escape(r.basis or "—")), _cell(escape(r.relation)), _cell(escape(r.agency or "")),
    ]) + "</tr>"


def _network(n: Network) -> str:
    evidence = [f"{escape(a)} ↔ {escape(b)}: {k} template blocks in common" for a, b, k in n.template_links]
    evidence += [f"{escape(a)} ↔ {escape(b)}: {k} stories copied within minutes" for a, b, k in n.timing_links]
    items = "".join(f"<li>{e}</li>" for e in evidence)
    return (f'<div class="network"><h3>{" · ".join(escape(s) for s in n.sites)}</h3>'
            f"<p>{n.copies:,} copies of {n.stories:,} stories, {n.uncredited:,} of them without credit.</p>"
            f"<ul>{items}</ul></div>")


def _cards(f: Figures) -> str:
    agencies = ", ".join(f"{escape(a)} {n:,}" for a, n in f.originals_by_agency.items()) or "—"
    cards = [
        ("articles", f"{f.articles:,}", "linked documents in the source"),
        ("stories copied", f"{f.stories:,}", f"originals: {agencies}"),
        ("copies", f"{f.copies:,}", f"{f.copy_share:.1%} of all articles are copies on another site"),
        ("credit the agency", _share(f.credited_share), "of copies of agency stories"),
        ("uncredited copies", f"{len(f.uncredited):,}", "of agency stories: the licensing list below"),
        ("copier sites", f"{len(f.sites):,}",
         f"{len(f.networks):,} site network" + ("" if len(f.networks) == 1 else "s")),
    ]
    return "".join(f'<div class="card"><div class="label">{label}</div><div class="big">{big}</div>'
                   f'<div class="small">{small}</div></div>' for label, big, small in cards)


def _filters(f: Figures) -> str:
    parts = []
    if f.filters.since is not None:
        parts.append(f"since {_when(f.filters.since)}")
    if f.filters.until is not None:
        parts.append(f"until {_when(f.filters.until)}")
    if f.filters.agency:
        parts.append(f"agency {escape(f.filters.agency)}")
    if f.filters.sites:
        parts.append("sites " + ", ".join(escape(s) for s in f.filters.sites))
    return "; ".join(parts) or "none (every story)"


def render(f: Figures) -> str:
    """The whole page."""
    asset = resources.files("newscrawl.report")
    style = asset.joinpath("report.css").read_text(encoding="utf-8")
    script = asset.joinpath("report.js").read_text(encoding="utf-8")
    site_rows = [_site_row(s) for s in f.sites[:MAX_SITES]]
    uncredited = [_uncredited_row(r) for r in f.uncredited[:MAX_UNCREDITED]]
    skipped = ", ".join(f"{k}: {v}" for k, v in sorted(f.skipped.items()))
    sections = [
        f'<header><h1>Who copies whom</h1><p class="meta">{escape(f.source)} · read {_when(f.now)} · '
        f"filters: {_filters(f)}" + (f" · skipped input: {escape(skipped)}" if skipped else "") + "</p></header>",
        f'<section class="cards">{_cards(f)}</section>',
        '<section class="first"><div><h2>Copies per site</h2>' + charts.copies_by_site(f) + "</div>"
        '<div><h2>How fast</h2>' + charts.lags_by_site(f, f.lags) + "</div></section>",
        '<section><h2 id="sites">Copier sites</h2><p class="note">Lag after the original: by the copy\'s own '
        "date, else its site's sitemap or Last-Modified date; copies known only from when we fetched them (share "
        "in the last column) are left out of the lags. Credit: copies of agency stories that name an agency. "
        "Fake date: the page's date is in the future, over 14 h before the original, or over 30 days after it. "
        "No date: the page gives none, or extraction already dropped it as impossible (a date in the future). "
        "Untimed: the copy's time is known only from our fetch.</p>"
        + _table("sites-table", [("site", "text"), ("copies", "num"), ("stories", "num"), ("median lag", "num"),
                                 ("p90 lag", "num"), ("credit", "num"), ("uncredited", "num"), ("excerpts", "num"),
                                 ("fake dates", "num"), ("no date", "num"), ("untimed", "num")], site_rows, csv=True)
        + _capped(len(site_rows), len(f.sites), "sites") + "</section>",
        '<section><h2 id="uncredited">Uncredited copies</h2><p class="note">Copies of agency stories that '
        "credit no agency, by story. Click a column to sort.</p>"
        + _table("uncredited-table", [("story", "text"), ("original", "text"), ("copy", "text"), ("site", "text"),
                                      ("lag", "num"), ("lag from", "text"), ("relation", "text"), ("agency", "text")],
                 uncredited, csv=True)
        + _capped(len(uncredited), len(f.uncredited), "uncredited copies") + "</section>",
        '<section><h2 id="networks">Site networks</h2><p class="note">Sites whose learned templates overlap '
        "(the boilerplate memory of a crawl's store), or that copy the same stories within minutes by their "
        "own dates. Licensed partners on one CMS show up too: their credit share tells them apart.</p>"
        + ("".join(_network(n) for n in f.networks[:MAX_NETWORKS]) or '<p class="empty">No networks found.</p>')
        + _capped(min(len(f.networks), MAX_NETWORKS), len(f.networks), "networks") + "</section>",
        '<section><h2 id="spread">Spread of the top stories</h2>' + charts.spread(f) + "</section>",
        '<section><h2 id="matrix">Who copies whom</h2>' + charts.who_copies_whom(f) + "</section>",
    ]
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            # No request leaves the page: everything is inline, and the policy says so to the browser.
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
            "style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:\">"
            f"<title>newscrawl report: who copies whom</title><style>{style}</style></head><body>"
            + "\n".join(sections) + f"<script>{script}</script></body></html>\n")
