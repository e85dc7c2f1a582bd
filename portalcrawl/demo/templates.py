"""HTML of the demo portal's pages, in two stock-CMS styles.

"dede" follows DedeCMS article/list templates (the seed page's shape: glued category nav,
a year-less meta line, 【导读】 lead, 投诉/评论 actions, two teaser lists of two eras,
友情链接 and a tag-cloud footer). "phpcms" follows PHPCMS v9 (breadcrumb, 发布时间/来源/作者
bar, 责任编辑, share row, 相关阅读 with dates, ranking sidebar).
"""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from .model import DemoArticle, DemoPortal, DemoSite

FRIEND_NAMES = [("中准网", "http://www.zhongzhun.example/"), ("快百科", "http://www.kuaibaike.example/"),
                ("文好找", "http://www.wenhaozhao.example/")]
TAG_CLOUD = ["作文", "动态", "热点", "娱乐", "育儿", "情感", "教程", "科技", "体育", "养生"]


def _a(href: str, text: str, cls: str = "") -> str:
    c = f' class="{cls}"' if cls else ""
    return f'<a href="{escape(href)}"{c}>{escape(text)}</a>'


def _head(title: str, charset: str | None, extra: str = "") -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}" />' if charset else ""
    return f"<!DOCTYPE html>\n<html><head>{meta}<title>{escape(title)}</title>{extra}</head>\n<body>\n"


# ---------------------------------------------------------------- DedeCMS style

def _dede_nav(site: DemoSite) -> str:
    links = "".join(_a(site.list_path(slug, 1), name) for name, slug in site.categories)
    return (f'<div class="header"><div class="logo">{_a("/", site.name)}</div>'
            f'<div class="nav">{_a("/", "首页")}{links}{_a("/plus/submit.php", "投稿")}'
            f'{_a("/plus/complain.php", "投诉")}{_a("/plus/search.php", "搜索")}</div></div>\n')


def _dede_footer(site: DemoSite, sister: tuple[str, str]) -> str:
    friends = "".join(_a(url, name) for name, url in [sister, *FRIEND_NAMES])
    tags = "".join(_a(f"/tags.php?tag={t}", t) for t in TAG_CLOUD)
    return (f'<div class="flink"><strong>友情链接:</strong>{friends}</div>\n'
            f'<div class="footer"><div class="tags">{tags}</div>'
            f"<p>Copyright &copy; 2015 {escape(site.name)} 版权所有 粤ICP备15000000号</p></div>\n</body></html>")


def _page_numbers(total: int, page: int, link: Callable[[int], str]) -> str:
    """A window of page numbers around the current one, as CMS pagers print them."""
    first = max(1, min(page - 4, total - 9))
    return "".join(link(n) if n != page else f"<b>{n}</b>" for n in range(first, min(total, first + 9) + 1))


def _teaser_li(a: DemoArticle) -> str:
    return f"<li>{_a(a.path, a.title)}<p>{escape(a.summary)}</p></li>"


def dede_article(site: DemoSite, a: DemoArticle, page: int, sister: tuple[str, str],
                 related: list[DemoArticle], era2: list[DemoArticle]) -> str:
    charset = {"undeclared": None, "misdeclared": "utf-8"}.get(a.charset_quirk or "", "gb2312")
    body = "".join(f"<p>{escape(p)}</p>\n" for p in a.page_paragraphs(page))
    pager = ""
    if a.pages > 1:
        nums = "".join(_a(a.page_path(n), str(n)) if n != page else f"<b>{n}</b>" for n in range(1, a.pages + 1))
        prev = _a(a.page_path(page - 1), "上一页") if page > 1 else ""
        nxt = _a(a.page_path(page + 1), "下一页") if page < a.pages else ""
        pager = f'<div class="pagebreak">{prev}{nums}{nxt}</div>\n'
    own = [a, *[r for r in related if r is not a]][:5]
    flat = "".join(f"{_a(r.path, r.title)}{escape(r.summary)}" for r in era2)
    others = [r for r in site.articles if r.slug == a.slug and r is not a]
    prenext = (f'<div class="prenext"><li>上一篇：{_a(others[0].path, others[0].title)}</li>'
               f'<li>下一篇：{_a(others[1].path, others[1].title)}</li></div>\n')
    return (
        _head(f"{a.title}_{a.category}_{site.name}", charset) + _dede_nav(site)
        + f'<div class="place">当前位置：{_a("/", "主页")} &gt; '
          f'{_a(site.list_path(a.slug, 1), a.category)} &gt;</div>\n'
        + f'<div class="article"><h1>{escape(a.title)}</h1>\n'
        + f'<div class="info"><span class="time">{escape(a.shown_date)}</span> '
          f'<span class="author">{escape(a.byline)}</span></div>\n'
        + f'<div class="content">\n{body}</div>\n{pager}'
        + f'<div class="actions">{_a(f"/plus/complain.php?aid={a.aid}", "投诉")} '
          f'{_a(f"/plus/feedback.php?aid={a.aid}", "评论")}</div>\n{prenext}</div>\n'
        + f'<div class="related"><h3>相关文章</h3><ul>{"".join(_teaser_li(r) for r in own)}</ul></div>\n'
        + f'<div class="tuijian">{flat}</div>\n'
        + _dede_footer(site, sister)
    )


