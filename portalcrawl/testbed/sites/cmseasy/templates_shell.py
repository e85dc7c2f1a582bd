"""The page shell of the `cmseasy` test site, shaped after CmsEasy 5.x's default theme (template/default):
head, header with its search box and navigation, the breadcrumb, the left column, the two-column frame, footer.

Only markup; the data and truth are in the other modules. Functions return HTML strings (encoded to GBK by the
caller).
"""

from __future__ import annotations

from collections.abc import Sequence

from .._html import esc

SITE = "东篱文化网"
SKIN = "/template/default/skin"


def head(title: str, keywords: str, description: str, extra: str = "") -> str:
    return (
        "<!DOCTYPE html>\n<html>\n<head>\n"
        '<meta http-equiv="Content-Type" content="text/html; charset=gbk"/>\n'
        f"<title>{esc(title)} - Powered by CmsEasy</title>\n"
        f'<meta name="keywords" content="{esc(keywords)}" />\n'
        f'<meta name="description" content="{esc(description)}" />\n'
        '<meta name="author" content="CmsEasy Team" />\n'
        '<link rel="icon" href="/favicon.ico" type="image/x-icon" />\n'
        '<link rel="shortcut icon" href="/favicon.ico" type="image/x-icon" />\n'
        "<!-- 调用样式表 -->\n"
        f'<link rel="stylesheet" href="{SKIN}/base.css" type="text/css" media="all"  />\n'
        f'<link rel="stylesheet" href="{SKIN}/reset.css" type="text/css" media="all"  />\n'
        f'<link rel="stylesheet" href="{SKIN}/style.css" type="text/css" media="all"  />\n'
        f'<script type="text/javascript" src="{SKIN}/js/jquery-1.8.3.min.js"></script>\n'
        '<script language="javascript" type="text/javascript">\nfunction killerrors()\n{\nreturn true;\n}\n'
        "window.onerror = killerrors;\n</script>\n" + extra + "</head>\n <body>\n\n"
    )


def header(catid: str, nav: Sequence[tuple[str, str, str]], top: str) -> str:
    items = [f'<li class="one{" on" if top == "" else ""}"><a title="返回首页" href="/">网站首页</a></li>']
    for cid, url, name in nav:
        on = " on" if cid == top else ""
        items.append(f'<li class="one{on}"><a href="{url}" title="{esc(name)}" target="">{esc(name)}</a>\n</li>')
    return (
        '<div class="header">\n\n<span class="subnav">\n<!-- 页头导航 -->\n<span style="float:right;">\n'
        f'<a title="RSS" href="/index.php?case=archive&amp;act=rss&amp;catid={catid}" target="_blank">RSS</a>\n'
        '  -  <a id="StranLink" name="StranLink">繁體</a>\n</span>\n<!-- 搜索框 -->\n<div class="search">\n'
        "<form name='search' action=\"/index.php?case=archive&amp;act=search\" "
        'onsubmit="search_check();" method="post">\n'
        '<input type="text" name="keyword" value="请输入查询信息！" onfocus="if(this.value==\'请输入查询信息！\') '
        '{this.value=\'\'}" class="s_text" />\n<input name=\'submit\' type="submit" value="" align="middle" '
        'class="s_btn" />\n</form>\n</div>\n</span>\n\n'
        f'<div class="logo"><a title="{esc(SITE)}" href="/"><img src="/images/logo.gif" alt="{esc(SITE)}" '
        'width="220" /></a></div>\n\n</div>\n\n<!-- 网站导航 -->\n<div class="nav">\n<ul id="nav"> \n'
        + "\n".join(items)
        + '\n</ul>\n</div>\n<!-- 导航结束 -->\n\n<div class="clear box">\n\n'
        '<!-- 公告开始 -->\n<div id="announ">\n</div>\n<!-- 公告结束 -->\n</div>\n\n'
    )


def position(trail: Sequence[tuple[str, str]], last: str | None) -> str:
    parts = ['<a href="/">首页</a>'] + [f'<a href="{u}">{esc(n)}</a>' for u, n in trail]
    tail = f" &gt; {esc(last)}" if last else ""
    return (
        '<!-- 面包屑导航开始 -->\n<div class="clear box">\n<div class="position">当前位置：'
        + " &gt; ".join(parts)
        + tail
        + '</div>\n</div><div class="blank5"></div>\n<!-- 面包屑导航结束 -->\n\n'
    )


