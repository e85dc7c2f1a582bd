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


def main(argv: list[str]) -> int:
    name, folder = argv[0], argv[1]
    extract = SYSTEMS[name]
    pages = load_corpus(folder)
    _timed(extract, _WARM_UP)
    results = [_timed(extract, page) for page in pages]
    for page, (prediction, seconds, error) in zip(pages, results, strict=True):
        row = {"id": page.id, "seconds": seconds, "error": error, **asdict(prediction)}
        sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
