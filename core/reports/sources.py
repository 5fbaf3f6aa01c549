"""Row sources: a stored document (its item tree) turned into the rows of a layout.

A layout names its source in :attr:`Layout.source <core.reports.layout.Layout.source>` as
``"name"`` or ``"name:argument"``; :func:`rows_for` calls it. Sources read values the way
they are stored: the parsed ``Decimal`` where the printed text is a number, the printed
text where it is not, None where nothing was printed. Where the printed text carries more
than the number (``85,3 %``, ``2 dokumen``), it is kept in the cell's note. Numbers the
achievement engine computes (capaian, absorption) are shown as computed, stamped with the
rule and formula in the note, and the document's own printed figure is named beside it
where the two differ.

Sources know nothing of Flask: the database reads happen before (``document_tree``) and
the :class:`SourceContext` carries everything they need.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from core import achievement
from core import extras as X
from core.achievement import Result
from core.numbers import EMPTY_MARKS, parse_printed
from core.reports.layout import Layout, Translate
from core.reports.rows import Row

#: Levels that are context, not rows, in program tables (Tabel 6.1 and its kin).
NOT_IN_PROGRAM_TABLES = frozenset({"visi", "strategi", "arah_kebijakan", "urusan", "bidang_urusan", "rekening"})
#: Levels of the program structure.
PROGRAM_LEVELS = ("program", "kegiatan", "sub_kegiatan")
def _not_served(item) -> bool:
    """A misi of the RPJMD that the Dinas does not serve: listed in the plan, not in its tables."""
    return str((item.extra or {}).get(X.SERVED_BY_AGENCY, "")).startswith("no")


#: Printed text that is a plain number (no unit or percent sign to keep in a note).
_PLAIN_NUMBER = re.compile(r"^[\s\d.,-]+$")


@dataclass
class SourceContext:
    """What a row source needs: the document, its tree, the year, the region's rules.

    ``nodes`` is :func:`core.services.documents.document_tree` of ``document``; ``tables``
    maps a printed table's key to its rows (lists of cells with their source);
    ``lower_rule`` is the region's lower-is-better capaian rule id and ``scale`` its
    predicate scale (:class:`core.achievement.PredicateScale`); ``translate`` turns
    msgids into the output's language (for "not computable" and notes).
    """

    document: object
    nodes: list
    translate: Translate
    year: int | None = None
    period: tuple[int, int] | None = None
    lower_rule: str | None = None
    tables: dict[str, list[dict]] = field(default_factory=dict)
    locale: str = "id"
    scale: object = None
    number_style: str = "id"


def N_(message: str) -> str:
    """Mark ``message`` as a msgid; it is translated by the context's ``translate``."""
    return message


# --- values ------------------------------------------------------------------------------


def stored_value(entry) -> Decimal | str | None:
    """The value of a stored target, realisation or budget: Decimal, printed text or None."""
    if entry is None:
        return None
    if entry.value is not None:
        return entry.value
    printed = (entry.printed or "").strip()
    if printed in EMPTY_MARKS:
        return None
    return printed


def printed_value(printed: str | None, value: Decimal | None = None, style: str = "id") -> Decimal | str | None:
    """A printed baseline or end target: its parsed value (``style``: the document's number
    style, ``id`` or ``en``), else the text, else None."""
    if value is not None:
        return value
    printed = (printed or "").strip()
    if printed in EMPTY_MARKS:
        return None
    parsed = parse_printed(printed, style)
    if parsed.status == "number":
        return parsed.value
    return printed


def _baseline(ctx: SourceContext, indicator) -> Decimal | str | None:
    return printed_value(indicator.baseline_printed, indicator.baseline_value, ctx.number_style)


def _end_target(ctx: SourceContext, indicator) -> Decimal | str | None:
    return printed_value(indicator.end_target_printed, indicator.end_target_value, ctx.number_style)


