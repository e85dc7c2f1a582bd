"""The pages of the ``mipcms`` test site besides the articles: category lists (``article/article.html``), tag pages
(``tag/tagDetail.html``), search results, the 专栏 custom page (``addons/pages/view/pages.html``), the home page
(``index/index.html``) and the sitemap."""

from __future__ import annotations

import random
from typing import TYPE_CHECKING

from portalcrawl.demo import text_bank

from ...model import Resource
from .templates_blocks import box, description_of, esc, li_box_list, list_item, pagination
from .templates_shell import crumb

if TYPE_CHECKING:
    from .rendering import Rendering


def category_lists(r: Rendering) -> None:
    """Each category's list pages."""
    for cat, name in r.name_of.items():
        items = [a for a in r.latest if a["cat"] == cat]
        n_pages = (len(items) + r.per_page - 1) // r.per_page
        urls = [f"{r.base}/{cat}/"] + [f"{r.base}/{cat}/index_{k}.html" for k in range(2, n_pages + 1)]
        for k in range(1, n_pages + 1):
            chunk = items[(k - 1) * r.per_page : k * r.per_page]
            listing = "".join(list_item(a, description_of(a)) for a in chunk)
            main = (
                crumb(r.base, r.site_name, [(name, f"{r.base}/{cat}/")])
                + '<div class="container">\n    <div class="row">\n        <main class="col-lg-8">\n'
                + box(
                    name,
                    f'<div class="mipui-widget-media-body mipui-category-list-001">\n{listing}</div>\n'
                    + pagination(urls, k),
                )
                + '        </main>\n        <aside class="col-lg-4 hidden-xs">\n'
                + box("热门文章", li_box_list([a for a in r.hot if a["cat"] == cat][:6]))
                + r.hot_tags
                + "        </aside>\n    </div>\n</div>\n"
            )
            title = f"{name}_{r.site_name}" if k == 1 else f"{name}_第{k}页_{r.site_name}"
            r.put(urls[k - 1].removeprefix(r.base), r.page(title, main, name, urls[k - 1]))


def tag_pages(r: Rendering) -> None:
    """A page per tag."""
    for name, slug in r.tags_list:
        tagged = [a for a in r.latest if name in a["tags"]]
        listing = "".join(list_item(a, description_of(a)) for a in tagged)
        main = (
            '<div class="container">\n    <div class="row">\n        <main class="col-lg-8">\n'
            + box(name, f'<div class="mipui-widget-media-body mipui-category-list-001">\n{listing}</div>\n')
            + '        </main>\n        <aside class="col-lg-4">\n'
            + r.hot_tags
            + "        </aside>\n    </div>\n</div>\n"
        )
        r.put(f"/tag/{slug}/", r.page(f"{name}_{r.site_name}", main, "", f"{r.base}/tag/{slug}/"))


def search_pages(r: Rendering) -> None:
    """The result page of each hot search."""
    for word in r.searches_list:
        found = [a for a in r.latest if word in a["title"].lower()]
        listing = "".join(list_item(a, description_of(a)) for a in found)
        main = (
            '<div class="container">\n    <div class="row">\n        <main class="col-lg-8">\n'
            + box(
                f"“{word}”的搜索结果",
                f'<p class="search-count">共找到 {len(found)} 篇相关文章</p>\n'
                f'<div class="mipui-widget-media-body mipui-category-list-001">\n{listing}</div>\n',
            )
            + '        </main>\n        <aside class="col-lg-4">\n'
            + r.hot_tags
            + "        </aside>\n    </div>\n</div>\n"
        )
        url = f"{r.base}/search/?keywords={word}"
        r.put(f"/search/?keywords={word}", r.page(f"{word}_搜索结果_{r.site_name}", main, "", url))


def special_page(r: Rendering) -> None:
    """The 专栏 page, a custom page (addon)."""
    rng = random.Random(r.seed + 1)
    intro = "".join(text_bank.paragraphs("职场", rng, 1))
    picks = [a for a in r.latest if a["cat"] == "zhichang"][:6]
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
    r.put("/zhuanlan.html", r.page(f"新人入职专栏_{r.site_name}", main, "专栏", f"{r.base}/zhuanlan.html"))


def home_page(r: Rendering) -> None:
    """The home page, also served as ``/index.php``."""
    side = box("热门文章", li_box_list(r.hot[:6]))
    rec = [a for a in r.latest if a["first_img"]][:2] + r.hot[:2]
    top = "".join(
        f'<div class="mip-top-block"><a href="{a["url"]}" data-type="mip" data-title="{esc(a["title"])}" '
        f'title="{esc(a["title"])}" class="mip-top-img"><mip-img layout="full" class="img" alt="{esc(a["title"])}"'
        f' src="{a["first_img"] or "/assets/default/images/no-images.jpg"}"></mip-img></a>'
        f'<div class="caption"><time class="time" datetime="{a["date"]}">{a["date"]}</time>'
        f'<h3><a href="{a["url"]}" data-type="mip" title="{esc(a["title"])}">{esc(a["title"])}</a></h3></div></div>'
        for a in rec
    )
    cats = ""
    for cat, name in r.name_of.items():
        lis = "".join(
            f'<li class="list-time"><a href="{a["url"]}" data-type="mip" data-title="{esc(a["title"])}"'
            f' title="{esc(a["title"])}">{esc(a["title"])}</a><time class="pull-right">{a["date"][5:]}</time></li>\n'
            for a in [b for b in r.latest if b["cat"] == cat][:5]
        )
        cat_box = box(name, f'<ul class="list-unstyled clearfix">\n{lis}</ul>', "")
        cats += f'<section class="col-lg-6">{cat_box}</section>\n'
    main = (
        f'<div class="container m-b hidden-xs">\n    <div class="row">{top}</div>\n</div>\n'
        + '<div class="container">\n    <div class="row">\n        <main class="col-lg-8">\n'
        + f'            <div class="row">\n{cats}            </div>\n'
        + '        </main>\n        <aside class="col-lg-4 hidden-xs">\n'
        + side
        + r.hot_tags
        + r.searches
        + "        </aside>\n    </div>\n</div>\n"
    )
    about = "知行笔记，记录技术、创业和职场的点滴。"
    home = r.page(f"{r.site_name}_职场、技术与创业笔记", main, "首页", f"{r.base}/", description=about)
    r.put("/", home)
    r.put("/index.php", home)


def sitemap(r: Rendering) -> None:
    """``/sitemap.xml``, every article newest first."""
    urls = "".join(f"<url><loc>{a['url']}</loc><lastmod>{a['date']}</lastmod></url>" for a in r.latest)
    sitemap = f'<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>\n'
    r.out["/sitemap.xml"] = Resource(sitemap.encode("utf-8"), content_type="application/xml; charset=utf-8")
    return r.out
