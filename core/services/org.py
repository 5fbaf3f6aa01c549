"""Reading a region's organisation chart."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select

from core.extensions import db
from core.models import OrgChart, OrgUnit, Region


@dataclass
class UnitNode:
    """A unit with its depth in the chart, for display in order."""

    unit: OrgUnit
    depth: int


def chart_of(region: Region, as_of: date | None = None) -> OrgChart | None:
    """The chart valid on ``as_of`` (default: the latest chart)."""
    query = select(OrgChart).where(OrgChart.region_id == region.id)
    if as_of is not None:
        query = query.where(OrgChart.valid_from <= as_of)
    return db.session.scalar(query.order_by(OrgChart.valid_from.desc()).limit(1))


def chart_units(chart: OrgChart) -> list[UnitNode]:
    """The chart's units depth-first, each after its parent."""
    units = db.session.scalars(
        select(OrgUnit).where(OrgUnit.region_id == chart.region_id, OrgUnit.chart_id == chart.id)
        .order_by(OrgUnit.position)
    ).all()
    children: dict[int | None, list[OrgUnit]] = {}
    for unit in units:
        children.setdefault(unit.parent_id, []).append(unit)
    ordered: list[UnitNode] = []

    def walk(parent_id, depth):
        for unit in children.get(parent_id, ()):
            ordered.append(UnitNode(unit, depth))
            walk(unit.id, depth + 1)

    walk(None, 0)
    return ordered
