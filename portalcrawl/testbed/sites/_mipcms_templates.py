"""Page templates of the ``mipcms`` test site (MIPCMS default theme, Baidu MIP markup, UTF-8).

Shapes follow MIPCMS's ``template/default/main/{main,header,footer}.html``,
``article/{article,articleDetail}.html``, ``block/{article-list,mipui-crumb,tags-hot}.html``,
``tag/tagDetail.html``, ``index/index.html``, the comment block of ``pc/article/articleDetail.html``,
``addons/friendlink/friendlink.html`` and ``addons/pages/view/pages.html``. Written here, not copied.
"""

from __future__ import annotations

import json
import random
from html import escape

from portalcrawl.demo import text_bank

from ..model import Resource

MIP = "https://c.mipcdn.com/static/v1"


def page(
    base: str,
    title: str,
    main: str,
    nav: list[tuple[str, str]],
    active: str,
    links: list[tuple[str, str]],
    site: str,
    canonical: str,
    keywords: str = "",
    description: str = "",
    so: str = "",
    script: str = "",
) -> str:
    menu = "\n".join(
        f'            <li class="mip-dropdown-item{" active" if label == active else ""}">'
        f'<a href="{url}" data-type="mip" data-title="{label}" title="{label}">{label}</a></li>'
        for label, url in nav
    )
    friends = "".join(
        f'<li><a href="{url}" data-type="mip" data-title="{escape(name)}" title="{escape(name)}" target="_blank">'
        f"{escape(name)}</a></li>"
        for name, url in links
    )
    return f"""<!DOCTYPE html>
<html mip>
<head>
    <meta charset="utf-8">
    <meta name="applicable-device" content="pc,mobile">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <meta name="viewport" content="width=device-width, initial-scale=1, user-scalable=0">
    <link rel="shortcut icon" href="{base}/favicon.ico" type="image/x-icon" />
    <title>{escape(title)}</title>
    <meta name="keywords" content="{escape(keywords)}">
    <meta name="description" content="{escape(description)}">
{so}    <link rel="stylesheet" type="text/css" href="{MIP}/mip.css">
    <link rel="stylesheet" type="text/css" href="{base}/assets/default/css/bootstrap-layout.min.css">
    <link rel="stylesheet" type="text/css" href="{base}/assets/default/css/mipcms.css">
    <style mip-custom>
    .mipcms-detail-body img{{max-width:100%;}}
    </style>
    <link rel="canonical" href="{canonical}">
</head>
<body>
    <mip-fixed type="top">
    <div class="mip-header mip-header-default" id="mip_header">
        <div class="container">
            <div class="logo-text">
                <a data-type="mip" href="{base}" data-title="{site}">{site}</a>
            </div>
            <ul class="mip-menu list-unstyled">
            <li class="{"active" if active == "首页" else ""}">
            <a href="{base}" data-type="mip" data-title="{site}" title="首页">首页</a></li>
{menu}
            <li>
            <a href="http://zhannei.baidu.com/cse/search?s=8172026405613492710" target="_blank"
             title="搜索">搜索</a></li>
            </ul>
        </div>
    </div>
    </mip-fixed>
    <main class="mipcms-main">
{main}
    </main>
    <div class="container">
    <div class="friend-link hidden-xs">
        <ul><li> 友情链接：</li>{friends}</ul>
    </div>
    </div>
    <footer class="mipui-footer">
        <div class="container">
            <p class="text-center mip-footer">&copy;2019
            <a data-type="mip" href="{base}/index.php" data-title="{site}">{site}</a> 京ICP备17052318号-1
            <a href="{base}/sitemap.xml">网站地图</a> <br class="visible-xs" /> Powered By
            <a data-type="mip" data-title="MIPCMS" href="http://www.mipcms.com" target="_blank">MIPCMS</a></p>
        </div>
    </footer>
    <mip-fixed type="gototop">
        <mip-gototop></mip-gototop>
    </mip-fixed>
{script}    <script src="{MIP}/mip.js"></script>
    <script src="{MIP}/mip-stats-baidu/mip-stats-baidu.js"></script>
    <script src="{MIP}/mip-gototop/mip-gototop.js" type="text/javascript" charset="utf-8"></script>
    <script src="{MIP}/mip-fixed/mip-fixed.js" type="text/javascript" charset="utf-8"></script>
</body>
</html>
"""


