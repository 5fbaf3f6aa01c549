"""Quarterly realisation: who may enter what, saving a quarter all-or-nothing, achievement.

An item's responsible unit is the org unit whose code the item carries, or its nearest
ancestor's. A unit operator enters realisation only for items under their own unit (that
unit or a unit below it); planners and admins of the region for every item.
"""

from __future__ import annotations

import hashlib
from datetime import datetime, timezone
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from flask import current_app
from flask_babel import gettext as _
from sqlalchemy import select

from core.achievement import engine
from core.errors import Invalid
from core.services import evidence_files
from core.extensions import db
from core.i18n import active_locale
from core.models import Budget, EvidenceFile, Membership, OrgUnit, PlanDocument, PlanItem, Realisation, Region
from core.numbers import parse_printed
from core.security import can
from core.services import org as org_service
from core.services.documents import TreeNode, current_version, document_tree

QUARTERS = (1, 2, 3, 4)
MAX_TEXT = 2000
FULL_ACCESS_ROLES = {"planner", "region_admin", "provincial_admin"}


class EntryError(Exception):
    """Input that cannot be saved; ``messages`` are in the active language."""

    def __init__(self, messages: list[str]):
        super().__init__("; ".join(messages))
        self.messages = messages


# -- responsible units --------------------------------------------------------------------


def unit_parents(region: Region) -> dict[str, str | None]:
    """Code -> parent code of the units of the region's current chart."""
    chart = org_service.chart_of(region)
    if chart is None:
        return {}
    units = db.session.scalars(select(OrgUnit).where(OrgUnit.region_id == region.id,
                                                     OrgUnit.chart_id == chart.id)).all()
    by_id = {u.id: u.code for u in units}
    return {u.code: by_id.get(u.parent_id) for u in units}


def effective_units(nodes: list[TreeNode]) -> dict[int, str | None]:
    """Item id -> the responsible unit code it carries or inherits."""
    by_id = {n.item.id: n.item for n in nodes}
    result: dict[int, str | None] = {}

    def unit_of(item: PlanItem) -> str | None:
        if item.id not in result:
            if item.responsible_unit_code:
                result[item.id] = item.responsible_unit_code
            else:
                parent = by_id.get(item.parent_id)
                result[item.id] = unit_of(parent) if parent else None
        return result[item.id]

    for item in by_id.values():
        unit_of(item)
    return result


def operator_unit(user, region: Region) -> str | None:
    """The unit a unit operator answers for in ``region`` (None for other roles)."""
    membership = db.session.scalar(select(Membership).where(
        Membership.user_id == user.id, Membership.region_id == region.id))
    if membership is None or membership.role != "unit_operator":
        return None
    return membership.unit_code


def has_full_access(user, region: Region) -> bool:
    """Whether ``user`` may enter realisation for every item of ``region``."""
    if user.is_superadmin:
        return True
    from core.security import roles_for

    return bool(roles_for(user, region) & FULL_ACCESS_ROLES)


def may_enter(user, region: Region, item_unit: str | None, parents: dict[str, str | None]) -> bool:
    """Whether ``user`` may enter realisation for an item whose responsible unit is ``item_unit``."""
    if not can(user, "realisation.enter", region):
        return False
    if has_full_access(user, region):
        return True
    own = operator_unit(user, region)
    unit = item_unit
    while own and unit:
        if unit == own:
            return True
        unit = parents.get(unit)
    return False


def _document_of(item: PlanItem) -> PlanDocument:
    return db.session.scalar(select(PlanDocument).where(PlanDocument.region_id == item.region_id,
                                                        PlanDocument.id == item.document_id))


def assign_unit(region: Region, item: PlanItem, unit_code: str | None) -> None:
    """Make ``unit_code`` (a unit of the region's chart, or None) answerable for ``item``."""
    from core.planning import guards

    guards.require_editable(_document_of(item), "bookkeeping")
    if unit_code and unit_code not in unit_parents(region):
        raise EntryError([_("Unknown unit %(unit)s.", unit=unit_code)])
    item.responsible_unit_code = unit_code or None
    item.unit_by_user = True
    db.session.flush()


