"""The printed forms of a byline: a role word glued to a name, and what a name can be.

Bylines glue a name to a role word: "斩情道投稿", "作者：X", "文/X", "X/文", "（记者 X）",
"（X 上海报道）", "X 摄", "来源：Y", "责任编辑：Z", "本帖由X于…发表". Each rule below yields a
field and a name; the caller decides which lines are byline lines (the meta line and the
body's edges), so the same words in the prose are never read as a byline.

Rules carry a tier as well as a strength: the writer's own words (作者, 文/, 记者) say who
wrote the piece, a poster's words (发布者, 楼主, 由X发表) say who put it online, and a photo
credit (X 摄) says who took the pictures. A page naming several is about its writer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import NamedTuple

from .text import CJK, HAN, per_line

_NAME = rf"[{CJK}A-Za-z][{CJK}A-Za-z0-9·•_.\-]{{0,24}}"
# A date and time that may stand between a name and its verb ("由张三 2023-04-13 10:20发表").
_WHEN = r"\d{2,4}[-/.年]\d{1,2}[-/.月]\d{1,2}日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?"
_NAMES = rf"{_NAME}(?:[ 、，,/&＆]{_NAME}){{0,5}}"
_SEP = r"\s*[：:︰丨｜]\s*"
_OPEN = r"[\[【「『《〔]?\s*"  # "来源：[ 某某日报 ]", "作者：【张伟】"
# A reporter's name is short and stands alone: "记者 张伟", "记者张伟报道", never "记者从市里获悉".
# The shortest run of 2-4 characters followed by a boundary or by the words that follow a name.
_AFTER_NAME = r"(?=$|[\s)）\]】」、，,/|；;。：:丨]|摄|报道|发自|通讯员|实习生|记者)"
_AFTER_LISTED = r"(?=$|[\s)）\]】」、，,/|；;。：:丨]|摄|发自)"
# A Latin-script name ends at a word boundary: "IMG_0412.jpg" under a picture is a file, no photographer.
_LATIN_NAME = r"[A-Za-z][A-Za-z.\-]{1,20}(?![\w])"
_PERSON = rf"(?:[{CJK}]{{2,8}}·[{CJK}]{{2,8}}|[{CJK}]{{2,4}}?{_AFTER_NAME}|{_LATIN_NAME})"
# A later name of a list is never a place with its 报道 ("记者 张伟 上海报道").
_LISTED = (rf"(?:[{CJK}]{{2,8}}·[{CJK}]{{2,8}}|(?![{CJK}]{{0,4}}报道)[{CJK}]{{2,4}}?{_AFTER_LISTED}|"
           rf"{_LATIN_NAME})")
_REPORTER = (rf"(?:本报|本台|本刊|本网|新华社|中新社|特约|[{CJK}]{{2}}社|[{CJK}]{{1,4}}报|[{CJK}]{{2,6}}?)?"
             rf"(?:实习|首席|特约|见习|摄影)?(?:记者|通讯员|实习生)")
# "记者 王强 本报通讯员 赵敏": the later names may carry their own role word.
_PERSONS = rf"{_PERSON}(?:[ 、，,/]+(?:{_REPORTER}\s*)?{_LISTED}){{0,5}}"
_EDGE = r"(?:^|(?<=[\s(（□■●|【\[讯电。：:]))"  # what may stand before a role word: a line or field start

AUTHOR, POSTER, PHOTO = 2, 1, 0


class _Rule(NamedTuple):
    field: str
    strength: int
    tier: int
    pattern: re.Pattern[str]
    # Characters one of which the rule's role word holds: a rule whose characters are all absent cannot
    # match (most lines hold none, and the regexes' name runs are costly to try at every position).
    trigger: str


# "Dana A. Ford", "Chien-Ming Wang", "Lauren del Valle": capitalised words, initials, particles.
_LATIN_PERSON = (r"[A-Z][\w'’.\-]*(?:\s+[\"“][^\"”]{1,30}[\"”])?"
                 r"(?:\s+(?:(?:de|del|da|das|dos|du|van|von|der|den|la|le|di)\s+)*[A-Z][\w'’.\-]*){0,3}")
_LATIN_NAMES = rf"{_LATIN_PERSON}(?:\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*&\s*){_LATIN_PERSON}){{0,9}}"
_LATIN_SPLIT = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+|&)\s*")

# (field, strength, tier, pattern). The name is group "n"; the role word, when kept, group "r".
_RULES: list[_Rule] = [
    _Rule("contributor", 9, AUTHOR, re.compile(
        rf"(?:作\s*者|撰\s*文|撰稿人?|原作者|笔者|供稿人?)(?:{_SEP}|\s+){_OPEN}(?P<n>{_NAMES})"), "者撰稿笔"),
    _Rule("contributor", 9, AUTHOR, re.compile(rf"(?:执\s*笔|编\s*译|译\s*者){_SEP}{_OPEN}(?P<n>{_NAMES})"), "执译"),
    # "发表于… | 来源CSDN | 作者魏星": a field of a "|"-separated meta line, label and name run together.
    _Rule("contributor", 8, AUTHOR, re.compile(
        rf"(?<=[|｜])\s*作者(?P<n>[{CJK}]{{2,4}}|[A-Za-z][A-Za-z0-9_\-]{{2,20}})\s*(?=$|[|｜])"), "者"),
    _Rule("contributor", 9, AUTHOR, re.compile(rf"(?<![{CJK}])(?:文|执笔)\s*[/／丨｜|]\s*(?P<n>{_NAMES})"), "文执"),
    # "路闻卓立编译": who compiled or translated the piece wrote its Chinese text.
    _Rule("contributor", 8, AUTHOR, re.compile(
        rf"(?:^|(?<=[\s(（【\[：:]))(?P<n>[{CJK}A-Za-z][{CJK}A-Za-z·]{{1,7}}?)\s*编译(?![{CJK}])"), "译"),
    # "石佳/中国青年报" under a headline: the writer, then the paper the piece first ran in.
    _Rule("contributor", 7, AUTHOR, re.compile(
        rf"^(?P<n>[{CJK}]{{2,4}})\s*[/／]\s*[{CJK}]{{2,12}}(?:报|社|网|台|刊|杂志|新闻)$"), "/／"),
    _Rule("contributor", 9, AUTHOR, re.compile(
        rf"(?:^|(?<=[\s(（【\[]))(?P<n>{_NAMES})\s*[/／丨]\s*文(?![{CJK}])"), "文"),
    _Rule("contributor", 8, POSTER, re.compile(
        rf"(?:发布者|发布人|发表者|发表人|投稿人|发帖人|楼主|帖主|提交者|上传者)(?:{_SEP}|\s+){_OPEN}(?P<n>{_NAME})"),
        "者人主交传"),
    _Rule("contributor", 8, AUTHOR, re.compile(rf"(?:^|[\s　|(（\]】])(?P<n>{_NAME})\s*投稿(?![{CJK}])"), "投"),
    _Rule("contributor", 7, POSTER, re.compile(
        rf"由\s*(?P<n>[{CJK}A-Za-z][{CJK}A-Za-z0-9_.\-]{{0,24}}?)\s*(?:[于在]\s*)?(?:{_WHEN}\s*)?"
        rf"(?:张贴|发表|发布|提供|整理|上传)"), "由"),
    _Rule("contributor", 7, POSTER, re.compile(rf"posted\s+by\s+(?P<n>{_NAME})", re.I), "pP"),
    _Rule("contributor", 7, AUTHOR, re.compile(rf"written\s+by\s+(?P<n>{_NAME})", re.I), "wW"),
    _Rule("contributor", 6, AUTHOR, re.compile(rf"{_EDGE}{_REPORTER}(?:{_SEP}|\s*)(?P<n>{_PERSONS})"), "记讯实"),
    _Rule("contributor", 6, AUTHOR, re.compile(
        rf"[(（]\s*(?P<n>{_PERSONS})\s+(?:发自)?[{CJK}]{{0,4}}报道\s*[)）]"), "报"),
    _Rule("contributor", 5, POSTER, re.compile(
        rf"(?:^|\s)(?P<n>{_NAME})\s*(?:发表于|发表在|发布于|写于|posted\s+(?:at|on))", re.I), "发写pP"),
    _Rule("contributor", 3, PHOTO, re.compile(
        rf"(?<![{CJK}])(?:摄\s*影|图\s*片|图|摄)(?:{_SEP}|\s*[/／]\s*){_OPEN}(?P<n>{_PERSONS})"), "摄图"),
    _Rule("contributor", 3, PHOTO, re.compile(
        rf"(?:^|(?<=[\s(（【\[。]))(?P<n>{_PERSONS})\s*(?:摄影?|[/／]图)(?![{CJK}])"), "摄图"),
    _Rule("source", 8, AUTHOR, re.compile(
        rf"(?:来\s*源|稿\s*源|出\s*处|信息来源|文章来源|转载自|来自|发文机关|发布机构){_SEP}{_OPEN}(?P<n>{_NAMES})"),
        "源处转来机构"),
    _Rule("editor", 8, AUTHOR, re.compile(
        rf"(?P<r>责任编辑|责编|编\s*辑|编审|审核|值班编辑|网络编辑|本文编辑){_SEP}{_OPEN}(?P<n>{_NAMES})"), "编审"),
    _Rule("editor", 6, AUTHOR, re.compile(
        rf"[(（]\s*(?P<r>责任编辑|责编|编辑)\s*[：:]?\s*(?P<n>{_NAMES})\s*[)）]"), "编"),
    # "By Dana A. Ford, James Corey and Tom Watkins, CNN": an English byline opening its line.
    _Rule("contributor", 7, AUTHOR, re.compile(rf"^\s*(?i:by)\s+(?P<n>{_LATIN_NAMES})"), "bB"),
]
# Words that a greedy name pattern can swallow but that are never names: placeholders, labels,
# the buttons of a toolbar, a breadcrumb's first items, the role words themselves.
STOP = re.compile(
    r"^(本站|本网|网络|转载|原创|佚名|未知|不详|暂无|无|匿名|admin|administrator|简介|介绍|最新文章|其他文章|更多文章|文章|主页|跟贴|跟帖|回帖|回复|参与|a|an|the|user|users|member|管理员|欢迎|我要|在线|网友|用户|"
    r"时间|日期|发表|发布|点击|浏览|阅读|评论|编辑|来源|作者|记者|通讯员|实习生|更新|分享|打印|关闭|收藏|字号|字体|"
    r"默认|举报|投诉|纠错|点赞|推荐|扫一扫|手机版|返回|返回顶部|none|null|unknown|by|"
    r"会员|版主|楼主|小编|游客|更多|首页|主页|网站首页|当前位置|您的位置|位置|正文|登录|注册|专题|栏目|分类|标签|"
    r"报道|摄|摄影|图|图片|文|稿|电|讯|本报讯|综合|整理|编译|审核|校对|监制|出品|策划|统筹|分类|大|中|小)$",
    re.I,
)
# Role words, dates and counters that end a name when the pattern ran past it.
_TAIL = re.compile(
    r"\s*(?:[\u4e00-\u9fff]{0,2}(?:时间|日期)[:：]?.*|(?:发布|发表|时间|日期|来源|作者|编辑|责任编辑|责编|点击|浏览|"
    r"阅读|评论|更新|分享|字号|打印|投稿|访问|人气|热度|字数|查看|关注|粉丝|摄影?$|报道$|发自)"
    r".*|\d{2,4}[-年/.].*)$"
)
# A sentence's first words, not a name: "记者了解到", "记者近日从…".
_FRAGMENT = re.compile(
    r"^(?:了解|获悉|注意|看到|发现|采访|来到|走访|调查|询问|致电|联系|拨打|近日|日前|昨天|今天|昨日|今日|随后|"
    r"一行|再次|第一|现场|独家|专访|表示|认为|从|在|对|据|也|还|又|已|就|和|与|及)|(?:了|着|过|到|说|称|的|们)$"
)
_DIGIT = re.compile(r"\d")
_ROLE_PREFIX = re.compile(r"^(?:本报|本台|特约|实习|首席|见习|摄影)*(?:记者|通讯员|实习生|摄影|编辑)")
_SPLIT = re.compile(r"[ 、，,/&＆]+")
_BRACKETS = " ·•_.-/、，,[]【】「」『』《》〔〕"


@dataclass(frozen=True)
class BylineHit:
    field: str
    name: str
    strength: int
    rule: str
    tier: int = AUTHOR
    role: str = ""  # the role word as printed ("责任编辑"), where the rule keeps it
    reporter: bool = False  # "记者 X": such lines stack, one per role, under a headline


def clean_name(name: str) -> str | None:
    """The name(s) a pattern captured, without the labels and counters it ran into; None when
    what is left is not a name (a placeholder, a UI word, a sentence's first words)."""
    name = _TAIL.sub("", name).strip(_BRACKETS)
    parts = [_ROLE_PREFIX.sub("", p).strip(_BRACKETS) for p in _SPLIT.split(name)]
    parts = [p for p in parts if p and not STOP.match(p)]
    if 2 <= len(parts) <= 3 and all(len(p) == 1 and HAN.match(p) for p in parts):
        parts = ["".join(parts)]  # "赵  培": one name spaced out to the width of three
    # A run of 2-4 character names is a list of authors; a long run is a sentence.
    if len(parts) > 1 and not all(len(p) <= 4 for p in parts):
        parts = parts[:1]
    if any(HAN.match(p) and _FRAGMENT.search(p) for p in parts):
        return None
    name = " ".join(parts)
    if not name or STOP.match(name) or len(name) > 40 or name.isdigit():
        return None
    if _DIGIT.search(name) and HAN.search(name):  # "CC-4.0协议", "3号楼": a term or a place, not a person
        return None
    return name


_TRIGGER_RES = [re.compile(f"[{re.escape(rule.trigger)}]") for rule in _RULES]
_ANY_TRIGGER = re.compile(f"[{re.escape(''.join(sorted({c for rule in _RULES for c in rule.trigger})))}]")


def clean_latin_names(raw: str) -> str | None:
    """"Dana A. Ford , James Corey, and Tom Watkins, CNN" -> "Dana A. Ford, James Corey, Tom Watkins": the
    people, without the outlet that often closes the line (a single upper-case word)."""
    names = [n.strip(" .,") if n.count(".") > 1 or not n.endswith(".") else n.strip(" ,")
             for n in _LATIN_SPLIT.split(raw.strip())]
    names = [n for n in names if n and not (n.isupper() and " " not in n) and not STOP.match(n)]
    return ", ".join(names) if names else None


def find_bylines(line: str) -> list[BylineHit]:
    """Every byline in one line of text."""
    return list(_bylines_in(line))


@per_line
def _bylines_in(line: str) -> tuple[BylineHit, ...]:
    hits: list[BylineHit] = []
    if not _ANY_TRIGGER.search(line):
        return ()
    for (field, strength, tier, pattern, trigger), pulled in zip(_RULES, _TRIGGER_RES, strict=True):
        if not pulled.search(line):
            continue
        for m in pattern.finditer(line):
            raw = m.group("n")
            head, _, last = raw.rpartition(" ")
            if head and STOP.match(last) and line[m.end("n") : m.end("n") + 1] in (":", "："):
                raw = head  # "作者：南窗 分类：…": 分类 is the next field's label
            name = clean_latin_names(raw) if trigger == "bB" else clean_name(raw)
            if name:
                role = re.sub(r"\s", "", m.group("r")) if "r" in pattern.groupindex else ""
                hits.append(BylineHit(field, name, strength, pattern.pattern[:24], tier, role,
                                      reporter=strength == 6 and field == "contributor"))
    return tuple(hits)


def rank_hit(hit: BylineHit, bonus: int) -> tuple[int, ...]:
    """A writer's byline beats a poster's, a poster's a photo credit. Then the meta line under the
    headline beats the body's edges (a reposted story keeps its reporters there, the blog's
    "作者：" signature closes the post); at the edges the stronger form wins ("作者：" over the
    "（记者 X）" of a quoted lead). Sources and editors have no tiers: the strongest form wins."""
    if hit.field == "contributor":
        return (hit.tier, int(bonus >= 3), hit.strength, bonus)
    return (hit.strength, bonus)


def stacked_reporters(found: list[tuple[tuple[int, ...], int, BylineHit]], best: tuple) -> str:
    """"本报实习生 A B" over "本报记者 C D E": reporter lines stacked in one place are one byline."""
    rank, index, hit = best
    if not hit.reporter:
        return hit.name
    names: list[str] = []
    for other_rank, other_index, other in sorted(found, key=lambda f: f[1]):
        if other.reporter and other_rank == rank and abs(other_index - index) <= 3:
            names.extend(n for n in other.name.split() if n not in names)
    return " ".join(names) or hit.name