def printed_note(ctx: SourceContext, printed: str | None, value) -> str | None:
    """A note "printed: 85,3 %" when a number was read from text that says more."""
    if not isinstance(value, Decimal) or printed is None or _PLAIN_NUMBER.match(printed):
        return None
    return ctx.translate(N_("printed: %(text)s")) % {"text": printed.strip()}


def _computed(ctx: SourceContext, result: Result) -> tuple[Decimal | str, str]:
    """A computed percentage for a cell (rounded to 2 places) and its note (rule, formula)."""
    if result.ok:
        value = achievement.round_half_up(result.value, 2)
        note = f"{result.rule}: {result.formula}"
    else:
        value = ctx.translate(N_("not computable"))
        note = f"{result.rule}: {ctx.translate(N_('not computable'))} ({result.reason})"
    if result.note:
        note += f"; {result.note}"
    return value, note


def _with_printed(ctx: SourceContext, value, note: str, printed: str | None) -> str:
    """The note, naming the document's printed figure when it differs from ``value``."""
    if not printed or not isinstance(value, Decimal):
        return note
    parsed = parse_printed(printed.replace("%", "").strip(), ctx.number_style)
    if parsed.status != "number":
        return note + "; " + ctx.translate(N_("printed: %(text)s")) % {"text": printed}
    places = max(-parsed.value.as_tuple().exponent, 0)
    if achievement.round_half_up(value, places) == parsed.value:
        return note + "; " + ctx.translate(N_("as printed: %(text)s")) % {"text": printed}
    return note + "; " + ctx.translate(N_("the document prints %(text)s")) % {"text": printed}


def _indicator_rule(ctx: SourceContext, indicator) -> str | None:
    """The indicator's own capaian rule where it has one, else the region's for its polarity."""
    own = getattr(indicator, "capaian_rule", None)
    if own:
        return own
    return ctx.lower_rule if indicator.polarity == "lower" else None


def _row_code(item) -> str | None:
    return item.printed_code or item.code


# --- program tables (Renstra Tabel 6.1, 7.1, Renja) ----------------------------------------


def _years_of(layout: Layout, prefix: str) -> list[int]:
    suffixes = [c.key[len(prefix):] for c in layout.leaves if c.key.startswith(prefix)]
    return [int(suffix) for suffix in suffixes if suffix.isdigit()]


def _indicators(node, tables: tuple[str, ...] | None):
    if not tables:
        return list(node.indicators)
    return [v for v in node.indicators if (v.indicator.source_table or "") in tables]


def _field_columns(ctx: SourceContext, layout: Layout, item) -> dict:
    """Values of the layout's ``field:<key>`` columns: the item's region field ``<key>`` as text
    (issue 10; a deleted field's stored value stays readable)."""
    keys = [c.key for c in layout.leaves if c.key.startswith("field:")]
    stored = getattr(item, "fields", None)
    if not keys or not stored:
        return {}
    from core.forms import FORM_OF_DOC_TYPE, cell_value

    form = FORM_OF_DOC_TYPE.get(ctx.document.doc_type, "renja_row")
    return {key: cell_value(ctx.document.region.code, form, key[len("field:"):], stored, ctx.locale) for key in keys}


