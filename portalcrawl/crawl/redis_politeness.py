"""Per-site politeness across all the workers of a distributed crawl.

Scrapy's own limits (CONCURRENT_REQUESTS_PER_DOMAIN, DOWNLOAD_DELAY) hold within one process: with
four workers a portal would get four times the load. This downloader middleware takes a site's
token in Redis before each request: at most the site's concurrency in flight across all workers,
and successive requests spaced by the site's delay, on Redis's clock (one clock for all machines).
A token is a lease that expires after the download timeout, so a killed worker's tokens come back;
sooner, when the coordinator finds its heartbeat stopped and puts its leases back in the queue.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import redis
from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import Response

from .redis_frontier import site_key
from .redis_run import Keys, connect

# KEYS: the site's active tokens (sorted set, scored by expiry), the earliest time of its next request.
# ARGV: concurrency, delay (ms), token, lease (ms). Returns 0 (go) or how long to wait (ms).
_TAKE = """
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then return 10 end
local next = tonumber(redis.call('GET', KEYS[2]) or '0')
if next > now then return next - now end
redis.call('ZADD', KEYS[1], now + tonumber(ARGV[4]), ARGV[3])
redis.call('PEXPIRE', KEYS[1], tonumber(ARGV[4]) + 1000)
redis.call('SET', KEYS[2], now + tonumber(ARGV[2]), 'PX', tonumber(ARGV[2]) + 1000)
return 0
"""
TOKEN = "portalcrawl_site_token"


def free_tokens(server: redis.Redis, worker: str) -> None:
    """A dead worker's tokens, freed when its leases go back in the queue: else the sites it was
    fetching from wait for them to expire (a minute by default; measured: a site stalled so)."""
    mine = f"{worker}:".encode()
    for key in server.scan_iter(Keys.site_active("*")):
        if held := [token for token in server.zrange(key, 0, -1) if token.startswith(mine)]:
            server.zrem(key, *held)


class SharedPolitenessMiddleware:
    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.server = connect(settings.get("PORTALCRAWL_REDIS_URL"))
        self.take = self.server.register_script(_TAKE)
        self.concurrency = max(1, settings.getint("PORTALCRAWL_SITE_CONCURRENCY"))
        self.delay_ms = int(settings.getfloat("PORTALCRAWL_SITE_DELAY") * 1000)
        self.lease_ms = int((settings.getfloat("DOWNLOAD_TIMEOUT") + 30) * 1000)
        self.stats = crawler.stats
        self.worker = settings.get("PORTALCRAWL_WORKER_ID")

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> SharedPolitenessMiddleware:
        if not crawler.settings.get("PORTALCRAWL_REDIS_URL"):
            raise NotConfigured
        return cls(crawler)

    async def process_request(self, request: Request, spider: Any = None) -> None:
        site = site_key(request)
        token = f"{self.worker}:{uuid.uuid4().hex}"  # named after its worker: see free_tokens
        keys = [Keys.site_active(site), Keys.site_next(site)]
        waited = 0
        while wait := int(self.take(keys=keys, args=[self.concurrency, self.delay_ms, token, self.lease_ms])):
            waited += wait
            await asyncio.sleep(wait / 1000)
        if waited:
            self.stats.inc_value("portalcrawl/politeness/waited_ms", waited)
        request.meta[TOKEN] = (keys[0], token)

    def _release(self, request: Request) -> None:
        held = request.meta.pop(TOKEN, None)
        if held:
            self.server.zrem(*held)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        self._release(request)
        return response

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> None:
        self._release(request)
