"""Sitemaps and feeds: entries with their dates, whatever the format, and no crash on junk."""

from __future__ import annotations

import datetime as dt
import gzip

from portalcrawl.crawl.listings import feed_entries, sitemap_entries

URLSET = (b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
          b"<url><loc>http://a.cn/1.html</loc><lastmod>2023-03-17T10:20:00+08:00</lastmod></url>"
          b"<url><loc>http://a.cn/2.html</loc></url></urlset>")


def test_urlset_and_index() -> None:
    kind, entries = sitemap_entries(URLSET)
    assert kind == "urlset" and [e.url for e in entries] == ["http://a.cn/1.html", "http://a.cn/2.html"]
    assert entries[0].modified == dt.datetime(2023, 3, 17, 2, 20, tzinfo=dt.UTC)
    index = b'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><sitemap><loc>http://a.cn/s1.xml' \
            b"</loc></sitemap></sitemapindex>"
    assert sitemap_entries(index)[0] == "sitemapindex"
    assert sitemap_entries(gzip.compress(URLSET))[1] == entries


def test_rss_and_atom() -> None:
    rss = ("<rss version='2.0'><channel><item><title>标题</title><link>http://a.cn/1.html</link>"
           "<pubDate>Tue, 04 Aug 2015 08:00:00 +0800</pubDate></item></channel></rss>").encode()
    [item] = feed_entries(rss)
    assert item.url == "http://a.cn/1.html" and item.published == dt.date(2015, 8, 4)
    atom = (b"<feed xmlns='http://www.w3.org/2005/Atom'><entry><link href='http://a.cn/3.html'/>"
            b"<published>2016-05-06T00:00:00Z</published></entry></feed>")
    assert feed_entries(atom)[0].published == dt.date(2016, 5, 6)


def test_junk_is_no_listing() -> None:
    for junk in (b"", b"not xml", b"<html><body>x</body></html>", b"\x1f\x8bbroken gzip", bytes(range(256))):
        assert sitemap_entries(junk) == ("", [])
        assert feed_entries(junk) == []
