"""Test site `cmseasy`: a culture and essay portal on CmsEasy 5.x with its default theme, served in GBK.

Shape taken from CmsEasy's own files (template/default/header.html, footer.html, archive/show.html,
archive/show_pic.html, archive/list_text_pic.html, comment/comment.html, comment/list.html, the compiled
left.html, lang/cn/system.php, and getTitle() of its front functions): the site runs on dynamic URLs
(`/index.php?case=archive&act=show&aid=12`, lists `...&act=list&catid=2&page=2`, tags `case=tag`,
search `act=search&keyword=`, specials `case=special&act=show&spid=1`), as a fresh install does.

Traps, as the real theme lays them:
- GBK bytes, declared only by a `http-equiv` Content-Type meta (the HTTP header says just text/html);
  tag URLs carry GBK percent-encoded tag names;
- `<title>` is "标题 - Powered by CmsEasy": the suffix is the CMS's, not the site's name;
- the meta line reads "作者：X  添加时间：…  浏览：<script>  来源：Y"; the view count is a script;
- friend links (友情链接) are printed on the home page only; other pages show 热门关键词 there;
- the comment form (with "已有0位网友发表评论") is on every article, comments only on some;
- gallery articles (show_pic.html) repeat their pictures twice in a slider, captions come after;
- three articles print no `<h1>` (headline only in `<title>`), three print no date (JSON-LD only);
- a "内容提要" box above the body on several articles; a copyright notice under every body;
- one article is also served as a generated static page `/sanwen/show-N-1.html`, linked from the
  special-topic page; one near-copy is reposted in another column.
"""

from .build import build

__all__ = ["build"]
