"""Reading plan documents and their item trees, always within one region."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from flask import abort
from sqlalchemy import select

from core.extensions import db
from core.models import Budget, Indicator, PlanDocument, PlanItem, PrintedTable, Realisation, Region, Target


def documents_of(region: Region) -> list[PlanDocument]:
    """The region's documents, newest period first, then by type and version."""
    return db.session.scalars(
        select(PlanDocument)
        .where(PlanDocument.region_id == region.id)
        .order_by(PlanDocument.doc_type, PlanDocument.key, PlanDocument.version)
    ).all()


def document_or_404(region: Region, document_id: int) -> PlanDocument:
    """The document ``document_id`` of ``region``; 404 when it belongs to any other region."""
    document = db.session.scalar(
        select(PlanDocument).where(PlanDocument.id == document_id, PlanDocument.region_id == region.id)
    )
    if document is None:
        abort(404)
    return document


@dataclass
class IndicatorView:
    """An indicator with its targets and realisations keyed by (year, quarter)."""

    indicator: Indicator
    targets: dict = field(default_factory=dict)
    realisations: dict = field(default_factory=dict)


@dataclass
class TreeNode:
    """An item in document order with its depth, indicators and money keyed by (kind, year)."""

    item: PlanItem
    depth: int
    indicators: list[IndicatorView] = field(default_factory=list)
    budgets: dict = field(default_factory=dict)  # (kind, year) -> Budget, whole-year amounts
    child_count: int = 0
    quarterly: dict = field(default_factory=dict)  # (kind, year, quarter) -> Budget (realised spending)


def document_tree(document: PlanDocument) -> list[TreeNode]:
    """The document's items in order (depth-first), each with its values, in five queries."""
    region_id = document.region_id
    items = db.session.scalars(
        select(PlanItem)
        .where(PlanItem.region_id == region_id, PlanItem.document_id == document.id)
        .order_by(PlanItem.position)
    ).all()
    item_ids = [i.id for i in items]
    indicators = db.session.scalars(
        select(Indicator)
        .where(Indicator.region_id == region_id, Indicator.item_id.in_(select(PlanItem.id).where(
            PlanItem.document_id == document.id)))
        .order_by(Indicator.item_id, Indicator.position)
    ).all() if item_ids else []
    indicator_ids = select(Indicator.id).join(PlanItem, PlanItem.id == Indicator.item_id).where(
        PlanItem.document_id == document.id
    )
    targets = db.session.scalars(
        select(Target).where(Target.region_id == region_id, Target.indicator_id.in_(indicator_ids))
    ).all()
    realisations = db.session.scalars(
        select(Realisation).where(Realisation.region_id == region_id, Realisation.indicator_id.in_(indicator_ids))
    ).all()
    budgets = db.session.scalars(
        select(Budget).where(Budget.region_id == region_id, Budget.item_id.in_(
            select(PlanItem.id).where(PlanItem.document_id == document.id)))
    ).all()

    by_indicator = {ind.id: IndicatorView(ind) for ind in indicators}
    for t in targets:
        by_indicator[t.indicator_id].targets[(t.year, t.quarter)] = t
    for r in realisations:
        by_indicator[r.indicator_id].realisations[(r.year, r.quarter)] = r
    indicators_of = defaultdict(list)
    for view in by_indicator.values():
        indicators_of[view.indicator.item_id].append(view)
    budgets_of, quarterly_of = defaultdict(dict), defaultdict(dict)
    for b in budgets:
        if b.quarter is None:
            budgets_of[b.item_id][(b.kind, b.year)] = b
        else:
            quarterly_of[b.item_id][(b.kind, b.year, b.quarter)] = b

    children = defaultdict(list)
    for item in items:
        children[item.parent_id].append(item)
    nodes: list[TreeNode] = []

    def walk(parent_id, depth):
        for item in children.get(parent_id, ()):
            node = TreeNode(item, depth, indicators_of.get(item.id, []), budgets_of.get(item.id, {}),
                            len(children.get(item.id, ())), quarterly_of.get(item.id, {}))
            nodes.append(node)
            walk(item.id, depth + 1)

    walk(None, 0)
    return nodes


def document_years(document: PlanDocument, nodes: list[TreeNode]) -> list[int]:
    """The calendar years that the document's targets and budgets cover, in order."""
    years = set()
    for node in nodes:
        years.update(y for (_k, y) in node.budgets if y is not None)
        for view in node.indicators:
            years.update(y for (y, q) in view.targets if q is None)
    return sorted(years)


def printed_tables(document: PlanDocument) -> list[PrintedTable]:
    """Tables of the document kept as printed."""
    return db.session.scalars(
        select(PrintedTable)
        .where(PrintedTable.region_id == document.region_id, PrintedTable.document_id == document.id)
        .order_by(PrintedTable.key)
    ).all()


def amended(document: PlanDocument) -> PlanDocument | None:
    """The version ``document`` amends (same region), if any."""
    if document.amends_id is None:
        return None
    return db.session.scalar(select(PlanDocument).where(
        PlanDocument.region_id == document.region_id, PlanDocument.id == document.amends_id))


def amendments(document: PlanDocument) -> list[PlanDocument]:
    """The later versions that amend ``document``."""
    return db.session.scalars(select(PlanDocument).where(
        PlanDocument.region_id == document.region_id, PlanDocument.amends_id == document.id)
        .order_by(PlanDocument.version)).all()
