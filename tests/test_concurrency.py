"""Two writers and many readers on one archive: nothing lost, nothing duplicated, no "database is
locked". Real child processes on the demo portal."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from click.testing import CliRunner

from portalcrawl.cli import main
from portalcrawl.demo.truth import load_truth

from .conftest import FAST, REPO, query

pytestmark = pytest.mark.slow
TRUTH = load_truth()


def _crawl(urls: list[str], db, *extra: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "portalcrawl.cli", "crawl", *urls, "--db", str(db), *FAST,
                             "-s", "PORTALCRAWL_TEMPLATES=False", *extra], cwd=REPO, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def test_two_crawls_into_one_archive_lose_nothing(demo_server, tmp_path) -> None:
    db = tmp_path / "archive.db"
    first, second = _crawl(demo_server.start_urls, db), _crawl(demo_server.start_urls, db)
    outputs = [proc.communicate(timeout=300) for proc in (first, second)]
    assert [proc.returncode for proc in (first, second)] == [0, 0], outputs
    assert "database is locked" not in "".join(out + err for out, err in outputs)
    assert any("waiting for it to finish" in err for _, err in outputs)  # the second waited its turn
    assert query(db, "SELECT count(*) FROM articles")[0][0] == len(TRUTH["articles"])
    runs = query(db, "SELECT status FROM crawls ORDER BY id")
    assert [r["status"] for r in runs] == ["finished", "finished"]


def test_search_during_a_crawl_never_waits_or_fails(demo_server, tmp_path) -> None:
    db = tmp_path / "archive.db"
    warm = _crawl(demo_server.start_urls, db, "--max-pages", "30")
    assert warm.wait(timeout=300) == 0
    crawl = _crawl(demo_server.start_urls, db, "-s", "DOWNLOAD_DELAY=0.05", "-s", "PORTALCRAWL_BATCH_SIZE=5")
    results = []
    try:
        while crawl.poll() is None and len(results) < 15:
            started = time.monotonic()
            results.append((CliRunner().invoke(main, ["search", "的", "--db", str(db), "--limit", "5"]),
                            time.monotonic() - started))
    finally:
        crawl.wait(timeout=300)
    assert len(results) >= 5 and crawl.returncode == 0
    assert all(result.exit_code == 0 for result, _ in results), [r.output for r, _ in results if r.exit_code]
    assert max(seconds for _, seconds in results) < 5  # a reader never waits for the writer
