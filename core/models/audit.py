"""The audit trail: one row per change, who, when, what, before and after."""

from __future__ import annotations

from datetime import datetime, timezone

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from core.extensions import db


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class AuditLog(db.Model):
    """A change to any row, or a security event (login, failed login, logout)."""

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    actor: Mapped[str] = mapped_column(String(120))  # username, or "system:seed" / "cli"
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    action: Mapped[str] = mapped_column(String(40))  # create, update, delete, login, ...
    entity: Mapped[str] = mapped_column(String(60))
    entity_id: Mapped[int | None] = mapped_column(Integer)
    before: Mapped[dict | None] = mapped_column(JSON)
    after: Mapped[dict | None] = mapped_column(JSON)
