"""Batch check of new applications before approval (凡进必核): the audit's checks, one verdict per family.

Verdict rule (configurable in the ``[screen]`` section of the --config file):
  - a family is 有疑点 when any member has a finding whose confidence is in ``verdict_confidences``
    (default 高 and 中) and whose category is not in ``lead_codes`` (default C08: labour capacity is a
    lead for a home visit, not a disqualification);
  - lead-category and low-confidence findings are listed (待核线索) but do not by themselves make a
    family 有疑点;
  - an applicant already enrolled in a roster given with --enrolled is 有疑点 (D01);
  - a family whose status column (审批状态, 办理状态 …) says it is already decided (已批准, 不予批准, 已办结) or
    withdrawn (已撤回) is no application to screen: it is left out of the verdicts, and a warning says which
    (:func:`applications.pending_applications`).
Exempt assets (a motorcycle) and namesakes produce no 高/中 finding, so such families stay 无疑点.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace
from pathlib import Path

import pandas as pd

from .applications import (APART, NUMBERED, applications_apart, application_row, applied_elsewhere, once_each,
                           other_aid_applications, pending_applications, persons, renumbered_unsure,
                           repeated_applications, sent_again)
from .audit import UNREAD_LISTS, build_context, findings_frame, run_checks
from .loading import LoadedInputs, Progress, load_inputs, require_people
from .match import ROSTER_AND_LIST, repaired_key
from .errors import ConfigError
from .io.limits import Limits
from .io.table import ROSTER_GAPS
from .model import APPLICATIONS, APPLYING, CONFIDENCE_ORDER, HIGH, MEDIUM, CheckSpec, Context
from .normalize import ids
from .normalize.values import text
from .notices import number_typed_ids, old_ids
from .order import natural_rank
from .policy import load_policy, roster_codes, user_toml
from .roster import (DIBAO, EDGE_LEFT_OUT, OTHER_AID_SAID, TEKUN, file_on_sheet, is_covered, name_coded_places,
                     names_by_code, place_names_of, programme_stated)
from .rules import load_all
from .rules._vocab import value_warnings
from .rules.d_roster import enrolment_place, head_rows
from .rules.s01_tekun_ability import title as s01_title

SECTION = "screen"
ADVICE = "审批前核实该疑点；属实的不予批准，或核减相应人员、计入相应收入和财产后重新认定。"
LEAD_ADVICE = "审批时入户核实（线索，不单独作为不予批准的理由）。"
# An ID that fails its check is put right, not refused for (held-out 122: "属实的不予批准" beside a mistyped digit)
ID_ADVICE = "对照户口簿、身份证原件更正申请材料中的身份证号，更正后重新核对（号码有误本身不是不予批准的理由）。"
# A 低保 recipient applying for 特困 (which pays more) is a transfer, not a second enrolment (D01 all the same: the
# meeting must stop the 低保 when it approves the 特困).
TRANSFER_ADVICE = ("按低保转特困办理：经认定符合特困供养条件的，批准特困供养，同时自特困供养起始之月停发其低保（单人户注销低保，"
                   "多人户核减保障人口、重新核定保障金），不得同时享受；不符合特困条件的不批准特困，继续享受低保。")
TRANSFER_TITLE = "已享受低保，申请特困（低保转特困）"
# An applicant's masked ID (4305**********1234, copied from a 公示 list): not a wrong number but none to check anything
# with, so the family is never cleared; the meeting is told to get the whole number, not that a digit is mistyped
MASKED_TITLE = "身份证号被遮挡，无法核对"
MASKED_ADVICE = ("查看身份证、户口簿原件，取得该成员完整的身份证号，更正申请材料后重新核对；未重新核对前不能按无疑点审批"
                 "（号码被遮挡本身不是不予批准的理由）。")
# An applicant's ID stored as a number that kept a few digits only (3.41126E+17): as a masked one, never cleared
CUT_TITLE = "身份证号只剩前几位，无法核对"
# One family's two applications in two places (two 申请编号, two townships or villages): neither may be approved as it
# stands (held-out 220: merged as one application sent twice, the second vanished from every output)
TWICE_TITLE = "同一家庭在两处申请（重复申请）"
TWICE_ADVICE = "核实该家庭的户籍地和实际居住地，只在应申请的一处审批，另一份申请不予受理或由申请人撤回；两份申请不得都批准。"
# One person in two families' applications (a son in his parents' and in his own): no enrolment, a family size to settle
# one family's two applications in one place, two 申请编号 (``applications.applications_apart``, held-out 372)
RENUMBERED_TITLE = "同一家庭以两个申请编号重复申请"
RENUMBERED_ADVICE = "核实两份申请是否同一次申请重复录入或重复提交，只保留一份审批，另一份由申请人撤回或不予受理；两份申请不得都批准。"
SHARED_TITLE = "同一人列在两户的申请中"
SHARED_ADVICE = ("核实该成员与哪一户共同生活（户籍、实际居住），只能计入其中一户的家庭人口，更正申请后按更正后的家庭人口、"
                 "收入和财产分别审批；不得在两户中同时享受。")
# Titles that say 享受 of people who receive nothing yet, as an applicant's (held-out 220: C01 "…享受低保" of 特困 applicants,
# RQ1/RQ2 "…近亲属享受保障")
APPLICANT_TITLES = {"C01": "财政供养人员或村(居)干部申请低保、特困", "RQ1": "村(居)干部或经办人员已备案近亲属申请保障",
                    "RQ2": "村(居)干部或经办人员未备案的亲属申请保障"}
# A member the deaths list (or the registry's 人员状态) records dead: C02's title speaks of death, custody and moves at
# once, so the meeting reading 疑点摘要 could not tell a dead member from one in prison (held-out 230); the 依据 is
# C02's own (死亡人员名单, its row, the death date, the key)
DEATH_TITLE = "申请家庭成员已登记死亡"
DEATH_ADVICE = ("核实该成员是否已死亡（死亡证明、户口注销记录）；属实的不得作为申请家庭成员，从申请中去除后按其余成员"
                "重新核对家庭人口、收入和财产再审批。")
_DEATH_LISTS = ("deaths", "registry")  # (C02's findings from the registry: its 人员状态 死亡, or 迁出 said by the fact
# ``c02_status.MOVED_FACT``)
# A relative of a cadre or a clerk may apply (民政部门工作人员和村(居)干部近亲属申请的，应当单独登记备案): the filed
# relative's application is reviewed strictly, its cadre or clerk standing aside; an unfiled one is filed first (held-out
# 236: all three advised "属实的不予批准", as if the tie itself disqualified)
FAVOUR_ADVICE = {
    "RQ1": "已备案的村(居)干部、经办人员近亲属可以申请，但须从严审核：入户核实家庭经济状况，与其有利害关系的村(居)干部、"
           "经办人员回避（不参与调查、评议和审核）；核实符合条件的可以批准，不符合的不予批准。",
    "RQ2": "该亲属关系未按规定备案：补办近亲属备案，从严审核（有利害关系的村(居)干部、经办人员回避）；属实且不符合条件的不予批准。",
    "RQ3": "核实申请家庭的联系电话或银行账号为何是村(居)干部的：属其近亲属的补办备案、从严审核（该干部回避），账号改为申请人"
           "本人或家庭成员的；属实且不符合条件的不予批准。",
}
DEFAULTS = {"verdict_confidences": ["高", "中"], "lead_codes": ["C08"]}
DOUBT, CLEAR = "有疑点", "无疑点"
UNLISTED_SAID = "户主以外的家庭成员没有列出"  # (io.table's notice on a table read one row per household)
SCREEN_COLUMNS = ["乡镇", "村", "申请编号", "户主姓名", "户主身份证号", "家庭人口", "申请类别", "结论", "疑点数", "疑点摘要", "待核线索",
                  "申请文件", "申请行"]


@dataclass
class ScreenResult:
    """What a screening produced.

    Attributes:
        verdicts: one row per applicant family, columns SCREEN_COLUMNS, 有疑点 first.
        findings: the findings about applicants (audit columns plus 计入结论).
        inputs: the applications and lists as loaded.
        specs: the effective check specs.
        rule: the verdict rule in force (DEFAULTS overridden by [screen]).
        skipped: code → why the check did not run.
        warnings: things the user should know.
        county: the county's name ('' when nothing names it), for report titles.
        enrolled: the enrolled rosters' members (None without them): whose households the D01 evidence names.
        township_notes: township → the warnings about its own families (those already decided, those applying in two
            places), for its workbook.
    """

    verdicts: pd.DataFrame
    findings: pd.DataFrame
    inputs: LoadedInputs
    specs: dict[str, CheckSpec]
    rule: dict
    skipped: dict[str, str] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    county: str = ""
    enrolled: pd.DataFrame | None = None
    township_notes: dict[str, list[str]] = field(default_factory=dict)


def verdict_rule(config: Path | None) -> dict:
    """Return the verdict rule: DEFAULTS overridden by the ``[screen]`` section of a configuration file.

    Args:
        config: the user's TOML file, or None.
    Returns:
        {'verdict_confidences': [...], 'lead_codes': [...]}.
    Raises:
        ConfigError: when a [screen] value is not a list of text.
    """
    rule = {k: list(v) for k, v in DEFAULTS.items()}
    if config is None or not Path(config).is_file():
        return rule
    section = user_toml(Path(config)).get(SECTION, {})  # (load_policy reports a broken file with its details)
    errors = []
    for key, value in (section if isinstance(section, dict) else {}).items():
        where = f"{config} [{SECTION}] {key}"
        if key not in DEFAULTS:
            errors.append(f"{where}：未知的参数（可用：{'、'.join(DEFAULTS)}）")
            continue
        if not isinstance(value, list) or not all(isinstance(x, str) for x in value):
            errors.append(f"{where}：应为文字列表（如 [\"高\", \"中\"]）")
            continue
        values = [x.strip().upper() if key == "lead_codes" else x.strip() for x in value]
        known = CONFIDENCE_ORDER if key == "verdict_confidences" else load_all()
        wrong = [v for v in values if v not in known]
        if wrong or (key == "verdict_confidences" and not values):  # nothing decisive: every family 无疑点
            errors.append(f"{where}：" + (f"“{'、'.join(wrong)}”不是" if wrong else "不能为空，应列出")
                          + ("置信度（高、中、低）" if key == "verdict_confidences" else "类别代码（见 rostercheck checks）"))
        else:
            rule[key] = values
    if errors:
        raise ConfigError(f"配置文件有 {len(errors)} 处错误：\n" + "\n".join(errors))
    return rule


def screen(applications: list[Path], lists: dict[str, Path], as_of: dt.date, enrolled: list[Path] | None = None,
           config: Path | None = None, limits: Limits | None = None, progress: Progress | None = None,
           unread: dict[str, list[Path]] | None = None) -> ScreenResult:
    """Check applicant families against the reference lists (and current rosters) and give each a verdict.

    Args:
        applications: application files in roster shape.
        lists: reference kind → file.
        as_of: the review date.
        enrolled: current rosters; an applicant found there is 有疑点 (D01).
        config: user configuration file.
        limits: safety bounds for each file.
        progress: progress callback while loading.
        unread: list kind → files a folder held under that kind's name that could not be read (``Gathered.unread``).
    Returns:
        The result.
    """
    rule = verdict_rule(config)
    specs, common, _ = load_policy(config)  # fail on a broken configuration before spending time on loading
    # Few applicants against big lists: only the list rows that can concern them are kept.
    inputs = load_inputs(applications, lists, as_of, limits, progress, roster_codes=roster_codes(common))
    require_people(inputs, APPLICATIONS, "结果会是“申请家庭 0 户”，像是没有疑点")
    # files saying each family's 申请类别 (a column, or a form's label cells: held-out 319 showed it blank for forms)
    applied = {str(t.path) for t in inputs.tables if t.kind == "roster" and programme_stated(t)}
    current = load_inputs(enrolled, {}, as_of, limits, progress, roster_codes=roster_codes(common)) if enrolled else None
    if current is not None and len(current.members):
        # places an application gives by code only, named as the enrolled rosters (their code pages, their rows) name
        # them (held-out 369: every verdict's 乡镇 and 村 a code, the per-township files split by code)
        rosters = [t for t in current.tables if t.kind == "roster"]
        name_coded_places(inputs.members, [t for t in inputs.tables if t.kind == "roster"],
                          {**names_by_code(current.members), **place_names_of(rosters)}, "在保花名册")
    inputs, other_aid, other_by_town = other_aid_applications(inputs)
    inputs, decided, decided_by_town = pending_applications(inputs, specs["L05"].params)
    decided = other_aid + decided
    for town, notes in other_by_town.items():
        decided_by_town.setdefault(town, [])[:0] = notes
    members, twice, twice_by_town = applications_apart(inputs.members)
    inputs = replace(inputs, members=members)
    for town, notes in twice_by_town.items():
        decided_by_town.setdefault(town, []).extend(notes)
    if current is not None:
        require_people(current, "在保花名册", "申请人是否已在保（D01）无从比对")
    # the county as the applications name it, else as the enrolled rosters' titles do (moves judged inside it)
    ctx, warnings = build_context(inputs, as_of, config, current.tables if current is not None else [])
    warnings = [w for w in warnings if f"[{SECTION}]" not in w] + decided
    codes = [c for c in load_all() if c != "D01"] if enrolled else None
    ctx.cache[APPLYING] = True  # the members apply: evidence says 申请, not 享受/发放
    ctx.cache[UNREAD_LISTS] = dict(unread or {})
    ctx.specs.update({c: replace(ctx.specs[c], title=t) for c, t in APPLICANT_TITLES.items() if c in ctx.specs})
    if current is not None:  # the enrolled, for the checks that ask who is on a roster (C07: a 特困 supporter is unable)
        ctx.cache["enrolled_members"] = current.members
    findings, skipped = run_checks(ctx, codes)
    # one family's application sent twice (two townships' files) is said once as such, no D01 (held-out 122)
    findings = [f for f in findings if not (f.code == "D01" and sent_again(ctx.members, f.member, len(ctx.members)))]
    findings = once_each(ctx.members, findings)
    enrolled_found, transfers = _enrolled_duplicates(ctx, current) if current is not None else ([], set())
    unsure = renumbered_unsure(ctx.members, [t for t in inputs.tables if t.kind == "roster"], specs["L05"].params)
    findings, elsewhere, shared = applied_elsewhere(ctx.members, findings + enrolled_found,
                                                    current.members if current is not None else None, unsure)
    frame = findings_frame(ctx, findings)
    _name_the_applications(frame)
    confidences, leads = set(rule["verdict_confidences"]), set(rule["lead_codes"])
    decisive = [c in confidences and code not in leads for c, code in zip(frame["置信度"], frame["类别代码"])]
    frame["计入结论"] = ["是" if d else "否（线索）" for d in decisive]
    numbers = ctx.members["household_no"].map(text) if "household_no" in ctx.members.columns else None
    if numbers is not None and (numbers != "").any():
        # the key to screening.csv that an ID stored as a number does not damage (held-out 220); appended: the
        # findings.csv contract's columns keep their order
        frame["申请编号"] = [numbers.iat[j] if 0 <= j < len(numbers) else "" for j in frame["_member"]]
    # the checks' advice speaks of people on the roster (停发, 清退, 追回); an applicant is approved or not
    # (an applicants' check, S01, speaks of applicants already: its own advice)
    own = {c: s.advice for c, s in ctx.specs.items() if s.applicants_only}
    frame["建议"] = [(ID_ADVICE if code == "D03" else FAVOUR_ADVICE.get(code) or own.get(code, ADVICE)) if d else LEAD_ADVICE
                   for d, code in zip(decisive, frame["类别代码"])]
    s01 = frame["类别代码"] == "S01"
    frame.loc[s01, "类别名称"] = [s01_title(e) or t for e, t in zip(frame.loc[s01, "依据"], frame.loc[s01, "类别名称"])]
    dead = (frame["类别代码"] == "C02") & frame["_facts"].map(
        lambda facts: dict(facts).get("list") in _DEATH_LISTS and dict(facts).get("left") != "moved")
    frame.loc[dead, "类别名称"] = DEATH_TITLE
    frame.loc[dead & pd.Series(decisive, index=frame.index, dtype=bool), "建议"] = DEATH_ADVICE
    hidden = (frame["类别代码"] == "D03") & frame["_facts"].map(
        lambda facts: ids.masked(dict(facts).get("id_raw")) is not None)
    frame.loc[hidden, "类别名称"] = MASKED_TITLE
    # (an ID stored as a number that kept no birth date cannot be checked either: D03 at 中, the same advice)
    cut = (frame["类别代码"] == "D03") & (frame["置信度"] == MEDIUM) & frame["_facts"].map(
        lambda facts: dict(facts).get("status") == ids.NUMERIC)
    frame.loc[cut, "类别名称"] = CUT_TITLE
    hidden |= cut
    frame.loc[hidden & pd.Series(decisive, index=frame.index, dtype=bool), "建议"] = MASKED_ADVICE
    moving = (frame["类别代码"] == "D01") & frame["_member"].isin(transfers)
    frame.loc[moving, ["类别名称", "建议"]] = [TRANSFER_TITLE, TRANSFER_ADVICE]  # (the code stays D01)
    frame.loc[(frame["类别代码"] == "D01") & frame["_member"].isin(elsewhere), ["类别名称", "建议"]] = [TWICE_TITLE, TWICE_ADVICE]
    renumbered = ctx.members["household"].astype(str).str.contains(APART + NUMBERED, regex=False).to_numpy()
    again = frame["_member"].map(lambda j: 0 <= j < len(renumbered) and bool(renumbered[j])).astype(bool)
    frame.loc[(frame["类别代码"] == "D01") & frame["_member"].isin(elsewhere) & again, ["类别名称", "建议"]] = [
        RENUMBERED_TITLE, RENUMBERED_ADVICE]
    frame.loc[(frame["类别代码"] == "D01") & frame["_member"].isin(shared), ["类别名称", "建议"]] = [SHARED_TITLE, SHARED_ADVICE]
    for t in inputs.tables:  # applications come without bank accounts: no word about it
        warnings.extend(f"{t.path.name}：{w.replace(EDGE_LEFT_OUT, edge_left_out(t))}" for w in t.warnings
                        if w != ROSTER_GAPS["bank_account"] and not w.startswith(OTHER_AID_SAID))
    warnings.extend(value_warnings(ctx, inputs.tables))
    warnings.extend(number_typed_ids(inputs, APPLICATIONS))
    if current is not None:  # (the enrolled rosters' other damage is for their own audit; an old ID is matched unsaid)
        warnings.extend(old_ids(current.members, "在保花名册"))
    warnings.extend(repeated_applications(inputs.members))
    warnings.extend(twice)
    verdicts = family_verdicts(inputs.members, frame, applied)
    unlisted = int(verdicts["待核线索"].str.startswith("家庭人口").sum()) if len(verdicts) else 0
    if unlisted and not any(UNLISTED_SAID in w for w in warnings):  # (a table read heads only has said it)
        warnings.append(f"有 {unlisted} 户申请家庭的家庭人口多于申请名单列出的成员，其余成员未核对（见“待核线索”列）；"
                        "这些家庭的“无疑点”只说明已列出的成员未发现疑点")
    skipped = {c: why for c, why in skipped.items() if not c.startswith("F")}  # nothing is paid to an applicant yet
    applications = [t for t in inputs.tables if t.kind == "roster"]
    if "S01" in ctx.specs and "S01" not in skipped and applications and all("programme" in t.unread_fields for t in applications):
        # no applicant read as 特困: S01 looked at nobody (held-out 261: 核对说明 listed it as checked)
        skipped["S01"] = ("申请类别写成代码，未能识别，均按低保核对，特困申请人是否无劳动能力未核查；请在配置文件 [common] "
                          "programme_codes 中写明代码含义后重新运行")
    return ScreenResult(verdicts, frame, inputs, ctx.specs, rule, skipped, warnings, ctx.common.get("county_name", ""),
                        current.members if current is not None else None, decided_by_town)


def _name_the_applications(frame: pd.DataFrame) -> None:
    """Call the applicants' file 申请名单, not 花名册, in the findings (held-out 327: D01, D03 and C10 gave 来源名单 花名册 and
    an applicant's row number, and C01 said "花名册的身份证号以数字格式存储" of an application's ID stored as a number).

    Args:
        frame: the findings frame, changed in place: 来源名单 of the findings about an applicant's own row, and the words
            naming the damaged side in the keys and evidence of the member-to-list findings (the member side is the
            application; 依据 of the others can name an enrolled roster, whose words stay).
    """
    if not len(frame):
        return
    own_row = frame["来源名单"] == ROSTER_AND_LIST[0]
    frame.loc[own_row, "来源名单"] = APPLICATIONS
    ours = f"{ROSTER_AND_LIST[0]}的身份证号"
    # (and an old 15-digit ID on either side, match._OLD_FORM: "花名册上为 15 位旧身份证号", "…后与花名册一致", h402)
    words = {ours: f"{APPLICATIONS}的身份证号", f"{ROSTER_AND_LIST[0]}上为 15 位": f"{APPLICATIONS}上为 15 位",
             f"后与{ROSTER_AND_LIST[0]}一致": f"后与{APPLICATIONS}一致"}
    for column in ("依据", "匹配键"):
        for said, meant in words.items():
            frame.loc[~own_row, column] = frame.loc[~own_row, column].str.replace(said, meant, regex=False)


def _enrolled_duplicates(ctx: Context, current: LoadedInputs) -> tuple[list, set[int]]:
    """Run D01 over applicants and current rosters together; keep the findings about applicants.

    An applicant for 特困 whose every other enrolment is on a 低保 roster is no second enrolment but a 低保转特困
    (特困 pays more; 低保对象符合特困条件的应转为特困): its finding says so, and the applicant is among the transfers.

    Returns:
        (findings about applicants, member indices of the transfers).
    """
    n = len(ctx.members)
    # an application is another household than any enrolled one, though its head's ID names both (the same head
    # applying again in his own township is a second enrolment)
    applying = ctx.members.assign(household="申请:" + ctx.members["household"].astype(str))
    both = pd.concat([applying, current.members], ignore_index=True)
    joint = Context(both, {}, {}, ctx.as_of, ctx.specs, ctx.common)
    found, _ = run_checks(joint, ["D01"])
    out, transfers = [], set()
    for f in found:
        if f.member >= n or sent_again(both, f.member, n):
            continue
        others = _dibao_enrolments(both, f.member, n)
        if others:
            f = replace(f, evidence=f"{'身份证号一致' if f.confidence == HIGH else f.key}，申请特困的人员已在低保花名册中：另见 {others}；"
                                    "低保对象符合特困条件的应转为特困（低保转特困），不是重复享受")
            transfers.add(f.member)
        out.append(f)
    return out, transfers


def _dibao_enrolments(both: pd.DataFrame, j: int, n: int) -> str:
    """Where an applicant for 特困 (row ``j`` of the applicants' ``n`` rows and the enrolled after them) is enrolled,
    when every other enrolment of his ID is a covered 低保 member's ('' otherwise: a duplicate)."""
    if both.at[j, "programme"] != TEKUN or both.at[j, "id_status"] not in (ids.VALID, ids.NUMERIC):
        return ""
    same = both.index[(both["id"] == both.at[j, "id"]) & (both["id_status"] == ids.VALID)]
    # (h402: a 低保 roster, or the application, storing the ID as a number — D01 links them by name and the digits
    # kept; the transfer is one all the same)
    numeric = (both["id_status"] == ids.NUMERIC) | (both.at[j, "id_status"] == ids.NUMERIC)
    namesakes = both.index[numeric & (both["name_key"] == both.at[j, "name_key"]) & (both["name_key"] != "")
                           & both["id_status"].isin([ids.VALID, ids.NUMERIC])]
    same = same.union(pd.Index([k for k in namesakes if k != j and repaired_key(
        both.at[j, "id"], both.at[j, "id_status"], int(both.at[j, "id_reliable"] or 0),
        both.at[k, "id"], both.at[k, "id_status"], int(both.at[k, "id_reliable"] or 0))]))
    others = [k for k in same if k != j and is_covered(both.at[k, "covered"])]
    if not others or any(k < n or both.at[k, "programme"] != DIBAO for k in others):
        return ""
    return "；".join(enrolment_place(both, k, j) for k in others)


def family_verdicts(members: pd.DataFrame, findings: pd.DataFrame, applied: set[str] = frozenset()) -> pd.DataFrame:
    """Return one verdict row per applicant family (有疑点 first).

    Args:
        members: the applicant member frame.
        findings: the findings frame with 计入结论 (its 类别名称 name each finding in the summaries).
        applied: the application files saying each family's 申请类别 (a column, a form's label cells): their
            families' 申请类别 is shown (the column only when some file says it).
    Returns:
        A frame with SCREEN_COLUMNS (申请类别 only with ``applied``).
    """
    by_household = {hh: part for hh, part in findings.groupby("_household", sort=False)} if len(findings) else {}
    sizes = persons(members).groupby(members["household"]).nunique()  # a member listed twice counts once
    declared = pd.to_numeric(members.get("household_size"), errors="coerce").groupby(members["household"]).max() if (
        "household_size" in members.columns) else pd.Series(dtype=float)
    rows = []
    for hh, j in head_rows(members).items():
        m = members.loc[j]
        part = by_household.get(hh, findings.iloc[0:0])
        doubts = part[part["计入结论"] == "是"]
        leads = part[part["计入结论"] != "是"]
        file, sheet, row = application_row(m)
        rows.append({
            "乡镇": m["township"], "村": m["village"], "申请编号": text(m.get("household_no")),
            "户主姓名": m["head_name"] or m["name"],
            "户主身份证号": m["head_id"] or m["id"] or m["id_raw"], "家庭人口": int(sizes.get(hh, 0)),
            "申请类别": m["programme"] if m["file"] in applied else "",
            "结论": DOUBT if len(doubts) else CLEAR, "疑点数": int(len(doubts)),
            "疑点摘要": _summary(doubts), "待核线索": "；".join(filter(None, (
                _unlisted(declared.get(hh), int(sizes.get(hh, 0))), _summary(leads)))),
            # the sheet too where the workbook has several (a 家庭信息 row and a 家庭成员 row share numbers)
            "申请文件": file_on_sheet(file, sheet), "申请行": row,
        })
    out = pd.DataFrame(rows, columns=SCREEN_COLUMNS)
    if not applied:
        out = out.drop(columns="申请类别")
    if not (out["申请编号"] != "").any():  # (the system's number of each application, to find it there: held-out 107)
        out = out.drop(columns="申请编号")
    if len(out):
        out["_o"] = (out["结论"] == CLEAR).astype(int)
        out = out.sort_values(["_o", "乡镇", "村", "户主姓名"], kind="stable",
                              key=lambda c: natural_rank(c) if c.name in ("乡镇", "村") else c)
        out = out.drop(columns="_o").reset_index(drop=True)
    return out


def _unlisted(declared: float | None, listed: int) -> str:
    """A family whose application says more people (家庭人口) than it lists: its others were checked against nothing, so
    its 无疑点 speaks for the listed only (held-out 238: a 家庭信息 file read without its 成员 file, heads only)."""
    if declared is None or pd.isna(declared) or declared <= listed:
        return ""
    return f"家庭人口 {int(declared)} 人，申请名单只列出 {listed} 人，其余成员未核对"


def _summary(part: pd.DataFrame) -> str:
    """'C01 财政供养人员…：许红（中）、许明（高）；C04 …': each category once, then each person it names (held-out 122: the
    title repeated for every person)."""
    items = []
    for (code, title), group in part.groupby(["类别代码", "类别名称"], sort=True):  # (a D01 低保转特困 apart)
        people = group.drop_duplicates("_member")
        named = "、".join(f"{name}（{conf}）" for name, conf in zip(people["姓名"], people["置信度"]))
        items.append(f"{code} {title}：{named}")
    return "；".join(items)


_EDGE_ROWS_SHOWN = 10  # rows of 低保边缘 applications named in the notice


def edge_left_out(table) -> str:
    """What screen does with a batch's 低保边缘 (低边) applications, in place of the audit's words (``EDGE_LEFT_OUT``):
    they are not judged by the 低保/特困 conditions and have no verdict, and the rows are named (h430: the notice said
    "不参与核查…也不计入家庭人口" and the families were missing from 核对结论 with no word of which they were)."""
    rows = sorted({row for _word, row, _file in table.edge.values()})
    shown = "、".join(str(r) for r in rows[:_EDGE_ROWS_SHOWN]) + (" 等" if len(rows) > _EDGE_ROWS_SHOWN else "")
    where = f"（申请名单第 {shown} 行）" if rows else ""
    return f"申请低保边缘的家庭不按低保、特困条件核对，不列入核对结论{where}。需核查低保边缘家庭的，请另行比对。"

