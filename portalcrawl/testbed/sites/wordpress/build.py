"""Builds the ``wordpress`` test site: its pages (home and its pagination, categories, tags, authors, search,
the 专题 page, the posts with their shortlinks), the resources it serves for a base URL, and its truth."""

from __future__ import annotations

import random

from ...model import Resource, TestSite, TruthArticle, TruthPage
from .._assets import PNG_1PX
from .._html import esc
from .content import ABOUT, AUTHORS, CATS, COPY_OF, FRIENDS, GALLERIES, PER_PAGE, REPRINT, SEED, SITE, TAGS
from .posts import Post, make_posts
from .templates_lists import friend_block, list_item, paging
from .templates_post import article_main, json_ld
from .templates_shell import THEME, VER, breadcrumb, footer, head, header, sidebar


def build() -> TestSite:
    """The ``wordpress`` test site: its truth, and its pages rendered for the base URL the server gives it."""
    rng = random.Random(SEED)
    posts, by_slug = make_posts(rng)

    cat_name = dict(CATS)
    tag_name = dict(TAGS)
    newest = sorted(posts, key=lambda p: (p.date, p.pid), reverse=True)
    hot = sorted(posts, key=lambda p: p.views, reverse=True)[:5]
    menu = [("首页", "/index.php")] + [(n, f"/category/{s}/") for s, n in CATS] + [("专题", "/zhuanti-zhichang/")]
    tag_counts = [(s, n, sum(s in p.tags for p in posts)) for s, n in TAGS]
    searches = [("MySQL", "/?s=mysql")]
    side = sidebar(hot, newest[:6], tag_counts, searches, FRIENDS)

    def page(title: str, desc: str, main: str, current: str, crumbs, extra_head: str = "", single: bool = False,
             after_main: str = "") -> str:
        return (head(title, desc, extra_head) + header(SITE, menu, current, single)
                + f'<div id="{"post" if single else "content"}" class="container mt20">\n'
                + (breadcrumb(crumbs) if crumbs is not None else "")
                + '<div class="row row-cols-1 post-row">\n'
                + '<div id="post-main" class="col-lg-8 col-md-12 animated fadeInLeft">\n'
                + main + "</div>\n" + side + "</div>\n" + after_main + "</div>\n" + footer(SITE, ABOUT, "2024"))

    def listing(items: list[Post], pg: int, href) -> str:
        chunk = items[(pg - 1) * PER_PAGE: pg * PER_PAGE]
        pages = (len(items) + PER_PAGE - 1) // PER_PAGE
        body = "".join(list_item(p, cat_name[p.cat], f"/category/{p.cat}/") for p in chunk)
        return f'<div class="mt20" id="posts">{body}</div>\n' + paging(pg, pages, href)

    truth_pages: list[TruthPage] = []
    html_pages: dict[str, str] = {}

    # home + home pagination
    home_pages = (len(newest) + PER_PAGE - 1) // PER_PAGE

    def home_href(n: int) -> str:
        return "/" if n == 1 else f"/page/{n}/"

    for pg in range(1, home_pages + 1):
        title = SITE + " - 记录技术、创业与生活" if pg == 1 else f"{SITE} - 第{pg}页"
        main = listing(newest, pg, home_href)
        after = friend_block(FRIENDS) if pg == 1 else ""
        html_pages[home_href(pg)] = page(title, ABOUT, main, "/index.php" if pg == 1 else "", None, after_main=after)
        truth_pages.append(TruthPage(home_href(pg), "home" if pg == 1 else "list",
                                     ["/index.php"] if pg == 1 else []))

    def add_list(base_path: str, items: list[Post], name: str, crumbs, kind: str, title_base: str) -> None:
        pages = max(1, (len(items) + PER_PAGE - 1) // PER_PAGE)

        def href(n: int) -> str:
            return base_path if n == 1 else f"{base_path}page/{n}/"

        for pg in range(1, pages + 1):
            head_title = f"{title_base} - {SITE}" if pg == 1 else f"{title_base} - 第{pg}页 - {SITE}"
            top = (f'<div class="p-block"><h1 class="t-lg puock-text mb-0">{esc(name)}</h1></div>\n'
                   if kind != "search" else
                   f'<div class="p-block"><span class="t-lg puock-text">“{esc(name)}”的搜索结果</span></div>\n')
            html_pages[href(pg)] = page(head_title, f"{name}相关文章", top + listing(items, pg, href),
                                        base_path, crumbs)
            truth_pages.append(TruthPage(href(pg), kind))

    for slug, name in CATS:
        items = [p for p in newest if p.cat == slug]
        add_list(f"/category/{slug}/", items, name, [(name, f"/category/{slug}/"), ("文章列表", None)], "list", name)
    for slug, name in TAGS:
        items = [p for p in newest if slug in p.tags]
        add_list(f"/tag/{slug}/", items, name, [("标签", None), (name, None)], "tag", name)
    for slug, name in AUTHORS:
        items = [p for p in newest if p.author_slug == slug]
        if items:
            add_list(f"/author/{slug}/", items, name, [(name, None)], "list", f"作者：{name}")
    found = [p for p in newest if "mysql" in p.title.lower()]
    html_pages["/?s=mysql"] = page(f"搜索\"mysql\"的结果 - {SITE}", SITE,
                                   '<div class="p-block"><span class="t-lg puock-text">“mysql”的搜索结果</span></div>\n'
                                   + listing(found, 1, lambda n: "/?s=mysql"), "",
                                   [("mysql", None), ("搜索结果", None)])
    truth_pages.append(TruthPage("/?s=mysql", "search"))

    # 专题 page (a WordPress page)
    topic_posts = [p for p in posts if "zhichang" in p.tags] + [by_slug["code-review-tips"], by_slug["first-startup"]]
    intro = ("刚走进职场的那一两年，很多困惑其实前人都遇到过。这个专题把站内几位作者关于沟通、拒绝、会议和跳槽的"
             "文章放在一起，按阅读顺序排好，希望能帮你少走一点弯路。")
    items = "".join(f'<li><a href="{p.path}">{esc(p.title)}</a><p class="c-sub t-sm">{esc(p.excerpt)}</p></li>'
                    for p in topic_posts)
    special = f"""<div class="p-block">
    <div><h1 id="post-title" class="mb-0 puock-text t-xxl">专题：写给职场新人</h1></div>
    <div class="mt20 entry-content-box"><div class="entry-content content-main puock-text p-indent">
        <p>{intro}</p>
        <h3>专题文章</h3>
        <ul class="zhuanti-list">{items}</ul>
    </div></div>
</div>
"""
    html_pages["/zhuanti-zhichang/"] = page(f"专题：写给职场新人 - {SITE}", intro[:60], special, "/zhuanti-zhichang/",
                                            [("专题：写给职场新人", None)])
    truth_pages.append(TruthPage("/zhuanti-zhichang/", "special"))

    # articles
    order = sorted(posts, key=lambda p: (p.date, p.pid))
    truth_articles: list[TruthArticle] = []
    article_html: dict[str, tuple[str, Post]] = {}
    for k, p in enumerate(order):
        prev = order[k - 1] if k else None
        nxt = order[k + 1] if k + 1 < len(order) else None
        same = [q for q in newest if q.cat == p.cat and q is not p]
        related = rng.sample(same, 4)
        words = len("".join(p.lines).replace(" ", ""))
        main = article_main(p, cat_name[p.cat], f"/category/{p.cat}/", tag_name, words, (prev, nxt), related, REPRINT)
        article_html[p.path] = (main, p)
        truth_articles.append(TruthArticle(
            path=p.path, title=p.title, published=p.date, contributor=p.author, body=p.lines, shape=p.shape,
            aliases=[f"/?p={p.pid}"],
        ))

    def render(base: str) -> dict[str, Resource]:
        out: dict[str, Resource] = {}
        for path, (main, p) in article_html.items():
            extra = (f'    <link rel="canonical" href="{base}{p.path}" />\n'
                     f"    <link rel='shortlink' href='{base}/?p={p.pid}' />\n" + json_ld(base, p, SITE))
            html = page(f"{p.title} - {SITE}", p.excerpt, main, f"/category/{p.cat}/",
                        [(cat_name[p.cat], f"/category/{p.cat}/"), ("正文", None)], extra, single=True)
            data = html.replace("{BASE}", base).encode("utf-8")
            out[path] = Resource(data)
            out[f"/?p={p.pid}"] = Resource(data)
        for path, html in html_pages.items():
            data = html.replace("{BASE}", base).encode("utf-8")
            out[path] = Resource(data)
        out["/index.php"] = out["/"]
        css = b"body{font-family:sans-serif}"
        for asset in ("/wp-includes/css/dist/block-library/style.min.css?ver=6.3.1",
                      f"{THEME}/assets/dist/libs.min.css?ver={VER}",
                      f"{THEME}/assets/dist/style.min.css?ver={VER}"):
            out[asset] = Resource(css, "text/css")
        for asset in (f"{THEME}/assets/dist/jquery.min.js?ver={VER}",
                      f"{THEME}/assets/dist/app.min.js?ver={VER}"):
            out[asset] = Resource(b"/* js */", "application/javascript")
        out[f"{THEME}/assets/img/favicon.ico"] = Resource(PNG_1PX, "image/png")
        out[f"{THEME}/assets/img/avatar.png"] = Resource(PNG_1PX, "image/png")
        for n in range(1, 9):
            out[f"{THEME}/assets/img/random/{n}.png"] = Resource(PNG_1PX, "image/png")
        for p in posts:
            if p.shape == "gallery":
                for n in range(1, len(GALLERIES[p.slug][1]) + 1):
                    path = f"/wp-content/uploads/{p.date[:4]}/{p.date[5:7]}/{p.slug}-{n}.png"
                    out[path] = Resource(PNG_1PX, "image/png")
        return out

    copies = [(by_slug[src].path, by_slug[dst].path) for dst, src in COPY_OF.items()]
    return TestSite(
        key="wordpress", name=SITE,
        modelled_after="WordPress 6 with the Puock theme (Licoy/wordpress-theme-puock), Yoast-style JSON-LD",
        encoding="utf-8", render=render, articles=truth_articles, pages=truth_pages, friend_links=list(FRIENDS),
        copies=copies,
    )
