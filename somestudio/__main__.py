"""`python -m somestudio` (and the PyInstaller bundle's entry point)."""

import sys

from somestudio.cli import main

if __name__ == "__main__":
    sys.exit(main())
