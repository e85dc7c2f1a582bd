"""Extraction in worker processes beside the reactor, so a crawl uses every core.

The extractor is a pure function of (bytes, URL, context), so it runs anywhere: here in a pool
of worker processes (pebble's, which kills a worker whose task overruns its timeout, or that
dies, and starts a new one). Scrapy's reactor keeps fetching while pages are read; a page whose
extraction fails, crashes its worker or overruns the timeout is a counted skip, as before.
PORTALCRAWL_WORKERS sets the pool's size (default: one per core; 0 extracts in
the crawl's own process, the way before the pool).
"""

from __future__ import annotations

import asyncio
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future
from typing import Any

import pebble

from .extract import Article, ExtractContext


def default_workers() -> int:
    """One per core: the reactor mostly waits on the network, and measured, a pool of every core beat
    one that left the reactor a core of its own (benchmarks/throughput_bench.py)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


class ExtractionPool:
    def __init__(self, workers: int | None = None, timeout: float = 60.0,
                 function: Callable[..., Any] | None = None,
                 initializer: Callable[..., Any] | None = None, initargs: tuple[Any, ...] = ()) -> None:
        """function: what runs on each page (the extractor by default; module-level, for pickling);
        initializer: what each process runs first (the evaluation warms its system up)."""
        self.workers = default_workers() if workers is None else max(0, workers)
        self.timeout = timeout
        self.function = function or _extract
        self.initializer, self.initargs = initializer, initargs
        self._pool: pebble.ProcessPool | None = None
        # Held while the pool starts: by a warming thread, or by the first caller that needs the pool.
        self._starting = threading.Lock()
        self._warming: threading.Thread | None = None

    def _started(self) -> pebble.ProcessPool:
        with self._starting:
            return self._start()

    def _start(self) -> pebble.ProcessPool:
        if self._pool is None:
            # forkserver: workers start from a clean process that has imported the extractor, not
            # from a fork of a running reactor.
            context = multiprocessing.get_context("forkserver")
            context.set_forkserver_preload(["portalcrawl.extract.core"])
            self._pool = pebble.ProcessPool(max_workers=self.workers, context=context,
                                            initializer=self.initializer, initargs=self.initargs)
            # pebble starts its processes on the first task; each waits for the forkserver to have loaded
            # the extractor (half a second): that wait is the caller's, unless it warmed the pool.
            self._pool.schedule(len, args=(b"",))
        return self._pool

    def warm(self) -> None:
        """Start the processes now, in a thread: a caller that will need them later (the crawl's reactor,
        before its first requests) goes on meanwhile, and waits only if it needs them before they are
        ready. Once started, a no-op."""
        if self.workers and self._pool is None and self._warming is None:
            self._warming = threading.Thread(target=self._started, name="pool-start", daemon=True)
            self._warming.start()

    def submit(self, *args: Any) -> Future[Any]:
        """The function on one page's arguments (bytes, URL, context for the extractor), running (or
        done, with no workers)."""
        if self.workers == 0:
            done: Future[Any] = Future()
            if self.initializer is not None:
                self.initializer(*self.initargs)
                self.initializer = None
            try:
                done.set_result(self.function(*args))
            except Exception as exc:  # reported through the future, as a worker's failure would be
                done.set_exception(exc)
            return done
        return self._started().schedule(self.function, args=args, timeout=self.timeout)

    async def extract(self, data: bytes, url: str | None, context: ExtractContext) -> Article:
        """For the crawl's coroutines: the reactor runs on while the page is read."""
        return await asyncio.wrap_future(self.submit(data, url, context))

    def extract_all(self, pages: Iterable[tuple[Any, ...]]) -> Iterator[Any | BaseException]:
        """For batches (re-extraction): every page submitted now, so that the caller can store one batch
        while the next is read; results in order, a failure in its page's place."""
        return _results([self.submit(*page) for page in pages])

    def close(self) -> None:
        if self._warming is not None:
            self._warming.join()
        if self._pool is not None:
            self._pool.stop()
            self._pool.join(timeout=10)
            self._pool = None


def _extract(data: bytes, url: str | None, context: ExtractContext) -> Article:
    """The extractor, loaded where it runs: in a pool's process, not in the crawl's."""
    from .extract.core import extract_article

    return extract_article(data, url, context)


def _results(futures: list[Future[Any]]) -> Iterator[Any | BaseException]:
    for future in futures:
        try:
            yield future.result()
        except Exception as exc:
            yield exc
