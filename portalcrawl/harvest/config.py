"""The portals file (TOML): read it, check every key, and say exactly what is wrong.

    [harvest]                       # optional, for every portal
    contact = "https://example.org/about-our-crawler"
    log_dir = "data/logs"
    keep_logs = 30
    max_error_rate = 0.25

    [portals.kuaizhi]
    start_urls = ["http://www.kuaizhi.example/"]
    delay = 1.0                     # seconds between two requests to the portal
    concurrency = 2                 # requests at a time
    max_pages = 5000
    max_depth = 10
    allow = ["/a/", "/jishu/"]      # regexes: follow only URLs matching one (start URLs always)
    deny = ["\\\\?replytocom="]       # regexes: never follow these
    timezone = "Asia/Shanghai"

A mistake (unknown key, wrong type, bad URL, bad regex, missing file) is reported with the
file, line and key before anything is fetched.
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from ..crawl.start_urls import start_url_problem


class ConfigError(ValueError):
    """A portals file that cannot be used, located to its line and key."""


@dataclass(frozen=True)
class PortalConfig:
    name: str
    start_urls: tuple[str, ...]
    delay: float = 1.0
    concurrency: int = 2
    max_pages: int | None = None
    max_depth: int | None = None
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    timezone: str = "Asia/Shanghai"


@dataclass(frozen=True)
class HarvestConfig:
    path: Path
    portals: dict[str, PortalConfig]
    contact: str | None = None
    log_dir: Path = Path("data/logs")
    keep_logs: int = 30
    max_error_rate: float = 0.25
    raw: dict[str, Any] = field(default_factory=dict)


_HARVEST_KEYS: dict[str, type | tuple[type, ...]] = {
    "contact": str, "log_dir": str, "keep_logs": int, "max_error_rate": (int, float),
}
_PORTAL_KEYS: dict[str, type | tuple[type, ...]] = {
    "start_urls": list, "delay": (int, float), "concurrency": int, "max_pages": int, "max_depth": int,
    "allow": list, "deny": list, "timezone": str,
}


# Sane bounds for every number (a politeness delay of an hour is already absurd).
_PORTAL_RANGES = {"delay": (0, 3600), "concurrency": (1, 64), "max_pages": (1, 10**9), "max_depth": (0, 10_000)}
_HARVEST_RANGES = {"keep_logs": (1, 100_000), "max_error_rate": (0, 1)}
_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")


def _line_of(text: str, key: str, table: str | None) -> int:
    """The line where `key` is set (inside `[table]` when given), for error messages."""
    lines = text.splitlines()
    start = 0
    if table:
        dotted = r"\s*\.\s*".join(re.escape(part) for part in table.split("."))
        header = re.compile(rf"^\s*\[\s*{dotted}\s*\]")
        start = next((n for n, line in enumerate(lines) if header.match(line)), 0)
    pattern = re.compile(rf"^\s*{re.escape(key)}\s*=")
    for n in range(start, len(lines)):
        if n > start and table and lines[n].lstrip().startswith("["):
            break
        if pattern.match(lines[n]) or (not table and lines[n].strip().startswith(f"[{key}")):
            return n + 1
    return start + 1


def _fail(path: Path, text: str, table: str | None, key: str, message: str) -> ConfigError:
    where = f"{table}.{key}" if table else key
    return ConfigError(f"{path}:{_line_of(text, key, table)}: {where}: {message}")


def _check_type(path: Path, text: str, table: str, key: str, value: Any, expected: type | tuple[type, ...]) -> None:
    if isinstance(value, bool) or not isinstance(value, expected):
        names = " or ".join(t.__name__ for t in (expected if isinstance(expected, tuple) else (expected,)))
        raise _fail(path, text, table, key, f"expected {names}, got {type(value).__name__} {value!r}")


def _check_range(path: Path, text: str, table: str, key: str, value: float, low: float, high: float) -> None:
    """Finite and within [low, high]: inf would hang a harvest that holds the lock, nan would remove every
    bound it takes part in."""
    if not math.isfinite(value) or not low <= value <= high:
        raise _fail(path, text, table, key, f"{value!r} is out of range: from {low:g} to {high:g}")


def _portal(path: Path, text: str, name: str, values: Any) -> PortalConfig:
    table = f"portals.{name}"
    if not _NAME.fullmatch(name):
        raise _fail(path, text, None, table, "a portal name is letters, digits, - and _ (at most 64; it names "
                                             "files beside the archive)")
    if not isinstance(values, dict):
        raise _fail(path, text, None, table, "must be a table: [portals.NAME]")
    for key, value in values.items():
        if key not in _PORTAL_KEYS:
            raise _fail(path, text, table, key, f"unknown key (known: {', '.join(_PORTAL_KEYS)})")
        _check_type(path, text, table, key, value, _PORTAL_KEYS[key])
    if "start_urls" not in values or not values["start_urls"]:
        raise _fail(path, text, None, table, "needs start_urls = [\"http://...\"]")
    for url in values["start_urls"]:
        problem = start_url_problem(url) if isinstance(url, str) else "not a string"
        if problem:
            raise _fail(path, text, table, "start_urls", f"{url!r}: {problem}")
    for key in ("allow", "deny"):
        for pattern in values.get(key, []):
            if not isinstance(pattern, str):
                raise _fail(path, text, table, key, f"expected regex strings, got {pattern!r}")
            try:
                re.compile(pattern)
            except re.error as exc:
                raise _fail(path, text, table, key, f"bad regex {pattern!r}: {exc}") from exc
    for key, (low, high) in _PORTAL_RANGES.items():
        if key in values:
            _check_range(path, text, table, key, values[key], low, high)
    if "timezone" in values:
        try:
            ZoneInfo(values["timezone"])
        except (ZoneInfoNotFoundError, ValueError) as exc:
            raise _fail(path, text, table, "timezone", f"unknown time zone {values['timezone']!r}") from exc
    return PortalConfig(
        name=name, start_urls=tuple(values["start_urls"]), delay=float(values.get("delay", 1.0)),
        concurrency=values.get("concurrency", 2), max_pages=values.get("max_pages"),
        max_depth=values.get("max_depth"), allow=tuple(values.get("allow", ())), deny=tuple(values.get("deny", ())),
        timezone=values.get("timezone", "Asia/Shanghai"),
    )


def load_config(path: str | Path) -> HarvestConfig:
    path = Path(path)
    if not path.is_file():
        hint = " (copy data/portals.example.toml to start one)" if path.name == "portals.toml" else ""
        raise ConfigError(f"{path}: no such file{hint}")
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 text (byte {exc.start}: {exc.reason}); save it as UTF-8") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: {exc}") from exc
    for key in data:
        if key not in ("harvest", "portals"):
            raise _fail(path, text, None, key, "unknown table or key (expected [harvest] and [portals.NAME])")
    harvest = data.get("harvest", {})
    for key, value in harvest.items():
        if key not in _HARVEST_KEYS:
            raise _fail(path, text, "harvest", key, f"unknown key (known: {', '.join(_HARVEST_KEYS)})")
        _check_type(path, text, "harvest", key, value, _HARVEST_KEYS[key])
        if key in _HARVEST_RANGES:
            _check_range(path, text, "harvest", key, value, *_HARVEST_RANGES[key])
    if "contact" in harvest and not harvest["contact"].startswith(("http://", "https://", "mailto:")):
        raise _fail(path, text, "harvest", "contact", "must be a URL (http(s):// or mailto:)")
    portals_table = data.get("portals")
    if not isinstance(portals_table, dict) or not portals_table:
        raise ConfigError(f"{path}: no portals (add a [portals.NAME] table with start_urls)")
    portals = {name: _portal(path, text, name, values) for name, values in portals_table.items()}
    return HarvestConfig(
        path=path, portals=portals, contact=harvest.get("contact"),
        log_dir=Path(harvest.get("log_dir", "data/logs")), keep_logs=harvest.get("keep_logs", 30),
        max_error_rate=float(harvest.get("max_error_rate", 0.25)), raw=data,
    )
