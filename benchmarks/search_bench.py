"""Benchmark: search latency on a large archive, against a plain substring scan, in one run.

Builds (or reuses) an archive of generated articles written through the real ArchiveWriter,
then times queries of 1, 2 and 4 characters cut from random articles: `portalcrawl search`'s
query (the first 20 hits with snippets, as the command shows them; and every hit, as the set of
URLs the scan returns too) and the substring scan that defines the right answer
(``instr`` over every title and body). Each query is checked to return exactly the scan's
articles. Also prints the cost of keeping the indexes: build rate and bytes per article.

    .venv/bin/python benchmarks/search_bench.py [--articles 100000] [--db PATH] [--queries 15]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sqlite3
import statistics
import tempfile
import time
from dataclasses import asdict
from pathlib import Path

from measure import run_measured

from portalcrawl.archive import Archive, search_index
from portalcrawl.archive.records import ArticleRecord
from portalcrawl.archive.search import scan, search
from portalcrawl.demo import text_bank

TOPICS = list(text_bank.GRAMMAR)
LATIN = ["iPhone", "5G", "AI", "App", "CEO", "Wi-Fi", "GDP", "VR"]


def generate(db_path: Path, count: int) -> float:
    """Insert ``count`` articles over 20 sites, as the archive writer's upserts do, with the search
    indexes kept by their triggers and queue (copy detection is benchmarked by dupes_bench.py);
    returns articles per second."""
    rng = random.Random(100)
    archive = Archive(db_path, write=True).db
    started = time.perf_counter()
    batch = []
    for n in range(count):
        topic = TOPICS[n % len(TOPICS)]
        paragraphs = text_bank.paragraphs(topic, rng, rng.randint(3, 7))
        if n % 5 == 0:  # some Latin words in the Chinese, as portals write them
            paragraphs[0] = f"{rng.choice(LATIN)}{paragraphs[0]}"
        # A name of its own (people and places make real queries selective).
        at = rng.randrange(len(paragraphs))
        paragraphs[at] = f"据{name(rng)}介绍，{paragraphs[at]}"
        title = f"{rng.choice(text_bank.HEADLINE_HEADS[topic])}：{rng.choice(text_bank.HEADLINE_TAILS)}"
        body = "\n".join(paragraphs)
        site = f"http://site{n % 20}.example"
        batch.append(asdict(ArticleRecord(
            url=f"{site}/a/{n}.html", site=site, title=title, published=f"20{10 + n % 15}-{n % 12 + 1:02d}-01",
            published_source="bench", contributor=rng.choice(text_bank.AUTHORS), source=None, editor=None,
            category=topic, body=body, fetched_at="2026-01-01T00:00:00+00:00",
            content_hash=hashlib.sha256(f"{title}\n{body}".encode()).hexdigest())))
        if len(batch) == 1000 or n == count - 1:
            with archive.atomic():
                archive["articles"].upsert_all(batch, pk="url")
                search_index.drain(archive)
            batch = []
            print(f"\r... {n + 1} articles", end="", flush=True)
    print()
    archive.close()
    return count / (time.perf_counter() - started)


def name(rng: random.Random) -> str:
    return "".join(chr(rng.randint(0x4E00, 0x7FFF)) for _ in range(3))


def name_queries(conn: sqlite3.Connection, length: int, count: int, rng: random.Random) -> list[str]:
    """Selective queries: part of an article's name, or the name with the word before it."""
    top = conn.execute("SELECT max(rowid) FROM articles").fetchone()[0]
    queries = []
    while len(queries) < count:
        body = conn.execute("SELECT body FROM articles WHERE rowid >= ? LIMIT 1", [rng.randint(1, top)]).fetchone()[0]
        start = body.index("据")
        queries.append(body[start + 1:start + 3] if length == 2 else body[start:start + 4])
    return queries