def program_table(ctx: SourceContext, layout: Layout, arg: str | None) -> list[Row]:
    """Tabel 6.1 and its kin: one row per item and indicator, with targets and Rp per year.

    Keys: ``code``, ``name``, ``indicator``, ``unit``, ``baseline``, ``target_<year>``,
    ``rp_<year>``, ``target_end``, ``rp_end``, ``responsible``, ``lokasi``, ``sumber_dana``,
    ``catatan``. ``arg`` lists the source tables (``|``-separated) whose indicators are
    shown; without it, every indicator. Money (the item's pagu) stands on the item's first row.
    """
    tables = tuple(arg.split("|")) if arg else None
    target_years = _years_of(layout, "target_")
    rp_years = _years_of(layout, "rp_")
    nodes = [n for n in ctx.nodes if n.item.level not in NOT_IN_PROGRAM_TABLES and not _not_served(n.item)]
    top = min((n.depth for n in nodes), default=0)
    rows: list[Row] = []
    for node in nodes:
        item = node.item
        extra = item.extra or {}
        base = {"code": _row_code(item), "name": item.name, "responsible": item.responsible_unit,
                "lokasi": extra.get(X.LOCATION), "sumber_dana": extra.get(X.FUNDING_SOURCE),
                "catatan": extra.get(X.REMARK), **_field_columns(ctx, layout, item)}
        notes: dict[str, str] = {}
        for year in rp_years:
            budget = node.budgets.get(("pagu", year))
            base[f"rp_{year}"] = stored_value(budget)
        base["rp_end"] = stored_value(node.budgets.get(("pagu", None)))
        views = _indicators(node, tables) or [None]
        for index, view in enumerate(views):
            values = dict(base) if index == 0 else {}
            row_notes = dict(notes) if index == 0 else {}
            if view is not None:
                indicator = view.indicator
                values["indicator"] = indicator.text
                values["unit"] = indicator.unit
                values["baseline"] = _baseline(ctx, indicator)
                values["target_end"] = _end_target(ctx, indicator)
                for key, printed in (("baseline", indicator.baseline_printed),
                                     ("target_end", indicator.end_target_printed)):
                    note = printed_note(ctx, printed, values[key])
                    if note:
                        row_notes[key] = note
                for year in target_years:
                    target = view.targets.get((year, None))
                    values[f"target_{year}"] = stored_value(target)
                    note = printed_note(ctx, target.printed if target else None, values[f"target_{year}"])
                    if note:
                        row_notes[f"target_{year}"] = note
            rows.append(Row(values, level=node.depth - top, group=item.key, notes=row_notes))
    return rows


def program_table_totals(ctx: SourceContext, layout: Layout, arg: str | None) -> list[Row]:
    """:func:`program_table` with a total row: the programs' Rp summed per year.

    ``arg`` is ``"<indicator tables>;<printed totals table key>"``; where the document's
    printed total of a year differs from the sum, the cell's note names the printed one.
    """
    tables, _, totals_key = (arg or "").partition(";")
    rows = program_table(ctx, layout, tables or None)
    printed = {}
    for entry in ctx.tables.get(totals_key, []):
        cells = entry["cells"]
        key = "rp_end" if not cells[0].strip().isdigit() else f"rp_{cells[0].strip()}"
        printed[key] = cells[1]
    sums: dict[str, Decimal] = {}
    for node in ctx.nodes:
        if node.item.level != "program":
            continue
        for (kind, year), budget in node.budgets.items():
            if kind == "pagu" and budget.value is not None:
                key = "rp_end" if year is None else f"rp_{year}"
                sums[key] = sums.get(key, Decimal(0)) + budget.value
    values: dict[str, object] = {"name": ctx.translate(N_("Total"))}
    notes: dict[str, str] = {}
    for column in layout.leaves:
        if column.key.startswith("rp_") and column.key in sums:
            values[column.key] = sums[column.key]
            note = ctx.translate(N_("sum of the programs"))
            if column.key in printed:
                note = _with_printed(ctx, sums[column.key], note, printed[column.key])
            notes[column.key] = note
    rows.append(Row(values, kind="total", notes=notes))
    return rows


