"""The archive: the SQLite file every part of portalcrawl reads or writes, and the only code that
speaks SQL to it (schema and upgrades, the writer and the indexes it keeps in step, the readers)."""

from .archive import Archive, ArchiveError
from .writer import ArchiveWriter

__all__ = ["Archive", "ArchiveError", "ArchiveWriter"]
