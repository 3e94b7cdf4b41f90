"""HTML text to an lxml tree: trafilatura's `load_html`, with element classes looked up in C.

lxml.html's parser asks a Python function for the class of every element object it
hands out, and our passes and trafilatura's together hand out millions: that lookup
was a sixth of the extraction time. This parser gives every element lxml.html's
`HtmlElement` class straight from C (forms' elements lose only their form helpers, which
nothing here uses), and is otherwise configured and used as trafilatura's own.
"""

from __future__ import annotations

import threading

import lxml.html
from lxml import etree
from trafilatura.utils import is_dubious_html, repair_faulty_html

_LOOKUP = etree.ElementDefaultClassLookup(
    element=lxml.html.HtmlElement, comment=lxml.html.HtmlComment, pi=lxml.html.HtmlProcessingInstruction,
    entity=lxml.html.HtmlEntity,
)
_local = threading.local()


def _parser() -> lxml.html.HTMLParser:
    """One parser per thread (a parser parses one document at a time)."""
    parser = getattr(_local, "parser", None)
    if parser is None:
        # trafilatura's settings (utils.HTML_PARSER)
        parser = _local.parser = lxml.html.HTMLParser(
            collect_ids=False, default_doctype=False, encoding="utf-8", remove_comments=True, remove_pis=True
        )
        parser.set_element_class_lookup(_LOOKUP)
    return parser


def _from_bytes(text: str):
    try:
        return lxml.html.fromstring(text.encode("utf8", "surrogatepass"), parser=_parser())
    except Exception:  # as trafilatura: a page lxml cannot read is no tree
        return None


def load_html(text: str):
    """The tree of an HTML text, or None (trafilatura.utils.load_html on a string, step by step)."""
    beginning = text[:50].lower()
    text = repair_faulty_html(text, beginning)
    tree, from_bytes = None, False
    try:
        tree = lxml.html.fromstring(text, parser=_parser())
    except ValueError:  # "Unicode strings with encoding declaration are not supported."
        tree, from_bytes = _from_bytes(text), True
    except Exception:
        pass
    if (tree is None or len(tree) < 1) and not from_bytes:
        tree = _from_bytes(text)
    if tree is not None and is_dubious_html(beginning) and len(tree) < 2:
        return None  # not (well-formed) HTML at all
    return tree


def element_text(element) -> str:
    """An element's text as it reads: all of it (children's too, not its tail), runs of white space as one."""
    if not len(element):  # a leaf, as most elements are: its own text is all of it
        return " ".join((element.text or "").split())
    return " ".join(" ".join(element.itertext()).split())
