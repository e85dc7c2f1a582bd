"""Crawl throughput on this machine, in one run: two tables.

1. No delay (`--only local`): a bare Scrapy spider that only follows links, against `portalcrawl
   crawl` with extraction in the crawl's own process (PORTALCRAWL_WORKERS=0, the way before the
   pool), with the pool (the default: one process per core) and with a pool of
   one. All crawl --copies copies of the testbed's 8 local portals (4 requests per site at a time, a
   download slot per site) in child processes, taking turns, --runs times each; medians, and the ratio to the bare
   spider's.
2. A slow server (`--only distributed`; each response takes --delay s): one process, and 1, 2 and 4
   workers of a distributed crawl (`crawl --redis --local-workers N`) against one Redis started
   here, on --copies copies of the testbed (each copy its own ports: 24 portals by default), each
   process keeping --per-worker requests in flight (a worker stands for one machine's share) and
   4 per site across all. Pages/s of the whole command (pages archived over its time, start-up and the
   end pass included) and requests/s of the fetching alone (first request to last, as the servers saw
   them), as ratios to one worker's;
   and whether each archive equals the one process's (the pages' URLs, the articles' content).

    .venv/bin/python benchmarks/throughput_bench.py [--runs 3] [--only local|distributed] [--before DIR]
"""

from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import ExitStack
from pathlib import Path
from typing import Any

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


def run(command: list[str], cwd: str | None = None) -> tuple[float, int, float]:
    """(seconds, responses, peak RSS in MiB) of one child process (its own memory: not its children's)."""
    started = time.monotonic()
    with tempfile.TemporaryFile("w+") as out:
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, text=True, cwd=cwd)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.monotonic() - started
        out.seek(0)
        text = out.read()
    if proc.returncode not in (0, 1):
        raise RuntimeError(text[-2000:])
    peak = usage.ru_maxrss / 1024
    for line in text.splitlines():
        if "'response_received_count'" in line:
            return seconds, int(line.split(":")[1].strip(" ,")), peak
        if "pages fetched" in line:
            return seconds, int(line.split()[-1]), peak
    raise RuntimeError(f"no page count in: {text[-1500:]}")


def _redis_server() -> tuple[subprocess.Popen[bytes], str]:
    """A Redis of the benchmark's own, on a free port, keeping nothing on disk."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    proc = subprocess.Popen(["redis-server", "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                             "--appendonly", "no"], stdout=subprocess.DEVNULL)
    time.sleep(0.5)
    return proc, f"redis://127.0.0.1:{port}/0"


def _archive(db: Path) -> tuple[set[str], set[tuple]]:
    """The pages' URLs and the articles without their URL (an article under two URLs keeps the first)."""
    conn = sqlite3.connect(db)
    pages = {r[0] for r in conn.execute("SELECT url FROM pages")}
    articles = set(conn.execute("SELECT title, published, contributor, body, content_hash FROM articles"))
    return pages, articles


def _portals(copies: int, delay: float, stack: ExitStack) -> tuple[list[str], list[Any]]:
    """Start URLs and served sites of `copies` copies of the testbed (each copy on ports of its own)."""
    testbeds = [stack.enter_context(serve_testbed(delay=delay)) for _ in range(copies)]
    return ([u for testbed in testbeds for u in testbed.start_urls],
            [s for testbed in testbeds for s in testbed.served.values()])


