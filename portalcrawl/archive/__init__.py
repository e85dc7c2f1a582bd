"""The archive: the SQLite file every part of portalcrawl reads or writes, and the only code that
speaks SQL to it (schema and upgrades, the writer and the indexes it keeps in step, the readers).

`Archive`, `ArchiveError` and `ArchiveWriter` load on first use: a distributed crawl's worker uses the
archive's records and URL rules but never opens an archive, and need not load SQLite's toolkit and
NumPy at start-up (a quarter of a second, on every worker of every run).
"""

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .archive import Archive, ArchiveError
    from .writer import ArchiveWriter

__all__ = ["Archive", "ArchiveError", "ArchiveWriter"]


def __getattr__(name: str) -> Any:
    if name in ("Archive", "ArchiveError"):
        from . import archive

        return getattr(archive, name)
    if name == "ArchiveWriter":
        from .writer import ArchiveWriter

        return ArchiveWriter
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
