"""Articles out of the archive as JSON Lines, CSV (opens right in Excel) or Parquet, streamed.

The columns are a stable contract (``COLUMNS``): new ones may be added at the end, none is
renamed or removed. Rows come from the archive a batch at a time (``Archive.export_batches``)
and are written as they come, so memory stays constant whatever the size of the archive.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from typing import IO, Any

# (column, type, meaning). The meanings also describe the columns in Datasette and the README.
COLUMNS: list[tuple[str, str, str]] = [
    ("url", "string", "the article's URL (its first page, for an article split over several)"),
    ("site", "string", "scheme://host[:port] of the portal"),
    ("site_name", "string", "the portal's name, from its pages"),
    ("title", "string", "the article's headline"),
    ("published", "string", "publication date (YYYY-MM-DD) or time (YYYY-MM-DDTHH:MM:SS, portal time)"),
    ("published_source", "string", "the clue that gave the date: text:meta-line, …+year:url, …+year:list-page, "
                                    "…+relative, meta:<name>"),
    ("contributor", "string", "author or contributor (X投稿, 作者：X, 文/X, 记者 X)"),
    ("source", "string", "the outlet the article names as its source (来源)"),
    ("editor", "string", "the responsible editor (责任编辑)"),
    ("category", "string", "the portal's section"),
    ("body", "string", "the article's text, one paragraph per line"),
    ("page_count", "integer", "pages the article was split over"),
    ("fetched_at", "string", "when it was fetched (UTC, ISO 8601)"),
    ("content_hash", "string", "SHA-256 of title, body and date: changes when the content does"),
    ("copy_cluster", "integer", "its cluster of near-duplicates (dupe_clusters.cluster), if any"),
]
NAMES = [name for name, _, _ in COLUMNS]  # the order archive/queries.py's EXPORT_NAMES reads them in


def write_jsonl(rows: Iterator[list[tuple[Any, ...]]], out: IO[str]) -> int:
    count = 0
    for batch in rows:
        out.writelines(json.dumps(dict(zip(NAMES, row, strict=True)), ensure_ascii=False) + "\n" for row in batch)
        count += len(batch)
    return count


# A cell starting with one of these is a formula to Excel and LibreOffice ("=HYPERLINK(...)" in a
# scraped title would run): OWASP's advice is a leading apostrophe, which shows as text.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def defuse(value: Any) -> Any:
    """A text cell that a spreadsheet would run as a formula, made plain text."""
    return f"'{value}" if isinstance(value, str) and value.startswith(FORMULA_START) else value


def write_csv(rows: Iterator[list[tuple[Any, ...]]], out: IO[str], raw: bool = False) -> int:
    """RFC 4180 CSV; the caller opens ``out`` as utf-8-sig so Excel reads the Chinese right. Cells that a
    spreadsheet would run as formulas start with an apostrophe, unless ``raw`` (for programs, not people)."""
    writer = csv.writer(out)
    writer.writerow(NAMES)
    count = 0
    for batch in rows:
        writer.writerows(batch if raw else ([defuse(v) for v in row] for row in batch))
        count += len(batch)
    return count


def use_system_allocator() -> None:
    """For a process that writes a large Parquet file: Arrow's default allocator (jemalloc or
    mimalloc) keeps freed batches and grows with the export (185 -> 204 MiB from 5,000 to 100,000
    articles); the system allocator stays flat. Process-wide, so the command calls it, not the writer."""
    try:
        import pyarrow as pa
    except ImportError:
        return  # write_parquet says what to install
    pa.set_memory_pool(pa.system_memory_pool())


def write_parquet(rows: Iterator[list[tuple[Any, ...]]], out: IO[bytes]) -> int:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as error:
        raise RuntimeError("Parquet needs pyarrow: pip install 'portalcrawl[parquet]'") from error
    types = {"string": pa.string(), "integer": pa.int64()}
    schema = pa.schema([pa.field(name, types[kind]) for name, kind, _ in COLUMNS])
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for batch in rows:
            columns = list(zip(*batch, strict=True))
            writer.write_batch(pa.record_batch([pa.array(col, type=f.type) for col, f in zip(columns, schema,
                                                                                               strict=True)],
                                               schema=schema))
            count += len(batch)
    return count
