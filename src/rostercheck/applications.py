"""Which rows of the applications are one application, and where each is written (for ``screen``).

One family's application sent twice (two files, or copied twice) is one application; the same family's applications in
two places (two 申请编号, two townships or villages) are two, each 有疑点 (held-out 220). A system export's application is
found on its household sheet's row. An application whose status column says it is decided (已批准, 不予批准) or
withdrawn (已撤回) is none to screen (:func:`pending_applications`), nor is one for other aid than 低保 and 特困
(:func:`other_aid_applications`). One file's two 申请编号 of one family in one place are two applications (a 重复申请,
held-out 372).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

from .io.columns import BARE_STATUS
from .loading import LoadedInputs
from .model import HIGH, MEDIUM
from .normalize import ids
from .normalize.values import text
from .roster import number_kind, on_sheet
from .rules._coverage import APPROVED, BARE_CODE, CLOSED, PENDING, REFUSED, UNREAD, WITHDRAWN, decision
from .rules.d_roster import head_rows


# How many repeated families a warning names before it says how many more there are.
REPEATS_NAMED = 10


# Between a family's key (its head's ID) and the place of one of its applications kept apart
APART = "@"
# After APART, the mark of an application kept apart by its 申请编号 (two numbers of one family in one place), not by
# its place
NUMBERED = "申请编号"


def applications_apart(members: pd.DataFrame) -> tuple[pd.DataFrame, list[str], dict[str, list[str]]]:
    """Keep apart one family's applications in two places: rows of one household key (the head's ID) with two or more
    申请编号 and two or more townships or villages are that many applications, one household per place; one file's two
    or more 申请编号 of a family in one place, each with the head's row, are that many applications too, one household
    per number (a 重复申请), and so are two files' numbers of one kind (:func:`_number_kind`); without any 申请编号, a
    head's applications in two townships listing different people are that many (:func:`_unnumbered_apart`); an
    application sent again (the same number, numbers of two kinds, or the same people from two townships) stays one
    (:func:`repeated_applications`).

    Args:
        members: the applicant member frame.
    Returns:
        (the members, each such application its own household; one warning naming every application's place;
        township → the warning about its own families).
    """
    nos = members["household_no"].map(text) if "household_no" in members.columns else pd.Series("", index=members.index)
    keys = pd.DataFrame({"household": members["household"], "no": nos,
                         "place": members["township"].astype(str) + members["village"].astype(str),
                         "town": members["township"].astype(str), "file": members["file"].astype(str),
                         "head": ((members["id"] == members["head_id"]) & (members["id"] != "")).to_numpy()})
    numbered = keys[keys["no"] != ""]
    counts = numbered.groupby("household", sort=False)[["no", "place", "file"]].nunique()
    apart = counts.index[(counts["no"] > 1) & (counts["place"] > 1)]
    # one family's two 申请编号 in one place, each number's rows with the head's own: two applications the system holds,
    # a 重复申请 (held-out 372: in one file); in two files when the numbers are of one kind (held-out 380: YD2026… and
    # YD2026… of one family in the 9月 and 补报 files had been "报送了两次"); a number per member row (no head in some) is
    # no application's, nor are numbers of two kinds (a township's own serials beside the system's) comparable
    headed = numbered.groupby(["household", "no"], sort=False)["head"].any().groupby(level=0, sort=False).all()
    kinds = numbered["no"].map(_number_kind).groupby(numbered["household"], sort=False)
    alike = (kinds.nunique() == 1) & (kinds.first() != "")
    again = counts.index[(counts["no"] > 1) & (counts["place"] == 1)
                         & ((counts["file"] == 1) | alike.reindex(counts.index, fill_value=False).to_numpy(dtype=bool))
                         & headed.reindex(counts.index, fill_value=False).to_numpy(dtype=bool)]
    bare = _unnumbered_apart(members, keys)
    apart = apart.union(bare, sort=False)
    if not len(apart) and not len(again):
        return members, [], {}
    members = members.copy()
    renumbered = keys["household"].isin(again).to_numpy()
    members.loc[renumbered, "household"] = (keys.loc[renumbered, "household"].astype(str) + APART + NUMBERED
                                            + keys.loc[renumbered, "no"])
    notes, by_town = [], {}
    if len(again):
        named = {}  # family → its head and its applications
        for family, rows in members[renumbered].groupby(keys.loc[renumbered, "household"], sort=False):
            head = rows.iloc[0]
            parts = "；".join(_application_place(part, rows_too=True)
                             for _, part in rows.groupby("household", sort=False))
            named[family] = f"{head['head_name'] or head['name']}（{ids.mask_id(head['head_id'] or head['id'])}）：{parts}"
        notes.append(_renumbered_note(list(named.values())))
        for town, family in zip(members.loc[renumbered, "township"], keys.loc[renumbered, "household"]):
            by_town.setdefault(town, {})[family] = None
        by_town = {town: [_renumbered_note([named[f] for f in families])] for town, families in by_town.items()}
    if not len(apart):
        return members, notes, by_town
    take = keys["household"].isin(apart).to_numpy()
    members.loc[take, "household"] = keys.loc[take, "household"].astype(str) + APART + keys.loc[take, "place"]
    named = {}  # family → its heads and its applications' places
    for family, rows in members[take].groupby(keys.loc[take, "household"], sort=False):
        head = rows.iloc[0]
        places = "；".join(_application_place(part, rows_too=True) for _, part in rows.groupby("household", sort=False))
        named[family] = f"{head['head_name'] or head['name']}（{ids.mask_id(head['head_id'] or head['id'])}）：{places}"
    # each township's workbook says it too: the other township's application is not in it
    towns: dict[str, dict] = {}
    for town, family in zip(members.loc[take, "township"], keys.loc[take, "household"]):
        towns.setdefault(town, {})[family] = None
    bare = set(bare)  # (said how they were told apart)
    for town, families in towns.items():
        by_town.setdefault(town, []).append(_twice_note([named[f] for f in families], bool(bare & set(families))))
    return members, notes + [_twice_note(list(named.values()), bool(bare))], by_town


_number_kind = number_kind  # (``roster.number_kind``: the loader tells a batch entered again from a copy by it too)


def _unnumbered_apart(members: pd.DataFrame, keys: pd.DataFrame) -> pd.Index:
    """Families without 申请编号 to tell them (none, or one township's file has them and the other's not) whose head's ID
    heads applications in two or more townships listing different people (held-out 380: a head with his wife in one
    township, with his sons in another): two applications, not one sent twice. A copy sent by two townships lists the
    same people and stays one (held-out 122)."""
    # (a family under two or more numbers is the numbers' to judge; one number on every row is one application; a number
    # on one township's rows only, the other's file having none, proves nothing either way)
    numbers = keys.loc[keys["no"] != ""].groupby("household", sort=False)["no"].nunique()
    unnumbered = keys["no"] == ""
    once = keys.loc[~unnumbered, "household"][~keys.loc[~unnumbered, "household"].isin(keys.loc[unnumbered, "household"])]
    settled = set(numbers.index[numbers > 1]) | set(once[once.isin(numbers.index[numbers == 1])])
    plain = keys[(keys["town"] != "") & ~keys["household"].isin(settled)]
    towns = plain.groupby("household", sort=False)["town"].nunique()
    many = towns.index[towns > 1]
    if not len(many):
        return pd.Index([])
    who = persons(members)
    out = []
    for family, rows in plain[plain["household"].isin(many)].groupby("household", sort=False):
        parts = rows.groupby("town", sort=False)
        if not parts["head"].any().all():  # each township's rows with the head's own
            continue
        people = {frozenset(who[part.index]) for _, part in parts}
        if len(people) > 1:
            out.append(family)
    return pd.Index(out)


def _renumbered_note(named: list[str]) -> str:
    """The warning naming the families that applied twice in one place under two 申请编号 (:func:`applications_apart`)."""
    more = f" 等 {len(named)} 户" if len(named) > REPEATS_NAMED else ""
    return (f"申请名单中有家庭以两个申请编号重复申请（乡镇、村相同），每份申请各列一行、均为有疑点（D01），"
            f"请核实后只保留一份：{'；'.join(named[:REPEATS_NAMED])}{more}")


def _twice_note(named: list[str], bare: bool = False) -> str:
    """The warning naming the families that applied in two places (:func:`applications_apart`); ``bare``: some without
    申请编号, told apart by their head's ID and the people each lists."""
    more = f" 等 {len(named)} 户" if len(named) > REPEATS_NAMED else ""
    how = "申请编号不同，乡镇或村不同" + ("；未写申请编号的，户主身份证号相同、两个乡镇所列成员不同" if bare else "")
    return (f"申请名单中有家庭在两处分别提出申请（{how}），每份申请各列一行、均为有疑点（D01），"
            f"请核实应在哪里申请：{'；'.join(named[:REPEATS_NAMED])}{more}")


