"""Deciding, item by item, where a plan's codes go in another nomenclature version.

Pure: it takes the plan's items, the crosswalk rows between the two versions and the
target version's items, and returns one :class:`Decision` per item. Nothing is dropped:
an item that cannot be placed is ``unmapped`` (it stays in the plan until a person decides),
one with several plausible places is ``ambiguous`` with its ranked candidates.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Iterable, Mapping

from core.nomenclature.crosswalk import propose
from core.nomenclature.model import NomenclatureItemSpec
from core.nomenclature.names import normalise_name

#: Levels that carry a nomenclature code; others (visi, tujuan ...) are kept as they are.
CODED_LEVELS = ("program", "kegiatan", "sub_kegiatan")
#: A crosswalk row this sure, or confirmed by a person, maps without asking.
SURE = Decimal("0.90")
SAME_PLACE_KINDS = ("same", "renamed", "renumbered", "merged")


@dataclass(frozen=True)
class PlanItemRef:
    """What the decision needs of a plan item."""

    key: str
    level: str
    code: str | None
    name: str


@dataclass(frozen=True)
class RowRef:
    """What the decision needs of a crosswalk row (stored or proposed)."""

    from_code: str
    to_codes: tuple[str, ...]
    kind: str
    confidence: Decimal
    basis: str
    status: str = "proposed"  # proposed | confirmed | rejected


@dataclass(frozen=True)
class Decision:
    """Where one item goes: ``status`` kept | mapped | ambiguous | unmapped."""

    key: str
    status: str
    from_code: str | None
    to_code: str | None
    basis: str
    candidates: tuple[tuple[str, str, Decimal], ...] = ()  # (code, name, confidence), best first


def decide(items: Iterable[PlanItemRef], rows: Mapping[str, RowRef],
           target_items: Iterable[NomenclatureItemSpec],
           source_items: Iterable[NomenclatureItemSpec]) -> list[Decision]:
    """One decision per item, in the order given.

    ``rows``: crosswalk rows by old code. ``source_items``: the source version's list. An
    item whose code is not in that list (a region's own numbering) is first identified in it
    by its exact name, so that the crosswalk can still be used.
    """
    targets = list(target_items)
    sources = list(source_items)
    source_codes = {s.code for s in sources}
    source_by_name: dict[tuple[str, str], list[str]] = {}
    for s in sources:
        source_by_name.setdefault((s.level, normalise_name(s.name)), []).append(s.code)
    by_code = {t.code: t for t in targets}
    by_name: dict[tuple[str, str], list[NomenclatureItemSpec]] = {}
    for t in targets:
        by_name.setdefault((t.level, normalise_name(t.name)), []).append(t)
    items = list(items)
    decisions: dict[str, Decision] = {}
    by_name_needed = []
    for item in items:
        if item.level not in CODED_LEVELS:
            decisions[item.key] = Decision(item.key, "kept", item.code, item.code, "not coded")
            continue
        lookup = item.code
        if lookup not in source_codes:
            named = source_by_name.get((item.level, normalise_name(item.name)), [])
            lookup = named[0] if len(named) == 1 else lookup
        row = rows.get(lookup) if lookup else None
        if row is not None and row.status != "rejected":
            decisions[item.key] = _from_row(item, row, by_code)
            continue
        if item.code and item.code in by_code and item.code in source_codes and \
                normalise_name(by_code[item.code].name) == normalise_name(item.name):
            decisions[item.key] = Decision(item.key, "mapped", item.code, item.code, "same code and name")
            continue
        exact = by_name.get((item.level, normalise_name(item.name)), [])
        if len(exact) == 1:
            decisions[item.key] = Decision(item.key, "mapped", item.code, exact[0].code, "same name")
            continue
        by_name_needed.append(item)
    if by_name_needed:
        specs = [NomenclatureItemSpec(version="plan", jurisdiction="all", code=i.code or i.key, level=i.level,
                                      name=i.name) for i in by_name_needed]
        for item, proposal in zip(by_name_needed, propose(specs, targets)):
            candidates = tuple((c.code, c.name, c.confidence) for c in proposal.candidates)
            status = "ambiguous" if candidates else "unmapped"
            decisions[item.key] = Decision(item.key, status, item.code, None, "name similarity", candidates)
    return [decisions[item.key] for item in items]


def _from_row(item: PlanItemRef, row: RowRef, by_code) -> Decision:
    candidates = tuple((c, by_code[c].name if c in by_code else "", row.confidence) for c in row.to_codes)
    if not row.to_codes:
        return Decision(item.key, "unmapped", item.code, None, f"crosswalk: {row.kind}")
    sure = row.status == "confirmed" or row.confidence >= SURE
    if len(row.to_codes) == 1 and row.kind in SAME_PLACE_KINDS and sure:
        return Decision(item.key, "mapped", item.code, row.to_codes[0], f"crosswalk {row.basis}: {row.kind}")
    return Decision(item.key, "ambiguous", item.code, None, f"crosswalk {row.basis}: {row.kind}", candidates)
