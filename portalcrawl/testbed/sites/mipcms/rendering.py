"""What every page of the ``mipcms`` test site shares in one rendering for a base URL."""

from __future__ import annotations

from ...model import Resource
from .templates_blocks import box, tags_box
from .templates_shell import page


class Rendering:
    """One rendering of the site for a base URL: what its pages share (navigation, sidebar boxes, the articles
    newest and most viewed first) and the resources made so far, in the order the site serves them."""

    def __init__(self, base: str, site: dict, arts: list[dict], name_of: dict[str, str]) -> None:
        self.base, self.arts, self.name_of = base, arts, name_of
        self.out: dict[str, Resource] = {}
        self.site_name, self.friend_links, self.tags_list = site["name"], site["friend_links"], site["tags"]
        self.searches_list, self.per_page, self.seed = site["searches"], site["per_page"], site["seed"]
        self.out["/favicon.ico"] = Resource(b"\x00\x00\x01\x00", "image/x-icon")
        for css in ("bootstrap-layout.min", "mipcms"):
            self.out[f"/assets/default/css/{css}.css"] = Resource(b"/* mipcms */", "text/css")
        for a in arts:
            a["url"] = base + a["path"]
        self.nav = [(name, f"{base}/{cat}/") for cat, name in name_of.items()]
        self.nav.append(("专栏", f"{base}/zhuanlan.html"))
        self.tag_urls = {name: f"{base}/tag/{slug}/" for name, slug in self.tags_list}
        self.latest = sorted(arts, key=lambda a: a["datetime"], reverse=True)
        self.hot = sorted(arts, key=lambda a: a["views"], reverse=True)
        self.hot_tags = tags_box("热门标签", list(self.tag_urls.items()))
        self.searches = box(
            "热门搜索",
            '<ul class="list-unstyled tags">'
            + "".join(
                f'<li class="m-b-sm"><a href="{base}/search/?keywords={w}">{w}</a></li>' for w in self.searches_list
            )
            + "</ul>",
        )

    def put(self, path: str, html: str) -> None:
        self.out[path] = Resource(html.encode("utf-8"), content_type="text/html; charset=utf-8")

    def page(self, title: str, main: str, active: str, canonical: str, **kw: str) -> str:
        return page(self.base, title, main, self.nav, active, self.friend_links, self.site_name, canonical, **kw)
