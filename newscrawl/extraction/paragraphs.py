"""Where text breaks into paragraphs: `<br><br>` runs in the page, trafilatura's output blocks, drop caps, repeats.

trafilatura's output tree holds one block per paragraph, list or table. Three things
need care on real pages: a body written as `<br><br>`-separated text (a paragraph break
to the reader, one element to an extractor); old table layouts whose one cell holds the
whole story; and drop caps, the first letter set apart in an element of its own. A story
the page holds twice (one copy per screen size) comes out once.
"""

from __future__ import annotations

import re

# Lines that are page chrome, not text (a lone "Advertisement").
_CHROME_LINE = re.compile(r"^(advertisement|sponsored|ad|share|tweet|print|email)$", re.I)
# trafilatura's output elements that sit inside a line of text; any other child breaks it.
_INLINE = {"hi", "ref", "del", "span", "sub", "sup", "graphic"}
# Output blocks that make a cell a layout cell (a story in a table) rather than a data cell.
_BLOCKS = {"p", "head", "list", "quote", "table", "code", "div"}
# lxml text never holds a NUL byte: a safe mark for <lb/> while a block is flattened.
_BREAK = "\x00"
_BLANK_LINE = re.compile("\x00\\s*\x00[\\s\x00]*")
# A drop cap: one capital letter alone, before a paragraph that goes on in lower case.
_DROP_CAP = re.compile(r"^[^\W\d_]$")
_BROKEN_CAP = re.compile("^\\s*([^\\W\\d_])[\\s\x00]*\x00[\\s\x00]*([^\\W\\d_])")


# Invisible hints that are no part of the words: soft hyphens (`schlen\xaddern`), zero-width
# spaces, word joiners, stray byte-order marks. Left in, they split a word for every search.
# (Zero-width (non-)joiners are kept: they change how Persian, Indic and emoji text reads.)
_INVISIBLE = dict.fromkeys(map(ord, "\u00ad\u200b\u2060\ufeff"))


def _squeeze(text: str) -> str:
    return " ".join(text.replace(_BREAK, " ").translate(_INVISIBLE).split())


def _flat(element) -> str:
    """An output element's text: inline pieces glued as written (`<hi>N</hi>a` is "Na"), breaks marked."""
    if not len(element):  # most paragraphs: plain text
        return element.text or ""
    parts = [element.text or ""]
    for child in element:
        parts.extend((_piece(child), child.tail or ""))
    return "".join(parts)


def _piece(child) -> str:
    """A child's part of its parent's flattened text: a break mark, inline words glued, a block spaced."""
    if child.tag == "lb":
        return _BREAK
    if child.tag in _INLINE:
        return _flat(child)
    return f" {_flat(child)} "


def _split_lines(text: str) -> list[str]:
    """A flattened block cut where two or more line breaks follow each other: a blank line."""
    if _BREAK not in text:
        return [" ".join(text.translate(_INVISIBLE).split())]
    return [_squeeze(_glue_drop_cap(part)) for part in _BLANK_LINE.split(text)]


def _glue_drop_cap(text: str) -> str:
    """`N<lb/>a endlich` is "Na endlich": a capital alone on the first line starts the next word."""
    match = _BROKEN_CAP.match(text)
    if match and match.group(1).isupper() and match.group(2).islower():
        return match.group(1) + text[match.start(2):]
    return text


def _table(table) -> list[str]:
    """A data table is one paragraph, a row a line; a layout row (cells holding paragraphs) is text."""
    paragraphs, rows = [], []
    for row in (child for child in table if child.tag == "row"):  # a nested table is its cell's
        if any(child.tag in _BLOCKS for cell in row for child in cell):
            paragraphs.append("\n".join(rows))
            rows = []
            for cell in row:
                paragraphs.extend(container_paragraphs(cell))
            continue
        line = " | ".join(_squeeze(_flat(cell)) for cell in row)
        if line.strip(" |"):
            rows.append(line)
    paragraphs.append("\n".join(rows))
    return paragraphs


def _list_lines(block) -> list[str]:
    """One line per item of a list; a nested list's items are lines of their own, after their parent's words.

    (Flattened whole, an item held its sub-list's words, which then came again as lines.)
    """
    lines = [_squeeze(block.text or "")]
    for item in block:
        if item.tag != "item":  # not seen in trafilatura's output, but never lose words
            lines.extend((_squeeze(_flat(item)), _squeeze(item.tail or "")))
            continue
        parts = [item.text or ""]
        for child in item:
            if child.tag == "list":  # the item's words so far, then the sub-list's lines
                lines.append(_squeeze("".join(parts)))
                lines.extend(_list_lines(child))
                parts = [child.tail or ""]
            else:
                parts.extend((_piece(child), child.tail or ""))
        lines.extend((_squeeze("".join(parts)), _squeeze(item.tail or "")))
    return lines


