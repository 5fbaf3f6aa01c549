"""Item-level verification: a verifier group's verdict on an item with a note; the office's
replies; and what changed in the item since the note (the review keeps the item as it was).

A review is written while the document is submitted, by a member of a verifier group active
for the document's type. The latest review of an item by a group is its verdict; items whose
latest verdict is not ``sesuai`` hold the document back from being verified.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from sqlalchemy import select

from core.errors import N_, Conflict, Forbidden, Invalid, NotFound
from core.extensions import db
from core.models import Budget, Indicator, PlanDocument, PlanItem, Target
from core.models.workflow import VERDICTS, ItemReview, ReviewReply
from core.planning import guards
from core.security import can
from core.workflow import groups

VERDICT_LABELS = {"sesuai": N_("sesuai (as required)"), "perlu_perbaikan": N_("perlu perbaikan (needs fixing)"),
                  "tidak_ditemukan": N_("tidak ditemukan (not found)")}
#: States in which the office may answer a note (after a return the document is a draft again).
REPLY_STATES = ("draft", "submitted")


def item_state(item: PlanItem) -> dict[str, str]:
    """The item's reviewable content as label -> text (what a later change is compared with)."""
    state = {"code": item.code or "", "name": item.name or "", "responsible_unit": item.responsible_unit or ""}
    for name, value in sorted((item.fields or {}).items()):
        state[f"fields.{name}"] = str(value)
    indicators = db.session.scalars(select(Indicator).where(
        Indicator.region_id == item.region_id, Indicator.item_id == item.id).order_by(Indicator.position)).all()
    for n, indicator in enumerate(indicators, 1):
        state[f"indicator {n}"] = f"{indicator.text} ({indicator.unit or '-'})"
        for target in db.session.scalars(select(Target).where(
                Target.region_id == item.region_id, Target.indicator_id == indicator.id)
                .order_by(Target.year, Target.quarter)):
            quarter = f" Q{target.quarter}" if target.quarter else ""
            state[f"indicator {n} target {target.year}{quarter}"] = target.printed or ""
    for budget in db.session.scalars(select(Budget).where(
            Budget.region_id == item.region_id, Budget.item_id == item.id, Budget.entered.is_(False),
            Budget.quarter.is_(None)).order_by(Budget.kind, Budget.year)):
        state[f"{budget.kind} {budget.year or ''}".strip()] = budget.printed or ""
    return state


@dataclass
class Change:
    """A field of an item that differs from what the reviewer saw."""

    field: str
    before: str | None
    now: str | None


def changes_since(review: ItemReview, item: PlanItem | None = None) -> list[Change]:
    """What differs in the item now from when ``review`` was written."""
    item = item or db.session.get(PlanItem, review.item_id)
    before, now = review.snapshot or {}, item_state(item)
    return [Change(name, before.get(name), now.get(name)) for name in sorted(set(before) | set(now))
            if before.get(name) != now.get(name)]


def document_of(item: PlanItem) -> PlanDocument:
    return db.session.scalar(select(PlanDocument).where(PlanDocument.region_id == item.region_id,
                                                        PlanDocument.id == item.document_id))


def write_review(item: PlanItem, user, verdict, note) -> ItemReview:
    """A verdict on ``item`` by ``user``'s active verifier group; a note is required unless sesuai."""
    from core import signals

    document = document_of(item)
    region = document.region
    if not can(user, "document.review", region):
        raise Forbidden(N_("Your role may not review items."))
    group = groups.reviewing_group(user, region, document.doc_type)
    if group is None:
        raise Forbidden(N_("Your verifier group does not review this type of document in this region."))
    if verdict not in VERDICTS:
        raise Invalid(N_("verdict must be one of %(choices)s."), choices=", ".join(VERDICTS))
    note = guards.text(note, "note", required=verdict != "sesuai")
    if document.status != "submitted":
        raise Conflict(N_("This document is %(status)s: items are reviewed while it is submitted."),
                       status=guards.status_label(document.status))
    review = ItemReview(region_id=item.region_id, document_id=document.id, item_id=item.id, group=group,
                        verdict=verdict, note=note, reviewer_id=getattr(user, "id", None),
                        reviewer_name=user.username, snapshot=item_state(item))
    db.session.add(review)
    db.session.flush()
    signals.review_written.send(review, actor=user)
    return review


