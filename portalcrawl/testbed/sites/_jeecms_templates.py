"""HTML of the JEECMS test site, after JEECMS v8/v9's default front-end theme (``t/cms/www/default``).

Shapes modelled (markup written here, not copied): ``include/header.html`` (logo, ``nav.menu``, search form
posting ``q`` to ``/search.jspx``), ``content/news.html`` (``h1`` holding the headline *and* an
``a.position`` channel link, ``div.content-inf`` "发布时间：… 作者：… 来源：… 浏览次数：" with the view count
filled by script, ``div.content-txt``, ``div.content-link`` prev/next, ``section.comments`` and
``section.comments-list`` with ``div.comments-item``), ``include/right310.html`` (大家都在搜 / 热门话题 /
专题专栏 blocks in ``section.w310``), ``channel/news.html`` (``section.hot`` items with a ``yyyy-MM-dd HH-mm``
date and ``div.page-large`` pager), ``special/tag_default.html`` and ``special/search_result.html``
(``div.searchNav`` + ``div.searchList``), ``topic/topic_default.html``, the blue theme's
``页脚友情链接栏.html`` (``div#hotlink``) and ``include/footer.html``.
"""

from __future__ import annotations

import json
from html import escape
from typing import Any

RES = "/r/cms/www/default"


def head(title: str, keywords: str = "", description: str = "", extra: str = "") -> str:
    # JEECMS's default theme really does open <head> after the metas and never closes it
    return (
        "<!DOCTYPE HTML>\n<html>\n"
        '<meta name="viewport" content="width=device-width, initial-scale=1.0">\n'
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8" />\n'
        f"<title>{escape(title)}</title>\n"
        f'<meta content="{escape(keywords)}" http-equiv="keywords" />\n'
        f'<meta content="{escape(description)}" http-equiv="description" />\n'
        '<script src="/r/cms/jquery.js" type="text/javascript"></script>\n'
        '<script src="/r/cms/front.js" type="text/javascript"></script>\n'
        f'<link type="text/css" rel="stylesheet" href="{RES}/css/index.css" />\n'
        "<!--[if lt IE 9]>\n"
        f'<script src="{RES}/js/html5shiv.min.js"></script>\n'
        "<![endif]-->\n"
        f"{extra}"
        "<head>\n<body>\n"
    )


def header(site: dict[str, Any], current: str | None) -> str:
    items = []
    for c in site["channels"]:
        on = ' class="on"' if current == c["path"] else ""
        items.append(f'        <li{on}><a href="{c["url"]}">{escape(c["name"])}</a></li>')
    home_on = ' class="on"' if current is None else ""
    return (
        '<section class="top">\n  <div class="top-bar container clearfix">'
        f'<span class="welcome">欢迎访问{escape(site["name"])}！</span>'
        '<span class="top-r"><a class="jf-btn" id="gb2big5">繁</a></span></div>\n</section>\n'
        '<header class="header rel">\n'
        '  <div class="header-rss"><a class="rss-btn" title="RSS订阅">RSS</a></div>\n'
        '  <div class="container clearfix">\n'
        f'    <a class="logo" href="/" title="{escape(site["name"])}"><img src="{RES}/images/logo.png"></a>\n'
        '    <nav class="nav">\n      <ul class="menu">\n'
        f'        <li{home_on}><a href="/index.jhtml">首页</a></li>\n'
        + "\n".join(items)
        + "\n      </ul>\n    </nav>\n"
        '    <div class="header-r">\n      <div class="search">\n'
        '        <form action="/search.jspx" target="_blank" id="searchForm">\n'
        '        <input type="text" name="q" value="" maxlength="50" autocomplete="off" class="searchCon">'
        '<input type="submit" value="" class="searchMenu">\n'
        "        </form>\n      </div>\n"
        '      <div class="login"><a class="tc">登录</a>&nbsp;&nbsp;|&nbsp;&nbsp;<a>注册</a></div>\n'
        "    </div>\n  </div>\n</header>\n"
    )


def sidebar(site: dict[str, Any]) -> str:
    words = "".join(f'<a href="{w["url"]}">{escape(w["word"])}</a>' for w in site["search_words"])
    hot = []
    for i, a in enumerate(site["hot"]):
        style = ' style="border-top:none;"' if i == 0 else ""
        hot.append(
            f'      <div class="item clearfix"{style}>\n'
            f'        <h2><a href="{a["url"]}" target="_blank">{escape(a["short"])}</a></h2>\n'
            f'        <div class="issue-comment">评论  ({a["ncomments"]})</div>\n      </div>'
        )
    latest = "".join(
        f'<li><a href="{a["url"]}" title="{escape(a["title"])}" target="_blank">{escape(a["short"])}</a></li>'
        for a in site["latest"]
    )
    topic = site["topic"]
    return (
        '  <section class="w310">\n'
        '    <section class="tag clearfix">\n'
        '      <div class="tag-nav"><h1><a>大家都在搜</a></h1></div>\n'
        f'      <div class="tagList"><div class="cTag">{words}</div></div>\n'
        "    </section>\n"
        '    <section class="tag issue clearfix">\n'
        '      <div class="tag-nav"><h1><a>热门话题</a></h1></div>\n' + "\n".join(hot) + "\n    </section>\n"
        '    <section class="tag newest clearfix">\n'
        '      <div class="tag-nav"><h1><a>最新资讯</a></h1></div>\n'
        f'      <ul class="newest-list">{latest}</ul>\n'
        "    </section>\n"
        '    <section class="tag topic clearfix">\n'
        '      <div class="tag-nav"><h1><a>专题专栏</a></h1></div>\n'
        f'      <div class="topicList"><a href="{topic["url"]}" target="_blank"><img src="{topic["img"]}"'
        f' alt="{escape(topic["name"])}"></a></div>\n'
        "    </section>\n"
        "  </section>\n"
    )


