"""What a crawl's item must be before it is stored or sent on: checked in the crawl's own process, by
the archive pipeline and by a distributed worker's pipeline alike (a module of its own, so that a
worker, which stores nothing, does not load the archive's writer to check its items)."""

from __future__ import annotations

from typing import Any

from scrapy.exceptions import DropItem

from ..archive.records import ArticleRecord, LinkRecord, ListedDates, PageLinkRecords, PageRecord, SiteRecord
from .page_reading import TemplateEvidence


def validate(item: Any) -> None:
    if isinstance(item, PageRecord | ArticleRecord) and not item.url.startswith(("http://", "https://")):
        raise DropItem(f"not an http(s) URL: {item.url!r}")
    if isinstance(item, ArticleRecord) and not item.body.strip():
        raise DropItem(f"article without a body: {item.url}")
    if not isinstance(item, PageRecord | ArticleRecord | LinkRecord | PageLinkRecords | SiteRecord | ListedDates
                      | TemplateEvidence):
        raise DropItem(f"unknown item type {type(item).__name__}")
