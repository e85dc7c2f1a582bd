"""Builds the ``cmseasy`` test site: its pages (home, column lists, articles with their view-count scripts, tags,
search, the special topic, RSS), the resources it serves for a base URL, and its truth."""

from __future__ import annotations

import random

from ...model import Resource, TestSite, TruthPage
from .._assets import png as png_of
from .._html import esc
from .._traps import truth_article
from .articles import Art, make_articles
from .content import CATS, FRIEND_LINKS, HOT, PER_PAGE, SEED, SPECIAL, TAGS, list_url, tag_url
from .templates_pages import comment_block, json_ld, list_item, list_right, pagination, show_right
from .templates_shell import SITE, SKIN, footer, frame, head, header, left, position


def build() -> TestSite:
    """The ``cmseasy`` test site: its truth, and its pages rendered for the base URL the server gives it."""
    rng = random.Random(SEED)
    arts, copy_pair, alias_art = make_articles(rng)
    static_alias = f"/sanwen/show-{alias_art.aid}-1.html"
    by_cat = {c[0]: sorted((a for a in arts if a.cid == c[0]), key=lambda a: a.when, reverse=True) for c in CATS}
    newest = sorted(arts, key=lambda a: a.when, reverse=True)
    cat_name = {c[0]: c[2] for c in CATS}
    nav = [(cid, list_url(cid), name) for cid, _d, name, _t in CATS]
    in_special = [a for a in newest if a.cid == "2"][:5]
    if alias_art not in in_special:
        in_special.append(alias_art)

    def pages_of(cid: str) -> list[str]:
        n = (len(by_cat[cid]) + PER_PAGE - 1) // PER_PAGE
        return [list_url(cid, p) for p in range(1, n + 1)]

    def item(a: Art, url: str | None = None) -> str:
        return list_item(url or a.path, a.title, a.when.strftime("%Y-%m-%d"), a.intro, a.pics[0] if a.pics else None)

    def side(cid: str, exclude: Art | None = None) -> str:
        hot = [
            a for a in sorted(by_cat[cid], key=lambda a: (len(a.comments), a.aid), reverse=True) if a is not exclude
        ][:6]
        latest = [a for a in newest if a is not exclude][:6]
        return left(
            (list_url(cid), cat_name[cid]), [(a.path, a.title) for a in hot], [(a.path, a.title) for a in latest]
        )

    def page(
        title: str, desc: str, catid: str, top: str, pos: str, body: str, extra: str = "", home: bool = False
    ) -> Resource:
        text = (
            head(title, "东篱文化网,散文,创业故事,职场", desc, extra)
            + header(catid, nav, top)
            + pos
            + body
            + footer(home, HOT, FRIEND_LINKS)
        )
        return Resource(text.encode("gbk"), "text/html")

    def render(base: str) -> dict[str, Resource]:
        out: dict[str, Resource] = {}
        for cid, _d, name, _t in CATS:
            urls = pages_of(cid)
            for p, url in enumerate(urls, 1):
                chunk = by_cat[cid][(p - 1) * PER_PAGE : p * PER_PAGE]
                right = list_right(name, _d, "".join(item(a) for a in chunk), pagination(urls, p, len(by_cat[cid])))
                out[url] = page(
                    name, f"{name}栏目", cid, cid, position([(urls[0], name)], None), frame(side(cid), right)
                )
        for a in arts:
            lst = by_cat[a.cid]
            k = lst.index(a)
            prv = lst[k + 1] if k + 1 < len(lst) else None
            nxt = lst[k - 1] if k > 0 else None
            rel = [b for b in newest if b is not a and b.tag == a.tag][:5]
            view = {
                "aid": a.aid,
                "title": a.title,
                "no_h1": a.no_h1,
                "ld_only": a.ld_only,
                "author": a.author,
                "datetime": a.when.strftime("%Y-%m-%d %H:%M:%S"),
                "source": a.source,
                "content": a.content,
                "summary": a.body[0][:56] + "……" if a.summary else "",
                "pics": a.pics,
                "tags": [(tag_url(a.tag), a.tag)],
                "tagname": a.tag,
                "special": SPECIAL if a in in_special else None,
                "stars": "★" * (3 + a.aid % 3),
                "prev": (prv.path, prv.title) if prv else None,
                "next": (nxt.path, nxt.title) if nxt else None,
                "related": [(b.path, b.title, b.intro) for b in rel],
                "comments": comment_block(a.aid, a.comments),
            }
            extra = json_ld(a.title, a.when.strftime("%Y-%m-%dT%H:%M:%S+08:00"), a.author) if a.ld_only else ""
            res = page(
                a.title,
                a.intro,
                a.cid,
                a.cid,
                position([(list_url(a.cid), cat_name[a.cid])], None),
                frame(side(a.cid, exclude=a), show_right(view)),
                extra,
            )
            out[a.path] = res
            if a is alias_art:
                out[static_alias] = res
            out[f"/index.php?case=archive&act=view_js&aid={a.aid}"] = Resource(
                f"document.write('{120 + a.aid * 37 % 900}');".encode(), "application/x-javascript"
            )
        for tag in TAGS:
            tagged = [a for a in newest if a.tag == tag]
            right = list_right(f"标签：{tag}", "Tag", "".join(item(a) for a in tagged), "")
            out[tag_url(tag)] = page(
                tag, f"{tag}相关内容", "", "", position([], f"标签：{tag}"), frame(side("2"), right)
            )
        for word, url in HOT:
            hits = [a for a in newest if word in a.title.lower()]
            right = list_right(f"“{word}”的查询结果", "Search", "".join(item(a) for a in hits), "")
            out[url] = page(
                f"{word}的查询结果", "查询结果", "", "", position([], "查询结果"), frame(side("4"), right)
            )
        intro = (
            "平江路是苏州保存最完整的一条老街。这个专题收集了读者写下的老街生活：早点铺、修鞋摊、河边的茶馆，"
            "还有那些慢下来的日子。欢迎你把自己的小日子也写下来，投稿到本站。"
        )
        items = "".join(item(a, static_alias if a is alias_art else None) for a in in_special)
        right = list_right(SPECIAL[1], "Special", items, "", intro=intro)
        out[SPECIAL[0]] = page(
            SPECIAL[1], intro[:50], "", "", position([], f"专题：{SPECIAL[1]}"), frame(side("2"), right)
        )
        home_right = "".join(
            list_right(
                name, d, "".join(item(a) for a in by_cat[cid][:5]), f'<a href="{list_url(cid)}">更多&gt;&gt;</a>\n'
            )
            for cid, d, name, _t in CATS
        )
        home_right += f'<div class="special_box">专题推荐：<a href="{SPECIAL[0]}">{esc(SPECIAL[1])}</a></div>\n'
        home = page(
            "东篱文化网 - 读书、散文与小城故事",
            "东篱文化网，记录小城生活与读书心得。",
            "",
            "",
            "",
            frame(side("2"), home_right),
            home=True,
        )
        out["/"] = home
        out["/index.php"] = home
        for cid in [""] + [c[0] for c in CATS]:
            items = "".join(
                f"<item><title>{esc(a.title)}</title><link>{base}{esc(a.path)}</link></item>"
                for a in newest
                if cid in ("", a.cid)
            )
            xml = (
                f'<?xml version="1.0" encoding="gbk"?>\n<rss version="2.0"><channel><title>{SITE}</title>'
                f"<link>{base}/</link>{items}</channel></rss>\n"
            )
            out[f"/index.php?case=archive&act=rss&catid={cid}"] = Resource(xml.encode("gbk"), "application/rss+xml")
        png = png_of(b"\x00\xaa\xbb\xcc")
        for a in arts:
            for p in a.pics:
                out[p] = Resource(png, "image/png")
        for p in ["/images/logo.gif", "/favicon.ico", f"{SKIN}/images/gotop.gif", f"{SKIN}/images/foot_logo.gif"]:
            out[p] = Resource(png, "image/png")
        for p in ["base.css", "reset.css", "style.css"]:
            out[f"{SKIN}/{p}"] = Resource(b"body{margin:0}\n", "text/css")
        for p in [f"{SKIN}/js/jquery-1.8.3.min.js", "/js/common.js"]:
            out[p] = Resource(b"/* js */\n", "application/x-javascript")
        return out

    articles = [truth_article(a, [static_alias] if a is alias_art else []) for a in arts]
    pages = [TruthPage("/", "home", ["/index.php"])]
    for cid, *_ in CATS:
        pages += [TruthPage(u, "list") for u in pages_of(cid)]
    pages += [TruthPage(tag_url(t), "tag") for t in TAGS]
    pages += [TruthPage(u, "search") for _w, u in HOT]
    pages.append(TruthPage(SPECIAL[0], "special"))
    return TestSite(
        key="cmseasy", name=SITE, modelled_after="CmsEasy 5.x default theme (template/default)", encoding="gbk",
        render=render, articles=articles, pages=pages, friend_links=list(FRIEND_LINKS), copies=[copy_pair],
    )
