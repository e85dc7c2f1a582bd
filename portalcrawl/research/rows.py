"""Reading every article without holding them all: an archive can be larger than memory."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlite_utils

CHUNK = 500


def article_rows(db: sqlite_utils.Database, columns: str, chunk: int = CHUNK) -> Iterator[tuple[Any, ...]]:
    """(rowid, *columns) of every article in rowid order, fetched a chunk at a time, so writes may
    happen between chunks on the same connection."""
    last = -(2**63)
    while True:
        rows = db.execute(f"SELECT rowid, {columns} FROM articles WHERE rowid > ? ORDER BY rowid LIMIT ?",
                          [last, chunk]).fetchall()
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


def article_filters(site: str | None, since: str | None, until: str | None,
                    alias: str = "a") -> tuple[list[str], list[object]]:
    """SQL conditions (and their parameters) for the --site/--since/--until options every command shares.

    ``site`` is a site as stored (``http://host``) or a bare host; dates are ISO dates, and
    ``until`` includes its whole day.
    """
    clauses: list[str] = []
    params: list[object] = []
    if site:
        clauses.append(f"({alias}.site = ? OR {alias}.site LIKE ?)")
        params += [site, f"%://{site}"]
    if since:
        clauses.append(f"{alias}.published >= ?")
        params.append(since)
    if until:
        clauses.append(f"substr({alias}.published, 1, 10) <= ?")
        params.append(until)
    return clauses, params