def application_row(m: pd.Series) -> tuple[str, str, str]:
    """Where a family's application is written, for a clerk to find it: a system export's household sheet and row
    (家庭信息 row 20, not the 家庭成员 row 51 of its first member: held-out 220), in its own file when the households
    came apart from the members (申请家庭信息.xlsx beside 申请家庭成员.xlsx: held-out 303 named the members' file),
    else its head's row.

    Args:
        m: the family's head row (:func:`head_rows`).
    Returns:
        (the file's name; the sheet, '' for a one-sheet file; the row).
    """
    if m.get("household_row") is not None and not pd.isna(m.get("household_row")):
        return (Path(str(m.get("household_file") or m["file"])).name, str(m["household_sheet"]),
                str(int(m["household_row"])))
    return Path(str(m["file"])).name, str(m["sheet_shown"]), str(m["row"])


def _application_place(rows: pd.DataFrame, rows_too: bool = False) -> str:
    """Where an application is: '申请编号 SQ1（城关镇东村，《申请.csv》第 2 行，户主 张三）' (``rows``: one application's
    member rows, its head's row named; ``rows_too``: its members' rows too, '《x.xlsx》工作表“家庭信息”第 20 行、
    工作表“家庭成员”第 51–54 行')."""
    m = rows.loc[head_rows(rows)[rows["household"].iloc[0]]]
    file, sheet, row = application_row(m)
    at = f"《{file}》{on_sheet(sheet)}第 {row} 行"
    lines = sorted(set(rows["row"].astype(int)))
    own = Path(m["file"]).name
    if rows_too and (len(lines) > 1 or (file, sheet, row) != (own, m["sheet_shown"], str(m["row"]))):
        members_at = f"第 {lines[0]}–{lines[-1]} 行" if len(lines) > 1 else f"第 {lines[0]} 行"
        at = (f"{at}、{'《' + own + '》' if file != own else ''}{on_sheet(m['sheet_shown'])}{members_at}"
              if (file, sheet) != (own, m["sheet_shown"]) else f"《{own}》{on_sheet(sheet)}{members_at}")
    number = text(m.get("household_no"))
    town, village = str(m["township"]), str(m["village"])
    # places named by their codes (a 行政区划代码 only): the village's code holds the township's
    place = village if town.isdigit() and village.startswith(town) else town + village
    return (f"{'申请编号 ' + number if number else '申请'}（{place}，{at}，"
            f"户主 {m['head_name'] or m['name']}）")


