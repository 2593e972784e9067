"""Benchmark: the full audit against the floor of merely reading the same files, in one run.

Usage:
  python bench/city.py --out bench/data/city            # once: generate the city data set
  python bench/run.py bench/data/city [--repeat 1]      # time audit vs. read floor, peak memory

With a year of payment ledgers (the money sieve, F01–F07), in a folder of their own beside the city's:

  python bench/ledgers.py --roster bench/data/city/低保花名册.xlsx --out bench/data/city-ledgers   # once
  python bench/run.py bench/data/city --payments bench/data/city-ledgers

The audit then gets ``--payments DIR`` (the folder stands for the ledger files in it) and the floor reads
DIR's .csv/.xlsx/.xls files too.

The floor reads every input with the fastest reader in the dependency set and nothing else:
fastexcel for .xlsx (every cell as text, into Arrow), python-calamine for .xls, DuckDB for UTF-8 CSV and Parquet (every cell as text, all rows
materialised batch by batch), pandas' C parser for GBK text. Each phase runs in a fresh process;
times are medians of the --repeat runs. Peak memory is the largest process's maximum resident set
size, and (Linux) the summed PSS of the process and its children, sampled every 0.2 s in one more run
of each phase (sampling walks the processes' page tables, so timed runs are not sampled).

  python bench/province.py --out bench/data/province --format parquet   # province scale
  python bench/run.py bench/data/province --engine duckdb
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

KINDS = {
    "财政供养人员名单": "staff", "村干部名单": "cadres", "死亡人员名单": "deaths", "服刑人员名单": "prisoners",
    "户籍迁出名单": "migrations", "养老金发放名单": "pensions", "机动车登记信息": "vehicles",
    "不动产登记信息": "properties", "市场主体登记信息": "businesses", "社保缴费工资": "wages",
    "赡养义务人信息": "supporters", "户籍人口": "registry", "近亲属备案表": "cadre_relatives",
}
FLOOR = r"""
import sys
from pathlib import Path
import pandas as pd
from python_calamine import CalamineWorkbook
import duckdb
import fastexcel
rows = 0
for p in sys.argv[1:]:
    p = Path(p)
    q = str(p).replace("'", "''")
    if p.suffix == '.parquet':
        reader = duckdb.sql(f"SELECT CAST(COLUMNS(*) AS VARCHAR) FROM read_parquet('{q}')").fetch_record_batch(1 << 20)
        rows += sum(b.num_rows for b in reader)
    elif p.suffix == '.xlsx':
        book = fastexcel.read_excel(str(p))
        for name in book.sheet_names:
            rows += book.load_sheet(name, header_row=None, dtypes="string").to_arrow().num_rows
    elif p.suffix == '.xls':
        book = CalamineWorkbook.from_path(str(p))
        for name in book.sheet_names:
            rows += len(book.get_sheet_by_name(name).to_python())
    else:
        try:
            reader = duckdb.sql(f"SELECT * FROM read_csv('{q}', all_varchar = true, header = false)").fetch_record_batch(1 << 20)
            rows += sum(b.num_rows for b in reader)
            continue
        except duckdb.Error:  # not UTF-8: pandas below
            pass
        for enc in ('utf-8-sig', 'gb18030'):
            try:
                rows += len(pd.read_csv(p, dtype=str, header=None, encoding=enc, keep_default_na=False))
                break
            except UnicodeDecodeError:
                continue
print(rows)
"""
WRAP = r"""
import os, resource, subprocess, sys, threading, time

