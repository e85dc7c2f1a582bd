"""Which links a crawl follows, in which order, and which URLs it never requests.

Same-site links only (friend links and off-site links are recorded, never followed); list pages
(nav, list pagination) first, so the dates a list prints next to each article are known before
the article is parsed; URLs that multiply without end (calendars, sorted views) are traps.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterator
from typing import NamedTuple

from w3lib.url import safe_url_string

from ..archive.urls import normalize_url, site_of
from ..contract import StatGroup
from ..extract import Article, PageKind
from .page_reading import dates_in

# URLs that multiply without end: calendars, session permutations, sorted/filtered views.
TRAPS = (r"[?&](year|month|day|date|calendar)=", r"[?&](sort|order|orderby)=", r"(/[^/]+)\1{3,}/")
REDIRECTS = frozenset({301, 302, 303, 307, 308})
# Request priorities (higher first): listings, then list pages, then articles, then the rest.
LISTING_PRIORITY = 15
NAV_PRIORITY = 10


def patterns(value: str | list[str] | None) -> list[str]:
    """Regexes from a list, or from one string with a pattern per line (a spider argument)."""
    if not value:
        return []
    return [p for p in (value.splitlines() if isinstance(value, str) else value) if p.strip()]


class UrlRules:
    """The allow and deny regexes of a crawl; every denial is counted."""

    def __init__(self, allow: str | list[str] | None, deny: str | list[str] | None,
                 count: Callable[[str], None]) -> None:
        self.allow = [re.compile(p) for p in patterns(allow)]
        self.deny = [re.compile(p) for p in [*TRAPS, *patterns(deny)]]
        self.count = count

    def allowed(self, url: str) -> bool:
        if any(p.search(url) for p in self.deny):
            self.count(StatGroup.SKIPPED.key("denied_url"))
            return False
        return not self.allow or any(p.search(url) for p in self.allow)


class Link(NamedTuple):
    url: str
    dates: tuple[dt.date, ...]  # printed next to it on a list page
    priority: int


def as_linked(url: str, encoding: str | None) -> str:
    """The URL a browser requests for this link: the path in UTF-8, the query in the page's own encoding
    (a GBK page's "?q=中文" is sent as %D6%D0%CE%C4, and its server expects those bytes)."""
    if url.isascii():  # nothing to encode: the encoding cannot matter
        return url
    if (encoding or "").lower().replace("-", "") in ("gb2312", "gbk"):
        encoding = "gb18030"  # what browsers encode with for both labels (WHATWG)
    try:
        return safe_url_string(url, encoding=encoding or "utf-8")
    except (LookupError, UnicodeEncodeError):  # an unknown codec, or a character it cannot spell
        return safe_url_string(url)


def onward_links(article: Article, sites: set[str], rules: UrlRules) -> Iterator[Link]:
    """The page's same-site links worth fetching, each once, listing pages first."""
    teaser_priority = 0 if article.kind is PageKind.LIST else -5
    candidates = [Link(t.url, dates_in(t.date), teaser_priority) for t in article.teasers]
    candidates += [Link(link.url, (), NAV_PRIORITY) for link in article.nav + article.list_pagination]
    candidates += [Link(link.url, (), -10) for link in article.body_links + article.other_links]
    seen: set[str] = set()  # a page links the same URL from nav, teasers and footer alike
    for link in candidates:
        url = normalize_url(as_linked(link.url, article.encoding))
        if url in seen or site_of(url) not in sites or not rules.allowed(url):
            continue
        seen.add(url)
        yield link._replace(url=url)
