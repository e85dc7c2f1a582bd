"""Builds the ``phpwind`` test site: its members, threads and portal articles, the resources it serves for a base
URL (``rendering.py`` holds what the pages share, ``render_threads.py`` and ``render_pages.py`` the pages), and its
truth."""

from __future__ import annotations

import random

from ...model import Resource, TestSite, TruthArticle, TruthPage
from .content import ENC, FORUMS, FRIEND_LINKS, KEY, PER_PAGE, SEED, SITE, SITE_INFO
from .render_pages import home_page, portal_pages, search_pages, special_page, tag_pages
from .render_threads import thread_lists, thread_pages
from .rendering import Rendering
from .templates_blocks import tag_url
from .threads import make_portal, make_threads, make_users


def build() -> TestSite:
    """The ``phpwind`` test site: its truth, and its pages rendered for the base URL the server gives it."""
    rng = random.Random(SEED)
    users = make_users(rng)
    uids = list(users)
    forum_of = {fid: (name, topic, intro) for fid, name, topic, intro in FORUMS}

    threads, by_title = make_threads(rng, uids, forum_of)
    portal = make_portal(rng)

    alias_thread = next(t for t in threads if t["title"] == "聊聊我们组的代码评审")
    tag_names = ["运维", "创业故事", "随手拍"]
    searches = ["mysql", "python"]

    def render(base: str) -> dict[str, Resource]:
        r = Rendering(base, SITE_INFO, threads, portal, users, forum_of, alias_thread, tag_names, searches)
        for serve in (thread_pages, thread_lists, portal_pages, home_page, tag_pages, search_pages, special_page):
            serve(r)  # in the order the site serves them
        return r.out

    # --- truth --------------------------------------------------------------------------------
    articles = []
    for th in threads:
        aliases = [f"/index.php?c=read&tid={th['tid']}&fid={th['fid']}"] if th is alias_thread else []
        articles.append(
            TruthArticle(
                path=f"/read.php?tid={th['tid']}",
                title=th["title"],
                published=th["date"],
                contributor=users[th["author"]]["name"],
                body=th["lines"],
                shape=th["shape"],
                aliases=aliases,
            )
        )
    for p in portal:
        articles.append(
            TruthArticle(
                path=f"/index.php?m=cms&q=view&id={p['id']}",
                title=p["title"],
                published=p["date"],
                contributor=p["author"],
                body=p["lines"],
            )
        )
    pages = [TruthPage("/", "home", aliases=["/index.php"])]
    for fid, _name, _topic, _intro in FORUMS:
        n_pages = (sum(1 for t in threads if t["fid"] == fid) + PER_PAGE - 1) // PER_PAGE
        pages.append(TruthPage(f"/thread.php?fid={fid}", "list", aliases=[f"/thread.php?fid={fid}&page=1"]))
        for k in range(2, n_pages + 1):
            pages.append(TruthPage(f"/thread.php?fid={fid}&page={k}", "list"))
    for name in tag_names:
        pages.append(TruthPage(tag_url("", name), "tag"))
    for word in searches:
        pages.append(TruthPage(f"/index.php?m=search&c=s&keyword={word}", "search"))
    pages.append(TruthPage("/index.php?m=special&id=1", "special"))
    orig, copy = by_title["一次线上故障的复盘"], by_title["一次线上故障的复盘（转）"]
    return TestSite(
        key=KEY, name=SITE,
        modelled_after="PHPWind 9 (default wind theme: bbs/read_run, read_floor, thread_run; portal CMS-mode view)",
        encoding=ENC, render=render, articles=articles, pages=pages, friend_links=list(FRIEND_LINKS),
        copies=[(f"/read.php?tid={orig['tid']}", f"/read.php?tid={copy['tid']}")],
    )
