"""A document as it is stored now, rebuilt as plain :mod:`core.specs` data.

The consistency checks and the exports read documents in this form, so they work the same
on a freshly seeded document and on one that users have edited since.
"""

from __future__ import annotations

from core import specs
from core.models import PlanDocument
from core.services.documents import document_tree, printed_tables


def _ref(row) -> specs.SourceRef | None:
    if row.source_table is None and row.source_line is None:
        return None
    return specs.SourceRef(table=row.source_table or "", line=row.source_line, row=row.source_row)


def document_spec(document: PlanDocument) -> specs.DocumentSpec:
    """The stored document as a :class:`core.specs.DocumentSpec` (items in document order)."""
    nodes = sorted(document_tree(document), key=lambda n: n.item.position)
    key_of = {n.item.id: n.item.key for n in nodes}
    items = []
    for node in nodes:
        item = node.item
        indicators = tuple(
            specs.IndicatorSpec(
                text=view.indicator.text, unit=view.indicator.unit, baseline=view.indicator.baseline_printed,
                baseline_year=view.indicator.baseline_year, end_target=view.indicator.end_target_printed,
                targets=tuple(specs.TargetSpec(t.year, t.printed, t.quarter, _ref(t))
                              for t in sorted(view.targets.values(), key=lambda t: (t.year, t.quarter or 0))),
                realisations=tuple(
                    specs.RealisationSpec(r.year, r.printed, r.quarter, _ref(r))
                    for r in sorted(view.realisations.values(), key=lambda r: (r.year, r.quarter or 0))),
                polarity=view.indicator.polarity, aggregation=view.indicator.aggregation,
                formula=view.indicator.formula, source=_ref(view.indicator),
            )
            for view in node.indicators
        )
        budgets = tuple(
            specs.BudgetSpec(b.year, b.kind, b.printed, _ref(b))
            for b in sorted(node.budgets.values(), key=lambda b: (b.kind, b.year if b.year is not None else 9999))
        )
        items.append(specs.ItemSpec(
            key=item.key, level=item.level, name=item.name, parent_key=key_of.get(item.parent_id),
            printed_code=item.printed_code, code=item.code, responsible_unit=item.responsible_unit,
            indicators=indicators, budgets=budgets, source=_ref(item),
            extra=tuple((k, str(v)) for k, v in (item.extra or {}).items()),
        ))
    tables = tuple(
        specs.TableSpec(
            key=t.key, title=t.title, columns=tuple(t.columns),
            rows=tuple((tuple(r["cells"]), specs.SourceRef(r.get("table") or "", r.get("line"), r.get("row")))
                       for r in t.rows),
        )
        for t in printed_tables(document)
    )
    period = document.period
    return specs.DocumentSpec(
        key=document.key, type=document.doc_type, title=document.title, source_file=document.source_file or "",
        number_style=document.number_style, period_start=period.start_year if period else None,
        period_end=period.end_year if period else None, year=document.year, version=document.version,
        status=document.status,
        nomenclature_version=document.nomenclature_version.code if document.nomenclature_version else None,
        items=tuple(items), tables=tables, notes=tuple(document.notes or ()),
    )
