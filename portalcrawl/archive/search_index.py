"""The two search indexes of archive/search.py, kept in step with the articles table.

Triggers on ``articles`` keep the trigram index exact for every write, whoever makes it
(portalcrawl, sqlite3, Datasette). The character index needs Python to spell a text one
character per token, which a trigger cannot call, so the same triggers queue each change
(with the text to add or the text to remove: a contentless index must be told both) in
``articles_chars_queue``; ``drain`` applies the queue, in order. The archive writer drains it
in the transaction of every batch, and every ``portalcrawl`` command drains it when it opens
the archive, so edits made by hand are picked up too.
"""

from __future__ import annotations

import unicodedata

import sqlite_utils

from .transaction import write_transaction

SEPARATOR = "\ue000"  # stands for any space or punctuation in the character index (a private-use letter)
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")

TABLES = {
    "articles_fts": "CREATE VIRTUAL TABLE articles_fts USING fts5(title, body, content='articles', "
                    "content_rowid='rowid', tokenize='trigram')",
    "articles_chars": "CREATE VIRTUAL TABLE articles_chars USING fts5(title, body, content='', "
                      "tokenize='unicode61 remove_diacritics 0')",
    "articles_chars_queue": "CREATE TABLE articles_chars_queue (seq INTEGER PRIMARY KEY, article INTEGER NOT NULL, "
                            "op TEXT NOT NULL, title TEXT, body TEXT)",
}
_ADD = ("INSERT INTO articles_fts (rowid, title, body) VALUES (new.rowid, new.title, new.body); "
        "INSERT INTO articles_chars_queue (article, op, title, body) VALUES (new.rowid, 'add', new.title, new.body);")
_REMOVE = ("INSERT INTO articles_fts (articles_fts, rowid, title, body) VALUES ('delete', old.rowid, old.title, "
           "old.body); INSERT INTO articles_chars_queue (article, op, title, body) "
           "VALUES (old.rowid, 'delete', old.title, old.body);")
TRIGGERS = {
    "articles_search_insert": f"AFTER INSERT ON articles BEGIN {_ADD} END",
    "articles_search_delete": f"AFTER DELETE ON articles BEGIN {_REMOVE} END",
    "articles_search_update": f"AFTER UPDATE OF title, body ON articles BEGIN {_REMOVE} {_ADD} END",
}
CHUNK = 500


def fold(text: str) -> str:
    """ASCII-only lower-casing: exactly what SQLite's built-in lower() does."""
    return text.translate(_ASCII_LOWER)


def is_token_char(char: str) -> bool:
    """Whether unicode61 (default categories L* N* Co) keeps this character as part of a token."""
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


def chars_text(text: str | None) -> str:
    """The text as the character index sees it: one token per character, every character that
    unicode61 would drop (space, punctuation) kept as a stand-in token, so that two characters are
    adjacent in the index only when they are adjacent in the text."""
    return " ".join(char if is_token_char(char) else SEPARATOR for char in (text or ""))


def ensure(db: sqlite_utils.Database) -> None:
    """Create what is missing; a new index is filled from the articles already archived."""
    existing = set(db.table_names())
    for name, sql in TABLES.items():
        if name not in existing:
            db.execute(sql)
    for name, body in TRIGGERS.items():
        db.execute(f"CREATE TRIGGER IF NOT EXISTS {name} {body}")
    if "articles_fts" not in existing:
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
    if "articles_chars" not in existing:
        _queue_everything(db)
    drain(db)


def drain(db: sqlite_utils.Database) -> None:
    """Apply the queued changes to the character index, oldest first."""
    while rows := db.execute("SELECT seq, article, op, title, body FROM articles_chars_queue ORDER BY seq LIMIT ?",
                             [CHUNK]).fetchall():
        for _, article, op, title, body in rows:
            command, columns = ("'delete', ", "articles_chars, rowid") if op == "delete" else ("", "rowid")
            db.execute(f"INSERT INTO articles_chars ({columns}, title, body) VALUES ({command}?, ?, ?)",
                       [article, chars_text(title), chars_text(body)])
        db.execute("DELETE FROM articles_chars_queue WHERE seq <= ?", [rows[-1][0]])


def rebuild(db: sqlite_utils.Database) -> None:
    """Both indexes from scratch (after a VACUUM that renumbered rowids, say)."""
    with write_transaction(db):
        db.execute("INSERT INTO articles_fts (articles_fts) VALUES ('rebuild')")
        db.execute("INSERT INTO articles_chars (articles_chars) VALUES ('delete-all')")
        db.execute("DELETE FROM articles_chars_queue")
        _queue_everything(db)
        drain(db)


def _queue_everything(db: sqlite_utils.Database) -> None:
    db.execute("INSERT INTO articles_chars_queue (article, op, title, body) "
               "SELECT rowid, 'add', title, body FROM articles ORDER BY rowid")
