"""Table-driven: real-world Chinese date strings, located, year-inferred and parsed."""

from __future__ import annotations

import datetime as dt

import pytest

from portalcrawl.extract.date_year import YearClues, date_from_url, resolve_date
from portalcrawl.extract.dates import date_label, find_dates, normalize_date_text

FETCH = dt.datetime(2024, 3, 10, 15, 30)  # the time a page was fetched
CLUES = YearClues(fetched_at=FETCH)

# (text as printed, clues, expected ISO value, expected year clue or None)
CASES: list[tuple[str, YearClues, str, str | None]] = [
    # full dates, every separator and width
    ("2023年3月17日", CLUES, "2023-03-17", None),
    ("2023年03月17日", CLUES, "2023-03-17", None),
    ("2023 年 3 月 17 日", CLUES, "2023-03-17", None),
    ("2023-03-17", CLUES, "2023-03-17", None),
    ("2023-3-7", CLUES, "2023-03-07", None),
    ("2023/03/17", CLUES, "2023-03-17", None),
    ("2023/3/17", CLUES, "2023-03-17", None),
    ("2023.03.17", CLUES, "2023-03-17", None),
    ("2023.3.17", CLUES, "2023-03-17", None),
    ("２０２３年３月１７日", CLUES, "2023-03-17", None),
    ("２０２３－０３－１７", CLUES, "2023-03-17", None),
    ("二〇二三年三月十七日", CLUES, "2023-03-17", None),
    ("二〇二三年十月一日", CLUES, "2023-10-01", None),
    ("二○○五年七月三十一日", CLUES, "2005-07-31", None),
    ("二〇二二年十二月二十日", CLUES, "2022-12-20", None),
    ("2005年7月31日星期日", CLUES, "2005-07-31", None),
    ("1998年12月1日", CLUES, "1998-12-01", None),
    # with a time of day
    ("2023-03-17 10:20", CLUES, "2023-03-17T10:20:00", None),
    ("2023-03-17 10:20:05", CLUES, "2023-03-17T10:20:05", None),
    ("2023年3月17日 10:20", CLUES, "2023-03-17T10:20:00", None),
    ("2023年3月17日10:20", CLUES, "2023-03-17T10:20:00", None),
    ("2023年3月17日 10时20分", CLUES, "2023-03-17T10:20:00", None),
    ("2023/03/17 08:05", CLUES, "2023-03-17T08:05:00", None),
    ("2015-11-05T11:34:00+08:00", CLUES, "2015-11-05T11:34:00", None),
    ("2022-02-13 00:00:00:0", CLUES, "2022-02-13T00:00:00", None),
    ("2005-09-11 18:04:42", CLUES, "2005-09-11T18:04:42", None),
    ("2005-04-27 14:32PM", CLUES, "2005-04-27T14:32:00", None),
    # as they stand in meta lines
    ("发布时间：2023年3月17日 10:20", CLUES, "2023-03-17T10:20:00", None),
    ("发布时间:2022-02-13 04:22:18 来源:云南日报", CLUES, "2022-02-13T04:22:18", None),
    ("发布日期：2022-02-11 08:52 来源：内蒙古日报", CLUES, "2022-02-11T08:52:00", None),
    ("发表于:2005-07-31 12:30", CLUES, "2005-07-31T12:30:00", None),
    ("时间： 2005-08-22 19:13:18", CLUES, "2005-08-22T19:13:18", None),
    ("2005-04-05 06:40更新 来源：转载文章", CLUES, "2005-04-05T06:40:00", None),
    ("由海姑娘张贴 @ 2005-03-21 01:20:44", CLUES, "2005-03-21T01:20:44", None),
    ("日期：2023.03.17", CLUES, "2023-03-17", None),
    ("更新时间：2024/1/2", CLUES, "2024-01-02", None),
    ("【2023-03-17】", CLUES, "2023-03-17", None),
    ("(2005-04-03 17:19PM)", CLUES, "2005-04-03T17:19:00", None),
    ("成文日期： 2022年01月27日", CLUES, "2022-01-27", None),
    ("2015-11-05 阅读：8169 来源:转载", CLUES, "2015-11-05", None),
    # month-day without a year: the year comes from the strongest clue
    ("8月4日", YearClues(url="http://x.com/a/2015/0804/123.html", fetched_at=FETCH), "2015-08-04", "url"),
    ("8月4日 斩情道投稿", YearClues(url="http://x.com/a/2015/0804/123.html", fetched_at=FETCH), "2015-08-04",
     "url"),
    ("8月4日", YearClues(url="http://x.com/html/2015-08-04/1.shtml", fetched_at=FETCH), "2015-08-04", "url"),
    ("8月4日", YearClues(url="http://x.com/2015/08/1.html", fetched_at=FETCH), "2015-08-04", "url"),
    ("8月4日", YearClues(url="http://x.com/20150804/1.html", fetched_at=FETCH), "2015-08-04", "url"),
    ("8月4日", YearClues(list_dates=(dt.date(2016, 8, 4),), fetched_at=FETCH), "2016-08-04", "list-page"),
    ("8月4日", YearClues(list_dates=(dt.date(2016, 5, 1),), fetched_at=FETCH), "2016-08-04", "list-page"),
    ("8月4日", YearClues(page_years=(2012,), fetched_at=FETCH), "2012-08-04", "page"),
    ("8月4日", YearClues(last_modified=dt.datetime(2019, 9, 1), fetched_at=FETCH), "2019-08-04",
     "last-modified"),
    ("8月4日", YearClues(last_modified=dt.datetime(2019, 7, 1), fetched_at=FETCH), "2018-08-04",
     "last-modified"),
    ("3月1日", CLUES, "2024-03-01", "fetch-time"),
    ("3月10日", CLUES, "2024-03-10", "fetch-time"),
    ("8月4日", CLUES, "2023-08-04", "fetch-time"),  # later than the fetch date: last year
    ("12月31日", CLUES, "2023-12-31", "fetch-time"),
    ("1月1日", CLUES, "2024-01-01", "fetch-time"),
    ("2月29日", YearClues(fetched_at=dt.datetime(2024, 3, 1)), "2024-02-29", "fetch-time"),
    ("03-09 10:20", CLUES, "2024-03-09T10:20:00", "fetch-time"),
    ("11-20 08:00", CLUES, "2023-11-20T08:00:00", "fetch-time"),
    ("8月4日 10:20", CLUES, "2023-08-04T10:20:00", "fetch-time"),
    ("八月四日", YearClues(url="http://x.com/a/2015/0804/1.html"), "2015-08-04", "url"),
    ("十二月三十一日", CLUES, "2023-12-31", "fetch-time"),
    # relative forms, resolved against the fetch time (a day-precise form gives a date)
    ("3天前", CLUES, "2024-03-07", None),
    ("３天前", CLUES, "2024-03-07", None),
    ("1天前", CLUES, "2024-03-09", None),
    ("昨天", CLUES, "2024-03-09", None),
    ("前天", CLUES, "2024-03-08", None),
    ("今天", CLUES, "2024-03-10", None),
    ("昨天 10:20", CLUES, "2024-03-09T10:20:00", None),
    ("今天 08:30", CLUES, "2024-03-10T08:30:00", None),
    ("5分钟前", CLUES, "2024-03-10T15:25:00", None),
    ("2小时前", CLUES, "2024-03-10T13:30:00", None),
    ("刚刚", CLUES, "2024-03-10T15:30:00", None),
    ("1周前", CLUES, "2024-03-03", None),
    ("2周前", CLUES, "2024-02-25", None),
    ("3个月前", CLUES, "2023-12-10", None),
    ("1年前", CLUES, "2023-03-10", None),
    ("发布于 3天前", CLUES, "2024-03-07", None),
    # labels of meta lines and forum headers
    ("发表于 2005-3-21 01:20", CLUES, "2005-03-21T01:20:00", None),
    ("发表于：2023-03-17 21:05:11", CLUES, "2023-03-17T21:05:11", None),
    ("发布日期：2023年03月17日", CLUES, "2023-03-17", None),
    ("发布时间：2023年3月17日 下午3:20", CLUES, "2023-03-17T15:20:00", None),
    ("时间：2023-03-17 上午9:05", CLUES, "2023-03-17T09:05:00", None),
    ("2023年3月17日 晚上8:30", CLUES, "2023-03-17T20:30:00", None),
    ("2023年3月17日 凌晨12:10", CLUES, "2023-03-17T00:10:00", None),
    ("日期：2023-03-17 星期五", CLUES, "2023-03-17", None),
    ("2023年03月17日 10:20 来源：某某日报", CLUES, "2023-03-17T10:20:00", None),
    ("[2023-03-17]", CLUES, "2023-03-17", None),
    ("（2023年3月17日）", CLUES, "2023-03-17", None),
    ("本贴由海边拾贝于2023-03-17 21:05发表", CLUES, "2023-03-17T21:05:00", None),
    ("2023-03-17 21:05 | 阅读 326", CLUES, "2023-03-17T21:05:00", None),
    ("更新时间：2023-03-20 08:00", CLUES, "2023-03-20T08:00:00", None),
    ("2023-03-17 03:20 PM", CLUES, "2023-03-17T15:20:00", None),
    ("2023-03-17 12:05 am", CLUES, "2023-03-17T00:05:00", None),
    # English forms
    ("March 17, 2023", CLUES, "2023-03-17", None),
    ("Mar 17, 2023", CLUES, "2023-03-17", None),
    ("Mar. 17, 2023", CLUES, "2023-03-17", None),
    ("Sept. 3, 2022", CLUES, "2022-09-03", None),
    ("17 March 2023", CLUES, "2023-03-17", None),
    ("17th of March, 2023", CLUES, "2023-03-17", None),
    ("Friday, March 17th, 2023", CLUES, "2023-03-17", None),
    ("Saturday, September 10th, 2005 10:56 am", CLUES, "2005-09-10T10:56:00", None),
    ("December 27, 2014 at 12:06 PM", CLUES, "2014-12-27T12:06:00", None),
    ("March 17, 2023 at 3:20 pm", CLUES, "2023-03-17T15:20:00", None),
    ("Published 2023-03-17", CLUES, "2023-03-17", None),
    ("Published: March 17, 2023", CLUES, "2023-03-17", None),
    ("Posted on 17 Mar 2023", CLUES, "2023-03-17", None),
    ("Updated: 2023-03-20T08:00:00Z", CLUES, "2023-03-20T08:00:00", None),
    ("Nov 7, 2023 2:00 AM", CLUES, "2023-11-07T02:00:00", None),
    # the day and the time of two adjacent inline elements, run together; a labelled two-digit year
    ("2023-03-1710:20", CLUES, "2023-03-17T10:20:00", None),
    ("发布时间：18-03-0823:16", CLUES, "2018-03-08T23:16:00", None),
    ("发布时间：10-0812:00", CLUES, "2023-10-08T12:00:00", "fetch-time"),
]


