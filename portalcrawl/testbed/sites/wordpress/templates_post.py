"""A post of the ``wordpress`` test site as the Puock theme's single.php and comments.php print it.

The view/comment "options" pills under the h1, "正文完" separator, tag badges, "发表至" + date line, the
版权声明 / 转载说明 block, 相关推荐, the comment list as ``div.post-comment`` blocks, and the Yoast-style JSON-LD.
"""

from __future__ import annotations

import json

from .._html import esc as e
from .posts import Comment, Post
from .templates_shell import THEME


def comments_block(post: Post) -> str:
    n = count_comments(post.comments)
    label = f"{n} 条评论" if n else "暂无评论"

    def one(c: Comment, depth: int) -> str:
        who = (f"<a href='{c.url}' rel='external nofollow ugc' class='url'>{e(c.name)}</a>" if c.url else e(c.name))
        kids = "".join(one(r, depth + 1) for r in c.replies)
        return f"""<div id="comment-{c.cid}" class="post-comment{' post-comment-reply' if depth else ''}">
    <div class="info">
        <div><img src="{THEME}/assets/img/avatar.png" class="avatar avatar-64 photo md-avatar" width="60" height="60"></div>
        <div class="ml-3 two-info">
            <div class="puock-text ta3b"><span class="t-md puock-links">{who}</span></div>
            <div class="t-sm c-sub">
                <span>{c.when}</span>
                <a id="comment-reply-{c.cid}" data-id="{c.cid}" class="hide-info animated bounceIn c-sub-a t-sm ml-1 comment-reply"
                   href="javascript:void(0)" title="回复此评论"><i class="fa fa-share-from-square"></i>
                    <span class="comment-reply-text">回复</span></a>
            </div>
        </div>
    </div>
    <div class="content">
        <div class="content-text t-sm mt10 puock-text">
            <p>{e(c.text)}</p>
            <div class="comment-os c-sub"><span class='mt10' title='{c.os}'><i class='fa-brands fa-windows'></i>&nbsp;<span>{c.os}&nbsp;</span></span><span class='mt10' title='{c.browser}'><i class='fa-brands fa-chrome'></i>&nbsp;<span>{c.browser}</span></span><span class='mt10' title='IP'><i class='fa-solid fa-location-dot'></i>&nbsp;{e(c.region)}</span></div>
        </div>
        <div class="comment-box-reply d-none" id="comment-box-{c.cid}"></div>
    </div>
{kids}</div>
"""

    listing = "".join(one(c, 0) for c in post.comments)
    return f"""<div class="p-block" id="comments">
    <div><span class="t-lg border-bottom border-primary puock-text pb-2"><i class="fa-regular fa-comments mr-1"></i>评论（{label}）</span></div>
    <div class="mt20 clearfix" id="comment-form-box">
        <form class="mt10" id="comment-form" method="post" action="/wp-admin/admin-ajax.php?action=comment_ajax">
            <div class="form-group">
                <textarea placeholder="世界这么大发表一下你的看法~" id="comment" name="comment"
                          class="form-control form-control-sm t-sm" rows="4"></textarea>
            </div>
            <div class="row row-cols-1 comment-info">
                <div class="col-12 col-sm-4"><input type="text" id="author" name="author" class="form-control form-control-sm t-sm" placeholder="昵称（必填）"></div>
                <div class="col-12 col-sm-4"><input type="email" id="email" name="email" class="form-control form-control-sm t-sm" placeholder="邮箱（必填）"></div>
                <div class="col-12 col-sm-4"><input type="text" id="url" name="url" class="form-control form-control-sm t-sm" placeholder="网站"></div>
            </div>
            <input type="text" hidden name="comment_post_ID" value="{post.pid}">
            <div class="clearfix mt10"><div class="float-right">
                <button id="comment-submit" type="submit" class="btn btn-primary btn-ssm"><i class="fa fa-paper-plane"></i>&nbsp;发布评论</button>
            </div></div>
        </form>
    </div>
    <div id="post-comments">
{listing}    </div>
</div>
"""


def count_comments(comments: list[Comment]) -> int:
    return sum(1 + count_comments(c.replies) for c in comments)


def json_ld(base: str, post: Post, site: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "Article",
                "@id": f"{base}{post.path}#article",
                "isPartOf": {"@id": f"{base}{post.path}"},
                "author": {"name": post.author, "@id": f"{base}/#/schema/person/{post.author_slug}"},
                "headline": post.title,
                "datePublished": f"{post.date}T{post.time}+08:00",
                "dateModified": post.modified,
                "mainEntityOfPage": {"@id": f"{base}{post.path}"},
                "publisher": {"@id": f"{base}/#organization"},
                "inLanguage": "zh-Hans",
            },
            {"@type": "WebSite", "@id": f"{base}/#website", "url": f"{base}/", "name": site, "inLanguage": "zh-Hans"},
        ],
    }
    text = json.dumps(data, ensure_ascii=False).replace("/", "\\/")
    return f'    <script type="application/ld+json" class="yoast-schema-graph">{text}</script>\n'


