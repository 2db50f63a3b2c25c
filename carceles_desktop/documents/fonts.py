"""The TrueType fonts every document embeds.

reportlab's standard fonts are not embedded and lack glyphs on some viewers (indico
#1781: Helvetica dropped accents), so all text is set in the DejaVu fonts shipped in
``resources/fonts``.  reportlab embeds a subset of each TTF used (FontFile2), so a PDF
prints "Núñez" the same on every PC.

Registration is global to reportlab's process-wide font registry: :func:`register_fonts`
does it once, under a lock, and every renderer calls it first.
"""

from __future__ import annotations

import threading
from typing import Final

from reportlab import rl_config
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from carceles_desktop import resources

# Every renderer registers its fonts here, so this is where reportlab's output is set
# up: our PDFs are files, never 7-bit mail, and ASCII85-wrapping their compressed
# streams only costs time (5-17 % of a render) and size (about 17 %).
rl_config.useA85 = 0

#: Body text; also the family name used by ``<b>``/``<i>`` in paragraphs.
SANS: Final = "DejaVuSans"
SANS_BOLD: Final = "DejaVuSans-Bold"
SANS_ITALIC: Final = "DejaVuSans-Oblique"
SANS_BOLD_ITALIC: Final = "DejaVuSans-BoldOblique"
#: Narrow face for dense tables (the attendance sheet's day columns).
CONDENSED: Final = "DejaVuSansCondensed"
CONDENSED_BOLD: Final = "DejaVuSansCondensed-Bold"
#: Formal face for certificates.
SERIF: Final = "DejaVuSerif"
SERIF_BOLD: Final = "DejaVuSerif-Bold"

#: Registered font name → file under ``resources/fonts``.
FILES: Final[dict[str, str]] = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    SANS_BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
    SERIF: "DejaVuSerif.ttf",
    SERIF_BOLD: "DejaVuSerif-Bold.ttf",
}

# family → (regular, bold, italic, bold italic); faces not shipped fall back to the
# nearest one shipped so that <i> in a serif paragraph still prints.
_FAMILIES: Final = (
    (SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC),
    (CONDENSED, CONDENSED_BOLD, CONDENSED, CONDENSED_BOLD),
    (SERIF, SERIF_BOLD, SERIF, SERIF_BOLD),
)

_lock = threading.Lock()
_registered = False


def register_fonts() -> None:
    """Register the document fonts with reportlab; later calls return at once.

    Safe to call from several threads: the first caller registers, the others wait.

    Raises:
        FileNotFoundError: a font file is missing from the resources (a broken install).
    """
    global _registered
    # Always under the lock: it costs well under a microsecond, and a second unlocked
    # check would only save that.
    with _lock:
        if _registered:
            return
        for name, filename in FILES.items():
            path = resources.path(f"fonts/{filename}")
            if not path.is_file():
                # reportlab would say "Can't open file"; name the fix instead.
                raise FileNotFoundError(
                    f"font file missing: {path}; the installation is incomplete, reinstall"
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        for regular, bold, italic, bold_italic in _FAMILIES:
            pdfmetrics.registerFontFamily(
                regular, normal=regular, bold=bold, italic=italic, boldItalic=bold_italic
            )
        _registered = True
