"""Archive records built from what was fetched and what the extractor said.

Kept apart from the spider (which decides what to fetch) and the writer (which stores):
these functions only shape values into records, for the crawl and re-extraction alike.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import json
import re
import zlib
from collections.abc import Mapping
from pathlib import Path
from urllib.parse import urlsplit

from .. import __version__, extract
from ..contract import LinkKind
from ..extract import Article, PageKind
from ..extract.kind import is_home_url
from .records import ArticleRecord, LinkRecord, PageLinkRecords, PageRecord, SiteRecord
from .urls import normalize_url, site_of

_PART_SUFFIX = re.compile(r"[_-](\d{1,3})(\.[a-z0-9]+)$", re.I)


def part_number(url: str) -> int:
    """Which page of a multi-page article a URL is: 123.html is 1, 123_2.html is 2."""
    m = _PART_SUFFIX.search(urlsplit(url).path)
    return int(m.group(1)) if m else 1


def _stem(url: str) -> str:
    parts = urlsplit(url)
    path = _PART_SUFFIX.sub(r"\2", parts.path)
    return f"{parts.netloc}{path}"


def article_parts(url: str, pagination: list[str]) -> tuple[int, list[str]]:
    """(which page of its article this URL is, 1-based; every page of the article in order, or []
    when the article has one page).

    A URL ending in "_2.html" is page 2 only when the page's pagination links pages of the same stem,
    the first among them ("123.html", "123_3.html"): "post-59.html" linking "post-58.html" is two posts.
    """
    stem = _stem(url)
    family = sorted({u for u in pagination if _stem(u) == stem} | {url}, key=part_number)
    if len(family) == 1 or part_number(family[0]) != 1:  # no first page: posts numbered in a series
        return 1, []
    return family.index(url) + 1, family


@functools.cache
def _extractor_release() -> str:
    """The portalcrawl version and a digest of the extractor's own files: any change to how pages are
    read, released or not, makes every stamp stale, so `portalcrawl reextract` redoes them."""
    digest = hashlib.sha1()
    folder = Path(extract.__file__).parent
    for path in sorted([*folder.glob("*.py"), *folder.glob("*.txt")]):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return f"{__version__}+{digest.hexdigest()[:8]}"


def extraction_stamp(template_version: str | None) -> str:
    """What a page's records were extracted with: re-extraction redoes pages whose stamp is stale."""
    return f"{_extractor_release()}/{template_version or 'generic'}"


def record_url(url: str, article: Article) -> str:
    """The URL an article is archived under: the one the page names as canonical, when that is a
    page of the same site (never its home page, which some themes name on every page)."""
    canonical = article.canonical
    if not canonical or site_of(canonical) != site_of(url) or is_home_url(canonical):
        return url
    return normalize_url(canonical)


def list_dates_json(dates: tuple[dt.date, ...]) -> str | None:
    return json.dumps([d.isoformat() for d in dates]) if dates else None


def list_dates_of(value: str | None) -> tuple[dt.date, ...]:
    return tuple(dt.date.fromisoformat(d) for d in json.loads(value)) if value else ()


def page_record(url: str, status: int, body: bytes, headers: Mapping[str, str | None],
                fetched: dt.datetime) -> PageRecord:
    """Every fetched URL, with its bytes compressed so it can be re-extracted without a re-crawl."""
    return PageRecord(
        url=url, site=site_of(url), status=status, fetched_at=fetched.isoformat(timespec="seconds"),
        content_type=headers.get("Content-Type"), content_hash=hashlib.sha256(body).hexdigest(),
        body=zlib.compress(body, 6), size=len(body), etag=headers.get("ETag"),
        last_modified=headers.get("Last-Modified"), http_date=headers.get("Date"),
    )


def article_record(article: Article, fetched: str, pages: int) -> ArticleRecord:
    """The article row; its hash covers what a reader sees (title, body, date), not the page's chrome."""
    digest = hashlib.sha256(
        "\x1f".join([article.title or "", article.body, str(article.published or "")]).encode()
    ).hexdigest()
    return ArticleRecord(
        url=article.url or "", site=site_of(article.url or ""), title=article.title,
        published=article.published.isoformat() if article.published else None,
        published_source=article.published_source, contributor=article.contributor,
        source=article.source, editor=article.editor, category=article.category, body=article.body,
        fetched_at=fetched, content_hash=digest, page_count=pages,
        notes=json.dumps({k: [n.confidence, n.reason] for k, n in article.notes.items()}, ensure_ascii=False),
    )


def page_links(url: str, article: Article) -> PageLinkRecords:
    """All links of a page by region, as one item (teasers of a list page are its "list" links)."""
    teaser_kind = LinkKind.TEASER if article.kind is PageKind.ARTICLE else LinkKind.LIST
    groups: list[tuple[LinkKind, list[tuple[str, str]]]] = [
        (LinkKind.NAV, [(link.text, link.url) for link in article.nav]),
        (teaser_kind, [(t.title, t.url) for t in article.teasers]),
        (LinkKind.FRIEND, [(link.text, link.url) for link in article.friend_links]),
        (LinkKind.BODY, [(link.text, link.url) for link in article.body_links]),
        (LinkKind.PAGINATION, [(link.text, link.url) for link in article.pagination + article.list_pagination]),
        (LinkKind.OTHER, [(link.text, link.url) for link in article.other_links]),
    ]
    return PageLinkRecords(url, [LinkRecord(from_url=url, to_url=normalize_url(target), text=text or "", kind=kind)
                           for kind, links in groups for text, target in links])


def site_record(url: str, article: Article, fetched: str) -> SiteRecord:
    """A portal's name and category list, read off its home page."""
    categories = [{"name": link.text, "url": link.url} for link in article.nav if site_of(link.url) == site_of(url)]
    return SiteRecord(site=site_of(url), name=article.site_name, seen_at=fetched,
                      categories=json.dumps(categories, ensure_ascii=False))
