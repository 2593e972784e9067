"""Filtering the big lists to the people of interest gives the same findings as reading them whole, and filters what it may."""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from rostercheck import bulk, loading
from rostercheck.audit import audit
from rostercheck.io.read import read_grids
from rostercheck.io.table import read_file, to_table
from rostercheck.namematch import name_counts
from rostercheck.normalize import ids
from rostercheck.normalize.values import text

from helpers import AS_OF, COUNTY, COUNTY_LISTS, COUNTY_ROSTERS, county_inputs

ROOT = Path(__file__).resolve().parents[1]


def _as_text_file(src: Path, dst_dir: Path, parquet: bool, sheet: int = 0) -> Path:
    """Rewrite a sheet (title rows and all) as UTF-8 CSV, or as Parquet below its header."""
    grid = read_grids(src)[sheet]
    rows = [[text(c) for c in row] for row in grid.rows]
    src = src.with_name(f"{src.stem}_{grid.sheet}" if grid.sheet else src.stem)
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    if parquet:  # Parquet has no title rows: the header is the first row with two or more cells
        start = next(i for i, r in enumerate(rows) if sum(1 for c in r if c) >= 2)
        names = [c or f"列{i + 1}" for i, c in enumerate(rows[start])]
        path = dst_dir / (src.stem + ".parquet")
        pd.DataFrame(rows[start + 1:], columns=names, dtype=object).to_parquet(path, index=False)
        return path
    path = dst_dir / (src.stem + ".csv")
    with path.open("w", encoding="utf-8-sig", newline="") as fh:
        csv.writer(fh).writerows(rows)
    return path


@pytest.fixture(scope="module")
def county_files(tmp_path_factory):
    """The sample county with every file as UTF-8 CSV or Parquet (one roster file per sheet)."""
    out = tmp_path_factory.mktemp("engine")
    lists = {k: _as_text_file(COUNTY / name, out, i % 2 == 1) for i, (k, name) in enumerate(COUNTY_LISTS.items())}
    rosters = [_as_text_file(COUNTY / r, out, i % 2 == 1, sheet) for i, r in enumerate(COUNTY_ROSTERS)
               for sheet in range(len(read_grids(COUNTY / r)))]
    return rosters, lists


@pytest.fixture(scope="module")
def both(county_files):
    """Read whole by the in-memory readers, and filtered with every CSV/Parquet file streamed by DuckDB."""
    rosters, lists = county_files
    whole = audit(rosters, lists, AS_OF, whole=True)
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(bulk, "STREAM_MIN_BYTES", 0)
        return whole, audit(rosters, lists, AS_OF)


def test_filtered_and_whole_give_identical_findings(both):
    memory, duck = both
    assert len(memory.findings) > 40
    assert set(memory.findings["类别代码"]) >= {"C01", "C02", "C03", "C04", "C05", "C06", "RQ2"}
    pd.testing.assert_frame_equal(memory.findings, duck.findings)


def test_filtering_really_filters(both):
    memory, duck = both
    for kind in ("registry", "pensions", "vehicles"):
        assert len(duck.inputs.lists[kind]) < len(memory.inputs.lists[kind])
    assert [t.rows for t in memory.inputs.tables] == [t.rows for t in duck.inputs.tables]


def _valid(first17: str) -> str:
    return first17 + ids.check_char(first17)


MEMBER = _valid("43052119800101123")
STRANGER = _valid("43052119900202456")
KIN = _valid("43052119550505111")  # not on the roster, same registry household as the member
DAMAGED_MEMBER = MEMBER[:15] + ("7" if MEMBER[15] != "7" else "8") + MEMBER[16:]  # one mistyped digit


def _members(*values: str) -> pd.DataFrame:
    v, s, r, _ = ids.id_numbers(list(values))
    return pd.DataFrame({"id": v, "id_status": s, "id_reliable": r})


def _registry(tmp_path: Path, rows: list[list[str]]) -> Path:
    path = tmp_path / "户籍人口.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["户籍人口信息表"])
        w.writerow(["户号", "姓名", "公民身份号码", "与户主关系"])
        w.writerows(rows)
    return path


