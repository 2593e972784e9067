"""Allow ``python -m rostercheck`` (works even where the Scripts folder is not on PATH)."""

from .cli import main

main()
