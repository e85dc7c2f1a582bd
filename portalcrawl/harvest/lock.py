"""One harvest per archive at a time.

An exclusive flock on `<db>.lock`: the kernel drops it when its holder dies (SIGKILL, power
loss), so a killed run never blocks the next one; the holder's PID and start time are kept
in the file, to name a live holder in the refusal and to report a stale one taken over.
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
    """Another harvest holds the archive."""


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class HarvestLock:
    def __init__(self, db_path: str | Path) -> None:
        self.path = Path(f"{db_path}.lock")
        self.handle: int | None = None
        self.stale_holder: dict | None = None

    def acquire(self) -> HarvestLock:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        handle = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = self._read(handle)
            os.close(handle)
            since = f" since {holder['started']}" if holder.get("started") else ""
            raise LockBusy(f"another harvest (pid {holder.get('pid', '?')}{since}) is using {self.path.with_suffix('')}"
                           ) from None
        previous = self._read(handle)
        if previous.get("pid") and previous["pid"] != os.getpid() and not _alive(previous["pid"]):
            self.stale_holder = previous
            logger.warning("taking over the lock of harvest pid %s (started %s), which is no longer running",
                           previous["pid"], previous.get("started"))
        os.ftruncate(handle, 0)
        os.pwrite(handle, json.dumps({"pid": os.getpid(),
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

    def __enter__(self) -> HarvestLock:
        return self.acquire()

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.release()
