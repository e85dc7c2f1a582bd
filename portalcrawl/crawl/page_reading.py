"""Reading a fetched response: its page record, the extractor's view of it, and what the crawl must
remember between pages for that (list-page dates, list pagination, the sites' templates).

The spider decides what to fetch and yields what this returns; the extractor itself knows nothing
of Scrapy: this is where a response becomes (bytes, URL, context).
"""

from __future__ import annotations

import datetime as dt
import logging
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from scrapy.http import Response

from ..archive.building import extraction_stamp, list_dates_json, page_record
from ..archive.fetch_context import DEFAULT_TIMEZONE, fetch_context, http_time
from ..archive.records import PageRecord
from ..archive.urls import normalize_url, site_of
from ..contract import StatGroup, StoredKind
from ..extract import Article, ExtractContext, PageKind
from ..extract.dates import find_dates, normalize_date_text
from ..extract.learn import TemplateLearner
from ..extract.template import PageEvidence, match
from ..pool import ExtractionPool

logger = logging.getLogger(__name__)
# Dates seen on list pages, for links first requested from a page without them: needed only while
# such a request is in flight, so a window of recent links is enough (and memory stays flat).
MAX_REMEMBERED_DATES = 10_000
_HTML_TYPES = ("text/html", "application/xhtml", "text/plain")


def now_utc() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def header(response: Response, name: str) -> str | None:
    value = response.headers.get(name)
    return value.decode("latin-1") if value else None


def dates_in(text: str | None) -> tuple[dt.date, ...]:
    """The full dates a list page prints next to a link ("2024-08-04", "2024年8月4日")."""
    if not text:
        return ()
    return tuple(dt.date(d.year, d.month, d.day) for d in find_dates(normalize_date_text(text)) if d.year)


def remember(window: OrderedDict[str, Any], url: str, value: Any) -> None:
    """Keep the newest MAX_REMEMBERED_DATES entries: what in-flight requests need, and no more."""
    window[url] = value
    window.move_to_end(url)
    while len(window) > MAX_REMEMBERED_DATES:
        window.popitem(last=False)


@dataclass
class TemplateEvidence:
    """What a worker of a distributed crawl read of a page's layout, for the coordinator's learner
    (the one learner of the run, as in one process): sent just before the page's record."""

    site: str
    url: str
    evidence: PageEvidence


