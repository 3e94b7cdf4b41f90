"""The compiled helpers of fingerprinting (_native.c), when built and usable, and the hash they call."""

from __future__ import annotations

import logging
import os

__all__ = ["XXH3_ADDRESS", "native"]

logger = logging.getLogger(__name__)


def _load():
    """(_native, address of XXH3_64bits), or (None, 0) when the module is not built (no C
    compiler at install), NEWSCRAWL_PURE_PYTHON is set, or the hash cannot be found. The
    hash is the xxhash package's own, so compiled code hashes exactly as xxh3_64_intdigest."""
    if os.environ.get("NEWSCRAWL_PURE_PYTHON"):
        return None, 0
    try:
        import ctypes

        import xxhash._xxhash

        from newscrawl.fingerprint import _native

        address = ctypes.cast(ctypes.CDLL(xxhash._xxhash.__file__).XXH3_64bits, ctypes.c_void_p).value
    except (ImportError, OSError, AttributeError) as error:
        logger.debug("fingerprints in pure Python: %s", error)
        return None, 0
    return _native, address


# Users check the functions they take from it against their pure-Python reference on import.
native, XXH3_ADDRESS = _load()
