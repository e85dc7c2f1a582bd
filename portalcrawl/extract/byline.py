"""Who wrote, supplied and edited an article, from its byline lines.

Bylines glue a name to a role word: "斩情道投稿", "作者：X", "文/X", "（记者 X）",
"来源：Y", "责任编辑：Z", "由X张贴 @ ...". Each pattern below yields a field and a name;
the caller decides which lines are byline lines (the meta line and the body's edges),
so the same words in the prose are never read as a byline.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import pairwise

from .text import CJK

_NAME = rf"[{CJK}A-Za-z][{CJK}A-Za-z0-9·•_.\-]{{0,24}}"
# A date and time that may stand between a name and its verb ("由张三 2023-04-13 10:20发表").
_WHEN = r"\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_NAMES = rf"{_NAME}(?:[ 、，,/]{_NAME}){{0,5}}"
_SEP = r"\s*[：:︰]\s*"

# (field, strength, pattern). The name is group "n".
_RULES: list[tuple[str, int, re.Pattern[str]]] = [
    ("contributor", 9, re.compile(rf"(?:作\s*者|撰\s*文|撰稿人?|原作者|笔者|供稿人?)(?:{_SEP}|\s+)(?P<n>{_NAMES})")),
    ("contributor", 9, re.compile(rf"(?<![{CJK}])文\s*[/／]\s*(?P<n>{_NAMES})")),
    ("contributor", 8, re.compile(rf"(?:发布者|发布人|发表人|投稿人|发帖人|楼主|提交者|上传者){_SEP}(?P<n>{_NAME})")),
    ("contributor", 8, re.compile(rf"(?:^|[\s　|(（\]】])(?P<n>{_NAME})\s*投稿(?![{CJK}])")),
    ("contributor", 7, re.compile(rf"由\s*(?P<n>{_NAME})\s*(?:{_WHEN}\s*)?(?:张贴|发表|发布|提供|整理)")),
    ("contributor", 7, re.compile(rf"(?:posted|written)\s+by\s+(?P<n>{_NAME})", re.I)),
    ("contributor", 6, re.compile(
        rf"(?:^|(?<=[\s(（□■●|]))(?:本报|本台|本刊|本网|新华社|特约|[{CJK}]{{2}}社|[{CJK}]{{1,4}}报)?"
        rf"(?:实习|首席)?(?:记者|通讯员|实习生)(?:{_SEP}|\s*)(?P<n>{_NAMES})")),
    ("contributor", 5, re.compile(
        rf"(?:^|\s)(?P<n>{_NAME})\s*(?:发表于|发表在|发布于|写于|posted\s+(?:at|on))", re.I)),
    ("source", 8, re.compile(
        rf"(?:来\s*源|稿\s*源|出\s*处|信息来源|文章来源|转载自|来自|发文机关|发布机构){_SEP}(?P<n>{_NAMES})")),
    ("editor", 8, re.compile(rf"(?:责任编辑|责编|编\s*辑|编审|审核|值班编辑|网络编辑|本文编辑){_SEP}(?P<n>{_NAMES})")),
    ("editor", 6, re.compile(rf"[(（]\s*(?:责任编辑|责编|编辑)\s*[：:]?\s*(?P<n>{_NAMES})\s*[)）]")),
]
# Words that a greedy name pattern can swallow but that are never names.
_STOP = re.compile(
    r"^(本站|本网|网络|转载|原创|佚名|未知|匿名|admin|管理员|欢迎|我要|在线|网友|用户|时间|日期|发表|发布|"
    r"点击|浏览|阅读|评论|编辑|来源|作者|记者|更新|分享|打印|关闭|收藏|字号|none|null|unknown|"
    r"会员|版主|楼主|小编|游客|更多|返回|首页|主页|登录|注册|专题|栏目|分类|标签)$",
    re.I,
)
# Role words, dates and counters that end a name when the pattern ran past it.
_TAIL = re.compile(
    r"\s*(?:[\u4e00-\u9fff]{0,2}(?:时间|日期)[:：]?.*|(?:发布|发表|时间|日期|来源|作者|编辑|责任编辑|责编|点击|浏览|阅读|评论|更新|分享|字号|打印|投稿|"
    r"访问|人气|热度|字数|查看|关注|粉丝)"
    r".*|\d{2,4}[-年/.].*)$"
)


_DIGIT = re.compile(r"\d")
_HAN = re.compile(rf"[{CJK}]")
_ROLE_PREFIX = re.compile(r"^(?:本报|特约|实习)*(?:记者|通讯员|摄影|编辑)")


@dataclass(frozen=True)
class BylineHit:
    field: str
    name: str
    strength: int
    rule: str


def _clean(name: str) -> str | None:
    name = _TAIL.sub("", name).strip(" ·•_.-/、，,")
    parts = [_ROLE_PREFIX.sub("", p) for p in re.split(r"[ 、，,/]+", name)]
    parts = [p for p in parts if p and not _STOP.match(p)]
    # A run of 2-4 character names is a list of authors; a long run is a sentence.
    if len(parts) > 1 and not all(len(p) <= 4 for p in parts):
        parts = parts[:1]
    name = " ".join(parts)
    if not name or _STOP.match(name) or len(name) > 40 or name.isdigit():
        return None
    if _DIGIT.search(name) and _HAN.search(name):  # "CC-4.0协议", "3号楼": a term or a place, not a person
        return None
    return name


def find_bylines(line: str) -> list[BylineHit]:
    """Every byline in one line of text."""
    hits = []
    for field, strength, pattern in _RULES:
        for m in pattern.finditer(line):
            raw = m.group("n")
            head, _, last = raw.rpartition(" ")
            if head and _STOP.match(last) and line[m.end("n") : m.end("n") + 1] in (":", "："):
                raw = head  # "作者：南窗 分类：…": 分类 is the next field's label
            name = _clean(raw)
            if name:
                hits.append(BylineHit(field, name, strength, pattern.pattern[:24]))
    return hits


_SIGNATURE = re.compile(rf"[(（]\s*(?P<n>[{CJK}]{{2,4}}(?:\s+[{CJK}]{{2,4}}){{0,3}})\s*[)）]\s*$")


def trailing_signature(paragraph: str) -> str | None:
    """A bare name in brackets closing the last paragraph: "…到头来。（袁源）"."""
    m = _SIGNATURE.search(paragraph)
    return _clean(m.group("n")) if m else None


_BARE_NAME = re.compile(rf"[{CJK}]{{2,4}}(?:\s+[{CJK}]{{2,4}}){{0,2}}")


_META_NOISE = re.compile(
    r"\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?|\d{1,2}:\d{2}(?::\d{2})?|\d+|"
    r"(?:阅读|浏览|点击|评论|人气|次|views?)[:：]?|[|｜/·•()（）\[\]【】]")


def name_beside_date(line: str, not_names: set[str]) -> str | None:
    """"2024-04-19 10:57 周牧之 482": the meta line's one bare name, once its date, time and counters
    are gone (a category or site name linked elsewhere on the page is not a name)."""
    if not any(ch.isdigit() for ch in line):
        return None
    rest = _META_NOISE.sub(" ", line).split()
    if len(rest) != 1 or not _BARE_NAME.fullmatch(rest[0]) or _STOP.match(rest[0]) or rest[0] in not_names:
        return None
    return rest[0]


# What a forum prints under a poster's name: their id, registration, post count, level, coins.
_POSTER_STATS = re.compile(r"^(?:UID|注册(?:日期|时间)|发帖|帖子|积分|精华|威望|金钱|铜币|在线时间|最后登录)")


def forum_poster(lines: list[str]) -> str | None:
    """The first post's author in a forum thread: the short line above the poster's stats."""
    for n, line in enumerate(lines):
        if _POSTER_STATS.match(line) and n:
            for candidate in lines[max(0, n - 2) : n]:  # the name, then maybe the poster's rank
                if 2 <= len(candidate) <= 20 and not any(c in candidate for c in "，。：:；！？>›»") \
                        and not _POSTER_STATS.match(candidate) and not _STOP.match(candidate):
                    return candidate
            return None
    return None


def name_under_headline(zone: list) -> str | None:
    """标题 / 作者名 / 正文: a line that is only a name, right under the headline."""
    texts = [b.text for b in zone if b.tokens]
    for headline, line in pairwise(texts):
        if _BARE_NAME.fullmatch(line) and not _STOP.match(line) and len(headline) > len(line):
            return _clean(line)
        break
    return None
