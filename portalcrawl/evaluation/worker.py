"""Run one system over a corpus in this process and print its predictions as JSON lines.

The runner starts one worker per system, so a peer that crashes or hangs costs only its
own row. Timing covers the extraction call alone: pages are read first, one untimed call
warms up imports and caches, and each page's time is the best of `repeat` passes (a
shared machine adds noise, never speed), for every system alike.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict

from .corpus import load_corpus
from .systems import SYSTEMS, Prediction


def _timed(extract: object, page: object) -> tuple[Prediction, float, str | None]:
    started = time.perf_counter()
    try:
        prediction, error = extract(page.html, page.url), None  # type: ignore[operator, attr-defined]
    except Exception as exc:  # a peer failing on one page loses that page only
        prediction, error = Prediction(), f"{type(exc).__name__}: {exc}"
    return prediction, time.perf_counter() - started, error


def main(argv: list[str]) -> int:
    name, folder = argv[0], argv[1]
    repeat = int(argv[2]) if len(argv) > 2 else 1
    extract = SYSTEMS[name]
    pages = load_corpus(folder)
    _timed(extract, pages[0])
    results = [_timed(extract, page) for page in pages]
    for _ in range(repeat - 1):
        for n, page in enumerate(pages):
            seconds = _timed(extract, page)[1]
            if seconds < results[n][1]:
                results[n] = (results[n][0], seconds, results[n][2])
    for page, (prediction, seconds, error) in zip(pages, results, strict=True):
        row = {"id": page.id, "seconds": seconds, "error": error, **asdict(prediction)}
        sys.stdout.write(json.dumps(row, ensure_ascii=False, default=str) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