def test_filter_keeps_members_damaged_ids_and_whole_households(tmp_path):
    path = _registry(tmp_path, [
        ["0001", "张三", MEMBER, "户主"],
        ["1", "张老三", KIN, "父亲"],          # same household once leading zeros are dropped
        ["0002", "李四", STRANGER, "户主"],     # unrelated: dropped
        ["0003", "王五", DAMAGED_MEMBER, "户主"],  # damaged ID: kept for the repaired comparison
        ["0004", "赵六", "430521800101123", "户主"],  # 15-digit ID: kept
        ["合计", "", "", ""],
    ])
    with bulk.Streamer(bulk.key_set([_members(MEMBER)])) as streamer:
        table = streamer.load(path, "registry")
    assert table.frame["id"].tolist() == [MEMBER, KIN, DAMAGED_MEMBER, "430521800101123"]
    assert table.frame["_row"].tolist() == [3, 4, 6, 7]
    assert table.row_count == 5  # the 合计 row is not a data row


def test_registry_read_whole_keeps_what_the_streaming_filter_keeps(tmp_path):
    path = _registry(tmp_path, [
        ["0001", "张三", MEMBER, "户主"], ["1", "张老三", KIN, "父亲"], ["0002", "李四", STRANGER, "户主"],
        ["0003", "王五", DAMAGED_MEMBER, "户主"], ["0004", "赵六", "430521800101123", "户主"], ["合计", "", "", ""],
    ])
    keys = bulk.key_set([_members(MEMBER)])
    with bulk.Streamer(keys) as streamer:
        streamed = streamer.load(path, "registry")
    table = to_table(read_file(path, "registry"))
    counts = bulk.filter_registry(table, keys, {MEMBER})
    assert table.frame["_row"].tolist() == streamed.frame["_row"].tolist() == [3, 4, 6, 7]
    assert table.row_count == streamed.row_count == 5
    # 张三's ID, and 赵六's 15-digit form of it, are the member's: counted with the roster, not here.
    assert counts == {"张老三": 1, "李四": 1, "王五": 1}


def test_a_business_row_is_kept_for_its_investor_as_for_its_legal_representative(tmp_path):
    path = tmp_path / "市场主体.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["主体名称", "法定代表人", "法定代表人证件号码", "投资人", "投资人证件号码", "从业人数", "登记状态"])
        w.writerow(["甲合作社", "李四", STRANGER, "张三", MEMBER, "6", "存续"])  # kept for the investor
        w.writerow(["乙公司", "张三", MEMBER, "李四", STRANGER, "6", "存续"])
        w.writerow(["丙公司", "李四", STRANGER, "李四", STRANGER, "6", "存续"])  # no one of interest
    keys = bulk.key_set([_members(MEMBER)])
    with bulk.Streamer(keys) as streamer:
        streamed = streamer.load(path, "businesses")
    in_memory = to_table(read_file(path, "businesses"), keys.keeps)
    assert streamed.frame["_row"].tolist() == in_memory.frame["_row"].tolist() == [2, 3]


def test_filter_keeps_valid_ids_one_digit_from_a_damaged_member(tmp_path):
    path = _registry(tmp_path, [["1", "张三", MEMBER, "户主"], ["2", "李四", STRANGER, "户主"]])
    keys = bulk.key_set([_members(DAMAGED_MEMBER)])
    assert ids.id_number(DAMAGED_MEMBER).status == ids.CHECK
    with bulk.Streamer(keys) as streamer:
        assert streamer.load(path, "registry").frame["id"].tolist() == [MEMBER]


def test_filtering_agrees_on_a_generated_province_in_miniature(tmp_path, monkeypatch):
    """The province generator's shapes (registry households, mistyped IDs), 3,000 members, Parquet."""
    import sys

    sys.path.insert(0, str(ROOT / "bench"))
    from province import generate

    files = generate(tmp_path, members=3_000, rows=40_000, fmt="parquet", seed=7)
    rosters = files.pop("rosters")
    lists = {kind: paths[0] for kind, paths in files.items()}
    memory = audit(rosters, lists, AS_OF, whole=True)
    monkeypatch.setattr(bulk, "STREAM_MIN_BYTES", 0)  # every file as big as a province's
    duck = audit(rosters, lists, AS_OF)
    assert len(duck.inputs.lists["pensions"]) < len(memory.inputs.lists["pensions"])
    assert {"C02", "C03", "C04"} <= set(memory.findings["类别代码"])
    pd.testing.assert_frame_equal(memory.findings, duck.findings)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_filtering_agrees_on_the_sample_county_as_given(workers, monkeypatch):
    """Excel and GBK lists are read as columns and filtered before becoming rows (in a second process with 2 workers)."""
    monkeypatch.setenv("ROSTERCHECK_WORKERS", workers)
    rosters, lists = county_inputs()
    memory = audit(rosters, lists, AS_OF, whole=True)
    duck = audit(rosters, lists, AS_OF)
    assert not bulk.readable(lists["pensions"]) and len(duck.inputs.lists["pensions"]) < len(memory.inputs.lists["pensions"])
    assert [t.rows for t in memory.inputs.tables] == [t.rows for t in duck.inputs.tables]
    pd.testing.assert_frame_equal(memory.findings, duck.findings)


