"""Organisation charts of a region's Dinas, valid from a date (charts change), and their units."""

from __future__ import annotations

from datetime import date

from sqlalchemy import (
    JSON,
    Date,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from core.extensions import db


class OrgChart(db.Model):
    """A region's chart as one source document states it, valid from ``valid_from``."""

    __tablename__ = "org_chart"
    __table_args__ = (UniqueConstraint("region_id", "id"), UniqueConstraint("region_id", "valid_from"))

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    valid_from: Mapped[date] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
    typology: Mapped[str | None] = mapped_column(String(40))
    source_document: Mapped[str | None] = mapped_column(String(200))
    note: Mapped[str | None] = mapped_column(Text)
    seed_fingerprint: Mapped[str | None] = mapped_column(String(64))


class OrgUnit(db.Model):
    """A unit (Bidang, Seksi, UPTD ...) of one chart; its parent is in the same region."""

    __tablename__ = "org_unit"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        UniqueConstraint("chart_id", "code"),
        ForeignKeyConstraint(
            ["region_id", "chart_id"], ["org_chart.region_id", "org_chart.id"],
            name="fk_org_unit_chart_same_region", ondelete="CASCADE",
        ),
        ForeignKeyConstraint(
            ["region_id", "parent_id"], ["org_unit.region_id", "org_unit.id"],
            name="fk_org_unit_parent_same_region",
        ),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    chart_id: Mapped[int] = mapped_column(Integer, index=True)
    parent_id: Mapped[int | None] = mapped_column(Integer)
    code: Mapped[str] = mapped_column(String(80))
    name: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str | None] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(30))
    position: Mapped[int] = mapped_column(default=0)
    tasks: Mapped[list] = mapped_column(JSON, default=list)
    source_table: Mapped[str | None] = mapped_column(String(200))
    source_line: Mapped[int | None] = mapped_column(Integer)
    #: When the unit exists (None: since the chart / still): units are created, moved and closed.
    valid_from: Mapped[date | None] = mapped_column(Date)
    valid_to: Mapped[date | None] = mapped_column(Date)
