"""Page kinds: only article pages become articles."""

from __future__ import annotations

import pytest

from portalcrawl.demo.model import build_portal
from portalcrawl.demo.templates import not_found, render_portal
from portalcrawl.extract import PageKind, extract_article

PORTAL = build_portal()
BASES = {"kuaizhi": "http://kuaizhi.example", "jurd": "http://jurd.example"}
RENDERED = render_portal(PORTAL, BASES)


def _extract(site: str, path: str):
    html = RENDERED[site][path].encode(PORTAL.sites[site].encoding, errors="xmlcharrefreplace")
    return extract_article(html, BASES[site] + path)


@pytest.mark.parametrize(("site", "path"), [(s, p) for s in RENDERED for p in RENDERED[s] if not p.endswith(".xml")])
def test_demo_pages_have_their_kind(site: str, path: str) -> None:
    parts = {a.page_path(n) for a in PORTAL.sites[site].articles for n in range(1, a.pages + 1)}
    expected = PageKind.ARTICLE if path in parts else PageKind.LIST
    assert _extract(site, path).kind is expected


def test_soft_404_is_an_error_page() -> None:
    html = not_found(PORTAL.sites["jurd"]).encode("utf-8")
    assert extract_article(html, "http://jurd.example/gone.html").kind is PageKind.ERROR


def test_search_page_is_other() -> None:
    html = ("<html><body><form><input name='q'></form><p>共找到 3 条结果：</p><ul>"
            + "".join(f"<li><a href='/a/{n}.html'>搜索结果{n}</a></li>" for n in range(3))
            + "</ul></body></html>")
    assert extract_article(html, "http://x.example/plus/search.php?q=微商").kind is not PageKind.ARTICLE


@pytest.mark.parametrize("site", ["kuaizhi", "jurd"])
def test_list_pages_record_their_items_and_pagination(site: str) -> None:
    slug = PORTAL.sites[site].categories[0][1]
    page = _extract(site, PORTAL.sites[site].list_path(slug, 1))
    items = PORTAL.sites[site].in_category(slug)[: PORTAL.sites[site].per_list_page]
    assert [t.title for t in page.teasers][: len(items)] == [a.title for a in items]
    assert all(t.date for t in page.teasers[: len(items)])  # the date printed next to each item
    assert any(link.text == "2" for link in page.list_pagination)
    assert not page.pagination  # that is for the pages of one article


def test_article_regions_of_the_phpcms_template() -> None:
    article = PORTAL.sites["jurd"].articles[1]
    page = _extract("jurd", article.path)
    assert page.category == article.category and page.editor == article.editor
    assert {link.text for link in page.nav} >= {c for c, _ in PORTAL.sites["jurd"].categories}
    assert {link.text for link in page.friend_links} >= {"快知网"}
    assert "分享到" not in page.body and "责任编辑" not in page.body and "热门排行" not in page.body
