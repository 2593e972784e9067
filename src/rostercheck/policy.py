"""Loads the declarative half of every check (``checks/*.toml``) and the user's overrides (--config).

Defaults live in the TOML files shipped with the tool; a user's configuration file overrides any of
them by section (``[common]``, ``[C03]`` …). All mistakes are collected and reported at once, each with
its file and key; unknown sections and keys are warned about, not fatal.
"""

from __future__ import annotations

import copy
import difflib
import functools
import json
import math
import re
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from .errors import ConfigError, os_reason
from .model import CheckSpec

_REQUIRED = ("code", "title", "basis", "explanation", "advice")
# Text parameters that take one of a few values.
_CHOICES = {"confidence": ("高", "中", "低"), "default_area": ("城市", "农村"), "money_stop_rule": ("次月", "当月")}
# List parameters whose items take one of a few values (shared_account_kin: ``kinship.FAMILY_WORDS``).
_LIST_CHOICES = {"shared_account_kin": ("配偶", "父母子女", "兄弟姐妹", "祖孙"), "living_sure_programmes": ("低保", "特困")}
# What a roster code may mean, per [common] code table (the roster's words for it).
_CODE_MEANINGS = {"area_codes": ("城市", "城镇", "农村"),
                  "programme_codes": ("低保", "城市低保", "农村低保", "特困", "城市特困", "农村特困", "五保",
                                      # an application system's other aid (申请类型 3 临时救助): screen leaves it out
                                      "临时救助", "医疗救助", "教育救助", "住房救助", "就业救助", "受灾人员救助",
                                      "低保边缘")}  # (低保边缘: read, and left out of the audit, roster._edge_rows)
COMMON = "common"
# Sections of a --config file that belong to a workflow rather than to a check.
WORKFLOW_SECTIONS = ("screen",)


def checks_dir() -> Path:
    """Return the folder holding the check TOML files (packaged copy, else the source tree's).

    Returns:
        The folder.
    """
    packaged = Path(__file__).parent / "checks"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "checks"


def _read_toml(path: Path, errors: list[str]) -> dict[str, Any]:
    """A TOML file's content; what is wrong with it goes to ``errors`` (in Chinese) and {} is returned.

    A user's file may come from Notepad or WPS: a UTF-8 byte-order mark is dropped and a file that is no UTF-8 is read
    as GB18030 (Notepad's "ANSI" on a Chinese Windows)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        errors.append(f"{path}：无法读取（{os_reason(exc)}）")
        return {}
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            text = data.decode("gb18030")
        except UnicodeDecodeError:
            errors.append(f"{path}：不是文本文件（配置文件应是用记事本编辑、另存为 UTF-8 编码的 .toml 文本）")
            return {}
    try:
        return copy.deepcopy(_parsed(text))
    except tomllib.TOMLDecodeError as exc:
        errors.append(f"{path}：{_toml_problem(str(exc))}")
    return {}


@functools.lru_cache(maxsize=256)
def _parsed(text: str) -> dict[str, Any]:
    """A TOML text parsed once per process: the shipped files are read for every policy loaded (twice an audit, and
    once a test in a test session, where parsing them was a seventh of the time); callers get a copy to change."""
    return tomllib.loads(text)


# tomllib's messages (English) as what a clerk should change; the line and column are kept.
_TOML_PROBLEMS = (
    (r"overwrite|declare|defined", "同一个键或同一节写了两次"),
    (r"Unclosed array|array", "列表缺少右方括号 ]，或列表中的逗号、引号不对"),
    (r"Expected '=' after a key", "键的后面缺少 =（要用英文等号）"),
    (r"Invalid value|Invalid initial character for a key part", "值的写法不对：文字要加英文双引号（如 county_name = \"清河县\"），数字不加"),
    (r"Unclosed|Unterminated|string", "引号没有配对（要用英文双引号）"),
)


def _toml_problem(message: str) -> str:
    """A TOML parse error in Chinese: where it is and the likely mistake."""
    at = re.search(r"line (\d+), column (\d+)", message)
    where = f"第 {at.group(1)} 行第 {at.group(2)} 列附近" if at else "文件末尾" if "end of document" in message else ""
    what = next((text for pattern, text in _TOML_PROBLEMS if re.search(pattern, message, re.I)),
                "不符合配置文件的写法（每行写成“键 = 值”，节名写在方括号中，标点用英文的）")
    return f"{where}格式错误：{what}"


def user_toml(path: Path) -> dict[str, Any]:
    """A user's configuration file as read for :func:`load_policy` ({} when it cannot be read: load_policy says why)."""
    return _read_toml(Path(path), [])


