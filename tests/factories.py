"""Factories: build what a core test needs through the models, with sensible defaults.

Call them inside an app context (the ``app`` fixture, or ``with some_app.app_context()``); each
flushes, so ids are set, and none commits: the test's rollback (tests/conftest.py) removes it
all. Every argument has a default and every keyword overrides a column::

    region = factories.region("18.72")                         # reuses the row if it exists
    chart = factories.org_chart(region, units=[("bidang-a", "Bidang A"), ("seksi-a1", "Seksi A1", "bidang-a")])
    user = factories.user("ops", region=region, role="unit_operator", unit_code="bidang-a")
    doc = factories.document(region, year=2021)
    program = factories.item(doc, level="program", code="1.06.04", responsible_unit_code="bidang-a")
    sub = factories.item(doc, parent=program, level="sub_kegiatan", code="1.06.04.2.01.01")
    ind = factories.indicator(sub, targets={2021: "48"}, realisations={(2021, 1): "12"})
    factories.budget(sub, 2021, "138.970.000")

``plan(region)`` builds a small complete Renstra (program > kegiatan > sub kegiatan with
indicators, targets and pagu) and returns its parts by name.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from sqlalchemy import select

from core.extensions import db
from core.models import (
    Budget,
    Indicator,
    Membership,
    OrgChart,
    OrgUnit,
    PlanDocument,
    PlanItem,
    PlanningPeriod,
    Realisation,
    Region,
    Target,
    User,
)

# A factory user's password follows the demo users' rule, so ``login(client, name)`` works.
from plugins.demo import DEMO_PASSWORD_SUFFIX as PASSWORD_SUFFIX

_counter = itertools.count(1)


def _next() -> int:
    return next(_counter)


def _decimal(printed: str | None) -> Decimal | None:
    """The value of a printed Indonesian number ("1.500.000", "12,5"), None when not a number."""
    if printed is None:
        return None
    try:
        return Decimal(printed.replace(".", "").replace(",", "."))
    except ArithmeticError:
        return None


def _save(row):
    db.session.add(row)
    db.session.flush()
    return row


def region(code: str | None = None, **overrides) -> Region:
    """The region ``code`` (the existing row when there is one), else a new one.

    A code with a dot is a kota under the province before the dot (created too).
    """
    code = code or f"99.{_next():02d}"
    existing = db.session.scalar(select(Region).where(Region.code == code))
    if existing is not None:
        for name, value in overrides.items():
            setattr(existing, name, value)
        db.session.flush()
        return existing
    parent = region(code.rsplit(".", 1)[0]) if "." in code and "parent" not in overrides else None
    values = {
        "code": code, "name": f"Wilayah {code}", "name_en": f"Region {code}",
        "level": "kota" if "." in code else "provinsi", "agency_name": f"Dinas Sosial {code}",
        "agency_name_en": f"Social Services Office {code}", "parent": parent,
    }
    values.update(overrides)
    return _save(Region(**values))


def org_chart(region: Region, units=(), valid_from: date = date(2021, 1, 1), **overrides) -> OrgChart:
    """A chart of ``region`` with ``units``: (code, name[, parent code[, kind]]) tuples."""
    chart = _save(OrgChart(region_id=region.id, valid_from=valid_from, **overrides))
    by_code: dict[str, OrgUnit] = {}
    for position, spec in enumerate(units):
        code, name, parent, kind = (tuple(spec) + (None, None))[:4]
        unit = _save(OrgUnit(region_id=region.id, chart_id=chart.id, code=code, name=name, position=position,
                             kind=kind or ("bidang" if parent is None else "seksi"),
                             parent_id=by_code[parent].id if parent else None))
        by_code[code] = unit
    return chart


def user(username: str | None = None, password: str | None = None, region: Region | None = None,
         role: str = "planner", unit_code: str | None = None, **overrides) -> User:
    """A user (password ``username + PASSWORD_SUFFIX`` by default) with a membership in ``region``."""
    username = username or f"user{_next()}"
    account = User(username=username, full_name=overrides.pop("full_name", username.title()), **overrides)
    account.set_password(password or username + PASSWORD_SUFFIX)
    _save(account)
    if region is not None:
        membership(account, region, role, unit_code)
    return account


def membership(user: User, region: Region, role: str = "planner", unit_code: str | None = None) -> Membership:
    return _save(Membership(user_id=user.id, region_id=region.id, role=role, unit_code=unit_code))


def period(region: Region, start_year: int = 2021, end_year: int = 2026) -> PlanningPeriod:
    existing = db.session.scalar(select(PlanningPeriod).where(
        PlanningPeriod.region_id == region.id, PlanningPeriod.start_year == start_year,
        PlanningPeriod.end_year == end_year))
    return existing or _save(PlanningPeriod(region_id=region.id, start_year=start_year, end_year=end_year))


def document(region: Region, doc_type: str = "renstra", key: str | None = None, year: int | None = None,
             **overrides) -> PlanDocument:
    """A plan document of ``region`` (a Renstra 2021-2026 by default, status draft)."""
    values = {
        "key": key or f"{doc_type}-{_next()}", "doc_type": doc_type,
        "title": f"{doc_type.title()} {region.name}", "year": year, "number_style": "id",
    }
    if "period_id" not in overrides and doc_type == "renstra":
        values["period_id"] = period(region).id
    values.update(overrides)
    if "plan_id" not in values:
        from core.models import Plan

        plan = _save(Plan(region_id=region.id, key=values["key"], doc_type=doc_type, title=values["title"],
                          period_id=values.get("period_id"), year=year))
        values["plan_id"] = plan.id
    return _save(PlanDocument(region_id=region.id, **values))


def item(document: PlanDocument, level: str = "program", code: str | None = None, name: str | None = None,
         parent: PlanItem | None = None, **overrides) -> PlanItem:
    """An item of ``document`` under ``parent``; its key is unique in the document."""
    number = _next()
    values = {
        "key": f"{level}:{code or number}", "position": number, "level": level, "code": code,
        "printed_code": code, "name": name or f"{level.replace('_', ' ').title()} {code or number}",
        "parent_id": parent.id if parent is not None else None,
    }
    values.update(overrides)
    return _save(PlanItem(region_id=document.region_id, document_id=document.id, **values))


def indicator(item: PlanItem, text: str | None = None, unit: str | None = "Orang", targets=None,
              realisations=None, **overrides) -> Indicator:
    """An indicator of ``item``, with ``targets`` {year or (year, quarter): printed} and
    ``realisations`` {year or (year, quarter): printed}."""
    row = _save(Indicator(region_id=item.region_id, item_id=item.id, text=text or f"Indikator {item.name}",
                          unit=unit, **overrides))
    for when, printed in (targets or {}).items():
        target(row, *(when if isinstance(when, tuple) else (when, None)), printed)
    for when, printed in (realisations or {}).items():
        realisation(row, *(when if isinstance(when, tuple) else (when, None)), printed)
    return row


def _printed(printed: str, **overrides) -> dict:
    value = _decimal(printed)
    values = {"printed": printed, "value": value, "parse_status": "number" if value is not None else
              ("empty" if not printed else "text")}
    values.update(overrides)
    return values


def target(indicator: Indicator, year: int, quarter: int | None = None, printed: str = "100",
           **overrides) -> Target:
    return _save(Target(region_id=indicator.region_id, indicator_id=indicator.id, year=year, quarter=quarter,
                        **_printed(printed, **overrides)))


def realisation(indicator: Indicator, year: int, quarter: int | None = None, printed: str = "100",
                **overrides) -> Realisation:
    return _save(Realisation(region_id=indicator.region_id, indicator_id=indicator.id, year=year,
                             quarter=quarter, **_printed(printed, **overrides)))


def budget(item: PlanItem, year: int | None = 2021, printed: str = "1.000.000", kind: str = "pagu",
           quarter: int | None = None, **overrides) -> Budget:
    """Money on ``item``: pagu (default), anggaran or realisasi (spending, per quarter)."""
    return _save(Budget(region_id=item.region_id, item_id=item.id, year=year, quarter=quarter, kind=kind,
                        **_printed(printed, **overrides)))


@dataclass
class Plan:
    """What :func:`plan` built: the document and its items and indicators by name."""

    document: PlanDocument
    items: dict[str, PlanItem] = field(default_factory=dict)
    indicators: dict[str, Indicator] = field(default_factory=dict)


def plan(region: Region, doc_type: str = "renstra", years=range(2021, 2027), units=("bidang-a", "bidang-b"),
         **overrides) -> Plan:
    """A small plan of ``region``: one program per unit, each with a kegiatan and a sub kegiatan,
    every item with an indicator (target 48 each year) and a pagu (138.970.000 each year)."""
    # Approved: realisation is entered into a plan in force, never into a draft.
    built = Plan(document(region, doc_type=doc_type, **{"status": "approved", **overrides}))
    for n, unit in enumerate(units, start=1):
        program = item(built.document, "program", f"1.06.0{n}", responsible_unit_code=unit)
        kegiatan = item(built.document, "kegiatan", f"1.06.0{n}.2.01", parent=program)
        sub = item(built.document, "sub_kegiatan", f"1.06.0{n}.2.01.01", parent=kegiatan)
        for name, row in ((f"program-{n}", program), (f"kegiatan-{n}", kegiatan), (f"sub-{n}", sub)):
            built.items[name] = row
            built.indicators[name] = indicator(row, targets={year: "48" for year in years})
            for year in years:
                budget(row, year, "138.970.000")
    return built
