"""Serve the testbed's sites on 127.0.0.1, one port each, like separate real hosts."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from w3lib.url import canonicalize_url

from ..demo.server import PromptHandler
from .model import Resource, TestSite
from .sites import all_sites

_NOT_FOUND = Resource(b"<html><body><h1>404 Not Found</h1></body></html>", status=404)


def _handler(served: _Served) -> type[BaseHTTPRequestHandler]:
    class Handler(PromptHandler):
        server_version = "TestbedCMS/1.0"

        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            resource = served.pages.get(self.path) or served.canonical.get(_canonical(self.path), _NOT_FOUND)
            with served.lock:
                served.requests.append((self.command, self.path, resource.status))
                served.times.append(time.monotonic())
                served.active += 1
                served.peak = max(served.peak, served.active)
            try:
                time.sleep(served.delay)  # a slow portal: what a distributed crawl is for
                self._answer(resource)
            finally:
                with served.lock:
                    served.active -= 1

        def _answer(self, resource: Resource) -> None:
            self.send_response(resource.status)
            self.send_header("Content-Type", resource.content_type)
            for name, value in resource.headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(resource.body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(resource.body)

        do_HEAD = do_GET

    return Handler


def _canonical(path: str) -> str:
    """A path as a crawler that canonicalises URLs requests it (query sorted, percent-encoded)."""
    return canonicalize_url("http://h" + path).removeprefix("http://h")


class _Served:
    def __init__(self, site: TestSite) -> None:
        self.site = site
        self.pages: dict[str, Resource] = {}
        self.canonical: dict[str, Resource] = {}
        self.requests: list[tuple[str, str, int]] = []  # (method, path, status)
        self.lock = threading.Lock()
        self.times: list[float] = []  # when each request came (time.monotonic)
        self.delay = 0.0  # seconds each response waits
        self.active = 0  # requests being answered now
        self.peak = 0  # the most answered at once: per-site politeness, seen from the server


class TestbedServer:
    __test__ = False  # not a pytest test class, despite its name

    """Every testbed site (or the ones named), each on its own 127.0.0.1 port."""

    def __init__(self, sites: list[TestSite] | None = None, host: str = "127.0.0.1", delay: float = 0.0) -> None:
        self.host = host
        self.served = {site.key: _Served(site) for site in (sites or all_sites())}
        for served in self.served.values():
            served.delay = delay
        self.servers: dict[str, ThreadingHTTPServer] = {}
        self.bases: dict[str, str] = {}

    def start(self) -> dict[str, str]:
        for key, served in self.served.items():
            server = ThreadingHTTPServer((self.host, 0), _handler(served))
            server.daemon_threads = True
            self.servers[key] = server
            self.bases[key] = f"http://{self.host}:{server.server_address[1]}"
            served.pages = served.site.render(self.bases[key])
            served.canonical = {_canonical(path): res for path, res in served.pages.items()}
            threading.Thread(target=server.serve_forever, daemon=True).start()
        return self.bases

    def stop(self) -> None:
        for server in self.servers.values():
            server.shutdown()
            server.server_close()

    @property
    def start_urls(self) -> list[str]:
        return [base + "/" for base in self.bases.values()]

    def site_of_base(self, base: str) -> TestSite:
        return next(s.site for k, s in self.served.items() if self.bases[k] == base)


@contextmanager
def serve_testbed(sites: list[TestSite] | None = None, delay: float = 0.0) -> Iterator[TestbedServer]:
    server = TestbedServer(sites, delay=delay)
    server.start()
    try:
        yield server
    finally:
        server.stop()
