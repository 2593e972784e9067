"""parallel.shared: work shared with a forked copy gives what one process gives, errors included."""

from __future__ import annotations

import os
import time

import pytest

from rostercheck import parallel
from rostercheck.errors import OutputError

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="a forked copy needs POSIX fork")


@pytest.fixture(autouse=True)
def two_processes(monkeypatch):
    monkeypatch.setenv("ROSTERCHECK_WORKERS", "2")
    monkeypatch.delenv(parallel.START_METHOD_ENV, raising=False)


def copy_first(run):
    """``run`` made to hold this process's first item until the forked copy has started one: the tests below say which
    process took what, and a loaded machine may start the copy after this process has taken every item."""
    import multiprocessing

    here, seen, first = os.getpid(), multiprocessing.get_context("fork").Value("i", 0), []

    def paced(item):
        if os.getpid() != here:
            seen.value = 1
        elif not first:
            first.append(item)
            deadline = time.monotonic() + 120
            while not seen.value and time.monotonic() < deadline:
                time.sleep(0.01)
        return run(item)
    return paced


def test_both_processes_take_items_and_the_results_come_in_order():
    items = [f"C{k:02d}" for k in range(12)]
    done = parallel.shared(items, copy_first(lambda item: (item, os.getpid(), time.sleep(0.05))[:2]), big=True)
    assert list(done) == items and [v[0] for v in done.values()] == items
    assert len({pid for _, pid in done.values()}) == 2  # the copy took some


def test_items_kept_here_run_in_this_process_and_the_copy_takes_the_rest(monkeypatch):
    items = ["F01", "C01", "C02", "C03"]
    done = parallel.shared(items, copy_first(lambda item: (os.getpid(), time.sleep(0.02))[0]), big=True,
                           here=("F01",))
    assert list(done) == items and done["F01"] == os.getpid()
    assert {done[c] for c in ("C01", "C02", "C03")} != {os.getpid()}  # the copy took the others meanwhile
    # Kept here, the ledger may make this process bigger than a plain copy is allowed to be.
    monkeypatch.setattr(parallel, "FORK_MAX_BYTES", 0)
    assert {parallel.shared(["C01", "C02"], lambda _: os.getpid(), big=True)[c] for c in ("C01", "C02")} == {os.getpid()}
    pids = parallel.shared(["F01", "C01"], copy_first(lambda item: os.getpid()), big=True, here=("F01",))
    assert pids["C01"] != os.getpid()


def test_one_process_when_the_work_is_small_or_fork_is_not_the_way(monkeypatch):
    monkeypatch.delenv("ROSTERCHECK_WORKERS")
    assert {pid for pid in parallel.shared([1, 2, 3], lambda _: os.getpid(), big=False).values()} == {os.getpid()}
    monkeypatch.setenv(parallel.START_METHOD_ENV, "spawn")  # Windows' way: no forked copy
    assert {pid for pid in parallel.shared([1, 2, 3], lambda _: os.getpid(), big=True).values()} == {os.getpid()}


def test_an_error_in_the_copy_is_raised_here_with_its_type():
    here = os.getpid()

    def run(item):
        if os.getpid() != here:
            raise OutputError("报告无法写入：文件被占用")
        time.sleep(0.05)  # leave the copy some items
        return item

    with pytest.raises(OutputError, match="文件被占用"):
        parallel.shared(list(range(8)), copy_first(run), big=True)


def test_what_a_dead_copy_left_is_run_here():
    here = os.getpid()

    def run(item):
        if os.getpid() != here:
            os._exit(9)  # killed (out of memory …) before sending anything
        time.sleep(0.05)
        return item * 2

    assert parallel.shared(list(range(6)), run, big=True) == {k: k * 2 for k in range(6)}


