"""Language codes: declared ones normalised to ISO 639-1, else detected from the text offline."""

from __future__ import annotations

import re
import threading

# Every ISO 639-1 code: a declared code outside this set is a country code or a typo.
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz
ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik
io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml
mn mr ms mt my na nb nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd
se sg si sk sl sm sn so sq sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi
vo wa wo xh yi yo za zh zu
""".split())
# Country codes and withdrawn codes pages declare as languages. `kr` (Kanuri) is a real
# code, but news pages that declare it mean Korean.
ALIASES = {
    "kr": "ko", "jp": "ja", "cn": "zh", "tw": "zh", "hk": "zh", "gr": "el", "cz": "cs", "dk": "da",
    "ua": "uk", "vn": "vi", "iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "sh": "sr",
    "rs": "sr", "ee": "et", "al": "sq", "by": "be", "ir": "fa", "kz": "kk", "gb": "en", "us": "en",
}
_CODE = re.compile(r"^\s*([A-Za-z]{2})(?:$|[-_\s])")
# The detector needs this much text to be right; less, and no language beats a wrong one.
MIN_DETECT_CHARS = 40
# Enough text to decide; classifying more only costs time.
DETECT_CHARS = 2000

_lock = threading.Lock()
_identifier = None


def iso_language(value: str | None) -> str | None:
    """`ko` for `kr`, `ko-KR`, `KR`; None for values that are not a language code."""
    if not isinstance(value, str):
        return None
    match = _CODE.match(value)
    if not match:
        return None
    code = match.group(1).lower()
    code = ALIASES.get(code, code)
    return code if code in ISO_639_1 else None


def _classify():
    global _identifier
    with _lock:  # extraction runs in several threads; load the model (a few seconds) once
        if _identifier is None:
            import py3langid

            py3langid.classify("warm up")  # loads the model
            _identifier = py3langid.classify
        return _identifier


def detect_language(text: str | None) -> str | None:
    """The ISO 639-1 code py3langid finds in the text, or None for too little text."""
    if not text or len(text) < MIN_DETECT_CHARS:
        return None
    code, _ = _classify()(text[:DETECT_CHARS])
    return iso_language(code)
