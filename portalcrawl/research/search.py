"""Chinese full-text search over the archive: exact substring semantics, served by two FTS5 indexes.

Why two indexes. SQLite's default FTS5 tokenizer (unicode61) makes a whole run of Han
characters one token, so "城墙" would not find "南京城墙修缮": useless for Chinese. The
trigram tokenizer indexes every 3-character substring and answers any query of 3 or more
characters as a substring match, but it cannot answer a 1- or 2-character query ("城",
"城墙" are among the commonest Chinese searches) except by scanning every row. So:

- ``articles_fts`` (trigram, external content on ``articles``, kept in sync by triggers)
  answers terms of 3+ characters;
- ``articles_chars`` (unicode61 over the text written one character per token, contentless,
  kept in sync by the archive writer) answers terms of 1-2 characters as a phrase of
  single-character tokens.

Both are used only to find candidates: each can over-match (case and diacritic folding,
punctuation that unicode61 drops between two characters), never under-match, and a final
``instr`` on the candidates makes the result exactly what a plain substring scan returns.
Matching is case-insensitive for ASCII letters (like SQL's LIKE) and exact otherwise.
A query of several whitespace-separated terms finds articles containing every term.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from .rows import article_filters

TRIGRAM_MIN = 3  # the trigram tokenizer cannot match anything shorter
TITLE_WEIGHT = 10.0  # bm25 column weight: a hit in the title ranks above one in the body
MARK = ("**", "**")  # how a snippet marks the matched text (plain text, safe in JSON and terminals)

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class Hit:
    url: str
    title: str | None
    site: str
    published: str | None
    contributor: str | None
    snippet: str
    score: float


def fold(text: str) -> str:
    """ASCII-only lower-casing: exactly what SQLite's built-in lower() does."""
    return text.translate(_ASCII_LOWER)


def is_token_char(char: str) -> bool:
    """Whether unicode61 (default categories L* N* Co) keeps this character as part of a token."""
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


def chars_text(text: str | None) -> str:
    """The text as the character index sees it: one token per character."""
    return " ".join(char for char in (text or "") if is_token_char(char))


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


def terms_of(query: str) -> list[str]:
    return [term for term in query.split() if term]


@dataclass(frozen=True)
class _TermPlan:
    """How one term is looked up: which index, with which MATCH expression, and whether the
    index's answer must still be checked against the text."""

    term: str
    table: str | None  # None: no index can narrow this term (only separators), scan for it
    match: str
    exact: bool  # the index's answer is already exactly the substring match


def _plan(term: str) -> _TermPlan:
    if len(term) >= TRIGRAM_MIN:
        return _TermPlan(term, "articles_fts", _fts_phrase(term), exact=False)
    tokens = [c for c in term if is_token_char(c)]
    if not tokens:
        return _TermPlan(term, None, "", exact=False)
    # One character that folding cannot change (a Han character, an ASCII letter or digit) is
    # matched exactly by its token; anything else is checked against the text.
    single = len(term) == 1 and (term.isascii() or term.lower() == term == term.upper())
    return _TermPlan(term, "articles_chars", _fts_phrase(" ".join(tokens)), exact=single)


def search(conn: sqlite3.Connection, query: str, *, site: str | None = None, since: str | None = None,
           until: str | None = None, limit: int | None = 20) -> Iterator[Hit]:
    """Articles whose title or body contains every term of the query, best first.

    ``site`` is a site as stored (``http://host``) or a bare host; ``since``/``until`` are
    ISO dates compared with the published date; ``limit`` None or 0 means every hit.
    """
    plans = [_plan(term) for term in terms_of(query)]
    if not plans:
        return
    ctes, joins, scores, clauses, params = [], [], [], [], []
    for n, plan in enumerate(plans):
        if plan.table:
            weights = f"{TITLE_WEIGHT}, 1.0"
            ctes.append(f"t{n} AS (SELECT rowid AS id, bm25({plan.table}, {weights}) AS score "
                        f"FROM {plan.table} WHERE {plan.table} MATCH ?)")
            params.append(plan.match)
            joins.append(f"JOIN t{n} ON t{n}.id = a.rowid")
            scores.append(f"t{n}.score")
        if not plan.exact:
            clauses.append("(instr(lower(a.title), ?) > 0 OR instr(lower(a.body), ?) > 0)")
    for plan in plans:
        if not plan.exact:
            params += [fold(plan.term), fold(plan.term)]
    filter_clauses, filter_params = article_filters(site, since, until)
    clauses += filter_clauses
    params += filter_params
    sql = (("WITH " + ", ".join(ctes) + " ") if ctes else "")
    sql += (f"SELECT a.url, a.title, a.site, a.published, a.contributor, a.body, "
            f"{' + '.join(scores) or '0.0'} AS score FROM articles a {' '.join(joins)}")
    if clauses:
        sql += " WHERE " + " AND ".join(clauses)
    sql += " ORDER BY score, a.published DESC, a.url"
    if limit:
        sql += " LIMIT ?"
        params.append(limit)
    terms = [plan.term for plan in plans]
    for url, title, site_, published, contributor, body, score in conn.execute(sql, params):
        yield Hit(url, title, site_, published, contributor, snippet(body, terms), float(score))


def scan(conn: sqlite3.Connection, query: str) -> set[str]:
    """The reference: URLs of articles containing every term, by reading every row."""
    terms = terms_of(query)
    if not terms:
        return set()
    where = " AND ".join("(instr(lower(title), ?) > 0 OR instr(lower(body), ?) > 0)" for _ in terms)
    params = [fold(t) for t in terms for _ in range(2)]
    return {row[0] for row in conn.execute(f"SELECT url FROM articles WHERE {where}", params)}


def snippet(body: str | None, terms: list[str], width: int = 80) -> str:
    """About ``width`` characters of the body around the first match, every match marked; the
    start of the body when only the title matched."""
    text = " ".join((body or "").split())
    folded = fold(text)
    needles = [fold(t) for t in terms]
    positions = [p for p in (folded.find(n) for n in needles) if p >= 0]
    start = max(0, min(positions) - width // 3) if positions else 0
    end = min(len(text), start + width)
    window, folded_window = text[start:end], folded[start:end]
    marked, i = [], 0
    while i < len(window):
        hit = next((n for n in needles if n and folded_window.startswith(n, i)), None)
        if hit:
            marked.append(MARK[0] + window[i:i + len(hit)] + MARK[1])
            i += len(hit)
        else:
            marked.append(window[i])
            i += 1
    return ("…" if start else "") + "".join(marked) + ("…" if end < len(text) else "")
