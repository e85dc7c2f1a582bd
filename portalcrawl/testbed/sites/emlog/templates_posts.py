"""The posts of the ``emlog`` test site as emlog 5's default template prints them: a post page (echo_log.php)
and the post lists (log_list.php).

Posts use the ``p.date`` byline "作者：X 发布于：Y-n-j G:i l", ``p.tag`` "标签:", ``div.nextlog``
"&laquo; 上篇 | 下篇&raquo;", and the comment list as ``div.comment`` > ``div.comment-info`` (``b`` name,
``span.comment-time``, ``div.comment-content``).
"""

from __future__ import annotations

from datetime import datetime

from .._html import esc as e
from .._html import ld_json, organization, person, schema
from .posts import Comment, Log

WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def emlog_date(dt: str) -> str:
    """PHP ``date('Y-n-j G:i l')``: no zero padding, English weekday."""
    d = datetime.strptime(dt, "%Y-%m-%d %H:%M")
    return f"{d.year}-{d.month}-{d.day} {d.hour}:{d.minute:02d} {WEEKDAYS[d.weekday()]}"


def comments_html(log: Log) -> str:
    if not log.comments:
        return ""

    def one(c: Comment, child: bool) -> str:
        who = f'<a href="{c.url}" target="_blank">{e(c.name)}</a>' if c.url else e(c.name)
        kids = "".join(one(k, True) for k in c.children)
        return f"""	<div class="comment{' comment-children' if child else ''}" id="comment-{c.cid}">
		<a name="{c.cid}"></a>
		<div class="avatar"><img src="http://cn.gravatar.com/avatar/{c.cid:032x}?s=40&amp;d=mm&amp;r=g" /></div>
		<div class="comment-info">
			<b>{who} </b><br /><span class="comment-time">{c.when}</span>
			<div class="comment-content">{e(c.text)}</div>
			<div class="comment-reply"><a href="#comment-{c.cid}" onclick="commentReply({c.cid},this)">回复</a></div>
		</div>
{kids}	</div>
"""

    return ('\t<a name="comments"></a>\n\t<p class="comment-header"><b>评论:</b></p>\n'
            + "".join(one(c, False) for c in log.comments) + '\t<div id="pagenavi">\n\t</div>\n')


def comment_form(gid: int) -> str:
    return f"""	<div id="comment-place">
	<div class="comment-post" id="comment-post">
		<div class="cancel-reply" id="cancel-reply" style="display:none"><a href="javascript:void(0);" onclick="cancelReply()">取消回复</a></div>
		<p class="comment-header"><b>发表评论：</b><a name="respond"></a></p>
		<form method="post" name="commentform" action="{{BASE}}/index.php?action=addcom" id="commentform">
			<input type="hidden" name="gid" value="{gid}" />
			<p><input type="text" name="comname" maxlength="49" value="" size="22" tabindex="1" />
			<label for="author"><small>昵称</small></label></p>
			<p><input type="text" name="commail" maxlength="128" value="" size="22" tabindex="2" />
			<label for="email"><small>邮件地址 (选填)</small></label></p>
			<p><input type="text" name="comurl" maxlength="128" value="" size="22" tabindex="3" />
			<label for="url"><small>个人主页 (选填)</small></label></p>
			<p><textarea name="comment" id="comment" rows="10" tabindex="4"></textarea></p>
			<p><input type="submit" id="comment_submit" value="发表评论" tabindex="6" /></p>
			<input type="hidden" name="pid" id="comment-pid" value="0" size="22" tabindex="1"/>
		</form>
	</div>
	</div>
"""


def json_ld(base: str, log: Log, author: str) -> str:
    return ld_json(schema(
        "BlogPosting", mainEntityOfPage=f"{base}{log.path}", headline=log.title,
        datePublished=log.dt.replace(" ", "T") + ":00+08:00", author=person(author), publisher=organization("南窗小记"),
    ))


def tag_line(log: Log, tag_urls: dict[str, str]) -> str:
    if not log.tags:
        return ""
    return "标签:" + "".join(f'\t<a href="{{BASE}}/tag/{tag_urls[t]}">{e(t)}</a>' for t in log.tags)