def test_checks_run_in_the_copy_send_back_their_findings_and_the_notes_read_after_them(monkeypatch):
    import dataclasses

    from rostercheck import audit as audit_module
    from rostercheck.model import Finding
    from rostercheck.rules import PARTLY

    from helpers import context, household, make_id

    ctx = context(household("张三", make_id()))
    here = os.getpid()

    def rule(code):
        def check(c):
            time.sleep(0.05)
            if os.getpid() != here:
                c.cache["money:sources"] = [f"{code} 的提示"]  # a note only the copy made
                c.cache[PARTLY + code] = [f"{code} 部分未核查"]  # … and what it could not look at (held-out 240)
            return [Finding(code, 0, f"{code} 依据", "高", "名单", "1", "身份证号")]
        check.__module__ = f"module_{code}"
        return check

    codes = [f"X{k:02d}" for k in range(10)]
    ctx.specs.update({c: dataclasses.replace(ctx.specs["D01"], code=c) for c in codes})  # roster-only checks
    monkeypatch.setattr(audit_module, "load_all", lambda: {c: rule(c) for c in codes})
    monkeypatch.setattr(parallel, "BIG_MEMBERS", 0)
    found, _ = audit_module.run_checks(ctx, codes)
    assert [f.code for f in found] == codes
    assert ctx.cache["money:sources"][0].endswith("的提示")
    assert [k for k in ctx.cache if k.startswith(PARTLY)]


def test_work_beside_the_checks_comes_back_in_the_cache_and_with_the_money_checks_after_the_ledger(monkeypatch):
    import dataclasses

    from rostercheck import audit as audit_module
    from rostercheck.model import Finding

    from helpers import context, household, make_id

    def rule(code):
        def check(c):
            time.sleep(0.05)
            return [Finding(code, 0, f"{code} 依据", "高", "名单", "1", "身份证号")]
        check.__module__ = f"module_{code}"
        return check

    def pid_and(c, what):
        time.sleep(0.05)
        return os.getpid(), what, c.cache.get("ledger")

    monkeypatch.setattr(parallel, "BIG_MEMBERS", 0)
    monkeypatch.setattr(audit_module, "_built_first", lambda c: c.cache.update(ledger="built"))
    for codes, money in ((["X01", "X02", "X03", "X04"], False), (["F01", "F02", "F03", "F04"], True)):
        ctx = context(household("张三", make_id()))
        ctx.specs.update({c: dataclasses.replace(ctx.specs["D01"], code=c) for c in codes})  # roster-only checks
        monkeypatch.setattr(audit_module, "load_all", lambda codes=codes: {c: rule(c) for c in codes})
        beside = {f"notices:{k}": (lambda c=ctx, k=k: pid_and(c, k)) for k in range(4)}
        found, _ = audit_module.run_checks(ctx, codes, beside=beside)
        assert [f.code for f in found] == codes
        done = [ctx.cache.pop(name) for name in beside]
        assert [what for _, what, _ in done] == list(range(4))
        # shared with the copy; with the money checks, after the ledger is built: what reads the payments reads them
        # as the ledger left them
        assert len({pid for pid, _, _ in done}) == 2
        assert {ledger for _, _, ledger in done} == ({"built"} if money else {None})


def test_checks_of_one_module_run_in_one_process(monkeypatch):
    import dataclasses

    from rostercheck import audit as audit_module
    from rostercheck.model import Finding

    from helpers import context, household, make_id

    ctx = context(household("张三", make_id()))

    def rule(code, module):
        def check(c):
            time.sleep(0.05)
            return [Finding(code, 0, str(os.getpid()), "高", "名单", "1", "身份证号")]
        check.__module__ = module
        return check

    modules = {f"X{k:02d}": f"module_{k // 2}" for k in range(8)}  # pairs of checks sharing a module
    ctx.specs.update({c: dataclasses.replace(ctx.specs["D01"], code=c) for c in modules})  # roster-only checks
    monkeypatch.setattr(audit_module, "load_all", lambda: {c: rule(c, m) for c, m in modules.items()})
    monkeypatch.setattr(parallel, "BIG_MEMBERS", 0)
    found, _ = audit_module.run_checks(ctx, list(modules))
    pid = {f.code: f.evidence for f in found}
    assert all(pid[f"X{k:02d}"] == pid[f"X{k + 1:02d}"] for k in range(0, 8, 2))
    assert len(set(pid.values())) == 2  # and the modules were still shared between the two processes



