"""A second process where it pays (this machine has two cores).

Loading reads lists in a worker process (any platform). After loading, checks that need the loaded data
run in a *forked* copy of this process, which inherits it without copying (Linux only; elsewhere they
run here, one after the other). ``ROSTERCHECK_WORKERS=1`` turns both off, ``=2`` forces them.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
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


def can_fork() -> bool:
    """Whether a forked copy of this process can take work (Linux)."""
    return sys.platform.startswith("linux") and "fork" in multiprocessing.get_all_start_methods()


def fork_pool() -> ProcessPoolExecutor:
    """One forked worker process (call only when :func:`can_fork`)."""
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork"))
