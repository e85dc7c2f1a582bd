"""Benchmark: how well `portalcrawl dupes` finds copies, as pairwise precision and recall.

1. The demo portal, crawled for real: its truth records which articles copy which (across
   the two sites and within each).
2. A generated archive, harder: thousands of originals written from the same few topics (so
   unrelated articles share much of their vocabulary), and copies of some of them with the
   edits content farms make, each kind counted on its own.

    .venv/bin/python benchmarks/dupes_bench.py [--originals 3000] [--copies 600]
"""

from __future__ import annotations

import argparse
import hashlib
import random
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from portalcrawl.archive import Archive, ArchiveWriter
from portalcrawl.archive.queries import clusters
from portalcrawl.archive.records import ArticleRecord
from portalcrawl.crawl.run import run_crawl
from portalcrawl.demo import text_bank
from portalcrawl.demo.server import serve_demo
from portalcrawl.evaluation.scoring import pairs_of, precision_recall

TOPICS = list(text_bank.GRAMMAR)
AD = "关注我们的公众号，每天推送更多精彩内容。"
Edit = Callable[[str, list[str], random.Random], tuple[str, list[str]]]

# The edits a copying portal makes: (name, edit of (title, paragraphs)).
EDITS: dict[str, Edit] = {
    "verbatim": lambda t, p, r: (t, p),
    "new title": lambda t, p, r: (r.choice(text_bank.HEADLINE_HEADS[r.choice(TOPICS)]) + "：" + t[-4:], p),
    "new lead": lambda t, p, r: (t, [text_bank.sentence(r.choice(TOPICS), r), *p]),
    "last paragraph cut": lambda t, p, r: (t, p[:-1]),
    "lead swapped, one cut": lambda t, p, r: (t, [text_bank.sentence(r.choice(TOPICS), r), *p[1:-1]]),
    "paragraphs reordered": lambda t, p, r: (t, [p[1], p[0], *p[2:][::-1]]),
    "ad inserted": lambda t, p, r: (t, [*p[:2], AD, *p[2:]]),
    "punctuation changed": lambda t, p, r: (t, [x.replace("，", ",").replace("。", ". ") for x in p]),
    "half kept": lambda t, p, r: (t, p[: max(2, len(p) // 2)]),
}


def record(url: str, site: str, title: str, body: str, published: str) -> ArticleRecord:
    return ArticleRecord(url=url, site=site, title=title, published=published, published_source="bench",
                         contributor=None, source=None, editor=None, category=None, body=body,
                         fetched_at="2026-01-01T00:00:00+00:00",
                         content_hash=hashlib.sha1(f"{title}\n{body}".encode()).hexdigest())


def demo_scores(folder: Path) -> tuple[float, float, int]:
    db = folder / "demo.db"
    with serve_demo() as server:
        run_crawl(server.start_urls, str(db), overrides={"DOWNLOAD_DELAY": 0, "AUTOTHROTTLE_ENABLED": False,
                                                         "PORTALCRAWL_PROGRESS_INTERVAL": 0, "LOG_ENABLED": False})
        truth = [{server.bases[site] + path for site, path in group} for group in server.portal.copy_groups()]
    archive = Archive(db, write=True).db
    found = [c.urls for c in clusters(archive)]
    archive.close()
    precision, recall = precision_recall(found, truth)
    return precision, recall, len(pairs_of(truth))


def generated_scores(folder: Path, originals: int, copies: int) -> dict[str, object]:
    rng = random.Random(7)
    sites = [f"http://site{n}.example" for n in range(5)]
    records, truth, kind_of = [], [], {}
    texts = []
    for n in range(originals):
        topic = TOPICS[n % len(TOPICS)]
        title = f"{rng.choice(text_bank.HEADLINE_HEADS[topic])}：{rng.choice(text_bank.HEADLINE_TAILS)}{n}"
        paragraphs = text_bank.paragraphs(topic, rng, rng.randint(4, 8))
        url = f"{sites[n % len(sites)]}/a/{n}.html"
        texts.append((url, title, paragraphs))
        records.append(record(url, sites[n % len(sites)], title, "\n".join(paragraphs), f"2020-01-{n % 28 + 1:02d}"))
    names = list(EDITS)
    for n in range(copies):
        url, title, paragraphs = texts[rng.randrange(originals)]
        kind = names[n % len(names)]
        new_title, new_paragraphs = EDITS[kind](title, paragraphs, rng)
        site = rng.choice(sites)  # sometimes the same site: a repost
        copy_url = f"{site}/copy/{n}.html"
        records.append(record(copy_url, site, new_title, "\n".join(new_paragraphs), "2021-06-01"))
        truth.append({url, copy_url})
        kind_of[copy_url] = kind
    rng.shuffle(records)  # copies may arrive before their originals

    archive = Archive(folder / "generated.db", write=True).db
    writer = ArchiveWriter(archive)
    started = time.perf_counter()
    for start in range(0, len(records), 500):
        writer.write(records[start:start + 500])
    elapsed = time.perf_counter() - started
    found = [c.urls for c in clusters(archive)]
    archive.close()

    # Truth groups: copies of the same original belong together.
    merged: dict[str, set[str]] = {}
    for group in truth:
        members = set(group)
        for url in group:
            members |= merged.get(url, set())
        for url in members:
            merged[url] = members
    truth_groups = list({id(g): g for g in merged.values()}.values())
    precision, recall = precision_recall(found, truth_groups)
    found_pairs = pairs_of(found)
    per_kind: Counter[str] = Counter()
    per_kind_hit: Counter[str] = Counter()
    for group in truth:
        copy_url = next(u for u in group if u in kind_of)
        per_kind[kind_of[copy_url]] += 1
        per_kind_hit[kind_of[copy_url]] += tuple(sorted(group)) in found_pairs
    return {"precision": precision, "recall": recall, "pairs": len(pairs_of(truth_groups)),
            "articles": len(records), "per_s": len(records) / elapsed,
            "per_kind": {k: (per_kind_hit[k], per_kind[k]) for k in names}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--originals", type=int, default=3000)
    parser.add_argument("--copies", type=int, default=600)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        precision, recall, pairs = demo_scores(Path(tmp))
        print(f"demo portal (real crawl): {pairs} true pairs; precision {precision:.3f}, recall {recall:.3f}")
        scores = generated_scores(Path(tmp), args.originals, args.copies)
    print(f"generated: {scores['articles']} articles, {scores['pairs']} true pairs; precision "
          f"{scores['precision']:.3f}, recall {scores['recall']:.3f}; indexed at {scores['per_s']:.0f} articles/s")
    print("| edit | copies found |")
    print("|---|---|")
    for kind, (hit, total) in scores["per_kind"].items():  # type: ignore[union-attr]
        print(f"| {kind} | {hit}/{total} |")


if __name__ == "__main__":
    main()
