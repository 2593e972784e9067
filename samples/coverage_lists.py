"""Generate the sample county's lists for `rostercheck coverage` (漏保排查) with planted leads and traps.

Writes into samples/county/漏保/ (the existing sample files are read, never changed):
  防返贫监测对象.xlsx      one row per member, title row, 家庭年人均纯收入, 风险是否消除, a 是否享受低保 column
                            that is not to be trusted
  残疾人信息.csv           GBK, no ID column: the ID is the first 18 characters of the 20-character 残疾人证号
  重病患者名单.xlsx        病种, 年度个人自付费用, 认定日期
  两项补贴发放名单.xlsx    long form, item names spelled several ways
  停保人员名单.csv         UTF-8 BOM, 停保日期 and 停保原因
  未获批申请名单.xlsx      申请人 columns, 不予批准原因
  户籍人口.csv             the county registry plus the new households, with 父亲/母亲公民身份号码 columns
  truth_coverage.csv       code, household (head ID), person ID, expect (flag|trap), note

Run: python samples/coverage_lists.py [--seed 16] [--out samples/county/漏保] [--scale N]
(--scale adds N background monitoring households, for the bench).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "src"))

from generate import FEMALE, MALE, SURNAMES, write_table  # noqa: E402

AS_OF = dt.date(2026, 9, 30)
COUNTY = HERE / "county"
ROSTERS = ["低保花名册_第三季度.xlsx", "低保花名册_河口乡.xls", "特困人员名册.csv"]


def rosters_in(county: Path) -> list[Path]:
    """Return a generated county's roster files (the sample's three, or a --plain county's two)."""
    if all((county / r).exists() for r in ROSTERS):
        return [county / r for r in ROSTERS]
    return sorted(county.glob("低保花名册*.*")) + sorted(county.glob("特困人员名册.*"))


def one(county: Path, stem: str) -> Path:
    """Return the county's list file of that name, whatever its format."""
    return next(iter(sorted(county.glob(stem + ".*"))))
REGIONS = ["430525", "430526", "430527", "430528"]
DISABILITY = {1: "视力", 2: "听力", 3: "言语", 4: "肢体", 5: "智力", 6: "精神", 7: "多重"}
LEVEL_WORDS = {1: "一级", 2: "二级", 3: "三级", 4: "四级"}
DISEASES = ["尿毒症", "恶性肿瘤", "白血病", "重性精神病", "再生障碍性贫血", "耐多药肺结核", "慢性心力衰竭", "脑卒中后遗症"]
MILD = ["高血压", "糖尿病", "慢性胃炎"]


def check_char(first17: str) -> str:
    weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
    return "10X98765432"[sum(int(c) * w for c, w in zip(first17, weights)) % 11]


