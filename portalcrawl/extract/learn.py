"""Learn each site's templates from the pages a crawl extracts: zero configuration.

Pages are grouped by skeleton (see ``skeleton.py``): a page joins the template whose first
page's skeleton it shares most (Jaccard >= ``SAME_TEMPLATE``), or starts a new one. Per
template, from the generic extractor's evidence on its pages:

- its kind: the pages' kinds, weighted by confidence; decided only by a clear majority, so one
  odd page cannot flip a template, and an odd article on an article template stays an article;
- its content and meta slots: the paths where the generic extractor found the body and the date,
  voted over the pages where it was confident about an article;
- its boilerplate: lines of the body's region that repeat on many of its pages (disclaimers,
  "本文来源" notes, share prompts), counted whatever order the pages arrive in;
- per site, the site name around the headline in ``<title>``, from pages whose headline was found.

A template is applied at ``min_pages`` pages, learned again as its pages double; the crawl re-extracts
the pages its final version did not see (``reextract.py``). All kept is bounded, whatever the portal.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from .skeleton import similarity
from .template import SAME_TEMPLATE, PageEvidence, Template

MIN_PAGES = 5  # pages of a template before it is applied (see the learning curve in the README)
MAX_TEMPLATES = 64  # per site; further skeletons join the nearest template
MAX_LINES = 3000  # line counts kept per template (rare lines are pruned first)
MAX_BOILERPLATE = 300
MAX_TITLES = 200  # forms of <title> affixes counted per site (rare ones pruned beyond this)
MAX_VERSIONS = 8  # earlier versions of a template remembered in one run, to tell which pages they affect
MAX_OBSERVED = 100_000  # the last pages counted, remembered: a page fetched again in a run counts once
KIND_MAJORITY = 0.7
SLOT_VOTES, SLOT_MAJORITY = 3, 0.6
CONFIDENT_ARTICLE = 0.7
_TITLE_SEPARATOR = re.compile(r"[-_|｜–—·:：»«]")


@dataclass
class _Cluster:
    template_id: str
    skeleton: frozenset[str]
    example_url: str
    pages: int = 0  # pages built from it, in this and earlier runs
    observed: int = 0  # pages whose evidence this learner counted
    kind_votes: Counter[str] = field(default_factory=Counter)
    content_votes: Counter[str] = field(default_factory=Counter)
    meta_votes: Counter[str] = field(default_factory=Counter)
    lines: Counter[str] = field(default_factory=Counter)
    learned: Template | None = None
    history: dict[str, Template] = field(default_factory=dict)  # this run's versions, by version (bounded)
    next_learn: int = MIN_PAGES
    loaded: bool = False  # known from an earlier run
    fresh: int = 0  # pages observed since it was last learned


@dataclass
class _Site:
    clusters: list[_Cluster] = field(default_factory=list)
    titles: _TitleCounts = field(default_factory=lambda: _TitleCounts())
    cache: tuple[Template, ...] | None = None


def template_id(skeleton: frozenset[str]) -> str:
    """Stable across runs: the same skeleton always names the same template."""
    return "t" + hashlib.sha1("\n".join(sorted(skeleton)).encode()).hexdigest()[:8]


class TemplateLearner:
    """Groups a crawl's pages by template and learns each template; pure, no I/O."""

    def __init__(self, templates: Iterable[Template] = (), min_pages: int = MIN_PAGES) -> None:
        self.min_pages = min_pages
        self.sites: dict[str, _Site] = {}
        self.observed: OrderedDict[str, str] = OrderedDict()  # url -> its template, for pages counted lately
        for t in templates:
            # A known template changes only on as much new evidence as it was learned from.
            cluster = _Cluster(t.template_id, t.skeleton, t.example_url, pages=t.pages,
                               learned=t if t.learned else None, next_learn=max(min_pages, t.pages), loaded=True)
            self.sites.setdefault(t.site, _Site()).clusters.append(cluster)

    def templates(self, site: str) -> tuple[Template, ...]:
        """The site's learned templates, as the extractor takes them in its context."""
        state = self.sites.get(site)
        if state is None:
            return ()
        if state.cache is None:
            state.cache = tuple(c.learned for c in state.clusters if c.learned is not None)
        return state.cache

    def template_ids(self, site: str) -> set[str]:
        """Every template this learner groups the site's pages in (learned or still learning)."""
        state = self.sites.get(site)
        return {c.template_id for c in state.clusters} if state else set()

    def group_of(self, site: str, skeleton: frozenset[str]) -> str | None:
        """The template a page of this skeleton belongs to, without counting it."""
        state = self.sites.get(site)
        if state is None:
            return None
        best = max(state.clusters, key=lambda c: similarity(skeleton, c.skeleton), default=None)
        return best.template_id if best is not None and similarity(skeleton, best.skeleton) >= SAME_TEMPLATE else None

    def affects(self, site: str, template_id: str, version: str | None, kind: str | None,
                lines: frozenset[str]) -> bool:
        """Would the template's final version read a page differently from the version that read it?

        ``version`` None: the page was read without its template. ``kind`` is what the page was found to
        be, ``lines`` what its record kept. Only what differs between the two versions can matter: a
        boilerplate line an article's record never kept, or a list template's list page, changes nothing.
        The site name always may: a heading that repeats it is the logo's, not the headline.
        """
        state = self.sites.get(site)
        cluster = next((c for c in state.clusters if c.template_id == template_id), None) if state else None
        final = cluster.learned if cluster else None
        if final is None:
            return version is not None
        if version == final.version:
            return False
        if version is None:
            return not (final.kind == "list" and kind == "list")
        old = cluster.history.get(version)
        if old is None or (old.kind, old.content_path, old.meta_path) != (final.kind, final.content_path,
                                                                          final.meta_path):
            return True
        if (old.title_prefix, old.title_suffix) != (final.title_prefix, final.title_suffix):
            return True  # the site name decides the headline: <title> without it, or a logo's heading dropped
        if old.boilerplate - final.boilerplate or (old.boilerplate != final.boilerplate and kind != "article"):
            return True  # lines it dropped are kept now; or a page without a record, whose lines are not known
        return bool((final.boilerplate - old.boilerplate) & lines)  # its record kept a line now dropped

    def knows(self, site: str) -> bool:
        """Whether the site's templates came from an earlier run."""
        state = self.sites.get(site)
        return state is not None and any(c.loaded for c in state.clusters)

    def all_templates(self) -> list[Template]:
        return [t for site in self.sites for t in self.templates(site)]

    def groups(self) -> list[Template]:
        """Every template, the ones still learning too (``learned=False``): what the archive keeps, so
        the next run goes on grouping the site's pages the same way."""
        return [c.learned or Template(site=site, template_id=c.template_id, skeleton=c.skeleton, pages=c.pages,
                                      example_url=c.example_url, learned=False)
                for site, state in self.sites.items() for c in state.clusters]

    def observe(self, site: str, url: str, evidence: PageEvidence) -> str:
        """Count one page's evidence; return the id of the template it belongs to. A page counts once: one
        fetched again (a killed worker's lease, an article's part reached twice) would weigh twice, and
        what is learned would depend on who fetched what when."""
        if (known := self.observed.get(url)) is None:
            known = self.observed[url] = self._observe(site, url, evidence)
            if len(self.observed) > MAX_OBSERVED:
                self.observed.popitem(last=False)
        return known

    def _observe(self, site: str, url: str, evidence: PageEvidence) -> str:
        state = self.sites.setdefault(site, _Site())
        cluster = self._cluster(state, evidence.skeleton, url)
        cluster.pages += 1
        cluster.observed += 1
        cluster.fresh += 1
        # A vote weighs what the page's evidence is worth beyond a coin toss: a list recognised by its
        # structure outweighs a page that is an "article" only for want of anything better.
        cluster.kind_votes[evidence.kind] += max(evidence.confidence - 0.5, 0.02)
        if evidence.kind == "article" and evidence.confidence >= CONFIDENT_ARTICLE:
            if evidence.content_path:
                cluster.content_votes[evidence.content_path] += 1
            if evidence.meta_path:
                cluster.meta_votes[evidence.meta_path] += 1
        cluster.lines.update(set(evidence.lines))
        if len(cluster.lines) > MAX_LINES:
            cluster.lines = Counter({k: v for k, v in cluster.lines.items() if v > 1})
        state.titles.add(evidence.page_title, evidence.heading)
        if cluster.observed >= cluster.next_learn:
            cluster.next_learn = cluster.observed * 2
            self._learn(site, state, cluster)
        return cluster.template_id

    def finish(self, sites: Iterable[str] | None = None) -> list[Template]:
        """Learn every template (of these sites) again from all its pages (the end of a crawl, or of a
        site's part in it); return them all."""
        chosen = self.sites.keys() if sites is None else set(sites)
        for site, state in ((site, state) for site, state in self.sites.items() if site in chosen):
            for cluster in state.clusters:
                enough = cluster.observed >= (cluster.learned.pages if cluster.loaded and cluster.learned
                                              else self.min_pages)
                if cluster.fresh and enough:
                    self._learn(site, state, cluster)
        return self.all_templates()

    def new_article_templates(self, site: str) -> list[Template]:
        """Article templates first seen in this run on a site whose templates were known: a new layout."""
        state = self.sites.get(site)
        if state is None or not any(c.loaded for c in state.clusters):
            return []
        return [c.learned for c in state.clusters
                if not c.loaded and c.learned is not None and c.learned.kind == "article"]

    def _cluster(self, state: _Site, skeleton: frozenset[str], url: str) -> _Cluster:
        best, best_score = None, -1.0
        for cluster in state.clusters:
            score = similarity(skeleton, cluster.skeleton)
            if score > best_score:
                best, best_score = cluster, score
        if best is not None and (best_score >= SAME_TEMPLATE or len(state.clusters) >= MAX_TEMPLATES):
            return best
        cluster = _Cluster(template_id(skeleton), skeleton, url, next_learn=self.min_pages)
        state.clusters.append(cluster)
        return cluster

    def _learn(self, site: str, state: _Site, cluster: _Cluster) -> None:
        old = cluster.learned
        total = sum(cluster.kind_votes.values())
        kind = old.kind if old else None
        if total:
            top, weight = cluster.kind_votes.most_common(1)[0]
            kind = top if weight >= KIND_MAJORITY * total and top in ("article", "list") else None
        content = _winner(cluster.content_votes) or (old.content_path if old else None)
        meta = _winner(cluster.meta_votes) or (old.meta_path if old else None)
        floor = max(3, 0.1 * cluster.observed)
        # A line once found to be the template's stays so: template text does not turn into article
        # text, and pages read with an earlier version need no second reading for lines it dropped.
        repeated = set(old.boilerplate) if old else set()
        for line, n in cluster.lines.most_common(MAX_BOILERPLATE):
            if n < floor or len(repeated) >= MAX_BOILERPLATE:
                break
            repeated.add(line)
        prefix, suffix = state.titles.affixes()
        cluster.learned = Template(
            site=site, template_id=cluster.template_id, skeleton=cluster.skeleton, kind=kind,
            content_path=content if kind == "article" else None, meta_path=meta if kind == "article" else None,
            boilerplate=frozenset(repeated), title_prefix=prefix, title_suffix=suffix, pages=cluster.pages,
            example_url=cluster.example_url)
        if old is not None:
            cluster.learned = replace(cluster.learned, pages=max(cluster.pages, old.pages))
            cluster.history[old.version] = old
            while len(cluster.history) > MAX_VERSIONS:
                cluster.history.pop(next(iter(cluster.history)))
        cluster.fresh = 0
        state.cache = None


