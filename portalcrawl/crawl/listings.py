"""Sitemaps and RSS/Atom feeds: where a portal lists its articles, with dates.

A sitemap's <lastmod> says when a page last changed (a harvest refreshes an archived article
whose lastmod is newer than its fetch); a feed's <pubDate> says when an article was
published (a year clue for its "8月4日"). Sitemaps are read with Scrapy's own parser.
"""

from __future__ import annotations

import datetime as dt
import email.utils
from dataclasses import dataclass

import lxml.etree
from scrapy.utils.sitemap import Sitemap, sitemap_urls_from_robots

from .compression import BadBody, decompress

__all__ = ["ListedUrl", "feed_entries", "sitemap_entries", "sitemap_urls_from_robots"]


@dataclass(frozen=True)
class ListedUrl:
    url: str
    modified: dt.datetime | None = None  # sitemap lastmod, feed updated: a refresh signal
    published: dt.date | None = None  # feed pubDate / published: a year clue


def _when(value: str | None) -> dt.datetime | None:
    """W3C/ISO 8601 (sitemaps, Atom) or RFC 822 (RSS) to an aware datetime."""
    if not value:
        return None
    value = value.strip()
    try:
        parsed = dt.datetime.fromisoformat(value)
    except ValueError:
        try:
            parsed = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=dt.UTC)


def sitemap_entries(body: bytes, max_size: int = 0) -> tuple[str, list[ListedUrl]]:
    """("sitemapindex" or "urlset", entries); ("", []) for something that is no sitemap. A gzipped
    sitemap is decompressed within ``max_size`` (BadBody "too_large" beyond it)."""
    if body[:2] == b"\x1f\x8b":
        try:
            body = decompress(body, "gzip", max_size)
        except BadBody as exc:
            if exc.reason == "too_large":
                raise
            return "", []  # cut short or not gzip: unreadable, like any other junk
    try:
        sitemap = Sitemap(body)
        entries = [ListedUrl(e["loc"], modified=_when(e.get("lastmod"))) for e in sitemap if e.get("loc")]
    except (ValueError, StopIteration, lxml.etree.XMLSyntaxError):  # not XML, or no root element
        return "", []
    if sitemap.type not in ("urlset", "sitemapindex"):  # some other XML (or HTML) document
        return "", []
    return sitemap.type, entries


_ATOM = "{http://www.w3.org/2005/Atom}"


def feed_entries(body: bytes) -> list[ListedUrl]:
    """The items of an RSS 2.0 / RSS 1.0 / Atom feed."""
    try:
        root = lxml.etree.fromstring(body, parser=lxml.etree.XMLParser(recover=True, resolve_entities=False,
                                                                        no_network=True))
    except lxml.etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    entries = []
    for item in root.iter("item", "{http://purl.org/rss/1.0/}item"):
        link = item.findtext("link") or item.findtext("{http://purl.org/rss/1.0/}link") or item.get(
            "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}about")
        when = _when(item.findtext("pubDate") or item.findtext("{http://purl.org/dc/elements/1.1/}date"))
        if link:
            entries.append(ListedUrl(link.strip(), modified=when, published=when.date() if when else None))
    for entry in root.iter(f"{_ATOM}entry"):
        # An element with no children is false: test for None, or the first <link> wins whatever its rel.
        link_el = entry.find(f"{_ATOM}link[@rel='alternate']")
        if link_el is None:
            link_el = next((el for el in entry.iterfind(f"{_ATOM}link") if el.get("rel") in (None, "alternate")),
                           None)
        link = link_el.get("href") if link_el is not None else None
        published = _when(entry.findtext(f"{_ATOM}published"))
        updated = _when(entry.findtext(f"{_ATOM}updated")) or published
        if link:
            entries.append(ListedUrl(link.strip(), modified=updated,
                                     published=(published or updated).date() if (published or updated) else None))
    return entries
