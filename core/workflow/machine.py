"""The states of a plan document and the steps between them, per document type.

draft -> submitted (the office) -> verified (Bappeda) or returned with notes (back to draft)
-> approved / ditetapkan (the Kepala Dinas; a Renstra by the regional head's regulation, whose
number and date are recorded) -> locked. A Perjanjian Kinerja and a Rencana Aksi are signed,
not verified: they go from submitted to approved.

The steps are data (:data:`STEPS`); a region's plugin may adjust them for a document type
through ``pelita_workflow`` (inherited: a kab/kota's plugin, then its province's). A step a
user's role may not take is refused with 403; a step the document's state does not allow,
with 409. Every step writes a :class:`~core.models.workflow.DocumentTransition` (who, when,
the note), which the audit trail records with the document's new status, and announces
:data:`core.signals.document_transitioned`.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from flask_babel import gettext as _
from sqlalchemy import select

from core.errors import N_, Conflict, Forbidden, Invalid
from core.extensions import db
from core.models import PlanDocument
from core.models.plan import STATUSES
from core.models.workflow import ACTIONS, DocumentTransition
from core.planning import guards
from core.security import can


@dataclass(frozen=True)
class Step:
    """An action: the states it starts from, the state it leads to, the permission it needs,
    and whether it records a regulation (number and date)."""

    action: str
    sources: tuple[str, ...]
    target: str
    permission: str
    regulation: bool = False
    note_required: bool = False


_BASE = {
    "submit": Step("submit", ("draft",), "submitted", "document.submit"),
    "verify": Step("verify", ("submitted",), "verified", "document.verify"),
    "return": Step("return", ("submitted", "verified"), "draft", "document.verify", note_required=True),
    "approve": Step("approve", ("verified",), "approved", "document.approve"),
    "lock": Step("lock", ("approved",), "locked", "document.lock"),
}
_SIGNED = {
    **_BASE,
    "verify": None,
    "return": replace(_BASE["return"], sources=("submitted",), permission="document.approve"),
    "approve": replace(_BASE["approve"], sources=("submitted",)),
}
#: Steps per document type; types not named follow ``renja``. None: the type has no such step.
STEPS: dict[str, dict[str, Step | None]] = {
    "renstra": {**_BASE, "approve": replace(_BASE["approve"], regulation=True)},
    "renja": dict(_BASE),
    "pk": _SIGNED,
    "rencana_aksi": _SIGNED,
}

STATUS_LABELS = guards.STATUS_LABELS
ACTION_LABELS = {"submit": N_("Submit for verification"), "verify": N_("Verify"),
                 "return": N_("Return with notes"), "approve": N_("Approve (penetapan)"), "lock": N_("Lock")}
ACTION_DONE = {"submit": N_("submitted"), "verify": N_("verified"), "return": N_("returned"),
               "approve": N_("approved"), "lock": N_("locked")}
PERMISSIONS = ("document.submit", "document.verify", "document.approve", "document.lock")


def steps_for(document: PlanDocument) -> dict[str, Step]:
    """The steps of ``document``'s type, as its region's plugin adjusts them."""
    from core.plugins import current_registry

    steps = dict(STEPS.get(document.doc_type, STEPS["renja"]))
    changes = current_registry().call("pelita_workflow", document.region.code, doc_type=document.doc_type)
    for action, change in (changes or {}).items():
        steps[action] = _adjusted(steps.get(action) or _BASE.get(action), action, change)
    return {action: step for action, step in steps.items() if step is not None}


def _adjusted(step: Step | None, action: str, change) -> Step | None:
    """A plugin's change of one step: None removes it; a dict sets ``from`` (states), ``to``,
    ``permission``, ``regulation``, ``note_required``."""
    if change is None:
        return None
    if action not in ACTIONS or step is None or not isinstance(change, dict):
        raise ValueError(f"pelita_workflow: cannot change step {action!r} with {change!r}")
    sources = tuple(change.get("from", step.sources))
    target = change.get("to", step.target)
    permission = change.get("permission", step.permission)
    if not set(sources) <= set(STATUSES) or target not in STATUSES or permission not in PERMISSIONS:
        raise ValueError(f"pelita_workflow: step {action!r} names an unknown state or permission")
    return replace(step, sources=sources, target=target, permission=permission,
                   regulation=bool(change.get("regulation", step.regulation)),
                   note_required=bool(change.get("note_required", step.note_required)))


def may(user, document: PlanDocument, action: str) -> bool:
    """Whether ``user``'s role may take ``action`` on ``document`` at all (whatever its state)."""
    step = steps_for(document).get(action)
    return step is not None and can(user, step.permission, document.region)


