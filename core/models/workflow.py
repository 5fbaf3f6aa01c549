"""The document workflow's records: transitions, item reviews, replies, and penetapan values.

Every row names its region (composite foreign keys keep it inside one region) and is never
updated by the workflow once written, except a value setting's ``applied_at`` and ``usulan``
at approval: the history is the rows themselves.
"""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal

from sqlalchemy import JSON, CheckConstraint, Date, DateTime, ForeignKey, ForeignKeyConstraint, Integer, String, Text
from sqlalchemy import UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.extensions import db
from core.models.audit import utcnow
from core.models.types import ExactDecimal

#: What a verifier may say about an item.
VERDICTS = ("sesuai", "perlu_perbaikan", "tidak_ditemukan")
#: The actions that move a document between states.
ACTIONS = ("submit", "verify", "return", "approve", "lock")
#: What a penetapan may set.
VALUE_KINDS = ("target", "pagu")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


def _same_region(column: str, table: str, name: str) -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["region_id", column], [f"{table}.region_id", f"{table}.id"], name=name,
                                ondelete="CASCADE")


class DocumentTransition(db.Model):
    """One step of a document through the workflow: who, when, from which state to which, and
    the note. An approval of a Renstra records the regional head's regulation (number, date)."""

    __tablename__ = "document_transition"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        CheckConstraint(_in("action", ACTIONS), name="action"),
        _same_region("document_id", "plan_document", "fk_document_transition_document_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    document_id: Mapped[int] = mapped_column(Integer, index=True)
    action: Mapped[str] = mapped_column(String(12))
    from_status: Mapped[str] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    actor_name: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    note: Mapped[str | None] = mapped_column(Text)
    regulation_number: Mapped[str | None] = mapped_column(String(200))
    regulation_date: Mapped[date | None] = mapped_column(Date)


class ItemReview(db.Model):
    """A verifier group's verdict on an item, with a note and the item as it was then
    (``snapshot``: label -> value), so the verifier later sees what changed since."""

    __tablename__ = "item_review"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        CheckConstraint(_in("verdict", VERDICTS), name="verdict"),
        _same_region("document_id", "plan_document", "fk_item_review_document_same_region"),
        _same_region("item_id", "plan_item", "fk_item_review_item_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    document_id: Mapped[int] = mapped_column(Integer, index=True)
    item_id: Mapped[int] = mapped_column(Integer, index=True)
    group: Mapped[str] = mapped_column(String(40))
    verdict: Mapped[str] = mapped_column(String(20))
    note: Mapped[str | None] = mapped_column(Text)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    reviewer_name: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    snapshot: Mapped[dict] = mapped_column(JSON, default=dict)


class ReviewReply(db.Model):
    """The office's answer to a review note."""

    __tablename__ = "review_reply"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        _same_region("review_id", "item_review", "fk_review_reply_review_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    review_id: Mapped[int] = mapped_column(Integer, index=True)
    author_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    author_name: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    text: Mapped[str] = mapped_column(Text)


class ValueSetting(db.Model):
    """A verifier's penetapan of a target or pagu beside the office's usulan.

    ``usulan`` is the office's value (refreshed at approval, when the penetapan is written into
    the target or budget row and ``applied_at`` set); both stay readable side by side.
    """

    __tablename__ = "value_setting"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        UniqueConstraint("document_id", "kind", "row_id"),
        CheckConstraint(_in("kind", VALUE_KINDS), name="kind"),
        _same_region("document_id", "plan_document", "fk_value_setting_document_same_region"),
        _same_region("item_id", "plan_item", "fk_value_setting_item_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    document_id: Mapped[int] = mapped_column(Integer, index=True)
    item_id: Mapped[int] = mapped_column(Integer, index=True)
    kind: Mapped[str] = mapped_column(String(8))
    row_id: Mapped[int] = mapped_column(Integer)  # the target's or the budget's id
    year: Mapped[int | None]
    label: Mapped[str] = mapped_column(Text)  # the indicator text, or "pagu"
    usulan_printed: Mapped[str | None] = mapped_column(Text)
    usulan_value: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    penetapan_printed: Mapped[str] = mapped_column(Text)
    penetapan_value: Mapped[Decimal] = mapped_column(ExactDecimal)
    note: Mapped[str | None] = mapped_column(Text)
    set_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    set_by_name: Mapped[str] = mapped_column(String(120))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    applied_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
