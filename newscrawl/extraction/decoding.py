"""Bytes to HTML text: binary bodies refused, charsets found, cp1252 as the last resort."""

from __future__ import annotations

import codecs
import re

from w3lib.encoding import html_body_declared_encoding, read_bom, resolve_encoding

from newscrawl.extraction.errors import BadInput

# Magic numbers of formats that are sometimes served as text/html.
_BINARY_MAGIC = {
    b"\x1f\x8b": "gzip data",
    b"%PDF": "a PDF file",
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"PK\x03\x04": "a ZIP archive",
    b"\x00\x00\x01\x00": "an icon",
}
_CONTROL = bytes(set(range(32)) - {9, 10, 12, 13})


def binary_reason(data: bytes) -> str | None:
    """Why `data` is not text (a named format, NUL bytes, control characters), or None."""
    head = data[:4096]
    for magic, name in _BINARY_MAGIC.items():
        if head.startswith(magic):
            return f"binary body ({name})"
    if read_bom(head)[0] in ("utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"):
        return None
    if b"\x00" in head:
        return "binary body (NUL bytes)"
    controls = sum(head.count(bytes([c])) for c in _CONTROL)
    if head and controls / len(head) > 0.05:
        return "binary body (control characters)"
    return None


# Codecs (Python's names) with one byte per character: Latin-1 and its Windows and ISO kin,
# Cyrillic, Greek, Thai, Mac and DOS code pages.
_SINGLE_BYTE = re.compile(
    r"^(?:iso8859-\d+|latin-1|cp12\d\d|cp(?:437|737|775|85\d|86\d|874)|koi8-[a-z]+|mac-[a-z]+|tis-620|ascii)$")


def is_single_byte(encoding: str) -> bool:
    try:
        return bool(_SINGLE_BYTE.match(codecs.lookup(encoding).name))
    except LookupError:
        return False


# UTF-8 with a stray broken byte is still UTF-8: this many well-formed non-ASCII characters
# per broken byte say so (Windows-1252 text read as UTF-8 has almost none).
_UTF8_CHARS_PER_ERROR = 10


def _mostly_utf8(data: bytes) -> str | None:
    """The bytes as UTF-8 when they are UTF-8 but for a few broken bytes (replaced); else None."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    well_formed = len(text) - len(text.encode("ascii", "ignore")) - broken
    return text if well_formed >= _UTF8_CHARS_PER_ERROR * broken else None


def decode_html(data: bytes | str, declared: str | None = None) -> str:
    """Decode a page: BOM, then the HTTP charset, then <meta charset>, then UTF-8, then cp1252.

    A single-byte charset (latin-1, iso-8859-15, cp1252, ...) declared for bytes that are
    valid UTF-8 with non-ASCII characters loses to UTF-8; so does cp1252 for UTF-8 bytes
    with a few broken ones (each replaced by U+FFFD).

    Raises BadInput for empty or binary bodies.
    """
    if isinstance(data, str):
        if not data.strip():
            raise BadInput("empty", "empty page")
        return data
    if not data.strip():
        raise BadInput("empty", "empty page")
    reason = binary_reason(data)
    if reason:
        raise BadInput("binary", reason)
    bom_encoding, bom = read_bom(data)
    if bom_encoding:
        return data[len(bom):].decode(bom_encoding, errors="replace")
    for name in (declared, html_body_declared_encoding(data[:8192])):
        encoding = resolve_encoding(name) if name else None
        if encoding:
            if is_single_byte(encoding) and not data.isascii():
                # Valid UTF-8 with multi-byte sequences is never Latin text by chance: a
                # single-byte declaration on such bytes is a template's or a server's default.
                text = _mostly_utf8(data)
                if text is not None:
                    return text
            try:
                return data.decode(encoding)
            except (UnicodeDecodeError, LookupError):
                break  # a wrong declaration: guess below
    # A stray broken byte in a UTF-8 page (or one that says so) must not turn all of its text
    # into mojibake; other pages that are not UTF-8 are overwhelmingly Windows-1252.
    text = _mostly_utf8(data)
    return text if text is not None else data.decode("cp1252", errors="replace")


def charset_of(content_type: str | None) -> str | None:
    """The charset parameter of a Content-Type header value, if any."""
    for part in (content_type or "").split(";")[1:]:
        key, _, value = part.strip().partition("=")
        if key.lower() == "charset" and value:
            return value.strip("\"' ")
    return None