def crumb(base: str, site: str, items: list[tuple[str, str]], detail: tuple[str, str] | None = None) -> str:
    lis = f'\n        <li>\n            <a href="{base}" data-type=\'mip\' data-title="{site}">{site}</a>'
    lis += "\n        </li>"
    for name, url in items:
        lis += f'\n        <li><a href="{url}" data-type=\'mip\' data-title="{name}">{name}</a></li>'
    if detail:
        lis += (
            f'\n        <li class="hidden-xs"><a data-type=\'mip\' href="{detail[1]}" data-title="{escape(detail[0])}">'
            f"{escape(detail[0])}</a></li>"
        )
    return f'<div class="container">\n    <ul class="breadcrumb">{lis}\n    </ul>\n</div>\n'


def list_item(a: dict, description: str) -> str:
    img = a.get("first_img") or "/assets/default/images/no-images.jpg"
    t = escape(a["title"])
    return f"""<div class="mipui-category-list-item">
    <div class="item-media">
        <a href="{a["url"]}" class="item-link" data-type="mip" data-title="{t}" title='{t}'>
            <mip-img layout="container" alt='{t}' src="{img}"></mip-img>
        </a>
    </div>
    <div class="item-content">
        <h4><a href="{a["url"]}" data-type="mip" data-title="{t}" title='{t}'>{t}</a></h4>
        <p class="description">{escape(description)}</p>
        <p>
            <span>{a["date"]}</span>
        </p>
    </div>
</div>
"""


def box(heading: str, body: str, cls: str = "mip-box-default", tag: str = "h3") -> str:
    return f"""<section class="mip-box {cls}">
    <section class="mip-box-heading">
        <{tag}>{heading}</{tag}>
    </section>
    <section class="mip-box-body">
{body}
    </section>
</section>
"""


def li_box_list(items: list[dict]) -> str:
    lis = "".join(
        f'<li class="li-box-list"><a href="{a["url"]}" data-type="mip" data-title="{escape(a["title"])}"'
        f' title="{escape(a["title"])}">{escape(a["title"])}</a><p>{a["date"]}</p></li>\n'
        for a in items
    )
    return f'<ul class="list-unstyled">\n{lis}</ul>'


def tags_box(heading: str, tags: list[tuple[str, str]]) -> str:
    lis = "".join(
        f'<li class="m-b-sm"><a href="{url}" data-type="mip" data-title="{name}" title="{name}">{name}</a></li>'
        for name, url in tags
    )
    return f"""<div class="mip-box">
    <div class="mip-box-heading">
        <h3 class="title">{heading}</h3>
    </div>
    <div class="mip-box-body">
        <ul class="list-unstyled tags">{lis}</ul>
    </div>
</div>
"""


def pagination(urls: list[str], current: int) -> str:
    if len(urls) < 2:
        return ""
    out = []
    if current > 1:
        out.append(f'<li><a href="{urls[current - 2]}">上一页</a></li>')
    for n, url in enumerate(urls, 1):
        out.append(f'<li class="active"><span>{n}</span></li>' if n == current else f'<li><a href="{url}">{n}</a></li>')
    if current < len(urls):
        out.append(f'<li><a href="{urls[current]}">下一页</a></li>')
    return '<ul class="pagination">' + "".join(out) + "</ul>"


def comments(items: list[dict]) -> str:
    if items:
        lis = "".join(
            f"""<li class="comment">
    <div class="comment-img"><img alt="用户名" src="/assets/images/avatar.jpg"/></div>
    <div class="comment-body">
        <div class="comment-info">
            <span class="comment-author">{escape(c["name"])}</span>
            <span class="comment-date">{c["time"]}</span>
        </div>
        <div class="comment-text">{escape(c["text"])} </div>
        <div class="comment-details"><span class="comment-status comment-status-pending"></span></div>
    </div>
</li>
"""
            for c in items
        )
        inner = f'<ul class="comments">\n{lis}</ul>'
    else:
        inner = (
            '<ul class="comments list-unstyled"><li class="comment comment-none">'
            '<div class="text-center">额~,木有评论！</div></li></ul>'
        )
    return f"""<section class="mip-box">
    <div class="mip-box-heading"><h3>评论 <span class="badge">{len(items)}</span></h3></div>
    <div class="mip-box-body mip-article-comments">
{inner}
    </div>
    <div class="mip-box-footer text-center"><p class="m-b-none">您尚未登录，暂无法评论！请先登录或注册</p></div>
</section>
"""


