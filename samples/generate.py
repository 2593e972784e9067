#!/usr/bin/env python3
"""Generate the fictional sample county 清河县: rosters, reference lists, planted cases and truth files.

Everything is deterministic for a given seed. Run::

    python samples/generate.py [--out samples/county] [--seed 7] [--households 600] [--plain]
                               [--forms worded,coded,decoy]

The default (messy) mode writes the demo files: title rows, merged cells, two-row headers, totals rows,
hidden sheets, damaged IDs, GBK / UTF-16 files, one legacy .xls roster. ``--plain`` writes the same
population as plain one-header xlsx/csv files (for benchmarks at e.g. 80,000 households); the planted
cases and truth files are identical in spirit (planted IDs keep their planted damage).

Besides the worded county, the default writes ``<out>-coded`` (``coded.py``: the same county as the
information systems export it, codes and system layouts); ``--forms decoy`` adds ``<out>-decoy``
(``decoy.py``: decoy columns before the real ones, unusual but valid vocabularies).

Importable: ``County(seed, households).build()`` then ``write_all(county, out, plain)``.
"""

from __future__ import annotations

import argparse
import csv
import itertools
import operator
import datetime as dt
import random
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

AS_OF = dt.date(2026, 9, 30)
PROVINCE, CITY, COUNTY = "湖南省", "宝阳市", "清河县"
STD = {"城市": 716, "农村": 516}
TEKUN_STD = 1576
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_MAP = "10X98765432"

# (township, region code, urban?, villages)
TOWNSHIPS = [
    ("城关镇", "430525", True, ["东门社区", "西街社区", "南湖社区", "北苑社区", "新华社区"]),
    ("河口乡", "430526", False, ["河口村", "渡头村", "沙洲村", "柳湾村", "新塘村"]),
    ("石桥镇", "430526", False, ["石桥村", "枫林村", "金塘村", "双溪村", "青龙村", "长岭村"]),
    ("白沙乡", "430527", False, ["白沙村", "杨柳村", "黄土村", "梅塘村"]),
    ("青山乡", "430527", False, ["青山村", "竹园村", "桃源村", "大坪村", "高峰村"]),
    ("柳林镇", "430528", False, ["柳林村", "新民村", "太平村", "和平村", "东岭村"]),
]
COUNTY_REGIONS = ["430525", "430526", "430527", "430528"]
OTHER_REGIONS = ["430102", "430521", "440306", "330106", "410523", "510107", "360121", "450103"]
OUTSIDE_PLACES = [
    "广东省深圳市宝安区西乡街道固戍社区", "广东省东莞市长安镇乌沙社区", "浙江省杭州市萧山区新塘街道",
    "浙江省义乌市稠城街道", "湖南省长沙市雨花区砂子塘街道", "江苏省苏州市吴中区木渎镇",
    "福建省厦门市集美区杏林街道", "湖南省宝阳市双清区龙须塘街道",
]
UNIVERSITIES = ["湖南省长沙市岳麓区麓山南路932号中南大学", "湖南省湘潭市雨湖区湘潭大学",
                "湖北省武汉市洪山区珞喻路1037号华中科技大学"]

SURNAMES = ("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
            "苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史")
SURNAME_W = [40, 38, 36, 30, 25, 18, 15, 12, 12, 12] + [6] * 20 + [3] * 50
SURNAME_CUM = list(itertools.accumulate(SURNAME_W[:len(SURNAMES)]))
MALE = "伟强军明勇杰涛斌华建国平辉林波刚俊鹏超磊志文海峰宇浩晨博春生福贵德才金根成龙松云飞"
FEMALE = "芳娟敏静丽艳秀英华玲红霞燕梅琴兰凤萍桂珍莲翠菊娥慧婷雪欣怡悦佳琳丹霞春香"
MINORITY = [("阿依古丽·买买提", "女"), ("古丽娜·艾力", "女"), ("扎西·多吉", "男")]

EXEMPT_VEHICLES = ["普通二轮摩托车", "三轮汽车", "低速货车", "拖拉机", "残疾人专用车"]
UNIT_NAMES = [("清河县教育局", "公务员"), ("清河县第一中学", "事业"), ("清河县人民医院", "事业"),
              ("清河县财政局", "公务员"), ("清河县自来水公司", "国企"), ("清河县农商银行", "国企"),
              ("清河县城关镇人民政府", "公务员"), ("清河县石桥镇人民政府", "公务员"),
              ("清河县林业局", "参公"), ("清河县中医院", "事业"), ("清河县供电公司", "国企")]
CADRE_POSTS = ["村支书", "村委会主任", "村会计", "妇女主任", "民政协理员"]


def check_char(first17: str) -> str:
    """ISO 7064 MOD 11-2 check character for 17 digits."""
    return CHECK_MAP[sum(map(operator.mul, map(int, first17), WEIGHTS)) % 11]


def age_on(born: dt.date, on: dt.date = AS_OF) -> int:
    """Completed years on a date."""
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def working_age(p: "Person", margin: int = 0) -> bool:
    """Male 16–60, female 16–55 on AS_OF (widened by margin years on both sides)."""
    a = p.age
    top = 60 if p.sex == "男" else 55
    return 16 - margin <= a <= top + margin


@dataclass
class Person:
    id: str
    name: str
    sex: str
    birth: dt.date
    region: str

    @property
    def age(self) -> int:
        return age_on(self.birth)


@dataclass
class Member:
    p: Person
    rel: str  # roster relation: 户主/配偶/子女/父母/孙子女/兄弟姐妹/儿媳/其他
    labor: str = ""
    health: str = "健康"
    disability: str = ""
    school: str = ""


@dataclass
class Household:
    key: int
    township: str
    village: str
    area: str  # 城市/农村
    members: list[Member]
    phone: str = ""
    bank: str = ""
    address: str = ""
    benefit: int = 0
    planted: bool = False

    @property
    def head(self) -> Member:
        return self.members[0]

    @property
    def size(self) -> int:
        return len(self.members)


@dataclass
class Tekun:
    p: Person
    township: str
    village: str
    mode: str  # 集中/分散
    care: str  # 全自理/半护理/全护理


@dataclass
class Case:
    """One planted case: truth rows plus the households involved (for the next-quarter roster)."""
    code: str
    rows: list[tuple[str, str, str, str]]  # (head_id, member_id, expect, note)
    households: list[Household] = field(default_factory=list)
    level: str = "member"  # member | household
    members: list[str] = field(default_factory=list)


