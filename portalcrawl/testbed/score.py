"""Score an archive of a testbed crawl against the sites' truth.

Articles are matched by path (an alias path counts as its article's). Precision: stored article
records that are truth articles; recall: truth articles stored. Fields are scored on the matched
articles with the shared corpus definitions (evaluation/scoring.py): body bag-of-tokens F1, title
exact after normalisation, date exact, contributor exact after normalisation (a page that names
nobody must give nobody). Friend links: recall of each site's 友情链接 in the links table. Copies:
precision and recall of the pairs in the copies table.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..archive import Archive
from ..archive.urls import normalize_url
from ..contract import LinkKind
from ..evaluation.scoring import author_exact, body_prf, title_match


@dataclass
class Score:
    truth_articles: int = 0
    stored: int = 0
    matched: int = 0
    body_f1: list[float] = field(default_factory=list)
    title: int = 0
    date: int = 0
    contributor: int = 0
    friend_truth: int = 0
    friend_found: int = 0
    copy_found: int = 0
    copy_right: int = 0
    copy_truth: int = 0
    wrong: list[str] = field(default_factory=list)  # what went wrong, one line each

    def add(self, other: Score) -> None:
        for name, value in vars(other).items():
            setattr(self, name, getattr(self, name) + value)

    def figures(self) -> dict[str, float]:
        n = max(self.matched, 1)
        return {
            "precision": self.matched / self.stored if self.stored else 1.0,
            "recall": self.matched / self.truth_articles if self.truth_articles else 1.0,
            "body_f1": sum(self.body_f1) / len(self.body_f1) if self.body_f1 else 0.0,
            "title": self.title / n, "date": self.date / n, "contributor": self.contributor / n,
            "friend_recall": self.friend_found / self.friend_truth if self.friend_truth else 1.0,
            "copy_precision": self.copy_right / self.copy_found if self.copy_found else 1.0,
            "copy_recall": self.copy_right / self.copy_truth if self.copy_truth else 1.0,
        }


def _path(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


Record = tuple[str, str | None, str | None, str | None, str]  # url, title, published, contributor, body


def score_site(archive: Archive, base: str, truth: dict) -> Score:
    rows = [(a["url"], a["title"], a["published"], a["contributor"], a["body"])
            for a in archive.articles(site=base.lower())]
    score = score_records(rows, base, truth)
    friends = {normalize_url(url) for _, url in truth["friend_links"]}
    found = archive.link_targets(base.lower(), LinkKind.FRIEND)
    score.friend_truth, score.friend_found = len(friends), len(friends & found)
    by_path = _by_path(base, truth)
    truth_pairs = {frozenset(pair) for pair in truth["copies"]}
    score.copy_truth = len(truth_pairs)
    for a, b in archive.copy_pairs(base.lower()):
        pa, pb = by_path.get(_path(a)), by_path.get(_path(b))
        score.copy_found += 1
        if pa and pb and frozenset((pa["path"], pb["path"])) in truth_pairs:
            score.copy_right += 1
        else:
            score.wrong.append(f"false copy: {_path(a)} ~ {_path(b)}")
    return score


def _by_path(base: str, truth: dict) -> dict[str, dict]:
    return {_path(normalize_url(base + path)): article for article in truth["articles"]
            for path in [article["path"], *article.get("aliases", [])]}


def score_records(rows: list[Record], base: str, truth: dict) -> Score:
    """Article precision, recall and fields of a site's article records (as stored, or extracted)."""
    score = Score(truth_articles=len(truth["articles"]))
    by_path = _by_path(base, truth)
    kinds = {_path(normalize_url(base + p)): page["kind"] for page in truth["pages"]
             for p in [page["path"], *page.get("aliases", [])]}
    score.stored = len(rows)
    seen: dict[str, str] = {}  # truth path -> stored url
    for url, title, published, contributor, body in rows:
        article = by_path.get(_path(url))
        if article is None:
            score.wrong.append(f"not an article: {_path(url)} ({kinds.get(_path(url), 'unknown page')})")
            continue
        if article["path"] in seen:
            score.wrong.append(f"stored twice: {article['path']} as {seen[article['path']]} and {url}")
            continue
        seen[article["path"]] = url
        score.matched += 1
        f1 = body_prf(body or "", "\n".join(article["body"])).f1
        score.body_f1.append(f1)
        if f1 < 0.9:
            score.wrong.append(f"body F1 {f1:.2f} ({article['shape']}): {article['path']}")
        if title_match(title, article["title"]):
            score.title += 1
        else:
            score.wrong.append(f"title {title!r} != {article['title']!r}: {article['path']}")
        if (published or "")[:10] == (article["published"] or ""):
            score.date += 1
        else:
            score.wrong.append(f"date {published} != {article['published']}: {article['path']}")
        if (contributor is None and article["contributor"] is None) or author_exact(contributor,
                                                                                    article["contributor"]):
            score.contributor += 1
        else:
            score.wrong.append(f"contributor {contributor!r} != {article['contributor']!r}: {article['path']}")
    missing = [a["path"] for a in truth["articles"] if a["path"] not in seen]
    score.wrong += [f"lost: {path}" for path in missing]
    return score


def score_archive(db: str, bases: dict[str, str], truth: dict[str, dict]) -> dict[str, Score]:
    """Per site key, and "all"."""
    with Archive(db) as archive:
        scores = {key: score_site(archive, base, truth[key]) for key, base in bases.items()}
    total = Score()
    for score in scores.values():
        total.add(score)
    scores["all"] = total
    return scores
