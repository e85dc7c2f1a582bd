"""The page shell of the JEECMS test site, after JEECMS v8/v9's default front-end theme (``t/cms/www/default``).

Shapes modelled (markup written here, not copied): ``include/header.html`` (logo, ``nav.menu``, search form
posting ``q`` to ``/search.jspx``), ``include/right310.html`` (大家都在搜 / 热门话题 / 专题专栏 blocks in
``section.w310``), the blue theme's ``页脚友情链接栏.html`` (``div#hotlink``) and ``include/footer.html``.
"""

from __future__ import annotations

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


def with_sidebar(site: dict[str, Any], html: list[str]) -> str:
    """A page from its parts so far: then the right-hand column, the end of ``div.main``, and the footer."""
    return "".join(html) + sidebar(site) + "</div>\n" + footer(site)
