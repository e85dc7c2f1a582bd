"""A portal must not send the crawler to an internal service: robots.txt answering a redirect to
another host, a page redirecting there, links to it, `extract URL` redirected there. A second
loopback address (127.0.0.2) stands in for the internal service; it counts every request."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from click.testing import CliRunner

from portalcrawl.cli import main
from portalcrawl.crawl import addresses

from .conftest import FAST, query, run_cli

ARTICLE = ("<html><head><meta charset='utf-8'><title>文章_示例</title></head><body><h1>县城开了咖啡馆</h1>"
           "<p class='info'>2024-05-01 来源：示例</p>"
           + "".join(f"<p>第{n}段：县城里开了第一家咖啡馆，年轻人周末都去那里坐坐。</p>" for n in range(6))
           + "</body></html>")


@dataclass
class Server:
    base: str
    hits: list[str] = field(default_factory=list)


def _serve(host: str, routes: dict[str, tuple[int, dict[str, str], str]]) -> Iterator[Server]:
    record: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            record.append(self.path)
            status, headers, body = routes.get(self.path, (404, {}, "not found"))
            data = body.encode()
            self.send_response(status)
            for name, value in {"Content-Type": "text/html; charset=utf-8", **headers}.items():
                self.send_header(name, value.format(**targets))
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer((host, 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield Server(f"http://{host}:{server.server_address[1]}", record)
    server.shutdown()


targets: dict[str, str] = {}


@pytest.fixture
def internal() -> Iterator[Server]:
    yield from _serve("127.0.0.2", {"/secret": (200, {}, "the keys of the kingdom")})


@pytest.fixture
def portal(internal: Server) -> Iterator[Server]:
    targets["internal"] = internal.base
    home = ("<html><head><meta charset='utf-8'><title>示例</title></head><body>"
            "<ul><li><a href='/a/1.html'>县城开了咖啡馆</a></li><li><a href='/a/2.html'>搬家</a></li>"
            f"<li><a href='{internal.base}/secret'>内部</a></li></ul></body></html>")
    yield from _serve("127.0.0.1", {
        "/": (200, {}, home),
        "/robots.txt": (302, {"Location": "{internal}/secret"}, ""),
        "/a/1.html": (200, {}, ARTICLE),
        "/a/2.html": (301, {"Location": "{internal}/secret"}, ""),
    })


def test_only_public_addresses_and_the_start_hosts_own() -> None:
    ip = addresses.literal
    allowed = {ip("127.0.0.1")}
    assert addresses.problem([ip("127.0.0.1")], allowed) is None
    assert addresses.problem([ip("93.184.216.34")], allowed) is None
    for bad in ("127.0.0.2", "10.0.0.1", "192.168.1.1", "169.254.169.254", "::1", "fe80::1", "0.0.0.0",
                "::ffff:127.0.0.1", "100.64.0.1", "224.0.0.1"):
        assert addresses.problem([ip(bad)], allowed), bad


@pytest.mark.slow
def test_a_crawl_never_reaches_an_internal_address(portal: Server, internal: Server, tmp_path) -> None:
    db = tmp_path / "archive.db"
    proc = run_cli("crawl", portal.base + "/", "--db", str(db), *FAST)
    assert internal.hits == [], internal.hits
    assert "/robots.txt" in portal.hits and "/a/1.html" in portal.hits
    assert proc.returncode == 0, proc.stderr
    assert "offsite_request 1" in proc.stdout and "IgnoreRequest" not in proc.stdout  # counted once, by the guard
    assert [r["url"] for r in query(db, "SELECT url FROM articles")] == [portal.base + "/a/1.html"]
    redirect = query(db, "SELECT kind, redirect_to FROM pages WHERE url = ?", (portal.base + "/a/2.html",))
    assert redirect[0]["kind"] == "redirect"  # recorded, not followed


@pytest.mark.slow
def test_the_setting_opens_private_addresses_for_intranet_crawls(portal: Server, internal: Server, tmp_path) -> None:
    run_cli("crawl", portal.base + "/", "--db", str(tmp_path / "a.db"), *FAST, "-s", "PORTALCRAWL_ALLOW_PRIVATE=1")
    assert internal.hits == []  # still never: robots.txt's redirect leaves the crawl's sites


def test_extract_url_does_not_follow_a_redirect_inward(portal: Server, internal: Server) -> None:
    result = CliRunner().invoke(main, ["extract", portal.base + "/a/2.html"])
    assert result.exit_code == 1 and "non-public address" in result.output and internal.hits == []
    assert CliRunner().invoke(main, ["extract", portal.base + "/a/1.html"]).exit_code == 0
