"""Page-level rules: template furniture every news site has, removed before trafilatura runs.

Link lists (related stories, rankings, trending; not a list the text announces), their
headings, rating widgets, share bars and newsletter boxes look like text to a generic
extractor when a template puts them inside the article container, as content farms do; so
do hover cards nested in a sentence and hidden microdata copies of the story.
"""

from __future__ import annotations

import re

from lxml import etree

from newscrawl.extraction.parsing import element_text

# Headings of link lists and promo boxes (compared case- and punctuation-insensitively).
_JUNK_HEADINGS = {
    "related", "related stories", "related articles", "related news", "related content", "ranking",
    "recommendation", "recommendations", "recommended", "recommended for you", "trending", "trending now",
    "most read", "most popular", "popular", "popular stories", "you may also like", "you might also like",
    "read more", "read next", "more stories", "more news", "more from", "latest news", "latest stories",
    "top stories", "further reading", "see also", "also read", "share this article", "share", "share this",
    "sign up for our newsletter", "newsletter", "advertisement", "sponsored", "sponsored content",
    "leave a reply", "comments", "tags", "follow us",
}
_RATING = re.compile(r"^\s*(?:very\s*)?(?:good|bad|great|like|dislike|poor|excellent)\s*!?\s*\(\s*\d+\s*\)\s*$", re.I)
_SQUASH = re.compile(r"[\W_]+")
# Newsletter and subscription promos: short blocks that sell rather than tell.
_PROMO = re.compile(r"delivered to your inbox|sign up for (?:our|the)\b|subscribe to our", re.I)
_PROMO_MAX_WORDS = 40
# A block naming a newsletter is a promo, unless the page is *about* newsletters: then
# sentences of prose that name one and call nobody to sign up are its text. A page is about
# newsletters when it has this many different such sentences; a promo box has one or two.
_NEWSLETTER = re.compile(r"newsletter", re.I)
# A call asks the reader to do something: nouns that merely talk of newsletters ("2,000
# subscribers", "email newsletters", "a free newsletter") are no call.
_NEWSLETTER_CALL = re.compile(
    r"\bsubscrib(?:e|ing)\b|\bsign(?:ing)? up\b|\bjoin\b|\bget (?:the|our|my)\b|\binbox\b"
    r"|\byour e-?mail\b|\be-?mail address|hol dir|anmeld|abonn"
    r"|bestell|kostenlos|gratis|zapis|suscr[ií]b|inscri[vb]|iscriviti|\bmelde",
    re.I,
)
_PROSE = re.compile(r"\w[\w\")’”]*[.?!]$")
_PROSE_MIN_WORDS = 6
_NEWSLETTER_TOPIC_BLOCKS = 3
# Words one of the promo patterns (and _NEWSLETTER) holds (lower-cased), and the only characters a case-blind pattern
# takes for an ASCII letter of them that lower() does not turn into it (ſ for s; İ, ı for i): a
# text with neither cannot match, and most blocks are ruled out without running the pattern.
_PROMO_WORDS = ("inbox", "sign up for", "subscribe to our", "newsletter")
_PROMO_ODD_LETTERS = ("\u017f", "\u0130", "\u0131")
# Lines content farms leave inside copied bodies: share bars, source notes, disclaimers.
_JUNK_LINE = re.compile(
    r"^(?:share (?:this|on)\b.{0,40}(?:facebook|twitter|whatsapp|email)"
    r"|\[?\s*(?:statement|disclaimer)\s*:"
    r"|source\s*:.{0,80}(?:for reference only|compilation)"
    r"|.{0,80}\beditor in charge\s*:)",
    re.I,
)
_JUNK_LINE_MAX_WORDS = 30
# Hidden schema.org microdata: a copy of the headline, teaser and body for machines, which
# trafilatura's fallback extractors (unlike its main one) do not skip, doubling the text.
_HIDDEN_MICRODATA = etree.XPath(
    '//*[@itemscope][contains(translate(@style, " ", ""), "display:none")]'
)
# Hover cards: a person's or topic's name in a sentence carries a hidden card (photo, name,
# latest headlines) that CSS shows on hover; in the markup it sits mid-sentence. A card is
# a span in a paragraph with this many links, (nearly) nothing but link text, and real
# sentence words around it.
_SPANS_OF_LINKS = etree.XPath("//span[count(.//a) >= 3][ancestor::p]")
_MIN_CARD_CHARS = 60
_MIN_SENTENCE_WORDS = 8
# Runs of this many sibling blocks that are nothing but a link are link lists too ...
_MIN_LINK_RUN = 3
# ... unless words stand between them, or commas where the parent has words of its own outside
# them: `Camp shoes (<b><a>Crocs</a></b>, <b><a>Tevas</a></b>, etc.)` is a sentence, while
# `<a>Politik</a>, <a>Europa</a>, <a>Debatte</a>` alone is a tag list.
_WORD_CHAR = re.compile(r"\w")
_SENTENCE_GAP = re.compile(r"[,;()]")
_SENTENCE_MIN_WORDS = 2
_WORDS = re.compile(r"[^\W\d_]{2,}")  # words, not dates or numbers
# A list is a link list when this share of its items' text is link text.
_LINK_SHARE = 0.8
_MIN_LINK_ITEMS = 3
# ... unless the text announces it: a list right after a sentence that ends with a colon
# ("A few patches were merged upstream:") is the text's own list, whatever its links. The
# lead-in has at least this many words, so that a bare label ("Related:") does not count.
_LEAD_IN_MIN_WORDS = 3
# Levels of wrappers (`<div class="ulist"><ul>`) looked through for the lead-in.
_LEAD_IN_DEPTH = 3
# Blocks of at most this many characters of raw text are judged as junk blocks.
_SMALL_BLOCK = 600
_BLOCKISH = ("h1", "h2", "h3", "h4", "h5", "h6", "p", "div", "span", "strong", "b", "section", "header")
# Of those, the ones that can also be words inside a sentence (`I gather my <strong>best
# newsletters</strong> first`): a promo only when they stand alone (a label such as
# `<b>Read more</b>: <a>...</a>` goes wherever it stands).
_INLINE = ("span", "strong", "b")
_PROMO_KINDS = ("promo", "newsletter prose")


