"""Entry point for ``python -m carceles_desktop``."""

import sys

from carceles_desktop.app import main

if __name__ == "__main__":
    sys.exit(main())