class World:
    """The new people and households, written out at the end."""

    def __init__(self, seed: int, members, registry: list[dict]):
        self.rng = random.Random(seed)
        self.members = members
        self.used = {r["身份证号"] for r in registry} | set(members["id"])
        self.registry = registry
        self.parents: dict[str, tuple[str, str]] = {}  # child ID → (father ID, mother ID)
        self.hh_seq = 900000
        self.places = sorted({(t, v) for t, v in zip(members["township"], members["village"]) if t and v})
        self.monitoring: list[list] = []
        self.disabled: list[list] = []
        self.illness: list[list] = []
        self.subsidies: list[list] = []
        self.exits: list[list] = []
        self.rejected: list[list] = []
        self.truth: list[tuple] = []

    # -- people ---------------------------------------------------------------------------------
    def pid(self, age: int, sex: str) -> str:
        r = self.rng
        while True:
            year = AS_OF.year - age - (1 if r.random() < 0.5 else 0)
            born = dt.date(year, r.randint(1, 12), r.randint(1, 28))
            if born > AS_OF - dt.timedelta(days=365 * age + 1):
                born = born.replace(year=born.year - 1)
            seq = r.randint(0, 99) * 10 + r.choice([1, 3, 5, 7, 9] if sex == "男" else [0, 2, 4, 6, 8])
            first17 = f"{r.choice(REGIONS)}{born:%Y%m%d}{seq:03d}"
            pid = first17 + check_char(first17)
            if pid not in self.used:
                self.used.add(pid)
                return pid

    def name(self, sex: str, surname: str | None = None) -> str:
        pool = MALE if sex == "男" else FEMALE
        given = self.rng.choice(pool) + ("" if self.rng.random() < 0.3 else self.rng.choice(pool))
        return (surname or self.rng.choice(SURNAMES[:40])) + given

    def family(self, spec: list[tuple[str, int, str]], place=None) -> list[dict]:
        """Create a registry household: spec = [(relation, age, sex)], the first is the head."""
        town, village = place or self.rng.choice(self.places)
        self.hh_seq += 1
        hh = f"{self.hh_seq:09d}"
        surname = self.rng.choice(SURNAMES[:40])
        people = []
        for rel, age, sex in spec:
            same = rel in ("户主", "长子", "次子", "子", "孙子", "孙女", "长女", "女", "父亲", "母亲")
            p = {"户号": hh, "姓名": self.name(sex, surname if same and sex == "男" or rel in ("长女", "女", "孙女") else None),
                 "身份证号": self.pid(age, sex), "性别": sex, "与户主关系": rel,
                 "住址": f"清河县{town}{village}{self.rng.randint(1, 80)}号", "town": town, "village": village, "age": age}
            people.append(p)
        head = people[0]
        for p in people[1:]:
            if p["与户主关系"] in ("长子", "次子", "子", "长女", "女"):
                spouse = next((q for q in people if q["与户主关系"] in ("妻", "夫")), None)
                father, mother = (head, spouse) if head["性别"] == "男" else (spouse, head)
                self.parents[p["身份证号"]] = (father["身份证号"] if father else "", mother["身份证号"] if mother else "")
        self.registry.extend(people)
        return people

    def son_elsewhere(self, parent_id: str, parent_sex: str, place) -> dict:
        """A married son in his own registry household, naming the parent in 父亲/母亲公民身份号码."""
        son = self.family([("户主", self.rng.randint(35, 48), "男"), ("妻", self.rng.randint(33, 46), "女")], place)[0]
        self.parents[son["身份证号"]] = (parent_id, "") if parent_sex == "男" else ("", parent_id)
        return son

    # -- list rows -------------------------------------------------------------------------------
    def monitor(self, people: list[dict], kind: str, income_year: float, risk: str, on_benefit: str = "否",
                risk_date: str = "") -> None:
        head = people[0]
        for p in people:
            self.monitoring.append([len(self.monitoring) + 1, head["town"], head["village"], head["姓名"], head["身份证号"],
                                    p["姓名"], p["身份证号"], p["与户主关系"], len(people), kind, f"{income_year:.2f}", risk,
                                    risk_date, on_benefit])

    def disable(self, p: dict, category: int, level: int, issued: dt.date | None = None) -> None:
        issued = issued or dt.date(self.rng.randint(2008, 2024), self.rng.randint(1, 12), self.rng.randint(1, 28))
        self.disabled.append([p["姓名"], p["性别"], f"{p['身份证号']}{category}{level}", DISABILITY[category],
                              LEVEL_WORDS[level], p.get("town", ""), p.get("village", ""), issued.strftime("%Y/%m/%d")])

    def ill(self, p: dict, disease: str, paid: float, when: dt.date | None = None) -> None:
        when = when or dt.date(self.rng.randint(2019, 2025), self.rng.randint(1, 12), self.rng.randint(1, 28))
        self.illness.append([p["姓名"], p["身份证号"], disease, f"{paid:.0f}", when.isoformat(), p.get("town", "")])

    def subsidy(self, p: dict, item: str, amount: int) -> None:
        for month in ("2026-07", "2026-08", "2026-09"):
            self.subsidies.append([p["姓名"], p["身份证号"], item, amount, month])

    def plant(self, code: str, head: str, member: str, expect: str, note: str) -> None:
        self.truth.append((code, head, member, expect, note))


