"""Remembered verifications: findings a township checked and found not to be a problem (核实无问题).

The suppression file (``核实无问题清单.csv``, UTF-8 with BOM, one row per verified finding) is written by
``review`` and read by ``audit --suppress``. A later finding is held back only when its category, the
person and the evidence fingerprint are all the same; a new list record about the person or a changed
decisive value (another car, a new employer) gives a new fingerprint and the finding is raised again.

Two fingerprints, both kept in the file so that older and newer versions read each other's files:

- 证据指纹 (``EV-…``, :func:`evidence_fingerprint`): made from the finding's facts (``Finding.facts``:
  the list kind, the record's own identity, how it was linked, the decisive values) with the person and
  the code. The 依据 wording, ages, amounts that drift, file names and row numbers play no part.
- 依据指纹 (``FP-…``, :func:`fingerprint`): the 依据 prose without file, sheet and row. Files written
  before 证据指纹 existed hold only this; such an entry matches a finding whose prose fingerprint is the
  same, or whose 依据 is the same once ages are taken out (the entry keeps its 依据, so this is re-derived).
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
import unicodedata
from collections.abc import Collection
from pathlib import Path

import pandas as pd

from .errors import InputFileError
from .io.read import read_grids
from .io.report import write_csv
from .normalize import ids
from .normalize.names import person_name
from .normalize.values import header_label, text

FILE_NAME = "核实无问题清单.csv"
EVIDENCE = "证据指纹"
COLUMNS = ["类别代码", "身份证号", "姓名", "乡镇", "村", "来源名单", "依据", "依据指纹", EVIDENCE, "核实情况", "核实日期"]
# What townships write when a finding was checked and is not a problem. Kept narrow on purpose: a
# confirmation such as "户口已注销" must not silence a finding.
VERIFIED_WORDS = ("核实无问题", "经核实无问题", "无问题", "同名不同人", "同名同姓", "非本人", "不是本人", "车辆已过户",
                  "已过户", "不属实", "误报", "误判", "信息有误", "不符合事实", "无此情况", "不存在问题", "不存在此问题",
                  "不存在该问题", "不存在上述问题", "无需整改", "不需整改", "无须整改", "情况不实", "非同一人", "不是同一人",
                  "查无此事", "未发现问题", "无此问题", "已转让",
                  # (held-out 302: "经入户核实，…不属于问题" read as no status, 未整改)
                  "不属于问题", "不属于该类问题", "不属于此类问题",
                  # (h363: "比对有误，核实无误" was 未整改: the match itself was wrong; the household qualifies, need not go)
                  "比对有误", "比对错误", "匹配有误", "匹配错误", "未发现异常", "无异常", "符合保障条件", "符合低保条件",
                  "符合特困条件", "符合供养条件", "符合救助条件", "符合条件", "无需清退", "不需清退", "无须清退", "不予清退", "不应清退",
                  "情况不存在", "重名")
# Words that say no problem for some categories only: a person the township says is no member of the household is no
# duplicate enrolment (D01), nor the supported one of a supporter (C07), but is still the
# one a C01–C06 finding is about (to be taken off the roster); a supporter unable to support is C07's answer alone
# (held-out 371: both were 未整改 on D01 and C07, while 其子女无赡养能力 says nothing of a C03 pension)
_NOT_A_MEMBER = ("非该户成员", "不是该户成员", "非本户成员", "不是本户成员", "非该户家庭成员", "不是该户家庭成员", "非其家庭成员")
_UNABLE = ("无赡养能力", "没有赡养能力", "不具备赡养能力", "丧失赡养能力", "无扶养能力", "无抚养能力", "无赡养条件")
CATEGORY_VERIFIED_WORDS = {"D01": _NOT_A_MEMBER, "C07": _NOT_A_MEMBER + _UNABLE}
# A word of VERIFIED_WORDS right after one of these says the opposite ("经核实情况属实，非误报", "不是误报", "无误报",
# "不符合保障条件"; h363: 非误报 and 不是误报 alone were 核实无问题, left out of the next audit)
_NEGATED = re.compile(r"(?:非|不|不是|不属于|不算|不再|没有|无|未|排除)$")
_VERIFIED = re.compile("|".join(map(re.escape, sorted(VERIFIED_WORDS, key=len, reverse=True))))
_VERIFIED_FOR = {code: re.compile("|".join(map(re.escape, sorted(VERIFIED_WORDS + more, key=len, reverse=True))))
                 for code, more in CATEGORY_VERIFIED_WORDS.items()}
# ... unless the same texts say it is not settled or the finding holds: a household's claim not yet checked ("户主称车辆已过户，
# 但未能提供过户证明，待进一步核实"), a claim refuted ("户主称非本人车辆，经查询确为其本人，情况属实"), work under way
# (held-out 107: both were 核实无问题 and left out of the next audit); the case acted on (已停保, 已清退) or still being
# handled (正在办理, 待提供证明, 待复核) beside a "核实无问题" in the other column (held-out 116)
DOUBT_WORDS = ("待进一步核实", "待核实", "有待核实", "尚待核实", "核实中", "正在核实", "尚未核实", "未核实", "未能提供", "无法提供",
               "不能提供", "未提供", "拒绝提供", "情况属实", "确为其本人", "确为本人", "确系本人", "确系其本人", "确属本人",
               "整改中", "正在整改", "待整改", "尚在整改", "未整改", "正在办理", "办理中", "待提供", "待补", "待复核", "复核中",
               "未入户", "并非无此", "拟停", "拟取消", "拟清退", "停保", "停发", "清退", "已纠正")
# The benefit stopped (of DOUBT_WORDS) is no doubt where the township's status itself is its no-problem and its texts say
# the finding's own records were wrong (held-out 241: 整改状态 核实无问题, "核实无问题，该户7月已停发，系银行明细重复导出":
# the stop is the finding's premise, not the case acted on; the other doubts, 清退 among them, still hold)
STOPPED_WORDS = ("停保", "停发")
RECORDS_WRONG = ("重复导出", "导出错误", "导出有误", "明细有误", "明细错误", "数据有误", "数据错误", "系统错误", "记录有误",
                 "记录错误")
_EXT = r"\.(?:xlsx|xlsm|xls|csv|tsv|txt|et)"
# After NFKC: a label's "(file name)", a "《file name》", then any bare file name left.
_FILE_NAME = re.compile(rf"\([^()]*?{_EXT}\)|(?<=《)[^《》]*?{_EXT}(?=》)|[^《》()\"“”:;,、\s]+{_EXT}", re.I)
_SHEET = re.compile(r"工作表“[^”]*”")
_ROW = re.compile(r"第\s*\d+\s*行")
_SPACE = re.compile(r"\s+")
_CLAUSE = re.compile(r"[^，,。；;]+")
_AGE = re.compile(r"\d+\s*(?:周岁|岁)")
# Words a later version says differently of the same facts, taken out of the 依据 an entry without 证据指纹 is matched
# by (held-out 346): the stop rule F01–F03 now name ('按次月停发计，'), and a relation now quoted as the registry writes
# it (长子, 之妻, 弟 where 儿子, 妻子, 兄弟 was said). On NFKC text without spaces (:func:`_prose`): （）：， are ()：,.
_REWORDED = (
    (re.compile(r"按[次当]月停发计,"), ""),
    (re.compile(r"关系:[^(),;]*"), "关系:"),  # (户口簿户号 000102304,关系:妻)
    (re.compile(r"户籍登记为其[^(),;]*"), "户籍登记为其"),  # 户籍登记为其长子(本人户口簿户号 …)
    (re.compile(r"(?<=\))(?:的|之)[^:(),;]{1,8}(?=[:,])"), "的"),  # 财政供养人员 X(…)的长子,未成年 / 之妻:
    (re.compile(r"(户籍信息同户\(户号[^)]*\):)[^,;。]*"), r"\1"),  # 户籍信息同户(户号 …):A是B之妻
    (re.compile(r"登记为户主[^,;。()]*"), "登记为户主"),  # 花名册中A登记为户主B的配偶 / 户主B之妻
    # (h352) D02 now names the holder the roster writes for a care home's account, and asks the household why its money
    # goes there: the same shared account of the same households
    (re.compile(r"\(花名册所写户名“[^”]*”,是供养机构的账户\)"), ""),
    (re.compile(r"该账号应是供养机构的账号"), "该账号是供养机构的账号"),
    (re.compile(r"\(该户[^()]*供养机构的账户、由谁支取\)"), ""),
    # … and RQ1 quotes a filed relative's masked ID and says the digits it shows agree (a disagreement stays: it is 低)
    (re.compile(r"备案表的亲属身份证号被遮挡\([^()]*\)"), "备案表未填可用的亲属身份证号"),
    (re.compile(r";备案身份证号(?:被遮挡,)?露出的前\d+位、后\d+位(?:与其)?一致"), ""),
)


def _affirmed(text: str, code: str = "") -> list[re.Match]:
    """The words of :data:`VERIFIED_WORDS` (and of :data:`CATEGORY_VERIFIED_WORDS` for ``code``) in ``text`` (NFKC) that
    no negation (:data:`_NEGATED`) turns round."""
    words = _VERIFIED_FOR.get(code, _VERIFIED)
    return [m for m in words.finditer(text) if not _NEGATED.search(text[max(0, m.start() - 3):m.start()])]


def says_verified(text: str, code: str = "") -> bool:
    """Whether ``text`` (NFKC) says no problem: a word of :data:`VERIFIED_WORDS` not negated (:func:`_affirmed`), or
    one said of the category ``code`` alone (:data:`CATEGORY_VERIFIED_WORDS`)."""
    return bool(_affirmed(text, code))


def is_verified(found: object = "", status: object = "", code: str = "") -> bool:
    """Return whether the township's texts say the finding was verified as not a problem.

    Args:
        found: its 核实情况 (or another text of its own).
        status: its 整改状态.
        code: its category (some words say no problem for some categories only: :data:`CATEGORY_VERIFIED_WORDS`).
    Returns:
        True when one of :data:`VERIFIED_WORDS` appears and none of :data:`DOUBT_WORDS` (:func:`doubted`).
    """
    joined = _joined(found, status)
    return says_verified(joined, code) and not doubted(found, status, code)


def doubted(found: object = "", status: object = "", code: str = "") -> str:
    """The word of :data:`DOUBT_WORDS` that keeps texts saying a finding is no problem from counting as verified, or ''
    (held-out 184: "核实无问题" beside "养老金已于8月停发" was 未整改 without a word why); a word of :data:`STOPPED_WORDS`
    is none beside a status of no problem and a reason of :data:`RECORDS_WRONG` (:func:`records_wrong`).

    Args:
        found: its 核实情况 (or another text of its own).
        status: its 整改状态.
        code: its category (:data:`CATEGORY_VERIFIED_WORDS`).
    Returns:
        The word.
    """
    joined = _joined(found, status)
    said = _affirmed(joined, code)
    if not said:
        return ""
    # (a doubt inside the no-problem words themselves is none: 无需清退's 清退)
    for m in reversed(said):
        joined = joined[:m.start()] + "\x1f" + joined[m.end():]
    wrong = records_wrong(found, status)
    return next((w for w in DOUBT_WORDS if w in joined and not (wrong and w in STOPPED_WORDS)), "")


def records_wrong(found: object = "", status: object = "") -> str:
    """The township's reason that the finding's own records were wrong (a clause holding one of :data:`RECORDS_WRONG`,
    as written), where its status itself says no problem and holds no doubt; '' else.

    Args:
        found: its 核实情况.
        status: its 整改状态.
    Returns:
        The clause.
    """
    said = _joined(status)
    if not says_verified(said) or any(w in said for w in DOUBT_WORDS):
        return ""
    return next((k.strip() for cell in (found, status) for k in _CLAUSE.findall(_as_written(cell))
                 if any(w in unicodedata.normalize("NFKC", k) for w in RECORDS_WRONG)), "")


def _joined(*texts: object) -> str:
    return "".join(unicodedata.normalize("NFKC", text(t)) for t in texts)


def verified_claim(*texts: object) -> str:
    """The clause of the township's texts that says a finding is no problem, as written: the first holding one of
    :data:`VERIFIED_WORDS` ('' for none). A note quotes it (held-out 241: "户主称车辆已过户，但未能提供过户证明" under
    整改中 was told "乡镇填报核实无问题", which the clerk never wrote).

    Args:
        texts: the township's cells, the one to quote first (整改状态) first.
    Returns:
        The clause.
    """
    for cell in texts:
        for clause in _CLAUSE.findall(_as_written(cell)):
            if says_verified(unicodedata.normalize("NFKC", clause)):
                return clause.strip()
    return ""


def fingerprint(code: str, evidence: object) -> str:
    """Return the prose fingerprint of a finding's 依据 (file names, sheets and row numbers ignored).

    Args:
        code: the category code.
        evidence: the 依据 text.
    Returns:
        'FP-' and 16 hex digits (a letter first, so spreadsheet programs keep it as text).
    """
    return _digest("FP-", code, _prose(evidence))


def _prose(evidence: object, ages: bool = True) -> str:
    """The 依据 text without file names, sheets, row numbers and spaces (and ages, unless ``ages``)."""
    norm = unicodedata.normalize("NFKC", text(evidence))
    norm = _ROW.sub("第行", _SHEET.sub("", _FILE_NAME.sub("", norm)))
    if not ages:
        norm = _AGE.sub("岁", norm)
    return _SPACE.sub("", norm)


def _aged(code: str, evidence: object) -> str:
    """The prose fingerprint of a 依据 with its ages taken out (for entries written before 证据指纹)."""
    return _digest("FA-", code, _prose(evidence, ages=False))


def _reworded(code: str, evidence: object) -> str:
    """The prose fingerprint of a 依据 without its ages and the words a later version says differently of the same
    facts (:data:`_REWORDED`): an entry written before 证据指纹, or whose 证据指纹 column a township deleted, still holds
    when only the wording changed."""
    norm = _prose(evidence, ages=False)
    for pattern, put in _REWORDED:
        norm = pattern.sub(put, norm)
    return _digest("FW-", code, norm)


def evidence_fingerprint(code: str, person: str, facts) -> str:
    """Return the structured fingerprint of a finding: its code, the person and its facts.

    Fact values are compared after NFKC, without spaces and in upper case (``湘a 12345`` is ``湘A12345``);
    their order does not matter.

    Args:
        code: the category code.
        person: the member's identity (the ID; without one, name key and head's ID).
        facts: the finding's (name, value) pairs (``Finding.facts``).
    Returns:
        'EV-' and 16 hex digits, or '' when there are no facts (then only the prose fingerprint serves).
    """
    if not facts:
        return ""
    return _digest("EV-", code, _canon(person), *sorted({f"{_canon(k)}={_canon(v)}" for k, v in facts}))


def _digest(prefix: str, code: str, *parts: str) -> str:
    """A fingerprint: the prefix (a letter first, so spreadsheets keep it as text) and 16 hex digits."""
    payload = "|".join([code.strip().upper(), *parts])
    return prefix + hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def _canon(value: object) -> str:
    return _canon_text(value if type(value) is str else text(value))


@functools.lru_cache(maxsize=1 << 16)  # facts repeat: the same names and many of the same values again and again
def _canon_text(value: str) -> str:
    return _SPACE.sub("", unicodedata.normalize("NFKC", text(value))).upper()


def entries_from(findings: pd.DataFrame, verified_on: dt.date) -> pd.DataFrame:
    """Return suppression entries for the rows of a reviewed ledger marked 核实无问题.

    Args:
        findings: earlier findings with the ledger columns (核实情况, 整改状态 …).
        verified_on: the date recorded as 核实日期.
    Returns:
        A frame with :data:`COLUMNS`.
    """
    rows = []
    for _, f in findings.iterrows():
        if not is_verified(f.get("核实情况", ""), f.get("整改状态", ""), str(f.get("类别代码", "")).strip()):
            continue
        rows.append({
            "类别代码": text(f.get("类别代码")), "身份证号": text(f.get("身份证号")), "姓名": text(f.get("姓名")),
            "乡镇": text(f.get("乡镇")), "村": text(f.get("村")), "来源名单": text(f.get("来源名单")),
            "依据": _as_written(f.get("依据")), "依据指纹": fingerprint(text(f.get("类别代码")), f.get("依据")),
            EVIDENCE: _evidence_of(f.get(EVIDENCE)),
            "核实情况": _as_written(f.get("核实情况")) or _as_written(f.get("整改状态")), "核实日期": verified_on.isoformat(),
        })
    return pd.DataFrame(rows, columns=COLUMNS)


_WRITTEN = ("依据", "核实情况", "乡镇", "村", "姓名", "来源名单")


def _as_written(value: object) -> str:
    """A free-text cell (依据, what the township wrote) kept as written: full-width （）：， stay full-width."""
    return value.strip() if isinstance(value, str) else text(value)


def _evidence_of(value: object) -> str:
    """A 证据指纹 cell as read back ('' unless it looks like one: a township may have typed over it)."""
    v = text(value).strip().upper()
    return "EV-" + v[3:].lower() if re.fullmatch(r"EV-[0-9A-F]{16}", v) else ""


def merge(*frames: pd.DataFrame) -> pd.DataFrame:
    """Merge suppression entries, keeping the earliest entry of each verified finding.

    Entries are the same when code and person agree and so does the 证据指纹 (or, when one of them has
    none, the 依据指纹); an older entry without 证据指纹 takes it from a newer one about the same finding.

    Args:
        frames: suppression frames, oldest first.
    Returns:
        The merged frame.
    """
    parts = [f.reindex(columns=COLUMNS, fill_value="") for f in frames if f is not None and len(f)]
    if not parts:
        return pd.DataFrame(columns=COLUMNS)
    both = pd.concat(parts, ignore_index=True).fillna("")
    person = [f"{c}|{ids.id_number(i).value}" for c, i in zip(both["类别代码"], both["身份证号"])]
    structured = {}
    for who, prose, ev in zip(person, both["依据指纹"], both[EVIDENCE]):
        if ev:
            structured.setdefault((who, prose), ev)
    both[EVIDENCE] = [ev or structured.get((who, prose), "") for who, prose, ev in
                      zip(person, both["依据指纹"], both[EVIDENCE])]
    key = [f"{who}|{ev or prose}" for who, prose, ev in zip(person, both["依据指纹"], both[EVIDENCE])]
    return both.loc[~pd.Series(key).duplicated().to_numpy(), COLUMNS].reset_index(drop=True)


def write(entries: pd.DataFrame, target: Path) -> None:
    """Write the suppression file (UTF-8 with BOM, formula-safe, atomic).

    Args:
        entries: the entries.
        target: the file.
    """
    write_csv(entries[COLUMNS] if len(entries) else pd.DataFrame(columns=COLUMNS), target)


def read(path: Path) -> pd.DataFrame:
    """Read a suppression file (also after it was opened and saved in Excel or WPS).

    Args:
        path: the file.
    Returns:
        A frame with :data:`COLUMNS` (text).
    Raises:
        InputFileError: when the file lacks 类别代码, 身份证号, 依据指纹 or 核实日期 (a problem list is none).
    """
    grids = read_grids(Path(path))
    for grid in grids:
        for r, row in enumerate(grid.rows[:10]):
            labels = [header_label(c) for c in row]
            if not {"类别代码", "身份证号"} <= set(labels) or not {"依据指纹", EVIDENCE} & set(labels):
                continue
            if "核实日期" not in labels:  # findings.csv or a problem list: nothing in it was verified
                raise InputFileError(path, "不是核实无问题清单（没有“核实日期”列，像是问题清单或 findings.csv）；"
                                           "--suppress 要用 review 命令生成的“核实无问题清单.csv”。")
            pos = {label: labels.index(label) for label in COLUMNS if label in labels}
            data = [{c: (row2[i] if i < len(row2) else "") for c, i in pos.items()} for row2 in grid.rows[r + 1:]]
            frame = pd.DataFrame(data, columns=COLUMNS, dtype=object).fillna("")
            frame["身份证号"] = [ids.id_number(v).value if v not in ("", None) else "" for v in frame["身份证号"]]
            for col in COLUMNS:  # what a township wrote (依据, 核实情况) kept as written: full-width （）：， stay
                if col != "身份证号":
                    frame[col] = [(_as_written if col in _WRITTEN else text)(v) for v in frame[col]]
            frame[EVIDENCE] = [_evidence_of(v) for v in frame[EVIDENCE]]
            return frame[frame["类别代码"] != ""].reset_index(drop=True)
    raise InputFileError(path, "不是核实无问题清单：找不到“类别代码”“身份证号”“依据指纹”列。请使用 review 命令生成的文件。")


def damaged_ids_note(entries: pd.DataFrame, path: Path, reported: Collection[str] = ()) -> list[str]:
    """A warning when some of the file's ID numbers are not valid (most often opened and saved in Excel: 4.30525E+17).

    Args:
        entries: the entries read (:func:`read`).
        path: the file.
        reported: the ID cells of this run's findings: an invalid ID written as a finding gives it (the roster's
            own, typed as a number there) is not the file's damage.
    Returns:
        [] or one warning.
    """
    reported = set(reported)
    damaged = sum(1 for v in entries["身份证号"] if v and v not in reported and ids.id_number(v).status != ids.VALID)
    if not damaged:
        return []
    return [f"{Path(path).name}：{damaged} 个身份证号不是有效的 18 位号码（常见原因：乡镇退回的问题清单或本文件在 Excel 中"
            "保存过，长数字被改成 4.30525E+17 这样的数或末三位变成 000；本期花名册中已找不到的人，review 无法补全），"
            "已按证据指纹和姓名比对；查看本文件时不要在 Excel 中保存"]


def apply(findings: pd.DataFrame, entries: pd.DataFrame) -> tuple[pd.DataFrame, int, int]:
    """Hold back findings whose category, person and evidence fingerprint match a suppression entry.

    An entry with a 证据指纹 matches on it alone (it is made from the person's identity and the facts) when
    the ID or the name agrees, so an ID that Excel turned into a number (even 4.30525E+17) costs nothing; an
    older entry without one matches on the prose fingerprint, or on its 依据 re-read without ages, and then an
    ID that Excel turned into a number matches on its surviving digits plus the name. A person whose ID has since
    been corrected (:func:`_corrected`) keeps the verification when the facts are the same.

    Args:
        findings: the audit's findings frame (with 证据指纹 and the facts, ``_facts``, when the audit made them).
        entries: the suppression entries.
    Returns:
        (findings kept, how many were held back, how many of them under a corrected ID).
    """
    if findings.empty or entries.empty:
        return findings, 0, 0
    exact, partial, structured_by = set(), set(), set()
    by_name: dict[tuple, list[tuple[str, str]]] = {}  # (code, name) → the entries' (ID, 证据指纹): for corrected IDs
    evidence_column = entries[EVIDENCE] if EVIDENCE in entries.columns else [""] * len(entries)
    said = entries["依据"] if "依据" in entries.columns else [""] * len(entries)
    for code, pid, name, fp, ev, basis in zip(entries["类别代码"], entries["身份证号"], entries["姓名"],
                                             entries["依据指纹"], evidence_column, said):
        info = ids.id_number(pid)
        if ev:
            structured_by |= {(code, ev, "id", info.value), (code, ev, "name", person_name(name))}
            by_name.setdefault((code, person_name(name)), []).append((info.value, ev))
            continue
        for p in [fp] + ([_aged(code, basis), _reworded(code, basis)] if text(basis) else []):
            if info.status == ids.NUMERIC:
                partial.add((code, info.value[:ids.SURVIVING], person_name(name), p))
            else:
                exact.add((code, info.value, p))
    structured = findings[EVIDENCE] if EVIDENCE in findings.columns else [""] * len(findings)
    facts = findings["_facts"] if "_facts" in findings.columns else [()] * len(findings)
    keep, corrected = [], 0
    for code, pid, name, evidence, ev, fs in zip(findings["类别代码"], findings["身份证号"], findings["姓名"],
                                                 findings["依据"], structured, facts):
        value = ids.id_number(pid).value
        if ev and ((code, ev, "id", value) in structured_by or (code, ev, "name", person_name(name)) in structured_by):
            keep.append(False)
            continue
        if ev and fs and (code, evidence_fingerprint(code, value, fs), "name", person_name(name)) in structured_by:
            # an entry of an earlier release, whose 证据指纹 left a damaged ID's name out (audit.findings_frame): the
            # same name still says whose it is
            keep.append(False)
            continue
        if fs and _corrected(code, value, fs, by_name.get((code, person_name(name)), ())):
            keep.append(False)
            corrected += 1
            continue
        short = (code, value[:ids.SURVIVING], person_name(name))
        prints = [fingerprint(code, evidence), _aged(code, evidence), _reworded(code, evidence)]
        held = any((code, value, p) in exact or (*short, p) in partial for p in prints)
        keep.append(not held)
    mask = pd.Series(keep, index=findings.index)
    return _came_back(findings[mask].reset_index(drop=True), entries), int((~mask).sum()), corrected


def _came_back(findings: pd.DataFrame, entries: pd.DataFrame) -> pd.DataFrame:
    """Findings about a person verified before under the same category whose evidence has changed since (another
    employer, a new plate): their 依据 says what the township found then (held-out 121: nothing said so, and the
    township could mark it again unread)."""
    said: dict[tuple[str, str], str] = {}
    for code, pid, found, when in zip(entries["类别代码"], entries["身份证号"], entries["核实情况"], entries["核实日期"]):
        # (the township's own '核实无问题：系同一人两个账户' not said twice after the prefix, held-out 144)
        if (value := ids.id_number(pid).value) and (found := _as_written(found)):
            found = re.sub(r"^核实无问题\s*[：:，,]\s*", "", found) or found
            said.setdefault((text(code), value), f"{found}（{text(when)}）" if text(when) else found)
    if not said or findings.empty:
        return findings
    back = [said.get((code, ids.id_number(pid).value)) for code, pid in zip(findings["类别代码"], findings["身份证号"])]
    if any(back):
        findings = findings.copy()
        findings["依据"] = [f"{ev}【曾核实无问题：{b}；本次比对的情况与当时不同，请重新核实】" if b else ev
                           for ev, b in zip(findings["依据"].tolist(), back)]
    return findings


def _corrected(code: str, value: str, facts, verified: Collection[tuple[str, str]]) -> bool:
    """Whether a finding is a verified one about the same person under a corrected ID: an entry of the same category
    and name whose ID is one character (or two neighbours swapped) from this one, and whose 证据指纹 this finding's
    facts give again under that ID, the list row linked by the ID as it was then (near, not exact)."""
    as_then = tuple(("match", "near") if fact == ("match", "id") else fact for fact in facts)
    return any(ids.one_apart(old, value) and ev in (evidence_fingerprint(code, old, facts),
                                                    evidence_fingerprint(code, old, as_then))
               for old, ev in verified)