def available(user, document: PlanDocument) -> list[str]:
    """The actions ``user`` may take on ``document`` now, in workflow order."""
    steps = steps_for(document)
    return [a for a in ACTIONS if a in steps and document.status in steps[a].sources
            and can(user, steps[a].permission, document.region)]


def history(document: PlanDocument) -> list[DocumentTransition]:
    """The document's transitions, oldest first."""
    return list(db.session.scalars(select(DocumentTransition).where(
        DocumentTransition.region_id == document.region_id, DocumentTransition.document_id == document.id)
        .order_by(DocumentTransition.at, DocumentTransition.id)))


def regulation_of(document: PlanDocument) -> DocumentTransition | None:
    """The approval that recorded the document's regulation (number and date), if any."""
    for row in reversed(history(document)):
        if row.action == "approve" and row.regulation_number:
            return row
    return None


def transition(document: PlanDocument, action, user, *, note=None, regulation_number=None,
               regulation_date=None, expected: int | None = None) -> DocumentTransition:
    """Take ``action`` on ``document`` as ``user``; refuse with 403 (role), 409 (state) or 422."""
    from core import signals
    from core.workflow import penetapan, reviews

    if action not in ACTIONS:
        raise Invalid(N_("action must be one of %(choices)s."), choices=", ".join(ACTIONS))
    step = steps_for(document).get(action)
    if step is None:
        raise Conflict(N_("This type of document has no step %(action)s."), action=_(ACTION_LABELS[action]))
    if not can(user, step.permission, document.region):
        raise Forbidden(N_("Your role may not do this: %(action)s."), action=_(ACTION_LABELS[action]))
    if document.status not in step.sources:
        raise Conflict(N_("This document is %(status)s: it cannot be %(done)s now."),
                       status=guards.status_label(document.status), done=_(ACTION_DONE[action]))
    guards.check_version(document, expected, {"status": document.status}, required=False)
    note = guards.text(note, "note", required=step.note_required)
    if action == "submit" and document.version != guards.latest_version_number(document):
        raise Conflict(N_("A newer version of this plan exists: change that one."))
    if action == "verify":
        still_open = reviews.open_items(document)
        if still_open:
            raise Conflict(N_("%(count)s items still need fixing: mark them sesuai before verifying."),
                           count=len(still_open))
    number, when = None, None
    if step.regulation:
        number = guards.text(regulation_number, "regulation_number", required=True, limit=200)
        when = _date(regulation_date)
    if action == "approve":
        penetapan.apply(document)
    from_status = document.status
    document.status = step.target
    row = DocumentTransition(region_id=document.region_id, document_id=document.id, action=action,
                             from_status=from_status, to_status=step.target, actor_id=getattr(user, "id", None),
                             actor_name=getattr(user, "username", "system"), note=note,
                             regulation_number=number, regulation_date=when)
    db.session.add(row)
    db.session.flush()
    signals.document_transitioned.send(document, action=action, from_status=from_status, to_status=step.target,
                                       actor=user, note=note)
    return row


def _date(value) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not value.strip():
        raise Invalid(N_("%(field)s is required."), field="regulation_date")
    try:
        return date.fromisoformat(value.strip())
    except ValueError:
        raise Invalid(N_("%(field)s must be a date like 2025-03-31."), field="regulation_date") from None
