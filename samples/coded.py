"""The sample county 清河县 as the information systems export it: codes instead of words, system layouts.

Same people, same planted cases as ``generate.py`` writes into ``county/``, written the way the
social-assistance, population, vehicle, social-insurance, real-estate and market-regulation systems
export them: GB/T 4761-2008 relation codes, GB/T 2261.1 sex codes, GB/T 2260 / 统计用区划代码 places,
GA 24.4 vehicle types with 使用性质 and 机动车状态 letters, dates as 8-digit numbers and Excel serials,
the systems' status words, and the 低保 roster as a household sheet plus a member sheet joined by 家庭编号.
A few traps exist only in this form (moves inside the county written as region codes, adapted cars of
disabled people in the vehicle system's spellings, a sold home still listed as 历史).

Called by ``generate.py`` (``write_coded(county, out)``) after the worded county is written.
"""

from __future__ import annotations

import csv
import datetime as dt
import random
from pathlib import Path

from generate import AS_OF, OUTSIDE_PLACES, TEKUN_STD, TOWNSHIPS, UNIVERSITIES, County, Household

COUNTY_CODE = "430525"  # GB/T 2260 code given to the fictional 清河县 (宝阳市 = 4305)
SAME_CITY_OTHER = "430502"  # 双清区, another county of the same city
# 统计用区划代码: towns 1xx, townships 2xx; communities 0xx, villages 2xx.
TOWNSHIP_CODES = {"城关镇": "100", "石桥镇": "101", "柳林镇": "102", "河口乡": "201", "白沙乡": "202", "青山乡": "203"}
PLACE_CODES = {  # destinations outside the county, 6/9/12 digits as the population system writes them
    OUTSIDE_PLACES[0]: "440306005012", OUTSIDE_PLACES[1]: "441900109", OUTSIDE_PLACES[2]: "330109003",
    OUTSIDE_PLACES[3]: "330782001", OUTSIDE_PLACES[4]: "430111", OUTSIDE_PLACES[5]: "320506101",
    OUTSIDE_PLACES[6]: "350211", OUTSIDE_PLACES[7]: SAME_CITY_OTHER + "004",
    UNIVERSITIES[0]: "430104", UNIVERSITIES[1]: "430302", UNIVERSITIES[2]: "420111",
}
SEX = {"男": "1", "女": "2"}
# GA 24.4 车辆类型 codes; the 残疾人专用车 is written in the ways the vehicle system writes it (see _vehicle).
VEHICLE_TYPES = {"小型轿车": "K33", "小型普通客车": "K31", "轻型普通货车": "H31", "重型半挂牵引车": "Q11",
                 "普通二轮摩托车": "M21", "三轮汽车": "N11", "低速货车": "H51", "拖拉机": "T21", "残疾人专用车": "K33"}
PLATE_KINDS = {"M21": "07", "T21": "25"}  # 号牌种类: 02 小型汽车 unless listed (07 普通摩托车, 25 农机号牌)
USES = {"非营运": "A", "营运": "B", "货运": "F"}  # 使用性质: A 非营运, B 公路客运, F 货运
VEHICLE_STATES = {"正常": "A", "注销": "E", "报废": "M", "逾期未检验": "GQ"}  # 机动车状态 letters
PENSION_KINDS = {"企业职工基本养老保险": "110", "机关事业单位养老保险": "120", "城乡居民基本养老保险": "170",
                 "遗属补助": "遗属补助金"}
PENSION_STATES = {"正常发放": "在领", "暂停发放": "暂停", "终止发放": "终止"}
BUSINESS_STATES = {"存续": "存续（在营、开业、在册）", "在业": "在业", "注销": "注销", "吊销": "吊销，未注销"}
MOVE_REASONS = {"婚嫁": "婚迁", "投靠亲属": "投靠"}
# Roster relation (words of generate.Member.rel) -> GB/T 4761-2008 code by sex.
ROSTER_REL = {"户主": ("02", "02"), "配偶": ("10", "10"), "子女": ("20", "30"), "父母": ("51", "52"),
              "孙子女": ("41", "42"), "兄弟姐妹": ("70", "70"), "儿媳": ("38", "38"), "其他": ("97", "97")}
