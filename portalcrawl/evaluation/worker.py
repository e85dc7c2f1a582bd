"""Run one system over a corpus in this process and print its predictions as JSON lines.

The evaluation starts one worker per system, so a peer that crashes or hangs costs only its
own row. Timing covers the extraction call alone: pages are read first, and one untimed
call on a small synthetic article (not a corpus page) warms up imports and lazily built
tables, for every system alike. Each page is extracted once per process,
as a crawl sees it once (repeating it in-process would let a peer's caches answer).
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict

from ..pool import ExtractionPool
from .corpus import LabelledPage, load_corpus
from .systems import SYSTEMS, Prediction

_WARM_UP = LabelledPage(
    id="warm-up", url="http://example.com/a/2020/0101/1.html", title=None, date=None, author=None, body="",
    html=("<html><head><meta charset='utf-8'><title>预热页面_示例网</title></head><body>"
          "<div class='nav'><a href='/'>首页</a><a href='/a/'>新闻</a><a href='/b/'>财经</a></div>"
          "<h1>预热页面</h1><div class='info'>发布时间：2020-01-01 10:20 来源：示例网 作者：张三</div>"
          + "".join(f"<p>这是第{n}段正文，用来让每个系统完成它的初始化，并不参与计分。</p>" for n in range(6))
          + "<div class='footer'>Copyright 示例网 版权所有</div></body></html>").encode("utf-8"),
)


def _timed(extract: object, page: object) -> tuple[Prediction, float, str | None]:
    started = time.perf_counter()
    try:
        prediction, error = extract(page.html, page.url), None  # type: ignore[operator, attr-defined]
    except Exception as exc:  # a peer failing on one page loses that page only
        prediction, error = Prediction(), f"{type(exc).__name__}: {exc}"
    return prediction, time.perf_counter() - started, error


def warm_up(name: str) -> None:
    """Run in each process of the pool before its first page."""
    _timed(SYSTEMS[name], _WARM_UP)


def timed_page(name: str, html: bytes, url: str) -> tuple[Prediction, float, str | None]:
    """One page, timed, in a process of the pool."""
    return _timed(SYSTEMS[name], LabelledPage(id="", url=url, title=None, date=None, author=None, body="",
                                              html=html))


def main(argv: list[str]) -> int:
    """argv: the system, the corpus folder, and the processes to read pages in (the crawl's extraction
    pool; 0 reads them in this process)."""
    name, folder = argv[0], argv[1]
    processes = int(argv[2]) if len(argv) > 2 else 0
    pages = load_corpus(folder)
    pool = ExtractionPool(processes, timeout=600.0, function=timed_page, initializer=warm_up, initargs=(name,))
    try:
        results = [r if not isinstance(r, BaseException) else (Prediction(), 0.0, f"{type(r).__name__}: {r}")
                   for r in pool.extract_all((name, page.html, page.url) for page in pages)]
    finally:
        pool.close()
    for page, (prediction, seconds, error) in zip(pages, results, strict=True):
        row = {"id": page.id, "seconds": seconds, "error": error, **asdict(prediction)}
        sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
