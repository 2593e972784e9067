"""A second process where it pays (this machine has two cores).

Loading reads the biggest lists in a worker process (any platform) while this one reads the rosters.
``ROSTERCHECK_WORKERS=1`` turns it off, ``=2`` forces it.

``ROSTERCHECK_START_METHOD=spawn`` (or ``forkserver``) makes this process start its workers the way
Windows must (no fork): worker processes import the package afresh and receive their arguments pickled.
The tests run the sample audit so.
"""

from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor


def workers(big: bool) -> int:
    """How many processes to use: ROSTERCHECK_WORKERS, else two when the work is big.

    Args:
        big: whether the work is big enough to pay for a second process.
    Returns:
        1 or more.
    """
    env = os.environ.get("ROSTERCHECK_WORKERS", "")
    if env.isdigit():
        return max(1, int(env))
    return min(2, os.cpu_count() or 1) if big else 1


# Above this much input, files are read in two processes (the machine's cores) instead of one.
BIG_BYTES = 40 * 1024 * 1024

START_METHOD_ENV = "ROSTERCHECK_START_METHOD"


def start_method() -> str | None:
    """The start method forced by ROSTERCHECK_START_METHOD ('spawn', 'forkserver' or 'fork'), else None."""
    method = os.environ.get(START_METHOD_ENV, "").strip().lower()
    return method if method in multiprocessing.get_all_start_methods() else None


def apply_start_method() -> None:
    """Make the forced start method (if any) this process's default for every worker pool.

    Called once by the command line before any pool is created.
    """
    method = start_method()
    if method:
        multiprocessing.set_start_method(method, force=True)


def pool(max_workers: int) -> ProcessPoolExecutor:
    """A pool of worker processes started the platform's way (or the forced way, see the module docstring).

    Args:
        max_workers: how many processes.
    Returns:
        The pool.
    """
    method = start_method()
    return ProcessPoolExecutor(max_workers=max_workers,
                               mp_context=multiprocessing.get_context(method) if method else None)
