"""Evaluate systems on a labelled corpus: run each in its own process, score, and report."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .corpus import LabelledPage, load_corpus
from .scoring import (
    author_contains,
    author_exact,
    body_prf,
    date_match,
    missing_and_leaked,
    snippet_found,
    title_match,
)
from .systems import Prediction, extracts

SPEED_PEERS = ("readability", "trafilatura", "gne")  # the bar: 2x the fastest of these


@dataclass
class PageScore:
    id: str
    encoding: str
    precision: float | None  # None: the page has snippet truth, not a whole body
    recall: float | None
    f1: float | None
    seconds: float
    prediction: Prediction
    title_ok: bool | None
    date_ok: bool | None
    author_exact: bool | None
    author_contains: bool | None
    error: str | None = None
    missing: list[str] = field(default_factory=list)
    leaked: list[str] = field(default_factory=list)
    snippets: int = 0  # passages the text must contain
    snippets_found: int = 0
    excluded_found: int = 0  # passages it must not contain, found anyway
    lang: str | None = None
    site: str = ""
    kind_ok: bool | None = None


def _rate(values: list[bool | None]) -> float | None:
    scored = [v for v in values if v is not None]
    return sum(scored) / len(scored) if scored else None


def body_f1(pages: list[PageScore]) -> float | None:
    rows = [p.f1 for p in pages if p.f1 is not None]
    return sum(rows) / len(rows) if rows else None


def snippet_recall(pages: list[PageScore]) -> float | None:
    """Of all the passages the snippet truth names, the share found (over passages, not pages)."""
    total = sum(p.snippets for p in pages)
    return sum(p.snippets_found for p in pages) / total if total else None


# The figures leave-one-site-out recomputes, each a function of a list of scored pages.
FOLD_METRICS: dict[str, Callable[[list[PageScore]], float | None]] = {
    "body_f1": body_f1,
    "snippet_recall": snippet_recall,
    "date": lambda pages: _rate([p.date_ok for p in pages]),
    "author_contains": lambda pages: _rate([p.author_contains for p in pages]),
}


@dataclass(frozen=True)
class Folds:
    """Leave-one-site-out: each figure recomputed once per site on every other site's pages.

    portalcrawl fits no parameters to a corpus, so a fold's figure is the extractor's score on
    the sites it leaves in; `worst` is the figure without the site that helps it most, i.e. what
    is left of any rule that only the left-out site's pages rewarded.
    """

    sites: int
    mean: dict[str, float | None]
    worst: dict[str, float | None]


@dataclass
class SystemResult:
    name: str
    pages: list[PageScore] = field(default_factory=list)
    failure: str | None = None  # the whole process failed (not installed, crashed, timed out)

    @property
    def scores_body(self) -> bool:
        return extracts(self.name, "body")

    def body_f1(self, encoding: str | None = None, lang: str | None = None) -> float | None:
        rows = [p for p in self.pages if (encoding is None or p.encoding == encoding)
                and (lang is None or p.lang == lang)]
        return body_f1(rows) if self.scores_body else None

    def share(self, low: float, high: float) -> float | None:
        scored = [p.f1 for p in self.pages if p.f1 is not None]
        if not scored or not self.scores_body:
            return None
        return sum(1 for f1 in scored if low <= f1 < high) / len(scored)

    def snippet_recall(self, lang: str | None = None) -> float | None:
        rows = [p for p in self.pages if lang is None or p.lang == lang]
        return snippet_recall(rows) if self.scores_body else None

    @property
    def languages(self) -> list[str]:
        return sorted({p.lang for p in self.pages if p.lang})

    @property
    def title(self) -> float | None:
        if not extracts(self.name, "title"):
            return None
        return _rate([p.title_ok for p in self.pages])

    @property
    def date(self) -> float | None:
        if not extracts(self.name, "date"):
            return None
        return _rate([p.date_ok for p in self.pages])

    @property
    def author_exact(self) -> float | None:
        if not extracts(self.name, "author"):
            return None
        return _rate([p.author_exact for p in self.pages])

    @property
    def author_contains(self) -> float | None:
        if not extracts(self.name, "author"):
            return None
        return _rate([p.author_contains for p in self.pages])

    @property
    def kind(self) -> float | None:
        """Share of pages whose kind (article or list) the system got right, where the truth says."""
        return _rate([p.kind_ok for p in self.pages])

    @property
    def lists_called_articles(self) -> int:
        return sum(1 for p in self.pages if p.kind_ok is False and p.prediction.kind == "article")

    @property
    def pages_per_second(self) -> float | None:
        total = sum(p.seconds for p in self.pages)
        return len(self.pages) / total if total else None

    def folds(self) -> Folds | None:
        by_site: dict[str, list[PageScore]] = {}
        for p in self.pages:
            by_site.setdefault(p.site, []).append(p)
        if len(by_site) < 2:
            return None
        mean: dict[str, float | None] = {}
        worst: dict[str, float | None] = {}
        for name, metric in FOLD_METRICS.items():
            field = {"body_f1": "body", "snippet_recall": "body", "date": "date", "author_contains": "author"}[name]
            if not extracts(self.name, field):
                mean[name] = worst[name] = None
                continue
            computed = [metric([p for p in self.pages if p.site != site]) for site in by_site]
            figures = [f for f in computed if f is not None]
            mean[name] = sum(figures) / len(figures) if figures else None
            worst[name] = min(figures) if figures else None
        return Folds(len(by_site), mean, worst)

    def to_dict(self) -> dict:
        return {
            "system": self.name, "failure": self.failure, "body_f1": self.body_f1(),
            "body_f1_gbk": self.body_f1("gbk"), "body_f1_utf8": self.body_f1("utf-8"),
            "clean": self.share(0.9, 1.01), "failures": self.share(0.0, 0.5), "title": self.title,
            "date": self.date, "author_exact": self.author_exact, "author_contains": self.author_contains,
            "pages_per_second": self.pages_per_second, "snippet_recall": self.snippet_recall(),
            "kind": self.kind, "lists_called_articles": self.lists_called_articles,
            "leave_one_site_out": (lambda f: f and {"sites": f.sites, "mean": f.mean, "worst": f.worst})(self.folds()),
            "by_language": {lang: {"body_f1": self.body_f1(lang=lang), "snippet_recall": self.snippet_recall(lang)}
                            for lang in self.languages},
            "pages": [{"id": p.id, "encoding": p.encoding, "precision": p.precision, "recall": p.recall,
                       "f1": p.f1, "seconds": p.seconds, "title_ok": p.title_ok, "date_ok": p.date_ok,
                       "author_exact": p.author_exact, "author_contains": p.author_contains, "error": p.error,
                       "snippets": p.snippets, "snippets_found": p.snippets_found, "excluded_found": p.excluded_found,
                       "site": p.site, "kind_ok": p.kind_ok,
                       "predicted": {"title": p.prediction.title, "date": p.prediction.date,
                                     "author": p.prediction.author, "kind": p.prediction.kind}}
                      for p in self.pages],
        }


def score_page(page: LabelledPage, prediction: Prediction, seconds: float, error: str | None) -> PageScore:
    has_full_date = bool(page.date and len(page.date) == 10)
    if page.body is not None:
        prf = body_prf(prediction.body, page.body)
        precision, recall, f1 = prf.precision, prf.recall, prf.f1
        missing, leaked = missing_and_leaked(prediction.body, page.body)
    else:
        precision = recall = f1 = None
        missing = [s for s in page.must_include if not snippet_found(prediction.body, s)][:3]
        leaked = [s for s in page.must_exclude if snippet_found(prediction.body, s)][:3]
    return PageScore(
        id=page.id, encoding=page.encoding_family, precision=precision, recall=recall, f1=f1,
        seconds=seconds, prediction=prediction, lang=page.lang, site=page.site,
        kind_ok=(prediction.kind == page.kind) if page.kind and prediction.kind else None,
        snippets=len(page.must_include),
        snippets_found=sum(snippet_found(prediction.body, s) for s in page.must_include),
        excluded_found=sum(snippet_found(prediction.body, s) for s in page.must_exclude),
        title_ok=title_match(prediction.title, page.title) if page.title else None,
        date_ok=date_match(prediction.date, page.date) if has_full_date else None,
        author_exact=author_exact(prediction.author, page.author) if page.author else None,
        author_contains=author_contains(prediction.author, page.author) if page.author else None,
        error=error, missing=missing, leaked=leaked,
    )


def _worker_pass(name: str, folder: Path, timeout: float, processes: int) -> dict[str, dict]:
    """One fresh process (its pages read in a pool of `processes`), one pass: {page id: row}."""
    try:
        proc = subprocess.run(
            [sys.executable, "-m", "portalcrawl.evaluation.worker", name, str(folder), str(processes)],
            capture_output=True, text=True, timeout=timeout, check=False,
        )
    except subprocess.TimeoutExpired as exc:
        raise RuntimeError(f"timed out after {timeout:.0f} s") from exc
    rows = {}
    for line in proc.stdout.splitlines():
        try:
            row = json.loads(line)
        except json.JSONDecodeError:
            continue
        rows[row["id"]] = row
    if proc.returncode != 0 or not rows:
        last = (proc.stderr.strip().splitlines() or ["no output"])[-1]
        raise RuntimeError(f"exit {proc.returncode}: {last[:200]}")
    return rows


def _faster(rows: dict[str, dict], again: dict[str, dict]) -> None:
    """Keep each page's best time over the passes (the predictions stay the first pass's)."""
    for page_id, row in again.items():
        if page_id in rows and row["seconds"] < rows[page_id]["seconds"]:
            rows[page_id]["seconds"] = row["seconds"]


def _scored(name: str, rows: dict[str, dict], pages: list[LabelledPage]) -> SystemResult:
    result = SystemResult(name)
    for page in pages:
        row = rows.get(page.id, {"seconds": 0.0, "error": "no output for this page"})
        prediction = Prediction(row.get("body") or "", row.get("title"), row.get("date"), row.get("author"),
                                row.get("kind"))
        result.pages.append(score_page(page, prediction, row["seconds"], row.get("error")))
    return result


def run_system(name: str, folder: Path, pages: list[LabelledPage], timeout: float, repeat: int) -> SystemResult:
    """Predictions from the first pass; each page's time is its best over `repeat` fresh processes."""
    return evaluate_pages(folder, pages, [name], timeout, repeat)[0]


