"""Test site `metinfo`: an enterprise-news portal on MetInfo 7 with its default theme `metv7` (UTF-8).

Shape taken from MetInfo's own templates (templates/metv7/shownews.php, news.php, head.php, foot.php,
subcolumn_nav.php; metv6 ajax/news.php, showimg.php, message_index.php) and its pseudo-static rewrite
rules (app/system/seo/include/class/seo_open.class.php): columns live in their own folders
(`/news/`, page 2 at `/news/list-2-2.html`), articles at `/news/15.html`, the dynamic twin
`/news/shownews.php?lang=cn&id=15`, column tags at `/news/tag/<slug>`, search at `/search/search.php`.

Traps, as the real theme lays them:
- the byline is a bare `<span>` of the publisher's name next to the date and a view count, with no
  "作者：" label; the `<title>` is "标题-站名"; the generator meta names MetInfo;
- a hidden `<h1>`/`<h3>` with the site or column name in the header and an `<h3>` column banner
  before the article's own `<h1>`; three articles print no `<h1>` at all (headline only in `<title>`);
- three articles print no date: it is only in JSON-LD the owner pasted into the head;
- summary boxes (导读) are typed by editors into the content area itself, inside `met-editor`;
- the disclaimer sits right under the content, before tags; related items carry dates in brackets
  and summaries; comments use the message-module media list;
- a near-copy of one article is reposted in another column; one article is linked under its
  dynamic `shownews.php` URL from the special-topic page.
"""

from .build import build

__all__ = ["build"]
