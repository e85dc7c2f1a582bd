"""A site's template as the extractor uses it: learned knowledge, passed in as data.

A ``Template`` is what the pages of one template of one site have shown (see ``learn.py``):
whether its pages are articles or lists, which element holds the article (the content slot)
and which the date and byline (the meta slot), which lines every page repeats (boilerplate),
and the site name around the headline in ``<title>``. The extractor takes the templates of the
page's site through ``ExtractContext.templates``, matches the page's skeleton to one, and uses
it where the page alone is ambiguous; with no templates it is the generic extractor.

``PageEvidence`` is what one page tells the learner, recorded by every extraction.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from .skeleton import similarity

# Two pages whose skeletons share this much (Jaccard) are built from one template.
SAME_TEMPLATE = 0.7


@dataclass(frozen=True)
class Template:
    site: str
    template_id: str
    skeleton: frozenset[str]
    kind: str | None = None  # "article" | "list" when the template's pages agree, else None
    content_path: str | None = None  # the element holding the article on this template's pages
    meta_path: str | None = None  # the element holding its date and byline
    boilerplate: frozenset[str] = frozenset()  # lines the template repeats on its pages
    title_prefix: str = ""  # the site name before the headline in <title> ("快传网-")
    title_suffix: str = ""  # ... or after it ("_快传网")
    pages: int = 0  # pages it was learned from
    example_url: str = ""
    learned: bool = True  # False: a group of pages still too small to learn from (never applied)

    @property
    def version(self) -> str:
        """Changes exactly when what the template tells the extractor changes."""
        content = json.dumps([self.kind, self.content_path, self.meta_path, sorted(self.boilerplate),
                              self.title_prefix, self.title_suffix], ensure_ascii=False)
        return hashlib.sha1(content.encode()).hexdigest()[:10]


@dataclass(frozen=True)
class PageEvidence:
    """What the generic extractor saw on one page, for learning its template."""

    skeleton: frozenset[str]
    kind: str  # the generic extractor's page kind
    confidence: float  # its confidence in that kind
    content_path: str | None  # where it found the body
    meta_path: str | None  # where it found the date
    page_title: str  # the <title>
    heading: str | None  # the headline it found in the page, if any
    lines: tuple[str, ...] = field(default=(), repr=False)  # the lines of the body's region
    template_id: str | None = None  # the template the extraction used, if any
    template_version: str | None = None


def match(skeleton: frozenset[str], templates: tuple[Template, ...] | list[Template]) -> Template | None:
    """The template this skeleton was built from, if any is close enough."""
    best, best_score = None, SAME_TEMPLATE
    for template in templates:
        score = similarity(skeleton, template.skeleton)
        if score >= best_score:
            best, best_score = template, score
    return best


def strip_affixes(title: str, template: Template) -> str:
    """<title> without the site's name around the headline."""
    if template.title_prefix and title.startswith(template.title_prefix) and len(title) > len(template.title_prefix):
        title = title[len(template.title_prefix):]
    if template.title_suffix and title.endswith(template.title_suffix) and len(title) > len(template.title_suffix):
        title = title[: -len(template.title_suffix)]
    return title.strip()