class County:
    """The whole fictional county: population, rosters, lists, planted cases."""

    def __init__(self, seed: int = 7, households: int = 600):
        self.rng = random.Random(seed)
        self.n_households = households
        self.scale = max(households / 600, 0.2)
        self.ids: set[str] = set()
        self.phones: set[str] = set()
        self.banks: set[str] = set()
        self.households: list[Household] = []
        self.tekun: list[Tekun] = []
        self.lists: dict[str, list[dict]] = defaultdict(list)
        self.hukou: dict[str, tuple[str, str, str]] = {}  # person id -> (户号, 与户主关系, 住址)
        self.hukou_seq = 100000
        self.cases: list[Case] = []
        self.damage: dict[str, object] = {}  # person id -> how the roster writes it (str or float)
        self.cadres: list[dict] = []
        self.staff: list[dict] = []
        self.applicants: list[Household] = []
        self.screen_truth: list[tuple[str, str, str]] = []
        self.applicant_income: dict[str, int] = {}  # head ID -> the family's declared monthly income (the batch only)
        self.q4: list[Household] = []
        self.review_truth: list[tuple[str, str, str, str]] = []
        self.dominant: dict[str, str] = {}
        self.hh_key = 0
        self.reg_extra: list[Person] = []  # registry-only people (staff/cadre kin, outsiders)
        self.blank_filed: list[tuple[dict, Person, str]] = []  # planted filings with a blank relative ID
        self.fix_later: dict[str, str] = {}  # D03 bad ID -> true ID (used when "rectified" next quarter)
        self.rq_used: set[str] = set()
        self.listed_ids: set[str] = set()
        self.planted_people: set[str] = set()
        self.q4_fixed: dict[str, str] = {}
        self.roster_cells: dict[str, dict] = {"q3": {}, "q4": {}}  # person id -> the cell the roster wrote

    # ------------------------------------------------------------------ people
    def make_id(self, region: str, birth: dt.date, sex: str) -> str:
        while True:
            seq = self.rng.randrange(0, 500) * 2 + (1 if sex == "男" else 0)
            first = f"{region}{birth:%Y%m%d}{seq:03d}"
            pid = first + check_char(first)
            if pid not in self.ids:
                self.ids.add(pid)
                return pid

    def birth_for_age(self, age: int) -> dt.date:
        end = dt.date(AS_OF.year - age, AS_OF.month, AS_OF.day)
        return end - dt.timedelta(days=self.rng.randrange(0, 365))

    def given(self, sex: str) -> str:
        pool = MALE if sex == "男" else FEMALE
        if self.rng.random() < 0.35:
            return self.rng.choice(pool)
        return self.rng.choice(pool) + self.rng.choice(pool)

    def surname(self) -> str:
        return self.rng.choices(SURNAMES, cum_weights=SURNAME_CUM)[0]

    def person(self, age: int | tuple[int, int], sex: str | None = None, region: str | None = None,
               surname: str | None = None, name: str | None = None) -> Person:
        r = self.rng
        if isinstance(age, tuple):
            age = r.randint(min(age), max(age))
        sex = sex or r.choice("男女")
        region = region or (r.choice(COUNTY_REGIONS) if r.random() < 0.85 else r.choice(OTHER_REGIONS))
        birth = self.birth_for_age(age)
        if name is None:
            name = (surname or self.surname()) + self.given(sex)
        return Person(self.make_id(region, birth, sex), name, sex, birth, region)

    def phone(self) -> str:
        while True:
            ph = "1" + self.rng.choice("3456789") + "".join(self.rng.choice("0123456789") for _ in range(9))
            if ph not in self.phones:
                self.phones.add(ph)
                return ph

    def bank(self) -> str:
        while True:
            b = self.rng.choice(["6228", "6217"]) + "".join(self.rng.choice("0123456789") for _ in range(15))
            if b not in self.banks:
                self.banks.add(b)
                return b

    def new_hukou(self) -> str:
        self.hukou_seq += self.rng.randint(1, 7)
        return f"{self.hukou_seq:09d}"

    def place(self, township: str, village: str) -> str:
        if village.endswith("社区"):
            street = self.rng.choice(["人民路", "解放路", "建设路", "沿河路", "新华街", "文化路"])
            return f"{COUNTY}{township}{village}{street}{self.rng.randint(1, 180)}号"
        return f"{COUNTY}{township}{village}{self.rng.randint(1, 9)}组{self.rng.randint(1, 60)}号"

    # ------------------------------------------------------------------ statuses
    def safe_status(self, m: Member) -> None:
        """Give a member a status for which C08 can never fire."""
        r, p = self.rng, m.p
        a = p.age
        m.labor, m.health, m.disability, m.school = "", "健康", "", ""
        if a < 6:
            return
        if a < 16:
            m.school = "在校"
            return
        if a <= 22 and r.random() < 0.6:
            m.labor, m.school = "有劳动能力", "在校"
            return
        m.school = r.choice(["非在校", ""])
        if working_age(p, margin=1):
            kind = r.choices(["ill_partial", "disabled", "able_ill", "lost_ill"], [35, 25, 25, 15])[0]
            if kind == "ill_partial":
                m.labor, m.health = "部分丧失劳动能力", "患病"
            elif kind == "disabled":
                m.labor = r.choice(["丧失劳动能力", "部分丧失劳动能力"])
                m.health, m.disability = "残疾", r.choice(["一级", "二级", "三级", "四级"])
            elif kind == "able_ill":
                m.labor, m.health = "有劳动能力", "患病"
            else:
                m.labor, m.health = "丧失劳动能力", "患病"
        elif a < 70:
            m.labor, m.health = r.choice([("有劳动能力", "健康"), ("部分丧失劳动能力", "患病"),
                                          ("部分丧失劳动能力", "健康")])
        else:
            m.labor, m.health = "丧失劳动能力", r.choice(["患病", "健康", "患病"])

    # ------------------------------------------------------------------ households
    def new_household(self, township: str | None = None, village: str | None = None,
                      shape: str | None = None, planted: bool = False, head: Person | None = None,
                      area: str | None = None) -> Household:
        r = self.rng
        if township is None:
            t = r.choices(TOWNSHIPS, weights=[20, 16, 20, 14, 15, 15])[0]
        else:
            t = next(x for x in TOWNSHIPS if x[0] == township)
        township, region, urban, villages = t
        village = village or r.choice(villages)
        dom = self.dominant.get(village)

        def sn():
            return dom if dom and r.random() < 0.3 else self.surname()

        def pers(age, sex=None, surname=None):
            return self.person(age, sex, region if r.random() < 0.9 else None, surname or sn())

        shape = shape or r.choices(["old1", "old2", "adult1", "family", "single_parent", "grand",
                                    "adult_parent", "three_gen"], [15, 13, 7, 22, 8, 11, 12, 12])[0]
        ms: list[Member] = []
        if shape == "old1":
            ms.append(Member(head or pers((60, 92)), "户主"))
        elif shape == "old2":
            h = head or pers((62, 88), "男")
            ms += [Member(h, "户主"), Member(pers((max(h.age - 8, 58), h.age + 2), "女"), "配偶")]
        elif shape == "adult1":
            ms.append(Member(head or pers((28, 59)), "户主"))
        elif shape in ("family", "single_parent", "three_gen"):
            h = head or pers((32, 56), "男" if shape != "single_parent" or r.random() < 0.4 else None)
            ms.append(Member(h, "户主"))
            if shape != "single_parent":
                ms.append(Member(pers((h.age - 6, h.age + 2), "女" if h.sex == "男" else "男"), "配偶"))
            kid_sn = h.name[0] if h.sex == "男" else (ms[1].p.name[0] if len(ms) > 1 else h.name[0])
            for _ in range(r.choice([1, 1, 2, 2, 3])):
                ms.append(Member(pers((max(0, h.age - 40), max(0, h.age - 22)), surname=kid_sn), "子女"))
            if shape == "three_gen":
                ms.append(Member(pers((h.age + 22, min(h.age + 35, 95)), surname=h.name[0]), "父母"))
        elif shape == "grand":
            h = head or pers((60, 80))
            ms.append(Member(h, "户主"))
            for _ in range(r.choice([1, 1, 2])):
                ms.append(Member(pers((3, 15), surname=h.name[0] if h.sex == "男" else None), "孙子女"))
        elif shape == "adult_parent":
            h = head or pers((35, 58))
            ms.append(Member(h, "户主"))
            ms.append(Member(pers((h.age + 22, min(h.age + 36, 95)), surname=h.name[0]), "父母"))
        for m in ms:
            self.safe_status(m)
        area = area or ("城市" if urban else "农村")
        self.hh_key += 1
        hh = Household(self.hh_key, township, village, area, ms, planted=planted)
        hh.phone = self.phone() if r.random() < 0.92 else ""
        hh.bank = self.bank() if r.random() < 0.97 else ""
        hh.address = self.place(township, village)
        hh.benefit = self.benefit(hh)
        hk = self.new_hukou()
        for m in ms:
            self.hukou[m.p.id] = (hk, "", hh.address)
        return hh

    def benefit(self, hh: Household) -> int:
        lo, hi = (380, 650) if hh.area == "城市" else (260, 470)
        return hh.size * self.rng.randint(lo, hi) // 10 * 10

    def add(self, hh: Household) -> Household:
        self.households.append(hh)
        return hh

    def planted_hh(self, shape: str, **kw) -> Household:
        return self.add(self.new_household(shape=shape, planted=True, **kw))

    def case(self, code: str, hh: Household | list[Household], member: Person | str | None,
             expect: str = "flag", note: str = "", level: str | None = None) -> Case:
        hhs = hh if isinstance(hh, list) else [hh]
        mid = member.id if isinstance(member, Person) else (member or "")
        rows = [(h.head.p.id, mid, expect, note) for h in hhs]
        c = Case(code, rows, hhs, level or ("member" if mid else "household"), [mid] if mid else [])
        self.cases.append(c)
        return c

    def tekun_case(self, code: str, t: Tekun, expect: str = "flag", note: str = "") -> None:
        self.cases.append(Case(code, [(t.p.id, t.p.id, expect, note)], [], "tekun"))

    # ------------------------------------------------------------------ build
    def build(self) -> "County":
        r = self.rng
        for t in TOWNSHIPS:
            for v in t[3]:
                self.dominant[v] = self.surname()
        self.make_cadres()
        self.make_staff()
        self.make_tekun(int(150 * self.scale))
        self.plant()
        for _ in range(max(self.n_households - len(self.households), 50)):
            self.add(self.new_household())
        r.shuffle(self.households)
        for name, sex in MINORITY:  # a few minority names with a middle dot, on ordinary households
            h = next(h for h in self.households if not h.planted and h.head.p.sex == sex and h.head.p.name not in dict(MINORITY))
            h.head.p.name = name
        self.background_assets()
        self.make_applicants()
        self.make_next_quarter()
        self.background_lists()
        self.finalize()
        return self

    def finalize(self) -> None:
        """Make planted blank-ID filings unambiguous and remember planted people (never damaged at random)."""
        names = defaultdict(Counter)
        for h in self.households + self.q4 + self.applicants:
            for m in h.members:
                names[h.village][m.p.name] += 1
        for t in self.tekun:
            names[t.village][t.p.name] += 1
        for row, p, village in self.blank_filed:
            while names[village][p.name] > 1 or any(x["name"] == p.name for x in self.lists["cadre_relatives"] if x is not row):
                names[village][p.name] -= 1
                p.name = p.name[0] + self.given(p.sex)
                names[village][p.name] += 1
            row["name"] = p.name
        self.planted_people = {m.p.id for h in self.households if h.planted for m in h.members}
        self.planted_people |= {m.p.id for h in self.applicants for m in h.members}

    # -------------------------------------------------------------- staff/cadres
    def family_hukou(self, p: Person, township: str, village: str, kin: int) -> str:
        """Register p as 户主 with `kin` outsider relatives in one 户号; returns the 户号."""
        r = self.rng
        hk = self.new_hukou()
        addr = self.place(township, village)
        self.hukou[p.id] = (hk, "户主", addr)
        if kin >= 1:
            sp = self.person((max(p.age - 6, 20), p.age + 3), "女" if p.sex == "男" else "男")
            self.hukou[sp.id] = (hk, "妻" if sp.sex == "女" else "夫", addr)
            self.reg_extra.append(sp)
        for i in range(max(0, kin - 1)):
            kid = self.person((max(p.age - 38, 0), max(p.age - 22, 1)), surname=p.name[0])
            rel = ("长" if i == 0 else "次") + ("子" if kid.sex == "男" else "女")
            self.hukou[kid.id] = (hk, rel, addr)
            self.reg_extra.append(kid)
        return hk

    def make_cadres(self) -> None:
        r = self.rng
        for t in TOWNSHIPS:
            for v in t[3]:
                for post in CADRE_POSTS:
                    sex = "女" if post == "妇女主任" else ("男" if r.random() < 0.8 else "女")
                    sn = self.dominant[v] if r.random() < 0.45 else None
                    p = self.person((30, 62), sex, t[1], surname=sn)
                    c = {"p": p, "township": t[0], "village": v, "post": post, "phone": self.phone()}
                    c["hukou"] = self.family_hukou(p, t[0], v, r.randint(1, 3))
                    self.cadres.append(c)
                    self.lists["cadres"].append({"name": p.name, "id": p.id, "township": t[0], "village": v,
                                                 "post": post, "phone": c["phone"]})

    def make_staff(self) -> None:
        r = self.rng
        for _ in range(int(350 * self.scale)):
            p = self.person((23, 59))
            unit, cat = r.choice(UNIT_NAMES)
            if r.random() < 0.04:
                cat = "退休"
            self.staff.append({"p": p, "unit": unit, "cat": cat})
            if p.region in COUNTY_REGIONS:
                t = r.choice(TOWNSHIPS)
                self.family_hukou(p, t[0], r.choice(t[3]), r.randint(0, 3))
        for s in self.staff:
            self.lists["staff"].append({"unit": s["unit"], "name": s["p"].name, "id": s["p"].id, "cat": s["cat"]})

    def staff_row(self, p: Person, id_text: str | None = None, cat: str | None = None) -> None:
        unit, c = self.rng.choice(UNIT_NAMES[:-1])
        self.lists["staff"].append({"unit": unit, "name": p.name, "id": id_text or p.id, "cat": cat or c})

    # ------------------------------------------------------------------ 特困
    def make_tekun(self, n: int) -> None:
        r = self.rng
        homes = {}
        for _ in range(n):
            t = r.choice(TOWNSHIPS)
            v = r.choice(t[3])
            if r.random() < 0.12:
                p = self.person((8, 15), region=t[1])
            else:
                p = self.person((60, 95), region=t[1])
            mode = "集中" if p.age >= 60 and r.random() < 0.3 else "分散"
            care = r.choice(["全自理", "全自理", "半护理", "全护理"]) if p.age >= 60 else "全自理"
            tk = Tekun(p, t[0], v, mode, care)
            self.tekun.append(tk)
            if mode == "集中":
                if t[0] not in homes:
                    homes[t[0]] = (self.new_hukou(), f"{COUNTY}{t[0]}敬老院")
                hk, addr = homes[t[0]]
                self.hukou[p.id] = (hk, "集体户成员", addr)
            else:
                self.hukou[p.id] = (self.new_hukou(), "户主", self.place(t[0], v))

    # ------------------------------------------------------------------ planting
    def plant(self) -> None:
        r = self.rng
        L = self.lists
        death = lambda p, d, name=None: L["deaths"].append({"name": name or p.name, "id": p.id, "date": d})
        pension = lambda p, kind, amt, st="正常发放": L["pensions"].append(
            {"name": p.name, "id": p.id, "kind": kind, "amount": amt, "status": st})

        def vehicle(p, vtype, use="非营运", status="正常"):
            L["vehicles"].append({"plate": self.plate(vtype), "type": vtype, "use": use, "owner": p.name,
                                  "id": p.id, "status": status, "reg": self.date_between(2012, 2025)})

        def prop(p, use, area=None, hh=None):
            L["properties"].append({"owner": p.name, "id": p.id, "loc": self.property_loc(use),
                                    "use": use, "area": area or round(r.uniform(60, 140), 2)})

        def biz(p, kind, staff_n, status="存续", place=True):
            L["businesses"].append(self.business_row(p, kind, staff_n, status, place))

        def wages(p, amounts, unit=None):
            unit = unit or r.choice(["清河县宏达建材有限公司", "宝阳市顺丰物流有限公司清河分部", "清河县城关镇物业服务中心"])
            for mo, a in zip(["2026-07", "2026-08", "2026-09"], amounts):
                L["wages"].append({"name": p.name, "id": p.id, "unit": unit, "wage": a, "month": mo})

        def able(m: Member):
            m.labor, m.health, m.disability, m.school = "有劳动能力", "健康", "", "非在校"

        # ---------------- C01: staff / cadre on the roster
        hh = self.planted_hh("adult1")
        p = hh.head.p
        self.staff_row(p, cat="国企")
        self.case("C01", hh, p, note="staff list exact ID (国企)")
        hh = self.planted_hh("adult1")
        # 2-person household: staff head + disabled younger brother in the same 户号 (not C01 kin)
        bro = self.person((hh.head.p.age - 8, hh.head.p.age - 2), "男", surname=hh.head.p.name[0])
        hh.members.append(Member(bro, "兄弟姐妹", "丧失劳动能力", "残疾", "二级", "非在校"))
        self.hukou[bro.id] = self.hukou[hh.head.p.id]
        hh.benefit = self.benefit(hh)
        self.staff_row(hh.head.p, cat="事业")
        self.case("C01", hh, hh.head.p, note="staff list exact ID (事业); brother in same household is not C01 kin")
        hh = self.planted_hh("adult1")
        p = hh.head.p
        # one sequence digit mistyped, original check character kept: MOD 11-2 always detects it
        bad = p.id[:14] + self.mistype(p.id[14:17]) + p.id[17]
        assert check_char(bad[:17]) != bad[17]
        self.staff_row(p, id_text=bad, cat="公务员")
        self.case("C01", hh, p, note="hard: staff list ID has one mistyped sequence digit; name and birth date equal -> 中")
        # cadre on the roster (single person household, no phone so RQ3 cannot fire on himself)
        c = self.rng.choice([c for c in self.cadres if c["post"] == "民政协理员"])
        hh = self.planted_hh("adult1", township=c["township"], village=c["village"], head=c["p"])
        hh.phone = ""
        self.hukou[c["p"].id] = (c["hukou"], "户主", self.hukou[c["p"].id][2])
        self.case("C01", hh, c["p"], note="cadre list exact ID (民政协理员 on the roster himself)")

        # ---------------- C01 via registry: staff's mother / minor child / wife, and a trap (adult child)
        def staff_with_kin():
            s = self.person((35, 50), "男")
            self.staff_row(s)
            self.reg_extra.append(s)
            t = r.choice(TOWNSHIPS)
            hk = self.family_hukou(s, t[0], r.choice(t[3]), 0)
            return s, hk

        s, hk = staff_with_kin()
        hh = self.planted_hh("old1", head=self.person((s.age + 24, s.age + 32), "女"))
        self.hukou[hh.head.p.id] = (hk, "母亲", self.hukou[s.id][2])
        self.case("C01", hh, hh.head.p, note="registry: mother (母亲) of a staff member in his 户号")
        s, hk = staff_with_kin()
        hh = self.planted_hh("grand", head=self.person((66, 74), "女"))
        del hh.members[2:]
        kid2 = self.person(12, "男", surname=s.name[0])
        hh.members[1] = Member(kid2, "孙子女", "", "健康", "", "在校")
        self.hukou[kid2.id] = (hk, "长子", self.hukou[s.id][2])
        self.case("C01", hh, kid2, note="registry: minor son (长子, 12) of a staff member, living with grandmother")
        s, hk = staff_with_kin()
        hh = self.planted_hh("old1", head=self.person((66, 75), "男"))
        wife = self.person((s.age - 5, s.age), "女", surname=hh.head.p.name[0])
        hh.members.append(Member(wife, "子女", "部分丧失劳动能力", "患病", "", "非在校"))
        hh.benefit = self.benefit(hh)
        self.hukou[wife.id] = (hk, "妻", self.hukou[s.id][2])
        self.case("C01", hh, wife, note="registry: wife (妻) of a staff member, enrolled in her father's household")
        s, hk = staff_with_kin()
        hh = self.planted_hh("adult1", head=self.person(25, "女", surname=s.name[0]))
        hh.head.labor, hh.head.health, hh.head.school = "部分丧失劳动能力", "患病", "非在校"
        self.hukou[hh.head.p.id] = (hk, "长女", self.hukou[s.id][2])
        self.case("C01", hh, hh.head.p, "trap", "registry: ADULT daughter (长女, 25) of a staff member: not C01")
        # cadre's mother in the cadre's 户号: C01 (cadre's parent) and RQ2 (unfiled same-户号 kin)
        c = self.rng.choice([c for c in self.cadres if c["post"] == "村委会主任"])
        hh = self.planted_hh("old1", township=c["township"], village=c["village"],
                             head=self.person((c["p"].age + 24, c["p"].age + 30), "女", surname=None))
        self.hukou[hh.head.p.id] = (c["hukou"], "母亲", self.hukou[c["p"].id][2])
        self.case("C01", hh, hh.head.p, note="registry: mother (母亲) of a village cadre in his 户号")
        self.case("RQ2", hh, hh.head.p, note="same 户号 as a cadre (母亲), not on the filing table")
        self.rq_used.add(c["p"].id)

        # ---------------- C02: deaths
        hh = self.planted_hh("old2")
        death(hh.members[1].p, "2026-05-14")
        self.case("C02", hh, hh.members[1].p, note="death list exact ID")
        hh = self.planted_hh("old1")
        death(hh.head.p, "2026-03-02")
        self.case("C02", hh, hh.head.p, note="death list exact ID; the only member (head) is dead")
        hh = self.planted_hh("adult_parent")
        pm = hh.members[1].p
        self.damage[pm.id] = pm.id[:6] + " " + pm.id[6:14] + " " + pm.id[14:]
        death(pm, "2026-07-21")
        self.case("C02", hh, pm, note="death list; roster ID written with spaces (repairable -> 高)")
        hh = self.planted_hh("old2", head=self.person((70, 80), "男", surname="陈"))
        ph = hh.head.p
        death(ph, "2026-01-09", name=ph.name.replace("陈", "陳"))
        self.case("C02", hh, ph, note="death list writes the name in traditional characters (陳); ID exact")
        hh = self.planted_hh("old2", township="城关镇")
        pm = hh.members[1].p
        self.damage[pm.id] = float(int(pm.id[:15]) * 1000)
        death(pm, "2026-06-30")
        self.case("C02", hh, pm, note="hard: roster ID typed as a number (15 significant digits); name + birth -> 中")
        old_tekun = [t for t in self.tekun if t.p.age >= 60]
        self.tekun_used = {old_tekun[0].p.id, old_tekun[1].p.id}
        tk = old_tekun[0]
        death(tk.p, "2026-04-11")
        self.tekun_case("C02", tk, note="特困 person on the death list (head_id = own ID)")
        # trap: namesake of a dead person (same name, other ID and birth date)
        dead_other = self.person((70, 85), "男")
        death(dead_other, "2026-02-20")
        hh = self.planted_hh("old1", head=self.person((62, 68), "男", name=dead_other.name))
        self.case("C02", hh, hh.head.p, "trap", "namesake of a dead person: same name, different ID and birth date")
        # prisoners
        for start, end in (("2025-03-10", "2028-03-09"), ("2026-01-15", "2027-07-14")):
            hh = self.planted_hh("adult_parent", head=self.person((30, 50), "男"))
            L["prisoners"].append({"name": hh.head.p.name, "id": hh.head.p.id, "start": start, "end": end})
            self.case("C02", hh, hh.head.p, note=f"in custody on {AS_OF} ({start} – {end})")
        hh = self.planted_hh("adult_parent", head=self.person((30, 50), "男"))
        L["prisoners"].append({"name": hh.head.p.name, "id": hh.head.p.id, "start": "2024-01-05", "end": "2026-06-30"})
        self.case("C02", hh, hh.head.p, "trap", "prisoner released 2026-06-30, before the review date")
        # migrations
        hh = self.planted_hh("family")
        bride = self.person(27, "女", surname=hh.head.p.name[0])
        hh.members.append(Member(bride, "子女", "部分丧失劳动能力", "患病", "", "非在校"))
        hh.benefit = self.benefit(hh)
        self.hukou[bride.id] = self.hukou[hh.head.p.id]
        L["migrations"].append({"name": bride.name, "id": bride.id, "date": "2026-05-06",
                                "to": OUTSIDE_PLACES[0], "reason": "婚嫁"})
        self.case("C02", hh, bride, note="moved out of the county for marriage (婚嫁, to 广东)")
        hh = self.planted_hh("adult1", head=self.person((30, 45), "男"))
        L["migrations"].append({"name": hh.head.p.name, "id": hh.head.p.id, "date": "2026-03-18",
                                "to": OUTSIDE_PLACES[7], "reason": "务工"})
        self.case("C02", hh, hh.head.p, note="moved out of the county (务工, to 双清区, another county of the same city)")
        hh = self.planted_hh("old1")
        stu = self.person(18, "男", surname=hh.head.p.name[0])
        hh.members.append(Member(stu, "孙子女", "有劳动能力", "健康", "", "在校"))
        hh.benefit = self.benefit(hh)
        self.hukou[stu.id] = self.hukou[hh.head.p.id]
        L["migrations"].append({"name": stu.name, "id": stu.id, "date": "2026-09-05",
                                "to": UNIVERSITIES[0], "reason": "升学"})
        self.case("C02", hh, stu, "trap", "moved for university (升学): excluded")
        hh = self.planted_hh("old2", township="白沙乡")
        L["migrations"].append({"name": hh.members[1].p.name, "id": hh.members[1].p.id, "date": "2026-04-02",
                                "to": f"{PROVINCE}{CITY}{COUNTY}石桥镇枫林村5组", "reason": "投靠亲属"})
        self.case("C02", hh, hh.members[1].p, "trap", "moved to another township inside 清河县")

        # ---------------- C03: pensions
        hh = self.planted_hh("old2")
        pension(hh.head.p, "企业职工基本养老保险", 2860)
        self.case("C03", hh, None, note="企业职工养老金 2860 / 2 persons = 1430 > 516 (农村)")
        hh = self.planted_hh("three_gen", township="城关镇")
        while hh.size > 3:
            hh.members.pop(1 if hh.members[1].rel == "子女" else -2)
        par = next(m for m in hh.members if m.rel == "父母")
        pension(par.p, "机关事业单位养老保险", 3650)
        hh.benefit = self.benefit(hh)
        self.case("C03", hh, None, note=f"机关事业单位养老保险 3650 / {hh.size} persons > 716 (城市)")
        hh = self.planted_hh("old1", township="青山乡", head=self.person((62, 75), "女"))
        pension(hh.head.p, "遗属补助", 620)
        self.case("C03", hh, None, note="遗属补助 620 / 1 person > 516 (农村)")
        hh = self.planted_hh("old2", township="城关镇")
        pension(hh.head.p, "企业职工基本养老保险", 1350)
        pension(hh.members[1].p, "城乡居民基本养老保险", 170)
        self.case("C03", hh, None, note="1350 + 170 = 1520 / 2 = 760 > 716 (城市): two pensions summed")
        # traps
        hh = self.planted_hh("old1")
        pension(hh.head.p, "企业职工基本养老保险", 3200, "终止发放")
        self.case("C03", hh, None, "trap", "pension 3200 terminated (终止发放)")
        hh = self.planted_hh("old2")
        pension(hh.head.p, "企业职工基本养老保险", 2500, "暂停发放")
        self.case("C03", hh, None, "trap", "pension 2500 suspended (暂停发放)")
        hh = self.planted_hh("old1")
        pension(hh.head.p, "城乡居民基本养老保险", 153)
        self.case("C03", hh, None, "trap", "城乡居民基本养老保险 153 in a 1-person household")
        hh = self.planted_hh("three_gen", township="石桥镇")
        while hh.size > 4:
            hh.members.pop(1 if hh.members[1].rel == "子女" else -2)
        while hh.size < 4:
            k = self.person((5, 14), surname=hh.head.p.name[0])
            hh.members.insert(-1, Member(k, "子女", "", "健康", "", "在校"))
            self.hukou[k.id] = self.hukou[hh.head.p.id]
        hh.benefit = self.benefit(hh)
        par = next(m for m in hh.members if m.rel == "父母")
        pension(par.p, "企业职工基本养老保险", 1800)
        self.case("C03", hh, None, "trap", "pension 1800 / 4 persons = 450 <= 516 (农村)")
        hh = self.planted_hh("old2", township="城关镇")
        pension(hh.head.p, "企业职工基本养老保险", 1300)
        self.case("C03", hh, None, "trap", "1300 / 2 persons = 650 <= 716 (城市)")

        # ---------------- C04 vehicles / property / shop
        hh = self.planted_hh("adult_parent")
        vehicle(hh.head.p, "小型轿车")
        self.case("C04", hh, hh.head.p, note="active 小型轿车 (正常)")
        hh = self.planted_hh("family", township="柳林镇")
        vehicle(hh.head.p, "轻型普通货车", "货运")
        self.case("C04", hh, hh.head.p, note="active 轻型普通货车, 使用性质 货运")
        hh = self.planted_hh("adult1", township="城关镇")
        vehicle(hh.head.p, "小型普通客车", "营运")
        self.case("C04", hh, hh.head.p, note="active 小型普通客车 营运")
        hh = self.planted_hh("old2")
        vehicle(hh.members[1].p, "小型轿车", status="逾期未检验")
        self.case("C04", hh, hh.members[1].p, note="小型轿车 逾期未检验: still owned, counts as active")
        hh = self.planted_hh("adult_parent", township="城关镇")
        prop(hh.head.p, "门面房", 42.5)
        self.case("C04", hh, hh.head.p, note="owns a 门面房 (shop property)")
        hh = self.planted_hh("old2", township="城关镇")
        prop(hh.members[1].p, "商业", 65.3)
        self.case("C04", hh, hh.members[1].p, note="owns a 商业 property")
        hh = self.planted_hh("old2")
        prop(hh.head.p, "住宅")
        prop(hh.members[1].p, "住宅")
        self.case("C04", hh, None, note="2 住宅 across household members (head 1, spouse 1)")
        hh = self.planted_hh("adult1")
        prop(hh.head.p, "住宅")
        prop(hh.head.p, "住宅")
        self.case("C04", hh, None, note="2 住宅 owned by the head")
        hh = self.planted_hh("adult_parent", township="石桥镇")
        biz(hh.head.p, "个体工商户", 1)
        self.case("C04", hh, hh.head.p, note="active 个体工商户 with 经营场所, 从业人数 1: a shop (C04), not C05")
        # traps
        for types in (["普通二轮摩托车"], ["三轮汽车", "拖拉机"], ["低速货车"]):
            hh = self.planted_hh("adult_parent")
            for vt in types:
                vehicle(hh.head.p, vt, "货运" if vt in ("三轮汽车", "低速货车") else "非营运")
            self.case("C04", hh, hh.head.p, "trap", "exempt vehicle(s): " + "+".join(types))
        hh = self.planted_hh("adult1")
        hh.head.labor, hh.head.health, hh.head.disability = "部分丧失劳动能力", "残疾", "二级"
        vehicle(hh.head.p, "残疾人专用车")
        self.case("C04", hh, hh.head.p, "trap", "残疾人专用车 of a disabled member: exempt")
        hh = self.planted_hh("adult_parent")
        vehicle(hh.head.p, "小型轿车", status="报废")
        vehicle(hh.head.p, "小型轿车", status="注销")
        self.case("C04", hh, hh.head.p, "trap", "scrapped (报废) and deregistered (注销) cars")
        hh = self.planted_hh("old2")
        prop(hh.head.p, "住宅", 88.0)
        self.case("C04", hh, None, "trap", "a single 住宅")

        # ---------------- C10: several asset signals together
        hh = self.planted_hh("family", township="城关镇")
        vehicle(hh.head.p, "小型轿车")
        prop(hh.head.p, "门面房", 38.0)
        prop(hh.head.p, "住宅")
        prop(hh.members[1].p, "住宅")
        self.case("C04", hh, hh.head.p, note="C10 household: car + 门面房 + 2 住宅 (car/shop owner)")
        self.case("C04", hh, None, note="C10 household: 2 住宅")
        self.case("C10", hh, None, note="car + shop + 2 homes")
        hh = self.planted_hh("family", township="柳林镇")
        vehicle(hh.head.p, "轻型普通货车", "货运")
        biz(hh.head.p, "有限责任公司", 6)
        self.case("C04", hh, hh.head.p, note="C10 household: 货车 (货运)")
        self.case("C05", hh, hh.head.p, note="C10 household: 有限责任公司 with 6 employees")
        self.case("C10", hh, None, note="commercial vehicle + business with employees")

        # ---------------- C05 businesses
        for kind, n, st in (("有限责任公司", 8, "存续"), ("农民专业合作社", 5, "在业"), ("有限责任公司", 2, "在业")):
            hh = self.planted_hh("adult_parent")
            biz(hh.head.p, kind, n, st)
            self.case("C05", hh, hh.head.p, note=f"active {kind} ({st}) with 从业人数 {n}")
        for kind, n, st in (("有限责任公司", 6, "注销"), ("农民专业合作社", 3, "吊销"), ("个体工商户", 2, "注销")):
            hh = self.planted_hh("adult_parent")
            biz(hh.head.p, kind, n, st)
            self.case("C05", hh, hh.head.p, "trap", f"{kind} {st} (从业人数 {n}): not active")

        # ---------------- C06 wages (all planted earners have rows for all three months)
        hh = self.planted_hh("family", township="青山乡")
        while hh.size > 3:
            hh.members.pop()
        hh.benefit = self.benefit(hh)
        wages(hh.head.p, [3500, 3600, 3400])
        self.case("C06", hh, None, note=f"wages avg 3500 / {hh.size} persons > 516")
        hh = self.planted_hh("old2", township="城关镇", head=self.person((50, 58), "男"))
        hh.members[1] = Member(self.person((48, 53), "女"), "配偶", "部分丧失劳动能力", "患病", "", "非在校")
        self.hukou[hh.members[1].p.id] = self.hukou[hh.head.p.id]
        for m in hh.members:
            if m.health == "健康" and m.labor == "有劳动能力":
                m.health = "患病"
        wages(hh.head.p, [1200, 1200, 1200])
        wages(hh.members[1].p, [800, 800, 800])
        self.case("C06", hh, None, note="wages 1200 + 800 = 2000 / 2 persons = 1000 > 716 (城市)")
        hh = self.planted_hh("family", township="白沙乡")
        while hh.size > 4:
            hh.members.pop()
        while hh.size < 4:
            k = self.person((5, 14), surname=hh.head.p.name[0])
            hh.members.append(Member(k, "子女", "", "健康", "", "在校"))
            self.hukou[k.id] = self.hukou[hh.head.p.id]
        hh.benefit = self.benefit(hh)
        wages(hh.head.p, [2400, 2400, 2400])
        wages(hh.members[1].p, [1800, 1750, 1850])
        self.case("C06", hh, None, note="wages 2400 + 1800 = 4200 / 4 persons = 1050 > 516")
        hh = self.planted_hh("family", township="青山乡")
        while hh.size < 5:
            k = self.person((5, 14), surname=hh.head.p.name[0])
            hh.members.append(Member(k, "子女", "", "健康", "", "在校"))
            self.hukou[k.id] = self.hukou[hh.head.p.id]
        while hh.size > 5:
            hh.members.pop()
        hh.benefit = self.benefit(hh)
        wages(hh.head.p, [1900, 1900, 1900])
        self.case("C06", hh, None, "trap", "wages 1900 / 5 persons = 380 <= 516")
        hh = self.planted_hh("family", township="城关镇")
        while hh.size > 3:
            hh.members.pop()
        while hh.size < 3:
            k = self.person((5, 14), surname=hh.head.p.name[0])
            hh.members.append(Member(k, "子女", "", "健康", "", "在校"))
            self.hukou[k.id] = self.hukou[hh.head.p.id]
        hh.benefit = self.benefit(hh)
        wages(hh.head.p, [1800, 1800, 1800])
        self.case("C06", hh, None, "trap", "wages 1800 / 3 persons = 600 <= 716 (城市)")

        # ---------------- C07 supporters
        def supported(note, expect="flag"):
            hh = self.planted_hh("old1", head=self.person((68, 85)))
            sp = self.person((38, 55), surname=hh.head.p.name[0])
            L["supporters"].append({"sname": hh.head.p.name, "sid": hh.head.p.id, "name": sp.name, "id": sp.id,
                                    "rel": "儿子" if sp.sex == "男" else "女儿"})
            self.case("C07", hh, hh.head.p, expect, note)
            return sp

        sp = supported("supporter is on the staff list")
        self.staff_row(sp, cat="事业")
        sp = supported("supporter owns an active 小型轿车")
        vehicle(sp, "小型轿车")
        sp = supported("supporter runs an active 个体工商户")
        biz(sp, "个体工商户", 1, "在业")
        sp = supported("supporter earns wages 4200/month (> 2 x 516)")
        wages(sp, [4200, 4200, 4200])
        sp = supported("supporter owns only a motorcycle", "trap")
        vehicle(sp, "普通二轮摩托车")
        st = next(s for s in self.staff if s["cat"] != "退休")["p"]
        sp = supported("supporter is a NAMESAKE of a staff member (different ID)", "trap")
        L["supporters"][-1]["name"] = st.name
        sp = supported("supporter earns wages 900/month (<= 1032)", "trap")
        wages(sp, [900, 900, 900])

        # ---------------- C08 working-age able-bodied (everyone else is made non-able on purpose)
        for age, sex in ((35, "男"), (45, "女"), (58, "男"), (22, "女"), (19, "男")):
            hh = self.planted_hh("adult1" if age > 25 else "grand", head=None if age > 25 else self.person((62, 75)))
            if age > 25:
                m = hh.head
                m.p = self.person(age, sex)
                hh.members[0] = m
                self.hukou[m.p.id] = (self.new_hukou(), "", hh.address)
            else:
                del hh.members[1:]
                m = Member(self.person(age, sex, surname=hh.head.p.name[0]), "孙子女")
                hh.members.append(m)
                self.hukou[m.p.id] = self.hukou[hh.head.p.id]
            able(m)
            hh.benefit = self.benefit(hh)
            self.case("C08", hh, m.p, note=f"{sex} {age}, 有劳动能力, 健康, 非在校, no disability")
        traps = ((20, "男", "student 在校"), (40, "男", "残疾 四级"), (61, "男", "61-year-old man"),
                 (57, "女", "57-year-old woman"))
        for age, sex, what in traps:
            hh = self.planted_hh("adult1")
            m = hh.head
            m.p = self.person(age, sex)
            self.hukou[m.p.id] = (self.new_hukou(), "", hh.address)
            able(m)
            if "student" in what:
                m.school = "在校"
            if "残疾" in what:
                m.health, m.disability = "残疾", "四级"
            self.case("C08", hh, m.p, "trap", f"{what}: otherwise 有劳动能力/健康")

        # ---------------- RQ: 人情保
        def cadre(post=None):
            c = r.choice([c for c in self.cadres if c["p"].id not in self.rq_used and (post is None or c["post"] == post)])
            self.rq_used.add(c["p"].id)
            return c

        for rel in ("兄弟", "姐妹"):
            c = cadre()
            hh = self.planted_hh("adult1", township=c["township"], village=c["village"],
                                 head=self.person((c["p"].age - 6, c["p"].age + 6), "男" if rel == "兄弟" else "女",
                                                  surname=c["p"].name[0]))
            L["cadre_relatives"].append({"cname": c["p"].name, "cid": c["p"].id, "name": hh.head.p.name,
                                         "id": hh.head.p.id, "rel": rel})
            self.case("RQ1", hh, hh.head.p, note=f"filed relative ({rel}) of a cadre, filed with ID")
        for rel in ("侄子", "堂兄弟"):
            c = cadre()
            hh = self.planted_hh("adult_parent", township=c["township"], village=c["village"],
                                 head=self.person((28, 50), "男", surname=c["p"].name[0]))
            target = hh.head.p
            row = {"cname": c["p"].name, "cid": c["p"].id, "name": target.name, "id": "", "rel": rel}
            L["cadre_relatives"].append(row)
            self.blank_filed.append((row, target, c["village"]))
            self.case("RQ1", hh, target, note=f"filed relative ({rel}) with BLANK ID: name + cadre's village")
        c = cadre()
        hh = self.planted_hh("adult1", township=c["township"], village=c["village"],
                             head=self.person((c["p"].age - 10, c["p"].age - 2), "男", surname=c["p"].name[0]))
        self.hukou[hh.head.p.id] = (c["hukou"], "弟", self.hukou[c["p"].id][2])
        self.case("RQ2", hh, hh.head.p, note="cadre's younger brother (弟) in the cadre's 户号, not filed")
        c = cadre()
        son = self.person(max(c["p"].age - 26, 24), "男", surname=c["p"].name[0])
        hh = self.planted_hh("grand", township=c["township"], village=c["village"], head=son)
        del hh.members[1:]
        gk = self.person(8, "女", surname=son.name[0])
        hh.members.append(Member(gk, "子女", "", "健康", "", "在校"))
        hh.head.labor, hh.head.health, hh.head.school = "部分丧失劳动能力", "患病", "非在校"
        hh.benefit = self.benefit(hh)
        self.hukou[son.id] = (c["hukou"], "长子", self.hukou[c["p"].id][2])
        self.hukou[gk.id] = (c["hukou"], "孙女", self.hukou[c["p"].id][2])
        self.case("RQ2", hh, son, note="cadre's ADULT son (长子) in the cadre's 户号, not filed")
        self.case("RQ2", hh, gk, note="cadre's granddaughter (孙女) in the cadre's 户号, not filed")
        for _ in range(3):
            c = cadre()
            hh = self.planted_hh("old2", township=c["township"], village=c["village"])
            self.phones.discard(hh.phone)
            hh.phone = c["phone"]
            self.case("RQ3", hh, None, note=f"household 联系电话 is the phone of a cadre ({c['post']})")
        for _ in range(2):
            c = cadre()
            hh = self.planted_hh("old1", township=c["township"], village=c["village"],
                                 head=self.person((65, 80), "男", surname=c["p"].name[0]))
            self.case("RQ1", hh, hh.head.p, "trap", "same surname and village as a cadre, nothing else")

        # ---------------- D01 duplicates
        hh1 = self.planted_hh("old2")
        hh2 = self.planted_hh("adult_parent")
        dup = self.person((8, 14), surname=hh1.head.p.name[0])
        hh1.members.append(Member(dup, "孙子女", "", "健康", "", "在校"))
        hh2.members.append(Member(dup, "其他", "", "健康", "", "在校"))
        self.hukou[dup.id] = self.hukou[hh1.head.p.id]
        for h in (hh1, hh2):
            h.benefit = self.benefit(h)
        c = self.case("D01", [hh1, hh2], dup, note="same child enrolled in two 低保 households")
        tk = old_tekun[1]
        hh = self.planted_hh("adult_parent", township=tk.township, village=tk.village)
        hh.members[1] = Member(tk.p, "父母", "丧失劳动能力", "患病", "", "非在校")
        hh.benefit = self.benefit(hh)
        self.case("D01", hh, tk.p, note="member is also on the 特困 roster")
        self.tekun_case("D01", tk, note="特困 person also enrolled in a 低保 household")
        # D02 shared bank accounts (groups move together in the next quarter)
        for n in (2, 3):
            hs = [self.planted_hh(r.choice(["old1", "old2"])) for _ in range(n)]
            for h in hs[1:]:
                h.bank = hs[0].bank
            self.case("D02", hs, None, note=f"{n} households paid into one 银行账号")
        # D03 bad IDs on non-head members
        for kind in ("check", "check", "date", "date"):
            hh = self.planted_hh("adult_parent", township="河口乡" if len(self.cases) % 2 else "青山乡")
            m = hh.members[1]
            if kind == "check":
                good = m.p.id
                wrong = CHECK_MAP[(CHECK_MAP.index(good[17]) + 3) % 11]
                bad = good[:17] + wrong
                note = "wrong check character"
            else:
                bd = "19870231" if not any(c.code == "D03" and "0231" in c.rows[0][3] for c in self.cases) else "19900931"
                first = m.p.region + bd + m.p.id[14:17]
                bad = first + check_char(first)
                note = f"impossible birth date {bd} (check character computed over it)"
            self.damage[m.p.id] = bad
            self.fix_later[bad] = m.p.id
            c = self.case("D03", hh, bad, note=note)
            c.members = [bad]

    def mistype(self, digits: str) -> str:
        i = self.rng.randrange(len(digits))
        d = str((int(digits[i]) + self.rng.randint(1, 8)) % 10)
        return digits[:i] + d + digits[i + 1:]

    # ------------------------------------------------------------------ helpers for rows
    def date_in(self, start: str, end: str, fmt: str = "%Y-%m-%d") -> str:
        a, b = dt.date.fromisoformat(start), dt.date.fromisoformat(end)
        return (a + dt.timedelta(days=self.rng.randrange((b - a).days + 1))).strftime(fmt)

    def date_between(self, y0: int, y1: int) -> str:
        d = dt.date(y0, 1, 1) + dt.timedelta(days=self.rng.randrange((dt.date(y1, 12, 31) - dt.date(y0, 1, 1)).days))
        return d.isoformat()

    def plate(self, vtype: str) -> str:
        r = self.rng
        chars = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789"
        pre = "湘E" if r.random() < 0.8 else r.choice(["湘A", "粤B", "浙A", "湘F"])
        tail = "".join(r.choice(chars) for _ in range(5))
        if vtype == "拖拉机":
            return "湘05-" + "".join(r.choice("0123456789") for _ in range(5))
        return pre + tail

    def property_loc(self, use: str) -> str:
        r = self.rng
        t = r.choice(TOWNSHIPS)
        if use == "住宅":
            if r.random() < 0.5:
                return f"{COUNTY}{t[0]}{r.choice(['锦绣花园', '滨江小区', '阳光新城', '金桂苑'])}{r.randint(1, 20)}栋{r.randint(1, 4)}单元{r.randint(1, 18)}0{r.randint(1, 4)}室"
            return self.place(t[0], r.choice(t[3]))
        return f"{COUNTY}城关镇{r.choice(['解放路', '人民路', '步行街', '建设路'])}{r.randint(1, 200)}号{r.choice(['门面', '商铺', '1层'])}"

    def business_row(self, p: Person, kind: str, staff_n: int, status: str, place: bool = True) -> dict:
        r = self.rng
        t = r.choice(TOWNSHIPS)
        if kind == "个体工商户":
            nm = f"{COUNTY}{t[0]}{p.name}{r.choice(['便利店', '小吃店', '农资店', '理发店', '五金店', '修理部'])}"
        elif kind == "农民专业合作社":
            nm = f"{COUNTY}{r.choice(t[3])}{r.choice(['种养', '油茶', '生猪养殖', '蔬菜'])}专业合作社"
        else:
            nm = f"{COUNTY}{r.choice(['宏盛', '兴旺', '鑫源', '福达', '众联'])}{r.choice(['建材', '农业开发', '商贸', '运输'])}有限责任公司"
        return {"bname": nm, "kind": kind, "owner": p.name, "id": p.id,
                "place": self.property_loc("商业") if place else "", "staff": staff_n, "status": status,
                "since": self.date_between(2010, 2025)}

    # ------------------------------------------------------------------ background
    def background_assets(self) -> None:
        """Harmless signals on ordinary households: small pensions, single homes, exempt vehicles, low wages."""
        r = self.rng
        L = self.lists
        for hh in self.households:
            if hh.planted:
                continue
            std = STD[hh.area]
            income = 0
            for m in hh.members:
                if m.p.age >= 60 and r.random() < 0.7:
                    amt = r.randint(128, 210)
                    L["pensions"].append({"name": m.p.name, "id": m.p.id, "kind": "城乡居民基本养老保险",
                                          "amount": amt, "status": "正常发放"})
                    income += amt
            if r.random() < (0.25 if hh.area == "农村" else 0.1):
                L["properties"].append({"owner": hh.head.p.name, "id": hh.head.p.id,
                                        "loc": self.place(hh.township, hh.village), "use": "住宅",
                                        "area": round(r.uniform(70, 160), 2)})
            if r.random() < 0.08:
                vt = r.choice(["普通二轮摩托车", "普通二轮摩托车", "三轮汽车", "拖拉机"])
                L["vehicles"].append({"plate": self.plate(vt), "type": vt, "use": "非营运", "owner": hh.head.p.name,
                                      "id": hh.head.p.id, "status": "正常", "reg": self.date_between(2012, 2025)})
            if r.random() < 0.03:
                L["businesses"].append(self.business_row(hh.head.p, "个体工商户", r.randint(1, 3), "注销"))
            if hh.size >= 3 and r.random() < 0.1:
                earners = [m for m in hh.members if 20 <= m.p.age <= 58]
                if earners:
                    cap = int(0.6 * std * hh.size - income)
                    w = min(r.randint(500, 1200), cap)
                    if w >= 300:
                        e = r.choice(earners)
                        for mo in ("2026-07", "2026-08", "2026-09"):
                            L["wages"].append({"name": e.p.name, "id": e.p.id, "unit": "清河县城关镇环卫所", "wage": w, "month": mo})
            if hh.size <= 2 and hh.head.p.age >= 65 and r.random() < 0.5:
                sp = self.person((35, 60), surname=hh.head.p.name[0])
                L["supporters"].append({"sname": hh.head.p.name, "sid": hh.head.p.id, "name": sp.name, "id": sp.id,
                                        "rel": "儿子" if sp.sex == "男" else "女儿"})
                if r.random() < 0.15:
                    vt = "普通二轮摩托车"
                    L["vehicles"].append({"plate": self.plate(vt), "type": vt, "use": "非营运", "owner": sp.name,
                                          "id": sp.id, "status": "正常", "reg": self.date_between(2012, 2025)})
        for tk in self.tekun:
            if tk.p.id not in self.tekun_used and tk.p.age >= 60 and r.random() < 0.6:
                L["pensions"].append({"name": tk.p.name, "id": tk.p.id, "kind": "城乡居民基本养老保险",
                                      "amount": r.randint(128, 210), "status": "正常发放"})

    def background_lists(self) -> None:
        """Rows about people on no roster (the haystack)."""
        r, s, L = self.rng, self.scale, self.lists
        n = lambda k: max(int(k * s), 5)
        for _ in range(n(200)):
            p = self.person((55, 98))
            L["deaths"].append({"name": p.name, "id": p.id, "date": self.date_in("2025-01-01", "2026-09-25")})
        for _ in range(n(60)):
            p = self.person((20, 55), r.choice("男男男女"))
            start = dt.date(2022, 1, 1) + dt.timedelta(days=r.randrange(1600))
            end = start + dt.timedelta(days=r.randrange(200, 3000))
            L["prisoners"].append({"name": p.name, "id": p.id, "start": start.isoformat(), "end": end.isoformat()})
        for _ in range(n(250)):
            p = self.person((0, 70))
            reason = r.choices(["务工", "婚嫁", "升学", "投靠亲属", "购房", "工作调动"], [30, 20, 15, 15, 15, 5])[0]
            to = r.choice(UNIVERSITIES) if reason == "升学" else (
                r.choice(OUTSIDE_PLACES) if r.random() < 0.7 else f"{PROVINCE}{CITY}{COUNTY}{r.choice(TOWNSHIPS)[0]}")
            L["migrations"].append({"name": p.name, "id": p.id, "date": self.date_in("2025-01-01", "2026-09-25"),
                                    "to": to, "reason": reason})
        for _ in range(n(900)):
            p = self.person((55, 95))
            kind = r.choices(["城乡居民基本养老保险", "企业职工基本养老保险", "机关事业单位养老保险", "遗属补助"], [55, 30, 10, 5])[0]
            amt = {"城乡居民基本养老保险": r.randint(128, 260), "企业职工基本养老保险": r.randint(2000, 4000),
                   "机关事业单位养老保险": r.randint(3500, 6500), "遗属补助": r.randint(300, 900)}[kind]
            st = r.choices(["正常发放", "暂停发放", "终止发放"], [90, 5, 5])[0]
            L["pensions"].append({"name": p.name, "id": p.id, "kind": kind, "amount": amt, "status": st})
        vtypes = ["小型轿车", "小型轿车", "小型轿车", "小型普通客车", "轻型普通货车", "重型半挂牵引车",
                  "普通二轮摩托车", "普通二轮摩托车", "三轮汽车", "低速货车", "拖拉机", "残疾人专用车"]
        for _ in range(n(700)):
            p = self.person((20, 70))
            vt = r.choice(vtypes)
            use = "营运" if vt == "小型普通客车" and r.random() < 0.3 else ("货运" if "货" in vt or "牵引" in vt else "非营运")
            L["vehicles"].append({"plate": self.plate(vt), "type": vt, "use": use, "owner": p.name, "id": p.id,
                                  "status": r.choices(["正常", "报废", "注销", "逾期未检验"], [80, 6, 6, 8])[0],
                                  "reg": self.date_in("2008-01-01", "2026-09-01")})
        for _ in range(n(800)):
            p = self.person((25, 80))
            use = r.choices(["住宅", "商业", "商服", "门面房", "工业"], [75, 8, 6, 8, 3])[0]
            L["properties"].append({"owner": p.name, "id": p.id, "loc": self.property_loc(use), "use": use,
                                    "area": round(r.uniform(40, 300 if use != "住宅" else 160), 2)})
        for _ in range(n(500)):
            p = self.person((22, 65))
            kind = r.choices(["个体工商户", "有限责任公司", "农民专业合作社"], [75, 18, 7])[0]
            L["businesses"].append(self.business_row(p, kind, r.randint(1, 12), r.choices(["存续", "在业", "注销", "吊销"], [50, 25, 18, 7])[0]))
        units = ["清河县宏达建材有限公司", "清河县人民医院", "清河县自来水公司", "宝阳市顺丰物流有限公司清河分部",
                 "清河县城关镇环卫所", "清河县金桂苑物业管理有限公司"]
        for _ in range(n(400)):
            p = self.person((20, 60))
            unit, base = r.choice(units), r.randint(1800, 6500)
            months = ["2026-07", "2026-08", "2026-09"] if r.random() < 0.85 else r.sample(["2026-07", "2026-08", "2026-09"], 2)
            for mo in sorted(months):
                L["wages"].append({"name": p.name, "id": p.id, "unit": unit, "wage": base + r.randint(-200, 200) // 10 * 10, "month": mo})
        # cadre filings: spouse/children with IDs (from the registry), siblings often without ID
        members_by_village = defaultdict(set)
        for hh in self.households + self.q4 + self.applicants:
            for m in hh.members:
                members_by_village[hh.village].add(m.p.name)
        for tk in self.tekun:
            members_by_village[tk.village].add(tk.p.name)
        by_hukou = defaultdict(list)
        for pid, (hk, rel, _a) in self.hukou.items():
            by_hukou[hk].append((pid, rel))
        extra = {p.id: p for p in self.reg_extra}
        for c in self.cadres:
            if c["p"].id in self.rq_used or r.random() < 0.3:
                continue
            for pid, rel in by_hukou[c["hukou"]]:
                if rel == "户主" or pid not in extra:
                    continue
                kin = extra[pid]
                frel = {"妻": "配偶", "夫": "配偶"}.get(rel, "子女")
                # a blank ID only when no recipient in the cadre's village has that name
                blank = r.random() < 0.3 and kin.name not in members_by_village[c["village"]]
                L["cadre_relatives"].append({"cname": c["p"].name, "cid": c["p"].id, "name": kin.name,
                                             "id": "" if blank else kin.id, "rel": frel})
            for _ in range(r.randint(0, 2)):
                while True:
                    sib = self.person((c["p"].age - 10, c["p"].age + 10), surname=c["p"].name[0])
                    if sib.name not in members_by_village[c["village"]]:
                        break
                L["cadre_relatives"].append({"cname": c["p"].name, "cid": c["p"].id, "name": sib.name,
                                             "id": sib.id if r.random() < 0.4 else "", "rel": r.choice(["兄弟姐妹", "兄弟姐妹", "父母"])})
        # registry outsiders
        for _ in range(n(500)):
            t = r.choice(TOWNSHIPS)
            p = self.person((18, 85), region=t[1])
            self.family_hukou(p, t[0], r.choice(t[3]), r.randint(0, 3))
            self.reg_extra.append(p)

    # ------------------------------------------------------------------ applicants
    def make_applicants(self) -> None:
        r = self.rng
        L = self.lists
        n = 40
        shapes = {0: "adult_parent", 1: "family", 2: "grand", 3: "old2", 4: "adult_parent", 5: "old1", 6: "adult_parent"}
        for i in range(n):
            hh = self.new_household(shape=shapes.get(i) or r.choice(["old1", "old2", "family", "adult_parent", "grand", "adult1"]))
            self.applicants.append(hh)
            verdict, note = "无疑点", "clean"
            if i == 0:
                self.staff_row(hh.head.p)
                verdict, note = "有疑点", "C01: the head is on the staff list"
            elif i == 1:
                L["vehicles"].append({"plate": self.plate("小型轿车"), "type": "小型轿车", "use": "非营运", "owner": hh.head.p.name,
                                      "id": hh.head.p.id, "status": "正常", "reg": "2023-04-18"})
                verdict, note = "有疑点", "C04: the head owns an active 小型轿车"
            elif i == 2:
                cur = next(h for h in self.households if not h.planted and h.size >= 2 and h.members[-1].p.age < 16)
                kid = cur.members[-1]
                hh.members.append(Member(kid.p, "孙子女", kid.labor, kid.health, kid.disability, kid.school))
                verdict, note = "有疑点", "D01: a member is already enrolled in a current 低保 household"
            elif i == 3:
                m = hh.members[-1]
                L["deaths"].append({"name": m.p.name, "id": m.p.id, "date": "2026-08-03"})
                verdict, note = "有疑点", "C02: a listed member (spouse) is on the death list"
            elif i == 4:
                L["vehicles"].append({"plate": self.plate("普通二轮摩托车"), "type": "普通二轮摩托车", "use": "非营运",
                                      "owner": hh.head.p.name, "id": hh.head.p.id, "status": "正常", "reg": "2021-09-01"})
                note = "only a motorcycle (exempt)"
            elif i == 5:
                st = next(s["p"] for s in self.staff[5:] if s["cat"] != "退休")
                old = hh.head.p
                birth = self.birth_for_age(max(st.age + 9, 62))
                new = Person(self.make_id(old.region, birth, st.sex), st.name, st.sex, birth, old.region)
                hh.members[0] = Member(new, "户主")
                self.safe_status(hh.members[0])
                self.hukou[new.id] = self.hukou.pop(old.id)
                note = "head is a namesake of a staff member (different ID and birth date)"
            elif i == 6:
                L["businesses"].append(self.business_row(hh.head.p, "有限责任公司", 5, "存续"))
                verdict, note = "有疑点", "C05: the head runs an active company with 5 employees"
            # every family declares a monthly income (30-70 % of its standard a person, no random draw: the county's
            # other files stay byte-identical); the 8th above the standard (S02), the 9th exactly at it (trap)
            std = STD[hh.area]
            per_person = std + 150 if i == 7 else std if i == 8 else std * (3 + i % 5) // 10
            self.applicant_income[hh.head.p.id] = per_person * hh.size
            if i == 7:
                verdict, note = "有疑点", f"S02: declared {per_person * hh.size} / {hh.size} persons > {std} ({hh.area})"
            elif i == 8:
                note = f"trap S02: declared {per_person * hh.size} / {hh.size} persons = {std} ({hh.area}), not above"
            self.screen_truth.append((hh.head.p.id, verdict, note))

    # ------------------------------------------------------------------ next quarter
    def make_next_quarter(self) -> None:
        """Q4 roster: planted flag cases are rectified (removed) or not; a few new clean households."""
        r = random.Random(self.rng.random())
        action: dict[int, str] = {}
        remove_members: dict[int, set[str]] = defaultdict(set)
        fixed_ids: dict[str, str] = {}
        hh_level = {h.key for c in self.cases if c.level == "household" for h in c.households}
        for c in self.cases:
            if c.level == "tekun" or all(row[2] == "trap" for row in c.rows):
                continue
            rectify = r.random() < 0.45
            if not rectify:
                continue
            if c.level == "household":
                for h in c.households:
                    action[h.key] = "remove"
            elif c.code == "D03":
                fixed_ids[c.members[0]] = self.fix_later[c.members[0]]
            else:
                for h in c.households:
                    mids = set(c.members)
                    head_hit = h.head.p.id in mids or (self.damage.get(h.head.p.id) in mids)
                    if head_hit or h.size == 1 or h.key in hh_level:
                        action[h.key] = "remove"
                    else:
                        remove_members[h.key] |= mids
        q4 = []
        for h in self.households:
            if action.get(h.key) == "remove":
                continue
            if h.key in remove_members:
                ms = [m for m in h.members if m.p.id not in remove_members[h.key]]
                h2 = Household(h.key, h.township, h.village, h.area, ms, h.phone, h.bank, h.address, 0, h.planted)
                h2.benefit = self.benefit(h2)
                q4.append(h2)
            else:
                q4.append(h)
        # a little natural churn among background households and a few newcomers
        q4 = [h for h in q4 if h.planted or r.random() > 0.02]
        for _ in range(max(10, self.n_households // 60)):
            q4.append(self.new_household())
        self.q4 = q4
        self.q4_fixed = fixed_ids
        present_members = set()
        for h in q4:
            for m in h.members:
                raw = self.damage.get(m.p.id)
                if isinstance(raw, str) and raw in self.fix_later and raw not in fixed_ids:
                    present_members.add(raw)
                else:
                    present_members.add(m.p.id)
        present_heads = {h.head.p.id for h in q4}
        for c in self.cases:
            if c.level == "tekun":
                continue
            for head_id, mid, expect, _note in c.rows:
                if expect != "flag":
                    continue
                if c.level == "household":
                    done = head_id not in present_heads
                else:
                    done = mid not in present_members
                self.review_truth.append((c.code, head_id, mid, "已整改" if done else "未整改"))


# ====================================================================== writing
def rel_variant(m: Member, head: Member, style: str) -> str:
    """Relation to the head in another vocabulary: 'hekou' (妻子/儿子…) or 'police' (妻/长子…)."""
    sex = m.p.sex
    if m.rel == "户主":
        return "户主"
    if m.rel == "配偶":
        return ("妻子" if sex == "女" else "丈夫") if style == "hekou" else ("妻" if sex == "女" else "夫")
    if m.rel == "子女":
        return ("儿子" if sex == "男" else "女儿") if style == "hekou" else ("子" if sex == "男" else "女")
    if m.rel == "父母":
        return "父亲" if sex == "男" else "母亲"
    if m.rel == "孙子女":
        return "孙子" if sex == "男" else "孙女"
    if m.rel == "兄弟姐妹":
        older = m.p.birth < head.p.birth
        if style == "hekou":
            return "兄弟" if sex == "男" else "姐妹"
        return ("兄" if older else "弟") if sex == "男" else ("姐" if older else "妹")
    return m.rel


def roster_id(county: County, pid: str, messy: bool, rng: random.Random | None = None):
    """How an ID is written into a roster cell: planted damage always, background damage only when messy."""
    if pid in county.damage:
        return county.damage[pid]
    if messy and rng is not None:
        x = rng.random()
        if pid in county.planted_people:
            return pid
        if pid.endswith("X") and x < 0.2:
            return pid[:-1] + "x"
        if x < 0.006:
            return pid + " "
        if x < 0.009:
            return "".join(chr(ord(ch) + 0xFEE0) if ch.isdigit() and i in (3, 9) else ch for i, ch in enumerate(pid))
        if x < 0.015 and not county_is_listed(county, pid):
            return float(int(pid[:15]) * 1000)
    return pid


def county_is_listed(county: County, pid: str) -> bool:
    return pid in county.listed_ids


ROSTER_COLS_HH = ["乡镇", "村（社区）", "户主姓名", "户主身份证号", "家庭人口", "保障人口", "城乡类别",
                  "月保障金（元）", "银行账号", "联系电话", "家庭住址"]
ROSTER_COLS_M = ["成员姓名", "与户主关系", "成员身份证号码", "性别", "劳动能力", "健康状况", "残疾等级", "在校情况"]


def household_values(h: Household, head_id_cell) -> list:
    return [h.township, h.village, h.head.p.name, head_id_cell, h.size, h.size, h.area, h.benefit,
            h.bank, h.phone, h.address]


def member_values(m: Member, id_cell) -> list:
    return [m.p.name, m.rel, id_cell, m.p.sex, m.labor, m.health, m.disability, m.school]


def write_roster_messy(county: County, path: Path, households: list[Household], quarter: str, rng: random.Random,
                       fixed: dict | None = None, cells: dict | None = None) -> None:
    """File-1 shape: notes sheet, title, unit line, two-row grouped header, merged household cells."""
    import xlsxwriter

    fixed = fixed or {}
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": dt.datetime(2026, 9, 30)})  # byte-stable output
    notes = wb.add_worksheet("填表说明")
    ws = wb.add_worksheet("花名册")
    junk = wb.add_worksheet("Sheet3")
    for i, line in enumerate(["填表说明：", "1. 每户按家庭成员逐行填写，户主信息合并单元格。", "2. 身份证号码请以文本格式录入，勿用科学计数法。",
                              "3. 劳动能力填：有劳动能力/丧失劳动能力/部分丧失劳动能力。", "4. 月保障金单位为元。",
                              f"5. 数据截止日期：{AS_OF:%Y年%m月%d日}。"]):
        notes.write(i, 0, line)
    junk.write_row(0, 0, ["辅助列", "查找结果", "临时"])
    for i in range(1, 8):
        junk.write_row(i, 0, [i, "#N/A", rng.randint(1, 999)])
    junk.hide()
    ws.activate()
    title_f = wb.add_format({"bold": True, "font_size": 16, "align": "center", "valign": "vcenter"})
    head_f = wb.add_format({"bold": True, "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True, "bg_color": "#DDEBF7"})
    cell_f = wb.add_format({"border": 1, "valign": "vcenter"})
    text_f = wb.add_format({"border": 1, "valign": "vcenter", "num_format": "@"})
    ncols = 1 + len(ROSTER_COLS_HH) + len(ROSTER_COLS_M) + 1
    ws.merge_range(0, 0, 0, ncols - 1, f"{COUNTY}2026年{quarter}城乡低保对象花名册", title_f)
    ws.merge_range(1, 0, 1, ncols - 1, f"填报单位：{COUNTY}民政局  单位：元", wb.add_format({"align": "left"}))
    # two-row header: 序号 | 基本情况(2) | 户主信息(2) | 家庭信息(7) | 家庭成员信息(8) | 备注
    ws.merge_range(2, 0, 3, 0, "序号", head_f)
    groups = [("基本情况", ROSTER_COLS_HH[0:2]), ("户主信息", ROSTER_COLS_HH[2:4]), ("家庭信息", ROSTER_COLS_HH[4:]),
              ("家庭成员信息", ROSTER_COLS_M)]
    col = 1
    for g, cols in groups:
        ws.merge_range(2, col, 2, col + len(cols) - 1, g, head_f)
        for j, c in enumerate(cols):
            ws.write(3, col + j, c, head_f)
        col += len(cols)
    ws.merge_range(2, col, 3, col, "备注", head_f)
    ws.set_column(0, 0, 5)
    ws.set_column(1, ncols - 1, 12)
    ws.set_column(4, 4, 20)
    ws.set_column(12, 12, 20)
    ws.set_column(14, 14, 20)
    row = 4
    total_pop = total_money = 0
    nh = len(households)
    blanks = {nh // 3, (2 * nh) // 3}
    for k, h in enumerate(households, 1):
        if k in blanks:
            row += 1  # a blank row in the middle
        n = h.size
        head_cell = roster_id(county, h.head.p.id, True, rng)
        if isinstance(head_cell, str) and head_cell in fixed:
            head_cell = fixed[head_cell]
        vals = [k] + household_values(h, head_cell)
        for j, v in enumerate(vals):
            fmt = text_f if isinstance(v, str) else cell_f
            if n > 1:
                ws.merge_range(row, j, row + n - 1, j, None, fmt)
            ws.write(row, j, v, fmt) if not isinstance(v, str) else ws.write_string(row, j, v, fmt)
        for i, m in enumerate(h.members):
            idc = head_cell if i == 0 else roster_id(county, m.p.id, True, rng)
            if isinstance(idc, str) and idc in fixed:
                idc = fixed[idc]
            if cells is not None:
                cells[m.p.id] = idc
            for j, v in enumerate(member_values(m, idc)):
                c = len(vals) + j
                if isinstance(v, str):
                    ws.write_string(row + i, c, v, text_f)
                else:
                    ws.write_number(row + i, c, v, cell_f)
            ws.write_blank(row + i, ncols - 1, None, cell_f)
        total_pop += n
        total_money += h.benefit
        row += n
    ws.write(row, 0, "合计", head_f)
    ws.write(row, 1, f"{nh}户", head_f)
    ws.write_number(row, 5, total_pop, head_f)
    ws.write_number(row, 6, total_pop, head_f)
    ws.write_number(row, 8, total_money, head_f)
    ws.write(row + 2, 0, f"制表人：张小红    审核人：李建国    制表日期：{AS_OF:%Y年%m月%d日}")
    ws.freeze_panes(4, 0)
    wb.close()


def write_roster_hekou(county: County, path: Path, households: list[Household], rng: random.Random,
                       cells: dict | None = None) -> None:
    """File-2 shape (BIFF .xls): no title, one header row, household columns repeated, other names."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("河口乡")
    hdr = ["序号", "乡镇", "村", "户主", "户主证件号", "姓名", "公民身份号码", "关系", "性别", "类别", "人口",
           "保障金", "账号", "电话", "住址", "劳动能力状况", "健康情况", "残疾级别", "是否在校"]
    for j, hname in enumerate(hdr):
        ws.write(0, j, hname)
    row = 1
    k = 0
    for h in households:
        head_cell = roster_id(county, h.head.p.id, True, rng)
        for m in h.members:
            k += 1
            idc = head_cell if m is h.head else roster_id(county, m.p.id, True, rng)
            if cells is not None:
                cells[m.p.id] = idc
            school = {"在校": "是", "非在校": "否"}.get(m.school, "")
            vals = [k, h.township, h.village, h.head.p.name, head_cell, m.p.name, idc, rel_variant(m, h.head, "hekou"),
                    m.p.sex, f"{h.area}低保", h.size, h.benefit, h.bank, h.phone, h.address, m.labor, m.health,
                    m.disability, school]
            for j, v in enumerate(vals):
                ws.write(row, j, v)
            row += 1
    wb.save(str(path))


def write_tekun(county: County, path: Path, plain: bool) -> None:
    enc = "utf-8" if plain else "gbk"
    with open(path, "w", encoding=enc, newline="") as f:
        w = csv.writer(f)
        if not plain:
            w.writerow([f"{COUNTY}特困人员供养名册"])
        w.writerow(["序号", "乡镇", "村", "姓名", "身份证号", "性别", "供养方式", "自理能力", "月供养标准"])
        for i, t in enumerate(county.tekun, 1):
            w.writerow([i, t.township, t.village, t.p.name, t.p.id, t.p.sex, t.mode, t.care, TEKUN_STD])


# list kind -> (file stem, messy format, title, [(header, key)])
LISTS = {
    "staff": ("财政供养人员名单", "xlsx", f"{COUNTY}财政供养人员名单（2026年9月）",
              [("工作单位", "unit"), ("姓名", "name"), ("身份证号码", "id"), ("人员类别", "cat")]),
    "cadres": ("村干部名单", "xls", None,
               [("姓名", "name"), ("公民身份号码", "id"), ("乡镇", "township"), ("村", "village"), ("职务", "post"),
                ("联系电话", "phone")]),
    "cadre_relatives": ("近亲属备案表", "xlsx", f"{COUNTY}村（居）干部及经办人员近亲属备案表",
                        [("干部姓名", "cname"), ("干部身份证号", "cid"), ("亲属姓名", "name"), ("亲属身份证号", "id"),
                         ("关系", "rel")]),
    "registry": ("户籍人口", "csv-bom", None,
                 [("户号", "hukou"), ("姓名", "name"), ("身份证号", "id"), ("性别", "sex"), ("与户主关系", "rel"),
                  ("住址", "addr")]),
    "deaths": ("死亡人员名单", "csv-gbk", None, [("姓名", "name"), ("身份证号码", "id"), ("死亡日期", "date")]),
    "prisoners": ("服刑人员名单", "xls", f"{COUNTY}在押服刑人员名单",
                  [("姓名", "name"), ("公民身份号码", "id"), ("入监日期", "start"), ("刑期止日", "end")]),
    "migrations": ("户籍迁出名单", "utf16", None,
                   [("姓名", "name"), ("身份证号", "id"), ("迁出日期", "date"), ("迁往地", "to"), ("迁移原因", "reason")]),
    "pensions": ("养老金发放名单", "xlsx", "2026年9月养老金发放名单",
                 [("姓名", "name"), ("社会保障号码", "id"), ("险种", "kind"), ("月发放金额", "amount"), ("发放状态", "status")]),
    "vehicles": ("机动车登记信息", "csv-bom", None,
                 [("号牌号码", "plate"), ("车辆类型", "type"), ("使用性质", "use"), ("所有人", "owner"),
                  ("身份证明号码", "id"), ("机动车状态", "status"), ("初次登记日期", "reg")]),
    "properties": ("不动产登记信息", "xlsx", None,
                   [("权利人", "owner"), ("证件号码", "id"), ("坐落", "loc"), ("规划用途", "use"), ("面积", "area")]),
    "businesses": ("市场主体登记信息", "csv-gbk", None,
                   [("主体名称", "bname"), ("主体类型", "kind"), ("经营者", "owner"), ("证件号码", "id"),
                    ("经营场所", "place"), ("从业人数", "staff"), ("登记状态", "status"), ("成立日期", "since")]),
    "wages": ("社保缴费工资", "xlsx", None,
              [("姓名", "name"), ("身份证号", "id"), ("缴费单位", "unit"), ("缴费工资", "wage"), ("缴费月份", "month")]),
    "supporters": ("赡养义务人信息", "xls", None,
                   [("被赡养人姓名", "sname"), ("被赡养人身份证号", "sid"), ("赡养人姓名", "name"),
                    ("赡养人身份证号", "id"), ("关系", "rel")]),
}
EXT = {"xlsx": ".xlsx", "xls": ".xls", "csv-bom": ".csv", "csv-gbk": ".csv", "utf16": ".txt"}


def registry_rows(county: County) -> list[dict]:
    """Registry rows from the hukou map; roster relations are rewritten in police style relative to the 户主."""
    rows = []
    people: dict[str, Person] = {p.id: p for p in county.reg_extra}
    rel_of: dict[str, str] = {}
    for h in county.households + county.applicants:
        for m in h.members:
            people[m.p.id] = m.p
            rel_of.setdefault(m.p.id, rel_variant(m, h.head, "police"))
    for t in county.tekun:
        people[t.p.id] = t.p
    for c in county.cadres:
        people[c["p"].id] = c["p"]
    for s in county.staff:
        people[s["p"].id] = s["p"]
    for pid, (hk, rel, addr) in county.hukou.items():
        p = people.get(pid)
        if p is None:
            continue
        rows.append({"hukou": hk, "name": p.name, "id": pid, "sex": p.sex, "rel": rel or rel_of.get(pid, "其他"),
                     "addr": addr})
    rows.sort(key=lambda x: (x["hukou"], x["rel"] != "户主"))
    return rows


def write_table(path: Path, fmt: str, title: str | None, header: list[str], rows: list[list]) -> None:
    if fmt == "xlsx":
        import xlsxwriter
        wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
        wb.set_properties({"created": dt.datetime(2026, 9, 30)})  # byte-stable output
        ws = wb.add_worksheet("Sheet1")
        r0 = 0
        if title:
            ws.write_string(0, 0, title)
            r0 = 1
        ws.write_row(r0, 0, header)
        for i, row in enumerate(rows, r0 + 1):
            for j, v in enumerate(row):
                if isinstance(v, str):
                    ws.write_string(i, j, v)
                else:
                    ws.write_number(i, j, v)
        wb.close()
    elif fmt == "xls":
        import xlwt
        wb = xlwt.Workbook(encoding="utf-8")
        ws = wb.add_sheet("Sheet1")
        r0 = 0
        date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
        if title:
            ws.write_merge(0, 0, 0, len(header) - 1, title)
            r0 = 1
        for j, hname in enumerate(header):
            ws.write(r0, j, hname)
        for i, row in enumerate(rows, r0 + 1):
            for j, v in enumerate(row):
                if isinstance(v, str) and len(v) == 10 and v[4] == "-" and v[7] == "-" and v[:4].isdigit():
                    ws.write(i, j, dt.datetime.strptime(v, "%Y-%m-%d"), date_style)
                else:
                    ws.write(i, j, v)
        wb.save(str(path))
    else:
        enc = {"csv-bom": "utf-8-sig", "csv-gbk": "gbk", "utf16": "utf-16-le", "csv": "utf-8"}[fmt]
        with open(path, "w", encoding=enc, newline="") as f:
            if fmt == "utf16":  # Excel "Unicode text": UTF-16LE with BOM, tab-separated
                f.write("\ufeff")
            w = csv.writer(f, delimiter="\t" if fmt == "utf16" else ",")
            if title:
                w.writerow([title])
            w.writerow(header)
            w.writerows(rows)


def write_plain_roster(county: County, path: Path, households: list[Household]) -> None:
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    wb.set_properties({"created": dt.datetime(2026, 9, 30)})  # byte-stable output
    ws = wb.add_worksheet("花名册")
    ws.write_row(0, 0, ["序号"] + ROSTER_COLS_HH + ROSTER_COLS_M)
    r = 1
    for k, h in enumerate(households, 1):
        hv = household_values(h, roster_id(county, h.head.p.id, False))
        for i, m in enumerate(h.members):
            vals = [k] + hv + member_values(m, roster_id(county, m.p.id, False))
            for j, v in enumerate(vals):
                if isinstance(v, str):
                    ws.write_string(r, j, v)
                else:
                    ws.write_number(r, j, v)
            r += 1
    wb.close()


def write_applicants(county: County, path: Path) -> None:
    import xlsxwriter
    wb = xlsxwriter.Workbook(str(path))
    wb.set_properties({"created": dt.datetime(2026, 9, 30)})  # byte-stable output
    ws = wb.add_worksheet("新申请家庭")
    hdr = ["序号", "乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "成员身份证号码", "与户主关系", "性别",
           "家庭人口", "家庭月收入（元）", "城乡类别", "劳动能力", "健康状况", "残疾等级", "在校情况", "联系电话", "申请日期"]
    ws.write_row(0, 0, hdr)
    r = 1
    for k, h in enumerate(county.applicants, 1):
        for m in h.members:
            vals = [k, h.township, h.village, h.head.p.name, h.head.p.id, m.p.name, m.p.id, m.rel, m.p.sex, h.size,
                    county.applicant_income[h.head.p.id], h.area, m.labor, m.health, m.disability, m.school, h.phone, f"2026-09-{(k % 28) + 1:02d}"]
            for j, v in enumerate(vals):
                ws.write_string(r, j, v) if isinstance(v, str) else ws.write_number(r, j, v)
            r += 1
    ws.set_column(0, len(hdr), 14)
    wb.close()


def write_csv(path: Path, header: list[str], rows) -> None:
    with open(path, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


def _q4_id(county: County, pid: str) -> str:
    """ID text for the plain next-quarter CSV: planted damage kept (numbers as Excel-style scientific text)."""
    d = county.damage.get(pid, pid)
    if isinstance(d, float):
        return repr(d).upper()
    return county.q4_fixed.get(d, d)


def write_all(county: County, out: Path, plain: bool = False) -> dict[str, int]:
    """Write every file; returns row counts per file."""
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(12345)
    county.listed_ids = {row["id"] for rows in county.lists.values() for row in rows if row.get("id")}
    county.listed_ids |= {row["sid"] for row in county.lists["supporters"]}
    counts: dict[str, int] = {}
    main = [h for h in county.households if h.township != "河口乡"]
    hekou = [h for h in county.households if h.township == "河口乡"]
    if plain:
        write_plain_roster(county, out / "低保花名册.xlsx", county.households)
        counts["低保花名册.xlsx"] = sum(h.size for h in county.households)
    else:
        write_roster_messy(county, out / "低保花名册_第三季度.xlsx", main, "第三季度", rng,
                           cells=county.roster_cells["q3"])
        write_roster_hekou(county, out / "低保花名册_河口乡.xls", hekou, rng, cells=county.roster_cells["q3"])
        counts["低保花名册_第三季度.xlsx"] = sum(h.size for h in main)
        counts["低保花名册_河口乡.xls"] = sum(h.size for h in hekou)
    write_tekun(county, out / "特困人员名册.csv", plain)
    counts["特困人员名册.csv"] = len(county.tekun)
    county.lists["registry"] = registry_rows(county)
    for kind, (stem, fmt, title, cols) in LISTS.items():
        rows = list(county.lists[kind])
        if kind != "registry":
            rng.shuffle(rows)  # planted rows were appended first: hide the needles
        if kind == "deaths" and not plain:  # this department writes dates as 2026/5/14
            rows = [dict(r, date=f"{int(r['date'][:4])}/{int(r['date'][5:7])}/{int(r['date'][8:10])}") for r in rows]
        data = [[row.get(k, "") for _h, k in cols] for row in rows]
        if plain:
            name = stem + ".csv"
            write_table(out / name, "csv", None, [h for h, _k in cols], data)
        else:
            name = stem + EXT[fmt]
            write_table(out / name, fmt, title, [h for h, _k in cols], data)
        counts[name] = len(data)
    # truth files
    write_csv(out / "truth.csv", ["code", "head_id", "member_id", "expect", "note"],
              [(c.code, *row) for c in county.cases for row in c.rows])
    write_csv(out / "truth_screen.csv", ["head_id", "verdict", "note"], county.screen_truth)
    write_csv(out / "truth_review.csv", ["code", "head_id", "member_id", "status"], county.review_truth)
    # fixtures
    (out / "新申请").mkdir(exist_ok=True)
    write_applicants(county, out / "新申请" / "新申请家庭.xlsx")
    (out / "下季度").mkdir(exist_ok=True)
    if plain:  # CSV keeps big runs fast; same columns as the plain roster
        write_csv(out / "下季度" / "低保花名册_第四季度.csv", ["序号"] + ROSTER_COLS_HH + ROSTER_COLS_M,
                  ([k] + household_values(h, h.head.p.id) + member_values(m, _q4_id(county, m.p.id))
                   for k, h in enumerate(county.q4, 1) for m in h.members))
    else:
        write_roster_messy(county, out / "下季度" / "低保花名册_第四季度.xlsx", county.q4, "第四季度",
                           random.Random(999), fixed=county.q4_fixed, cells=county.roster_cells["q4"])
    counts["新申请家庭.xlsx (families)"] = len(county.applicants)
    counts["下季度 roster (households)"] = len(county.q4)
    return counts


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate the 清河县 sample county for rostercheck.")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parent / "county"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--households", type=int, default=600)
    ap.add_argument("--plain", action="store_true", help="plain one-header xlsx/csv files, no messy extras")
    ap.add_argument("--forms", default="worded,coded",
                    help="comma list of worded (--out), coded (<out>-coded: as the systems export it), "
                         "decoy (<out>-decoy: decoy columns before the real ones); coded/decoy need the worded form")
    a = ap.parse_args(argv)
    forms = set(filter(None, a.forms.split(",")))
    t0 = time.time()
    county = County(a.seed, a.households).build()
    t1 = time.time()
    out = Path(a.out)
    counts = write_all(county, out, a.plain)
    if not a.plain:  # a year of payment ledgers, an exit list and their truth (payments.py, the money checks)
        from payments import main as write_payments
        write_payments(out)
    if "coded" in forms and not a.plain:
        from coded import write_coded
        counts.update({f"coded: {k}": v for k, v in write_coded(county, out.with_name(out.name + "-coded"), out).items()})
    if "decoy" in forms and not a.plain:
        from decoy import write_decoy
        counts.update({f"decoy: {k}": v for k, v in write_decoy(county, out.with_name(out.name + "-decoy")).items()})
    print(f"{'file':<40}{'rows':>8}")
    for k, v in counts.items():
        print(f"{k:<40}{v:>8}")
    print(f"{'low-bao households / members':<40}{len(county.households):>8} / {sum(h.size for h in county.households)}")
    tally = Counter((c.code, row[2]) for c in county.cases for row in c.rows)
    print("planted: " + ", ".join(f"{code}:{n}{'' if e == 'flag' else ' trap'}" for (code, e), n in sorted(tally.items())))
    rv = Counter(s for *_x, s in county.review_truth)
    print(f"review: {dict(rv)}; screen: {dict(Counter(v for _h, v, _n in county.screen_truth))}")
    print(f"done in {time.time() - t0:.1f}s (generate {t1 - t0:.1f}s, write {time.time() - t1:.1f}s) -> {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
