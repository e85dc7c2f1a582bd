"""Extract archived pages again, from their stored bytes and the context of their fetch.

Two callers share it: the end of a crawl, which re-reads the pages it extracted before their
site's templates were learned (so the result does not depend on the order pages arrived in),
and ``portalcrawl reextract``, which re-reads a whole archive after an upgrade or to apply
templates to an old one. Either way a page goes through the same path as in a crawl: the
extractor with the site's templates, then the archive writer (versions, search and copy
indexes kept in step). A record that turns out not to be an article is moved to
``removed_articles``, never silently deleted.

Each page is stamped with what it was extracted with (``pages.extracted_with``): restartable.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice

import sqlite_utils

from .. import extract
from ..contract import EXTRACTED_KINDS, LinkKind, StoredKind, WriteCount
from ..extract import Article, ExtractContext, PageKind
from ..extract.learn import TemplateLearner
from .building import article_parts, article_record, extraction_stamp, list_dates_of, page_links, record_url
from .fetch_context import DEFAULT_TIMEZONE, fetch_context, http_time
from .queries import site_forms
from .transaction import write_transaction
from .urls import normalize_url
from .writer import LATE_LIST_DATES, ArchiveWriter

BATCH = 200  # pages per transaction
# Pages go to the extractor in chunks, AHEAD pages ahead of the one stored: a pool always has work queued
CHUNK, AHEAD = 20, 240  # while this process stores, and never holds a whole archive's bytes.


@dataclass
class ReextractReport:
    pages: int = 0
    articles_new: int = 0
    articles_changed: int = 0
    articles_unchanged: int = 0
    articles_removed: int = 0
    kind_changes: Counter[str] = field(default_factory=Counter)  # "list -> article": count
    failed: int = 0  # pages whose extraction failed (kept as they were)
    templates: int = 0

    def as_dict(self) -> dict[str, object]:
        return {**{k: v for k, v in vars(self).items() if k != "kind_changes"},
                "kind_changes": dict(self.kind_changes)}


@dataclass
class _Stored:
    url: str
    site: str
    kind: str | None
    template: str | None
    raw: bytes
    fetched_at: str
    http_date: str | None
    last_modified: str | None
    content_type: str | None
    list_dates: str | None
    reached_as: str | None


def _stored(db: sqlite_utils.Database, url: str) -> _Stored | None:
    row = db.execute("SELECT url, site, kind, template, body, fetched_at, http_date, last_modified, content_type, "
                     "list_dates, reached_as FROM pages WHERE url = ?", [url]).fetchone()
    if row is None or row[4] is None:
        return None
    return _Stored(row[0], row[1], row[2], row[3], zlib.decompress(row[4]), *row[5:])


def _context(page: _Stored, learner: TemplateLearner, timezone: str, use_templates: bool = True) -> ExtractContext:
    fetched = http_time(page.http_date) or dt.datetime.fromisoformat(page.fetched_at)
    templates = learner.templates(page.site) if use_templates else ()
    return fetch_context(fetched, page.last_modified, page.content_type, list_dates_of(page.list_dates),
                         timezone, templates, page.reached_as == "list-page")


def _extract(page: _Stored, learner: TemplateLearner, timezone: str, use_templates: bool = True) -> Article:
    return extract.extract_article(page.raw, page.url, _context(page, learner, timezone, use_templates))


# Extracts a batch of (bytes, URL, context), results in order, a failure in its page's place: a pool of
# worker processes (portalcrawl/pool.py) or, by default, this process.
ExtractMany = Callable[[list[tuple[bytes, str, ExtractContext]]], Iterable[Article | BaseException]]


def extract_here(pages: list[tuple[bytes, str, ExtractContext]]) -> Iterator[Article | BaseException]:
    for data, url, context in pages:
        try:
            yield extract.extract_article(data, url, context)
        except Exception as exc:
            yield exc


def resolve_sites(db: sqlite_utils.Database, site: str | None) -> list[str] | None:
    """The stored sites a --site option names (as stored, ``http://host``, or the bare host); None: all."""
    if not site:
        return None
    return [r[0] for r in db.execute("SELECT DISTINCT site FROM pages WHERE site IN (?, ?, ?)", site_forms(site))]


def page_urls(db: sqlite_utils.Database, sites: list[str] | None) -> list[str]:
    """The stored pages that extraction produced, in the order they were fetched."""
    clauses = [f"kind IN ({','.join('?' * len(EXTRACTED_KINDS))})", "body IS NOT NULL"]
    params: list[object] = list(EXTRACTED_KINDS)
    if sites:
        clauses.append(f"site IN ({','.join('?' * len(sites))})")
        params += sites
    return [r[0] for r in db.execute(f"SELECT url FROM pages WHERE {' AND '.join(clauses)} ORDER BY rowid", params)]


def learn(db: sqlite_utils.Database, learner: TemplateLearner, urls: Iterable[str], timezone: str,
          progress: Callable[[int], None] | None = None, extract_many: ExtractMany | None = None) -> None:
    """Feed the generic extractor's evidence on these pages to the learner (in the order given)."""
    def generic(page: _Stored) -> ExtractContext:
        return _context(page, learner, timezone, use_templates=False)

    for page, article in _readings(db, list(urls), generic, extract_many or extract_here):
        if page is not None and not isinstance(article, BaseException) and article.evidence is not None:
            learner.observe(page.site, page.url, article.evidence)
        if progress:
            progress(1)


def _readings(db: sqlite_utils.Database, urls: list[str], context: Callable[[_Stored], ExtractContext],
              extract_many: ExtractMany) -> Iterator[tuple[_Stored | None, Article | BaseException | None]]:
    """Each URL's stored page (None: no bytes stored) and its new reading, in order, with the extractor
    kept AHEAD pages ahead of the caller."""
    def read(chunk: list[str]) -> Iterator[tuple[_Stored | None, Article | BaseException | None]]:
        pages = [_stored(db, url) for url in chunk]
        readings = iter(extract_many([(page.raw, page.url, context(page)) for page in pages if page]))
        return ((page, next(readings) if page else None) for page in pages)

    chunks = (urls[start:start + CHUNK] for start in range(0, len(urls), CHUNK))
    ahead = deque(read(chunk) for chunk in islice(chunks, AHEAD // CHUNK))
    while ahead:
        yield from ahead.popleft()
        ahead.extend(read(chunk) for chunk in islice(chunks, 1))


def stale(db: sqlite_utils.Database, learner: TemplateLearner, urls: list[str],
          writer: ArchiveWriter | None = None) -> list[str]:
    """The pages their template's final version would read differently from the version that read them
    (see TemplateLearner.affects), and the pages filed under a template this learner does not know (a run
    that died before it finished). With a writer, the pages whose stamp is out of date but whose reading
    would not change are stamped current instead."""
    current: dict[tuple[str, str], str] = {}
    known: dict[str, set[str]] = {}
    out = []
    for start in range(0, len(urls), 500):
        chunk = urls[start:start + 500]
        rows = db.execute(f"SELECT p.url, p.site, p.template, p.extracted_with, p.kind, a.body FROM pages p "
                          f"LEFT JOIN articles a ON a.url = p.url WHERE p.url IN ({','.join('?' * len(chunk))})",
                          chunk).fetchall()
        for url, site, template, stamp, kind, body in rows:
            if site not in known:
                known[site] = learner.template_ids(site)
                current.update({(site, t.template_id): extraction_stamp(t.version) for t in learner.templates(site)})
            if bool(known[site]) and template not in known[site]:
                out.append(url)
                continue
            now = current.get((site, template or ""), extraction_stamp(None))
            if stamp == now:
                continue
            version = _version_of(stamp)
            if version == "other-release" or learner.affects(site, template or "", version, kind,
                                                             frozenset((body or "").split("\n"))):
                out.append(url)
            elif writer is not None:
                writer.db.execute("UPDATE pages SET extracted_with = ? WHERE url = ?", [now, url])
    return out


def _version_of(stamp: str | None) -> str | None:
    """The template version in a stamp; "other-release" for a stamp of another portalcrawl release."""
    release, _, version = (stamp or "").partition("/")
    if stamp is None or release != extraction_stamp(None).partition("/")[0]:
        return "other-release"
    return None if version == "generic" else version


def late_dated(db: sqlite_utils.Database, sites: list[str]) -> list[str]:
    """The pages of these sites read before the list page that dates them (see ArchiveWriter._dated)."""
    if not sites:
        return []
    return [r[0] for r in db.execute(f"SELECT url FROM pages WHERE extracted_with = ? AND body IS NOT NULL "
                                     f"AND site IN ({','.join('?' * len(sites))}) ORDER BY rowid",
                                     [LATE_LIST_DATES, *sites])]


def single_generic_pages(db: sqlite_utils.Database, urls: list[str]) -> list[str]:
    """Of these pages, those still as the generic extractor read them that link no further part of an
    article (see crawl/settling.py), in the order given."""
    if not urls:
        return []
    found = {r[0] for r in db.execute(f"SELECT url FROM pages p WHERE url IN ({','.join('?' * len(urls))}) AND "
                                      f"extracted_with = ? AND NOT EXISTS (SELECT 1 FROM links WHERE from_url = "
                                      f"p.url AND kind = ?)", [*urls, extraction_stamp(None), LinkKind.PAGINATION])}
    return [url for url in urls if url in found]


def unobserved(db: sqlite_utils.Database, learner: TemplateLearner, sites: list[str]) -> list[str]:
    """Stored pages of sites with no templates from an earlier run that this learner has not grouped:
    what a run that died before storing its templates fetched."""
    fresh = [site for site in sites if not learner.knows(site)]
    if not fresh:
        return []
    ids = {site: learner.template_ids(site) for site in fresh}
    rows = db.execute(f"SELECT url, site, template FROM pages WHERE site IN ({','.join('?' * len(fresh))}) "
                      f"AND kind IN ({','.join('?' * len(EXTRACTED_KINDS))}) AND body IS NOT NULL ORDER BY rowid",
                      [*fresh, *EXTRACTED_KINDS]).fetchall()
    return [url for url, site, template in rows if template not in ids[site]]


class Reextractor:
    """Re-reads stored pages with the learner's templates and stores what changed."""

    def __init__(self, db: sqlite_utils.Database, learner: TemplateLearner, timezone: str = DEFAULT_TIMEZONE,
                 unversioned_since: str | None = None, extract_many: ExtractMany = extract_here,
                 single_pages: bool = False) -> None:
        """single_pages: leave alone a page its new reading finds a part of a longer article (a crawl still
        running may not have stored the other parts)."""
        self.extract_many = extract_many
        self.single_pages = single_pages
        self.db = db
        self.learner = learner
        self.timezone = timezone
        self.writer = ArchiveWriter(db, unversioned_since)
        self.report = ReextractReport()
        self.now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")

    def run(self, urls: list[str], progress: Callable[[int], None] | None = None) -> ReextractReport:
        readings = _readings(self.db, urls, lambda page: _context(page, self.learner, self.timezone),
                             self.extract_many)
        while batch := list(islice(readings, BATCH)):
            with write_transaction(self.db):  # the records and the pages' stamps commit together: restartable
                for page, article in batch:
                    if isinstance(article, BaseException):
                        self.report.failed += 1
                    elif page is not None and article is not None:
                        self.page(page, article)
                    if progress:
                        progress(1)
        for key in (WriteCount.ARTICLES_NEW, WriteCount.ARTICLES_CHANGED, WriteCount.ARTICLES_UNCHANGED,
                    WriteCount.ARTICLES_REMOVED):
            setattr(self.report, key, self.writer.counts[key])
        return self.report

    def page(self, page: _Stored, article: Article) -> None:
        """Store what a new reading of a stored page says."""
        url = page.url
        part, family = article_parts(url, [normalize_url(link.url) for link in article.pagination])
        if self.single_pages and len(family) > 1:
            return
        evidence = article.evidence
        template = (evidence.template_id or self.learner.group_of(page.site, evidence.skeleton)) if evidence \
            else page.template
        kind = str(article.kind)
        self.report.pages += 1
        if page.kind not in (kind, StoredKind.ALIAS):
            self.report.kind_changes[f"{page.kind} -> {kind}"] += 1
        self.writer.set_extraction(url, kind, template, extraction_stamp(evidence.template_version if evidence
                                                                         else None))
        self.writer.replace_links(page_links(url, article))
        target = record_url(url, article)
        if article.kind is PageKind.ARTICLE and part == 1:
            record = self._joined(article, page)
            record.url = target
            if record.body.strip():
                self.writer.write([record])
                return
        if article.kind is not PageKind.ARTICLE:
            for gone in dict.fromkeys((url, target)):
                self.writer.remove_article(gone, f"re-extracted as {kind}", self.now)

    def _joined(self, article: Article, first: _Stored):
        """The record of a multi-page article: its later pages, as stored, joined in order."""
        bodies = [article.body]
        _, family = article_parts(first.url, [normalize_url(link.url) for link in article.pagination])
        for url in family[1:]:
            page = _stored(self.db, url)
            if page is None:
                continue
            part = _extract(page, self.learner, self.timezone)
            if part.kind is PageKind.ARTICLE and part.body:
                bodies.append(part.body)
        article.body = "\n".join(bodies)
        article.url = first.url
        return article_record(article, first.fetched_at, len(bodies))
