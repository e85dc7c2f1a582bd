"""Scrapy's robots.txt middleware, with every request that waited for a site's robots.txt judged by it.

While a site's robots.txt is being fetched, the requests for that site wait on one Deferred. Scrapy
awaits it through ``Deferred.asFuture``, whose callback hands the next waiter ``None``, and ``None``
means "no robots.txt, allow all": only the first waiter was checked. One process rarely has two
requests for a site waiting (its start URL comes first); a worker of a distributed crawl, which takes
a batch of requests for a site from the shared queue at once, fetched disallowed pages. Each waiter
now reads the parser the fetch left behind.
"""

from __future__ import annotations

from scrapy import Request
from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware
from scrapy.robotstxt import RobotParser
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred


class WaitingRobotsTxtMiddleware(RobotsTxtMiddleware):
    async def robot_parser(self, request: Request) -> RobotParser | None:
        parser = await super().robot_parser(request)
        settled = self._parsers.get(urlparse_cached(request).netloc)
        return parser if parser is not None or isinstance(settled, Deferred) else settled
