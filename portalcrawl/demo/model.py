"""The demo portal as data: two sister sites, their categories and articles, and its truth.

Everything is generated from a fixed seed, so the portal (and `truth.json`) is the same on
every machine. The quirks the crawler must survive are placed on purpose and named here.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import asdict, dataclass, field

from . import text_bank

SEED = 20151104


@dataclass
class DemoArticle:
    site: str
    aid: int
    path: str  # URL path of the article (its first page)
    category: str
    slug: str
    title: str
    date: dt.date
    time: dt.time | None
    shown_date: str  # the date as the page prints it
    truth_published: str  # ISO 8601, or "fetch-3d" for a date printed relative to the fetch
    contributor: str | None
    source: str | None
    editor: str | None
    byline: str  # the byline as the page prints it
    paragraphs: list[str]  # the body, lead first
    pages: int = 1  # number of pages the body is split across (正文分页)
    charset_quirk: str | None = None  # None | "undeclared" | "misdeclared"
    copy_of: str | None = None  # "site:path" of the article this one copies, with edits

    def page_path(self, n: int) -> str:
        """Path of page n (1-based) of this article: 123.html, 123_2.html, ..."""
        return self.path if n == 1 else self.path.replace(".html", f"_{n}.html")

    def page_paragraphs(self, n: int) -> list[str]:
        per = -(-len(self.paragraphs) // self.pages)
        return self.paragraphs[(n - 1) * per : n * per]

    @property
    def summary(self) -> str:
        return self.paragraphs[0][:60].rstrip("。，") + "……"


@dataclass
class DemoSite:
    key: str
    name: str
    template: str  # "dede" | "phpcms"
    encoding: str
    categories: list[tuple[str, str]]  # (name, slug)
    per_list_page: int
    articles: list[DemoArticle] = field(default_factory=list)

    def in_category(self, slug: str) -> list[DemoArticle]:
        return [a for a in self.articles if a.slug == slug]

    def list_path(self, slug: str, page: int) -> str:
        if self.template == "dede":
            return f"/{slug}/" if page == 1 else f"/{slug}/list_{page}.html"
        return f"/html/{slug}/" if page == 1 else f"/html/{slug}/{page}.html"

    def list_pages(self, slug: str) -> int:
        return max(1, -(-len(self.in_category(slug)) // self.per_list_page))


@dataclass
class DemoPortal:
    sites: dict[str, DemoSite]
    missing: list[tuple[str, str]]  # (site, path) linked but 404
    redirects: dict[tuple[str, str], str]  # (site, old path) -> new path

    def article(self, site: str, path: str) -> DemoArticle | None:
        return next((a for a in self.sites[site].articles if a.path == path), None)

    def copy_groups(self) -> list[set[tuple[str, str]]]:
        """The true clusters of copies: (site, path) groups joined by copy_of, originals included."""
        group_of: dict[tuple[str, str], set[tuple[str, str]]] = {}
        for site in self.sites.values():
            for a in site.articles:
                if not a.copy_of:
                    continue
                original_site, original_path = a.copy_of.split(":", 1)
                members = {(a.site, a.path), (original_site, original_path)}
                for member in list(members):
                    members |= group_of.get(member, set())
                for member in members:
                    group_of[member] = members
        return list({id(group): group for group in group_of.values()}.values())

    def truth(self) -> dict:
        """What a correct archive of this portal holds (paths are relative to each site's base URL)."""
        articles = []
        for site in self.sites.values():
            for a in site.articles:
                articles.append({
                    "site": a.site, "path": a.path, "category": a.category, "title": a.title,
                    "published": a.truth_published, "shown_date": a.shown_date, "byline": a.byline,
                    "contributor": a.contributor, "source": a.source, "editor": a.editor,
                    "body": "\n".join(a.paragraphs), "pages": a.pages,
                    "charset_quirk": a.charset_quirk, "copy_of": a.copy_of,
                })
        list_pages = [
            {"site": s.key, "path": s.list_path(slug, n)}
            for s in self.sites.values() for _, slug in s.categories for n in range(1, s.list_pages(slug) + 1)
        ] + [{"site": s.key, "path": "/"} for s in self.sites.values()]
        return {
            "sites": {k: {"name": s.name, "template": s.template, "encoding": s.encoding}
                      for k, s in self.sites.items()},
            "articles": articles,
            "list_pages": list_pages,
            "missing": [{"site": s, "path": p} for s, p in self.missing],
            "redirects": [{"site": s, "from": p, "to": to} for (s, p), to in self.redirects.items()],
        }


# Copies within a site (copy -> original), beside the copies across sites that jurd makes of kuaizhi.
KUAIZHI_REPOSTS = {122: 110}
JURD_REPOSTS = {218: 207}


def _headline(topic: str, rng: random.Random, used: set[str]) -> str:
    while True:
        title = f"{rng.choice(text_bank.HEADLINE_HEADS[topic])}：{rng.choice(text_bank.HEADLINE_TAILS)}"
        if title not in used:
            used.add(title)
            return title


def _kuaizhi(rng: random.Random, used: set[str]) -> DemoSite:
    """DedeCMS-style portal served as GBK: dates without a year, "X投稿" and "作者：X" bylines."""
    site = DemoSite("kuaizhi", "快知网", "dede", "gbk",
                    [("技术", "jishu"), ("创业", "chuangye"), ("美文", "meiwen"), ("职场", "zhichang")], 5)
    aid = 100
    for cat, slug in site.categories:
        for n in range(6):
            aid += 1
            date = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randint(0, 360))
            author = text_bank.AUTHORS[aid % len(text_bank.AUTHORS)]
            no_url_date = slug == "meiwen" and n < 2  # year only from the list page that links it
            path = f"/html/{aid}.html" if no_url_date else f"/a/{date:%Y}/{date:%m%d}/{aid}.html"
            lead = "【导读】" + text_bank.sentence(text_bank_topic(cat), rng) + rng.choice(text_bank.LEAD_TAILS)
            paragraphs = [lead, *text_bank.paragraphs(text_bank_topic(cat), rng, rng.randint(5, 9))]
            copy_of = None
            if aid in KUAIZHI_REPOSTS:  # the site reposts one of its own articles: new lead, last paragraph cut
                model = next(a for a in site.articles if a.aid == KUAIZHI_REPOSTS[aid])
                copy_of = f"kuaizhi:{model.path}"
                paragraphs = [lead, *model.paragraphs[1:-1]]
            site.articles.append(DemoArticle(
                site="kuaizhi", aid=aid, path=path, category=cat, slug=slug,
                title=_headline(text_bank_topic(cat), rng, used), date=date, time=None,
                shown_date=f"{date.month}月{date.day}日", truth_published=date.isoformat(),
                contributor=author, source=None, editor=None,
                byline=f"{author}投稿" if aid % 2 else f"作者：{author}",
                paragraphs=paragraphs,
                pages=3 if aid == 103 else 1,
                charset_quirk={106: "undeclared", 107: "misdeclared"}.get(aid),
                copy_of=copy_of,
            ))
    return site


