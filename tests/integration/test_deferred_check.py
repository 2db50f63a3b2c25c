"""A large database opens without waiting for its start-up check, which runs after."""

from __future__ import annotations

from pathlib import Path

import pytest

from carceles_desktop.services import database_checks
from carceles_desktop.storage import opening
from carceles_desktop.storage.opening import DatabaseDamaged, check_pending_marker, open_locked


@pytest.fixture
def everything_is_large(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(opening, "DEFER_CHECK_ABOVE_BYTES", 0)


def _damage(path: Path) -> None:
    data = bytearray(path.read_bytes())
    middle = len(data) // 2
    data[middle : middle + 8192] = b"\xff" * 8192
    path.write_bytes(bytes(data))


def test_a_sound_large_database_checks_after_opening(
    database_path: Path, everything_is_large: None
) -> None:
    database, lock = open_locked(str(database_path))
    try:
        assert database.check_deferred
        item = database_checks.deferred_start_check(database)
        assert item is not None
        assert item.ok
        assert not check_pending_marker(database_path).exists()
    finally:
        database.dispose()
        if lock is not None:
            lock.release()


def test_a_small_database_is_checked_before_opening(database_path: Path) -> None:
    database, lock = open_locked(str(database_path))
    try:
        assert not database.check_deferred
        assert database_checks.deferred_start_check(database) is None
    finally:
        database.dispose()
        if lock is not None:
            lock.release()


def test_damage_found_later_is_caught_before_opening_next_time(
    database_path: Path, everything_is_large: None
) -> None:
    _damage(database_path)
    database, lock = open_locked(str(database_path))
    try:
        item = database_checks.deferred_start_check(database)
        assert item is not None
        assert not item.ok
    finally:
        database.dispose()
        if lock is not None:
            lock.release()
    assert check_pending_marker(database_path).exists()
    with pytest.raises(DatabaseDamaged):
        open_locked(str(database_path))