REL_NAMES = {"02": "户主", "10": "配偶", "20": "子", "30": "女", "51": "父亲", "52": "母亲", "41": "孙子", "42": "孙女",
             "70": "兄弟姐妹", "38": "儿媳", "97": "其他亲属"}
# Police-style registry words -> GB/T 4761-2008 two-digit codes.
POLICE_REL = {"户主": "02", "妻": "12", "夫": "11", "子": "20", "女": "30", "长子": "22", "次子": "23", "长女": "32",
              "次女": "33", "父亲": "51", "母亲": "52", "孙子": "41", "孙女": "42", "兄": "71", "弟": "73", "姐": "75",
              "妹": "77", "其他": "97", "集体户成员": "99"}
FILING_REL = {"兄弟": "70", "姐妹": "70", "兄弟姐妹": "70", "侄子": "93", "堂兄弟": "91", "配偶": "10", "父母": "50"}
EPOCH = dt.date(1899, 12, 30)


def township_code(township: str) -> str:
    """The 9-digit 统计用区划代码 of a township of the county."""
    return COUNTY_CODE + TOWNSHIP_CODES[township]


def village_code(township: str, village: str) -> str:
    """The 12-digit 统计用区划代码 of a village or community of the county."""
    villages = next(t[3] for t in TOWNSHIPS if t[0] == township)
    i = villages.index(village) + 1
    return township_code(township) + (f"{i:03d}" if village.endswith("社区") else f"{200 + i:03d}")


def ymd(iso: str) -> int:
    """A date as the 8-digit number systems write (20260514)."""
    return int(iso.replace("-", ""))


def serial(iso: str) -> int:
    """A date as an Excel serial number (days since 1899-12-30)."""
    return (dt.date.fromisoformat(iso) - EPOCH).days


def place_code(to: str) -> str:
    """The region code a population system writes for a destination written in words."""
    if to in PLACE_CODES:
        return PLACE_CODES[to]
    for township in TOWNSHIP_CODES:
        if township in to:
            villages = next(t[3] for t in TOWNSHIPS if t[0] == township)
            village = next((v for v in villages if v in to), None)
            return village_code(township, village) if village else township_code(township)
    raise ValueError(f"no code for {to}")


def write_xlsx(path: Path, sheets: list[tuple[str, list[str], list[list]]]) -> None:
    """Write sheets of a header row and rows (str as text, numbers as numbers), byte-stable."""
    import xlsxwriter

    wb = xlsxwriter.Workbook(str(path), {"constant_memory": True})
    wb.set_properties({"created": dt.datetime(2026, 9, 30)})
    for name, header, rows in sheets:
        ws = wb.add_worksheet(name)
        ws.write_row(0, 0, header)
        for i, row in enumerate(rows, 1):
            for j, v in enumerate(row):
                if isinstance(v, str):
                    ws.write_string(i, j, v)
                elif v is not None:
                    ws.write_number(i, j, v)
    wb.close()


def write_xls(path: Path, header: list[str], rows: list[list]) -> None:
    """Write one sheet as legacy BIFF .xls (numbers stay plain numbers: Excel serials show as such)."""
    import xlwt

    wb = xlwt.Workbook(encoding="utf-8")
    ws = wb.add_sheet("Sheet1")
    for j, h in enumerate(header):
        ws.write(0, j, h)
    for i, row in enumerate(rows, 1):
        for j, v in enumerate(row):
            ws.write(i, j, v)
    wb.save(str(path))


def write_text(path: Path, header: list[str], rows: list[list], encoding: str) -> None:
    """Write a CSV file in an encoding (utf-8-sig, gbk)."""
    with open(path, "w", encoding=encoding, newline="") as f:
        w = csv.writer(f)
        w.writerow(header)
        w.writerows(rows)


# ---------------------------------------------------------------------------------------------- rosters
HOUSEHOLD_HEADER = ["家庭编号", "行政区划代码", "乡镇（街道）", "村（社区）", "户主姓名", "户主身份证号", "家庭人口",
                    "保障人口", "城乡类别", "保障类别", "月保障金", "银行账号", "联系电话", "家庭住址", "审批日期"]
