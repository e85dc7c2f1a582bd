"""The shared frontier of a distributed crawl: scrapy-redis's scheduler and dupefilter, and a queue of
its kind (a subclass of scrapy-redis's, as SCHEDULER_QUEUE_CLASS allows) with three changes.

- The dupefilter takes this crawl's fingerprints (crawl/fingerprint.py: "dir/" and "dir/index.html"
  are one page), so a page is fetched once across all workers.
- One priority queue per site, and a sorted set of the sites by their best priority. A worker takes
  the best request of the best site that has a politeness token free (crawl/redis_politeness.py), so
  it never holds requests a busy site makes it wait for while other sites have work: with one shared
  queue, workers stalled behind the site whose pages happened to rank first.
- A request is marked seen and queued in one Lua script (LeasedScheduler), never one without the other.
- Taking a request is a lease, not a pop: a Lua script moves it into the worker's in-flight set in
  the same step; the worker removes it once Scrapy is done with it (its response read, its records
  pushed, its new requests queued). A worker killed in between leaves its leases behind, and the
  coordinator puts them back when the worker's heartbeat stops. A request may so be fetched twice,
  never lost; a second fetch stores the same rows (every write is an upsert).
- The requests a worker finds are queued with its next round trip: its next lease, or the end of
  leases, which sends them first. Every call blocks the worker's reactor, and on a busy machine a
  round trip takes a millisecond or more: profiled, the calls of a page (queue each link, lease, take
  and free the politeness token) held each of two workers' reactors about four seconds of a
  38-second crawl, a third of it queueing links.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import redis
from redis.exceptions import NoScriptError
from scrapy import Request
from scrapy_redis.dupefilter import RFPDupeFilter
from scrapy_redis.queue import Base
from scrapy_redis.scheduler import Scheduler

from ..archive.urls import site_of
from .redis_run import Keys

# KEYS: the sites set, the worker's in-flight set. ARGV: the queue prefix, the politeness prefix.
# The best request of the best site with a token free, leased as "site\n<request>" with its score.
_LEASE = """
local sites = redis.call('ZRANGE', KEYS[1], 0, -1)
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
for _, site in ipairs(sites) do
  local active = ARGV[2] .. site .. ':active'
  redis.call('ZREMRANGEBYSCORE', active, '-inf', now)
  local next = tonumber(redis.call('GET', ARGV[2] .. site .. ':next') or '0')
  if redis.call('ZCARD', active) < tonumber(ARGV[3]) and next <= now + tonumber(ARGV[4]) then
    local queue = ARGV[1] .. site
    local top = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
    if #top > 0 then
      redis.call('ZREM', queue, top[1])
      local rest = redis.call('ZRANGE', queue, 0, 0, 'WITHSCORES')
      if #rest > 0 then redis.call('ZADD', KEYS[1], rest[2], site) else redis.call('ZREM', KEYS[1], site) end
      redis.call('ZADD', KEYS[2], top[2], site .. '\\n' .. top[1])
      return top[1]
    end
    redis.call('ZREM', KEYS[1], site)
  end
end
return false
"""
# KEYS: the sites set, the site's queue, the dupefilter. ARGV: score, request, site, fingerprint ("" for a
# request not to filter). Seen and queued in one step: a worker killed between the two would leave a
# request marked seen and never queued, lost when its page is read again.
_PUSH = """
if ARGV[4] ~= '' and redis.call('SADD', KEYS[3], ARGV[4]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[1], ARGV[2])
redis.call('ZADD', KEYS[1], 'LT', ARGV[1], ARGV[3])
return 1
"""
# KEYS: a worker's in-flight set, the sites set. ARGV: the queue prefix. Its leases back in their queues.
REQUEUE = """
local held = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #held, 2 do
  local cut = string.find(held[i], '\\n', 1, true)
  local site = string.sub(held[i], 1, cut - 1)
  redis.call('ZADD', ARGV[1] .. site, held[i + 1], string.sub(held[i], cut + 1))
  redis.call('ZADD', KEYS[2], 'LT', held[i + 1], site)
