"""Regions: provinces and the kabupaten/kota they host."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db


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

    parent: Mapped[Region | None] = relationship(remote_side=[id], back_populates="children")
    children: Mapped[list[Region]] = relationship(back_populates="parent", order_by="Region.code")

    def display_name(self, locale: str) -> str:
        """The region's name in ``locale``, falling back to the official name."""
        return (self.name_en if locale == "en" else None) or self.name

    def display_agency(self, locale: str) -> str:
        """The agency's name in ``locale``, falling back to the official name."""
        return (self.agency_name_en if locale == "en" else None) or self.agency_name

    def __repr__(self) -> str:
        return f"<Region {self.code} {self.name}>"
