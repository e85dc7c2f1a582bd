"""Builds the ``emlog`` test site: its pages (home, sorts, authors, tags, search, the 专题 page, the posts), the
resources it serves for a base URL, and its truth."""

from __future__ import annotations

import random

from ...model import Resource, TestSite, TruthArticle, TruthPage
from .._assets import PNG_1PX
from .._html import esc
from .content import AUTHORS, BLOGINFO, BLOGNAME, COPY_SRC, ENC, FRIENDS, GALLERIES, PER_PAGE, SEED, SORTS
from .posts import Log, make_logs, tag_url
from .templates_posts import echo_log, json_ld, log_list
from .templates_shell import TPL, footer, head, header, sidebar


def build() -> TestSite:
    """The ``emlog`` test site: its truth, and its pages rendered for the base URL the server gives it."""
    rng = random.Random(SEED)
    logs, alias_gid = make_logs(rng)

    sort_name = dict(SORTS)
    tag_names = ["Linux", "MySQL", "随笔", "职场"]
    tag_urls = {t: tag_url(t) for t in tag_names}
    newest = sorted(logs, key=lambda x: x.dt, reverse=True)
    navi = [("首页", "/index.php")] + [(n, f"/sort/{s}") for s, n in SORTS] + [("专题", "/zhuanti.html")]
    newcomms = []
    for x in newest:
        for c in x.comments:
            newcomms.append((c.when, c.name, c.text[:18] + "...", f"{x.path}#{c.cid}"))
    newcomms = [(n, t, h) for _, n, t, h in sorted(newcomms, reverse=True)[:6]]
    side = sidebar(
        ("南窗", "一个写代码也写字的普通人。"),
        [(s, n, sum(x.sort == s for x in logs)) for s, n in SORTS],
        [(t, tag_urls[t], sum(t in x.tags for x in logs)) for t in tag_names],
        newest[:8], sorted(logs, key=lambda x: x.views, reverse=True)[:8], newcomms,
        [("mysql", "/?keyword=mysql")], FRIENDS,
    )
    icp = "粤ICP备14052316号"
    info = "本站部分内容来源于网络，如有侵权请联系删除。"

    def page(title: str, keywords: str, desc: str, current: str, main: str, extra: str = "") -> str:
        return (head(title, keywords, desc, extra) + header(BLOGNAME, BLOGINFO, navi, current) + main + side
                + footer(icp, info))

    html_pages: dict[str, str] = {}
    truth_pages: list[TruthPage] = []

    def add_list(base_path: str, items: list[Log], title: str, kind: str, current: str,
                 first_kind: str | None = None) -> None:
        pages = max(1, (len(items) + PER_PAGE - 1) // PER_PAGE)

        def href(n: int) -> str:
            if n == 1:
                return base_path
            return f"/page/{n}" if base_path == "/" else f"{base_path}/page/{n}"

        for pg in range(1, pages + 1):
            chunk = items[(pg - 1) * PER_PAGE: pg * PER_PAGE]
            main = log_list(chunk, AUTHORS, sort_name, tag_urls, pg, pages, href)
            html_pages[href(pg)] = page(title, BLOGNAME, BLOGINFO, current if pg == 1 else "", main)
            truth_pages.append(TruthPage(href(pg), first_kind if (pg == 1 and first_kind) else kind,
                                         ["/index.php"] if (pg == 1 and base_path == "/") else []))

    add_list("/", newest, BLOGNAME, "list", "/index.php", first_kind="home")
    for s, n in SORTS:
        add_list(f"/sort/{s}", [x for x in newest if x.sort == s], f"{n} - {BLOGNAME}", "list", f"/sort/{s}")
    for uid, n in AUTHORS.items():
        add_list(f"/author/{uid}", [x for x in newest if x.author == uid], f"{n} - {BLOGNAME}", "list", "")
    for t in tag_names:
        add_list(f"/tag/{tag_urls[t]}", [x for x in newest if t in x.tags], f"{t} - {BLOGNAME}", "tag", "")
    found = [x for x in newest if "mysql" in x.title.lower()]
    html_pages["/?keyword=mysql"] = page(f"mysql - {BLOGNAME}", BLOGNAME, BLOGINFO, "",
                                         log_list(found, AUTHORS, sort_name, tag_urls, 1, 1, lambda n: ""))
    truth_pages.append(TruthPage("/?keyword=mysql", "search"))

    # 专题: an emlog custom page (page.php) with an alias
    picks = [x for x in logs if x.sort == 1 and x.shape == "prose"][:6]
    intro = ("这两年陆陆续续写了不少踩坑记录，从数据库到缓存，从日志到测试，都是自己在维护这个小博客和"
             "工作里碰到的真实问题。这里按时间顺序整理成一个专题，给同样在折腾的朋友参考。")
    items = "\n".join(
        f'<li><a href="{{BASE}}{"/?post=" + str(x.gid) if x.gid == alias_gid else x.path}">{esc(x.title)}</a>'
        f" —— {esc(x.excerpt)}</li>" for x in picks
    )
    special = f"""<div id="contentleft">
	<h2>专题：小博客的踩坑记录</h2>
	<p>{intro}</p>
<ul class="zhuanti">
{items}
</ul>
	<div style="clear:both;"></div>
</div><!--end #contentleft-->
"""
    html_pages["/zhuanti.html"] = page(f"专题：小博客的踩坑记录 - {BLOGNAME}", "专题", intro[:60], "/zhuanti.html",
                                       special)
    truth_pages.append(TruthPage("/zhuanti.html", "special"))

    order = sorted(logs, key=lambda x: x.dt)
    art_main: dict[str, tuple[str, Log]] = {}
    truth_articles: list[TruthArticle] = []
    for k, x in enumerate(order):
        prev = order[k - 1] if k else None
        nxt = order[k + 1] if k + 1 < len(order) else None
        related = rng.sample([y for y in logs if y.sort == x.sort and y is not x], 4)
        art_main[x.path] = (echo_log(x, AUTHORS[x.author], sort_name[x.sort], tag_urls, prev, nxt, related), x)
        truth_articles.append(TruthArticle(
            path=x.path, title=x.title, published=x.dt[:10], contributor=AUTHORS[x.author], body=x.lines,
            shape=x.shape, aliases=[f"/?post={x.gid}"] if x.gid == alias_gid else [],
        ))

    def render(base: str) -> dict[str, Resource]:
        out: dict[str, Resource] = {}

        def res(html: str) -> Resource:
            return Resource(html.replace("{BASE}", base).encode(ENC), content_type="text/html")

        for path, (main, x) in art_main.items():
            keywords = ",".join(x.tags) or BLOGNAME
            html = page(f"{x.title} - {BLOGNAME}", keywords, x.excerpt, f"/sort/{x.sort}", main,
                        json_ld(base, x, AUTHORS[x.author]))
            out[path] = res(html)
            if x.gid == alias_gid:
                out[f"/?post={x.gid}"] = out[path]
        for path, html in html_pages.items():
            out[path] = res(html)
        out["/index.php"] = out["/"]
        out[f"{TPL}/main.css"] = Resource(b"body{font-size:12px}", "text/css")
        out["/include/lib/js/common_tpl.js"] = Resource(b"/* emlog */", "application/javascript")
        out[f"{TPL}/images/top/default.jpg"] = Resource(PNG_1PX, "image/png")
        out["/content/uploadfile/201401/author.png"] = Resource(PNG_1PX, "image/png")
        for x in logs:
            if x.shape == "gallery":
                upload = f"/content/uploadfile/{x.dt[:4]}{x.dt[5:7]}"
                for i in range(1, len(GALLERIES[x.title][1]) + 1):
                    out[f"{upload}/{x.gid:03d}{i:02d}.png"] = Resource(PNG_1PX, "image/png")
                    out[f"{upload}/thum-{x.gid:03d}{i:02d}.png"] = Resource(PNG_1PX, "image/png")
        return out

    return TestSite(
        key="emlog", name=BLOGNAME,
        modelled_after="emlog 5.x default template (emlog/emlog content/templates/default), GBK", encoding=ENC,
        render=render, articles=truth_articles, pages=truth_pages, friend_links=list(FRIENDS),
        copies=[(logs[COPY_SRC].path, logs[-1].path)],
    )
