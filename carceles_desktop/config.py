"""Where things live on this computer, and the small config file.

The configuration file (``config.ini`` in the user's config folder) holds only what
must be known before the database is open: the database URL.  Everything else that a
supervisor may change lives in the database's settings table.
"""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "carceles-desktop"
APP_AUTHOR = "CarcelesProductivas"

#: Environment variable that overrides the data folder (tests, portable installs).
HOME_ENV = "CARCELES_HOME"


def data_dir() -> Path:
    """Return (and create) the folder for databases, backups and logs."""
    override = os.environ.get(HOME_ENV)
    folder = Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def config_file() -> Path:
    """Return the path of the configuration file (it may not exist)."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override) / "config.ini"
    return Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)) / "config.ini"


def window_state_file() -> Path:
    """Return the file that keeps the window's size, columns and last area.

    It follows ``CARCELES_HOME`` like everything else, so that tests and portable
    installs never touch (or read) the state of the user's own window.
    """
    return config_file().with_name("window.ini")


def default_database_path() -> Path:
    """Return the default SQLite file for real records."""
    return data_dir() / "carceles.sqlite3"


def demo_database_path() -> Path:
    """Return the SQLite file used by ``--demo``; kept apart from real records."""
    return data_dir() / "demo" / "carceles-demo.sqlite3"


def log_dir() -> Path:
    """Return (and create) the folder for log files."""
    folder = data_dir() / "logs"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@dataclass(frozen=True)
class AppConfig:
    """What the configuration file says."""

    database_url: str | None = None


def load_config(file: Path | None = None) -> AppConfig:
    """Read the configuration file; a missing file gives the defaults."""
    file = file or config_file()
    parser = configparser.ConfigParser()
    if file.exists():
        parser.read(file, encoding="utf-8")
    url = parser.get("database", "url", fallback="").strip() or None
    return AppConfig(database_url=url)


def sqlite_url(path: Path) -> str:
    """Return the SQLAlchemy URL of a SQLite file."""
    return f"sqlite:///{path}"
