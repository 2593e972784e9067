"""Allow ``python -m rostercheck`` (works even where the Scripts folder is not on PATH)."""

from . import main

if __name__ == "__main__":  # not when a worker process re-imports the main module (Windows spawn)
    main()
