"""A second process where it pays (this machine has two cores).

Loading reads the biggest lists in a worker process (any platform) while this one reads the rosters.
The checks left after loading are shared with a forked copy of this process (:func:`shared`; POSIX
only, elsewhere they run here). ``ROSTERCHECK_WORKERS=1`` turns both off, ``=2`` forces them.

``ROSTERCHECK_START_METHOD=spawn`` (or ``forkserver``) makes this process start its workers the way
Windows must (no fork): worker processes import the package afresh and receive their arguments pickled.
The tests run the sample audit so.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
import traceback
from concurrent.futures import ProcessPoolExecutor


class ChildError(RuntimeError):
    """An error of the forked copy that does not pickle (a native library's): its type's name, text and traceback."""

    def __init__(self, kind: str, text: str, trace: str = "") -> None:
        super().__init__(kind, text, trace)
        self.kind, self.text, self.child_trace = kind, text, trace

    def __str__(self) -> str:
        return f"{self.kind}: {self.text}"


def workers(big: bool) -> int:
    """How many processes to use: ROSTERCHECK_WORKERS, else two when the work is big.

    Args:
        big: whether the work is big enough to pay for a second process.
    Returns:
        1 or more.
    """
    env = os.environ.get("ROSTERCHECK_WORKERS", "").strip()
    if env.isdigit():
        return max(1, int(env))
    return min(2, os.cpu_count() or 1) if big else 1


# Above this much input, files are read in two processes (the machine's cores) instead of one.
BIG_BYTES = 40 * 1024 * 1024

START_METHOD_ENV = "ROSTERCHECK_START_METHOD"


def check_environment() -> None:
    """Refuse a ROSTERCHECK_WORKERS that is no positive whole number, or a ROSTERCHECK_START_METHOD this system lacks
    (both were ignored unsaid: a run then used the processes the user meant to turn off or force).

    Raises:
        ConfigError: naming the variable, its value and what it takes.
    """
    from .errors import ConfigError

    raw = os.environ.get("ROSTERCHECK_WORKERS", "").strip()
    if raw and not (raw.isdigit() and int(raw) >= 1):
        raise ConfigError(f"环境变量 ROSTERCHECK_WORKERS=“{raw}”无效，应为正整数（1 只用一个进程，2 强制使用第二个进程）。")
    method = os.environ.get(START_METHOD_ENV, "").strip()
    if method and method.lower() not in multiprocessing.get_all_start_methods():
        raise ConfigError(f"环境变量 {START_METHOD_ENV}=“{method}”无效，应为"
                          f"{'、'.join(multiprocessing.get_all_start_methods())}之一。")


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
    from .normalize.values import reference_day, set_reference_day

    method = start_method()
    # (a spawned worker imports the package afresh: it is told the audited day the months are read against)
    return ProcessPoolExecutor(max_workers=max_workers,
                               mp_context=multiprocessing.get_context(method) if method else None,
                               initializer=set_reference_day, initargs=(reference_day(),))


# A forked copy shares this process's pages until either writes to them (and reading a Python object
# writes its reference count): above this size the copy could add gigabytes (a province, a city's year of
# payment ledgers), so the work stays in one process.
FORK_MAX_BYTES = 2 * 1024**3


# From this many roster members on, the checks are shared with a forked copy.
BIG_MEMBERS = 20_000
# From this many findings on, the reports are written by this process and a forked copy together.
BIG_FINDINGS = 2_000


def can_fork(big: bool, limit: int | None = None) -> bool:
    """Whether a forked copy of this process can share work: POSIX fork, no other start method forced, two
    processes wanted (:func:`workers`), and this process no bigger than ``limit`` (:data:`FORK_MAX_BYTES`) so far."""
    if not hasattr(os, "fork") or start_method() not in (None, "fork") or workers(big) < 2:
        return False
    import resource
    import sys

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * (1 if sys.platform == "darwin" else 1024)
    return peak <= (FORK_MAX_BYTES if limit is None else limit)


# With the payment ledgers' checks kept in this process (:func:`shared`'s ``here``), the copy touches only what
# the other checks read (the members and lists, not the year of payments): it may fork a bigger process.
FORK_MAX_BYTES_HERE = 4 * 1024**3
# The money checks after the first (which builds the ledger) shared with a copy forked then: it reads the ledger.
FORK_MAX_BYTES_TOGETHER = 4 * 1024**3


def shared(items: list, run, big: bool, here: tuple = (), limit: int | None = None) -> dict:
    """``{item: run(item)}``, the items shared with a forked copy of this process where it can fork.

    Both processes take the next item not yet taken (a counter in shared memory) until none is left, so
    the faster one takes more; the copy sends its results back pickled. Elsewhere the items run here.

    Args:
        items: what to run (each once).
        run: the function (its results must pickle).
        big: whether the work is big enough to pay for the copy (see :func:`workers`).
        here: items only this process runs (first), those that read what the copy should not touch.
        limit: the largest this process may be to fork (default :data:`FORK_MAX_BYTES`, with ``here``
            :data:`FORK_MAX_BYTES_HERE`).
    Returns:
        item → result, in the items' order.
    """
    here = [item for item in items if item in here]
    rest = [item for item in items if item not in here]
    if len(rest) < (1 if here else 2) or not can_fork(big, limit or (FORK_MAX_BYTES_HERE if here else FORK_MAX_BYTES)):
        return {item: run(item) for item in items}
    import pickle

    taken = multiprocessing.get_context("fork").Value("i", 0)

    def take(first: list = ()) -> dict:
        out = {item: run(item) for item in first}
        while True:
            with taken.get_lock():
                k = taken.value
                taken.value = k + 1
            if k >= len(rest):
                return out
            out[rest[k]] = run(rest[k])

    read, write = os.pipe()
    # The copy shares this process's pages until either writes to them, and a collection of the cyclic GC's oldest
    # generation writes to every object it walks (in both processes, pages copied for nothing, and walked again for
    # every collection during the checks): what is here now is left out of every later collection, as the payment
    # ledger is (rules._money.ledger). Reference counting still frees it.
    gc.freeze()
    pid = os.fork()
    if pid == 0:  # the copy: its results (or its error) down the pipe, then out without any teardown
        os.close(read)
        try:
            payload = pickle.dumps((True, take()), protocol=pickle.HIGHEST_PROTOCOL)
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
            trace = traceback.format_exc()  # (where it happened, for --debug: the parent's own traceback is not it)
            try:
                exc.child_trace = trace
                payload = pickle.dumps((False, exc))
            except Exception:  # noqa: BLE001 - an error that does not pickle: its type, text and traceback
                payload = pickle.dumps((False, ChildError(type(exc).__name__, str(exc), trace)))
        with os.fdopen(write, "wb") as pipe:
            pipe.write(payload)
        os._exit(0)
    os.close(write)
    try:
        mine = take(here)
    finally:
        with os.fdopen(read, "rb") as pipe:
            payload = pipe.read()
        # The copy has sent everything; its exit (unmapping a copy of gigabytes) is waited for on the side.
        threading.Thread(target=os.waitpid, args=(pid, 0), daemon=True).start()
    ok, theirs = pickle.loads(payload) if payload else (True, {})  # nothing: the copy died (out of memory …)
    if not ok:
        raise theirs
    done = {**mine, **theirs}
    return {item: done[item] if item in done else run(item) for item in items}  # what a dead copy left