def byline(log: Log, author: str, sort_name: str, with_date: bool = True) -> str:
    date = f" 发布于：{emlog_date(log.dt)}" if with_date else ""
    return (f'<p class="date">作者：<a href="{{BASE}}/author/{log.author}" title="{e(author)}">{e(author)}</a>{date}\n'
            f'\t分类：<a href="{{BASE}}/sort/{log.sort}">{e(sort_name)}</a>\t</p>')


def echo_log(log: Log, author: str, sort_name: str, tag_urls: dict[str, str], prev: Log | None, nxt: Log | None,
             related: list[Log]) -> str:
    title = f"\t<h2>{e(log.title)}</h2>\n" if log.show_title else ""
    summary = ""
    if log.summary:
        summary = (f'\t<div class="log-excerpt"><p class="excerpt-title"><b>文章摘要</b></p>\n'
                   f"\t<blockquote>{e(log.summary)}</blockquote></div>\n")
    nav = []
    if prev:
        nav.append(f'&laquo; <a href="{{BASE}}{prev.path}">{e(prev.title)}</a>')
    if prev and nxt:
        nav.append("\n\t\t|\n\t")
    if nxt:
        nav.append(f' <a href="{{BASE}}{nxt.path}">{e(nxt.title)}</a>&raquo;')
    rel = "\n".join(
        f'\t<li><a href="{{BASE}}{r.path}" title="{e(r.title)}">{e(r.title)}</a>'
        f'<span class="related-des">{e(r.excerpt)}</span></li>'
        for r in related
    )
    return f"""<div id="contentleft">
{title}	{byline(log, author, sort_name, log.show_date)}
{summary}	{log.body_html}
	<p class="tag">{tag_line(log, tag_urls)}</p>
	<div class="copyright"><p>本文链接：<a href="{{BASE}}{log.path}">{{BASE}}{log.path}</a></p>
	<p>版权声明：本站文章如无特别注明均为原创，转载请以链接形式注明出处，谢谢合作。</p></div>
	<div id="log_related"><h3>相关文章：</h3><ul>
{rel}
	</ul></div>
	<div class="nextlog">{"".join(nav)}
	</div>
{comments_html(log)}{comment_form(log.gid)}	<div style="clear:both;"></div>
</div><!--end #contentleft-->
"""


def count_comments(comments: list[Comment]) -> int:
    return sum(1 + count_comments(c.children) for c in comments)


def log_list(logs: list[Log], authors: dict[int, str], sorts: dict[int, str], tag_urls: dict[str, str],
             page: int, pages: int, href) -> str:
    out = ['<div id="contentleft">']
    for x in logs:
        out.append(f"""	<h2><a href="{{BASE}}{x.path}">{e(x.title)}</a></h2>
	<p class="date">作者：<a href="{{BASE}}/author/{x.author}">{e(authors[x.author])}</a> 发布于：{emlog_date(x.dt)}
	<a href="{{BASE}}/sort/{x.sort}">{e(sorts[x.sort])}</a>	</p>
	<p>{e(x.excerpt)}</p><p class="readmore"><a href="{{BASE}}{x.path}">阅读全文&gt;&gt;</a></p>
	<p class="tag">{tag_line(x, tag_urls)}</p>
	<p class="count">
	<a href="{{BASE}}{x.path}#comments">评论({count_comments(x.comments)})</a>
	<a href="{{BASE}}{x.path}">浏览({x.views})</a>
	</p>
	<div style="clear:both;"></div>""")
    nav = []
    if pages > 1:
        if page > 1:
            nav.append(f'<a href="{{BASE}}{href(1)}" title="首页">&laquo;</a>&nbsp;')
        for i in range(1, pages + 1):
            nav.append(f"<span>{i}</span>&nbsp;" if i == page else f'<a href="{{BASE}}{href(i)}">{i}</a>&nbsp;')
        if page < pages:
            nav.append(f'<a href="{{BASE}}{href(pages)}" title="尾页">&raquo;</a>')
    out.append(f'<div id="pagenavi">\n\t{"".join(nav)}\n</div>\n</div><!-- end #contentleft-->\n')
    return "\n".join(out)

