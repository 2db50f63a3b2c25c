"""Fixtures the service tests share."""

from __future__ import annotations

import pytest

from carceles_desktop.storage.unit_of_work import Database


@pytest.fixture
def db(database: Database) -> Database:
    """A fresh, migrated SQLite database for one test (the ``database`` fixture, short name)."""
    return database
