"""A page cap that is a cap: at most CLOSESPIDER_PAGECOUNT requests leave for the network.

Scrapy's CloseSpider extension closes the crawl once that many responses have arrived, but the
requests already in flight (up to CONCURRENT_REQUESTS) still complete: `--max-pages 10` fetched
25 to 31 pages. This middleware counts the requests it lets through instead, refuses the rest
(a counted skip, no page recorded) and closes the crawl as CloseSpider would.
"""

from __future__ import annotations

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.utils.defer import deferred_from_coro

from ..contract import StatGroup

REASON = "page_cap"


class PageCapMiddleware:
    def __init__(self, crawler: Crawler, cap: int) -> None:
        self.crawler = crawler
        self.cap = cap
        self.sent = 0
        self.closing = False

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> PageCapMiddleware:
        cap = crawler.settings.getint("CLOSESPIDER_PAGECOUNT")
        if cap <= 0:
            raise NotConfigured
        return cls(crawler, cap)

    def process_request(self, request: Request, spider: Spider | None = None) -> None:
        if self.sent < self.cap:
            self.sent += 1
            return
        self.crawler.stats.inc_value(StatGroup.SKIPPED.key(REASON))
        if not self.closing:
            self.closing = True
            deferred_from_coro(self.crawler.engine.close_spider_async(reason="closespider_pagecount"))
        raise IgnoreRequest(f"{REASON}: {self.cap} pages fetched already")
