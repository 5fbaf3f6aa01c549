"""Checks of authored documents, run as the planner saves (beside the built-in ones).

They need what a printed document does not carry (the row fields, the Renstra a Renja is made
from), so :func:`authoring_checks` builds them for one document. The sum of pagu per level
is the built-in ``pagu-sum`` check.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Iterator

from core.specs import DocumentSpec

from .model import N_, Check, CheckContext, Finding
from .numeric import plain

PLANNING_LEVELS = ("program", "kegiatan", "sub_kegiatan")


def _number(printed: str | None) -> Decimal | None:
    try:
        return Decimal(printed) if printed not in (None, "") else None
    except ArithmeticError:
        return None


def authoring_checks(years: list[int], fields: dict[str, dict], implements: dict[str, str | None],
                     basis: DocumentSpec | None) -> tuple[Check, ...]:
    """The checks of one authored document: ``years`` it covers, each item's row ``fields`` and the
    key of the item it ``implements`` in ``basis`` (a Renja's Renstra), both by item key."""

    def targets_every_year(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
        for item in document.items:
            for indicator in item.indicators:
                have = {t.year for t in indicator.targets if t.quarter is None and (t.printed or "").strip()}
                for year in years:
                    if year not in have:
                        yield Finding(
                            check="target-every-year", severity="warning",
                            message=N_("The indicator %(indicator)s of %(item)s has no target for %(year)s: "
                                       "enter one."),
                            params={"indicator": indicator.text, "item": item.name, "year": str(year)},
                            item_key=item.key, year=year, locator=indicator.text)

    def prakiraan_maju(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
        if document.type != "renja":
            return
        for item in document.items:
            if item.level not in PLANNING_LEVELS:
                continue
            row = fields.get(item.key) or {}
            for name, label in (("prakiraan_maju_target", N_("target")), ("prakiraan_maju_pagu", N_("pagu"))):
                if not (row.get(name) or "").strip():
                    yield Finding(
                        check="prakiraan-maju", severity="warning",
                        message=N_("%(item)s has no prakiraan maju %(what)s for the next year: enter it."),
                        params={"item": item.name, "what": label}, item_key=item.key, locator=name)

    def within_renstra(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
        if basis is None or document.type != "renja":
            return
        basis_items = {i.key: i for i in basis.items}
        for item in document.items:
            if item.level not in PLANNING_LEVELS:
                continue
            source = basis_items.get(implements.get(item.key) or "")
            if source is None:
                yield Finding(
                    check="within-renstra", severity="warning",
                    message=N_("%(item)s is not in the Renstra: choose it from the Renstra or amend the Renstra."),
                    params={"item": item.name}, item_key=item.key, locator="implements")
                continue
            for budget in item.budgets:
                if budget.kind != "pagu" or budget.year is None:
                    continue
                ceiling = next((_number(b.printed) for b in source.budgets
                                if b.kind == "pagu" and b.year == budget.year), None)
                value = _number(budget.printed)
                if ceiling is not None and value is not None and value > ceiling:
                    yield Finding(
                        check="within-renstra", severity="warning",
                        message=N_("The pagu of %(item)s for %(year)s (%(printed)s) is above the Renstra's "
                                   "(%(expected)s): lower it or amend the Renstra."),
                        params={"item": item.name, "year": str(budget.year), "printed": budget.printed,
                                "expected": plain(ceiling), "expected_value": ceiling},
                        item_key=item.key, year=budget.year, printed=budget.printed, expected=plain(ceiling),
                        locator="pagu")

    return (
        Check("target-every-year", N_("Targets for every year"),
              N_("An indicator has no target for a year of its document."), targets_every_year),
        Check("prakiraan-maju", N_("Prakiraan maju"),
              N_("A Renja row has no prakiraan maju target or pagu."), prakiraan_maju),
        Check("within-renstra", N_("Within the Renstra"),
              N_("A Renja row is not in the Renstra, or its pagu is above the Renstra's."), within_renstra),
    )