_KEY = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*=")


def _shipped(code: str) -> tuple[Path, dict[str, Any]] | None:
    """The shipped file of a check (or of the common values, code 'common') and its content."""
    for path in sorted(checks_dir().glob("*.toml")):
        data = _read_toml(path, [])
        if (path.stem == COMMON) == (code == COMMON) and (code == COMMON or data.get("code") == code):
            return path, data
    return None


def params_text(code: str, in_force: dict[str, Any] | None = None, keys: list[str] | None = None) -> list[str]:
    """A check's shipped parameters as TOML lines for the screen: each value on one line as the defaults hold it,
    under the comment written above it in the file (a comment wrapped over several lines is one line here; a note
    followed by a blank line stays apart).

    Args:
        code: the category code, or 'common' for the shared values.
        in_force: the values a configuration file sets (load_policy's): a value it changes is shown with its default.
        keys: only these parameters, each under its own comment (notes standing apart left out).
    Returns:
        The lines (without the section's name); [] for an unknown code.
    """
    shipped = _shipped(code)
    if shipped is None:
        return []
    path, data = shipped
    values, out, note, inside = data.get("params", {}), [], [], False
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if line.startswith("["):
            inside = line == "[params]"
            continue
        key = _KEY.match(line)
        if not inside or not (line.startswith("#") or not line or (key and key.group(1) in values)):
            continue  # another section, or an array's continuation line
        if line.startswith("#"):
            part = line.lstrip("#").strip()
            if keys is not None and part.startswith("——"):
                continue  # a heading over a group of parameters, not all of them shown
            gap = " " if note and note[-1][-1:].isascii() and note[-1][-1:].isalnum() and part[:1].isascii() else ""
            note.append(gap + part)
            continue
        if keys is not None and not (key and key.group(1) in keys):
            note = []  # a note of a parameter not shown, or one standing apart
            continue
        if note:
            out.append("# " + "".join(note))
            note = []
        if key:
            name, default = key.group(1), values[key.group(1)]
            value = (in_force or {}).get(name, default)
            out.append(f"{name} = {json.dumps(value, ensure_ascii=False)}" + (
                "" if value == default else f"  # 本地配置；默认 {json.dumps(default, ensure_ascii=False)}"))
        elif out and out[-1]:
            out.append("")
    if note and keys is None:
        out.append("# " + "".join(note))
    return out[:-1] if out and not out[-1] else out


def uses_text(spec: CheckSpec, specs: dict[str, CheckSpec], common: dict[str, Any], in_force: bool) -> list[str]:
    """The values of other sections a check uses (``uses_params``: the 保障标准 of [common], C04's homes for C09) as
    TOML lines for the screen, a section's name above its values.

    Args:
        spec: the check.
        specs: every check (load_policy's), for the values of other checks.
        common: the common values in force.
        in_force: whether a configuration file is given (a value it changes is shown with its default).
    Returns:
        The lines, each section after a comment saying it is shared; [] when the check uses none.
    """
    sections: dict[str, list[str]] = {}
    for name in spec.uses_params:
        section, key = name.split(".", 1)
        sections.setdefault(section, []).append(key)
    out: list[str] = []
    for section, keys in sections.items():
        values = common if section == COMMON else specs[section].params
        whose = "各类别共用的参数" if section == COMMON else f" {section} 的参数"
        out += ["", f"# {spec.code} 还用到{whose}（改在 [{section}] 节中，也影响用到它的其他类别）", f"[{section}]",
                *params_text(section, values if in_force else None, keys)]
    return out


