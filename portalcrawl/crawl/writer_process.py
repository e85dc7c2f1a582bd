"""The archive's writer in a process of its own, fed batches over a queue.

Storing a batch is Python work (dataclasses, sqlite-utils, the MinHash of every article) that holds
the GIL: in a thread it slows the reactor as much as in the reactor's own. In a process it runs on
another core while the reactor fetches. One process, one queue: batches commit in the order they
were taken, each in one transaction, as before; the queue is bounded, so a writer that falls behind
slows the crawl instead of filling memory. What each batch did (counts, items that could not be
stored) comes back on a second queue.
"""

from __future__ import annotations

import multiprocessing
import queue
from dataclasses import dataclass, field
from typing import Any

from ..archive import Archive
from ..contract import WriteCount

STOP = None
BACKLOG = 16  # batches waiting for the writer at most


class WriterDied(RuntimeError):
    """The writer process ended before it was told to (killed, out of memory)."""

    def __init__(self, exitcode: int | None) -> None:
        super().__init__(f"the archive's writer process ended (exit code {exitcode}); its queued batches are lost")


@dataclass
class BatchResult:
    size: int
    errors: list[str] = field(default_factory=list)  # one per item not stored
    counts: dict[str, int] = field(default_factory=dict)  # the writer's counts after this batch


def _serve(db_path: str, unversioned_since: str | None, batches: Any, results: Any) -> None:
    """The writer process: store each batch (ArchiveWriter.write_salvaging) until STOP."""
    with Archive(db_path, write=True) as archive:
        writer = archive.writer(unversioned_since)
        while (batch := batches.get()) is not STOP:
            result = BatchResult(len(batch), [str(error) for error in writer.write_salvaging(batch)])
            result.counts = {str(key): value for key, value in writer.counts.items()}
            results.put(result)


class WriterProcess:
    def __init__(self, db_path: str, unversioned_since: str | None = None) -> None:
        context = multiprocessing.get_context("forkserver")
        self.batches = context.Queue(maxsize=BACKLOG)
        self.results = context.Queue()
        self.process = context.Process(target=_serve, args=(db_path, unversioned_since, self.batches, self.results),
                                       name="portalcrawl-writer", daemon=True)
        self.process.start()
        self.counts: dict[WriteCount, int] = dict.fromkeys(WriteCount, 0)

    @property
    def alive(self) -> bool:
        return self.process.is_alive()

    def submit(self, batch: list[Any]) -> None:
        """Queue a batch; waits while BACKLOG batches are queued (back-pressure). A writer that has died
        is an error here, never a wait for ever."""
        while True:
            if not self.alive:
                raise WriterDied(self.process.exitcode)
            try:
                self.batches.put(batch, timeout=1.0)
                return
            except queue.Full:
                continue

    def done(self) -> list[BatchResult]:
        """The results that came back so far (the counts follow them)."""
        found = []
        while True:
            try:
                found.append(self.results.get_nowait())
            except queue.Empty:
                break
        for result in found:
            self.counts.update({WriteCount(key): value for key, value in result.counts.items()})
        return found

    def close(self) -> list[BatchResult]:
        """Store what is queued, stop the process, and return the last results."""
        if self.alive:
            self.batches.put(STOP)
        found = []
        while self.process.is_alive() or not self.results.empty():
            try:
                found.append(self.results.get(timeout=0.05))
            except queue.Empty:
                continue
        self.process.join()
        for result in found:
            self.counts.update({WriteCount(key): value for key, value in result.counts.items()})
        return found