def footer(site: dict[str, Any]) -> str:
    links = "\n".join(
        f'  <a href="{url}" target="_blank">{escape(text)}</a>' for text, url in site["friend_links"]
    )
    corp = site["corp"]
    return (
        f'<div id="hotlink" class="container">\n 友情链接:\n{links}\n</div>\n'
        '<footer class="footer">\n  <div class="footer-link container">\n'
        f'    <a style="margin-left:0;" href="{corp}/about.htm">关于我们</a><a href="{corp}/lxwm.htm">联系我们</a>'
        f'<a href="{corp}/ad.htm">广告服务</a><a href="{corp}/xkxy.htm">版权声明</a>'
        '<a onclick="AddFavorite(window.location,document.title)" href="javascript:void(0)">加入收藏</a>\n'
        "  </div>\n"
        f'  <div class="copyright container"><p>{escape(site["icp"])}&nbsp;&nbsp;&nbsp;&nbsp;'
        f"Powered by JeeCms Copyright © 2015-2024 {escape(site['domain'])}, All Rights Reserved</p></div>\n"
        "</footer>\n"
        '<div class="right-fixed"><a class="gotop" href="javascript:void(0)" title="返回顶部"></a></div>\n'
        "</body>\n</html>\n"
    )


def body_html(blocks: list[tuple]) -> str:
    out = []
    for b in blocks:
        kind = b[0]
        if kind == "p":
            out.append(f'<p style="text-indent: 2em;">{escape(b[1])}</p>')
        elif kind == "pc":  # centred line (poem, caption)
            out.append(f'<p style="text-align: center;">{escape(b[1])}</p>')
        elif kind == "strong":
            out.append(f"<p><strong>{escape(b[1])}</strong></p>")
        elif kind == "br":  # lines kept in one paragraph, split by <br/>
            out.append("<p>" + "<br/>".join(escape(x) for x in b[1]) + "</p>")
        elif kind == "img":
            out.append(
                f'<p style="text-align: center;"><img src="{b[1]}" title="{escape(b[2])}" alt="{escape(b[2])}"'
                ' width="600" border="0" vspace="0" style="width: 600px;"/></p>'
            )
        elif kind == "table":
            rows = []
            for i, row in enumerate(b[1]):
                tag = "td"
                style = ' style="background-color: rgb(242, 242, 242);"' if i == 0 else ""
                cells = "".join(f'<{tag} width="{100 // len(row)}%" valign="top">{escape(c)}</{tag}>' for c in row)
                rows.append(f"<tr{style}>{cells}</tr>")
            out.append(
                '<table width="100%" border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;">'
                "<tbody>" + "".join(rows) + "</tbody></table>"
            )
    return "\n".join(out)