def load_defaults() -> tuple[dict[str, CheckSpec], dict[str, Any]]:
    """Load every shipped check spec and the common policy values.

    Returns:
        (code → CheckSpec, common parameters).
    Raises:
        ConfigError: when a shipped file is broken (a packaging bug).
    """
    errors: list[str] = []
    specs: dict[str, CheckSpec] = {}
    common: dict[str, Any] = {}
    for path in sorted(checks_dir().glob("*.toml")):
        data = _read_toml(path, errors)
        if path.stem == COMMON:
            common = dict(data.get("params", {}))
            continue
        missing = [k for k in _REQUIRED if k not in data]
        if missing:
            errors.append(f"{path}：缺少键 {', '.join(missing)}")
            continue
        _RAW[data["code"]] = (data["title"], data["explanation"].strip(), data["advice"].strip())
        specs[data["code"]] = CheckSpec(
            code=data["code"], title=data["title"], basis=data["basis"],
            needs=list(data.get("needs", [])),
            level=data.get("level", "member"), params=dict(data.get("params", {})),
            explanation=data["explanation"].strip(), advice=data["advice"].strip(),
            needs_also=list(data.get("needs_also", [])), recheck=bool(data.get("recheck", False)),
            needs_columns=list(data.get("needs_columns", [])), each_roster=bool(data.get("each_roster", False)),
            applicants_only=bool(data.get("applicants_only", False)), uses_params=list(data.get("uses_params", [])),
            ledger_words=list(data.get("ledger_words", [])), needs_partly=list(data.get("needs_partly", [])),
            needs_or=list(data.get("needs_or", [])), former_titles=list(data.get("former_titles", [])),
        )
    sections = {COMMON: common, **{code: spec.params for code, spec in specs.items()}}
    for spec in specs.values():  # another section's value a check names must be one (a packaging bug otherwise)
        for name in spec.uses_params:
            section, _, key = name.partition(".")
            if key not in sections.get(section, {}):
                errors.append(f"{spec.code}.toml uses_params：没有参数 {name}")
    if errors:
        raise ConfigError("内置检查规则文件有误：\n" + "\n".join(errors))
    return _filled_in(specs, common), common


def _shown(value: Any) -> str:
    """A configuration value as the file writes it (true, "高", ["升学"]), for messages."""
    return json.dumps(value, ensure_ascii=False) if isinstance(value, (bool, str, list, dict)) else str(value)


