"""Builds the SiteServer CMS test site: its pages (home, channel lists, articles and the dynamic alias, tags,
search, the 专题 channel), the resources it serves for a base URL, and its truth."""

from __future__ import annotations

import random
from typing import Any
from urllib.parse import quote

from ...model import Resource, TestSite
from .._channels import PortalPages, search_hits, truth_of
from .articles import make_articles
from .content import CHANNELS, FRIEND_LINKS, SEARCH_WORDS, SEED, SITE_NAME, STUBS, TAGS
from .templates_article import article_page
from .templates_pages import home_page, list_page, special_page, util_page


def build() -> TestSite:
    """The ``siteserver`` test site: its truth, and its pages rendered for the base URL the server gives it."""
    rng = random.Random(SEED)
    arts = make_articles(rng)
    channels = []
    for c in CHANNELS:
        c2 = dict(c)
        c2["url"] = f"/channels/{c['id']}.html"
        c2["articles"] = sorted((a for a in arts if a["channel"]["id"] == c["id"]), key=lambda a: a["id"],
                                reverse=True)
        c2["pages"] = [c2["articles"][i : i + 8] for i in range(0, len(c2["articles"]), 8)]
        c2["page_urls"] = [c2["url"]] + [f"/channels/{c['id']}_{n}.html" for n in range(2, len(c2["pages"]) + 1)]
        channels.append(c2)
        for k, a in enumerate(c2["articles"]):  # SiteServer: 上一篇 is the older neighbour
            a["channel"] = c2
            a["next"] = c2["articles"][k - 1] if k > 0 else None
            a["prev"] = c2["articles"][k + 1] if k + 1 < len(c2["articles"]) else None
    tags = [{"name": t, "url": "/utils/tags.html?tagName=" + quote(t)} for t in TAGS]
    for a in arts:
        cid = a["channel"]["id"]
        if cid == 2:
            a["tags"] = [tags[1]] + ([tags[0]] if rng.random() < 0.5 else [])
        elif cid == 3:
            a["tags"] = [tags[2]] + ([tags[1]] if rng.random() < 0.3 else [])
        else:
            a["tags"] = [tags[3]]
        a["related"] = rng.sample([b for b in a["channel"]["articles"] if b is not a], 5)
    for t in tags:
        t["articles"] = sorted((a for a in arts if t in a["tags"]), key=lambda a: a["id"], reverse=True)[:12]
    copy = next(a for a in arts if a["copy_of"])
    alias_art = next(a for a in channels[2]["articles"] if a["shape"] == "prose" and not a["title_only"])
    alias = f"/sitefiles/services/cms/page.aspx?s=1&n={alias_art['channel']['id']}&c={alias_art['id']}"
    alias_art["aliases"] = [alias]
    sp_items = [dict(a) for a in channels[2]["articles"] if a["shape"] in ("prose", "poem")][:6]
    if not any(x["id"] == alias_art["id"] for x in sp_items):
        sp_items[-1] = dict(alias_art)
    for x in sp_items:
        if x["id"] == alias_art["id"]:
            x["list_url"] = alias
    special = {
        "id": 9, "name": "专题：书香江城", "url": "/channels/9.html", "banner": "/upload/images/zt/shuxiang.jpg",
        "intro": "一座城市的气质，藏在它的街巷、江水和书页里。“书香江城”专题汇集了本站文化生活栏目的散文与诗歌，"
                 "记录普通人的日常与乡愁，也邀请更多读者拿起笔，写下自己和这座城市的故事。",
        "items": sp_items,
    }
    search_words = [{"word": w, "url": f"/utils/search.html?word={w}"} for w in SEARCH_WORDS]
    site: dict[str, Any] = {
        "name": SITE_NAME, "channels": channels, "special": special, "search_words": search_words,
        "hot": sorted(arts, key=lambda a: a["hits"], reverse=True)[:8],
        "latest": sorted(arts, key=lambda a: a["id"], reverse=True)[:8],
        "friend_links": FRIEND_LINKS, "icp": "鄂ICP备13012876号-1", "address": "江城市江岸区沿江大道188号",
        "mail": "tougao@jcol.cn", "keywords": "江城在线,职场,科技,文化", "description": "江城在线，本地综合资讯门户。",
        "disclaimer": "【免责声明】本站转载的文章仅为传播更多信息之目的，并不代表本站赞同其观点或对其真实性负责。"
                      "如有侵权，请联系本站删除。",
        "focus": [a for a in arts if a["pic"]], "headline": channels[0]["articles"][0],
    }

    def render(base: str) -> dict[str, Resource]:
        pages = PortalPages("gbk", "text/html", STUBS)
        pages.articles_and_lists(site, ("/", "/index.html"), channels, arts, home_page, list_page, article_page)
        for t in tags:
            heading = f'<span>标签：{t["name"]}</span><em>共{len(t["articles"])}篇</em>'
            pages.put(t["url"], util_page(site, f"标签：{t['name']}", heading, t["articles"]))
        for w in search_words:
            hits = search_hits(arts, w["word"])
            heading = f'<span>搜索结果</span><em>关键字“{w["word"]}”，共找到{len(hits)}条</em>'
            pages.put(w["url"], util_page(site, "搜索结果", heading, hits))
        pages.put(special["url"], special_page(site))
        return pages.done()

    articles, truth_pages = truth_of(arts, "/index.html", channels, tags, search_words, special["url"])
    return TestSite(
        key="siteserver", name=SITE_NAME, modelled_after="SiteServer CMS classic default site templates (STL, GB2312)",
        encoding="gbk", render=render, articles=articles, pages=truth_pages, friend_links=list(FRIEND_LINKS),
        copies=[(copy["copy_of"]["url"], copy["url"])],
    )