@pytest.mark.parametrize(("text", "clues", "expected", "clue"), CASES, ids=[c[0] for c in CASES])
def test_date_forms(text: str, clues: YearClues, expected: str, clue: str | None) -> None:
    matches = find_dates(normalize_date_text(text))
    assert matches, f"no date found in {text!r}"
    resolved = resolve_date(matches[0], clues)
    assert resolved is not None
    value, used = resolved
    assert value.isoformat() == expected
    assert used == clue


@pytest.mark.parametrize("text", [
    "京ICP备05000000号", "电话：010-12345678", "第3页/共10页", "阅读(1660) 评论(5)", "价格：1999元", "2023",
    "13:45", "No. 20230317", "版本 2.3.17", "共32条记录",
    "March 2023", "May the force be with you", "第17届 2023", "3.17亿元", "17 March", "ISBN 978-7-5063-2023-1",
])
def test_no_date_where_there_is_none(text: str) -> None:
    assert not [m for m in find_dates(normalize_date_text(text)) if m.year or m.month]


def test_impossible_and_future_dates_are_refused() -> None:
    assert resolve_date(find_dates("2023年2月30日")[0], CLUES) is None
    assert resolve_date(find_dates("2031-01-01")[0], CLUES) is None  # after the fetch
    assert resolve_date(find_dates("3天前")[0], YearClues()) is None  # no time to count from


