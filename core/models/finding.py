"""Consistency findings of a document, and people's acknowledgements of them.

Findings are recomputed whenever a document changes; an acknowledgement is keyed by the
finding's fingerprint, so it survives recomputation, and it never changes a printed value.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.extensions import db
from core.models.audit import utcnow
from core.models.plan import _same_region_fk


class Finding(db.Model):
    """One inconsistency a check found in a document."""

    __tablename__ = "finding"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        _same_region_fk("document_id", "plan_document", "fk_finding_document_same_region"),
        _same_region_fk("item_id", "plan_item", "fk_finding_item_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    document_id: Mapped[int] = mapped_column(Integer, index=True)
    item_id: Mapped[int | None] = mapped_column(Integer, index=True)
    check_id: Mapped[str] = mapped_column(String(60))
    severity: Mapped[str] = mapped_column(String(10))
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    message: Mapped[str] = mapped_column(Text)  # English msgid with %(name)s parameters
    params: Mapped[dict] = mapped_column(JSON, default=dict)
    printed: Mapped[str | None] = mapped_column(Text)
    expected: Mapped[str | None] = mapped_column(Text)
    year: Mapped[int | None]
    table_key: Mapped[str | None] = mapped_column(String(80))
    locator: Mapped[str | None] = mapped_column(Text)  # where in the item or table (a column, an extra)
    source_line: Mapped[int | None]


class FindingAcknowledgement(db.Model):
    """A person's note that a finding is known (it stays visible, marked, and audited)."""

    __tablename__ = "finding_ack"
    __table_args__ = (
        UniqueConstraint("document_id", "fingerprint"),
        _same_region_fk("document_id", "plan_document", "fk_finding_ack_document_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    document_id: Mapped[int] = mapped_column(Integer, index=True)
    fingerprint: Mapped[str] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
