"""The extraction pool: pages read in worker processes, in order; a page that hangs or kills its
worker is an error in its own place, and the pool goes on with a new worker."""

from __future__ import annotations

import os
import time
from concurrent.futures import TimeoutError as FutureTimeout

import pebble
import pytest

from portalcrawl.extract import ExtractContext
from portalcrawl.pool import ExtractionPool

pytestmark = pytest.mark.slow  # worker processes start


def misbehave(data: bytes, url: str | None, context: ExtractContext) -> str:
    """A stand-in extractor: hangs, dies or answers, as the page says."""
    if data == b"hang":
        time.sleep(60)
    if data == b"die":
        os._exit(3)
    if data == b"raise":
        raise ValueError("a page the extractor cannot read")
    return f"read {data.decode()} from {os.getpid()}"


@pytest.fixture
def pool():
    pool = ExtractionPool(workers=1, timeout=1.0, function=misbehave)
    yield pool
    pool.close()


def test_pages_are_read_in_workers_in_order(pool: ExtractionPool) -> None:
    results = list(pool.extract_all([(f"page {n}".encode(), None, ExtractContext()) for n in range(5)]))
    assert [r.split(" from ")[0] for r in results] == [f"read page {n}" for n in range(5)]
    assert all(int(r.rsplit(" ", 1)[1]) != os.getpid() for r in results)


def test_a_page_that_hangs_or_kills_its_worker_is_an_error_in_its_place(pool: ExtractionPool) -> None:
    started = time.monotonic()
    results = list(pool.extract_all([(data, None, ExtractContext()) for data in
                                     (b"a", b"hang", b"b", b"die", b"raise", b"c")]))
    assert time.monotonic() - started < 30
    assert results[0].startswith("read a") and results[2].startswith("read b") and results[5].startswith("read c")
    assert isinstance(results[1], FutureTimeout)
    assert isinstance(results[3], pebble.ProcessExpired)
    assert isinstance(results[4], ValueError)


def test_without_workers_pages_are_read_here() -> None:
    pool = ExtractionPool(workers=0, function=misbehave)
    assert next(iter(pool.extract_all([(b"x", None, ExtractContext())]))).endswith(str(os.getpid()))


def test_a_warming_pool_serves_the_first_page_and_closes_cleanly() -> None:
    """warm() starts the processes in a thread: a page submitted at once waits for them rather than
    starting a second pool, and a pool closed while still starting waits for it, then stops it."""
    pool = ExtractionPool(workers=2, function=misbehave)
    pool.warm()
    pool.warm()
    first = pool.submit(b"first", None, ExtractContext()).result(timeout=60)
    assert first.startswith("read first") and not first.endswith(str(os.getpid()))
    workers = pool._pool._pool_manager.worker_manager.workers  # type: ignore[union-attr]
    assert len(workers) == 2
    pool.close()
    closing = ExtractionPool(workers=1, function=misbehave)
    closing.warm()
    closing.close()
    assert closing._pool is None
