"""Text folded for searching: case, accents and spacing do not matter.

Names are typed in many ways ("NÚÑEZ", "Nuñez", "nunez  "); a search must find them all
with a plain ``LIKE`` that behaves the same on SQLite and PostgreSQL.  The services store
``search_key(...)`` beside the record and query it with ``fold_pattern(user_text)``.
"""

from __future__ import annotations

import unicodedata

_LIKE_ESCAPE = "\\"


def _strip_marks(text: str) -> str:
    # NFKD splits "ñ" into "n" + combining tilde and turns compatibility forms
    # (full-width letters, ligatures, non-breaking spaces) into their plain twins.
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if unicodedata.category(ch) != "Mn")


def fold(text: str | None) -> str:
    """Fold text for comparison: lower case, no accents, single spaces, trimmed.

    Args:
        text: any text; ``None`` folds to ``""``.

    Returns:
        The folded text, e.g. ``"nunez"`` for ``"  Núñez "``.
    """
    if not text:
        return ""
    # Marks are stripped again after lower-casing: lower() can create them ("İ" → "i̇"),
    # and decomposing can create capitals ("㎒" → "MHz").
    folded = _strip_marks(_strip_marks(text).lower()).lower()
    return " ".join(folded.split())


def search_key(*parts: str | None) -> str:
    """Join the non-empty parts, folded, with single spaces.

    Example: ``search_key("Núñez", None, "María")`` is ``"nunez maria"``.
    """
    return fold(" ".join(part for part in parts if part))


def fold_pattern(user_text: str) -> str:
    r"""Turn what a user typed into a ``LIKE`` pattern that finds it anywhere in a key.

    The text is folded like the keys, and ``\``, ``%`` and ``_`` are escaped with a
    backslash so that they match literally; callers pass ``escape="\\"`` to ``like()``.

    Example: ``fold_pattern("50% Núñez")`` is ``"%50\\% nunez%"``.
    """
    folded = fold(user_text)
    escaped = (
        folded.replace(_LIKE_ESCAPE, _LIKE_ESCAPE * 2)
        .replace("%", _LIKE_ESCAPE + "%")
        .replace("_", _LIKE_ESCAPE + "_")
    )
    return f"%{escaped}%"
