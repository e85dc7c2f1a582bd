"""Measure extraction against labelled pages (the manifest format of the shared corpus)."""
