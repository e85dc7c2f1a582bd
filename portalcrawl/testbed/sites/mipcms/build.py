"""Builds the ``mipcms`` test site: its articles, the resources it serves for a base URL (``rendering.py`` holds
what the pages share, ``render_articles.py`` and ``render_pages.py`` the pages), and its truth."""

from __future__ import annotations

import random

from ...model import Resource, TestSite, TruthArticle, TruthPage
from .articles import make_articles
from .content import CATEGORIES, FRIEND_LINKS, KEY, PER_PAGE, SEARCHES, SEED, SITE, SITE_INFO, TAGS
from .render_articles import article_pages
from .render_pages import category_lists, home_page, search_pages, sitemap, special_page, tag_pages
from .rendering import Rendering


def build() -> TestSite:
    """The ``mipcms`` test site: its truth, and its pages rendered for the base URL the server gives it."""
    rng = random.Random(SEED)
    arts = make_articles(rng)
    name_of = {c: n for c, n, _t in CATEGORIES}

    def render(base: str) -> dict[str, Resource]:
        r = Rendering(base, SITE_INFO, arts, name_of)
        for serve in (article_pages, category_lists, tag_pages, search_pages, special_page, home_page, sitemap):
            serve(r)  # in the order the site serves them
        return r.out

    articles = [
        TruthArticle(
            path=a["path"],
            title=a["title"],
            published=a["date"],
            contributor=None,
            body=a["lines"],
            shape=a["shape"],
            aliases=[a["alias"]] if a.get("alias") else [],
        )
        for a in arts
    ]
    pages = [TruthPage("/", "home", aliases=["/index.php"])]
    for cat, _n, _t in CATEGORIES:
        count = sum(1 for a in arts if a["cat"] == cat)
        pages.append(TruthPage(f"/{cat}/", "list"))
        for k in range(2, (count + PER_PAGE - 1) // PER_PAGE + 1):
            pages.append(TruthPage(f"/{cat}/index_{k}.html", "list"))
    for _name, slug in TAGS:
        pages.append(TruthPage(f"/tag/{slug}/", "tag"))
    for word in SEARCHES:
        pages.append(TruthPage(f"/search/?keywords={word}", "search"))
    pages.append(TruthPage("/zhuanlan.html", "special"))
    orig = next(a for a in arts if a["title"] == "跳槽之前，先算一算这笔账" and a["cat"] == "zhichang")
    copy = next(a for a in arts if a["title"] == "跳槽之前，先算一算这笔账" and a["cat"] == "chuangye")
    return TestSite(
        key=KEY, name=SITE,
        modelled_after="MIPCMS (default theme: article/articleDetail.html, article/article.html, tag/tagDetail.html)",
        encoding="utf-8", render=render, articles=articles, pages=pages, friend_links=list(FRIEND_LINKS),
        copies=[(orig["path"], copy["path"])],
    )
