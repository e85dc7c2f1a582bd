"""Table-driven: the page-level rules the testbed and real pages taught, each in its general form."""

from __future__ import annotations

import pytest

from portalcrawl.extract import ExtractContext, PageKind, extract_article
from portalcrawl.extract.byline import find_bylines, forum_poster, name_beside_date
from portalcrawl.extract.lexicon import is_boilerplate_line, is_negative_hint

SHELL = ('<html><head><title>{title}_某某网</title></head><body><div class="nav"><a href="/">首页</a>'
         '<a href="/a/">技术</a><a href="/b/">生活</a><a href="/c/">职场</a></div>{main}'
         '<div class="footer">关于我们 联系我们 版权所有</div></body></html>')
PROSE = "这是一段完整的正文，讲的是一件事情的来龙去脉，作者在文中给出了自己的看法和理由。"


def page(title: str, main: str) -> bytes:
    return SHELL.format(title=title, main=main).encode()


@pytest.mark.parametrize(("line", "name"), [
    ("作者：南窗 分类：技术杂谈", "南窗"),  # the next field's label is not part of the name
    ("作者：林晓 标签：生活", "林晓"),
    ("版权声明：本站原创文章，由许半夏 2023-04-13发表，共计534字。", "许半夏"),  # a date between name and verb
])
def test_byline_names_end_where_the_next_field_starts(line: str, name: str) -> None:
    assert [h.name for h in find_bylines(line) if h.field == "contributor"] == [name]


@pytest.mark.parametrize("line", [
    "除特殊说明外本站文章皆由CC-4.0协议发布，转载请注明出处。",  # a licence, not a person
    "免责声明：本帖内容由会员发表，仅代表作者个人观点。",  # a role word
    "更多 发布于：2014-04-15 10:20",  # a link's label
])
def test_terms_and_role_words_are_no_contributor(line: str) -> None:
    assert not [h for h in find_bylines(line) if h.field == "contributor"]


@pytest.mark.parametrize(("line", "name"), [
    ("2024-04-19 10:57:32 周牧之 482", "周牧之"),
    ("2023-05-01 | 林语 | 阅读 1203", "林语"),
    ("2024-04-19 行业资讯", None),  # a column named in the nav, below: not a person
    ("2024-04-19 10:57:32 482", None),
    ("2019-11-25 16:04 1032人参与 308评论", None),  # counters, not a name
    ("原创 GameForce 2019-09-04 22:18:34", "GameForce"),  # a handle alone on a Chinese meta line
    ("华夏人文 2020-03-09 18:14:21", "华夏人文"),
    ("2020-06-05 20:35 叨叨 胡一刀 李飞刀", "叨叨 胡一刀 李飞刀"),  # co-authors
    ("Updated 10:24 AM EDT, Sun June 30, 2024 5 minute read", None),  # English words beside a date
])
def test_a_bare_name_beside_the_date(line: str, name: str | None) -> None:
    assert name_beside_date(line, {"行业资讯"}) == name


def test_a_forum_posters_name_stands_above_their_stats() -> None:
    assert forum_poster(["社区>生活随笔", "半夏微凉", "圣骑士", "UID96", "注册日期2013-09-17"]) == "半夏微凉"
    assert forum_poster(["正文第一段。", "正文第二段。"]) is None


@pytest.mark.parametrize(("hint", "negative"), [
    ("entry-content show-link-icon", False),  # the icon styles links inside the article
    ("comment-content", True),
    ("sidebar", True),
    ("article-body", False),
    ("page-article", False),  # the article of the page
    ("page_art_content", False),
    ("read_page", True),  # a page of a thread, its pager around it
    ("pages", True),
    ("page-nav", True),
    ("js_img_share_area", False),  # a script's hook, not a region's name
    ("js-share share-bar", True),
    ("o-page-wrapper", False),  # the page's layout: the last word says what the element is
    ("page-columns", False),
    ("post-content", False),
    ("post_formulario comment_form_container", True),  # "post" modifies "formulario": no content name
    ("subscribe-form pierakstities", True),
])
def test_class_hints_weigh_content_names_against_widget_names(hint: str, negative: bool) -> None:
    assert is_negative_hint(hint) is negative


def test_an_index_of_excerpts_is_a_list_but_an_article_ending_in_excerpts_is_an_article() -> None:
    items = "".join(f'<li><a href="/a/{n}.html">第{n}篇文章的标题</a><p>{PROSE[:30]}……</p></li>' for n in range(6))
    index = extract_article(page("技术", f'<div class="list"><ul>{items}</ul></div>'), "http://x.cn/a/")
    assert index.kind is PageKind.LIST
    excerpts = "".join(f"<p>{PROSE[:30]}……[详细]</p>" for _ in range(4))
    article = extract_article(page("一篇文章", f'<div class="main"><h1>一篇文章</h1>{"<p>" + PROSE + "</p>" * 1}'
                                               f'{("<p>" + PROSE * 2 + "</p>") * 4}{excerpts}</div>'),
                              "http://x.cn/a/1.html")
    assert article.kind is PageKind.ARTICLE
    assert "详细" not in article.body and article.body.count("\n") == 4


