"""The demo portal's truth file: what a correct archive of it holds.

`truth.json` ships with the package; it is generated from the portal model and a test
checks that the two still agree. Regenerate after changing the model with
`python -m portalcrawl.demo.truth`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .model import truth_as_json

TRUTH_PATH = Path(__file__).with_name("truth.json")


def load_truth() -> dict[str, Any]:
    return json.loads(TRUTH_PATH.read_text(encoding="utf-8"))


def write_truth() -> None:
    TRUTH_PATH.write_text(json.dumps(truth_as_json(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    write_truth()
    print(f"wrote {TRUTH_PATH}")
