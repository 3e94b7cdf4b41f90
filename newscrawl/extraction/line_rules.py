"""Lines of extracted text that are page furniture in any language: teasers, prompts, credits, appeals.

These survive a generic extractor because they sit inside the article container as
ordinary paragraphs. Each rule matches a whole short line of one recognisable shape; a
line that merely mentions the words is story text and stays.
"""

from __future__ import annotations

import re

# Furniture is short: a paragraph longer than this is text whatever it starts with.
_MAX_WORDS = 40
_MAX_CHARS = 400

# Each kind of furniture is a pattern that must match at the start of the line; all are
# tried in one regex (a paragraph is checked once, most fail on the first letter).
# Paywall notes: "57% of this article left to read", "the rest is for subscribers".
_PAYWALL = (
    r"il vous reste \d+\s?% de cet article à lire"
    r"|la suite (?:de cet article )?est réservée aux abonnés"
    r"|(?:you have|there is) \d+\s?% of (?:this|the) article (?:left|remaining)"
    r"|the rest of this (?:article|story) is (?:for|available to|reserved for) (?:subscribers|members)"
    r"|this (?:article|story|content) is (?:only )?(?:for|available to|reserved for) (?:paying )?(?:subscribers|members)"
    r"|(?:subscribe|sign in|log in|register) (?:now )?to (?:continue reading|read (?:the|this) (?:full )?(?:article|story)"
    r"|unlock)"
    r"|already a subscriber\b"
    r"|dieser (?:artikel|beitrag) ist (?:nur )?für abonnenten"
)
# Standards and trust notes.
_TRUST = r"(?:our|editorial) (?:standards|principles)\s*:"
# App, follow and share prompts.
_PROMPT = (
    r"(?:download|get|install) (?:the|our) .{0,40}\bapp\b"
    r"|follow (?:us|.{1,40}) on (?:twitter|x|facebook|instagram|telegram|whatsapp|tiktok|google news|linkedin|threads)"
    r"|(?:join|subscribe to) (?:our|the) .{0,40}(?:whatsapp|telegram) channel"
    r"|click here to (?:follow|subscribe|join|download|share)"
    r"|share (?:this|the) (?:article|story|post)\b"
    r"|(?:laden sie|holen sie sich) (?:die|unsere) .{0,40}app"
    r"|folgen sie uns auf\b|suivez-nous sur\b|síguenos en\b|seguici su\b|siga-nos\b"
    r"|téléchargez (?:l'|notre )application"
)
# Donation and membership appeals that open the line.
_APPEAL = (
    r"(?:please )?(?:donate|make a (?:donation|contribution))\b"
    r"|(?:support|become a (?:member|supporter|patron) of) (?:our|independent|quality|local)"
    r" (?:journalism|reporting|newsroom)"
)
# Teasers pointing elsewhere: "Read more", "Czytaj więcej: <a headline>", alone or before a colon.
_READ_MORE = (
    r"(?:continue reading|read more|read also|also read|read the full (?:article|story)|keep reading"
    r"|(?:czytaj|przeczytaj) (?:więcej|także|też|również)"
    r"|lesen sie (?:auch|mehr|hier)|weiterlesen|mehr lesen|jetzt weiterlesen|mehr zum thema"
    r"|lire (?:aussi|la suite|également)|à lire aussi"
    r"|lee (?:también|más)|leer más|leia (?:também|mais)|leggi (?:anche|di più)|lees ook|läs också|læs også|les også)"
    r"\s*(?:$|[:»›>→…|–—-]|\.\.\.|the main story$)"
)
_READ_MORE_MAX_WORDS = 20
# Photo credits standing as a line of their own: "Photo: Name/Agency", "(Foto: dpa)".
_PHOTO_CREDIT = (
    r"[(\[]?\s*(?:photo|photos|photograph|image|picture|pictures|foto|fotos|bild|bilder|crédit photo|"
    r"photo credit|image credit|credit|zdjęcie|fot\.)\s*(?:by)?\s*[:©]"
)
_PHOTO_CREDIT_MAX_WORDS = 12
_LINE_START = re.compile(
    rf"(?P<furniture>{_PAYWALL}|{_TRUST}|{_APPEAL})|(?P<prompt>{_PROMPT})|(?P<read_more>{_READ_MORE})"
    rf"|(?P<photo>{_PHOTO_CREDIT})",
    re.I,
)
# A prompt is a sentence or two ("Download our app. It's free."); a line that goes on for more
# is instructions the text gives ("Click here to download the template. Then open it and ...").
_PROMPT_MAX_SENTENCES = 2
_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")
# Appeals anywhere in a short line, looked for only when it talks of journalism.
_APPEAL_ANYWHERE = re.compile(
    r"\bsupport (?:our|independent|quality|local) (?:journalism|reporting)\b.{0,80}\b(?:donat|contribut|member|subscri)"
    r"|\b(?:unterstützen sie|soutenez|apoya|sostieni) (?:unseren|unabhängigen|notre|le|el|nuestro|il)? ?"
    r"(?:journalismus|journalisme|periodismo|giornalismo)",
    re.I,
)
_JOURNALISM = ("journalis", "periodis", "giornalis")
# Content-farm source lines: "Source: Internet Time: 2024-08-18 20:54:12 Hits: 930".
_META_FIELD = re.compile(
    r"\b(?:source|time|date|hits|views|clicks|reads|author|editor|from|published|updated|posted)\s*[:：]", re.I
)
_META_MAX_WORDS = 20
# A byline repeated at the end: "By Name", "Name", "Von Name", "Author: Name".
_BYLINE_LABEL = re.compile(r"^(?:by|von|par|por|di|door|av|autor(?:in)?|author|text)\s*:?\s+", re.I)
_NAME_SEPARATORS = re.compile(r"\s*(?:[,&;]|\b(?:and|und|et|y|e|i|og|och|en)\b)\s*", re.I)
_BYLINE_MAX_WORDS = 12
_SQUASH = re.compile(r"[\W_]+")


