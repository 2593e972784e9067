"""Held-out h466 (石阡县, a year of ledgers in untried shapes): a bank's 代发 file headed by pinyin field identifiers."""

import datetime as dt

from money import make_id

from rostercheck.io.ledgers import read_ledger

AS_OF = dt.date(2026, 9, 30)
A = make_id("19400404", 142)
B = make_id("19450505", 151)


def _csv(path, header, rows, encoding="gbk"):
    lines = [",".join(header)] + [",".join(str(c) for c in r) for r in rows]
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode(encoding))
    return path


PINYIN = ["XH", "XM", "SFZH", "ZH", "HM", "ZY", "FFYF", "JE", "ZT"]


def test_pinyin_headed_bank_file_is_read(tmp_path):
    # must read (h466: "找不到发放金额列", 12 monthly files of 特困 payments skipped, F01/F03/F04/F05/F06 missed)
    rows = [[1, "罗春", A, "6217000011112222", "罗春", "特困供养金", "202603", 1576, "S"],
            [2, "杨梅", B, "6217000033334444", "杨梅", "特困供养金", "202603", 1576, "F"]]
    table, frame = read_ledger(_csv(tmp_path / "tkdf_202603.csv", PINYIN, rows), AS_OF)
    got = list(zip(frame["id"].astype(str), frame["name"].astype(str), frame["bank_account"].astype(str),
                   frame["holder"].astype(str), frame["item"].astype(str), frame["month"].astype(str),
                   frame["amount"].astype(float), frame["status"].astype(str)))
    assert got == [(A, "罗春", "6217000011112222", "罗春", "特困供养金", "202603", 1576.0, "S"),
                   (B, "杨梅", "6217000033334444", "杨梅", "特困供养金", "202603", 1576.0, "F")]


def test_pinyin_labels_are_whole_labels_only(tmp_path):
    # must not read: a label merely containing the letters (JEXS, ZHU) is no amount or account
    rows = [[1, "罗春", A, "abc", "x", "202603", 3]]
    header = ["XH", "XM", "SFZH", "ZHU", "HMX", "FFYF", "JEXS"]
    try:
        table, frame = read_ledger(_csv(tmp_path / "tkdf_202603.csv", header, rows), AS_OF)
    except Exception as err:  # the reader refuses a sheet without an amount column
        assert "发放金额" in str(err)
    else:
        assert frame is None or frame.empty
