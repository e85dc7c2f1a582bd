"""Shared fixtures: the demo portal served on 127.0.0.1, and real crawls of it; the two ways of running
the `portalcrawl` command (a child process, or click's CliRunner in this one).

Tiers: `pytest -m "not slow"` is the fast tier (under half a minute); `slow` marks real crawls of local
servers, harvests, the testbed, child processes and every test that uses the demo crawl below (the
session's first user pays for the crawl), and `browser` the tests that need Chromium.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from portalcrawl.demo.server import DemoServer, serve_demo

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
CORPUS = SHARED / "corpus" / "zh-dev"
SEED = SHARED / "seed" / "portal-page.txt"

# Our own loopback server: no politeness delays, no progress lines.
FAST = ["-s", "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "PORTALCRAWL_PROGRESS_INTERVAL=0"]


def run_cli(*args: str, cwd: Path | None = None, timeout: float = 300,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    """Run the real `portalcrawl` command in a child process: for crawls (Twisted's reactor runs once per
    process), signals, a terminal, and the exit status a real process ends with. ``env``: variables to
    add to this process's environment."""
    return subprocess.run([sys.executable, "-m", "portalcrawl.cli", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=cwd or REPO, check=False, env={**os.environ, **(env or {})})


def invoke(*args: str) -> Result:
    """Run a `portalcrawl` command in this process (click's CliRunner): ``exit_code``, ``stdout`` and
    ``stderr`` apart. An exception the command did not turn into a message fails the test with its
    traceback instead of being caught, so "no traceback" needs no assertion."""
    from portalcrawl.cli import main

    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def query(db: Path, sql: str, params: tuple = ()) -> list[sqlite3.Row]:
    conn = sqlite3.connect(db)
    conn.row_factory = sqlite3.Row
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


@dataclass
class CrawledArchive:
    db: Path
    server: DemoServer
    output: str

    def url(self, site: str, path: str) -> str:
        return self.server.bases[site] + path


# Fixtures that crawl: a test that uses one (even through another fixture) is slow. (`crawled` is
# test_testbed's crawl of the testbed.)
SLOW_FIXTURES = {"demo_server", "demo_archive", "crawled"}


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Keep the fast tier fast: a test that needs the demo crawl must say it is slow."""
    unmarked = [item.nodeid for item in items
                if SLOW_FIXTURES & set(getattr(item, "fixturenames", ())) and item.get_closest_marker("slow") is None]
    if unmarked:
        raise pytest.UsageError("tests using a crawl fixture (" + ", ".join(sorted(SLOW_FIXTURES))
                                + ") must be marked slow: " + ", ".join(unmarked))


@pytest.fixture(scope="session")
def demo_server():
    with serve_demo() as server:
        yield server


@pytest.fixture(scope="session")
def demo_archive(demo_server: DemoServer, tmp_path_factory: pytest.TempPathFactory) -> CrawledArchive:
    db = tmp_path_factory.mktemp("demo") / "archive.db"
    proc = run_cli("crawl", *demo_server.start_urls, "--db", str(db), *FAST)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return CrawledArchive(db, demo_server, proc.stdout)


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is not beside this checkout (shared/ holds the corpus and the seed)")
    return path
