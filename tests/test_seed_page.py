"""The seed page's regions (PAGE-SHAPE.md), rebuilt as a DedeCMS-style page, each in its place."""

from __future__ import annotations

import datetime as dt
from html import escape

import pytest

from portalcrawl.extract import ExtractContext, PageKind, extract_article

from .conftest import SEED, need_shared

URL = "http://www.example-portal.cn/a/2015/0804/1234.html"


def _lines() -> list[str]:
    return need_shared(SEED).read_text(encoding="utf-8").splitlines()


def _teaser_items(line: str) -> list[tuple[str, str]]:
    """The seed's teaser text glues "title summary……" items: cut them apart again."""
    items = []
    for chunk in [c for c in line.split("……") if c.strip()]:
        cut = chunk.find("导读") if 0 < chunk.find("导读") < 40 else min(14, len(chunk) // 3)
        items.append((chunk[:cut].strip(), chunk[cut:].strip() + "……"))
    return items


def seed_page(own_lead_in_teasers: bool = True) -> tuple[str, dict]:
    lines = _lines()
    nav_words = [line[i : i + 2] for line in lines[0:26] for i in range(0, len(line), 2)]
    title, meta = lines[27].strip(), lines[29].strip()
    body = [ln.strip() for ln in lines[30:55]]
    friends_line = lines[59].split(":", 1)[1]
    friends = [friends_line[i : i + 3] for i in range(0, 24, 3)]
    tags = [friends_line[i : i + 2] for i in range(24, len(friends_line) - 1, 2)]
    era1, era2 = _teaser_items(lines[57]), _teaser_items(lines[58])
    if own_lead_in_teasers:
        era1.insert(2, (title, body[0][:60] + "……"))
    nav = "".join(f'<a href="/{n}/">{escape(w)}</a>' for n, w in enumerate(nav_words))
    teasers = "".join(f'<li><a href="/a/2023/0317/{n}.html">{escape(t)}</a><p>{escape(s)}</p></li>'
                      for n, (t, s) in enumerate(era1))
    flat = "".join(f'<a href="/a/2015/0101/{n}.html">{escape(t)}</a>{escape(s)}' for n, (t, s) in enumerate(era2))
    html = (
        '<html><head><meta charset="utf-8"><title>' + escape(title) + "_创业_快知网</title></head><body>"
        f'<div class="nav">{nav}</div>'
        f'<div class="article"><h1>{escape(title)}</h1><div class="info">{escape(meta)}</div>'
        '<div class="content">' + "".join(f"<p>{escape(p)}</p>" for p in body) + "</div>"
        '<div class="action"><a href="/plus/complain.php">投诉</a> <a href="/plus/feedback.php">评论</a></div></div>'
        f'<div class="xgwz"><ul>{teasers}</ul></div><div class="tj">{flat}</div>'
        '<div class="flink">友情链接:' + "".join(f'<a href="http://{n}.example.com/">{escape(f)}</a>'
                                                  for n, f in enumerate(friends)) + "</div>"
        '<div class="footer">' + "".join(f'<a href="/tags/{n}">{escape(t)}</a>' for n, t in enumerate(tags))
        + "</div></body></html>"
    )
    return html, {"title": title, "body": body, "nav": nav_words, "friends": friends, "era1": era1, "era2": era2}


@pytest.fixture(scope="module")
def page():
    return seed_page()


def test_title_date_and_contributor(page) -> None:
    html, truth = page
    article = extract_article(html.encode("gbk", errors="xmlcharrefreplace"), URL)
    assert article.kind is PageKind.ARTICLE
    assert article.title == truth["title"]
    assert article.contributor == "斩情道"
    assert article.published == dt.date(2015, 8, 4)
    assert article.published_source == "text:meta-line+year:url"


def test_year_from_fetch_time_when_the_url_has_none(page) -> None:
    html, _ = page
    context = ExtractContext(fetched_at=dt.datetime(2024, 3, 1, 12, 0))
    article = extract_article(html, "http://www.example-portal.cn/html/1234.html", context)
    assert article.published == dt.date(2023, 8, 4)  # 8月4日 is later than 3月1日: last year
    assert article.notes["published"].reason.endswith("year from fetch-time")


def test_body_is_the_paragraphs_and_nothing_else(page) -> None:
    html, truth = page
    article = extract_article(html, URL)
    assert article.body.splitlines() == truth["body"]
    assert article.body.startswith("【导读】")  # the lead stays, although a teaser repeats it
    for intruder in ["投诉", "友情链接", *truth["friends"], *(t for t, _ in truth["era1"][:2])]:
        assert intruder not in article.body


def test_regions_are_recorded(page) -> None:
    html, truth = page
    article = extract_article(html, URL)
    assert {link.text for link in article.nav} >= set(truth["nav"][:10])
    assert [link.text for link in article.friend_links] == truth["friends"]
    titles = [t.title for t in article.teasers]
    assert truth["title"] in titles  # the article's own teaser is recorded as a teaser
    assert sum(1 for t, _ in truth["era1"] + truth["era2"] if t in titles) >= len(truth["era1"]) + 1
    own = next(t for t in article.teasers if t.title == truth["title"])
    assert truth["body"][0][:60] in own.summary


def test_without_the_own_teaser_nothing_changes() -> None:
    html, truth = seed_page(own_lead_in_teasers=False)
    assert extract_article(html, URL).body.splitlines() == truth["body"]