class _Texts(dict):
    """`element_text` of each element asked for, computed once per pass (the link list, link run and
    block rules read many of the same elements). Holding the elements keeps their ids unique."""

    def __missing__(self, element) -> str:
        text = self[element] = element_text(element)
        return text


def _may_promote(text: str) -> bool:
    """False when `_PROMO` cannot match `text` (a cheap test that runs before it)."""
    lowered = text.lower()
    return any(word in lowered for word in _PROMO_WORDS) or any(letter in text for letter in _PROMO_ODD_LETTERS)


def _junk_block(text: str) -> str | None:
    """"junk" (a link list's heading, a rating widget), "promo", "newsletter prose" (a promo
    unless the page is about newsletters), or None."""
    if len(text) <= 40 and (is_junk_heading(text) or _RATING.match(text)):
        return "junk"
    if not _may_promote(text) or len(text.split()) > _PROMO_MAX_WORDS:
        return None
    if _PROMO.search(text):
        return "promo"
    if not _NEWSLETTER.search(text):
        return None
    prose = len(text.split()) >= _PROSE_MIN_WORDS and _PROSE.search(text) and not _NEWSLETTER_CALL.search(text)
    return "newsletter prose" if prose else "promo"


def _unless_about_newsletters(prose: list) -> list:
    """The newsletter sentences to remove: all of them, unless the page has enough to be about newsletters."""
    holders = {ancestor for element in prose for ancestor in element.iterancestors()}
    sentences = {element_text(element) for element in prose if element not in holders}  # a box repeated counts once
    return prose if len(sentences) < _NEWSLETTER_TOPIC_BLOCKS else []