def goals_table(ctx: SourceContext, layout: Layout, arg: str | None) -> list[Row]:
    """Tabel 4.2: tujuan and sasaran with their indicators, baseline and yearly targets.

    Keys: ``tujuan``, ``tujuan_indicator``, ``sasaran``, ``sasaran_indicator``, ``baseline``,
    ``target_<year>``, ``target_end``. ``arg`` is the source table of the indicators shown.
    """
    tables = (arg,) if arg else None
    years = _years_of(layout, "target_")
    rows: list[Row] = []
    tujuan = misi = None
    for node in ctx.nodes:
        level = node.item.level
        if level == "misi":
            misi = node  # shown only when a sasaran of it is (the table prints no other misi)
        elif level == "tujuan":
            tujuan = node
        elif level == "sasaran":
            if misi is not None:
                label = f"{misi.item.printed_code or ''} : {misi.item.name}".strip(" :")
                rows.append(Row({"tujuan": label}, kind="subtotal"))
                misi = None
            values: dict[str, object] = {"sasaran": node.item.name}
            notes: dict[str, str] = {}
            if tujuan is not None:
                values["tujuan"] = tujuan.item.name
                t_views = _indicators(tujuan, tables)
                if t_views:
                    values["tujuan_indicator"] = t_views[0].indicator.text
                tujuan = None
            views = _indicators(node, tables)
            if views:
                indicator = views[0].indicator
                values["sasaran_indicator"] = indicator.text
                values["baseline"] = _baseline(ctx, indicator)
                values["target_end"] = _end_target(ctx, indicator)
                for year in years:
                    target = views[0].targets.get((year, None))
                    values[f"target_{year}"] = stored_value(target)
                    note = printed_note(ctx, target.printed if target else None, values[f"target_{year}"])
                    if note:
                        notes[f"target_{year}"] = note
            rows.append(Row(values, notes=notes))
    return rows


def indicator_table(ctx: SourceContext, layout: Layout, arg: str | None) -> list[Row]:
    """An indicator table (Renstra Tabel 7.1, 7.2): the indicators printed in table ``arg``.

    Keys: ``no``, ``indicator``, ``baseline``, ``target_<year>``, ``target_end``.
    """
    years = _years_of(layout, "target_")
    rows: list[Row] = []
    for node in ctx.nodes:
        for view in _indicators(node, (arg,) if arg else None):
            indicator = view.indicator
            values: dict[str, object] = {
                "no": len(rows) + 1, "indicator": indicator.text,
                "baseline": _baseline(ctx, indicator),
                "target_end": _end_target(ctx, indicator),
            }
            notes: dict[str, str] = {}
            printed_pairs = (("baseline", indicator.baseline_printed), ("target_end", indicator.end_target_printed))
            for key, printed in printed_pairs:
                note = printed_note(ctx, printed, values[key])
                if note:
                    notes[key] = note
            for year in years:
                target = view.targets.get((year, None))
                values[f"target_{year}"] = stored_value(target)
                note = printed_note(ctx, target.printed if target else None, values[f"target_{year}"])
                if note:
                    notes[f"target_{year}"] = note
            rows.append(Row(values, notes=notes))
    return rows


def strategy_table(ctx: SourceContext, layout: Layout, arg: str | None) -> list[Row]:
    """Renstra Tabel 5.1: per sasaran, its tujuan, strategies and policy directions.

    Keys: ``tujuan``, ``sasaran``, ``strategi``, ``arah_kebijakan`` (lists joined by line).
    """
    rows: list[Row] = []
    tujuan = None
    current: dict[str, object] | None = None
    lists: dict[str, list[str]] = {}

    def close():
        if current is not None:
            current.update({key: "\n".join(names) for key, names in lists.items() if names})
            rows.append(Row(current))

    for node in ctx.nodes:
        level = node.item.level
        if level == "tujuan":
            tujuan = node.item.name
        elif level == "sasaran":
            close()
            current, lists = {"tujuan": tujuan, "sasaran": node.item.name}, {"strategi": [], "arah_kebijakan": []}
            tujuan = None
        elif level in ("strategi", "arah_kebijakan") and current is not None:
            lists[level].append(node.item.name)
    close()
    return rows


# --- realisation and achievement ---------------------------------------------------------