def evaluate_pages(folder: Path, pages: list[LabelledPage], systems: list[str], timeout: float,
                   repeat: int, progress: Callable[[int], None] | None = None,
                   processes: int = 0) -> list[SystemResult]:
    """Each pass runs every system once, one after another (never side by side: they would share the
    CPU), and the passes take turns: a stretch of a busy machine slows one pass of every system
    rather than every pass of one, so the best times stay comparable."""
    rows: dict[str, dict[str, dict]] = {}
    failures: dict[str, str] = {}
    for _ in range(repeat):
        for name in systems:
            if name in failures:
                continue
            try:
                again = _worker_pass(name, folder, timeout, processes)
            except RuntimeError as exc:
                failures[name] = str(exc)
                continue
            finally:
                if progress:
                    progress(len(pages))
            if name in rows:
                _faster(rows[name], again)
            else:
                rows[name] = again
    return [SystemResult(name, failure=failures[name]) if name in failures else _scored(name, rows[name], pages)
            for name in systems]


def evaluate(folder: str | Path, systems: list[str], timeout: float = 900, repeat: int = 3,
             progress: Callable[[int], None] | None = None, processes: int = 0) -> list[SystemResult]:
    """``progress`` is told of each pass over the corpus as it ends (``repeat`` x systems x pages in all);
    ``processes``: each system reads the pages in a pool of that many (0: in its worker process)."""
    folder = Path(folder)
    return evaluate_pages(folder, load_corpus(folder), systems, timeout, repeat, progress, processes)
