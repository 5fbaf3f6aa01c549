"""What waits for a user in the document workflow, for the inbox (the lead wires it in).

* the office (``document.submit``): drafts returned with notes, to fix, answer and resubmit;
* a verifier group (``document.review`` / ``document.verify``): submitted documents;
* the Kepala Dinas: verified documents to approve (``document.approve``) and approved ones to
  lock (``document.lock``).
"""

from __future__ import annotations

from flask import current_app, has_request_context, url_for
from sqlalchemy import select

from core.extensions import db
from core.models import PlanDocument
from core.models.workflow import DocumentTransition
from core.security import can, visible_regions
from core.workflow import machine

#: kind -> (the document status it waits on, the permission that acts on it).
KINDS = {
    "reply": ("draft", "document.submit"),
    "verify": ("submitted", "document.verify"),
    "approve": ("verified", "document.approve"),
    "lock": ("approved", "document.lock"),
}


def _last_transitions(document_ids: list[int]) -> dict[int, DocumentTransition]:
    found = {}
    if document_ids:
        for row in db.session.scalars(select(DocumentTransition).where(
                DocumentTransition.document_id.in_(document_ids)).order_by(DocumentTransition.at,
                                                                           DocumentTransition.id)):
            found[row.document_id] = row
    return found


def _url(region_code: str, document_id: int) -> str:
    """The document's review page (a path; outside a request too, e.g. for a reminder job)."""
    if has_request_context():
        return url_for("workflow.page", region_code=region_code, document_id=document_id)
    with current_app.test_request_context():
        return url_for("workflow.page", region_code=region_code, document_id=document_id)


def review_inbox_entries(user) -> list[dict]:
    """``[{kind, title, url, region_code, document_id, since}]``, oldest first: documents waiting
    for ``user`` (a returned draft counts only while it has not been resubmitted)."""
    entries = []
    for region in visible_regions(user):
        kinds = [kind for kind, (_status, permission) in KINDS.items() if can(user, permission, region)]
        if not kinds:
            continue
        documents = db.session.scalars(select(PlanDocument).where(
            PlanDocument.region_id == region.id,
            PlanDocument.status.in_([KINDS[k][0] for k in kinds]))).all()
        last = _last_transitions([d.id for d in documents])
        for document in documents:
            transition = last.get(document.id)
            for kind in kinds:
                status, _permission = KINDS[kind]
                if document.status != status:
                    continue
                if kind == "reply" and (transition is None or transition.action != "return"):
                    continue  # a draft nobody returned waits for no one in particular
                if kind in ("verify", "approve", "lock") and not machine.may(user, document, kind):
                    continue
                entries.append({
                    "kind": kind, "title": document.title,
                    "url": _url(region.code, document.id),
                    "region_code": region.code, "document_id": document.id,
                    "since": transition.at if transition else None,
                })
    return sorted(entries, key=lambda e: (e["since"] is None, e["since"] or 0, e["document_id"]))