def text_bank_topic(category: str) -> str:
    return {"科技": "技术", "商业": "创业", "生活": "美文"}.get(category, category)


def _jurd(rng: random.Random, used: set[str], original: DemoSite) -> DemoSite:
    """PHPCMS-style portal in UTF-8: full dates, 来源/作者/责任编辑, copies of the sister site."""
    site = DemoSite("jurd", "聚热点", "phpcms", "utf-8",
                    [("科技", "keji"), ("商业", "shangye"), ("生活", "shenghuo"), ("职场", "zhichang")], 3)
    aid = 200
    for (cat, slug), (_, original_slug) in zip(site.categories, original.categories, strict=True):
        topic = text_bank_topic(cat)
        for n in range(5):
            aid += 1
            stamp = dt.datetime(2023, 1, 1, 8, 0) + dt.timedelta(days=rng.randint(0, 300), minutes=rng.randint(0, 600))
            author = text_bank.AUTHORS[(aid * 7) % len(text_bank.AUTHORS)]
            source = text_bank.SOURCES[aid % len(text_bank.SOURCES)]
            editor = text_bank.EDITORS[aid % len(text_bank.EDITORS)]
            copy_of = None
            if n == 4:  # a copy of the sister site's article, with a new lead and a paragraph trimmed
                model = original.in_category(original_slug)[2]
                copy_of = f"kuaizhi:{model.path}"
                body = [text_bank.sentence(topic, rng) + rng.choice(text_bank.LEAD_TAILS), *model.paragraphs[1:-1]]
            else:
                body = text_bank.paragraphs(topic, rng, rng.randint(4, 8))
            if aid in JURD_REPOSTS:  # its own earlier article again, two paragraphs swapped and one cut
                model = next(a for a in site.articles if a.aid == JURD_REPOSTS[aid])
                copy_of = f"jurd:{model.path}"
                body = [model.paragraphs[1], model.paragraphs[0], *model.paragraphs[2:-1]]
            if aid == 205:
                shown, truth = "3天前", "fetch-3d"
            elif aid % 3 == 0:
                shown, truth = f"{stamp.year}年{stamp.month}月{stamp.day}日", stamp.date().isoformat()
            else:
                shown, truth = f"{stamp:%Y-%m-%d %H:%M}", stamp.replace(second=0).isoformat()
            site.articles.append(DemoArticle(
                site="jurd", aid=aid, path=f"/html/{slug}/{stamp:%Y}/{stamp:%m%d}/{aid}.html", category=cat,
                slug=slug, title=_headline(topic, rng, used), date=stamp.date(), time=stamp.time(),
                shown_date=shown, truth_published=truth, contributor=author, source=source, editor=editor,
                byline=f"来源：{source}　作者：{author}", paragraphs=body, copy_of=copy_of,
            ))
    return site


def build_portal() -> DemoPortal:
    rng = random.Random(SEED)
    used: set[str] = set()
    kuaizhi = _kuaizhi(rng, used)
    jurd = _jurd(rng, used, kuaizhi)
    return DemoPortal(
        sites={"kuaizhi": kuaizhi, "jurd": jurd},
        missing=[("kuaizhi", "/a/2015/0901/999.html")],
        redirects={("jurd", "/html/old/201.html"): jurd.articles[0].path},
    )


def truth_as_json() -> dict:
    return build_portal().truth()


__all__ = ["DemoArticle", "DemoPortal", "DemoSite", "asdict", "build_portal", "truth_as_json"]
