"""The list and home pages of the JEECMS test site, after JEECMS v8/v9's default theme: ``channel/news.html``
(``section.hot`` items with a ``yyyy-MM-dd HH-mm`` date and ``div.page-large`` pager), ``special/tag_default.html``
and ``special/search_result.html`` (``div.searchNav`` + ``div.searchList``), ``topic/topic_default.html``, and
the home page.
"""

from __future__ import annotations

from html import escape
from typing import Any

from .._html import pager_links
from .templates_shell import RES, footer, head, header, with_sidebar


def pager(urls: list[str], current: int) -> str:
    """The pager of a channel; ``current`` counts from 0."""
    links = pager_links(
        urls, current + 1, '<a class="Num" href="{url}">{n}</a>', '<a class="Num on" href="{url}">{n}</a>',
        '<a href="{url}" class="prev-page"></a>', '<a class="next-page" href="{url}"></a>',
    )
    return '<div class="page-large">\n      <div style="display:inline-block;">' + "".join(links) + "</div>\n</div>\n"


def list_page(site: dict[str, Any], ch: dict[str, Any], items: list[dict[str, Any]], page: int) -> str:
    title = f"{ch['name']} - {site['name']} - Powered by JEECMS"
    html = [head(title, ch["name"], ch["desc"])]
    html.append(header(site, ch["path"]))
    html.append('<div class="main container clearfix">\n  <section class="w860">\n')
    html.append(
        f'    <div class="website">当前位置: <a href="/">首页</a> &gt; '
        f'<a href="{ch["url"]}" target="_blank">{escape(ch["name"])}</a></div>\n'
    )
    html.append('    <section class="hot">\n      <div class="hot-nav"><h1><span>热点聚焦</span></h1></div>\n')
    for i, a in enumerate(items):
        style = ' style="border-top:none;"' if i == 0 else ""
        img = ""
        if a["type_img"]:
            img = f'<a href="{a["url"]}" target="_blank" class="img"><img src="{a["type_img"]}"></a>'
        html.append(
            f'      <div class="item clearfix"{style}>\n          {img}\n          <div class="text">\n'
            f'            <h1><a href="{a["url"]}" target="_blank">{escape(a["title"])}</a></h1>\n'
            f'            <div class="des">{escape(a["cut116"])}</div>\n'
            f'            <div class="fl"><span class="ch">{escape(ch["name"])}<em>{a["date"]} {a["time_hm"]}</em>'
            "</span></div>\n"
            f'            <div class="data"><span class="view">{a["views"]}</span>'
            f'<span class="comment">{len(a["comments"])}</span></div>\n'
            "          </div>\n      </div>\n"
        )
    html.append("      " + pager(ch["page_urls"], page))
    html.append("    </section>\n  </section>\n")
    return with_sidebar(site, html)


def search_like_page(site: dict[str, Any], title: str, nav_html: str, items: list[dict[str, Any]]) -> str:
    html = [head(f"{title} - {site['name']} - Powered by JEECMS")]
    html.append(header(site, None))
    html.append('<div class="main container clearfix">\n  <section class="content_w850">\n')
    html.append(f'    <div class="searchNav">{nav_html}</div>\n    <div class="searchList">\n')
    for a in items:
        html.append(
            '      <div class="item">\n'
            f'        <div class="search-title"><a href="{a["url"]}" title="{escape(a["title"])}" target="_blank">'
            f"{escape(a['title'])}</a></div>\n"
            f'        <div class="search-txt">{escape(a["cut100"])}</div>\n'
            f'        <div class="search-date"><a href="{a["channel"]["url"]}" target="_blank">'
            f"{escape(a['channel']['name'])}</a><em>{a['date']} {a['time']}</em>浏览 <span>{a['views']}</span></div>\n"
            "      </div>\n"
        )
    html.append('    </div>\n    <div class="page-large"><div style="display:inline-block;">')
    html.append('<a class="Num on" href="#">1</a></div></div>\n  </section>\n')
    return with_sidebar(site, html)


