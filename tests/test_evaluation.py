"""The scoring definitions of shared/corpus/README.md, and the runner's isolation of peers."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from portalcrawl.evaluation.corpus import CorpusError, load_corpus
from portalcrawl.evaluation.evaluate import run_system, score_page
from portalcrawl.evaluation.rendering import render
from portalcrawl.evaluation.scoring import (
    author_contains,
    author_exact,
    body_prf,
    body_tokens,
    date_match,
    snippet_found,
    title_match,
)
from portalcrawl.evaluation.systems import Prediction, _day


def test_tokens_are_cjk_characters_and_latin_runs() -> None:
    assert body_tokens("微商ABC 123，ｄｅｆ！") == ["微", "商", "abc", "123", "def"]


def test_body_f1_is_a_bag_of_tokens_measure() -> None:
    assert body_prf("甲乙丙丁", "甲乙丙丁").f1 == 1.0
    prf = body_prf("甲乙丙丁戊己", "甲乙丙丁")
    assert (round(prf.precision, 3), prf.recall) == (0.667, 1.0)
    assert body_prf("", "甲").f1 == 0.0 and body_prf("", "").f1 == 1.0
    assert body_prf("丁丙乙甲", "甲乙丙丁").f1 == 1.0  # order does not matter


def test_field_matches() -> None:
    assert title_match("微商生死劫：小则强，大则亡", "微商生死劫 小则强 大则亡")
    assert not title_match("微商生死劫", None)
    assert date_match("2015-08-04T10:20:00", "2015-08-04")
    assert author_exact("ＺboyGirl", "zboygirl")
    assert author_contains("王燕平 方云凤", "刘国栋 周炜 王燕平 方云凤 柏建斌")
    assert not author_contains("", "斩情道")


def test_peer_dates_are_normalised() -> None:
    assert _day("2005-7-31 12:30") == "2005-07-31" and _day("2023/03/17") == "2023-03-17"
    assert _day(None) is None and _day("no date") is None


@pytest.mark.slow  # three worker processes, one per pass
def test_a_failing_system_costs_only_its_row(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "page.html").write_text("<p>正文。</p>", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text('{"id": "p", "path": "p", "body": "正文。"}\n', encoding="utf-8")
    pages = load_corpus(tmp_path)
    broken = run_system("no-such-system", tmp_path, pages, timeout=60, repeat=1)
    assert broken.failure and not broken.pages
    ours = run_system("portalcrawl", tmp_path, pages, timeout=60, repeat=2)
    assert ours.failure is None and ours.pages[0].f1 == 1.0


def test_snippet_truth_is_scored_by_passages_found(tmp_path: Path) -> None:
    assert snippet_found("The  quick\nbrown fox", "quick brown") and not snippet_found("quick", "quick brown")
    assert snippet_found("ＡＢＣ def", "ABCdef")  # NFKC, whitespace removed on both sides
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "page.html").write_text("<p>Story.</p>", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text(
        '{"id": "p", "path": "p", "lang": "en", "body": null, "body_must_include": ["first passage", '
        '"second passage"], "body_must_exclude": ["Share this"]}\n', encoding="utf-8")
    (page,) = load_corpus(tmp_path)
    assert page.body is None and page.must_include == ("first passage", "second passage")
    score = score_page(page, Prediction("first passage. Share this", None, None, None), 0.01, None)
    assert (score.f1, score.snippets, score.snippets_found, score.excluded_found) == (None, 2, 1, 1)
    result = run_system("portalcrawl", tmp_path, [page], timeout=60, repeat=1)
    assert result.body_f1() is None and result.snippet_recall() == 0.0
    assert "snippets" in render([result], 1, 1)


def test_a_page_needs_a_body_or_snippets(tmp_path: Path) -> None:
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "page.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "manifest.jsonl").write_text('{"id": "p", "path": "p", "body": null}\n', encoding="utf-8")
    with pytest.raises(CorpusError, match="missing body"):
        load_corpus(tmp_path)


def _truth_file(tmp_path: Path) -> Path:
    """A truth file kept apart from its pages (as a project keeps labels of pages it does not own)."""
    pages = tmp_path / "pages"
    for n, (host, body) in enumerate([("news.a.com.cn", "甲乙丙丁"), ("www.a.com.cn", "甲乙丙丁"),
                                      ("b.org", "戊己庚辛"), (None, "壬癸")]):
        (pages / f"p{n}").mkdir(parents=True)
        head = f'<link rel="canonical" href="http://c.net/{n}.html">' if host is None else ""
        (pages / f"p{n}" / "page.html").write_text(f"<html><head>{head}</head><body><p>{body}。</p></body></html>",
                                                  encoding="utf-8")
    rows = [{"id": f"p{n}", "path": f"../pages/p{n}", "url": f"http://{host}/{n}.html" if host else None,
             "body": body, "kind": "article"}
            for n, (host, body) in enumerate([("news.a.com.cn", "甲乙丙丁"), ("www.a.com.cn", "甲乙丙丁"),
                                              ("b.org", "戊己庚辛"), (None, "壬癸")])]
    rows.append({"id": "p0-list", "path": "../pages/p0", "url": "http://b.org/", "body": None, "kind": "list"})
    truth = tmp_path / "labels" / "truth.jsonl"
    truth.parent.mkdir()
    truth.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return truth


def test_a_truth_file_names_sites_and_kinds(tmp_path: Path) -> None:
    pages = load_corpus(_truth_file(tmp_path))  # paths are relative to the truth file's folder
    assert [p.site for p in pages] == ["a.com.cn", "a.com.cn", "b.org", "c.net", "b.org"]
    assert pages[-1].body is None and pages[-1].kind == "list"


def test_leave_one_site_out_recomputes_each_figure_without_each_site(tmp_path: Path) -> None:
    truth = _truth_file(tmp_path)
    pages = load_corpus(truth)
    result = run_system("portalcrawl", truth, pages, timeout=60, repeat=1)
    # p0 is read as an article where the truth says list: one list page called an article.
    result.pages[-1].prediction.kind = "article"
    result.pages[-1].kind_ok = False
    for score, f1 in zip(result.pages[:4], (1.0, 1.0, 0.5, 0.0), strict=True):
        score.f1 = f1
    folds = result.folds()
    assert folds is not None and folds.sites == 3
    # without a.com.cn: (0.5 + 0) / 2; without b.org: (1 + 1 + 0) / 3; without c.net: (1 + 1 + 0.5) / 3
    assert folds.worst["body_f1"] == 0.25
    assert abs(folds.mean["body_f1"] - (0.25 + 2 / 3 + 2.5 / 3) / 3) < 1e-9
    assert result.lists_called_articles == 1
    report = render([result], len(pages), 5)
    assert "leave-one-site-out over 3 sites" in report and "1 list→art" in report


def test_a_field_a_system_does_not_extract_is_not_scored_as_wrong(tmp_path: Path) -> None:
    truth = _truth_file(tmp_path)
    pages = load_corpus(truth)
    result = run_system("portalcrawl", truth, pages, timeout=60, repeat=1)
    result.name = "htmldate"  # the same scored pages, as a date-only system would have them
    for score in result.pages:
        score.author_contains = False
    assert result.author_contains is None and result.body_f1() is None and result.title is None
    assert result.folds().mean["author_contains"] is None


@pytest.mark.slow  # a pool of two processes per pass
def test_the_evaluation_reads_pages_in_the_extraction_pool_with_the_same_results(tmp_path: Path) -> None:
    from portalcrawl.evaluation.evaluate import evaluate

    lines = []
    for n in range(6):
        (tmp_path / f"p{n}").mkdir()
        (tmp_path / f"p{n}" / "page.html").write_text(
            f"<html><body><h1>标题{n}</h1>"
            + "".join(f"<p>第{n}篇第{k}段正文，说明这一段的内容。</p>" for k in range(5)) + "</body></html>",
            encoding="utf-8")
        lines.append(f'{{"id": "p{n}", "path": "p{n}", "body": "第{n}篇第0段正文，说明这一段的内容。"}}')
    (tmp_path / "manifest.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    here, pooled = (evaluate(tmp_path, ["portalcrawl"], repeat=1, processes=n)[0] for n in (0, 2))
    assert here.failure is None and pooled.failure is None
    assert [(p.id, p.f1, p.title_ok) for p in here.pages] == [(p.id, p.f1, p.title_ok) for p in pooled.pages]
    assert all(p.seconds > 0 for p in pooled.pages)
