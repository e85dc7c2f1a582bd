"""The records the archive stores: one dataclass per table row the crawl writes.

The spider yields them as Scrapy items and the writer stores them; plain dataclasses, so
re-extraction and the tests build them without a crawl.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class PageRecord:
    """One fetched URL, whatever it turned out to be."""

    url: str
    site: str
    status: int
    fetched_at: str
    content_type: str | None = None
    kind: str | None = None  # a contract.StoredKind
    content_hash: str | None = None
    body: bytes | None = None  # zlib-compressed raw response body
    size: int = 0
    encoding: str | None = None
    error: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    http_date: str | None = None
    redirect_to: str | None = None  # for kind "redirect": where the portal sent us; for "alias": the record's URL
    list_dates: str | None = None  # JSON: the list-page dates of the fetch context (for re-extraction)
    reached_as: str | None = None  # "list-page": linked by a list page's page numbers (fetch context, too)
    template: str | None = None  # the site template the page belongs to (templates.template_id)
    extracted_with: str | None = None  # extractor version / template version its records came from


@dataclass
class ArticleRecord:
    url: str
    site: str
    title: str | None
    published: str | None
    published_source: str | None
    contributor: str | None
    source: str | None
    editor: str | None
    category: str | None
    body: str
    fetched_at: str
    content_hash: str
    page_count: int = 1
    notes: str | None = None  # JSON: per-field confidence and reason


@dataclass
class LinkRecord:
    from_url: str
    to_url: str
    text: str
    kind: str  # a contract.LinkKind


@dataclass
class ListedDates:
    """The dates a list page (or feed) prints next to its links, by target URL (JSON lists).

    A page read before the list that dates it was extracted without that year clue: in a crawl
    whose extraction runs in a pool, or on another worker, the order pages are read in is not the
    order they were linked in. The writer files these dates on such pages and marks them for the
    end of the crawl to read again, so the archive does not depend on that order."""

    from_url: str
    dates: dict[str, str]


@dataclass
class PageLinkRecords:
    """All the links of one page, as one item: a page has dozens, and Scrapy's cost is per item."""

    from_url: str
    links: list[LinkRecord]


@dataclass
class SiteRecord:
    site: str  # scheme://host[:port]
    name: str | None
    categories: str | None  # JSON list of {"name", "url"}
    seen_at: str
