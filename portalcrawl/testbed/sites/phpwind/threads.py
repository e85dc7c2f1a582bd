"""The ``phpwind`` site's posts as data: the members, the threads (interleaved across the forums in time, each
with a tid, a date, its first floor's HTML and its reply floors), and the portal's articles."""

from __future__ import annotations

import random
from html import escape

from portalcrawl.demo import text_bank

from .content import PORTAL_EDITORS, PORTAL_TITLES, REPLY_TAILS, USERS, thread_specs


def _lines_html(lines: list[str], rng: random.Random) -> str:
    if rng.random() < 0.5:
        return "\n".join(f"<p>{escape(line)}</p>" for line in lines)
    return "<br />\n<br />\n".join(escape(line) for line in lines)


def _table_html(intro: str, rows: list[list[str]]) -> str:
    trs = "".join("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<p>{escape(intro)}</p>\n<table class="editor_table" width="100%" border="1"><tbody>{trs}</tbody></table>'


def _date_of(day: int) -> tuple[int, int]:
    """Day number (from 2014-01-01, capped under a year) to (month, day), months of 28 days to keep it simple."""
    day = min(day, 300)
    return 1 + day // 28, 1 + day % 28


def make_users(rng: random.Random) -> dict[int, dict]:
    """The members by UID, with their post counts and coins."""
    users = {}
    for uid, name, level, reg, sign in USERS:
        users[uid] = {
            "uid": uid,
            "name": name,
            "level": level,
            "regdate": reg,
            "posts": rng.randint(40, 900),
            "coins": rng.randint(10, 3000),
            "sign": sign,
            "avatar": f"/windid/attachment/avatar/000/00/00/{uid}_middle.jpg",
        }
    return users


def make_threads(
    rng: random.Random, uids: list[int], forum_of: dict[int, tuple[str, str, str]]
) -> tuple[list[dict], dict[str, dict]]:
    """Every thread in posting order, with its replies, and the threads by title."""
    specs = thread_specs()
    order = []
    for i in range(9):
        for fid in (2, 3, 5):
            order.append((fid, specs[fid][i]))
    rng.shuffle(order)
    # the copy must come after its original
    titles = [s["title"] for _, s in order]
    ci, oi = titles.index("一次线上故障的复盘（转）"), titles.index("一次线上故障的复盘")
    if ci < oi:
        order[ci], order[oi] = order[oi], order[ci]

    threads: list[dict] = []
    tid, day = 1187, 0
    by_title: dict[str, dict] = {}
    for fid, spec in order:
        tid += rng.randint(1, 9)
        day += rng.randint(2, 5)
        month, mday = _date_of(day)
        hh, mm = rng.randint(8, 23), rng.randint(0, 59)
        topic = forum_of[fid][1]
        shape = spec.get("shape", "prose")
        author = rng.choice(uids)
        if spec["title"].startswith("咖啡馆") or spec["title"].startswith("县城咖啡馆"):
            author = 77
        if fid == 2 and shape == "prose" and rng.random() < 0.5:
            author = rng.choice([58, 103, 12])
        th = {
            "tid": tid,
            "fid": fid,
            "title": spec["title"],
            "shape": shape,
            "author": author,
            "date": f"2014-{month:02d}-{mday:02d}",
            "time": f"2014-{month:02d}-{mday:02d} {hh:02d}:{mm:02d}",
            "tags": spec.get("tags", []),
            "hits": rng.randint(120, 4200),
            "likes": rng.randint(0, 40),
        }
        if shape == "prose":
            if spec.get("copy_of"):
                src = by_title[spec["copy_of"]]
                lines = list(src["lines"])
                for k in rng.sample([i for i, x in enumerate(lines) if "“" not in x], 2):
                    rest = lines[k].split("。", 1)[1] if "。" in lines[k][:-1] else ""
                    lines[k] = text_bank.sentence("技术", rng) + rest
                lines.append("（转自同事的技术博客，原文有删节。）")
                th["author"] = 84
            else:
                lines = text_bank.paragraphs(topic, rng, rng.randint(4, 7))
            th["lines"] = lines
            if spec["title"] == "MySQL 慢查询排查小记":
                lines.insert(1, "先说结论：MySQL 的慢查询日志一定要打开，阈值设成一秒就够用。")
            if "Python" in spec["title"]:
                lines.insert(0, "最近用 Python 写了几个小脚本，记录一下过程。")
            th["html"] = _lines_html(lines, rng)
        elif shape == "table":
            th["lines"] = [spec["intro"]] + [" ".join(r) for r in spec["rows"]]
            th["html"] = _table_html(spec["intro"], spec["rows"])
        elif shape == "gallery":
            parts, lines = [], []
            for n, (fname, cap) in enumerate(spec["images"]):
                aid = tid * 10 + n
                parts.append(
                    f'<span class="J_attach_img_wrap"><div class="img_info J_img_info"><p>图片：{fname}</p></div>'
                    f'<img class="J_post_img J_lazy" src="/attachment/1409/thread/{aid}.jpg" style="max-width:700px;"'
                    f' alt="{fname}" /></span><br />\n{escape(cap)}<br />'
                )
                lines.append(cap)
            th["lines"] = lines
            th["html"] = "\n<br />\n".join(parts)
        elif shape == "qa":
            th["lines"] = spec["lines"]
            th["html"] = "\n".join(
                f"<p><strong>{escape(line[:2])}</strong>{escape(line[2:])}</p>" for line in spec["lines"]
            )
        else:  # lines / poem
            th["lines"] = spec["lines"]
            th["html"] = "<br />\n".join(escape(line) for line in spec["lines"])
        threads.append(th)
        by_title[th["title"]] = th

    # replies: most threads have a few; the reply floors are the comments
    pid = 5100
    for th in threads:
        th["replies"] = []
        if rng.random() < 0.25:
            continue
        t_day = int(th["time"][8:10])
        for n in range(rng.randint(2, 6)):
            pid += rng.randint(1, 4)
            who = rng.choice([u for u in uids if u != th["author"]])
            text = text_bank.sentence(forum_of[th["fid"]][1], rng)
            if rng.random() < 0.4:
                text += text_bank.sentence(forum_of[th["fid"]][1], rng)
            text += rng.choice(REPLY_TAILS)
            hh = int(th["time"][11:13]) + 1 + n * 2
            r_day = min(t_day + hh // 24, 28)
            th["replies"].append(
                {
                    "pid": pid,
                    "uid": who,
                    "time": f"{th['time'][:8]}{r_day:02d} {hh % 24:02d}:{rng.randint(0, 59):02d}",
                    "html": escape(text),
                }
            )
    return threads, by_title


def make_portal(rng: random.Random) -> list[dict]:
    """The portal's articles (CMS mode), each edited by one of the portal editors."""
    portal: list[dict] = []
    for n, (title, source) in enumerate(PORTAL_TITLES, 1):
        day = 40 + n * 23
        month, mday = _date_of(day)
        hh, mm = rng.randint(8, 18), rng.randint(0, 59)
        editor = PORTAL_EDITORS[n % 2][1]
        lines = text_bank.paragraphs("职场", rng, rng.randint(4, 6))
        portal.append(
            {
                "id": n,
                "title": title,
                "source": source,
                "author": editor,
                "date": f"2014-{month:02d}-{mday:02d}",
                "time": f"2014-{month:02d}-{mday:02d} {hh:02d}:{mm:02d}",
                "lines": lines,
                "hits": rng.randint(300, 5000),
                "title_only": n in (1, 2, 3),
                "jsonld_only": n in (3, 4, 5),
            }
        )
    return portal