def test_checks_reading_the_pensions_in_payment_run_in_one_process_first():
    # C03, C09 and C10 all read _econ.pensions: split between two processes, both would work them out (a second of a
    # city's run); the group of most checks goes first, so that the longest work does not start last
    from rostercheck.audit import _by_module
    from rostercheck.rules import load_all

    groups = _by_module(["C01", "C02", "C03", "C04", "C09", "C10"], load_all())
    assert groups[0] == ("C03", "C09", "C10")
    assert sorted(c for g in groups for c in g) == ["C01", "C02", "C03", "C04", "C09", "C10"]


def test_the_money_checks_reading_each_other_run_in_one_process():
    # F05 reads what F01–F03 recover and F04's duplicates: F04–F06 in a second process worked all of it out again
    # (1.6 s there against 1.0 s after F01–F03 here, on a city's year of ledgers); F07 reads none of it
    from rostercheck.audit import _by_module
    from rostercheck.rules import load_all

    groups = _by_module(["F01", "F02", "F03", "F04", "F05", "F06", "F07"], load_all())
    assert sorted(groups[0]) == ["F01", "F02", "F03", "F04", "F05", "F06"] and groups[1:] == [("F07",)]


def test_money_checks_build_here_first_then_share_their_modules_with_a_copy(monkeypatch):
    import dataclasses

    from rostercheck import audit as audit_module
    from rostercheck.model import Finding

    from helpers import context, household, make_id

    ctx = context(household("张三", make_id()))
    here = os.getpid()

    def rule(code, module):
        def check(c):
            time.sleep(0.1)
            return [Finding(code, 0, f"{os.getpid()} {c.cache.get('ledger')}", "高", "发放明细", "1", "身份证号")]
        check.__module__ = module
        return check

    modules = {"F01": "stop", "F02": "stop", "F03": "amounts", "F04": "amounts", "F05": "amounts", "F06": "account"}
    ctx.specs.update({c: dataclasses.replace(ctx.specs["D01"], code=c) for c in modules})  # roster-only checks
    monkeypatch.setattr(audit_module, "load_all", lambda: {c: rule(c, m) for c, m in modules.items()})
    monkeypatch.setattr(audit_module, "_built_first", lambda c: c.cache.update(ledger=os.getpid()))  # built once, before the copy
    monkeypatch.setattr(parallel, "BIG_MEMBERS", 0)
    found, _ = audit_module.run_checks(ctx, list(modules))
    assert [f.code for f in found] == list(modules)
    pid = {f.code: int(f.evidence.split()[0]) for f in found}
    assert {f.evidence.split()[1] for f in found} == {str(here)}  # every check read the ledger built here
    assert pid["F03"] == pid["F04"] == pid["F05"] == here  # the module of most checks here
    assert pid["F01"] == pid["F02"]  # a module's checks in one process
    assert {pid["F01"], pid["F06"]} != {here}  # a copy took the others