def block_paragraphs(block) -> list[str]:
    """Paragraph texts of one output block: a list is one paragraph, one line per item."""
    if block.tag == "list":
        return ["\n".join(line for line in _list_lines(block) if line)]
    if block.tag == "table":
        return _table(block)
    return _split_lines(_flat(block))


def container_paragraphs(container) -> list[str]:
    """Paragraph texts of an element holding blocks; loose text before or after a block is one too."""
    texts = _split_lines(container.text or "")
    for block in container:
        texts.extend(block_paragraphs(block))
        texts.extend(_split_lines(block.tail or ""))
    return texts


def join_drop_caps(paragraphs: list[str]) -> list[str]:
    """Glue a lone capital letter to the paragraph it starts ("N" + "a endlich!" is "Na endlich!")."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _DROP_CAP.match(joined[-1]) and joined[-1].isupper() and paragraph[:1].islower():
            joined[-1] += paragraph
        else:
            joined.append(paragraph)
    return joined


def output_paragraphs(body) -> list[str]:
    """The record's paragraphs from trafilatura's output body."""
    texts = [text for text in container_paragraphs(body) if text and not _CHROME_LINE.match(text)]
    return join_drop_caps(texts)


# A page that holds its story twice (a second copy for another screen size, a print copy) gives
# the whole run of paragraphs again; a run repeated with this many long paragraphs is a copy ...
_MIN_REPEATED_RUN = 3
# ... where a long paragraph has this many characters (a repeated caption or disclaimer alone
# is the text's own: it stays) ...
_LONG_PARAGRAPH = 100
# ... when it is this share of the text or more: a copy of the story is half of it, a day of a
# meal plan the text itself repeats is a small part.
_MIN_REPEATED_SHARE = 0.3


def drop_repeated_runs(paragraphs: list[str]) -> list[str]:
    """Drop runs of paragraphs that each came before, when a run holds _MIN_REPEATED_RUN long ones
    and _MIN_REPEATED_SHARE of the text: the story given twice. Every word stays once; a lone
    repeated paragraph, or a short run the text repeats, stays as it is."""
    seen: set[str] = set()
    again = []
    for paragraph in paragraphs:
        again.append(paragraph in seen)
        seen.add(paragraph)
    keep = [True] * len(paragraphs)
    total = sum(len(paragraph) for paragraph in paragraphs)
    start = 0
    while start < len(paragraphs):
        end = start
        while end < len(paragraphs) and again[end]:
            end += 1
        run = paragraphs[start:end]
        if (sum(len(paragraph) >= _LONG_PARAGRAPH for paragraph in run) >= _MIN_REPEATED_RUN
                and sum(len(paragraph) for paragraph in run) >= _MIN_REPEATED_SHARE * total):
            keep[start:end] = [False] * (end - start)
        start = end + 1
    return [paragraph for paragraph, kept in zip(paragraphs, keep) if kept]


# A sentence's end: a word, then . ! ? or … (a closing quote or bracket may follow).
_SENTENCE_END = re.compile(r"\w[.!?…][\"'’”)\]]*(?:\s|$)")


def has_sentence(paragraphs: list[str]) -> bool:
    """Whether any paragraph ends a sentence: a menu or a tag cloud does not."""
    return any(_SENTENCE_END.search(paragraph) for paragraph in paragraphs)


def _blank(text: str | None) -> bool:
    return not (text or "").strip()


def split_double_breaks(tree) -> int:
    """Split each <p> at runs of two or more <br> into sibling paragraphs (in place); returns how many splits.

    trafilatura folds a run of <br> inside a paragraph into one line break, and the
    paragraph break the writer meant is lost; in a <div> it keeps them (see `_split_lines`).
    """
    splits = 0
    # Only paragraphs holding a <br> can split: found from the (few) <br>, not from every <p>.
    holders = {br.getparent() for br in tree.iter("br")}
    for p in [p for p in holders if p is not None and p.tag == "p"]:
        children = list(p)
        if sum(1 for child in children if child.tag == "br") < 2:
            continue
        parts: list[tuple[str | None, list]] = [(p.text, [])]
        i = 0
        while i < len(children):
            j = i
            while j < len(children) and children[j].tag == "br" and (j == i or _blank(children[j - 1].tail)):
                j += 1
            if j - i >= 2:
                parts.append((children[j - 1].tail, []))
                i = j
            else:
                parts[-1][1].append(children[i])
                i += 1
        if len(parts) < 2:
            continue
        parent, tail = p.getparent(), p.tail
        if parent is None:
            continue
        index = parent.index(p)
        new = []
        for text, nodes in parts:
            segment = p.makeelement(p.tag, dict(p.attrib))
            segment.text = text
            for node in nodes:
                segment.append(node)  # moves the node and its tail
            new.append(segment)
        p.tail = None
        parent.remove(p)
        for offset, segment in enumerate(new):
            parent.insert(index + offset, segment)
        new[-1].tail = tail
        splits += len(new) - 1
    return splits