def cambrian(url: str, title: str, description: str, date_time: str) -> str:
    """The 熊掌号 JSON-LD MIPCMS prints on detail pages (pubDate, not datePublished)."""
    return (
        '<script type="application/ld+json">\n{\n'
        '    "@context": "https://zhanzhang.baidu.com/contexts/cambrian.jsonld",\n'
        f'    "@id": "{url}",\n    "title":"{escape(title)}",\n'
        f'    "description": "{escape(description)}",\n    "pubDate": "{date_time}",\n'
        '    "isOriginal": "1"\n}\n</script>\n'
    )


def schema_org(url: str, date: str, site: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "mainEntityOfPage": url,
        "datePublished": date,
        "publisher": {"@type": "Organization", "name": site},
    }
    return '<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False) + "</script>\n"


def esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def description_of(a: dict, size: int = 88) -> str:
    return "".join(a["lines"]).replace(" ", "")[:size]


def render_site(base: str, site: dict, arts: list[dict], name_of: dict[str, str]) -> dict[str, Resource]:
    out: dict[str, Resource] = {}
    site_name, friend_links, tags_list = site["name"], site["friend_links"], site["tags"]
    searches_list, per_page, seed = site["searches"], site["per_page"], site["seed"]

    def put(path: str, html: str) -> None:
        out[path] = Resource(html.encode("utf-8"), content_type="text/html; charset=utf-8")

    out["/favicon.ico"] = Resource(b"\x00\x00\x01\x00", "image/x-icon")
    for css in ("bootstrap-layout.min", "mipcms"):
        out[f"/assets/default/css/{css}.css"] = Resource(b"/* mipcms */", "text/css")
    for a in arts:
        a["url"] = base + a["path"]
    nav = [(name, f"{base}/{cat}/") for cat, name in name_of.items()]
    nav.append(("专栏", f"{base}/zhuanlan.html"))
    tag_urls = {name: f"{base}/tag/{slug}/" for name, slug in tags_list}
    latest = sorted(arts, key=lambda a: a["datetime"], reverse=True)
    hot = sorted(arts, key=lambda a: a["views"], reverse=True)

    def page_(title: str, main: str, active: str, canonical: str, **kw: str) -> str:
        return page(base, title, main, nav, active, friend_links, site_name, canonical, **kw)

    hot_tags = tags_box("热门标签", list(tag_urls.items()))
    searches = box(
        "热门搜索",
        '<ul class="list-unstyled tags">'
        + "".join(f'<li class="m-b-sm"><a href="{base}/search/?keywords={w}">{w}</a></li>' for w in searches_list)
        + "</ul>",
    )

    # --- article pages ------------------------------------------------------------------------------
    for a in arts:
        cat = a["cat"]
        title_only, jsonld_only = a.get("title_only", False), a.get("jsonld_only", False)
        so = ""
        if not title_only:
            so = (
                '<meta property="og:type" content="article" />\n'
                f'<meta property="og:title" content="{esc(a["title"])}" />\n'
                f'<meta property="og:description" content="{esc(description_of(a))}" />\n'
            )
            if not jsonld_only:
                so += f'<meta property="og:release_date" content="{a["date"]}" />\n'
        heading = ""
        if not title_only:
            heading = f'<h1 class="detail-title">{esc(a["title"])}</h1>'
        meta = [] if jsonld_only else [f"<li>时间:<time>{a['datetime']}</time></li>"]
        meta += [f"<li>浏览:{a['views']}</li>", f"<li>来源:{site_name}</li>"]
        tags = "".join(
            f'<li><a href="{tag_urls[t]}" data-type="mip" data-title="{t}" title="{t}" >{t}</a></li>' for t in a["tags"]
        )
        tags_ul = f'<ul class="tags hidden-xs pull-right">{tags}</ul>' if tags else ""
        summary = ""
        if a.get("summary"):
            summary = (
                '<div class="mipcms-detail-description"><span class="label">摘要</span>'
                f"<p>{esc(description_of(a, 60))}……</p></div>\n"
            )
        same = [b for b in latest if b["cat"] == cat and b is not a]
        guess = "".join(list_item(b, description_of(b)) for b in same[:5])
        idx = latest.index(a)
        updown = ""
        if idx + 1 < len(latest):
            up = latest[idx + 1]
            updown += (
                '<li class="item-up-page"><p>上一篇</p>'
                f'<a href="{up["url"]}" data-type="mip" data-title="{esc(up["title"])}"'
                f' title="{esc(up["title"])}">{esc(up["title"])} </a> </li>'
            )
        if idx > 0:
            down = latest[idx - 1]
            updown += (
                f'<li class="item-down-page"> <p>下一篇</p> <a href="{down["url"]}" data-type="mip"'
                f' data-title="{esc(down["title"])}" title="{esc(down["title"])}">{esc(down["title"])}</a></li>'
            )
        related = [b for b in arts if b is not a and set(b["tags"]) & set(a["tags"])][:5] or same[5:10]
        comment_box = comments(a.get("comments", [])) if "comments" in a or rng_even(a["id"]) else ""
        main = (
            crumb(base, site_name, [(name_of[cat], f"{base}/{cat}/")], None if title_only else (a["title"], a["url"]))
            + '<div class="container">\n    <div class="row">\n        <main class="col-lg-8">\n'
            + '            <section class="mip-box mip-box-main">\n                <section class="mip-box-heading">\n'
            + f"                     {heading}\n"
            + f'                     <div class="info clearfix">\n                        <ul>{"".join(meta)}</ul>\n'
            + f"                        {tags_ul}\n                    </div>\n                </section>\n"
            + '                <section class="mip-box-body mipcms-detail-body">\n'
            + summary
            + a["html"].replace("{base}", base)
            + '\n<p class="mip-copyright">声明：本站部分文章来自网络，'
            f"版权归原作者所有。文章仅代表作者观点，不代表{site_name}立场；"
            ""
            + "如有侵权，请联系我们删除。</p>\n"
            + "                    <p>猜你喜欢</p>\n"
            + f'                    <div class="mipui-widget-media-body mipui-category-list-001">\n{guess}</div>\n'
            + (
                '<div class="mip-box-footer item-up-down-page ">'
                f'<ul class="clearfix list-unstyled">{updown}</ul></div>\n'
                if updown
                else ""
            )
            + "                </section>\n            </section>\n"
            + comment_box
            + '        </main>\n        <aside class="col-lg-4 hidden-xs">\n'
            + box("最新文章", li_box_list([b for b in latest if b is not a][:5]))
            + box("相关文章", li_box_list(related))
            + tags_box("最新标签", list(tag_urls.items())[::-1])
            + "        </aside>\n    </div>\n</div>\n"
        )
        script = ""
        if not title_only:
            script += cambrian(a["url"], a["title"], description_of(a), a["datetime"].replace(" ", "T"))
        if jsonld_only:
            script += schema_org(a["url"], a["date"], site_name)
        html = page_(
            f"{a['title']}_{site_name}",
            main,
            name_of[cat],
            a["url"],
            keywords=",".join(a["tags"]),
            description=description_of(a),
            so=so,
            script=script,
        )
        put(a["path"], html)
        if a.get("alias"):
            put(a["alias"], html)

    # --- category lists -------------------------------------------------------------------------------
    side = box("热门文章", li_box_list(hot[:6]))
    for cat, name in name_of.items():
        items = [a for a in latest if a["cat"] == cat]
        n_pages = (len(items) + per_page - 1) // per_page
        urls = [f"{base}/{cat}/"] + [f"{base}/{cat}/index_{k}.html" for k in range(2, n_pages + 1)]
        for k in range(1, n_pages + 1):
            chunk = items[(k - 1) * per_page : k * per_page]
            listing = "".join(list_item(a, description_of(a)) for a in chunk)
            main = (
                crumb(base, site_name, [(name, f"{base}/{cat}/")])
                + '<div class="container">\n    <div class="row">\n        <main class="col-lg-8">\n'
                + box(
                    name,
                    f'<div class="mipui-widget-media-body mipui-category-list-001">\n{listing}</div>\n'
                    + pagination(urls, k),
                )
                + '        </main>\n        <aside class="col-lg-4 hidden-xs">\n'
                + box("热门文章", li_box_list([a for a in hot if a["cat"] == cat][:6]))
                + hot_tags
                + "        </aside>\n    </div>\n</div>\n"
            )
            title = f"{name}_{site_name}" if k == 1 else f"{name}_第{k}页_{site_name}"
            put(urls[k - 1].removeprefix(base), page_(title, main, name, urls[k - 1]))

    # --- tag pages ----------------------------------------------------------------------------------------
    for name, slug in tags_list:
        tagged = [a for a in latest if name in a["tags"]]
        listing = "".join(list_item(a, description_of(a)) for a in tagged)
        main = (
            '<div class="container">\n    <div class="row">\n        <main class="col-lg-8">\n'
            + box(name, f'<div class="mipui-widget-media-body mipui-category-list-001">\n{listing}</div>\n')
            + '        </main>\n        <aside class="col-lg-4">\n'
            + hot_tags
            + "        </aside>\n    </div>\n</div>\n"
        )
        put(f"/tag/{slug}/", page_(f"{name}_{site_name}", main, "", f"{base}/tag/{slug}/"))

    # --- search results ----------------------------------------------------------------------------------
    for word in searches_list:
        found = [a for a in latest if word in a["title"].lower()]
        listing = "".join(list_item(a, description_of(a)) for a in found)
        main = (
            '<div class="container">\n    <div class="row">\n        <main class="col-lg-8">\n'
            + box(
                f"“{word}”的搜索结果",
                f'<p class="search-count">共找到 {len(found)} 篇相关文章</p>\n'
                f'<div class="mipui-widget-media-body mipui-category-list-001">\n{listing}</div>\n',
            )
            + '        </main>\n        <aside class="col-lg-4">\n'
            + hot_tags
            + "        </aside>\n    </div>\n</div>\n"
        )
        url = f"{base}/search/?keywords={word}"
        put(f"/search/?keywords={word}", page_(f"{word}_搜索结果_{site_name}", main, "", url))

    # --- special page (custom page addon) ----------------------------------------------------------------
    rng = random.Random(seed + 1)
    intro = "".join(text_bank.paragraphs("职场", rng, 1))
    picks = [a for a in latest if a["cat"] == "zhichang"][:6]
    lis = "".join(f'<li><a href="{a["url"]}" data-type="mip">{esc(a["title"])}</a></li>' for a in picks)
    main = (
        '<div class="container">\n    <section class="mip-box mip-box-main">\n'
        + '        <section class="mip-box-heading">\n'
        + '             <h1 class="detail-title demo-title">新人入职专栏</h1>\n        </section>\n'
        + '        <section class="mip-box-body mipcms-detail-body">\n'
        + f"<p>{esc(intro)}本专栏收集了入职、面试和职场沟通方面的文章，持续更新。</p>\n"
        + f'<ul class="list-unstyled zhuanlan-list">{lis}</ul>\n'
        + "        </section>\n    </section>\n</div>\n"
    )
    put("/zhuanlan.html", page_(f"新人入职专栏_{site_name}", main, "专栏", f"{base}/zhuanlan.html"))

    # --- home -----------------------------------------------------------------------------------------------
    rec = [a for a in latest if a["first_img"]][:2] + hot[:2]
    top = "".join(
        f'<div class="mip-top-block"><a href="{a["url"]}" data-type="mip" data-title="{esc(a["title"])}" '
        f'title="{esc(a["title"])}" class="mip-top-img"><mip-img layout="full" class="img" alt="{esc(a["title"])}"'
        f' src="{a["first_img"] or "/assets/default/images/no-images.jpg"}"></mip-img></a>'
        f'<div class="caption"><time class="time" datetime="{a["date"]}">{a["date"]}</time>'
        f'<h3><a href="{a["url"]}" data-type="mip" title="{esc(a["title"])}">{esc(a["title"])}</a></h3></div></div>'
        for a in rec
    )
    cats = ""
    for cat, name in name_of.items():
        lis = "".join(
            f'<li class="list-time"><a href="{a["url"]}" data-type="mip" data-title="{esc(a["title"])}"'
            f' title="{esc(a["title"])}">{esc(a["title"])}</a><time class="pull-right">{a["date"][5:]}</time></li>\n'
            for a in [b for b in latest if b["cat"] == cat][:5]
        )
        cat_box = box(name, f'<ul class="list-unstyled clearfix">\n{lis}</ul>', "")
        cats += f'<section class="col-lg-6">{cat_box}</section>\n'
    main = (
        f'<div class="container m-b hidden-xs">\n    <div class="row">{top}</div>\n</div>\n'
        + '<div class="container">\n    <div class="row">\n        <main class="col-lg-8">\n'
        + f'            <div class="row">\n{cats}            </div>\n'
        + '        </main>\n        <aside class="col-lg-4 hidden-xs">\n'
        + side
        + hot_tags
        + searches
        + "        </aside>\n    </div>\n</div>\n"
    )
    about = "知行笔记，记录技术、创业和职场的点滴。"
    home = page_(f"{site_name}_职场、技术与创业笔记", main, "首页", f"{base}/", description=about)
    put("/", home)
    put("/index.php", home)

    urls = "".join(f"<url><loc>{a['url']}</loc><lastmod>{a['date']}</lastmod></url>" for a in latest)
    sitemap = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n'
    out["/sitemap.xml"] = Resource(sitemap.encode("utf-8"), content_type="application/xml; charset=utf-8")
    return out


def rng_even(n: int) -> bool:
    """Articles with no comments still show the empty comment box on about half the pages (every even id)."""
    return n % 2 == 0
