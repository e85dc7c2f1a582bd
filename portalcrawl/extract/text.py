"""Character-level measures of text shared by every extraction step.

Thresholds in the extractor count tokens and sentence punctuation. Both must mean the same on a
Chinese, an English or a Thai page: a token is a CJK character or a word, and a run of letters too
long for a word (scripts written without spaces: Thai, Lao, Khmer, Myanmar) counts one token per
few letters, as a spaced language's words would.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import TypeVar

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN = re.compile(rf"[{CJK}]")  # a Chinese character: the line, page or name is (partly) Chinese
# A token as the corpus scoring counts them: one CJK character, or a run of letters/digits.
_TOKEN = re.compile(rf"[{CJK}]|[^\W_{CJK}]+")
# Letters of a script written without spaces between words, or a word too long to be one.
_LONG_RUN = re.compile(rf"[^\W\d_{CJK}]{{20,}}")
_LETTERS_PER_TOKEN = 6
# Sentence-level punctuation: what separates running prose from menus and link rows. Besides the
# Chinese and Latin marks: Arabic, Devanagari, Myanmar, Khmer, Ethiopic and Armenian stops, and the
# space Thai and Lao write between sentences.
_PUNCT = re.compile(r"[，。！？；：、“”‘’（）《》,!?;،؛؟।॥။၊។።፣։]|[.](?=\s|$)|……|…"
                    r"""|[.](?=["'”’)\]])"""  # "…a dangerous gamble."
                    r"|(?<=[\u0e00-\u0eff]) (?=[\u0e00-\u0eff])")
_SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
ELLIPSIS = re.compile(r"(……|…|\.{3,}|。。。)\s*$")

_Result = TypeVar("_Result")
SHORT_LINE = 300  # characters: menus, bylines, dates and footers repeat on every page; paragraphs rarely do
LINES_REMEMBERED = 8192


def per_line(function: Callable[[str], _Result]) -> Callable[[str], _Result]:
    """Remember a pure function of one line of text, for lines short enough to repeat: several steps look at
    the same lines, and a site prints its menus and footers on every page. A longer text is read each
    time, so what is kept stays small (at most LINES_REMEMBERED lines of SHORT_LINE characters). The
    result is shared between callers: only for immutable results."""
    remembered = functools.lru_cache(maxsize=LINES_REMEMBERED)(function)

    @functools.wraps(function)
    def read(text: str) -> _Result:
        return remembered(text) if len(text) <= SHORT_LINE else function(text)

    read.cache_info = remembered.cache_info  # type: ignore[attr-defined]
    return read


def normalize_space(text: str) -> str:
    """Collapse every kind of blank (incl. full-width and NBSP) to one space."""
    return _SPACE.sub(" ", text).strip()


@per_line
def count_tokens(text: str) -> int:
    count = len(_TOKEN.findall(text))
    if count * _LETTERS_PER_TOKEN < len(text):  # few tokens for the length: maybe runs of unspaced letters
        for run in _LONG_RUN.findall(text):
            count += len(run) // _LETTERS_PER_TOKEN - 1
    return count


def count_punct(text: str) -> int:
    return len(_PUNCT.findall(text))


