"""The testbed's truth file: what a correct archive of each test site holds.

`truth.json` ships beside the sites; it is generated from their models and a test checks that
the two still agree. Regenerate after changing a site with `python -m portalcrawl.testbed.truth`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .sites import all_sites

TRUTH_PATH = Path(__file__).with_name("truth.json")


def truth_as_json() -> dict[str, Any]:
    return {site.key: site.truth() for site in all_sites()}


def load_truth() -> dict[str, Any]:
    return json.loads(TRUTH_PATH.read_text(encoding="utf-8"))


def write_truth() -> None:
    TRUTH_PATH.write_text(json.dumps(truth_as_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_truth()
    print(f"wrote {TRUTH_PATH}")
