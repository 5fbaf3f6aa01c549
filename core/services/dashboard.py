"""Dashboards: achievement by program and indicator, absorption over the quarters, attention."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import func, or_, select

from core.achievement import engine
from core.extensions import db
from core.models import Indicator, PlanDocument, PlanItem, Realisation
from core.services import realisation as realisation_service


@dataclass
class ProgramSummary:
    """A program with the bands of every indicator below it and its budget absorption."""

    entry: object  # ItemEntry of the program, or None when the program has no row in the sheet
    name: str
    code: str | None
    bands: Counter = field(default_factory=Counter)
    not_computable: int = 0
    absorption: engine.Result | None = None


@dataclass
class Dashboard:
    """What a region's dashboard shows for one document and year."""

    document: PlanDocument
    year: int
    bands: list  # the scale's bands, best first
    counts: Counter
    not_computable: int
    programs: list[ProgramSummary]
    quarters: list[tuple[int, Decimal | None]]  # cumulative absorption % after each quarter
    total_absorption: engine.Result | None
    attention: list[tuple[object, object, str]]  # (item entry, indicator entry or None, reason)


def default_document(documents: list[PlanDocument]) -> PlanDocument | None:
    """The document a dashboard opens on: the latest with realisation, else the first Renstra."""
    with_realisation = set(db.session.scalars(
        select(PlanItem.document_id).join(Indicator, Indicator.item_id == PlanItem.id)
        .join(Realisation, or_(  # printed: on the indicator; entered: on its lineage
            (Realisation.indicator_id == Indicator.id) & Realisation.entered.is_(False),
            (Realisation.indicator_id == Indicator.lineage_id) & Realisation.entered.is_(True)))
        .where(PlanItem.document_id.in_([d.id for d in documents])).distinct()))
    ranked = sorted(documents, key=lambda d: (d.doc_type != "lakip", -(d.year or 0)))
    for document in ranked:
        if document.id in with_realisation:
            return document
    return next((d for d in documents if d.doc_type == "renstra" and d.version == max(
        x.version for x in documents if x.doc_type == "renstra")), documents[0] if documents else None)


def build(document: PlanDocument, year: int, user, rules) -> Dashboard:
    """Summarise the year's sheet of ``document`` (see :func:`realisation_service.entry_sheet`)."""
    entries = realisation_service.entry_sheet(document, year, user, rules)
    by_id = {e.node.item.id: e for e in entries}
    bands = list(rules.predicate_scale.bands)
    bands.sort(key=lambda b: b.lower if b.lower is not None else Decimal("-Infinity"), reverse=True)
    counts, not_computable, attention = Counter(), 0, []
    worst = {id(b) for b in bands[-2:]}
    for entry in entries:
        for ind in entry.indicators:
            if ind.band is not None:
                counts[ind.band.label] += 1
                if id(ind.band) in worst:
                    attention.append((entry, ind, "low"))
            elif ind.target is not None:
                not_computable += 1
                if ind.quarters or ind.annual:
                    attention.append((entry, ind, ind.capaian.reason if ind.capaian else "not_computable"))
    programs = _programs(document, entries, by_id)
    quarters, total = _absorption(entries)
    return Dashboard(document, year, bands, counts, not_computable, programs, quarters, total, attention)


def _programs(document, entries, by_id) -> list[ProgramSummary]:
    from core.services.documents import document_tree

    nodes = document_tree(document)
    parent = {n.item.id: n.item.parent_id for n in nodes}
    summaries = {}
    for node in nodes:
        if node.item.level == "program":
            summaries[node.item.id] = ProgramSummary(by_id.get(node.item.id), node.item.name, node.item.code)
    for entry in entries:
        program_id = entry.node.item.id
        while program_id is not None and program_id not in summaries:
            program_id = parent.get(program_id)
        if program_id is None:
            continue
        summary = summaries[program_id]
        for ind in entry.indicators:
            if ind.band is not None:
                summary.bands[ind.band.label] += 1
            elif ind.target is not None:
                summary.not_computable += 1
        if entry.node.item.id == program_id:
            summary.absorption = entry.absorption
    return list(summaries.values())


def _budgeted(entries) -> tuple[list, list]:
    """(top, leaves): budgeted entries with no budgeted ancestor, and with no budgeted descendant.

    The year's budget and whole-year realisation are read at the top (what the document totals),
    quarterly spending where it is entered (the leaves), so nothing is counted twice.
    """
    by_id = {e.node.item.id: e for e in entries}
    budgeted = {i for i, e in by_id.items() if e.budget is not None}
    has_budgeted_child = {by_id[i].node.item.parent_id for i in budgeted}

    def has_budgeted_ancestor(entry) -> bool:
        parent = entry.node.item.parent_id
        while parent in by_id:
            if parent in budgeted:
                return True
            parent = by_id[parent].node.item.parent_id
        return False

    top = [by_id[i] for i in budgeted if not has_budgeted_ancestor(by_id[i])]
    leaves = [by_id[i] for i in budgeted if i not in has_budgeted_child]
    return top, leaves


def _absorption(entries):
    top, leaves = _budgeted(entries)
    pagu = sum((e.budget.value for e in top if e.budget.value is not None), Decimal(0))
    cumulative, quarters = Decimal(0), []
    for q in realisation_service.QUARTERS:
        cumulative += sum((e.spending[q].value for e in entries if q in e.spending and e.spending[q].value is not None),
                          Decimal(0))
        quarters.append((q, engine.absorption(cumulative, pagu).value if cumulative and pagu else None))
    annual = sum((e.annual_spending.value for e in top
                  if e.annual_spending is not None and e.annual_spending.value is not None), Decimal(0))
    realised = cumulative if cumulative else annual
    total = engine.absorption(realised, pagu) if realised and pagu else None
    return quarters, total


@dataclass
class RegionRow:
    """One region on a province's dashboard."""

    region: object
    dashboard: Dashboard | None


def province_rows(regions, user, rules_for) -> list[RegionRow]:
    """A dashboard summary for each region the user may see (the province and its kab/kota)."""
    from core.services.documents import documents_of

    rows = []
    for region in regions:
        documents = documents_of(region)
        document = default_document(documents) if documents else None
        year = _year(document)
        rows.append(RegionRow(region, build(document, year, user, rules_for(region)) if document and year else None))
    return rows


def _year(document) -> int | None:
    if document is None:
        return None
    if document.year:
        return document.year
    latest = db.session.scalar(select(func.max(Realisation.year)).where(Realisation.region_id == document.region_id))
    return latest or (document.period.start_year if document.period else None)
