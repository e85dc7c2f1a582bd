"""The right-hand column of the `cmseasy` test site's pages, shaped after CmsEasy 5.x's default theme:
list items and pagination (archive/list_text_pic.html), an article from its title down to the comment box
(archive/show.html, show_pic.html for galleries; comment/comment.html, comment/list.html), and JSON-LD.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from .._html import esc, pager_links, person, schema

DISCLAIMER = (
    "版权声明：本站文章除注明原创外，均来自网友投稿或互联网，版权归原作者所有；如有侵权，请来信告知，我们将及时删除。"
)
TOOLS = (
    '<li><a href="javascript:window.print()" class="print">打印本文</a></li>\n'
    '<li><a href="javascript:shutwin()" class="close">关闭本页</a></li>\n'
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
    links = pager_links(
        urls, current, '<a href="{url}">{n}</a>', '<span class="on">{n}</span>', '<a href="{url}">上一页</a>',
        '<a href="{url}">下一页</a>',
    )
    parts = [f'<a href="{urls[0]}">首页</a>', *links, f'<a href="{urls[-1]}">尾页</a>']
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
    data = schema("Article", headline=headline, datePublished=published, author=person(author))
    return '<script type="application/ld+json">\n' + json.dumps(data, ensure_ascii=False, indent=1) + "\n</script>\n"