def match_printed_units(region: Region) -> int:
    """Set the responsible unit where the printed text names exactly one unit of the chart.

    Returns how many items were set. Text naming the whole agency, or several units (a chart
    may have three units named "UPTD Panti Sosial ..."), is left for a planner to assign.
    """
    chart = org_service.chart_of(region)
    if chart is None:
        return 0
    names = {}
    for unit in db.session.scalars(select(OrgUnit).where(OrgUnit.region_id == region.id,
                                                         OrgUnit.chart_id == chart.id)):
        names.setdefault(" ".join(unit.name.lower().split()), []).append(unit.code)
    count = 0
    # A locked version is never written, not even by the importer's unit matching.
    for item in db.session.scalars(select(PlanItem).join(PlanDocument, PlanDocument.id == PlanItem.document_id)
                                   .where(PlanItem.region_id == region.id, PlanDocument.status != "locked",
                                          PlanItem.responsible_unit_code.is_(None),
                                          PlanItem.responsible_unit.is_not(None))):
        codes = names.get(" ".join(item.responsible_unit.lower().split()), [])
        if len(codes) == 1:
            item.responsible_unit_code = codes[0]
            count += 1
    return count


# -- the entry sheet ----------------------------------------------------------------------


@dataclass
class IndicatorEntry:
    """One indicator on the sheet: its target for the year, the quarters, the achievement."""

    view: object  # core.services.documents.IndicatorView
    target: object | None  # Target row for the year
    quarters: dict[int, Realisation] = field(default_factory=dict)
    annual: Realisation | None = None  # a realisation printed for the whole year (LAKIP, evaluations)
    year_value: engine.Result | None = None
    capaian: engine.Result | None = None
    band: object | None = None


@dataclass
class ItemEntry:
    """One item on the sheet, with its indicators, money and whether the user may edit it."""

    node: TreeNode
    unit: str | None
    editable: bool
    indicators: list[IndicatorEntry]
    budget: object | None  # pagu (or anggaran) row for the year
    spending: dict[int, Budget] = field(default_factory=dict)
    annual_spending: Budget | None = None  # realised spending printed for the whole year
    absorption: engine.Result | None = None
    evidence: list[EvidenceFile] = field(default_factory=list)


def years_of(document: PlanDocument, nodes: list[TreeNode]) -> list[int]:
    """Years the document has targets or budgets for."""
    years = set()
    for node in nodes:
        years.update(y for (_k, y) in node.budgets if y is not None)
        for view in node.indicators:
            years.update(y for (y, q) in view.targets if q is None)
    if document.year:
        years.add(document.year)
    return sorted(years)


def entry_refusal(document: PlanDocument) -> str | None:
    """Why realisation may not be entered into ``document`` (None when it may).

    Realisation is entered once, into the version of a plan in force: not into a draft, not
    into a version a later one superseded (every version reads it through the lineage).
    """
    if document.status == "draft":
        return _("This version is a draft: realisation is entered into the version in force.")
    current = current_version(document.plan) if document.plan is not None else document
    if current is not None and current.id != document.id:
        return _("A newer version of this plan exists: enter realisation in version %(version)s.",
                 version=current.version)
    return None


