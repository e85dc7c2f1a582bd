"""An archive for the research tests: a copy of the real demo crawl, plus articles written through
the real ArchiveWriter in mixed scripts (Latin, full-width, accents, punctuation) that the demo
portal lacks."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

from portalcrawl.archive import Archive, ArchiveWriter
from portalcrawl.archive.records import ArticleRecord

MIXED_SITE = "http://mixed.example"
MIXED = [
    ("OpenAI发布GPT-5模型", "周二，OpenAI在旧金山发布了GPT-5。\n新模型的上下文更长，iPhone 15用户可以直接体验。"),
    ("咖啡馆里的Café文化", "这家Café开在县城，招牌上写着CAFÉ和café两种写法。\nＦｕｌｌ宽的字母也有：ＡＢＣ。"),
    ("标点测试", "城，墙。城墙……“引号”里的字；A-B C\n第二段 e\u0301 和 é 不是同一串。"),
    ("数字与编号", "2015年8月4日，第1、2、3期合订本。\n编号 No.42 与 no.43。"),
]


def copy_archive(source: Path, target: Path) -> Path:
    """A private copy (SQLite's backup API: consistent even with a WAL beside the source)."""
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    return target


def article(url: str, title: str, body: str, site: str = MIXED_SITE, published: str = "2024-05-01") -> ArticleRecord:
    digest = hashlib.sha1(f"{title}\n{body}".encode()).hexdigest()
    return ArticleRecord(url=url, site=site, title=title, published=published, published_source="test",
                         contributor="测试", source=None, editor=None, category="测试", body=body,
                         fetched_at="2024-05-02T00:00:00+00:00", content_hash=digest)


def add_articles(db_path: Path, records: list[ArticleRecord]) -> None:
    db = Archive(db_path, write=True).db
    try:
        ArchiveWriter(db).write(records)
    finally:
        db.close()


def research_archive(demo_db: Path, target: Path) -> Path:
    copy_archive(demo_db, target)
    add_articles(target, [article(f"{MIXED_SITE}/a/{n}.html", title, body) for n, (title, body) in enumerate(MIXED)])
    return target
