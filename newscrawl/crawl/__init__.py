"""Crawling building blocks: discovery parsers and the base spider site files subclass."""
