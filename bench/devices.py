"""What each performance device saves: the same audit with one device turned off at a time.

Usage: python bench/devices.py bench/data/city-vehicles [--repeat 3]
       python bench/devices.py bench/data/city --payments bench/data/city-ledgers --only forked-checks ledger-freeze

Each variant runs the CLI in a fresh process (medians of --repeat runs, wall time). The devices kept
(DEVELOPING.md, Performance, has the table that dropped the others: raised GC thresholds, gc.freeze over
the whole run, os._exit at the end of cli.main):
  load-worker     the biggest lists read in a second process while the rosters load → one process
  early-checks    checks needing none of the worker's lists run while it reads → all after loading
  forked-checks   the checks left after loading shared with a forked copy → all in this process
  huge-pages      numpy's transparent-huge-page requests off (rostercheck/__init__.py) → numpy's default
  ledger-freeze   the payment ledger's per-row lists frozen out of the cyclic GC → collected as usual
                  (only with --payments)
The spliced xlsx rows (io.report.Workbook) are measured by writing the run's findings both ways
(``--report``), since the cell-by-cell writer lives in tests/test_report.py.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import inputs  # noqa: E402

# parallel.shared as the audit module sees it: every item in this process, in order.
_ONE_PROCESS = ("import types, rostercheck.audit as m, rostercheck.parallel as p; m.parallel = types.SimpleNamespace("
                "**{**vars(p), 'shared': lambda items, run, big, *rest: {i: run(i) for i in items}})")
PATCHES = {
    "baseline": "",
    "load-worker": "import rostercheck.parallel as p; p.BIG_BYTES = 10 ** 15",
    "early-checks": "import rostercheck.audit as a; a.run_ready_checks = lambda *args: {}",
    "forked-checks": _ONE_PROCESS,
    "huge-pages": "import os; os.environ['NUMPY_MADVISE_HUGEPAGE'] = '1'",
    "ledger-freeze": "import rostercheck.rules._money as m, types; m.gc = types.SimpleNamespace(freeze=lambda: None)",
}
PATCHES["early+forked-checks"] = PATCHES["early-checks"] + "; " + PATCHES["forked-checks"]


def run(folder: Path, patch: str, payments: Path | None = None) -> float:
    rosters, lists = inputs(folder)
    out = tempfile.mkdtemp(prefix="rc-dev-")
    argv = ["audit", *map(str, rosters), *[a for k, p in lists.items() for a in (f"--{k.replace('_', '-')}", str(p))],
            "--as-of", "2026-09-30", "--out", out, *(["--payments", str(payments)] if payments else [])]
    code = f"import sys; {patch}\nimport rostercheck.cli as cli; sys.argv = ['rostercheck', *{argv!r}]; cli.main()"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, capture_output=True)
    return time.perf_counter() - start


def report(folder: Path) -> None:
    """Write one audit's findings with the spliced writer and cell by cell; print both times."""
    import pandas as pd

    sys.path.insert(0, str(Path(__file__).parents[1] / "tests"))
    from test_report import _cell_by_cell  # the writer the spliced one is held equal to

    from rostercheck.io.report import write_workbook

    out = Path(tempfile.mkdtemp(prefix="rc-dev-"))
    rosters, lists = inputs(folder)
    argv = ["audit", *map(str, rosters), *[a for k, p in lists.items() for a in (f"--{k.replace('_', '-')}", str(p))],
            "--as-of", "2026-09-30", "--out", str(out)]
    subprocess.run([sys.executable, "-m", "rostercheck", *argv], check=True, capture_output=True)
    frame = pd.read_csv(out / "findings.csv", dtype=str, encoding="utf-8-sig").fillna("")
    start = time.perf_counter()
    write_workbook(out / "a.xlsx", [("问题", frame, None)])
    spliced = time.perf_counter() - start
    start = time.perf_counter()
    _cell_by_cell(out / "b.xlsx", [("问题", frame, None)])
    cells = time.perf_counter() - start
    print(f"report of {len(frame)} findings: spliced rows {spliced:.2f} s, cell by cell {cells:.2f} s")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--report", action="store_true")
    ap.add_argument("--only", nargs="*", default=[], help="these variants (and the baseline) only")
    ap.add_argument("--payments", type=Path, help="a folder of payment ledgers given to every run")
    args = ap.parse_args()
    if args.report:
        report(args.folder)
        return
    chosen = {name: patch for name, patch in PATCHES.items() if (not args.only or name in ["baseline", *args.only])
              and (args.payments or name != "ledger-freeze")}
    times = {name: [] for name in chosen}
    for _ in range(args.repeat):  # interleaved, so a slow spell of the machine hits every variant
        for name, patch in chosen.items():
            times[name].append(run(args.folder, patch, args.payments))
    base = statistics.median(times["baseline"])
    for name, ts in times.items():
        t = statistics.median(ts)
        print(f"{name:14s} {t:7.2f} s  {100 * (t - base) / base:+6.1f} % without it")


if __name__ == "__main__":
    main()
