"""The testbed as data: sites, their pages as served, and their truth.

A site renders its pages only once the server knows its base URL (absolute links, canonical
links and JSON-LD carry the host). Truth is kept by path, so it is the same on every run
whatever ports the servers get.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Resource:
    """One response as the server sends it."""

    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class TruthArticle:
    """An article as a correct archive holds it: one record, under its canonical path."""

    path: str  # canonical path of the article's (first) page, e.g. "/news/2023/0412/57.html"
    title: str  # the headline as the page shows it (no site name)
    published: str | None  # "YYYY-MM-DD" as the page gives it (text, JSON-LD or <meta>), None when it gives none
    contributor: str | None  # the author's name as printed, without role words; None when the page names nobody
    body: list[str]  # the article's text as a reader sees it, one line per paragraph / caption / table row
    shape: str = "prose"  # prose | table | lines | gallery | qa | poem: what the body is made of
    aliases: list[str] = field(default_factory=list)  # other paths that serve this same article


@dataclass
class TruthPage:
    """A page that is not an article, and must never become an article record."""

    path: str
    kind: str  # home | list | tag | search | special | other
    aliases: list[str] = field(default_factory=list)  # other paths that serve this same page


@dataclass
class TestSite:
    key: str  # short identifier, also the module name: "metinfo"
    name: str  # the site's name as its pages print it
    modelled_after: str  # the CMS and theme whose default templates it follows
    encoding: str  # the encoding its HTML is served in
    render: Callable[[str], dict[str, Resource]]  # base URL ("http://127.0.0.1:PORT") -> path -> response
    articles: list[TruthArticle]
    pages: list[TruthPage]  # every non-article page a crawl from "/" can reach
    friend_links: list[tuple[str, str]] = field(default_factory=list)  # (text, absolute URL) of its 友情链接
    copies: list[tuple[str, str]] = field(default_factory=list)  # paths of near-copies within the site

    def truth(self) -> dict:
        """The JSON-ready truth (see truth.py)."""
        return {
            "name": self.name,
            "modelled_after": self.modelled_after,
            "encoding": self.encoding,
            "articles": [vars(a) for a in self.articles],
            "pages": [vars(p) for p in self.pages],
            "friend_links": [list(link) for link in self.friend_links],
            "copies": [list(pair) for pair in self.copies],
        }
