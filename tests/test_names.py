"""Table-driven tests of name normalisation."""

import pytest

from rostercheck.namematch import homophone_key
from rostercheck.normalize.names import person_name


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("张三", "张三"),
        ("张 三", "张三"),
        ("张\u3000三", "张三"),
        (" 张三 ", "张三"),
        ("陳小東", "陈小东"),
        ("買買提·艾力", "买买提艾力"),
        ("买买提•艾力", "买买提艾力"),
        ("买买提・艾力", "买买提艾力"),
        ("买买提.艾力", "买买提艾力"),
        ("买买提艾力", "买买提艾力"),
        ("张〇华", "张〇华"),
        ("张零华", "张〇华"),
        ("ＺＨＡＮＧ", "ZHANG"),
        ("王五（已故）", "王五"),
        ("", ""),
        (None, ""),
    ],
)
def test_person_name(raw, expected):
    assert person_name(raw) == expected


def test_homophone_key_equal_for_homophones():
    assert homophone_key("张丽") == homophone_key("张莉")
    assert homophone_key("张丽") != homophone_key("王丽")
