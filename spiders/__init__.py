"""Spiders: they decide what to fetch next and hand pages to the extractor."""