def test_filtering_agrees_when_the_second_process_streams_the_csv_lists(monkeypatch):
    """With two processes, the worker streams the big CSV lists (the registry's namesakes counted there)."""
    monkeypatch.setenv("ROSTERCHECK_WORKERS", "2")
    rosters, lists = county_inputs()
    memory = audit(rosters, lists, AS_OF, whole=True)
    monkeypatch.setattr(bulk, "STREAM_MIN_BYTES", 0)
    duck = audit(rosters, lists, AS_OF)
    assert bulk.streams(lists["registry"]) and len(duck.inputs.lists["registry"]) < len(memory.inputs.lists["registry"])
    assert duck.inputs.name_counts == name_counts(memory.inputs.members, memory.inputs.lists["registry"])
    assert [t.rows for t in memory.inputs.tables] == [t.rows for t in duck.inputs.tables]
    pd.testing.assert_frame_equal(memory.findings, duck.findings)


@pytest.mark.parametrize("workers", ["1", "2"])
def test_filtering_agrees_when_the_registry_is_read_after_loading(workers, monkeypatch, tmp_path):
    """A registry DuckDB cannot stream (GBK here) is filtered after reading, in the worker process with 2 workers."""
    monkeypatch.setenv("ROSTERCHECK_WORKERS", workers)
    rosters, lists = county_inputs()
    gbk = tmp_path / "户籍人口.csv"
    gbk.write_bytes(lists["registry"].read_text(encoding="utf-8-sig").encode("gb18030"))
    lists["registry"] = gbk
    memory = audit(rosters, lists, AS_OF, whole=True)
    duck = audit(rosters, lists, AS_OF)
    assert not bulk.readable(gbk) and {"RQ2", "C01"} <= set(duck.findings["类别代码"])
    assert len(duck.inputs.lists["registry"]) < len(memory.inputs.lists["registry"])  # filtered, households whole
    assert duck.inputs.name_counts == name_counts(memory.inputs.members, memory.inputs.lists["registry"])
    assert [t.rows for t in memory.inputs.tables] == [t.rows for t in duck.inputs.tables]
    pd.testing.assert_frame_equal(memory.findings, duck.findings)


def test_a_held_registry_leaves_the_streamed_lists_to_this_process(monkeypatch, tmp_path):
    """With the registry filtered in the second process (read whole, kept by households), the big CSV lists are
    streamed here meanwhile, not after it there; the findings and namesake counts are those of reading all whole."""
    from rostercheck import loading

    monkeypatch.setenv("ROSTERCHECK_WORKERS", "2")
    rosters, lists = county_inputs()
    gbk = tmp_path / "户籍人口.csv"
    gbk.write_bytes(lists["registry"].read_text(encoding="utf-8-sig").encode("gb18030"))
    lists["registry"] = gbk
    memory = audit(rosters, lists, AS_OF, whole=True)
    monkeypatch.setattr(bulk, "STREAM_MIN_BYTES", 0)
    monkeypatch.setattr(loading, "_worker_share", lambda held, *args: ["registry"])
    here: list[str] = []
    stream = loading._stream

    def spy(kinds, *args, **kwargs):
        here.extend(kinds)
        return stream(kinds, *args, **kwargs)

    monkeypatch.setattr(loading, "_stream", spy)  # (this process's calls only: the worker's is its own copy)
    duck = audit(rosters, lists, AS_OF)
    assert "vehicles" in here and bulk.streams(lists["vehicles"])
    assert duck.inputs.name_counts == name_counts(memory.inputs.members, memory.inputs.lists["registry"])
    assert [t.rows for t in memory.inputs.tables] == [t.rows for t in duck.inputs.tables]
    pd.testing.assert_frame_equal(memory.findings, duck.findings)


