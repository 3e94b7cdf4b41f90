"""RedirectLoopMiddleware: a redirect back to a URL already visited is a loop, said out loud.

Scrapy follows it until the dupefilter silently drops the repeat (or REDIRECT_MAX_TIMES
is reached); this names the loop in the log and the stats instead.
"""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy.exceptions import IgnoreRequest


class RedirectLoopMiddleware:
    """Sits just outside RedirectMiddleware and refuses redirects to a URL of the same chain."""

    def process_response(self, request, response, spider=None):
        if response.status not in (301, 302, 303, 307, 308) or b"Location" not in response.headers:
            return response
        target = urljoin(request.url, response.headers[b"Location"].decode("latin-1"))
        chain = [*request.meta.get("redirect_urls", []), request.url]
        if target in chain:
            raise IgnoreRequest(f"redirect loop: {' -> '.join([*chain, target])}")
        return response
