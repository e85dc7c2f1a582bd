"""Datasette plugin (entry point "portalcrawl"): lets SQL in Datasette search the character index.

``portalcrawl_chars(text)`` turns a query into the one-character-per-token form of
``articles_chars`` (see archive/search.py), so a canned query can search 1-2 characters.
"""

from __future__ import annotations

from datasette import hookimpl

from ..archive.search_index import chars_text


@hookimpl
def prepare_connection(conn) -> None:
    conn.create_function("portalcrawl_chars", 1, chars_text, deterministic=True)
