"""Translation markers that work without Qt.

Layers below the user interface must not import Qt, yet their messages have to be
translated.  They mark strings with :func:`QT_TRANSLATE_NOOP`, a plain function named
like Qt's macro so that ``pyside6-lupdate`` collects them under the given context, and
they keep a :class:`Message` (context, English source text, parameters).  The window
translates the source text through Qt's translator at display time and then fills in
the ``{placeholders}``; the command line does the same with the loaded catalogue.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

#: Installed by the application (Qt's QCoreApplication.translate, or the CLI's loader).
_translate: Callable[[str, str], str] | None = None


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - named like Qt's macro for lupdate
    """Mark ``text`` for translation under ``context``; returns it unchanged."""
    del context
    return text


def install_translator(translate: Callable[[str, str], str] | None) -> None:
    """Set the function used by :meth:`Message.render` to translate source texts."""
    global _translate
    _translate = translate


@dataclass(frozen=True)
class Message:
    """An untranslated, parameterised message."""

    context: str
    text: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def render(self) -> str:
        """Translate (when a translator is installed) and fill in the placeholders."""
        text = _translate(self.context, self.text) if _translate else self.text
        if not self.params:
            return text
        try:
            return text.format(**self.params)
        except (KeyError, IndexError, ValueError):
            # A broken translation must never hide the message: fall back to the source.
            return self.text.format(**self.params)