_SLOW: dict = {}


def _slow_finish(*args):
    """loading._finish_held, three seconds late in the worker (a forked copy of the test process)."""
    import os
    import time

    if os.getpid() != _SLOW["main"]:
        time.sleep(3)
    return _SLOW["finish"](*args)


def _finish_after_early_checks(*args):
    """loading._finish_held, in the worker (a forked copy of the test process), once this process has run the checks
    that need none of its lists (at most two minutes: a fixed three seconds is a race on a loaded machine)."""
    import os
    import time

    if os.getpid() != _SLOW["main"]:
        deadline = time.monotonic() + 120
        while not _SLOW["early_done"].exists() and time.monotonic() < deadline:
            time.sleep(0.02)
    return _SLOW["finish"](*args)


def test_checks_run_while_the_second_process_reads_and_give_the_same_findings(monkeypatch, tmp_path):
    """Checks needing none of the worker's lists run before those arrive; the others wait; nothing changes."""
    import os

    from rostercheck import audit as audit_module
    from rostercheck import loading

    rosters, lists = county_inputs()
    monkeypatch.setenv("ROSTERCHECK_WORKERS", "1")
    one = audit(rosters, lists, AS_OF)
    monkeypatch.setenv("ROSTERCHECK_WORKERS", "2")
    ready = audit_module.run_ready_checks
    _SLOW.update(main=os.getpid(), finish=loading._finish_held, early_done=tmp_path / "early_done")
    early: dict[str, list] = {}
    pending: set[str] = set()

    def spy(ctx, codes, waiting):
        pending.update(ctx.lists.pending)
        early.update(ready(ctx, codes, waiting))
        _SLOW["early_done"].touch()
        return early

    monkeypatch.setattr(loading, "_finish_held", _finish_after_early_checks)
    monkeypatch.setattr(audit_module, "run_ready_checks", spy)
    two = audit(rosters, lists, AS_OF)
    assert pending and early  # some lists were still being read while some checks ran
    ran_late = set(two.findings["类别代码"]) - set(early)
    assert ran_late, "a check needing a pending list waited for it"
    pd.testing.assert_frame_equal(one.findings.drop(columns=["_member"]), two.findings.drop(columns=["_member"]))
    assert [t.path for t in one.inputs.tables] == [t.path for t in two.inputs.tables]
    assert list(one.inputs.lists) == list(two.inputs.lists) and one.inputs.name_counts == two.inputs.name_counts


def test_with_a_payment_ledger_no_check_runs_before_the_ledger_is_linked(monkeypatch):
    """Linking a ledger is this process's path: the checks needing no pending list wait for the copy forked for the
    other checks instead of running here while the lists arrive; the findings are the same."""
    import os

    from rostercheck import audit as audit_module

    rosters, lists = county_inputs()
    ledgers = [COUNTY / "资金发放"]
    monkeypatch.setenv("ROSTERCHECK_WORKERS", "1")
    one = audit(rosters, lists, AS_OF, payments=ledgers)
    monkeypatch.setenv("ROSTERCHECK_WORKERS", "2")
    _SLOW.update(main=os.getpid(), finish=loading._finish_held)
    called: list[bool] = []
    ready = audit_module.run_ready_checks
    monkeypatch.setattr(loading, "_finish_held", _slow_finish)
    monkeypatch.setattr(audit_module, "run_ready_checks", lambda *a: called.append(True) or ready(*a))
    two = audit(rosters, lists, AS_OF, payments=ledgers)
    assert not called
    pd.testing.assert_frame_equal(one.findings.drop(columns=["_member"]), two.findings.drop(columns=["_member"]))


def test_a_ledger_unreadable_in_its_own_process_is_reported_as_in_one(monkeypatch, tmp_path):
    """A ledger file named on its own that is no ledger stops the run with its message, whether it is read here or in
    the ledgers' process (read ahead there while this one reads the rosters)."""
    from rostercheck.errors import InputFileError

    rosters, lists = county_inputs()
    bad = tmp_path / "说明.csv"
    bad.write_text("项目,备注\n低保金,按月发放\n", encoding="utf-8")
    said = []
    for workers in ("1", "2"):
        monkeypatch.setenv("ROSTERCHECK_WORKERS", workers)
        with pytest.raises(InputFileError) as raised:
            audit(rosters, lists, AS_OF, payments=[COUNTY / "资金发放", bad])
        said.append((raised.value.path, raised.value.message))
    assert said[0] == said[1] and said[0][0] == str(bad)


