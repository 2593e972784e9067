"""The sample county with decoy columns placed before the real ones, in unusual but valid vocabularies.

Real exports carry columns that name another person or another attribute (经办人姓名/经办人身份证号,
联系人电话, 代理人姓名, 户主姓名/户主公民身份号码 in a registry, 死亡原因 before 死亡日期, 人员类别 before
保障类型, 迁出地 before 迁往地, 填报日期 …) and write statuses in other words (在营, 已吊销, 普通劳动力 …).
The same people and planted cases as ``county/``: an audit must give the same findings.

Written by ``generate.py --forms decoy`` and by the test suite into a temporary folder
(``write_decoy(county, out)`` after ``write_all``).
"""

from __future__ import annotations

import random
from pathlib import Path

from coded import write_text, write_xlsx
from generate import COUNTY, LISTS, TEKUN_STD, County, write_csv

# Decoys every list gets (before its own columns); the cadre lists and the filing table leave out 经办人,
# which there may name the cadre himself (村(居)干部及经办人员).
COMMON = ["经办人姓名", "经办人身份证号", "联系人电话", "代理人姓名", "登记机关", "填报日期", "证件类型"]
NO_CLERK = ("cadres", "cadre_relatives")
EXTRA = {"deaths": ["死亡原因"], "registry": ["户主姓名", "户主公民身份号码"], "migrations": ["迁出地"],
         "vehicles": ["号牌种类", "车身颜色"], "businesses": ["统一社会信用代码"], "pensions": ["参保地"],
         "wages": ["单位编号"], "properties": ["不动产单元号", "权利状态"]}
LABOUR = {"有劳动能力": "普通劳动力", "部分丧失劳动能力": "部分丧失劳动力", "丧失劳动能力": "完全丧失劳动能力"}
HEALTH = {"患病": "长期慢性病"}
SCHOOL = {"在校": "在读", "非在校": "不在校"}
VALUES = {  # list kind -> field -> value -> the unusual but valid spelling
    "pensions": {"status": {"正常发放": "正常", "终止发放": "已终止"},
                 "kind": {"城乡居民基本养老保险": "城乡居民养老保险"}},
    "vehicles": {"status": {"报废": "已报废", "注销": "已注销"}},
    "businesses": {"status": {"存续": "开业", "在业": "在营", "注销": "已注销", "吊销": "已吊销"}},
    "registry": {"rel": {"妻": "妻子", "夫": "丈夫", "母亲": "母", "父亲": "父"}},
    "supporters": {"rel": {"儿子": "子", "女儿": "女"}},
}
DECOY_ROSTERS = ["低保花名册.xlsx", "特困人员名册.csv"]
DECOY_LISTS = {kind: stem + (".csv" if kind == "registry" else ".xlsx") for kind, (stem, *_r) in LISTS.items()}


def _date_words(iso: str) -> str:
    return f"{int(iso[:4])}年{int(iso[5:7])}月{int(iso[8:10])}日"


def _decoy_values(kind: str, row: dict, clerk: tuple[str, str], rng: random.Random, heads: dict) -> list:
    phone = "1" + rng.choice("3578") + "".join(rng.choice("0123456789") for _ in range(9))
    common = {"经办人姓名": clerk[0], "经办人身份证号": clerk[1], "联系人电话": phone, "代理人姓名": "",
              "登记机关": f"{COUNTY}人民政府", "填报日期": "2026-10-08", "证件类型": "居民身份证"}
    head = heads.get(row.get("hukou"), ("", ""))
    extra = {"死亡原因": rng.choice(["疾病", "自然死亡", "意外"]), "户主姓名": head[0], "户主公民身份号码": head[1],
             "迁出地": f"湖南省宝阳市{COUNTY}", "号牌种类": "小型汽车", "车身颜色": rng.choice("白黑灰红"),
             "统一社会信用代码": "92430525MA" + "".join(rng.choice("0123456789ABCDEFGH") for _ in range(8)),
             "参保地": COUNTY, "单位编号": f"43052500{rng.randrange(1000):03d}", "不动产单元号": f"430525{rng.randrange(10**9):09d}",
             "权利状态": "现势"}
    names = [c for c in COMMON if not (kind in NO_CLERK and c.startswith("经办人"))] + EXTRA.get(kind, [])
    return [common.get(c, extra.get(c)) for c in names], names


