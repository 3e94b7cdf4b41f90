"""The provenance report: who copies whom, how fast, with or without credit."""
