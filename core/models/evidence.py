"""Evidence files attached to an item's quarterly realisation."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.extensions import db
from core.models.audit import utcnow
from core.models.plan import _same_region_fk


class EvidenceFile(db.Model):
    """A file a unit uploaded as evidence of an item's realisation in one quarter.

    The content lives under the instance folder, named by its SHA-256; the original file
    name is kept only for display and download.
    """

    __tablename__ = "evidence_file"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        _same_region_fk("item_id", "plan_item", "fk_evidence_file_item_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    item_id: Mapped[int] = mapped_column(Integer, index=True)
    year: Mapped[int]
    quarter: Mapped[int]
    filename: Mapped[str] = mapped_column(String(200))
    content_type: Mapped[str] = mapped_column(String(100))
    size: Mapped[int]
    sha256: Mapped[str] = mapped_column(String(64))
    uploaded_by: Mapped[int] = mapped_column(ForeignKey("user.id"))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    # Removed by the uploader or a planner: hidden from the sheet, kept (row and file) for the audit trail.
    removed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    removed_by: Mapped[int | None] = mapped_column(
        ForeignKey("user.id", name="fk_evidence_file_removed_by_user"))
