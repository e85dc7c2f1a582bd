"""Downloader middleware: name redirect loops instead of letting them vanish.

Scrapy's dupefilter silently drops the request that closes a loop (A -> B -> A), so the
crawl would never know the page was lost. Seen before the RedirectMiddleware, a redirect
back into its own chain is refused with a reason the spider counts.
"""

from __future__ import annotations

from urllib.parse import urljoin

from scrapy import Request
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
