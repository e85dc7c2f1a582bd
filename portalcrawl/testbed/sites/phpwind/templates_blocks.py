"""The boxes and design modules of the ``phpwind`` test site (PHPWind 9 default style): sidebar boxes, the 热门话题
tag cloud (``tag/index_view.htm``), the portal's teaser and title modules, tag URLs and summaries."""

from __future__ import annotations

from html import escape
from urllib.parse import quote


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