def article_main(post: Post, cat_name: str, cat_href: str, tag_names: dict[str, str], words: int,
                 neighbours: tuple[Post | None, Post | None], related: list[Post], reprint_note: str) -> str:
    n = count_comments(post.comments)
    h1 = (f'<div><h1 id="post-title" class="mb-0 puock-text t-xxl">{e(post.title)}</h1></div>\n'
          if post.show_h1 else "")
    summary = ""
    if post.summary:
        summary = f"""<div class="post-summary mt20 puock-bg p-3 t-sm">
    <div class="c-sub mb-1"><i class="fa fa-quote-left mr-1"></i>文章摘要</div>
    <p class="mb-0">{e(post.summary)}</p>
</div>
"""
    tags = "".join(
        f'<a href="/tag/{t}/" class="pk-badge pk-badge-sm mr5 mb10"><i class="fa-solid fa-tag"></i> '
        f'{e(tag_names[t])}</a>'
        for t in post.tags
    )
    tags_html = f'<div class="mt20 tags">{tags}</div>' if tags else ""
    date_html = (f'<div><span class="c-sub"><i class="fa-regular fa-clock"></i> {post.date}</span></div>'
                 if post.show_date else "")
    when = post.date if post.show_date else ""
    prev, nxt = neighbours
    nav = ['<div class="p-block post-neighbor p-flex-sbc t-md">']
    nav.append(f'<div class="prev"><span class="c-sub">上一篇：</span>'
               f'<a class="a-link" href="{prev.path}">{e(prev.title)}</a></div>'
               if prev else '<div class="prev"><span class="c-sub">上一篇：没有了</span></div>')
    nav.append(f'<div class="next text-right"><span class="c-sub">下一篇：</span>'
               f'<a class="a-link" href="{nxt.path}">{e(nxt.title)}</a></div>'
               if nxt else '<div class="next text-right"><span class="c-sub">下一篇：没有了</span></div>')
    nav.append("</div>\n")
    rel = "".join(
        f"""<div class="col-12 col-md-6 post-relevant-item mb-3"><div class="widget-common-media-post">
    <a class="img ww" href="{p.path}" title="{e(p.title)}"><img src="{p.thumb}" alt="{e(p.title)}"/></a>
    <div class="info"><div class="title t-md"><a class="a-link" href="{p.path}">{e(p.title)}</a></div>
    <div class="description t-sm c-sub text-2line">{e(p.excerpt)}</div></div></div></div>
"""
        for p in related
    )
    return f"""<div class="p-block">
    {h1}<div class="options p-flex-sbc mt20">
        <div>
            <div class="option puock-bg ta3 t-sm mr-1"><i class="fa-regular fa-eye mr-1"></i><span id="post-views">{post.views}</span><span>次阅读</span></div>
            <a href="#comments"><div class="option puock-bg ta3 t-sm mr-1"><i class="fa-regular fa-comment mr-1"></i>{f"{n} 条评论" if n else "暂无评论"}</div></a>
        </div>
        <div><div class="option puock-bg ta3 t-sm mr-1 d-none d-lg-inline-block post-main-size"><i class="fa fa-up-right-and-down-left-from-center"></i></div></div>
    </div>
    {summary}<div class="mt20 entry-content-box">
        <div class="entry-content show-link-icon content-main puock-text p-indent">
{post.body_html}
        </div>
        <div class="t-separator c-sub t-sm mt30">正文完</div>
        <div class="footer-info puock-text mt20">
            {tags_html}
            <div class="p-flex-sbc mt20 t-sm">
                <div><span>发表至：</span><a class="a-link" href="{cat_href}">{e(cat_name)}</a></div>
                {date_html}
            </div>
        </div>
    </div>
    <div class="mt15 post-action-panel"><div class="post-action-content"><div class="d-flex justify-content-center w-100 c-sub">
        <div class="circle-button puock-bg text-center" id="post-like" data-id="{post.pid}"><i class="fa-regular fa-thumbs-up t-md"></i>&nbsp;<span class="t-sm">{post.views // 37}</span></div>
        <div class="circle-button puock-bg text-center pk-modal-toggle" title="分享"><i class="fa fa-share-from-square t-md"></i></div>
    </div></div></div>
</div>
<div class="p-block p-flex-sc">
    <div class="mr-3 p-flex-sk-0"><img class="md-avatar mt-1" src="{THEME}/assets/img/avatar.png" alt="{e(post.author)}" title="{e(post.author)}"></div>
    <div class="puock-text t-md">
        <div><span class="font-weight-bold">版权声明：</span><span>本站原创文章，由</span><a class="a-link" href="/author/{post.author_slug}/">{e(post.author)} </a>{when}发表，共计{words}字。</div>
        <div class="mt-2"><span class="font-weight-bold c-sub">转载说明：</span><span class="c-sub">{e(reprint_note)}</span></div>
    </div>
</div>
{"".join(nav)}<div class="p-block pb-0">
    <div><span class="t-lg border-bottom border-primary puock-text pb-2"><i class="fa fa-bookmark mr-1"></i>相关推荐</span></div>
    <div class="row puock-text post-relevant mt20">
{rel}    </div>
</div>
{comments_block(post)}"""
