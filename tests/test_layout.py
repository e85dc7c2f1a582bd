"""The architecture, checked: imports run one way, modules stay small, only the archive speaks SQL.

Run alone with `pytest tests/test_layout.py -q`; `python -m tests.test_layout` prints the room graph.
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
PACKAGE = REPO / "portalcrawl"
# Each room may import the rooms of lower rank, never one of its own rank or higher:
# cli -> harvest -> crawl / research -> archive -> extract, contract and progress (which import nothing of ours).
# `portalcrawl` itself holds only the version.
RANKS = {
    "extract": 0, "portalcrawl": 0, "contract": 0, "progress": 0,
    "pool": 1,
    "archive": 2,
    "crawl": 3, "research": 3, "evaluation": 3, "demo": 3,
    "harvest": 4, "testbed": 4,
    "cli": 5,
}
MAX_LINES = 300
TABLES = ("articles", "pages", "links", "sites", "crawls", "templates", "copies", "dupe_clusters",
          "article_versions", "removed_articles", "minhash_bands", "minhash_signatures", "site_links",
          "copy_clusters", "articles_fts", "articles_chars")
SQL = re.compile(rf"\b(SELECT|INSERT|UPDATE|DELETE|CREATE|DROP|ALTER|PRAGMA)\b[\s\S]*\b({'|'.join(TABLES)})\b")


def module_name(path: Path) -> str:
    parts = list(path.relative_to(REPO).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def sources(*roots: str) -> list[Path]:
    return sorted(p for root in roots for p in (REPO / root).rglob("*.py"))


def imports_of(path: Path) -> set[str]:
    """Every module this file imports, at the top or inside a function, resolved to absolute names."""
    name = module_name(path)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[:len(anchor) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)  # "from . import copies"
    return found


def room(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else parts[0]


def graph() -> dict[str, set[str]]:
    """portalcrawl's modules and the portalcrawl modules each imports (a module's own packages aside:
    "from . import sibling" names its package, which is already being imported, not a dependency)."""
    modules = {module_name(p): p for p in sources("portalcrawl")}
    return {name: {m for m in imports_of(path) if m in modules and m != name and not name.startswith(f"{m}.")}
            for name, path in modules.items()}


def test_every_room_has_a_rank() -> None:
    rooms = {room(name) for name in graph()}
    assert rooms <= set(RANKS), f"give these a rank in RANKS: {rooms - set(RANKS)}"


def test_imports_run_one_way() -> None:
    upward = [f"{name} imports {target}" for name, targets in graph().items() for target in targets
              if room(target) != room(name) and RANKS[room(target)] >= RANKS[room(name)]]
    assert not upward, "\n".join(upward)


def test_the_package_never_imports_the_spiders() -> None:
    """Spiders import portalcrawl; runs find them by name through SPIDER_MODULES."""
    offenders = [str(p.relative_to(REPO)) for p in sources("portalcrawl")
                 if any(m == "spiders" or m.startswith("spiders.") for m in imports_of(p))]
    assert not offenders


def test_no_import_cycle() -> None:
    edges = graph()
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(node: str, path: list[str]) -> list[str] | None:
        state[node] = 1
        for target in sorted(edges[node]):
            if state.get(target) == 1:
                return [*path, node, target]
            if target not in state and (cycle := visit(target, [*path, node])):
                return cycle
        state[node] = 2
        return None

    for start in sorted(edges):
        if start not in state:
            cycle = visit(start, [])
            assert cycle is None, " -> ".join(cycle[cycle.index(cycle[-1]):])


@pytest.mark.parametrize("path", sources("portalcrawl", "spiders"), ids=lambda p: str(p.relative_to(REPO)))
def test_no_module_over_the_limit(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_LINES, f"{lines} lines: split it along a seam"


def test_only_the_archive_speaks_sql() -> None:
    offenders = []
    for path in sources("portalcrawl", "spiders"):
        if path.is_relative_to(PACKAGE / "archive"):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and SQL.search(node.value):
                offenders.append(f"{path.relative_to(REPO)}:{node.lineno}: {node.value[:60]!r}")
    assert not offenders, "\n".join(offenders)


def test_the_checks_catch_what_they_look_for(tmp_path: Path) -> None:
    """The detectors themselves: an upward import and a SQL string are seen."""
    sample = PACKAGE / "archive" / "writer.py"
    assert "portalcrawl.contract" in imports_of(sample)
    assert SQL.search("SELECT url FROM articles WHERE site = ?")
    assert not SQL.search("Select the articles you want")


if __name__ == "__main__":
    by_room: dict[str, set[str]] = defaultdict(set)
    for name, targets in graph().items():
        by_room[room(name)].update(room(t) for t in targets if room(t) != room(name))
    for name in sorted(by_room, key=lambda r: (-RANKS[r], r)):
        print(f"{name:<11} (rank {RANKS[name]}) -> {', '.join(sorted(by_room[name], key=RANKS.get)) or '-'}")


def test_stored_kinds_include_every_page_kind() -> None:
    from portalcrawl.contract import StoredKind
    from portalcrawl.extract import PageKind

    assert {kind.value for kind in PageKind} <= {kind.value for kind in StoredKind}
