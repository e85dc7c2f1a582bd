"""Every request that waited for a site's robots.txt is judged by it (crawl/robots.py)."""

from __future__ import annotations

import pytest

from portalcrawl.demo.server import serve_demo

from .conftest import FAST, run_cli

pytestmark = pytest.mark.slow


def test_requests_that_wait_together_for_robots_txt_are_all_refused(tmp_path) -> None:
    """Four start URLs of one site, all disallowed, wait together for its robots.txt: Scrapy's own
    middleware let all but the first through."""
    with serve_demo() as server:
        base = server.start_urls[0].rstrip("/")  # the DedeCMS-like portal: its robots.txt disallows /plus/
        urls = [f"{base}/plus/{name}.php" for name in ("a", "b", "c", "d")]
        proc = run_cli("crawl", *urls, "--db", str(tmp_path / "r.db"), "--max-depth", "0", *FAST)
        served = [site.requests for site in server.sites.values()]
    assert "skipped           robots 4" in proc.stdout, proc.stdout + proc.stderr
    assert not [path for requests in served for _, path, _ in requests if path.startswith("/plus/")]
