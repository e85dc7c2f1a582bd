"""One writer per archive at a time: a harvest, a crawl, a re-extraction.

SQLite lets one connection write at a time; two crawls into one archive each hold a batch
waiting for the other. So every command that writes takes an exclusive flock on `<db>.lock`
first: a harvest refuses to start while another writer holds it (cron tries again later), a
crawl or `reextract` waits for its turn and says so. The kernel drops the lock when its holder
dies (SIGKILL, power loss), so a killed run never blocks the next one; the holder's command, PID
and start time are kept in the file, to name a live holder and to report a stale one taken over.
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import logging
import os
from pathlib import Path
from types import TracebackType

logger = logging.getLogger(__name__)


class LockBusy(RuntimeError):
    """Another writer holds the archive."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class WriterLock:
    def __init__(self, db_path: str | Path, command: str = "harvest") -> None:
        self.path = Path(f"{db_path}.lock")
        self.command = command
        self.handle: int | None = None
        self.stale_holder: dict | None = None

    def acquire(self, wait: bool = False) -> WriterLock:
        """Take the lock; when another writer holds it, raise LockBusy, or with ``wait`` log who holds
        it and wait for it. Taking a lock one holds already is a no-op (``with lock.acquire(wait=True):``)."""
        if self.handle is not None:
            return self
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._read(handle)
            since = f" since {holder['started']}" if holder.get("started") else ""
            who = f"another {holder.get('command', 'harvest')} (pid {holder.get('pid', '?')}{since})"
            if not wait:
                os.close(handle)
                raise LockBusy(f"{who} is using {self.path.with_suffix('')}") from None
            logger.warning("%s is writing %s: waiting for it to finish", who, self.path.with_suffix(""))
            fcntl.flock(handle, fcntl.LOCK_EX)
        previous = self._read(handle)
        if previous.get("pid") and previous["pid"] != os.getpid() and not _alive(previous["pid"]):
            self.stale_holder = previous
            logger.warning("taking over the lock of %s pid %s (started %s), which is no longer running",
                           previous.get("command", "harvest"), previous["pid"], previous.get("started"))
        os.ftruncate(handle, 0)
        os.pwrite(handle, json.dumps({"command": self.command, "pid": os.getpid(),
                                      "started": dt.datetime.now(dt.UTC).isoformat(timespec="seconds")}).encode(), 0)
        self.handle = handle
        return self

    @staticmethod
    def _read(handle: int) -> dict:
        try:
            return json.loads(os.pread(handle, 4096, 0) or b"{}")
        except (json.JSONDecodeError, OSError):
            return {}

    def release(self) -> None:
        if self.handle is not None:
            os.ftruncate(self.handle, 0)
            fcntl.flock(self.handle, fcntl.LOCK_UN)
            os.close(self.handle)
            self.handle = None

    def __enter__(self) -> WriterLock:
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
