"""Peak memory of a crawl against two hostile answers, measured in a child process:

- a sitemap served as a raw .xml.gz, 1 MB on the wire and 1 GiB inside (a decompression bomb);
- a response with millions of small headers (a header flood).

Each crawl runs against a server on 127.0.0.1 that answers every page but these with a small
article; the figure is the crawl process's own peak RSS. `--code DIR` crawls with another
checkout's portalcrawl (e.g. a release before the caps, for the "before" figure).

    .venv/bin/python benchmarks/hostile_bench.py [--code /path/to/older/checkout]
"""

from __future__ import annotations

import argparse
import contextlib
import os
import socket
import socketserver
import sys
import tempfile
import threading
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from measure import run_measured

ARTICLE = ("<html><head><meta charset='utf-8'><title>文章</title></head><body><h1>文章</h1>"
           + "<p>县城里开了第一家咖啡馆，年轻人周末都去那里坐坐。</p>" * 8 + "</body></html>").encode()


def bomb(inside: int) -> bytes:
    compressor = zlib.compressobj(9, zlib.DEFLATED, zlib.MAX_WBITS | 16)
    line = b"<url><loc>http://127.0.0.1/a/1.html</loc></url>" * 20000
    parts = [compressor.compress(b'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">')]
    parts += [compressor.compress(line) for _ in range(inside // len(line))]
    return b"".join(parts) + compressor.flush()


class Handler(socketserver.StreamRequestHandler):
    sitemap = b""
    flood_headers = 0

    def handle(self) -> None:
        with contextlib.suppress(BrokenPipeError, ConnectionResetError):  # a crawler giving up on a flood
            self._answer()

    def _answer(self) -> None:
        request = self.rfile.readline().decode("latin-1")
        while self.rfile.readline() not in (b"\r\n", b"\n", b""):
            pass
        path = request.split(" ")[1] if " " in request else "/"
        if path == "/robots.txt":
            self._send(b"Sitemap: /sitemap.xml.gz\n", "text/plain")
        elif path == "/sitemap.xml.gz":
            self._send(self.sitemap, "application/gzip")
        elif path == "/flood.html":
            self.wfile.write(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
            chunk = b"x-a: b\r\n" * 10000
            for _ in range(self.flood_headers // 10000):
                self.wfile.write(chunk)
            self.wfile.write(b"Content-Length: %d\r\nConnection: close\r\n\r\n" % len(ARTICLE) + ARTICLE)
        else:
            home = b"<html><body><a href='/flood.html'>flood</a><a href='/a/1.html'>a</a></body></html>"
            self._send(home if path == "/" else ARTICLE, "text/html; charset=utf-8")

    def _send(self, body: bytes, kind: str) -> None:
        self.wfile.write(f"HTTP/1.1 200 OK\r\nContent-Type: {kind}\r\nContent-Length: {len(body)}\r\n"
                         "Connection: close\r\n\r\n".encode() + body)


def crawl(base: str, db: Path, code: str | None) -> tuple[float, int, str]:
    """Crawl in a child process; with ``code``, the child runs in that checkout (the current folder
    comes first on the child's import path)."""
    here = os.getcwd()
    if code:
        os.chdir(code)
    try:
        seconds, rss, proc = run_measured("crawl", base + "/", "--db", str(db), "-s", "DOWNLOAD_DELAY=0",
                                          "-s", "PORTALCRAWL_PROGRESS_INTERVAL=0", "-s", "DOWNLOAD_TIMEOUT=120")
    finally:
        os.chdir(here)
    skipped = next((line.strip() for line in proc.stdout.splitlines() if "skipped" in line), "")
    return seconds, rss, skipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--code", help="crawl with the portalcrawl of this checkout instead")
    parser.add_argument("--inside", type=int, default=1024**3, help="bytes inside the sitemap bomb")
    parser.add_argument("--headers", type=int, default=3_000_000, help="headers in the flood")
    args = parser.parse_args()
    Handler.sitemap = bomb(args.inside)
    Handler.flood_headers = args.headers
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    print(f"sitemap bomb: {len(Handler.sitemap) / 1e6:.1f} MB on the wire, {args.inside / 2**30:.2f} GiB inside; "
          f"header flood: {args.headers:,} headers ({args.headers * 8 / 1e6:.0f} MB)")
    with tempfile.TemporaryDirectory() as folder:
        seconds, rss, skipped = crawl(base, Path(folder) / "a.db", args.code)
    print(f"crawl of both: {seconds:.1f} s, peak RSS {rss / 1024:.0f} MiB; {skipped}")
    server.shutdown()
    socket.setdefaulttimeout(None)


if __name__ == "__main__":
    main()
