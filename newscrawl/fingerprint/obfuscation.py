"""Subscriber text a news CMS sends ROT47-encoded (paywall "encryption"), decoded for fingerprinting only.

Some newspaper platforms ship the paywalled paragraphs of an article in the page,
ROT47-encoded, and decode them in the reader's browser. An extractor then hands on
lines such as `kAm%96 7:C6 H2D ...`: the encoded `<p>The fire was ...`. Left as they
are, they hide a copy of a wire story behind noise. Decoded, they are the story's own
paragraphs. The text a user keeps is never changed: only the fingerprint sees this.

An encoded paragraph is recognised by its encoded tags (`kAm` is `<p>`, `k^Am` is `</p>`,
`k9am` is `<h2>`): it runs from an opening tag to the next tag (or the end of the line,
when the text was cut off there), and is decoded only when that makes it read more like
prose (more letters and spaces), so a stray `kAm` in real text stays as it is.
"""

from __future__ import annotations

import html
import re

__all__ = ["decode_rot47_runs", "rot47"]

# An encoded <p> or <h1>..<h6>, its text, up to its encoded closing tag, the next opening one or the line's end.
_PARAGRAPH = re.compile(r"k(?:A|9[`a-e])m(.*?)(?:k\^(?:A|9[`a-e])m|(?=k(?:A|9[`a-e])m)|$)", re.MULTILINE)
_ROT47 = str.maketrans({chr(c): chr(33 + (c - 33 + 47) % 94) for c in range(33, 127)})
_TAG = re.compile(r"<[^>\n]*>?")


def rot47(text: str) -> str:
    """ROT47: printable ASCII but space rotated by 47 (its own inverse)."""
    return text.translate(_ROT47)


def _prose_share(text: str) -> float:
    return sum(c.isalpha() or c == " " for c in text) / max(1, len(text))


def _decoded(match: re.Match) -> str:
    encoded = match.group(1)
    plain = rot47(encoded)
    if _prose_share(plain) <= _prose_share(encoded):
        return match.group(0)
    return "\n" + " ".join(html.unescape(_TAG.sub(" ", plain)).split()) + "\n"


def decode_rot47_runs(text: str) -> str:
    """`text` with each ROT47-encoded paragraph decoded onto a line of its own (see the module docstring)."""
    if "kAm" not in text and "k9" not in text:
        return text
    return _PARAGRAPH.sub(_decoded, text)
