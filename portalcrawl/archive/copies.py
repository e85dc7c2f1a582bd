"""Near-duplicate articles (copies with a new lead, a new title, trimmed paragraphs), kept up to
date as articles arrive.

MinHash signatures and the LSH banding (how many bands of how many rows, for a similarity
threshold) come from datasketch. Its LSH index lives in memory (or Redis); ours must survive
between runs and stay small in a nightly harvest, so the band keys datasketch computes are
stored in SQLite (``minhash_bands``) and looked up with an index: memory stays constant
however large the archive grows.

LSH only proposes candidates; their stored signatures screen out the unlikely ones, and each
remaining pair is checked on the real texts (8-character shingles): a copy has a Jaccard
similarity of at least ``JACCARD`` or has at least ``CONTAINMENT`` of the shorter text inside
the longer one (a trimmed copy). Verified pairs are rows of ``copies``; clusters are their
connected components, in ``dupe_clusters``, each named by the smallest article rowid in it,
so a cluster keeps its id as it grows.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

import numpy as np
import sqlite_utils

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

from .queries import article_rows
from .search_index import fold
from .transaction import write_transaction

# Characters per shingle. Articles on one topic share stock phrases: with 5-character shingles,
# unrelated articles of the demo's text bank have a Jaccard similarity of 0.30 (median), with 8
# only 0.17, while copies edited by whole sentences and paragraphs keep theirs.
SHINGLE = 8
NUM_PERM = 64
LSH_THRESHOLD = 0.3  # below the verification thresholds, so LSH misses few true copies
JACCARD = 0.5
CONTAINMENT = 0.8
ESTIMATE_MARGIN = 0.15  # a signature's estimate is within about 0.06 of the truth (64 values)
MIN_SHINGLES = 30  # a body shorter than this (a stub, a caption) is not compared at all
SEED = 1
_NOT_WORD = re.compile(r"[\W_]+")


TABLES = {
    # One row per band of each article's signature, found by (band, key).
    "minhash_bands": "CREATE TABLE minhash_bands (band INTEGER NOT NULL, key INTEGER NOT NULL, "
                     "article INTEGER NOT NULL, PRIMARY KEY (band, key, article)) WITHOUT ROWID",
    # Each article's MinHash values (little-endian uint32) and shingle count, to screen candidates.
    "minhash_signatures": "CREATE TABLE minhash_signatures (article INTEGER PRIMARY KEY, shingles INTEGER NOT NULL, "
                          "signature BLOB NOT NULL)",
}


def ensure(db: sqlite_utils.Database) -> None:
    """Create the index tables; when they are new, index the articles already archived."""
    missing = [name for name in TABLES if not db[name].exists()]
    for name in missing:
        db.execute(TABLES[name])
    if missing:
        rebuild(db)


def shingles(body: str | None) -> set[str]:
    """Character shingles of the text's letters and digits: spacing and punctuation edits don't count."""
    text = fold(_NOT_WORD.sub("", body or ""))
    return {text[i:i + SHINGLE] for i in range(len(text) - SHINGLE + 1)}


@functools.cache
def _lsh_shape() -> tuple[MinHash, MinHashLSH]:
    """A template MinHash (its permutations are costly to draw) and datasketch's band layout.

    datasketch is imported here, not with the module: it loads SciPy (about 0.4 s), which every
    `portalcrawl` command would otherwise pay at start-up, storing articles or not."""
    from datasketch import MinHash, MinHashLSH

    return MinHash(num_perm=NUM_PERM, seed=SEED), MinHashLSH(threshold=LSH_THRESHOLD, num_perm=NUM_PERM)


def signature(shingle_set: set[str]) -> tuple[list[tuple[int, int]], np.ndarray]:
    """The text's MinHash values, and its (band, key) pairs: texts sharing any pair are LSH candidates."""
    template, lsh = _lsh_shape()
    minhash = template.copy()  # an empty MinHash sharing the template's permutations
    minhash.update_batch([s.encode("utf-8") for s in shingle_set])
    keys = []
    for band, (start, end) in enumerate(lsh.hashranges):
        digest = hashlib.blake2b(lsh._H(minhash.hashvalues[start:end]), digest_size=8).digest()
        keys.append((band, int.from_bytes(digest, "little", signed=True)))
    return keys, minhash.hashvalues.astype("<u4")  # datasketch's values fit in 32 bits


def similarity(a: set[str], b: set[str]) -> tuple[float, float]:
    """(Jaccard, containment of the smaller in the larger)."""
    common = len(a & b)
    return common / len(a | b), common / min(len(a), len(b))


def is_copy(jaccard: float, containment: float) -> bool:
    return jaccard >= JACCARD or containment >= CONTAINMENT


