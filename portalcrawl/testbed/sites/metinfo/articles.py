"""The `metinfo` site's articles as data: prose from the text bank and the hand-written specials, shuffled and
dated, with their 导读 boxes, missing headlines or dates, comments, a near-copy and an alias."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime, timedelta

from portalcrawl.demo import text_bank

from .._html import paras
from .._traps import Traps, add_comments, set_traps
from .content import AUTHORS, COLUMNS, COMMENTERS, TAG_COLUMN, special_articles


@dataclass
class Art(Traps):
    aid: int
    col: str
    title: str
    when: datetime
    author: str
    shape: str
    content: str
    body: list[str]
    desc: str
    tags: list[str]
    hits: int

    @property
    def path(self) -> str:
        return f"/{self.col}/{self.aid}.html"


def lead(text: str) -> str:
    """The lead cut short, as the list description and the 导读 box print it."""
    return text[:58] + "……"


def make_articles(rng: random.Random) -> tuple[list[Art], tuple[str, str], str]:
    """Every article, the paths of the (original, near-copy) pair, and the path of the article also served under
    its dynamic ``shownews.php`` URL."""
    titles = {
        "news": [
            "社区团购退潮之后，小店如何留住老顾客",
            "县城咖啡馆的第二年",
            "外贸小老板的现金流账本",
            "连锁餐饮开第三家店前要想清楚的事",
            "农产品合作社的线上转型",
            "SaaS 工具帮小店省下的时间",
        ],
        "jishu": [
            "一次数据库迁移的复盘",
            "慢查询告警为什么总被忽略",
            "缓存一致性的那些坑",
            "给接口加超时之前先想好重试",
            "用 Python 脚本巡检服务器",
            "备份恢复演练到底该怎么做",
            "代码评审的节奏感",
        ],
        "zhichang": [
            "试用期里最该做的三件事",
            "年终述职怎么讲才不空",
            "跳槽之后的前九十天",
            "中层管理者的时间都去哪了",
            "远程办公一年后的真实感受",
            "给刚入职新人的几句话",
            "和上司意见不合怎么办",
            "加班文化正在悄悄改变",
        ],
    }
    start = datetime(2024, 1, 8, 9, 12, 30)
    specs: list[tuple[str, str, str, str | None, list[str] | None]] = []
    for col, title, shape, content, body in special_articles(rng):
        specs.append((col, title, shape, content, body))
    for col, names in titles.items():
        for t in names:
            specs.append((col, t, "prose", None, None))
    rng.shuffle(specs)
    arts: list[Art] = []
    topic = {c[0]: c[3] for c in COLUMNS}
    for n, (col, title, shape, content, body) in enumerate(specs):
        when = start + timedelta(
            days=n * 4 + rng.randint(0, 2), minutes=rng.randint(0, 600), seconds=rng.randint(0, 59)
        )
        if body is None:
            body = text_bank.paragraphs(topic[col], rng, rng.randint(4, 7))
            content = paras(body)
        tag = next(k for k, v in TAG_COLUMN.items() if v == col)
        desc = lead(body[0]) if shape == "prose" else body[0][:40]
        arts.append(
            Art(
                11 + n,
                col,
                title,
                when,
                rng.choice(AUTHORS),
                shape,
                content or "",
                body,
                desc,
                [tag] if rng.random() < 0.7 else [],
                rng.randint(60, 3200),
            )
        )
    prose = [a for a in arts if a.shape == "prose"]
    # near-copy: a technical piece reposted under 行业资讯 with two sentences reworded
    src = next(a for a in prose if a.col == "jishu")
    body = list(src.body)
    body[1] = text_bank.sentence("技术", rng) + body[1][body[1].find("。") + 1 :]
    body[-1] = body[-1][: body[-1].find("。") + 1] + text_bank.sentence("技术", rng)
    copy = Art(
        11 + len(arts),
        "news",
        src.title,
        src.when + timedelta(days=9, hours=3),
        "韩小满",
        "prose",
        paras(body),
        body,
        lead(body[0]),
        ["chuangye"],
        rng.randint(60, 900),
    )
    arts.append(copy)
    prose = [a for a in prose if a is not src]
    set_traps(prose, 1)
    add_comments(
        arts[::3], rng, COMMENTERS, (2, 90), (2, 5),
        lambda a: text_bank.sentence(topic[a.col], rng) + text_bank.sentence(topic[a.col], rng),
    )
    alias_art = prose[12]
    return arts, (src.path, copy.path), alias_art.path
