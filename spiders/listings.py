"""The portal spider's callbacks for sitemaps and RSS/Atom feeds.

A portal's listings besides its list pages: robots.txt names its sitemaps, pages announce
their feeds. Their entries are followed like teasers, carrying the dates they print.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import scrapy
from scrapy.http import Response

from portalcrawl.items import PageRecord
from portalcrawl.listings import ListedUrl, feed_entries, sitemap_entries, sitemap_urls_from_robots
from portalcrawl.urls import normalize_url, site_of

REDIRECTS = frozenset({301, 302, 303, 307, 308})


class ListingCallbacks:
    """Mixed into PortalSpider, whose _request, _count, _allowed, _redirect and sites it uses."""

    def parse_robots(self, response: Response) -> Iterator[scrapy.Request]:
        if response.status != 200:
            return
        for url in sitemap_urls_from_robots(response.body, base_url=response.url):
            if site_of(url) in self.sites:
                yield self._request(normalize_url(url), self.parse_sitemap, priority=15)

    def _listing_page(self, response: Response, kind: str) -> PageRecord:
        page = self._page_record(response, self._fetched(response))
        page.kind = kind
        return page

    def parse_sitemap(self, response: Response) -> Iterator[Any]:
        if response.status in REDIRECTS:
            yield from self._redirect(response)
            return
        kind, entries = sitemap_entries(response.body)
        yield self._listing_page(response, "sitemap" if kind else "other")
        self._count(f"pages/sitemap_{kind or 'unreadable'}")
        for entry in entries:
            url = normalize_url(entry.url)
            if site_of(url) not in self.sites or not self._allowed(url):
                continue
            if kind == "sitemapindex":
                yield self._request(url, self.parse_sitemap, priority=15)
            else:
                yield self._listed(url, entry, priority=0)

    def parse_feed(self, response: Response) -> Iterator[Any]:
        if response.status in REDIRECTS:
            yield from self._redirect(response)
            return
        entries = feed_entries(response.body)
        yield self._listing_page(response, "feed" if entries else "other")
        for entry in entries:
            url = normalize_url(entry.url)
            if site_of(url) in self.sites and self._allowed(url):
                if entry.published:
                    self._remember(self.listed_dates, url, (entry.published,))
                yield self._listed(url, entry, priority=0)

    def _listed(self, url: str, entry: ListedUrl, priority: int) -> scrapy.Request:
        """A page a sitemap or feed lists; its modification time lets a harvest refresh it."""
        meta: dict[str, Any] = {}
        if entry.published:
            meta["list_dates"] = (entry.published,)
        if entry.modified:
            meta["portalcrawl_modified"] = entry.modified.isoformat()
        return self._request(url, self.parse, priority=priority, **meta)
