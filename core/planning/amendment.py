"""A Perubahan: a new draft version from an approved one, and the sebelum / sesudah comparison.

:func:`amend` copies every item, indicator, target, budget, printed realisation and printed
table of the approved version into a new draft version of the same plan, each item and
indicator continuing its lineage (``continues_item_id``, ``lineage_id``); the approved
version is only read. :func:`diff` pairs two documents' rows (by continuation, by what an
item implements, else by key) and lists every changed item, indicator, target and pagu.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from sqlalchemy import select

from core.errors import N_, Conflict, Invalid
from core.extensions import db
from core.models import Budget, Indicator, PlanDocument, PlanItem, PrintedTable, Realisation, Target
from core.planning import guards
from core.services.documents import next_version_number

_SKIP = {"id", "row_version"}


def _columns(row, **override) -> dict:
    values = {c.key: getattr(row, c.key) for c in row.__mapper__.column_attrs if c.key not in _SKIP}
    values.update(override)
    return values


def amend(document: PlanDocument) -> PlanDocument:
    """Open a new draft version of ``document``'s plan from ``document`` (approved or locked)."""
    if document.status not in ("approved", "locked"):
        raise Conflict(N_("Only an approved version can be amended; this one is %(status)s."), status=document.status)
    if document.version != guards.latest_version_number(document):
        raise Conflict(N_("A newer version of this plan exists: amend that one."))
    plan = document.plan
    new = PlanDocument(**_columns(document, version=next_version_number(plan), status="draft", origin="authored",
                                  amends_id=document.id, seed_fingerprint=None,
                                  notes=list(document.notes or []),
                                  signatories=dict(document.signatories) if document.signatories else None))
    db.session.add(new)
    db.session.flush()
    region_id = document.region_id
    items = db.session.scalars(select(PlanItem).where(PlanItem.region_id == region_id,
                                                      PlanItem.document_id == document.id)
                               .order_by(PlanItem.position, PlanItem.id)).all()
    new_id: dict[int, int] = {}
    pending = list(items)
    while pending:  # parents first
        later = []
        for item in pending:
            if item.parent_id is not None and item.parent_id not in new_id:
                later.append(item)
                continue
            copy = PlanItem(**_columns(item, document_id=new.id, parent_id=new_id.get(item.parent_id),
                                       continues_item_id=item.id, lineage_id=item.lineage_id or item.id,
                                       extra=dict(item.extra or {}),
                                       fields=dict(item.fields) if item.fields else None))
            db.session.add(copy)
            db.session.flush()
            new_id[item.id] = copy.id
        if len(later) == len(pending):  # a parent outside the document: keep the rest at the top
            for item in later:
                item.parent_id = None
        pending = later
    indicators = db.session.scalars(select(Indicator).where(Indicator.region_id == region_id,
                                                            Indicator.item_id.in_(list(new_id)))).all()
    new_indicator: dict[int, int] = {}
    for indicator in indicators:
        copy = Indicator(**_columns(indicator, item_id=new_id[indicator.item_id],
                                    lineage_id=indicator.lineage_id or indicator.id))
        db.session.add(copy)
        db.session.flush()
        new_indicator[indicator.id] = copy.id
    if new_indicator:
        for target in db.session.scalars(select(Target).where(Target.indicator_id.in_(list(new_indicator)))):
            db.session.add(Target(**_columns(target, indicator_id=new_indicator[target.indicator_id])))
        for row in db.session.scalars(select(Realisation).where(Realisation.indicator_id.in_(list(new_indicator)),
                                                                Realisation.entered.is_(False))):
            db.session.add(Realisation(**_columns(row, indicator_id=new_indicator[row.indicator_id])))
    for budget in db.session.scalars(select(Budget).where(Budget.item_id.in_(list(new_id)),
                                                          Budget.entered.is_(False))):
        db.session.add(Budget(**_columns(budget, item_id=new_id[budget.item_id])))
    for table in db.session.scalars(select(PrintedTable).where(PrintedTable.document_id == document.id)):
        db.session.add(PrintedTable(**_columns(table, document_id=new.id)))
    db.session.flush()
    return new


# -- sebelum / sesudah ----------------------------------------------------------------------------


@dataclass
class Change:
    """One changed value: what (item, indicator, target, pagu), where, before and after."""

    kind: str  # item | indicator | target | budget
    change: str  # added | removed | changed
    item_code: str | None
    item_name: str
    field: str
    before: str | None
    after: str | None
    old_item_id: int | None = None
    new_item_id: int | None = None
    indicator: str | None = None
    year: int | None = None
    quarter: int | None = None

    def as_dict(self) -> dict:
        return asdict(self)


ITEM_FIELDS = ("level", "code", "name", "responsible_unit", "fields")
INDICATOR_FIELDS = ("text", "unit", "polarity", "baseline_printed", "end_target_printed")


