"""The one spider: crawl the sites of the start URLs, archive every article page.

It classifies nothing itself and holds no selectors: the extractor says what a page is
and which links are nav, teasers, pagination or friend links. The spider follows
same-site links (never friend or off-site links), chains the pages of a multi-page
article, and yields records for the pipeline.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections import OrderedDict
from collections.abc import AsyncIterator, Iterator
from typing import Any
from urllib.parse import urljoin

import scrapy
from scrapy.http import Response
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from portalcrawl.context import DEFAULT_TIMEZONE, fetch_context, http_time
from portalcrawl.extract import Article, ExtractContext, PageKind, extract_article
from portalcrawl.extract.dates import find_dates, normalize_date_text
from portalcrawl.extract.learn import TemplateLearner
from portalcrawl.items import ArticleRecord, PageRecord
from portalcrawl.records import (
    article_parts,
    article_record,
    extraction_stamp,
    list_dates_json,
    page_links,
    page_record,
    record_url,
    site_record,
)
from portalcrawl.urls import normalize_url, site_of

from .listings import REDIRECTS, ListingCallbacks

logger = logging.getLogger(__name__)
# Dates seen on list pages, for links first requested from a page without them: needed only while
# such a request is in flight, so a window of recent links is enough (and memory stays flat).
MAX_REMEMBERED_DATES = 10_000
_HTML_TYPES = ("text/html", "application/xhtml", "text/plain")


def _now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def _header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


# URLs that multiply without end: calendars, session permutations, sorted/filtered views.
TRAPS = (r"[?&](year|month|day|date|calendar)=", r"[?&](sort|order|orderby)=", r"(/[^/]+)\1{3,}/")


def _patterns(value: str | list[str] | None) -> list[str]:
    if not value:
        return []
    return [p for p in (value.splitlines() if isinstance(value, str) else value) if p.strip()]


def _list_dates(raw: str | None) -> tuple[dt.date, ...]:
    if not raw:
        return ()
    return tuple(dt.date(d.year, d.month, d.day) for d in find_dates(normalize_date_text(raw)) if d.year)


class PortalSpider(ListingCallbacks, scrapy.Spider):
    name = "portal"

    def __init__(self, start_urls: str | list[str] | None = None, allow: str | list[str] | None = None,
                 deny: str | list[str] | None = None, *args: Any, **kwargs: Any) -> None:
        """allow / deny: regexes (a list, or one string with patterns separated by newlines)."""
        super().__init__(*args, **kwargs)
        self.allow = [re.compile(p) for p in _patterns(allow)]
        self.deny = [re.compile(p) for p in [*TRAPS, *_patterns(deny)]]
        urls = start_urls.replace(",", " ").split() if isinstance(start_urls, str) else list(start_urls or [])
        self.start_urls = [u for u in urls if u.startswith(("http://", "https://"))]
        if not self.start_urls:
            raise ValueError("the portal spider needs start_urls (http:// or https:// URLs)")
        self.sites = {site_of(u) for u in self.start_urls}
        self.home_urls = {normalize_url(site + "/") for site in self.sites}
        # Dates printed next to links on list pages, by target URL: the year clue for "8月4日".
        # Bounded: old entries go first, the crawl's memory must not grow with the portal.
        self.listed_dates: OrderedDict[str, tuple[dt.date, ...]] = OrderedDict()
        # URLs a list page linked by its page numbers: page 2 of a list is a list, however few its items.
        self.list_pages: OrderedDict[str, None] = OrderedDict()
        self.timezone = DEFAULT_TIMEZONE
        # The sites' templates, learned from the pages as they come (the pipeline loads the ones the
        # archive already knows, and re-extracts what was extracted before a template was learned).
        self.learner = TemplateLearner()
        self.use_templates = True

    @classmethod
    def from_crawler(cls, crawler: Any, *args: Any, **kwargs: Any) -> PortalSpider:
        spider = super().from_crawler(crawler, *args, **kwargs)
        spider.timezone = crawler.settings.get("PORTALCRAWL_TIMEZONE", DEFAULT_TIMEZONE)
        spider.use_templates = crawler.settings.getbool("PORTALCRAWL_TEMPLATES", True)
        return spider

    async def start(self) -> AsyncIterator[scrapy.Request]:
        for url in self.start_urls:
            yield self._request(url, self.parse)
        for site in sorted(self.sites):  # robots.txt names the portal's sitemaps, if it has any
            yield self._request(site + "/robots.txt", self.parse_robots, priority=20)

    def _request(self, url: str, callback: Any, dont_filter: bool = False, priority: int = 0,
                 **meta: Any) -> scrapy.Request:
        # Redirects come to the spider (see _redirect): each one is recorded, none vanishes in the dupefilter.
        meta = {"dont_redirect": True, "handle_httpstatus_list": sorted(REDIRECTS), **meta}
        return scrapy.Request(url, callback=callback, errback=self.on_error, meta=meta, dont_filter=dont_filter,
                              priority=priority)

    def _count(self, key: str) -> None:
        self.crawler.stats.inc_value(f"portalcrawl/{key}")

    # ------------------------------------------------------------------ pages

    def _page_record(self, response: Response, fetched: dt.datetime) -> PageRecord:
        headers = {name: _header(response, name) for name in ("Content-Type", "ETag", "Last-Modified", "Date")}
        return page_record(response.url, response.status, response.body or b"", headers, fetched)

    def _fetched(self, response: Response) -> dt.datetime:
        """When the page was fetched: the server's Date header, else our clock."""
        return http_time(_header(response, "Date")) or _now_utc()

    def _list_dates_of(self, response: Response) -> tuple[dt.date, ...]:
        return response.meta.get("list_dates", ()) or self.listed_dates.get(normalize_url(response.url), ())

    def _context(self, response: Response, fetched: dt.datetime) -> ExtractContext:
        templates = self.learner.templates(site_of(response.url)) if self.use_templates else ()
        return fetch_context(fetched, _header(response, "Last-Modified"), _header(response, "Content-Type"),
                             self._list_dates_of(response), self.timezone, templates, self._is_list_page(response))

    def _is_list_page(self, response: Response) -> bool:
        return normalize_url(response.url) in self.list_pages

    @staticmethod
    def _remember(window: OrderedDict[str, Any], url: str, value: Any) -> None:
        """Keep the newest MAX_REMEMBERED_DATES entries: what in-flight requests need, and no more."""
        window[url] = value
        window.move_to_end(url)
        while len(window) > MAX_REMEMBERED_DATES:
            window.popitem(last=False)

    def _extract(self, response: Response) -> tuple[PageRecord, Article | None]:
        """Record the page and run the extractor; bad input becomes a counted skip, never a crash."""
        fetched = self._fetched(response)
        page = self._page_record(response, fetched)
        content_type = (page.content_type or "").lower()
        if not response.body:
            page.kind = "empty"
            self._count("skipped/empty")
            return page, None
        if content_type and not content_type.startswith(_HTML_TYPES):
            page.kind = "non-html"
            self._count("skipped/non_html")
            return page, None
        try:
            article = extract_article(response.body, response.url, self._context(response, fetched))
        except Exception as exc:  # the extractor must not take the crawl down with it
            logger.exception("extraction failed on %s", response.url)
            page.kind, page.error = "error", f"{type(exc).__name__}: {exc}"
            self._count("errors/extraction")
            return page, None
        page.kind, page.encoding = str(article.kind), article.encoding
        page.list_dates = list_dates_json(self._list_dates_of(response))
        page.reached_as = "list-page" if self._is_list_page(response) else None
        if self.use_templates and article.evidence is not None:
            page.template = self.learner.observe(page.site, response.url, article.evidence)
            page.extracted_with = extraction_stamp(article.evidence.template_version)
        if article.kind is not PageKind.ARTICLE:
            self._count(f"pages/{article.kind}")
        return page, article

    def parse(self, response: Response) -> Iterator[Any]:
        if response.status in REDIRECTS:
            yield from self._redirect(response)
            return
        page, article = self._extract(response)
        yield page
        self._count("parsed")
        if article is None:
            return
        if article.kind is PageKind.LIST:
            self.crawler.stats.inc_value("portalcrawl/list_items", len(article.teasers))
        yield page_links(response.url, article)
        if normalize_url(response.url) in self.home_urls:
            yield site_record(response.url, article, page.fetched_at)
        yield from self._follow(article)
        for feed in article.feeds:
            if site_of(feed) in self.sites:
                yield self._request(normalize_url(feed), self.parse_feed, priority=15)
        if article.kind is not PageKind.ARTICLE:
            return
        part, parts = article_parts(normalize_url(response.url),
                                    [normalize_url(link.url) for link in article.pagination])
        if part > 1:
            # A later page of a multi-page article: the record is built from page 1.
            self._count("pages/article_part")
            yield self._request(parts[0], self.parse)
            return
        rest = parts[1:]
        if rest:
            # dont_filter: the chain must reach every part even if a link already led there.
            yield self._request(rest[0], self.parse_part, dont_filter=True, article=article,
                                bodies=[article.body], remaining=rest[1:], fetched=page.fetched_at)
            return
        yield self._article(article, page.fetched_at, 1)

    def parse_part(self, response: Response) -> Iterator[Any]:
        """Pages 2..n of a multi-page article, fetched in order and joined into one record."""
        page, part = self._extract(response)
        yield page
        if part is not None:
            yield page_links(response.url, part)  # like every page: re-extraction keeps them in step
        meta = response.meta
        bodies = list(meta["bodies"])
        if part is not None and part.kind is PageKind.ARTICLE and part.body:
            bodies.append(part.body)
        else:  # fetched, but not a page of this article: the pagination was a list's, not the article's
            self._count("skipped/article_part_not_article")
        if meta["remaining"]:
            yield self._request(meta["remaining"][0], self.parse_part, dont_filter=True,
                                article=meta["article"], bodies=bodies,
                                remaining=meta["remaining"][1:], fetched=meta["fetched"])
            return
        article: Article = meta["article"]
        article.body = "\n".join(bodies)
        yield self._article(article, meta["fetched"], len(bodies))

    # ------------------------------------------------------------------ records

    def _article(self, article: Article, fetched: str, pages: int) -> ArticleRecord:
        self._count("articles")
        article.url = record_url(article.url or "", article)
        return article_record(article, fetched, pages)

    def _redirect(self, response: Response) -> Iterator[Any]:
        """Record where a moved URL leads, then follow it like any link.

        Handled here rather than by Scrapy's RedirectMiddleware, whose redirected request can
        vanish in the dupefilter: the archive must know every redirect, so that later harvests
        judge the old URL by its target, and a loop must be counted, not silently dropped.
        """
        fetched = self._fetched(response).isoformat(timespec="seconds")
        location = _header(response, "Location")
        target = normalize_url(urljoin(response.url, location)) if location else None
        chain = [*response.meta.get("redirect_chain", []), response.url]
        yield PageRecord(url=response.url, site=site_of(response.url), status=response.status, fetched_at=fetched,
                         kind="redirect", redirect_to=target, error=None if target else "redirect without Location")
        max_hops = self.crawler.settings.getint("REDIRECT_MAX_TIMES", 5)
        if target is None:
            self._count("skipped/redirect_without_location")
        elif target in chain or len(chain) > max_hops:
            self._count("skipped/redirect_loop")
            logger.warning("redirect loop: %s", " -> ".join([*chain, target]))
        elif site_of(target) in self.sites:
            meta = {k: v for k, v in response.meta.items() if k in ("list_dates",)}
            yield self._request(target, self.parse, redirect_chain=chain, **meta)
        else:
            self._count("pages/redirect_offsite")

    def _follow(self, article: Article) -> Iterator[scrapy.Request]:
        """Same-site links onward; friend links and off-site links are recorded, never followed.

        List pages (nav, list pagination) go first, so that the dates they print next to each
        article are known before the article itself is parsed.
        """
        teaser_priority = 0 if article.kind is PageKind.LIST else -5
        if article.kind is PageKind.LIST:
            for link in article.list_pagination:
                self._remember(self.list_pages, normalize_url(link.url), None)
        candidates: list[tuple[str, tuple[dt.date, ...], int]] = [
            (t.url, _list_dates(t.date), teaser_priority) for t in article.teasers]
        candidates += [(link.url, (), 10) for link in article.nav + article.list_pagination]
        candidates += [(link.url, (), -10) for link in article.body_links + article.other_links]
        seen: set[str] = set()  # a page links the same URL from nav, teasers and footer alike
        for url, dates, priority in candidates:
            url = normalize_url(url)
            if url in seen or site_of(url) not in self.sites or not self._allowed(url):
                continue
            seen.add(url)
            if dates:
                self._remember(self.listed_dates, url, dates)
            yield self._request(url, self.parse, priority=priority, **({"list_dates": dates} if dates else {}))

    def _allowed(self, url: str) -> bool:
        if any(p.search(url) for p in self.deny):
            self._count("skipped/denied_url")
            return False
        return not self.allow or any(p.search(url) for p in self.allow)

    # ------------------------------------------------------------------ failures

    def on_error(self, failure: Failure) -> Iterator[PageRecord]:
        request = failure.request
        fetched = _now_utc().isoformat(timespec="seconds")
        if failure.check(HttpError):
            response = failure.value.response
            self._count(f"skipped/http_{response.status}")
            page = self._page_record(response, self._fetched(response))
            page.kind = "http-error"
            yield page
            yield from self._salvage(request)
            return
        message = str(failure.value) or type(failure.value).__name__
        if "robots.txt" in message or "Forbidden by robots" in message:
            self._count("skipped/robots")
            return
        if "maxsize" in message.lower() or "max size" in message.lower() or "larger than download" in message.lower():
            reason = "too_large"
        else:
            reason = f"network_{type(failure.value).__name__}"
        self._count(f"skipped/{reason}")
        logger.warning("skipped %s: %s", request.url, message)
        yield PageRecord(url=request.url, site=site_of(request.url), status=0, fetched_at=fetched,
                         kind="fetch-error", error=f"{reason}: {message}"[:500])
        yield from self._salvage(request)

    def _salvage(self, request: scrapy.Request) -> Iterator[ArticleRecord]:
        """A part of a multi-page article failed: keep the pages we have rather than lose the article."""
        if "bodies" in request.meta:
            self._count("errors/article_part_missing")
            article: Article = request.meta["article"]
            article.body = "\n".join(request.meta["bodies"])
            yield self._article(article, request.meta["fetched"], len(request.meta["bodies"]))
