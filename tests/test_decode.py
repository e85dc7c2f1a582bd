"""Decoding: GBK and UTF-8 pages read right with missing, wrong or conflicting declarations."""

from __future__ import annotations

import pytest

from portalcrawl.extract import extract_article
from portalcrawl.extract.decode import decode_html, looks_binary

TEXT = "微商生死劫：小则强，大则亡。社群电商生态一个美好的未来，“信任”门槛。"


def _page(charset: str | None) -> str:
    meta = f'<meta http-equiv="Content-Type" content="text/html; charset={charset}">' if charset else ""
    return f"<html><head>{meta}<title>测试</title></head><body><p>{TEXT}</p></body></html>"


@pytest.mark.parametrize(("encoding", "declared", "header"), [
    ("gbk", "gb2312", None),
    ("gbk", "gbk", None),
    ("gb18030", "gb18030", None),
    ("gbk", None, None),  # no declaration at all
    ("gbk", "utf-8", None),  # declared UTF-8, bytes GBK
    ("gbk", "iso-8859-1", None),  # declared Latin-1, bytes GBK
    ("utf-8", "utf-8", None),
    ("utf-8", None, None),
    ("utf-8", "gb2312", None),  # declared GB2312, bytes UTF-8
    ("gbk", None, "text/html; charset=gbk"),
    ("gbk", "utf-8", "text/html; charset=gbk"),  # the header is right, the meta wrong
    ("utf-8", "gbk", "text/html; charset=utf-8"),
])
def test_decodes_to_the_same_text(encoding: str, declared: str | None, header: str | None) -> None:
    data = _page(declared).encode(encoding)
    text, _ = decode_html(data, header)
    assert TEXT in text


@pytest.mark.parametrize("declared", ["big5", None])
def test_traditional_chinese_in_big5(declared: str | None) -> None:
    text = "距墨爾本西北約110公里處，是當年澳大利亞發現第一塊天然黃金的地方，現在是維多利亞州最受遊客歡迎的觀光城市。"
    meta = f"<meta charset='{declared}'>" if declared else ""
    decoded, _ = decode_html(f"<html><head>{meta}</head><body><p>{text}</p></body></html>".encode("big5"))
    assert text in decoded


def test_a_few_invalid_bytes_do_not_change_the_encoding() -> None:
    data = _page("gb2312").encode("gbk")
    broken = data.replace("美好".encode("gbk"), b"\xff\xfe\x81")
    text, encoding = decode_html(broken)
    assert encoding == "gb18030" and "社群电商生态" in text and "“信任”门槛" in text


def test_bom_wins() -> None:
    text, encoding = decode_html(b"\xef\xbb\xbf" + _page("gbk").encode("utf-8"))
    assert TEXT in text and encoding == "utf-8"


def test_text_input_passes_through() -> None:
    assert decode_html(_page(None)) == (_page(None), "unicode")


def test_binary_is_recognised() -> None:
    assert looks_binary(bytes(range(256)) * 10)
    assert not looks_binary(_page("gbk").encode("gbk"))


def test_extracts_gbk_body_with_wrong_declaration() -> None:
    html = "<html><head><meta charset='utf-8'></head><body>" + f"<p>{TEXT}</p>" * 3 + "</body></html>"
    assert extract_article(html.encode("gbk")).body.splitlines() == [TEXT] * 3


def test_utf8_bytes_under_an_old_gb_declaration_are_utf8() -> None:
    # A page saved by a browser (or recoded by its CMS) as UTF-8 keeps its <meta charset=gb2312>.
    html = "<html><head><meta http-equiv='Content-Type' content='text/html; charset=gb2312'></head><body>" \
        + f"<p>{TEXT}</p>" * 3 + "</body></html>"
    assert decode_html(html.encode("utf-8")) == (html, "utf-8")
    assert decode_html(html.encode("gbk"))[1] == "gb18030"  # real GBK stays GBK
