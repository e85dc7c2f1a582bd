from portalcrawl.demo.model import truth_as_json
from portalcrawl.demo.truth import load_truth


def test_shipped_truth_matches_the_portal_model() -> None:
    # If this fails, the demo portal changed: regenerate with `python -m portalcrawl.demo.truth`.
    assert load_truth() == truth_as_json()


def test_truth_covers_what_the_demo_promises() -> None:
    truth = load_truth()
    articles = truth["articles"]
    assert len(articles) >= 40
    assert {s["template"] for s in truth["sites"].values()} == {"dede", "phpcms"}
    assert "gbk" in {s["encoding"] for s in truth["sites"].values()}
    assert any("年" not in a["shown_date"] and a["shown_date"].endswith("日") for a in articles)
    assert any("年" in a["shown_date"] for a in articles)
    assert any(a["byline"] == f"{a['contributor']}投稿" for a in articles)
    assert any(a["byline"] == f"作者：{a['contributor']}" for a in articles)
    assert any(a["pages"] > 1 for a in articles)
    assert truth["missing"] and truth["redirects"]
    assert any(a["copy_of"] for a in articles)