MEMBER_HEADER = ["家庭编号", "成员姓名", "公民身份号码", "与户主关系", "性别", "出生日期", "劳动能力", "健康状况",
                 "残疾等级", "在校情况", "是否保障对象"]


def family_no(h: Household) -> str:
    """The social-assistance system's household number: village code + a sequence."""
    return f"{village_code(h.township, h.village)}{h.key:04d}"


def relation_code(rel: str, sex: str, style: int) -> object:
    """A roster relation as the system writes it: '20', '20-子', or the number 20 (leading zero lost)."""
    code = ROSTER_REL.get(rel, ("97", "97"))[0 if sex == "男" else 1]
    if style == 1:
        return f"{code}-{REL_NAMES[code]}"
    if style == 2:
        return int(code)
    return code


def roster_sheets(households: list[Household], cells: dict, rng: random.Random, uncovered: set[str],
                  income: dict[str, int] | None = None) -> list[tuple[str, list[str], list[list]]]:
    """The household sheet and the member sheet of a social-assistance system export.

    Args:
        households: the households.
        cells: person ID -> the ID cell the worded roster wrote (the same damage); others are written clean.
        rng: for approval dates.
        uncovered: IDs of members who are not covered (是否保障对象 否).
        income: head ID -> declared monthly income, written as 家庭年收入 (× 12) after the household sheet's columns
            (the applicants' export); None: no such column.
    Returns:
        (sheet name, header, rows) for the two sheets.
    """
    hh_rows, m_rows = [], []
    for h in households:
        def idc(pid):
            return cells.get(pid, pid)
        covered = sum(1 for m in h.members if m.p.id not in uncovered)
        approved = dt.date(2019, 1, 1) + dt.timedelta(days=rng.randrange(2300))
        hh_rows.append([family_no(h), village_code(h.township, h.village), h.township, h.village, h.head.p.name,
                        idc(h.head.p.id), h.size, covered, h.area, f"{h.area}低保", h.benefit, h.bank, h.phone,
                        h.address, int(approved.strftime("%Y%m%d"))] + ([income[h.head.p.id] * 12] if income else []))
        style = 1 if h.key % 7 == 0 else (2 if h.township == "河口乡" else 0)
        for m in h.members:
            m_rows.append([family_no(h), m.p.name, idc(m.p.id), relation_code(m.rel, m.p.sex, style), SEX[m.p.sex],
                           int(m.p.birth.strftime("%Y%m%d")), m.labor, m.health, m.disability, m.school,
                           "否" if m.p.id in uncovered else "是"])
    # The household sheet comes sorted by number, the member sheet by household then member.
    hh_rows.sort(key=lambda r: r[0])
    return [("家庭信息", HOUSEHOLD_HEADER + (["家庭年收入"] if income else []), hh_rows), ("家庭成员信息", MEMBER_HEADER, m_rows)]


def uncovered_members(county: County, rng: random.Random) -> set[str]:
    """A few members of ordinary households who live in the household but are not covered (是否保障对象=否)."""
    out = set()
    for h in county.households:
        if h.planted or h.size < 3:
            continue
        for m in h.members[1:]:
            if m.p.id not in county.listed_ids and m.p.age >= 18 and rng.random() < 0.08:
                out.add(m.p.id)
    return out


def write_tekun(county: County, path: Path) -> None:
    rows = [[village_code(t.township, t.village), t.township, t.village, t.p.name, t.p.id, SEX[t.p.sex],
             int(t.p.birth.strftime("%Y%m%d")), {"集中": "1-集中供养", "分散": "2-分散供养"}[t.mode], t.care, TEKUN_STD]
            for t in county.tekun]
    write_xlsx(path, [("特困人员", ["行政区划代码", "乡镇（街道）", "村（社区）", "姓名", "公民身份号码", "性别", "出生日期",
                                  "供养方式", "生活自理能力", "月供养标准"], rows)])


