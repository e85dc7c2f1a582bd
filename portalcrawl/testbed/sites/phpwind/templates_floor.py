"""A floor of a ``phpwind`` thread, as PHPWind 9's ``bbs/read_floor.htm`` lays it: the poster's card (UID,
注册日期, 发帖数) beside the post, the first floor (楼主) carrying the thread's title, stats and tags, every
floor its ``editor_content`` and the poster's signature."""

from __future__ import annotations

from html import escape

FLOOR_NAMES = ["楼主", "沙发", "板凳", "地板"]


def floor_name(lou: int) -> str:
    return FLOOR_NAMES[lou] if lou < len(FLOOR_NAMES) else f"{lou}楼"


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