def _rows(document: PlanDocument):
    items = db.session.scalars(select(PlanItem).where(PlanItem.region_id == document.region_id,
                                                      PlanItem.document_id == document.id)
                               .order_by(PlanItem.position)).all()
    ids = [i.id for i in items]
    indicators = db.session.scalars(select(Indicator).where(Indicator.item_id.in_(ids))
                                    .order_by(Indicator.position)).all() if ids else []
    ind_ids = [i.id for i in indicators]
    targets = db.session.scalars(select(Target).where(Target.indicator_id.in_(ind_ids))).all() if ind_ids else []
    budgets = db.session.scalars(select(Budget).where(Budget.item_id.in_(ids), Budget.entered.is_(False),
                                                      Budget.quarter.is_(None))).all() if ids else []
    by_item: dict[int, list] = {}
    for ind in indicators:
        by_item.setdefault(ind.item_id, []).append(ind)
    t_of: dict[int, dict] = {}
    for t in targets:
        t_of.setdefault(t.indicator_id, {})[(t.year, t.quarter)] = t
    b_of: dict[int, dict] = {}
    for b in budgets:
        b_of.setdefault(b.item_id, {})[(b.kind, b.year)] = b
    return items, by_item, t_of, b_of


def _years_compared(old: PlanDocument, new: PlanDocument):
    """Years both sides are compared on: all of them, or the year of a yearly document beside a Renstra."""
    if old.doc_type != new.doc_type:
        years = {y for y in (old.year, new.year) if y is not None}
        return years or None
    return None


def diff(old: PlanDocument, new: PlanDocument) -> list[Change]:
    """Every item, indicator, target and budget that differs between ``old`` and ``new``."""
    if old.region_id != new.region_id:
        raise Invalid(N_("Both documents must belong to the same region."))
    o_items, o_inds, o_t, o_b = _rows(old)
    n_items, n_inds, n_t, n_b = _rows(new)
    years = _years_compared(old, new)
    o_by_id = {i.id: i for i in o_items}
    o_by_key = {i.key: i for i in o_items}
    paired_old: set[int] = set()
    changes: list[Change] = []

    def value(row):
        return None if row is None else row.printed

    for item in n_items:
        before = (o_by_id.get(item.continues_item_id) or o_by_id.get(item.implements_item_id)
                  or (o_by_key.get(item.key) if old.doc_type == new.doc_type else None))
        if before is None or before.id in paired_old:
            changes.append(Change("item", "added", item.code, item.name, "name", None, item.name,
                                  new_item_id=item.id))
            continue
        paired_old.add(before.id)
        base = dict(item_code=item.code or before.code, item_name=item.name, old_item_id=before.id,
                    new_item_id=item.id)
        for name in ITEM_FIELDS:
            a, b = getattr(before, name), getattr(item, name)
            if name == "fields":
                a, b = a or {}, b or {}
                for key in sorted(set(a) | set(b)):
                    if a.get(key) != b.get(key):
                        changes.append(Change("item", "changed", field=f"fields.{key}", before=a.get(key),
                                              after=b.get(key), **base))
            elif a != b:
                changes.append(Change("item", "changed", field=name, before=a, after=b, **base))
        old_inds = o_inds.get(before.id, [])
        old_by_lineage = {i.lineage_id: i for i in old_inds}
        used = set()
        for pos, ind in enumerate(n_inds.get(item.id, [])):
            prev = old_by_lineage.get(ind.lineage_id)
            if prev is None and pos < len(old_inds) and old_inds[pos].id not in used and \
                    old_inds[pos].lineage_id not in {i.lineage_id for i in n_inds.get(item.id, [])}:
                prev = old_inds[pos]
            if prev is None:
                changes.append(Change("indicator", "added", field="text", before=None, after=ind.text,
                                      indicator=ind.text, **base))
                continue
            used.add(prev.id)
            for name in INDICATOR_FIELDS:
                if getattr(prev, name) != getattr(ind, name):
                    changes.append(Change("indicator", "changed", field=name, before=getattr(prev, name),
                                          after=getattr(ind, name), indicator=ind.text, **base))
            ot, nt = o_t.get(prev.id, {}), n_t.get(ind.id, {})
            for key in sorted(set(ot) | set(nt), key=lambda k: (k[0], k[1] or 0)):
                if years is not None and key[0] not in years:
                    continue
                if value(ot.get(key)) != value(nt.get(key)):
                    changes.append(Change("target", "changed" if key in ot and key in nt else
                                          ("added" if key in nt else "removed"), field="target",
                                          before=value(ot.get(key)), after=value(nt.get(key)), indicator=ind.text,
                                          year=key[0], quarter=key[1], **base))
        for prev in old_inds:
            if prev.id not in used and prev.lineage_id not in {i.lineage_id for i in n_inds.get(item.id, [])}:
                changes.append(Change("indicator", "removed", field="text", before=prev.text, after=None,
                                      indicator=prev.text, **base))
        ob, nb = o_b.get(before.id, {}), n_b.get(item.id, {})
        for key in sorted(set(ob) | set(nb), key=lambda k: (k[0], k[1] if k[1] is not None else 9999)):
            if years is not None and key[1] not in years:
                continue
            if value(ob.get(key)) != value(nb.get(key)):
                changes.append(Change("budget", "changed" if key in ob and key in nb else
                                      ("added" if key in nb else "removed"), field=key[0],
                                      before=value(ob.get(key)), after=value(nb.get(key)), year=key[1], **base))
    if old.doc_type == new.doc_type:
        for item in o_items:
            if item.id not in paired_old:
                changes.append(Change("item", "removed", item.code, item.name, "name", item.name, None,
                                      old_item_id=item.id))
    return changes
