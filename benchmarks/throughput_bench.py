"""Crawl throughput on this machine: a bare Scrapy spider that only follows links, against
`portalcrawl crawl` with extraction in the crawl's own process (PORTALCRAWL_WORKERS=0, the way
before the pool) and with the worker pool (the default: one worker per core), in one run.

All crawl the testbed's 8 local portals (no delay, 4 requests per site at a time) in child
processes, taking turns, --runs times each; the table gives each one's median pages/s and its
ratio to the bare spider's.

    .venv/bin/python benchmarks/throughput_bench.py [--runs 3]

Notes for issue 13 (work in progress on this branch): the testbed's 8 portals share the host
127.0.0.1, and Scrapy keys its download slots by host, so "4 per site" is 4 for all eight: at that
setting every crawler is bound by latency (bare 22 pages/s, portalcrawl 0.97-1.07x). At 32 per host
the crawl is CPU-bound (bare 66-72 pages/s, portalcrawl 0.44-0.53x), and a profile of the crawl's
main process (templates off) shows about 3.5 s of 18 s in the archive writer (minhash, asdict), 2.5 s
in the callbacks (1.3 s of it the fingerprinter and link normalisation), and most of the rest in
Scrapy's per-request machinery (asyncio queues of the async spider-middleware chain). Extraction
in the pool leaves the ratio where it was: the next steps are per-site download slots
(request.meta["download_slot"] = site), fewer yielded requests (dedupe before yielding), the writer
in its own thread, and only then the pool.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from portalcrawl.testbed.server import serve_testbed

POLITE = ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4", "-s", "CONCURRENT_REQUESTS=32", "-s", "DOWNLOAD_DELAY=0",
          "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "LOG_LEVEL=ERROR"]
BARE = '''
from urllib.parse import urlsplit
import scrapy


class Bare(scrapy.Spider):
    """Follows every same-site link; nothing else."""

    name = "bare"

    def __init__(self, start_urls="", **kwargs):
        super().__init__(**kwargs)
        self.start_urls = start_urls.split(",")
        self.hosts = {urlsplit(u).netloc for u in self.start_urls}

    def parse(self, response):
        if not hasattr(response, "css"):
            return
        for href in response.css("a::attr(href)").getall():
            url = response.urljoin(href)
            site = urlsplit(url).netloc
            if site in self.hosts:  # a download slot per site, as portalcrawl keeps
                yield scrapy.Request(url, callback=self.parse, meta={"download_slot": site})
'''


def run(command: list[str], cwd: str | None = None) -> tuple[float, int]:
    """(seconds, responses) of one child process."""
    started = time.monotonic()
    proc = subprocess.run(command, capture_output=True, text=True, check=False, cwd=cwd)
    seconds = time.monotonic() - started
    out = proc.stdout + proc.stderr
    if proc.returncode not in (0, 1):
        raise RuntimeError(out[-2000:])
    for line in out.splitlines():
        if "'response_received_count'" in line:
            return seconds, int(line.split(":")[1].strip(" ,"))
        if "pages fetched" in line:
            return seconds, int(line.split()[-1])
    raise RuntimeError(f"no page count in: {out[-1500:]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as folder, serve_testbed() as server:
        urls = server.start_urls
        bare = Path(folder) / "bare.py"
        bare.write_text(BARE, encoding="utf-8")
        commands = {
            "bare Scrapy spider": [sys.executable, "-m", "scrapy", "runspider", str(bare), "-a",
                                   f"start_urls={','.join(urls)}", "-s", "LOG_LEVEL=INFO",
                                   *POLITE[:-2]],
            "portalcrawl, in-process extraction": [
                sys.executable, "-m", "portalcrawl.cli", "crawl", *urls, *POLITE,
                "-s", "PORTALCRAWL_PROGRESS_INTERVAL=0", "-s", "PORTALCRAWL_WORKERS=0"],
            "portalcrawl, worker pool": [
                sys.executable, "-m", "portalcrawl.cli", "crawl", *urls, *POLITE,
                "-s", "PORTALCRAWL_PROGRESS_INTERVAL=0"],
            "portalcrawl, pool of 1": [
                sys.executable, "-m", "portalcrawl.cli", "crawl", *urls, *POLITE,
                "-s", "PORTALCRAWL_PROGRESS_INTERVAL=0", "-s", "PORTALCRAWL_WORKERS=1"],
        }
        rates: dict[str, list[float]] = {name: [] for name in commands}
        pages: dict[str, int] = {}
        for n in range(runs):
            for name, command in commands.items():
                if name.startswith("portalcrawl"):
                    command = [*command, "--db", str(Path(folder) / f"{n}-{len(rates[name])}-{name[13:16]}.db")]
                # The bare spider runs outside the project, so that none of portalcrawl's settings apply.
                seconds, count = run(command, cwd=folder if name.startswith("bare") else None)
                rates[name].append(count / seconds)
                pages[name] = count
    base = statistics.median(rates["bare Scrapy spider"])
    print(f"{'crawl':<38} {'pages':>6} {'pages/s':>8} {'x bare':>7}")
    for name, values in rates.items():
        print(f"{name:<38} {pages[name]:>6} {statistics.median(values):8.1f} {statistics.median(values) / base:7.2f}")


if __name__ == "__main__":
    main()
