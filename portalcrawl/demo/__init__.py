"""The bundled demo portal: two sister sites in two CMS templates, served on 127.0.0.1.

`portalcrawl demo` and the tests crawl it; `truth.json` says what the archive must hold.
"""