end
redis.call('DEL', KEYS[1])
return #held / 2
"""


def site_key(request: Request) -> str:
    """The site a request counts against: its download slot (one per site, see the spider)."""
    return str(request.meta.get("download_slot") or site_of(request.url))


def push(server: redis.Redis, encoded: bytes, score: float, site: str, fingerprint: str = "") -> bool:
    """Queue a request unless its fingerprint was seen; whether it was queued."""
    return bool(server.register_script(_PUSH)(keys=[Keys.sites, Keys.site_queue(site), Keys.dupefilter],
                                              args=[score, encoded, site, fingerprint]))


class PortalDupeFilter(RFPDupeFilter):
    """scrapy-redis's dupefilter with the crawl's own request fingerprinter."""

    fingerprinter: Any = None

    @classmethod
    def from_spider(cls, spider: Any) -> PortalDupeFilter:
        dupefilter = super().from_spider(spider)
        dupefilter.fingerprinter = spider.crawler.request_fingerprinter
        return dupefilter

    def request_fingerprint(self, request: Request) -> str:
        return self.fingerprinter.fingerprint(request).hex()


class LeasedQueue(Base):
    """Per-site priority queues, taken by lease (see the module's docstring)."""

    def __init__(self, server: Any, spider: Any, key: str, serializer: Any = None) -> None:
        super().__init__(server, spider, key, serializer)
        settings = spider.settings
        self.worker = settings.get("PORTALCRAWL_WORKER_ID")
        self.inflight = Keys.inflight(self.worker)
        self.concurrency = max(1, settings.getint("PORTALCRAWL_SITE_CONCURRENCY", 1))
        # A site whose next slot opens this soon is worth taking a request for: the token waits that long.
        self.early_ms = 50
        self.lease_script = server.register_script(_LEASE)
        self.push_script = server.register_script(_PUSH)
        self.leases: dict[int, tuple[Request, bytes]] = {}  # by id(request): the request and its lease
        self.unsent: list[tuple[Request, str]] = []  # requests to queue with the next round trip, fingerprinted
        self.report: Callable[[Request, bool], None] = lambda request, queued: None  # see LeasedScheduler

    def __len__(self) -> int:
        return int(self.server.zcard(Keys.sites)) + len(self.unsent)

    def push(self, request: Request, fingerprint: str = "") -> bool:
        """Queue the request with the next round trip, unless fingerprint (when given) was seen then."""
        self.unsent.append((request, fingerprint))
        return True

    def pop(self, timeout: int = 0) -> Request | None:
        """The next request, leased (the requests unsent go first)."""
        data = self._send(lambda pipe: pipe.evalsha(
            self.lease_script.sha, 2, Keys.sites, self.inflight, Keys.site_queue(""), Keys.site_prefix(),
            self.concurrency, self.early_ms))
        if not data:
            return None
        request = self._decode_request(data)
        self.leases[id(request)] = (request, site_key(request).encode() + b"\n" + data)
        return request

    def release(self, finished: list[Request]) -> None:
        """These requests are done: their leases end, after the requests unsent (those they found)."""
        leases = [self.leases.pop(id(request))[1] for request in finished if id(request) in self.leases]
        if leases:
            self._send(lambda pipe: pipe.zrem(self.inflight, *leases))
        elif self.unsent:
            self._send()

    def _send(self, last: Callable[[Any], object] | None = None) -> Any:
        """The requests unsent, then the command `last` adds, in one round trip; that command's reply. A
        request is unsent until its round trip succeeds: after a failed one it goes with the next
        (harmless twice: its fingerprint queues it once)."""
        requests = list(self.unsent)
        for _ in range(2):
            # EVALSHA in a plain pipeline: redis-py's own script calls in a pipeline ask first whether the
            # server has the scripts, a round trip more each time.
            pipe = self.server.pipeline(transaction=False)
            for request, fingerprint in requests:
                site = site_key(request)
                pipe.evalsha(self.push_script.sha, 3, Keys.sites, Keys.site_queue(site), Keys.dupefilter,
                             -request.priority, self._encode_request(request), site, fingerprint)
            if last is not None:
                last(pipe)
            replies = pipe.execute(raise_on_error=False)
            if not any(isinstance(reply, NoScriptError) for reply in replies):
                break
            # The server lost the scripts (a restart), so none of them ran: loaded, and all sent again.
            for script in (self.push_script, self.lease_script):
                script.sha = self.server.script_load(script.script)
        if failed := next((reply for reply in replies if isinstance(reply, Exception)), None):
            raise failed
        del self.unsent[:len(requests)]
        for (request, _), queued in zip(requests, replies, strict=False):
            self.report(request, bool(queued))
        return replies[-1] if last is not None else None

    def clear(self) -> None:
        for key in self.server.scan_iter(Keys.site_queue("*")):
            self.server.delete(key)
        self.server.delete(Keys.sites)


class LeasedScheduler(Scheduler):
    """scrapy-redis's scheduler, with the dupefilter's check and the queue's push in one step, sent with
    the worker's next round trip (LeasedQueue)."""

    def open(self, spider: Any) -> Any:
        opened = super().open(spider)
        self.queue.report = self._report
        return opened

    def enqueue_request(self, request: Request) -> bool:
        return bool(self.queue.push(request, "" if request.dont_filter else self.df.request_fingerprint(request)))

    def _report(self, request: Request, queued: bool) -> None:
        if not queued:
            self.df.log(request, self.spider)
        elif self.stats:
            self.stats.inc_value("scheduler/enqueued/redis", spider=self.spider)