# The bounds of every number parameter (and of each number in a list of them), by its name; the first that matches
# holds: (name pattern, lowest, whether the lowest itself is allowed, highest or None, whole numbers only, what the
# value should be). A count of 0 homes, months, digits, households or signals, an age of 0, a 保障标准 of 0 元 mean
# nothing and crash or flag at will (held-out 240: min_homes = 0 ended C04 in exit 70; min_signals = 0 lists a
# household with no signal, min_account_digits = 0 joins every blank account); a share is no more than 1. 0 money,
# weights, tolerances and the shares that only soften a verdict switch something off and are allowed. Counts and ages
# are whole (held-out 163: 2.5 homes was taken as 2); a standard may be 645.5 元.
_BOUNDS = (
    (r"^stale_months$", 0, True, None, True, "不能为负数"),  # 0: a pension not paid in the list's last month has stopped
    (r"^placeholder_repeat_digits$", 2, True, None, True, "应为不小于 2 的整数"),  # 1 repeated digit is every number
    (r"_levels", 1, True, 4, True, "应为 1 至 4 的整数（残疾等级一级至四级）"),
    (r"^roster_age_tolerance$", 0, True, 120, True, "应为 0 至 120 的整数（岁）"),  # (0: the written age exactly)
    # an age no one reaches, or a monthly standard no county pays, is a slip of the keyboard (a working age of 200
    # made every adult able to work, a standard of 1e9 made every income low)
    (r"_age$", 1, True, 120, True, "应为 1 至 120 的整数（周岁）"),
    (r"_standard$", 0, False, 20000, False, "应为正数且不超过 20000（元/人·月）"),
    (r"(_age|_homes|_employees|_months|_digits|_signals|_count|_length|_hits|_households|_gap)$", 1, True, None, True,
     "应为正整数"),
    (r"(_standard|_multiple|_at)$", 0, False, None, False, "应为正数"),
    (r"_times$", 1, False, None, False, "应大于 1（倍）"),  # (F05 implausible_times: 1 or less makes every month a typo)
    (r"^(column_doubt_share|home_share|raise_share|name_similar_threshold)$", 0, False, 1, False, "应大于 0、不大于 1"),
    # (the one usual code of a status column nothing explains: a share of half or less names no single code)
    (r"^usual_status_share$", 0.5, False, 1, False, "应大于 0.5、不大于 1"),
    (r"(_share|_threshold)", 0, True, 1, False, "应在 0 到 1 之间"),  # (min_months_share_for_high)
    (r"", 0, True, None, False, "不能为负数"),
)


def _bound_problem(key: str, value: float) -> str:
    """What is wrong with a number given for a parameter ('' when it is within the parameter's bounds)."""
    _, low, low_ok, high, whole, said = next(b for b in _BOUNDS if re.search(b[0], key))
    if whole and not float(value).is_integer():
        return f"应为整数，实际为 {value}"
    if value < low or (value == low and not low_ok) or (high is not None and value > high):
        return f"{said}，实际为 {value}"
    return ""


# A value in a check's title, explanation or advice: {min_homes}, another section's {C04.min_homes} or
# {common.urban_standard}; {far_below_share:%} as a percentage, {severe_levels:级} as 一、二级.
_PLACE = re.compile(r"\{(?:(\w+)\.)?(\w+)(?::(%|级))?\}")
_NUMERALS = "〇一二三四五六七八九十"


def _filled_in(specs: dict[str, CheckSpec], common: dict[str, Any]) -> dict[str, CheckSpec]:
    """Every check with the values in force written into its title, explanation and advice where the file names them
    (held-out 163: a county's 3 homes were titled 2; held-out 240: C08's ages, C07's multiple read the defaults)."""
    sections = {COMMON: common, **{code: spec.params for code, spec in specs.items()}}

    def filled(text: str, own: dict[str, Any]) -> str:
        def one(m: re.Match) -> str:
            values = sections.get(m.group(1), {}) if m.group(1) else own
            return _value_text(values[m.group(2)], m.group(3)) if m.group(2) in values else m.group(0)
        return _PLACE.sub(one, text)

    out = {}
    for code, spec in specs.items():
        title, explanation, advice = _RAW.get(code, (spec.title, spec.explanation, spec.advice))
        out[code] = replace(spec, title=filled(title, spec.params), explanation=filled(explanation, spec.params),
                            advice=filled(advice, spec.params))
    return out


def _value_text(value: Any, form: str | None) -> str:
    """A value as a check's text says it: 2 (not 2.0), 50% for form '%', 一、二级 for form '级', a list with 、."""
    if isinstance(value, list):
        if form == "级":
            return "、".join(_NUMERALS[v] if isinstance(v, int) and 0 <= v <= 10 else str(v) for v in value) + "级"
        return "、".join(_value_text(v, None) for v in value)
    if form == "%":
        return f"{round(float(value) * 100, 4):g}%"
    return str(int(value)) if isinstance(value, float) and value.is_integer() else str(value)


