"""The names the parts of portalcrawl exchange: crawl stats keys, stored page kinds, link kinds.

A crawl's counters are written by the spider, the pipeline and the middlewares, and read by the
summary, the harvest's checks, the status command and the progress line; a stored page kind is
written by the crawl and read by the incremental harvest and re-extraction. Spelling each name
once, here, keeps a writer and its readers from drifting apart; ``CrawlStats`` is the one reader
of a crawl's counters. This module imports nothing of portalcrawl (so every layer may use it, and
the command line starts without loading the extractor); the tests check that ``StoredKind`` holds
every ``extract.PageKind``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from enum import IntEnum, StrEnum
from typing import Any


class Stat(StrEnum):
    """One counter of portalcrawl's in Scrapy's stats (Scrapy's own keys are read as Scrapy names them)."""

    DB = "portalcrawl/db"
    PARSED = "portalcrawl/parsed"  # responses the spider read (whatever they were)
    ARTICLES = "portalcrawl/articles"  # article records the spider yielded
    ARTICLES_QUEUED = "portalcrawl/articles_queued"  # article records the pipeline accepted
    LIST_ITEMS = "portalcrawl/list_items"  # teasers seen on list pages
    TEMPLATES_LEARNED = "portalcrawl/templates/learned"
    TEMPLATES_REEXTRACTED = "portalcrawl/templates/reextracted"  # by the end pass
    TEMPLATES_READ_AGAIN = "portalcrawl/templates/read_again"  # by a distributed crawl's coordinator, meanwhile
    TEMPLATES_SITES_FINISHED = "portalcrawl/templates/sites_finished"  # by it too: their end pass, meanwhile
    TEMPLATES_LAYOUT_CHANGED = "portalcrawl/templates/layout_changed"
    NOT_MODIFIED = "portalcrawl/incremental/not_modified"  # a 304 answered from the archive
    ALREADY_ARCHIVED = "portalcrawl/incremental/archived"  # a request the archive made unnecessary
    RESPONSES = "response_received_count"  # Scrapy's
    FINISH_REASON = "finish_reason"  # Scrapy's
    ELAPSED = "elapsed_time_seconds"  # Scrapy's


class StatGroup(StrEnum):
    """A family of counters, one per reason or kind: ``StatGroup.SKIPPED.key("robots")``."""

    STORED = "portalcrawl/stored/"  # the archive writer's counts (see WriteCount)
    PAGES = "portalcrawl/pages/"  # pages by kind, besides articles
    SKIPPED = "portalcrawl/skipped/"  # requests or pages not archived, by reason
    ERRORS = "portalcrawl/errors/"  # failures of ours, by part
    INCREMENTAL = "portalcrawl/incremental/"  # requests a harvest did not need to make, by reason
    SPIDER_EXCEPTIONS = "spider_exceptions/"  # Scrapy's

    def key(self, name: str) -> str:
        return f"{self.value}{name}"


class WriteCount(StrEnum):
    """What the archive writer counts (the ``StatGroup.STORED`` family)."""

    ARTICLES_NEW = "articles_new"
    ARTICLES_CHANGED = "articles_changed"
    ARTICLES_UNCHANGED = "articles_unchanged"
    ARTICLES_ALIAS = "articles_alias"
    ARTICLES_REMOVED = "articles_removed"
    PAGES = "pages"
    LINKS = "links"


class StoredKind(StrEnum):
    """``pages.kind``: what a fetched URL turned out to be. The extractor's page kinds, and the
    outcomes of fetching that never reached it."""

    ARTICLE = "article"  # the extractor's page kinds (extract.PageKind) ...
    LIST = "list"
    EMPTY = "empty"
    ERROR = "error"
    OTHER = "other"
    ALIAS = "alias"  # the same article as another URL's record (pages.redirect_to names it)
    REDIRECT = "redirect"  # a 3xx (pages.redirect_to: where it led)
    HTTP_ERROR = "http-error"  # a 4xx/5xx answer
    FETCH_ERROR = "fetch-error"  # no answer: refused, timed out, too large
    NON_HTML = "non-html"
    SITEMAP = "sitemap"
    FEED = "feed"


# Kinds that come from extraction, so re-extraction may redo them; the others are fetch outcomes.
EXTRACTED_KINDS = (StoredKind.ARTICLE, StoredKind.LIST, StoredKind.OTHER, StoredKind.ERROR, StoredKind.EMPTY,
                   StoredKind.ALIAS)


class LinkKind(StrEnum):
    """``links.kind``: the region of its page a link was found in."""

    NAV = "nav"
    TEASER = "teaser"  # a teaser on an article page ("related articles")
    LIST = "list"  # a teaser on a list page: the list's items
    FRIEND = "friend"  # 友情链接
    BODY = "body"
    PAGINATION = "pagination"
    OTHER = "other"


# How the reason of a run that archived nothing begins (CrawlStats.failure; exit codes 6 and 7).
NOTHING_FETCHED = "nothing could be fetched"
NOTHING_STORED = "nothing could be stored"


@dataclass(frozen=True)
class CrawlStats:
    """The one reader of a crawl's counters (Scrapy's stats dict, live or as stored in ``crawls.stats``)."""

    raw: Mapping[str, Any]

    def get(self, key: str) -> int:
        return int(self.raw.get(key, 0) or 0)

    def group(self, group: StatGroup) -> dict[str, int]:
        """The counters of one family, by name, sorted."""
        prefix = group.value
        return {k[len(prefix):]: int(v) for k, v in sorted(self.raw.items()) if k.startswith(prefix)}

    def stored(self, count: WriteCount) -> int:
        return self.get(StatGroup.STORED.key(count))

    @property
    def pages_fetched(self) -> int:
        return self.get(Stat.RESPONSES)

    @property
    def finish_reason(self) -> str:
        return str(self.raw.get(Stat.FINISH_REASON, "unknown"))

    @property
    def errors(self) -> dict[str, int]:
        """Our failures by part, and the exceptions spider callbacks raised, by type."""
        return {**self.group(StatGroup.ERRORS),
                **{k.split("/")[-1]: v for k, v in self.group(StatGroup.SPIDER_EXCEPTIONS).items()}}

    @property
    def failed_requests(self) -> int:
        """Requests the portal did not answer, or answered with a server error."""
        return sum(v for k, v in self.group(StatGroup.SKIPPED).items() if k.startswith(("http_5", "network_")))

    def failure(self) -> str | None:
        """Why a crawl that archived nothing failed, in one line; None when it archived something."""
        if self.get(StatGroup.ERRORS.key("storage")) and not self.stored(WriteCount.PAGES):
            return f"{NOTHING_STORED} (see the log for the archive's error)"
        if self.get(Stat.PARSED) == 0:
            reasons = sorted(self.group(StatGroup.SKIPPED).items(), key=lambda kv: -kv[1])
            said = ", ".join(f"{reason} {n}" for reason, n in reasons[:4]) or "no answer"
            return f"{NOTHING_FETCHED} ({said})"
        return None

    def counts(self) -> dict[str, int]:
        """The figures a harvest judges a portal by and records (``crawls.portals``)."""
        return {
            "pages_fetched": self.pages_fetched,
            "not_modified": self.get(Stat.NOT_MODIFIED),
            "articles_new": self.stored(WriteCount.ARTICLES_NEW),
            "articles_changed": self.stored(WriteCount.ARTICLES_CHANGED),
            "articles_unchanged": self.stored(WriteCount.ARTICLES_UNCHANGED),
            "already_archived": self.get(Stat.ALREADY_ARCHIVED),
            "list_pages": self.get(StatGroup.PAGES.key(StoredKind.LIST)),
            "list_items": self.get(Stat.LIST_ITEMS),
            "parsed": self.get(Stat.PARSED),
            "errors": sum(self.group(StatGroup.ERRORS).values()) + self.failed_requests,
            "new_article_templates": self.get(Stat.TEMPLATES_LAYOUT_CHANGED),
            "pages_stored": self.stored(WriteCount.PAGES),
            "storage_errors": self.get(StatGroup.ERRORS.key("storage")),
        }


class ExitCode(IntEnum):
    """What a `portalcrawl` command's exit status means (cron and scripts branch on it)."""

    OK = 0
    FAILED = 1  # the command ran and failed: a crawl with errors, an archive it cannot read
    USAGE = 2  # bad arguments or a bad portals file: nothing was done
    PORTAL_FAILED = 3  # a harvest in which at least one portal failed its checks
    INTERRUPTED = 4  # stopped by SIGINT/SIGTERM; what was fetched is stored
    LAYOUT_CHANGED = 5  # every portal harvested, but one's article pages match no known template
    NOTHING_FETCHED = 6  # no page could be fetched: every request refused, failed or answered with an error
    NOTHING_STORED = 7  # nothing could be stored: the archive cannot be opened or written (a full disk)
    LOCKED = 75  # another harvest holds the archive (EX_TEMPFAIL: try again later)