def topic_page(site: dict[str, Any], topic: dict[str, Any]) -> str:
    html = [head(f"{topic['name']} - {site['name']} - Powered by JEECMS", topic["name"], topic["intro"][:60])]
    html[0] = html[0].replace(f"{RES}/css/index.css", f"{RES}/css/topic.css")
    html.append(
        '<header class="header">\n'
        f'  <div class="header-con"><a href="/" class="topic-logo"></a><div class="header-r fr">'
        f'<a href="/index.jhtml"><i></i>返回首页</a></div></div>\n</header>\n'
        f'<section class="banner" style="background:url({topic["img"]}) center center no-repeat;"></section>\n'
        '<section class="main">\n'
        f'  <div class="topic-intro"><h1>专题导语</h1><p>{escape(topic["intro"])}</p></div>\n'
        '  <div class="top clearfix">\n    <div class="top-news fl">\n      <h1>专题头条</h1>\n'
    )
    lead, rest = topic["items"][0], topic["items"][1:]
    html.append(
        '      <div class="item" style="border:0px none;">\n'
        f'        <div><a href="{lead["topic_url"]}" target="_blank" class="title bold">'
        f'{escape(lead["title"])}</a></div>\n'
        f'        <div class="des">{escape(lead["cut80"])}<a class="more bold">[详细]</a></div>\n      </div>\n'
        "    </div>\n  </div>\n"
    )
    html.append('  <div class="top-list">\n')
    for i in range(0, len(rest), 3):
        group = rest[i : i + 3]
        html.append(
            '    <div class="item">\n      '
            + " | ".join(f'<a href="{a["topic_url"]}" target="_blank">{escape(a["title"])}</a>' for a in group)
            + "\n    </div>\n"
        )
    html.append("  </div>\n</section>\n")
    html.append(footer(site))
    return "".join(html)


def home_page(site: dict[str, Any]) -> str:
    html = [head(f"首页 - {site['name']} - Powered by JEECMS", site["keywords"], site["description"])]
    html.append(header(site, None))
    html.append('<div class="main container home-main clearfix">\n')
    html.append(
        f'  <section class="top-ad"><a class="top-ad-pic"><img src="{RES}/images/top-ad.jpg">'
        "<i>广告</i></a></section>\n"
    )
    html.append('  <section class="home-top clearfix">\n    <div class="left-two fl">\n      <div class="rmht">\n')
    html.append('        <div class="left-nav"><span>热门话题</span></div>\n        <div class="rmht-list">\n')
    for i, a in enumerate(site["hot"]):
        cls = "item first" if i == 0 else "item"
        desc = ""
        if i == 0:
            desc = f'<div class="first-des clearfix"><span>{escape(a["cut34"])}</span></div>'
        html.append(
            f'          <div class="{cls}"><a href="{a["url"]}" target="_blank" class="title">{escape(a["short"])}</a>'
            f"{desc}</div>\n"
        )
    html.append('        </div>\n      </div>\n      <div class="jcpl">\n')
    html.append('        <div class="left-nav"><span>精彩评论</span></div>\n')
    html.append('        <div class="jcpl-list">\n')
    for c, a in site["good_comments"]:
        html.append(
            f'          <div class="item"><a href="{a["url"]}" target="_blank">{escape(c["text"])}</a>'
            f"<span>原新闻：{escape(a['title'])}</span></div>\n"
        )
    html.append("        </div>\n      </div>\n    </div>\n")
    for ch in site["channels"]:
        html.append(
            '    <div class="rdjj fl">\n'
            f'      <div class="nav-link"><a href="{ch["url"]}">{escape(ch["name"])}</a></div>\n'
            '      <div class="rdjj-list">\n        <ul>\n'
        )
        for i, a in enumerate(ch["articles"][:6]):
            bold = ' class="bold"' if i == 0 else ""
            html.append(f'          <li><a href="{a["url"]}" target="_blank"{bold}>{escape(a["cut28"])}</a></li>\n')
        html.append("        </ul>\n      </div>\n    </div>\n")
    html.append("  </section>\n")
    topic = site["topic"]
    html.append(
        '  <section class="home-ch clearfix">\n    <div class="jczt">\n      <div class="jczt-nav">精彩专题</div>\n'
        f'      <div class="jczt-list"><div class="home-jczt"><a href="{topic["url"]}" target="_blank">'
        f'<img src="{topic["img"]}"></a></div></div>\n    </div>\n'
    )
    html.append('    <div class="tssj">\n      <div class="nav-link"><a>图说世界</a></div>\n')
    html.append('      <div class="tssj-list">\n')
    for a in site["pictures"]:
        html.append(
            f'        <div class="item"><a href="{a["url"]}" target="_blank"><img src="{a["type_img"]}">'
            f'<span>{escape(a["short"])}</span></a></div>\n'
        )
    html.append("      </div>\n    </div>\n  </section>\n</div>\n")
    html.append(footer(site))
    return "".join(html)
