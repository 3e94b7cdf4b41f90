"""Item pipelines, one concern per module; their order lives in newscrawl/settings.py."""
