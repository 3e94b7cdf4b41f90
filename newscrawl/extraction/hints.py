"""Site hints: what a spider knows about its site's markup, passed down to extraction."""

from __future__ import annotations

from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True)
class SiteHints:
    """CSS selectors (or XPath when they start with `/` or `(`) for one site's pages.

    Each is optional; a hint that matches nothing is ignored, so a layout change degrades
    to generic extraction instead of empty records.
    """

    body: str | None = None  # the container of the article's paragraphs
    title: str | None = None  # the headline
    published: str | None = None  # an element/attribute holding the publication date
    authors: str | None = None  # byline elements, one or more
    drop: tuple[str, ...] = ()  # elements never part of the text (widgets, sidebars)
    wire: str | None = None  # the agency this site *is* (apnews.com -> "AP")

    def __post_init__(self):
        # A typo in a site file should fail when the spider loads, not on every page.
        from newscrawl.extraction.selectors import compile_selector

        for expression in (self.body, self.title, self.published, self.authors, *self.drop):
            if expression:
                compile_selector(expression)

    def as_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v}

    @classmethod
    def coerce(cls, value) -> "SiteHints | None":
        """Accept SiteHints, a dict (e.g. from an item that crossed a process), or None."""
        if value is None or isinstance(value, cls):
            return value
        names = {f.name for f in fields(cls)}
        data = {k: v for k, v in dict(value).items() if k in names}
        if "drop" in data:
            data["drop"] = tuple(data["drop"])
        return cls(**data)
