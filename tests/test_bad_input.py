"""Bad input gets a logged, counted skip: never a crash, never a lost good record."""

from __future__ import annotations

import contextlib
import json
import os
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from portalcrawl.extract import PageKind, extract_article

from .conftest import FAST, query, run_cli

GOOD = ("<html><head><meta charset='utf-8'><title>好文章_测试站</title></head><body>"
        "<div class='nav'><a href='/'>首页</a><a href='/noarticle.html'>栏目</a></div><h1>好文章</h1>"
        "<div class='info'>2024-05-06 作者：测试员</div>"
        + "".join(f"<p>这是正文的第{n}段，它有完整的句子，也有逗号和句号，足够让提取器认出它是正文。</p>"
                  for n in range(5))
        + "</body></html>").encode("utf-8")
TARGETS = ["/good.html", "/empty.html", "/image.png", "/truncated.html", "/error500.html", "/missing.html",
           "/loop1", "/huge.html", "/deep.html", "/noarticle.html", "/garbage.html"]


def _deep(levels: int) -> bytes:
    return ("<html><body>" + "<div>" * levels + "<p>" + "深层嵌套的正文，仍然应该被读出来。" * 10 + "</p>"
            + "</div>" * levels + "</body></html>").encode("utf-8")


class Hostile(BaseHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, ctype: str = "text/html; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()
        # The crawler hangs up on the 20 MB page, as it should.
        with contextlib.suppress(ConnectionResetError, BrokenPipeError):
            self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        if path == "/robots.txt":
            return self._send(404, b"", "text/plain")
        if path == "/":
            links = "".join(f"<li><a href='{t}'>链接{n}</a></li>" for n, t in enumerate(TARGETS))
            return self._send(200, f"<html><body><ul>{links}</ul></body></html>".encode())
        pages = {
            "/good.html": lambda: self._send(200, GOOD),
            "/empty.html": lambda: self._send(200, b""),
            "/image.png": lambda: self._send(200, b"\x89PNG\r\n\x1a\n" + os.urandom(512), "image/png"),
            "/truncated.html": lambda: self._send(200, GOOD[: len(GOOD) // 2]),
            "/error500.html": lambda: self._send(500, b"<html><body>Internal error</body></html>"),
            "/loop1": lambda: self._send(302, b"", Location="/loop2"),
            "/loop2": lambda: self._send(302, b"", Location="/loop1"),
            "/huge.html": lambda: self._send(200, b"<html><body>" + b"<p>x</p>" * (20 * 1024 * 1024 // 8)),
            "/deep.html": lambda: self._send(200, _deep(5000)),
            "/noarticle.html": lambda: self._send(200, "<html><body><a href='/'>首页</a></body></html>".encode()),
            "/garbage.html": lambda: self._send(200, bytes(range(256)) * 64),
        }
        pages.get(path, lambda: self._send(404, b"<html><body>404</body></html>"))()


@pytest.fixture(scope="module")
def hostile_site():
    server = ThreadingHTTPServer(("127.0.0.1", 0), Hostile)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.mark.slow  # a real crawl, in a child process
def test_a_hostile_site_is_crawled_without_a_crash(hostile_site: str, tmp_path) -> None:
    db = tmp_path / "hostile.db"
    proc = run_cli("crawl", hostile_site + "/", "--db", str(db), *FAST, "-s", "RETRY_TIMES=0")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
    articles = {r["url"]: dict(r) for r in query(db, "SELECT * FROM articles")}
    good = articles[hostile_site + "/good.html"]
    assert good["title"] == "好文章" and good["contributor"] == "测试员" and good["published"] == "2024-05-06"
    assert hostile_site + "/deep.html" in articles  # 5,000 levels deep, still read
    stats = json.loads(query(db, "SELECT stats FROM crawls")[0]["stats"])
    for reason in ("empty", "non_html", "http_404", "http_500", "redirect_loop", "too_large"):
        assert stats.get(f"portalcrawl/skipped/{reason}", 0) >= 1, (reason, proc.stdout)
    kinds = {r["url"].rsplit("/", 1)[-1]: r["kind"] for r in query(db, "SELECT url, kind FROM pages")}
    assert kinds["noarticle.html"] in ("list", "other")
    assert kinds["image.png"] == "non-html" and kinds["empty.html"] == "empty"
    assert kinds["garbage.html"] == "other" and hostile_site + "/garbage.html" not in articles
    assert "skipped" in proc.stdout and "too_large" in proc.stdout


@pytest.mark.parametrize("data", [
    b"", b"   ", b"\x00\x01\x02", bytes(range(256)) * 40, b"<html", b"<?xml version='1.0' encoding='gbk'?><html/>",
    "<html><body><p>只有一句话。</p></body></html>".encode("gbk"), _deep(5000), _deep(20000),
    b"<table>" * 3000 + b"text", b"<html><body>" + "<a href='/x'>链接</a>".encode() * 5000 + b"</body></html>",
])
def test_extractor_never_raises(data: bytes) -> None:
    article = extract_article(data, "http://example.com/a/1.html")
    assert isinstance(article.kind, PageKind)
    assert article.kind is not PageKind.ARTICLE or article.body


def test_a_page_with_no_article_is_not_an_article() -> None:
    items = "".join(f"<li><a href='/c{n}/'>栏目{n}</a></li>" for n in range(20))
    page = f"<html><body><ul>{items}</ul></body></html>"
    assert extract_article(page, "http://example.com/").kind is PageKind.LIST