def entry_sheet(document: PlanDocument, year: int, user, rules) -> list[ItemEntry]:
    """Every item with a target or a budget in ``year``, with its quarters and achievement."""
    region = document.region
    nodes = document_tree(document)
    units = effective_units(nodes)
    parents = unit_parents(region)
    open_for_entry = entry_refusal(document) is None
    spending = {n.item.id: {q: b for (kind, y, q), b in n.quarterly.items() if kind == "realisasi" and y == year}
                for n in nodes}
    spending = {k: v for k, v in spending.items() if v}
    evidence = {}
    items_of_lineage: dict[int, list[int]] = {}
    for n in nodes:
        items_of_lineage.setdefault(n.item.lineage_id, []).append(n.item.id)
    for row in db.session.scalars(select(EvidenceFile).where(
            EvidenceFile.region_id == region.id, EvidenceFile.year == year,
            EvidenceFile.item_id.in_(list(items_of_lineage)),
            EvidenceFile.removed_at.is_(None)).order_by(EvidenceFile.id)):
        for item_id in items_of_lineage.get(row.item_id, ()):
            evidence.setdefault(item_id, []).append(row)
    sheet = []
    for node in nodes:
        budget = node.budgets.get(("pagu", year)) or node.budgets.get(("anggaran", year))
        indicators = [IndicatorEntry(view, view.targets.get((year, None)),
                                     {q: view.realisations[(year, q)] for q in QUARTERS
                                      if (year, q) in view.realisations},
                                     view.realisations.get((year, None)))
                      for view in node.indicators]
        indicators = [i for i in indicators if i.target is not None or i.quarters or i.annual]
        if not indicators and budget is None and node.item.id not in spending:
            continue
        entry = ItemEntry(node, units.get(node.item.id),
                          open_for_entry and may_enter(user, region, units.get(node.item.id), parents),
                          indicators, budget, spending.get(node.item.id, {}),
                          annual_spending=node.budgets.get(("realisasi", year)),
                          evidence=evidence.get(node.item.id, []))
        _achieve(entry, rules)
        sheet.append(entry)
    return sheet


def _value(row) -> object:
    """A stored printed value as the engine takes it: the Decimal, else the printed text."""
    return None if row is None else (row.value if row.value is not None else row.printed)


def _achieve(entry: ItemEntry, rules) -> None:
    for ind in entry.indicators:
        indicator = ind.view.indicator
        if ind.quarters or ind.annual is None:
            ind.year_value = engine.aggregate({q: _value(r) for q, r in ind.quarters.items()},
                                              indicator.aggregation)
            realised = ind.year_value
        else:
            realised = _value(ind.annual)  # printed for the whole year: no quarters to combine
        rule = indicator.capaian_rule or (rules.lower_is_better if indicator.polarity == "lower" else None)
        ind.capaian = engine.capaian(_value(ind.target), realised, indicator.polarity, rule)
        ind.band = engine.predicate(ind.capaian, rules.predicate_scale)
    if entry.budget is not None and entry.spending:
        realised = sum((b.value for b in entry.spending.values() if b.value is not None), Decimal(0))
        entry.absorption = engine.absorption(realised, entry.budget.value)
    elif entry.budget is not None and entry.annual_spending is not None:
        entry.absorption = engine.absorption(_value(entry.annual_spending), entry.budget.value)


# -- saving a quarter ---------------------------------------------------------------------


