"""robots.txt fetched once per site for all the workers of a distributed crawl, not once per worker.

Scrapy's robots.txt middleware keeps what it fetched in its own process: every worker fetched every
site's robots.txt again, and held that site's first request until it came (measured: 48 fetches for
24 sites with two workers, a request each in flight for 200 ms on a slow server). The first worker to
fetch a site's robots.txt leaves its body in the run's Redis; the others read it from there. A site's
other requests reach another worker only once its start page is read, after its robots.txt: so the
body is there by then (it is fetched twice only for a site of several start URLs). What Scrapy does
with the body (a 404's page allows everything; a fetch that fails leaves nothing to share, and each
worker tries on its own) stays as in one process.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.http import Response
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from scrapy.utils.misc import build_from_crawler

from .redis_run import Keys, connect
from .robots import WaitingRobotsTxtMiddleware


class SharedRobotsTxtMiddleware(WaitingRobotsTxtMiddleware):
    def __init__(self, crawler: Crawler) -> None:
        super().__init__(crawler)
        self.server = connect(crawler.settings.get("PORTALCRAWL_REDIS_URL"))

    async def robot_parser(self, request: Request) -> RobotParser | None:
        netloc = urlparse_cached(request).netloc
        if netloc not in self._parsers and (body := self.server.hget(Keys.robots, netloc)) is not None:
            self._parsers[netloc] = build_from_crawler(self._parserimpl, self.crawler, body)
            self._stats.inc_value("portalcrawl/robotstxt/shared")
        return await super().robot_parser(request)

    async def _parse_robots(self, response: Response, netloc: str, request: Request) -> None:
        await super()._parse_robots(response, netloc, request)
        self.server.hset(Keys.robots, netloc, response.body)
