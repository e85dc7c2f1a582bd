"""The archive's write path: batches of records, each in one transaction, with the derived indexes
(search, copies) kept in step inside it.

Every batch is one transaction, so a crash can lose the last unflushed batch but never leaves a
half-written record; every write is an upsert keyed on the URL, so crawling twice leaves the same
rows; an article whose content changed keeps its earlier version.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from dataclasses import asdict
from typing import TYPE_CHECKING, Any

import sqlite_utils

from ..contract import EXTRACTED_KINDS, StoredKind, WriteCount
from . import search_index
from .copies import CopyFinder
from .records import ArticleRecord, LinkRecord, ListedDates, PageLinkRecords, PageRecord, SiteRecord
from .transaction import write_transaction
from .urls import site_of

if TYPE_CHECKING:  # the extractor is imported where templates are built, not with the writer
    from ..extract.template import Template

logger = logging.getLogger(__name__)
# The stamp of a page whose list dates arrived after it was read: of no release, so the end of the
# crawl (reextract.stale, reextract.late_dated) reads it again with them.
LATE_LIST_DATES = "late-list-dates"
# Recent list dates kept for pages not stored yet: enough for the pages in flight, and no more.
MAX_LISTED = 10_000
_EXTRACTED = frozenset(EXTRACTED_KINDS)
_UPSERT_LINK = ("INSERT INTO links (from_url, to_url, text, kind, from_site, to_site) VALUES (?, ?, ?, ?, ?, ?) "
                "ON CONFLICT (from_url, to_url, kind) DO UPDATE SET text = excluded.text, "
                "from_site = excluded.from_site, to_site = excluded.to_site")
# An article's fields that are the extractor's reading of it, not its content (content_hash covers that);
# not its notes, which name the template and how many pages it had been learned from.
_READING = ("published_source", "contributor", "source", "editor", "category")


class ArchiveWriter:
    """Writes batches of records, each batch in one transaction."""

    def __init__(self, db: sqlite_utils.Database, unversioned_since: str | None = None) -> None:
        """unversioned_since: a record fetched at or after this time and replaced by a new reading of the
        same fetch keeps no version (the end of a crawl re-reading what it stored itself); records of
        earlier fetches always do."""
        self.db = db
        self.unversioned_since = unversioned_since
        self.copies = CopyFinder(db)
        self.counts: dict[WriteCount, int] = dict.fromkeys(WriteCount, 0)
        self.listed: OrderedDict[str, str] = OrderedDict()

    def write(self, records: list[object]) -> None:
        listed = {url: dates for r in records if isinstance(r, ListedDates) for url, dates in r.dates.items()}
        for url, dates in listed.items():
            self.listed[url] = dates
            self.listed.move_to_end(url)
        while len(self.listed) > MAX_LISTED:
            self.listed.popitem(last=False)
        pages = [self._dated(asdict(r)) for r in records if isinstance(r, PageRecord)]
        articles = [r for r in records if isinstance(r, ArticleRecord)]
        link_rows = [r for r in records if isinstance(r, LinkRecord)]
        link_rows += [link for r in records if isinstance(r, PageLinkRecords) for link in r.links]
        links = {(r.from_url, r.to_url, r.kind): (r.from_url, r.to_url, r.text, str(r.kind), site_of(r.from_url),
                                                  site_of(r.to_url)) for r in link_rows}
        sites = [r for r in records if isinstance(r, SiteRecord)]
        # One IMMEDIATE transaction: sqlite-utils' own writes nest inside as savepoints, so the batch is all or nothing,
        # and the counts follow the commit (a batch rolled back counts nothing).
        done: dict[WriteCount, int] = dict.fromkeys(WriteCount, 0)
        with write_transaction(self.db):
            if pages:
                self.db["pages"].upsert_all(pages, pk="url")
                done[WriteCount.PAGES] += len(pages)
            if links:  # a page has dozens: one plain UPSERT statement each, not sqlite-utils' two
                self.db.conn.executemany(_UPSERT_LINK, list(links.values()))
                done[WriteCount.LINKS] += len(links)
            for article in articles:
                done[self._write_article(article)] += 1
            for site in sites:
                self._write_site(site)
            for url, dates in listed.items():  # pages read before the list that dates them
                self.db.execute(f"UPDATE pages SET list_dates = ?, extracted_with = ? WHERE url = ? AND "
                                f"list_dates IS NULL AND kind IN ({','.join('?' * len(_EXTRACTED))})",
                                [dates, LATE_LIST_DATES, url, *_EXTRACTED])
            search_index.drain(self.db)
        for key, value in done.items():
            self.counts[key] += value

    def write_salvaging(self, records: list[object]) -> list[Exception]:
        """Write a batch; if it fails whole (rolled back), each record on its own, so one bad record costs
        only itself. The errors of the records that could not be stored."""
        try:
            self.write(records)
            return []
        except Exception as exc:
            logger.warning("a batch of %d items could not be stored (%s); storing them one by one",
                           len(records), exc)
        failed = []
        for record in records:
            try:
                self.write([record])
            except Exception as error:
                failed.append(error)
        return failed

    def _dated(self, page: dict[str, Any]) -> dict[str, Any]:
        """A page read without list dates that a list stored before it gave: file them, read it again later."""
        if page["list_dates"] is None and page["kind"] in _EXTRACTED and page["url"] in self.listed:
            page["list_dates"], page["extracted_with"] = self.listed[page["url"]], LATE_LIST_DATES
        return page

    def _write_article(self, article: ArticleRecord) -> WriteCount:
        """Store one article (or note it unchanged, or an alias of another URL's); what it was."""
        row = self.db.execute("SELECT content_hash, fetched_at FROM articles WHERE url = ?",
                              [article.url]).fetchone()
        if row and row[0] == article.content_hash:
            # What a reader sees is the same; what the extractor says of it (where the date came from,
            # the byline) may be better read this time, and needs no version.
            self.db.execute(f"UPDATE articles SET {', '.join(f'{c} = ?' for c in _READING)} WHERE url = ?",
                            [*(getattr(article, c) for c in _READING), article.url])
            return WriteCount.ARTICLES_UNCHANGED
        if row is None:
            # The same article under a second URL (a dynamic and a static address, "/" and "/index.html"):
            # one record; the page row says which record it is an alias of.
            twin = self.db.execute("SELECT url FROM articles WHERE site = ? AND content_hash = ? AND url != ?",
                                   [article.site, article.content_hash, article.url]).fetchone()
            if twin:
                self.db.execute("UPDATE pages SET kind = ?, redirect_to = ? WHERE url = ?",
                                [StoredKind.ALIAS, twin[0], article.url])
                return WriteCount.ARTICLES_ALIAS
        this_run = row and self.unversioned_since and row[1] and row[1] >= self.unversioned_since
        if row and not this_run:
            old = self._keep_version(article.url, article.fetched_at)
        else:
            old = next(self.db["articles"].rows_where("url = ?", [article.url])) if row else None
        self.db["articles"].upsert(asdict(article), pk="url")
        rowid = self.db.execute("SELECT rowid FROM articles WHERE url = ?", [article.url]).fetchone()[0]
        self.copies.add(rowid, article.url, article.body, old_body=old["body"] if old else None)
        return WriteCount.ARTICLES_CHANGED if row else WriteCount.ARTICLES_NEW

    def _keep_version(self, url: str, replaced_at: str) -> dict[str, Any]:
        """Copy the current record to article_versions before it is replaced; return it."""
        old = next(self.db["articles"].rows_where("url = ?", [url]))
        number = self.db.execute("SELECT coalesce(max(version), 0) + 1 FROM article_versions WHERE url = ?",
                                 [url]).fetchone()[0]
        columns = set(self.db["article_versions"].columns_dict)
        version = {k: v for k, v in old.items() if k in columns}
        self.db["article_versions"].insert({**version, "version": number, "replaced_at": replaced_at})
        return old

    def remove_article(self, url: str, reason: str, removed_at: str) -> bool:
        """Move an article record that is not one to ``removed_articles``; False if there was none."""
        with write_transaction(self.db):
            row = self.db.execute("SELECT rowid FROM articles WHERE url = ?", [url]).fetchone()
            if row is None:
                return False
            old = next(self.db["articles"].rows_where("url = ?", [url]))
            self.db["removed_articles"].upsert({**old, "removed_at": removed_at, "reason": reason},
                                               pk=("url", "removed_at"))
            self.copies.remove(row[0], url, old["body"] or "")
            self.db.execute("DELETE FROM articles WHERE url = ?", [url])
            search_index.drain(self.db)
        self.counts[WriteCount.ARTICLES_REMOVED] += 1
        return True

    def replace_links(self, links: PageLinkRecords) -> None:
        """A page's links as a new extraction of it classifies them (the old rows go first). Most readings
        again classify them as before: then nothing is written (a look is cheaper than rewriting the rows
        and their three indexes)."""
        stored = set(self.db.execute("SELECT to_url, kind, text FROM links WHERE from_url = ?", [links.from_url]))
        if stored == {(link.to_url, str(link.kind), link.text) for link in links.links}:
            return
        self.db.execute("DELETE FROM links WHERE from_url = ?", [links.from_url])
        self.write([links])

    def set_extraction(self, url: str, kind: str, template: str | None, extracted_with: str) -> None:
        """What a page was found to be on re-extraction, and with which template."""
        self.db.execute("UPDATE pages SET kind = ?, template = ?, extracted_with = ? WHERE url = ?",
                        [kind, template, extracted_with, url])

    def write_templates(self, templates: list[Template], learned_at: str) -> None:
        """Store the sites' templates (learned or still learning), replacing earlier rows of the same id."""
        rows = [{"site": t.site, "template_id": t.template_id, "signature": json.dumps(sorted(t.skeleton)),
                 "kind": t.kind, "content_slot": t.content_path, "meta_slot": t.meta_path,
                 "boilerplate": json.dumps(sorted(t.boilerplate), ensure_ascii=False),
                 "title_prefix": t.title_prefix, "title_suffix": t.title_suffix, "pages_seen": t.pages,
                 "learned_at": learned_at, "version": t.version if t.learned else None, "example_url": t.example_url,
                 "learned": int(t.learned)} for t in templates]
        if rows:
            with write_transaction(self.db):
                self.db["templates"].upsert_all(rows, pk=("site", "template_id"))

    def _write_site(self, site: SiteRecord) -> None:
        existing = self.db.execute("SELECT first_seen FROM sites WHERE site = ?", [site.site]).fetchone()
        self.db["sites"].upsert(
            {"site": site.site, "name": site.name, "categories": site.categories,
             "first_seen": existing[0] if existing else site.seen_at, "last_seen": site.seen_at},
            pk="site",
        )

    def start_crawl(self, started: str, start_urls: list[str], kind: str = "crawl", config: str | None = None) -> int:
        with write_transaction(self.db):
            table = self.db["crawls"].insert({"kind": kind, "config": config, "started": started, "status": "running",
                                              "start_urls": json.dumps(start_urls)})
        return int(table.last_pk)

    def close_abandoned_runs(self) -> None:
        """Mark the runs still "running" as killed: called by whoever holds the single-writer lock, so
        no run can still be going."""
        with write_transaction(self.db):
            self.db.execute("UPDATE crawls SET status = 'killed' WHERE status = 'running'")

    def finish_crawl(self, crawl_id: int, finished: str, status: str, stats: dict[str, Any],
                     portals: dict[str, Any] | None = None, errors: str | None = None) -> None:
        def as_json(value: Any) -> str | None:
            return None if value is None else json.dumps(value, default=str, ensure_ascii=False)

        with write_transaction(self.db):
            self.db["crawls"].update(crawl_id, {"finished": finished, "status": status, "stats": as_json(stats),
                                                "portals": as_json(portals), "errors": errors})


def load_templates(db: sqlite_utils.Database, sites: list[str] | None = None) -> list[Template]:
    """The templates of these sites (all sites when None), the ones still learning too."""
    from ..extract.template import Template

    marks = ",".join("?" * len(sites or []))
    where, params = (f"site IN ({marks})", sites) if sites else (None, [])
    return [
        Template(site=r["site"], template_id=r["template_id"], skeleton=frozenset(json.loads(r["signature"])),
                 kind=r["kind"], content_path=r["content_slot"], meta_path=r["meta_slot"],
                 boilerplate=frozenset(json.loads(r["boilerplate"] or "[]")), title_prefix=r["title_prefix"] or "",
                 title_suffix=r["title_suffix"] or "", pages=r["pages_seen"] or 0, example_url=r["example_url"] or "",
                 learned=r["learned"] != 0)
        for r in db["templates"].rows_where(where, params, order_by="site, pages_seen DESC")
    ]