@pytest.mark.parametrize(("text", "label"), [
    ("发布时间：2023-03-17", "published"),
    ("发表于 2023-03-17", "published"),
    ("发布日期:2023-03-17", "published"),
    ("日期：2023-03-17", "published"),
    ("时间：2023-03-17", "published"),
    ("Published 2023-03-17", "published"),
    ("Posted on March 17, 2023", "published"),
    ("更新时间：2023-03-20", "modified"),
    ("最后修改：2023-03-20", "modified"),
    ("更新于 2023-03-20", "modified"),
    ("Updated: March 20, 2023", "modified"),
    ("Last modified 2023-03-20", "modified"),
    ("2023-03-17", None),
    ("来源：某某日报 2023-03-17", None),
])
def test_labels_before_a_date(text: str, label: str | None) -> None:
    match = find_dates(normalize_date_text(text))[0]
    assert date_label(normalize_date_text(text), match.start) == label


@pytest.mark.parametrize(("url", "expected"), [
    ("http://x.com/a/2015/0804/123.html", (2015, 8, 4)),
    ("http://chanye.finance.sina.com.cn/sm/2005-03-21/244339.shtml", (2005, 3, 21)),
    ("http://x.com/html/2023/03/1.html", (2023, 3, None)),
    ("http://x.com/20150804/1.html", (2015, 8, 4)),
    ("http://x.com/news/123.html", None),
    ("http://x.com/p?id=20150804", None),
    ("http://news.example.cn/a/2023/0317/1234.html", (2023, 3, 17)),
    ("http://news.example.cn/shehui/20230317/1234.html", (2023, 3, 17)),
    ("http://news.example.cn/html/2023-03-17/1234.shtml", (2023, 3, 17)),
    ("http://news.example.cn/2023_03_17/1234.html", (2023, 3, 17)),
    ("http://blog.example.cn/2023/03/17/spring-rain/", (2023, 3, 17)),
    ("http://news.example.cn/c/2023-03/1234.html", (2023, 3, None)),
])
def test_dates_in_urls(url: str, expected: tuple | None) -> None:
    assert date_from_url(url) == expected


def test_lines_are_remembered_within_bounds() -> None:
    """A line's dates are found once per process, whoever asks; a paragraph is never kept, and however many
    distinct lines pass, at most LINES_REMEMBERED are (a harvest of months must not grow)."""
    from portalcrawl.extract import text

    calls: list[str] = []

    @text.per_line
    def dates_of(line: str) -> tuple[str, ...]:
        calls.append(line)
        return tuple(m.text for m in find_dates(line))

    assert dates_of("发布时间：2024-03-05") == dates_of("发布时间：2024-03-05") == ("2024-03-05",)
    assert calls == ["发布时间：2024-03-05"]
    paragraph = "正文" * text.SHORT_LINE + " 2024-03-05"
    assert dates_of(paragraph) == dates_of(paragraph) == ("2024-03-05",)
    assert calls.count(paragraph) == 2
    for n in range(text.LINES_REMEMBERED + 100):
        dates_of(f"第{n}行")
    assert dates_of.cache_info().currsize == text.LINES_REMEMBERED  # type: ignore[attr-defined]
