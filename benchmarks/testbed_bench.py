"""The testbed benchmark: the generic extractor against the template-aware crawl, on test sites
rendered after CMS templates the extractor was not tuned on (portalcrawl/testbed/).

One run, one table: article precision and recall, body F1, title, date, contributor, friend-link
recall and copy-detection precision for a crawl with every page on its own
(PORTALCRAWL_TEMPLATES=False) and for the default crawl that learns each site's templates; the
pages/s of both crawls (median of --runs); and the learning curve: the same figures when each
template is learned from its first k pages only, every page then extracted with it.

    .venv/bin/python benchmarks/testbed_bench.py [--runs 3] [--sites metinfo,cmseasy]
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zlib
from pathlib import Path

from portalcrawl.extract import ExtractContext, PageKind, extract_article
from portalcrawl.extract.learn import TemplateLearner
from portalcrawl.testbed.score import Score, score_archive, score_records
from portalcrawl.testbed.server import serve_testbed
from portalcrawl.testbed.sites import all_sites

FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "PORTALCRAWL_PROGRESS_INTERVAL=0"]
FIELDS = ["precision", "recall", "body_f1", "title", "date", "contributor", "friend_recall", "copy_precision"]
CURVE = (1, 2, 3, 5, 8)


def crawl(urls: list[str], db: Path, templates: bool) -> float:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "portalcrawl.cli", "crawl", *urls, "--db", str(db), *FAST,
                           "-s", f"PORTALCRAWL_TEMPLATES={templates}"], capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    if proc.returncode:
        sys.exit(f"crawl failed:\n{proc.stdout}\n{proc.stderr}")
    return elapsed


def reextract(db: Path) -> tuple[int, float]:
    """(pages re-extracted, seconds) of `portalcrawl reextract` on a copy of an archive."""
    copy = db.with_name("reextract.db")
    shutil.copy(db, copy)
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "portalcrawl.cli", "reextract", "--db", str(copy), "--json"],
                          capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    if proc.returncode:
        sys.exit(f"reextract failed:\n{proc.stdout}\n{proc.stderr}")
    return json.loads(proc.stdout)["pages"], elapsed


def pages_fetched(db: Path) -> int:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return conn.execute("SELECT count(*) FROM pages").fetchone()[0]
    finally:
        conn.close()


def curve(db: Path, bases: dict[str, str], truth: dict[str, dict]) -> dict[int, Score]:
    """Learn each template from its first k pages (in fetch order), then extract every page with it."""
    import sqlite3

    conn = sqlite3.connect(db)
    rows = conn.execute("SELECT url, site, body, reached_as FROM pages WHERE body IS NOT NULL AND kind NOT IN "
                        "('redirect', 'non-html', 'http-error', 'fetch-error') ORDER BY rowid").fetchall()
    conn.close()
    # What the crawl knew of each page (reached by a list's page numbers) is part of its context.
    pages = [(url, site, zlib.decompress(body), reached == "list-page") for url, site, body, reached in rows]
    generic = [(url, site, html, listed, extract_article(html, url, ExtractContext(list_page=listed)))
               for url, site, html, listed in pages]
    grouping = TemplateLearner(min_pages=10**9)
    groups = [grouping.observe(site, url, article.evidence) for url, site, _, _, article in generic]
    out = {}
    for k in CURVE:
        learner, seen = TemplateLearner(min_pages=k), {}
        for (url, site, _, _, article), group in zip(generic, groups, strict=True):
            if seen.get(group, 0) < k:
                seen[group] = seen.get(group, 0) + 1
                learner.observe(site, url, article.evidence)
        learner.finish()
        total = Score()
        for key, base in bases.items():
            records = []
            for url, site, html, listed, _ in generic:
                if site != base.lower():
                    continue
                context = ExtractContext(templates=learner.templates(site), list_page=listed)
                article = extract_article(html, url, context)
                if article.kind is PageKind.ARTICLE:
                    records.append((url, article.title, article.published.isoformat() if article.published else None,
                                    article.contributor, article.body))
            total.add(score_records(records, base, truth[key]))
        out[k] = total
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="crawls of each kind, for the pages/s median")
    parser.add_argument("--sites", help="comma-separated site keys (default: every test site)")
    args = parser.parse_args()
    sites = [s for s in all_sites() if not args.sites or s.key in args.sites.split(",")]
    truth = {s.key: s.truth() for s in sites}
    work = Path(tempfile.mkdtemp(prefix="testbed-bench-"))
    with serve_testbed(sites) as server:
        speeds: dict[bool, list[float]] = {False: [], True: []}
        scores: dict[bool, dict[str, Score]] = {}
        for _ in range(args.runs):
            for templates in (False, True):
                db = work / f"{templates}.db"
                elapsed = crawl(server.start_urls, db, templates)
                speeds[templates].append(pages_fetched(db) / elapsed)
                scores[templates] = score_archive(str(db), server.bases, truth)
        reread, reread_seconds = reextract(work / "False.db")
        learning = curve(work / "False.db", server.bases, truth)
    print(f"{len(sites)} test sites ({', '.join(s.key for s in sites)}); "
          f"{scores[True]['all'].truth_articles} articles in the truth\n")
    print("| crawl | " + " | ".join(FIELDS) + " | pages/s |")
    print("|---" * (len(FIELDS) + 2) + "|")
    for templates, label in ((False, "generic (each page alone)"), (True, "template-aware (default)")):
        figures = scores[templates]["all"].figures()
        print(f"| {label} | " + " | ".join(f"{figures[f]:.3f}" for f in FIELDS)
              + f" | {statistics.median(speeds[templates]):.1f} |")
    ratio = statistics.median(speeds[True]) / statistics.median(speeds[False])
    print(f"\npages/s, template-aware / generic: {ratio:.2f} (median of {args.runs} crawls each)")
    rate = reread / reread_seconds
    print(f"reextract (learning, then re-reading every page of the generic crawl's archive): {reread} pages in "
          f"{reread_seconds:.1f} s, {rate:.1f} pages/s, {rate / statistics.median(speeds[True]):.1f}x the "
          "template-aware crawl's pages/s\n")
    print("per site, template-aware:\n")
    print("| site | " + " | ".join(FIELDS) + " |")
    print("|---" * (len(FIELDS) + 1) + "|")
    for key in truth:
        figures = scores[True][key].figures()
        print(f"| {key} | " + " | ".join(f"{figures[f]:.3f}" for f in FIELDS) + " |")
    print("\nlearning curve (each template learned from its first k pages; every page then extracted with it):\n")
    curve_fields = ["precision", "recall", "body_f1", "title", "date", "contributor"]
    print("| k | " + " | ".join(curve_fields) + " |")
    print("|---" * (len(curve_fields) + 1) + "|")
    for k, score in learning.items():
        figures = score.figures()
        print(f"| {k} | " + " | ".join(f"{figures[f]:.3f}" for f in curve_fields) + " |")


if __name__ == "__main__":
    main()
