"""A hostile or broken server on 127.0.0.1, crawled for real in a child process: a gzip body cut
short, a sitemap bomb, a flood of headers, a refused connection, a 500 on the start page, a page cap.
Each is a counted skip or a failed run with its own exit code, never an article, never a traceback."""

from __future__ import annotations

import gzip
import http.server
import socket
import threading
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from portalcrawl.contract import ExitCode

from .conftest import FAST, query, run_cli

pytestmark = pytest.mark.slow

PARAGRAPHS = "".join(f"<p>第{n}段：县城里开了第一家咖啡馆，年轻人周末都去那里坐坐，老人也去。</p>" for n in range(8))


def _article(title: str) -> bytes:
    return (f"<html><head><meta charset='utf-8'><title>{title}_示例</title></head><body><h1>{title}</h1>"
            f"<p class='info'>2024-05-01 来源：示例</p>{PARAGRAPHS}</body></html>").encode()


def _bomb(inside: int) -> bytes:
    """A gzip file of ``inside`` bytes of one repeated sitemap line: tiny on the wire."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    line = b"<url><loc>http://127.0.0.1/a/1.html</loc></url>" * 1000
    chunks = [compressor.compress(b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')]
    chunks += [compressor.compress(line) for _ in range(inside // len(line))]
    return b"".join(chunks) + compressor.flush()


class Hostile(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    routes: ClassVar[dict[str, tuple[int, dict[str, str], bytes]]] = {}
    seen: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen.append(self.path)
        if self.path == "/flood.html":  # a million small headers, then a page
            self.wfile.write(b"HTTP/1.1 200 OK\r\n" + b"x-a: b\r\n" * 1_000_000 + b"Content-Length: 0\r\n\r\n")
            return
        status, headers, body = self.routes.get(self.path, (404, {}, b"not found"))
        self.send_response(status)
        for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def hostile() -> Iterator[str]:
    whole = gzip.compress(_article("完整的文章"))
    cut = gzip.compress(_article("被截断的文章"))
    Hostile.seen = []
    Hostile.routes = {
        "/": (200, {}, "<html><head><meta charset='utf-8'><title>示例</title></head><body><ul>"
                       "<li><a href='/a/1.html'>完整</a></li><li><a href='/a/2.html'>截断</a></li>"
                       "<li><a href='/flood.html'>洪水</a></li>"
                       "</ul></body></html>".encode()),
        "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nSitemap: /sitemap.xml.gz\n"),
        "/sitemap.xml.gz": (200, {"Content-Type": "application/gzip"}, _bomb(64 * 1024 * 1024)),
        "/a/1.html": (200, {"Content-Encoding": "gzip"}, whole),
        "/a/2.html": (200, {"Content-Encoding": "gzip"}, cut[: len(cut) // 2]),
    }
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_a_body_cut_short_is_a_skip_and_a_bomb_is_bounded(hostile: str, tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    proc = run_cli("crawl", hostile + "/", "--db", str(db), *FAST, "-s", "DOWNLOAD_MAXSIZE=4000000", "--json")
    assert "Traceback" not in proc.stderr
    assert [r["url"] for r in query(db, "SELECT url FROM articles")] == [hostile + "/a/1.html"]
    cut = query(db, "SELECT kind, error FROM pages WHERE url = ?", (hostile + "/a/2.html",))[0]
    assert cut["kind"] == "fetch-error" and cut["error"].startswith("incomplete_body")
    assert '"incomplete_body": 1' in proc.stdout and '"sitemap_too_large": 1' in proc.stdout
    assert '"header_flood": 1' in proc.stdout
    flood = query(db, "SELECT kind, error FROM pages WHERE url = ?", (hostile + "/flood.html",))[0]
    assert flood["kind"] == "fetch-error" and flood["error"].startswith("header_flood")
    again = run_cli("crawl", hostile + "/", "--db", str(db), *FAST)  # tried again, never "archived"
    assert again.returncode == proc.returncode and "/a/2.html" in Hostile.seen[-3:] + Hostile.seen


def test_a_crawl_that_fetches_nothing_fails_with_its_own_code(tmp_path: Path) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    db = tmp_path / "a.db"
    proc = run_cli("crawl", f"http://127.0.0.1:{closed}/", "--db", str(db), *FAST, "-s", "RETRY_TIMES=0")
    assert proc.returncode == ExitCode.NOTHING_FETCHED, proc.stdout + proc.stderr
    assert "nothing could be fetched" in proc.stdout and "Traceback" not in proc.stderr
    assert [(r["status"], r["errors"][:24]) for r in query(db, "SELECT status, errors FROM crawls")] == [
        ("failed", "nothing could be fetched")]


def test_a_500_on_the_start_page_is_nothing_fetched(hostile: str, tmp_path: Path) -> None:
    Hostile.routes["/"] = (500, {}, b"internal error")
    proc = run_cli("crawl", hostile + "/", "--db", str(tmp_path / "a.db"), *FAST, "-s", "RETRY_TIMES=0")
    assert proc.returncode == ExitCode.NOTHING_FETCHED and "http_500" in proc.stdout


def test_an_archive_that_is_no_archive_stops_the_crawl_before_it_starts(hostile: str, tmp_path: Path) -> None:
    db = tmp_path / "notes.db"
    db.write_text("my notes, not a database\n" * 100)
    proc = run_cli("crawl", hostile + "/", "--db", str(db), *FAST)
    assert proc.returncode == ExitCode.NOTHING_STORED and "nothing could be stored" in proc.stderr
    assert Hostile.seen == [] and db.read_text().startswith("my notes") and "Traceback" not in proc.stderr


def test_the_page_cap_is_a_cap(demo_server, tmp_path: Path) -> None:
    before = len(demo_server.requests())
    proc = run_cli("crawl", *demo_server.start_urls, "--db", str(tmp_path / "a.db"), "--max-pages", "10", *FAST)
    assert proc.returncode == 0 and len(demo_server.requests()) - before == 10