def _winner(votes: Counter[str]) -> str | None:
    total = sum(votes.values())
    if not total:
        return None
    top, n = votes.most_common(1)[0]
    return top if n >= SLOT_VOTES and n >= SLOT_MAJORITY * total else None


class _TitleCounts:
    """What stands around the headline in the site's <title>s, counted over every page (not a window of
    recent ones, so the answer does not depend on the order pages come in); rare forms are pruned."""

    def __init__(self) -> None:
        self.prefixes: Counter[str] = Counter()  # from pages whose headline was found
        self.suffixes: Counter[str] = Counter()
        self.starts: Counter[str] = Counter()  # the first and last separated segment of any title
        self.ends: Counter[str] = Counter()
        self.with_heading = 0
        self.titles = 0

    def add(self, title: str, heading: str | None) -> None:
        if not title:
            return
        self.titles += 1
        if heading and len(heading) >= 2 and heading in title:
            self.with_heading += 1
            at = title.index(heading)
            before, after = title[:at], title[at + len(heading):]
            # Every separator-delimited part of what surrounds it: "_栏目3_大门户" counts "_大门户" too,
            # so the site name common to all columns wins over each column's name.
            self.prefixes.update({before[: m.end()] for m in _TITLE_SEPARATOR.finditer(before)} | {before})
            self.suffixes.update({after[m.start():] for m in _TITLE_SEPARATOR.finditer(after)} | {after})
        seps = list(_TITLE_SEPARATOR.finditer(title))
        if seps:
            self.starts[title[: seps[0].end()]] += 1
            self.ends[title[seps[-1].start():]] += 1
        for counts in (self.prefixes, self.suffixes, self.starts, self.ends):
            if len(counts) > MAX_TITLES:
                for key in [k for k, n in counts.items() if n == 1]:
                    del counts[key]

    def affixes(self) -> tuple[str, str]:
        """The site name before and after headlines: learned from pages whose headline was found,
        else the segment most titles share at their start or end."""
        if self.with_heading >= 3:
            return _common(self.prefixes, self.with_heading), _common(self.suffixes, self.with_heading)
        return _common(self.starts, self.titles), _common(self.ends, self.titles)


def _common(counts: Counter[str], total: int) -> str:
    """The longest affix that at least half of the titles share."""
    shared = [a for a, n in counts.items() if a.strip() and n >= 3 and n >= 0.5 * total and len(a) <= 40]
    return max(shared, key=lambda a: (counts[a], len(a)), default="")
