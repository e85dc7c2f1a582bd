"""The forum pages of the ``phpwind`` test site: a thread (``bbs/read_run.htm``, its floors one under another,
the 相关帖子 / 热门帖子 modules under them) and each forum's thread list (``bbs/thread_run.htm``)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from .templates_blocks import sidebar_box, summary, tag_cloud, tag_url, teaser_module, title_module
from .templates_floor import floor
from .templates_shell import crumb, head, header, pager

if TYPE_CHECKING:
    from .rendering import Rendering


def thread_pages(r: Rendering) -> None:
    """A page per thread: the first floor is the article, the replies its comments; one thread also under
    its ``index.php?c=read`` alias."""
    for th in r.threads:
        fid = th["fid"]
        fname = r.forum_of[fid][0]
        in_forum = r.forum_threads[fid]
        pos = in_forum.index(th)
        page_no = pos // r.per_page + 1
        author = r.users[th["author"]]
        newest = title_module("最新帖子", [(t["title"], r.read_url(t)) for t in r.latest[:5] if t is not th])
        side = f'\t\t\t\t<div class="design_layout_ct" id="readSide_segment">{newest}</div>\n'
        bottom = (
            '\t\t\t<div class="read_statement">免责声明：本帖内容由会员发表，仅代表作者个人观点，与本站立场无关。'
            "如有侵权，请联系管理员删除。</div>\n"
        )
        post = {"pid": 0, "time": th["time"], "html": th["html"], "likes": th["likes"]}
        tags = [(t, tag_url(r.base, t)) for t in th["tags"]]
        floors = floor(post, author, 0, th["title"], (th["hits"], len(th["replies"])), tags, side, bottom)
        for lou, rep in enumerate(th["replies"], 1):
            floors += floor(rep, r.users[rep["uid"]], lou)
        prev_next = ""
        if pos + 1 < len(in_forum):
            older = in_forum[pos + 1]
            prev_next += f'<a href="{r.read_url(older)}" class="pre" title="上一主题">'
            prev_next += f"上一主题：{escape(older['title'])}</a>"
        if pos > 0:
            newer = in_forum[pos - 1]
            prev_next += f'<a href="{r.read_url(newer)}" class="next" title="下一主题">'
            prev_next += f"下一主题：{escape(newer['title'])}</a>"
        related = [t for t in in_forum if t is not th and t["shape"] == "prose"][:4]
        rel_mod = teaser_module("相关帖子", [(t["title"], r.read_url(t), summary(t["lines"])) for t in related])
        hot_mod = title_module("热门帖子", [(t["title"], r.read_url(t)) for t in r.hot])
        back = r.list_url(fid, page_no)
        body = (
            head(
                r.base,
                f"{th['title']} - {fname} - {r.site_name}",
                css=("forum", "editor_content"),
                description=summary(th["lines"], 80),
            )
            + header(r.base, r.site_name, r.nav, fname)
            + '\t<div class="main_wrap">\n'
            + crumb(r.base, r.site_name, [(fname, r.list_url(fid))], back=back)
            + f'\t\t<div class="main cc"><input type="hidden" id="js-tid" value="{th["tid"]}" />\n'
            + '\t\t\t<div class="read_page" id="J_posts_list">\n'
            + '\t\t\t\t<div id="cloudwind_read_top"></div>\n'
            + floors
            + f'\t\t\t\t<div class="floor_page">{prev_next}</div>\n'
            + '\t\t\t\t<div class="floor"><table width="100%" style="table-layout:fixed;"><tr>'
            + '<td class="floor_left_none"></td><td>'
            + '<a rel="nofollow" href="javascript:;" id="J_read_post_btn" class="btn_post">发帖</a>'
            + '<a rel="nofollow" href="javascript:;" class="btn_replay">回复</a>'
            + f'<div class="J_page_wrap" data-key="true"><div class="pages" style="margin-right:3px;"><a href="{back}"'
            + ' class="pages_pre" rel="nofollow">&laquo; 返回列表</a></div></div>'
            + "</td></tr></table></div>\n"
            + f'\t\t\t\t<div class="design_layout_ct" id="read_bottom">{rel_mod}{hot_mod}</div>\n'
            + '\t\t\t\t<div id="cloudwind_read_bottom"></div>\n'
            + "\t\t\t</div>\n\t\t</div>\n\t</div>\n"
            + r.foot
        )
        r.put(f"/read.php?tid={th['tid']}", body)
        if th is r.alias_thread:
            r.put(f"/index.php?c=read&tid={th['tid']}&fid={fid}", body)


def thread_lists(r: Rendering) -> None:
    """Each forum's thread list pages; page 1 also under ``&page=1``."""
    for fid, (fname, _topic, intro) in r.forum_of.items():
        items = r.forum_threads[fid]
        n_pages = (len(items) + r.per_page - 1) // r.per_page
        page_urls = [r.list_url(fid, k) for k in range(1, n_pages + 1)]
        for k in range(1, n_pages + 1):
            rows = ""
            for t in items[(k - 1) * r.per_page : k * r.per_page]:
                starter = r.users[t["author"]]
                last = r.users[t["replies"][-1]["uid"]] if t["replies"] else starter
                last_time = (t["replies"][-1]["time"] if t["replies"] else t["time"])[5:]
                icon = "img" if t["shape"] == "gallery" else "default"
                rows += f"""<tr>
	<td class="author"><a class="J_user_card_show" data-uid="{starter["uid"]}">
	<img class="J_avatar" src="{starter["avatar"]}" data-type="small" width="45" height="45"
		alt="{starter["name"]}" /></a></td>
	<td class="subject">
		<p class="title"><span class="posts_icon"><i class="icon_{icon}" title="普通帖"></i></span>
		<a href="{r.read_url(t)}" class="st" title="{escape(t["title"])}">{escape(t["title"])}</a></p>
		<p class="info">楼主：<a class="J_user_card_show" data-uid="{starter["uid"]}">{starter["name"]}</a>
		<span>{t["date"]}</span>
		最后回复：<a class="J_user_card_show" data-uid="{last["uid"]}">{last["name"]}</a><span>{last_time}</span></p>
	</td>
	<td class="num"><span>回复<em>{len(t["replies"])}</em></span><span>浏览<em>{t["hits"]}</em></span></td>
</tr>
"""
            moderator = r.users[58 if fid == 2 else 77 if fid == 3 else 96]["name"]
            total_posts = sum(1 + len(t["replies"]) for t in items)
            forum_box = f"""<div class="box_wrap thread_header">
	<div class="forum_info cc">
		<h1 class="forum_name">{fname}</h1>
		<div class="num">今日：<em>0</em><span>|</span>主题：<em>{len(items)}</em>
		<span>|</span>帖子：<em>{total_posts}</em>
		</div>
		<div class="intro"><span class="J_forum_intro">{escape(intro)}</span></div>
		<div class="manager">版主：<a class="J_user_card_show">{moderator}</a></div>
	</div>
</div>
"""
            page_box = pager(page_urls, k)
            body = (
                head(r.base, f"{fname} - {r.site_name}" + (f" - 第{k}页" if k > 1 else ""), css=("forum",))
                + header(r.base, r.site_name, r.nav, fname)
                + '\t<div class="main_wrap">\n'
                + crumb(r.base, r.site_name, [(fname, r.list_url(fid))])
                + '\t\t<div class="main cc">\n\t\t\t<div class="main_body">\n\t\t\t\t<div class="main_content">\n'
                + forum_box
                + '<div class="mb10 cc"><a href="javascript:;" class="btn_post J_thread_post_btn">发帖</a>'
                + page_box
                + "</div>\n"
                + '<div class="box_wrap thread_page J_check_wrap">\n<nav><div class="content_nav">'
                + '<div class="content_filter"><span class="current">最新发帖</span><span>|</span>'
                "<span>最后回复</span></div>"
                + f'<ul class="cc"><li class="current"><a href="{r.list_url(fid)}">全部</a></li><li>精华</li></ul>'
                + "</div></nav>\n"
                + f'<div class="thread_posts_list"><table width="100%" id="J_posts_list" summary="帖子列表">\n{rows}'
                + "</table></div>\n</div>\n"
                + '<div class="mb10 cc">'
                f'<a href="javascript:;" class="btn_post J_thread_post_btn">发帖</a>{page_box}</div>\n'
                + '\t\t\t\t</div>\n\t\t\t</div>\n\t\t\t<div class="main_sidebar">\n'
                + tag_cloud(r.cloud)
                + sidebar_box("版块导航", [(n, r.list_url(f)) for f, (n, _, _) in r.forum_of.items()])
                + r.search_box
                + "\t\t\t</div>\n\t\t</div>\n\t</div>\n"
                + r.foot
            )
            r.put(r.list_url(fid, k if k > 1 else None).removeprefix(r.base), body)
            if k == 1:
                r.put(r.list_url(fid, 1).removeprefix(r.base), body)
