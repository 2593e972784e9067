"""Loading the inputs: rosters, reference lists and payment ledgers, read and normalised, top to bottom.

:func:`start_loading` reads the rosters, reads the small lists whole, makes the key set of the people of
interest (:class:`bulk.KeySet`, from the rosters' ID cells, :func:`roster.people_keys`) and builds the members;
the big lists keep only the rows that can link to one of those people: big CSV/Parquet through DuckDB while
streaming (:func:`_stream`), other files as columns filtered before their rows become Python objects. When the
inputs are large, a second process reads the biggest of those other files meanwhile (:func:`_worker_share`,
:func:`_read_held`), and once it has the key set filters them and streams the big CSV/Parquet lists
(:func:`_finish_far`) while this process builds the members; :class:`Loading` holds those lists pending until
:meth:`Loading.finish`. The payment ledgers are read raw in another process from the start
(:func:`start_payments`) and typed here (:func:`add_payments` puts them among the inputs).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Mapping

import pandas as pd

from . import bulk, parallel
from .errors import InputFileError
from .io.columns import KIND_LABELS, person_id_columns
from .io.limits import Limits
from .io.read import copy_of
from .io.system_layout import applicants_added
from .io.table import (RawFile, Table, examples_only, household_files_joined, is_folder_code_table, load_table,
                       place_code_files, place_code_table, read_file, settle_sheet_notes, to_table)
from .model import Arriving
from .namematch import name_counts
from .normalize import ids
from .normalize.values import month_span, set_reference_day
from .reference import normalise
from .roster import build_members, left_keys, other_periods, people_keys

Progress = Callable[[str, Path], None]


@dataclass
class LoadedInputs:
    """Rosters and reference lists read and normalised.

    Attributes:
        tables: every table read (rosters first).
        members: the member frame.
        lists: kind → normalised reference frame.
        labels: kind → label for evidence texts.
        name_counts: namesake counts taken over the whole registry file when it was filtered (None:
            count over the loaded frames).
    """

    tables: list[Table]
    members: pd.DataFrame
    lists: dict[str, pd.DataFrame]
    labels: dict[str, str]
    name_counts: dict[str, int] | None = None


def _places_named_by_lists(members: pd.DataFrame, rosters: list[Table], lists: list[tuple[Table, pd.DataFrame]]) -> None:
    """Townships and villages the rosters give by 区划代码 only, named as a list of the run names them: its rows' 行政区划代码
    beside 乡镇 and 村 in words (a cadre list's), or its workbook's code page (held-out 369: a roster of codes beside a
    cadre list naming every code, every finding under 431124100). Nothing is done when no township is a code."""
    from .roster import name_coded_places, names_by_code

    coded = {c for fld in ("township", "village") for c in pd.unique(members[fld]) if isinstance(c, str) and c.isdigit()}
    if members.empty or not coded:
        return
    names: dict[str, str] = {}
    said = []
    for table, frame in lists:
        found = {**names_by_code(frame), **table.place_names}
        if coded & set(found):  # (a list naming none of the rosters' codes is not said to have named them)
            said.append(table.label)
            for code, name in found.items():
                names.setdefault(code, name)
    if names:
        name_coded_places(members, rosters, names, "、".join(said))


def load_reference(kind: str, path: Path, limits: Limits | None, streams: bool = False) -> tuple[Table, pd.DataFrame]:
    """Read and normalise one list read whole.

    Args:
        kind: the list kind ('deaths', 'exits' …).
        path: the file.
        limits: safety bounds (None: the defaults).
        streams: read it through DuckDB (a big CSV/Parquet file).
    Returns:
        (the table, its raw cells dropped; the normalised frame).
    """
    return _normalised(bulk.load_whole(path, kind) if streams else load_table(path, kind, limits))


def _normalised(table: Table) -> tuple[Table, pd.DataFrame]:
    """Normalise a reference table and drop its raw cells (only the row count is kept)."""
    frame = normalise(table)
    table.drop_cells()
    return table, frame


def _read_rosters(rosters: list[Path], limits: Limits | None, progress: Progress | None) -> list[Table]:
    """Read the roster files (through DuckDB when the file is a big CSV/Parquet file); a household file beside its
    members' file is read with it (:func:`io.table.household_files_joined`). A region code table given among them, or
    lying beside them, names the places the rosters give by code only (:func:`_coded_places_named`)."""
    read, seen = [], {}
    code_tables = {Path(p): names for p in rosters if (names := place_code_table(Path(p), limits))}
    rosters = [p for p in rosters if Path(p) not in code_tables]
    # a folder's code table given among its rosters (家庭信息.xlsx 家庭成员信息.xlsx 数据字典.xlsx): the rosters beside it
    # read it as their legends (io.table.folder_code_tables), it is no roster (h456: refused, "没有可用的身份证号")
    legends = [Path(p) for p in rosters if _legends_of_rosters_beside(Path(p), [Path(q) for q in rosters])]
    rosters = [p for p in rosters if Path(p) not in legends]
    for path in rosters:
        same = copy_of(Path(path), seen)
        if same is not None:  # the same roster given twice (a copy in another folder): every household would be twice
            read[same][1].append("本文件写了两次，只读取一次" if Path(path).name == Path(read[same][0].path).name else
                                 f"{Path(path).name} 与本文件内容完全相同（同一份花名册给了两次），只读取一次")
            continue
        if progress:
            progress("花名册", Path(path))
        read.append((bulk.load_whole(path, "roster") if bulk.streams(Path(path)) else read_file(path, "roster", limits), []))
    raws = household_files_joined([r for r, _ in read if isinstance(r, RawFile)])
    tables = []
    for item, said in read:
        if isinstance(item, RawFile):
            if item.path not in {raw.path for raw in raws}:
                continue  # a household file, read with its members' file
            item = next(raw for raw in raws if raw.path == item.path)
            try:
                item = to_table(item)
            except InputFileError as e:
                if not is_folder_code_table(Path(item.path), [Path(q) for q in rosters]):
                    raise
                # (h458: a 数据字典 given with another folder's rosters, or alone, was "找不到表头（如“姓名”…）")
                raise InputFileError(item.path, "文件名像代码说明表（数据字典），不是花名册：其中的代码说明只用于同一文件夹中的"
                                                "花名册，请把它和花名册放在同一文件夹中再一起写出，或不写它") from e
        item.warnings.extend(said)
        if examples_only(item.frame):  # (h391: a template named among the rosters was read, D03 高 on its example 张三)
            item.frame, item.template = item.frame.iloc[:0], True
        item.frame, added = applicants_added(item.frame, item.headers)
        if added:  # (h440: a system's 家庭成员 without the applicant: her car and business never checked)
            item.warnings.append(f"有 {added} 户申请家庭的成员行中没有申请人本人，已按“"
                                 f"{item.header_said('head_id')}”列补入申请人（与户主关系记为户主）")
        tables.append(item)
    _coded_places_named(tables, code_tables, limits)
    if tables and legends:
        tables[0].warnings.extend(f"{p.name}：是代码说明表，用于读取同一文件夹中花名册的代码列，不作为花名册读取" for p in legends)
    return other_periods(tables)


def _legends_of_rosters_beside(path: Path, rosters: list[Path]) -> bool:
    """Whether a file given as a roster is its folder's code table (数据字典.xlsx, 代码说明.xlsx) beside another roster given."""
    return (path.is_file() and is_folder_code_table(path, [p for p in rosters if p.parent == path.parent])
            and any(p != path and p.parent == path.parent and p.is_file() for p in rosters))


def _coded_places_named(tables: list[Table], given: dict[Path, dict[str, str]], limits: Limits | None) -> None:
    """Give each roster table the places the region code tables given among the rosters, or lying in its folder
    (行政区划代码表.csv: :func:`io.table.place_code_table`), name by code, after those its own code pages name."""
    found = dict(given)
    if tables:  # (a file given as a roster and read as none is said: else it would go unmentioned)
        tables[0].warnings.extend(f"{path.name} 是区划代码表（{len(names)} 个代码），不作为花名册读取，只用于显示只写了区划代码的"
                                  "乡镇、村的名称" for path, names in given.items())
    for folder in dict.fromkeys(Path(t.path).parent for t in tables):
        found.update(place_code_files(folder, limits, known=found))  # (a table given among the rosters read once)
    for path, names in found.items():
        for t in tables:
            if Path(t.path) == path:
                continue
            added = {code: name for code, name in names.items() if code not in t.place_names}
            if added:
                t.place_names.update(added)
                t.place_names_from = t.place_names_from or f"代码表文件《{path.name}》"


def _members(tables: list[Table], as_of: dt.date, keys: pd.DataFrame | None = None,
             roster_codes: Mapping[str, Mapping[str, str]] | None = None) -> pd.DataFrame:
    """Build the members (``keys``: the tables' :func:`roster.people_keys`, when worked out), then drop the
    roster tables' raw cells (only their row counts are kept)."""
    members = build_members(tables, as_of, keys, roster_codes)
    for table in tables:
        table.drop_cells()
    return members


def _workers(paths: list[Path]) -> int:
    try:
        total = sum(Path(p).stat().st_size for p in paths)
    except OSError:
        return 1  # a missing file: let the sequential path report it in order
    return parallel.workers(total >= parallel.BIG_BYTES and len(paths) > 1)


# The worker process's files read while this process reads the rosters, waiting for the key set.
_HELD: dict[str, RawFile] = {}


def _sparse(kind: str) -> bool:
    """Whether a held list's big workbook is read for its ID column first (:mod:`io.sparse`): every kind but the
    registry, which keeps whole households (:func:`bulk.filter_registry`)."""
    return kind != "registry"


def _read_held(kind: str, path: Path, limits: Limits | None, ahead: bool = False) -> None:
    """Read a held list (in the worker, or here for the lists this process reads) and keep it until
    :func:`_finish_held` gets the key set; ``ahead``: also do the filter's work that needs no key set
    (:func:`bulk.codes_ahead`: the worker waits for the key set)."""
    _HELD[kind] = raw = read_file(path, kind, limits, sparse=_sparse(kind))
    if not ahead or kind == "registry":  # (the registry is filtered whole, bulk.filter_registry)
        return
    import pyarrow as pa

    for grid, layout in raw.sheets:  # the ID cells to_table will filter
        for col in person_id_columns(layout.mapping) if grid.height > layout.start else ():
            cells = grid.id_cells(col, layout.start)
            if isinstance(cells, (pa.Array, pa.ChunkedArray)):
                bulk.codes_ahead(cells)


def _finish_held(kinds: list[str], keys: bulk.KeySet,
                 named: set[str]) -> tuple[dict[str, tuple[Table, pd.DataFrame]], dict[str, int] | None]:
    """Filter the held lists to the people of interest and normalise them.

    Returns the lists, and the registry's namesake counts besides the members (see
    :func:`bulk.filter_registry`; None without a held registry).
    """
    done, counts = {}, None
    for kind in kinds:
        if kind not in _HELD:
            continue
        if kind == "registry":
            table = to_table(_HELD.pop(kind))
            counts = bulk.filter_registry(table, keys, named)
        else:
            table = to_table(_HELD.pop(kind), keys.keeps, keys.keeps_former)
        done[kind] = _normalised(table)
    bulk.forget_ahead()  # (the held lists are filtered: codes no filter took are of no use now)
    return done, counts


def _stream(kinds: list[str], lists: dict[str, Path], keys: bulk.KeySet, named: set[str],
            failed: dict[str, BaseException], progress: Progress | None = None
            ) -> tuple[dict[str, tuple[Table, pd.DataFrame]], dict[str, int] | None]:
    """Read the big CSV/Parquet lists through DuckDB, keeping the rows of the people of interest (returns as
    :func:`_finish_held`); the first unreadable file's error goes to ``failed`` and the rest are not read."""
    done: dict[str, tuple[Table, pd.DataFrame]] = {}
    if not kinds:
        return done, None
    with bulk.Streamer(keys) as streamer:
        for kind in kinds:
            if progress:
                progress(KIND_LABELS[kind], Path(lists[kind]))
            try:
                done[kind] = _normalised(streamer.load(Path(lists[kind]), kind))
            except Exception as exc:
                failed[kind] = exc
                return done, None
        return done, streamer.name_counts(Path(lists["registry"]), named) if "registry" in kinds else None


def _finish_far(held: list[str], streamed: list[str], lists: dict[str, Path], keys: bulk.KeySet, named: set[str]
                ) -> tuple[dict[str, tuple[Table, pd.DataFrame]], dict[str, int] | None, dict[str, BaseException]]:
    """In the worker: the held lists filtered, then the big CSV/Parquet lists streamed (one registry at most);
    also returns the error of the first streamed list it could not read (:meth:`Loading.finish` reports it)."""
    failed: dict[str, BaseException] = {}
    done, counts = _finish_held(held, keys, named)
    more, streamed_counts = _stream(streamed, lists, keys, named, failed)
    done.update(more)
    return done, counts if streamed_counts is None else streamed_counts, failed


# A list DuckDB streams costs about a tenth of the time per byte of one read into Python (xlsx or text): on the
# vehicle city, 56 MB of CSV streamed in 0.45 s against 4.9 s for a 42 MB workbook.
STREAMED_SHARE = 0.1


# A held workbook read for its ID column (io.sparse) costs about half the time per byte of one read whole: on the
# vehicle city, 2.8 s against 4.4 s for the 42 MB workbook, and the kept rows are read after the key set.
SPARSE_SHARE = 0.5


def _worker_share(held: list[str], rosters: list[Path], lists: dict[str, Path], streaming: set[str],
                  streamed: list[str], typed_here: int = 0) -> list[str]:
    """The held lists the second process reads: the biggest first, while its share of the bytes is below
    this process's. Its share starts with the filtered lists DuckDB streams (``streamed``, which it streams);
    this process's holds the rosters, counted twice for the members they become, every other list (one DuckDB
    streams, ``streaming``, at :data:`STREAMED_SHARE` of its bytes), and the bytes of the files it types besides,
    ``typed_here``. A workbook read for its ID column counts :data:`SPARSE_SHARE` of its bytes."""
    from .io.sparse import is_big

    def share(kind: str) -> float:
        return STREAMED_SHARE if kind in streaming else 1

    size = {k: Path(lists[k]).stat().st_size * (SPARSE_SHARE if _sparse(k) and is_big(Path(lists[k])) else 1)
            for k in held}
    mine = 2 * sum(Path(r).stat().st_size for r in rosters) + typed_here + sum(
        Path(p).stat().st_size * share(k) for k, p in lists.items() if k not in size and k not in streamed)
    far, theirs = [], sum(Path(lists[k]).stat().st_size * share(k) for k in streamed)
    for kind in sorted(held, key=lambda k: -size[k]):
        if far and theirs + size[kind] > mine:
            mine += size[kind]
            continue
        far.append(kind)
        theirs += size[kind]
    return far


class Loading:
    """Inputs being loaded: everything this process reads, while the second process reads the rest.

    :func:`start_loading` returns once this process has read what it reads. ``inputs`` then holds the
    lists in :class:`model.Arriving` mappings in which the kinds the second process reads are still pending,
    so that checks not needing them can run meanwhile. :meth:`finish` waits for those (reporting the first
    unreadable file in list order, as a sequential read would); :meth:`close` ends the second process.

    Args:
        rosters: the roster tables.
        members: the member frame.
        lists: reference kind → file, in the order given.
        loaded: kind → (table, frame) read so far.
        counts: the namesake counts (None: none, or not yet known while the registry is pending).
        failed: the errors of the files this process could not read.
        reading, finishing: the second process's futures (kind → read; the filtered and streamed lists and counts).
        streamed: the kinds the second process streams (pending as well).
    """

    def __init__(self, rosters: list[Table], members: pd.DataFrame, lists: dict[str, Path],
                 loaded: dict[str, tuple[Table, pd.DataFrame]], counts: dict[str, int] | None,
                 failed: dict[str, BaseException], pool=None, reading=None, finishing=None,
                 progress: Progress | None = None, streamed: list[str] = ()):
        self._rosters, self._lists, self._loaded, self._failed = rosters, lists, loaded, failed
        self._pool, self._reading, self._finishing, self._progress = pool, reading or {}, finishing, progress
        self._streamed = list(streamed)
        pending = [*self._reading, *self._streamed]
        self.inputs = LoadedInputs(rosters + [t for t, _ in loaded.values()], members,
                                   Arriving({k: f for k, (_, f) in loaded.items()}, pending),
                                   Arriving({k: t.label for k, (t, _) in loaded.items()}, pending), counts)

    @property
    def ready(self) -> bool:
        """True when this process read every file it reads (checks may run before :meth:`finish`)."""
        return not self._failed

    def waiting(self) -> bool:
        """True while the second process is still reading or filtering lists."""
        return any(not f.done() for f in [*self._reading.values(), *([self._finishing] if self._finishing else [])])

    def finish(self) -> LoadedInputs:
        """Wait for the pending lists and return the complete inputs (lists in the order given)."""
        if self._progress:
            for kind in [*self._reading, *self._streamed]:
                self._progress(KIND_LABELS[kind], Path(self._lists[kind]))
        done, far_counts, far_failed = self._finishing.result() if self._finishing else ({}, None, {})
        for kind in self._lists:  # in list order: the first unreadable file is the one reported
            if kind in self._reading:
                self._reading[kind].result()
            elif kind in self._failed or kind in far_failed:
                raise self._failed.get(kind) or far_failed[kind]
        inputs, counts = self.inputs, self.inputs.name_counts
        for kind, (table, frame) in done.items():
            self._loaded[kind] = table, frame
            inputs.lists[kind], inputs.labels[kind] = frame, table.label
        if far_counts is not None:
            counts = _with_roster_namesakes(inputs.members, far_counts)
        self.close()
        listed = [self._loaded[kind][0] for kind in self._lists]  # in the order given
        known = {id(t) for t in [*self._rosters, *listed]}
        added = [t for t in inputs.tables if id(t) not in known]  # e.g. the payment ledgers
        order = [*self._lists, *(k for k in inputs.lists if k not in self._lists)]
        _places_named_by_lists(inputs.members, self._rosters, [self._loaded[kind] for kind in self._lists])
        settle_sheet_notes([*self._rosters, *listed, *added])
        self.inputs = LoadedInputs([*self._rosters, *listed, *added], inputs.members,
                                   {k: inputs.lists[k] for k in order}, {k: inputs.labels[k] for k in order}, counts)
        return self.inputs

    def close(self) -> None:
        """End the second process (once)."""
        if self._pool is not None:
            self._pool.shutdown(cancel_futures=True)
            self._pool = None


def start_loading(rosters: list[Path], lists: dict[str, Path], as_of: dt.date, limits: Limits | None = None,
                  progress: Progress | None = None, whole: bool = False,
                  people: list[pd.DataFrame] | Callable[[], list[pd.DataFrame]] = (), typed_here: int = 0,
                  roster_codes: Mapping[str, Mapping[str, str]] | None = None) -> Loading:
    """Read every roster and list this process reads; the biggest held lists go on in a second process.

    The rosters and the lists read whole (staff, cadres, the filing table, supporters) give the key set
    (:class:`bulk.KeySet`); the big lists (``bulk.FILTERED_KINDS``) keep only the rows that can link to
    one of those people — big CSV/Parquet filtered by DuckDB while streaming, other files read as columns and
    filtered before their rows become Python objects. When the inputs are large, a second process reads the
    biggest of those other files while this one reads the rosters (:func:`_worker_share`), then, once it has the
    key set, filters them and streams the big CSV/Parquet lists while this one builds the members; those lists
    are still pending when this returns (see :class:`Loading`).

    Args:
        rosters: roster files.
        lists: reference kind → file.
        as_of: the review date.
        limits: safety bounds.
        progress: called with (label, path) before each file is read.
        whole: read every list whole (the reference the filter is tested against).
        people: more frames of people of interest (the payment ledgers' payees), or a function giving them,
            called once the members are built (the ledgers are read meanwhile, :func:`io.ledgers.start_ledgers`).
        typed_here: bytes this process types after this returns (the ledgers), counted as its share of the lists.
        roster_codes: what the rosters' coded cells mean (:func:`policy.roster_codes`).
    Returns:
        The loading.
    """
    set_reference_day(as_of)  # (months with a two-digit year are read against the audited day, not today)
    filtered = [] if whole else [k for k in lists if k in bulk.FILTERED_KINDS]
    streaming = {k for k, p in lists.items() if bulk.streams(Path(p))}  # each file's head looked at once
    streamed = [k for k in filtered if k in streaming]
    held = [k for k in filtered if k not in streaming]
    pool = parallel.pool(1) if held and _workers([*rosters, *lists.values()]) > 1 else None
    far = _worker_share(held, rosters, lists, streaming, streamed, typed_here) if pool else []
    try:
        reading = {k: pool.submit(_read_held, k, Path(lists[k]), limits, True) for k in far}
        if pool and streamed:  # DuckDB started there before the key set comes, not after
            pool.submit(bulk.open_ahead)
        tables = _read_rosters(rosters, limits, progress)
        loaded: dict[str, tuple[Table, pd.DataFrame]] = {}
        for kind, path in lists.items():
            if kind not in filtered:
                if progress:
                    progress(KIND_LABELS[kind], Path(path))
                loaded[kind] = load_reference(kind, Path(path), limits, kind in streaming)
        # The key set needs only the members' IDs: the second process gets it before the members are built,
        # unless the payees still come from the ledgers' process (this one builds the members meanwhile).
        members = _members(tables, as_of, roster_codes=roster_codes) if callable(people) else None
        # (the name keys wait for the members, unless the registry's namesake counts need them now)
        roster = members if members is not None else people_keys(tables, names="registry" in filtered)
        keys = bulk.key_set([roster, left_keys(tables), *(people() if callable(people) else people),
                             *(f for _, f in loaded.values())])
        # The members' named IDs, for the registry's namesake counts (the roster counts them).
        named = (set(roster.loc[(roster["id_status"] == ids.VALID) & (roster["name_key"] != ""), "id"].tolist())
                 if "registry" in filtered else set())
        # The second process streams them after filtering its own, unless it filters a held registry: read whole and
        # kept by households (bulk.filter_registry), it takes that process several times this one's time after the key
        # set, so this one streams them itself meanwhile (bench/city.py --big registry: 17.1-17.6 -> 13.9 s).
        there = streamed if pool and "registry" not in far else []
        finishing = pool.submit(_finish_far, far, there, lists, keys, named) if far or there else None
        if members is None:
            members = _members(tables, as_of, roster, roster_codes)
        del roster  # its columns are the members' now (a province's millions of rows)
        # An unreadable file is reported by Loading.finish, after any file given before it has been read.
        failed: dict[str, BaseException] = {}
        done, counts = _stream([k for k in streamed if k not in there], lists, keys, named, failed, progress)
        loaded.update(done)
        order, near = list(lists), [k for k in held if k not in reading]
        for kind in near:
            if failed and order.index(kind) > min(map(order.index, failed)):
                break
            if progress:
                progress(KIND_LABELS[kind], Path(lists[kind]))
            try:
                _read_held(kind, Path(lists[kind]), limits)
            except Exception as exc:
                failed[kind] = exc
                break
        if not failed:
            done, held_counts = _finish_held(near, keys, named)
            loaded.update(done)
            counts = counts if held_counts is None else held_counts
    except BaseException:
        if pool:
            pool.shutdown(cancel_futures=True)
        raise
    far_registry = "registry" in far or "registry" in there
    counts = None if failed or far_registry else _with_roster_namesakes(members, counts)
    return Loading(tables, members, dict(lists), loaded, counts, failed, pool, reading, finishing, progress,
                   there)


def load_inputs(rosters: list[Path], lists: dict[str, Path], as_of: dt.date,
                limits: Limits | None = None, progress: Progress | None = None,
                whole: bool = False, people: list[pd.DataFrame] = (),
                roster_codes: Mapping[str, Mapping[str, str]] | None = None) -> LoadedInputs:
    """Read every roster and list (:func:`start_loading`, then wait for what the second process reads).

    Args: as :func:`start_loading`.
    Returns:
        The loaded inputs.
    """
    loading = start_loading(rosters, lists, as_of, limits, progress, whole, people, roster_codes=roster_codes)
    try:
        return loading.finish()
    finally:
        loading.close()


def require_people(inputs: LoadedInputs, what: str, why: str) -> None:
    """Refuse a roster without a single person (only a header, or blank rows) where that would read as a result: its
    people would be no one's finding (held-out 213: audit said 花名册共 0 人 … 未发现问题).

    Args:
        inputs: the loaded inputs (rosters first).
        what: what the rosters are called (本期花名册, 花名册, 申请名单).
        why: what an empty roster would wrongly say (Chinese).
    Raises:
        InputFileError: naming the rosters that give no member.
    """
    rosters = [t for t in inputs.tables if t.kind == "roster"]
    empty = rosters if inputs.members.empty else [t for t in rosters if t.rows == 0]
    if empty:
        from .errors import InputFileError

        if empty and all(t.template for t in empty):  # (a template named among the rosters: h391)
            raise InputFileError("、".join(str(t.path) for t in empty),
                                 f"{what}只有表头和填表示例行（如“XX镇”“示例”），像空白模板，没有读到任何人员，因此不运行。"
                                 f"如确是空白模板，请从命令中去掉该文件；如是{what}，请删除示例行、填入数据后重新运行。")
        raise InputFileError("、".join(str(t.path) for t in empty),
                             f"{what}没有数据行（只有表头或全为空行），没有读到任何人员：这样{why}，"
                             "因此不运行。请确认文件是否选对、数据是否在隐藏的工作表中。")


def _with_roster_namesakes(members: pd.DataFrame, registry: dict[str, int] | None) -> dict[str, int] | None:
    """Add the roster's namesake counts to the registry's (as :func:`namematch.name_counts` counts both)."""
    if registry is None:
        return None
    counts = name_counts(members)
    for key, n in registry.items():
        counts[key] = counts.get(key, 0) + n
    return counts


def start_payments(payments: list[Path] | None, as_of: dt.date, limits: Limits | None = None,
                   progress: Progress | None = None, given: list[Path] = (), rosters: list[Path] = ()):
    """Start reading the payment ledgers (--payments, repeatable; see :mod:`rostercheck.io.ledgers`).

    Args:
        payments: ledger files (None or empty: nothing to do).
        as_of: the review date.
        limits: safety bounds.
        progress: progress callback.
        given: the rosters and lists, which a folder of ledgers may hold too (left out).
        rosters: the roster files: the period their names give (2025年第四季度) is a year-less ledger month's year
            when the other ledgers' names do not give it (:func:`io.ledgers.known_months`).
    Returns:
        The :class:`io.ledgers.LedgerReading` (its ``finish()`` gives the tables, the normalised payments and
        warnings; a city's later files are read in a second process meanwhile), or None without ledgers.
    """
    if not payments:
        return None
    from .io.ledgers import start_ledgers

    set_reference_day(as_of)  # (as start_loading: the ledgers are read first)

    return start_ledgers(list(payments), as_of, limits, progress, ahead=True, given=given, period=roster_period(rosters))


# A roster file no larger than this is opened for the period its title names when no roster's file name gives one
# (a county's roster of a few hundred KB opens in a blink; a city's of 13 MB takes two seconds before the ledgers start)
TITLE_PEEK_BYTES = 2_000_000
_TITLE_ROWS = 3


def roster_period(rosters: list[Path]) -> tuple[str, ...]:
    """The months of the period the rosters' file names give ('低保花名册_2025年第四季度'), else the title rows of the
    small ones (:data:`TITLE_PEEK_BYTES`): '青山县城乡低保对象花名册（2025年第四季度）' above the header of '花名册.xlsx'
    (held-out 396: a year-less quarter book took the roster period's year from the file names only, while the run's
    own roster period (``audit``'s ``roster_period``) reads the title too); else ().

    Args:
        rosters: the roster files.
    Returns:
        'YYYY-MM' months, or ().
    """
    named = next((span for p in rosters if (span := month_span(Path(p).stem))), ())
    if named:
        return named
    from .errors import InputFileError, LimitExceededError
    from .io.read import read_grids

    for path in map(Path, rosters):
        try:
            if not path.is_file() or path.stat().st_size > TITLE_PEEK_BYTES:
                continue
            grids = read_grids(path, head=_TITLE_ROWS)
        except (InputFileError, LimitExceededError, OSError, ValueError):
            continue  # (the roster's own reading says what is wrong with it)
        for grid in grids:
            words = " ".join(str(cell) for row in grid.data_rows(0)[:_TITLE_ROWS] for cell in row if cell not in (None, ""))
            if span := month_span(words):
                return span
    return ()


def add_payments(inputs: LoadedInputs, ledgers: tuple[list[Table], pd.DataFrame, list[str]] | None) -> list[str]:
    """Put the payments read by :func:`start_payments` among the inputs; returns their warnings."""
    if ledgers is None:
        return []
    tables, frame, warnings = ledgers
    inputs.tables.extend(tables)
    inputs.lists["payments"] = frame
    inputs.labels["payments"] = KIND_LABELS["payments"]
    return warnings


__all__ = ["LoadedInputs", "Loading", "Progress", "add_payments", "load_inputs", "load_reference", "require_people", "start_loading",
           "start_payments"]
