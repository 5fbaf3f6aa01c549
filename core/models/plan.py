"""Planning periods, plan documents, their item hierarchy, indicators, targets and money."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    event,
    text as sa_text,
)
from sqlalchemy.orm import Mapped, attributes, declared_attr, mapped_column, relationship

from core.extensions import db
from core.models.types import ExactDecimal


def _same_region_fk(columns, target_table, name):
    """A composite FK (region_id, x_id) -> target(region_id, id): no cross-region links."""
    return ForeignKeyConstraint(
        ["region_id", columns], [f"{target_table}.region_id", f"{target_table}.id"], name=name,
        ondelete="CASCADE",
    )


class RowVersionMixin:
    """A counter the ORM raises on every UPDATE and compares in its WHERE clause
    (``version_id_col``): a write based on an older row is refused (StaleDataError -> 409),
    and an API client names the version it read (``If-Match``)."""

    row_version: Mapped[int] = mapped_column(Integer, nullable=False, default=1, server_default=sa_text("1"))

    @declared_attr.directive
    def __mapper_args__(cls):  # noqa: N805 - a declarative directive
        return {"version_id_col": cls.__table__.c.row_version}


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


#: Where a version of a plan came from.
ORIGINS = ("imported", "authored", "moved", "excel")
#: The states a version of a plan moves through (see the workflow); checked by the database.
STATUSES = ("draft", "submitted", "verified", "approved", "locked")


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Plan(db.Model):
    """A plan of a region (e.g. "Renstra 2021-2026 of Kota Metro"); its versions are documents."""

    __tablename__ = "plan"
    __table_args__ = (UniqueConstraint("region_id", "id"), UniqueConstraint("region_id", "key"))

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    key: Mapped[str] = mapped_column(String(80))  # e.g. "renstra-2021-2026", unique within the region
    doc_type: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    period_id: Mapped[int | None] = mapped_column(Integer)
    year: Mapped[int | None]

    region = relationship("Region")


class PlanDocument(RowVersionMixin, db.Model):
    """A Renstra, Renja, PK, LAKIP or evaluation of one region: one version of a :class:`Plan`.

    ``key`` names the document as its source does; several versions of a plan may share it
    (a re-imported source). ``version`` counts within the plan; ``amends_id`` is the version
    this one amends or continues; ``seed_fingerprint`` the digest of the imported source.
    """

    __tablename__ = "plan_document"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        UniqueConstraint("plan_id", "version"),
        CheckConstraint(_in("status", STATUSES), name="status"),
        CheckConstraint(_in("origin", ORIGINS), name="origin"),
        _same_region_fk("plan_id", "plan", "fk_plan_document_plan_same_region"),
        _same_region_fk("period_id", "planning_period", "fk_plan_document_period_same_region"),
        _same_region_fk("amends_id", "plan_document", "fk_plan_document_amends_same_region"),
        _same_region_fk("based_on_id", "plan_document", "fk_plan_document_based_on_same_region"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    plan_id: Mapped[int] = mapped_column(Integer, index=True)
    key: Mapped[str] = mapped_column(String(80), index=True)
    doc_type: Mapped[str] = mapped_column(String(20))
    title: Mapped[str] = mapped_column(Text)
    period_id: Mapped[int | None] = mapped_column(Integer)
    year: Mapped[int | None]
    version: Mapped[int] = mapped_column(default=1)
    origin: Mapped[str] = mapped_column(String(12), default="imported")
    status: Mapped[str] = mapped_column(String(20), default="draft")
    amends_id: Mapped[int | None] = mapped_column(Integer)
    nomenclature_version_id: Mapped[int | None] = mapped_column(ForeignKey("nomenclature_version.id"))
    source_file: Mapped[str | None] = mapped_column(String(200))
    number_style: Mapped[str] = mapped_column(String(4), default="id")
    notes: Mapped[list] = mapped_column(JSON, default=list)
    seed_fingerprint: Mapped[str | None] = mapped_column(String(64))
    # A Perjanjian Kinerja's parties (name, NIP, pangkat/golongan, jabatan of each), place and date.
    # The approved document an authored one was made from (Renja <- Renstra, PK <- Renja, RA <- PK).
    based_on_id: Mapped[int | None] = mapped_column(Integer)
    signatories: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))

    region = relationship("Region")
    plan = relationship(
        "Plan",
        primaryjoin="and_(PlanDocument.plan_id == Plan.id, PlanDocument.region_id == Plan.region_id)",
        foreign_keys="[PlanDocument.plan_id]",
        viewonly=True,
    )
    period = relationship(
        "PlanningPeriod",
        primaryjoin="and_(PlanDocument.period_id == PlanningPeriod.id, "
        "PlanDocument.region_id == PlanningPeriod.region_id)",
        foreign_keys="[PlanDocument.period_id]",
        viewonly=True,
    )
    nomenclature_version = relationship("NomenclatureVersion")


class PlanItem(SourceMixin, RowVersionMixin, db.Model):
    """An item of a document's hierarchy: tujuan, sasaran, program, kegiatan, sub kegiatan ..."""

    __tablename__ = "plan_item"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        UniqueConstraint("document_id", "key"),
        _same_region_fk("document_id", "plan_document", "fk_plan_item_document_same_region"),
        _same_region_fk("parent_id", "plan_item", "fk_plan_item_parent_same_region"),
        _same_region_fk("continues_item_id", "plan_item", "fk_plan_item_continues_same_region"),
        _same_region_fk("implements_item_id", "plan_item", "fk_plan_item_implements_same_region"),
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
    # Whether a person (not an import) chose ``responsible_unit_code``: a new version keeps it.
    unit_by_user: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_text("false"))
    # Lineage: the item this one continues in the previous version of the same plan, the item
    # it implements in the parent plan (Renja -> Renstra, PK -> Renja), and the first item of
    # its lineage (itself for a new item). Entered spending and evidence hang on the lineage.
    continues_item_id: Mapped[int | None] = mapped_column(Integer, index=True)
    implements_item_id: Mapped[int | None] = mapped_column(Integer, index=True)
    lineage_id: Mapped[int | None] = mapped_column(Integer, index=True)
    # The row's fields a planner fills (T-C.33: lokasi, sumber_dana, kelompok_sasaran, catatan,
    # prakiraan_maju_target, prakiraan_maju_pagu, and a region's own): name -> text.
    fields: Mapped[dict | None] = mapped_column(JSON(none_as_null=True))

    indicators = relationship(
        "Indicator", order_by="Indicator.position", viewonly=True,
        primaryjoin="and_(PlanItem.id == Indicator.item_id, PlanItem.region_id == Indicator.region_id)",
        foreign_keys="[Indicator.item_id, Indicator.region_id]",
    )
    budgets = relationship(
        "Budget", viewonly=True,
        primaryjoin="and_(PlanItem.region_id == Budget.region_id, or_("
        "and_(PlanItem.id == Budget.item_id, Budget.entered == False), "  # noqa: E712
        "and_(PlanItem.lineage_id == Budget.item_id, Budget.entered == True)))",
        foreign_keys="[Budget.item_id, Budget.region_id]",
    )


