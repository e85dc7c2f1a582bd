"""The end of a crawl: what it learned applied to what it stored.

Pages are read as they arrive, in an order no one controls (a pool of extraction processes, many
workers): before their site's templates were learned, or before the list page that dates them.
This pass reads those pages again, so the archive a crawl leaves does not depend on that order.
The pipeline of a one-process crawl and the coordinator of a distributed one both end with it.
"""

from __future__ import annotations

import datetime as dt
import logging
from dataclasses import dataclass

from ..archive import ArchiveWriter
from ..archive.reextract import ExtractMany, Reextractor, late_dated, learn, page_urls, stale, unobserved
from ..contract import WriteCount
from ..extract.learn import TemplateLearner

logger = logging.getLogger(__name__)


@dataclass
class RunEnd:
    templates_learned: int = 0
    reextracted: int = 0
    layout_changed: int = 0  # new article templates on sites whose templates were known


def finish_run(writer: ArchiveWriter, learner: TemplateLearner | None, sites: list[str], timezone: str,
               started: str, extract_many: ExtractMany) -> RunEnd:
    """Learn the sites' templates from all their pages (learner None: the crawl uses none), store them,
    and re-extract the stored pages the final templates read differently (reextract.stale) or that
    were read before their list dates came (reextract.late_dated)."""
    end = RunEnd()
    if learner is None:
        end.reextracted = _read_again(writer, TemplateLearner(), late_dated(writer.db, sites), timezone, started,
                                      extract_many)
        return end
    end.reextracted = finish_sites(writer, learner, sites, timezone, started, extract_many)
    end.templates_learned = len(learner.all_templates())
    writer.write_templates(learner.groups(), dt.datetime.now(dt.UTC).isoformat(timespec="seconds"))
    end.layout_changed = sum(len(learner.new_article_templates(site)) for site in sites)
    if end.layout_changed:
        logger.warning("layout change: %d new article template(s) on sites whose templates were known",
                       end.layout_changed)
    return end


def finish_sites(writer: ArchiveWriter, learner: TemplateLearner, sites: list[str], timezone: str, started: str,
                 extract_many: ExtractMany) -> int:
    """The end pass of these sites alone (their templates are not stored): once a site has nothing left
    to fetch, the coordinator of a distributed crawl finishes it while the others are crawled, and the
    end of the run finds nothing of it to do. The pages read again."""
    db = writer.db
    # Pages an earlier run fetched but died before learning from count as evidence too, so a killed
    # crawl and its rerun end where one clean crawl ends.
    learn(db, learner, unobserved(db, learner, sites), timezone, extract_many=extract_many)
    learner.finish(sites)
    return _read_again(writer, learner, stale(db, learner, page_urls(db, sites), writer), timezone, started,
                       extract_many)


def _read_again(writer: ArchiveWriter, learner: TemplateLearner, urls: list[str], timezone: str, started: str,
                extract_many: ExtractMany) -> int:
    report = Reextractor(writer.db, learner, timezone, unversioned_since=started, extract_many=extract_many).run(urls)
    # Articles found only on re-reading are new to the archive; the pass's changes to records this run
    # wrote are not "changed" articles.
    writer.counts[WriteCount.ARTICLES_NEW] += report.articles_new
    writer.counts[WriteCount.ARTICLES_REMOVED] += report.articles_removed
    return report.pages