# ---------------------------------------------------------------------------------------------- lists
def _vehicle(v: dict, form: int) -> tuple[str, str, str]:
    """(车辆类型, 残疾人专用标志, 备注) of a vehicle row; an adapted car in one of three spellings."""
    if v["type"] != "残疾人专用车":
        return VEHICLE_TYPES[v["type"]], "否", ""
    return [("K33", "是", ""), ("残疾人专用小型自动挡载客汽车", "", ""), ("K33", "", "残疾人专用车")][form % 3]


def coded_traps(county: County, rng: random.Random, uncovered: set[str]) -> tuple[dict[str, list[dict]], list[tuple]]:
    """List rows that exist only in the coded form, about ordinary roster members, and their truth rows (traps)."""
    used = {r[k] for kind, rows in county.lists.items() if kind not in ("registry", "pensions")
            for r in rows for k in ("id", "sid") if r.get(k)} | uncovered
    quiet = [h for h in county.households if not h.planted and all(m.p.id not in used for m in h.members)]
    rng.shuffle(quiet)
    extra: dict[str, list[dict]] = {"migrations": [], "vehicles": [], "properties": []}
    truth = []
    movers = [h for h in quiet if h.size >= 2][:2]
    for h, to, note in ((movers[0], township_code("石桥镇"), "9-digit township code of the county"),
                        (movers[1], COUNTY_CODE, "the county's own 6-digit code")):
        m = h.members[1]
        extra["migrations"].append({"name": m.p.name, "id": m.p.id, "date": "2026-06-12", "to_code": to,
                                    "reason": "投靠"})
        truth.append(("C02", h.head.p.id, m.p.id, "trap", f"coded: moved inside the county, destination written as {note} ({to})"))
    disabled = [(h, m) for h in quiet[2:] for m in h.members if m.disability][:2]
    for k, (h, m) in enumerate(disabled, 1):
        extra["vehicles"].append({"plate": "湘E" + f"{rng.randrange(10**5):05d}", "type": "残疾人专用车", "use": "非营运",
                                  "owner": m.p.name, "id": m.p.id, "status": "正常", "reg": "2022-05-10", "form": k})
        how = "type name 残疾人专用小型自动挡载客汽车" if k == 1 else "K33 with 备注 残疾人专用车"
        truth.append(("C04", h.head.p.id, m.p.id, "trap", f"coded: adapted car of a disabled member written as {how}"))
    h = next(h for h in quiet[4:] if h not in [x for x, _m in disabled])
    for status in ("现势", "历史"):
        extra["properties"].append({"owner": h.head.p.name, "id": h.head.p.id, "loc": county.place(h.township, h.village),
                                    "use": "住宅", "area": 96.5, "state": status})
    truth.append(("C04", h.head.p.id, "", "trap", "coded: one 住宅 现势 and one sold (权利状态 历史): one home"))
    return extra, truth


