"""Score an audit's findings.csv against a truth file (recall of planted cases, traps flagged, precision).

Usage: python bench/score.py OUT_DIR/findings.csv samples/county/truth.csv [--codes C01,C02]
Truth columns: code, head_id, member_id, expect (flag|trap), note. Pairs are (household head ID, code);
precision counts distinct (household, code) pairs reported at 高/中 that are planted.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
from rostercheck.normalize.ids import id_number  # noqa: E402


def _norm(value: str) -> str:
    return id_number(value).value if value else ""


def load_truth(path: Path) -> tuple[set, set]:
    """Return (planted pairs, trap pairs) as sets of (code, head_id)."""
    flags, traps = set(), set()
    with path.open(encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            pair = (row["code"], _norm(row["head_id"]))
            (flags if row["expect"] == "flag" else traps).add(pair)
    return flags, traps


def load_findings(path: Path) -> dict[tuple, set]:
    """Return (code, head_id) → set of confidences reported."""
    found: dict[tuple, set] = defaultdict(set)
    with path.open(encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            found[(row["类别代码"], _norm(row["户主身份证号"].lstrip("'")))].add(row["置信度"])
    return found


def score(findings: Path, truth: Path, codes: set[str] | None = None) -> dict:
    """Compute per-code recall, traps flagged and overall precision at 高/中."""
    flags, traps = load_truth(truth)
    found = load_findings(findings)
    if codes:
        flags = {p for p in flags if p[0] in codes}
        traps = {p for p in traps if p[0] in codes}
        found = {p: c for p, c in found.items() if p[0] in codes}
    per_code = {}
    for code in sorted({p[0] for p in flags | traps}):
        planted = {p for p in flags if p[0] == code}
        hit = {p for p in planted if p in found}
        trapped = {p for p in traps if p[0] == code and found.get(p, set()) & {"高", "中"}}
        per_code[code] = {"planted": len(planted), "found": len(hit), "missed": sorted(planted - hit),
                          "traps_flagged": sorted(trapped)}
    strong = {p for p, c in found.items() if c & {"高", "中"}}
    correct = strong & flags
    return {"per_code": per_code, "reported_strong": len(strong), "correct_strong": len(correct),
            "precision": len(correct) / len(strong) if strong else 1.0,
            "false_strong": sorted(strong - flags)}


def main() -> None:
    """Print the score."""
    ap = argparse.ArgumentParser()
    ap.add_argument("findings", type=Path)
    ap.add_argument("truth", type=Path)
    ap.add_argument("--codes", default="")
    args = ap.parse_args()
    result = score(args.findings, args.truth, set(filter(None, args.codes.split(","))))
    for code, s in result["per_code"].items():
        print(f"{code}: {s['found']}/{s['planted']}  missed={s['missed']}  traps_flagged={s['traps_flagged']}")
    print(f"precision at 高/中: {result['correct_strong']}/{result['reported_strong']} = {result['precision']:.3f}")
    for p in result["false_strong"][:40]:
        print("  false:", p)


if __name__ == "__main__":
    main()
