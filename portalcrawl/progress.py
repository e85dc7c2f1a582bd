"""A progress bar people can read: click's (count, percent, rate, ETA) on a terminal, and a plain log
line every so many items elsewhere (cron, pipes), so a log file is not filled with redrawn bars.

Shared by the commands (export, dupes --rebuild, reextract, eval) and by a bounded crawl, whose
bar is fed from Scrapy's stats; it imports nothing but click, so every layer may use it.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Callable

import click


class Progress:
    """``with Progress(total, label) as advance: ... advance(n)``."""

    def __init__(self, total: int, label: str, unit: str = "pages", every: int = 1000) -> None:
        self.total, self.label, self.unit, self.every, self.done = total, label, unit, every, 0
        self.logger = logging.getLogger("portalcrawl.progress")
        self.bar = None
        if sys.stderr.isatty() and total:
            self.bar = click.progressbar(length=total, label=label, show_pos=True, show_percent=True, show_eta=True,
                                         file=sys.stderr, item_show_func=self._rate)
        self.started = time.monotonic()

    def _rate(self, _: object) -> str:
        seconds = time.monotonic() - self.started
        return f"{self.done / seconds:.1f} {self.unit}/s" if seconds > 0.5 else ""

    def __enter__(self) -> Callable[[int], None]:
        if self.bar is not None:
            self.bar.__enter__()
        return self.advance

    def advance(self, n: int = 1) -> None:
        before, self.done = self.done, self.done + n
        if self.bar is not None:
            self.bar.update(n)
        elif self.done // self.every > before // self.every:
            self.logger.info("%s: %d of %d %s", self.label, self.done, self.total, self.unit)

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc)