def _block_rules(tree, texts: _Texts) -> list:
    """Link runs and junk blocks, in one bottom-up pass that measures raw text lengths on the way
    (no quadratic re-reading): once an element's children are measured, the runs among them are
    judged, and once it is measured, itself.

    Comments and processing instructions are left out of the lengths (their text is not the
    page's; a child missing from the table counts 0), their tails are counted. The text of a
    small element is put together from its children's on the way too: `element_text` of an element is
    its own text's words, each child's `element_text` and its tail's words, joined by single spaces.
    """
    lengths: dict = {}
    known = lengths.get
    doomed, newsletter_prose, in_sentences = [], [], set()
    for element in reversed(list(tree.iter(etree.Element))):
        own = element.text or ""
        total, children, parts = len(own), 0, [" ".join(own.split())]
        for child in element:
            tail = child.tail or ""
            total += known(child, 0) + len(tail)
            children += 1
            if total <= _SMALL_BLOCK:  # (only grows: over the limit, no part is needed)
                if isinstance(child.tag, str):
                    parts.append(texts[child])
                if tail:
                    parts.append(" ".join(tail.split()))
        lengths[element] = total
        if total <= _SMALL_BLOCK:
            texts[element] = " ".join(part for part in parts if part)
        if children >= _MIN_LINK_RUN:
            doomed.extend(_link_runs(element, lengths, texts))
        # A small block: the size tests first, this loop sees every element of the page.
        if children <= 3 and 0 < total <= _SMALL_BLOCK and element.tag in _BLOCKISH:
            kind = _junk_block(texts[element])
            if kind == "newsletter prose":
                newsletter_prose.append(element)  # it tells whether the page is about newsletters ...
            if kind in _PROMO_KINDS and element.tag in _INLINE and _in_sentence(element, texts[element]):
                in_sentences.add(element)  # ... but words of a sentence go with it: removing them would garble it
            elif kind and kind != "newsletter prose":  # (a `<b>Read more</b>: <a>` label still goes)
                doomed.append(element)
    return doomed + [e for e in _unless_about_newsletters(newsletter_prose) if e not in in_sentences]


def _in_sentence(element, text: str) -> bool:
    """Whether an inline element (whose text is `text`) has a sentence's words around it in its
    parent, loose or in sibling elements (`<span>Next, I gather my </span><strong>...`)."""
    parent = element.getparent()
    if parent is None:
        return False
    return len(_WORDS.findall(element_text(parent))) - len(_WORDS.findall(text)) >= _MIN_SENTENCE_WORDS


def is_junk_heading(text: str) -> bool:
    return _SQUASH.sub(" ", text.lower()).strip() in _JUNK_HEADINGS


def _is_link_list(element, texts: _Texts) -> bool:
    items = [li for li in element if isinstance(li.tag, str) and li.tag == "li"]
    if len(items) < _MIN_LINK_ITEMS or next(element.iter("a"), None) is None:  # no link: no link list
        return False
    total = sum(len(texts[li]) for li in items)
    linked = sum(len(texts[a]) for li in items for a in li.iter("a"))
    return total > 0 and linked / total >= _LINK_SHARE


def _lead_in(element) -> str:
    """The text just before `element` in reading order: its nearest previous sibling with text, looking
    through up to _LEAD_IN_DEPTH wrappers whose earlier children hold no text."""
    for _ in range(_LEAD_IN_DEPTH + 1):
        parent = element.getparent()
        if parent is None:
            return ""
        before = element.getprevious()
        while before is not None:
            words = " ".join(filter(None, (element_text(before) if isinstance(before.tag, str) else "",
                                           (before.tail or "").strip())))
            if words:
                return words
            before = before.getprevious()
        if (parent.text or "").strip():
            return " ".join(parent.text.split())
        element = parent
    return ""