def list_files(county: County, extra: dict[str, list[dict]], rng: random.Random) -> dict[str, tuple]:
    """list kind -> (file name, writer, header, rows) of the coded lists."""
    L = county.lists
    out = {}

    def rows_of(kind):
        rows = list(L[kind]) + extra.get(kind, [])
        if kind != "registry":
            rng.shuffle(rows)
        return rows

    people = {}
    for h in county.households + county.applicants:
        for m in h.members:
            people[m.p.id] = m.p
    sex_of = lambda pid: SEX.get(people[pid].sex, "") if pid in people else ("1" if int(pid[16]) % 2 else "2")
    out["staff"] = ("财政供养人员信息.xlsx", "xlsx", ["单位名称", "姓名", "性别", "公民身份号码", "人员身份"],
                    [[r["unit"], r["name"], sex_of(r["id"]) if r["id"][16:17].isdigit() else "", r["id"], r["cat"]]
                     for r in rows_of("staff")])
    out["cadres"] = ("村（社区）干部信息.xlsx", "xlsx",
                     ["姓名", "性别", "公民身份号码", "行政区划代码", "乡镇（街道）", "村（社区）", "职务", "联系电话"],
                     [[r["name"], sex_of(r["id"]), r["id"], village_code(r["township"], r["village"]), r["township"],
                       r["village"], r["post"], r["phone"]] for r in rows_of("cadres")])
    out["cadre_relatives"] = ("近亲属备案信息.xlsx", "xlsx", ["干部姓名", "干部公民身份号码", "亲属姓名", "亲属公民身份号码", "亲属关系"],
                              [[r["cname"], r["cid"], r["name"], r["id"],
                                FILING_REL.get(r["rel"]) or ("20" if r["id"] and int(r["id"][16]) % 2 else "30")]
                               for r in rows_of("cadre_relatives")])
    out["registry"] = ("常住人口信息.csv", "utf-8-sig", ["户号", "姓名", "公民身份号码", "性别", "出生日期", "与户主关系", "住址"],
                       [[r["hukou"], r["name"], r["id"], SEX[r["sex"]], r["id"][6:14], POLICE_REL.get(r["rel"], "97"),
                         r["addr"]] for r in rows_of("registry")])
    out["deaths"] = ("死亡注销人员信息.xlsx", "xlsx", ["姓名", "公民身份号码", "性别", "注销原因", "死亡日期"],
                     [[r["name"], r["id"], sex_of(r["id"]), "死亡", ymd(r["date"])] for r in rows_of("deaths")])
    out["prisoners"] = ("服刑人员信息.xls", "xls", ["姓名", "公民身份号码", "入监日期", "刑期止日", "羁押状态"],
                        [[r["name"], r["id"], serial(r["start"]), serial(r["end"]),
                          "在押" if dt.date.fromisoformat(r["end"]) >= AS_OF else "释放"] for r in rows_of("prisoners")])
    out["migrations"] = ("户口迁出信息.csv", "gbk", ["姓名", "公民身份号码", "迁出日期", "迁往地区划代码", "迁移原因"],
                         [[r["name"], r["id"], r["date"].replace("-", ""), r.get("to_code") or place_code(r["to"]),
                           MOVE_REASONS.get(r["reason"], r["reason"])] for r in rows_of("migrations")])
    out["pensions"] = ("养老待遇发放信息.xlsx", "xlsx", ["姓名", "社会保障号码", "险种类型", "发放年月", "月发放金额", "发放状态"],
                       [[r["name"], r["id"], PENSION_KINDS[r["kind"]], 202609, r["amount"], PENSION_STATES[r["status"]]]
                        for r in rows_of("pensions")])
    vrows = []
    for k, r in enumerate(rows_of("vehicles")):
        vtype, flag, remark = _vehicle(r, r.get("form", k))
        vrows.append([PLATE_KINDS.get(vtype, "02"), r["plate"], vtype, USES[r["use"]], r["owner"], r["id"],
                      VEHICLE_STATES[r["status"]], serial(r["reg"]), flag, remark])
    out["vehicles"] = ("机动车信息.xlsx", "xlsx", ["号牌种类", "号牌号码", "车辆类型", "使用性质", "机动车所有人", "身份证明号码",
                                              "机动车状态", "初次登记日期", "残疾人专用标志", "备注"], vrows)
    prows = []
    for r in rows_of("properties"):
        state = r.get("state") or ("历史" if rng.random() < 0.05 and r["id"] not in people else "现势")
        prows.append([r["owner"], r["id"], r["loc"], r["use"], r["area"], state,
                      ymd((dt.date(2008, 1, 1) + dt.timedelta(days=rng.randrange(6400))).isoformat())])
    out["properties"] = ("不动产权利信息.xlsx", "xlsx", ["权利人", "证件号码", "坐落", "规划用途", "建筑面积", "权利状态", "登记时间"],
                         prows)
    out["businesses"] = ("市场主体信息.csv", "gbk", ["统一社会信用代码", "主体名称", "主体类型", "经营者", "证件号码", "经营场所",
                                               "从业人数", "登记状态", "成立日期"],
                         [[uscc(rng, r["kind"]), r["bname"], r["kind"], r["owner"], r["id"], r["place"], r["staff"],
                           BUSINESS_STATES[r["status"]], r["since"].replace("-", "")] for r in rows_of("businesses")])
    out["wages"] = ("社保缴费信息.xlsx", "xlsx", ["姓名", "公民身份号码", "单位名称", "费款所属期", "缴费基数"],
                    [[r["name"], r["id"], r["unit"], int(r["month"].replace("-", "")), r["wage"]] for r in rows_of("wages")])
    out["supporters"] = ("赡养义务人信息.xlsx", "xlsx", ["被赡养人姓名", "被赡养人身份证号", "赡养人姓名", "赡养人身份证号", "关系"],
                         [[r["sname"], r["sid"], r["name"], r["id"], "20" if r["rel"] == "儿子" else "30"]
                          for r in rows_of("supporters")])
    return out


