"""Planning periods, plan documents, their item hierarchy, indicators, targets and money."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    JSON,
    ForeignKey,
    ForeignKeyConstraint,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from core.extensions import db
from core.models.types import ExactDecimal


def _same_region_fk(columns, target_table, name):
    """A composite FK (region_id, x_id) -> target(region_id, id): no cross-region links."""
    return ForeignKeyConstraint(
        ["region_id", columns], [f"{target_table}.region_id", f"{target_table}.id"], name=name,
        ondelete="CASCADE",
    )


class SourceMixin:
    """Where a row was printed: its table and line in the document's source text."""

    source_table: Mapped[str | None] = mapped_column(String(200))
    source_line: Mapped[int | None] = mapped_column(Integer)
    source_row: Mapped[str | None] = mapped_column(Text)


class PlanningPeriod(db.Model):
    """A planning period of a region (the RPJMD's five or six years)."""

    __tablename__ = "planning_period"
    __table_args__ = (UniqueConstraint("region_id", "id"), UniqueConstraint("region_id", "start_year", "end_year"))

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    start_year: Mapped[int]
    end_year: Mapped[int]


class PlanDocument(db.Model):
    """A Renstra, Renja, PK, LAKIP or evaluation of one region, in one version."""

    __tablename__ = "plan_document"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        UniqueConstraint("region_id", "key"),
        _same_region_fk("period_id", "planning_period", "fk_plan_document_period_same_region"),
        _same_region_fk("amends_id", "plan_document", "fk_plan_document_amends_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    key: Mapped[str] = mapped_column(String(80))
    doc_type: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    period_id: Mapped[int | None] = mapped_column(Integer)
    year: Mapped[int | None]
    version: Mapped[int] = mapped_column(default=1)
    status: Mapped[str] = mapped_column(String(20), default="draft")
    amends_id: Mapped[int | None] = mapped_column(Integer)
    nomenclature_version_id: Mapped[int | None] = mapped_column(ForeignKey("nomenclature_version.id"))
    source_file: Mapped[str | None] = mapped_column(String(200))
    number_style: Mapped[str] = mapped_column(String(4), default="id")
    notes: Mapped[list] = mapped_column(JSON, default=list)
    seed_fingerprint: Mapped[str | None] = mapped_column(String(64))

    region = relationship("Region")
    period = relationship(
        "PlanningPeriod",
        primaryjoin="and_(PlanDocument.period_id == PlanningPeriod.id, "
        "PlanDocument.region_id == PlanningPeriod.region_id)",
        foreign_keys="[PlanDocument.period_id]",
        viewonly=True,
    )
    nomenclature_version = relationship("NomenclatureVersion")


class PlanItem(SourceMixin, db.Model):
    """An item of a document's hierarchy: tujuan, sasaran, program, kegiatan, sub kegiatan ..."""

    __tablename__ = "plan_item"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        UniqueConstraint("document_id", "key"),
        _same_region_fk("document_id", "plan_document", "fk_plan_item_document_same_region"),
        _same_region_fk("parent_id", "plan_item", "fk_plan_item_parent_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    document_id: Mapped[int] = mapped_column(Integer, index=True)
    parent_id: Mapped[int | None] = mapped_column(Integer, index=True)
    key: Mapped[str] = mapped_column(String(200))
    position: Mapped[int] = mapped_column(default=0)
    level: Mapped[str] = mapped_column(String(20))
    code: Mapped[str | None] = mapped_column(String(60))
    printed_code: Mapped[str | None] = mapped_column(Text)
    name: Mapped[str] = mapped_column(Text)
    responsible_unit: Mapped[str | None] = mapped_column(Text)  # as printed
    # The org unit answerable for the item (code of a unit in the region's chart); items
    # without one inherit their parent's. Set where the printed text names one unit, or by a planner.
    responsible_unit_code: Mapped[str | None] = mapped_column(String(80))
    extra: Mapped[dict] = mapped_column(JSON, default=dict)
    # In a draft moved to another code list: where the item's code came from and how it was
    # placed (status, basis, candidates, who decided); None in any other document.
    mapping: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))

    indicators = relationship(
        "Indicator", order_by="Indicator.position", viewonly=True,
        primaryjoin="and_(PlanItem.id == Indicator.item_id, PlanItem.region_id == Indicator.region_id)",
        foreign_keys="[Indicator.item_id, Indicator.region_id]",
    )
    budgets = relationship(
        "Budget", viewonly=True,
        primaryjoin="and_(PlanItem.id == Budget.item_id, PlanItem.region_id == Budget.region_id)",
        foreign_keys="[Budget.item_id, Budget.region_id]",
    )


