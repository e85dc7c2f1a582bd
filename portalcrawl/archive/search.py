"""Chinese full-text search over the archive: exact substring semantics, served by two FTS5 indexes.

Why two indexes. SQLite's default FTS5 tokenizer (unicode61) makes a whole run of Han
characters one token, so "城墙" would not find "南京城墙修缮": useless for Chinese. The
trigram tokenizer indexes every 3-character substring and answers any query of 3 or more
characters as a substring match, but it cannot answer a 1- or 2-character query ("城",
"城墙" are among the commonest Chinese searches) except by scanning every row. So:

- ``articles_fts`` (trigram, external content on ``articles``, kept in sync by triggers)
  answers terms of 3+ characters;
- ``articles_chars`` (unicode61 over the text written one character per token, spaces and
  punctuation as a stand-in token; contentless, kept in sync through a queue the triggers
  fill, see search_index.py) answers terms of 1-2 characters as a phrase of such tokens.

Both may over-match only through case folding (and the stand-in, for a short term with
punctuation), never under-match. A term of uncased characters (Han, digits) is answered by
the index alone; any other term is also checked with ``instr`` on the candidates, so the
result is always exactly what a plain substring scan returns. Matching is case-insensitive
for ASCII letters (like SQL's LIKE) and exact otherwise. A query of several
whitespace-separated terms finds the articles containing every term. Hits are ranked by
BM25 from the indexes, a title hit weighing ``TITLE_WEIGHT`` times a body hit.
"""

from __future__ import annotations

import sqlite3
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass

from .queries import article_filters
from .search_index import chars_text, fold, is_token_char

TRIGRAM_MIN = 3  # the trigram tokenizer cannot match anything shorter
TITLE_WEIGHT = 10.0  # bm25 column weight: a hit in the title ranks above one in the body
MAX_TERMS = 32  # different words in one query
# Words looked up in an index (the longest, the most selective); any others are checked on the
# candidates' text, so a query of many words costs a few index lookups, not one join per word.
INDEXED_TERMS = 4
LIMIT_MAX = 2**62  # a larger limit is no limit (SQLite's integers are 64-bit)
MARK = ("**", "**")  # around each match in a snippet (plain text, safe in JSON and terminals)


@dataclass(frozen=True)
class Hit:
    url: str
    title: str | None
    site: str
    published: str | None
    contributor: str | None
    snippet: str
    score: float


def _caseless(char: str) -> bool:
    """No index folds it into another character (Han, kana, digits, punctuation)."""
    return char.lower() == char == char.upper() and unicodedata.category(char) != "Co"


def _fts_phrase(term: str) -> str:
    return '"' + term.replace('"', '""') + '"'


class QueryError(ValueError):
    """A query that cannot be searched for; the message says why in one line."""


def terms_of(query: str) -> list[str]:
    """The query's distinct words, in order; a query of too many, or of text that is no text, is refused."""
    terms = list(dict.fromkeys(query.split()))
    if len(terms) > MAX_TERMS:
        raise QueryError(f"a query of {len(terms)} different words: at most {MAX_TERMS} are searched for together")
    for term in terms:
        try:
            term.encode("utf-8")
        except UnicodeEncodeError:
            raise QueryError("the query is not valid text (bytes that are not UTF-8?)") from None
        if "\x00" in term:  # the indexes' query language ends a string there
            raise QueryError("the query holds a NUL character")
    return terms


def _contains(alias: str = "") -> str:
    """The substring test that defines a match, for one term (two parameters: the folded term)."""
    return f"(instr(lower({alias}title), ?) > 0 OR instr(lower({alias}body), ?) > 0)"


@dataclass(frozen=True)
class _TermPlan:
    """How one term is looked up: which index, with which MATCH expression, and whether the
    index's answer must still be checked against the text."""

    term: str
    table: str
    match: str
    exact: bool  # the index's answer is exactly the substring match: no need to read the text


