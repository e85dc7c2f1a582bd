"""The page shell of the ``phpwind`` test site (PHPWind 9 default style): ``common/head.htm``, ``header.htm``
(logo, navigation, search box) and ``footer.htm`` (with the 友情链接 module), the bread crumb and the pager.
The HTML is written here; no template text is copied.
"""

from __future__ import annotations

from html import escape

from .._html import pager as pager_html

RELEASE = "20141228"


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
    return pager_html(
        '<div class="pages">', "</div>", pages, current, '<a href="{url}">{n}</a>', "<strong>{n}</strong>",
        '<a href="{url}" class="pages_pre">&laquo;&nbsp;上一页</a>',
        '<a href="{url}" class="pages_next">下一页&nbsp;&raquo;</a>',
    )