def save_quarter(document: PlanDocument, year: int, quarter: int, user, form, rules) -> int:
    """Save one quarter's values from ``form`` for every editable item; all or nothing.

    Fields: ``r-<indicator id>`` (value as entered, number or text), ``sf-<id>`` and
    ``hf-<id>`` (supporting and hindering factors), ``s-<item id>`` (realised spending, a
    number). Numbers are read in the user's language. Returns how many values changed.
    """
    if quarter not in QUARTERS:
        raise EntryError([_("Choose a quarter from I to IV.")])
    refusal = entry_refusal(document)
    if refusal:
        raise EntryError([refusal])
    style = active_locale()
    sheet = {e.node.item.id: e for e in entry_sheet(document, year, user, rules)}
    indicators = {i.view.indicator.id: (e, i) for e in sheet.values() for i in e.indicators}
    errors, plans = [], []
    for key in form:
        prefix, _sep, raw_id = key.partition("-")
        if prefix not in {"r", "sf", "hf", "s"}:
            continue
        if not raw_id.isdigit():
            errors.append(_("Unknown field %(field)s.", field=key))
            continue
        ident = int(raw_id)
        owner = sheet.get(ident) if prefix == "s" else (indicators.get(ident) or (None, None))[0]
        if owner is None:
            errors.append(_("Item or indicator %(id)s is not part of this document's %(year)s sheet.",
                            id=ident, year=year))
        elif not owner.editable:
            errors.append(_("You may not enter realisation for %(item)s.", item=owner.node.item.name))
    for entry in sheet.values():
        if not entry.editable:
            continue
        for ind in entry.indicators:
            iid = ind.view.indicator.id
            text = (form.get(f"r-{iid}") or "").strip()
            support = (form.get(f"sf-{iid}") or "").strip()
            hinder = (form.get(f"hf-{iid}") or "").strip()
            if f"r-{iid}" not in form:
                continue
            if max(len(text), len(support), len(hinder)) > MAX_TEXT:
                errors.append(_("A value or narrative of %(item)s is longer than %(count)s characters.",
                                item=entry.node.item.name, count=MAX_TEXT))
                continue
            parsed = parse_printed(text, style)
            if parsed.status == "text" and (parsed.note or "").startswith("malformed"):
                errors.append(_("%(value)s is not a valid number (%(item)s).", value=text,
                                item=entry.node.item.name))
                continue
            plans.append(("realisation", entry, ind, text, parsed, support, hinder))
        if f"s-{entry.node.item.id}" in form:
            text = (form.get(f"s-{entry.node.item.id}") or "").strip()
            parsed = parse_printed(text, style)
            if text and (parsed.status != "number" or parsed.unit not in (None,)):
                errors.append(_("Spending of %(item)s must be an amount in rupiah, not %(value)s.",
                                item=entry.node.item.name, value=text))
                continue
            plans.append(("spending", entry, None, text, parsed, None, None))
    if errors:
        raise EntryError(errors)
    changed = 0
    for kind, entry, ind, text, parsed, support, hinder in plans:
        if kind == "realisation":
            changed += _put_realisation(entry, ind, year, quarter, text, parsed, support, hinder, user)
        else:
            changed += _put_spending(entry, year, quarter, text, parsed)
    db.session.flush()
    return changed


def _put_realisation(entry, ind, year, quarter, text, parsed, support, hinder, user) -> int:
    """Insert or update the lineage's entered value for the quarter (one per lineage, year, quarter)."""
    indicator = ind.view.indicator
    row = db.session.scalar(select(Realisation).where(
        Realisation.region_id == indicator.region_id, Realisation.indicator_id == indicator.lineage_id,
        Realisation.year == year, Realisation.quarter == quarter, Realisation.entered.is_(True)))
    if not text:
        if row is not None:
            db.session.delete(row)
            return 1
        return 0
    values = {"printed": text, "value": parsed.value, "parse_status": parsed.status, "parse_note": parsed.note,
              "supporting_factors": support or None, "hindering_factors": hinder or None}
    if row is None:
        db.session.add(Realisation(region_id=indicator.region_id, indicator_id=indicator.lineage_id, year=year,
                                   quarter=quarter, entered_by=user.id, source_table="entry", entered=True,
                                   **values))
        return 1
    if all(getattr(row, k) == v for k, v in values.items()):
        return 0
    for k, v in values.items():
        setattr(row, k, v)
    row.entered_by = user.id
    return 1


def _put_spending(entry, year, quarter, text, parsed) -> int:
    """Insert or update the lineage's entered spending for the quarter."""
    item = entry.node.item
    row = db.session.scalar(select(Budget).where(
        Budget.region_id == item.region_id, Budget.item_id == item.lineage_id, Budget.kind == "realisasi",
        Budget.year == year, Budget.quarter == quarter, Budget.entered.is_(True)))
    if not text:
        if row is not None:
            db.session.delete(row)
            return 1
        return 0
    if row is None:
        db.session.add(Budget(region_id=item.region_id, item_id=item.lineage_id, year=year, quarter=quarter,
                              kind="realisasi", printed=text, value=parsed.value, parse_status="number",
                              source_table="entry", entered=True))
        return 1
    if row.printed == text:
        return 0
    row.printed, row.value = text, parsed.value
    return 1


# -- evidence -----------------------------------------------------------------------------


