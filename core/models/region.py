"""Regions: provinces and the kabupaten/kota they host.

The ``region`` table is the one source of truth for which regions exist. A region is created,
edited and deactivated by an administrator (:mod:`core.services.regions`), or by the seed of
a region plugin; a plugin *enriches* a region that exists. ``level`` and ``enabled`` are the
column names; the API calls them ``kind`` and ``active`` (synonyms below).
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, String, and_
from sqlalchemy.orm import Mapped, foreign, mapped_column, relationship, remote, synonym

from core.extensions import db
from core.models.audit import utcnow


class Region(db.Model):
    """A provinsi, kabupaten or kota, keyed by its kode wilayah (``91.01``)."""

    __tablename__ = "region"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    name_en: Mapped[str | None] = mapped_column(String(200))
    level: Mapped[str] = mapped_column(String(16))
    agency_name: Mapped[str] = mapped_column(String(200))
    agency_name_en: Mapped[str | None] = mapped_column(String(200))
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"))
    enabled: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), default=utcnow)

    #: The API's names of ``level`` and ``enabled``.
    kind = synonym("level")
    active = synonym("enabled")

    parent: Mapped[Region | None] = relationship(remote_side=[id])
    #: The *active* kab/kota this region hosts (a deactivated one disappears from every list).
    children: Mapped[list[Region]] = relationship(
        primaryjoin=lambda: and_(remote(foreign(Region.parent_id)) == Region.id, remote(Region.enabled).is_(True)),
        order_by="Region.code", viewonly=True,
    )

    def display_name(self, locale: str) -> str:
        """The region's name in ``locale``, falling back to the official name."""
        return (self.name_en if locale == "en" else None) or self.name

    def display_agency(self, locale: str) -> str:
        """The agency's name in ``locale``, falling back to the official name."""
        return (self.agency_name_en if locale == "en" else None) or self.agency_name

    def __repr__(self) -> str:
        return f"<Region {self.code} {self.name}>"