def test_a_check_naming_a_pending_list_is_left_before_any_of_its_work(monkeypatch):
    """run_ready_checks does not start a check that names a list still pending: it reads every list it names that is
    given, so it would go Pending, after part of its work (RQ3 and C09 spent 0.1-0.2 s each so on the bench city)."""
    from types import SimpleNamespace

    from rostercheck import audit as audit_module
    from rostercheck.model import Arriving

    started = []
    rules = {code: (lambda ctx, code=code: started.append(code) or []) for code in ("C03", "D01")}
    monkeypatch.setattr(audit_module, "load_all", lambda: rules)
    monkeypatch.setattr(audit_module, "_runnable", lambda ctx, codes: (["C03", "D01"], {}))
    spec = {"C03": SimpleNamespace(needs=["pensions"], needs_also=[], needs_partly=[], runs_on=["pensions"]),
            "D01": SimpleNamespace(needs=[], needs_also=[], needs_partly=[], runs_on=[])}
    ctx = SimpleNamespace(lists=Arriving({}, ["pensions"]), specs=spec)
    assert list(audit_module.run_ready_checks(ctx, None, lambda: True)) == ["D01"] and started == ["D01"]


def test_a_pending_list_counts_as_given_but_cannot_be_read_until_it_arrives():
    from rostercheck.model import Arriving, Pending

    lists = Arriving({"deaths": "d"}, ["vehicles"])
    assert "vehicles" in lists and "deaths" in lists and "wages" not in lists
    assert lists["deaths"] == "d" and lists.get("wages") is None
    for look in (lambda: lists["vehicles"], lambda: lists.get("vehicles"), lambda: list(lists), lambda: len(lists),
                 lambda: dict(lists.items())):
        with pytest.raises(Pending):
            look()
    lists["vehicles"] = "v"
    assert dict(lists) == {"deaths": "d", "vehicles": "v"} and not lists.pending


def test_rows_below_blank_lines_keep_their_spreadsheet_row_numbers(tmp_path):
    path = tmp_path / "户籍人口.csv"
    path.write_text("户籍人口信息表\n\n户号,姓名,公民身份号码,与户主关系\n1,张三," + MEMBER + ",户主\n\n\r\n"
                    "1,张老三," + KIN + ",父亲\n\n", encoding="utf-8")
    with bulk.Streamer(bulk.key_set([_members(MEMBER)])) as streamer:
        streamed = streamer.load(path, "registry").frame
    whole = bulk.load_whole(path, "registry").frame
    from rostercheck.io.table import load_table

    expected = load_table(path, "registry").frame["_row"].tolist()
    assert expected == [4, 7]
    assert streamed["_row"].tolist() == expected and whole["_row"].tolist() == expected


_ID_CELLS = st.one_of(
    st.sampled_from([MEMBER, MEMBER.lower(), STRANGER, KIN, DAMAGED_MEMBER, " " + STRANGER, STRANGER[:17] + "0",
                     "430521800101123", "", "合计", "４" + STRANGER[1:], "İ" * 18]),
    st.builds(lambda s, d: _valid(s[:15] + d + s[16:17]), st.sampled_from([MEMBER[:17], DAMAGED_MEMBER[:17]]),
              st.sampled_from("0123456789")),  # one digit away from a member or a damaged ID
    st.text("0123456789Xx", min_size=17, max_size=19),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cells=st.lists(_ID_CELLS, min_size=1, max_size=12))