def is_furniture(text: str) -> bool:
    """A line of page furniture: teaser or paywall note, trust line, app/follow/share prompt,
    photo credit, donation appeal or a content farm's source/time/hits line."""
    if len(text) > _MAX_CHARS:  # most paragraphs: too long to be furniture, no need to count words
        return False
    words = len(text.split())
    if words > _MAX_WORDS:
        return False
    start = _LINE_START.match(text)
    if start:
        limit = {"read_more": _READ_MORE_MAX_WORDS, "photo": _PHOTO_CREDIT_MAX_WORDS}.get(start.lastgroup, _MAX_WORDS)
        prompt_goes_on = start.lastgroup == "prompt" and len(_SENTENCE_END.findall(text)) > _PROMPT_MAX_SENTENCES
        if words <= limit and not prompt_goes_on:
            return True
    lower = text.lower()
    if any(word in lower for word in _JOURNALISM) and _APPEAL_ANYWHERE.search(text):
        return True
    return (words <= _META_MAX_WORDS and (":" in text or "：" in text)
            and len(_META_FIELD.findall(text)) >= 2)


def _squash(text: str) -> str:
    return _SQUASH.sub("", text).lower()


def drop_trailing_bylines(paragraphs: list[str], authors: list[str]) -> list[str]:
    """Drop closing paragraphs that only repeat the byline (the authors' names, `By ...`)."""
    names = {_squash(name) for name in authors} - {""}
    end = len(paragraphs)
    while names and end > 1 and len(paragraphs[end - 1].split()) <= _BYLINE_MAX_WORDS:
        parts = [part for part in _NAME_SEPARATORS.split(_BYLINE_LABEL.sub("", paragraphs[end - 1])) if part.strip()]
        if not parts or not all(_squash(part) in names for part in parts):
            break
        end -= 1
    return paragraphs[:end]
