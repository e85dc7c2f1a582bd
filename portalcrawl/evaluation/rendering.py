"""Plain-text report of an evaluation: the table, speed ratios, slowest and worst pages."""

from __future__ import annotations

from .evaluate import SPEED_PEERS, PageScore, SystemResult


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{100 * value:.1f}%"


def _num(value: float | None, digits: int = 3) -> str:
    return "–" if value is None else f"{value:.{digits}f}"


def _kind(result: SystemResult) -> str:
    if result.kind is None:
        return "–"
    return f"{_pct(result.kind)} ({result.lists_called_articles} list→art)"


def table(results: list[SystemResult]) -> str:
    head = ("system", "body F1", "clean", "fail", "F1 GBK", "F1 UTF-8", "snippets", "title", "date", "author",
            "auth ⊂", "kind", "pages/s")
    rows = [head]
    for r in results:
        if r.failure:
            rows.append((r.name, f"failed: {r.failure}", *[""] * (len(head) - 2)))
            continue
        rows.append((r.name, _num(r.body_f1()), _pct(r.share(0.9, 1.01)), _pct(r.share(0.0, 0.5)),
                     _num(r.body_f1("gbk")), _num(r.body_f1("utf-8")), _num(r.snippet_recall()), _pct(r.title),
                     _pct(r.date),
                     _pct(r.author_exact), _pct(r.author_contains), _kind(r), _num(r.pages_per_second, 1)))
    widths = [max(len(str(row[i])) for row in rows if len(row) > i and not str(row[1]).startswith("failed"))
              for i in range(len(head))]
    lines = []
    for n, row in enumerate(rows):
        if str(row[1]).startswith("failed"):
            lines.append(f"| {row[0]:<{widths[0]}} | {row[1]}")
            continue
        lines.append("| " + " | ".join(f"{c!s:<{w}}" for c, w in zip(row, widths, strict=True)) + " |")
        if n == 0:
            lines.append("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    return "\n".join(lines)


def by_language(results: list[SystemResult]) -> list[str]:
    """Body F1 and snippet recall per language, when the corpus has more than one."""
    languages = sorted({lang for r in results if not r.failure for lang in r.languages})
    if len(languages) < 2:
        return []
    lines = ["by language (body F1 / snippet recall):"]
    for r in results:
        if r.failure or not r.scores_body:
            continue
        cells = [f"{lang} {_num(r.body_f1(lang=lang))}/{_num(r.snippet_recall(lang))}" for lang in languages]
        lines.append(f"  {r.name:<12} " + "  ".join(cells))
    return [*lines, ""]


def leave_one_site_out(results: list[SystemResult]) -> list[str]:
    """Each figure recomputed without one site at a time: the mean over sites and the worst such fold."""
    rows = [(r.name, r.folds()) for r in results if not r.failure]
    rows = [(name, f) for name, f in rows if f is not None]
    if not rows:
        return []
    metrics = (("body_f1", "body F1", _num), ("snippet_recall", "snippets", _num), ("date", "date", _pct),
               ("author_contains", "auth ⊂", _pct))
    lines = [f"leave-one-site-out over {rows[0][1].sites} sites (mean of the folds / worst fold):"]
    for name, folds in rows:
        cells = [f"{label} {fmt(folds.mean[key])}/{fmt(folds.worst[key])}" for key, label, fmt in metrics
                 if folds.mean[key] is not None]
        lines.append(f"  {name:<12} " + "  ".join(cells))
    return [*lines, ""]


def speed_ratios(results: list[SystemResult], ours: str = "portalcrawl") -> list[str]:
    by_name = {r.name: r for r in results if not r.failure and r.pages_per_second}
    if ours not in by_name:
        return []
    mine = by_name[ours].pages_per_second or 0.0
    lines = [f"speed: {ours} is {mine / r.pages_per_second:.1f}x {name}"
             for name, r in by_name.items() if name != ours and r.pages_per_second]
    peers = [by_name[n].pages_per_second for n in SPEED_PEERS if n in by_name]
    if peers:
        lines.append(f"speed: {ours} is {mine / max(peers):.1f}x the fastest of {', '.join(SPEED_PEERS)}")
    return lines


def slowest(result: SystemResult, n: int = 5) -> list[str]:
    rows = sorted(result.pages, key=lambda p: -p.seconds)[:n]
    return [f"  {p.seconds * 1000:7.1f} ms  {p.id}" for p in rows]


def worst(result: SystemResult, n: int) -> list[str]:
    lines = []
    def badness(p: PageScore) -> float:
        return p.f1 if p.f1 is not None else p.snippets_found / p.snippets if p.snippets else 1.0

    for p in sorted(result.pages, key=badness)[:n]:
        score = f"F1 {p.f1:.3f} (P {p.precision:.2f} R {p.recall:.2f})" if p.f1 is not None \
            else f"snippets {p.snippets_found}/{p.snippets}"
        lines.append(f"  {p.id}  {score} [{p.encoding}]" + (f"  error: {p.error}" if p.error else ""))
        lines.extend(f"      missing: {m[:90]}" for m in p.missing)
        lines.extend(f"      leaked:  {m[:90]}" for m in p.leaked)
        if p.date_ok is False:
            lines.append(f"      date: got {p.prediction.date}")
        if p.author_contains is False:
            lines.append(f"      author: got {p.prediction.author}")
        if p.kind_ok is False:
            lines.append(f"      kind: got {p.prediction.kind}")
    return lines


def render(results: list[SystemResult], pages: int, worst_n: int) -> str:
    out = [f"{pages} pages; body F1 is macro-averaged over pages with a whole body; clean = F1 >= 0.9, fail = "
           "F1 < 0.5; snippets: share of the snippet truth's passages found; date over pages with a full date "
           "in the truth; author exact and contained either way.", "", table(results), ""]
    out.extend(leave_one_site_out(results))
    out.extend(by_language(results))
    out.extend(speed_ratios(results))
    ours = next((r for r in results if r.name == "portalcrawl" and not r.failure), None)
    if ours is not None:
        out += ["", "slowest pages (portalcrawl):", *slowest(ours)]
        if worst_n:
            out += ["", f"worst {worst_n} pages (portalcrawl):", *worst(ours, worst_n)]
    return "\n".join(out)
