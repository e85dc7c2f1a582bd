"""Page templates of the `cmseasy` test site, shaped after CmsEasy 5.x's default theme (template/default).

Only markup; the data and truth are in `cmseasy.py`. Functions return HTML strings (encoded to GBK by the caller).
"""

from __future__ import annotations

import html
import json
from collections.abc import Sequence

SITE = "东篱文化网"
SKIN = "/template/default/skin"
DISCLAIMER = (
    "版权声明：本站文章除注明原创外，均来自网友投稿或互联网，版权归原作者所有；如有侵权，请来信告知，我们将及时删除。"
)
TOOLS = (
    '<li><a href="javascript:window.print()" class="print">打印本文</a></li>\n'
    '<li><a href="javascript:shutwin()" class="close">关闭本页</a></li>\n'
)


def esc(text: str) -> str:
    return html.escape(text, quote=True)


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


def list_item(url: str, title: str, date: str, intro: str, thumb: str | None) -> str:
    img = (
        (
            f'<div class="list_text_pic"><div class="img-wrap"><a title="{esc(title)}" target="_blank" href="{url}">'
            f'<img alt="{esc(title)}" src="{thumb}" /></a></div></div>\n'
        )
        if thumb
        else ""
    )
    return (
        f'<div class="news_text_pic">\n{img}<div class="down_text">\n'
        f'<h5><span class="date">{date}</span><a title="{esc(title)}" href="{url}">{esc(title)}</a></h5>\n'
        f'<p>{esc(intro)}…<a title="{esc(title)}" href="{url}">[详细]</a></p>\n'
        '<div class="clear"></div>\n</div>\n<div class="clear"></div>\n</div>\n'
    )


def list_right(heading: str, en: str, items: str, pages: str, intro: str | None = None) -> str:
    top = f'<div class="special_intro">\n<p>{esc(intro)}</p>\n</div>\n<div class="blank20"></div>\n' if intro else ""
    return (
        '<div id="content" class="clear">\n\n<!-- 栏目标题开始 -->\n<div class="title mt20 mb20">\n'
        f"<h3><a>{esc(heading)}</a>/<span>{en}</span></h3>\n</div>\n"
        '<div class="line_2"></div><div class="blank20"></div>\n'
        "<!-- 栏目标题结束 -->\n" + top + "\n<!-- 内容列表开始 -->\n" + items + "<!-- 内容列表结束 -->\n\n"
        '<div class="blank30"></div>\n' + pages + '<div class="clear"></div>\n</div>\n'
    )


def pagination(urls: Sequence[str], current: int, total: int) -> str:
    parts = [f'<a href="{urls[0]}">首页</a>']
    if current > 1:
        parts.append(f'<a href="{urls[current - 2]}">上一页</a>')
    for n, u in enumerate(urls, 1):
        parts.append(f'<span class="on">{n}</span>' if n == current else f'<a href="{u}">{n}</a>')
    if current < len(urls):
        parts.append(f'<a href="{urls[current]}">下一页</a>')
    parts.append(f'<a href="{urls[-1]}">尾页</a>')
    return (
        f'<!-- 内容列表分页开始 -->\n<div class="pages">共{total}条记录 {current}/{len(urls)}页 '
        + " ".join(parts)
        + "</div>\n<!-- 内容列表分页结束 -->\n"
    )


def comment_block(aid: int, rows: Sequence[tuple[str, str, str]]) -> str:
    dl = ""
    if rows:
        dl = (
            '<!-- 评论列表开始 -->\n<div class="blank30"></div>\n<div class="comm"><strong>评论列表：</strong></div>\n'
            '<dl class="comment_list">\n'
            + "<br>\n".join(
                f"<dt><strong>用户名：{esc(n)}</strong><span>{w}</span></dt>\n<dd>{esc(t)}</dd>\n" for n, w, t in rows
            )
            + "</dl>\n<!-- 评论列表结束 -->\n"
        )
    return (
        '<div class="blank30"></div>\n<div class="line_2"></div>\n'
        '<form action="/index.php?case=comment&amp;act=add" method="POST" name="comment_form" id="comment">\n'
        '<div class="comm">\n<a rel="nofollow" style="float:right;padding-right:20px;font-size:12px;">已有'
        f'<span class="commentnumber">{len(rows)}</span>位网友发表评论&nbsp;&nbsp;<strong>点击查看</strong></a>'
        '<strong>我要评论:</strong></div>\n<div class="blank5"></div>\n'
        '<textarea name="content" id="textarea"></textarea>\n'
        f'<div style="margin-top:10px;line-height:34px;"><input type="hidden" name="aid" value="{aid}"/>\n'
        '用户名：<input type="text" name="username" class="input_d" value=""/> &nbsp;&nbsp;'
        '<input name="submit" class="btn" value="提交" type="submit"/>\n</div>\n</form>\n' + dl
    )


