"""A spidermon action for tests: writes the failed monitors' messages to a file (TEST_ALERT_FILE)."""

from __future__ import annotations

import json
from pathlib import Path

from spidermon.core.actions import Action


class WriteAlertFile(Action):
    def __init__(self, path: str):
        super().__init__()
        self.path = Path(path)

    @classmethod
    def from_crawler_kwargs(cls, crawler):
        return {"path": crawler.settings.get("TEST_ALERT_FILE")}

    def run_action(self):
        failed = {result.monitor.method_name: result.reason for result in self.result.monitors_failed_results}
        self.path.write_text(json.dumps(failed, indent=1), encoding="utf-8")
