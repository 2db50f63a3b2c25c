"""Small HTML builders for the detail panels (QTextBrowser's rich-text subset).

Every value passes through :func:`html.escape`: names and reasons are typed by users.
"""

from __future__ import annotations

import html
from collections.abc import Iterable, Sequence

STYLE = """
<style>
h2 { margin: 0 0 6px 0; }
h3 { margin: 12px 0 4px 0; }
h4 { margin: 10px 0 2px 0; }
td, th { padding: 2px 8px 2px 0; }
th { text-align: left; color: #555; font-weight: normal; }
td.key { color: #555; }
p.muted { color: #777; }
</style>
"""


def esc(value: object) -> str:
    """Escape any value for HTML (None is empty)."""
    return "" if value is None else html.escape(str(value))


def heading(level: int, text: str) -> str:
    """An escaped heading."""
    return f"<h{level}>{esc(text)}</h{level}>"


def fields(pairs: Iterable[tuple[str, str]]) -> str:
    """A two-column table of label and value; empty values show a dash."""
    rows = "".join(
        f"<tr><td class='key'>{esc(key)}</td><td>{esc(value) or '—'}</td></tr>"
        for key, value in pairs
    )
    return f"<table>{rows}</table>"


def table(
    headings: Sequence[str], rows: Iterable[Sequence[str]], *, nowrap: Sequence[int] = ()
) -> str:
    """A full-width table with headings; columns in ``nowrap`` (dates, numbers) never wrap."""

    def cell(tag: str, index: int, value: str) -> str:
        style = " style='white-space: nowrap'" if index in nowrap else ""
        return f"<{tag}{style}>{esc(value)}</{tag}>"

    head = "".join(cell("th", i, h) for i, h in enumerate(headings))
    body = "".join(
        "<tr>" + "".join(cell("td", i, v) for i, v in enumerate(row)) + "</tr>" for row in rows
    )
    return f"<table width='100%' cellspacing='0'><tr>{head}</tr>{body}</table>"


def muted(text: str) -> str:
    """A grey paragraph, for "nothing here" notes."""
    return f"<p class='muted'>{esc(text)}</p>"
