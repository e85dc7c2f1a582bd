"""Incremental crawling against the archive itself.

A harvest must not fetch again what it already holds, and must find what is new. Both
middlewares ask the archive (one indexed lookup per URL, so memory does not grow with the
archive) instead of keeping a set of seen URLs:

- ArchiveFilterMiddleware (spider side) drops requests for pages already archived and not
  due for a refresh, before they are ever queued: archived articles, and pages known to be
  dead ends (4xx, non-HTML, no article). List and home pages always go through.
- ConditionalGetMiddleware (downloader side) sends If-None-Match / If-Modified-Since for
  pages the archive holds, and turns a 304 back into the stored page, so a list page that
  did not change still yields its links without being downloaded.

Scrapy's HttpCacheMiddleware would do the second with a private copy of every page; the
archive already stores the bytes, so it is the cache. Both are off unless
PORTALCRAWL_INCREMENTAL is set (harvests set it; a plain `crawl` fetches everything).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator, Iterable
from typing import Any

from scrapy import Request
from scrapy.crawler import Crawler
from scrapy.exceptions import NotConfigured
from scrapy.http import HtmlResponse, Response
from scrapy.statscollectors import StatsCollector

from ..archive.lookup import ArchiveIndex
from ..contract import Stat, StatGroup, StoredKind

_DEAD_ENDS = {StoredKind.OTHER, StoredKind.ERROR, StoredKind.EMPTY, StoredKind.NON_HTML}
# Listings can change any day: fetched every run (conditionally).
_ALWAYS = {StoredKind.LIST, StoredKind.SITEMAP, StoredKind.FEED}
# 4xx answers that say "not now" rather than "not here": tried again, like 5xx.
_TRANSIENT = {408, 425, 429}
# What a conditional GET may be answered from (a 304 turns back into the stored page).
_REVALIDATED = {StoredKind.LIST, StoredKind.ARTICLE, StoredKind.SITEMAP, StoredKind.FEED}


def _utc(stamp: str) -> dt.datetime:
    parsed = dt.datetime.fromisoformat(stamp)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def _cutoff(days: float | None) -> str | None:
    if days is None:
        return None
    return (dt.datetime.now(dt.UTC) - dt.timedelta(days=days)).isoformat(timespec="seconds")


class ArchiveFilterMiddleware:
    """Spider middleware: already-archived pages are not requested again."""

    def __init__(self, index: ArchiveIndex, refresh_days: float | None, stats: StatsCollector) -> None:
        self.index = index
        self.refresh_before = _cutoff(refresh_days)
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ArchiveFilterMiddleware:
        if not crawler.settings.getbool("PORTALCRAWL_INCREMENTAL"):
            raise NotConfigured
        refresh = crawler.settings.get("PORTALCRAWL_REFRESH_DAYS")
        return cls(ArchiveIndex(crawler.settings.get("PORTALCRAWL_DB")),
                   float(refresh) if refresh not in (None, "") else None, crawler.stats)

    def skip_reason(self, request: Request) -> str | None:
        if "bodies" in request.meta:  # the next part of a multi-page article being joined
            return None
        state = self.index.state(request.url)
        if state is not None and state.kind in (StoredKind.REDIRECT, StoredKind.ALIAS) and state.redirect_to:
            # Judge a moved page by where it went, and a second URL of an article by the article's own.
            state = self.index.state(state.redirect_to)
        if state is None or state.kind in _ALWAYS:
            return None
        if self.refresh_before is not None and state.fetched_at < self.refresh_before:
            return None  # due for a refresh
        modified = request.meta.get("portalcrawl_modified")  # a sitemap's lastmod, a feed's updated
        if modified and _utc(modified) > _utc(state.fetched_at):
            return None  # changed since we fetched it
        if state.archived_article:
            return "archived"
        if state.kind in _DEAD_ENDS or (state.kind == StoredKind.HTTP_ERROR and 400 <= state.status < 500
                                        and state.status not in _TRANSIENT):
            return "dead_end"
        return None  # fetch errors, 5xx, 408 and 429 are tried again

    def _keep(self, item: Any) -> bool:
        if not isinstance(item, Request):
            return True
        reason = self.skip_reason(item)
        if reason:
            self.stats.inc_value(StatGroup.INCREMENTAL.key(reason))
        return reason is None

    def process_spider_output(self, response: Response, result: Iterable[Any], spider: Any = None) -> Iterable[Any]:
        return (item for item in result if self._keep(item))

    async def process_spider_output_async(self, response: Response, result: AsyncIterator[Any],
                                          spider: Any = None) -> AsyncIterator[Any]:
        async for item in result:
            if self._keep(item):
                yield item


class ConditionalGetMiddleware:
    """Downloader middleware: conditional requests for archived pages; a 304 becomes the stored page."""

    def __init__(self, index: ArchiveIndex, stats: StatsCollector) -> None:
        self.index = index
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> ConditionalGetMiddleware:
        if not crawler.settings.getbool("PORTALCRAWL_INCREMENTAL"):
            raise NotConfigured
        return cls(ArchiveIndex(crawler.settings.get("PORTALCRAWL_DB")), crawler.stats)

    def process_request(self, request: Request, spider: Any = None) -> None:
        state = self.index.state(request.url)
        if state is None or state.status != 200 or state.kind not in _REVALIDATED:
            return
        if state.etag:
            request.headers.setdefault("If-None-Match", state.etag)
        if state.last_modified:
            request.headers.setdefault("If-Modified-Since", state.last_modified)

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        conditional = b"If-None-Match" in request.headers or b"If-Modified-Since" in request.headers
        if response.status != 304 or not conditional:
            return response
        stored = self.index.stored_body(request.url)
        if stored is None:
            return response
        body, content_type = stored
        self.stats.inc_value(Stat.NOT_MODIFIED)
        headers = dict(response.headers)
        headers[b"Content-Type"] = (content_type or "text/html").encode("latin-1")
        return HtmlResponse(url=response.url, status=200, headers=headers, body=body, request=request,
                            flags=["not_modified"])
