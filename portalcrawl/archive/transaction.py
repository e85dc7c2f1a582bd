"""Write transactions that take SQLite's write lock when they begin.

sqlite-utils' ``atomic()`` begins a deferred transaction: it reads first and asks for the write
lock only at its first write, and when another connection wrote in between, SQLite cannot upgrade
it and fails at once with "database is locked", whatever the busy timeout (two crawls into one
archive lost a third of their articles so). ``BEGIN IMMEDIATE`` asks for the lock first, so a
second writer waits its turn (up to the busy timeout) instead. Nested blocks are savepoints.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import sqlite_utils


@contextlib.contextmanager
def write_transaction(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """All or nothing, holding the write lock from the start."""
    if db.conn.in_transaction:
        with db.atomic():  # a savepoint inside the caller's transaction
            yield db
        return
    db.conn.execute("BEGIN IMMEDIATE")
    try:
        yield db
    except BaseException:
        if db.conn.in_transaction:
            db.conn.execute("ROLLBACK")
        raise
    db.conn.execute("COMMIT")
