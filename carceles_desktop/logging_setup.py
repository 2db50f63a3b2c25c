"""Logging to a rotating file in the user's data folder.

Log lines carry what happened and where, never a password, a passphrase or a key:
services never pass those to the logger, and the formatter masks the environment
variables that may carry them in case a traceback prints them.
"""

from __future__ import annotations

import logging
import os
from logging.handlers import RotatingFileHandler
from pathlib import Path

from carceles_desktop import config

SECRET_ENV_VARS = ("CARCELES_PASSWORD", "CARCELES_KEY_PASSPHRASE", "CARCELES_BACKUP_PASSPHRASE")


class _RedactingFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        text = super().format(record)
        for name in SECRET_ENV_VARS:
            secret = os.environ.get(name)
            if secret and len(secret) >= 3:
                text = text.replace(secret, "***")
        return text


def setup_logging(level: int = logging.INFO, folder: Path | None = None) -> Path:
    """Send log records to ``carceles.log`` (rotated at 2 MB, 5 kept); return its path."""
    folder = folder or config.log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "carceles.log"
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_carceles", False):
            root.removeHandler(handler)
            handler.close()
    handler = RotatingFileHandler(path, maxBytes=2_000_000, backupCount=5, encoding="utf-8")
    handler.setFormatter(_RedactingFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._carceles = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(level)
    return path
