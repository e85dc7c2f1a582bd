"""The one spider: crawl the sites of the start URLs, archive every page.

It decides what to fetch next and what to yield, and nothing else: it classifies nothing and
holds no selectors (the extractor says what a page is and which links are nav, teasers,
pagination or friend links), and everything it uses lives in ``portalcrawl.crawl``. It follows
same-site links (never friend or off-site links), reads robots.txt's sitemaps and the pages'
feeds, chains the pages of a multi-page article, and records every redirect and failure.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from portalcrawl.archive.building import (
    article_parts,
    article_record,
    list_dates_json,
    page_links,
    record_url,
    site_record,
)
from portalcrawl.archive.fetch_context import DEFAULT_TIMEZONE
from portalcrawl.archive.records import ArticleRecord, ListedDates, PageRecord
from portalcrawl.archive.urls import dedupe_key, normalize_url, site_of
from portalcrawl.contract import Stat, StatGroup, StoredKind
from portalcrawl.crawl.compression import BadBody
from portalcrawl.crawl.failures import REFUSED, failure_reason
from portalcrawl.crawl.following import LISTING_PRIORITY, REDIRECTS, UrlRules, onward_links
from portalcrawl.crawl.listings import ListedUrl, feed_entries, sitemap_entries, sitemap_urls_from_robots
from portalcrawl.crawl.page_reading import PageReader, header, now_utc, remember
from portalcrawl.crawl.start_urls import start_url_problem
from portalcrawl.extract import Article, PageKind
from portalcrawl.pool import ExtractionPool

logger = logging.getLogger(__name__)


class PortalSpider(scrapy.Spider):
    name = "portal"

    def __init__(self, start_urls: str | list[str] | None = None, allow: str | list[str] | None = None,
                 deny: str | list[str] | None = None, *args: Any, **kwargs: Any) -> None:
        """allow / deny: regexes (a list, or one string with patterns separated by newlines)."""
        super().__init__(*args, **kwargs)
        urls = start_urls.replace(",", " ").split() if isinstance(start_urls, str) else list(start_urls or [])
        problems = [f"{url}: {problem}" for url in urls if (problem := start_url_problem(url))]
        if problems or not urls:
            raise ValueError("; ".join(problems) or "the portal spider needs start_urls (http:// or https:// URLs)")
        self.start_urls = urls
        self.sites = {site_of(u) for u in self.start_urls}
        self.home_urls = {normalize_url(site + "/") for site in self.sites}
        self.rules = UrlRules(allow, deny, self._count)
        self.reader = PageReader(self._count)
        # The pages this crawl has asked for, recently: a page links the same nav and teasers as
        # every other, and each request costs Scrapy its whole middleware chain before the
        # dupefilter drops it. Bounded like the other windows: the dupefilter stays the authority.
        self.requested: OrderedDict[str, None] = OrderedDict()

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> PortalSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.reader.timezone = crawler.settings.get("PORTALCRAWL_TIMEZONE", DEFAULT_TIMEZONE)
        spider.reader.use_templates = crawler.settings.getbool("PORTALCRAWL_TEMPLATES", True)
        workers = crawler.settings.get("PORTALCRAWL_WORKERS")
        spider.reader.pool = ExtractionPool(None if workers in (None, "") else int(workers),
                                            crawler.settings.getfloat("PORTALCRAWL_EXTRACT_TIMEOUT", 60.0))
        return spider

    def closed(self, reason: str) -> None:
        self.reader.pool.close()

    async def start(self) -> AsyncIterator[scrapy.Request]:
        self.reader.pool.warm()  # its processes start while robots.txt and the start pages are fetched
        for url in self.start_urls:
            yield self._request(url, self.parse)
        for site in sorted(self.sites):  # robots.txt names the portal's sitemaps, if it has any
            yield self._request(site + "/robots.txt", self.parse_robots, priority=LISTING_PRIORITY + 5)

    def _request(self, url: str, callback: Any, dont_filter: bool = False, priority: int = 0,
                 **meta: Any) -> scrapy.Request:
        # Redirects come to the spider (see _redirect): each one is recorded, none vanishes in the dupefilter.
        # One download slot per site (scheme, host and port), so CONCURRENT_REQUESTS_PER_DOMAIN and the
        # delay are per portal even when portals share a host name.
        meta = {"dont_redirect": True, "handle_httpstatus_list": sorted(REDIRECTS), "download_slot": site_of(url),
                **meta}
        return scrapy.Request(url, callback=callback, errback=self.on_error, meta=meta, dont_filter=dont_filter,
                              priority=priority)

    def _count(self, key: str) -> None:
        self.crawler.stats.inc_value(key)

    # ------------------------------------------------------------------ pages
    async def parse(self, response: Response) -> AsyncIterator[Any]:
        if response.status in REDIRECTS:
            for item in self._redirect(response):
                yield item
            return
        page, article = await self.reader.read(response)
        if evidence := self.reader.evidence(page, article):
            yield evidence
        yield page
        self._count(Stat.PARSED)
        if article is None:
            return
        if article.kind is PageKind.LIST:
            self.crawler.stats.inc_value(Stat.LIST_ITEMS, len(article.teasers))
        yield page_links(response.url, article)
        if normalize_url(response.url) in self.home_urls:
            yield site_record(response.url, article, page.fetched_at)
        dated: dict[str, str] = {}
        for request in self._follow(article, dated):
            yield request
        if dated:  # for the pages read before this one, elsewhere or in the pool: see ListedDates
            yield ListedDates(response.url, dated)
        for feed in article.feeds:
            if site_of(feed) in self.sites:
                yield self._request(normalize_url(feed), self.parse_feed, priority=LISTING_PRIORITY)
        if article.kind is not PageKind.ARTICLE:
            return
        part, parts = article_parts(normalize_url(response.url),
                                    [normalize_url(link.url) for link in article.pagination])
        if part > 1:
            # A later page of a multi-page article: the record is built from page 1.
            self._count(StatGroup.PAGES.key("article_part"))
            yield self._request(parts[0], self.parse)
            return
        rest = parts[1:]
        if rest:
            # dont_filter: the chain must reach every part even if a link already led there.
            yield self._request(rest[0], self.parse_part, dont_filter=True, article=article,
                                bodies=[article.body], remaining=rest[1:], fetched=page.fetched_at)
            return
        yield self._article(article, page.fetched_at, 1)

    async def parse_part(self, response: Response) -> AsyncIterator[Any]:
        """Pages 2..n of a multi-page article, fetched in order and joined into one record."""
        page, part = await self.reader.read(response)
        for item in filter(None, [self.reader.evidence(page, part), page]):  # evidence first, for the coordinator
            yield item
        if part is not None:
            yield page_links(response.url, part)  # like every page: re-extraction keeps them in step
        meta = response.meta
        bodies = list(meta["bodies"])
        if part is not None and part.kind is PageKind.ARTICLE and part.body:
            bodies.append(part.body)
        else:  # fetched, but not a page of this article: the pagination was a list's, not the article's
            self._count(StatGroup.SKIPPED.key("article_part_not_article"))
        if meta["remaining"]:
            yield self._request(meta["remaining"][0], self.parse_part, dont_filter=True,
                                article=meta["article"], bodies=bodies,
                                remaining=meta["remaining"][1:], fetched=meta["fetched"])
            return
        article: Article = meta["article"]
        article.body = "\n".join(bodies)
        yield self._article(article, meta["fetched"], len(bodies))

    def _article(self, article: Article, fetched: str, pages: int) -> ArticleRecord:
        self._count(Stat.ARTICLES)
        article.url = record_url(article.url or "", article)
        return article_record(article, fetched, pages)

    def _follow(self, article: Article, dated: dict[str, str]) -> Iterator[scrapy.Request]:
        """The requests for the page's onward links; the dates a list prints next to them go in dated.
        The pages of a list, linked by its page numbers, are lists however short."""
        numbered = {normalize_url(link.url) for link in article.list_pagination
                    if article.kind is PageKind.LIST}
        for url in numbered:
            remember(self.reader.list_pages, url, None)
        for link in onward_links(article, self.sites, self.rules):
            if link.dates:
                remember(self.reader.listed_dates, link.url, link.dates)
                dated[link.url] = list_dates_json(link.dates)
            key = dedupe_key(link.url)
            if key in self.requested:  # the dupefilter would drop it, after Scrapy's work on it
                continue
            remember(self.requested, key, None)
            yield self._request(link.url, self.parse, priority=link.priority,
                                **({"list_dates": link.dates} if link.dates else {}),
                                **({"list_page": True} if link.url in numbered else {}))

    def _redirect(self, response: Response) -> Iterator[Any]:
        """Record where a moved URL leads, then follow it like any link.

        Handled here rather than by Scrapy's RedirectMiddleware, whose redirected request can
        vanish in the dupefilter: the archive must know every redirect, so that later harvests
        judge the old URL by its target, and a loop must be counted, not silently dropped.
        """
        location = header(response, "Location")
        target = normalize_url(urljoin(response.url, location)) if location else None
        chain = [*response.meta.get("redirect_chain", []), response.url]
        fetched = self.reader.fetched(response).isoformat(timespec="seconds")
        yield PageRecord(url=response.url, site=site_of(response.url), status=response.status, fetched_at=fetched,
                         kind=StoredKind.REDIRECT, redirect_to=target,
                         error=None if target else "redirect without Location")
        max_hops = self.crawler.settings.getint("REDIRECT_MAX_TIMES", 5)
        if target is None:
            self._count(StatGroup.SKIPPED.key("redirect_without_location"))
        elif target in chain or len(chain) > max_hops:
            self._count(StatGroup.SKIPPED.key("redirect_loop"))
            logger.warning("redirect loop: %s", " -> ".join([*chain, target]))
        elif site_of(target) in self.sites:
            meta = {k: v for k, v in response.meta.items() if k in ("list_dates",)}
            yield self._request(target, self.parse, redirect_chain=chain, **meta)
        else:
            self._count(StatGroup.PAGES.key("redirect_offsite"))

    # ------------------------------------------------------------------ listings
    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        if response.status != 200:
            return
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            if site_of(url) in self.sites:
                yield self._request(normalize_url(url), self.parse_sitemap, priority=LISTING_PRIORITY)

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        if response.status in REDIRECTS:
            yield from self._redirect(response)
            return
        try:
            kind, entries = sitemap_entries(response.body, self.crawler.settings.getint("DOWNLOAD_MAXSIZE"))
        except BadBody as exc:  # a gzip bomb, or a file cut short
            self._count(StatGroup.SKIPPED.key(f"sitemap_{exc.reason}"))
            logger.warning("sitemap not read: %s: %s", response.url, exc)
            kind, entries = "", []
        yield self.reader.page_record(response, StoredKind.SITEMAP if kind else StoredKind.OTHER)
        self._count(StatGroup.PAGES.key(f"sitemap_{kind or 'unreadable'}"))
        for entry in entries:
            url = normalize_url(entry.url)
            if site_of(url) not in self.sites or not self.rules.allowed(url):
                continue
            if kind == "sitemapindex":
                yield self._request(url, self.parse_sitemap, priority=LISTING_PRIORITY)
            else:
                yield self._listed(url, entry)

    def parse_feed(self, response: Response) -> Iterator[Any]:
        if response.status in REDIRECTS:
            yield from self._redirect(response)
            return
        entries = feed_entries(response.body)
        yield self.reader.page_record(response, StoredKind.FEED if entries else StoredKind.OTHER)
        dated: dict[str, str] = {}
        for entry in entries:
            url = normalize_url(entry.url)
            if site_of(url) in self.sites and self.rules.allowed(url):
                if entry.published:
                    remember(self.reader.listed_dates, url, (entry.published,))
                    dated[url] = list_dates_json((entry.published,))
                yield self._listed(url, entry)
        if dated:
            yield ListedDates(response.url, dated)

    def _listed(self, url: str, entry: ListedUrl) -> scrapy.Request:
        """A page a sitemap or feed lists; its modification time lets a harvest refresh it."""
        meta: dict[str, Any] = {}
        if entry.published:
            meta["list_dates"] = (entry.published,)
        if entry.modified:
            meta["portalcrawl_modified"] = entry.modified.isoformat()
        return self._request(url, self.parse, **meta)

    # ------------------------------------------------------------------ failures
    def on_error(self, failure: Failure) -> Iterator[Any]:
        request = failure.request
        if failure.check(HttpError):
            response = failure.value.response
            self._count(StatGroup.SKIPPED.key(f"http_{response.status}"))
            yield self.reader.page_record(response, StoredKind.HTTP_ERROR)
            yield from self._salvage(request)
            return
        reason, message = failure_reason(failure.value)
        if reason in REFUSED:  # never sent: counted by the middleware that refused it, no page to record
            return
        self._count(StatGroup.SKIPPED.key(reason))
        if reason == "robots":
            return
        logger.warning("skipped %s: %s", request.url, message)
        yield PageRecord(url=request.url, site=site_of(request.url), status=0,
                         fetched_at=now_utc().isoformat(timespec="seconds"), kind=StoredKind.FETCH_ERROR,
                         error=f"{reason}: {message}"[:500])
        yield from self._salvage(request)

    def _salvage(self, request: scrapy.Request) -> Iterator[ArticleRecord]:
        """A part of a multi-page article failed: keep the pages we have rather than lose the article."""
        if "bodies" in request.meta:
            self._count(StatGroup.ERRORS.key("article_part_missing"))
            article: Article = request.meta["article"]
            article.body = "\n".join(request.meta["bodies"])
            yield self._article(article, request.meta["fetched"], len(request.meta["bodies"]))