@pytest.mark.parametrize("path", ["/tag/mysql/", "/tags.php?tag=x", "/index.php?m=search&keyword=x", "/?s=x"])
def test_tag_and_search_pages_with_excerpts_are_not_articles(path: str) -> None:
    main = "".join(f'<div class="item"><h2><a href="/a/{n}.html">关于这件事的第{n}篇长标题</a></h2><p>{PROSE}</p></div>'
                   for n in range(2))
    assert extract_article(page("标签", main), "http://x.cn" + path).kind is not PageKind.ARTICLE


def test_page_two_of_a_list_is_a_list_however_few_its_items() -> None:
    main = f'<div class="box"><h2><a href="/a/9.html">唯一的一篇文章的标题</a></h2><p>{PROSE * 3}</p></div>'
    html = page("技术", main)
    assert extract_article(html, "http://x.cn/a/list_2.html").kind is PageKind.ARTICLE
    reached = extract_article(html, "http://x.cn/a/list_2.html", ExtractContext(list_page=True))
    assert reached.kind is PageKind.LIST


def test_an_article_without_prose_anchored_by_its_headline_and_byline() -> None:
    rows = "".join(f"<tr><td>第{n}场</td><td>东湖队</td><td>3:{n}</td><td>桂园队</td></tr>" for n in range(1, 7))
    main = (f'<div class="art"><h1>联赛第三轮比赛成绩</h1><div class="info">作者：王小川 发布时间：2022-02-24</div>'
            f"<table>{rows}</table></div>")
    related = "".join(f'<li><a href="/a/{n}.html">另一篇文章的标题{n}</a></li>' for n in range(8))
    article = extract_article(page("联赛第三轮比赛成绩", main + f"<ul>{related}</ul>"), "http://x.cn/a/5.html")
    assert article.kind is PageKind.ARTICLE
    assert article.contributor == "王小川" and "3:1" in article.body and "东湖队" in article.body


def test_an_undated_introduction_above_a_list_is_a_special_topic_page() -> None:
    items = "".join(f'<li><a href="/a/{n}.html">专题里的第{n}篇文章</a></li>' for n in range(6))
    html = page("城市慢生活专题", f'<div class="zt"><h1>城市慢生活</h1><p>{PROSE}</p><ul>{items}</ul></div>')
    assert extract_article(html, "http://x.cn/zt/1.html").kind is PageKind.LIST


def test_a_region_that_opens_with_a_link_is_no_link_list_item() -> None:
    # The page's wrapper has link-led children (menu, breadcrumb, an article opening with a promoted link
    # and followed by its related lists): the article region is no "item" of a list.
    related = "".join(f'<li><a href="/a/{n}.html">相关的另一篇文章的标题第{n}篇</a></li>' for n in range(12))
    main = ('<div class="nav"><a href="/">首页</a><a href="/a/">新闻</a><a href="/b/">财经</a></div>'
            '<div class="path"><a href="/">网站</a>&gt;&gt;<a href="/a/">新闻</a></div>'
            '<div class="title"><h1>一篇文章</h1></div>'
            '<div class="text"><p><a href="/special/">点击进入专题&gt;&gt;</a></p>'
            + "".join(f"<p>{PROSE * 2}</p>" for _ in range(5)) +
            f'<h2>相关新闻</h2><ul>{related}</ul><h2>热点</h2><ul>{related}</ul><h2>推荐</h2><ul>{related}</ul></div>'
            f'<div class="copy"><a href="/about/">关于我们</a> 版权所有</div>')
    article = extract_article(f"<html><head><title>一篇文章</title></head><body>{main}</body></html>",
                              "http://x.cn/a/1.html")
    assert article.kind is PageKind.ARTICLE
    assert article.body.count("\n") == 4 and "相关的另一篇" not in article.body


def test_a_paragraph_ending_in_an_ellipsis_after_a_promoted_link_is_prose() -> None:
    main = (f'<div class="text"><p><a href="/special/">点击进入专题</a></p><p>{PROSE}……</p>'
            + "".join(f"<p>{PROSE * 2}</p>" for _ in range(4)) + "</div>")
    article = extract_article(page("一篇文章", main), "http://x.cn/a/1.html")
    assert article.body.startswith(PROSE[:10])


def test_lines_of_a_script_without_spaces_and_br_broken_prose_are_text() -> None:
    from portalcrawl.extract.text import count_punct, count_tokens

    assert count_punct('as a "dangerous gamble."') == 1  # a period inside the closing quote
    thai = "ขณะที่นายสุรชัยกล่าวว่าได้ทราบข่าวจากบุตรชายแล้ว แต่ยังไม่ขอยืนยันข้อมูลใดๆ ทั้งสิ้นในตอนนี้"
    assert count_tokens(thai) >= 10 and count_punct(thai) == 2  # the spaces between Thai clauses
    assert count_tokens("internationally recognised") == 2 and count_punct("هل هذا صحيح؟") == 1
    lines = ["Recent efforts to bring the library over and the associated fundraiser",
             "caused a lot of discussion in the community regarding the project,",
             "its users and the future of numeric computing in the language.",
             "There were discussions on the topic as well as various blog posts"] * 4
    post = "<br />".join(lines)
    article = extract_article(page("A post", f'<div class="post"><h1>A post</h1><p>{post}</p></div>'),
                              "http://x.cn/2011/10/a-post.html")
    assert article.body.splitlines() == lines


