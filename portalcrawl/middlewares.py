"""Downloader middlewares for redirects: name loops, and let every redirect be recorded.

Scrapy's dupefilter silently drops a redirected request whose target was seen already:
for a loop (A -> B -> A) the page is lost without a word, and for a moved page
(/old/1.html -> /a/1.html) the archive never learns where the old URL leads, so every
later harvest would follow it again.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urljoin

from scrapy import Request
from scrapy.downloadermiddlewares.redirect import RedirectMiddleware
from scrapy.exceptions import IgnoreRequest
from scrapy.http import Response

_REDIRECTS = {301, 302, 303, 307, 308}


class RedirectLoopMiddleware:
    def process_response(self, request: Request, response: Response, spider: object = None) -> Response:
        if response.status in _REDIRECTS and b"Location" in response.headers:
            target = urljoin(request.url, response.headers[b"Location"].decode("latin-1"))
            chain = [*request.meta.get("redirect_urls", []), request.url]
            if target in chain:
                raise IgnoreRequest(f"redirect loop: {' -> '.join([*chain, target])}")
        return response


class RecordingRedirectMiddleware(RedirectMiddleware):
    """Scrapy's RedirectMiddleware, but a redirect always reaches the spider, dupe or not.

    The spider records the source as a "redirect" page pointing at its target; loops are
    refused by RedirectLoopMiddleware and chains are capped by REDIRECT_MAX_TIMES.
    """

    def _redirect(self, redirected: Request, request: Request, reason: Any) -> Request:
        result = super()._redirect(redirected, request, reason)
        result.dont_filter = True
        return result