def renumbered_unsure(members: pd.DataFrame, tables: list, words: dict) -> dict[str, str]:
    """The families applying twice under two 申请编号 (:func:`applications_apart`) whose applications the run cannot tell
    are both pending 低保/特困 ones: their 申请类别 codes no configuration reads (one may be 临时救助: held-out 372), or
    their status cells differ and are no words read (one may be withdrawn) — their D01 is 中, said why.

    Args:
        members: the applicant member frame, applications kept apart.
        tables: the application tables.
        words: the L05 parameters.
    Returns:
        family key (the head's ID) → the reason.
    """
    keys = members["household"].astype(str)
    again = keys.str.contains(APART + NUMBERED, regex=False).to_numpy()
    if not again.any():
        return {}
    coded = {str(t.path) for t in tables if "programme" in t.unread_fields}
    part = pd.DataFrame({"family": keys[again].str.partition(APART)[0], "no": keys[again],
                         "file": members.loc[again, "file"].astype(str),
                         "outcome": members.loc[again, "outcome"].fillna("").astype(str).map(text)})
    out = {}
    for family, rows in part.groupby("family", sort=False):
        said = rows.groupby("no", sort=False)["outcome"].agg(lambda v: "、".join(sorted(set(v) - {""})))
        if rows["file"].isin(coded).any():
            out[family] = "两份申请的申请类别写成代码、未能识别，可能是不同的救助项目（如一份是临时救助），请核实"
        elif said.nunique() > 1 and any(decision(v, words) == UNREAD for v in said if v):
            shown = "、".join(f"“{v}”" for v in said if v)
            out[family] = f"两份申请的审批状态不同（{shown}）且未能识别，可能有一份已撤回或已审批，请核实"
        elif rows["file"].nunique() > 1:  # (held-out 380: an older export's number may be a withdrawn application's)
            out[family] = "两份申请在不同的文件中，可能是同一申请撤回后重新录入，请在系统中核实两个申请编号的状态"
    return out


