"""The text of the ``cmseasy`` test site: its columns, authors, sources, tags and hot keywords, its URL shapes,
and the hand-written articles that are not plain prose (tables, line lists, galleries, a poem, Q&A)."""

from __future__ import annotations

import random
from urllib.parse import quote

from .._html import esc, paras

SEED = 7102
PER_PAGE = 8
CATS = [("2", "sanwen", "散文随笔", "美文"), ("3", "gushi", "创业故事", "创业"), ("4", "zhichang", "职场杂谈", "职场")]
AUTHORS = ["江晚吟", "何小舟", "蒋一苇", "宋知秋", "老树", "孟浅", "罗青山", "田二月"]
SOURCES = ["东篱原创", "读者投稿", "城市晚报", "网络整理"]
COMMENTERS = ["游客", "雨巷", "平江路人", "大鹏", "风吹麦浪", "苏州阿姨", "小鱼儿", "读书的猫"]
FRIEND_LINKS = [
    ("姑苏文学网", "http://www.gusuwenxue.com/"),
    ("江南散文", "http://www.jnsanwen.cn/"),
    ("小城故事", "http://www.xiaochenggushi.net/"),
    ("书香苏州", "http://www.shuxiangsz.org/"),
]
TAGS = ["乡愁", "读书", "开店"]
SPECIAL = ("/index.php?case=special&act=show&spid=1", "平江路上的小日子")
HOT = [
    ("excel", "/index.php?case=archive&act=search&keyword=excel"),
    ("ppt", "/index.php?case=archive&act=search&keyword=ppt"),
]


def list_url(cid: str, page: int = 1) -> str:
    return f"/index.php?case=archive&act=list&catid={cid}" + (f"&page={page}" if page > 1 else "")


def tag_url(tag: str) -> str:
    return "/index.php?case=tag&act=show&tag=" + quote(tag.encode("gbk"))


def _table(rows: list[list[str]]) -> str:
    trs = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>\n" for r in rows)
    return f'<table border="1" cellspacing="0" cellpadding="4" width="100%">\n<tbody>\n{trs}</tbody>\n</table>\n'


def _table_article(cid: str, title: str, intro: str | None, rows: list[list[str]]) -> tuple:
    """A table article: its intro paragraph (if any), then the table; a body line per row."""
    lead = [intro] if intro else []
    return cid, title, "table", paras(lead) + _table(rows), lead + [" ".join(r) for r in rows], []


def special_articles(rng: random.Random) -> list[tuple[str, str, str, str, list[str], list[str]]]:
    """(catid, title, shape, content, body, pics) of the articles that are not prose."""
    out = []
    intro = "本季读书会每两周一次，欢迎书友报名参加。"
    rows = [
        ["日期", "主题", "领读人", "地点"],
        ["9月13日", "汪曾祺的吃与写", "宋知秋", "平江路书房"],
        ["9月27日", "城南旧事里的北京", "孟浅", "十全街茶社"],
        ["10月11日", "重读边城", "何小舟", "平江路书房"],
        ["10月25日", "如何写一篇小散文", "江晚吟", "观前街图书馆"],
    ]
    out.append(_table_article("2", "2014年秋季读书会活动安排", intro, rows))
    rows = [
        ["书名", "版本", "品相", "参考价"],
        ["围城", "1980年版", "八品", "45元"],
        ["平凡的世界", "1988年版", "九品", "120元"],
        ["唐诗三百首", "1978年版", "七品", "30元"],
        ["红楼梦", "1982年版", "八五品", "160元"],
        ["呐喊", "1973年版", "七品", "55元"],
    ]
    out.append(_table_article("3", "旧书摊行情：几本老书的参考价", None, rows))
    tracks = [
        "01 序曲 城南的早晨",
        "02 惠安馆",
        "03 我们看海去",
        "04 兰姨娘",
        "05 驴打滚儿",
        "06 爸爸的花儿落了",
        "07 尾声 骊歌",
    ]
    out.append(
        (
            "2",
            "有声书《城南旧事》曲目单",
            "lines",
            "<p>" + "<br/>\n".join(esc(t) for t in tracks) + "</p>\n",
            tracks,
            [],
        )
    )
    dates = [
        "11月8日 苏州 山塘街小剧场",
        "11月15日 无锡 南长街音乐现场",
        "11月22日 常州 青果巷livehouse",
        "11月29日 南京 老门东剧场",
        "12月6日 杭州 小河直街书店",
    ]
    out.append(("3", "民谣歌手周小舟冬季巡演日期", "lines", paras(dates), dates, []))
    for cid, title, caps in [
        ("2", "古镇写生作品选", ["石桥与乌篷船", "午后的茶馆", "雨中的廊棚", "河埠头洗衣的阿婆"]),
        (
            "4",
            "秋日银杏摄影小辑",
            ["校园里的银杏大道", "落叶铺满的台阶", "夕阳下的银杏树", "捡叶子的小姑娘", "一片金黄的屋顶"],
        ),
    ]:
        pics = [
            f"/uploads/images/2014{rng.randint(10, 12)}/{rng.randint(100000, 999999)}{i}.jpg" for i in range(len(caps))
        ]
        content = "".join(
            f'<p align="center"><img alt="" src="{p}" /></p>\n<p align="center">{esc(c)}</p>\n'
            for p, c in zip(pics, caps, strict=True)
        )
        out.append((cid, title, "gallery", content, caps, pics))
    poem = [
        "春天的信",
        "我把一封信",
        "夹在柳枝里",
        "寄给河对岸的你",
        "信里没有字",
        "只有三月的风",
        "和一整条河的水声",
        "你若读懂了",
        "就在桃花开的时候",
        "到桥上来",
    ]
    out.append(("2", "诗歌：春天的信", "poem", paras(poem), poem, []))
    qa = [
        "问：开一家小书店，最少要准备多少钱？",
        "答：在二三线城市，三十平米左右的店面，连房租押金和首批进货，十万元上下比较稳妥。",
        "问：只卖书能活下去吗？",
        "答：很难。多数独立书店靠咖啡、文创和读书会补贴，书更像是招牌和氛围。",
        "问：选址最看重什么？",
        "答：人流不是越大越好，要看经过的人会不会停下来，学校和老街区附近往往更合适。",
    ]
    out.append(("3", "开一家独立书店要准备什么", "qa", paras(qa), qa, []))
    return out