# Each shipped check's title, explanation and advice as its file writes them (values named in braces: _filled_in).
_RAW: dict[str, tuple[str, str, str]] = {}


def _check_value(path: Path, section: str, key: str, default: Any, value: Any, errors: list[str]) -> Any:
    where = f"{path} [{section}] {key}"
    if isinstance(default, bool):
        if not isinstance(value, bool):
            errors.append(f"{where}：应为 true 或 false，实际为 {_shown(value)}")
        return value
    if isinstance(default, (int, float)):
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            errors.append(f"{where}：应为数字，实际为 {_shown(value)}")
        elif not math.isfinite(value):
            errors.append(f"{where}：应为数字，实际为 {value}")
        elif problem := _bound_problem(key, value):
            errors.append(f"{where}：{problem}")
        return value
    if isinstance(default, list):
        if not isinstance(value, list):
            errors.append(f"{where}：应为列表（如 [\"摩托车\", \"拖拉机\"]），实际为 {_shown(value)}")
        elif default and isinstance(default[0], str) and not all(isinstance(x, str) for x in value):
            # (held-out 163: institution_modes = [2] was said not to be a list)
            quoted = ", ".join(f'"{x}"' for x in value)
            errors.append(f"{where}：列表中的每一项都要加英文引号，如 [{quoted}]，实际为 {_shown(value)}")
        elif default and not all(isinstance(x, type(default[0])) for x in value):
            errors.append(f"{where}：应为列表（如 {_shown(default[:2])}），实际为 {_shown(value)}")
        elif any(isinstance(x, str) and not x.strip() for x in value):
            errors.append(f"{where}：列表中有空的文字（\"\"），它会与任何内容相符，请删去")
        elif problems := [p for x in value if isinstance(x, (int, float)) and not isinstance(x, bool)
                          and (p := _bound_problem(key, x))]:  # (a disability level of 0 or 5)
            errors.append(f"{where}：列表中的每一项{problems[0]}")
        elif key in _LIST_CHOICES and (wrong := [x for x in value if x not in _LIST_CHOICES[key]]):
            errors.append(f"{where}：每一项应为{'、'.join(f'“{c}”' for c in _LIST_CHOICES[key])}之一，“{wrong[0]}”不是")
        return value
    if isinstance(default, dict):  # a code table: code → meaning
        if not isinstance(value, dict) or not all(isinstance(v, str) and v.strip() for v in value.values()):
            errors.append(f"{where}：应为代码表（如 {{ \"21\" = \"升学\" }}），实际为 {_shown(value)}")
        elif key in _CODE_MEANINGS and (wrong := [v for v in value.values() if v not in _CODE_MEANINGS[key]]):
            errors.append(f"{where}：代码的含义应写{'、'.join(f'“{m}”' for m in _CODE_MEANINGS[key])}之一，“{wrong[0]}”不是")
        return value
    if isinstance(default, str) and not isinstance(value, str):
        errors.append(f"{where}：应为文字，实际为 {_shown(value)}")
    elif key == "county_code" and value:
        from .regions import bad_codes  # regions reads its code table through this module

        if bad_codes(value):
            errors.append(f"{where}：应为县级行政区划代码（六位，如 \"411022\"；多个用逗号分隔），"
                          f"“{'、'.join(bad_codes(value))}”不是")
    elif key in _CHOICES and value not in _CHOICES[key]:
        errors.append(f"{where}：应为 {'、'.join(_CHOICES[key])} 之一，实际为 {_shown(value)}")
    return value


# Parameters that bound a range from below and above: the lower must stay below the upper.
_RANGES = (("male_min_age", "male_max_age"), ("female_min_age", "female_max_age"))


