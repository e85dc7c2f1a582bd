"""A downloader middleware that keeps every request on the crawl's own sites and off addresses that
are not public: the spider's links, Scrapy's own robots.txt requests and every redirect, each checked
after its host name is resolved (see addresses.py)."""

from __future__ import annotations

import logging

from scrapy import Request, Spider
from scrapy.crawler import Crawler
from scrapy.exceptions import IgnoreRequest
from scrapy.statscollectors import StatsCollector
from scrapy.utils.defer import maybe_deferred_to_future
from scrapy.utils.httpobj import urlparse_cached

from ..archive.urls import site_of
from ..contract import StatGroup
from . import addresses

logger = logging.getLogger(__name__)


class AddressGuardMiddleware:
    def __init__(self, crawler: Crawler, stats: StatsCollector, allow_private: bool) -> None:
        self.crawler = crawler
        self.stats = stats
        self.allow_private = allow_private
        self.allowed: set[addresses.Address] | None = None

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> AddressGuardMiddleware:
        return cls(crawler, crawler.stats, crawler.settings.getbool("PORTALCRAWL_ALLOW_PRIVATE"))

    def _refuse(self, request: Request, reason: str, why: str) -> None:
        self.stats.inc_value(StatGroup.SKIPPED.key(reason))
        logger.warning("not requested: %s (%s)", request.url, why)
        raise IgnoreRequest(f"{reason}: {why}: {request.url}")  # crawl/failures.py reads the reason

    async def process_request(self, request: Request, spider: Spider | None = None) -> None:
        spider = spider or self.crawler.spider
        sites: set[str] = getattr(spider, "sites", set())
        if sites and site_of(request.url) not in sites:
            self._refuse(request, "offsite_request", "not a site of this crawl")
        if self.allow_private:
            return
        if self.allowed is None:
            self.allowed = addresses.start_addresses(getattr(spider, "start_urls", []))
        host = urlparse_cached(request).hostname or ""
        literal = addresses.literal(host)
        if literal is not None:
            found = [literal]
        else:
            from twisted.internet import reactor

            try:  # Scrapy's caching resolver: the connection that follows uses the same answer
                found = [addresses.literal(await maybe_deferred_to_future(reactor.resolve(host)))]
            except Exception:
                return
        why = addresses.problem([a for a in found if a is not None], self.allowed)
        if why:
            self._refuse(request, "non_public_address", why)
