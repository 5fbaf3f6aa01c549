"""Reading plan documents and their item trees, always within one region."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import func, or_, select

from core.errors import NotFound
from core.extensions import db
from core.models import Budget, Indicator, Plan, PlanDocument, PlanItem, PrintedTable, Realisation, Region, Target


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
        raise NotFound()
    return document


# -- plans and versions ---------------------------------------------------------------------


def plan_of(region: Region, key: str) -> Plan | None:
    """The region's plan named ``key``, or the plan of the document named ``key``."""
    plan = db.session.scalar(select(Plan).where(Plan.region_id == region.id, Plan.key == key))
    if plan is None:
        plan = db.session.scalar(select(Plan).join(PlanDocument, PlanDocument.plan_id == Plan.id).where(
            PlanDocument.region_id == region.id, PlanDocument.key == key).limit(1))
    return plan


def versions_of(plan: Plan) -> list[PlanDocument]:
    """Every version of ``plan``, oldest first."""
    return db.session.scalars(select(PlanDocument).where(
        PlanDocument.region_id == plan.region_id, PlanDocument.plan_id == plan.id)
        .order_by(PlanDocument.version)).all()


def current_version(plan: Plan) -> PlanDocument | None:
    """The version in force: the highest that is not a draft (the highest draft when all are)."""
    versions = versions_of(plan)
    in_force = [v for v in versions if v.status != "draft"]
    return (in_force or versions or [None])[-1]


def current_document(region: Region, key: str) -> PlanDocument | None:
    """The current version of the plan ``key`` (a plan key, or the key of any of its versions)."""
    plan = plan_of(region, key)
    return current_version(plan) if plan is not None else None


def is_current(document: PlanDocument) -> bool:
    """Whether ``document`` is the version of its plan in force."""
    current = current_version(document.plan) if document.plan is not None else document
    return current is not None and current.id == document.id


def next_version_number(plan: Plan) -> int:
    """The number a new version of ``plan`` takes."""
    highest = db.session.scalar(select(func.max(PlanDocument.version)).where(PlanDocument.plan_id == plan.id))
    return (highest or 0) + 1


def ensure_plan(region: Region, key: str, doc_type: str, title: str, period_id: int | None = None,
                year: int | None = None) -> Plan:
    """The region's plan ``key``, created when it does not exist."""
    plan = db.session.scalar(select(Plan).where(Plan.region_id == region.id, Plan.key == key))
    if plan is None:
        plan = Plan(region_id=region.id, key=key, doc_type=doc_type, title=title, period_id=period_id, year=year)
        db.session.add(plan)
        db.session.flush()
    return plan


# -- reading a document -------------------------------------------------------------------


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
    # Printed values belong to this document's rows; entered ones to their lineage.
    indicator_lineages = select(Indicator.lineage_id).join(PlanItem, PlanItem.id == Indicator.item_id).where(
        PlanItem.document_id == document.id
    )
    realisations = db.session.scalars(
        select(Realisation).where(Realisation.region_id == region_id, or_(
            Realisation.indicator_id.in_(indicator_ids) & Realisation.entered.is_(False),
            Realisation.indicator_id.in_(indicator_lineages) & Realisation.entered.is_(True)))
        .order_by(Realisation.entered, Realisation.id)
    ).all()
    budgets = db.session.scalars(
        select(Budget).where(Budget.region_id == region_id, or_(
            Budget.item_id.in_(select(PlanItem.id).where(PlanItem.document_id == document.id))
            & Budget.entered.is_(False),
            Budget.item_id.in_(select(PlanItem.lineage_id).where(PlanItem.document_id == document.id))
            & Budget.entered.is_(True)))
        .order_by(Budget.entered, Budget.id)
    ).all()

    by_indicator = {ind.id: IndicatorView(ind) for ind in indicators}
    by_lineage = defaultdict(list)
    for view in by_indicator.values():
        by_lineage[view.indicator.lineage_id].append(view)
    for t in targets:
        by_indicator[t.indicator_id].targets[(t.year, t.quarter)] = t
    for r in realisations:
        for view in (by_lineage.get(r.indicator_id, ()) if r.entered else (by_indicator[r.indicator_id],)):
            view.realisations[(r.year, r.quarter)] = r
    indicators_of = defaultdict(list)
    for view in by_indicator.values():
        indicators_of[view.indicator.item_id].append(view)
    items_of_lineage = defaultdict(list)
    for item in items:
        items_of_lineage[item.lineage_id].append(item.id)
    budgets_of, quarterly_of = defaultdict(dict), defaultdict(dict)
    for b in budgets:
        for item_id in (items_of_lineage.get(b.item_id, ()) if b.entered else (b.item_id,)):
            if b.quarter is None:
                budgets_of[item_id][(b.kind, b.year)] = b
            else:
                quarterly_of[item_id][(b.kind, b.year, b.quarter)] = b

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