def test_an_article_inside_a_wrapper_named_for_its_ads_is_read_whole() -> None:
    # "advert-content-wrap" around most of the page: its name must not weigh on the article inside it,
    # whose paragraphs alternate with linked promotions.
    sentence = "The team entered the final as the last standing side, and they beat every rival on the way."
    parts = []
    for n in range(6):
        parts.append(f"<p>{sentence} Paragraph {n} tells more of the story, at length, with detail.</p>")
        parts.append(f'<table><tr><td><a href="/shop/{n}">Buy the official merchandise number {n} today</a>'
                     "</td></tr></table>")
    html = ("<html><head><title>A final</title></head><body><div class='nav'><a href='/'>Home</a></div>"
            f"<div class='container advert-content-wrap'><h1>A final</h1><div class='post-content'>{''.join(parts)}"
            "</div></div></body></html>")
    article = extract_article(html, "http://x.com/2023/11/a-final/")
    assert article.body.count("Paragraph") == 6


def test_an_english_deck_under_the_headline_is_the_articles_first_text() -> None:
    sentence = "The retailer relies on store associates, who answer customers online every day of the week."
    body = "".join(f"<p>{sentence} Point {n} follows, with the details.</p>" for n in range(6))
    deck = "A retail executive discusses the strategy for engaging consumers via Facebook, Twitter, and blogs"
    html = (f"<html><head><title>Five lessons</title></head><body><div class='story'><h1>Five lessons</h1>"
            f"<h2>{deck}</h2><p class='author'>By Brad Shaw</p></div><div class='text'>{body}</div></body></html>")
    article = extract_article(html, "http://x.com/2011/09/five-lessons.html")
    assert article.body.startswith(deck)


def test_a_chinese_subtitle_is_no_standfirst() -> None:
    main = ('<div class="art"><h1>丝路行南美站正式启动</h1><h2>成功举办中国（山西）－巴西双向经贸投资推介会</h2>'
            '<div class="info">时间：2019-09-18 06:23 来源：山西日报</div>'
            + "".join(f"<p>{PROSE * 2}</p>" for _ in range(4)) + "</div>")
    article = extract_article(page("丝路行南美站正式启动", main), "http://x.cn/a/1.html")
    assert "推介会" not in article.body and article.body.startswith(PROSE[:10])


@pytest.mark.parametrize("line", [
    "声明：本报力求信息真实、准确，文章提及内容仅供参考，不构成投资建议。",
    "特别声明：以上内容为自媒体平台用户上传并发布，本平台仅提供信息存储服务。",
    "本文为入驻机构上传并发布，仅代表该机构观点，不代表本网观点或立场。",
])
def test_a_platforms_disclaimer_is_no_article_text(line: str) -> None:
    assert is_boilerplate_line(line)


@pytest.mark.parametrize("line", ["他说：声明：我不同意。", "这一声明：引发了各方关注。"])
def test_a_statement_in_the_text_is_article_text(line: str) -> None:
    assert not is_boilerplate_line(line)


def test_the_promotions_a_post_closes_with_are_no_article_text() -> None:
    tail = ("<p>更多精彩！欢迎扫描下方二维码关注我们的官方微信</p><p>城市观察公众号</p>"
            "<p>1、回复【社保】查询缴纳记录</p><p>点击菜单栏【便民服务】解锁更多服务！</p>")
    main = '<div class="art"><h1>一篇文章</h1>' + "".join(f"<p>{PROSE * 2}</p>" for _ in range(4)) + tail + "</div>"
    article = extract_article(page("一篇文章", main), "http://x.cn/a/1.html")
    assert article.body.splitlines() == [PROSE * 2] * 4


def test_a_paragraph_that_mentions_a_qr_code_inside_the_story_stays() -> None:
    story = "扫码支付已经成为小店的日常，店主说，二维码贴在柜台上，顾客拿起手机就能付款，方便了许多。"
    main = f'<div class="art"><h1>一篇文章</h1><p>{PROSE * 2}</p><p>{story}</p><p>{PROSE * 2}</p></div>'
    article = extract_article(page("一篇文章", main), "http://x.cn/a/1.html")
    assert story in article.body


def test_a_badge_before_the_headline_is_not_part_of_it() -> None:
    paragraphs = "".join(f"<p>{PROSE * 2}</p>" for _ in range(3))
    main = f'<div class="art"><h1><span>原创</span>最不愁吃肉的国家</h1>{paragraphs}</div>'
    article = extract_article(page("最不愁吃肉的国家", main), "http://x.cn/a/1.html")
    assert article.title == "最不愁吃肉的国家"