def realisation_table(ctx: SourceContext, layout: Layout, arg: str | None) -> list[Row]:
    """The LAKIP realisation table: target, realisation and capaian of the year per indicator.

    Keys: ``no``, ``urusan``, ``opd``, ``name``, ``indicator``, ``target``, ``realisation``,
    ``capaian``. Capaian is computed by :func:`core.achievement.capaian` with the
    indicator's polarity and the region's rule, stamped in the note.
    """
    rows: list[Row] = []
    number = 0
    for node in ctx.nodes:
        item = node.item
        if item.level not in PROGRAM_LEVELS:
            continue
        views = node.indicators or [None]
        for index, view in enumerate(views):
            number += 1
            values: dict[str, object] = {"no": number}
            notes: dict[str, str] = {}
            if index == 0:
                values["name"] = item.name
                if item.level == "program":
                    values["urusan"] = (item.extra or {}).get(X.URUSAN)
                    values["opd"] = item.responsible_unit
            if view is not None:
                indicator = view.indicator
                target = view.targets.get((ctx.year, None))
                realisation = view.realisations.get((ctx.year, None))
                values["indicator"] = indicator.text
                values["target"] = stored_value(target)
                values["realisation"] = stored_value(realisation)
                for key, entry in (("target", target), ("realisation", realisation)):
                    note = printed_note(ctx, entry.printed if entry else None, values[key])
                    if note:
                        notes[key] = note
                if target is not None or realisation is not None:
                    result = achievement.capaian(values["target"], values["realisation"],
                                                 indicator.polarity, _indicator_rule(ctx, indicator))
                    values["capaian"], notes["capaian"] = _computed(ctx, result)
            rows.append(Row(values, level=PROGRAM_LEVELS.index(item.level), group=item.key, notes=notes))
    return rows


def budget_realisation(ctx: SourceContext, layout: Layout, arg: str | None) -> list[Row]:
    """Tabel 3.2: anggaran and realisasi of the year down to account lines, with absorption.

    Keys: ``name``, ``anggaran``, ``realisasi``, ``serapan``. The total row repeats the top
    item's money and compares the computed absorption with the one the document prints
    (an item's ``serapan_printed``).
    """
    year = ctx.year
    rows: list[Row] = []
    top = None
    for node in ctx.nodes:
        budget = node.budgets.get(("anggaran", year))
        spent = node.budgets.get(("realisasi", year))
        if budget is None and spent is None:
            continue
        if top is None:
            top = node
        values = {"name": node.item.name, "anggaran": stored_value(budget), "realisasi": stored_value(spent)}
        values["serapan"], note = _computed(ctx, achievement.absorption(values["realisasi"], values["anggaran"]))
        rows.append(Row(values, level=node.depth - top.depth, notes={"serapan": note}))
    if top is not None:
        extra = top.item.extra or {}
        anggaran = stored_value(top.budgets.get(("anggaran", year)))
        realisasi = stored_value(top.budgets.get(("realisasi", year)))
        values = {"name": ctx.translate(N_("Total")), "anggaran": anggaran, "realisasi": realisasi}
        serapan, note = _computed(ctx, achievement.absorption(realisasi, anggaran))
        values["serapan"] = serapan
        rows.append(Row(values, kind="total",
                        notes={"serapan": _with_printed(ctx, serapan, note, extra.get(X.ABSORPTION))}))
    return rows