def dede_list(site: DemoSite, slug: str, page: int, sister: tuple[str, str], dead: list[str]) -> str:
    name = next(n for n, s in site.categories if s == slug)
    arts = site.in_category(slug)[(page - 1) * site.per_list_page : page * site.per_list_page]
    items = "".join(
        f'<li>{_a(a.path, a.title, "title")}<span class="date">{a.date:%Y-%m-%d}</span>'
        f"<p>{escape(a.summary)}</p></li>\n" for a in arts
    )
    items += "".join(f'<li>{_a(p, "（已删除）旧文章")}<span class="date">2015-09-01</span></li>\n' for p in dead)
    total = site.list_pages(slug)
    nums = _page_numbers(total, page, lambda n: _a(site.list_path(slug, n), str(n)))
    nxt = _a(site.list_path(slug, page + 1), "下一页") if page < total else ""
    prev = _a(site.list_path(slug, page - 1), "上一页") if page > 1 else ""
    return (
        _head(f"{name}_{site.name}", "gb2312") + _dede_nav(site)
        + f'<div class="place">当前位置：{_a("/", "主页")} &gt; {escape(name)}</div>\n'
        + f'<div class="listbox"><ul class="e2">\n{items}</ul></div>\n'
        + f'<div class="pagelist">{_a(site.list_path(slug, 1), "首页")}{prev}{nums}{nxt}'
          f'{_a(site.list_path(slug, total), "末页")}</div>\n'
        + _dede_footer(site, sister)
    )


def dede_home(site: DemoSite, sister: tuple[str, str]) -> str:
    blocks = []
    for name, slug in site.categories:
        lis = "".join(f'<li>{_a(a.path, a.title)}<span>{a.date:%m-%d}</span></li>' for a in site.in_category(slug)[:4])
        blocks.append(f'<div class="box"><h2>{_a(site.list_path(slug, 1), name)}</h2><ul>{lis}</ul></div>\n')
    feed = '<link rel="alternate" type="application/rss+xml" title="RSS" href="/rss.xml" />'
    return _head(f"{site.name} - 分享身边的知识", "gb2312", feed) + _dede_nav(site) + "".join(blocks) \
        + _dede_footer(site, sister)


# ---------------------------------------------------------------- PHPCMS style

def _php_nav(site: DemoSite) -> str:
    lis = "".join(f"<li>{_a(site.list_path(slug, 1), name)}</li>" for name, slug in site.categories)
    return (f'<div id="header"><div class="logo">{_a("/", site.name)}</div>'
            f'<ul class="nav"><li>{_a("/", "首页")}</li>{lis}<li>{_a("/index.php?m=search", "搜索")}</li></ul></div>\n')


def _php_footer(site: DemoSite, sister: tuple[str, str]) -> str:
    friends = "".join(_a(url, name) for name, url in [sister, *FRIEND_NAMES])
    return (f'<div class="links"><h3>友情链接</h3><div class="link-list">{friends}</div></div>\n'
            f'<div id="footer"><p>{_a("/about.html", "关于我们")} | {_a("/contact.html", "联系我们")}</p>'
            f"<p>Copyright &copy; 2023 {escape(site.name)} All Rights Reserved 京ICP备23000000号</p></div>\n"
            "</body></html>")


def _ranking(site: DemoSite) -> str:
    lis = "".join(f"<li><em>{n + 1}</em>{_a(a.path, a.title)}</li>" for n, a in enumerate(site.articles[:8]))
    return f'<div class="right"><h3>热门排行</h3><ul class="rank">{lis}</ul></div>\n'


def php_article(site: DemoSite, a: DemoArticle, sister: tuple[str, str], related: list[DemoArticle]) -> str:
    body = "".join(f"<p>{escape(p)}</p>\n" for p in a.paragraphs)
    rel = "".join(f'<li>{_a(r.path, r.title)}<span class="date">{r.date:%Y-%m-%d}</span></li>'
                  for r in related if r is not a)
    return (
        _head(f"{a.title} - {a.category} - {site.name}", "utf-8") + _php_nav(site)
        + f'<div class="crumbs">当前位置：{_a("/", "首页")} &gt; '
          f'{_a(site.list_path(a.slug, 1), a.category)} &gt; 正文</div>\n'
        + '<div class="main"><div class="left"><div id="Article">'
        + f'<h1>{escape(a.title)}</h1>\n<div class="tit_bar">发布时间：{escape(a.shown_date)}　'
          f'{escape(a.byline)}　{_a(f"/index.php?m=comment&id={a.aid}", "评论")}</div>\n'
        + f'<div class="content">\n{body}</div>\n'
        + f'<p class="editor">责任编辑：{escape(a.editor or "")}</p>\n'
        + '<div class="share">分享到：<a href="#">微信</a><a href="#">微博</a><a href="#">QQ空间</a></div>\n'
        + f'</div><div class="related"><h3>相关阅读</h3><ul>{rel}</ul></div></div>\n'
        + _ranking(site) + "</div>\n" + _php_footer(site, sister)
    )


