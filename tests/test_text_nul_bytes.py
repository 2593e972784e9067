"""NUL bytes in a text list: padding at the end dropped, a few inside read as damage, many refused (h453)."""
import datetime as dt

import pytest

from helpers import make_id
from rostercheck.audit import audit
from rostercheck.errors import InputFileError
from rostercheck.io.read import table_text

DEAD, ALIVE = make_id("19400101", 101), make_id("19450202", 203)
HEADER = "姓名,身份证号码,死亡日期\n"


def _roster(path):
    path.write_text("乡镇,村,户主姓名,户主身份证号,成员姓名,与户主关系,成员身份证号码,月保障金\n"
                    f"城关镇,东门社区,李大明,{DEAD},李大明,户主,{DEAD},516\n"
                    f"城关镇,东门社区,王小芳,{ALIVE},王小芳,户主,{ALIVE},516\n", encoding="utf-8")
    return path


@pytest.mark.parametrize("body, flagged, said", [
    # must flag: a GBK deaths list padded with NULs at its end (a fixed buffer, an interrupted copy): was refused
    ((HEADER + f"李大明,{DEAD},2026/3/1\n").encode("gbk") + b"\x00" * 512, [(DEAD, "C02", "高")], "文件末尾有 512 个空字节"),
    # must flag: one NUL in a name cell: that cell is damaged (the name no longer agrees: 中), the ID still whole
    ((HEADER + f"李大\x00明,{DEAD},2026/3/1\n").encode("utf-8"), [(DEAD, "C02", "中")], "第 2 行有无法识别的字节"),
    # must not flag as exact: a NUL inside the ID is damage, never dropped to make the ID whole
    ((HEADER + f"王小芳,{ALIVE[:6]}\x00{ALIVE[6:]},2026/3/1\n").encode("gbk"), [], "第 2 行有无法识别的字节"),
], ids=["padded-end", "nul-in-name", "nul-in-id"])
def test_nul_bytes_in_a_deaths_list(tmp_path, body, flagged, said):
    deaths = tmp_path / "死亡人员名单.csv"
    deaths.write_bytes(body)
    result = audit([_roster(tmp_path / "低保花名册.csv")], {"deaths": deaths}, dt.date(2026, 9, 30), None)
    found = result.findings
    high = sorted((r["身份证号"], r["类别代码"], r["置信度"]) for _, r in found.iterrows()
                  if r["类别代码"] == "C02" and r["置信度"] in ("高", "中"))
    assert high == flagged
    notes: list[str] = []
    table_text(body, deaths, notes)
    assert any(said in n for n in notes), notes


@pytest.mark.parametrize("body", [
    # must refuse: NULs all through the text (a binary file, or UTF-16 read wrongly) are no table
    (HEADER + "".join(f"李{k}\x00明,{DEAD},2026/3/1\n" for k in range(10))).encode("utf-8"),
], ids=["nul-in-every-row"])
def test_many_nul_bytes_are_refused(tmp_path, body):
    with pytest.raises(InputFileError, match="二进制内容"):
        table_text(body, tmp_path / "x.csv", [])


def test_utf16_text_keeps_its_nuls():
    body = (HEADER + f"李大明,{DEAD},2026/3/1\n").encode("utf-16-le")
    assert table_text(b"\xff\xfe" + body, None, []).startswith("姓名")


def test_a_streamed_lists_nul_padding_is_no_person_and_never_printed(tmp_path):
    # a list of 16 MB or more streams through DuckDB, which keeps the NUL padding as a last row: it was "1 行没有可用的
    # 身份证号（…，如 \x00\x00…）", 4,096 NULs printed to the console as that row's name
    from rostercheck import bulk

    deaths = tmp_path / "死亡人员名单.csv"
    filler = f"某人,{make_id('19300101', 11, region='110101')},2025/3/1\n".encode("utf-8")
    head = (HEADER + f"李大明,{DEAD},2026/3/1\n王某,,2026/3/2\n").encode("utf-8")
    deaths.write_bytes(head + filler * (bulk.STREAM_MIN_BYTES // len(filler) + 10) + b"\x00" * 4096)
    result = audit([_roster(tmp_path / "低保花名册.csv")], {"deaths": deaths}, dt.date(2026, 9, 30), None)
    said = " ".join(str(w) for w in result.warnings)
    assert "\x00" not in said
    # must still say the real row without an ID (王某), and only it
    assert "有 1 行没有可用的身份证号" in said and "王某" in said, said
