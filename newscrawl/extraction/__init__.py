"""Main text and metadata of news pages: the only package that imports trafilatura."""

from newscrawl.extraction.article import (extract_article, main_paragraphs, parse_page, site_of,
                                         template_observation)
from newscrawl.extraction.errors import BadInput
from newscrawl.extraction.hints import SiteHints

__all__ = ["BadInput", "SiteHints", "extract_article", "main_paragraphs", "parse_page", "site_of",
           "template_observation"]
