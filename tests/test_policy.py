"""Configuration: shipped defaults, --config overrides, every mistake reported at once, unknown keys warned."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from helpers import context, flagged, household, make_id

from rostercheck.errors import ConfigError
from rostercheck.policy import load_defaults, load_policy

HEAD = make_id("19500101", 111)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "本县配置.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_for_the_ten_categories():
    specs, common = load_defaults()
    assert {f"C{i:02d}" for i in range(1, 11)} <= set(specs)
    assert specs["C04"].params["min_homes"] == 2 and "摩托车" in specs["C04"].params["exempt_vehicle_types"]
    assert specs["C05"].params["min_employees"] == 2
    c08 = specs["C08"].params
    assert (c08["male_min_age"], c08["male_max_age"], c08["female_min_age"], c08["female_max_age"]) == (16, 60, 16, 55)
    assert common["tekun_standard"] == 1576


def test_several_mistakes_are_reported_at_once_with_file_and_key(tmp_path):
    cfg = write(tmp_path, """
[common]
rural_standard = "五百一十六"
default_area = "乡下"
[C04]
exempt_vehicle_types = "摩托车"
min_homes = -1
[C08]
confidence = "很高"
skip_if_working = "是"
male_max_ag = 63
""")
    with pytest.raises(ConfigError) as info:
        load_policy(cfg)
    text = str(info.value)
    assert "7 处错误" in text
    for key in ("[common] rural_standard", "[common] default_area", "[C04] exempt_vehicle_types", "[C04] min_homes",
                "[C08] confidence", "[C08] skip_if_working"):
        assert f"{cfg} {key}" in text
    # a key one letter off a parameter's is an error naming it: its default would be in force unseen (held-out 163)
    assert "[C08] male_max_ag：未知的参数，是否要写 male_max_age？" in text


def test_broken_toml_is_a_config_error(tmp_path):
    with pytest.raises(ConfigError, match="格式错误") as info:
        load_policy(write(tmp_path, "[C03\nadd_wages = true\n"))
    assert not re.search("[A-Za-z]{4,}", str(info.value).replace(str(tmp_path), "").replace(".toml", ""))  # no English
    with pytest.raises(ConfigError, match="第 2 行.*文字要加英文双引号"):
        load_policy(write(tmp_path, "[common]\ncounty_name = 清河县\n"))


@pytest.mark.parametrize("data", [
    "\ufeff[common]\ncounty_name = \"清河县\"\n".encode("utf-8"),  # UTF-8 with a BOM (Notepad, WPS)
    "[common]\ncounty_name = \"清河县\"\n".encode("gbk"),  # Notepad's ANSI on a Chinese Windows
])
def test_a_config_saved_by_notepad_is_read(tmp_path, data):
    (tmp_path / "c.toml").write_bytes(data)
    assert load_policy(tmp_path / "c.toml")[1]["county_name"] == "清河县"


def test_a_config_that_is_no_text_is_a_config_error(tmp_path):
    (tmp_path / "c.toml").write_bytes(b"PK\x03\x04\x00\xff\xfe\x81\x30" * 20)
    with pytest.raises(ConfigError, match="不是文本文件"):
        load_policy(tmp_path / "c.toml")


@pytest.mark.parametrize("text, said", [
    ("[common]\nurban_standard = nan\n", "应为数字"),
    ("[common]\nurban_standard = inf\n", "应为数字"),
    ("[C02]\ninside_words = [\"县内\", \"\"]\n", "空的文字"),  # an empty word matches every cell
    ("[C02]\nreason_codes = { \"21\" = \"\" }\n", "代码表"),
    ("[common]\nmoney_stop_rule = \"下下月\"\n", "次月、当月 之一"),
    ("[C08]\nmale_min_age = 60\nmale_max_age = 16\n", "下限应小于上限"),
    ("[C02]\nreason_codes = [\"21\"]\n", "代码表（如 { \"21\" = \"升学\" }），实际为 [\"21\"]"),
    ("[common]\nprogramme_codes = { \"3\" = \"一类\" }\n", "“一类”不是"),  # meanings are the roster's words
    ("[common]\narea_codes = { \"1\" = \"城区\" }\n", "应写“城市”、“城镇”、“农村”之一"),
    ("[c02]\ninside_words = [\"县内\"]\n", "节名应写作 [C02]"),  # a section ignored would change nothing quietly
    ("[Common]\nurban_standard = 800\n", "节名应写作 [common]"),
])
def test_values_that_would_quietly_change_results_are_config_errors(tmp_path, text, said):
    with pytest.raises(ConfigError) as info:
        load_policy(write(tmp_path, text))
    assert said in str(info.value)


@pytest.mark.parametrize("text, said", [
    ("[screen]\nverdict_confidences = [\"极高\"]\n", "“极高”不是置信度"),
    ("[screen]\nverdict_confidences = []\n", "不能为空"),  # nothing decisive: every family 无疑点
    ("[screen]\nlead_codes = [\"C99\"]\n", "“C99”不是类别代码"),
])
def test_a_screen_rule_that_is_none_is_a_config_error(tmp_path, text, said):
    from rostercheck.screen import verdict_rule

    with pytest.raises(ConfigError, match=said):
        verdict_rule(write(tmp_path, text))


def test_unknown_keys_and_sections_are_warned_not_fatal(tmp_path):
    specs, _, warnings = load_policy(write(tmp_path, "[C04]\nhouse_note = 3\n[C99]\nx = 1\n"))
    assert any("[C04] house_note：未知的参数" in w for w in warnings)
    assert any("未知的节 [C99]" in w for w in warnings)
    assert specs["C04"].params["min_homes"] == 2
    with pytest.raises(ConfigError, match=r"\[C04\] min_home：未知的参数，是否要写 min_homes？"):
        load_policy(write(tmp_path, "[C04]\nmin_home = 3\n"))
    # a key differing only in case is as much a slip (held-out 392: MALE_MAX_AGE = 61 was ignored with a note)
    with pytest.raises(ConfigError, match=r"\[C08\] MALE_MAX_AGE：未知的参数，是否要写 male_max_age？"):
        load_policy(write(tmp_path, "[C08]\nMALE_MAX_AGE = 61\n"))


@pytest.mark.parametrize("text, said", [
    ("[C04]\nmin_homes = 2.5\n", "[C04] min_homes：应为整数，实际为 2.5"),
    ("[D02]\ninstitution_modes = [2]\n", '[D02] institution_modes：列表中的每一项都要加英文引号，如 ["2"]'),
    ('[common]\nshared_account_kin = ["夫妻"]\n',
     "[common] shared_account_kin：每一项应为“配偶”、“父母子女”、“兄弟姐妹”、“祖孙”之一，“夫妻”不是"),
])
def test_a_count_is_whole_and_a_code_in_a_list_is_quoted(tmp_path, text, said):
    # held-out 163: 2.5 homes was taken as 2 without a word; [2] was said not to be a list
    with pytest.raises(ConfigError) as info:
        load_policy(write(tmp_path, text))
    assert said in str(info.value)
    specs, _, _ = load_policy(write(tmp_path, "[common]\nurban_standard = 645.5\n[F05]\ntolerance = 0.5\n"))  # not counts


def test_the_family_words_a_shared_account_reads_are_the_kinships_it_knows():
    from rostercheck import kinship, policy

    assert set(policy._LIST_CHOICES["shared_account_kin"]) == set(kinship.FAMILY_WORDS)
    assert set(load_policy(None)[1]["shared_account_kin"]) <= set(kinship.FAMILY_WORDS)


def test_c04s_title_says_the_homes_the_county_counts(tmp_path):
    # held-out 163: min_homes = 3, and every sheet and column still said "2套及以上住房"
    specs, _, _ = load_policy(write(tmp_path, "[C04]\nmin_homes = 3\n"))
    assert specs["C04"].title == "家有小汽车、经营性车辆、门市或3套及以上住房"
    assert load_policy(None)[0]["C04"].title == "家有小汽车、经营性车辆、门市或2套及以上住房"


def test_override_changes_a_result(tmp_path):
    rows = household("张三", HEAD)
    pension = [{"name": "张三", "id": HEAD, "insurance": "企业职工基本养老保险", "amount": 700, "status": "正常发放"}]
    assert flagged(context(rows, {"pensions": pension}), "C03") == [("张三", "高")]
    cfg = write(tmp_path, "[common]\nrural_standard = 760\n")
    assert flagged(context(rows, {"pensions": pension}, config=cfg), "C03") == []


def test_exemption_list_override(tmp_path):
    rows = household("张三", HEAD)
    car = [{"name": "张三", "id": HEAD, "vehicle_type": "三轮汽车", "status": "正常"}]
    assert flagged(context(rows, {"vehicles": car}), "C04") == []
    cfg = write(tmp_path, '[C04]\nexempt_vehicle_types = ["摩托车", "拖拉机"]\n')
    assert flagged(context(rows, {"vehicles": car}, config=cfg), "C04") == [("张三", "高")]


def test_a_check_can_be_disabled(tmp_path):
    rows = household("张三", make_id("19900101", 111), labour="有劳动能力", health="健康", sex="男")
    assert flagged(context(rows), "C08") == [("张三", "中")]
    assert flagged(context(rows, config=write(tmp_path, "[C08]\nenabled = false\n")), "C08") == []


def test_every_check_disabled_is_a_config_error_not_a_clean_result(tmp_path):
    from rostercheck.audit import run_checks
    from rostercheck.rules import load_all

    rows = household("张三", make_id("19900101", 111), labour="有劳动能力", health="健康", sex="男")
    off = write(tmp_path, "".join(f"[{code}]\nenabled = false\n" for code in sorted(load_all())))
    with pytest.raises(ConfigError, match="停用了全部检查"):
        run_checks(context(rows, config=off))


def test_run_json_records_which_configuration_was_used(tmp_path):
    import json

    from typer.testing import CliRunner

    from helpers import COUNTY, COUNTY_ROSTERS
    from rostercheck.cli import app

    cfg = write(tmp_path, "[common]\nurban_standard = 760\n")
    res = CliRunner().invoke(app, ["audit", str(COUNTY / COUNTY_ROSTERS[0]), "--config", str(cfg), "--as-of", "2026-09-30",
                                   "--out", str(tmp_path / "out")])
    assert res.exit_code == 0, res.output
    import hashlib

    run = json.loads((tmp_path / "out" / "run.json").read_text(encoding="utf-8"))
    assert run["config"]["sha256"] == hashlib.sha256(cfg.read_bytes()).hexdigest()


def test_screen_section_is_not_an_unknown_section(tmp_path):
    from rostercheck.policy import load_policy

    cfg = tmp_path / "local.toml"
    cfg.write_text('[screen]\nlead_codes = ["C08"]\n', encoding="utf-8")
    _, _, warnings = load_policy(cfg)
    assert warnings == []


def _numbers() -> list[tuple[str, str, object]]:
    """Every shipped number parameter (or list of numbers) as (section, key, default)."""
    specs, common = load_defaults()
    sections = {"common": common, **{code: spec.params for code, spec in specs.items()}}
    return [(section, key, value) for section, params in sections.items() for key, value in params.items()
            if (isinstance(value, (int, float)) and not isinstance(value, bool))
            or (isinstance(value, list) and value and all(isinstance(x, int) for x in value))]


# The number parameters 0 means something for: it switches a rule off (a weight, a tolerance, a share that only
# softens a verdict, a money threshold meaning "any amount", no grace month for a pension).
ZERO_ALLOWED = {
    ("common", f"name_weight_{w}") for w in ("exact", "exact_common", "homophone", "similar", "village", "birth",
                                             "age_fits")} | {
    ("C02", "former_code_share"), ("C03", "stale_months"), ("C06", "thin_month_share"),
    ("C06", "min_months_share_for_high"), ("C09", "min_monthly_income"), ("C10", "min_monthly_income"),
    ("F05", "tolerance"), ("L01", "far_below_share"), ("common", "roster_age_tolerance"),
}


@pytest.mark.parametrize("section, key, default", _numbers(), ids=lambda v: str(v))
def test_every_number_parameter_has_bounds_its_default_keeps(tmp_path, section, key, default):
    # held-out 240: [C04] min_homes = 0 was taken (and crashed C04) while -1 was refused; every number parameter
    # is decided: 0 is refused unless it switches something off, a negative number always
    zero = [0] if isinstance(default, list) else 0
    below = [-1] if isinstance(default, list) else -1
    load_policy(write(tmp_path, f"[{section}]\n{key} = {default}\n"))  # the default is within its bounds
    for value, allowed in ((zero, (section, key) in ZERO_ALLOWED), (below, False)):
        path = write(tmp_path, f"[{section}]\n{key} = {value}\n")
        if allowed:
            load_policy(path)
        else:
            with pytest.raises(ConfigError, match=rf"\[{section}\] {key}："):
                load_policy(path)


@pytest.mark.parametrize("text, said", [
    ("[C04]\nmin_homes = 0\n", "[C04] min_homes：应为正整数，实际为 0"),
    ("[C04]\nmin_homes = -1\n", "[C04] min_homes：应为正整数，实际为 -1"),
    ("[C10]\nmin_signals = 0\n", "[C10] min_signals：应为正整数，实际为 0"),  # every household flagged
    ("[D02]\nmin_account_digits = 0\n", "[D02] min_account_digits：应为正整数，实际为 0"),
    ("[common]\nmoney_roster_months = 0\n", "[common] money_roster_months：应为正整数，实际为 0"),
    ("[common]\ncolumn_doubt_min_hits = 0\n", "[common] column_doubt_min_hits：应为正整数"),  # every list 低
    ("[common]\ncolumn_doubt_min_hits = 2.5\n", "[common] column_doubt_min_hits：应为整数，实际为 2.5"),
    ("[C08]\nmale_min_age = 0\n", "[C08] male_min_age：应为 1 至 120 的整数（周岁），实际为 0"),
    ("[common]\nrural_standard = 0\n", "[common] rural_standard：应为正数且不超过 20000（元/人·月），实际为 0"),
    ("[common]\nrural_standard = -560\n", "[common] rural_standard：应为正数且不超过 20000（元/人·月），实际为 -560"),
    ("[common]\nname_medium_at = 0\n", "[common] name_medium_at：应为正数"),  # a name alone would match
    ("[C07]\nwage_multiple = 0\n", "[C07] wage_multiple：应为正数"),
    ("[F05]\ntolerance = -1\n", "[F05] tolerance：不能为负数，实际为 -1"),
    ("[F05]\nraise_share = 0\n", "[F05] raise_share：应大于 0、不大于 1，实际为 0"),
    ("[C02]\nhome_share = 1.5\n", "[C02] home_share：应大于 0、不大于 1，实际为 1.5"),
    ("[C06]\nthin_month_share = 1.2\n", "[C06] thin_month_share：应在 0 到 1 之间，实际为 1.2"),
    ("[RQ3]\nplaceholder_repeat_digits = 1\n", "[RQ3] placeholder_repeat_digits：应为不小于 2 的整数"),
    ("[L04]\ncare_levels = [1, 5]\n", "[L04] care_levels：列表中的每一项应为 1 至 4 的整数（残疾等级一级至四级），实际为 5"),
    # an age or a standard beyond any real one (held-out 392: a working age of 200 ran without a word)
    ("[C08]\nmale_max_age = 200\n", "[C08] male_max_age：应为 1 至 120 的整数（周岁），实际为 200"),
    ("[L03]\nelderly_age = 121\n", "[L03] elderly_age：应为 1 至 120 的整数（周岁），实际为 121"),
    ("[common]\nurban_standard = 1e9\n", "[common] urban_standard：应为正数且不超过 20000（元/人·月），实际为 1000000000.0"),
    ("[common]\ntekun_standard = 0\n", "[common] tekun_standard：应为正数且不超过 20000（元/人·月），实际为 0"),
])
def test_a_number_out_of_its_bounds_is_a_config_error(tmp_path, text, said):
    with pytest.raises(ConfigError) as info:
        load_policy(write(tmp_path, text))
    assert said in str(info.value)


@pytest.mark.parametrize("text", [
    "[C04]\nmin_homes = 1\n", "[C03]\nstale_months = 0\n", "[F05]\ntolerance = 0\n", "[L01]\nfar_below_share = 0\n",
    "[common]\nurban_standard = 645.5\n", "[C02]\nhome_share = 1\n", "[L02]\nsevere_levels = [1, 2, 3]\n",
    "[C08]\nmale_max_age = 120\n", "[common]\ntekun_standard = 20000\n",
])
def test_a_number_within_its_bounds_is_taken(tmp_path, text):
    load_policy(write(tmp_path, text))


def _other(section: str, key: str, default):
    """A value for a parameter other than its default and within its bounds."""
    if isinstance(default, list):
        return [3] if default != [3] else [1]
    if key.endswith("_share") or "_share_" in key or key.endswith("_threshold"):
        return 0.77 if key == "usual_status_share" else 0.37  # (a usual code's share is over half)
    if section == "C08" and key.endswith("_min_age"):
        return default + 1
    return default + 7


def _forms(value) -> list[str]:
    """How an explanation may state a value: 2, 1.5, 50%, 一半, 一、二级."""
    if isinstance(value, list):
        return ["、".join("〇一二三四五六七八九十"[v] for v in value) + "级", "、".join(map(str, value))]
    shown = str(int(value)) if float(value).is_integer() else str(value)
    forms = [shown, f"{round(value * 100, 4):g}%"] if isinstance(value, float) and value < 1 else [shown]
    return forms + (["一半", "半数"] if value == 0.5 else [])


@pytest.mark.parametrize("code", sorted(load_defaults()[0]))
def test_an_explanation_states_the_values_in_force_or_none(tmp_path, code):
    # held-out 240: C08's text said 男…未满 60 周岁 under male_max_age = 65. Every number parameter of the check (and
    # of the sections it uses, uses_params) is either written in its text as the value in force, or not stated at all.
    import json
    import tomllib

    from rostercheck.policy import checks_dir

    specs, common = load_defaults()
    spec = specs[code]
    shipped = tomllib.loads((checks_dir() / f"{code}.toml").read_text(encoding="utf-8"))
    # the text as the file writes it, but the values filled in ({min_homes})
    literal = re.sub(r"\{[^{}]*\}", "", "\n".join(shipped[k] for k in ("title", "explanation", "advice")))
    used = [name.split(".") for name in getattr(spec, "uses_params", [])]
    numbers = [(s, k, v) for s, k, v in _numbers() if s == code or [s, k] in used]
    for section, key, default in numbers:
        changed = load_policy(write(tmp_path, f"[{section}]\n{key} = {json.dumps(_other(section, key, default))}\n"))
        after = changed[0][code]
        if (after.title, after.explanation, after.advice) != (spec.title, spec.explanation, spec.advice):
            continue
        stated = [f for f in _forms(default) if re.search(rf"(?<![0-9A-Za-z.]){re.escape(f)}(?![0-9.])", literal)]
        assert not stated, f"{code} states [{section}] {key} = {default} as {stated[0]!r}: write {{{key}}} instead"


def test_an_empty_configuration_is_said(tmp_path):
    # held-out 240: an empty file (or comments only) was taken without a word
    for text in ("", "# 本县配置\n\n"):
        _, _, warnings = load_policy(write(tmp_path, text))
        assert warnings == [f"{tmp_path / '本县配置.toml'}：配置文件为空（或只有注释），全部参数使用默认值"]
    assert load_policy(write(tmp_path, "[C04]\nmin_homes = 3\n"))[2] == []


def test_a_policy_changed_by_its_caller_leaves_the_next_one_as_shipped(tmp_path):
    # the shipped files are parsed once per process: what one run's policy changes must not reach the next run's
    specs, common = load_defaults()
    specs["C04"].params["exempt_vehicle_types"].append("小型轿车")
    common.clear()
    config = tmp_path / "my.toml"
    config.write_text("[C04]\nexempt_vehicle_types = [\"三轮汽车\"]\n", encoding="utf-8")
    load_policy(config)[0]["C04"].params["exempt_vehicle_types"].append("货车")
    again, common_again = load_defaults()
    assert again["C04"].params == load_defaults()[0]["C04"].params
    assert "小型轿车" not in again["C04"].params["exempt_vehicle_types"]
    assert common_again
    assert load_policy(config)[0]["C04"].params["exempt_vehicle_types"] == ["三轮汽车"]
