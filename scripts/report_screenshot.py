"""Screenshot of a report's first screen in headless Chromium (docs/report.png is made with it from `make demo`).

    .venv/bin/python scripts/report_screenshot.py demo-output/<stamp>/report.html docs/report.png
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser import Browser  # noqa: E402  (the DevTools client ships with the tests)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    page, target = Path(argv[0]), Path(argv[1])
    with Browser() as browser:
        visit = browser.open(page)
        browser.screenshot(target)
    print(f"{target}: first screen of {page}; requests outside the page: {len(visit.outside_requests)}, "
          f"console errors: {len(visit.errors)}")
    return 1 if visit.outside_requests or visit.errors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