def evaluation_86(ctx: SourceContext, layout: Layout, arg: str | None) -> list[Row]:
    """The Permendagri 86/2017 Renja evaluation table (columns 1-16, kinerja and Rp).

    Keys: ``no``, ``code``, ``name``, ``indicator``, ``c5_k`` ... ``c15_k`` and ``c5_rp`` ...
    ``c15_rp``, ``responsible``. Column 5 is the Renstra end target, 6 the realisation of
    the years before, 7 the year's target, 8-11 the quarters; 12-15 are computed by
    :func:`core.achievement.evaluation_renja`. A document that records the year's
    realisation but no quarters gives column 12 as recorded (noted so).
    """
    year = ctx.year
    rows: list[Row] = []
    number = 0
    for node in ctx.nodes:
        item = node.item
        if item.level not in PROGRAM_LEVELS:
            continue
        number += 1
        pagu = node.budgets.get(("anggaran", year)) or node.budgets.get(("pagu", year))
        spent = node.budgets.get(("realisasi", year))
        spent_by_quarter = {q: b for (kind, y, q), b in getattr(node, "quarterly", {}).items()
                            if kind == "realisasi" and y == year}
        money = _evaluation_columns(ctx, "rp", pagu_end=node.budgets.get(("pagu", None)), before=None,
                                    target=pagu, quarters=spent_by_quarter, year_value=spent, polarity="higher",
                                    aggregation="sum", rule=None)
        views = node.indicators or [None]
        for index, view in enumerate(views):
            values: dict[str, object] = {}
            notes: dict[str, str] = {}
            if index == 0:
                values.update(no=number, code=_row_code(item), name=item.name, responsible=item.responsible_unit)
                for key, (value, note) in money.items():
                    values[key] = value
                    if note:
                        notes[key] = note
            if view is not None:
                indicator = view.indicator
                before = [r for (y, q), r in view.realisations.items() if q is None and y < year] if year else []
                before_value = stored_value(max(before, key=lambda r: r.year)) if before else None
                columns = _evaluation_columns(
                    ctx, "k", pagu_end=None,
                    end_value=_end_target(ctx, indicator),
                    before=before_value, target=view.targets.get((year, None)),
                    quarters={q: r for (y, q), r in view.realisations.items() if y == year and q},
                    year_value=view.realisations.get((year, None)), polarity=indicator.polarity,
                    aggregation=indicator.aggregation, rule=_indicator_rule(ctx, indicator))
                values["indicator"] = indicator.text
                for key, (value, note) in columns.items():
                    values[key] = value
                    if note:
                        notes[key] = note
            rows.append(Row(values, level=PROGRAM_LEVELS.index(item.level), group=item.key, notes=notes))
    return rows


def _evaluation_columns(ctx, suffix, *, pagu_end, before, target, quarters, year_value, polarity,
                        aggregation, rule, end_value=None) -> dict[str, tuple[object, str | None]]:
    """Columns 5-15 of one measure (kinerja or Rp) as ``{key: (value, note)}``."""
    end = stored_value(pagu_end) if pagu_end is not None else end_value
    target_value = stored_value(target)
    quarter_values = {q: stored_value(r) for q, r in quarters.items()}
    out: dict[str, tuple[object, str | None]] = {
        f"c5_{suffix}": (end, None), f"c6_{suffix}": (before, None), f"c7_{suffix}": (target_value, None),
    }
    for q in (1, 2, 3, 4):
        out[f"c{7 + q}_{suffix}"] = (quarter_values.get(q), None)
    if quarter_values:
        evaluation = achievement.evaluation_renja(
            target_end=end, realised_before=before, target_year=target_value, quarters=quarter_values,
            polarity=polarity, rule=rule, aggregation=aggregation)
        col12, col13, col14, col15 = evaluation.col12, evaluation.col13, evaluation.col14, evaluation.col15
        out[f"c12_{suffix}"] = (col12.value if col12.ok else None, f"{col12.rule}: {col12.formula}")
        out[f"c14_{suffix}"] = (col14.value if col14.ok else None, f"{col14.rule}: {col14.formula}")
    else:
        year_realised = stored_value(year_value)
        if year_realised is None and target_value is None:
            return out
        out[f"c12_{suffix}"] = (year_realised, ctx.translate(N_("realisation of the year as recorded (no quarters)"))
                                if year_realised is not None else None)
        col13 = achievement.capaian(target_value, year_realised, polarity, rule, symbols=("(7)", "(12)"))
        if aggregation == "sum" and before is not None:
            both = isinstance(before, Decimal) and isinstance(year_realised, Decimal)
            total = before + year_realised if both else None
            out[f"c14_{suffix}"] = (total, "(14) = (6) + (12)")
            col14_value = total
        else:
            out[f"c14_{suffix}"] = (year_realised, "(14) = (12)")
            col14_value = year_realised
        col15 = achievement.capaian(end, col14_value, polarity, rule, symbols=("(5)", "(14)"))
    out[f"c13_{suffix}"] = _computed(ctx, col13)
    out[f"c15_{suffix}"] = _computed(ctx, col15)
    return out


