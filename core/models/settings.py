"""Region customisation stored in the database (issue 10): form fields an admin adds, the
changes an admin makes to inherited fields, and versioned region settings.

Every table carries ``region_id``; a row belongs to the region that made it (a province's rows
are the defaults its kab/kota inherit). Nothing here is ever bulk-deleted: a deleted field is
marked (``deleted_at``) so the values stored under its key stay readable, and a settings change
adds a version (``valid_from``) instead of rewriting the one in force.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy import text as sa_text
from sqlalchemy.orm import Mapped, mapped_column

from core.extensions import db
from core.models.audit import utcnow


class FormField(db.Model):
    """A field a region admin added to a form (key ``x_...``), kept after deletion."""

    __tablename__ = "form_field"
    __table_args__ = (UniqueConstraint("region_id", "form", "key", name="uq_form_field_region_form_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    form: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(64))
    type: Mapped[str] = mapped_column(String(20))
    label_id: Mapped[str] = mapped_column(String(200))
    label_en: Mapped[str] = mapped_column(String(200))
    help_id: Mapped[str] = mapped_column(Text, default="")
    help_en: Mapped[str] = mapped_column(Text, default="")
    required: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_text("false"))
    # [{"value": "DAU", "label": "DAU", "label_en": "DAU"}, ...]
    choices: Mapped[list] = mapped_column(JSON, default=list)
    order: Mapped[int] = mapped_column("position", Integer, default=100)
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=utcnow)


class FormFieldOverride(db.Model):
    """What a region changes about an inherited field (core's or its province's): hidden,
    required, relabelled, moved. None keeps the inherited value."""

    __tablename__ = "form_field_override"
    __table_args__ = (UniqueConstraint("region_id", "form", "key", name="uq_form_field_override_region_form_key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    form: Mapped[str] = mapped_column(String(32))
    key: Mapped[str] = mapped_column(String(64))
    hidden: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_text("false"))
    required: Mapped[bool | None] = mapped_column(Boolean)
    label_id: Mapped[str | None] = mapped_column(String(200))
    label_en: Mapped[str | None] = mapped_column(String(200))
    order: Mapped[int | None] = mapped_column("position", Integer)


class RegionSettingsVersion(db.Model):
    """One version of a region's own settings (what it sets itself, not what it inherits).

    ``data`` holds the region's own values (labels, predicate scale, note threshold, blocking
    checks, report header, signatories, places); the version in force at a time is the latest
    whose ``valid_from`` is not after it.
    """

    __tablename__ = "region_settings_version"
    __table_args__ = (UniqueConstraint("region_id", "version", name="uq_region_settings_version"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    valid_from: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow, index=True)
    data: Mapped[dict] = mapped_column(JSON, default=dict)
    created_by: Mapped[str | None] = mapped_column(String(80))
