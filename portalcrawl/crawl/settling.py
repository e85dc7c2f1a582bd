"""A distributed crawl's end pass, done while the workers crawl: the coordinator reads again the pages
stored before their template was learned, as soon as it is, in the time it would spend waiting.

The end pass (crawl/finishing.py) stays the guarantee; this only leaves it less to do, off the
critical path: at the end the coordinator is the one process working, during the crawl it mostly
waits on the network like everyone else.

A page is read again only once every record read from it is stored, or the crawl's own record could
land after the new reading and undo it. Its worker pushes all of a page's records before it ends the
page's lease; so a page that held no lease at a checkpoint (one atomic look at the records pushed so
far and the leases held), whose page record came before the checkpoint, is complete once the
coordinator has stored every record pushed before it. A page fetched again (a killed worker's
lease), and an article of several pages (its record comes with its last page), wait for the end pass.

A site that had nothing queued and nothing leased at such a checkpoint has nothing more to come (a
worker queues a page's new requests before its lease ends): its part of the end pass is done then.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from ..archive import ArchiveWriter
from ..archive.building import extraction_stamp
from ..archive.records import PageRecord
from ..archive.reextract import ExtractMany, Reextractor, single_generic_pages
from ..contract import EXTRACTED_KINDS, WriteCount
from ..extract.learn import TemplateLearner
from .finishing import finish_sites

MAX_WAITING = 50_000  # pages waiting for their template (the oldest are left to the end pass)
STEP = 40  # pages read again at a time, between two looks for records to store


@dataclass(frozen=True)
class Checkpoint:
    pushed: int  # records pushed by then (stored and waiting)
    leased: frozenset[str]  # URLs whose lease was held then
    busy: frozenset[str]  # sites with requests queued or leased then


@dataclass(frozen=True)
class _Waiting:
    seq: int  # records stored up to and including its page record
    url: str
    site: str
    template: str | None


class Settler:
    """The pages waiting for their template, and the checkpoints that say which are complete."""

    def __init__(self, writer: ArchiveWriter, learner: TemplateLearner, timezone: str, started: str,
                 extract_many: ExtractMany, sites: list[str]) -> None:
        self.writer, self.learner = writer, learner
        self.timezone, self.started, self.extract_many = timezone, started, extract_many
        self.sites = sites
        self.finished: set[str] = set()  # the sites whose end pass is done
        self.reextractor = Reextractor(writer.db, learner, timezone, unversioned_since=started,
                                       extract_many=extract_many, single_pages=True)
        self.waiting: deque[_Waiting] = deque()
        self.checkpoints: deque[Checkpoint] = deque()
        self.read_again = 0
        self.counted = (0, 0)  # the reextractor's new and removed articles already added to the writer's counts
        self.generic = extraction_stamp(None)  # the stamp of a page read without a template
        self.scanned: Checkpoint | None = None  # the checkpoint of the last look that left nothing to read

    def note(self, records: list[object], stored: int) -> None:
        """A batch just stored (`stored`: records stored so far): its pages read without a template."""
        for record in records:
            if isinstance(record, PageRecord) and record.kind in EXTRACTED_KINDS and \
                    record.extracted_with == self.generic:
                self.waiting.append(_Waiting(stored, record.url, record.site, record.template))
        while len(self.waiting) > MAX_WAITING:
            self.waiting.popleft()

    def checkpoint(self, point: Checkpoint) -> None:
        self.checkpoints.append(point)

    def step(self, stored: int, fetched_again: set[str]) -> int:
        """Finish a site that has nothing more to come, or read again up to STEP complete pages whose
        template is learned; how many pages were read."""
        point = None
        while self.checkpoints and self.checkpoints[0].pushed <= stored:
            point = self.checkpoints.popleft()  # the latest whose records are all stored
        if point is not None:
            self.checkpoints.appendleft(point)
            if done := next((s for s in self.sites if s not in self.finished and s not in point.busy), None):
                return self._finish(done)
        if point is None or point is self.scanned or not self.waiting:
            return 0  # a page becomes readable only with a new checkpoint (templates change between them)
        chosen, kept = [], deque()
        for page in self.waiting:
            complete = page.seq <= point.pushed and page.url not in point.leased
            if len(chosen) < STEP and complete and page.url not in fetched_again and self._learned(page):
                chosen.append(page.url)
            elif page.url not in fetched_again and page.site not in self.finished:
                kept.append(page)
        self.waiting = kept
        if len(chosen) < STEP:
            self.scanned = point
        urls = single_generic_pages(self.writer.db, chosen)
        if not urls:
            return 0
        report = self.reextractor.run(urls)
        # As at the end pass: articles found only on reading again are new; the rest changes this run's own.
        self.writer.counts[WriteCount.ARTICLES_NEW] += report.articles_new - self.counted[0]
        self.writer.counts[WriteCount.ARTICLES_REMOVED] += report.articles_removed - self.counted[1]
        self.counted = (report.articles_new, report.articles_removed)
        self.read_again += len(urls)
        return len(urls)

    def _finish(self, site: str) -> int:
        """One site's end pass (finishing.py), while the others are crawled; its pages read again (at
        least 1: a step that did something)."""
        self.finished.add(site)
        pages = finish_sites(self.writer, self.learner, [site], self.timezone, self.started, self.extract_many)
        self.read_again += pages
        return max(pages, 1)

    def _learned(self, page: _Waiting) -> bool:
        return any(t.template_id == page.template for t in self.learner.templates(page.site))
