"""The crawl: everything the spiders use (Scrapy settings, middlewares, the progress extension, the
pipeline into the archive, URL rules, listings, page reading) and running a crawl in-process.
The spiders themselves live in the top-level ``spiders`` package and are found by name."""