def left(cat: tuple[str, str], hot: Sequence[tuple[str, str]], latest: Sequence[tuple[str, str]]) -> str:
    def box(title: str, en: str, rows: Sequence[tuple[str, str]]) -> str:
        lis = "".join(f'<li><a href="{u}" title="{esc(t)}">{esc(t)}</a></li>\n' for u, t in rows)
        return (
            f'<div class="title mt20 mb20">\n<h3><a>{title}</a>/<span>{en}</span></h3>\n</div>\n'
            f'<div class="l_box_top"></div>\n<div class="l_box">\n<ul class="news_list">\n{lis}</ul></div>\n'
            '<div class="l_box_bottom"></div>\n'
        )

    return (
        '<!-- 左侧开始 -->\n<div class="w_250">\n<div class="l_box">\n<dl id="leftmenu">\n'
        f'<dt class="parent" id="p1"><a href="{cat[0]}">{esc(cat[1])}</a></dt>\n<dd class="child">\n</dd>\n'
        '</dl>\n</div>\n<div class="l_box_bottom"></div>\n'
        + box("热门文章", "Hot", hot)
        + box("最新更新", "New", latest)
        + '<!-- 联系我们 -->\n<div class="title mt20 mb20">\n<h3><a>联系我们</a>/<span>Contact Us</span></h3>\n</div>\n'
        '<div class="l_box_top"></div>\n<div class="l_box">\n<ul class="news_list">\n'
        "<li><strong>地 址：</strong>江苏省苏州市姑苏区平江路 112 号</li>\n"
        "<li><strong>电 话：</strong>0512-6523 8871</li>\n"
        '<li><strong>邮 箱：</strong>tougao@donglicn.com</li>\n</ul></div>\n<div class="l_box_bottom"></div>\n'
        '<div class="clear"></div>\n</div>\n<!-- 左侧结束 -->\n\n'
    )


def frame(left_html: str, right_html: str) -> str:
    return (
        '<!-- 中部开始 -->\n<div class="clear box c_bg">\n<div class="c_top"></div>\n\n'
        + left_html
        + '<!-- 右侧开始 -->\n<div class="w_700">\n'
        + right_html
        + '<div class="blank30"></div>\n<a title="返回顶部" href="#" class="clear floatright">'
        f'<img alt="返回顶部" src="{SKIN}/images/gotop.gif"></a>\n<div class="blank30"></div>\n'
        '</div>\n<!-- 右侧结束 -->\n\n<div class="c_bottom"></div>\n'
        '<div class="clear"></div>\n</div>\n<!-- 中部结束 -->\n'
    )


def footer(is_home: bool, hot_keys: Sequence[tuple[str, str]], links: Sequence[tuple[str, str]]) -> str:
    keys = " ".join(f'<a href="{u}" target="_blank">{esc(w)}</a>' for w, u in hot_keys)
    out = (
        '<!-- 页底 -->\n<div id="footer" class="mt10">\n<div class="box">\n<div class="footer">\n'
        '<!-- 友情logo -->\n<div class="links">\n' + ("" if is_home else f"热门关键词： {keys}\n") + "</div>\n"
        f'<!-- 页底导航 -->\n<div class="about">\n<img src="{SKIN}/images/foot_logo.gif" />\n'
        '<a href="/index.php">网站首页</a> | <a href="#">TOP</a>\n</div>\n\n<div class="copyright">\n\n'
        f'<!-- 页底说明 -->\nCopyright &copy; 2009-2015 <a title="{esc(SITE)}" href="/">{esc(SITE)}</a> '
        'All Rights Reserved.&nbsp;&nbsp; \n<div class="blank5"></div>\n&nbsp;&nbsp;Powered by '
        '<a href="http://www.cmseasy.cn" title="CmsEasy企业网站系统" target="_blank">CmsEasy</a>&nbsp;&nbsp;'
        '<a rel="nofollow" href="http://www.miibeian.gov.cn/" target="_blank">苏ICP备13021457号</a>\n'
        '</div>\n<div class="clear"></div>\n</div>\n'
    )
    if is_home:
        flinks = "".join(f'<a href="{u}" target="_blank">{esc(n)}</a>\n' for n, u in links)
        out += (
            f'<!-- 热门关键词 -->\n<div class="hot_keys">\n<strong>热门关键词：</strong> {keys}\n'
            f'<div class="blank10"></div>\n<!-- 友情链接 -->\n\n<strong>友情链接：</strong>\n{flinks}\n</div>'
        )
    return out + (
        '\n</div>\n</div>\n<script type="text/javascript" src="/js/common.js"></script>\n\n</body>\n</html>\n'
    )
