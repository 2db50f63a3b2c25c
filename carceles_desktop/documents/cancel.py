"""The one exception a long render raises when the user cancels (no reportlab here)."""


class Cancelled(Exception):
    """Raised when ``should_cancel()`` answers true between two pages; nothing is returned."""
