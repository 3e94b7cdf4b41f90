"""ExportCleanupPipeline: the record leaves without raw HTML or other internal fields."""

from __future__ import annotations

from newscrawl.items import INTERNAL_FIELDS


class ExportCleanupPipeline:
    """Last pipeline: drops internal fields so feeds get exactly the JSONL contract."""

    def process_item(self, item):
        for name in INTERNAL_FIELDS:
            item.pop(name, None)
        for name in [key for key, value in item.items() if value is None]:
            del item[name]
        return item
