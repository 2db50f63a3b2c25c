"""Keep PySide6's import hook from reading the source of every module imported later.

Once PySide6 is loaded it wraps ``__import__``: to support ``from __feature__ import
snake_case`` it asks, of every module imported afterwards, whether that module "uses
PySide6", and finds out by reading the module's whole source with
``inspect.getsource``, which also keeps every line in ``linecache`` for good.  The window
imports the database layer after it shows (SQLAlchemy and the models, some 280 modules):
the scan cost about 50 ms and 13 MB of memory there, and it does the same for reportlab
on the first PDF.

The program never selects a feature, so the answer never matters; a module whose
answer is "no" still gets a feature if it ever asks for one.  :func:`skip_source_scan`
replaces the scan with a look at the module's own name.
"""

from __future__ import annotations

import logging
import sys
from types import ModuleType

log = logging.getLogger(__name__)

#: Where PySide6 keeps the hook's helpers (an internal module: looked up, never required).
FEATURE_MODULE = "PySide6.support.feature"
#: The helper that reads a module's source to decide.
SCANNER = "_mod_uses_pyside"


def _named_pyside(module: ModuleType) -> bool:
    """Whether ``module`` is part of PySide6 itself (no source is read)."""
    name = getattr(module, "__name__", "")
    return isinstance(name, str) and name.split(".")[0] in ("PySide6", "shiboken6")


def skip_source_scan() -> bool:
    """Stop the hook from reading sources; True when it was found and replaced.

    A PySide6 without the helper (another version) is left alone: the program works
    either way, only a little slower to open its records.
    """
    feature = sys.modules.get(FEATURE_MODULE)
    if feature is None or not callable(getattr(feature, SCANNER, None)):
        log.debug("PySide6 has no %s.%s; its import hook is left as it is", FEATURE_MODULE, SCANNER)
        return False
    setattr(feature, SCANNER, _named_pyside)
    return True
