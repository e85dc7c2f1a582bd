"""Typed records the extractor returns.

Plain dataclasses, so the crawler, the CLI, the evaluation and the tests all speak
the same small vocabulary and nothing downstream depends on lxml objects.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

from .template import PageEvidence, Template


class PageKind(StrEnum):
    """What a page is, as far as archiving is concerned."""

    ARTICLE = "article"
    LIST = "list"  # category, tag, index and home pages: many teasers, no main text
    EMPTY = "empty"  # nothing parseable, or no text at all
    ERROR = "error"  # a soft 404 / error page served with status 200
    OTHER = "other"  # search, comment, login forms and the like


@dataclass(frozen=True)
class Link:
    """A link seen on the page, with the region it was found in."""

    text: str
    url: str


@dataclass(frozen=True)
class Teaser:
    """One item of a "related articles" / list block: a linked title and its summary."""

    title: str
    url: str
    summary: str = ""
    date: str | None = None  # the date printed next to the item, as written


@dataclass(frozen=True)
class FieldNote:
    """Why a field has the value it has, so a caller can tell "absent" from "not understood".

    ``confidence`` is 0 when the field is empty; ``reason`` names the rule or clue used
    (for an empty field: why nothing was found).
    """

    confidence: float
    reason: str


@dataclass
class ExtractContext:
    """What the crawler knows about a page beyond its bytes.

    Everything is optional: the extractor works on bare HTML too, it only gets better
    clues (for the year of a "8月4日" date, or for a relative "3天前") when this is filled.
    """

    fetched_at: dt.datetime | None = None  # when the bytes were fetched (HTTP Date header preferred)
    last_modified: dt.datetime | None = None  # HTTP Last-Modified, if any
    content_type: str | None = None  # HTTP Content-Type header, for its charset
    list_dates: tuple[dt.date, ...] = ()  # dates printed next to this URL on list pages that linked it
    templates: tuple[Template, ...] = ()  # the learned templates of the page's site (see learn.py)
    list_page: bool = False  # the crawler reached it through a list page's page numbers (page 2 of a list)


@dataclass
class Article:
    """Everything the extractor separated on one page."""

    url: str | None
    kind: PageKind
    title: str | None = None
    published: dt.date | dt.datetime | None = None
    published_source: str | None = None  # which clue gave the date (and its year, when inferred)
    contributor: str | None = None
    source: str | None = None
    editor: str | None = None
    category: str | None = None  # the column it is filed under (breadcrumb)
    site_name: str | None = None
    body: str = ""  # plain text, one paragraph per line
    encoding: str | None = None
    nav: list[Link] = field(default_factory=list)
    teasers: list[Teaser] = field(default_factory=list)
    friend_links: list[Link] = field(default_factory=list)
    pagination: list[Link] = field(default_factory=list)  # pages of this same article (正文分页)
    list_pagination: list[Link] = field(default_factory=list)  # pages of a list / category
    body_links: list[Link] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)  # RSS/Atom feeds the page announces
    other_links: list[Link] = field(default_factory=list)
    canonical: str | None = None  # the URL the page names as its own (<link rel=canonical>), absolute
    notes: dict[str, FieldNote] = field(default_factory=dict)
    evidence: PageEvidence | None = field(default=None, repr=False, compare=False)  # for template learning

    @property
    def is_article(self) -> bool:
        return self.kind is PageKind.ARTICLE

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict (dates as ISO 8601)."""
        data = asdict(self)
        data.pop("evidence")
        data["kind"] = str(self.kind)
        data["published"] = self.published.isoformat() if self.published else None
        return data