class Indicator(SourceMixin, RowVersionMixin, db.Model):
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
    # Whether a person set polarity, aggregation or capaian rule: a new version keeps them.
    settings_by_user: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_text("false"))
    # The first indicator of its lineage (itself for a new one); entered realisation hangs on it.
    lineage_id: Mapped[int | None] = mapped_column(Integer, index=True)

    targets = relationship(
        "Target", order_by="(Target.year, Target.quarter)", viewonly=True,
        primaryjoin="and_(Indicator.id == Target.indicator_id, Indicator.region_id == Target.region_id)",
        foreign_keys="[Target.indicator_id, Target.region_id]",
    )
    realisations = relationship(
        "Realisation", order_by="(Realisation.year, Realisation.quarter)", viewonly=True,
        primaryjoin="and_(Indicator.region_id == Realisation.region_id, or_("
        "and_(Indicator.id == Realisation.indicator_id, Realisation.entered == False), "
        "and_(Indicator.lineage_id == Realisation.indicator_id, Realisation.entered == True)))",
        foreign_keys="[Realisation.indicator_id, Realisation.region_id]",
    )


class _PrintedValueMixin(SourceMixin):
    """A value kept as printed, beside its parsed Decimal (None when not a number)."""

    printed: Mapped[str] = mapped_column(Text)
    value: Mapped[Decimal | None] = mapped_column(ExactDecimal)
    parse_status: Mapped[str] = mapped_column(String(8), default="number")  # number|empty|text
    parse_note: Mapped[str | None] = mapped_column(Text)


