"""A bank's fixed-width text (定长格式: columns padded with spaces to fixed positions, GBK-wide), h443: refused before
("找不到身份证号列和发放金额列"), so a 特困 person's months paid in it were never counted."""

import datetime as dt

import pytest

from rostercheck.io.ledgers import load_ledgers
from rostercheck.io.read import fixed_width


def _pad(value: str, width: int, right: bool = False) -> str:
    fill = " " * max(0, width - len(value.encode("gb18030")))
    return fill + value if right else value + fill


def bank_text(rows, title=True, footer=True, gap=" ") -> str:
    widths = [(12, False), (14, True), (20, False), (22, False), (20, False)]
    lines = ["中国邮政储蓄银行某县支行代发业务明细", "查询期间：2025-10-01 至 2025-12-31"] if title else []
    lines.append(gap.join(_pad(t, w) for t, (w, _) in zip(["交易日期", "交易金额", "对方户名", "对方账号", "摘要"], widths)))
    lines.append("-" * 86)
    for row in rows:
        lines.append(gap.join(_pad(v, w, right) for v, (w, right) in zip(row, widths)).rstrip())
    if footer:
        lines.append(f"共{len(rows)}笔")
    return "\r\n".join(lines) + "\r\n"


ROWS = [("2025-10-16", "1050.00", "何海燕", "6217915501675163552", "特困供养金"),
        ("2025-10-16", "1050.00", "王 秀英", "6217992884447994945", "特困供养金"),  # a name written with a space
        ("2025-11-16", "980.50", "阿依古丽·买买提", "6217981461346397499", "特困供养金")]


def _cells(text: str) -> list[list[str]]:
    return [line.split("\t") for line in text.split("\n")]


@pytest.mark.parametrize("title, footer, gap", [(True, True, " "), (False, False, " "), (True, True, ""), (False, True, "  ")])
def test_a_fixed_width_bank_file_is_cut_at_its_columns(title, footer, gap):
    # gap "": no blank between the fields (an amount right-aligned against the name: 1050.00何海燕), cut where the
    # header's words start
    text = bank_text(ROWS, title, footer, gap)
    out = fixed_width(text, text.splitlines()[:50], ",")
    assert out is not None
    cells = _cells(out)
    head = 2 if title else 0
    assert cells[head] == ["交易日期", "交易金额", "对方户名", "对方账号", "摘要"]
    assert cells[head + 1] == [""]  # the ruling line: an empty line, so every line keeps its number
    assert [c[:3] for c in cells[head + 2:head + 5]] == [[d, a, n] for d, a, n, *_ in ROWS]
    if title:
        assert cells[0] == ["中国邮政储蓄银行某县支行代发业务明细"] and cells[1] == ["查询期间：2025-10-01 至 2025-12-31"]
    assert len(out.split("\n")) == len(text.split("\n"))


@pytest.mark.parametrize("text", [
    "姓名,身份证号,金额\r\n张三,430521195001011118,520\r\n",  # a CSV: its own delimiter
    "张三\r\n李四\r\n王五\r\n",  # one column
    "说明 本表 为 样表\r\n姓名 身份证号 金额\r\n",  # one line of three or more words besides a note: no table
    '"交易日期" "交易金额" "对方户名"\r\n"2025-10-16" "1050" "何海燕"\r\n',  # quoted: not this reader's
    # words separated by single spaces, not aligned: no fixed positions to cut at (IDs would be cut in pieces)
    "姓名 身份证号 金额 摘要\r\n张三 430521195001011118 520 低保金\r\n欧阳修文 430521195202021224 1000.5 低保金\r\n"
    "李四 430521195303031334 80 低保金\r\n",
])
def test_other_text_is_not_read_as_fixed_width(text):
    from rostercheck.io.read import sniff_delimiter

    lines = text.splitlines()
    assert fixed_width(text, lines, sniff_delimiter(lines)) is None


@pytest.mark.parametrize("encoding", ["gb18030", "utf-8"])
def test_a_fixed_width_ledger_is_read_with_its_count_line_left_out(tmp_path, encoding):
    path = tmp_path / "特困供养金代发明细_202510-202512.txt"
    path.write_bytes(bank_text(ROWS).encode(encoding))
    [table], frame, _ = load_ledgers([path], dt.date(2026, 9, 30))
    assert sorted(zip(frame["holder"].astype(object).where(frame["holder"].notna(), frame.get("name")),
                      frame["month"], frame["amount"])) == sorted(
        [("何海燕", "2025-10", 1050.0), ("王 秀英", "2025-10", 1050.0), ("阿依古丽·买买提", "2025-11", 980.5)])
    assert any("定长格式" in n for n in table.warnings)
    assert not any("找不到" in n for n in table.warnings)


@pytest.mark.parametrize("gap", [" ", ""])
def test_a_fixed_width_bank_file_in_a_quarters_folder_is_taken_as_a_ledger(tmp_path, gap):
    # h443's left-over: the folder's classifier cut the text at commas only, found no list's columns and skipped the
    # file ("未识别，已跳过") — the 特困 months it pays never checked in a folder run
    from rostercheck.classify import classify_file

    path = tmp_path / "特困供养金代发明细_202510-202512.txt"
    path.write_bytes(bank_text(ROWS, gap=gap).encode("gb18030"))
    assert classify_file(path).kind == "payments"