@example(cells=["合计", "合计", "合计"])  # only totals under 身份证号: still the ID column, no data rows
@example(cells=["0000000000000XXXX"] * 3)  # nothing under 身份证号 can be an ID: not the ID column, refused by both
def test_in_memory_filter_keeps_exactly_what_the_streaming_filter_keeps(tmp_path, cells):
    from rostercheck.errors import InputFileError

    path = tmp_path / "死亡人员名单.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["姓名", "身份证号", "死亡日期"])
        w.writerows([[f"人{i}", c, "2026-01-01"] for i, c in enumerate(cells)])
    keys = bulk.key_set([_members(MEMBER, DAMAGED_MEMBER)])

    def stream():
        with bulk.Streamer(keys) as streamer:
            return streamer.load(path, "deaths")

    results = []
    for load in (stream, lambda: to_table(read_file(path, "deaths"), keys.keeps)):
        try:
            results.append(load())
        except InputFileError as exc:  # a file refused is refused by both, with the same message
            results.append(str(exc))
    streamed, in_memory = results
    if isinstance(streamed, str) or isinstance(in_memory, str):
        assert streamed == in_memory
        return
    assert in_memory.frame["_row"].tolist() == streamed.frame["_row"].tolist()
    assert in_memory.rows == streamed.rows


@settings(max_examples=300, deadline=None)
@given(cells=st.lists(st.one_of(_ID_CELLS, st.none()), min_size=1, max_size=30), damaged=st.booleans())
def test_filter_in_bulk_keeps_what_the_cell_by_cell_filter_keeps(cells, damaged):
    import pyarrow as pa

    keys = bulk.key_set([_members(MEMBER, DAMAGED_MEMBER) if damaged else _members(MEMBER)])
    expected = keys._keeps_cells(["" if c is None else c for c in cells]).tolist()  # blanks are kept either way
    assert keys.keeps(pa.array(cells, type=pa.string())).tolist() == expected
    assert keys.keeps(pa.chunked_array([pa.array(cells, type=pa.string())]).slice(0)).tolist() == expected
    assert keys.keeps(cells).tolist() == expected
    assert keys.keeps([*cells, 1.5]).tolist() == [*expected, True]  # a number among the cells
    column = pa.array(cells, type=pa.string())  # its codes made before the key set (the second process's wait)
    bulk.codes_ahead(column.slice(1))
    assert keys.keeps(column.slice(1)).tolist() == expected[1:] and not bulk._AHEAD_CODES  # used once, then gone
    bulk.codes_ahead(column)  # … and codes no filter took are dropped once the held lists are finished
    loading._finish_held([], keys, set())
    assert not bulk._AHEAD_CODES


@pytest.mark.parametrize("rosters", [
    [COUNTY / r for r in COUNTY_ROSTERS],
    sorted((ROOT / "samples" / "county-coded").glob("清河县*.xlsx")),
])
def test_the_key_columns_sent_before_the_members_are_the_members_own(rosters):
    """The second process gets the key set from loading.people_keys before the members exist: it must be theirs."""
    from rostercheck.loading import _read_rosters
    from rostercheck.roster import build_members, people_keys

    tables = _read_rosters(rosters, None, None)
    early = people_keys(tables)
    members = build_members(tables, AS_OF)
    assert len(early) == len(members) > 100 and (early["id_status"] != ids.VALID).any()
    pd.testing.assert_frame_equal(early, members[list(early.columns)].reset_index(drop=True), check_dtype=False)
    assert bulk.key_set([early]) == bulk.key_set([members])
    # the IDs alone (the key set before the name keys, which the members add)
    bare = people_keys(tables, names=False)
    assert list(bare.columns) == list(early.columns[:-1]) and bulk.key_set([bare]) == bulk.key_set([early])
    pd.testing.assert_frame_equal(build_members(tables, AS_OF, bare), members)


@pytest.mark.parametrize("workers", ["1", "2"])
@pytest.mark.parametrize("first", ["vehicles", "pensions"])
def test_the_first_unreadable_list_in_the_order_given_is_reported(first, workers, monkeypatch, tmp_path):
    """A broken list DuckDB streams (in the worker with 2) and a broken held list: the error is the one given first."""
    from rostercheck.errors import InputFileError

    monkeypatch.setenv("ROSTERCHECK_WORKERS", workers)
    monkeypatch.setattr(bulk, "STREAM_MIN_BYTES", 0)
    rosters, lists = county_inputs()
    broken = {"vehicles": tmp_path / "机动车.csv", "pensions": tmp_path / "养老金.xlsx"}
    broken["vehicles"].write_text("号牌,品牌\n湘A12345,大众\n", encoding="utf-8")  # no name or ID column
    broken["pensions"].write_bytes(b"PK\x03\x04 not a workbook")
    assert bulk.streams(broken["vehicles"])
    second = "pensions" if first == "vehicles" else "vehicles"
    given = {k: p for k, p in lists.items() if k not in broken} | {first: broken[first], second: broken[second]}
    with pytest.raises(InputFileError) as err:
        audit(rosters, given, AS_OF)
    assert broken[first].name in str(err.value) and broken[second].name not in str(err.value)


