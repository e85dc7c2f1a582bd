"""The archive's writer in a process of its own: batches stored in order with their counts, and a
writer that dies is an error at once, never a crawl waiting on it for ever."""

from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from portalcrawl.archive import Archive
from portalcrawl.contract import WriteCount
from portalcrawl.crawl.writer_process import WriterDied, WriterProcess

from .test_read_only import BODIES, _record

pytestmark = pytest.mark.slow  # a process starts


def test_batches_are_stored_in_order_with_their_counts(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    Archive(db, write=True).close()
    writer = WriterProcess(str(db))
    records = [_record(url, *text) for url, text in BODIES.items()]
    for record in records:
        writer.submit([record])
    writer.submit([records[0]])  # again: unchanged
    results = writer.close()
    assert [r.size for r in results] == [1, 1, 1, 1] and not any(r.errors for r in results)
    assert writer.counts[WriteCount.ARTICLES_NEW] == 3 and writer.counts[WriteCount.ARTICLES_UNCHANGED] == 1
    with Archive(db) as archive:
        assert {a["url"] for a in archive.articles()} == set(BODIES)


def test_a_writer_that_dies_is_an_error_not_a_wait(tmp_path: Path) -> None:
    db = tmp_path / "a.db"
    Archive(db, write=True).close()
    writer = WriterProcess(str(db))
    os.kill(writer.process.pid, signal.SIGKILL)
    writer.process.join(timeout=10)
    started = time.monotonic()
    with pytest.raises(WriterDied, match="exit code -9"):
        for _ in range(100):  # more than the queue holds
            writer.submit([_record("http://a.example/x.html", "标题", "正文")])
    assert time.monotonic() - started < 10
    assert writer.close() == []
