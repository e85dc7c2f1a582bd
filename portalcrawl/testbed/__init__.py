"""Test portals the extractor was not tuned on: sites rendered after the stock templates of
Chinese CMSes other than the ones the project models, each with its own truth.

Every site is a module in ``sites/`` that builds a ``TestSite``: its pages as bytes, and
what a correct archive of it holds. ``server.serve_testbed()`` serves them on 127.0.0.1,
one port per site, like separate hosts. The site templates are written from the CMSes'
own default themes, never from what the extractor expects, so a crawl of them measures
how portalcrawl does on templates it has not seen.
"""