class PageReader:
    """Turns responses into page records and articles, with the context the crawl has gathered."""

    def __init__(self, count: Callable[[str], None], timezone: str = DEFAULT_TIMEZONE,
                 use_templates: bool = True, pool: ExtractionPool | None = None) -> None:
        self.count = count  # increments a crawl stat
        self.pool = pool or ExtractionPool(workers=0)
        self.timezone = timezone
        self.use_templates = use_templates
        # The sites' templates, learned from the pages as they come (the pipeline loads the ones the
        # archive already knows, and re-extracts what was extracted before a template was learned).
        self.learner = TemplateLearner()
        self.observes = True  # False in a worker of a distributed crawl: the coordinator learns
        # Dates printed next to links on list pages, by target URL: the year clue for "8月4日".
        # Bounded: old entries go first, the crawl's memory must not grow with the portal.
        self.listed_dates: OrderedDict[str, tuple[dt.date, ...]] = OrderedDict()
        # URLs a list page linked by its page numbers: page 2 of a list is a list, however few its items.
        self.list_pages: OrderedDict[str, None] = OrderedDict()

    def fetched(self, response: Response) -> dt.datetime:
        """When the page was fetched: the server's Date header, else our clock."""
        return http_time(header(response, "Date")) or now_utc()

    def page_record(self, response: Response, kind: str | None = None,
                    fetched: dt.datetime | None = None) -> PageRecord:
        headers = {name: header(response, name) for name in ("Content-Type", "ETag", "Last-Modified", "Date")}
        page = page_record(response.url, response.status, response.body or b"", headers,
                           fetched or self.fetched(response))
        page.kind = kind
        return page

    def list_dates_of(self, response: Response) -> tuple[dt.date, ...]:
        return response.meta.get("list_dates", ()) or self.listed_dates.get(normalize_url(response.url), ())

    def is_list_page(self, response: Response) -> bool:
        return bool(response.meta.get("list_page")) or normalize_url(response.url) in self.list_pages

    def context(self, response: Response, fetched: dt.datetime, list_dates: tuple[dt.date, ...]) -> ExtractContext:
        templates = self.learner.templates(site_of(response.url)) if self.use_templates else ()
        return fetch_context(fetched, header(response, "Last-Modified"),
                             header(response, "Content-Type"), list_dates, self.timezone,
                             templates, self.is_list_page(response))

    async def read(self, response: Response) -> tuple[PageRecord, Article | None]:
        """Record the page and run the extractor (in the pool); bad input, an extraction that fails,
        kills its worker or overruns its time becomes a counted skip, never a crash."""
        fetched = self.fetched(response)
        page = self.page_record(response, fetched=fetched)
        content_type = (page.content_type or "").lower()
        if not response.body:
            page.kind = StoredKind.EMPTY
            self.count(StatGroup.SKIPPED.key("empty"))
            return page, None
        if content_type and not content_type.startswith(_HTML_TYPES):
            page.kind = StoredKind.NON_HTML
            self.count(StatGroup.SKIPPED.key("non_html"))
            return page, None
        # Read once: the page records the dates its extraction saw, not those a list read meanwhile gave.
        list_dates = self.list_dates_of(response)
        try:
            article = await self.pool.extract(response.body, response.url, self.context(response, fetched, list_dates))
        except Exception as exc:  # the extractor must not take the crawl down with it
            logger.exception("extraction failed on %s (%s)", response.url, type(exc).__name__)
            page.kind, page.error = StoredKind.ERROR, f"{type(exc).__name__}: {exc}"
            self.count(StatGroup.ERRORS.key("extraction"))
            return page, None
        if self.use_templates and article.evidence is not None:
            if self.observes:
                page.template = self.learner.observe(page.site, response.url, article.evidence)
            article = await self._again_if_learned(response, fetched, list_dates, article)
            page.extracted_with = extraction_stamp(article.evidence.template_version if article.evidence else None)
        page.kind, page.encoding = str(article.kind), article.encoding
        page.list_dates = list_dates_json(list_dates)
        page.reached_as = "list-page" if self.is_list_page(response) else None
        if article.kind is not PageKind.ARTICLE:
            self.count(StatGroup.PAGES.key(article.kind))
        return page, article

    async def _again_if_learned(self, response: Response, fetched: dt.datetime, list_dates: tuple[dt.date, ...],
                                article: Article) -> Article:
        """A page read without a template that has one now (learned while the page was in the pool, or
        from this very page, the last its template waited for) is read again with it at once: here the
        bytes are at hand, and the pool has time to spare, unlike the end of the crawl, which would
        otherwise read it again."""
        evidence = article.evidence
        if evidence is None or evidence.template_version is not None:
            return article
        templates = self.learner.templates(site_of(response.url))
        if not templates or match(evidence.skeleton, templates) is None:
            return article
        try:
            again = await self.pool.extract(response.body, response.url, self.context(response, fetched, list_dates))
        except Exception as exc:  # the first reading stands, and the end of the crawl reads the page again
            logger.warning("reading %s again with its template failed (%s)", response.url, type(exc).__name__)
            return article
        if again.evidence is not None:  # what the page says for learning is what one process observed
            again.evidence = replace(evidence, template_id=again.evidence.template_id,
                                     template_version=again.evidence.template_version)
        return again

    def evidence(self, page: PageRecord, article: Article | None) -> TemplateEvidence | None:
        """For a worker that does not learn: the page's evidence, for the coordinator."""
        if self.observes or not self.use_templates or article is None or article.evidence is None:
            return None
        return TemplateEvidence(page.site, page.url, article.evidence)
