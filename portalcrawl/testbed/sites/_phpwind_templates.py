"""Page templates of the ``phpwind`` test site (PHPWind 9 default style, forum + portal).

Shapes follow PHPWind 9's ``www/template/common/{head,header,footer}.htm``,
``bbs/{read_run,read_floor,thread_run,widget_thread}.htm``, ``tag/index_view.htm`` and
``special/index_run.htm``; the portal article view follows PHPWind's own CMS mode
(``mode/cms/template/default/view.htm``) dressed in the PHPWind 9 chrome. The HTML is written
here; no template text is copied.
"""

from __future__ import annotations

import json
import random
from html import escape
from urllib.parse import quote

from portalcrawl.demo import text_bank

from ..model import Resource

RELEASE = "20141228"
FLOOR_NAMES = ["楼主", "沙发", "板凳", "地板"]


def floor_name(lou: int) -> str:
    return FLOOR_NAMES[lou] if lou < len(FLOOR_NAMES) else f"{lou}楼"


def head(base: str, title: str, extra: str = "", css: tuple[str, ...] = (), description: str = "") -> str:
    links = "".join(
        f'<link href="{base}/themes/forum/default/css/{name}.css?v={RELEASE}" rel="stylesheet" />\n' for name in css
    )
    return f"""<!doctype html>
<html>
<head>
<meta charset="gbk" />
<title>{escape(title)} - Powered by phpwind</title>
<meta http-equiv="X-UA-Compatible" content="chrome=1">
<meta name="generator" content="phpwind v9.0" />
<meta name="description" content="{escape(description)}" />
<meta name="keywords" content="" />
<link rel="stylesheet" href="{base}/themes/site/default/css/core.css?v={RELEASE}" />
<link rel="stylesheet" href="{base}/themes/site/default/css/style.css?v={RELEASE}" />
{links}<script>
//全局变量 Global Variables
var GV = {{
	JS_ROOT : '{base}/res/js/dev/',
	JS_VERSION : '{RELEASE}',
	U_ID : parseInt('0'),
	REGION_CONFIG : ''
}};
</script>
<script src="{base}/res/js/wind.js?v={RELEASE}"></script>
{extra}</head>
<body>
<div class="wrap">
"""


def header(base: str, site: str, nav: list[tuple[str, str]], current: str) -> str:
    items = "\n".join(
        f'\t\t\t\t\t<li class="{"current" if label == current else ""}"><a href="{url}">{label}</a></li>'
        for label, url in nav
    )
    return f"""<header class="header_wrap">
	<div id="J_header" class="header cc">
		<div class="logo">
			<a href="{base}/">
				<img src="{base}/themes/site/default/images/logo.png" alt="{site}">
			</a>
		</div>
		<nav class="nav_wrap">
			<div class="nav">
				<ul>
{items}
				</ul>
			</div>
		</nav>
		<div class="header_search" role="search">
			<form action="{base}/index.php?m=search&amp;c=s" method="post">
				<input type="text" id="s" aria-label="搜索关键词" accesskey="s" placeholder="搜索其实很简单"
					name="keyword"/>
				<button type="submit" aria-label="搜索">
				<img src="{base}/themes/site/default/images/search.png" alt="search" /></button>
			</form>
		</div>
		<div class="header_login">
			<a rel="nofollow" href="javascript:;" class="J_qlogin_trigger">登录</a>
			<a rel="nofollow" href="javascript:;">注册</a>
		</div>
	</div>
</header>
<div class="tac"></div>
"""