def applied_elsewhere(members: pd.DataFrame, findings: list, enrolled: pd.DataFrame | None,
                      unsure: dict[str, str] | None = None) -> tuple[list, set[int], set[int]]:
    """A D01 about an applicant whose other rows are all in other applications, and who is enrolled nowhere, names
    those applications (申请编号, place, row), not roster enrolments: one family's second application
    (:func:`applications_apart`), or a person listed in another family's application too (held-out 236: titled
    重复享受 and "另见 低保《申请.csv》", as if enrolled). A family's second application the run cannot tell is a 低保/特困
    one still pending (``unsure``, :func:`renumbered_unsure`) is 中, said why.

    Returns:
        (the findings, the member indices of a family's second application, those of a person in two families'
        applications).
    """
    out, twice, shared = [], set(), set()
    if members.empty:  # (every application already decided: h495, a batch of 已审批 families crashed here)
        return list(findings), twice, shared
    family = members["household"].astype(str).str.partition(APART)[0]
    for f in findings:
        hh = str(members.at[f.member, "household"]) if f.code == "D01" and 0 <= f.member < len(members) else ""
        pid = members.at[f.member, "id"] if hh else ""
        same = members[(members["id"] == pid) & (members["household"] != hh)] if pid else None
        if same is None or same.empty or (enrolled is not None and (enrolled["id"] == pid).any()):
            out.append(f)
            continue
        others = "；".join(_application_place(members[members["household"] == hh]) for hh in pd.unique(same["household"]))
        if APART in hh and (family[same.index] == hh.partition(APART)[0]).all():
            why = (unsure or {}).get(hh.partition(APART)[0])
            out.append(replace(f, evidence=f"身份证号一致，同一家庭另有一份申请：另见 {others}" + (f"；{why}" if why else ""),
                               confidence=MEDIUM if why and f.confidence == HIGH else f.confidence))
            twice.add(f.member)
        else:
            out.append(replace(f, evidence=f"身份证号一致，同一人还列在另一户的申请中：另见 {others}"))
            shared.add(f.member)
    return out, twice, shared


def once_each(members: pd.DataFrame, findings: list) -> list:
    """A finding of a person whose family's application was sent twice is said once, at the row found first (held-out
    208: 疑点数 2 and "唐娟（高）、唐娟（高）" for one cadre, the same 依据 twice)."""
    person = pd.DataFrame({"household": members["household"], "person": persons(members)}).groupby(
        ["household", "person"], sort=False).ngroup().to_numpy()
    seen, out = set(), []
    for f in findings:
        key = (f.code, int(person[f.member]), f.evidence) if 0 <= f.member < len(person) else f
        if key in seen:
            continue
        seen.add(key)
        out.append(f)
    return out


def sent_again(both: pd.DataFrame, j: int, n: int) -> bool:
    """Whether every other row of applicant ``j``'s ID (the applicants are the first ``n`` rows) is an applicant row of
    the same family: one application sent twice, which :func:`repeated_applications` says; no second enrolment."""
    pid = both.at[j, "id"]
    if not pid:
        return False
    others = [k for k in np.flatnonzero((both["id"] == pid).to_numpy()).tolist() if k != j]
    return bool(others) and all(k < n and both.at[k, "household"] == both.at[j, "household"] for k in others)


