"""rostercheck: audit 低保/特困 rosters against other departments' lists."""

__version__ = "0.1.0"
