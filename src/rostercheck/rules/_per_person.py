"""One finding per person for the records a list gives her: a township worker makes one home visit, not fifty."""

from __future__ import annotations

from dataclasses import replace

from ..model import CONFIDENCE_ORDER, Finding
from ._econ import text_of

# How many of a person's records the joined finding names before '等 N 辆'
SHOWN_ITEMS = 5


def one_per_person(found: list[tuple[Finding, str | None]], what: str, unit: str, label: str) -> list[Finding]:
    """Join one code's findings about one member from one list's records into one finding (h464: a vehicle list giving
    one person 50 plates, in one cell or in 50 rows, made 50 C04 rows for one home visit). The joined finding is the
    strongest part's (first on a tie), its evidence naming the records (the first few and 等 N 辆), how the other parts
    stand where their confidence differs, all their rows and keys; its facts are the parts' facts together (the
    suppression fingerprint changes when a record comes or goes). Parts naming one record are left to
    :func:`audit.copies_joined` (同一条记录，重复列出).

    Args:
        found: (finding, the record's identity as shown: a plate, a business, a location; None for a finding of
            another kind, kept as it is) in the list's order.
        what: the records as the evidence names them after 本人 ('名下机动车').
        unit: their measure word ('辆').
        label: the identity's field name ('号牌号码'; '' to show the identities alone).
    Returns:
        The findings, each member's joined into the place of her first, in their order.
    """
    mine: dict[int, list[tuple[Finding, str]]] = {}
    for f, item in found:
        if item is not None:
            mine.setdefault(f.member, []).append((f, item))
    out = []
    for f, item in found:
        if item is None:
            out.append(f)
            continue
        group = mine[f.member]
        items = list(dict.fromkeys(named for _, named in group))
        if len(items) < 2:
            out.append(f)
            continue
        if f is not group[0][0]:
            continue
        best, best_item = min(group, key=lambda part: _rank(part[0].confidence))
        shown = "、".join(items[:SHOWN_ITEMS]) + (f" 等 {len(items)} {unit}" if len(items) > SHOWN_ITEMS else "")
        own: dict[str, str] = {}  # (each other record at its strongest part)
        for part, named in group:
            if named != best_item and _rank(part.confidence) < _rank(own.get(named, "")):
                own[named] = part.confidence
        weaker = {c: sum(1 for v in own.values() if v == c) for c in sorted(set(own.values()), key=_rank)
                  if c != best.confidence}
        said = "；其余 " + "、".join(f"{n} {unit}置信度为{c}" for c, n in weaker.items()) if weaker else ""
        lead = (f"本人{what}共 {len(items)} {unit}（{label + ' ' if label else ''}{shown}），合为一条，"
                f"置信度按其中最高的一{unit}{said}；其中")
        rows = sorted(dict.fromkeys(r for part, _ in group for r in str(part.source_row).split("、") if r),
                      key=lambda r: (0, int(r)) if r.isdigit() else (1, 0))
        keys = "、".join(dict.fromkeys(part.key for part, _ in group if part.key))
        facts = tuple(dict.fromkeys(fact for part, _ in group for fact in part.facts))
        out.append(replace(best, evidence=lead + best.evidence, source_row="、".join(rows), key=keys, facts=facts))
    return out


def _rank(confidence: str) -> int:
    return CONFIDENCE_ORDER.get(confidence, 9)


def record_identity(row: dict, *fields: str) -> str:
    """A list record's identity as the joined evidence shows it (a plate, a location, a business), its row otherwise."""
    return next((t for f in fields if (t := text_of(row, f))), f"第 {int(row['_row'])} 行")
