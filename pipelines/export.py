"""ExportCleanupPipeline: the record leaves without raw HTML or other internal fields."""

from __future__ import annotations

from newscrawl.items import INTERNAL_FIELDS, is_absent


class ExportCleanupPipeline:
    """Last pipeline: drops internal fields so feeds get exactly the JSONL contract."""

    def process_item(self, item):
        for name in INTERNAL_FIELDS:
            item.pop(name, None)
        for name in [key for key, value in item.items() if is_absent(value)]:
            del item[name]
        return item
