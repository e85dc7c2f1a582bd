"""Datasette metadata for an archive: descriptions of every table and column, and canned queries."""

from __future__ import annotations

from typing import Any

from ..archive.canned import QUERIES
from .schema_docs import TABLES


def metadata(database: str) -> dict[str, Any]:
    tables = {name: {"description": description, "columns": columns}
              for name, (description, columns) in TABLES.items()}
    tables["articles"]["fts_table"] = "articles_fts"
    tables["articles"]["fts_pk"] = "rowid"
    return {
        "title": "portalcrawl archive",
        "description": "Articles archived from Chinese content portals by portalcrawl.",
        "databases": {database: {"tables": tables, "queries": QUERIES}},
    }
