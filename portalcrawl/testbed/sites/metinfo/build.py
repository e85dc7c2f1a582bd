"""Builds the `metinfo` test site: its pages (home, column lists, articles and their dynamic twin, column tags,
search, the 专题 page), the resources it serves for a base URL, and its truth."""

from __future__ import annotations

import random

from ...model import Resource, TestSite, TruthPage
from .._assets import png as png_of
from .._html import esc
from .._traps import truth_article
from .articles import Art, lead, make_articles
from .content import COLUMNS, FRIEND_LINKS, NAV, PER_PAGE, SEARCHES, SEED, TAG_COLUMN, TAGS
from .templates_pages import article_main, comments_block, home_main, json_ld, list_main, news_item, news_section, pager
from .templates_shell import KEYWORDS, SITE, crumbs, footer, head, header, sidebar, subcolumn_nav


def build() -> TestSite:
    """The ``metinfo`` test site: its truth, and its pages rendered for the base URL the server gives it."""
    rng = random.Random(SEED)
    arts, copy_pair, alias_path = make_articles(rng)
    by_col = {c[0]: sorted((a for a in arts if a.col == c[0]), key=lambda a: a.when, reverse=True) for c in COLUMNS}
    newest = sorted(arts, key=lambda a: a.when, reverse=True)
    alias_art = next(a for a in arts if a.path == alias_path)
    dyn_alias = f"/{alias_art.col}/shownews.php?lang=cn&id={alias_art.aid}"
    col_name = {c[0]: c[2] for c in COLUMNS}
    col_id = {c[0]: c[1] for c in COLUMNS}

    def list_urls(col: str) -> list[str]:
        pages = (len(by_col[col]) + PER_PAGE - 1) // PER_PAGE
        return [f"/{col}/"] + [f"/{col}/list-{col_id[col]}-{p}.html" for p in range(2, pages + 1)]

    def item(a: Art, url: str | None = None) -> str:
        return news_item(url or a.path, a.title, a.desc, a.when.strftime("%Y-%m-%d"), a.author, a.hits)

    def side(col: str, exclude: Art | None = None) -> str:
        hot = [a for a in sorted(by_col[col], key=lambda a: -a.hits) if a is not exclude][:6]
        latest = [a for a in newest if a is not exclude][:6]
        return sidebar(
            (f"/{col}/", col_name[col]),
            [(a.path, a.title) for a in hot],
            [(a.path, a.title) for a in latest],
            [(u, w) for w, u in SEARCHES],
        )

    def page(
        title: str,
        desc: str,
        active: str,
        banner: str | None,
        trail: list[tuple[str, str]],
        main: str,
        page_id: str,
        extra: str = "",
        hidden_h1: str | None = None,
    ) -> Resource:
        body = head(title, desc, KEYWORDS, page_id, extra) + header(NAV, active, hidden_h1, banner)
        if trail:
            body += crumbs(trail)
        body += main + footer(NAV, FRIEND_LINKS)
        return Resource(body.encode("utf-8"))

    def render(base: str) -> dict[str, Resource]:
        out: dict[str, Resource] = {}
        home_trail = [("/index.php", "网站首页")]
        for col, _cid, name, _topic in COLUMNS:
            urls = list_urls(col)
            for p, url in enumerate(urls, 1):
                chunk = by_col[col][(p - 1) * PER_PAGE : p * PER_PAGE]
                main = news_section(
                    subcolumn_nav(f"/{col}/", name)
                    + list_main("".join(item(a) for a in chunk), pager(urls, p))
                    + side(col)
                )
                title = f"{name}-{SITE}" if p == 1 else f"{name}-第{p}页-{SITE}"
                out[url] = page(
                    title,
                    f"{name}栏目文章列表",
                    f"/{col}/",
                    name,
                    [*home_trail, (f"/{col}/", name)],
                    main,
                    str(col_id[col]),
                    hidden_h1=name,
                )
        for _i, a in enumerate(newest):
            col_list = by_col[a.col]
            k = col_list.index(a)
            nxt = col_list[k - 1] if k > 0 else None
            prv = col_list[k + 1] if k + 1 < len(col_list) else None
            rel_pool = [b for b in newest if b is not a and (set(b.tags) & set(a.tags))] or [
                b for b in col_list if b is not a
            ]
            content = a.content
            if a.summary:
                content = (
                    '<blockquote class="met-editor-summary"><p><strong>导读</strong></p>'
                    f"<p>{esc(lead(a.body[0]))}</p></blockquote>\n" + content
                )
            view = {
                "title": a.title,
                "no_h1": a.no_h1,
                "ld_only": a.ld_only,
                "datetime": a.when.strftime("%Y-%m-%d %H:%M:%S"),
                "issue": a.author,
                "hits": a.hits,
                "content": content,
                "tags": [(f"/{TAG_COLUMN[t]}/tag/{t}", TAGS[t]) for t in a.tags],
                "related": [(b.path, b.title, b.when.strftime("%Y-%m-%d"), b.desc) for b in rel_pool[:4]],
                "prev": (prv.path, prv.title) if prv else ("", ""),
                "next": (nxt.path, nxt.title) if nxt else ("", ""),
                "comments": comments_block(a.comments) if a.comments else "",
                "sidebar": side(a.col, exclude=a),
            }
            extra = (
                json_ld(a.title, a.when.strftime("%Y-%m-%dT%H:%M:%S+08:00"), a.author, base + a.path)
                if a.ld_only
                else ""
            )
            res = page(
                f"{a.title}-{SITE}",
                a.desc,
                f"/{a.col}/",
                col_name[a.col],
                [*home_trail, (f"/{a.col}/", col_name[a.col])],
                article_main(view),
                f"{col_id[a.col]}|{a.aid}",
                extra,
            )
            out[a.path] = res
            if a.path == alias_path:
                out[dyn_alias] = res
        for slug, name in TAGS.items():
            col = TAG_COLUMN[slug]
            tagged = [a for a in by_col[col] if slug in a.tags] + [a for a in newest if slug in a.tags and a.col != col]
            main = news_section(
                list_main("".join(item(a) for a in tagged), "", heading=f"标签：{name}")
                + side(col)
            )
            out[f"/{col}/tag/{slug}"] = page(
                f"{name}-{SITE}",
                f"{name}相关文章",
                f"/{col}/",
                col_name[col],
                [*home_trail, (f"/{col}/", col_name[col])],
                main,
                str(col_id[col]),
            )
        for word, url in SEARCHES:
            hits = [a for a in newest if word in a.title.lower() or any(word in x.lower() for x in a.body)]
            rows = (
                "".join(
                    f'<li class="list-group-item">\n<h4><a href="{a.path}" title="{esc(a.title)}">'
                    f"{esc(a.title)}</a></h4>\n"
                    f'<p>{esc(a.desc)}</p>\n<a class="search-result-url" href="{a.path}">{base}{a.path}</a>\n</li>\n'
                    for a in hits[:8]
                )
                or '<li class="list-group-item">没有找到相关内容</li>\n'
            )
            main = (
                '<section class="met-search animsition">\n<div class="container">\n<div class="row">\n'
                '<div class="met-search-body">\n'
                '<form method="get" class="page-search-form" action="/search/search.php">'
                f'<input type="text" class="form-control" name="searchword" value="{word}"></form>\n'
                f'<p class="search-result-count">搜索“{word}”，共找到 {len(hits)} 条结果</p>\n'
                '<ul class="list-group list-group-full list-group-dividered met-page-ajax">\n'
                + rows
                + "</ul>\n</div>\n"
                "</div>\n</div>\n</section>\n"
            )
            out[url] = page(f"搜索结果-{SITE}", "搜索结果", "", None, [*home_trail, (url, "搜索")], main, "10004")
        zt = [*[a for a in newest if a.col == "jishu"][:5], alias_art]
        intro = (
            "企业上云不是一次性的搬家，而是一连串关于成本、稳定性和组织习惯的选择。本专题汇集了本站作者近一年来在数据库迁移、"
            "监控告警、备份演练和团队协作方面的实践记录，希望给正在做同样事情的团队一些参考。"
        )
        zt = [a for i, a in enumerate(zt) if a not in zt[:i]]
        items = "".join(item(a, dyn_alias if a is alias_art else None) for a in zt)
        main = news_section(
            list_main(items, "", heading="专题：中小企业上云实践", intro=intro)
            + side("jishu")
        )
        out["/zhuanti/"] = page(
            f"中小企业上云实践-专题-{SITE}",
            intro[:60],
            "/zhuanti/",
            "专题",
            [*home_trail, ("/zhuanti/", "专题")],
            main,
            "9",
            hidden_h1="专题",
        )
        blocks = [(f"/{c}/", col_name[c], "".join(item(a) for a in by_col[c][:5])) for c, *_ in COLUMNS]
        home = page(
            f"{SITE}-企业服务与数字化资讯",
            "知行企服资讯网关注企业服务、数字化转型与职场成长。",
            "/",
            None,
            [],
            home_main([(a.path, a.title) for a in newest[:3]], blocks),
            "10001",
            hidden_h1=SITE,
        )
        out["/"] = home
        out["/index.php"] = home
        png = png_of(b"\x00\xcc\xdd\xee")
        for a in arts:
            for src in a.content.split('src="')[1:]:
                out[src.split('"')[0]] = Resource(png, "image/png")
        for p in ["/upload/201912/logo.png"] + [f"/upload/202401/banner{i}.png" for i in (1, 2, 3)]:
            out[p] = Resource(png, "image/png")
        out["/favicon.ico"] = Resource(png, "image/x-icon")
        for p in ["/public/web/css/basic.css", "/templates/metv7/cache/metinfo.css"]:
            out[p] = Resource(b"body{margin:0}\n", "text/css")
        for p in ["/public/web/js/basic.js"]:
            out[p] = Resource(b"/* basic */\n", "application/javascript")
        return out

    articles = [truth_article(a, [dyn_alias] if a.path == alias_path else []) for a in arts]
    pages = [TruthPage("/", "home", ["/index.php"])]
    for col, *_ in COLUMNS:
        pages += [TruthPage(u, "list") for u in list_urls(col)]
    pages += [TruthPage(f"/{TAG_COLUMN[s]}/tag/{s}", "tag") for s in TAGS]
    pages += [TruthPage(u, "search") for _w, u in SEARCHES]
    pages.append(TruthPage("/zhuanti/", "special"))
    return TestSite(
        key="metinfo", name=SITE, modelled_after="MetInfo 7 default theme (templates/metv7)", encoding="utf-8",
        render=render, articles=articles, pages=pages, friend_links=list(FRIEND_LINKS), copies=[copy_pair],
    )
