"""Shared fixtures: the loopback mock web, started once per test session."""

from __future__ import annotations

import pytest

from tests.mockweb import MockWeb


@pytest.fixture(scope="session")
def mockweb():
    with MockWeb(phase=1) as web:
        yield web
