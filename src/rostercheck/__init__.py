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

# glibc malloc's thresholds for the command line (_keep_freed_memory): blocks below the mapping threshold (the
# ceiling of glibc's own sliding threshold on 64-bit systems) come from the heap; freed memory at the heap's top is
# kept up to the trim threshold, and the heap grows by the top pad beyond what is asked.
MALLOC_MMAP_THRESHOLD = 32 * 1024 * 1024
MALLOC_TRIM_THRESHOLD = 512 * 1024 * 1024
MALLOC_TOP_PAD = 64 * 1024 * 1024


def _keep_freed_memory() -> None:
    """Let glibc's malloc keep what is freed for the next allocation instead of handing it back to the system.

    A run allocates and frees arrays of tens of megabytes over and over (a city's year of payment ledgers is 2 million
    rows); by default glibc maps each one afresh above 32 MB and trims the heap's top above 64 MB, so every allocation
    faults its pages in and the kernel zeroes them again. Keeping them took the bench city with its year of ledgers
    from 1.53 to 1.19 million page faults and 4.1 to 3.6 s of system time (12.5 → 12.3 s wall, the largest process
    1,634 → 1,653 MB); the province from 16.1 to 11.8 million faults, its largest process 7,597 → 7,673 MB (issue 13's
    bound 8 GB; DEVELOPING.md, forty-second stop). Forked workers inherit it. Other C libraries (Windows, macOS, musl)
    are left alone.
    """
    import ctypes
    import sys

    if not sys.platform.startswith("linux"):
        return
    try:
        mallopt = ctypes.CDLL(None).mallopt
    except (OSError, AttributeError):
        return
    m_trim_threshold, m_top_pad, m_mmap_threshold = -1, -2, -3
    for option, value in ((m_mmap_threshold, MALLOC_MMAP_THRESHOLD), (m_trim_threshold, MALLOC_TRIM_THRESHOLD),
                          (m_top_pad, MALLOC_TOP_PAD)):
        mallopt(ctypes.c_int(option), ctypes.c_int(value))


def main() -> None:
    """The console script's entry point: :func:`rostercheck.cli.main`, its imports interrupted without a traceback."""
    _keep_freed_memory()
    try:
        from .cli import main as run
    except KeyboardInterrupt:
        _interrupted()
    run()
