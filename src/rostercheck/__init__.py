"""rostercheck: audit 低保/特困 rosters against other departments' lists."""

import os as _os

# numpy asks Linux for transparent huge pages on every large array (madvise); where the kernel then compacts memory
# on the spot (THP defrag "madvise", a common default), typing a city's year of payment ledgers spent 1.7 s in the
# kernel against 0.9 s of its own (bench city with its year, 16.9 s → 15.4 s without). Read when numpy is imported,
# so it must come first; a value the user set is kept. Other systems ignore it.
_os.environ.setdefault("NUMPY_MADVISE_HUGEPAGE", "0")


def _interrupted() -> None:
    """Ctrl+C while the command starts (pandas alone takes half a second to import): a Chinese line, no traceback."""
    import sys

    sys.stderr.write("错误：已中断，没有写出报告。\n")
    raise SystemExit(130) from None


try:
    import pandas as _pd
except KeyboardInterrupt:
    _interrupted()

# Text columns are walked cell by cell in many places; with pyarrow installed (the DuckDB engine needs
# it) pandas would store them in Arrow, which is slower to walk and no smaller for our frames.
_pd.set_option("mode.string_storage", "python")

__version__ = "0.1.0"


def main() -> None:
    """The console script's entry point: :func:`rostercheck.cli.main`, its imports interrupted without a traceback."""
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        _interrupted()
    run()
