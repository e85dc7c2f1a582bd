"""How long `portalcrawl` takes to start: `--help` and a subcommand's `--help`, against the bare
interpreter and against importing Scrapy (what every command paid before subcommands were lazy).

Each command runs as a whole process, in turn with the others, after one warm-up (a warm disk
cache); the median of the runs is printed, and the ratio to the bare interpreter.

    .venv/bin/python benchmarks/cli_start.py [--runs 15]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

BIN = Path(sys.executable).parent
COMMANDS = {
    "python -c pass (baseline)": [sys.executable, "-c", "pass"],
    "portalcrawl --help": [str(BIN / "portalcrawl"), "--help"],
    "portalcrawl search --help": [str(BIN / "portalcrawl"), "search", "--help"],
    "python -c 'import scrapy.crawler'": [sys.executable, "-c", "import scrapy.crawler"],
}


def timed(command: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    runs = parser.parse_args().runs
    for command in COMMANDS.values():
        timed(command)  # warm-up
    times: dict[str, list[float]] = {name: [] for name in COMMANDS}
    for _ in range(runs):
        for name, command in COMMANDS.items():
            times[name].append(timed(command))
    base = statistics.median(next(iter(times.values())))
    print(f"{'command':<36} {'median s':>9} {'min s':>7} {'max s':>7} {'x baseline':>11}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:<36} {median:9.3f} {min(values):7.3f} {max(values):7.3f} {median / base:11.1f}")


if __name__ == "__main__":
    main()
