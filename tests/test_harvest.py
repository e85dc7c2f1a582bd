"""Scheduled harvests against the demo portal: incremental, versioned, crash-safe, one at a time."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from portalcrawl.archive.lock import WriterLock
from portalcrawl.demo.server import DemoServer

from .conftest import REPO, invoke, query

EXIT_PORTAL_FAILED, EXIT_INTERRUPTED, EXIT_CONFIG, EXIT_LOCKED, EXIT_LAYOUT_CHANGED = 3, 4, 2, 75, 5


def write_config(folder: Path, server: DemoServer, delay: float = 0.0, concurrency: int = 4, **extra: str) -> Path:
    lines = ["[harvest]", 'contact = "mailto:archive@example.org"', f'log_dir = "{folder / "logs"}"',
             "keep_logs = 2"]
    for key, base in server.bases.items():
        lines += [f"[portals.{key}]", f'start_urls = ["{base}/"]', f"delay = {delay}", f"concurrency = {concurrency}"]
        lines += [f"{k} = {v}" for k, v in extra.items()]
    path = folder / "portals.toml"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def harvest_command(config: Path, db: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "portalcrawl.cli", "harvest", "--config", str(config), "--db", str(db), *args]


def harvest(config: Path, db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(harvest_command(config, db, *args), capture_output=True, text=True, timeout=300,
                          cwd=REPO, check=False)


def article_paths(server: DemoServer) -> set[tuple[str, str]]:
    return {(site.key, a.page_path(n)) for site in server.portal.sites.values() for a in site.articles
            for n in range(1, a.pages + 1)}


def requests_since(server: DemoServer, marks: dict[str, int]) -> list[tuple[str, str, int]]:
    return [(key, path, status) for key, site in server.sites.items() for _, path, status in site.requests[marks[key]:]]


def marks(server: DemoServer) -> dict[str, int]:
    return {key: len(site.requests) for key, site in server.sites.items()}


@pytest.fixture
def server():
    server = DemoServer()
    server.start()
    yield server
    server.stop()


@pytest.mark.slow
def test_second_harvest_fetches_no_article_page_and_finds_new_ones(server: DemoServer, tmp_path: Path) -> None:
    config, db = write_config(tmp_path, server), tmp_path / "archive.db"
    first = harvest(config, db)
    assert first.returncode == 0, first.stdout + first.stderr
    assert query(db, "SELECT count(*) FROM articles")[0][0] == 44

    before = marks(server)
    second = harvest(config, db)
    assert second.returncode == 0, second.stderr
    fetched = requests_since(server, before)
    articles = article_paths(server)
    assert not [r for r in fetched if (r[0], r[1]) in articles]
    assert {status for *_, status in fetched} <= {200, 304}  # robots.txt 200, every listing 304
    assert second.stdout.count("(not modified 10)") == 2  # 9 list pages and a sitemap or a feed, per site

    # A new article between runs: found on its list page and archived; nothing else re-fetched.
    site = server.portal.sites["kuaizhi"]
    model = site.in_category("jishu")[0]
    fresh = "这是一篇新文章，它在两次采集之间发表，应该被找到并存档。"
    new = dataclasses.replace(model, aid=199, path="/a/2016/0101/199.html", title="新文章：索引的学问",
                              paragraphs=[*model.paragraphs[:1], fresh])
    site.articles.append(new)
    server.rerender()
    before = marks(server)
    third = harvest(config, db)
    assert third.returncode == 0, third.stderr
    fetched_articles = [r for r in requests_since(server, before) if (r[0], r[1]) in article_paths(server)]
    assert fetched_articles == [("kuaizhi", "/a/2016/0101/199.html", 200)]
    row = query(db, "SELECT title, body FROM articles WHERE url = ?", (server.bases["kuaizhi"] + new.path,))[0]
    assert row["title"] == new.title and row["body"].endswith("应该被找到并存档。")


@pytest.mark.slow
def test_a_changed_article_keeps_its_old_version(server: DemoServer, tmp_path: Path) -> None:
    config, db = write_config(tmp_path, server), tmp_path / "archive.db"
    assert harvest(config, db).returncode == 0
    article = server.portal.sites["jurd"].articles[2]
    old_body = "\n".join(article.paragraphs)
    article.paragraphs[-1] = "（更正）本文最后一段已由编辑修改。"
    server.rerender()
    result = harvest(config, db, "--refresh-older-than", "0")
    assert result.returncode == 0, result.stderr
    url = server.bases["jurd"] + article.path
    assert query(db, "SELECT body FROM articles WHERE url = ?", (url,))[0][0].endswith("已由编辑修改。")
    versions = query(db, "SELECT version, body FROM article_versions WHERE url = ?", (url,))
    assert [(v["version"], v["body"]) for v in versions] == [(1, old_body)]
    assert query(db, "SELECT count(*) FROM article_versions")[0][0] == 1  # unchanged ones were not versioned
    assert "changed 1" in result.stdout


def _archive(db: Path) -> dict[str, object]:
    return {
        "articles": sorted(tuple(r) for r in query(db, "SELECT url, title, published, published_source, contributor, "
                                                       "source, editor, category, body, content_hash, page_count "
                                                       "FROM articles")),
        "pages": sorted(tuple(r) for r in query(db, "SELECT url, status, kind, content_hash FROM pages")),
        "links": sorted(tuple(r) for r in query(db, "SELECT from_url, to_url, text, kind FROM links")),
    }


@pytest.mark.slow
def test_sigkill_mid_harvest_then_rerun_gives_the_same_archive(server: DemoServer, tmp_path: Path) -> None:
    killed_dir, clean_dir = tmp_path / "killed", tmp_path / "clean"
    killed_dir.mkdir()
    clean_dir.mkdir()
    slow = write_config(killed_dir, server, delay=0.05, concurrency=1)
    db = killed_dir / "archive.db"
    articles = article_paths(server)
    start = marks(server)
    proc = subprocess.Popen(harvest_command(slow, db), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while sum(1 for r in requests_since(server, start) if (r[0], r[1]) in articles) < 20:
        assert proc.poll() is None, "the harvest ended before it could be killed"
        assert time.monotonic() < deadline
        time.sleep(0.02)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert query(db, "SELECT status FROM crawls")[-1][0] == "running"  # killed: no finish recorded

    rerun = harvest(write_config(killed_dir, server), db)  # also takes over the dead run's lock
    assert rerun.returncode == 0, rerun.stderr
    clean_db = clean_dir / "archive.db"
    assert harvest(write_config(clean_dir, server), clean_db).returncode == 0
    assert _archive(db) == _archive(clean_db)
    assert [r[0] for r in query(db, "SELECT status FROM crawls ORDER BY id")] == ["killed", "ok"]


@pytest.mark.slow
def test_sigterm_stops_gracefully_and_records_an_interrupted_run(server: DemoServer, tmp_path: Path) -> None:
    config, db = write_config(tmp_path, server, delay=0.1, concurrency=1), tmp_path / "archive.db"
    start = marks(server)
    proc = subprocess.Popen(harvest_command(config, db), cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    articles = article_paths(server)
    deadline = time.monotonic() + 60
    while sum(1 for r in requests_since(server, start) if (r[0], r[1]) in articles) < 6:
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.02)
    proc.send_signal(signal.SIGTERM)
    out, _ = proc.communicate(timeout=60)
    assert proc.returncode == EXIT_INTERRUPTED, out
    run = query(db, "SELECT status, portals FROM crawls")[-1]
    assert run["status"] == "interrupted"
    stored = query(db, "SELECT count(*) FROM articles")[0][0]
    assert 0 < stored < 44  # what was fetched before the signal is kept
    assert sum(o["counts"]["articles_new"] for o in json.loads(run["portals"]).values()) == stored


@pytest.mark.slow
def test_a_second_harvest_is_refused_while_one_runs(server: DemoServer, tmp_path: Path) -> None:
    config, db = write_config(tmp_path, server), tmp_path / "archive.db"
    with WriterLock(db):
        refused = harvest(config, db)
    assert refused.returncode == EXIT_LOCKED
    assert f"another harvest (pid {os.getpid()}" in refused.stderr and "not starting a second one" in refused.stderr
    assert not db.exists()  # refused before anything was fetched or written
    assert harvest(config, db).returncode == 0


def test_a_stale_lock_is_taken_over(tmp_path: Path) -> None:
    db = tmp_path / "archive.db"
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    Path(f"{db}.lock").write_text(json.dumps({"pid": dead.pid, "started": "2026-01-01T00:00:00+00:00"}))
    with WriterLock(db) as lock:
        assert lock.stale_holder == {"pid": dead.pid, "started": "2026-01-01T00:00:00+00:00"}


@pytest.mark.slow
def test_an_unreachable_portal_fails_the_run(server: DemoServer, tmp_path: Path) -> None:
    config = write_config(tmp_path, server)
    text = config.read_text() + '[portals.gone]\nstart_urls = ["http://127.0.0.1:9/"]\ndelay = 0\n'
    config.write_text(text)
    result = harvest(config, tmp_path / "archive.db", "--portal", "gone", "--portal", "jurd")
    assert result.returncode == EXIT_PORTAL_FAILED, result.stdout + result.stderr
    assert "gone" in result.stdout and "FAILED" in result.stdout and "unreachable" in result.stdout
    assert "jurd             ok" in result.stdout
    status = invoke("status", "--db", str(tmp_path / "archive.db"))
    assert status.exit_code == 0, status.output
    assert "failed - gone: unreachable" in status.stdout and "jurd" in status.stdout


@pytest.mark.slow
def test_a_changed_layout_does_not_fail_silently(server: DemoServer, tmp_path: Path) -> None:
    config, db = write_config(tmp_path, server), tmp_path / "archive.db"
    assert harvest(config, db, "--portal", "kuaizhi").returncode == 0
    site = server.sites["kuaizhi"]
    for path in [p for p in site.pages if not p.startswith(("/a/", "/html/"))]:
        site.pages[path] = "<html><body><p>网站改版中，敬请期待。</p></body></html>".encode("gbk")
    result = harvest(config, db, "--portal", "kuaizhi")
    assert result.returncode == EXIT_PORTAL_FAILED
    assert "did the layout change?" in result.stdout


def test_bad_config_is_reported_before_anything_is_fetched(server: DemoServer, tmp_path: Path) -> None:
    """In this process (click's CliRunner): the harvest stops at its config, before any crawl starts."""
    config, db = write_config(tmp_path, server), tmp_path / "archive.db"
    config.write_text(config.read_text().replace("delay = 0.0", "delya = 0.0", 1))
    start = marks(server)
    result = invoke("harvest", "--config", str(config), "--db", str(db))
    assert result.exit_code == EXIT_CONFIG
    assert f"{config}:7: portals.kuaizhi.delya: unknown key" in result.stderr and result.stdout == ""
    assert not requests_since(server, start) and not db.exists()
    missing = invoke("harvest", "--config", str(tmp_path / "nope.toml"), "--db", str(db))
    assert missing.exit_code == EXIT_CONFIG and "nope.toml: no such file" in missing.stderr
    unknown = invoke("harvest", "--config", str(write_config(tmp_path, server)), "--db", str(db), "--portal", "nosuch")
    assert unknown.exit_code == EXIT_CONFIG and "no portal named nosuch" in unknown.stderr
    assert not requests_since(server, start) and not db.exists() and not Path(f"{db}.lock").exists()


@pytest.mark.slow
def test_logs_are_written_and_rotated(server: DemoServer, tmp_path: Path) -> None:
    config, db = write_config(tmp_path, server), tmp_path / "archive.db"
    for _ in range(3):
        assert harvest(config, db, "--portal", "jurd").returncode == 0
        time.sleep(1.1)  # log files are named by the second
    logs = sorted((tmp_path / "logs").glob("harvest-*.log"))
    assert len(logs) == 2  # keep_logs = 2
    assert "portal jurd" in logs[-1].read_text(encoding="utf-8")


@pytest.mark.slow
def test_sitemaps_find_unlisted_articles_and_lastmod_triggers_a_refresh(server: DemoServer, tmp_path: Path) -> None:
    config, db = write_config(tmp_path, server), tmp_path / "archive.db"
    assert harvest(config, db).returncode == 0
    site = server.portal.sites["jurd"]
    # An article no list page shows, only the sitemap (announced in robots.txt).
    hidden = dataclasses.replace(site.articles[0], aid=299, slug="special", path="/html/special/2023/0101/299.html",
                                 title="只在网站地图里的文章")
    site.articles.append(hidden)
    # An archived article whose sitemap <lastmod> moved past our last fetch: changed since.
    edited = site.articles[3]
    edited.paragraphs[0] = "（更新）编辑在采集之后修改了第一段。"
    edited.date = dt.date.today() + dt.timedelta(days=1)
    server.rerender()
    before = marks(server)
    result = harvest(config, db)
    assert result.returncode == 0, result.stderr
    fetched = {(key, path) for key, path, _ in requests_since(server, before)}
    assert ("jurd", hidden.path) in fetched and ("jurd", edited.path) in fetched
    assert query(db, "SELECT title FROM articles WHERE url = ?", (server.bases["jurd"] + hidden.path,))[0][0] \
        == hidden.title
    url = server.bases["jurd"] + edited.path
    assert query(db, "SELECT body FROM articles WHERE url = ?", (url,))[0][0].startswith("（更新）")
    assert query(db, "SELECT count(*) FROM article_versions WHERE url = ?", (url,))[0][0] == 1
    kinds = {r["kind"] for r in query(db, "SELECT kind FROM pages")}
    assert {"sitemap", "feed"} <= kinds


@pytest.mark.slow
def test_a_new_article_layout_is_reported_and_learned(server: DemoServer, tmp_path: Path) -> None:
    """The portal redesigns its article pages: the next harvest says so (status, exit code 5) and learns
    the new template, and the articles it fetched again are still archived right."""
    config, db = write_config(tmp_path, server), tmp_path / "archive.db"
    first = harvest(config, db)
    assert first.returncode == 0, first.stdout + first.stderr
    known = {r["template_id"] for r in query(db, "SELECT template_id FROM templates WHERE kind = 'article'")}
    assert known
    for site in server.sites.values():  # the same articles, in a new shell: every layout path changes
        for path, body in list(site.pages.items()):
            if any(path == a.page_path(n) for a in site.site.articles for n in range(1, a.pages + 1)):
                site.pages[path] = body.replace(b"<body>", b'<body><div id="shell2024" class="redesign">') \
                    .replace(b"</body>", b"</div></body>")
    again = harvest(write_config(tmp_path, server), db, "--refresh-older-than", "0")
    assert again.returncode == EXIT_LAYOUT_CHANGED, again.stdout + again.stderr
    run = query(db, "SELECT status, portals FROM crawls ORDER BY id DESC LIMIT 1")[0]
    assert run["status"] == "layout-changed"
    assert any("layout change" in outcome["reason"] for outcome in json.loads(run["portals"]).values())
    new = {r["template_id"] for r in query(db, "SELECT template_id FROM templates WHERE kind = 'article'")} - known
    assert new  # learned, for the harvests to come
    assert query(db, "SELECT count(*) FROM articles")[0][0] == len(article_paths_first(server))


def article_paths_first(server: DemoServer) -> set[tuple[str, str]]:
    return {(site.key, a.path) for site in server.portal.sites.values() for a in site.articles}