def footer(base: str, site: str, links: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{url}" target="_blank">{escape(name)}</a></li>' for name, url in links)
    return f"""<div class="tac"></div>
<div class="footer_wrap">
	<div class="footer">
		<div class="design_layout_ct" id="footer_segment">
			<div class="mod_box J_mod_box link_box">
				<div class="mod_title"><h2>友情链接</h2></div>
				<div class="mod_content"><ul class="link_list cc">{items}</ul></div>
			</div>
		</div>
		<div class="bottom">
			<span>{site}</span><span>社区守则</span><span>联系管理员</span>
		</div>
		<p>Powered by
		<a href="http://www.phpwind.net/" target="_blank" rel="nofollow">phpwind v9.0</a> &copy;2003-2103
		<a href="http://www.phpwind.com" target="_blank" rel="nofollow">phpwind.com</a>
		<a href="http://www.miibeian.gov.cn" target="_blank" rel="nofollow">浙ICP备13021587号</a></p>
	</div>
	<div id="cloudwind_common_bottom"></div>
</div>
<a href="#" rel="nofollow" role="button" id="back_top" tabindex="-1">返回顶部</a>
</div>
<script>
Wind.use('jquery', 'global');
</script>
</body>
</html>
"""


def crumb(base: str, site: str, trail: list[tuple[str, str | None]], back: str | None = None) -> str:
    out = ""
    if back:
        out += (
            f'<div class="pages" style="margin-right:3px;"><a href="{back}" class="pages_pre" rel="nofollow">'
            "&laquo; 返回列表</a></div>"
        )
    out += f'<a href="{base}/index.php" title="{site}" class="home">{site}</a>'
    for label, url in trail:
        out += f'<em>&gt;</em><a href="{url}">{escape(label)}</a>' if url else f"<em>&gt;</em>{escape(label)}"
    return f'\t\t<div class="bread_crumb">\n\t\t\t{out}\n\t\t</div>\n'


def pager(pages: list[str], current: int) -> str:
    """PHPWind's pager: 上一页, numbers (current in <strong>), 下一页."""
    if len(pages) < 2:
        return ""
    out = []
    if current > 1:
        out.append(f'<a href="{pages[current - 2]}" class="pages_pre">&laquo;&nbsp;上一页</a>')
    for n, url in enumerate(pages, 1):
        out.append(f"<strong>{n}</strong>" if n == current else f'<a href="{url}">{n}</a>')
    if current < len(pages):
        out.append(f'<a href="{pages[current]}" class="pages_next">下一页&nbsp;&raquo;</a>')
    return '<div class="pages">' + "".join(out) + "</div>"


def sidebar_box(title: str, items: list[tuple[str, str]], cls: str = "") -> str:
    lis = "".join(f'<li><a href="{url}" title="{escape(text)}">{escape(text)}</a></li>' for text, url in items)
    return f"""<div class="box_wrap {cls}">
	<h2 class="box_title">{title}</h2>
	<div class="box_ct"><ul class="cc">{lis}</ul></div>
</div>
"""


def tag_cloud(items: list[tuple[str, str]]) -> str:
    tags = "".join(f'<a href="{url}" class="tag_item">{escape(name)}</a>' for name, url in items)
    return f"""<div class="box_wrap tag_hot">
	<h2 class="box_title">热门话题</h2>
	<div class="box_ct tag_list cc">{tags}</div>
</div>
"""


def user_info(user: dict, side: str = "") -> str:
    return f"""			<div class="floor_info">
				<div class="face">
					<a class="J_user_card_show" data-uid="{user["uid"]}">
					<img src="{user["avatar"]}" class="J_avatar" data-type="middle" width="100" height="100"
						alt="{user["name"]}"></a>
				</div>
				<div class="name">
					<span class="man_unol" title="离线"></span>
					<a class="J_user_card_show mr5" data-uid="{user["uid"]}">{user["name"]}</a>
				</div>
				<div class="level">
					<div>{user["level"]}</div>
				</div>
				<ul class="cc integral">
					<li><em>UID</em><span>{user["uid"]}</span></li>
					<li><em>注册日期</em><span>{user["regdate"]}</span></li>
					<li><em>发帖数</em><span>{user["posts"]}</span></li>
					<li><em>铜币</em><span>{user["coins"]} 枚</span></li>
				</ul>
				<div class="operate cc">
					<a rel="nofollow" href="javascript:;" class="follow J_read_follow J_qlogin_trigger">加关注</a>
					<a rel="nofollow" href="javascript:;" class="message J_send_msg_pop J_qlogin_trigger">写私信</a>
				</div>
{side}			</div>
"""


def floor(
    post: dict,
    user: dict,
    lou: int,
    title: str = "",
    stats: tuple[int, int] = (0, 0),
    tags: list[tuple[str, str]] | None = None,
    side: str = "",
    bottom: str = "",
) -> str:
    pid = post["pid"]
    title_block = ""
    if lou == 0:
        title_block = f"""			<div class="floor_title cc">
				<div class="post_num">
					<ul class="cc">
						<li>阅读：<em>{stats[0]}</em></li>
						<li>回复：<em id="topicRepliesNum">{stats[1]}</em></li>
					</ul>
				</div>
				<h1 id="J_post_title">{escape(title)}</h1>
				<span class="floor_honor posts_icon"></span>
			</div>
"""
    tag_block = ""
    if lou == 0:
        tag_links = "".join(
            f'<a class="J_read_tag_item tag_item" href="{url}">{escape(name)}</a>' for name, url in tags or []
        )
        tag_block = f'\t\t\t\t<div id="J_read_tag_wrap" class="read_tag_list">{tag_links}</div>\n'
    more = ""
    if lou == 0:
        more = '<a href="javascript:;" class="more_down" id="J_read_moredown">更多</a>'
    sign = ""
    if user.get("sign"):
        sign = (
            '\t\t\t<div class="signature" style="max-height:200px;maxHeight:200px;">'
            f'<table width="100%"><tr><td>{escape(user["sign"])}</td></tr></table></div>\n'
        )
    like = ""
    if lou == 0:
        like = (
            '\t\t\t<a role="button" rel="nofollow" href="javascript:;"'
            ' class="icon_read_like J_like_btn J_qlogin_trigger"'
            f' data-role="main"><span>喜欢</span><em class="J_like_count">{post.get("likes", 0)}</em></a>\n'
        )
    return f"""				<a name="{pid}"></a>
<div id="cloudwind_read_readfloor_{pid}"></div>
<div class="floor cc J_read_floor" id="read_{pid}">
<table width="100%" style="table-layout:fixed;" class="floor_table">
	<tr>
		<td rowspan="2" class="floor_left">
{user_info(user, side)}		</td>
		<td class="box_wrap floor_right">
			<div class="fl"><div class="floor_arrow"><em></em><span></span></div></div>
{title_block}			<div class="c"></div>
			<div class="floor_top_tips cc">
				<div style="position:relative;">
				<span class="lou J_floor_copy" title="复制此楼地址"
					data-hash="read_{pid}">{floor_name(lou)}<sup>#</sup></span>
				</div>
				{more}
				<span class="fl">发布于：{post["time"]}</span>
			</div>
			<div id="J_read_main">
{tag_block}				<div class="fr"></div>
				<div class="editor_content">
{post["html"]}
				</div>
			</div>
		</td>
	</tr>
	<tr>
		<td class="box_wrap floor_bottom" valign="bottom">
{like}			<div id="app_read_floor_{lou}"></div>
{sign}{bottom}		</td>
	</tr>
</table>
</div>
"""


def teaser_module(title: str, items: list[tuple[str, str, str]]) -> str:
    """A portal design module dropped into a page segment: linked titles, each with its summary."""
    lis = "".join(
        f'<li><p class="title"><a href="{url}" title="{escape(t)}">{escape(t)}</a></p>'
        f'<p class="descrip">{escape(s)}</p></li>'
        for t, url, s in items
    )
    return f"""<div class="mod_box J_mod_box">
	<div class="mod_title"><h2>{title}</h2></div>
	<div class="mod_content"><ul class="mod_list_summary">{lis}</ul></div>
</div>
"""


def title_module(title: str, items: list[tuple[str, str]], dated: list[str] | None = None) -> str:
    lis = ""
    for n, (t, url) in enumerate(items):
        date = f'<span class="date">{dated[n]}</span>' if dated else ""
        lis += f'<li>{date}<a href="{url}" title="{escape(t)}">{escape(t)}</a></li>'
    return f"""<div class="mod_box J_mod_box">
	<div class="mod_title"><h2>{title}</h2></div>
	<div class="mod_content"><ul class="mod_list">{lis}</ul></div>
</div>
"""


def tag_url(base: str, name: str, enc: str = "gbk") -> str:
    return f"{base}/index.php?m=tag&a=view&name={quote(name.encode(enc))}"


def summary(lines: list[str], size: int = 46) -> str:
    text = "".join(lines)
    return text[:size] + "……"


def render_site(
    base: str,
    site: dict,
    threads: list[dict],
    portal: list[dict],
    users: dict[int, dict],
    forum_of: dict[int, tuple[str, str, str]],
    alias_thread: dict,
    tag_names: list[str],
    searches: list[str],
) -> dict[str, Resource]:
    out: dict[str, Resource] = {}
    site_name, friend_links, per_page = site["name"], site["friend_links"], site["per_page"]
    enc, seed = site["enc"], site["seed"]
    html_type = "text/html; charset=GBK"

    def put(path: str, html: str) -> None:
        out[path] = Resource(html.encode(enc), content_type=html_type)

    def read_url(th: dict) -> str:
        return f"{base}/read.php?tid={th['tid']}"

    def list_url(fid: int, page: int | None = None) -> str:
        return f"{base}/thread.php?fid={fid}" + (f"&page={page}" if page else "")

    def portal_url(p: dict) -> str:
        return f"{base}/index.php?m=cms&q=view&id={p['id']}"

    special_url = f"{base}/index.php?m=special&id=1"
    nav = [("首页", f"{base}/index.php")] + [(name, list_url(fid)) for fid, (name, _, _) in forum_of.items()]
    nav.append(("专题", special_url))
    foot = footer(base, site_name, friend_links)
    latest = sorted(threads, key=lambda t: t["time"], reverse=True)
    hot = sorted(threads, key=lambda t: t["hits"], reverse=True)[:6]
    cloud = [(name, tag_url(base, name)) for name in tag_names]
    search_box = sidebar_box("热门搜索", [(w, f"{base}/index.php?m=search&c=s&keyword={w}") for w in searches])

    # static resources linked by <link href>
    for name in ("core", "style"):
        out[f"/themes/site/default/css/{name}.css?v={RELEASE}"] = Resource(b"/* phpwind */", "text/css")
    for name in ("forum", "editor_content", "tag"):
        out[f"/themes/forum/default/css/{name}.css?v={RELEASE}"] = Resource(b"/* phpwind */", "text/css")

    # --- threads -------------------------------------------------------------------------------
    forum_threads = {fid: [t for t in latest if t["fid"] == fid] for fid in forum_of}
    for th in threads:
        fid = th["fid"]
        fname = forum_of[fid][0]
        in_forum = forum_threads[fid]
        pos = in_forum.index(th)
        page_no = pos // per_page + 1
        author = users[th["author"]]
        newest = title_module("最新帖子", [(t["title"], read_url(t)) for t in latest[:5] if t is not th])
        side = f'\t\t\t\t<div class="design_layout_ct" id="readSide_segment">{newest}</div>\n'
        bottom = (
            '\t\t\t<div class="read_statement">免责声明：本帖内容由会员发表，仅代表作者个人观点，与本站立场无关。'
            "如有侵权，请联系管理员删除。</div>\n"
        )
        post = {"pid": 0, "time": th["time"], "html": th["html"], "likes": th["likes"]}
        tags = [(t, tag_url(base, t)) for t in th["tags"]]
        floors = floor(post, author, 0, th["title"], (th["hits"], len(th["replies"])), tags, side, bottom)
        for lou, rep in enumerate(th["replies"], 1):
            floors += floor(rep, users[rep["uid"]], lou)
        prev_next = ""
        if pos + 1 < len(in_forum):
            older = in_forum[pos + 1]
            prev_next += f'<a href="{read_url(older)}" class="pre" title="上一主题">'
            prev_next += f"上一主题：{escape(older['title'])}</a>"
        if pos > 0:
            newer = in_forum[pos - 1]
            prev_next += f'<a href="{read_url(newer)}" class="next" title="下一主题">'
            prev_next += f"下一主题：{escape(newer['title'])}</a>"
        related = [t for t in in_forum if t is not th and t["shape"] == "prose"][:4]
        rel_mod = teaser_module("相关帖子", [(t["title"], read_url(t), summary(t["lines"])) for t in related])
        hot_mod = title_module("热门帖子", [(t["title"], read_url(t)) for t in hot])
        back = list_url(fid, page_no)
        body = (
            head(
                base,
                f"{th['title']} - {fname} - {site_name}",
                css=("forum", "editor_content"),
                description=summary(th["lines"], 80),
            )
            + header(base, site_name, nav, fname)
            + '\t<div class="main_wrap">\n'
            + crumb(base, site_name, [(fname, list_url(fid))], back=back)
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
            + foot
        )
        put(f"/read.php?tid={th['tid']}", body)
        if th is alias_thread:
            put(f"/index.php?c=read&tid={th['tid']}&fid={fid}", body)

    # --- thread lists ----------------------------------------------------------------------------
    for fid, (fname, _topic, intro) in forum_of.items():
        items = forum_threads[fid]
        n_pages = (len(items) + per_page - 1) // per_page
        page_urls = [list_url(fid, k) for k in range(1, n_pages + 1)]
        for k in range(1, n_pages + 1):
            rows = ""
            for t in items[(k - 1) * per_page : k * per_page]:
                starter = users[t["author"]]
                last = users[t["replies"][-1]["uid"]] if t["replies"] else starter
                last_time = (t["replies"][-1]["time"] if t["replies"] else t["time"])[5:]
                icon = "img" if t["shape"] == "gallery" else "default"
                rows += f"""<tr>
	<td class="author"><a class="J_user_card_show" data-uid="{starter["uid"]}">
	<img class="J_avatar" src="{starter["avatar"]}" data-type="small" width="45" height="45"
		alt="{starter["name"]}" /></a></td>
	<td class="subject">
		<p class="title"><span class="posts_icon"><i class="icon_{icon}" title="普通帖"></i></span>
		<a href="{read_url(t)}" class="st" title="{escape(t["title"])}">{escape(t["title"])}</a></p>
		<p class="info">楼主：<a class="J_user_card_show" data-uid="{starter["uid"]}">{starter["name"]}</a>
		<span>{t["date"]}</span>
		最后回复：<a class="J_user_card_show" data-uid="{last["uid"]}">{last["name"]}</a><span>{last_time}</span></p>
	</td>
	<td class="num"><span>回复<em>{len(t["replies"])}</em></span><span>浏览<em>{t["hits"]}</em></span></td>
</tr>
"""
            moderator = users[58 if fid == 2 else 77 if fid == 3 else 96]["name"]
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
                head(base, f"{fname} - {site_name}" + (f" - 第{k}页" if k > 1 else ""), css=("forum",))
                + header(base, site_name, nav, fname)
                + '\t<div class="main_wrap">\n'
                + crumb(base, site_name, [(fname, list_url(fid))])
                + '\t\t<div class="main cc">\n\t\t\t<div class="main_body">\n\t\t\t\t<div class="main_content">\n'
                + forum_box
                + '<div class="mb10 cc"><a href="javascript:;" class="btn_post J_thread_post_btn">发帖</a>'
                + page_box
                + "</div>\n"
                + '<div class="box_wrap thread_page J_check_wrap">\n<nav><div class="content_nav">'
                + '<div class="content_filter"><span class="current">最新发帖</span><span>|</span>'
                "<span>最后回复</span></div>"
                + f'<ul class="cc"><li class="current"><a href="{list_url(fid)}">全部</a></li><li>精华</li></ul>'
                + "</div></nav>\n"
                + f'<div class="thread_posts_list"><table width="100%" id="J_posts_list" summary="帖子列表">\n{rows}'
                + "</table></div>\n</div>\n"
                + '<div class="mb10 cc">'
                f'<a href="javascript:;" class="btn_post J_thread_post_btn">发帖</a>{page_box}</div>\n'
                + '\t\t\t\t</div>\n\t\t\t</div>\n\t\t\t<div class="main_sidebar">\n'
                + tag_cloud(cloud)
                + sidebar_box("版块导航", [(n, list_url(f)) for f, (n, _, _) in forum_of.items()])
                + search_box
                + "\t\t\t</div>\n\t\t</div>\n\t</div>\n"
                + foot
            )
            put(list_url(fid, k if k > 1 else None).removeprefix(base), body)
            if k == 1:
                put(list_url(fid, 1).removeprefix(base), body)

    # --- portal articles ---------------------------------------------------------------------------
    for p in portal:
        others = [q for q in portal if q is not p]
        jsonld = ""
        if p["jsonld_only"]:
            data = {"@context": "https://schema.org", "@type": "NewsArticle", "datePublished": p["time"][:10]}
            if not p["title_only"]:
                data["headline"] = p["title"]
            data["author"] = {"@type": "Person", "name": p["author"]}
            jsonld = '<script type="application/ld+json">' + json.dumps(data, ensure_ascii=False) + "</script>\n"
        h1 = "" if p["title_only"] else f'\t\t\t\t<h1 class="tac f24 b">{escape(p["title"])}</h1>\n'
        date = "" if p["jsonld_only"] else f'<span class="mr10 f10">{p["time"]}</span>'
        content = "\n".join(f"<p>{escape(line)}</p>" for line in p["lines"])
        relate = "".join(
            f'<li><a href="{portal_url(q)}" target="_blank">{escape(q["title"])}</a></li>' for q in others[:3]
        )
        hot_portal = sorted(portal, key=lambda q: q["hits"], reverse=True)
        body = (
            head(base, f"{p['title']} - 资讯 - {site_name}", extra=jsonld, description=summary(p["lines"], 80))
            + header(base, site_name, nav, "专题")
            + '\t<div class="main_wrap">\n'
            + f'<div class="cmsbreadCrumb mb10"><a href="{base}/index.php">{site_name}</a> &raquo; '
            + f'<a href="{special_url}">资讯</a> &raquo; 正文</div>\n'
            + '<div class="cmsBgbor">&nbsp;</div>\n<div class="cmsBg">\n'
            + '<div id="content" class="fl">\n<div class="cmsBoxA">\n'
            + '\t\t\t<table width="100%" style="table-layout:fixed;"><tr><td class="vt" height="600">\n'
            + h1
            + '\t\t\t\t<div class="cmsTips tac mb20">'
            + f'<span class="mr10">作者：{p["author"]}</span>'
            f'<span class="mr10">来源：{p["source"]}</span>{date}</div>\n'
            + '\t\t\t\t<div class="summary mb10"><span class="summary_tit">内容提要</span>'
            + f"<p>{escape(summary(p['lines'], 60))}</p></div>\n"
            + f'\t\t\t\t<div class="cmsContent" id="cmsContent">\n{content}\n\t\t\t\t</div>\n'
            + f'\t\t\t\t<div class="cmsCopyright">本文来源：{p["source"]}。文章版权归原作者所有，转载请注明出处；'
            + "如涉及版权问题，请与本站联系。</div>\n"
            + '\t\t\t\t<div class="cmsTips mb10">'
            f'<span class="mr10">已有<span class="s2">{p["hits"]}</span>人阅读</span></div>\n'
            + '\t\t\t\t<div class="reReading mb10"><h2 class="f14 b">相关阅读</h2>'
            f'<div class="cmsListA cmsIconA"><ul>{relate}</ul></div></div>\n'
            + "\t\t\t</td></tr></table>\n</div>\n</div>\n"
            + '<div id="sideBar" class="fr">\n'
            + sidebar_box("24小时人气排行", [(q["title"], portal_url(q)) for q in hot_portal if q is not p], "cmsBoxB")
            + sidebar_box("热门帖子", [(t["title"], read_url(t)) for t in hot[:5]], "cmsBoxB")
            + sidebar_box("最新帖子", [(t["title"], read_url(t)) for t in latest[:5]], "cmsBoxB")
            + '</div>\n<div class="c">&nbsp;</div>\n</div>\n<div class="cmsBgbor">&nbsp;</div>\n\t</div>\n'
            + foot
        )
        put(f"/index.php?m=cms&q=view&id={p['id']}", body)

    # --- home --------------------------------------------------------------------------------------
    portal_mod = teaser_module("门户头条", [(p["title"], portal_url(p), summary(p["lines"])) for p in portal])
    forum_rows = ""
    for fid, (fname, _topic, intro) in forum_of.items():
        items = forum_threads[fid]
        newest_t = items[0]
        forum_rows += f"""<tr>
	<th><div class="icon"></div><h3 class="fname"><a href="{list_url(fid)}">{fname}</a></h3>
	<p class="descrip">{escape(intro)}</p></th>
	<td class="num"><span>主题<em>{len(items)}</em></span>
	<span>帖子<em>{sum(1 + len(t["replies"]) for t in items)}</em></span></td>
	<td class="update"><p class="title"><a href="{read_url(newest_t)}">{escape(newest_t["title"])}</a></p>
	<p class="info">{users[newest_t["author"]]["name"]}<span>{newest_t["time"][5:]}</span></p></td>
</tr>
"""
    home = (
        head(base, site_name, css=("forum",), description="青梧社区：技术、创业和生活的交流社区。")
        + header(base, site_name, nav, "首页")
        + '\t<div class="main_wrap">\n\t\t<div class="main cc">\n'
        + '\t\t\t<div class="main_body">\n\t\t\t\t<div class="main_content">\n'
        + f'<div class="design_layout_ct" id="main_segment">{portal_mod}</div>\n'
        + '<div class="box_wrap forum_list"><div class="box_title"><h2>社区版块</h2></div>\n'
        + f'<table width="100%" class="forum_table">\n{forum_rows}</table></div>\n'
        + '\t\t\t\t</div>\n\t\t\t</div>\n\t\t\t<div class="main_sidebar">\n'
        + sidebar_box("最新帖子", [(t["title"], read_url(t)) for t in latest[:8]])
        + tag_cloud(cloud)
        + search_box
        + sidebar_box("专题推荐", [("2014社区年度精选", special_url)])
        + "\t\t\t</div>\n\t\t</div>\n\t</div>\n"
        + foot
    )
    put("/", home)
    put("/index.php", home)

    # --- tag pages ----------------------------------------------------------------------------------
    for name in tag_names:
        tagged = [t for t in latest if name in t["tags"]]
        feeds = ""
        for t in tagged:
            u = users[t["author"]]
            feeds += f"""<dl class="cc">
	<dt class="feed_face"><a class="J_user_card_show" data-uid="{u["uid"]}">
	<img class="J_avatar" src="{u["avatar"]}" width="50" height="50" alt="{u["name"]}" /></a></dt>
	<dd class="feed_content">
		<div class="content"><a class="name J_user_card_show" data-uid="{u["uid"]}">{u["name"]}</a>：
		<em><a href="{read_url(t)}" class="title">{escape(t["title"])}</a></em><br>
		<div class="descrip">{escape(summary(t["lines"], 60))}</div></div>
		<div class="info">
		<span class="time">{t["date"]}</span>&nbsp;来自版块&nbsp;-&nbsp;
		<a href="{list_url(t["fid"])}">{forum_of[t["fid"]][0]}</a></div>
	</dd>
</dl>
"""
        body = (
            head(base, f"{name} - 话题 - {site_name}", css=("tag",))
            + header(base, site_name, nav, "")
            + '\t<div class="main_wrap">\n'
            + crumb(base, site_name, [("话题", None), (name, tag_url(base, name))])
            + '\t\t<div class="main cc">\n\t\t\t<div class="main_body">\n\t\t\t\t<div class="main_content">\n'
            + '<div class="box_wrap tag_info_box cc">'
            + f'<div class="name"><h3>{name}</h3>'
            '<a rel="nofollow" href="javascript:;" class="core_follow J_qlogin_trigger">关注该话题</a></div>'
            + f'<div class="num"><ul class="cc"><li>帖子：<em>{len(tagged)}</em></li>'
            f"<li>被关注：<em>{len(tagged) * 3}</em></li></ul></div>"
            + "</div>\n"
            + '<div class="box_wrap"><nav><div class="content_nav"><ul class="cc"><li class="current">'
            + f'<a href="{tag_url(base, name)}">最新帖子</a></li><li>会员</li></ul></div></nav>\n'
            + '<div class="tag_page"><div class="tag_view_list">'
            f'<div class="feed_lists" id="J_tag_feed_lists">\n{feeds}'
            + "</div></div></div></div>\n"
            + '\t\t\t\t</div>\n\t\t\t</div>\n\t\t\t<div class="main_sidebar">\n'
            + tag_cloud(cloud)
            + "\t\t\t</div>\n\t\t</div>\n\t</div>\n"
            + foot
        )
        put(tag_url("", name), body)

    # --- search results -----------------------------------------------------------------------------
    for word in searches:
        found = [t for t in latest if word in t["title"].lower()]
        results = ""
        for t in found:
            shown = t["title"].replace(word.capitalize(), f'<em class="s1">{word.capitalize()}</em>')
            shown = shown.replace("MySQL", '<em class="s1">MySQL</em>') if word == "mysql" else shown
            results += f"""<dl>
	<dt><a href="{read_url(t)}" target="_blank">{shown}</a></dt>
	<dd class="descrip">{escape(summary(t["lines"], 80))}</dd>
	<dd class="info">{users[t["author"]]["name"]}<span>{t["time"]}</span>版块：
	<a href="{list_url(t["fid"])}">{forum_of[t["fid"]][0]}</a></dd>
</dl>
"""
        body = (
            head(base, f"{word} - 搜索 - {site_name}")
            + header(base, site_name, nav, "")
            + '\t<div class="main_wrap">\n'
            + crumb(base, site_name, [("搜索", None)])
            + '\t\t<div class="main cc">\n\t\t\t<div class="search_page box_wrap">\n'
            + f'<form action="{base}/index.php?m=search&amp;c=s" method="post">'
            f'<input type="text" name="keyword" value="{word}" />'
            + '<button type="submit" class="btn btn_submit">搜索</button></form>\n'
            + f'<div class="search_num">找到与 <em class="s1">{word}</em> 相关的帖子 '
            + f"<span>{len(found)}</span> 篇</div>\n"
            + f'<div class="search_list">\n{results}</div>\n'
            + "\t\t\t</div>\n\t\t</div>\n\t</div>\n"
            + foot
        )
        put(f"/index.php?m=search&c=s&keyword={word}", body)

    # --- special (专题) page --------------------------------------------------------------------------
    rng = random.Random(seed + 1)
    intro = "".join(text_bank.paragraphs("职场", rng, 1))
    intro += "这里把过去一年里大家讨论最多的帖子和门户文章整理在一起，方便新朋友翻看。"
    picks = [(p["title"], portal_url(p)) for p in portal]
    alias_url = f"{base}/index.php?c=read&tid={alias_thread['tid']}&fid={alias_thread['fid']}"
    picks.append((alias_thread["title"], alias_url))
    picks += [(t["title"], read_url(t)) for t in hot[:4] if t is not alias_thread]
    special = (
        head(base, f"2014社区年度精选 - {site_name}")
        + header(base, site_name, nav, "专题")
        + '\t<div class="main_wrap">\n'
        + crumb(base, site_name, [("专题", None), ("2014社区年度精选", None)])
        + '\t\t<div class="main cc">\n'
        + '<div class="design_layout_ct" id="segment_drag">\n'
        + '<div class="mod_box J_mod_box"><div class="mod_title"><h2>2014社区年度精选</h2></div>'
        + f'<div class="mod_content mod_html"><p>{escape(intro)}</p></div></div>\n'
        + title_module("精选阅读", picks)
        + "</div>\n\t\t</div>\n\t</div>\n"
        + foot
    )
    put("/index.php?m=special&id=1", special)
    return out
