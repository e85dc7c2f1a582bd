"""What the ``cmseasy`` and ``metinfo`` sites share: articles kept as dataclasses that carry the traps they are set
(a summary box, no ``<h1>``, a date only in JSON-LD) and their comments, and the truth of such an article."""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from ..model import TruthArticle


@dataclass(kw_only=True)
class Traps:
    """What an article is set besides its content: the site's dataclass adds its fields (``path``, ``title``,
    ``when``, ``author``, ``body``, ``shape``...) before these."""

    summary: bool = False  # a summary box (内容提要, 导读) repeating the lead
    no_h1: bool = False  # no <h1>: the headline is only in <title>
    ld_only: bool = False  # no visible date: it is only in JSON-LD
    comments: list[tuple[str, str, str]] = field(default_factory=list)  # (name, "YYYY-MM-DD HH:MM", text)


def set_traps(prose: list[Any], start: int) -> None:
    """From ``start`` on: five prose articles get a summary box, the next three no ``<h1>``, the next three their
    date only in JSON-LD."""
    for a in prose[start : start + 5]:
        a.summary = True
    for a in prose[start + 5 : start + 8]:
        a.no_h1 = True
    for a in prose[start + 8 : start + 11]:
        a.ld_only = True


def add_comments(
    arts: list[Any], rng: random.Random, commenters: list[str], hours: tuple[int, int], counts: tuple[int, int],
    text: Callable[[Any], str],
) -> None:
    """Comments on each of ``arts``: ``counts`` of them (at random), each by one of ``commenters``, ``hours`` after
    the article, saying ``text(article)``."""
    for a in arts:
        a.comments = [
            (
                rng.choice(commenters),
                (a.when + timedelta(hours=rng.randint(*hours))).strftime("%Y-%m-%d %H:%M"),
                text(a),
            )
            for _ in range(rng.randint(*counts))
        ]


def truth_article(a: Any, aliases: list[str]) -> TruthArticle:
    """The article as a correct archive holds it."""
    return TruthArticle(
        path=a.path, title=a.title, published=a.when.strftime("%Y-%m-%d"), contributor=a.author, body=a.body,
        shape=a.shape, aliases=aliases,
    )
