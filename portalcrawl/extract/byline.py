"""Bare names: bylines printed without a role word, found by where they stand.

The forms with a role word ("作者：X", "（记者 X）", "责任编辑：Z") are in byline_forms.py. A name
alone is a byline only in a few places: on the line under a blog's headline, beside the date on
the meta line, in brackets closing the body, above a forum poster's stats. In each place a
site's name, a department, a weekday or a toolbar word can stand instead, and is refused.
"""

from __future__ import annotations

import re
from itertools import pairwise

from .byline_forms import STOP, BylineHit, clean_name, find_bylines
from .text import CJK, HAN

__all__ = [
    "BylineHit",
    "account_before_follow",
    "find_bylines",
    "forum_poster",
    "is_organisation",
    "name_beside_date",
    "name_under_headline",
    "trailing_signature",
]

# A bare name (one with no role word beside it) ending like an outlet or a body is the site or a
# department, not a person: "某某日报", "新闻中心", "市教育局".
_ORGANISATION = re.compile(
    r"(?:日报|晚报|早报|时报|周报|周刊|报社|杂志|网|站|社|台|频道|中心|新闻|资讯|在线|论坛|社区|博客|官网|出版社|"
    r"集团|公司|政府|委员会|局|厅|部|办|院|协会|学会|联合会|大学|学院|学校|星期[一二三四五六日天]|周[一二三四五六日])$"
)


def is_organisation(name: str) -> bool:
    return bool(_ORGANISATION.search(name))


_SIGNATURE = re.compile(rf"[(（]\s*(?P<n>[{CJK}]{{2,4}}(?:\s+[{CJK}]{{2,4}}){{0,3}})\s*[)）]\s*$")


def trailing_signature(paragraph: str) -> str | None:
    """A bare name in brackets closing the last paragraph: "…到头来。（袁源）"."""
    m = _SIGNATURE.search(paragraph)
    name = clean_name(m.group("n")) if m else None
    return name if name and not is_organisation(name) else None


_LATIN_HANDLE = re.compile(r"[A-Za-z][A-Za-z0-9_\-]{2,20}")
# A bare name beside a date: a few characters, or a Latin handle ("GameForce").
_BARE_NAME = re.compile(rf"[{CJK}]{{2,4}}(?:\s+[{CJK}]{{2,4}}){{0,2}}|[A-Za-z][A-Za-z0-9_\-]{{2,20}}")
# A pen name alone on the line under a blog's headline: a few characters, or a Latin handle.
_PEN_NAME = re.compile(rf"[{CJK}]{{2,6}}(?:[\s、][{CJK}]{{2,4}}){{0,2}}|[A-Za-z][A-Za-z0-9_\-]{{2,20}}|"
                       rf"[A-Za-z0-9]{{1,6}}[{CJK}]{{1,4}}")  # "IT之家"
# A labelled field of a meta line ("来源：某某日报", "分类: 新闻"): not the bare name.
_FIELD = re.compile(r"\S{1,6}\s*[:：]\s*\S*")


_META_NOISE = re.compile(
    r"\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}(?::\d{2})?|"
    r"\d+\s*(?:人参与|人阅读|人浏览|人看过|人收藏|人点赞|人评论|条评论|次阅读|次浏览|次播放)|\d+|"
    r"(?:阅读|浏览|点击|评论|人气|次|views?|原创|转载|首发)[:：]?|星期[一二三四五六日天]|周[一二三四五六日]|[|｜/·•()（）\[\]【】]")


def name_beside_date(line: str, not_names: set[str]) -> str | None:
    """"2024-04-19 10:57 周牧之 482": the meta line's one bare name, once its date, time and counters
    are gone (a category or site name linked elsewhere on the page is not a name)."""
    if not any(ch.isdigit() for ch in line):
        return None
    rest = _META_NOISE.sub(" ", _FIELD.sub(" ", line)).split()
    if any(_LATIN_HANDLE.fullmatch(p) for p in rest) and (len(rest) > 1 or not HAN.search(line)):
        return None  # a handle stands alone on a Chinese meta line; English words beside a date are prose
    # One name, or a few (co-authors): each a bare name, none a linked column or the site.
    if not 1 <= len(rest) <= 3 or not all(_BARE_NAME.fullmatch(p) and p not in not_names for p in rest):
        return None
    names = [n for p in rest if (n := clean_name(p)) and not is_organisation(n)]
    return " ".join(names) if len(names) == len(rest) else None


# What a forum prints under a poster's name: their id, registration, post count, level, coins.
_POSTER_STATS = re.compile(r"^(?:UID|注册(?:日期|时间)|发帖|帖子|积分|精华|威望|金钱|铜币|在线时间|最后登录)")


def forum_poster(lines: list[str]) -> str | None:
    """The first post's author in a forum thread: the short line above the poster's stats."""
    for n, line in enumerate(lines):
        if _POSTER_STATS.match(line) and n:
            for candidate in lines[max(0, n - 2) : n]:  # the name, then maybe the poster's rank
                if 2 <= len(candidate) <= 20 and not any(c in candidate for c in "，。：:；！？>›»") \
                        and not _POSTER_STATS.match(candidate) and not STOP.match(candidate) \
                        and not is_organisation(candidate):
                    return candidate
            return None
    return None


_FOLLOW = re.compile(r"^[+＋]?\s*(?:关注|订阅|加关注|follow|subscribe)$", re.I)
_ACCOUNT = re.compile(rf"[{CJK}A-Za-z0-9_·\-]{{2,16}}")


def account_before_follow(zone: list, not_names: frozenset[str] | set[str] = frozenset()) -> str | None:
    """The publishing account on a self-media page: its name on a line of its own, with the 关注 (follow)
    button right after it. Whatever the name says, it is who put the piece out."""
    texts = [b.text.strip() for b in zone if b.tokens]
    for name, button in pairwise(texts):
        if _FOLLOW.match(button) and _ACCOUNT.fullmatch(name) and name not in not_names and not STOP.match(name):
            return name
    return None


def name_under_headline(zone: list, not_names: frozenset[str] | set[str] = frozenset()) -> str | None:
    """标题 / 作者名 / 正文: a line that is only a (pen) name, right under the headline. A site's
    or a column's name stands there too, and is refused."""
    texts = [b.text.strip() for b in zone if b.tokens]
    for headline, line in pairwise(texts):
        if _PEN_NAME.fullmatch(line) and len(headline) > len(line) and line not in not_names \
                and not is_organisation(line):
            return clean_name(line)
        break
    return None