class Indicator(SourceMixin, db.Model):
    """A performance indicator of an item: text, unit, polarity, aggregation, formula, baseline."""

    __tablename__ = "indicator"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        _same_region_fk("item_id", "plan_item", "fk_indicator_item_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    item_id: Mapped[int] = mapped_column(Integer, index=True)
    position: Mapped[int] = mapped_column(default=0)
    text: Mapped[str] = mapped_column(Text)
    unit: Mapped[str | None] = mapped_column(Text)
    polarity: Mapped[str] = mapped_column(String(8), default="higher")
    aggregation: Mapped[str] = mapped_column(String(8), default="last")
    # The capaian rule for this indicator when it differs from its region's (e.g. "lower:T/R").
    capaian_rule: Mapped[str | None] = mapped_column(String(30))
    formula: Mapped[str | None] = mapped_column(Text)
    baseline_year: Mapped[int | None]
    baseline_printed: Mapped[str | None] = mapped_column(Text)
    baseline_value: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    end_target_printed: Mapped[str | None] = mapped_column(Text)
    end_target_value: Mapped[Decimal | None] = mapped_column(ExactDecimal)

    targets = relationship(
        "Target", order_by="(Target.year, Target.quarter)", viewonly=True,
        primaryjoin="and_(Indicator.id == Target.indicator_id, Indicator.region_id == Target.region_id)",
        foreign_keys="[Target.indicator_id, Target.region_id]",
    )
    realisations = relationship(
        "Realisation", order_by="(Realisation.year, Realisation.quarter)", viewonly=True,
        primaryjoin="and_(Indicator.id == Realisation.indicator_id, "
        "Indicator.region_id == Realisation.region_id)",
        foreign_keys="[Realisation.indicator_id, Realisation.region_id]",
    )


class _PrintedValueMixin(SourceMixin):
    """A value kept as printed, beside its parsed Decimal (None when not a number)."""

    printed: Mapped[str] = mapped_column(Text)
    value: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    parse_status: Mapped[str] = mapped_column(String(8), default="number")  # number|empty|text
    parse_note: Mapped[str | None] = mapped_column(Text)


class Target(_PrintedValueMixin, db.Model):
    """An indicator's target for a year (quarter None) or one quarter of it."""

    __tablename__ = "target"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        _same_region_fk("indicator_id", "indicator", "fk_target_indicator_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    indicator_id: Mapped[int] = mapped_column(Integer, index=True)
    year: Mapped[int]
    quarter: Mapped[int | None]


class Realisation(_PrintedValueMixin, db.Model):
    """What an indicator achieved in a year or a quarter, with the unit's narrative."""

    __tablename__ = "realisation"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        _same_region_fk("indicator_id", "indicator", "fk_realisation_indicator_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    indicator_id: Mapped[int] = mapped_column(Integer, index=True)
    year: Mapped[int]
    quarter: Mapped[int | None]
    supporting_factors: Mapped[str | None] = mapped_column(Text)  # faktor pendorong
    hindering_factors: Mapped[str | None] = mapped_column(Text)  # faktor penghambat
    entered_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))


class Budget(_PrintedValueMixin, db.Model):
    """Money on an item: pagu (ceiling), anggaran (budget) or realisasi (spent), per year."""

    __tablename__ = "budget"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        _same_region_fk("item_id", "plan_item", "fk_budget_item_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    item_id: Mapped[int] = mapped_column(Integer, index=True)
    year: Mapped[int | None]  # None: the end-of-period column of a Renstra
    quarter: Mapped[int | None]  # realised spending per quarter (kind "realisasi")
    kind: Mapped[str] = mapped_column(String(12))


class PrintedTable(db.Model):
    """A table of a document kept as printed (history, counts, another printing)."""

    __tablename__ = "printed_table"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        UniqueConstraint("document_id", "key"),
        _same_region_fk("document_id", "plan_document", "fk_printed_table_document_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    document_id: Mapped[int] = mapped_column(Integer, index=True)
    key: Mapped[str] = mapped_column(String(80))
    title: Mapped[str] = mapped_column(Text)
    columns: Mapped[list] = mapped_column(JSON)
    rows: Mapped[list] = mapped_column(JSON)  # [{"cells": [...], "table": ..., "line": ..., "row": ...}]