def _check_ranges(path: Path, section: str, params: dict[str, Any], errors: list[str]) -> None:
    for low, high in _RANGES:
        if low in params and high in params and isinstance(params[low], (int, float)) \
                and isinstance(params[high], (int, float)) and params[low] >= params[high]:
            errors.append(f"{path} [{section}] {low} = {params[low]} 不小于 {high} = {params[high]}：下限应小于上限")


def roster_codes(common: dict[str, Any]) -> dict[str, dict[str, str]]:
    """The roster fields' code tables the configuration names: field → code → the words the roster would have written.

    Args:
        common: the common parameters (``load_policy``'s second value).
    Returns:
        {'area_type': [common] area_codes, 'programme': [common] programme_codes, 'member_status': [common]
        member_status_codes, 'household_status': [common] household_status_codes}.
    """
    return {"area_type": dict(common["area_codes"]), "programme": dict(common["programme_codes"]),
            "member_status": dict(common["member_status_codes"]), "household_status": dict(common["household_status_codes"])}


def load_policy(config: Path | None = None) -> tuple[dict[str, CheckSpec], dict[str, Any], list[str]]:
    """Load the shipped defaults and apply a user's configuration file.

    Args:
        config: the user's TOML file, or None.
    Returns:
        (code → CheckSpec with effective params, common parameters, warnings in Chinese).
    Raises:
        ConfigError: listing every mistake in the file at once.
    """
    specs, common = load_defaults()
    warnings: list[str] = []
    if config is None:
        return specs, common, warnings
    config = Path(config)
    errors: list[str] = []
    if not config.is_file():
        raise ConfigError(f"配置文件“{config}”不存在或不是文件。")
    data = _read_toml(config, errors)
    for section, values in data.items():
        if not isinstance(values, dict):
            errors.append(f"{config} {section}：应为一个节（如 [C03]），实际为单个值")
            continue
        if section in WORKFLOW_SECTIONS:
            continue  # validated by the workflow that reads it (e.g. screen.verdict_rule)
        if section == COMMON:
            target = common
        elif section in specs:
            target = specs[section].params
        elif section.upper() in specs or section.lower() in (COMMON, *WORKFLOW_SECTIONS):  # [c02], [Common]
            right = section.upper() if section.upper() in specs else section.lower()
            errors.append(f"{config} [{section}]：节名应写作 [{right}]（大小写不同）")
            continue
        else:
            warnings.append(f"{config}：未知的节 [{section}]，已忽略（可用：common、{'、'.join(WORKFLOW_SECTIONS)}、"
                            f"{'、'.join(sorted(specs))}）")
            continue
        new = dict(target)
        for key, value in values.items():
            if key == "enabled" and section != COMMON:
                new[key] = _check_value(config, section, key, True, value, errors)
                continue
            if key not in target:
                # (a key differing only in case, MALE_MAX_AGE, is no less a slip than one letter off)
                near = [k for k in target if k.casefold() == key.casefold()] or \
                    difflib.get_close_matches(key, list(target), n=1, cutoff=0.75)
                if near:  # a misspelled key would leave the default in force unseen (held-out 163: urban_standrad)
                    errors.append(f"{config} [{section}] {key}：未知的参数，是否要写 {near[0]}？")
                else:
                    warnings.append(f"{config} [{section}] {key}：未知的参数，已忽略")
                continue
            new[key] = _check_value(config, section, key, target[key], value, errors)
        _check_ranges(config, section, new, errors)
        if section == COMMON:
            common = new
        else:
            specs[section] = replace(specs[section], params=new)
    if not data and not errors:  # (held-out 240: an empty file, or one of comments only, was taken without a word)
        warnings.append(f"{config}：配置文件为空（或只有注释），全部参数使用默认值")
    if errors:
        notes = ("\n另有提示：\n" + "\n".join(warnings)) if warnings else ""
        raise ConfigError(f"配置文件有 {len(errors)} 处错误：\n" + "\n".join(errors) + notes)
    return _filled_in(specs, common), common, warnings
