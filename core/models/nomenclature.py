"""Nomenclature versions (national code lists), their items, and crosswalks between versions."""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db
from core.models.types import ExactDecimal


class NomenclatureVersion(db.Model):
    """One national code list, e.g. Kepmendagri 050-5889/2021."""

    __tablename__ = "nomenclature_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(Text)
    legal_basis: Mapped[str | None] = mapped_column(Text)
    provenance: Mapped[str | None] = mapped_column(Text)


class NomenclatureItem(db.Model):
    """An item of a code list, keyed by (version, jurisdiction, code), never by code alone."""

    __tablename__ = "nomenclature_item"
    __table_args__ = (UniqueConstraint("version_id", "jurisdiction", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("nomenclature_version.id"), index=True)
    jurisdiction: Mapped[str] = mapped_column(String(16))  # provinsi | kabkota | all
    code: Mapped[str] = mapped_column(String(40))
    level: Mapped[str] = mapped_column(String(20))
    name: Mapped[str] = mapped_column(Text)
    name_en: Mapped[str | None] = mapped_column(Text)
    indikator: Mapped[str | None] = mapped_column(Text)
    satuan: Mapped[str | None] = mapped_column(Text)
    kinerja: Mapped[str | None] = mapped_column(Text)
    provenance: Mapped[str | None] = mapped_column(Text)


#: Review states of a crosswalk row.
CROSSWALK_STATUSES = ("proposed", "confirmed", "rejected")


class NomenclatureCrosswalkRow(db.Model):
    """One old code's fate in a newer version, as proposed or as a person decided it.

    ``region_id`` is NULL for the national crosswalk; a row with a region overrides, for that
    region only, the national row with the same ``from_code``. ``from_code`` is NULL for a code
    that is new in the target version. ``candidates`` keeps the ranked proposals a reviewer
    chooses from (``[{code, name, confidence, basis}]``, confidence as a string).
    """

    __tablename__ = "nomenclature_crosswalk_row"
    __table_args__ = (
        Index("ix_nomenclature_crosswalk_row_pair", "from_version_id", "to_version_id", "jurisdiction"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    from_version_id: Mapped[int] = mapped_column(ForeignKey("nomenclature_version.id"))
    to_version_id: Mapped[int] = mapped_column(ForeignKey("nomenclature_version.id"))
    jurisdiction: Mapped[str] = mapped_column(String(16))  # provinsi | kabkota
    region_id: Mapped[int | None] = mapped_column(ForeignKey("region.id"), index=True)
    position: Mapped[int] = mapped_column(default=0)
    from_code: Mapped[str | None] = mapped_column(String(40))
    to_codes: Mapped[list] = mapped_column(JSON, default=list)
    kind: Mapped[str] = mapped_column(String(12))
    confidence: Mapped[Decimal] = mapped_column(ExactDecimal)
    basis: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(12), default="proposed")
    candidates: Mapped[list] = mapped_column(JSON, default=list)
    confirmed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    confirmed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    note: Mapped[str] = mapped_column(Text, default="")
    source: Mapped[str | None] = mapped_column(Text)

    from_version = relationship("NomenclatureVersion", foreign_keys=[from_version_id])
    to_version = relationship("NomenclatureVersion", foreign_keys=[to_version_id])
    confirmed_by = relationship("User")
    region = relationship("Region")
