"""The extractor: a pure function from a page's bytes (and what the crawler knows) to an Article.

`extract_article` is loaded on first use: a crawl's own process, whose pages are read in a pool,
never loads the extractor's rules (a quarter of a second of regular expressions to compile).
"""

from typing import TYPE_CHECKING, Any

from .model import Article, ExtractContext, FieldNote, Link, PageKind, Teaser

if TYPE_CHECKING:
    from .core import extract_article

__all__ = ["Article", "ExtractContext", "FieldNote", "Link", "PageKind", "Teaser", "extract_article"]


def __getattr__(name: str) -> Any:
    if name == "extract_article":
        from .core import extract_article

        return extract_article
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
