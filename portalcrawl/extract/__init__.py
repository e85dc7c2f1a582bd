"""The extractor: a pure function from a page's bytes (and what the crawler knows) to an Article."""

from .core import extract_article
from .model import Article, ExtractContext, FieldNote, Link, PageKind, Teaser

__all__ = ["Article", "ExtractContext", "FieldNote", "Link", "PageKind", "Teaser", "extract_article"]
