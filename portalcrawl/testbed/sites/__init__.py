"""One subpackage per test site (``_``-prefixed modules are helpers they share); each exposes
``build() -> TestSite``."""

from __future__ import annotations

import importlib
import pkgutil

from ..model import TestSite


def all_sites() -> list[TestSite]:
    """Every site in this package, built, in name order."""
    names = sorted(m.name for m in pkgutil.iter_modules(__path__) if not m.name.startswith("_"))
    return [importlib.import_module(f"{__name__}.{name}").build() for name in names]