def tree_pss(root):
    # Summed PSS (KB) of a process and its descendants, from /proc (Linux); 0 elsewhere.
    parents = {}
    for d in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as fh:
                    parents[int(d)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    tree, grew = {root}, True
    while grew:
        more = {p for p, pp in parents.items() if pp in tree} - tree
        tree |= more
        grew = bool(more)
    total = 0
    for p in tree:
        try:
            with open(f"/proc/{p}/smaps_rollup") as fh:
                total += next(int(line.split()[1]) for line in fh if line.startswith("Pss:"))
        except (OSError, StopIteration, ValueError):
            pass
    return total

sample, cmd = sys.argv[1] == "sample", sys.argv[2:]
t = time.perf_counter()
proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
peak = [0]
def watch():
    while proc.poll() is None:
        peak[0] = max(peak[0], tree_pss(proc.pid))
        time.sleep(0.2)
if sample:
    threading.Thread(target=watch, daemon=True).start()
code = proc.wait()
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, code, peak[0])
"""


def measure(cmd: list[str], sample: bool = False) -> tuple[float, float, int, float]:
    """Run a command in a fresh process.

    Args:
        cmd: the command.
        sample: also sample the summed PSS of the process and its children every 0.2 s. Reading
            /proc/PID/smaps_rollup walks the page tables of a big process (about 20 ms each time), which
            would slow what is timed: the timed runs do not sample, one more run of each command does.
    Returns:
        (seconds, peak MB of the largest process, exit code, peak MB of all its processes together
        (0 unless sampled, or where /proc is missing)).
    """
    out = subprocess.run([sys.executable, "-c", WRAP, "sample" if sample else "time", *cmd], capture_output=True,
                         text=True, check=True).stdout.split()
    return float(out[0]), float(out[1]) / 1024, int(out[2]), float(out[3]) / 1024


def inputs(folder: Path) -> tuple[list[Path], dict[str, Path]]:
    """Find the rosters and reference lists in a generated folder by file name."""
    rosters, lists = [], {}
    for p in sorted(folder.iterdir()):
        if not p.is_file() or p.suffix not in (".xlsx", ".xls", ".csv", ".txt", ".parquet"):
            continue
        kind = next((k for stem, k in KINDS.items() if p.stem.startswith(stem)), None)
        if kind:
            lists[kind] = p
        elif "花名册" in p.stem or "名册" in p.stem:
            rosters.append(p)
    return rosters, lists


LEDGER_SUFFIXES = (".csv", ".xlsx", ".xls")  # what the floor reads of a --payments folder


def ledger_files(folder: Path) -> list[Path]:
    """The payment ledgers in a folder given as --payments, sorted by name (Excel's ~$ lock files left out)."""
    return sorted(p for p in folder.iterdir()
                  if p.is_file() and p.suffix.lower() in LEDGER_SUFFIXES and not p.name.startswith("~$"))


def compiled() -> None:
    """Compile the installed rostercheck's modules to bytecode, as ``pip install`` does, so that the audit is timed as a
    user runs it: an editable install under PYTHONDONTWRITEBYTECODE (this machine's environment) would otherwise compile
    every module in every run (0.3 s of CPU at the start), while the floor's libraries come compiled."""
    import compileall
    import importlib.util

    spec = importlib.util.find_spec("rostercheck")
    if spec is not None and spec.origin:
        compileall.compile_dir(str(Path(spec.origin).parent), quiet=1)


def main() -> None:
    """Run the benchmark and print a table plus JSON."""
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--engine", default="")
    ap.add_argument("--payments", type=Path,
                    help="a folder of payment ledgers (bench/ledgers.py --roster): given to the audit, read by the floor")
    args = ap.parse_args()
    rosters, lists = inputs(args.folder)
    ledgers = ledger_files(args.payments) if args.payments else []
    if args.payments and not ledgers:
        ap.error(f"no ledger files ({'/'.join(LEDGER_SUFFIXES)}) in {args.payments}")
    files = [*rosters, *lists.values(), *ledgers]
    local = Path(sys.executable).with_name("rostercheck")
    exe = str(local) if local.exists() else shutil.which("rostercheck") or "rostercheck"
    out = Path(tempfile.mkdtemp(prefix="rc-bench-"))
    audit = [exe, "audit", *map(str, rosters), *[a for k, p in lists.items() for a in (f"--{k.replace('_', '-')}", str(p))],
             "--as-of", "2026-09-30", "--out", str(out)]
    if args.engine:
        audit += ["--engine", args.engine]
    if args.payments:
        audit += ["--payments", str(args.payments)]
    floor = [sys.executable, "-c", FLOOR, *map(str, files)]
    compiled()
    a_runs, f_runs = [], []
    for _ in range(args.repeat):
        f_runs.append(measure(floor))
        a_runs.append(measure(audit))
    a_t, f_t = statistics.median(r[0] for r in a_runs), statistics.median(r[0] for r in f_runs)
    f_runs.append(measure(floor, sample=True))  # memory only: sampling slows what it watches
    a_runs.append(measure(audit, sample=True))
    a_m, f_m = max(r[1] for r in a_runs), max(r[1] for r in f_runs)
    a_all, f_all = max(r[3] for r in a_runs), max(r[3] for r in f_runs)
    size = sum(p.stat().st_size for p in files) / 1e6
    print(f"inputs: {len(rosters)} rosters + {len(lists)} lists + {len(ledgers)} ledgers, {size:.0f} MB")
    print(f"read floor : {f_t:8.1f} s  peak {f_m:7.0f} MB  (all processes {f_all:.0f} MB)")
    print(f"full audit : {a_t:8.1f} s  peak {a_m:7.0f} MB  (all processes {a_all:.0f} MB)  (exit {a_runs[-1][2]})")
    print(f"ratio      : {a_t / f_t:8.2f} x")
    print(json.dumps({"floor_s": f_t, "audit_s": a_t, "ratio": a_t / f_t, "floor_peak_mb": f_m, "audit_peak_mb": a_m,
                      "floor_all_processes_mb": f_all, "audit_all_processes_mb": a_all,
                      "ledgers": len(ledgers)}))
    shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