def persons(members: pd.DataFrame) -> pd.Series:
    """Who each member row is: the valid ID, else the row itself."""
    valid = (members["id_status"] == ids.VALID).to_numpy()
    return pd.Series(np.where(valid, members["id"].to_numpy(dtype=object), "#" + members.index.astype(str)),
                     index=members.index)


def repeated_applications(members: pd.DataFrame) -> list[str]:
    """One warning for the families whose members are listed more than once in the applications (the same
    application sent in two files, or copied twice into one): each is checked and counted once.

    Args:
        members: the applicant member frame.
    Returns:
        The warnings (none when nobody is listed twice).
    """
    keys = pd.DataFrame({"household": members["household"], "person": persons(members)})
    twice = keys.duplicated(keep=False)  # a person in two families is D01's, not this
    if not twice.any():
        return []
    named = []
    for _, rows in members[twice].groupby("household", sort=False):
        # where each copy (each file, each 申请编号) starts the family, on the household sheet of a system export
        first = rows.drop_duplicates([c for c in ("file", "household_no") if c in rows.columns])
        places = "、".join(f"{at[0]} {on_sheet(at[1])}第 {at[2]} 行" for _, m in first.iterrows() for at in [application_row(m)])
        if len(first) == 1:  # one application, a member's row in it twice (held-out 372: named its first row alone)
            m = rows.iloc[0]
            places = (f"{Path(str(m['file'])).name} {on_sheet(m['sheet_shown'])}第 "
                      f"{'、'.join(str(r) for r in sorted(set(rows['row'].astype(int))))} 行（同一人列了两行）")
        head = rows.iloc[0]
        named.append(f"{head['head_name'] or head['name']}（{ids.mask_id(head['head_id'] or head['id'])}）：{places}")
    more = f" 等 {len(named)} 户" if len(named) > REPEATS_NAMED else ""
    return [f"申请名单中有家庭重复出现（同一份申请报送了两次？），每户按一户核对、家庭人口按不同的人计："
            f"{'；'.join(named[:REPEATS_NAMED])}{more}"]


# How many families a warning names before it says how many there are.
FAMILIES_NAMED = 10


