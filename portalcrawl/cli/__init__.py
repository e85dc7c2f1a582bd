"""The `portalcrawl` command. Each subcommand lives in the module named for what it does (crawling,
extracting, harvesting, researching, maintaining, evaluating) and is imported only when it runs."""

from __future__ import annotations

import click

from .lazy import LazyGroup

COMMANDS = {
    "demo": "portalcrawl.cli.crawling:demo",
    "crawl": "portalcrawl.cli.crawling:crawl",
    "worker": "portalcrawl.cli.crawling:worker",
    "extract": "portalcrawl.cli.extracting:extract",
    "harvest": "portalcrawl.cli.harvesting:harvest",
    "status": "portalcrawl.cli.harvesting:status",
    "search": "portalcrawl.cli.researching:search",
    "dupes": "portalcrawl.cli.researching:dupes",
    "graph": "portalcrawl.cli.researching:graph",
    "export": "portalcrawl.cli.researching:export",
    "serve": "portalcrawl.cli.researching:serve",
    "report": "portalcrawl.cli.researching:report",
    "templates": "portalcrawl.cli.maintaining:templates",
    "reextract": "portalcrawl.cli.maintaining:reextract",
    "upgrade": "portalcrawl.cli.maintaining:upgrade",
    "eval": "portalcrawl.cli.evaluating:evaluate_command",
}


@click.group(cls=LazyGroup, lazy_commands=COMMANDS, context_settings={"help_option_names": ["-h", "--help"],
                                                                         "max_content_width": 100})
@click.version_option(package_name="portalcrawl")
def main() -> None:
    """Crawl Chinese content portals and archive their articles in SQLite.

    Every command that takes --db also reads the archive's path from $PORTALCRAWL_DB.
    `portalcrawl COMMAND --help` shows a command's options, an example and its exit codes.
    """


if __name__ == "__main__":
    main()
