"""Score 漏保线索.csv against a coverage truth file (samples/coverage_lists.py): recall of planted leads,
traps hit, and how many 高/中 leads are neither planted nor traps (unexplained).

Usage: python bench/score_coverage.py OUT/漏保线索.csv samples/county/漏保/truth_coverage.csv
"""

from __future__ import annotations

import csv
import sys
from collections import defaultdict


def hit(lead: dict, t: dict) -> bool:
    if lead["线索代码"] != t["code"]:
        return False
    if t["member_id"]:
        return lead["身份证号"] == t["member_id"]
    return t["head_id"] in (lead["户主身份证号"], lead["身份证号"])


def score(leads: list[dict], truth: list[dict]) -> dict:
    out = defaultdict(lambda: {"planted": 0, "found": 0, "traps": 0, "trap_hits": 0, "leads": 0, "unexplained_hm": 0})
    for t in truth:
        s = out[t["code"]]
        found = any(hit(ld, t) for ld in leads)
        if t["expect"] == "flag":
            s["planted"] += 1
            s["found"] += found
        else:
            s["traps"] += 1
            s["trap_hits"] += found
    for ld in leads:
        s = out[ld["线索代码"]]
        s["leads"] += 1
        if ld["优先级"] in ("高", "中") and not any(hit(ld, t) for t in truth if t["expect"] == "flag"):
            s["unexplained_hm"] += 1
    return dict(sorted(out.items()))


def main(argv: list[str]) -> int:
    with open(argv[0], encoding="utf-8-sig") as f:
        leads = list(csv.DictReader(f))
    with open(argv[1], encoding="utf-8") as f:
        truth = list(csv.DictReader(f))
    for code, s in score(leads, truth).items():
        print(code, s)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
