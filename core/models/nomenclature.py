"""Nomenclature versions (national code lists) and their items."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from core.extensions import db


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
