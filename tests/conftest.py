"""Test-session housekeeping."""

import gc

import pytest


@pytest.fixture(autouse=True)
def _collectable():
    """Undo the money checks' gc.freeze() after each test: a one-shot audit process may keep its ledger out of the
    cyclic collector, a test session running hundreds of audits must not keep every frozen frame alive."""
    yield
    gc.unfreeze()