class CopyFinder:
    """Indexes articles as the archive writer stores them, inside the writer's transaction."""

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db

    def add(self, rowid: int, url: str, body: str, old_body: str | None = None) -> None:
        """Index a new article, or a changed one (``old_body``: the text it had before)."""
        touched = {url}
        if old_body is not None:
            touched |= self._forget(rowid, url, old_body)
        mine = shingles(body)
        if len(mine) < MIN_SHINGLES:
            self._recluster(touched)
            return
        keys, values = signature(mine)
        for other_url, other_body in self._candidates(keys, values, len(mine), rowid):
            jaccard, containment = similarity(mine, shingles(other_body))
            if is_copy(jaccard, containment):
                a, b = sorted((url, other_url))
                self.db.execute("INSERT OR REPLACE INTO copies (url_a, url_b, jaccard, containment) "
                                "VALUES (?, ?, ?, ?)", [a, b, round(jaccard, 4), round(containment, 4)])
                touched.add(other_url)
        self.db.conn.executemany("INSERT OR IGNORE INTO minhash_bands (band, key, article) VALUES (?, ?, ?)",
                                 [(band, key, rowid) for band, key in keys])
        self.db.execute("INSERT OR REPLACE INTO minhash_signatures (article, shingles, signature) VALUES (?, ?, ?)",
                        [rowid, len(mine), values.tobytes()])
        self._recluster(touched)

    def remove(self, rowid: int, url: str, body: str) -> None:
        """Forget an article that leaves the archive; its former partners are clustered again."""
        self._recluster(self._forget(rowid, url, body) - {url})

    def _candidates(self, keys: list[tuple[int, int]], values: np.ndarray, size: int,
                    rowid: int) -> list[tuple[str, str]]:
        """Articles sharing a band, kept when their signatures say they may be copies
        (``ESTIMATE_MARGIN`` below the thresholds): only those are compared on their texts."""
        # One statement, each arm an index lookup (a row-value IN list would scan the table).
        lookups = " UNION ".join(["SELECT article FROM minhash_bands WHERE band = ? AND key = ?"] * len(keys))
        ids = {r[0] for r in self.db.execute(lookups, [v for pair in keys for v in pair])}
        ids.discard(rowid)
        if not ids:
            return []
        marks = ",".join("?" * len(ids))
        rows = self.db.execute(
            f"SELECT article, shingles, signature FROM minhash_signatures WHERE article IN ({marks})", list(ids)
        ).fetchall()
        if not rows:
            return []
        others = np.frombuffer(b"".join(r[2] for r in rows), dtype="<u4").reshape(len(rows), -1)
        sizes = np.array([r[1] for r in rows], dtype=float)
        jaccard = (others == values).mean(axis=1)  # every candidate's estimate at once
        containment = jaccard / (1 + jaccard) * (sizes + size) / np.minimum(sizes, size)
        keep = (jaccard >= JACCARD - ESTIMATE_MARGIN) | (containment >= CONTAINMENT - ESTIMATE_MARGIN)
        likely = [rows[i][0] for i in np.flatnonzero(keep)]
        if not likely:
            return []
        marks = ",".join("?" * len(likely))
        return list(self.db.execute(f"SELECT url, body FROM articles WHERE rowid IN ({marks})", likely))

    def _forget(self, rowid: int, url: str, old_body: str) -> set[str]:
        """Drop a changed article's old bands and pairs; return the articles it was paired with."""
        old = shingles(old_body)
        if len(old) >= MIN_SHINGLES:
            self.db.conn.executemany("DELETE FROM minhash_bands WHERE band = ? AND key = ? AND article = ?",
                                     [(band, key, rowid) for band, key in signature(old)[0]])
        self.db.execute("DELETE FROM minhash_signatures WHERE article = ?", [rowid])
        partners = set(self._neighbours(url))
        self.db.execute("DELETE FROM copies WHERE url_a = ? OR url_b = ?", [url, url])
        return partners

    def _neighbours(self, url: str) -> list[str]:
        return [r[0] for r in self.db.execute(
            "SELECT url_b FROM copies WHERE url_a = ? UNION SELECT url_a FROM copies WHERE url_b = ?", [url, url])]

    def _recluster(self, seeds: Iterable[str]) -> None:
        """Recompute the components that contain these articles (small: a handful of copies each)."""
        seen: set[str] = set()
        for seed in seeds:
            if seed in seen:
                continue
            component, frontier = {seed}, [seed]
            while frontier:
                for other in self._neighbours(frontier.pop()):
                    if other not in component:
                        component.add(other)
                        frontier.append(other)
            seen |= component
            marks = ",".join("?" * len(component))
            members = list(component)
            self.db.execute(f"DELETE FROM dupe_clusters WHERE url IN ({marks})", members)
            if len(component) < 2:
                continue
            cluster = self.db.execute(f"SELECT min(rowid) FROM articles WHERE url IN ({marks})", members).fetchone()[0]
            self.db.conn.executemany("INSERT INTO dupe_clusters (url, cluster) VALUES (?, ?)",
                                     [(member, cluster) for member in members])


def rebuild(db: sqlite_utils.Database, progress: Callable[[int], None] | None = None) -> int:
    """Index every article again from scratch (after a change of thresholds); returns the count."""
    finder = CopyFinder(db)
    with write_transaction(db):
        for table in ("minhash_bands", "minhash_signatures", "copies", "dupe_clusters"):
            db.execute(f"DELETE FROM {table}")
        count = 0
        for rowid, url, body in article_rows(db, "url, body"):
            finder.add(rowid, url, body)
            count += 1
            if progress:
                progress(1)
    return count