def reply(review: ItemReview, user, text) -> ReviewReply:
    """The office's answer to ``review``'s note."""
    from core import signals

    document = db.session.scalar(select(PlanDocument).where(PlanDocument.region_id == review.region_id,
                                                            PlanDocument.id == review.document_id))
    if not can(user, "review.reply", document.region):
        raise Forbidden(N_("Your role may not answer review notes."))
    text = guards.text(text, "text", required=True)
    if document.status not in REPLY_STATES:
        raise Conflict(N_("This document is %(status)s: its notes can no longer be answered."),
                       status=guards.status_label(document.status))
    row = ReviewReply(region_id=review.region_id, review_id=review.id, author_id=getattr(user, "id", None),
                      author_name=user.username, text=text)
    db.session.add(row)
    db.session.flush()
    signals.review_replied.send(row, actor=user)
    return row


def review_in(region, review_id) -> ItemReview:
    """Review ``review_id`` of ``region`` (404 for another region's or none)."""
    if isinstance(review_id, bool) or not isinstance(review_id, int):
        raise NotFound()
    review = db.session.scalar(select(ItemReview).where(ItemReview.region_id == region.id,
                                                        ItemReview.id == review_id))
    if review is None:
        raise NotFound()
    return review


def reviews_of(document: PlanDocument) -> list[ItemReview]:
    return list(db.session.scalars(select(ItemReview).where(
        ItemReview.region_id == document.region_id, ItemReview.document_id == document.id)
        .order_by(ItemReview.at, ItemReview.id)))


def replies_to(reviews: list[ItemReview]) -> dict[int, list[ReviewReply]]:
    if not reviews:
        return {}
    found = defaultdict(list)
    for row in db.session.scalars(select(ReviewReply).where(
            ReviewReply.region_id == reviews[0].region_id, ReviewReply.review_id.in_([r.id for r in reviews]))
            .order_by(ReviewReply.at, ReviewReply.id)):
        found[row.review_id].append(row)
    return found


def latest(document: PlanDocument) -> dict[tuple[int, str], ItemReview]:
    """The latest review of each (item, group)."""
    found = {}
    for review in reviews_of(document):
        found[(review.item_id, review.group)] = review
    return found


def open_items(document: PlanDocument) -> list[int]:
    """Items whose latest verdict by an active group is not ``sesuai``."""
    active = groups.active_groups(document.region, document.doc_type)
    return sorted({item_id for (item_id, group), r in latest(document).items()
                   if group in active and r.verdict != "sesuai"})


@dataclass
class ItemReviews:
    """An item with its reviews (each with its replies and what changed since), newest last."""

    item: PlanItem
    entries: list[dict] = field(default_factory=list)

    @property
    def verdict(self) -> str | None:
        return self.entries[-1]["review"].verdict if self.entries else None


def by_item(document: PlanDocument) -> list[ItemReviews]:
    """Every reviewed item of ``document`` in document order, with its reviews."""
    reviews = reviews_of(document)
    if not reviews:
        return []
    replies = replies_to(reviews)
    items = {i.id: i for i in db.session.scalars(select(PlanItem).where(
        PlanItem.region_id == document.region_id, PlanItem.id.in_({r.item_id for r in reviews})))}
    grouped: dict[int, ItemReviews] = {}
    for review in reviews:
        item = items[review.item_id]
        entry = grouped.setdefault(item.id, ItemReviews(item))
        entry.entries.append({"review": review, "replies": replies.get(review.id, []),
                              "changes": changes_since(review, item)})
    return sorted(grouped.values(), key=lambda e: e.item.position)
