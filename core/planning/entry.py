"""Quarterly realisation through the API, by :mod:`core.services.realisation`'s rules.

The value belongs to the indicator's lineage (``entered=True``), exists once per lineage,
year and quarter (a unique index: of two simultaneous first saves one is refused with 409);
never into a draft or a superseded version; a unit operator only for items of their unit.
"""

from __future__ import annotations

from sqlalchemy import select

from core.errors import N_, Conflict, Forbidden, Invalid
from core.extensions import db
from core.models import Budget, Indicator, Realisation
from core.planning import guards
from core.planning.authoring import document_of, item_of
from core.planning.values import measured, number
from core.services import realisation as rules
from core.services.documents import document_tree

FIELDS = ("value", "spending", "supporting_factors", "hindering_factors")


def find_realisation(indicator: Indicator, year: int, quarter: int) -> Realisation | None:
    return db.session.scalar(select(Realisation).where(
        Realisation.region_id == indicator.region_id, Realisation.indicator_id == indicator.lineage_id,
        Realisation.year == year, Realisation.quarter == quarter, Realisation.entered.is_(True)))


def put_realisation(indicator: Indicator, year: int, quarter: int, data: dict, user,
                    expected: int | None) -> Realisation:
    """Save the fields ``data`` sends for one quarter; the row's version must be ``expected``."""
    unknown = sorted(set(data) - set(FIELDS))
    if unknown:
        raise Invalid(N_("These fields cannot be changed here: %(fields)s."), fields=", ".join(unknown))
    if quarter not in rules.QUARTERS:
        raise Invalid(N_("quarter must be 1, 2, 3 or 4."))
    item = item_of(indicator)
    document = document_of(item)
    refusal = rules.entry_refusal(document)
    if refusal:
        raise Conflict(messages=[refusal])
    region = document.region
    nodes = document_tree(document)
    if not rules.may_enter(user, region, rules.effective_units(nodes).get(item.id), rules.unit_parents(region)):
        raise Forbidden(N_("You may not enter realisation for %(item)s."), item=item.name)
    row = find_realisation(indicator, year, quarter)
    guards.check_version(row, expected, data, required=row is not None)
    values = {}
    if "value" in data:
        printed, value, status = measured(data["value"], "value")
        values.update(printed=printed, value=value, parse_status=status, parse_note=None)
    elif row is None:
        raise Invalid(N_("%(field)s is required."), field="value")
    for name in ("supporting_factors", "hindering_factors"):
        if name in data:
            values[name] = guards.text(data[name], name)
    spending = number(data["spending"], "spending", "money") if data.get("spending") is not None else None
    if row is None:
        row = Realisation(region_id=indicator.region_id, indicator_id=indicator.lineage_id, year=year,
                          quarter=quarter, entered_by=user.id, source_table="entry", entered=True, **values)
        db.session.add(row)
    else:
        for key, value in values.items():
            setattr(row, key, value)
        row.entered_by = user.id
    if "spending" in data:
        budget = db.session.scalar(select(Budget).where(
            Budget.region_id == item.region_id, Budget.item_id == item.lineage_id, Budget.kind == "realisasi",
            Budget.year == year, Budget.quarter == quarter, Budget.entered.is_(True)))
        if spending is None and budget is not None:
            db.session.delete(budget)
        elif spending is not None and budget is None:
            db.session.add(Budget(region_id=item.region_id, item_id=item.lineage_id, year=year, quarter=quarter,
                                  kind="realisasi", printed=str(spending), value=spending, parse_status="number",
                                  source_table="entry", entered=True))
        elif spending is not None:
            budget.printed, budget.value = str(spending), spending
    db.session.flush()
    return row
