"""Request fingerprints that know a directory and its index file are one page.

Scrapy's duplicate filter compares fingerprints; with this fingerprinter ``/a/jishu/`` and
``/a/jishu/index.html`` (and ``/`` and ``/index.php``) are fetched once, whichever is linked
first, so a category or home page is not archived twice.
"""

from __future__ import annotations

from typing import Any

from scrapy import Request
from scrapy.utils.request import RequestFingerprinter

from ..archive.urls import dedupe_key


class PortalFingerprinter:
    def __init__(self, crawler: Any = None) -> None:
        self._default = RequestFingerprinter(crawler)

    @classmethod
    def from_crawler(cls, crawler: Any) -> PortalFingerprinter:
        return cls(crawler)

    def fingerprint(self, request: Request) -> bytes:
        key = dedupe_key(request.url)
        return self._default.fingerprint(request if key == request.url else request.replace(url=key))
