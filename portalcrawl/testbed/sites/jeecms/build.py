"""Builds the JEECMS test site: its pages (home, channel lists, articles and the static alias, tags, search, the
special topic), the resources it serves for a base URL, and its truth."""

from __future__ import annotations

import random
from typing import Any

from ...model import Resource, TestSite
from .._channels import PortalPages, search_hits, truth_of
from .articles import make_articles
from .content import CHANNELS, DOMAIN, FRIEND_LINKS, SEARCH_WORDS, SEED, SITE_NAME, STUBS, TAGS
from .templates_article import article_page
from .templates_pages import home_page, list_page, search_like_page, topic_page


def build() -> TestSite:
    """The ``jeecms`` test site: its truth, and its pages rendered for the base URL the server gives it."""
    rng = random.Random(SEED)
    arts = make_articles(rng)
    channels = []
    for c in CHANNELS:
        ch_arts = sorted((a for a in arts if a["channel"]["path"] == c["path"]), key=lambda a: a["id"], reverse=True)
        c2 = dict(c)
        c2["url"] = f"/{c['path']}/index.jhtml"
        c2["articles"] = ch_arts
        c2["pages"] = [ch_arts[i : i + 8] for i in range(0, len(ch_arts), 8)]
        c2["page_urls"] = [c2["url"]] + [f"/{c['path']}/index_{n}.jhtml" for n in range(2, len(c2["pages"]) + 1)]
        channels.append(c2)
        for a in ch_arts:
            a["channel"] = c2
        for k, a in enumerate(ch_arts):  # JEECMS: 上一篇 is the newer neighbour in the channel
            a["prev"] = ch_arts[k - 1] if k > 0 else None
            a["next"] = ch_arts[k + 1] if k + 1 < len(ch_arts) else None
    tags = [{"id": n + 1, "name": name, "url": f"/tag/{n + 1}.jspx"} for n, name in enumerate(TAGS)]
    channel_tag = {"tech": tags[0], "startup": tags[1], "life": tags[2]}
    for a in arts:
        a["tags"] = [channel_tag[a["channel"]["path"]]]
        if a["channel"]["path"] != "tech" and rng.random() < 0.45:
            a["tags"].append(tags[3])
        same = [b for b in a["channel"]["articles"] if b is not a]
        a["related"] = rng.sample(same, 4)
    for t in tags:
        t["articles"] = sorted((a for a in arts if t in a["tags"]), key=lambda a: a["id"], reverse=True)
    hot = sorted(arts, key=lambda a: a["views"], reverse=True)[:5]
    for a in arts:
        a["ncomments"] = len(a["comments"])
    latest = sorted(arts, key=lambda a: (a["date"], a["time"]), reverse=True)[:8]
    copy = next(a for a in arts if a["copy_of"])
    original = copy["copy_of"]
    alias_art = next(a for a in arts if a["channel"]["path"] == "life" and a["shape"] == "prose"
                     and not a["title_only"])
    alias_path = f"/life/{alias_art['date'][:7].replace('-', '')}/{alias_art['id']}.htm"
    alias_art["aliases"] = [alias_path]
    topic_items = [a for a in arts if a["channel"]["path"] == "life"][:7]
    if alias_art not in topic_items:
        topic_items[-1] = alias_art
    for a in arts:
        a["topic_url"] = alias_path if a is alias_art else a["url"]
    topic = {
        "name": "城市慢生活", "url": "/topic/1.jspx", "img": "/u/cms/www/topic/slowlife.jpg",
        "intro": "节奏越来越快的城市里，总有人愿意慢下来：在老街吃一碗馄饨，在河边看一次日落，在周末读完一本旧书。"
                 "本专题收录了本站近年来关于城市生活与日常点滴的文章，希望这些平淡的故事，能让你在忙碌之余停一停。",
        "items": topic_items,
    }
    good_comments = [(a["comments"][0], a) for a in arts if a["comments"]][:4]
    search_words = [{"word": w, "url": f"/search.jspx?q={w}"} for w in SEARCH_WORDS]
    site: dict[str, Any] = {
        "name": SITE_NAME, "domain": DOMAIN, "channels": channels, "hot": hot, "latest": latest,
        "topic": topic, "search_words": search_words, "friend_links": FRIEND_LINKS,
        "corp": "http://www.qinghe-media.com", "icp": "电话：0731-84561200　ICP备案号：湘ICP备18004521号",
        "statement": "声明：本站部分文章来源于网络，转载目的在于传递更多信息，版权归原作者所有。"
                     "如涉及作品内容、版权等问题，请在30日内与本站联系，我们将在第一时间删除。",
        "keywords": "青禾资讯,科技,创业,生活", "description": "青禾资讯网，关注科技、创业与城市生活。",
        "good_comments": good_comments,
        "pictures": [a for a in arts if a["type_img"]],
    }

    def render(base: str) -> dict[str, Resource]:
        pages = PortalPages("utf-8", "text/html;charset=UTF-8", STUBS)
        pages.articles_and_lists(site, ("/", "/index.jhtml"), channels, arts, home_page, list_page, article_page)
        for t in tags:
            nav = f'“<span>{t["name"]}</span>”Tag标签 共有<span> {len(t["articles"])} </span>条相关资讯'
            pages.put(t["url"], search_like_page(site, "Tag相关资讯", nav, t["articles"][:10]))
        for w in search_words:
            hits = search_hits(arts, w["word"])
            nav = f'您搜索的“<span>{w["word"]}</span>”， 共有<span>{len(hits)}</span>个结果'
            pages.put(w["url"], search_like_page(site, "全文检索列表", nav, hits))
        pages.put(topic["url"], topic_page(site, topic))
        return pages.done()

    articles, truth_pages = truth_of(arts, "/index.jhtml", channels, tags, search_words, topic["url"])
    return TestSite(
        key="jeecms", name=SITE_NAME, modelled_after="JEECMS v8/v9 default front-end template (www/default)",
        encoding="utf-8", render=render, articles=articles, pages=truth_pages, friend_links=list(FRIEND_LINKS),
        copies=[(original["url"], copy["url"])],
    )
