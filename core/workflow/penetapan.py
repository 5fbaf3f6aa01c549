"""Usulan and penetapan: a verifier sets a target or pagu other than the office's proposal.

Both values are kept (:class:`~core.models.workflow.ValueSetting`) and shown side by side.
While the document is being verified the target or budget row keeps the office's usulan; at
approval the usulan is refreshed from the row and the penetapan written into it, so the
approved document carries the penetapan and the usulan stays readable beside it.
"""

from __future__ import annotations

from sqlalchemy import select

from core.errors import N_, Conflict, Forbidden, Invalid, NotFound
from core.extensions import db
from core.models import Budget, Indicator, PlanDocument, PlanItem, Target
from core.models.audit import utcnow
from core.models.workflow import VALUE_KINDS, ValueSetting
from core.planning import guards
from core.planning.values import number
from core.security import can
from core.workflow import groups

#: States in which a verifier may set a value.
SET_STATES = ("submitted",)


def _row(document: PlanDocument, kind: str, row_id) -> tuple[object, PlanItem, str]:
    """The target or pagu row ``row_id`` of ``document``, its item and a label (404 otherwise)."""
    if isinstance(row_id, bool) or not isinstance(row_id, int):
        raise NotFound()
    if kind == "target":
        found = db.session.execute(select(Target, Indicator, PlanItem)
                                   .join(Indicator, Indicator.id == Target.indicator_id)
                                   .join(PlanItem, PlanItem.id == Indicator.item_id)
                                   .where(Target.region_id == document.region_id, Target.id == row_id,
                                          PlanItem.document_id == document.id)).first()
        if found is None:
            raise NotFound()
        return found[0], found[2], found[1].text
    found = db.session.execute(select(Budget, PlanItem).join(PlanItem, PlanItem.id == Budget.item_id)
                               .where(Budget.region_id == document.region_id, Budget.id == row_id,
                                      Budget.kind == "pagu", Budget.entered.is_(False),
                                      PlanItem.document_id == document.id)).first()
    if found is None:
        raise NotFound()
    return found[0], found[1], "pagu"


def set_value(document: PlanDocument, user, kind, row_id, value, note=None) -> ValueSetting:
    """The verifier's penetapan of a target or pagu of ``document`` (replacing an earlier one)."""
    if not can(user, "document.review", document.region):
        raise Forbidden(N_("Your role may not set values."))
    if groups.reviewing_group(user, document.region, document.doc_type) is None:
        raise Forbidden(N_("Your verifier group does not review this type of document in this region."))
    if kind not in VALUE_KINDS:
        raise Invalid(N_("kind must be one of %(choices)s."), choices=", ".join(VALUE_KINDS))
    row, item, label = _row(document, kind, row_id)
    if document.status not in SET_STATES:
        raise Conflict(N_("This document is %(status)s: values are set while it is submitted."),
                       status=guards.status_label(document.status))
    parsed = number(value, "value", "money" if kind == "pagu" else "measure")
    note = guards.text(note, "note")
    setting = db.session.scalar(select(ValueSetting).where(
        ValueSetting.document_id == document.id, ValueSetting.kind == kind, ValueSetting.row_id == row.id))
    if setting is None:
        setting = ValueSetting(region_id=document.region_id, document_id=document.id, item_id=item.id, kind=kind,
                               row_id=row.id, year=row.year, label=label)
        db.session.add(setting)
    setting.usulan_printed, setting.usulan_value = row.printed, row.value
    setting.penetapan_printed, setting.penetapan_value = str(parsed), parsed
    setting.note, setting.set_by_id, setting.set_by_name, setting.at = note, user.id, user.username, utcnow()
    db.session.flush()
    return setting


def settings_of(document: PlanDocument) -> list[ValueSetting]:
    return list(db.session.scalars(select(ValueSetting).where(
        ValueSetting.region_id == document.region_id, ValueSetting.document_id == document.id)
        .order_by(ValueSetting.item_id, ValueSetting.kind, ValueSetting.year, ValueSetting.id)))


def apply(document: PlanDocument) -> int:
    """At approval: keep each row's usulan in its setting and write the penetapan into the row."""
    count = 0
    for setting in settings_of(document):
        if setting.applied_at is not None:
            continue
        row = db.session.get(Target if setting.kind == "target" else Budget, setting.row_id)
        if row is None:  # the office removed the row after the verifier set it
            continue
        setting.usulan_printed, setting.usulan_value = row.printed, row.value
        row.printed, row.value, row.parse_status = setting.penetapan_printed, setting.penetapan_value, "number"
        setting.applied_at = utcnow()
        count += 1
    db.session.flush()
    return count
