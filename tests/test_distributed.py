"""The distributed crawl against a real Redis server (started here on a free port) and real worker
processes: two workers make the archive one process makes; a worker killed with SIGKILL loses
nothing; the run ends by itself; per-site politeness holds across workers, counted by the server."""

from __future__ import annotations

import json
import os
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import redis
from scrapy import Request, Spider
from scrapy.utils.test import get_crawler

from portalcrawl.crawl.redis_frontier import LeasedQueue
from portalcrawl.crawl.redis_run import RUN_CONFIG_ENV, Keys, RunConfig
from portalcrawl.demo.server import serve_demo
from portalcrawl.testbed.server import serve_testbed
from portalcrawl.testbed.sites import all_sites

from .conftest import FAST, REPO, run_cli

pytestmark = pytest.mark.slow

# Columns that depend on when or in which order pages arrived, even in one process: a template's
# first page, its page count in an article's notes, and the clocks. A template's id and signature are
# its first page's skeleton too: templates are compared by the pages they group (_groups) instead.
ORDER_DEPENDENT = {"fetched_at", "http_date", "learned_at", "first_seen", "last_seen", "example_url", "notes",
                   "template", "template_id", "signature"}
TABLES = ("pages", "articles", "links", "sites", "templates", "article_versions", "removed_articles")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def redis_url() -> Iterator[str]:
    binary = shutil.which("redis-server")
    assert binary, "redis-server is not installed: `make setup` installs it (apt-get install redis-server)"
    port = _free_port()
    proc = subprocess.Popen([binary, "--port", str(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    client = redis.Redis(port=port)
    for _ in range(100):
        try:
            client.ping()
            break
        except redis.ConnectionError:
            time.sleep(0.05)
    try:
        yield f"redis://127.0.0.1:{port}"
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def _rows(db: Path) -> dict[str, set[tuple]]:
    conn = sqlite3.connect(db)
    out = {}
    for table in TABLES:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in ORDER_DEPENDENT]
        out[table] = set(conn.execute(f"SELECT {', '.join(columns)} FROM {table}"))
    return out


def test_two_workers_make_the_archive_one_process_makes(redis_url: str, tmp_path: Path) -> None:
    url = f"{redis_url}/1"
    state = tmp_path / "state"  # the user's state folder, where Scrapy's remote control leaves job files
    with serve_demo() as server:
        single = run_cli("crawl", *server.start_urls, "--db", str(tmp_path / "one.db"), *FAST,
                         env={"XDG_STATE_HOME": str(state)})
        assert single.returncode == 0, single.stderr
        robots_one = _robots_fetches(server)
        redis.Redis.from_url(url).config_resetstat()
        started = time.monotonic()
        shared = run_cli("crawl", *server.start_urls, "--db", str(tmp_path / "two.db"), "--redis", url,
                         "--local-workers", "2", *FAST, timeout=120, env={"XDG_STATE_HOME": str(state)})
        elapsed = time.monotonic() - started
        robots_two = _robots_fetches(server) - robots_one
    assert shared.returncode == 0, shared.stdout + shared.stderr
    assert not state.exists()  # no crawl, coordinator or worker runs a remote-control server, nor notes one
    assert "articles stored   44 (44 new" in shared.stdout
    # The workers fetched each site's robots.txt as often as the one process did, not once each.
    assert robots_two == robots_one, (robots_one, robots_two)
    one, two = _rows(tmp_path / "one.db"), _rows(tmp_path / "two.db")
    for table in TABLES:
        assert one[table] == two[table], (table, len(one[table] - two[table]), len(two[table] - one[table]))
    assert _groups(tmp_path / "one.db") == _groups(tmp_path / "two.db")
    # The run ended by itself, soon after the frontier drained, and left nothing behind in Redis.
    assert elapsed < 60
    assert redis.Redis.from_url(url).keys("portalcrawl:*") == []
    runs = sqlite3.connect(tmp_path / "two.db").execute("SELECT status, stats FROM crawls").fetchall()
    assert [r[0] for r in runs] == ["finished"] and '"portalcrawl/workers": 2' in runs[0][1]
    # Workers push the records they hold as their leases end, not one by one (each push held a reactor).
    pushes = redis.Redis.from_url(url).info("commandstats")["cmdstat_rpush"]["calls"]
    assert pushes < json.loads(runs[0][1])["item_scraped_count"] / 3


def _robots_fetches(server: Any) -> Counter[str]:
    return Counter(site for site, _, path, _ in server.requests() if path == "/robots.txt")


def _groups(db: Path) -> set[tuple[frozenset[str], tuple]]:
    """Each template as the set of pages filed under it, with what it tells the extractor (its version)."""
    conn = sqlite3.connect(db)
    pages: dict[str, set[str]] = {}
    for url, template in conn.execute("SELECT url, template FROM pages WHERE template IS NOT NULL"):
        pages.setdefault(template, set()).add(url)
    return {(frozenset(pages.get(row[0], ())), row[1:]) for row in conn.execute(
        "SELECT template_id, site, kind, version, learned FROM templates")}


def test_pages_read_again_while_the_workers_crawl_change_only_when(redis_url: str, tmp_path: Path) -> None:
    """On slower portals the coordinator reads pages again while the workers crawl (crawl/settling.py):
    the end pass has less to do, and every article reads as a single process reads it."""
    url, slow = f"{redis_url}/9", ("-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2")
    with serve_testbed(all_sites()[:3], delay=0.2) as server:
        next(iter(server.served.values())).delay = 0  # one site answers at once: it is done long before the rest
        single = run_cli("crawl", *server.start_urls, "--db", str(tmp_path / "one.db"), *FAST, *slow)
        assert single.returncode == 0, single.stderr
        shared = run_cli("crawl", *server.start_urls, "--db", str(tmp_path / "two.db"), "--redis", url,
                         "--local-workers", "2", *FAST, *slow, timeout=180)
    assert shared.returncode == 0, shared.stdout + shared.stderr
    assert _readings(tmp_path / "one.db") == _readings(tmp_path / "two.db")
    stats = json.loads(sqlite3.connect(tmp_path / "two.db").execute("SELECT stats FROM crawls").fetchone()[0])
    assert stats["portalcrawl/templates/read_again"] > 0
    # The quick site had its end pass while the others were crawled.
    assert stats["portalcrawl/templates/sites_finished"] >= 1


def _readings(db: Path) -> tuple[set[str], set[tuple]]:
    """The pages' URLs, and every article without its URL (the same article under a dynamic and a static
    URL is kept under whichever came first; which page a template's id is named after depends on
    arrival order too, so pages are compared by URL only)."""
    rows = _rows(db)
    columns = [r[1] for r in sqlite3.connect(db).execute("PRAGMA table_info(articles)") if r[1] not in ORDER_DEPENDENT]
    url = columns.index("url")
    return {r[0] for r in rows["pages"]}, {r[:url] + r[url + 1:] for r in rows["articles"]}


def _worker(url: str, *settings: str) -> subprocess.Popen[bytes]:
    return subprocess.Popen([sys.executable, "-m", "portalcrawl.cli", "worker", "--redis", url, "--wait", "60",
                             *settings], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def test_a_worker_killed_mid_crawl_loses_nothing(redis_url: str, tmp_path: Path) -> None:
    url = f"{redis_url}/2"
    sites = all_sites()[:3]
    with serve_testbed(sites, delay=0.05) as server:
        single = run_cli("crawl", *server.start_urls, "--db", str(tmp_path / "one.db"), *FAST)
        assert single.returncode == 0, single.stderr
        coordinator = subprocess.Popen(
            [sys.executable, "-m", "portalcrawl.cli", "crawl", *server.start_urls, "--db", str(tmp_path / "two.db"),
             "--redis", url, "--local-workers", "0", *FAST], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        quick = ("-s", "PORTALCRAWL_HEARTBEAT_SECONDS=2")
        victim, survivor = _worker(url, *quick), _worker(url, *quick)
        client = redis.Redis.from_url(url)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # kill it while it holds leases, mid-crawl
            leases = [k for k in client.keys("portalcrawl:inflight:*") if str(victim.pid).encode() in k]
            if leases and client.zcard(leases[0]) and client.zcard("portalcrawl:sites"):
                break
            time.sleep(0.02)
        else:
            pytest.fail("the worker never took a request")
        held = client.zcard(leases[0])
        os.kill(victim.pid, signal.SIGKILL)
        out, err = coordinator.communicate(timeout=180)
        survivor.wait(timeout=30)
    assert held > 0
    assert coordinator.returncode == 0, out + err
    assert "go back in the queue" in err
    assert survivor.returncode == 0
    # Nothing lost, nothing read differently: the killed worker's pages, fetched again, count once for the
    # template learner.
    assert _readings(tmp_path / "one.db") == _readings(tmp_path / "two.db")


def test_per_site_politeness_holds_across_workers(redis_url: str, tmp_path: Path) -> None:
    url = f"{redis_url}/3"
    with serve_testbed(all_sites()[:2], delay=0.1) as server:
        proc = run_cli("crawl", *server.start_urls, "--db", str(tmp_path / "p.db"), "--redis", url,
                       "--local-workers", "3", "-s", "CONCURRENT_REQUESTS_PER_DOMAIN=2", *FAST, timeout=180)
        peaks = {key: served.peak for key, served in server.served.items()}
        counts = {key: len(served.requests) for key, served in server.served.items()}
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert all(count > 20 for count in counts.values()), counts
    # Three workers, each allowed 2 per site by Scrapy: without the shared limit a site would see up to 6.
    assert max(peaks.values()) <= 2, peaks


def test_a_worker_without_a_run_says_so(redis_url: str) -> None:
    proc = run_cli("worker", "--redis", f"{redis_url}/4", "--wait", "0.5")
    assert proc.returncode != 0 and "no distributed crawl" in proc.stderr.lower() + proc.stdout.lower()
    bad = run_cli("worker", "--redis", "redis://127.0.0.1:1/0", "--wait", "0")
    assert bad.returncode != 0 and "Redis at redis://127.0.0.1:1/0" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_a_local_worker_joins_only_its_coordinators_run(redis_url: str) -> None:
    """The workers `crawl --local-workers` starts load beside their coordinator, before it publishes: one
    of them must not join another run still published on the same database."""
    url = f"{redis_url}/8"
    other = RunConfig(start_urls=["http://127.0.0.1:9/"], db="other.db", run="another-coordinators")
    redis.Redis.from_url(url).set(Keys.config, other.dumps())
    config = RunConfig(start_urls=["http://127.0.0.1:9/"], db="mine.db", run="mine")
    mine = run_cli("worker", "--redis", url, "--wait", "0.5", timeout=60, env={RUN_CONFIG_ENV: config.dumps()})
    assert mine.returncode != 0 and "no distributed crawl" in mine.stderr.lower() + mine.stdout.lower()
    assert "Traceback" not in mine.stderr
    client = redis.Redis.from_url(url)
    # It never joined the other run: not a worker of it, no request of its own queued, no stats reported.
    assert not client.exists(Keys.workers) and not client.exists(Keys.sites) and not client.exists(Keys.stats)


def test_an_incremental_crawl_with_workers_skips_what_the_archive_holds(redis_url: str, tmp_path: Path) -> None:
    """The archive filter and conditional GETs work in workers: they read the coordinator's archive."""
    url, db = f"{redis_url}/5", tmp_path / "inc.db"
    with serve_demo() as server:
        first = run_cli("crawl", *server.start_urls, "--db", str(db), "--redis", url, "--local-workers", "2", *FAST)
        assert first.returncode == 0, first.stdout + first.stderr
        articles = _rows(db)["articles"]
        again = run_cli("crawl", *server.start_urls, "--db", str(db), "--redis", url, "--local-workers", "2",
                        "-s", "PORTALCRAWL_INCREMENTAL=True", *FAST)
    assert again.returncode == 0, again.stdout + again.stderr
    stats = json.loads(sqlite3.connect(db).execute("SELECT stats FROM crawls ORDER BY id DESC").fetchone()[0])
    assert stats.get("portalcrawl/incremental/archived", 0) >= 40  # the articles were not asked for again
    assert stats.get("portalcrawl/incremental/not_modified", 0) > 0  # list pages: 304s, read from the archive
    assert stats["response_received_count"] < 30
    assert _rows(db)["articles"] == articles


def test_a_busy_or_unreachable_redis_is_one_clear_line(redis_url: str, tmp_path: Path) -> None:
    url = f"{redis_url}/6"
    redis.Redis.from_url(url).set("portalcrawl:coordinator", 1, ex=30)  # another run's coordinator is alive
    busy = run_cli("crawl", "http://127.0.0.1:9/", "--db", str(tmp_path / "b.db"), "--redis", url)
    assert busy.returncode != 0 and "another distributed crawl is running" in busy.stdout + busy.stderr
    gone = run_cli("crawl", "http://127.0.0.1:9/", "--db", str(tmp_path / "g.db"), "--redis", "redis://127.0.0.1:1/0")
    assert gone.returncode != 0 and "Redis at redis://127.0.0.1:1/0" in gone.stdout + gone.stderr
    for proc in (busy, gone):
        assert "Traceback" not in proc.stderr
    limited = run_cli("crawl", "http://127.0.0.1:9/", "--redis", url, "--max-pages", "5")
    assert limited.returncode == 2 and "--max-pages" in limited.stderr


def test_the_coordinator_counts_a_record_it_cannot_read_and_keeps_what_it_cannot_store(
        redis_url: str, tmp_path: Path) -> None:
    import pickle

    from scrapy.settings import Settings

    from portalcrawl.archive import Archive
    from portalcrawl.archive.records import PageRecord
    from portalcrawl.crawl.coordinator import Coordinator
    from portalcrawl.crawl.record_store import RecordStore
    from portalcrawl.crawl.redis_run import Keys, RunConfig, connect

    server = connect(f"{redis_url}/7")
    page = PageRecord(url="http://a.cn/1.html", site="http://a.cn", status=200, fetched_at="2024-01-01T00:00:00+00:00")
    server.rpush(Keys.records, b"not a pickle", pickle.dumps(page))
    coordinator = Coordinator(server, str(tmp_path / "a.db"), RunConfig(["http://a.cn/"], str(tmp_path / "a.db")),
                              Settings())
    records, taken = coordinator.take(10)
    assert (records, taken, coordinator.unreadable) == ([page], 2, 1)
    with Archive(tmp_path / "a.db", write=True) as archive:
        assert RecordStore(archive.writer(), None).store(records)
    with Archive(tmp_path / "a.db", write=True) as archive:
        archive.writer().db.execute("PRAGMA query_only = ON")  # as a disk that refuses every write
        assert not RecordStore(archive.writer(), None).store(records)
    assert server.llen(Keys.records) == 2  # nothing leaves Redis until the coordinator has stored it


def test_a_checkpoint_names_the_sites_that_may_still_grow(redis_url: str, tmp_path: Path) -> None:
    """A site is finished only when nothing of it is queued or leased: the coordinator's one look says which."""
    from scrapy.settings import Settings
    from scrapy_redis import picklecompat

    from portalcrawl.crawl.coordinator import Coordinator
    from portalcrawl.crawl.redis_frontier import push
    from portalcrawl.crawl.redis_run import connect

    server = connect(f"{redis_url}/10")
    push(server, picklecompat.dumps({"url": "http://a.cn/2.html"}), 0, "http://a.cn", "f1")
    lease = b"http://b.cn\n" + picklecompat.dumps({"url": "http://b.cn/1.html"})
    server.sadd(Keys.workers, "w1")
    server.zadd(Keys.inflight("w1"), {lease: 0})
    server.rpush(Keys.records, b"a record")
    coordinator = Coordinator(server, str(tmp_path / "c.db"), RunConfig(["http://a.cn/"], str(tmp_path / "c.db")),
                              Settings())
    point = coordinator.checkpoint()
    assert point.busy == {"http://a.cn", "http://b.cn"}
    assert point.leased == {"http://b.cn/1.html"} and point.pushed == 1
    server.zrem(Keys.inflight("w1"), lease)
    assert coordinator.checkpoint().busy == {"http://a.cn"}
    server.flushdb()


def test_found_requests_wait_for_the_next_round_trip_and_a_dead_workers_tokens_are_freed(redis_url: str) -> None:
    """A worker queues the requests it found with its next lease, or with the end of its leases, in one
    round trip, before the leases end. When its heartbeat stops, the coordinator puts its leases back and
    frees its politeness tokens (not another worker's): the sites need not wait for them to expire."""
    from portalcrawl.crawl.coordinator import Coordinator

    server = redis.Redis.from_url(f"{redis_url}/10")
    server.flushdb()
    crawler = get_crawler(Spider, {"PORTALCRAWL_WORKER_ID": "w1", "PORTALCRAWL_SITE_CONCURRENCY": 1})
    queue = LeasedQueue(server, Spider.from_crawler(crawler, name="t"), Keys.requests)
    reports: list[bool] = []
    queue.report = lambda request, queued: reports.append(queued)
    for n, fingerprint in ((1, "f1"), (2, "f2"), (3, "f1")):  # the third is the first again
        queue.push(Request(f"http://a.cn/{n}.html"), fingerprint)
    assert not server.exists(Keys.sites) and len(queue) == 3  # unsent until the next round trip
    first = queue.pop()
    assert sorted(reports) == [False, True, True]
    assert first is not None and server.zcard(Keys.site_queue("http://a.cn")) == 1
    queue.push(Request("http://a.cn/4.html"), "f4")
    queue.release([first])
    assert server.zcard(Keys.inflight("w1")) == 0 and server.zcard(Keys.site_queue("http://a.cn")) == 2
    server.script_flush()  # a restarted server has lost the scripts: they are loaded again
    assert queue.pop() is not None and server.zcard(Keys.inflight("w1")) == 1
    server.sadd(Keys.workers, "w1")
    expiry = time.time() * 1000 + 60_000
    server.zadd(Keys.site_active("http://a.cn"), {"w1:mine": expiry, "w2:other": expiry})
    coordinator = Coordinator(server, "unused.db", RunConfig(["http://a.cn/"], "unused.db"), crawler.settings)
    assert coordinator.requeue_dead() == 1
    assert server.zrange(Keys.site_active("http://a.cn"), 0, -1) == [b"w2:other"]
    assert server.zcard(Keys.site_queue("http://a.cn")) == 2
    server.flushdb()


def test_a_worker_loads_no_archive() -> None:
    """A worker stores nothing: what it loads for the archive (SQLite's toolkit, NumPy for near-duplicates,
    the writer) is start-up time taken from every worker of every run, on cores the crawl shares."""
    code = ("import sys\nfrom portalcrawl.cli import crawling\nfrom portalcrawl.crawl import distributed_run, "
            "redis_worker, redis_frontier, redis_politeness, redis_robots\nimport spiders.portal\n"
            "print('LOADED', [m for m in ('sqlite_utils', 'numpy', 'datasketch', 'portalcrawl.archive.writer', "
            "'portalcrawl.crawl.coordinator', 'portalcrawl.crawl.pipeline') if m in sys.modules])")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True).stdout
    assert "LOADED []" in out
