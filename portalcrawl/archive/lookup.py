"""Read-only lookups by URL, for the incremental harvest: what the archive holds of a page.

One indexed query per URL, so memory does not grow with the archive. The connection is opened
read-only and lazily (the first run of a harvest creates the archive as it goes).
"""

from __future__ import annotations

import sqlite3
import zlib
from pathlib import Path
from typing import NamedTuple


class PageState(NamedTuple):
    kind: str | None
    status: int
    fetched_at: str
    etag: str | None
    last_modified: str | None
    redirect_to: str | None
    archived_article: bool


class ArchiveIndex:
    """Read-only lookups by URL in the archive (opened lazily: the first run creates it)."""

    def __init__(self, db_path: str) -> None:
        self.db_path = db_path
        self.conn: sqlite3.Connection | None = None

    def _connection(self) -> sqlite3.Connection | None:
        if self.conn is None and Path(self.db_path).exists():
            self.conn = sqlite3.connect(f"file:{self.db_path}?mode=ro", uri=True, timeout=30,
                                        check_same_thread=False)
        return self.conn

    def state(self, url: str) -> PageState | None:
        conn = self._connection()
        if conn is None:
            return None
        try:
            row = conn.execute(
                "SELECT p.kind, p.status, p.fetched_at, p.etag, p.last_modified, p.redirect_to, "
                "EXISTS(SELECT 1 FROM articles a WHERE a.url = p.url) FROM pages p WHERE p.url = ?", [url]
            ).fetchone()
        except sqlite3.OperationalError:  # no tables yet
            return None
        return PageState(*row[:6], bool(row[6])) if row else None

    def stored_body(self, url: str) -> tuple[bytes, str | None] | None:
        conn = self._connection()
        if conn is None:
            return None
        row = conn.execute("SELECT body, content_type FROM pages WHERE url = ?", [url]).fetchone()
        if not row or row[0] is None:
            return None
        return zlib.decompress(row[0]), row[1]