def test_audit_reports_written_by_two_processes_are_those_one_process_writes(tmp_path, monkeypatch):
    import json
    import zipfile

    from helpers import AS_OF, county_inputs

    from rostercheck.audit import audit
    from rostercheck.io import problem_list

    result = audit(*county_inputs(), AS_OF)
    runs = tmp_path / "runs.txt"  # "pid part" of every part a process starts
    shared, parent = problem_list.parallel.shared, os.getpid()

    def slow_first(items, run, *args, **kwargs):
        started = []

        def paced(item):
            with open(runs, "a") as fh:
                fh.write(f"{os.getpid()} {item}\n")
            if os.getpid() == parent and not started and os.environ["ROSTERCHECK_WORKERS"] == "2":
                started.append(item)
                # this process's first part waits until the copy has started one (the two take parts as they come, and a
                # loaded machine may start the copy late: a fixed 2 s failed under a load of 9, a minute once under a
                # load of 7+), at most five minutes. (Waiting for a given part instead hung for the five minutes when
                # this process had taken that very part first: the copy, started later, took the one before.)
                deadline = time.monotonic() + 300
                while time.monotonic() < deadline and not any(
                        int(line.split()[0]) != parent for line in runs.read_text().splitlines()):
                    time.sleep(0.05)
            return run(item)
        return shared(items, paced, *args, **kwargs)

    monkeypatch.setattr(problem_list.parallel, "shared", slow_first)
    # (the fork is refused above a peak size, and this pytest process's peak is the whole session's: after thousands of
    # tests it may pass the limit, the parts then all written here)
    monkeypatch.setattr(problem_list.parallel, "FORK_MAX_BYTES_HERE", 1 << 62)
    options = {"as_of": AS_OF.isoformat()}
    outs = {}
    for workers in ("1", "2"):
        monkeypatch.setenv("ROSTERCHECK_WORKERS", workers)
        outs[workers] = tmp_path / workers
        paths = problem_list.write_audit_reports(result, outs[workers], options, mask=True, by_township=True)
        assert all(p.exists() for p in paths.values())
        if workers == "1":
            assert {int(line.split()[0]) for line in runs.read_text().splitlines()} == {parent}
            runs.write_text("")
    pids = [int(line.split()[0]) for line in runs.read_text().splitlines()]
    assert parent in pids and any(pid != parent for pid in pids)  # both processes wrote parts
    one, two = (sorted(p.relative_to(outs[w]) for p in outs[w].rglob("*") if p.is_file()) for w in ("1", "2"))
    assert one == two and len(one) > 4
    for rel in one:
        a, b = outs["1"] / rel, outs["2"] / rel
        if rel.suffix == ".xlsx":
            with zipfile.ZipFile(a) as za, zipfile.ZipFile(b) as zb:
                parts = [n for n in za.namelist() if n != "docProps/core.xml"]  # which holds the time it was made
                assert parts == [n for n in zb.namelist() if n != "docProps/core.xml"]
                assert all(za.read(n) == zb.read(n) for n in parts), rel
        elif rel.suffix == ".json":
            ja, jb = json.loads(a.read_text(encoding="utf-8")), json.loads(b.read_text(encoding="utf-8"))
            assert {**ja, "run_at": ""} == {**jb, "run_at": ""}
        else:
            assert a.read_bytes() == b.read_bytes(), rel


@pytest.mark.parametrize("given, expected", [(None, "False"), ("1", "True")])
def test_numpy_huge_page_requests_are_off_unless_the_user_asks(given, expected):
    import subprocess
    import sys

    env = {k: v for k, v in os.environ.items() if k != "NUMPY_MADVISE_HUGEPAGE"}
    if given is not None:
        env["NUMPY_MADVISE_HUGEPAGE"] = given
    code = ("import rostercheck, numpy\ntry:\n    from numpy._core import multiarray as m\nexcept ImportError:\n"
            "    from numpy.core import multiarray as m\nprint(m._get_madvise_hugepage())")  # numpy 2 / numpy 1
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == expected


def test_an_error_of_the_copy_that_does_not_pickle_keeps_its_type_name_and_where_it_happened():
    # (a bench city run once stopped "程序内部错误（RuntimeError）" with nothing more, even under --debug: the copy's
    # error, a type that does not pickle, had come back as a bare RuntimeError of its text)
    here = os.getpid()

    class Unpicklable(Exception):
        def __reduce__(self):
            raise TypeError("no")

    def run(item):
        if os.getpid() != here:
            raise Unpicklable("native failure")
        time.sleep(0.05)
        return item

    with pytest.raises(parallel.ChildError) as caught:
        parallel.shared(list(range(8)), copy_first(run), big=True)
    assert caught.value.kind == "Unpicklable" and str(caught.value) == "Unpicklable: native failure"
    assert "raise Unpicklable" in caught.value.child_trace


def test_an_error_of_the_copy_carries_the_copys_traceback():
    here = os.getpid()

    def run(item):
        if os.getpid() != here:
            raise OutputError("报告无法写入：文件被占用")
        time.sleep(0.05)
        return item

    with pytest.raises(OutputError) as caught:
        parallel.shared(list(range(8)), copy_first(run), big=True)
    assert 'raise OutputError("报告无法写入' in caught.value.child_trace