def show_right(a: dict) -> str:
    """archive/show.html (or show_pic.html for galleries), from the title down to the comment box."""
    title = (
        ""
        if a["no_h1"]
        else (
            '<!-- 内容标题 -->\n<div class="archive_title"><div class="r_box_top"></div><div class="r_box">'
            f'<h1>{esc(a["title"])}</h1></div><div class="r_box_bottom"></div></div>\n\n'
        )
    )
    author = (
        (
            f'<a href="javascript:void(0);" onclick="javascript:document.getElementById(\'addcontentuser\').'
            f"style.display='block';\">{esc(a['author'])}</a>"
        )
        if a["pics"]
        else f"<a>{esc(a['author'])}</a>"
    )
    date = "" if a["ld_only"] else f"添加时间：{a['datetime']}&nbsp;&nbsp; "
    info = (
        f'<div class="contentinfo">作者：{author}&nbsp;&nbsp; {date}浏览：<script type="text/javascript" '
        f'src="/index.php?case=archive&amp;act=view_js&amp;aid={a["aid"]}"></script>&nbsp;&nbsp; '
        f"来源：{esc(a['source'])}</div>\n"
    )
    summary = (
        f'<div class="intro_box">\n<div class="intro_title">内容提要</div>\n<p>{esc(a["summary"])}</p>\n</div>\n'
        if a["summary"]
        else ""
    )
    slider = ""
    if a["pics"]:
        thumbs = "".join(f'<li><img src="{p}" /></li>' for p in a["pics"])
        slider = (
            '<div class="blank30"></div>\n<!-- 幻灯片开始 -->\n<div id="frame">\n'
            '<a id="back" class="slide_nav_left" href="#">left</a>\n<div id="small_frame" class="l_frame">\n'
            f'<ul id="small_list" class="list">\n{thumbs}\n</ul>\n</div>\n'
            '<a id="forward" class="slide_nav_right" href="#">right</a>\n<div class="blank30"></div>\n'
            f'<div id="big_frame" class="frame">\n<ul id="big_list" class="list">\n{thumbs}\n</ul>\n</div>\n'
            '</div>\n<!-- 幻灯片结束 -->\n<div class="blank30"></div>\n'
        )
    tags = " ".join(f'<a href="{u}" target="_blank">{esc(n)}</a>' for u, n in a["tags"])
    special = (
        f'<!-- 专题 -->\n<div class="blank10"></div>\n专题： <a href="{a["special"][0]}">{esc(a["special"][1])}</a>\n'
        if a["special"]
        else ""
    )
    prev_html = (
        f'<strong>上一篇：</strong><a href="{a["prev"][0]}">{esc(a["prev"][1])}</a>\n'
        if a["prev"]
        else "<strong>上一篇：</strong>无\t\n"
    )
    next_html = (
        f' <strong>下一篇：</strong><a href="{a["next"][0]}">{esc(a["next"][1])}</a>\n'
        if a["next"]
        else "<strong>下一篇：</strong>无\t\n"
    )
    related = ""
    if a["related"]:
        related = (
            '<!-- 相关文章开始 -->\n<div class="blank30"></div>\n'
            f'<div class="p_info">相关内容：{esc(a["tagname"])}</div>\n<div class="blank10"></div>\n'
            '<ul class="news_list">\n'
            + "".join(
                f'  <li><a href="{u}">{esc(t)}</a><p>{esc(s)}… <a href="{u}">[详细]</a></p></li>\n'
                for u, t, s in a["related"]
            )
            + "  </ul>\n<!-- 相关文章结束 -->\n"
        )
    body_open = '<div id="content" class="clear">\n<!-- 文章属性开始 -->\n' if a["pics"] else ""
    body = info + summary + slider if a["pics"] else info + summary + '\n<div id="content" class="clear">\n'
    return (
        title
        + body_open
        + body
        + "<!-- 正文 -->\n"
        + a["content"]
        + '<div class="clear"></div>\n'
        + ("" if a["pics"] else "</div>\n")
        + f'<div class="blank10"></div>\n<div class="copyright_info">{esc(DISCLAIMER)}</div>\n'
        + '<div class="blank30"></div>\n\n<!-- tag -->\n<div class="blank10"></div>\n标签： '
        + tags
        + "\n"
        + special
        + '\n<div class="blank30"></div>\n<div class="line_2"></div>\n<div id="tool">\n<ul>\n'
        + TOOLS
        + f'<li style="width:60px; padding-left:5px;">推荐度：</li>\n<li style="width:100px; padding-left:5px;">'
        f'{a["stars"]}</li>\n</ul>\n</div><div class="line_2"></div>\n<div class="blank30"></div>\n\n'
        '<!-- 上下页开始 -->\n<div id="page">\n'
        + prev_html
        + '<div class="clear"></div>\n'
        + next_html
        + "</div>\n<!-- 上下页结束 -->\n\n"
        + related
        + "<!-- 评论框开始 -->\n"
        + a["comments"]
        + "<!-- 评论框结束 -->\n"
        + ("</div>\n" if a["pics"] else "")
    )


def json_ld(headline: str, published: str, author: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": headline,
        "datePublished": published,
        "author": {"@type": "Person", "name": author},
    }
    return '<script type="application/ld+json">\n' + json.dumps(data, ensure_ascii=False, indent=1) + "\n</script>\n"
