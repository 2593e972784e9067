"""Generate a city-scale data set for the benchmark (about 200,000 roster members, 2,000,000 list rows).

Plain files (one header row, IDs as text), written fast; the messy shapes are the sample county's job.
Usage: python bench/city.py [--out bench/data/city] [--members 200000] [--scale 1.0] [--seed 1] [--big registry]

With ``--big registry`` the 1,000,000-row sheet is the household registry (户籍人口信息.xlsx, the
members' households plus strangers') and the pension list becomes CSV. With ``--big vehicles`` it is the
vehicle register (机动车登记信息.xlsx, 1,000,000 rows × 6 columns, 188,899 members by default in the
issue's shape: ``--members 188899``) and the pension list becomes CSV.
"""

from __future__ import annotations

import argparse
import csv
import random
from pathlib import Path

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK = "10X98765432"
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥建国志红梅兰凤春生福德成林海波"
REGIONS = ["430521", "430522", "430523", "430524", "430525"]


def make_id(rng: random.Random, lo: int = 1940, hi: int = 2015) -> str:
    """Return a random valid 18-character ID."""
    first = f"{rng.choice(REGIONS)}{rng.randint(lo, hi)}{rng.randint(1, 12):02d}{rng.randint(1, 28):02d}{rng.randint(0, 999):03d}"
    return first + CHECK[sum(int(c) * w for c, w in zip(first, WEIGHTS)) % 11]


def name(rng: random.Random) -> str:
    """Return a random Chinese name."""
    return rng.choice(SURNAMES) + "".join(rng.choice(GIVEN) for _ in range(rng.randint(1, 2)))


def write_xlsx(path: Path, header: list[str], rows) -> None:
    """Write rows with xlsxwriter in constant-memory mode, every cell as text or number."""
    import xlsxwriter

    book = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    sheet = book.add_worksheet("Sheet1")
    sheet.write_row(0, 0, header)
    for r, row in enumerate(rows, start=1):
        for c, v in enumerate(row):
            if isinstance(v, (int, float)):
                sheet.write_number(r, c, v)
            else:
                sheet.write_string(r, c, v)
    book.close()


def write_csv(path: Path, header: list[str], rows, encoding: str = "utf-8-sig") -> None:
    """Write rows as CSV."""
    with path.open("w", encoding=encoding, newline="") as fh:
        w = csv.writer(fh)
        w.writerow(header)
        w.writerows(rows)