def pending_applications(inputs: LoadedInputs, words: dict) -> tuple[LoadedInputs, list[str], dict[str, list[str]]]:
    """The applications still to be decided: a family whose status column (审批状态, 办理状态 …, ``io.columns``) says
    已批准, 不予批准, 已撤回 or 已办结 (read as coverage reads a refusal list's 审批结果, ``_coverage.decision``) is no
    application to screen and is left out, with one warning naming them; a status no word reads is screened as
    pending, with one warning.

    Args:
        inputs: the applications as loaded.
        words: the L05 parameters (pending_words, refused_words, withdrawn_words, approved_words, closed_words).
    Returns:
        (the inputs with the undecided families' members only, the warnings, township → the warning about its own).
    """
    m = inputs.members
    # each row's own application decides (held-out 175: a family refused last year that applies again has two
    # applications, the refused one's row first: the new one was left out with it)
    labels = {str(t.path): t.headers.get("outcome", "") for t in inputs.tables}
    outcome, notes = _status_cells(m["outcome"].fillna("").astype(str), m["file"].astype(str).map(labels).fillna(""),
                                   words)
    review = m["file"].astype(str).map(lambda f: bool(_REVIEW_STAGE.search(labels.get(f, "")))).to_numpy(dtype=bool)
    decided = {(v, r): _read_status(v, r, words) for v, r in set(zip(outcome.tolist(), review.tolist())) if v}
    read = [decided.get((v, r), "") for v, r in zip(outcome.tolist(), review.tolist())]
    row_done = np.array([d in DECIDED for d in read], dtype=bool)
    blank = (outcome == "").to_numpy()
    open_ = set(m.loc[~row_done & ~blank, "household"])  # a family with an application of its own still to decide
    # (a row without a status is of its family's decided application when the family has no other: the status on the
    # head's row only)
    row_done |= blank & m["household"].isin(set(m.loc[row_done, "household"]) - open_).to_numpy()
    pending = set(m.loc[~row_done, "household"])
    filled = ~blank
    said = m.loc[filled, ["household", "head_name", "name", "township"]].assign(
        outcome=outcome[filled], _read=[d for d, f in zip(read, filled) if f], _d=row_done[filled])
    said = said.sort_values("_d", kind="stable").drop_duplicates("household")  # (a family's pending application first)
    found = {hh: (d, _code_said(v, words), head or name) for hh, d, v, head, name in
             zip(said["household"], said["_read"], said["outcome"], said["head_name"], said["name"])}
    done = [hh for hh, (d, _, _) in found.items() if d in DECIDED and hh not in pending]
    again = sorted(set(m.loc[row_done, "household"]) & pending)
    by_town = {}
    if again:
        named = "、".join(str(m.loc[m["household"] == hh, "head_name"].iloc[0] or hh) for hh in again[:FAMILIES_NAMED])
        notes.append(f"申请名单中有 {len(again)} 户既有已审批完毕的申请、又有待审批的申请（如再次申请）：按待审批的申请核对，"
                     f"已审批的那份不核对：{named}{' 等' if len(again) > FAMILIES_NAMED else ''}")
    if done:
        notes.append(_decided_note(done, found))
        # each township's workbook names its own (held-out 99: it pointed to the county's workbook for them)
        towns = dict(zip(said["household"], said["township"]))
        for town in dict.fromkeys(towns[hh] for hh in done):
            by_town[town] = [_decided_note([hh for hh in done if towns[hh] == town], found)]
    closed = [hh for hh in done if found[hh][0] == CLOSED]
    if closed:
        shown = "、".join(dict.fromkeys(f"“{found[hh][1]}”" for hh in closed))
        notes.append(f"其中 {len(closed)} 户的审批状态为{shown}，没有写明批准还是不予批准：按已审批完毕计，未核对；"
                     "若该申请实际尚未审批，请更正状态（或在配置 [L05] closed_words 中删去该词）后重新运行。")
    unread = Counter(v for d, v, _ in found.values() if d == UNREAD)
    if unread:
        shown = "、".join(f"“{v}”{n} 户" for v, n in unread.most_common(5))
        coded = [v for v in unread if BARE_CODE.fullmatch(v)]
        # bare codes (1/2/3) without a legend (held-out 380): their meaning goes in a code table, not among the words
        how = ("审批状态是代码的，请向系统管理员问明代码含义，写进配置 [L05] status_codes（如 status_codes = "
               "{ \"1\" = \"待审核\", \"3\" = \"已批准\", \"4\" = \"不予批准\" }）后重新运行" if coded else "")
        words = ("已审批完毕的，请在配置 [L05] 中加上该值：批准的加在 approved_words，不予批准的加在 refused_words，"
                 "申请人撤回的加在 withdrawn_words，已办结而未写明结果的加在 closed_words" if len(coded) < len(unread) else "")
        notes.append(f"申请名单的审批状态有无法识别的值（{shown}），这些家庭按待审批核对；"
                     + "；".join(x for x in (how, ("其余" if how and words else "") + words) if x) + "。")
    if not row_done.any():
        return inputs, notes, by_town
    return replace(inputs, members=m[~row_done].reset_index(drop=True)), notes, by_town


def other_aid_applications(inputs: LoadedInputs) -> tuple[LoadedInputs, list[str], dict[str, list[str]]]:
    """The applications for 低保 or 特困 only: a row whose 申请类别 names other aid (临时救助, 医疗救助 …,
    ``Table.other_aid``) is no application the 低保/特困 conditions judge (a 低保 family may have 临时救助 too: no D01, and
    a car no C04) and is left out, with one warning naming the families (held-out 372).

    Args:
        inputs: the applications as loaded.
    Returns:
        (the inputs without those rows, the warnings, township → the warning about its own).
    """
    m = inputs.members
    said = {(str(t.path), sheet, row): word for t in inputs.tables for (sheet, row), word in t.other_aid.items()}
    if not said:
        return inputs, [], {}
    cells = list(zip(m["file"].astype(str), m["sheet"].astype(str), m["row"].astype(int)))
    other = np.array([c in said for c in cells], dtype=bool)
    if not other.any():
        return inputs, [], {}
    words = pd.Series([said.get(c, "") for c in cells], index=m.index)
    heads = m[other].drop_duplicates("household")
    named = [f"{h['head_name'] or h['name']}（{words[i]}）" for i, h in heads.iterrows()]

    def note(names: list[str]) -> str:
        more = f" 等 {len(names)} 户" if len(names) > FAMILIES_NAMED else ""
        return (f"申请名单中有 {len(names)} 户申请的不是低保、特困（申请类别为临时救助等），不按低保、特困条件核对，"
                f"不列入核对结论：{'、'.join(names[:FAMILIES_NAMED])}{more}")
    by_town: dict[str, list[str]] = {}
    for town, part in zip(heads["township"], named):
        by_town.setdefault(town, []).append(part)
    return (replace(inputs, members=m[~other].reset_index(drop=True)), [note(named)],
            {town: [note(names)] for town, names in by_town.items()})


