"""`python -m portalcrawl.cli`: the same command as `portalcrawl`."""

from . import main

main(prog_name="portalcrawl")
