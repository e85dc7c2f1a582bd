"""The JEECMS site's articles as data: prose from the text bank and the hand-written specials, laid out per
channel, dated and numbered as JEECMS numbers contents, with their cut titles and summaries, comments and the
near-copy."""

from __future__ import annotations

import random
from typing import Any

from portalcrawl.demo import text_bank

from .._channels import add_comments, near_copy, publication_order, special_blocks
from .._html import cut
from .content import CHANNELS, COMMENTED, COMMENTERS, JSONLD, NO_AUTHOR, SITE_NAME, SPECIAL, SUMMARY, TITLE_ONLY


def make_articles(rng: random.Random) -> list[dict[str, Any]]:
    """Every article as a dict of the fields the templates print, in channel order."""
    chans = {c["path"]: c for c in CHANNELS}
    specs: list[dict[str, Any]] = []
    special_by_ch: dict[str, list[dict[str, Any]]] = {c["path"]: [] for c in CHANNELS}
    for s in SPECIAL:
        special_by_ch[s["ch"]].append(s)
    # 10 articles per channel: the channel's special ones plus prose; the last life slot is the near-copy
    extra_titles = {"tech": "用Excel做运维报表的几个小技巧", "startup": "我用Python帮小店算清了成本账"}
    for c in CHANNELS:
        own = list(special_by_ch[c["path"]])
        n_prose = 10 - len(own) - (1 if c["path"] == "startup" else 0)
        for k in range(n_prose):
            if k == 0 and c["path"] in extra_titles:
                title = extra_titles[c["path"]]
            else:
                title = f"{rng.choice(text_bank.HEADLINE_HEADS[c['topic']])}：{rng.choice(text_bank.HEADLINE_TAILS)}"
            own.append({"ch": c["path"], "shape": "prose", "title": title})
        rng.shuffle(own)
        specs.extend(own)
    # the near-copy: a tech article reposted in the startup channel
    specs.append({"ch": "startup", "shape": "copy"})
    seen: set[str] = set()
    arts: list[dict[str, Any]] = []
    for i, s in enumerate(specs):
        ch = chans[s["ch"]]
        topic = ch["topic"]
        title = s.get("title", "")
        while title in seen or (not title and s["shape"] != "copy"):
            title = f"{rng.choice(text_bank.HEADLINE_HEADS[topic])}：{rng.choice(text_bank.HEADLINE_TAILS)}"
        seen.add(title)
        shape = s["shape"]
        if shape == "prose":
            paras = text_bank.paragraphs(topic, rng, rng.randint(4, 7))
            paras[0] = paras[0] + rng.choice(text_bank.LEAD_TAILS)
            if "Excel" in title:
                paras[1] = "不少运维同事每周都要用Excel汇总告警数据，" + paras[1]
            if "Python" in title:
                paras[1] = "后来我学了一点Python，写了个脚本自动汇总每天的流水，" + paras[1]
            blocks = [("p", p) for p in paras]
            body = paras
        elif shape == "copy":
            src, body = near_copy(arts, chans["tech"], TITLE_ONLY | JSONLD, rng)
            blocks = [("p", p) for p in body]
            title = src["title"]
            shape = "prose"
            s["copy_of"] = src
        else:
            blocks, body = special_blocks(s, lambda lines: [("br", lines)], lambda cap: ("img", None, cap))
        author = None if i in NO_AUTHOR else rng.choice(text_bank.AUTHORS)
        arts.append({
            "idx": i, "channel": ch, "title": title, "shape": shape, "blocks": blocks, "body": body,
            "author": author, "author_printed": author or "本站编辑",
            "source": rng.choice(["本站原创", *text_bank.SOURCES]), "views": rng.randint(80, 9000),
            "title_only": i in TITLE_ONLY, "jsonld": i in JSONLD, "summary_box": i in SUMMARY,
            "copy_of": s.get("copy_of"), "aliases": [],
        })
    # dates, then ids in date order (JEECMS numbers contents as they are added)
    stamps = sorted(
        (rng.choice([2022, 2023, 2024]), rng.randint(1, 12), rng.randint(1, 28), rng.randint(7, 22),
         rng.randint(0, 59), rng.randint(0, 59)) for _ in arts
    )
    order = publication_order(arts, rng, 3)
    next_id = 96
    for a, (y, mo, d, hh, mm, ss) in zip(order, stamps, strict=True):
        next_id += rng.randint(1, 9)
        a["id"] = next_id
        date = f"{y}-{mo:02d}-{d:02d}"
        a.update({
            "date": date, "time": f"{hh:02d}:{mm:02d}:{ss:02d}", "time_hm": f"{hh:02d}-{mm:02d}",
            "iso": f"{date}T{hh:02d}:{mm:02d}:{ss:02d}+08:00", "url": f"/{a['channel']['path']}/{next_id}.jhtml",
        })
        a["blocks"] = [
            ("img", f"/u/cms/www/{y}{mo:02d}/{d:02d}{hh:02d}{k:02d}{next_id}.jpg", b[2]) if b[0] == "img" else b
            for k, b in enumerate(a["blocks"])
        ]
        lead, text = a["body"][0], " ".join(a["body"])
        a.update({
            "summary_text": cut(lead, 60, "……"), "desc": cut(lead, 80, ""), "cut116": cut(text, 116),
            "cut100": cut(text, 100), "cut72": cut(text, 72), "cut34": cut(lead, 34), "cut80": cut(lead, 80),
            "cut28": cut(a["title"], 28), "short": cut(a["title"], 19), "cut": cut(a["title"], 21),
            "type_img": f"/u/cms/www/{y}{mo:02d}/{next_id}typeimg.jpg" if a["shape"] == "gallery" else None,
        })
    for a in arts:
        a["head_title"] = f"{a['title']} - {SITE_NAME} - Powered by JEECMS"
    add_comments(arts, COMMENTED, rng, (3, 5), _comment)
    return arts


def _comment(rng: random.Random, day: tuple[int, int, int], k: int, text: str) -> dict[str, Any]:
    """A comment as JEECMS's 热门评论 list prints it, dated in the days after the article."""
    y, m, d = day
    return {
        "name": rng.choice(COMMENTERS), "avatar": rng.randint(1, 2), "ups": rng.randint(0, 30),
        "time": f"{y}-{m:02d}-{min(d + k + 1, 28):02d} {rng.randint(8, 23):02d}:{rng.randint(0, 59):02d}:"
                f"{rng.randint(0, 59):02d}",
        "text": text,
    }
