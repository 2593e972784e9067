"""Where a run's wall time goes: each phase of the audit, in every process, on one time axis.

Usage (from the folder the inputs are in, like any audit):

  python bench/timeline.py audit 低保花名册.xlsx ... --payments ../city-ledgers --out /tmp/t [--timeline FILE]

The command runs as ``rostercheck`` would run it, with the phases below timed where they are called: the loading
(rosters, members, the lists read by the second process, the ledgers' raw rows and their typing), the context, each
check (``rule C01`` …, in whichever process runs it), the payment ledger's build, the findings frame and the reports.
Each line: process ID, start and end (seconds since this process started), wall and CPU seconds of the call, what.
Lines are sorted by start; forked copies and worker processes write theirs to the same file (default
/tmp/rostercheck-timeline.txt, printed at the end).

The critical path is the main process's lines; a gap between two of them is waiting (on the second process's
lists, on a copy's checks). Timing wraps add well under 1 % to the run.
"""

from __future__ import annotations

import functools
import importlib
import os
import sys
import time
from pathlib import Path

T0 = time.perf_counter()
PHASES = [  # (module, function or Class.method)
    ("rostercheck.audit", "audit"), ("rostercheck.audit", "start_payments"), ("rostercheck.audit", "start_loading"),
    ("rostercheck.loading", "_read_rosters"), ("rostercheck.loading", "_members"), ("rostercheck.loading", "_read_held"),
    ("rostercheck.loading", "_finish_far"), ("rostercheck.loading", "_stream"), ("rostercheck.loading", "Loading.finish"),
    ("rostercheck.io.ledgers", "_read_raw"), ("rostercheck.io.ledgers", "LedgerReading.raw"),
    ("rostercheck.io.ledgers", "LedgerReading.finish"), ("rostercheck.audit", "_context"),
    ("rostercheck.io.ledgers", "raw_payee_keys"), ("rostercheck.io.ledgers", "LedgerReading.close"),
    ("rostercheck.loading", "_in_thread"), ("rostercheck.bulk", "key_set"),
    ("rostercheck.audit", "run_checks"), ("rostercheck.audit", "_built_first"), ("rostercheck.audit", "value_warnings"),
    ("rostercheck.audit", "number_typed_ids"), ("rostercheck.audit", "_partial_parts"),
    ("rostercheck.audit", "findings_frame"), ("rostercheck.io.problem_list", "write_audit_reports"),
]


def _line(start: float, cpu: float, what: str) -> str:
    now = time.perf_counter()
    return (f"{os.getpid():>7} {start - T0:7.2f} {now - T0:7.2f} {now - start:6.2f}w "
            f"{time.thread_time() - cpu:6.2f}c {what}\n")


def _timed(fn, what: str, log):
    @functools.wraps(fn)
    def timed(*args, **kwargs):
        start, cpu = time.perf_counter(), time.thread_time()
        try:
            return fn(*args, **kwargs)
        finally:
            log.write(_line(start, cpu, what))
    return timed


def _wrap_phases(log) -> None:
    for module, name in PHASES:
        owner, attr = importlib.import_module(module), name
        if "." in name:
            cls, attr = name.split(".")
            owner = getattr(owner, cls)
        if not hasattr(owner, attr):  # (a phase of another version of the code)
            continue
        setattr(owner, attr, _timed(getattr(owner, attr), f"{module.rsplit('.', 1)[-1]}.{name}", log))
    audit = importlib.import_module("rostercheck.audit")
    load_all = audit.load_all

    def timed_rules():
        rules = load_all()
        out = {}
        for code, rule in rules.items():
            out[code] = _timed(rule, f"rule {code}", log)
            out[code].__module__ = rule.__module__  # (audit._by_module groups the checks by it)
        return out
    audit.load_all = timed_rules


def main() -> None:
    args = sys.argv[1:]
    path = Path("/tmp/rostercheck-timeline.txt")
    if "--timeline" in args:
        k = args.index("--timeline")
        path = Path(args[k + 1])
        del args[k:k + 2]
    path.write_text("", encoding="utf-8")
    log = path.open("a", encoding="utf-8", buffering=1)  # (line-buffered: forked copies end with os._exit)
    _wrap_phases(log)
    cli = importlib.import_module("rostercheck.cli")
    leave = cli._leave

    def leave_and_show(code: int) -> None:
        log.flush()
        lines = sorted(path.read_text(encoding="utf-8").splitlines(), key=lambda s: float(s.split()[1]))
        sys.stderr.write("\n".join(lines) + f"\n{'':>7} {'':>7} {time.perf_counter() - T0:7.2f}  end\n")
        leave(code)
    cli._leave = leave_and_show
    sys.argv = ["rostercheck", *args]
    cli.main()


if __name__ == "__main__":
    main()
