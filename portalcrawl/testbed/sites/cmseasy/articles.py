"""The ``cmseasy`` site's articles as data: prose from the text bank and the hand-written specials, shuffled and
dated, with their summaries, missing headlines or dates, comments, a near-copy and an alias."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from portalcrawl.demo import text_bank

from .._html import paras
from .._traps import Traps, add_comments, set_traps
from .content import AUTHORS, CATS, COMMENTERS, SOURCES, TAGS, special_articles


@dataclass
class Art(Traps):
    aid: int
    cid: str
    title: str
    when: datetime
    author: str
    source: str
    shape: str
    content: str
    body: list[str]
    tag: str
    pics: list[str] = field(default_factory=list)

    @property
    def path(self) -> str:
        return f"/index.php?case=archive&act=show&aid={self.aid}"

    @property
    def intro(self) -> str:
        return self.body[0][:48] if self.shape == "prose" else self.body[0][:30]


def make_articles(rng: random.Random) -> tuple[list[Art], tuple[str, str], Art]:
    """Every article, the paths of the (original, near-copy) pair, and the article also served as a static page."""
    titles = {
        "2": ["外婆家的老槐树", "雨后的黄昏", "回乡的火车上", "巷口修鞋的师傅", "那碗馄饨"],
        "3": [
            "县城里的第一家咖啡馆",
            "社区团购做了半年",
            "回乡种茶的大学生",
            "民宿老板的淡季",
            "一家面馆的账本",
            "用 excel 管库存的小店",
        ],
        "4": [
            "试用期的第一个月",
            "年终总结别再流水账",
            "跳槽前想清楚的三件事",
            "做好 ppt 之前先想清楚结论",
            "远程办公这一年",
            "部门主管的一天",
            "和老同事吃了顿饭",
        ],
    }
    topic = {c[0]: c[3] for c in CATS}
    specs = [(cid, t, "prose", "", [], []) for cid, names in titles.items() for t in names] + special_articles(rng)
    rng.shuffle(specs)
    start = datetime(2014, 6, 3, 10, 5, 0)
    arts = []
    for n, (cid, title, shape, content, body, pics) in enumerate(specs):
        when = start + timedelta(
            days=n * 6 + rng.randint(0, 3), minutes=rng.randint(0, 700), seconds=rng.randint(0, 59)
        )
        if not body:
            body = text_bank.paragraphs(topic[cid], rng, rng.randint(4, 7))
            content = paras(body)
        tag = {"2": "乡愁", "3": "开店", "4": "读书"}[cid] if rng.random() < 0.75 else rng.choice(TAGS)
        arts.append(
            Art(12 + n, cid, title, when, rng.choice(AUTHORS), rng.choice(SOURCES), shape, content, body, tag, pics)
        )
    prose = [a for a in arts if a.shape == "prose"]
    src = next(a for a in prose if a.cid == "2")
    body = list(src.body)
    body[0] = body[0][: body[0].find("。") + 1] + text_bank.sentence("美文", rng) + body[0][body[0].find("。") + 1 :]
    body[2] = text_bank.sentence("美文", rng) + body[2][body[2].find("。") + 1 :]
    copy = Art(
        12 + len(arts),
        "4",
        src.title,
        src.when + timedelta(days=20, hours=5),
        "田二月",
        "网络整理",
        "prose",
        paras(body),
        body,
        src.tag,
    )
    arts.append(copy)
    prose = [a for a in prose if a is not src]
    set_traps(prose, 0)
    add_comments(arts[1::3], rng, COMMENTERS, (3, 200), (2, 4), lambda a: text_bank.sentence(topic[a.cid], rng))
    return arts, (src.path, copy.path), prose[11]
