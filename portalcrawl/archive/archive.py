"""One archive file, opened for reading or for writing: what every command and researchers use.

Reading never writes: the file is opened read-only (immutable when not even SQLite's shared
memory file can be made, as on a read-only mount or a file mode 0444 beside a WAL), so a
researcher's copy, a backup or a file another user owns can be searched and exported as it is.
Writing brings an older archive's schema up to date first. Either way a file that is no
archive, or none at all, is an ``ArchiveError`` with a sentence, not a traceback.

    >>> archive = Archive("data/portalcrawl.db")
    >>> for hit in archive.search("创业", since="2024-01-01"):
    ...     print(hit.published, hit.title, hit.url)
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import zlib
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

import sqlite_utils

from . import queries, search
from .schema import SCHEMA_VERSION, ensure_schema
from .writer import ArchiveWriter

if TYPE_CHECKING:
    from ..extract import Article

# The extractor (and re-extraction, which needs it) is imported by the one method that extracts:
# `search`, `export` and `status` open an archive without paying for it at start-up.

BUILD_ONE = "build one with `portalcrawl demo`, `crawl` or `harvest`"


class ArchiveError(Exception):
    """The file is not an archive this portalcrawl can use; the message says why and what to do."""


def _diagnosis(path: Path, error: sqlite3.DatabaseError) -> str:
    """What is wrong with a file SQLite refused, in words: read-only, full, not a database, or damaged
    (as PRAGMA quick_check says, on a read-only connection)."""
    message = str(error)
    if "readonly" in message or "read-only" in message:
        return f"cannot be written: a read-only file or folder ({message})"
    if "disk is full" in message or "database or disk is full" in message:
        return f"the disk is full ({message})"
    try:
        conn = sqlite3.connect(f"file:{quote(str(path.resolve()))}?mode=ro", uri=True)
        try:
            problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
        finally:
            conn.close()
    except sqlite3.DatabaseError as again:
        return f"not a portalcrawl archive, or a damaged one ({again})"
    if problems and problems != ["ok"]:
        return f"a damaged archive (PRAGMA quick_check: {'; '.join(problems)})"
    return f"not a portalcrawl archive, or a damaged one ({message})"


class Archive:
    """An archive: ``Archive(path)`` reads, ``Archive(path, write=True)`` writes (creating it if needed)."""

    def __init__(self, path: str | os.PathLike[str], *, write: bool = False) -> None:
        self.path = Path(path)
        self.writable = write
        try:
            self.db = self._open_for_writing() if write else self._open_for_reading()
        except sqlite3.DatabaseError as exc:
            raise ArchiveError(f"{self.path}: {_diagnosis(self.path, exc)}") from None

    def _open_for_writing(self) -> sqlite_utils.Database:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        # Used by one thread at a time, not always the one that opened it (a crawl writes in a thread
        # of its own and closes the run in the reactor's).
        db = sqlite_utils.Database(sqlite3.connect(self.path, check_same_thread=False))
        db.execute("PRAGMA busy_timeout=30000")  # a reader (Datasette, sqlite3) must not fail a write
        db.execute("PRAGMA journal_mode=WAL")
        db.execute("PRAGMA synchronous=NORMAL")
        ensure_schema(db)
        return db

    def _open_for_reading(self) -> sqlite_utils.Database:
        if not self.path.is_file():
            raise ArchiveError(f"{self.path}: no such archive ({BUILD_ONE})")
        if self.path.stat().st_size == 0:
            raise ArchiveError(f"{self.path}: an empty file, not a portalcrawl archive ({BUILD_ONE})")
        uri = f"file:{quote(str(self.path.resolve()))}"
        conn = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=30)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except sqlite3.OperationalError:
            # A WAL archive whose folder or shared-memory file we may not write: nobody can be writing
            # it either, so it can be read as an immutable file.
            conn.close()
            conn = sqlite3.connect(f"{uri}?immutable=1", uri=True)
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version < SCHEMA_VERSION:
            conn.close()
            detail = ("not a portalcrawl archive" if version == 0
                      else f"written by an older portalcrawl (schema {version})")
            raise ArchiveError(f"{self.path}: {detail}; this portalcrawl reads schema {SCHEMA_VERSION}"
                               + ("" if version == 0 else f": run `portalcrawl upgrade --db {self.path}` first"))
        conn.execute("PRAGMA query_only=ON")
        return sqlite_utils.Database(conn)

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Archive:
        return self

    def __exit__(self, kind: type[BaseException] | None, value: BaseException | None,
                 traceback: TracebackType | None) -> None:
        self.close()

    def writer(self, unversioned_since: str | None = None) -> ArchiveWriter:
        """The write path (records, templates, runs); only for an archive opened with write=True."""
        if not self.writable:
            raise ArchiveError(f"{self.path}: opened for reading")
        return ArchiveWriter(self.db, unversioned_since)

    # -- research ------------------------------------------------------------------------------

    def search(self, query: str, *, site: str | None = None, since: str | None = None, until: str | None = None,
               limit: int | None = 20, snippets: bool = True) -> Iterator[search.Hit]:
        """Articles containing every term of the query (exact substring semantics), best first."""
        return search.search(self.db.conn, query, site=site, since=since, until=until, limit=limit,
                             snippets=snippets)

    def scan(self, query: str) -> set[str]:
        """The URLs a plain substring scan of every article finds (the reference for ``search``)."""
        return search.scan(self.db.conn, query)

    def articles(self, site: str | None = None, since: str | None = None,
                 until: str | None = None) -> Iterator[dict[str, Any]]:
        """Every article (as the export's columns), by site, date and URL, streamed."""
        for batch in self.export_batches(site, since, until):
            for row in batch:
                yield dict(zip(queries.EXPORT_NAMES, row, strict=True))

    def export_batches(self, site: str | None = None, since: str | None = None, until: str | None = None,
                       size: int = 1000) -> Iterator[list[tuple[Any, ...]]]:
        return queries.export_batches(self.db, site, since, until, size)

    def count_articles(self, site: str | None = None, since: str | None = None, until: str | None = None) -> int:
        return queries.count_articles(self.db, site, since, until)

    def clusters(self, site: str | None = None) -> list[queries.Cluster]:
        """Clusters of near-duplicate articles (with an article on ``site``), largest first."""
        return queries.clusters(self.db, site)

    def clustered_titles(self) -> dict[str, str | None]:
        return queries.clustered_titles(self.db)

    def site_network(self) -> queries.SiteNetwork:
        return queries.site_network(self.db)

    def overview(self) -> queries.Overview:
        return queries.overview(self.db)

    def link_targets(self, from_site: str, kind: str) -> set[str]:
        """Where a site's pages link, in one region (a ``contract.LinkKind``)."""
        return queries.link_targets(self.db, from_site, kind)

    def copy_pairs(self, site: str) -> list[tuple[str, str]]:
        """The pairs of copies found between two articles of one site."""
        return queries.copy_pairs(self.db, site)

    def runs(self, limit: int = 10) -> list[dict[str, Any]]:
        """The last crawls and harvests recorded, newest first."""
        return queries.recent_runs(self.db, limit)

    def sites(self, site: str | None) -> list[str] | None:
        """The stored sites a --site option names (as stored, or the bare host); None when it names none."""
        from .reextract import resolve_sites

        return resolve_sites(self.db, site)

    def templates(self, site: str | None = None) -> list[dict[str, object]]:
        """The learned templates, as `portalcrawl templates --json` prints them."""
        from .reextract import resolve_sites
        from .writer import load_templates

        sites = resolve_sites(self.db, site)
        if sites == []:
            return []
        return [{"site": t.site, "template": t.template_id, "learned": t.learned, "kind": t.kind, "pages": t.pages,
                 "content_slot": t.content_path, "meta_slot": t.meta_path, "boilerplate": sorted(t.boilerplate),
                 "title_prefix": t.title_prefix, "title_suffix": t.title_suffix, "version": t.version,
                 "example_url": t.example_url} for t in load_templates(self.db, sites)]

    def extract_again(self, url: str, timezone: str | None = None) -> Article:
        """Extract an archived page again from its stored bytes and the context of its fetch (in the
        portal's time zone: Asia/Shanghai unless given)."""
        from ..extract import extract_article
        from .fetch_context import DEFAULT_TIMEZONE, fetch_context, http_time

        row = self.db.execute("SELECT body, fetched_at, http_date, last_modified, content_type FROM pages "
                              "WHERE url = ?", [url]).fetchone()
        if row is None or row[0] is None:
            raise KeyError(f"{url} has no stored page in {self.path}")
        body, fetched_at, http_date, last_modified, content_type = row
        fetched = http_time(http_date) or dt.datetime.fromisoformat(fetched_at)
        context = fetch_context(fetched, last_modified, content_type, timezone=timezone or DEFAULT_TIMEZONE)
        return extract_article(zlib.decompress(body), url, context)
