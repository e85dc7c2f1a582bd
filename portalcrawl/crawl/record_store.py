"""What the coordinator of a distributed crawl does with the records workers push: store them as a
one-process crawl's pipeline does, the page's template filled in from the evidence that came with it;
and the run's stats, from every worker's."""

from __future__ import annotations

import logging
from collections import Counter, OrderedDict
from typing import Any

from ..archive import ArchiveWriter
from ..archive.records import PageRecord
from ..contract import StatGroup
from ..extract.learn import TemplateLearner
from .page_reading import TemplateEvidence

logger = logging.getLogger(__name__)
MAX_PENDING_TEMPLATES = 10_000  # evidence waiting for its page record: a page's two items are adjacent


class RecordStore:
    """The records the workers push, stored as a one-process crawl's pipeline stores them."""

    def __init__(self, writer: ArchiveWriter, learner: TemplateLearner | None) -> None:
        self.writer = writer
        self.learner = learner
        self.templates: OrderedDict[str, str] = OrderedDict()  # url -> template id, until its page comes
        self.failed = 0

    def store(self, batch: list[Any]) -> bool:
        """Store a batch (item by item if it fails whole); False if none of its records could be."""
        records = []
        for item in batch:
            if isinstance(item, TemplateEvidence):
                if self.learner is not None:
                    self.templates[item.url] = self.learner.observe(item.site, item.url, item.evidence)
                    while len(self.templates) > MAX_PENDING_TEMPLATES:
                        self.templates.popitem(last=False)
                continue
            if isinstance(item, PageRecord) and item.url in self.templates:
                item.template = self.templates.pop(item.url)
            records.append(item)
        failed = self.writer.write_salvaging(records)
        for error in failed:
            logger.error("not stored: %s", error)
        self.failed += len(failed)
        return not records or len(failed) < len(records)


def merged_stats(worker_stats: list[dict[str, Any]], writer: ArchiveWriter, extra: dict[str, Any]) -> dict[str, Any]:
    """The run's stats: every worker's counters summed, and what the coordinator stored."""
    total: Counter[str] = Counter()
    for entry in worker_stats:
        total.update({key: value for key, value in entry["stats"].items() if not key.startswith(StatGroup.STORED)})
    stats: dict[str, Any] = dict(total)
    stats.update({StatGroup.STORED.key(key): value for key, value in writer.counts.items()})
    stats.update(extra)
    return stats
