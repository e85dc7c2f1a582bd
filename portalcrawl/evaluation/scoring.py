"""The scoring definitions of the shared corpus README, in one place.

Body: bag-of-tokens precision/recall/F1 after NFKC and lower-casing, a token being one
CJK character or a run of letters/digits. Title: exact after removing whitespace and
punctuation. Date: exact YYYY-MM-DD. Author: exact, and containment either way. Copies:
pairwise precision and recall of clusters.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

_CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff"
_TOKEN = re.compile(rf"[{_CJK}]|[^\W_{_CJK}]+")


def normalize(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").lower()


def body_tokens(text: str) -> list[str]:
    return _TOKEN.findall(normalize(text))


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float


def body_prf(predicted: str, truth: str) -> PRF:
    pred, gold = Counter(body_tokens(predicted)), Counter(body_tokens(truth))
    if not pred and not gold:
        return PRF(1.0, 1.0, 1.0)
    overlap = sum((pred & gold).values())
    precision = overlap / sum(pred.values()) if pred else 0.0
    recall = overlap / sum(gold.values()) if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return PRF(precision, recall, f1)


def snippet_found(predicted: str, snippet: str) -> bool:
    """A passage of snippet truth is found when it stands in the extracted text, both NFKC-normalised and
    with all whitespace removed (trafilatura's evaluation's definition)."""
    def flat(text: str) -> str:
        return "".join(unicodedata.normalize("NFKC", text).split())

    return bool(flat(snippet)) and flat(snippet) in flat(predicted)


def _squash(text: str | None) -> str:
    return "".join(ch for ch in normalize(text or "") if ch.isalnum())


def title_match(predicted: str | None, truth: str | None) -> bool:
    return bool(truth) and _squash(predicted) == _squash(truth)


def date_match(predicted: str | None, truth: str | None) -> bool:
    return bool(truth) and (predicted or "")[:10] == truth


def author_exact(predicted: str | None, truth: str | None) -> bool:
    return bool(truth) and _squash(predicted) == _squash(truth)


def author_contains(predicted: str | None, truth: str | None) -> bool:
    p, t = _squash(predicted), _squash(truth)
    return bool(p) and bool(t) and (p in t or t in p)


def missing_and_leaked(predicted: str, truth: str, top: int = 3) -> tuple[list[str], list[str]]:
    """Lines of the truth not recovered, and extracted lines absent from the truth (worst first)."""
    gold_tokens = Counter(body_tokens(truth))
    pred_tokens = Counter(body_tokens(predicted))

    def share(line: str, reference: Counter) -> float:
        toks = body_tokens(line)
        return sum(1 for t in toks if reference[t]) / len(toks) if toks else 1.0

    missing = [ln for ln in truth.splitlines() if ln.strip() and share(ln, pred_tokens) < 0.5]
    leaked = [ln for ln in predicted.splitlines() if ln.strip() and share(ln, gold_tokens) < 0.5]
    missing.sort(key=lambda ln: -len(ln))
    leaked.sort(key=lambda ln: -len(ln))
    return missing[:top], leaked[:top]


def pairs_of(groups: Iterable[Iterable[str]]) -> set[tuple[str, str]]:
    """Every unordered pair of articles that share a group."""
    found = set()
    for group in groups:
        members = sorted(set(group))
        found.update((a, b) for i, a in enumerate(members) for b in members[i + 1:])
    return found


def precision_recall(found: Iterable[Iterable[str]], truth: Iterable[Iterable[str]]) -> tuple[float, float]:
    """Pairwise precision and recall of found clusters against true ones (1.0 when there is nothing to find)."""
    got, want = pairs_of(found), pairs_of(truth)
    hit = len(got & want)
    return (hit / len(got) if got else 1.0), (hit / len(want) if want else 1.0)
