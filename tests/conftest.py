"""Test-session housekeeping."""

import functools
import gc
import os

import pytest
import typer.main
import typer.testing

# pytest-xdist starts its workers with COLUMNS=80 and LINES=24 set: the console, made when rostercheck is first
# imported, would keep those 80 columns where a test hands the command its own COLUMNS (as it does in one process,
# where neither is set).
if os.environ.get("PYTEST_XDIST_WORKER"):
    for _name in ("COLUMNS", "LINES"):
        os.environ.pop(_name, None)


@pytest.fixture(autouse=True)
def _collectable():
    """Undo the money checks' gc.freeze() after each test: a one-shot audit process may keep its ledger out of the
    cyclic collector, a test session running hundreds of audits must not keep every frozen frame alive."""
    yield
    gc.unfreeze()


# The command line is built once per process, as the program builds it once per run: Typer's test runner builds it
# afresh for every invoke (and with it each option's value parser), a twelfth of a small audit's time in a session of
# thousands of invokes.
typer.testing._get_command = functools.cache(typer.main.get_command)
