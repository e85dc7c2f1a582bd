"""Scheduled harvests: a list of portals, crawled incrementally, safely and observably."""
