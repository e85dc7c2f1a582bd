"""What every page of the ``phpwind`` test site shares in one rendering for a base URL."""

from __future__ import annotations

from ...model import Resource
from .templates_blocks import sidebar_box, tag_url
from .templates_shell import RELEASE, footer


class Rendering:
    """One rendering of the site for a base URL: its posts, what its pages share (navigation, footer, sidebar boxes,
    the threads newest and most read first, each forum's threads) and the resources made so far, in the order the
    site serves them."""

    def __init__(
        self,
        base: str,
        site: dict,
        threads: list[dict],
        portal: list[dict],
        users: dict[int, dict],
        forum_of: dict[int, tuple[str, str, str]],
        alias_thread: dict,
        tag_names: list[str],
        searches: list[str],
    ) -> None:
        self.base, self.threads, self.portal, self.users, self.forum_of = base, threads, portal, users, forum_of
        self.alias_thread, self.tag_names, self.searches = alias_thread, tag_names, searches
        self.out: dict[str, Resource] = {}
        # static resources linked by <link href>
        for name in ("core", "style"):
            self.out[f"/themes/site/default/css/{name}.css?v={RELEASE}"] = Resource(b"/* phpwind */", "text/css")
        for name in ("forum", "editor_content", "tag"):
            self.out[f"/themes/forum/default/css/{name}.css?v={RELEASE}"] = Resource(b"/* phpwind */", "text/css")
        self.site_name, self.friend_links, self.per_page = site["name"], site["friend_links"], site["per_page"]
        self.enc, self.seed = site["enc"], site["seed"]
        self.special_url = f"{base}/index.php?m=special&id=1"
        self.nav = [("首页", f"{base}/index.php")] + [
            (name, self.list_url(fid)) for fid, (name, _, _) in forum_of.items()
        ]
        self.nav.append(("专题", self.special_url))
        self.foot = footer(base, self.site_name, self.friend_links)
        self.latest = sorted(threads, key=lambda t: t["time"], reverse=True)
        self.hot = sorted(threads, key=lambda t: t["hits"], reverse=True)[:6]
        self.cloud = [(name, tag_url(base, name)) for name in tag_names]
        self.search_box = sidebar_box(
            "热门搜索", [(w, f"{base}/index.php?m=search&c=s&keyword={w}") for w in searches]
        )
        self.forum_threads = {fid: [t for t in self.latest if t["fid"] == fid] for fid in forum_of}

    def put(self, path: str, html: str) -> None:
        self.out[path] = Resource(html.encode(self.enc), content_type="text/html; charset=GBK")

    def read_url(self, th: dict) -> str:
        return f"{self.base}/read.php?tid={th['tid']}"

    def list_url(self, fid: int, page: int | None = None) -> str:
        return f"{self.base}/thread.php?fid={fid}" + (f"&page={page}" if page else "")

    def portal_url(self, p: dict) -> str:
        return f"{self.base}/index.php?m=cms&q=view&id={p['id']}"
