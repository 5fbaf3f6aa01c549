"""A region's organisation chart: reading it, and editing its units (units are data)."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from datetime import date as _date

from flask_babel import gettext as _
from sqlalchemy import func, select

from core.errors import Conflict, Forbidden, Invalid, NotFound
from core.extensions import db
from core.models import AuditLog, OrgChart, OrgUnit, Region
from core.security import can
from core.specs import UNIT_KINDS


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction; domain errors translate it when shown."""
    return msgid


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


# -- editing the chart -------------------------------------------------------------------
#
# Units are data: an org editor (``org.edit``: region admin; provincial admin for its
# province and the kab/kota it hosts; superadmin) creates, renames, moves and closes them.
# Every change leaves audit rows by itself (core.audit); :func:`unit_history` reads them.

UNIT_CODE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,79}$")


def slugify(text: str) -> str:
    """A unit code from its name: ``Bidang Rehabilitasi Sosial`` -> ``bidang-rehabilitasi-sosial``."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:80]


def check_may_edit(actor, region: Region) -> None:
    """Forbidden unless ``actor`` (None: the command line) may edit ``region``'s chart."""
    if actor is not None and not can(actor, "org.edit", region):
        raise Forbidden()


def ensure_chart(region: Region) -> OrgChart:
    """The region's current chart, created (valid from today) when the region has none."""
    chart = chart_of(region)
    if chart is None:
        chart = OrgChart(region_id=region.id, valid_from=_date.today(),
                         note=None, source_document=None)
        db.session.add(chart)
        db.session.flush()
    return chart


def unit_by_code(region: Region, code: str, chart: OrgChart | None = None) -> OrgUnit:
    """The unit ``code`` of the region's current chart; NotFound otherwise (another region's too)."""
    chart = chart or chart_of(region)
    unit = None
    if chart is not None:
        unit = db.session.scalar(select(OrgUnit).where(
            OrgUnit.region_id == region.id, OrgUnit.chart_id == chart.id, OrgUnit.code == (code or "")))
    if unit is None:
        raise NotFound()
    return unit


def _date_value(value, errors, label):
    if value in (None, ""):
        return None
    if isinstance(value, _date):
        return value
    try:
        return _date.fromisoformat(str(value))
    except ValueError:
        errors.append(_("%(field)s must be a date like 2024-01-31.", field=label))
        return None


def _tasks_value(value, errors):
    if value is None:
        return []
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, (list, tuple)) or not all(isinstance(t, str) for t in value):
        errors.append(_("Tasks must be a list of texts."))
        return []
    return [t.strip() for t in value if t.strip()]


def _resolve_parent(region, chart, parent_code, errors):
    if parent_code in (None, ""):
        return None
    parent = db.session.scalar(select(OrgUnit).where(
        OrgUnit.region_id == region.id, OrgUnit.chart_id == chart.id, OrgUnit.code == parent_code))
    if parent is None:
        errors.append(_("There is no unit %(code)s in this chart.", code=parent_code))
    return parent


def create_unit(actor, region: Region, *, name, code=None, parent_code=None, kind=None, tasks=None,
                name_en=None, valid_from=None, valid_to=None) -> OrgUnit:
    """Add a unit to the region's chart (the chart is created at the first unit)."""
    check_may_edit(actor, region)
    errors: list[str] = []
    name = name.strip() if isinstance(name, str) else ""
    if not name:
        errors.append(_("The name is required."))
    code = (code.strip() if isinstance(code, str) else "") or slugify(name)
    if name and not UNIT_CODE.match(code):
        errors.append(_("A unit code is lowercase letters, digits, dots and dashes (got %(code)s).", code=code))
    chart = ensure_chart(region)
    parent = _resolve_parent(region, chart, parent_code, errors)
    kind = kind or ("kepala" if parent is None else "bidang")
    if kind not in UNIT_KINDS:
        errors.append(_("Unknown unit kind %(kind)s. Kinds: %(kinds)s.", kind=kind, kinds=", ".join(UNIT_KINDS)))
    task_list = _tasks_value(tasks, errors)
    start = _date_value(valid_from, errors, _("Valid from"))
    end = _date_value(valid_to, errors, _("Valid until"))
    if start and end and end < start:
        errors.append(_("A unit cannot end before it starts."))
    if errors:
        raise Invalid(messages=errors)
    if db.session.scalar(select(OrgUnit.id).where(OrgUnit.chart_id == chart.id, OrgUnit.code == code)):
        raise Conflict(N_("A unit with code %(code)s already exists in this chart."), code=code)
    position = (db.session.scalar(select(func.max(OrgUnit.position)).where(OrgUnit.chart_id == chart.id)) or 0) + 1
    unit = OrgUnit(region_id=region.id, chart_id=chart.id, parent_id=parent.id if parent else None, code=code,
                   name=name, name_en=(name_en or "").strip() or None, kind=kind, position=position,
                   tasks=task_list, valid_from=start, valid_to=end)
    db.session.add(unit)
    db.session.flush()
    return unit