# The classes of a status that leave an application out of the screening (``_coverage.decision``), in the order the
# warning counts them.
DECIDED = (APPROVED, REFUSED, WITHDRAWN, CLOSED)
# A status header naming the township's 审核 (审核状态), not the county's 审批: a bare 通过 or 同意 there is the 审核's
# own result, a step before the decision (as 乡镇审核通过 is, ``pending_words``)
_REVIEW_STAGE = re.compile(r"审核(?!.*审批)")
# The share of a bare 状态 column's filled cells that must read as application statuses (待审批, 已批准 …) for the column
# to be taken as the application's status
STATUS_SHARE = 0.5


def _code_said(value: str, words: dict) -> str:
    """A status cell as the notices show it: a bare code with the meaning [L05] status_codes gives it ('3=已批准')."""
    if not (words.get("status_codes") and BARE_CODE.fullmatch(value)):
        return value
    from .normalize.codes import by_legend

    meant = text(by_legend(value, words["status_codes"]))
    return f"{value}={meant}" if meant != value else value


def _read_status(value: str, review: bool, words: dict) -> str:
    """What an application's status cell says (``_coverage.decision``); in a 审核 column (``review``) an approval that
    names no 批 (通过, 同意) is the 审核's, still pending."""
    said = decision(value, words)
    return PENDING if review and said == APPROVED and "批" not in value else said


def _status_cells(outcome: pd.Series, labels: pd.Series, words: dict) -> tuple[pd.Series, list[str]]:
    """Each row's status cell, a bare 状态 column's (``io.columns.BARE_STATUS``) blanked in a file where its values are
    no application statuses (正常, 在册: a member's), said.

    Args:
        outcome: each row's status cell as text.
        labels: each row's status header ('' for none).
        words: the L05 parameters.
    Returns:
        (the cells, the warnings).
    """
    notes = []
    for label in pd.unique(labels[labels.map(lambda x: bool(re.search(BARE_STATUS, x)))]):
        rows = (labels == label) & (outcome != "")
        values = outcome[rows]
        read = values.map(lambda v: decision(v, words) not in ("", UNREAD))
        if len(values) and read.mean() < STATUS_SHARE:
            outcome = outcome.where(~rows, "")
            shown = "、".join(f"“{v}”" for v in pd.unique(values[~read])[:3])
            notes.append(f"申请名单的“{label}”列（如{shown}）不像申请的审批状态，未按审批状态读取，这些家庭照常核对。")
    return outcome, notes


def _decided_note(done: list, found: dict) -> str:
    """One warning naming the families already decided (:func:`pending_applications`)."""
    counts = Counter(found[hh][0] for hh in done)
    named = "、".join(f"{found[hh][2]}（{found[hh][1]}）" for hh in done[:FAMILIES_NAMED])
    more = f" 等 {len(done)} 户" if len(done) > FAMILIES_NAMED else ""
    kinds = "、".join(f"{k} {counts[k]} 户" for k in DECIDED if counts[k])
    return (f"申请名单中有 {len(done)} 户已审批完毕或已撤回（{kinds}），不是待审批的申请，未核对、不列入核对结论：{named}{more}"
            "（审批状态的词语见配置 [L05] pending_words、refused_words、withdrawn_words、approved_words、closed_words）")