def generate(out: Path, members: int = 200_000, scale: float = 1.0, seed: int = 1,
             big: str = "pensions") -> dict[str, list[Path]]:
    """Write the city data set and return {'rosters': [...], kind: [path]}.

    Args:
        out: the folder.
        members: roster members in all.
        scale: multiplier for the reference lists (1.0 ≈ 2,000,000 rows).
        seed: random seed.
        big: the kind written as the one-sheet xlsx of about 1,000,000 rows: 'pensions', 'registry' or 'vehicles'.
    Returns:
        The files by kind.
    """
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    towns = [f"第{i}街道" for i in range(1, 31)]
    roster_rows, people = [], []
    while len(roster_rows) < members * 0.9:
        town = rng.choice(towns)
        village = f"{town[:-2]}{rng.randint(1, 40)}社区"
        size = rng.randint(1, 5)
        head_id, head = make_id(rng, 1940, 1990), name(rng)
        account = "6228" + "".join(rng.choice("0123456789") for _ in range(15))
        for k in range(size):
            mid, mname = (head_id, head) if k == 0 else (make_id(rng), name(rng))
            rel = "户主" if k == 0 else rng.choice(["配偶", "子女", "父母", "孙子女"])
            roster_rows.append([town, village, head, head_id, mname, rel, mid, size, rng.choice(["城市", "农村"]), 580.0, account,
                                "13" + "".join(rng.choice("0123456789") for _ in range(9))])
            people.append((mid, mname))
    tekun = []
    while len(tekun) < members - len(roster_rows):
        pid, pname = make_id(rng, 1930, 1970), name(rng)
        tekun.append([rng.choice(towns), "", pname, pid, rng.choice(["集中", "分散"]), 1576])
        people.append((pid, pname))
    files: dict[str, list[Path]] = {}
    roster = out / "低保花名册.xlsx"
    write_xlsx(roster, ["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "家庭人口",
                        "城乡类别", "月保障金", "银行账号", "联系电话"], roster_rows)
    tk = out / "特困人员名册.csv"
    write_csv(tk, ["乡镇", "村", "姓名", "身份证号", "供养方式", "月供养标准"], tekun)
    files["rosters"] = [roster, tk]

    enrolled = {pid for pid, _ in people}

    def someone(hit_rate: float) -> tuple[str, str]:
        """(name, id) of a roster member with probability hit_rate, else of a stranger (never a member's ID under
        another name: an exact ID beside a wholly other name is a 中 lead, not the planted hit)."""
        if rng.random() < hit_rate:
            pid, pname = rng.choice(people)
            return pname, pid
        while (pid := make_id(rng)) in enrolled:
            pass
        return name(rng), pid

    def n(base: int) -> int:
        return max(10, int(base * scale))

    specs = {
        "pensions": ("养老金发放名单.xlsx", ["姓名", "社会保障号码", "险种", "月发放金额", "发放状态"],
                     lambda: [*someone(0.02), rng.choice(["城乡居民基本养老保险", "企业职工基本养老保险"]),
                              float(rng.choice([150, 180, 2600, 3100])), rng.choice(["正常发放", "正常发放", "暂停发放"])],
                     1_000_000),
        "vehicles": ("机动车登记信息.csv", ["号牌号码", "车辆类型", "使用性质", "所有人", "身份证明号码", "机动车状态"],
                     lambda: [f"湘A{rng.randint(10000, 99999)}", rng.choice(["小型轿车", "普通二轮摩托车", "轻型普通货车"]),
                              rng.choice(["非营运", "营运"]), *someone(0.01), rng.choice(["正常", "注销"])], 300_000),
        "properties": ("不动产登记信息.csv", ["权利人", "证件号码", "坐落", "规划用途", "面积"],
                       lambda: [*someone(0.01), "某市某路", rng.choice(["住宅", "住宅", "商业"]), 90.0], 200_000),
        "businesses": ("市场主体登记信息.csv", ["主体名称", "主体类型", "经营者", "证件号码", "经营场所", "从业人数", "登记状态"],
                       lambda: ["某某商行", "个体工商户", *someone(0.01), "某路", rng.randint(1, 5), rng.choice(["存续", "注销"])],
                       150_000),
        "wages": ("社保缴费工资.csv", ["姓名", "身份证号", "缴费单位", "缴费工资", "缴费月份"],
                  lambda: [*someone(0.01), "某公司", float(rng.randint(1800, 6000)), rng.choice(["2026-07", "2026-08", "2026-09"])],
                  200_000),
        "deaths": ("死亡人员名单.csv", ["姓名", "身份证号", "死亡日期"], lambda: [*someone(0.01), "2026-03-01"], 60_000),
        "migrations": ("户籍迁出名单.csv", ["姓名", "身份证号", "迁出日期", "迁往地", "迁移原因"],
                       lambda: [*someone(0.01), "2026-04-01", "广东省深圳市", rng.choice(["务工", "升学"])], 40_000),
        "prisoners": ("服刑人员名单.csv", ["姓名", "身份证号", "入监日期", "刑期止日"],
                      lambda: [*someone(0.01), "2025-01-01", "2028-01-01"], 10_000),
        "staff": ("财政供养人员名单.csv", ["工作单位", "姓名", "身份证号", "人员类别"],
                  lambda: ["某局", *someone(0.005), "公务员"], 30_000),
        "cadres": ("村干部名单.csv", ["姓名", "身份证号", "乡镇", "村", "职务", "联系电话"],
                   lambda: [*someone(0.01), "第1街道", "第1社区", "主任", "139" + str(rng.randint(10_000_000, 99_999_999))], 10_000),
    }
    if big == "registry":
        specs["pensions"] = ("养老金发放名单.csv", *specs["pensions"][1:])
        specs["registry"] = ("户籍人口信息.xlsx", ["户号", "姓名", "身份证号", "与户主关系", "住址"], None, 1_000_000)
    if big == "vehicles":
        specs["pensions"] = ("养老金发放名单.csv", *specs["pensions"][1:3], 300_000)
        specs["vehicles"] = ("机动车登记信息.xlsx", *specs["vehicles"][1:3], 1_000_000)
    for kind, (fname, header, row, base) in specs.items():
        path = out / fname
        if kind == "registry":
            write_xlsx(path, header, registry_rows(rng, roster_rows, n(base)))
            files[kind] = [path]
            continue
        rows = (row() for _ in range(n(base)))
        (write_xlsx if fname.endswith(".xlsx") else write_csv)(path, header, rows)
        files[kind] = [path]
    return files


def registry_rows(rng: random.Random, roster_rows: list[list], total: int):
    """Registry rows: every 低保 household as registered (now and then with a non-member in it), then strangers'."""
    number, last = 0, None
    for row in roster_rows:
        if row[3] != last:
            number, last = number + 1, row[3]
        yield [f"{number:08d}", row[4], row[6], row[5], "某市某路"]
        total -= 1
        if rng.random() < 0.01:
            yield [f"{number:08d}", name(rng), make_id(rng), "其他", "某市某路"]
            total -= 1
    while total > 0:
        number += 1
        for k in range(min(rng.randint(1, 5), total)):
            yield [f"{number:08d}", name(rng), make_id(rng), "户主" if k == 0 else "子女", "某市某路"]
            total -= 1


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--out", type=Path, default=Path("bench/data/city"))
    ap.add_argument("--members", type=int, default=200_000)
    ap.add_argument("--scale", type=float, default=1.0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--big", choices=["pensions", "registry", "vehicles"], default="pensions")
    args = ap.parse_args()
    files = generate(args.out, args.members, args.scale, args.seed, args.big)
    for kind, paths in files.items():
        print(kind, *paths)


if __name__ == "__main__":
    main()
