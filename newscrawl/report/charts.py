"""The report's plots as inline SVG (matplotlib): nothing to load, the page works offline."""

from __future__ import annotations

import io

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator, NullFormatter

from newscrawl.report.figures import HOUR, Figures

__all__ = ["copies_by_site", "lags_by_site", "spread", "who_copies_whom"]

matplotlib.rcParams.update({
    "svg.fonttype": "none",  # text stays text: smaller, searchable, the page's font
    "svg.hashsalt": "newscrawl",  # same data, same SVG ids
    "font.family": "sans-serif",
    "font.size": 9,
    "axes.spines.top": False,
    "axes.spines.right": False,
})
CREDITED, UNCREDITED, OTHER = "#3b7dd8", "#e4572e", "#9aa5b1"
TOP_SITES = 15  # sites drawn in the per-site charts
MATRIX_SOURCES, MATRIX_COPIERS = 12, 20


def _svg(fig: Figure) -> str:
    out = io.StringIO()
    fig.savefig(out, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = out.getvalue()
    return text[text.index("<svg"):]  # inline: no XML declaration or DOCTYPE


# Log-axis ticks a reader knows: hours after the original, labelled in minutes, hours, days.
_TICKS = [(1 / 60, "1 min"), (0.25, "15 min"), (1, "1 h"), (6, "6 h"), (24, "1 d"), (168, "1 wk"),
          (720, "30 d"), (4320, "180 d"), (17520, "2 y")]


def _hour_axis(ax) -> None:
    ax.set_xscale("log")
    low, high = ax.get_xlim()
    ticks = [(value, label) for value, label in _TICKS if low <= value <= high]
    ax.set_xticks([v for v, _ in ticks], [label for _, label in ticks])
    ax.xaxis.set_minor_formatter(NullFormatter())


def _empty(message: str) -> str:
    return f'<p class="empty">{message}</p>'


def copies_by_site(figures: Figures) -> str:
    """Stacked bars: each copier site's copies of agency stories with and without credit, and others."""
    sites = figures.sites[:TOP_SITES][::-1]
    if not sites:
        return _empty("No copies in this selection.")
    fig = Figure(figsize=(6.4, 0.3 * len(sites) + 0.9))
    ax = fig.add_subplot()
    names = [s.site for s in sites]
    credited = [s.agency_copies - s.uncredited for s in sites]
    uncredited = [s.uncredited for s in sites]
    other = [s.copies - s.agency_copies for s in sites]
    ax.barh(names, credited, color=CREDITED, label="credits the agency")
    ax.barh(names, uncredited, left=credited, color=UNCREDITED, label="no credit")
    ax.barh(names, other, left=[a + b for a, b in zip(credited, uncredited)], color=OTHER,
            label="copy of a non-agency story")
    ax.set_xlabel("copies")
    ax.legend(loc="lower left", bbox_to_anchor=(0, 1.0), ncol=3, frameon=False, fontsize=8)
    return _svg(fig)


def lags_by_site(figures: Figures, lags: dict[str, list[float]]) -> str:
    """Box plots of each top site's lag after the original, in hours (log scale)."""
    # The biggest copiers that have timed copies: sites known only from our fetch have no lag to draw.
    sites = [s.site for s in figures.sites if lags.get(s.site)][:TOP_SITES][::-1]
    if not sites:
        return _empty("No copy in this selection has a time.")
    fig = Figure(figsize=(6.4, 0.3 * len(sites) + 0.9))
    ax = fig.add_subplot()
    data = [[max(lag / HOUR, 0.01) for lag in lags[site]] for site in sites]
    # Whiskers at the 5th and 95th percentiles and no outlier dots: a million copies stay a few boxes.
    ax.boxplot(data, orientation="horizontal", tick_labels=sites, widths=0.6, whis=(5, 95), showfliers=False)
    _hour_axis(ax)
    ax.set_xlabel("time after the original (log scale; box: quartiles, whiskers: 5th-95th percentile)")
    return _svg(fig)


def spread(figures: Figures) -> str:
    """Cumulative copies of the top stories by hours after the original."""
    stories = [(label, lags) for label, lags in figures.spread if lags]
    if not stories:
        return _empty("No story in this selection has dated copies.")
    fig = Figure(figsize=(7.2, 3.4))
    ax = fig.add_subplot()
    for label, lags in stories:
        hours = [max(h, 0.01) for h in lags]
        short = label if len(label) <= 48 else label[:47] + "…"
        ax.step([0.01, *hours], range(len(hours) + 1), where="post", label=short)
    _hour_axis(ax)
    ax.set_xlabel("time after the original (log scale)")
    ax.set_ylabel("copies so far")
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.legend(loc="upper left", bbox_to_anchor=(1.01, 1), frameon=False, fontsize=7)
    return _svg(fig)


def who_copies_whom(figures: Figures) -> str:
    """Heat map: copies from each source site (rows) on each copier site (columns)."""
    if not figures.matrix:
        return _empty("No copies in this selection.")
    by_source: dict[str, int] = {}
    by_copier: dict[str, int] = {}
    for (source, copier), n in figures.matrix.items():
        by_source[source] = by_source.get(source, 0) + n
        by_copier[copier] = by_copier.get(copier, 0) + n
    sources = sorted(by_source, key=lambda s: (-by_source[s], s))[:MATRIX_SOURCES]
    copiers = sorted(by_copier, key=lambda s: (-by_copier[s], s))[:MATRIX_COPIERS]
    grid = [[figures.matrix.get((s, c), 0) for c in copiers] for s in sources]
    fig = Figure(figsize=(0.42 * len(copiers) + 2.4, 0.34 * len(sources) + 1.6))
    ax = fig.add_subplot()
    ax.imshow(grid, cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(len(copiers)), copiers, rotation=50, ha="right")
    ax.set_yticks(range(len(sources)), sources)
    top = max(max(row) for row in grid) or 1
    for i, row in enumerate(grid):
        for j, n in enumerate(row):
            if n:
                ax.text(j, i, str(n), ha="center", va="center", fontsize=7,
                        color="white" if n > top / 2 else "black")
    ax.set_xlabel("copier site")
    ax.set_ylabel("original's site")
    ax.spines[:].set_visible(False)
    return _svg(fig)
