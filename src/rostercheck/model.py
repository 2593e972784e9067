"""Plain data objects shared by the library: findings, check specs, and the audit context."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

HIGH, MEDIUM, LOW = "高", "中", "低"
CONFIDENCE_ORDER = {HIGH: 0, MEDIUM: 1, LOW: 2}


@dataclass
class Finding:
    """One problem about one recipient (or applicant), with the evidence to verify it at the door.

    Attributes:
        code: category code (C01…C10, RQ1…RQ3, D01…D03).
        member: index of the member in the roster frame.
        evidence: what matched, in which list, which row, on which key, which values.
        confidence: HIGH, MEDIUM or LOW.
        source: the reference list label (or '花名册').
        source_row: the row in that list ('' when not applicable).
        key: the key the match was made on (e.g. '身份证号一致').
        facts: the evidence as data, (name, value) pairs: the list kind, the source record's identity
            (plate, property, business, employer …, never a file name or row number), how it was linked
            and the decisive values (never ages, nor amounts that drift every year); the suppression
            fingerprint is made from these (see ``suppress.evidence_fingerprint``).
        months: the months a money finding covers (涉及月份 text, '' for others).
        recover: yuan to recover (应追回金额; None when not money).
        repay: yuan still owed (应补发金额; None when not money).
        subject: for a payee on no roster (member < 0): the report's person columns (township, village,
            head_name, head_id, name, id, programme, file, row).
    """

    code: str
    member: int
    evidence: str
    confidence: str
    source: str = ""
    source_row: str = ""
    key: str = ""
    facts: tuple[tuple[str, str], ...] = ()
    months: str = ""
    recover: float | None = None
    repay: float | None = None
    subject: dict | None = None


@dataclass
class CheckSpec:
    """The declarative half of a check, loaded from ``checks/<CODE>.toml``.

    Attributes:
        code: the category code.
        title: the short Chinese title used everywhere.
        basis: 政策依据 (policy source text).
        needs: list kinds the check needs (any of them enables it).
        level: 'member' or 'household' (whether rectification is judged per person or per household).
        params: parameter values (defaults merged with the user's configuration).
        explanation: the explanation shown by ``rostercheck explain``.
        advice: what to verify at the door (建议).
        needs_also: list kinds the check needs besides ``needs`` (any of them; F01 needs the deaths too).
        recheck: ``review`` runs the check again on the new roster, and a finding it no longer gives is rectified
            although the person is still enrolled (the roster's own faults, D01–D03: a duplicate removed, an
            account or an ID corrected). Other findings are rectified only when the person or household left.
        needs_columns: roster columns the check cannot flag anyone without (C08's 劳动能力): a roster without any
            of their cells has the check said as not run, not "nothing found"; so has one (or a list's, written
            'kind.field': C05's 'businesses.status') whose every value is one the checks do not recognise.
        each_roster: each roster file needs those columns: one without them has its people said unchecked (D02's
            银行账号; not C08's 劳动能力, which a 特困 roster need not give).
        applicants_only: only ``screen`` runs the check, on applicants (S01: whether a 特困 applicant can be 特困 at
            all); audit and review neither run nor list it.
        uses_params: values of other sections the check uses, 'section.key' ('common.urban_standard',
            'C04.min_homes'): ``explain`` shows them in force beside the check's own.
        ledger_words: words a township's own ledger may write in 问题类别 for the category instead of its code or
            title (死亡 for C02); ``review`` takes such a row for the one finding of that person (the same whole ID)
            of a category whose word fits, the longest word deciding (死亡后 F01 over 死亡 C02).
        needs_partly: list kinds a part of the check reads: one not given has that part said unchecked, the rest run
            (F03's 停保名单: without it only the payees on no roster are looked for).
        needs_or: list kinds that let the check run where none of ``needs`` is given, their own absence never said
            (C02 by the registry's 人员状态 死亡 alone: held-out 307 said "C02 未检查" of a registry naming a dead member).
        former_titles: titles earlier releases gave the category: a problem list or a township's return written
            then still names it by them (``review``).
    """

    code: str
    title: str
    basis: str
    needs: list[str]
    level: str
    params: dict[str, Any]
    explanation: str
    advice: str
    needs_also: list[str] = field(default_factory=list)
    recheck: bool = False
    needs_columns: list[str] = field(default_factory=list)
    each_roster: bool = False
    applicants_only: bool = False
    uses_params: list[str] = field(default_factory=list)
    ledger_words: list[str] = field(default_factory=list)
    needs_partly: list[str] = field(default_factory=list)
    needs_or: list[str] = field(default_factory=list)
    former_titles: list[str] = field(default_factory=list)

    @property
    def runs_on(self) -> list[str]:
        """The kinds any one of which lets the check run: ``needs`` and ``needs_or``."""
        return [*self.needs, *self.needs_or]


class Pending(BaseException):
    """A check reached a list that the second process is still reading (see :class:`Arriving`).

    A BaseException, so that no ``except Exception`` in a check can take it for a failure of its own:
    :func:`rostercheck.audit.run_checks` runs that check again once the list has arrived.
    """


class Arriving(Mapping):
    """Reference lists (or their labels) by kind, some of them still being read.

    A kind still pending counts as given (``kind in lists``), but looking it up, or walking all the
    kinds, raises :class:`Pending`: nothing computed from the lists read so far can stand in for one
    still to come.

    Args:
        items: kind → value for the kinds read.
        pending: the kinds still being read.
    """

    def __init__(self, items: dict[str, Any], pending: Iterable[str] = ()):
        self._items = dict(items)
        self.pending = set(pending)

    def __setitem__(self, kind: str, value: Any) -> None:
        """Add a kind's value once it is read."""
        self._items[kind] = value
        self.pending.discard(kind)

    def __getitem__(self, kind: str) -> Any:
        if kind in self.pending:
            raise Pending(kind)
        return self._items[kind]

    def __contains__(self, kind: object) -> bool:
        return kind in self.pending or kind in self._items

    def __iter__(self) -> Iterator[str]:
        if self.pending:
            raise Pending(*sorted(self.pending))
        return iter(self._items)

    def __len__(self) -> int:
        if self.pending:
            raise Pending(*sorted(self.pending))
        return len(self._items)


@dataclass
class Context:
    """Everything a check may look at.

    Attributes:
        members: the roster members (normalised frame, see ``roster.build_members``).
        lists: reference kind → normalised frame (see ``reference.normalise``).
        labels: reference kind → label of the list for evidence texts.
        as_of: the review date.
        specs: code → CheckSpec with effective parameters.
        common: shared policy values (standards).
        cache: memo for links computed once and used by several checks.
        county_code: the county's six-digit GB/T 2260 code ('' when unknown; see ``regions.find_county_code``).
    """

    members: pd.DataFrame
    lists: Mapping[str, pd.DataFrame]
    labels: Mapping[str, str]
    as_of: dt.date
    specs: dict[str, CheckSpec]
    common: dict[str, Any]
    cache: dict[str, Any] = field(default_factory=dict)
    county_code: str = ""
    departed: dict[str, tuple] = field(default_factory=dict)  # ID → a roster's own record of a household's leaving
    left: dict[str, list[dict]] = field(default_factory=dict)  # household → a roster's own records of members who left it

    def value(self, member: int, column: str) -> Any:
        """Return one member cell, fast (members are numbered 0…n-1; pandas scalar access is slow).

        Args:
            member: the member index.
            column: the member column.
        Returns:
            The cell.
        """
        key = "member-column:" + column
        values = self.cache.get(key)
        if values is None:
            values = self.cache[key] = self.members[column].to_numpy()
        return values[member]

    def has(self, kind: str) -> bool:
        """Return whether a reference list of that kind was given.

        Args:
            kind: the reference kind.
        Returns:
            True when the list is loaded.
        """
        return kind in self.lists

    def standard(self, area_type: str) -> float:
        """Return the monthly 低保 standard for a household's 城乡类别.

        Args:
            area_type: '城市' or '农村' (anything else counts as the configured default).
        Returns:
            yuan per person per month.
        """
        if area_type == "城市":
            return float(self.common["urban_standard"])
        if area_type == "农村":
            return float(self.common["rural_standard"])
        return float(self.common["urban_standard" if self.common.get("default_area") == "城市" else "rural_standard"])


def plain_text(frame: pd.DataFrame) -> pd.DataFrame:
    """Return the frame with its string-dtype columns as object columns holding the same values.

    Checks walk text columns cell by cell, which pandas' string dtype does several times slower than
    object columns; the member and list frames are built this way.

    Args:
        frame: a frame.
    Returns:
        The frame (the same object when no column needed converting).
    """
    text = [c for c, t in frame.dtypes.items() if isinstance(t, pd.StringDtype)]
    if not text:
        return frame
    frame = frame.copy(deep=False)
    for c in text:
        frame[c] = frame[c].astype(object)
    return frame


def object_array(values: list) -> np.ndarray:
    """A list as a one-dimensional object array (tuples and lists stay cells, as numpy would not leave them).

    Args:
        values: the cells.
    Returns:
        The array.
    """
    out = np.empty(len(values), dtype=object)
    out[:] = values
    return out


# ctx.cache key set by ``screen``: the members are applicants (evidence says 申请保障, not 享受保障 or 发放账号)
APPLYING = "applying"
# what findings and notices call the applicants' own file (``screen``)
APPLICATIONS = "申请名单"


def enjoys(ctx) -> str:
    """'享受保障', or '申请保障' when the members apply (``screen``)."""
    return "申请保障" if ctx.cache.get(APPLYING) else "享受保障"


def members_file(ctx) -> str:
    """'花名册', or '申请名单' when the members apply (``screen``): what evidence calls the members' own file, the one
    whose declared income and assets a finding compares (h327: C10 said 花名册申报信息 of an application)."""
    return APPLICATIONS if ctx.cache.get(APPLYING) else "花名册"