def cut_queries(conn: sqlite3.Connection, length: int, count: int, rng: random.Random) -> list[str]:
    top = conn.execute("SELECT max(rowid) FROM articles").fetchone()[0]
    queries: list[str] = []
    while len(queries) < count:
        row = conn.execute("SELECT body FROM articles WHERE rowid >= ? LIMIT 1", [rng.randint(1, top)]).fetchone()
        text = row[0].replace("\n", "")
        start = rng.randrange(len(text) - length)
        query = text[start:start + length]
        if query.strip() == query and " " not in query:
            queries.append(query)
    return queries


def timed(run) -> tuple[float, object]:
    started = time.perf_counter()
    result = run()
    return (time.perf_counter() - started) * 1000, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--db", type=Path, help="archive to build, or to reuse when it exists")
    parser.add_argument("--queries", type=int, default=15, help="queries per length")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory()
    db_path = args.db or Path(folder.name) / "search.db"
    if not db_path.exists():
        rate = generate(db_path, args.articles)
        print(f"built {args.articles} articles at {rate:.0f} articles/s, search indexes included")
    conn = sqlite3.connect(db_path)
    articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    sizes = dict(conn.execute("SELECT name, sum(pgsize) FROM dbstat GROUP BY name").fetchall()) if _has_dbstat(
        conn) else {}
    if sizes:
        text = sizes.get("articles", 0)
        trigram = sum(v for k, v in sizes.items() if k.startswith("articles_fts_"))
        chars = sum(v for k, v in sizes.items() if k.startswith("articles_chars_"))
        print(f"{articles} articles; bytes per article: articles table {text / articles:.0f}, "
              f"trigram index {trigram / articles:.0f}, character index {chars / articles:.0f}")
    rng = random.Random(7)
    scan(conn, "预热")  # read the file once, so neither side pays for the cold cache
    print("| queries | length | count | median hits | search, first 20 (ms) | search, all hits (ms) | "
          "substring scan (ms) | scan / search (first 20) | scan / search (all) |")
    print("|---|---|---|---|---|---|---|---|---|")
    plans = [("common", 1, cut_queries), ("common", 2, cut_queries), ("common", 4, cut_queries),
             ("selective", 2, name_queries), ("selective", 4, name_queries)]
    for kind, length, make in plans:
        first, every, scans, hits = [], [], [], []
        for query in make(conn, length, args.queries, rng):
            t_first, _ = timed(lambda q=query: list(search(conn, q, limit=20)))
            t_all, found = timed(lambda q=query: {h.url for h in search(conn, q, limit=0, snippets=False)})
            t_scan, expected = timed(lambda q=query: scan(conn, q))
            assert found == expected, query
            first.append(t_first)
            every.append(t_all)
            scans.append(t_scan)
            hits.append(len(expected))
        m_first, m_all, m_scan = (statistics.median(x) for x in (first, every, scans))
        print(f"| {kind} | {length} | {len(first)} | {statistics.median(hits):.0f} | {m_first:.1f} | {m_all:.1f} | "
              f"{m_scan:.1f} | {m_scan / m_first:.1f}x | {m_scan / m_all:.1f}x |")
    conn.close()
    export_memory(db_path)
    folder.cleanup()


def export_memory(db_path: Path) -> None:
    """Peak memory of each export format, for one site (1/20 of the archive) and for all of it."""
    print("| export | one site: rows, peak RSS | whole archive: rows, peak RSS |")
    print("|---|---|---|")
    for fmt in ("jsonl", "csv", "parquet"):
        cells = []
        for scope in (["--site", "site0.example"], []):
            out = db_path.with_suffix(f".export.{fmt}")
            _, rss, proc = run_measured("export", "--db", str(db_path), "--format", fmt, "--output", str(out), *scope)
            rows = proc.stderr.split(" articles written")[0].split()[-1]
            cells.append(f"{rows} rows, {rss / 1024:.0f} MiB")
            out.unlink()
        print(f"| {fmt} | {cells[0]} | {cells[1]} |")


def _has_dbstat(conn: sqlite3.Connection) -> bool:
    try:
        conn.execute("SELECT 1 FROM dbstat LIMIT 1")
    except sqlite3.OperationalError:
        return False
    return True


if __name__ == "__main__":
    main()
