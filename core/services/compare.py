"""Comparing the same sub kegiatan across the regions a province hosts.

Each region plans in its own code list; every item is placed in one common version through
the crosswalk (the same decisions as moving a plan, made in memory, nothing stored). What
cannot be placed is listed per region, never dropped.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import select

from core.extensions import db
from core.models import PlanDocument, PlanningPeriod, Region
from core.nomenclature.migrate import PlanItemRef, decide
from core.services import nomenclature as nomenclature_service
from core.services.documents import document_tree
from core.services.plan_migration import _rows, jurisdiction_of

CODED = ("program", "kegiatan", "sub_kegiatan")


@dataclass
class Contribution:
    """One region's item placed at a common code, with its values for the year."""

    region: Region
    document: PlanDocument
    node: object
    status: str


@dataclass
class CompareRow:
    code: str
    name: str
    level: str
    by_region: dict[int, list[Contribution]] = field(default_factory=dict)


@dataclass
class Comparison:
    version: object
    year: int
    regions: list[Region]
    documents: dict[int, PlanDocument | None]
    rows: list[CompareRow]
    unplaced: dict[int, list[Contribution]]


def plan_for_year(region: Region, year: int) -> PlanDocument | None:
    """The region's plan for ``year``: its Renja of that year, else the Renstra covering it;
    an approved version before a draft (a plan being moved to another list is not yet the plan)."""
    documents = db.session.scalars(select(PlanDocument).where(
        PlanDocument.region_id == region.id, PlanDocument.nomenclature_version_id.is_not(None),
        PlanDocument.doc_type.in_(("renja", "renstra", "lakip")))).all()
    renja = [d for d in documents if d.doc_type in ("renja", "lakip") and d.year == year]
    if renja:
        return sorted(renja, key=lambda d: d.doc_type != "renja")[0]
    covering = []
    for d in documents:
        period = db.session.get(PlanningPeriod, d.period_id) if d.period_id else None
        if d.doc_type == "renstra" and period and period.start_year <= year <= period.end_year:
            covering.append(d)
    return max(covering, key=lambda d: (d.status == "approved", d.version)) if covering else None


def compare(regions: list[Region], version_code: str, year: int, jurisdiction: str = "kabkota") -> Comparison:
    """Place every region's plan for ``year`` in ``version_code`` and line the items up."""
    version = nomenclature_service.version_by_code(version_code)
    target_items = [nomenclature_service.to_spec(i, version.code)
                    for i in nomenclature_service.items_of(version, jurisdiction)]
    names = {t.code: (t.name, t.level) for t in target_items}
    rows: dict[str, CompareRow] = {}
    unplaced: dict[int, list[Contribution]] = {}
    documents: dict[int, PlanDocument | None] = {}
    for region in regions:
        document = plan_for_year(region, year)
        documents[region.id] = document
        if document is None:
            continue
        nodes = [n for n in document_tree(document) if n.item.level in CODED]
        source = document.nomenclature_version
        if source.id == version.id:
            decisions = [None] * len(nodes)
        else:
            source_items = [nomenclature_service.to_spec(i, source.code)
                            for i in nomenclature_service.items_of(source, jurisdiction_of(region))]
            decisions = decide([PlanItemRef(n.item.key, n.item.level, n.item.code, n.item.name) for n in nodes],
                               _rows(region, source.code, version.code, jurisdiction), target_items, source_items)
        for node, decision in zip(nodes, decisions):
            code = node.item.code if decision is None else decision.to_code
            status = "same list" if decision is None else decision.status
            contribution = Contribution(region, document, node, status)
            if code and code in names:
                row = rows.setdefault(code, CompareRow(code, *names[code]))
                row.by_region.setdefault(region.id, []).append(contribution)
            else:
                unplaced.setdefault(region.id, []).append(contribution)
    ordered = sorted(rows.values(), key=lambda r: [int(p) if p.isdigit() else p for p in r.code.split(".")])
    return Comparison(version, year, regions, documents, ordered, unplaced)
