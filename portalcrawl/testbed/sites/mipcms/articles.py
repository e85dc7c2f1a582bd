"""The ``mipcms`` site's articles as data: the specs of ``content.py`` shuffled, numbered and dated, their bodies
in MIP markup, with the flags that make the traps (title only, date only in JSON-LD, summary box), comments,
the near-copy, and one article linked under its old ``/article/<id>.html`` URL."""

from __future__ import annotations

import random
from datetime import date, timedelta

from portalcrawl.demo import text_bank

from .content import CATEGORIES, COMMENT_TAILS, COMMENTERS, specs
from .templates_blocks import esc


def make_articles(rng: random.Random) -> list[dict]:
    """Every article as a dict of the fields the templates print, in publication order."""
    all_specs = specs()
    order = [(cat, s) for cat, _name, _topic in CATEGORIES for s in all_specs[cat]]
    rng.shuffle(order)
    titles = [(c, s["title"]) for c, s in order]
    orig_i, copy_i = (
        titles.index(("zhichang", "跳槽之前，先算一算这笔账")),
        titles.index(("chuangye", "跳槽之前，先算一算这笔账")),
    )
    if copy_i < orig_i:
        order[orig_i], order[copy_i] = order[copy_i], order[orig_i]
    topic_of = {c: t for c, _n, t in CATEGORIES}

    arts: list[dict] = []
    aid, day = 35, 0
    originals: dict[str, dict] = {}
    prose_idx: list[int] = []
    for cat, spec in order:
        aid += rng.randint(1, 3)
        day += rng.randint(3, 8)
        when = date(2019, 1, 1) + timedelta(days=day)
        a = {
            "id": aid,
            "cat": cat,
            "title": spec["title"],
            "shape": spec.get("shape", "prose"),
            "tags": spec.get("tags", []),
            "date": when.isoformat(),
            "datetime": f"{when} {rng.randint(7, 22):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}",
            "views": rng.randint(80, 9000),
            "path": f"/{cat}/{aid}.html",
            "first_img": None,
        }
        shape = a["shape"]
        if shape == "prose":
            if spec.get("copy_of"):
                src = originals[spec["copy_of"]]
                lines = list(src["lines"])
                k = rng.randrange(len(lines))
                lines[k] = text_bank.sentence("职场", rng) + text_bank.sentence("职场", rng)
                lines.insert(0, "编者按：这篇文章在职场频道发过，最近很多读者问起，转到这里再分享一次。")
            else:
                lines = text_bank.paragraphs(topic_of[cat], rng, rng.randint(4, 7))
                originals[spec["title"]] = a
            if "Python" in a["title"]:
                lines.insert(0, "Python 写这类小工具特别顺手，下面是我的做法。")
            if "Excel" in a["title"]:
                lines.insert(0, "很多人天天用 Excel，却只会最基本的几个操作。")
            a["lines"] = lines
            a["html"] = "\n".join(f"<p>{esc(x)}</p>" for x in lines)
            prose_idx.append(len(arts))
        elif shape == "table":
            a["lines"] = [spec["intro"]] + [" ".join(r) for r in spec["rows"]]
            head, *rows = spec["rows"]
            trs = "<tr>" + "".join(f"<th>{esc(c)}</th>" for c in head) + "</tr>"
            trs += "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in r) + "</tr>" for r in rows)
            a["html"] = f"<p>{esc(spec['intro'])}</p>\n<table>\n<tbody>{trs}</tbody>\n</table>"
        elif shape == "gallery":
            parts = []
            for name, cap in spec["images"]:
                src = f"/uploads/2019/{a['date'][5:7]}/{name}{aid}.jpg"
                a["first_img"] = a["first_img"] or src
                parts.append(
                    f'<p><mip-img layout="responsive" width="640" height="427" src="{src}" alt="{esc(cap)}">'
                    f"</mip-img></p>\n<p>{esc(cap)}</p>"
                )
            a["lines"] = [cap for _n, cap in spec["images"]]
            a["html"] = "\n".join(parts)
        elif shape == "qa":
            a["lines"] = spec["lines"]
            a["html"] = "\n".join(f"<p><strong>{esc(x[:2])}</strong>{esc(x[2:])}</p>" for x in spec["lines"])
        else:
            a["lines"] = spec["lines"]
            a["html"] = "<p>" + "<br/>\n".join(esc(x) for x in spec["lines"]) + "</p>"
        arts.append(a)

    # flags over the prose articles: title only, date only in JSON-LD, summary box, comments
    picks = rng.sample(prose_idx, 12)
    for i in picks[:3]:
        arts[i]["title_only"] = True
    for i in picks[3:6]:
        arts[i]["jsonld_only"] = True
    for i in picks[4:10]:
        arts[i]["summary"] = True
    commented = rng.sample(range(len(arts)), 11)
    for i in commented:
        a = arts[i]
        a["comments"] = []
        for n in range(rng.randint(2, 5)):
            text = text_bank.sentence(topic_of[a["cat"]], rng) + rng.choice(COMMENT_TAILS)
            a["comments"].append(
                {
                    "name": rng.choice(COMMENTERS),
                    "time": f"{date.fromisoformat(a['date']) + timedelta(days=1 + n)} {rng.randint(7, 23):02d}:"
                    f"{rng.randint(0, 59):02d}",
                    "text": text,
                }
            )
    # one article links another in its body under the old /article/<id>.html URL
    linker, target = arts[picks[10]], arts[picks[11]]
    target["alias"] = f"/article/{target['id']}.html"
    line = f"延伸阅读：{target['title']}"
    linker["lines"].append(line)
    link = f'<a href="{{base}}{target["alias"]}" data-type="mip">{esc(target["title"])}</a>'
    linker["html"] += f"\n<p>延伸阅读：{link}</p>"
    return arts
