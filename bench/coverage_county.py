"""Benchmark `rostercheck coverage` on a county of about 15,000 roster members (not part of the tests).

Generates a plain county with samples/generate.py (--plain) and its coverage lists with samples/coverage_lists.py
(--scale adds background households to every list), then times the command end to end.
Usage: python bench/coverage_county.py [--households 5600] [--scale 3000] [--out bench/data/coverage] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--households", type=int, default=5600)
    ap.add_argument("--scale", type=int, default=3000)
    ap.add_argument("--out", type=Path, default=ROOT / "bench" / "data" / "coverage")
    ap.add_argument("--repeat", type=int, default=3)
    a = ap.parse_args(argv)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    county, lists = a.out / "county", a.out / "漏保"
    if not (lists / "truth_coverage.csv").exists():
        subprocess.run([sys.executable, str(ROOT / "samples" / "generate.py"), "--plain", "--households", str(a.households),
                        "--forms", "worded", "--out", str(county)], check=True, env=env)
        subprocess.run([sys.executable, str(ROOT / "samples" / "coverage_lists.py"), "--county", str(county), "--out", str(lists),
                        "--scale", str(a.scale)], check=True, env=env)
    sys.path.insert(0, str(ROOT / "samples"))
    from coverage_lists import lists_in, rosters_in

    args = [sys.executable, "-m", "rostercheck", "coverage", *map(str, rosters_in(county))]
    for kind, path in lists_in(lists, county).items():
        args += [f"--{kind}", str(path)]
    args += ["--as-of", "2026-09-30", "--out", str(a.out / "report")]
    times = []
    for _ in range(a.repeat):
        start = time.perf_counter()
        done = subprocess.run(args, env=env, capture_output=True, text=True)
        times.append(time.perf_counter() - start)
        if done.returncode != 0:
            print(done.stdout, done.stderr)
            return done.returncode
    rows = {p.name: sum(1 for _ in open(p, "rb")) for p in lists.glob("*.csv")}
    print(f"coverage on {county}: runs {', '.join(f'{t:.2f}' for t in times)} s, median {statistics.median(times):.2f} s")
    print(f"list sizes (csv lines): {rows}")
    subprocess.run([sys.executable, str(ROOT / "bench" / "score_coverage.py"), str(a.out / "report" / "漏保线索.csv"),
                    str(lists / "truth_coverage.csv")], env=env)
    return 0


if __name__ == "__main__":
    sys.exit(main())
