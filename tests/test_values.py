"""Table-driven tests of date, money and digit parsing."""

import datetime as dt

import pytest

from rostercheck.normalize.values import date, digits, money, month

D = dt.date(2025, 3, 5)


@pytest.mark.parametrize(
    "raw, expected",
    [("2025-03-05", D), ("2025/3/5", D), ("2025.03.05", D), ("20250305", D), ("2025年3月5日", D), (20250305, D),
     (45721, D), (45721.0, D), (dt.datetime(2025, 3, 5, 10, 0), D), (D, D), ("2025-03", dt.date(2025, 3, 1)),
     ("2025-02-30", None), ("", None), (None, None), ("无期", None), ("2025-03-05 00:00:00", D),
     # system exports: timestamps as digits, months as numbers, spaced Chinese dates, US-locale CSV
     ("20250305103000", D), (20250305103000, D), ("202503051030", D), (202503, dt.date(2025, 3, 1)),
     ("2025年3月", dt.date(2025, 3, 1)), ("2025 年 3 月 5 日", D), ("2025年3月5日 10:30", D),
     ("2025/03/05 0:00:00", D), ("3/25/2025", dt.date(2025, 3, 25)), ("25/3/2025", dt.date(2025, 3, 25)),
     ("3/5/2025", None),  # day and month order both possible
     (2025, None), ("2025", None), ("不详", None)],  # a year alone is not a day in 1905
)
def test_date(raw, expected):
    assert date(raw) == expected


@pytest.mark.parametrize("raw, expected", [("2026-07", "2026-07"), ("2026年7月", "2026-07"), ("202607", "2026-07"), ("", "")])
def test_month(raw, expected):
    assert month(raw) == expected


@pytest.mark.parametrize("raw, expected", [("2,800.00", 2800.0), ("2800元", 2800.0), ("￥1,200", 1200.0), (150, 150.0), ("", None), ("abc", None)])
def test_money(raw, expected):
    assert money(raw) == expected


@pytest.mark.parametrize("raw, expected", [("6228 4800-1234", "622848001234"), (13812345678.0, "13812345678"), ("", ""), (None, "")])
def test_digits(raw, expected):
    assert digits(raw) == expected


@pytest.mark.parametrize("many", [False, True])
@pytest.mark.parametrize("cells", [["a", "b", "a", 7, "b"], [["a"], "b", ["a"]], []])
def test_by_value_gives_each_cell_its_result_whether_the_function_takes_one_cell_or_a_list(cells, many):
    from rostercheck.reference import by_value

    calls = []

    def one(v):
        calls.append(v)
        return f"<{v}>"

    fn = (lambda vs: [one(v) for v in vs]) if many else one
    assert by_value(cells, fn, many=many) == [f"<{v}>" for v in cells]
    if cells and not any(isinstance(v, list) for v in cells):
        assert len(calls) == len({repr(v) for v in cells})  # each distinct cell once (hashable cells)
