"""A cap on the size of a response's headers.

Twisted's HTTP client keeps every header line it is sent, with no limit on their number: a server
answering millions of small headers grew a crawl to 728 MB. Scrapy's HTTP/1.1 handler gives every
response parser its own class (``_LenientHTTPClientParser``, which skips malformed header lines)
and offers no hook to limit it, so this extension puts a subclass in that class's place that
counts the bytes of the status line and headers and gives up past PORTALCRAWL_MAX_HEADER_BYTES
(256 KiB by default; browsers and servers stop far below). The request then fails like a broken
connection: a counted skip ("header_flood") and a fetch-error page. Private names of Scrapy are
used here, and only here; should they go, the extension says so and the crawl goes on uncapped.
"""

from __future__ import annotations

import logging
from typing import Any

from scrapy.core.downloader.handlers import http11
from scrapy.crawler import Crawler
from twisted.web import _newclient

logger = logging.getLogger(__name__)
DEFAULT_MAX = 256 * 1024
_LENIENT = getattr(http11, "_LenientHTTPClientParser", None)


class HeaderFlood(Exception):
    """More header bytes than the cap."""


class _CappedParser(_LENIENT or _newclient.HTTPClientParser):  # type: ignore[misc]
    max_bytes = DEFAULT_MAX

    def lineReceived(self, line: bytes) -> None:
        if self.state in (_newclient.STATUS, _newclient.HEADER):
            self._header_bytes = getattr(self, "_header_bytes", 0) + len(line) + 1
            if self._header_bytes > self.max_bytes:
                raise HeaderFlood(f"header_flood: more than {self.max_bytes} bytes of headers")
        super().lineReceived(line)


class HeaderLimit:
    """Scrapy extension: the capped parser for this process's HTTP/1.1 downloads."""

    def __init__(self, max_bytes: int) -> None:
        _CappedParser.max_bytes = max_bytes
        if _LENIENT is None:
            logger.warning("this Scrapy has no _LenientHTTPClientParser: response headers are not capped")
            return
        http11._LenientHTTPClientParser = _CappedParser

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> Any:
        return cls(crawler.settings.getint("PORTALCRAWL_MAX_HEADER_BYTES", DEFAULT_MAX))