def evidence_dir() -> Path:
    """Where evidence files are kept (outside the web root, in the instance folder)."""
    path = Path(current_app.instance_path) / "evidence"
    path.mkdir(parents=True, exist_ok=True)
    return path


def store_evidence(entry: ItemEntry, year: int, quarter: int, upload, user) -> EvidenceFile:
    """Check the whole uploaded file and keep it; refuse other types, broken or disguised files,
    oversized ones, and the same file twice on one item's quarter.

    The file belongs to the item's lineage, so every version of the plan shows it.
    """
    refusal = entry_refusal(db.session.get(PlanDocument, entry.node.item.document_id))
    if refusal:
        raise EntryError([refusal])
    name = Path(upload.filename or "").name
    data = upload.stream.read(evidence_files.MAX_BYTES + 1)
    try:
        content_type = evidence_files.inspect(name, data)
    except Invalid as exc:
        raise EntryError(exc.messages) from exc
    item = entry.node.item
    digest = hashlib.sha256(data).hexdigest()
    duplicate = db.session.scalar(select(EvidenceFile).where(
        EvidenceFile.region_id == item.region_id, EvidenceFile.item_id == item.lineage_id,
        EvidenceFile.year == year, EvidenceFile.quarter == quarter, EvidenceFile.sha256 == digest,
        EvidenceFile.removed_at.is_(None)))
    if duplicate is not None:
        raise EntryError([_("This file is already attached to %(item)s for this quarter (as %(name)s).",
                            item=item.name, name=duplicate.filename)])
    try:
        evidence_files.store(evidence_dir(), data)
    except Invalid as exc:
        raise EntryError(exc.messages) from exc
    row = EvidenceFile(region_id=item.region_id, item_id=item.lineage_id, year=year, quarter=quarter,
                       filename=name[:200], content_type=content_type, size=len(data),
                       sha256=digest, uploaded_by=user.id)
    db.session.add(row)
    db.session.flush()
    return row


def remove_evidence(region: Region, row: EvidenceFile, user) -> None:
    """Take an evidence file off the sheet (its uploader, or a planner or admin of the region).

    The row and the file stay for the audit trail; the removal is audited as an update.
    """
    if row.removed_at is not None:
        raise EntryError([_("This evidence file was already removed.")])
    if row.uploaded_by != user.id and not has_full_access(user, region):
        raise EntryError([_("Only the person who uploaded a file, or a planner, may remove it.")])
    row.removed_at = datetime.now(timezone.utc)
    row.removed_by = user.id
    db.session.flush()


def evidence_or_none(region: Region, evidence_id: int) -> EvidenceFile | None:
    """The evidence file ``evidence_id`` of ``region`` (None for any other region's)."""
    return db.session.scalar(select(EvidenceFile).where(EvidenceFile.id == evidence_id,
                                                        EvidenceFile.region_id == region.id))


# -- indicator settings -------------------------------------------------------------------


def update_indicator(indicator, polarity: str, aggregation: str, capaian_rule: str | None) -> None:
    """Set how an indicator's achievement is computed; refuse choices the engine does not know."""
    from core.achievement.rules import AGGREGATIONS, CAPAIAN_RULES, POLARITIES
    from core.planning import guards

    guards.require_editable(_document_of(db.session.get(PlanItem, indicator.item_id)), "bookkeeping")
    errors = []
    if polarity not in POLARITIES:
        errors.append(_("Unknown polarity %(value)s.", value=polarity))
    if aggregation not in AGGREGATIONS:
        errors.append(_("Unknown aggregation %(value)s.", value=aggregation))
    if capaian_rule and (capaian_rule not in CAPAIAN_RULES or not capaian_rule.startswith(polarity + ":")):
        errors.append(_("Rule %(rule)s does not fit a %(polarity)s-is-better indicator.",
                        rule=capaian_rule, polarity=polarity))
    if errors:
        raise EntryError(errors)
    indicator.polarity, indicator.aggregation = polarity, aggregation
    indicator.capaian_rule = capaian_rule or None
    indicator.settings_by_user = True
    db.session.flush()