def _load(county: Path):
    from rostercheck.loading import load_inputs

    inp = load_inputs(rosters_in(county), {}, AS_OF)
    m = inp.members
    with open(county / "户籍人口.csv", encoding="utf-8-sig", newline="") as f:
        registry = list(csv.DictReader(f))
    deaths_file = one(county, "死亡人员名单")
    for enc in ("utf-8-sig", "gbk"):
        try:
            with open(deaths_file, encoding=enc, newline="") as f:
                deaths = [{k.replace("身份证号", "身份证号码").replace("码码", "码"): v for k, v in row.items()}
                          for row in csv.DictReader(f)]
            break
        except UnicodeDecodeError:
            continue
    return m, registry, deaths


def build(seed: int, scale: int = 0, county: Path = COUNTY) -> World:
    members, registry, deaths = _load(county)
    w = World(seed, members, registry)
    r = w.rng
    roster_ids = set(members["id"])
    dead = [d for d in deaths if d["身份证号码"] not in roster_ids]

    def low() -> float:  # yearly income per person below the rural standard (516 × 12 = 6192)
        return r.choice([2400, 3100, 3600, 4200, 4800, 5500])

    # --- L01: low income, risk open, nobody on a roster (and background / traps) ---
    for i in range(8):
        fam = w.family([("户主", r.randint(40, 58), "男"), ("妻", r.randint(38, 56), "女"), ("长子", r.randint(8, 16), "男")][: 2 + i % 2])
        for p in fam[1:]:
            pass
        w.monitor(fam, r.choice(["边缘易致贫户", "脱贫不稳定户", "突发严重困难户"]), low(), "否" if i % 2 else "未消除")
        w.plant("L01", fam[0]["身份证号"], "", "flag", "monitoring, risk open, income below standard, not covered")
    for i in range(3):  # trap: risk eliminated
        fam = w.family([("户主", r.randint(40, 58), "男"), ("妻", r.randint(38, 56), "女")])
        w.monitor(fam, "边缘易致贫户", low(), "是", risk_date="2026-06-30")
        w.plant("L01", fam[0]["身份证号"], "", "trap", "risk eliminated")
    for i in range(3):  # trap: income above the standard
        fam = w.family([("户主", r.randint(40, 58), "男"), ("妻", r.randint(38, 56), "女")])
        w.monitor(fam, "脱贫不稳定户", r.choice([7200, 8400, 9600]), "否")
        w.plant("L01", fam[0]["身份证号"], "", "trap", "income above the standard")
    # trap: covered through another member (a roster member's father is the monitoring 户主)
    heads = members[(members["programme"] == "低保") & (members["relation"].astype(str).str.contains("户主"))
                    & (members["id_status"] == "valid")]
    for _, h in heads.sample(3, random_state=seed).iterrows():
        father = w.family([("户主", 70, "男")], (h["township"], h["village"]))[0]
        member = {"姓名": h["name"], "身份证号": h["id"], "与户主关系": "子", "性别": "男", "town": h["township"], "village": h["village"]}
        w.monitor([father, member], "边缘易致贫户", low(), "否", on_benefit="否")
        w.plant("L01", father["身份证号"], "", "trap", "covered through another member (son on the 低保 roster)")
        w.plant("L03", father["身份证号"], father["身份证号"], "trap", "household covered through the son")
    for d in dead[:2]:  # trap: a dead person alone
        age = AS_OF.year - int(d["身份证号码"][6:10])
        p = {"姓名": d["姓名"], "身份证号": d["身份证号码"], "与户主关系": "户主", "性别": "男", "age": age}
        p.update(dict(zip(("town", "village"), r.choice(w.places))))
        w.registry.append({"户号": f"{w.hh_seq + 500:09d}", "姓名": p["姓名"], "身份证号": p["身份证号"], "性别": "男",
                           "与户主关系": "户主", "住址": f"清河县{p['town']}{p['village']}", "town": p["town"], "village": p["village"]})
        w.hh_seq += 1
        w.monitor([p], "突发严重困难户", low(), "否")
        w.plant("L01", p["身份证号"], "", "trap", "the only member is dead (deaths list)")
        w.plant("L03", p["身份证号"], p["身份证号"], "trap", "dead")

    # --- L02: severe disability or illness in a low-income monitoring household ---
    for i in range(6):
        fam = w.family([("户主", r.randint(40, 58), "男"), ("妻", r.randint(38, 56), "女"), ("长子", r.randint(20, 30), "男")])
        target = fam[2]
        income = r.choice([6600, 7200, 8400]) if i < 3 else low()  # between the standard and 1.5 × (9288) or below
        w.monitor(fam, "突发严重困难户", income, "未消除")
        if i % 2 == 0:
            w.disable(target, r.choice([4, 5, 6, 1]), r.choice([1, 2]))
            w.plant("L04", fam[0]["身份证号"], target["身份证号"], "flag", "level 1–2 in a poor family, no 护理补贴 either")
        else:
            w.ill(target, r.choice(DISEASES), r.randint(12000, 60000))
        w.plant("L02", fam[0]["身份证号"], target["身份证号"], "flag", "severe member, income below 1.5 × standard")
        if income < 6192:
            w.plant("L01", fam[0]["身份证号"], "", "flag", "income below standard (also L02)")
    for i in range(2):  # trap: level 3 physical disability
        fam = w.family([("户主", r.randint(40, 58), "男"), ("妻", r.randint(38, 56), "女"), ("长子", r.randint(20, 30), "男")])
        w.monitor(fam, "边缘易致贫户", 7000, "否")
        w.disable(fam[2], 4, 3)
        w.plant("L02", fam[0]["身份证号"], fam[2]["身份证号"], "trap", "level 3 physical disability is not severe")
    fam = w.family([("户主", 50, "男"), ("妻", 48, "女"), ("长子", 24, "男")])  # trap: income above 1.5 ×
    w.monitor(fam, "脱贫不稳定户", 11000, "否")
    w.disable(fam[2], 5, 1)
    w.subsidy(fam[2], "重度残疾人护理补贴", 100)
    w.plant("L02", fam[0]["身份证号"], fam[2]["身份证号"], "trap", "income above 1.5 × standard")

    # --- L03: old, minor or severely disabled with no able supporter ---
    for i in range(4):  # elderly alone, monitoring, no children anywhere
        fam = w.family([("户主", r.randint(66, 84), r.choice("男女"))])
        w.monitor(fam, "边缘易致贫户", r.choice([7000, 8000, 9000]), "否")
        w.plant("L03", fam[0]["身份证号"], fam[0]["身份证号"], "flag", "elderly alone, no spouse or children in the registry")
    for i in range(3):  # trap: elderly whose son lives in another registry household
        fam = w.family([("户主", r.randint(66, 84), "女")])
        w.son_elsewhere(fam[0]["身份证号"], "女", (fam[0]["town"], fam[0]["village"]))
        w.monitor(fam, "边缘易致贫户", 7600, "否")
        w.plant("L03", fam[0]["身份证号"], fam[0]["身份证号"], "trap", "son in another household of the registry (母亲公民身份号码)")
    # a minor living with a grandmother aged over 70; parents not in the registry (dead or gone)
    fam = w.family([("户主", 74, "女"), ("孙子", 11, "男")])
    w.monitor(fam, "突发严重困难户", 7000, "否")
    w.plant("L03", fam[0]["身份证号"], fam[1]["身份证号"], "flag", "minor, no parent in the registry, grandmother over 70")
    w.plant("L03", fam[0]["身份证号"], fam[0]["身份证号"], "flag", "grandmother over 70 alone with a minor grandchild")
    # a severely disabled adult not on a monitoring list, parents dead / absent, alone
    lone = w.family([("户主", 45, "男")])[0]
    w.disable(lone, 5, 2)
    w.subsidy(lone, "重度残疾人护理补贴", 100)
    w.plant("L03", lone["身份证号"], lone["身份证号"], "flag", "level 2 intellectual disability, alone, no supporter, uncovered")

    # --- L04: two disability subsidies ---
    on_roster = members[(members["id_status"] == "valid") & (members["age"] >= 18) & (members["age"] < 60)]
    picks = on_roster.sample(40, random_state=seed + 4)
    for k, (_, m) in enumerate(picks.iterrows()):
        p = {"姓名": m["name"], "身份证号": m["id"], "性别": m["sex"] or "男", "town": m["township"], "village": m["village"]}
        level = [1, 2, 3, 4][k % 4]
        w.disable(p, r.choice([1, 2, 4, 5, 6]), level)
        if k < 3:  # planted: no living subsidy at all
            w.plant("L04", m["head_id"] or m["id"], m["id"], "flag", f"低保/特困 member, level {level}, no living subsidy")
            if level <= 2:
                pass  # no care subsidy either (same lead)
            continue
        if 3 <= k < 6:  # trap: paid under other spellings
            w.subsidy(p, r.choice(["残疾人生活补助", "困难残疾人生活补助金", "两项补贴-生活补贴"]), 80)
            if level <= 2:
                w.subsidy(p, r.choice(["重残护理补助", "重度残疾护理补贴金"]), 100)
            w.plant("L04", m["head_id"] or m["id"], m["id"], "trap", "subsidies paid under another spelling of their names")
            continue
        w.subsidy(p, "困难残疾人生活补贴", 80)
        if level <= 2:
            w.subsidy(p, "重度残疾人护理补贴", 100)
    for i in range(3):  # level 1–2 outside the rosters, with family, no care subsidy
        fam = w.family([("户主", r.randint(40, 55), "男"), ("妻", r.randint(38, 52), "女"), ("长子", r.randint(18, 26), "男")])
        w.disable(fam[2], r.choice([1, 4, 7]), r.choice([1, 2]))
        w.plant("L04", fam[0]["身份证号"], fam[2]["身份证号"], "flag", "level 1–2, no 护理补贴")

    # --- L05: removed or refused households that now look eligible ---
    for i in range(4):
        fam = w.family([("户主", r.randint(40, 62), "男"), ("妻", r.randint(38, 60), "女"), ("长子", r.randint(19, 30), "男")])
        when = AS_OF - dt.timedelta(days=r.randint(60, 300))
        head = fam[0]
        if i < 2:
            w.exits.append([head["town"], head["village"], head["姓名"], head["身份证号"], when.strftime("%Y/%m/%d"),
                            "家庭收入超过低保标准", "农村低保"])
        else:
            w.rejected.append([head["姓名"], head["身份证号"], when.strftime("%Y年%m月%d日"), "家庭人均收入高于低保标准", "低保",
                               head["town"], head["village"]])
        if i % 2 == 0:
            w.monitor(fam, "突发严重困难户", low(), "否")
            w.plant("L01", head["身份证号"], "", "flag", "removed/refused household, now low income (also L01)")
        else:
            w.disable(fam[2], 4, 1, issued=when + dt.timedelta(days=30))
            w.subsidy(fam[2], "重度残疾人护理补贴", 100)
        w.plant("L05", head["身份证号"], "", "flag", "removed/refused in the last year, now low income or newly disabled")
    # traps: removed 18 months ago; removed and re-enrolled; disabled before the removal
    fam = w.family([("户主", 52, "男"), ("妻", 50, "女")])
    w.exits.append([fam[0]["town"], fam[0]["village"], fam[0]["姓名"], fam[0]["身份证号"],
                    (AS_OF - dt.timedelta(days=540)).strftime("%Y/%m/%d"), "家庭收入超过低保标准", "农村低保"])
    w.monitor(fam, "边缘易致贫户", low(), "否")
    w.plant("L01", fam[0]["身份证号"], "", "flag", "low-income monitoring household (its removal is too old for L05)")
    w.plant("L05", fam[0]["身份证号"], "", "trap", "removed 18 months ago")
    for _, h in heads.sample(2, random_state=seed + 5).iterrows():
        w.exits.append([h["township"], h["village"], h["name"], h["id"], (AS_OF - dt.timedelta(days=200)).strftime("%Y/%m/%d"),
                        "死亡减员", "城市低保"])
        w.plant("L05", h["id"], "", "trap", "removed then re-enrolled (on the roster now)")
    fam = w.family([("户主", 55, "男"), ("妻", 53, "女"), ("长子", 25, "男")])
    when = AS_OF - dt.timedelta(days=150)
    w.exits.append([fam[0]["town"], fam[0]["village"], fam[0]["姓名"], fam[0]["身份证号"], when.strftime("%Y/%m/%d"), "子女就业", "农村低保"])
    w.disable(fam[2], 4, 2, issued=dt.date(2015, 5, 5))
    w.subsidy(fam[2], "重度残疾人护理补贴", 100)
    w.plant("L05", fam[0]["身份证号"], "", "trap", "disability known before the removal")

    # --- background: ordinary people on every list, families with able members ---
    for i in range(60 + scale):
        fam = w.family([("户主", r.randint(35, 58), "男"), ("妻", r.randint(33, 56), "女"), ("长子", r.randint(5, 30), "男")])
        eliminated = r.random() < 0.5
        w.monitor(fam, r.choice(["脱贫不稳定户", "边缘易致贫户"]), r.choice([7800, 9000, 12000, 15000]) if not eliminated else low(),
                  "是" if eliminated else "否", risk_date="2025-12-31" if eliminated else "")
    for _, h in heads.sample(20, random_state=seed + 6).iterrows():  # covered households on the monitoring list
        member = {"姓名": h["name"], "身份证号": h["id"], "与户主关系": "户主", "性别": "男", "town": h["township"], "village": h["village"]}
        w.monitor([member], "脱贫不稳定户", low(), "是" if r.random() < 0.7 else "否")
    for i in range(150 + scale):  # disabled people in families, mostly mild; severe ones get the care subsidy
        fam = w.family([("户主", r.randint(30, 58), "男"), ("妻", r.randint(28, 56), "女"), ("长子", r.randint(18, 30), "男")])
        p = fam[r.randrange(3)]
        level = r.choice([1, 2, 3, 3, 4, 4, 4])
        w.disable(p, r.choice(list(DISABILITY)), level)
        if level <= 2:
            w.subsidy(p, r.choice(["重度残疾人护理补贴", "重度残疾人护理补贴", "护理补贴"]), 100)
    for i in range(60 + scale // 2):
        fam = w.family([("户主", r.randint(40, 58), "男"), ("妻", r.randint(38, 56), "女")])
        w.ill(fam[r.randrange(2)], r.choice(DISEASES + MILD), r.randint(800, 30000))
    for d in dead[2:22]:  # removed because they died
        w.exits.append(["", "", d["姓名"], d["身份证号码"], "2026/02/15", "死亡", "农村低保"])
    for i in range(12):
        fam = w.family([("户主", r.randint(40, 58), "男"), ("妻", r.randint(38, 56), "女")])
        w.rejected.append([fam[0]["姓名"], fam[0]["身份证号"], "2026年03月10日", "家庭财产超标（有小汽车）", "低保",
                           fam[0]["town"], fam[0]["village"]])
    return w


def add_supporters(w: World, leads) -> None:
    """Give the existing roster's lone elderly, minors and severely disabled a supporter elsewhere (most people have one).

    Args:
        w: the world.
        leads: L03 leads found on a first pass (people the registry shows no supporter for).
    """
    keep = 3
    # the first three in code-point order of place and name (the order the committed sample was drawn in)
    order = leads.assign(_p=leads["优先级"].map({"高": 0, "中": 1, "低": 2}))
    order = order.sort_values(["乡镇", "村", "_p", "户主姓名", "姓名"], kind="stable")
    for _, row in order[order["现保障类别"] == "低保"].iterrows():
        if keep:
            keep -= 1
            w.plant("L03", row["户主身份证号"], row["身份证号"], "flag", "低保 member alone, no supporter: 低保转特困")
            continue
        pid = row["身份证号"]
        w.son_elsewhere(pid, "男" if int(pid[16]) % 2 else "女", (row["乡镇"], row["村"]))


def write(w: World, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    write_table(out / "防返贫监测对象.xlsx", "xlsx", "清河县2026年防返贫监测对象信息表（截至9月）",
                ["序号", "乡镇(街道)", "行政村", "户主姓名", "户主证件号码", "成员姓名", "成员证件号码", "与户主关系", "家庭人口数",
                 "监测对象类别", "家庭年人均纯收入（元）", "风险是否消除", "风险消除时间", "是否享受低保"], w.monitoring)
    write_table(out / "残疾人信息.csv", "csv-gbk", None,
                ["姓名", "性别", "残疾人证号", "残疾类别", "残疾等级", "所属乡镇", "村（社区）", "发证日期"], w.disabled)
    write_table(out / "重病患者名单.xlsx", "xlsx", "2026年度城乡居民大病保险患者名单",
                ["患者姓名", "公民身份号码", "病种", "年度个人自付费用（元）", "认定日期", "参保乡镇"], w.illness)
    write_table(out / "两项补贴发放名单.xlsx", "xlsx", "清河县2026年第三季度残疾人两项补贴发放花名册",
                ["姓名", "身份证号码", "补贴类别", "发放金额（元）", "所属期"], w.subsidies)
    write_table(out / "停保人员名单.csv", "csv-bom", None,
                ["乡镇", "村（居）", "户主姓名", "户主身份证号", "停保日期", "停保原因", "原保障类别"], w.exits)
    write_table(out / "未获批申请名单.xlsx", "xlsx", "2025年10月至2026年9月低保、特困申请不予批准名单",
                ["申请人姓名", "申请人身份证号", "审批日期", "不予批准原因", "申请类别", "乡镇", "村"], w.rejected)
    header = ["户号", "姓名", "身份证号", "性别", "与户主关系", "住址", "父亲公民身份号码", "母亲公民身份号码"]
    rows = [[p["户号"], p["姓名"], p["身份证号"], p["性别"], p["与户主关系"], p["住址"], *w.parents.get(p["身份证号"], ("", ""))]
            for p in w.registry]
    write_table(out / "户籍人口.csv", "csv-bom", None, header, rows)
    with open(out / "truth_coverage.csv", "w", encoding="utf-8", newline="") as f:
        cw = csv.writer(f)
        cw.writerow(["code", "head_id", "member_id", "expect", "note"])
        cw.writerows(w.truth)


def lists_in(out: Path, county: Path = COUNTY) -> dict[str, Path]:
    """Return list kind → file of a generated folder (the README's example)."""
    return {"monitoring": out / "防返贫监测对象.xlsx", "disabled": out / "残疾人信息.csv", "illness": out / "重病患者名单.xlsx",
            "subsidies": out / "两项补贴发放名单.xlsx", "exits": out / "停保人员名单.csv", "rejected": out / "未获批申请名单.xlsx",
            "registry": out / "户籍人口.csv", "deaths": one(county, "死亡人员名单"),
            "supporters": one(county, "赡养义务人信息")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seed", type=int, default=16)
    ap.add_argument("--out", type=Path, default=COUNTY / "漏保")
    ap.add_argument("--scale", type=int, default=0)
    ap.add_argument("--county", type=Path, default=COUNTY, help="the generated county whose rosters and registry to use")
    a = ap.parse_args(argv)
    from rostercheck.coverage import coverage

    w = build(a.seed, a.scale, a.county)
    write(w, a.out)
    first = coverage(rosters_in(a.county), lists_in(a.out, a.county), AS_OF, codes=["L03"])
    add_supporters(w, first.leads)
    write(w, a.out)
    print(f"wrote {a.out}: {len(w.monitoring)} monitoring rows, {len(w.disabled)} disabled, {len(w.truth)} truth rows")
    return 0


if __name__ == "__main__":
    sys.exit(main())
