"""A run stopped by SIGTERM while it writes its reports leaves nothing behind and says so (h453)."""
import signal
import subprocess
import sys

import openpyxl
import pytest

from helpers import make_id

# SIGTERM lands at a fixed point: when the first report's temporary file has been written (a timed signal would race
# the run). Before h453 the process died there: hidden '.~findings….csv.tmp' files holding full IDs stayed in --out.
_TERMINATE_WHILE_WRITING = """
import os, runpy, signal, sys
import rostercheck.io.report as report
_SIGNAL = getattr(signal, sys.argv[1])
_write_csv = report.write_csv
def write_csv(frame, target):
    _write_csv(frame, target)
    os.kill(os.getpid(), _SIGNAL)
report.write_csv = write_csv
sys.argv = ["rostercheck", *sys.argv[2:]]
runpy.run_module("rostercheck", run_name="__main__")
"""


@pytest.mark.skipif(sys.platform == "win32", reason="SIGTERM and SIGHUP end a process outright on Windows")
@pytest.mark.parametrize("name, code", [("SIGTERM", 143), ("SIGHUP", 129), ("SIGINT", 130)])
def test_a_run_stopped_while_writing_leaves_no_report_and_says_so(tmp_path, name, code):
    roster = tmp_path / "低保花名册.xlsx"
    book = openpyxl.Workbook()
    book.active.append(["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "月保障金"])
    for k in range(3):
        pid = make_id(f"1960010{k + 1}", 101 + 2 * k)
        book.active.append(["城关镇", "东门社区", f"李{k}明", pid, f"李{k}明", "户主", pid, 516])
    book.save(roster)
    out = tmp_path / "结果" / "第三季度"
    res = subprocess.run([sys.executable, "-c", _TERMINATE_WHILE_WRITING, name, "audit", str(roster),
                          "--as-of", "2026-09-30", "--out", str(out)],
                         capture_output=True, text=True, encoding="utf-8", errors="replace", timeout=300)
    assert "Traceback" not in res.stderr and "KeyboardInterrupt" not in res.stderr, res.stderr
    assert res.returncode == code and "已中断" in res.stderr, (res.returncode, res.stderr[-500:])
    # no report, no staged file, no empty folder this run made
    assert not out.exists() and not (tmp_path / "结果").exists(), sorted(p.name for p in tmp_path.rglob("*"))


def test_a_forked_copy_keeps_the_default_on_sigterm():
    """A forked copy (parallel.shared, the report writer) dies on SIGTERM as before: only the main process unwinds."""
    script = ("import os, signal, sys, time\n"
              "from rostercheck import cli\n"
              "cli._stop_on_signals()\n"
              "pid = os.fork()\n"
              "if pid == 0:\n"
              "    os.kill(os.getpid(), signal.SIGTERM)\n"
              "    time.sleep(5)\n"
              "    os._exit(0)\n"
              "_, status = os.waitpid(pid, 0)\n"
              "print(os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM)\n")
    if not hasattr(signal, "SIGTERM") or sys.platform == "win32":
        pytest.skip("fork is POSIX")
    res = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert res.stdout.strip() == "True", (res.stdout, res.stderr)
