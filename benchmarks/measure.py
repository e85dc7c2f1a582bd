"""Run `portalcrawl` in a child process and read the child's own peak memory."""

from __future__ import annotations

import subprocess
import sys
import time

# Reports the child's peak RSS (KiB) on its last line of stderr. On Linux the peak is VmHWM,
# not getrusage's ru_maxrss: ru_maxrss survives fork+exec, so a child started by a process
# that holds a large generated portal would report that parent's size, not its own.
MEASURE = (
    "import resource, sys\n"
    "from portalcrawl.cli import main\n"
    "def peak_kib():\n"
    "    try:\n"
    "        with open('/proc/self/status') as status:\n"
    "            return next(int(line.split()[1]) for line in status if line.startswith('VmHWM'))\n"
    "    except OSError:\n"
    "        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
    "try:\n"
    "    main(sys.argv[1:], standalone_mode=False)\n"
    "finally:\n"
    "    print('peak_rss_kib', peak_kib(), file=sys.stderr)\n"
)


def run_measured(*args: str) -> tuple[float, int, subprocess.CompletedProcess[str]]:
    """(seconds, peak RSS in KiB, the finished process) of `portalcrawl ARGS...`."""
    started = time.monotonic()
    proc = subprocess.run([sys.executable, "-c", MEASURE, *args], capture_output=True, text=True, check=False)
    elapsed = time.monotonic() - started
    rss = next(int(line.split()[1]) for line in proc.stderr.splitlines() if line.startswith("peak_rss_kib"))
    if proc.returncode not in (0, None):
        print(proc.stdout, proc.stderr[-2000:], file=sys.stderr)
    return elapsed, rss, proc
