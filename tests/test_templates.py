"""Template learning: grouping by skeleton, votes that one odd page cannot flip, order-independent
boilerplate, bounded memory, and the extractor reading a page through its template."""

from __future__ import annotations

import random

from portalcrawl.extract import ExtractContext, PageKind, extract_article
from portalcrawl.extract.learn import MAX_TEMPLATES, TemplateLearner
from portalcrawl.extract.template import PageEvidence, Template, strip_affixes

ARTICLE_SKELETON = frozenset({"html/body/div#head", "html/body/div.main", "html/body/div.main/div.content",
                              "html/body/div.main/div.side", "html/body/div#foot"})
LIST_SKELETON = frozenset({"html/body/div#head", "html/body/div.main", "html/body/div.main/ul.list",
                           "html/body/div.main/div.pager", "html/body/div#foot"})


def evidence(kind: str = "article", confidence: float = 0.9, skeleton: frozenset[str] = ARTICLE_SKELETON,
             lines: tuple[str, ...] = (), title: str = "", heading: str | None = None) -> PageEvidence:
    return PageEvidence(skeleton=skeleton, kind=kind, confidence=confidence,
                        content_path="html/body/div.main/div.content", meta_path="html/body/div.main/div.info",
                        page_title=title, heading=heading, lines=lines)


def test_pages_group_by_skeleton_and_a_template_is_learned_after_enough_pages() -> None:
    learner = TemplateLearner(min_pages=5)
    site = "http://a.example"
    ids = {learner.observe(site, f"{site}/a/{n}.html", evidence()) for n in range(4)}
    assert len(ids) == 1 and learner.templates(site) == ()
    learner.observe(site, f"{site}/a/9.html", evidence())
    list_id = learner.observe(site, f"{site}/list/", evidence("list", 0.8, LIST_SKELETON))
    assert list_id not in ids
    (template,) = learner.templates(site)
    assert template.kind == "article"
    assert template.content_path == "html/body/div.main/div.content"
    assert template.meta_path == "html/body/div.main/div.info"


def test_one_odd_page_does_not_flip_a_template_but_a_mixed_one_stays_undecided() -> None:
    learner = TemplateLearner(min_pages=5)
    site = "http://a.example"
    for n in range(9):
        learner.observe(site, f"{site}/{n}", evidence())
    learner.observe(site, f"{site}/odd", evidence("list", 0.8))  # a table-bodied article, say
    assert learner.finish()[0].kind == "article"
    mixed = TemplateLearner(min_pages=5)
    for n in range(10):
        mixed.observe(site, f"{site}/{n}", evidence("article" if n % 2 else "list", 0.8))
    assert mixed.finish()[0].kind is None


def test_boilerplate_is_what_pages_repeat_whatever_their_order() -> None:
    pages = [("免责声明：本文仅代表作者观点。", f"第{n}篇的第一段正文。", f"第{n}篇的第二段正文。") for n in range(12)]
    learned = []
    for seed in (1, 2, 3):
        random.Random(seed).shuffle(pages)
        learner = TemplateLearner(min_pages=5)
        for n, lines in enumerate(pages):
            learner.observe("http://a.example", f"http://a.example/{n}", evidence(lines=lines))
        learned.append(learner.finish()[0].boilerplate)
    assert learned[0] == learned[1] == learned[2] == frozenset({"免责声明：本文仅代表作者观点。"})


def test_title_affixes_are_learned_from_headings_and_without_them() -> None:
    learner = TemplateLearner(min_pages=5)
    for n in range(6):
        learner.observe("http://a.example", f"/{n}", evidence(title=f"快传网-标题{n}号文章", heading=f"标题{n}号文章"))
    template = learner.finish()[0]
    assert template.title_prefix == "快传网-"
    assert strip_affixes("快传网-人心不会熄灭（一）", template) == "人心不会熄灭（一）"
    bare = TemplateLearner(min_pages=5)
    for n in range(6):
        bare.observe("http://b.example", f"/{n}", evidence(title=f"第{n}篇好文章_某某资讯网"))
    assert bare.finish()[0].title_suffix == "_某某资讯网"


def test_templates_per_site_are_bounded() -> None:
    learner = TemplateLearner(min_pages=1)
    for n in range(MAX_TEMPLATES + 20):
        learner.observe("http://a.example", f"/{n}", evidence(skeleton=frozenset({f"html/body/div.x{n}"})))
    assert len(learner.sites["http://a.example"].clusters) == MAX_TEMPLATES