def lampiran_evaluation(ctx: SourceContext, layout: Layout, arg: str | None) -> list[Row]:
    """A Lampiran I style table: Renja evaluation of the year and Renstra progress.

    Keys: ``code``, ``name``, ``indicator``, ``target_end`` (4), ``realised_before`` (5),
    ``target`` (6), ``realisation`` (7), ``rate`` (8, computed), ``target_next`` (9),
    ``realised_next`` (10), ``renstra_rate`` (11, computed). The year is the document's;
    the next year's realisation is the estimate the document prints (s/d next year).
    """
    year = ctx.year
    rows: list[Row] = []
    for node in ctx.nodes:
        item = node.item
        if item.level not in ("urusan", "bidang_urusan") + PROGRAM_LEVELS:
            continue
        extra = item.extra or {}
        views = node.indicators or [None]
        for index, view in enumerate(views):
            values: dict[str, object] = {}
            notes: dict[str, str] = {}
            if index == 0:
                values.update(code=item.printed_code or item.code, name=item.name,
                              realised_before=extra.get(X.realised_up_to(year - 1)) if year else None)
            if view is not None:
                indicator = view.indicator
                target = view.targets.get((year, None))
                realisation = view.realisations.get((year, None))
                nxt = view.realisations.get((year + 1, None))
                values.update(
                    indicator=indicator.text,
                    target_end=_end_target(ctx, indicator),
                    target=stored_value(target), realisation=stored_value(realisation),
                    target_next=stored_value(view.targets.get((year + 1, None))), realised_next=stored_value(nxt))
                rate = achievement.capaian(values["target"], values["realisation"], indicator.polarity,
                                           _indicator_rule(ctx, indicator))
                values["rate"], note = _computed(ctx, rate)
                notes["rate"] = _with_printed(ctx, values["rate"], note, extra.get(X.realisation_rate(year)))
                renstra = achievement.capaian(values["target_end"], values["realised_next"], indicator.polarity,
                                              _indicator_rule(ctx, indicator))
                values["renstra_rate"], note = _computed(ctx, renstra)
                notes["renstra_rate"] = _with_printed(ctx, values["renstra_rate"], note,
                                                      extra.get(X.renstra_rate_up_to(year + 1)))
            rows.append(Row(values, level=0, group=item.key, notes=notes))
    return rows


def performance_agreement(ctx: SourceContext, layout: Layout, arg: str | None) -> list[Row]:
    """A Perjanjian Kinerja: sasaran and program indicators with the year's target and money.

    Keys: ``no``, ``name``, ``indicator``, ``target``, ``anggaran``. Rows are the items of
    level sasaran and program that have an indicator or money in the year.
    """
    year = ctx.year
    rows: list[Row] = []
    number = 0
    for node in ctx.nodes:
        item = node.item
        if item.level not in ("tujuan", "sasaran", "program"):
            continue
        budget = node.budgets.get(("anggaran", year)) or node.budgets.get(("pagu", year))
        views = [v for v in node.indicators if (year, None) in v.targets] or (
            node.indicators[:1] if item.level != "program" or budget else [])
        if not views and budget is None:
            continue
        number += 1
        for index, view in enumerate(views or [None]):
            values: dict[str, object] = {}
            notes: dict[str, str] = {}
            if index == 0:
                values.update(no=number, name=item.name, anggaran=stored_value(budget))
            if view is not None:
                target = view.targets.get((year, None))
                values["indicator"] = view.indicator.text
                values["target"] = stored_value(target)
                note = printed_note(ctx, target.printed if target else None, values["target"])
                if note:
                    notes["target"] = note
            rows.append(Row(values, group=item.key, notes=notes))
    return rows


