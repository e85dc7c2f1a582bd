"""What the processes of a distributed crawl share in Redis: the names of its keys and its config.

One run per Redis database at a time (use /1, /2 ... for runs side by side). The coordinator
(`portalcrawl crawl --redis`) publishes the run; workers (`portalcrawl worker --redis`) read it, take
requests from the shared frontier and push records back; only the coordinator opens the archive.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import uuid
from dataclasses import asdict, dataclass, field
from typing import Any

import redis

PREFIX = "portalcrawl"
HEARTBEAT_SECONDS = 15  # a worker (or coordinator) silent for this long is dead: its leases go back
TICK_SECONDS = 0.25  # how often a worker acknowledges finished requests and beats its heart


NO_RUN = "no distributed crawl was published on %s"  # a worker's error, with the Redis URL
NOT_PUBLISHED = "run_not_published"  # the finish reason of a worker whose run never came


class RedisUnavailable(RuntimeError):
    """Redis could not be reached, or the URL is not a Redis URL: said in one line."""


def connect(url: str) -> redis.Redis:
    """A client for redis://HOST:PORT/DB (or rediss://, unix://), checked with a PING."""
    try:
        server = redis.Redis.from_url(url, socket_connect_timeout=5, health_check_interval=30)
        server.ping()
    except (ValueError, redis.RedisError) as exc:
        raise RedisUnavailable(f"Redis at {url}: {exc}") from exc
    return server


def new_worker_id() -> str:
    return f"{socket.gethostname()}-{os.getpid()}-{uuid.uuid4().hex[:6]}"


class Keys:
    """The run's keys (the scheduler's queue and dupefilter names are scrapy-redis settings)."""

    config = f"{PREFIX}:config"
    templates = f"{PREFIX}:templates"  # pickled: the sites' templates, as the coordinator learns them
    templates_version = f"{PREFIX}:templates:version"  # bumped at each change, for workers to reload
    requests = f"{PREFIX}:requests"  # the queue's name in scrapy-redis's settings: its per-site queues below
    sites = f"{PREFIX}:sites"  # the sites with requests queued, scored by their best request's priority
    dupefilter = f"{PREFIX}:dupefilter"  # scrapy-redis's fingerprints (a set)
    workers = f"{PREFIX}:workers"  # every worker that joined (a set)
    records = f"{PREFIX}:records"  # pickled records, for the coordinator to store (a list)
    stats = f"{PREFIX}:stats"  # each worker's Scrapy stats when it ends (a list of JSON)
    done = f"{PREFIX}:done"  # set by the coordinator: the frontier is drained, workers may end
    coordinator = f"{PREFIX}:coordinator"  # the coordinator's heartbeat
    robots = f"{PREFIX}:robots"  # each site's robots.txt as a worker fetched it: by host[:port] (a hash)

    @staticmethod
    def inflight(worker: str) -> str:
        """Requests a worker has taken and not finished: a sorted set, scored as in the queue."""
        return f"{PREFIX}:inflight:{worker}"

    @staticmethod
    def alive(worker: str) -> str:
        return f"{PREFIX}:alive:{worker}"

    @staticmethod
    def site_queue(site: str) -> str:
        """A site's requests: a sorted set scored by priority, as scrapy-redis's priority queue."""
        return f"{PREFIX}:queue:{site}"

    @staticmethod
    def site_prefix() -> str:
        """What a site's politeness keys start with (the queue's Lua script adds ":active", ":next")."""
        return f"{PREFIX}:site:"

    @classmethod
    def site_active(cls, site: str) -> str:
        """The site's politeness tokens in use (crawl/redis_politeness.py)."""
        return f"{cls.site_prefix()}{site}:active"

    @classmethod
    def site_next(cls, site: str) -> str:
        return f"{cls.site_prefix()}{site}:next"

    @classmethod
    def run_keys(cls, server: redis.Redis) -> list[bytes]:
        """Every key of a run, to clear before a new one begins and after it ends."""
        return list(server.scan_iter(f"{PREFIX}:*", count=1000))


@dataclass
class RunConfig:
    """What a worker needs to crawl the run as the coordinator's own process would."""

    start_urls: list[str]
    db: str  # the coordinator's archive: a worker on its machine reads it for the incremental harvest
    allow: list[str] = field(default_factory=list)
    deny: list[str] = field(default_factory=list)
    settings: dict[str, Any] = field(default_factory=dict)  # the crawl's -s overrides and options
    run: str = ""  # this coordinator's: the workers it starts join its run, not one left in Redis

    @classmethod
    def of_crawl(cls, start_urls: list[str], db: str, overrides: dict[str, Any], max_depth: int | None = None,
                 allow: list[str] | None = None, deny: list[str] | None = None) -> RunConfig:
        """A new run of `crawl --redis`, its options as the settings they stand for."""
        settings = {**overrides, **({} if max_depth is None else {"DEPTH_LIMIT": max_depth})}
        return cls(start_urls, db, allow or [], deny or [], settings, new_run_id())

    def dumps(self) -> str:
        return json.dumps(asdict(self))

    @classmethod
    def loads(cls, text: bytes | str) -> RunConfig:
        return cls(**json.loads(text))


def new_run_id() -> str:
    return uuid.uuid4().hex


RUN_CONFIG_ENV = "PORTALCRAWL_RUN_CONFIG"  # the run's config, for the workers `crawl --local-workers` starts


def start_local_workers(redis_url: str, config: RunConfig, count: int, verbose: bool) -> list[subprocess.Popen[bytes]]:
    """Worker processes on this machine (`portalcrawl worker`) for the run `config`. Started before the
    coordinator loads Scrapy and the archive, and given the run's config here, so each builds its crawler
    while the coordinator loads; they wait only for that run to be published (not another one still in
    Redis). The config goes in their environment, which only this user can read, not on a command line."""
    output = None if verbose else subprocess.DEVNULL
    environment = {**os.environ, RUN_CONFIG_ENV: config.dumps()}
    return [subprocess.Popen([sys.executable, "-m", "portalcrawl.cli", "worker", "--redis", redis_url],
                             stdout=output, stderr=output, env=environment) for _ in range(count)]
