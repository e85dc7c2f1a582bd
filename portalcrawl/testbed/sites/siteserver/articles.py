"""The SiteServer site's articles as data: prose from the text bank and the hand-written specials, laid out per
channel, dated and numbered as SiteServer numbers contents, with their bylines, cut titles and summaries,
comments and the near-copy."""

from __future__ import annotations

import random
from typing import Any

from portalcrawl.demo import text_bank

from .._channels import add_comments, near_copy, publication_order, special_blocks
from .._html import cut
from .content import CHANNELS, COMMENTED, COMMENTERS, EDITOR_ONLY, JSONLD, REPORTER, SPECIAL, TITLE_ONLY


def _specs(rng: random.Random) -> list[dict[str, Any]]:
    by_ch: dict[int, list[dict[str, Any]]] = {c["id"]: [] for c in CHANNELS}
    for s in SPECIAL:
        by_ch[s["ch"]].append(dict(s))
    forced = {2: "Excel函数入门：职场新人必备的十个技巧", 3: "AI写代码靠谱吗：一位老程序员的观察"}
    specs: list[dict[str, Any]] = []
    for c in CHANNELS:
        own = by_ch[c["id"]]
        n_prose = 10 - len(own) - (1 if c["id"] == 2 else 0)
        for k in range(n_prose):
            own.append({"ch": c["id"], "shape": "prose", "title": forced[c["id"]] if k == 0 and c["id"] in forced
                        else ""})
        rng.shuffle(own)
        specs.extend(own)
    specs.append({"ch": 2, "shape": "copy", "title": ""})
    return specs


def make_articles(rng: random.Random) -> list[dict[str, Any]]:
    """Every article as a dict of the fields the templates print, in channel order."""
    chans = {c["id"]: c for c in CHANNELS}
    seen: set[str] = set()
    arts: list[dict[str, Any]] = []
    for i, s in enumerate(_specs(rng)):
        ch = chans[s["ch"]]
        topic = ch["topic"]
        title = s["title"]
        while title in seen or (not title and s["shape"] != "copy"):
            title = f"{rng.choice(text_bank.HEADLINE_HEADS[topic])}，{rng.choice(text_bank.HEADLINE_TAILS)}"
        seen.add(title)
        shape = s["shape"]
        copy_of = None
        if shape == "prose":
            body = text_bank.paragraphs(topic, rng, rng.randint(4, 7))
            body[0] += rng.choice(text_bank.LEAD_TAILS)
            if title.startswith("Excel"):
                body[1] = "很多人每天都用Excel，却只会最基本的求和，" + body[1]
            if title.startswith("AI"):
                body[1] = "这两年AI写代码的工具越来越多，" + body[1]
            blocks = [("p", p) for p in body]
        elif shape == "copy":  # near-copy of a tech article, reposted in 职场资讯
            copy_of, body = near_copy(arts, chans[3], TITLE_ONLY | JSONLD, rng)
            blocks = [("p", p) for p in body]
            title, shape = copy_of["title"], "prose"
        else:
            blocks, body = special_blocks(
                s, lambda lines: [("line", x) for x in lines], lambda cap: ("img", None), stanza_gap="　"
            )
        name = rng.choice(text_bank.AUTHORS)
        if i in EDITOR_ONLY:
            author, byline = None, f"责任编辑：{rng.choice(text_bank.EDITORS)}"
        elif i in REPORTER:
            author, byline = name, f"作者：本报记者 {name}"
        else:
            author, byline = name, f"作者：{name}"
        arts.append({
            "idx": i, "channel": ch, "title": title, "shape": shape, "blocks": blocks, "body": body,
            "author": author, "byline": byline, "source": rng.choice(["本站原创", "江城晚报", *text_bank.SOURCES]),
            "hits": rng.randint(50, 6000), "title_only": i in TITLE_ONLY, "jsonld": i in JSONLD,
            "summary_box": False, "copy_of": copy_of, "aliases": [],
        })
    for a in rng.sample([a for a in arts if a["shape"] == "prose" and not a["copy_of"]], 7):
        a["summary_box"] = True  # 内容提要 shown where the editor filled in 摘要
    stamps = sorted(
        (rng.choice([2021, 2022, 2023, 2024]), rng.randint(1, 12), rng.randint(1, 28), rng.randint(8, 20),
         rng.randint(0, 59)) for _ in arts
    )
    order = publication_order(arts, rng, 4)
    cid = 180
    for a, (y, mo, d, hh, mm) in zip(order, stamps, strict=True):
        cid += rng.randint(1, 12)
        date = f"{y}-{mo:02d}-{d:02d}"
        n_img = 0
        blocks = []
        for b in a["blocks"]:
            if b[0] == "img":
                n_img += 1
                b = ("img", f"/upload/images/{y}/{mo}/{d:02d}{hh:02d}{mm:02d}{n_img}{cid}.jpg")
            blocks.append(b)
        lead, text = a["body"][0], "".join(a["body"])
        a.update({
            "id": cid, "date": date, "date_cn": f"{y}年{mo:02d}月{d:02d}日", "iso": f"{date}T{hh:02d}:{mm:02d}:00",
            "url": f"/contents/{a['channel']['id']}/{cid}.html", "blocks": blocks,
            "summary_text": cut(lead, 56, "……"), "desc": cut(lead, 70, ""), "cut60": cut(text, 60),
            "cut50": cut(text, 50), "cut30": cut(a["title"], 30), "cut16": cut(a["title"], 16, "…"),
            "pic": blocks[1][1] if a["shape"] == "gallery" and blocks[0][0] != "img" else
            (blocks[0][1] if a["shape"] == "gallery" else None),
        })
        a["list_url"] = a["url"]
    add_comments(arts, COMMENTED, rng, (3, 6), _comment)
    return arts


def _comment(rng: random.Random, day: tuple[int, int, int], k: int, text: str) -> dict[str, Any]:
    """A comment as the comments plugin prints it, dated from the article's day on (no zero padding)."""
    y, mo, d = day
    return {
        "name": rng.choice(COMMENTERS), "avatar": rng.randint(1, 4), "good": rng.randint(0, 12),
        "time": f"{y}-{mo}-{min(d + k, 28)} {rng.randint(8, 23)}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
        "text": text,
    }