def _plan(term: str) -> _TermPlan:
    # Both indexes fold case (the trigram one for every script, unicode61 too), and the
    # character index spells all punctuation with one stand-in: a term with a cased letter, or
    # with punctuation in the character index, is checked against the text.
    if len(term) >= TRIGRAM_MIN:
        return _TermPlan(term, "articles_fts", _fts_phrase(term), exact=all(_caseless(c) for c in term))
    exact = all(_caseless(c) and is_token_char(c) for c in term)
    return _TermPlan(term, "articles_chars", _fts_phrase(chars_text(term)), exact=exact)


def _pending(conn: sqlite3.Connection) -> bool:
    """Whether changes wait for the character index (made by hand, since the last write through
    portalcrawl): a read-only reader cannot apply them, so it reads those articles directly."""
    return conn.execute("SELECT EXISTS(SELECT 1 FROM articles_chars_queue)").fetchone()[0] == 1


def search(conn: sqlite3.Connection, query: str, *, site: str | None = None, since: str | None = None,
           until: str | None = None, limit: int | None = 20, snippets: bool = True) -> Iterator[Hit]:
    """Articles whose title or body contains every term of the query, best first.

    ``site`` is a site as stored (``http://host``) or a bare host; ``since``/``until`` are
    ISO dates compared with the published date; ``limit`` None or 0 means every hit;
    ``snippets`` False leaves them empty (for callers that only want the articles).
    """
    terms = terms_of(query)
    if not terms:
        return
    if limit and limit > LIMIT_MAX:
        limit = None
    indexed = sorted(terms, key=len, reverse=True)[:INDEXED_TERMS]
    plans = [_plan(term) for term in indexed]
    pending = any(plan.table == "articles_chars" for plan in plans) and _pending(conn)
    ctes, params, clauses, clause_params = [], [], [], []
    for term in terms:
        if term not in indexed:
            clauses.append(_contains("a."))
            clause_params += [fold(term)] * 2
    for n, plan in enumerate(plans):
        lookup = (f"SELECT rowid AS id, bm25({plan.table}, {TITLE_WEIGHT}, 1.0) AS score "
                  f"FROM {plan.table} WHERE {plan.table} MATCH ?")
        if pending and plan.table == "articles_chars":
            # The queued articles are candidates too (ranked last), and every candidate is checked on its text.
            lookup = (f"SELECT id, min(score) AS score FROM ({lookup} UNION ALL "
                      "SELECT article AS id, 0.0 AS score FROM articles_chars_queue) GROUP BY id")
            plan = _TermPlan(plan.term, plan.table, plan.match, exact=False)
        ctes.append(f"t{n} AS ({lookup})")
        params.append(plan.match)
        if not plan.exact:
            clauses.append(_contains("a."))
            clause_params += [fold(plan.term)] * 2
    filter_clauses, filter_params = article_filters(site, since, until)
    clauses += filter_clauses
    clause_params += filter_params
    joins = " ".join(f"JOIN t{n} ON t{n}.id = t0.id" for n in range(1, len(plans)))
    score = " + ".join(f"t{n}.score" for n in range(len(plans)))
    # Rank from the indexes alone; read articles only to check inexact terms and filters, and
    # for the hits shown.
    ranked = f"SELECT t0.id AS id, {score} AS score FROM t0 {joins}"
    if clauses:
        ranked += " JOIN articles a ON a.rowid = t0.id WHERE " + " AND ".join(clauses)
    ranked += " ORDER BY score, t0.id DESC"
    if limit:
        ranked += " LIMIT ?"
        clause_params.append(limit)
    sql = (f"WITH {', '.join(ctes)}, ranked AS ({ranked}) "
           f"SELECT a.url, a.title, a.site, a.published, a.contributor, {'a.body' if snippets else 'NULL'}, "
           f"ranked.score FROM ranked JOIN articles a ON a.rowid = ranked.id ORDER BY ranked.score, ranked.id DESC")
    for url, title, site_, published, contributor, body, rank in conn.execute(sql, params + clause_params):
        yield Hit(url, title, site_, published, contributor, snippet(body, terms) if snippets else "", float(rank))


def scan(conn: sqlite3.Connection, query: str) -> set[str]:
    """The reference: URLs of articles containing every term, by reading every row."""
    terms = terms_of(query)
    if not terms:
        return set()
    where = " AND ".join(_contains() for _ in terms)
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