def test_learned_templates_survive_a_new_learner() -> None:
    learner = TemplateLearner(min_pages=5)
    for n in range(6):
        learner.observe("http://a.example", f"/{n}", evidence())
    again = TemplateLearner(learner.finish())
    assert again.templates("http://a.example")[0].version == learner.templates("http://a.example")[0].version
    assert again.new_article_templates("http://a.example") == []
    other = frozenset({"html/body/div.new-layout", "html/body/div.new-layout/div.text"})
    for n in range(6):
        again.observe("http://a.example", f"/new/{n}", evidence(skeleton=other))
    again.finish()
    assert len(again.new_article_templates("http://a.example")) == 1


PAGE = """<html><head><title>{title}_某某资讯网</title></head><body>
<div id="head"><a href="/">首页</a> <a href="/a/">技术</a> <a href="/b/">创业</a> <a href="/c/">生活</a></div>
<div class="main"><div class="content"><h1>{title}</h1><div class="info">2024-03-0{n} 作者：王{n}</div>
<div class="text">{body}</div></div>
<div class="comments"><h3>网友评论</h3>{comments}</div></div>
<div id="foot">友情链接：<a href="http://x.example/">甲网</a> <a href="http://y.example/">乙网</a></div>
</body></html>"""
PROSE = "<p>" + "这是一段正文，讲述了一件事情的来龙去脉，并且给出了作者的看法。" * 4 + "</p>"
COMMENT = "<p>网友{k}：我觉得这篇文章说得很有道理，尤其是第二段的分析，值得反复阅读和思考。</p>"


def _page(n: int, body: str, comments: int = 0) -> bytes:
    return PAGE.format(title=f"第{n}篇文章", n=n, body=body,
                       comments="".join(COMMENT.format(k=k) for k in range(comments))).encode()


def test_a_table_article_on_an_article_template_is_an_article_and_comments_are_not_its_body() -> None:
    learner = TemplateLearner(min_pages=5)
    for n in range(1, 7):
        url = f"http://a.example/a/{n}.html"
        learner.observe("http://a.example", url, extract_article(_page(n, PROSE * 3), url).evidence)
    table = "<table>" + "".join(f"<tr><td>第{r}场</td><td>3月{r}日</td><td>体育馆</td></tr>" for r in range(1, 9)) \
        + "</table>"
    html = _page(8, table, comments=6)
    alone = extract_article(html, "http://a.example/a/8.html")
    assert "第1场" not in alone.body  # on its own, the comments read as the article
    context = ExtractContext(templates=learner.templates("http://a.example"))
    with_site = extract_article(html, "http://a.example/a/8.html", context)
    assert with_site.kind is PageKind.ARTICLE
    assert "第1场" in with_site.body and "第8场" in with_site.body
    assert "网友" not in with_site.body
    assert with_site.published.isoformat().startswith("2024-03-08")
    assert with_site.notes["template"].confidence == 1.0


def test_a_list_template_keeps_its_odd_page_a_list() -> None:
    html = _page(1, PROSE * 4)
    alone = extract_article(html, "http://a.example/a/")
    assert alone.kind is PageKind.ARTICLE
    template = Template(site="http://a.example", template_id="t1", skeleton=alone.evidence.skeleton, kind="list")
    shaped = extract_article(html, "http://a.example/a/", ExtractContext(templates=(template,)))
    assert shaped.kind is PageKind.LIST


def test_the_end_of_a_crawl_redoes_only_pages_a_templates_final_version_reads_differently() -> None:
    learner = TemplateLearner(min_pages=5)
    site = "http://a.example"
    note = "免责声明：本文仅代表作者观点。"
    for n in range(5):
        learner.observe(site, f"/{n}", evidence(lines=(f"第{n}段。",)))
    first = learner.templates(site)[0]
    for n in range(5, 10):
        learner.observe(site, f"/{n}", evidence(lines=(note, f"第{n}段。")))  # a disclaimer starts repeating
    final = learner.finish()[0]
    assert final.version != first.version and note in final.boilerplate
    tid = final.template_id
    assert not learner.affects(site, tid, final.version, "article", frozenset())
    assert learner.affects(site, tid, first.version, "article", frozenset({note, "正文。"}))  # it kept the note
    assert not learner.affects(site, tid, first.version, "article", frozenset({"正文。"}))
    # A page without a record (a list, or an article now): which of its lines the new boilerplate drops, and
    # so what it is, only a new reading tells.
    assert learner.affects(site, tid, first.version, "list", frozenset())
    assert learner.affects(site, tid, None, "article", frozenset())  # read before the template was learned
    groups = learner.groups()
    assert [g.learned for g in groups] == [True]
    small = TemplateLearner(min_pages=5)
    small.observe(site, "/x", evidence(skeleton=LIST_SKELETON))
    assert [g.learned for g in small.groups()] == [False] and small.templates(site) == ()
    assert TemplateLearner(small.groups()).group_of(site, LIST_SKELETON) == small.groups()[0].template_id