def php_list(site: DemoSite, slug: str, page: int, sister: tuple[str, str]) -> str:
    name = next(n for n, s in site.categories if s == slug)
    arts = site.in_category(slug)[(page - 1) * site.per_list_page : page * site.per_list_page]
    items = "".join(f'<li>{_a(a.path, a.title)}<span class="date">{a.date:%Y-%m-%d}</span>'
                    f"<p>{escape(a.summary)}</p></li>\n" for a in arts)
    total = site.list_pages(slug)
    nums = _page_numbers(total, page, lambda n: _a(site.list_path(slug, n), str(n)))
    prev = _a(site.list_path(slug, page - 1), "上一页") if page > 1 else ""
    nxt = _a(site.list_path(slug, page + 1), "下一页") if page < total else ""
    return (
        _head(f"{name} - {site.name}", "utf-8") + _php_nav(site)
        + f'<div class="crumbs">当前位置：{_a("/", "首页")} &gt; {escape(name)}</div>\n'
        + f'<div class="main"><div class="left"><ul class="list">\n{items}</ul>'
        + f'<div id="pages">{prev}{nums}{nxt}</div></div>\n' + _ranking(site) + "</div>\n"
        + _php_footer(site, sister)
    )


def php_home(site: DemoSite, sister: tuple[str, str], old_path: str) -> str:
    blocks = []
    for name, slug in site.categories:
        lis = "".join(f"<li>{_a(a.path, a.title)}</li>" for a in site.in_category(slug)[:3])
        blocks.append(f'<div class="box"><h2>{_a(site.list_path(slug, 1), name)}</h2><ul>{lis}</ul></div>\n')
    return (_head(f"{site.name} - 热点资讯门户", "utf-8") + _php_nav(site) + "".join(blocks)
            + f'<div class="box"><h2>往期回顾</h2><ul><li>{_a(old_path, "旧版专题入口")}</li></ul></div>\n'
            + _php_footer(site, sister))


def rss(site: DemoSite, base: str) -> str:
    """The newest articles as RSS 2.0, with publication dates (a year clue for "8月4日")."""
    newest = sorted(site.articles, key=lambda a: a.date, reverse=True)[:10]
    items = "".join(
        f"<item><title>{escape(a.title)}</title><link>{base}{a.path}</link>"
        f"<pubDate>{a.date:%a, %d %b %Y} 08:00:00 +0800</pubDate></item>" for a in newest
    )
    return (f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>{escape(site.name)}</title>'
            f"<link>{base}/</link>{items}</channel></rss>")


def sitemap(site: DemoSite, base: str) -> str:
    urls = "".join(f"<url><loc>{base}{a.path}</loc><lastmod>{a.date.isoformat()}</lastmod></url>"
                   for a in site.articles)
    return ('<?xml version="1.0" encoding="utf-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"{urls}</urlset>")


def not_found(site: DemoSite) -> str:
    return (_head(f"404 页面不存在 - {site.name}", "utf-8")
            + "<h1>404 Not Found</h1><p>您访问的页面不存在。</p></body></html>")


def render_portal(portal: DemoPortal, bases: dict[str, str]) -> dict[str, dict[str, str]]:
    """Every page of every site: {site: {path: html}}. Friend links need the sister's base URL."""
    out: dict[str, dict[str, str]] = {}
    keys = list(portal.sites)
    for key, site in portal.sites.items():
        other = portal.sites[keys[1 - keys.index(key)]]
        sister = (other.name, bases[other.key] + "/")
        pages: dict[str, str] = {}
        dead = [p for s, p in portal.missing if s == key]
        for _, slug in site.categories:
            for n in range(1, site.list_pages(slug) + 1):
                if site.template == "dede":
                    pages[site.list_path(slug, n)] = dede_list(site, slug, n, sister, dead if n == 2 else [])
                else:
                    pages[site.list_path(slug, n)] = php_list(site, slug, n, sister)
        for a in site.articles:
            related = [r for r in site.in_category(a.slug)][:5]
            if site.template == "dede":
                era2 = [r for r in site.articles if r.slug != a.slug][a.aid % 4 :: 6][:3]
                for n in range(1, a.pages + 1):
                    pages[a.page_path(n)] = dede_article(site, a, n, sister, related, era2)
            else:
                pages[a.path] = php_article(site, a, sister, related)
        old = next((p for (s, p) in portal.redirects if s == key), "/")
        pages["/"] = dede_home(site, sister) if site.template == "dede" else php_home(site, sister, old)
        if site.template == "dede":
            pages["/rss.xml"] = rss(site, bases[key])
        else:
            pages["/sitemap.xml"] = sitemap(site, bases[key])
        out[key] = pages
    return out
