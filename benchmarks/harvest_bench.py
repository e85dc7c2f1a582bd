"""Benchmark: harvest a generated portal twice, at two sizes, and print what it cost.

For each size (articles): the first harvest's pages per second, the second harvest's number
of requests (an unchanged portal: robots.txt and list pages only), and the peak memory (RSS)
of each harvest process. Peak memory must not grow with the size of the archive.

    .venv/bin/python benchmarks/harvest_bench.py [--sizes 5000,20000]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sys
import tempfile
from pathlib import Path

from measure import run_measured

from portalcrawl.demo import text_bank
from portalcrawl.demo.model import DemoArticle, DemoPortal, DemoSite
from portalcrawl.demo.server import DemoServer

CATEGORIES = [(f"栏目{n}", f"c{n}") for n in range(10)]
TOPICS = list(text_bank.GRAMMAR)


def generated_portal(size: int) -> DemoPortal:
    rng = random.Random(size)
    site = DemoSite("big", "大门户", "dede", "gbk", CATEGORIES, per_list_page=20)
    for aid in range(1, size + 1):
        name, slug = CATEGORIES[aid % len(CATEGORIES)]
        topic = TOPICS[aid % len(TOPICS)]
        date = dt.date(2015, 1, 1) + dt.timedelta(days=aid % 3000)
        site.articles.append(DemoArticle(
            site="big", aid=aid, path=f"/a/{date:%Y}/{date:%m%d}/{aid}.html", category=name, slug=slug,
            title=f"{rng.choice(text_bank.HEADLINE_HEADS[topic])}之{aid}", date=date, time=None,
            shown_date=f"{date.month}月{date.day}日", truth_published=date.isoformat(), contributor="林语",
            source=None, editor=None, byline="林语投稿", paragraphs=text_bank.paragraphs(topic, rng, 4),
        ))
    return DemoPortal(sites={"big": site, "mirror": DemoSite("mirror", "镜像", "phpcms", "utf-8", [], 10)},
                      missing=[], redirects={})


def harvest(config: Path, db: Path) -> tuple[float, int]:
    elapsed, rss, _ = run_measured("harvest", "--config", str(config), "--db", str(db))
    return elapsed, rss


def bench(size: int, folder: Path) -> dict[str, float]:
    server = DemoServer(generated_portal(size))
    server.start()
    try:
        config = folder / f"portals-{size}.toml"
        config.write_text(f'[harvest]\nlog_dir = "{folder}/logs"\n[portals.big]\n'
                          f'start_urls = ["{server.bases["big"]}/"]\ndelay = 0\nconcurrency = 16\n', encoding="utf-8")
        db = folder / f"archive-{size}.db"
        site = server.sites["big"]
        first_elapsed, first_rss = harvest(config, db)
        first_requests = len(site.requests)
        second_elapsed, second_rss = harvest(config, db)
        second_requests = len(site.requests) - first_requests
    finally:
        server.stop()
    return {"size": size, "first_pages_per_s": first_requests / first_elapsed, "first_requests": first_requests,
            "first_rss_mib": first_rss / 1024, "second_requests": second_requests,
            "second_s": second_elapsed, "second_rss_mib": second_rss / 1024}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="5000,20000", help="article counts, comma-separated")
    sizes = [int(s) for s in parser.parse_args().sizes.split(",")]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for size in sizes:
            rows.append(bench(size, Path(tmp)))
            print(f"... {size} articles done", file=sys.stderr)
    print("| articles | 1st run pages/s | 1st run requests | 1st run peak RSS | 2nd run requests | "
          "2nd run time | 2nd run peak RSS |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['size']} | {r['first_pages_per_s']:.0f} | {r['first_requests']} | {r['first_rss_mib']:.0f} MiB | "
              f"{r['second_requests']} | {r['second_s']:.1f} s | {r['second_rss_mib']:.0f} MiB |")


if __name__ == "__main__":
    main()
