"""Spider arguments (`-a NAME=VALUE`): declared per spider, checked before a crawl starts, listed by `-a help=1`."""

from __future__ import annotations

import sys
from pathlib import Path
from urllib.parse import urlsplit

from newscrawl.errors import UserError

# Spider attributes Scrapy's own components read, which `-a` may set as usual
# (UserAgentMiddleware, HttpAuthMiddleware, the downloader's per-spider slots).
SCRAPY_ATTRIBUTES = frozenset({
    "user_agent", "http_user", "http_pass", "http_auth_domain",
    "download_delay", "download_timeout", "download_maxsize", "download_warnsize",
})


class SpiderArgumentError(UserError, ValueError):
    """A missing, empty, unknown or unusable `-a` argument: the user's mistake, told in one line."""


def check_arguments(spidercls, given: dict) -> None:
    """Raise SpiderArgumentError unless `given` suits the spider's declared `arguments`.

    Unknown names are refused (a typo such as `-a domain=` would otherwise crawl the
    defaults), except Scrapy's own spider attributes and names starting with `_`
    (scrapyd passes `_job`). Each spider's `check_<name>` classmethod, if any, checks a value.
    """
    name = spidercls.name
    declared = getattr(spidercls, "arguments", {})
    for key in given:
        if key not in declared and key not in SCRAPY_ATTRIBUTES and not key.startswith("_"):
            takes = ", ".join(f"-a {k}=" for k in declared) or "no arguments"
            raise SpiderArgumentError(f"{name}: unknown argument -a {key}=; this spider takes {takes} "
                                      f"(see `scrapy crawl {name} -a help=1`)")
    for key in getattr(spidercls, "required_arguments", ()):
        if key not in given:
            raise SpiderArgumentError(f"{name}: missing -a {key}=: {declared[key]}")
    for key in declared:
        if key not in given:
            continue
        value = given[key]
        if not isinstance(value, str) or not value.strip():
            raise SpiderArgumentError(f"{name}: -a {key}= is empty: {declared[key]}")
        check = getattr(spidercls, f"check_{key}", None)
        if check is not None:
            check(value)


def argument_help(spidercls) -> str:
    """What `scrapy crawl SPIDER -a help=1` prints."""
    doc = (spidercls.__doc__ or sys.modules[spidercls.__module__].__doc__ or "").strip().splitlines()
    first = doc[0] if doc else ""
    lines = [first if first.startswith(f"{spidercls.name}:") else f"{spidercls.name}: {first}".rstrip()]
    declared = getattr(spidercls, "arguments", {})
    required = set(getattr(spidercls, "required_arguments", ()))
    if not declared:
        lines.append("  (no -a arguments)")
    for key, meaning in declared.items():
        lines.append(f"  -a {key}=...  {'(required) ' if key in required else ''}{meaning}")
    return "\n".join(lines)


def require_http_url(spider: str, key: str, value: str) -> None:
    parts = urlsplit(value.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise SpiderArgumentError(f"{spider}: -a {key}={value} is not an http(s) URL")


def require_file(spider: str, key: str, value: str) -> None:
    path = Path(value)
    if path.is_dir():
        raise SpiderArgumentError(f"{spider}: -a {key}={value} is a directory, not a file")
    if not path.is_file():
        raise SpiderArgumentError(f"{spider}: -a {key}={value}: no such file")
