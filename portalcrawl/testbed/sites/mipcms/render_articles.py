"""The article pages of the ``mipcms`` test site (``article/articleDetail.html``): the detail body with its 摘要
box, 声明 note and 猜你喜欢 teasers, prev/next, comments, the sidebar, and the 熊掌号 / schema.org JSON-LD."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .templates_blocks import (
    box,
    cambrian,
    comments,
    description_of,
    esc,
    li_box_list,
    list_item,
    rng_even,
    schema_org,
    tags_box,
)
from .templates_shell import crumb

if TYPE_CHECKING:
    from .rendering import Rendering


def article_pages(r: Rendering) -> None:
    """A page per article, also under its old ``/article/<id>.html`` URL where it has one."""
    for a in r.arts:
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
        meta += [f"<li>浏览:{a['views']}</li>", f"<li>来源:{r.site_name}</li>"]
        tags = "".join(
            f'<li><a href="{r.tag_urls[t]}" data-type="mip" data-title="{t}" title="{t}" >{t}</a></li>'
            for t in a["tags"]
        )
        tags_ul = f'<ul class="tags hidden-xs pull-right">{tags}</ul>' if tags else ""
        summary = ""
        if a.get("summary"):
            summary = (
                '<div class="mipcms-detail-description"><span class="label">摘要</span>'
                f"<p>{esc(description_of(a, 60))}……</p></div>\n"
            )
        same = [b for b in r.latest if b["cat"] == cat and b is not a]
        guess = "".join(list_item(b, description_of(b)) for b in same[:5])
        idx = r.latest.index(a)
        updown = ""
        if idx + 1 < len(r.latest):
            up = r.latest[idx + 1]
            updown += (
                '<li class="item-up-page"><p>上一篇</p>'
                f'<a href="{up["url"]}" data-type="mip" data-title="{esc(up["title"])}"'
                f' title="{esc(up["title"])}">{esc(up["title"])} </a> </li>'
            )
        if idx > 0:
            down = r.latest[idx - 1]
            updown += (
                f'<li class="item-down-page"> <p>下一篇</p> <a href="{down["url"]}" data-type="mip"'
                f' data-title="{esc(down["title"])}" title="{esc(down["title"])}">{esc(down["title"])}</a></li>'
            )
        related = [b for b in r.arts if b is not a and set(b["tags"]) & set(a["tags"])][:5] or same[5:10]
        comment_box = comments(a.get("comments", [])) if "comments" in a or rng_even(a["id"]) else ""
        main = (
            crumb(
                r.base, r.site_name, [(r.name_of[cat], f"{r.base}/{cat}/")],
                None if title_only else (a["title"], a["url"]),
            )
            + '<div class="container">\n    <div class="row">\n        <main class="col-lg-8">\n'
            + '            <section class="mip-box mip-box-main">\n                <section class="mip-box-heading">\n'
            + f"                     {heading}\n"
            + f'                     <div class="info clearfix">\n                        <ul>{"".join(meta)}</ul>\n'
            + f"                        {tags_ul}\n                    </div>\n                </section>\n"
            + '                <section class="mip-box-body mipcms-detail-body">\n'
            + summary
            + a["html"].replace("{base}", r.base)
            + '\n<p class="mip-copyright">声明：本站部分文章来自网络，'
            f"版权归原作者所有。文章仅代表作者观点，不代表{r.site_name}立场；"
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
            + box("最新文章", li_box_list([b for b in r.latest if b is not a][:5]))
            + box("相关文章", li_box_list(related))
            + tags_box("最新标签", list(r.tag_urls.items())[::-1])
            + "        </aside>\n    </div>\n</div>\n"
        )
        script = ""
        if not title_only:
            script += cambrian(a["url"], a["title"], description_of(a), a["datetime"].replace(" ", "T"))
        if jsonld_only:
            script += schema_org(a["url"], a["date"], r.site_name)
        html = r.page(
            f"{a['title']}_{r.site_name}",
            main,
            r.name_of[cat],
            a["url"],
            keywords=",".join(a["tags"]),
            description=description_of(a),
            so=so,
            script=script,
        )
        r.put(a["path"], html)
        if a.get("alias"):
            r.put(a["alias"], html)