def article_page(site: dict[str, Any], a: dict[str, Any]) -> str:
    ch = a["channel"]
    extra = ""
    if a["jsonld"]:
        ld = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": a["title"],
            "datePublished": a["iso"],
            "author": {"@type": "Person", "name": a["author_printed"]},
            "publisher": {"@type": "Organization", "name": site["name"]},
        }
        extra = '<script type="application/ld+json">' + json.dumps(ld, ensure_ascii=False) + "</script>\n"
    extra += (
        '<script type="text/javascript">\n$(function() {\n'
        f'Cms.viewCount("","{a["id"]}");\nCms.siteFlow("", location.href, document.referrer,"true");\n'
        "});\n</script>\n"
    )
    html = [head(a["head_title"], " ".join(t["name"] for t in a["tags"]), a["desc"], extra)]
    html.append(header(site, ch["path"]))
    html.append('<div class="main container clearfix">\n  <section class="content_w850">\n')
    html.append(
        f'    <div class="website">当前位置: <a href="/">首页</a> &gt; '
        f'<a href="{ch["url"]}" target="_blank">{escape(ch["name"])}</a> &gt; 正文</div>\n'
    )
    if not a["title_only"]:
        html.append(
            f'    <h1>{escape(a["title"])}<a class="position" href="{ch["url"]}">{escape(ch["name"])}</a></h1>\n'
        )
    meta = []
    if not a["jsonld"]:
        meta.append(f"发布时间：{a['date']} {a['time']}")
    meta.append(f"作者：{escape(a['author_printed'])}")
    meta.append(f"来源：{escape(a['source'])}")
    meta.append('浏览次数：<span id="views"></span>')
    html.append(
        '    <div class="content-inf">' + "&nbsp;&nbsp;".join(meta) + "\n"
        '    <div class="content-action">'
        + ('<a class="content-comment">我有话说</a> | ' if a["comments"] else "")
        + '<span class="content-share">分享\n'
        '    <ul class="content-share-list"><li><a class="content_qq">QQ好友</a></li>'
        '<li><a class="content_qqzone">QQ空间</a></li><li><a class="content_weixin">微信好友</a></li>'
        '<li><a class="content_sina">新浪微博</a></li></ul>\n'
        '    </span> | <a class="content-collect" id="collectCsiDiv">收藏</a></div>\n    </div>\n'
    )
    if a["summary_box"]:
        html.append(
            '    <div class="content-des"><span class="des-label">导读</span>'
            f'<p>{escape(a["summary_text"])}</p></div>\n'
        )
    html.append('    <div class="content-txt">\n' + body_html(a["blocks"]) + "\n    </div>\n")
    tags = "".join(f'<a href="{t["url"]}" target="_blank">{escape(t["name"])}</a>' for t in a["tags"])
    html.append(f'    <div class="content-tag">Tags：{tags}</div>\n')
    html.append(f'    <div class="content-statement">{escape(site["statement"])}</div>\n')
    html.append('    <div class="reward"><a class="reward-btn">打赏</a></div>\n')
    prev, nxt = a["prev"], a["next"]
    prev_html = f'<a href="{prev["url"]}">{escape(prev["cut"])}</a>' if prev else "没有了"
    next_html = f'<a href="{nxt["url"]}">{escape(nxt["cut"])}</a>' if nxt else "没有了"
    html.append(
        '    <div class="content-link clearfix">\n'
        f'      <span class="prev-content"><i></i>上一篇：{prev_html}</span>\n'
        f'      <span class="next-content">下一篇：{next_html}<i></i></span>\n    </div>\n'
    )
    rel = []
    for r in a["related"]:
        rel.append(
            '      <div class="item clearfix">\n'
            f'        <h2><a href="{r["url"]}" target="_blank">{escape(r["title"])}</a></h2>\n'
            f'        <div class="des">{escape(r["cut72"])}</div>\n'
            f'        <span class="ch">{escape(r["channel"]["name"])}<em>{r["date"]}</em></span>\n      </div>'
        )
    html.append(
        '    <section class="hot related">\n      <div class="hot-nav"><h1><span>相关阅读</span></h1></div>\n'
        + "\n".join(rel)
        + "\n    </section>\n"
    )
    if a["comments"]:
        html.append(
            '    <section class="comments">\n'
            f'      <h1>评论<span>已有<a class="count">{len(a["comments"])}</a>条</span></h1>\n'
            '      <textarea placeholder="发表你此时的观点和想法 ……" class="comments-text"'
            ' id="comments-text"></textarea>\n'
            f'      <div class="down clearfix"><img src="{RES}/images/userImg.png" class="userImg">'
            '<span><a>登录</a>之后才能发表评论</span><input type="submit" value="提交评论" class="submit-on"></div>\n'
            "    </section>\n"
            '    <section class="comments-list">\n      <h1><span>热门评论</span></h1>\n'
        )
        for c in a["comments"]:
            html.append(
                '      <div class="comments-item">\n'
                f'        <div class="tx"><img src="{RES}/images/user0{c["avatar"]}.png"></div>\n'
                '        <div class="rig">\n'
                f'          <div class="rig-top"><a class="username">{escape(c["name"])}</a>'
                f'<em>{c["time"]}</em></div>\n'
                f'          <div class="rig-txt">{escape(c["text"])}</div>\n'
                f'          <div class="rig-bottom"><a class="comments-zan">赞({c["ups"]})</a>'
                '<a class="comments-hf">回复(0)</a></div>\n'
                "        </div>\n      </div>\n"
            )
        html.append('      <div class="open-more"><a>加载更多评论</a></div>\n    </section>\n')
    html.append("  </section>\n")
    html.append(sidebar(site))
    html.append("</div>\n")
    html.append(footer(site))
    return "".join(html)


def pager(urls: list[str], current: int) -> str:
    parts = ['<div class="page-large">\n      <div style="display:inline-block;">']
    if current > 0:
        parts.append(f'<a href="{urls[current - 1]}" class="prev-page"></a>')
    for i, u in enumerate(urls):
        cls = "Num on" if i == current else "Num"
        parts.append(f'<a class="{cls}" href="{u}">{i + 1}</a>')
    if current < len(urls) - 1:
        parts.append(f'<a class="next-page" href="{urls[current + 1]}"></a>')
    parts.append("</div>\n</div>\n")
    return "".join(parts)


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
    html.append(sidebar(site))
    html.append("</div>\n")
    html.append(footer(site))
    return "".join(html)


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
    html.append(sidebar(site))
    html.append("</div>\n")
    html.append(footer(site))
    return "".join(html)


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