def test_the_page_that_completes_a_template_is_read_with_it_in_the_crawl() -> None:
    """A page read without a template whose template exists once it is read (learned from this very page,
    or while it was in the pool) is read again with it at once, not left to the end of the crawl."""
    import asyncio

    from scrapy import Request
    from scrapy.http import HtmlResponse

    from portalcrawl.crawl.page_reading import PageReader
    from portalcrawl.demo.model import build_portal
    from portalcrawl.demo.templates import render_portal
    from portalcrawl.extract.learn import MIN_PAGES
    from portalcrawl.pool import ExtractionPool

    portal = build_portal()
    base = "http://127.0.0.1:8001"
    key = next(iter(portal.sites))
    rendered = render_portal(portal, {k: f"http://127.0.0.1:{8001 + i}" for i, k in enumerate(portal.sites)})[key]
    site = portal.sites[key]
    reader = PageReader(lambda _key: None)
    reader.pool = ExtractionPool(0)
    stamps = []
    for article in [a for a in site.articles if a.pages == 1][:MIN_PAGES + 2]:
        body = rendered[article.path].encode(site.encoding, errors="xmlcharrefreplace")
        response = HtmlResponse(base + article.path, body=body, request=Request(base + article.path),
                                headers={"Content-Type": f"text/html; charset={site.encoding}"})
        page, _ = asyncio.run(reader.read(response))
        stamps.append(page.extracted_with.rsplit("/", 1)[1])
    assert reader.learner.templates(base), "the demo's article pages make a template"
    first = next(i for i, stamp in enumerate(stamps) if stamp != "generic")
    assert first == MIN_PAGES - 1, stamps  # the page that completed the template's evidence
    assert all(stamp == "generic" for stamp in stamps[:first]) and "generic" not in stamps[first:]


def test_a_page_fetched_again_counts_once() -> None:
    """A killed worker's requests are fetched again; a part of an article can be reached twice: the
    page's layout must not weigh twice, or what is learned depends on who fetched what when."""
    site = "http://a.example"
    once, twice = TemplateLearner(), TemplateLearner()
    for n in range(6):
        once.observe(site, f"{site}/{n}", evidence(lines=(f"第{n}段。", "本站声明：转载请注明出处。")))
    for n in [0, 1, 1, 1, 2, 3, 4, 4, 5]:
        twice.observe(site, f"{site}/{n}", evidence(lines=(f"第{n}段。", "本站声明：转载请注明出处。")))
    assert twice.finish() == once.finish()
    assert twice.sites[site].clusters[0].observed == 6


def test_a_change_of_site_name_redoes_pages_whose_headline_stood_in_the_page() -> None:
    """A logo's heading that <title> repeats is the headline until the site name is known, then dropped
    for <title> without it: the end of a crawl must read again such a page when the name is learned
    (it did not, when the headline stood in the page, and the archive depended on arrival order)."""
    prose = "<p>" + "这是一段正文，讲述了一件事情的来龙去脉，并且给出了作者的看法。" * 4 + "</p>"
    html = (f"<html><head><title>年终考核之前 - 南窗小记</title></head><body><div id='head'><h1>南窗小记</h1>"
            f"<p>记录生活的点滴</p></div><div class='main'><div class='content'>{prose * 2}</div></div>"
            f"<div id='foot'>版权所有</div></body></html>").encode()
    url = "http://a.example/a/1.html"
    skeleton = extract_article(html, url).evidence.skeleton
    unnamed, named = (Template(site="http://a.example", template_id="t1", skeleton=skeleton, kind="article",
                               title_suffix=suffix) for suffix in ("", " - 南窗小记"))
    early = extract_article(html, url, ExtractContext(templates=(unnamed,)))
    assert early.title == "南窗小记" and "heading" in early.notes["title"].reason
    assert extract_article(html, url, ExtractContext(templates=(named,))).title == "年终考核之前"

    learner = TemplateLearner(min_pages=5)
    site = "http://a.example"
    for n in range(5):
        learner.observe(site, f"/{n}", evidence(title=f"标题{n}", heading=f"标题{n}"))
    first = learner.templates(site)[0]
    for n in range(5, 10):
        learner.observe(site, f"/{n}", evidence(title=f"标题{n} - 南窗小记", heading=f"标题{n}"))
    final = learner.finish()[0]
    assert (first.title_suffix, final.title_suffix) == ("", " - 南窗小记")
    assert (first.content_path, first.boilerplate) == (final.content_path, final.boilerplate)
    assert learner.affects(site, final.template_id, first.version, "article", frozenset())