class Target(_PrintedValueMixin, RowVersionMixin, db.Model):
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


class Realisation(_PrintedValueMixin, RowVersionMixin, db.Model):
    """What an indicator achieved in a year or a quarter, with the unit's narrative.

    A value printed in a document belongs to that document's indicator. A value a person
    entered (``entered``) belongs to the indicator's lineage (``indicator_id`` is the lineage's
    first indicator), so every version and every document sharing the lineage reads it, and
    a lineage holds one entered value per year and quarter.
    """

    __tablename__ = "realisation"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        _same_region_fk("indicator_id", "indicator", "fk_realisation_indicator_same_region"),
        Index("uq_realisation_entered_once", "indicator_id", "year", sa_text("coalesce(quarter, 0)"), unique=True,
              sqlite_where=sa_text("entered"), postgresql_where=sa_text("entered")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    indicator_id: Mapped[int] = mapped_column(Integer, index=True)
    year: Mapped[int]
    quarter: Mapped[int | None]
    supporting_factors: Mapped[str | None] = mapped_column(Text)  # faktor pendorong
    hindering_factors: Mapped[str | None] = mapped_column(Text)  # faktor penghambat
    entered_by: Mapped[int | None] = mapped_column(ForeignKey("user.id"))
    entered: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_text("false"))


class Budget(_PrintedValueMixin, RowVersionMixin, db.Model):
    """Money on an item: pagu (ceiling), anggaran (budget) or realisasi (spent), per year.

    Spending a person entered per quarter (``entered``) belongs to the item's lineage
    (``item_id`` is the lineage's first item), like entered realisation.
    """

    __tablename__ = "budget"
    __table_args__ = (
        UniqueConstraint("region_id", "id"),
        _same_region_fk("item_id", "plan_item", "fk_budget_item_same_region"),
        Index("uq_budget_entered_once", "item_id", "kind", "year", sa_text("coalesce(quarter, 0)"), unique=True,
              sqlite_where=sa_text("entered"), postgresql_where=sa_text("entered")),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    item_id: Mapped[int] = mapped_column(Integer, index=True)
    year: Mapped[int | None]  # None: the end-of-period column of a Renstra
    quarter: Mapped[int | None]  # realised spending per quarter (kind "realisasi")
    kind: Mapped[str] = mapped_column(String(12))
    entered: Mapped[bool] = mapped_column(Boolean, default=False, server_default=sa_text("false"))


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


def _start_lineage(mapper, connection, target) -> None:
    """A new item or indicator without a lineage starts its own (lineage_id = its id)."""
    if target.lineage_id is None:
        table = mapper.local_table
        connection.execute(table.update().where(table.c.id == target.id).values(lineage_id=target.id))
        attributes.set_committed_value(target, "lineage_id", target.id)


event.listen(PlanItem, "after_insert", _start_lineage)
event.listen(Indicator, "after_insert", _start_lineage)
