"""rostercheck: audit 低保/特困 rosters against other departments' lists."""

import pandas as _pd

# Text columns are walked cell by cell in many places; with pyarrow installed (the DuckDB engine needs
# it) pandas would store them in Arrow, which is slower to walk and no smaller for our frames.
_pd.set_option("mode.string_storage", "python")

__version__ = "0.1.0"
