"""Generate a province-scale data set for the benchmark (5,000,000 roster members, about 50,000,000 list rows).

The file names, headers and value vocabularies follow bench/city.py (plus a registry, 户籍人口信息); the
province has 40 ID regions (4301xx–4313xx), 1,500 townships and their villages. Everything is built
with numpy and pyarrow a chunk (1,000,000 rows) at a time — no per-row Python — and written on a
background thread: the full size takes about half a minute on two cores, with a peak of about 1 GB.
Every cell is text: CSV is UTF-8 with one unquoted header row; Parquet has only string columns (zstd,
one row group per chunk). The same seed gives the same rows in either format.

Who is in the lists:
- roster members have unique, valid 18-character IDs (sequence digits 000–499); strangers get fresh
  random valid IDs (sequence 500–999), so a stranger never matches a member by accident;
- each list row is a roster member with a small probability (1–2 %, as in city.py), and about 0.3 % of
  rows carry a member's exact name with one ID digit mistyped (check character wrong, birth date kept),
  which only the repaired-ID match can link;
- the registry holds whole households: about 2 % of them are roster households plus non-member
  relatives, a few of whom also appear on the staff (as the head's child) or cadre list, so the
  registry family checks (C01, RQ2) have something to find.

Needs numpy and pyarrow (not rostercheck dependencies).
Usage:
  python bench/province.py --out bench/data/province [--members 5000000] [--rows 50000000]
                           [--format csv|parquet] [--seed 1]
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv
import pyarrow.parquet as pq

WEIGHTS = np.array((7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2), dtype=np.int32)
CHECK = np.frombuffer(b"10X98765432", dtype=np.uint8)
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文"
GIVEN = "".join(dict.fromkeys("伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红娥建国志红梅兰凤春生福德成林海波"))
# 13 prefectures (4301–4313) × 3 districts/counties, plus one county-level city: 40 regions.
REGIONS = [f"43{p:02d}{c:02d}" for p in range(1, 14) for c in (2, 21, 22)] + ["431381"]
REGION_BYTES = np.frombuffer("".join(REGIONS).encode(), dtype=np.uint8).reshape(len(REGIONS), 6)

CHUNK = 1_000_000
TOWNSHIPS = 1_500
VILLAGES_PER_TOWNSHIP = (5, 40)  # inclusive range
DIBAO_SHARE = 0.9  # the rest of the members are 特困
MEMBER_SEQ = (0, 500)  # ID sequence digits of roster members; strangers use 500–999
STRANGER_SEQ = (500, 1000)
DAMAGED = 0.003  # share of list rows with a member's name and a mistyped ID
REGISTRY_MEMBER_HOUSEHOLDS = 0.02  # share of registry households that are roster households
PLANT_STAFF = 0.05  # share of the registry's non-member children of roster heads put on the staff list
PLANT_CADRES = 0.03  # share of the registry's non-member relatives put on the cadre list

SHARES = {
    "pensions": 0.40, "registry": 0.20, "wages": 0.16, "vehicles": 0.10, "properties": 0.06, "businesses": 0.04,
    "deaths": 0.02, "migrations": 0.012, "prisoners": 0.002, "staff": 0.005, "cadres": 0.001,
}
HITS = {"pensions": 0.02, "staff": 0.005}  # chance a list row is a roster member; 0.01 otherwise

ROSTER_HEADER = ["乡镇", "村", "户主姓名", "户主身份证号", "成员姓名", "与户主关系", "成员身份证号码", "家庭人口",
                 "城乡类别", "月保障金", "银行账号", "联系电话"]
TEKUN_HEADER = ["乡镇", "村", "姓名", "身份证号", "供养方式", "月供养标准"]
REGISTRY_HEADER = ["户号", "姓名", "公民身份号码", "与户主关系", "住址"]
ROSTER_RELATIONS = ["户主", "配偶", "子女", "父母", "孙子女"]
# The registry's (police-style) relation words, in three blocks:
# - a roster member's, by roster relation and sex: code 2 × ROSTER_RELATIONS index + sex (0 female, 1 male);
# - a stranger household's: '户主' first, then the others;
# - a non-member relative's in a roster household (the first CHILD_KIN are the head's children).
POLICE_RELATIONS = ["户主", "户主", "妻", "夫", "女", "子", "母", "父", "孙女", "孙子"]
STRANGER_RELATIONS = ["户主", "妻", "子", "女", "父", "母", "孙子", "孙女"]
KIN_RELATIONS = ["子", "女", "儿媳", "女婿", "弟", "妹"]
CHILD_KIN = 2
REGISTRY_RELATIONS = POLICE_RELATIONS + STRANGER_RELATIONS + KIN_RELATIONS
STRANGER_CODE, KIN_CODE = len(POLICE_RELATIONS), len(POLICE_RELATIONS) + len(STRANGER_RELATIONS)


def strings(matrix: np.ndarray) -> pa.StringArray:
    """Return a string array whose i-th value is the bytes of row i of a fixed-width byte matrix.

    Args:
        matrix: an (n, width) uint8 array of UTF-8 bytes.
    Returns:
        The n strings, sharing the matrix's memory.
    """
    matrix = np.ascontiguousarray(matrix, dtype=np.uint8)
    n, width = matrix.shape
    offsets = np.arange(0, (n + 1) * width, width, dtype=np.int32)
    return pa.StringArray.from_buffers(n, pa.py_buffer(offsets), pa.py_buffer(matrix))


def const(text: str, n: int) -> pa.StringArray:
    """Return n copies of one text.

    Args:
        text: the value.
        n: how many.
    Returns:
        The string array.
    """
    raw = np.frombuffer(text.encode(), dtype=np.uint8)
    return strings(np.broadcast_to(raw, (n, raw.size)))


def ascii_digits(values: np.ndarray, width: int) -> np.ndarray:
    """Return the zero-padded decimal digits of non-negative integers as ASCII bytes.

    Args:
        values: the integers.
        width: digits per value (higher digits are dropped).
    Returns:
        An (n, width) uint8 array.
    """
    v = np.asarray(values, dtype=np.int64).copy()
    out = np.empty((v.size, width), dtype=np.uint8)
    for j in range(width - 1, -1, -1):
        out[:, j] = v % 10 + 48
        v //= 10
    return out


def prefixed(prefix: str, digits: np.ndarray) -> pa.StringArray:
    """Return prefix + digits for each row (plates, phones, bank accounts).

    Args:
        prefix: the fixed leading text.
        digits: an (n, width) uint8 array of ASCII digits.
    Returns:
        The string array.
    """
    head = np.frombuffer(prefix.encode(), dtype=np.uint8)
    return strings(np.hstack([np.broadcast_to(head, (len(digits), head.size)), digits]))


def days_between(first_year: int, last_year: int) -> tuple[int, int]:
    """Return the half-open range of day numbers (days since 1970-01-01) from 1 Jan to 31 Dec.

    Args:
        first_year: the first year.
        last_year: the last year (inclusive).
    Returns:
        (lo, hi) for ``Generator.integers``.
    """
    epoch = np.datetime64("1970-01-01")
    lo = (np.datetime64(f"{first_year}-01-01") - epoch).astype(int)
    hi = (np.datetime64(f"{last_year + 1}-01-01") - epoch).astype(int)
    return int(lo), int(hi)


def id_matrix(region: np.ndarray, day: np.ndarray, seq: np.ndarray) -> np.ndarray:
    """Return valid 18-character IDs (GB 11643, ISO 7064 MOD 11-2 check character) as a byte matrix.

    Args:
        region: indices into REGIONS.
        day: birth dates as days since 1970-01-01.
        seq: the three sequence digits (0–999; the last one's parity is the sex).
    Returns:
        An (n, 18) uint8 array of ASCII characters.
    """
    out = np.empty((len(day), 18), dtype=np.uint8)
    for a in range(0, len(out), CHUNK):  # a block at a time keeps the temporaries small
        block = out[a:a + CHUNK]
        dates = np.asarray(day[a:a + CHUNK], dtype=np.int64).astype("datetime64[D]")
        month_start = dates.astype("datetime64[M]")
        year = dates.astype("datetime64[Y]").astype(np.int64) + 1970
        month = month_start.astype(np.int64) % 12 + 1
        dom = (dates - month_start.astype("datetime64[D]")).astype(np.int64) + 1
        block[:, :6] = REGION_BYTES[region[a:a + CHUNK]]
        block[:, 6:14] = ascii_digits(year * 10_000 + month * 100 + dom, 8)
        block[:, 14:17] = ascii_digits(seq[a:a + CHUNK], 3)
        total = np.zeros(len(block), dtype=np.int32)
        for j, weight in enumerate(WEIGHTS):
            total += (block[:, j].astype(np.int32) - 48) * weight
        block[:, 17] = CHECK[total % 11]
    return out


def damage(ids: np.ndarray, rng: np.random.Generator) -> None:
    """Mistype one digit of each ID in place, outside the birth date, so the check character is wrong.

    ISO 7064 MOD 11-2 detects every single-digit substitution, so each result is invalid, while the
    surviving birth date lets the repaired-ID match link it at 置信度 中.

    Args:
        ids: an (n, 18) uint8 array of ASCII IDs (modified).
        rng: the random generator.
    """
    if not len(ids):
        return
    rows = np.arange(len(ids))
    original = ids.copy()
    pos = rng.choice(np.array([0, 1, 2, 3, 4, 5, 14, 15, 16]), len(ids))
    ids[rows, pos] = (original[rows, pos].astype(np.int16) - 48 + rng.integers(1, 10, len(ids))) % 10 + 48
    # An invalid ID ending in '000' reads as an Excel number with lost digits, not a typo. Redo those with
    # a region digit mistyped, or a sequence digit when the valid ID itself ends in '000'.
    redo = np.flatnonzero((ids[:, 15:] == 48).all(axis=1))
    if len(redo):
        ids[redo] = original[redo]
        ends_000 = (original[redo, 15:] == 48).all(axis=1)
        pos = np.where(ends_000, rng.integers(15, 17, len(redo)), rng.integers(0, 6, len(redo)))
        ids[redo, pos] = (original[redo, pos].astype(np.int16) - 48 + rng.integers(1, 10, len(redo))) % 10 + 48


@dataclass
class Who:
    """The people of a chunk of list rows.

    Attributes:
        name: pool indices of the names.
        ids: an (n, 18) uint8 array of ASCII IDs.
        village: each person's village (the member's own, else a random one).
    """

    name: np.ndarray
    ids: np.ndarray
    village: np.ndarray


class Province:
    """The places, the name pool and the roster of one generated province; draws list rows from them."""

    def __init__(self, members: int, seed: int) -> None:
        """Build the places, the name pool and the roster members (unique valid IDs).

        Args:
            members: roster members in all (低保 about 90 %, 特困 the rest).
            seed: random seed.
        """
        self.rng = np.random.default_rng(seed)
        self._places()
        self._names()
        self._roster(members)

    # ------------------------------------------------------------------ building blocks
    def _places(self) -> None:
        rng = self.rng
        self.towns = pa.array([f"第{i}街道" for i in range(1, TOWNSHIPS + 1)])
        self.town_region = rng.integers(0, len(REGIONS), TOWNSHIPS)
        per_town = rng.integers(VILLAGES_PER_TOWNSHIP[0], VILLAGES_PER_TOWNSHIP[1] + 1, TOWNSHIPS)
        self.village_start = np.concatenate([[0], np.cumsum(per_town)[:-1]])
        self.villages_per_town = per_town
        self.village_town = np.repeat(np.arange(TOWNSHIPS), per_town)
        # '第12-3社区': township 12's third village (city.py's '第123社区' without the ambiguity).
        self.villages = pa.array([f"第{t + 1}-{k}社区" for t, n in enumerate(per_town) for k in range(1, n + 1)])

    def _names(self) -> None:
        one = [s + g for s in SURNAMES for g in GIVEN]
        two = [s + g + h for s in SURNAMES for g in GIVEN for h in GIVEN]
        self.n_one, self.n_two = len(one), len(two)
        self.names = pa.array(one + two)

    def random_names(self, n: int) -> np.ndarray:
        """Return n pool indices: surname + one given character or two, equally likely (as city.py).

        Args:
            n: how many.
        Returns:
            Indices into ``self.names``.
        """
        rng = self.rng
        two = rng.random(n) < 0.5
        return np.where(two, self.n_one + rng.integers(0, self.n_two, n), rng.integers(0, self.n_one, n))

    def random_villages(self, n: int) -> np.ndarray:
        """Return n villages, each in a uniformly drawn township.

        Args:
            n: how many.
        Returns:
            Indices into ``self.villages``.
        """
        town = self.rng.integers(0, TOWNSHIPS, n)
        return self.village_start[town] + (self.rng.random(n) * self.villages_per_town[town]).astype(np.int64)

    def new_ids(self, n: int, first_year: int, last_year: int, village: np.ndarray | None = None,
                seq: tuple[int, int] = STRANGER_SEQ) -> np.ndarray:
        """Return n random valid IDs (born in the village's region when given, else anywhere).

        Args:
            n: how many.
            first_year: earliest birth year.
            last_year: latest birth year.
            village: the people's villages (their township's region is used), or None.
            seq: the range of the sequence digits.
        Returns:
            An (n, 18) uint8 array.
        """
        rng = self.rng
        if village is None:
            region = rng.integers(0, len(REGIONS), n)
        else:
            region = self.town_region[self.village_town[village]]
        return id_matrix(region, rng.integers(*days_between(first_year, last_year), n), rng.integers(*seq, n))

    # ------------------------------------------------------------------ the roster
    def _roster(self, members: int) -> None:
        rng = self.rng
        # 低保: whole households of 1–5 until at least 90 % of the members are placed (as city.py).
        target = members * DIBAO_SHARE
        sizes = rng.integers(1, 6, int(target / 3 * 1.2) + 10)
        households = int(np.searchsorted(np.cumsum(sizes), target)) + 1 if target > 0 else 0
        sizes = sizes[:households]
        dibao = int(sizes.sum())
        tekun = max(0, members - dibao)
        self.hh_size, self.hh_start = sizes, np.concatenate([[0], np.cumsum(sizes)[:-1]]).astype(np.int64)
        self.hh_village = self.random_villages(households)
        self.hh_area = rng.integers(0, 2, households)
        self.hh_account = rng.integers(0, 10, (households, 15), dtype=np.uint8) + 48
        self.hh_phone = rng.integers(0, 10, (households, 9), dtype=np.uint8) + 48
        hh = np.repeat(np.arange(households), sizes)
        k = np.arange(dibao) - np.repeat(self.hh_start, sizes)
        self.hh_of = hh
        self.relation = np.where(k == 0, 0, rng.integers(1, len(ROSTER_RELATIONS), dibao))
        # Birth years as city.py: heads 1940–1990, other members 1940–2015, 特困 1930–1970.
        heads, others = rng.integers(*days_between(1940, 1990), dibao), rng.integers(*days_between(1940, 2015), dibao)
        day = np.concatenate([np.where(k == 0, heads, others), rng.integers(*days_between(1930, 1970), tekun)])
        self.village = np.concatenate([self.hh_village[hh], self.random_villages(tekun)])
        region = self.town_region[self.village_town[self.village]]
        seq = rng.integers(*MEMBER_SEQ, dibao + tekun)
        # Unique IDs: redraw the sequence digits of later duplicates until none are left.
        while True:
            key = (region.astype(np.int64) * 200_000 + day) * 1_000 + seq
            _, first = np.unique(key, return_index=True)
            dup = np.ones(len(key), dtype=bool)
            dup[first] = False
            if not dup.any():
                break
            seq[dup] = rng.integers(*MEMBER_SEQ, int(dup.sum()))
        self.ids = id_matrix(region, day, seq)
        self.name = self.random_names(dibao + tekun)
        self.dibao, self.tekun = dibao, tekun
        self.members = dibao + tekun

    def roster_chunks(self) -> Iterator[list[pa.Array]]:
        """Yield the 低保 roster (ROSTER_HEADER columns) a chunk at a time.

        Yields:
            The chunk's columns.
        """
        relation_names = pa.array(ROSTER_RELATIONS)
        size_names, area_names = pa.array([str(i) for i in range(6)]), pa.array(["城市", "农村"])
        for a in range(0, self.dibao, CHUNK):
            rows = np.arange(a, min(a + CHUNK, self.dibao))
            hh = self.hh_of[rows]
            head = self.hh_start[hh]
            village = self.village[rows]
            yield [
                self.towns.take(self.village_town[village]), self.villages.take(village),
                self.names.take(self.name[head]), strings(self.ids[head]),
                self.names.take(self.name[rows]), relation_names.take(self.relation[rows]), strings(self.ids[rows]),
                size_names.take(self.hh_size[hh]), area_names.take(self.hh_area[hh]), const("580.0", len(rows)),
                prefixed("6228", self.hh_account[hh]), prefixed("13", self.hh_phone[hh]),
            ]

    def tekun_chunks(self) -> Iterator[list[pa.Array]]:
        """Yield the 特困 roster (TEKUN_HEADER columns) a chunk at a time.

        Yields:
            The chunk's columns.
        """
        modes = pa.array(["集中", "分散"])
        for a in range(self.dibao, self.members, CHUNK):
            rows = np.arange(a, min(a + CHUNK, self.members))
            village = self.village[rows]
            yield [
                self.towns.take(self.village_town[village]), self.villages.take(village),
                self.names.take(self.name[rows]), strings(self.ids[rows]),
                modes.take(self.rng.integers(0, 2, len(rows))), const("1576", len(rows)),
            ]

    # ------------------------------------------------------------------ list rows
    def people(self, n: int, hit: float) -> Who:
        """Return the people of n list rows: members with probability hit, damaged members, else strangers.

        Args:
            n: rows.
            hit: the chance a row is a roster member with the member's exact ID.
        Returns:
            Names, IDs and villages of the rows.
        """
        rng = self.rng
        u = rng.random(n)
        member = u < hit
        damaged = (u >= hit) & (u < hit + DAMAGED)
        who = Who(self.random_names(n), self.new_ids(n, 1940, 2015), self.random_villages(n))
        chosen = member | damaged
        m = rng.integers(0, self.members, int(chosen.sum()))
        who.name[chosen] = self.name[m]
        who.ids[chosen] = self.ids[m]
        who.village[chosen] = self.village[m]
        damage_rows = np.flatnonzero(damaged)
        broken = who.ids[damage_rows]
        damage(broken, rng)
        who.ids[damage_rows] = broken
        return who

    def registry_chunks(self, rows: int, staff: list[Who], cadres: list[Who]) -> Iterator[list[pa.Array]]:
        """Yield the registry (REGISTRY_HEADER columns): whole households, a few of them roster households.

        Roster households come with 0–2 non-member relatives; some of those relatives are collected in
        ``staff`` (the head's children) and ``cadres`` (any relative) to be planted in those lists.

        Args:
            rows: registry rows in all.
            staff: collects relatives for the staff list (appended to).
            cadres: collects relatives for the cadre list (appended to).
        Yields:
            The chunk's columns.
        """
        rng = self.rng
        order = rng.permutation(len(self.hh_size))  # roster households, each used at most once
        used = written = households_done = 0
        relation_words = pa.array(REGISTRY_RELATIONS)
        numbers = pa.array([f"{i}号" for i in range(1, 201)])
        while written < rows:
            count = CHUNK // 3  # households of 1–5 people (3 on average)
            is_member = rng.random(count) < REGISTRY_MEMBER_HOUSEHOLDS
            is_member &= np.cumsum(is_member) <= len(order) - used
            roster_hh = np.full(count, -1)
            roster_hh[is_member] = order[used:used + int(is_member.sum())]
            used += int(is_member.sum())
            extra = np.where(is_member, rng.integers(0, 3, count), 0)  # non-member relatives
            size = np.where(is_member, self.hh_size[roster_hh] + extra, rng.integers(1, 6, count))
            hh = np.repeat(np.arange(count), size)
            pos = np.arange(len(hh)) - np.repeat(np.cumsum(size) - size, size)
            if written + len(hh) > rows:  # the last chunk stops at the requested row count
                hh, pos = hh[:rows - written], pos[:rows - written]
            n = len(hh)
            who = self.people(n, 0.0)
            member_hh = is_member[hh]
            in_roster = member_hh & (pos < self.hh_size[roster_hh[hh]])
            m = self.hh_start[roster_hh[hh[in_roster]]] + pos[in_roster]
            who.name[in_roster], who.ids[in_roster] = self.name[m], self.ids[m]
            relatives = np.flatnonzero(member_hh & ~in_roster)
            village = np.where(is_member, self.hh_village[roster_hh], self.random_villages(count))
            who.village = village[hh]
            who.ids[relatives] = self.new_ids(len(relatives), 1955, 2000, who.village[relatives])
            # Relations: police style for members (by sex), kin words for relatives, else a stranger household.
            relation = STRANGER_CODE + np.where(pos == 0, 0, rng.integers(1, len(STRANGER_RELATIONS), n))
            relation[in_roster] = self.relation[m] * 2 + (self.ids[m, 16] - 48) % 2
            kin = rng.integers(0, len(KIN_RELATIONS), len(relatives))
            relation[relatives] = KIN_CODE + kin
            # Some relatives are also on the staff (children of the head) or cadre list.
            to_staff = relatives[(kin < CHILD_KIN) & (rng.random(len(relatives)) < PLANT_STAFF)]
            to_cadres = relatives[rng.random(len(relatives)) < PLANT_CADRES]
            for sink, picked in ((staff, to_staff), (cadres, to_cadres)):
                sink.append(Who(who.name[picked], who.ids[picked], who.village[picked]))
            number = ascii_digits(households_done + 1 + hh, 9)  # 户号: '000000001' …
            house = rng.integers(0, len(numbers), count)[hh]
            address = pc.binary_join_element_wise(self.towns.take(self.village_town[who.village]),
                                                  self.villages.take(who.village), numbers.take(house), "")
            households_done += count
            written += n
            yield [strings(number), self.names.take(who.name), strings(who.ids), relation_words.take(relation), address]


def list_specs(p: Province) -> dict[str, tuple[str, list[str], Callable[[int, Who], list[pa.Array]]]]:
    """Return each flat list kind's file stem, header and column builder (vocabularies as city.py).

    Args:
        p: the province (its random generator and places).
    Returns:
        {kind: (stem, header, build(n, who) -> columns in header order)}.
    """
    rng = p.rng
    letters = np.frombuffer(b"ABCDEFGHJKLMN", dtype=np.uint8)  # one plate letter per prefecture
    wages = [str(float(w)) for w in range(1800, 6001)]

    def pick(values: list[str], n: int) -> pa.Array:
        """Return n values drawn uniformly (repeat a value to weight it)."""
        return pa.array(values).take(rng.integers(0, len(values), n))

    def person(who: Who) -> list[pa.Array]:
        """Return the name and ID columns."""
        return [p.names.take(who.name), strings(who.ids)]

    def plate(n: int) -> pa.Array:
        """Return n plates such as '湘A12345'."""
        letter = letters[rng.integers(0, len(letters), n)][:, None]
        return prefixed("湘", np.hstack([letter, ascii_digits(rng.integers(10_000, 100_000, n), 5)]))

    def pensions(n: int, who: Who) -> list[pa.Array]:
        return [*person(who), pick(["城乡居民基本养老保险", "企业职工基本养老保险"], n),
                pick(["150.0", "180.0", "2600.0", "3100.0"], n), pick(["正常发放", "正常发放", "暂停发放"], n)]

    def vehicles(n: int, who: Who) -> list[pa.Array]:
        return [plate(n), pick(["小型轿车", "普通二轮摩托车", "轻型普通货车"], n), pick(["非营运", "营运"], n),
                *person(who), pick(["正常", "注销"], n)]

    def properties(n: int, who: Who) -> list[pa.Array]:
        return [*person(who), const("某市某路", n), pick(["住宅", "住宅", "商业"], n), const("90.0", n)]

    def businesses(n: int, who: Who) -> list[pa.Array]:
        return [const("某某商行", n), const("个体工商户", n), *person(who), const("某路", n),
                pick(["1", "2", "3", "4", "5"], n), pick(["存续", "注销"], n)]

    def wage_rows(n: int, who: Who) -> list[pa.Array]:
        return [*person(who), const("某公司", n), pick(wages, n), pick(["2026-07", "2026-08", "2026-09"], n)]

    def cadres(n: int, who: Who) -> list[pa.Array]:
        phone = prefixed("139", ascii_digits(rng.integers(10_000_000, 100_000_000, n), 8))
        return [*person(who), p.towns.take(p.village_town[who.village]), p.villages.take(who.village),
                const("主任", n), phone]

    return {
        "pensions": ("养老金发放名单", ["姓名", "社会保障号码", "险种", "月发放金额", "发放状态"], pensions),
        "vehicles": ("机动车登记信息", ["号牌号码", "车辆类型", "使用性质", "所有人", "身份证明号码", "机动车状态"], vehicles),
        "properties": ("不动产登记信息", ["权利人", "证件号码", "坐落", "规划用途", "面积"], properties),
        "businesses": ("市场主体登记信息", ["主体名称", "主体类型", "经营者", "证件号码", "经营场所", "从业人数", "登记状态"],
                       businesses),
        "wages": ("社保缴费工资", ["姓名", "身份证号", "缴费单位", "缴费工资", "缴费月份"], wage_rows),
        "deaths": ("死亡人员名单", ["姓名", "身份证号", "死亡日期"],
                   lambda n, who: [*person(who), const("2026-03-01", n)]),
        "migrations": ("户籍迁出名单", ["姓名", "身份证号", "迁出日期", "迁往地", "迁移原因"],
                       lambda n, who: [*person(who), const("2026-04-01", n), const("广东省深圳市", n),
                                       pick(["务工", "升学"], n)]),
        "prisoners": ("服刑人员名单", ["姓名", "身份证号", "入监日期", "刑期止日"],
                      lambda n, who: [*person(who), const("2025-01-01", n), const("2028-01-01", n)]),
        "staff": ("财政供养人员名单", ["工作单位", "姓名", "身份证号", "人员类别"],
                  lambda n, who: [const("某局", n), *person(who), const("公务员", n)]),
        "cadres": ("村干部名单", ["姓名", "身份证号", "乡镇", "村", "职务", "联系电话"], cadres),
    }


class Sink:
    """One output file, written a chunk (table) at a time on a background thread."""

    def __init__(self, path: Path, header: list[str], fmt: str, pool: ThreadPoolExecutor) -> None:
        """Open the file.

        Args:
            path: the file.
            header: the column names (all string columns).
            fmt: 'csv' or 'parquet'.
            pool: the single writer thread (keeps the chunks in order).
        """
        self.schema = pa.schema([(h, pa.string()) for h in header])
        self.pool = pool
        self.pending: list[Future] = []
        if fmt == "csv":
            options = pacsv.WriteOptions(quoting_style="none", quoting_header="none", batch_size=65_536)
            self.writer = pacsv.CSVWriter(str(path), self.schema, write_options=options)
        else:
            self.writer = pq.ParquetWriter(str(path), self.schema, compression="zstd")

    def write(self, columns: list[pa.Array]) -> None:
        """Queue one chunk; waits while two chunks are already queued (bounded memory).

        Args:
            columns: the chunk's columns in header order.
        """
        table = pa.Table.from_arrays(columns, schema=self.schema)
        while len(self.pending) >= 2:
            self.pending.pop(0).result()
        self.pending.append(self.pool.submit(self.writer.write_table, table))

    def close(self) -> None:
        """Wait for the queued chunks and close the file."""
        for f in self.pending:
            f.result()
        self.pool.submit(self.writer.close).result()


def generate(out: Path, members: int = 5_000_000, rows: int = 50_000_000, fmt: str = "csv",
             seed: int = 1) -> dict[str, list[Path]]:
    """Write the province data set and return {'rosters': [...], kind: [path]}.

    Args:
        out: the folder.
        members: roster members in all.
        rows: reference-list rows in all (split by SHARES).
        fmt: 'csv' or 'parquet'.
        seed: random seed.
    Returns:
        The files by kind.
    """
    out.mkdir(parents=True, exist_ok=True)
    ext = "." + fmt
    p = Province(members, seed)
    files: dict[str, list[Path]] = {}
    counts = {kind: max(10, round(rows * share)) for kind, share in SHARES.items()}
    planted: dict[str, list[Who]] = {"staff": [], "cadres": []}
    with ThreadPoolExecutor(max_workers=1) as pool:

        def write(path: Path, header: list[str], chunks: Iterator[list[pa.Array]]) -> None:
            """Write one file from its chunks."""
            sink = Sink(path, header, fmt, pool)
            for columns in chunks:
                sink.write(columns)
            sink.close()

        roster, tekun = out / f"低保花名册{ext}", out / f"特困人员名册{ext}"
        write(roster, ROSTER_HEADER, p.roster_chunks())
        write(tekun, TEKUN_HEADER, p.tekun_chunks())
        files["rosters"] = [roster, tekun]
        # The registry comes first: it picks the relatives planted on the staff and cadre lists.
        registry = out / f"户籍人口信息{ext}"
        write(registry, REGISTRY_HEADER, p.registry_chunks(counts["registry"], planted["staff"], planted["cadres"]))
        files["registry"] = [registry]
        for kind, (stem, header, build) in list_specs(p).items():
            path = out / f"{stem}{ext}"
            write(path, header, _list_chunks(p, kind, counts[kind], build, planted.get(kind, [])))
            files[kind] = [path]
    return files


def _list_chunks(p: Province, kind: str, n: int, build: Callable[[int, Who], list[pa.Array]],
                 planted: list[Who]) -> Iterator[list[pa.Array]]:
    """Yield a flat list's chunks, with the planted registry relatives at random rows.

    Args:
        p: the province.
        kind: the list kind (for its hit rate).
        n: rows in all.
        build: the kind's column builder.
        planted: people to place on this list (registry relatives).
    Yields:
        The chunk's columns.
    """
    extra = Who(np.concatenate([w.name for w in planted] or [np.zeros(0, dtype=np.int64)]),
                np.concatenate([w.ids for w in planted] or [np.zeros((0, 18), dtype=np.uint8)]),
                np.concatenate([w.village for w in planted] or [np.zeros(0, dtype=np.int64)]))
    k = min(n, len(extra.name))
    at = np.sort(p.rng.choice(n, k, replace=False))  # the rows that get a planted person
    for a in range(0, n, CHUNK):
        size = min(CHUNK, n - a)
        who = p.people(size, HITS.get(kind, 0.01))
        sel = np.flatnonzero((at >= a) & (at < a + size))
        if len(sel):
            rows = at[sel] - a
            who.name[rows], who.ids[rows], who.village[rows] = extra.name[sel], extra.ids[sel], extra.village[sel]
        yield build(size, who)


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=Path("bench/data/province"))
    ap.add_argument("--members", type=int, default=5_000_000)
    ap.add_argument("--rows", type=int, default=50_000_000)
    ap.add_argument("--format", choices=("csv", "parquet"), default="csv")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    files = generate(args.out, args.members, args.rows, args.format, args.seed)
    for kind, paths in files.items():
        print(kind, *paths)


if __name__ == "__main__":
    main()