def test_filter_keeps_the_whole_id_of_a_member_whose_id_lost_its_last_character(tmp_path):
    path = _registry(tmp_path, [["1", "张三", MEMBER, "户主"], ["2", "李四", STRANGER, "户主"]])
    keys = bulk.key_set([_members(MEMBER[:17])])
    assert ids.id_number(MEMBER[:17]).status == ids.SHORT
    with bulk.Streamer(keys) as streamer:
        assert streamer.load(path, "registry").frame["id"].tolist() == [MEMBER]


def _cut_pair() -> tuple[str, str]:
    """A member's ID whose first 15 digits followed by 000 happen to pass the check (one prefix in eleven), and that."""
    for seq in range(100, 1000):
        first15 = f"430521198001{seq:03d}"
        if ids.check_char(first15 + "00") == "0":
            return _valid(first15 + "12"), first15 + "000"
    raise AssertionError("no such prefix")


@pytest.mark.parametrize("up", [False, True])
def test_a_cell_cut_to_15_digits_whose_zeros_pass_the_check_is_kept_by_every_filter(tmp_path, up):
    # held-out 159: a death CSV's …285000 (the roster's …285051 typed as a number) passed the check: dropped as nobody's
    member, cut = _cut_pair()
    if up:  # Excel rounded the 15th digit up: the member's first 15 digits are one less
        member = _valid(f"{int(cut[:15]) - 1:015d}" + "77")
    other = next(f"{int(cut[:15]) + k:015d}000" for k in range(2, 200) if ids.check_char(f"{int(cut[:15]) + k:015d}00") == "0")
    keys = bulk.key_set([_members(member)])
    cells = [cut, other, STRANGER]
    expected = [True, False, False]
    assert keys.keeps(cells).tolist() == expected and keys._keeps_cells(cells).tolist() == expected
    path = tmp_path / "死亡人员名单.csv"
    path.write_text("姓名,身份证号,死亡日期\n" + "".join(f"人{i},{c},2026-01-01\n" for i, c in enumerate(cells)), encoding="utf-8")
    with bulk.Streamer(keys) as streamer:
        assert streamer.load(path, "deaths").frame["_row"].tolist() == [2]


@pytest.mark.parametrize("streamed", [False, True])
def test_a_wage_lists_months_are_the_whole_files_not_the_rows_kept(streamed, tmp_path, monkeypatch):
    """Held-out 239: months in which only people on no roster have rows were left out of every average's divisor."""
    from helpers import make_id

    head = make_id("19750322", 287)
    (tmp_path / "低保花名册.csv").write_text(
        f"乡镇,村,户主姓名,户主身份证号,姓名,身份证号,与户主关系,保障人数\n城关镇,东村,胡铁柱,{head},胡铁柱,{head},户主,1\n",
        encoding="utf-8")
    rows = ["姓名,身份证号,缴费单位,缴费工资,月份"]
    rows += [f"胡铁柱,{head},某建筑劳务有限公司,3000,2026-{m:02d}" for m in (7, 8, 9)]
    rows += [f"路人{i},{make_id('19800101', 300 + i)},某厂,2500,2026-{m:02d}" for m in range(1, 10) for i in range(20)]
    (tmp_path / "社保缴费工资.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    if streamed:
        monkeypatch.setattr(bulk, "STREAM_MIN_BYTES", 0)
    args = [tmp_path / "低保花名册.csv"], {"wages": tmp_path / "社保缴费工资.csv"}, AS_OF.replace(month=9, day=30)
    filtered, whole = audit(*args, codes=["C06"]), audit(*args, codes=["C06"], whole=True)
    assert len(filtered.inputs.lists["wages"]) == 3  # (the filter still keeps only his rows)
    evidence = list(filtered.findings["依据"])
    assert len(evidence) == 1 and "（2026-01 至 2026-09，共 9 个月）" in evidence[0] and "月均 1,000.00 元" in evidence[0]
    assert list(filtered.findings["置信度"]) == ["中"]  # 3 of 9 months: [C06] min_months_share_for_high
    pd.testing.assert_frame_equal(filtered.findings, whole.findings)
