"""Serve the demo portal's two sites on 127.0.0.1, one port each, like two real hosts.

It behaves as the stock CMS servers do: GBK bytes with no charset in the Content-Type
for the DedeCMS site, robots.txt, a 301 for a moved page, a real 404, Last-Modified and
ETag with conditional GETs answered 304. Every request is logged so tests can count them.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from .model import DemoPortal, build_portal
from .templates import not_found, render_portal

ROBOTS = {
    "dede": "User-agent: *\nDisallow: /plus/\nDisallow: /tags.php\n",
    "phpcms": "User-agent: *\nDisallow: /index.php\nSitemap: {base}/sitemap.xml\n",
}
_EPOCH_MODIFIED = email.utils.formatdate(1_600_000_000, usegmt=True)


class _Site:
    def __init__(self, key: str, portal: DemoPortal) -> None:
        self.key = key
        self.portal = portal
        self.site = portal.sites[key]
        self.pages: dict[str, bytes] = {}
        self.modified: dict[str, str] = {}
        self.base = ""
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status)
        self.lock = threading.Lock()

    def load(self, rendered: dict[str, str], base: str) -> None:
        encoding = self.site.encoding
        self.base = base
        # XML (feeds, sitemaps) declares UTF-8; the HTML pages are in the site's own encoding.
        self.pages = {path: text.encode("utf-8" if path.endswith(".xml") else encoding, errors="xmlcharrefreplace")
                      for path, text in rendered.items()}
        for a in self.site.articles:
            when = dt.datetime.combine(a.date, a.time or dt.time(12), tzinfo=dt.UTC)
            stamp = email.utils.format_datetime(when, usegmt=True)
            for n in range(1, a.pages + 1):
                self.modified[a.page_path(n)] = stamp

    def content_type(self, path: str = "/") -> str:
        if path.endswith(".xml"):
            return "application/xml"
        # DedeCMS on Apache: no charset in the header, the page's <meta> (if any) is all there is.
        return "text/html" if self.site.template == "dede" else "text/html; charset=utf-8"


class PromptHandler(BaseHTTPRequestHandler):
    """A request handler that answers at once: headers and body go out in two writes, and without
    TCP_NODELAY Nagle's algorithm holds the second until the client's delayed ACK (40 ms a response,
    which no production server waits for and which would make every local crawl crawl)."""

    def setup(self) -> None:
        self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        super().setup()


def _handler(site: _Site) -> type[BaseHTTPRequestHandler]:
    class Handler(PromptHandler):
        server_version = "DemoCMS/1.0"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def _send(self, status: int, body: bytes, headers: dict[str, str]) -> None:
            with site.lock:
                site.requests.append((self.command, self.path, status))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)

        def do_GET(self) -> None:
            path = self.path
            if path == "/robots.txt":
                robots = ROBOTS[site.site.template].format(base=site.base)
                return self._send(200, robots.encode(), {"Content-Type": "text/plain"})
            target = site.portal.redirects.get((site.key, path))
            if target:
                return self._send(301, b"", {"Location": target})
            body = site.pages.get(path)
            if body is None:
                page = not_found(site.site).encode(site.site.encoding, errors="xmlcharrefreplace")
                return self._send(404, page, {"Content-Type": site.content_type()})
            etag = f'"{hashlib.sha1(body).hexdigest()[:16]}"'
            modified = site.modified.get(path, _EPOCH_MODIFIED)
            headers = {"Content-Type": site.content_type(path), "ETag": etag, "Last-Modified": modified}
            if self.headers.get("If-None-Match") == etag or (
                self.headers.get("If-Modified-Since") == modified and "If-None-Match" not in self.headers
            ):
                return self._send(304, b"", headers)
            return self._send(200, body, headers)

        do_HEAD = do_GET

    return Handler


class DemoServer:
    """Both demo sites, each on its own 127.0.0.1 port, served from background threads."""

    def __init__(self, portal: DemoPortal | None = None, host: str = "127.0.0.1") -> None:
        self.portal = portal or build_portal()
        self.host = host
        self.sites = {key: _Site(key, self.portal) for key in self.portal.sites}
        self.servers: dict[str, ThreadingHTTPServer] = {}
        self.bases: dict[str, str] = {}

    def start(self) -> dict[str, str]:
        for key, site in self.sites.items():
            server = ThreadingHTTPServer((self.host, 0), _handler(site))
            server.daemon_threads = True
            self.servers[key] = server
            self.bases[key] = f"http://{self.host}:{server.server_address[1]}"
        self.rerender()
        for server in self.servers.values():
            threading.Thread(target=server.serve_forever, daemon=True).start()
        return self.bases

    def rerender(self) -> None:
        """Render the portal again (after a test changed it) and serve the new pages."""
        rendered = render_portal(self.portal, self.bases)
        for key, site in self.sites.items():
            site.load(rendered[key], self.bases[key])

    def stop(self) -> None:
        for server in self.servers.values():
            server.shutdown()
            server.server_close()

    def requests(self) -> list[tuple[str, str, str, int]]:
        return [(key, *r) for key, site in self.sites.items() for r in site.requests]

    @property
    def start_urls(self) -> list[str]:
        return [base + "/" for base in self.bases.values()]


@contextmanager
def serve_demo(portal: DemoPortal | None = None) -> Iterator[DemoServer]:
    server = DemoServer(portal)
    server.start()
    try:
        yield server
    finally:
        server.stop()