def distributed(runs: int, delay: float, per_worker: int, copies: int) -> None:
    """Pages/s of one process and of 1, 2 and 4 workers on servers that take `delay` s a response:
    the whole command, and the fetching alone (the first request to the last, as the servers saw it);
    and the peak memory of the process that writes the archive, for more workers and more pages."""
    polite = ["-s", "CONCURRENT_REQUESTS_PER_DOMAIN=4", "-s", f"CONCURRENT_REQUESTS={per_worker}", "-s",
              "DOWNLOAD_DELAY=0", "-s", "AUTOTHROTTLE_ENABLED=False", "-s", "PORTALCRAWL_PROGRESS_INTERVAL=0"]
    redis_proc, url = _redis_server()
    rows: dict[str, list[tuple[float, float, float]]] = {}
    archives: dict[str, tuple[set[str], set[tuple]]] = {}
    try:
        with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
            sizes = {copies: _portals(copies, delay, stack), 1: _portals(1, delay, stack)}
            commands: dict[str, tuple[int, list[str]]] = {}
            for size in dict.fromkeys((copies, 1)):
                label = "" if size == copies else f", {size} cop{'y' if size == 1 else 'ies'}"
                crawl = [sys.executable, "-m", "portalcrawl.cli", "crawl", *sizes[size][0], *polite]
                if size == copies:
                    commands["one process"] = (size, crawl)
                for workers in (1, 2, 4) if size == copies else (2,):
                    commands[f"{workers} worker{'s' * (workers > 1)}{label}"] = (size, [
                        *crawl, "--redis", url, "--local-workers", str(workers)])
            for n in range(runs):
                for name, (size, command) in commands.items():
                    served = sizes[size][1]
                    for site in served:
                        site.times.clear()
                    db = Path(folder) / f"{n}-{name.replace(' ', '-').replace(',', '')}.db"
                    seconds, _, peak = run([*command, "--db", str(db)])
                    times = [t for site in served for t in site.times]
                    archives[name] = _archive(db)
                    # Pages archived, not requests made: every row then counts the same pages (a worker
                    # that fetched robots.txt again, or a page twice, gets no credit for it).
                    rows.setdefault(name, []).append((len(archives[name][0]) / seconds,
                                                      len(times) / (max(times) - min(times)), peak))
    finally:
        redis_proc.terminate()
    whole, fetching, peak = ({name: statistics.median(r[k] for r in values) for name, values in rows.items()}
                             for k in range(3))
    one = "1 worker"
    print(f"\n{8 * copies} portals, server delay {delay * 1000:.0f} ms a response, {per_worker} requests at a time "
          f"per process, 4 per site across all")
    print(f"{'crawl':<24} {'pages':>6} {'pages/s':>8} {'x 1 worker':>10} {'fetching/s':>10} {'x 1 worker':>10} "
          f"{'main MiB':>10}  same archive as one process")
    for name in rows:
        same = "-" if "cop" in name else "yes" if archives[name] == archives["one process"] else "NO"
        print(f"{name:<24} {len(archives[name][0]):>6} {whole[name]:8.1f} {whole[name] / whole[one]:10.2f} "
              f"{fetching[name]:10.1f} {fetching[name] / fetching[one]:10.2f} {peak[name]:10.0f}  "
              f"{same}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--delay", type=float, default=0.2, help="the slow server's seconds a response")
    parser.add_argument("--per-worker", type=int, default=4,
                        help="requests at a time per process (a worker stands for one machine's share)")
    parser.add_argument("--copies", type=int, default=3, help="copies of the testbed's 8 portals (ports of their own)")
    parser.add_argument("--only", choices=("local", "distributed"), help="run one of the two tables")
    parser.add_argument("--before", metavar="DIR", help="also run `crawl` from this checkout (git worktree add DIR "
                        "<commit>): the crawl as it was")
    options = parser.parse_args()
    if options.only != "distributed":
        local(options.runs, options.copies, options.before)
    if options.only != "local":
        distributed(max(1, options.runs - 2), options.delay, options.per_worker, options.copies)


def local(runs: int, copies: int, before: str | None) -> None:
    with tempfile.TemporaryDirectory() as folder, ExitStack() as stack:
        urls, served = _portals(copies, 0.0, stack)
        bare = Path(folder) / "bare.py"
        bare.write_text(BARE, encoding="utf-8")
        crawl = [sys.executable, "-m", "portalcrawl.cli", "crawl", *urls, *POLITE,
                 "-s", "PORTALCRAWL_PROGRESS_INTERVAL=0"]
        commands = {
            "bare Scrapy spider": [sys.executable, "-m", "scrapy", "runspider", str(bare), "-a",
                                   f"start_urls={','.join(urls)}", "-s", "LOG_LEVEL=INFO", *POLITE[:-2]],
            "portalcrawl, in-process extraction": [*crawl, "-s", "PORTALCRAWL_WORKERS=0"],
            "portalcrawl, worker pool": crawl,
            "portalcrawl, pool of 1": [*crawl, "-s", "PORTALCRAWL_WORKERS=1"],
        }
        if before:  # the same command run from an older checkout: "today's way", before the pool
            commands["portalcrawl, --before checkout"] = crawl
        rates: dict[str, list[tuple[float, float]]] = {name: [] for name in commands}
        pages: dict[str, int] = {}
        for n in range(runs):
            for name, command in commands.items():
                for site in served:
                    site.times.clear()
                if name.startswith("portalcrawl"):
                    command = [*command, "--db", str(Path(folder) / f"{n}-{len(rates[name])}-{name[13:16]}.db")]
                # The bare spider runs outside the project, so that none of portalcrawl's settings apply.
                cwd = folder if name.startswith("bare") else before if name.endswith("checkout") else None
                seconds, count, _ = run(command, cwd=cwd)
                times = [t for site in served for t in site.times]
                rates[name].append((count / seconds, len(times) / (max(times) - min(times))))
                pages[name] = count
    whole, fetching = ({name: statistics.median(r[k] for r in values) for name, values in rates.items()}
                       for k in range(2))
    bare = "bare Scrapy spider"
    print(f"{8 * copies} portals, no delay, 4 requests per site at a time")
    print(f"{'crawl':<38} {'pages':>6} {'pages/s':>8} {'x bare':>7} {'fetching/s':>10} {'x bare':>7}")
    for name in rates:
        print(f"{name:<38} {pages[name]:>6} {whole[name]:8.1f} {whole[name] / whole[bare]:7.2f} "
              f"{fetching[name]:10.1f} {fetching[name] / fetching[bare]:7.2f}")


if __name__ == "__main__":
    main()