def write_decoy(county: County, out: Path) -> dict[str, int]:
    """Write the decoy variant of the county (rosters and every list) and its truth file.

    Args:
        county: the built county (``write_all`` has run).
        out: the folder to write.
    Returns:
        Row counts per file.
    """
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(19)
    clerks = [c for c in county.cadres if c["post"] == "民政协理员"]
    clerk_of = {c["township"]: (c["p"].name, c["p"].id) for c in clerks}
    counts = {}
    cells = county.roster_cells["q3"]
    header = (["经办人姓名", "经办人身份证号", "填报日期", "证件类型", "人员类别", "保障类型", "乡镇", "村（社区）", "户主姓名",
               "户主身份证号", "家庭人口", "城乡类别", "月保障金（元）", "开户银行", "银行账号", "联系人电话", "联系电话",
               "代理人姓名", "家庭住址", "成员姓名", "与户主关系", "成员身份证号码", "性别", "劳动能力", "健康状况", "残疾等级",
               "在校情况"])
    rows = []
    for h in county.households:
        clerk = clerk_of[h.township]
        for m in h.members:
            rows.append([clerk[0], clerk[1], "2026-10-08", "居民身份证", rng.choice(["一般救助对象", "重点救助对象"]),
                         f"{h.area}低保", h.township, h.village, h.head.p.name, cells.get(h.head.p.id, h.head.p.id),
                         h.size, "城镇" if h.area == "城市" else "农村", h.benefit, "清河县农村商业银行", h.bank,
                         "1" + "".join(rng.choice("0123456789") for _ in range(10)), h.phone, "", h.address, m.p.name,
                         m.rel, cells.get(m.p.id, m.p.id), m.p.sex, LABOUR.get(m.labor, m.labor),
                         HEALTH.get(m.health, m.health), m.disability, SCHOOL.get(m.school, m.school)])
    write_xlsx(out / DECOY_ROSTERS[0], [("花名册", header, rows)])
    counts[DECOY_ROSTERS[0]] = len(rows)
    write_text(out / DECOY_ROSTERS[1],
               ["经办人姓名", "经办人身份证号", "人员类别", "保障类型", "乡镇", "村", "姓名", "身份证号", "性别", "供养方式",
                "自理能力", "月供养标准"],
               [[*clerk_of[t.township], "老年人" if t.p.age >= 60 else "未成年人", "特困供养", t.township, t.village,
                 t.p.name, t.p.id, t.p.sex, t.mode, t.care, TEKUN_STD] for t in county.tekun], "utf-8-sig")
    counts[DECOY_ROSTERS[1]] = len(county.tekun)
    heads = {r["hukou"]: (r["name"], r["id"]) for r in county.lists["registry"] if r["rel"] == "户主"}
    for kind, (_stem, _fmt, _title, cols) in LISTS.items():
        subst = VALUES.get(kind, {})
        data, names = [], []
        for row in county.lists[kind]:
            clerk = clerks[len(data) % len(clerks)]["p"]
            decoys, names = _decoy_values(kind, row, (clerk.name, clerk.id), rng, heads)
            own = []
            for _h, key in cols:
                v = row.get(key, "")
                v = subst.get(key, {}).get(v, v)
                if kind == "deaths" and key == "date":
                    v = _date_words(v)
                own.append(v)
            data.append(decoys + own)
        data += _trap_rows(kind, county, names, len(cols))
        if kind != "registry":
            rng.shuffle(data)
        header = names + [h for h, _k in cols]
        name = DECOY_LISTS[kind]
        if name.endswith(".csv"):
            write_text(out / name, header, data, "utf-8-sig")
        else:
            write_xlsx(out / name, [("Sheet1", header, data)])
        counts[name] = len(data)
    trap = _trap_household(county)
    write_csv(out / "truth.csv", ["code", "head_id", "member_id", "expect", "note"],
              [(c.code, *row) for c in county.cases for row in c.rows]
              + [("C02", trap.head.p.id, trap.head.p.id, "trap", "decoy: death dated after the review date"),
                 ("C04", trap.head.p.id, "", "trap", "decoy: a second home whose 权利状态 is 历史 (sold)")])
    return counts


def _trap_household(county: County):
    """A background household (no planted case) that the decoy lists give traps only this variant has."""
    return next(h for h in county.households if not h.planted and len(h.members) == 1)


def _trap_rows(kind: str, county: County, names: list[str], width: int) -> list[list]:
    """Rows that must give no finding: a death after the review date, a sold (历史) second home."""
    head = _trap_household(county).head.p
    blank = [""] * len(names)
    if kind == "deaths":  # own columns: 姓名, 身份证号码, 死亡日期
        return [blank[:names.index("死亡原因")] + ["疾病"] + blank[names.index("死亡原因") + 1:]
                + [head.name, head.id, _date_words("2026-12-15")]]
    if kind == "properties":  # own columns: 权利人, 证件号码, 坐落, 规划用途, 面积
        state = names.index("权利状态")
        rows = []
        for status, loc in (("现势", f"{COUNTY}城关镇建设路18号"), ("历史", f"{COUNTY}城关镇人民路6号")):
            decoys = list(blank)
            decoys[state] = status
            rows.append(decoys + [head.name, head.id, loc, "住宅", 86.5][:width])
        return rows
    return []
