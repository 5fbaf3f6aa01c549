"""Moving a plan document to another nomenclature version, and resolving what did not fit.

The original is never touched: the move creates a new draft version of the document (it
``amends`` the original) in the target code list, with every item, indicator, target,
realisation and budget copied. Each coded item carries a ``mapping``: how it was placed, or
its candidates when a person must decide. Every decision is audited.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timezone

from flask_babel import gettext as _
from sqlalchemy import select

from core.extensions import db
from core.models import Budget, Indicator, PlanDocument, PlanItem, Realisation, Region, Target
from core.nomenclature.migrate import PlanItemRef, RowRef, decide
from core.nomenclature.model import VERSIONS
from core.services import nomenclature as nomenclature_service
from core.services.documents import document_tree, next_version_number

STATUSES = ("kept", "mapped", "ambiguous", "unmapped", "resolved", "retired")


class MigrationError(Exception):
    """A move or a decision that cannot be made; the message is in the active language."""


def jurisdiction_of(region: Region) -> str:
    return "provinsi" if region.level == "provinsi" else "kabkota"


def _pairs(from_code: str, to_code: str) -> list[tuple[str, str]]:
    """Version pairs whose crosswalk may serve ``from -> to``, most direct first: the pair
    itself, then through each side's predecessor (050-5889 is 050-3708 amended, and the
    derived crosswalk starts from 050-3708)."""
    before = lambda code: VERSIONS[code].predecessor if code in VERSIONS else None  # noqa: E731
    pairs = [(from_code, to_code), (before(from_code), to_code), (from_code, before(to_code))]
    return [(f, t) for f, t in pairs if f and t and f != t]


def _rows(region: Region, from_code: str, to_code: str, jurisdiction: str) -> dict[str, RowRef]:
    """Crosswalk rows ``from -> to`` by old code: direct (or through a predecessor list), else
    composed through one intermediate version (Permendagri 13 -> 050-3708 -> 2023)."""
    rows = _direct_rows(region, from_code, to_code, jurisdiction)
    if rows:
        return rows
    for middle in VERSIONS:
        if middle in (from_code, to_code):
            continue
        first = _direct_rows(region, from_code, middle, jurisdiction)
        second = _direct_rows(region, middle, to_code, jurisdiction) if first else {}
        if not second:
            continue
        for code, row in first.items():
            if len(row.to_codes) != 1 or row.status == "rejected":
                continue
            then = second.get(row.to_codes[0])
            if then is None or then.status == "rejected":
                continue
            rows[code] = RowRef(code, then.to_codes, row.kind if then.kind == "same" else then.kind,
                                min(row.confidence, then.confidence), f"{row.basis} + {then.basis}",
                                "confirmed" if row.status == then.status == "confirmed" else "proposed")
        if rows:
            return rows
    return rows


def _direct_rows(region: Region, from_code: str, to_code: str, jurisdiction: str) -> dict[str, RowRef]:
    rows: dict[str, RowRef] = {}
    for f, t in _pairs(from_code, to_code):
        source, target = nomenclature_service.version_by_code(f), nomenclature_service.version_by_code(t)
        if source is None or target is None:
            continue
        for view in nomenclature_service.crosswalk(source, target, jurisdiction, region=region):
            row = view.row
            if row.from_code and row.from_code not in rows:
                rows[row.from_code] = RowRef(row.from_code, tuple(row.to_codes), row.kind, row.confidence,
                                             row.basis, row.status)
    return rows


def move(document: PlanDocument, to_version_code: str) -> PlanDocument:
    """A new draft of ``document`` in ``to_version_code``; the original stays as it is."""
    region = document.region
    source = document.nomenclature_version
    target = nomenclature_service.version_by_code(to_version_code)
    if target is None:
        raise MigrationError(_("Unknown code list %(version)s.", version=to_version_code))
    if source is None:
        raise MigrationError(_("This document names no code list, so its codes cannot be moved."))
    if source.id == target.id:
        raise MigrationError(_("The document already uses %(version)s.", version=target.name))
    key = f"{document.key.split('@')[0]}@{target.code}"
    if db.session.scalar(select(PlanDocument.id).where(PlanDocument.region_id == region.id,
                                                       PlanDocument.plan_id == document.plan_id,
                                                       PlanDocument.key == key)):
        raise MigrationError(_("A draft of this document in %(version)s exists already.", version=target.name))
    jurisdiction = jurisdiction_of(region)
    nodes = sorted(document_tree(document), key=lambda n: n.item.position)
    target_items = [nomenclature_service.to_spec(i, target.code)
                    for i in nomenclature_service.items_of(target, jurisdiction)]
    source_items = [nomenclature_service.to_spec(i, source.code)
                    for i in nomenclature_service.items_of(source, jurisdiction)]
    decisions = decide([PlanItemRef(n.item.key, n.item.level, n.item.code, n.item.name) for n in nodes],
                       _rows(region, source.code, target.code, jurisdiction), target_items, source_items)
    names = {t.code: t.name for t in target_items}

    # A new version of the same plan (origin "moved"), a draft until it is adopted.
    draft = PlanDocument(
        region_id=region.id, plan_id=document.plan_id, key=key, doc_type=document.doc_type,
        title=f"{document.title} ({target.name})", period_id=document.period_id, year=document.year,
        version=next_version_number(document.plan), origin="moved", status="draft", amends_id=document.id,
        nomenclature_version_id=target.id,
        source_file=document.source_file, number_style=document.number_style,
        notes=list(document.notes or []) + [
            f"Moved from {source.name} to {target.name}; codes placed by the crosswalk or by name, "
            "the rest listed for a person to decide."],
    )
    db.session.add(draft)
    db.session.flush()
    new_ids: dict[int, int] = {}
    for node, decision in sorted(zip(nodes, decisions), key=lambda p: (p[0].depth, p[0].item.position)):
        item = node.item
        coded = decision.status in ("mapped", "kept")
        copy = PlanItem(
            region_id=region.id, document_id=draft.id, parent_id=new_ids.get(item.parent_id), key=item.key,
            position=item.position, level=item.level, code=decision.to_code if coded else None,
            printed_code=item.printed_code, name=item.name, responsible_unit=item.responsible_unit,
            responsible_unit_code=item.responsible_unit_code, unit_by_user=item.unit_by_user,
            extra=dict(item.extra or {}), continues_item_id=item.id, lineage_id=item.lineage_id,
            source_table=item.source_table, source_line=item.source_line, source_row=item.source_row,
            mapping=None if decision.status == "kept" else {
                "status": decision.status, "from_code": decision.from_code, "basis": decision.basis,
                "to_name": names.get(decision.to_code) if decision.to_code else None,
                "candidates": [{"code": c, "name": n, "confidence": str(conf)} for c, n, conf in decision.candidates],
            },
        )
        db.session.add(copy)
        db.session.flush()
        new_ids[item.id] = copy.id
        _copy_values(node, copy)
    db.session.flush()
    return draft


def _copy_values(node, copy: PlanItem) -> None:
    """Copy printed values; entered ones belong to the lineage, which the copy continues."""
    fields = ("printed", "value", "parse_status", "parse_note", "source_table", "source_line", "source_row")
    for view in node.indicators:
        ind = view.indicator
        new = Indicator(region_id=copy.region_id, item_id=copy.id, lineage_id=ind.lineage_id, **{
            c: getattr(ind, c) for c in (
            "position", "text", "unit", "polarity", "aggregation", "capaian_rule", "settings_by_user", "formula",
            "baseline_year", "baseline_printed", "baseline_value", "end_target_printed", "end_target_value",
            "source_table", "source_line", "source_row")})
        db.session.add(new)
        db.session.flush()
        for t in view.targets.values():
            db.session.add(Target(region_id=copy.region_id, indicator_id=new.id, year=t.year, quarter=t.quarter,
                                  **{c: getattr(t, c) for c in fields}))
        for r in view.realisations.values():
            if r.entered:
                continue
            db.session.add(Realisation(region_id=copy.region_id, indicator_id=new.id, year=r.year,
                                       quarter=r.quarter, supporting_factors=r.supporting_factors,
                                       hindering_factors=r.hindering_factors, entered_by=r.entered_by,
                                       **{c: getattr(r, c) for c in fields}))
    for b in (*node.budgets.values(), *node.quarterly.values()):
        if b.entered:
            continue
        db.session.add(Budget(region_id=copy.region_id, item_id=copy.id, year=b.year, quarter=b.quarter,
                              kind=b.kind, **{c: getattr(b, c) for c in fields}))


def report(draft: PlanDocument) -> Counter:
    """How many items of a moved draft are in each status."""
    counts = Counter()
    for item in db.session.scalars(select(PlanItem).where(PlanItem.region_id == draft.region_id,
                                                          PlanItem.document_id == draft.id)):
        counts[(item.mapping or {}).get("status", "kept")] += 1
    return counts


def open_items(draft: PlanDocument, status: str | None = None) -> list[PlanItem]:
    """The draft's coded items (only those with ``status`` when given), in document order."""
    items = db.session.scalars(select(PlanItem).where(
        PlanItem.region_id == draft.region_id, PlanItem.document_id == draft.id,
        PlanItem.mapping.is_not(None)).order_by(PlanItem.position)).all()
    return [i for i in items if status is None or i.mapping.get("status") == status]


def resolve(draft: PlanDocument, item: PlanItem, code: str | None, retire: bool, note: str, user) -> None:
    """A person places ``item`` at ``code`` (checked against the draft's list), or retires it."""
    from core.planning import guards

    guards.require_editable(draft)
    if not note.strip():
        raise MigrationError(_("Write a note that explains the decision."))
    version = draft.nomenclature_version
    if retire:
        status, code = "retired", None
    else:
        code = (code or "").strip()
        check = nomenclature_service.validate_code(code, version.code, jurisdiction_of(draft.region))
        if not check.ok:
            raise MigrationError(check.message)
        status = "resolved"
    mapping = dict(item.mapping or {})
    mapping.update({"status": status, "decided_by": user.username, "note": note.strip()[:2000],
                    "decided_at": datetime.now(timezone.utc).isoformat(timespec="seconds"),
                    "to_name": _name_in(version, jurisdiction_of(draft.region), code) if code else None})
    item.mapping, item.code = mapping, code
    db.session.flush()


def _name_in(version, jurisdiction: str, code: str) -> str | None:
    return next((i.name for i in nomenclature_service.items_of(version, jurisdiction) if i.code == code), None)
