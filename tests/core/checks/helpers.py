"""Tiny document builders for the check tests."""

from __future__ import annotations

from core.specs import (
    BudgetSpec,
    DocumentSpec,
    IndicatorSpec,
    ItemSpec,
    RealisationSpec,
    SourceRef,
    TableSpec,
    TargetSpec,
)


def item(key, level="kegiatan", parent=None, *, line=None, budgets=(), indicators=(),
         extra=(), code=None, printed_code=None, name=None):
    """An ItemSpec; ``budgets`` are ``(kind, year, printed)`` triples."""
    return ItemSpec(
        key=key, level=level, name=name or f"Item {key}", parent_key=parent,
        code=code, printed_code=printed_code,
        budgets=tuple(BudgetSpec(y, k, p, SourceRef("t", line)) for k, y, p in budgets),
        indicators=tuple(indicators), source=SourceRef("t", line), extra=tuple(extra),
    )


def indicator(text="Jumlah orang", *, targets=(), realisations=(), baseline=None,
              end_target=None, unit=None, aggregation="last"):
    """An IndicatorSpec; ``targets`` and ``realisations`` are ``(year, printed)`` pairs."""
    return IndicatorSpec(
        text=text, unit=unit, baseline=baseline, baseline_year=2020 if baseline else None,
        end_target=end_target, aggregation=aggregation,
        targets=tuple(TargetSpec(y, p) for y, p in targets),
        realisations=tuple(RealisationSpec(y, p) for y, p in realisations),
    )


def table(key, columns, rows):
    """A TableSpec; ``rows`` are ``(line, cells)`` or ``(line, label, cells)``."""
    built = []
    for row in rows:
        line, label, cells = row if len(row) == 3 else (row[0], None, row[1])
        built.append((tuple(cells), SourceRef(key, line, label)))
    return TableSpec(key=key, title=key, columns=tuple(columns), rows=tuple(built))


def document(*items, tables=(), style="id", version=None, year=None, type="renstra"):
    """A DocumentSpec holding ``items`` and ``tables``."""
    return DocumentSpec(
        key="doc", type=type, title="Doc", source_file="doc.txt", number_style=style,
        nomenclature_version=version, year=year, items=tuple(items), tables=tuple(tables),
    )