def iku_table(ctx: SourceContext, layout: Layout, arg: str | None) -> list[Row]:
    """The LAKIP IKU achievement table: the IKU recomputed from its numerator and
    denominator, its capaian against the year's target, the predicate, and the money.

    Keys: ``no``, ``indicator``, ``unit``, ``target``, ``numerator``, ``denominator``,
    ``realisation`` (computed by :func:`core.achievement.iku`), ``capaian``, ``predicate``,
    ``anggaran``, ``realisasi``, ``serapan``. Rows are the items whose extra carries the
    printed IKU figures (``iku_numerator_printed`` ...); the printed result is named in the
    note where it differs from the computed one.
    """
    rows: list[Row] = []
    for node in ctx.nodes:
        extra = node.item.extra or {}
        if X.IKU_NUMERATOR not in extra or not node.indicators:
            continue
        view = node.indicators[0]
        indicator = view.indicator
        values: dict[str, object] = {
            "no": len(rows) + 1, "indicator": indicator.text, "unit": indicator.unit,
            "target": stored_value(view.targets.get((ctx.year, None))),
            "numerator": printed_value(extra.get(X.IKU_NUMERATOR), style=ctx.number_style),
            "denominator": printed_value(extra.get(X.IKU_DENOMINATOR), style=ctx.number_style),
            "anggaran": printed_value(extra.get(X.iku_budget(ctx.year)), style=ctx.number_style),
            "realisasi": printed_value(extra.get(X.iku_budget_realised(ctx.year)), style=ctx.number_style),
        }
        notes: dict[str, str] = {}
        result = achievement.iku(values["numerator"], values["denominator"])
        values["realisation"], note = _computed(ctx, result)
        notes["realisation"] = _with_printed(ctx, values["realisation"], note, extra.get(X.IKU_RESULT))
        achieved = achievement.capaian(values["target"], result, indicator.polarity, _indicator_rule(ctx, indicator))
        values["capaian"], notes["capaian"] = _computed(ctx, achieved)
        if ctx.scale is not None:
            band = achievement.predicate(achieved, ctx.scale)
            if band is not None:
                values["predicate"] = band.label_en if ctx.locale == "en" else band.label
                notes["predicate"] = getattr(ctx.scale, "id", "") or ""
        absorbed = achievement.absorption(values["realisasi"], values["anggaran"])
        values["serapan"], notes["serapan"] = _computed(ctx, absorbed)
        rows.append(Row(values, notes={k: v for k, v in notes.items() if v}))
    return rows


def printed_table(ctx: SourceContext, layout: Layout, arg: str | None) -> list[Row]:
    """A table the document keeps as printed (``arg``: its key), cell by cell.

    The layout's leaf columns take the printed cells in order; a cell under a numeric
    column is its parsed number where it is one, else its text as printed (the cell's note
    then says so when the number came from text with a unit or percent sign).
    """
    leaves = layout.leaves
    rows: list[Row] = []
    for entry in ctx.tables.get(arg or "", []):
        values: dict[str, object] = {}
        notes: dict[str, str] = {}
        for column, cell in zip(leaves, entry["cells"]):
            if column.format == "text":
                values[column.key] = cell or None
                continue
            values[column.key] = printed_value(cell, None, ctx.number_style)
            note = printed_note(ctx, cell, values[column.key])
            if note:
                notes[column.key] = note
        rows.append(Row(values, notes=notes))
    return rows


#: Row sources by name.
SOURCES: dict[str, Callable[[SourceContext, Layout, str | None], list[Row]]] = {
    "program_table": program_table,
    "program_table_totals": program_table_totals,
    "goals_table": goals_table,
    "realisation_table": realisation_table,
    "budget_realisation": budget_realisation,
    "evaluation_86": evaluation_86,
    "lampiran_evaluation": lampiran_evaluation,
    "performance_agreement": performance_agreement,
    "iku_table": iku_table,
    "indicator_table": indicator_table,
    "strategy_table": strategy_table,
    "printed_table": printed_table,
}


def rows_for(layout: Layout, ctx: SourceContext) -> list[Row]:
    """The rows of ``layout`` from the context's document, by the layout's source."""
    if not layout.source:
        raise ValueError(f"layout {layout.id!r} names no row source")
    name, _, arg = layout.source.partition(":")
    if name not in SOURCES:
        raise ValueError(f"layout {layout.id!r}: unknown row source {name!r}")
    return SOURCES[name](ctx, layout, arg or None)