def _is_announced(element) -> bool:
    """Whether a sentence ending in a colon leads into `element` (not a link list's label: `Related:`)."""
    lead_in = _lead_in(element)[-300:]
    if not lead_in.endswith(":"):
        return False
    last = re.split(r"(?<=[.!?])\s+", lead_in)[-1]
    return len(_WORDS.findall(last)) >= _LEAD_IN_MIN_WORDS and not is_junk_heading(last)


def _is_link_only(element, lengths, texts: _Texts) -> bool:
    size = lengths.get(element, 0)
    if not size or size > 400 or next(element.iter("a"), None) is None:
        return False
    text = texts[element]
    return bool(text) and sum(len(texts[a]) for a in element.iter("a")) >= 0.9 * len(text)


def _has_own_words(parent) -> bool:
    """Whether a parent's loose text (outside its children) holds a sentence's words."""
    loose = " ".join([parent.text or "", *(child.tail or "" for child in parent)])
    return len(_WORDS.findall(loose)) >= _SENTENCE_MIN_WORDS


def _link_runs(parent, lengths, texts: _Texts):
    """Children of `parent` (p, div, ...) that are each just a link, in runs of _MIN_LINK_RUN or more.

    Words between two of them (`<span><a>..</a></span> released in 2015, ...`), or commas in a
    parent with words of its own, end the run: those are a sentence's inline links, not a list.
    """
    run, in_sentence = [], None
    for child in [*parent, None]:
        if (child is not None and isinstance(child.tag, str) and child.tag in _BLOCKISH
                and _is_link_only(child, lengths, texts)):
            gap = run[-1].tail or "" if run else ""
            if run and in_sentence is None and _SENTENCE_GAP.search(gap):
                in_sentence = _has_own_words(parent)
            if not run or not (_WORD_CHAR.search(gap) or (in_sentence and _SENTENCE_GAP.search(gap))):
                run.append(child)
                continue
            if len(run) >= _MIN_LINK_RUN:
                yield from run
            run = [child]
            continue
        if len(run) >= _MIN_LINK_RUN:
            yield from run
        run = []


def _is_link_card(span, texts: _Texts) -> bool:
    text = texts[span]
    if len(text) < _MIN_CARD_CHARS or sum(len(texts[a]) for a in span.iter("a")) < 0.9 * len(text):
        return False
    paragraph = next(ancestor for ancestor in span.iterancestors() if ancestor.tag == "p")
    return len(element_text(paragraph).split()) - len(text.split()) >= _MIN_SENTENCE_WORDS


def _link_cards(tree, texts: _Texts):
    """Spans of links inside a sentence (innermost only): hover cards, not the sentence's words."""
    cards = [span for span in _SPANS_OF_LINKS(tree) if _is_link_card(span, texts)]
    holders = {ancestor for card in cards for ancestor in card.iterancestors()}
    return [card for card in cards if card not in holders]


def prune_page_chrome(tree) -> int:
    """Remove link lists, their headings, rating widgets, promos, hover cards and hidden microdata
    copies from `tree` in place; returns how many."""
    texts = _Texts()
    doomed = _block_rules(tree, texts)  # first: it reads the texts of the page's small elements
    doomed.extend(element for element in tree.iter("ul", "ol")
                  if _is_link_list(element, texts) and not _is_announced(element))
    doomed.extend(_HIDDEN_MICRODATA(tree))
    doomed.extend(_link_cards(tree, texts))
    # The order of removals does not matter: each keeps its tail, and a block inside one
    # removed before goes with it.
    removed = 0
    for element in doomed:
        if element.getparent() is not None:
            element.drop_tree()
            removed += 1
    return removed


def is_junk_paragraph(text: str) -> bool:
    """A short extracted line that is template furniture (share bar, source note, disclaimer)."""
    return len(text.split()) <= _JUNK_LINE_MAX_WORDS and bool(_JUNK_LINE.match(text))
