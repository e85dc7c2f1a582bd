"""Character-level measures of Chinese text shared by every extraction step."""

from __future__ import annotations

import re

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# A token as the corpus scoring counts them: one CJK character, or a run of letters/digits.
_TOKEN = re.compile(rf"[{CJK}]|[^\W_{CJK}]+")
# Sentence-level punctuation: what separates running prose from menus and link rows.
_PUNCT = re.compile(r"[，。！？；：、“”‘’（）《》,!?;]|[.](?=\s|$)|……|…")
_SPACE = re.compile(r"[\s\u00a0\u3000\u200b\ufeff]+")
ELLIPSIS = re.compile(r"(……|…|\.{3,}|。。。)\s*$")


def normalize_space(text: str) -> str:
    """Collapse every kind of blank (incl. full-width and NBSP) to one space."""
    return _SPACE.sub(" ", text).strip()


def count_tokens(text: str) -> int:
    return len(_TOKEN.findall(text))


def count_punct(text: str) -> int:
    return len(_PUNCT.findall(text))