def uscc(rng: random.Random, kind: str) -> str:
    """A fictional 统一社会信用代码 (18 characters; not an ID number)."""
    head = {"个体工商户": "92", "农民专业合作社": "93"}.get(kind, "91")
    chars = "0123456789ABCDEFGHJKLMNPQRTUWXY"
    return head + COUNTY_CODE + "".join(rng.choice(chars) for _ in range(10))


CODED_LISTS = {  # list kind -> file name, for the CLI and the tests
    "staff": "财政供养人员信息.xlsx", "cadres": "村（社区）干部信息.xlsx", "cadre_relatives": "近亲属备案信息.xlsx",
    "registry": "常住人口信息.csv", "deaths": "死亡注销人员信息.xlsx", "prisoners": "服刑人员信息.xls",
    "migrations": "户口迁出信息.csv", "pensions": "养老待遇发放信息.xlsx", "vehicles": "机动车信息.xlsx",
    "properties": "不动产权利信息.xlsx", "businesses": "市场主体信息.csv", "wages": "社保缴费信息.xlsx",
    "supporters": "赡养义务人信息.xlsx",
}
CODED_ROSTERS = ["清河县低保对象信息_2026年9月.xlsx", "清河县特困人员信息_2026年9月.xlsx"]


def write_coded(county: County, out: Path, worded: Path) -> dict[str, int]:
    """Write the coded county (rosters, lists, fixtures, truth files) after the worded one.

    Args:
        county: the built county (``write_all`` has run: registry rows and listed IDs are set).
        out: the folder to write (e.g. samples/county-coded).
        worded: the worded county's folder (its truth files are the base of this one's).
    Returns:
        Row counts per file.
    """
    out.mkdir(parents=True, exist_ok=True)
    rng = random.Random(4761)
    counts = {}
    uncovered = uncovered_members(county, rng)
    write_xlsx(out / CODED_ROSTERS[0], roster_sheets(county.households, county.roster_cells["q3"], rng, uncovered))
    counts[CODED_ROSTERS[0]] = sum(h.size for h in county.households)
    write_tekun(county, out / CODED_ROSTERS[1])
    counts[CODED_ROSTERS[1]] = len(county.tekun)
    extra, truth_extra = coded_traps(county, rng, uncovered)
    for kind, (name, fmt, header, rows) in list_files(county, extra, rng).items():
        assert name == CODED_LISTS[kind]
        if fmt == "xlsx":
            write_xlsx(out / name, [("Sheet1", header, rows)])
        elif fmt == "xls":
            write_xls(out / name, header, rows)
        else:
            write_text(out / name, header, rows, fmt)
        counts[name] = len(rows)
    (out / "新申请").mkdir(exist_ok=True)
    write_xlsx(out / "新申请" / "新申请家庭信息.xlsx", roster_sheets(county.applicants, {}, rng, set(), county.applicant_income))
    (out / "下季度").mkdir(exist_ok=True)
    q4_uncovered = {pid for pid in uncovered if any(m.p.id == pid for h in county.q4 for m in h.members)}
    write_xlsx(out / "下季度" / "清河县低保对象信息_2026年12月.xlsx",
               roster_sheets(county.q4, county.roster_cells["q4"], rng, q4_uncovered))
    truth = (worded / "truth.csv").read_text(encoding="utf-8").splitlines()
    with open(out / "truth.csv", "w", encoding="utf-8", newline="") as f:
        f.write("\r\n".join(truth) + "\r\n")
        csv.writer(f).writerows(truth_extra)
    for name in ("truth_review.csv", "truth_screen.csv"):
        (out / name).write_bytes((worded / name).read_bytes())
    return counts