UNIT_FIELDS = ("name", "name_en", "parent_code", "kind", "tasks", "valid_from", "valid_to")


def update_unit(actor, region: Region, unit: OrgUnit, changes: dict) -> OrgUnit:
    """Rename, move (refusing cycles), retype, re-task or re-date a unit."""
    check_may_edit(actor, region)
    errors: list[str] = []
    unknown = sorted(set(changes) - set(UNIT_FIELDS))
    if unknown:
        errors.append(_("These fields cannot be changed: %(fields)s.", fields=", ".join(unknown)))
    values: dict = {}
    if "name" in changes:
        name = changes["name"].strip() if isinstance(changes["name"], str) else ""
        if not name:
            errors.append(_("The name is required."))
        values["name"] = name
    if "name_en" in changes:
        values["name_en"] = (changes["name_en"] or "").strip() or None
    if "kind" in changes:
        if changes["kind"] not in UNIT_KINDS:
            errors.append(_("Unknown unit kind %(kind)s. Kinds: %(kinds)s.", kind=changes["kind"],
                            kinds=", ".join(UNIT_KINDS)))
        values["kind"] = changes["kind"]
    if "tasks" in changes:
        values["tasks"] = _tasks_value(changes["tasks"], errors)
    for key, label in (("valid_from", _("Valid from")), ("valid_to", _("Valid until"))):
        if key in changes:
            values[key] = _date_value(changes[key], errors, label)
    start = values.get("valid_from", unit.valid_from)
    end = values.get("valid_to", unit.valid_to)
    if start and end and end < start:
        errors.append(_("A unit cannot end before it starts."))
    if "parent_code" in changes:
        chart = db.session.get(OrgChart, unit.chart_id)
        parent = _resolve_parent(region, chart, changes["parent_code"], errors)
        if parent is not None and _is_within(parent, unit):
            errors.append(_("A unit cannot be moved under itself or one of its own units."))
        values["parent_id"] = parent.id if parent is not None else None
    if errors:
        raise Invalid(messages=errors)
    for key, value in values.items():
        if getattr(unit, key) != value:
            setattr(unit, key, value)
    db.session.flush()
    return unit


def _is_within(candidate: OrgUnit, unit: OrgUnit) -> bool:
    """Whether ``candidate`` is ``unit`` or lies below it."""
    seen = set()
    node = candidate
    while node is not None and node.id not in seen:
        if node.id == unit.id:
            return True
        seen.add(node.id)
        node = db.session.get(OrgUnit, node.parent_id) if node.parent_id is not None else None
    return False


def unit_parent_code(unit: OrgUnit) -> str | None:
    """The code of the unit's parent, or None."""
    if unit.parent_id is None:
        return None
    parent = db.session.get(OrgUnit, unit.parent_id)
    return parent.code if parent else None


def unit_history(region: Region, unit: OrgUnit) -> list[AuditLog]:
    """The unit's audit rows, newest first: who changed what, when."""
    return db.session.scalars(select(AuditLog).where(
        AuditLog.region_id == region.id, AuditLog.entity == "org_unit", AuditLog.entity_id == unit.id)
        .order_by(AuditLog.at.desc(), AuditLog.id.desc())).all()
