"""The built-in consistency checks.

Every check reads printed text only, parses it with :func:`core.numbers.parse_printed` in the
document's number style and computes with Decimal. A check never changes the document: it
reports what disagrees, with the printed value and the value it computed. Text values (a
predicate ``BB``, ``Perbaikan ruang data``) are never findings by themselves: a check that
needs a number skips them.

How the region plugins carry the values these checks read (extras are ``(name, printed)``
pairs on :class:`~core.specs.ItemSpec`; the names are a contract, declared in
:mod:`core.extras`):

* Budgets: :class:`~core.specs.BudgetSpec` per kind (pagu, anggaran, realisasi) and year;
  year None is the end-of-period column of a Renstra.
* Printed totals: a :class:`~core.specs.TableSpec` keyed ``<table>-totals`` (either a TOTAL
  row with ``<kind>_<year>`` columns, or one row per year with ``akhir periode`` for the
  period), and item extras ``<table>_total_<kind>_printed`` (a LAKIP budget table) and
  ``iku_pagu_anggaran_<year>_printed`` / ``iku_realisasi_pagu_anggaran_<year>_printed``.
* Printed ratios: extras ``iku_numerator_printed`` / ``iku_denominator_printed`` /
  ``iku_result_printed``; ``serapan_printed`` and ``penutup_capaian_printed`` (absorption);
  Lampiran I's ``tingkat_realisasi_<year>`` and ``tingkat_capaian_renstra_sd_<year>``; table
  columns grouped by header (``rasio_<year>``, ``Persentase capaian <year>``, ...).
* Cumulative values: extras ``realisasi_sd_<year>`` and ``perkiraan_realisasi_sd_<year>``.
* Second printings: tables keyed ``<table>-printing-<n>``.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from decimal import Decimal
from typing import Iterator

from core import extras as X
from core.nomenclature.codes import AUTHORITY_DIGIT
from core.specs import ITEM_LEVELS, DocumentSpec, IndicatorSpec, ItemSpec, TableSpec

from .model import N_, Check, CheckContext, Finding
from .numeric import (HUNDRED, extras, money, money_or_zero, money_reading, number, parse, places,
                      plain, round_to, total)

PLANNING_LEVELS = ("program", "kegiatan", "sub_kegiatan")


# --------------------------------------------------------------------------- helpers


def _children(document: DocumentSpec) -> dict[str, list[ItemSpec]]:
    found: dict[str, list[ItemSpec]] = defaultdict(list)
    for item in document.items:
        if item.parent_key is not None:
            found[item.parent_key].append(item)
    return found


def _budget(item: ItemSpec, kind: str, year: int | None):
    for budget in item.budgets:
        if budget.kind == kind and budget.year == year:
            return budget
    return None


def _line(item: ItemSpec, budget=None) -> int | None:
    if budget is not None and budget.source is not None and budget.source.line is not None:
        return budget.source.line
    return item.source.line if item.source else None


def _money_params(printed: str, printed_value: Decimal | None, expected: Decimal) -> dict:
    params: dict = {"printed": printed, "expected": plain(expected), "expected_value": expected}
    if printed_value is not None:
        params["printed_number"] = printed_value
    return params


def _year_text(year: int | None) -> str:
    return "" if year is None else str(year)


def _by_period(year: int | None, yearly: str, end_of_period: str) -> str:
    """Pick the msgid for a year or for the end-of-period column."""
    return end_of_period if year is None else yearly


# --------------------------------------------------------------------------- pagu-sum


def check_pagu_sum(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """A parent's pagu, anggaran or realisasi vs the sum of its direct children's.

    Per kind and per year (the end-of-period column included). The parent must print the
    cell (a dash counts as zero, so a ``-`` parent over children worth 10.000.000 is a
    finding); the check is skipped when no child prints a number. Children printing text
    are left out of the sum.
    """
    children = _children(document)
    for item in document.items:
        kids = children.get(item.key)
        if not kids:
            continue
        for budget in item.budgets:
            parent_value = money_or_zero(budget.printed, document)
            if parent_value is None:
                continue
            values = [
                money(b.printed, document)
                for kid in kids
                if (b := _budget(kid, budget.kind, budget.year)) is not None
            ]
            values = [v for v in values if v is not None]
            if not values:
                continue
            expected = total(values)
            if expected == parent_value:
                continue
            params = _money_params(budget.printed, parent_value, expected)
            params.update(kind=budget.kind, year=_year_text(budget.year), count=str(len(values)))
            yield Finding(
                check="pagu-sum", severity="error",
                message=_by_period(
                    budget.year,
                    N_("The %(kind)s of %(year)s is printed as %(printed)s; its child items "
                       "(%(count)s) sum to %(expected)s."),
                    N_("The end-of-period %(kind)s is printed as %(printed)s; its child items "
                       "(%(count)s) sum to %(expected)s.")),
                params=params, item_key=item.key, year=budget.year, printed=budget.printed,
                expected=plain(expected), source_line=_line(item, budget), locator=budget.kind,
            )


# --------------------------------------------------------------------------- period-total


def check_period_total(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """End-of-period pagu vs the sum of the yearly pagu, where the document sums them.

    Runs only when ``context.period_total_is_sum`` (in some Renstra the *kondisi akhir* Rp is
    the last year's figure, not a sum; in others it is the five-year sum). Only the years in
    ``context.period_total_years`` are summed when it is given.
    """
    if not context.period_total_is_sum:
        return
    wanted = set(context.period_total_years) if context.period_total_years else None
    for item in document.items:
        if X.READING_NO_FIT in extras(item):
            continue  # check no-reading-fits says it for this row
        for end in item.budgets:
            if end.year is not None:
                continue
            end_value = money_or_zero(end.printed, document)
            if end_value is None:
                continue
            yearly = [
                money(b.printed, document) for b in item.budgets
                if b.kind == end.kind and b.year is not None
                and (wanted is None or b.year in wanted)
            ]
            yearly = [v for v in yearly if v is not None]
            if not yearly:
                continue
            expected = total(yearly)
            if expected == end_value:
                continue
            params = _money_params(end.printed, end_value, expected)
            params.update(kind=end.kind, count=str(len(yearly)))
            yield Finding(
                check="period-total", severity="error",
                message=N_("The end-of-period %(kind)s is printed as %(printed)s; its %(count)s "
                           "yearly amounts sum to %(expected)s."),
                params=params, item_key=item.key, year=None, printed=end.printed,
                expected=plain(expected), source_line=_line(item, end), locator=end.kind,
            )


# --------------------------------------------------------------------------- printed-total

_TOTAL_LABEL = re.compile(r"^\s*(total|jumlah)\b", re.IGNORECASE)
_KIND_YEAR_COLUMN = re.compile(r"^(pagu|anggaran|realisasi)_(\d{4})$")
_YEAR_CELL = re.compile(r"^\s*(\d{4})\s*$")
_PERIOD_CELL = re.compile(r"akhir", re.IGNORECASE)
_TOTAL_EXTRA = re.compile(r"^(?P<table>.+)_total_(?P<kind>pagu|anggaran|realisasi)_printed$")
_IKU_TOTAL_EXTRA = re.compile(
    r"^iku_(?P<real>realisasi_)?pagu_anggaran_(?P<year>\d{4})_printed$")


def _top_level_sum(document: DocumentSpec, kind: str, year: int | None):
    """Sum over the highest-level items that print ``kind`` for ``year``."""
    by_level: dict[str, list[Decimal]] = defaultdict(list)
    for item in document.items:
        budget = _budget(item, kind, year)
        if budget is not None:
            value = money(budget.printed, document)
            by_level[item.level].append(value if value is not None else Decimal(0))
    for level in ITEM_LEVELS:
        if by_level.get(level):
            return total(by_level[level]), len(by_level[level])
    return None


def _top_level_extra_sum(document: DocumentSpec, prefix: str, year: int | None):
    """Sum over the highest-level items of extras ``<prefix><year>_...`` (``akhir`` for None)."""
    tag = "akhir" if year is None else str(year)
    pattern = re.compile(rf"^{re.escape(prefix)}{tag}(_|$)")
    by_level: dict[str, list[Decimal]] = defaultdict(list)
    for item in document.items:
        for name, printed in item.extra:
            if pattern.match(name):
                value = number(printed, document)
                by_level[item.level].append(value if value is not None else Decimal(0))
                break
    for level in ITEM_LEVELS:
        if by_level.get(level):
            return total(by_level[level]), len(by_level[level])
    return None


def _total_finding(document, printed, expected, count, *, kind, year, table_key=None,
                   item_key=None, line=None, locator=None) -> Finding | None:
    value = number(printed, document)
    if value is None or value == expected:
        return None
    params = _money_params(printed, value, expected)
    params.update(kind=kind, year=_year_text(year), count=str(count))
    return Finding(
        check="printed-total", severity="error",
        message=_by_period(
            year,
            N_("Printed total %(kind)s %(year)s is %(printed)s; the %(count)s items sum to "
               "%(expected)s."),
            N_("Printed end-of-period total %(kind)s is %(printed)s; the %(count)s items sum to "
               "%(expected)s.")),
        params=params, item_key=item_key, table_key=table_key, year=year, printed=printed,
        expected=plain(expected), source_line=line, locator=locator,
    )


def _totals_table(document: DocumentSpec, table: TableSpec) -> Iterator[Finding]:
    """A ``<table>-totals`` TableSpec, in either of the two layouts the plugins use.

    Layout 1: rows labelled TOTAL/JUMLAH, columns ``<kind>_<year>``.
    Layout 2: one row per year, first cell the year or ``akhir periode``, the
    second the amount; it totals the items' pagu, or, when items carry extras
    ``<table>_rp_<year>_...`` (Tabel 7.1 printed beside Tabel 6.1), those extras.
    """
    base = table.key[: -len("-totals")]
    extra_prefix = base.replace("-", "_") + "_rp_"
    uses_extras = any(
        name.startswith(extra_prefix) for item in document.items for name, _ in item.extra
    )
    kind_columns = {
        n: (m[1], int(m[2])) for n, col in enumerate(table.columns)
        if (m := _KIND_YEAR_COLUMN.match(col))
    }
    for cells, source in table.rows:
        if kind_columns:
            label = source.row or (cells[0] if cells else "")
            if not _TOTAL_LABEL.match(label or ""):
                continue
            for n, (kind, year) in kind_columns.items():
                if n >= len(cells) or not cells[n].strip():
                    continue
                found = _top_level_sum(document, kind, year)
                if found is None:
                    continue
                finding = _total_finding(
                    document, cells[n], found[0], found[1], kind=kind, year=year,
                    table_key=table.key, line=source.line, locator=table.columns[n])
                if finding:
                    yield finding
        elif len(cells) >= 2:
            if (m := _YEAR_CELL.match(cells[0])):
                year = int(m[1])
            elif _PERIOD_CELL.search(cells[0]):
                year = None
            else:
                continue
            if uses_extras:
                found = _top_level_extra_sum(document, extra_prefix, year)
            else:
                found = _top_level_sum(document, "pagu", year)
            if found is None:
                continue
            finding = _total_finding(
                document, cells[1], found[0], found[1], kind="pagu", year=year,
                table_key=table.key, line=source.line, locator=cells[0])
            if finding:
                yield finding


def check_printed_total(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """Printed totals vs the sum of what they total.

    Conventions handled: ``<table>-totals`` tables (see :func:`_totals_table`); an item extra
    ``<table>_total_<kind>_printed`` totals the item's children for the document's year
    (a LAKIP's budget table); extras ``iku_pagu_anggaran_<year>_printed`` and
    ``iku_realisasi_pagu_anggaran_<year>_printed`` (the IKU table's budget cells) total the
    document's top-level anggaran and realisasi of that year.
    """
    for table in document.tables:
        if table.key.endswith("-totals"):
            yield from _totals_table(document, table)
    children = _children(document)
    year = document.year
    for item in document.items:
        ex = extras(item)
        for name, printed in item.extra:
            if (m := _TOTAL_EXTRA.match(name)) and year is not None:
                values = [
                    money(b.printed, document) for kid in children.get(item.key, ())
                    if (b := _budget(kid, m["kind"], year)) is not None
                ]
                values = [v for v in values if v is not None]
                if values:
                    finding = _total_finding(
                        document, printed, total(values), len(values), kind=m["kind"],
                        year=year, item_key=item.key, locator=name,
                        line=_int(ex.get(f"{m['table']}_total_line")) or _line(item))
                    if finding:
                        yield finding
            elif (m := _IKU_TOTAL_EXTRA.match(name)):
                kind = "realisasi" if m["real"] else "anggaran"
                found = _top_level_sum(document, kind, int(m["year"]))
                if found:
                    finding = _total_finding(
                        document, printed, found[0], found[1], kind=kind, year=int(m["year"]),
                        item_key=item.key, line=_int(ex.get("iku_line")) or _line(item),
                        locator=name)
                    if finding:
                        yield finding


# --------------------------------------------------------------------------- ratio-recompute


def _ratio_finding(document, printed, numerator, denominator, *, item_key=None,
                   table_key=None, year=None, line=None, locator=None, message,
                   severity="error", display_places=None, params=None) -> Finding | None:
    """Compare a printed percentage with numerator / denominator x 100.

    Equal when the computed value, rounded half up to the printed number of decimals, is
    the printed value (92.773 -> 92.77 matches 92.77, not 92.78). A ratio printed over a
    zero denominator is reported without an expected value.
    """
    parsed = parse(printed, document)
    if not parsed.is_number or numerator is None or denominator is None:
        return None
    base = dict(params or {}, printed=printed, printed_number=parsed.value,
                numerator=plain(numerator), numerator_value=numerator,
                denominator=plain(denominator), denominator_value=denominator)
    common = dict(item_key=item_key, table_key=table_key, year=year, printed=printed,
                  source_line=line, locator=locator)
    if denominator == 0:
        return Finding(
            check="ratio-recompute", severity="warning",
            message=N_("%(printed)s is printed for %(numerator)s / %(denominator)s: the "
                       "denominator is zero."),
            params=base, expected=None, **common)
    exact = numerator / denominator * HUNDRED
    expected = round_to(exact, places(parsed.value))
    if expected == parsed.value:
        return None
    if display_places is not None:
        expected = round_to(exact, display_places)
    base.update(expected=plain(expected), expected_value=expected, exact=plain(round_to(exact, 6)))
    return Finding(check="ratio-recompute", severity=severity, message=message, params=base,
                   expected=plain(expected), **common)


_MSG_IKU = N_("The IKU result prints %(printed)s; %(numerator)s / %(denominator)s x 100 = "
              "%(expected)s.")
_MSG_ABSORPTION = N_("The budget absorption prints %(printed)s; %(numerator)s / "
                     "%(denominator)s x 100 = %(expected)s.")
_MSG_RATE = N_("The realisation rate prints %(printed)s; %(numerator)s / %(denominator)s x 100 "
               "= %(expected)s.")
_MSG_ACHIEVEMENT = N_("The Renstra achievement rate prints %(printed)s; %(numerator)s / "
                      "%(denominator)s x 100 = %(expected)s.")
_MSG_COLUMN = N_("Column %(column)s prints %(printed)s; %(numerator)s / %(denominator)s x 100 = "
                 "%(expected)s.")
_MSG_REALISATION_VS_ABSORPTION = N_("Realisation %(printed)s is printed; the budget absorption "
                                    "is %(expected)s (%(numerator)s / %(denominator)s).")


def _indicator_value(indicator: IndicatorSpec, kind: str, year: int) -> str | None:
    specs = indicator.targets if kind == "target" else indicator.realisations
    for spec in specs:
        if spec.year == year and spec.quarter is None:
            return spec.printed
    return None


_TINGKAT_REALISASI = re.compile(r"^tingkat_realisasi_(\d{4})$")
_TINGKAT_CAPAIAN = re.compile(r"^tingkat_capaian_renstra_sd_(\d{4})$")
_REALISASI_PCT_EXTRA = re.compile(r"^(?:.+_)?realisasi_(\d{4})_printed$")
_ABSORPTION_EXTRAS = (X.ABSORPTION, X.CLOSING_ACHIEVEMENT)


def _item_ratios(document: DocumentSpec, item: ItemSpec) -> Iterator[Finding]:
    ex = extras(item)
    line = _line(item)
    key = item.key
    if X.IKU_RESULT in ex:
        found = _ratio_finding(
            document, ex[X.IKU_RESULT], number(ex.get(X.IKU_NUMERATOR), document),
            number(ex.get(X.IKU_DENOMINATOR), document), item_key=key,
            year=document.year, line=_int(ex.get("iku_formula_line")) or line,
            locator=X.IKU_RESULT, message=_MSG_IKU)
        if found:
            yield found
    for name in _ABSORPTION_EXTRAS:
        if name in ex and document.year is not None:
            spent = _budget(item, "realisasi", document.year)
            budget = _budget(item, "anggaran", document.year)
            if spent and budget:
                found = _ratio_finding(
                    document, ex[name], number(spent.printed, document),
                    number(budget.printed, document), item_key=key, year=document.year,
                    line=_int(ex.get(name.replace("_printed", "_line"))) or line,
                    locator=name, message=_MSG_ABSORPTION)
                if found:
                    yield found
    indicator = item.indicators[0] if item.indicators else None
    compared: set = set()
    for name, printed in item.extra:
        if (m := _TINGKAT_REALISASI.match(name)) and indicator is not None:
            year = int(m[1])
            found = _ratio_finding(
                document, printed,
                number(_indicator_value(indicator, "realisation", year), document),
                number(_indicator_value(indicator, "target", year), document),
                item_key=key, year=year, line=line, locator=name, message=_MSG_RATE)
            if found:
                yield found
        elif (m := _TINGKAT_CAPAIAN.match(name)) and indicator is not None:
            year = int(m[1])
            cumulative = ex.get(f"perkiraan_realisasi_sd_{year}") or ex.get(f"realisasi_sd_{year}")
            found = _ratio_finding(
                document, printed, number(cumulative, document),
                number(indicator.end_target, document), item_key=key, year=year, line=line,
                locator=name, message=_MSG_ACHIEVEMENT)
            if found:
                yield found
        elif (m := _REALISASI_PCT_EXTRA.match(name)) and "renstra" not in name:
            table_line = _int(ex.get(name[: m.start(1)].rstrip("_").removesuffix("_realisasi")
                                     + "_line"))
            yield from _absorption_compare(
                document, item, printed, int(m[1]), name, table_line or line, compared)
    for n, ind in enumerate(item.indicators):
        for spec in ind.realisations:
            if spec.quarter is None:
                spec_line = spec.source.line if spec.source else None
                yield from _absorption_compare(
                    document, item, spec.printed, spec.year, f"indicator {n + 1} realisation",
                    spec_line or line, compared)


def _absorption_compare(
    document, item, printed, year, locator, line, compared
) -> Iterator[Finding]:
    """A realisation printed as a percentage beside the item's budget absorption (info).

    A LAKIP may print *Realisasi Kinerja* percentages (95.64 %, 80 %, 100 %) for
    items whose indicators are not percentages; the check shows the budget absorption of
    the same item beside them, as information, never as an error.
    """
    parsed = parse(printed, document)
    if not parsed.is_number or parsed.unit != "%" or (year, printed) in compared:
        return
    compared.add((year, printed))
    spent = _budget(item, "realisasi", year)
    budget = _budget(item, "anggaran", year)
    if not spent or not budget:
        return
    found = _ratio_finding(
        document, printed, number(spent.printed, document), number(budget.printed, document),
        item_key=item.key, year=year, line=line, locator=locator,
        message=_MSG_REALISATION_VS_ABSORPTION, severity="info", display_places=2)
    if found and found.expected is not None:
        yield found


def _int(text: str | None) -> int | None:
    return int(text) if text and text.strip().isdigit() else None


_RATIO_GROUPS = ("rasio", "persen", "persentase", "capaian", "tingkat")
_DENOMINATOR_GROUPS = ("anggaran", "pagu", "target")


def _column_groups(columns: tuple[str, ...]) -> dict[int, tuple[str, int | None]]:
    """Read headers as (group, year): ``rasio_2016``, ``Realisasi 2017`` then ``2018`` ..."""
    groups: dict[int, tuple[str, int | None]] = {}
    last = None
    for n, header in enumerate(columns):
        words = re.split(r"[\s_]+", header.strip().lower())
        years = [w for w in words if re.fullmatch(r"\d{4}", w)]
        rest = " ".join(w for w in words if w and not re.fullmatch(r"\d{4}", w))
        year = int(years[0]) if years else None
        if rest:
            last = rest
        elif year is not None and last is not None:
            rest = last
        if rest:
            groups[n] = (rest, year)
    return groups


def _table_ratios(document: DocumentSpec, table: TableSpec) -> Iterator[Finding]:
    """Ratio columns of a table recomputed from its realisation and budget/target columns."""
    groups = _column_groups(table.columns)
    years = {y for _, y in groups.values() if y is not None}

    def find(kinds, year):
        for kind in kinds:
            for n, (group, y) in groups.items():
                if group.split()[0] == kind and (y == year or (y is None and len(years) == 1)):
                    return n
        return None

    for n, (group, year) in groups.items():
        if group.split()[0] not in _RATIO_GROUPS:
            continue
        if year is None and len(years) == 1:
            year = next(iter(years))
        num_col = find(("realisasi",), year)
        den_col = find(_DENOMINATOR_GROUPS, year)
        if num_col is None or den_col is None:
            continue
        for cells, source in table.rows:
            if max(n, num_col, den_col) >= len(cells):
                continue
            found = _ratio_finding(
                document, cells[n], number(cells[num_col], document),
                number(cells[den_col], document), table_key=table.key, year=year,
                line=source.line, locator=f"{table.columns[n]} @ {source.row or source.line}",
                message=_MSG_COLUMN, params={"column": table.columns[n]})
            if found:
                yield found


def check_ratio_recompute(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """Printed percentages recomputed from the numbers they are computed from.

    IKU result (numerator / denominator), budget absorption (realisasi / anggaran), Lampiran
    I rates (realisation / target of the year; cumulative realisation / Renstra end target),
    and ratio columns of tables. Equality is judged at the printed precision.
    """
    for item in document.items:
        yield from _item_ratios(document, item)
    for table in document.tables:
        yield from _table_ratios(document, table)


# --------------------------------------------------------------------------- cumulative

_CUMULATIVE = re.compile(r"^(?P<estimate>perkiraan_)?realisasi_sd_(?P<year>\d{4})$")


def check_cumulative(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """A cumulative realisation vs an earlier cumulative plus the years in between.

    A Lampiran I prints realisation up to 2018 (column 5), the 2019
    realisation (column 7), the 2020 Renja target (column 9) and the estimated realisation up
    to 2020 (column 10): for a flow indicator 10 = 5 + 7 + 9. For each year after the base,
    the year's realisation is used, except for the year of an estimate (``perkiraan_``),
    whose own value is its target. Rows that repeat one value in every cell read as a stock
    (a level, like 9 vehicles maintained) and are skipped unless the indicator is declared
    ``aggregation="sum"``.
    """
    for item in document.items:
        if not item.indicators:
            continue
        indicator = item.indicators[0]
        marks = sorted(
            (int(m["year"]), bool(m["estimate"]), name, printed)
            for name, printed in item.extra if (m := _CUMULATIVE.match(name))
        )
        for earlier, (year, estimate, name, printed) in zip(marks, marks[1:]):
            base_year, _, _, base_printed = earlier
            base = number(base_printed, document)
            cumulative = number(printed, document)
            if base is None or cumulative is None:
                continue
            parts, cells = [base], [base_printed]
            for y in range(base_year + 1, year + 1):
                kind = "target" if (estimate and y == year) else "realisation"
                cell = _indicator_value(indicator, kind, y)
                value = number(cell, document)
                if value is None:
                    parts = None
                    break
                parts.append(value)
                cells.append(cell)
            if parts is None:
                continue
            expected = total(parts)
            if expected == cumulative:
                continue
            if indicator.aggregation != "sum" and len({*parts, cumulative}) == 1:
                continue
            params = _money_params(printed, cumulative, expected)
            params.update(parts=" + ".join(cells), year=str(year))
            yield Finding(
                check="cumulative-recompute", severity="warning",
                message=N_("Cumulative realisation to %(year)s prints %(printed)s; "
                           "%(parts)s = %(expected)s."),
                params=params, item_key=item.key, year=year, printed=printed,
                expected=plain(expected), source_line=_line(item), locator=name,
            )


# --------------------------------------------------------------------------- code-format

_STRUCTURE_ERRORS = ("bad_structure", "other_version_format", "sub_kegiatan_digits", "malformed")


def _printed_segments(printed: str) -> list[str]:
    return [s for s in re.split(r"[\s.]+", printed.strip()) if s]


#: Programs the reference lists are known not to hold (core/nomenclature/data/PROVENANCE.md:
#: SIMCAN keeps the Program Penunjang under a pseudo-bidang, so 1.06.01 is absent).
_LIST_GAPS = {("pmdn90-2019", "01"), ("kmdn050-5889-2021", "01")}


def _program_missing(code: str, version: str, context: CheckContext) -> bool:
    """Whether the list lacks the code's whole program (a gap of the list, not of the code)."""
    segments = code.split(".")
    if len(segments) < 3:
        return False
    if (version, segments[2]) in _LIST_GAPS:
        return True
    if len(segments) == 3:
        return False
    program = context.nomenclature(".".join(segments[:3]), version, context.jurisdiction)
    return program.error == "not_found"


def check_code_format(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """Codes: printed as normalised, valid for the nomenclature version and jurisdiction.

    * A printed code whose segments differ from the normalised code (``1 6 3 2.01`` for
      ``1.06.03.2.01``; a missing urusan segment). Permendagri 13 codes are conventionally
      printed unpadded (``1 6 1 1``), so for that version only differing numbers count.
    * The normalised code checked with ``context.nomenclature`` for the document's version
      and ``context.jurisdiction``: not in the list (warning; info when the list lacks the
      whole program, as it lacks the support program 1.06.01), wrong authority digit
      (error), a layout the version does not use (warning).
    * A program, kegiatan or sub kegiatan without any code (info); one finding for the
      whole document when it prints no codes at all.
    """
    version = document.nomenclature_version
    two_level = version == "pmdn13-2006"
    planning = [i for i in document.items if i.level in PLANNING_LEVELS]
    coded = any(i.code for i in document.items)
    if planning and not coded:
        yield Finding(
            check="code-format", severity="info",
            message=N_("The document prints no codes for its %(count)s programs, kegiatan and "
                       "sub kegiatan."),
            params={"count": str(len(planning))}, locator="missing")
    for item in document.items:
        line = _line(item)
        if item.code is None:
            if item.level in PLANNING_LEVELS and coded:
                yield Finding(
                    check="code-format", severity="info",
                    message=N_("No code is printed for this %(level)s."),
                    params={"level": item.level}, item_key=item.key, source_line=line,
                    locator="missing")
            continue
        if item.printed_code:
            printed = _printed_segments(item.printed_code)
            normal = item.code.split(".")
            if two_level:
                same = len(printed) == len(normal) and all(
                    p.isdigit() and int(p) == int(n) for p, n in zip(printed, normal))
            else:
                same = printed == normal
            if not same:
                yield Finding(
                    check="code-format", severity="warning",
                    message=N_("Code printed as %(printed)s; the normalised code is %(code)s."),
                    params={"printed": item.printed_code, "code": item.code},
                    item_key=item.key, printed=item.printed_code, expected=item.code,
                    source_line=line, locator="printed")
        if context.nomenclature is None or version is None:
            continue
        result = context.nomenclature(item.code, version, context.jurisdiction)
        if result.ok:
            continue
        params = {"code": item.code, "version": version, "jurisdiction": context.jurisdiction,
                  "reason": result.error or ""}
        severity, message = _list_verdict(result, item.code, version, context, params)
        yield Finding(
            check="code-format", severity=severity, message=message, params=params,
            item_key=item.key, printed=item.printed_code or item.code, source_line=line,
            locator=result.error)


def _list_verdict(result, code, version, context, params) -> tuple[str, str]:
    """Severity and msgid for a code the nomenclature refused; adds to ``params``."""
    if result.error == "authority_mismatch":
        params["digit"] = (result.parts.authority if result.parts else None) or ""
        params["expected_digit"] = AUTHORITY_DIGIT.get(context.jurisdiction, "")
        return "error", N_("Code %(code)s carries authority digit %(digit)s; a %(jurisdiction)s "
                           "uses %(expected_digit)s.")
    if result.error == "not_found" and _program_missing(code, version, context):
        params["program"] = ".".join(code.split(".")[:3])
        return "info", N_("Code %(code)s cannot be checked: the %(version)s list holds no "
                          "program %(program)s.")
    if result.error == "not_found":
        return "warning", N_("Code %(code)s is not in the %(version)s list for a %(jurisdiction)s.")
    if result.error in _STRUCTURE_ERRORS:
        if version == "pmdn13-2006" and len(code.split(".")) in (5, 6):
            return "info", N_("Code %(code)s carries organisation segments (urusan.bidang."
                              "organisasi.sub unit.program.kegiatan); it cannot be checked "
                              "against %(version)s.")
        return "warning", N_("Code %(code)s does not fit the %(version)s code format.")
    return "warning", N_("Code %(code)s cannot be checked against %(version)s (%(reason)s).")


# --------------------------------------------------------------------------- unit-drift

_UNIT_SYNONYMS = {"org": "orang", "persen": "%", "pkt": "paket", "kk": "kk"}
_PERCENT_TEXT = re.compile(
    r"^\s*(persentase|presentase|prosentase|persentasi|proporsi|proposi|rasio|tingkat)\b", re.I)
_COUNT_TEXT = re.compile(r"^\s*jumlah\b", re.I)


def _unit(parsed, declared: str | None) -> str | None:
    unit = parsed.unit or declared
    if unit is None:
        return None
    unit = unit.strip().lower().rstrip(".")
    return _UNIT_SYNONYMS.get(unit, unit)


def _indicator_cells(indicator: IndicatorSpec) -> list[tuple[str, int | None, str]]:
    cells = []
    if indicator.baseline:
        cells.append(("baseline", indicator.baseline_year, indicator.baseline))
    for t in indicator.targets:
        cells.append(("target", t.year, t.printed))
    if indicator.end_target:
        cells.append(("end target", None, indicator.end_target))
    for r in indicator.realisations:
        cells.append(("realisation", r.year, r.printed))
    return cells


def check_unit_drift(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """Values of one indicator printed in different units.

    The indicator's unit is the declared ``unit`` (a bare number takes it), else the unit most
    of its values print. A value in another unit is a warning (``8000 kk`` among
    percentages; ``1 Paket`` baseline with % targets; a bare ``7500`` among ``kk``). The
    indicator text also decides: a percentage on a *Jumlah* (count) indicator, or a counted
    unit on a *Persentase* indicator, is reported. Bare zeros and text are ignored.
    """
    for item in document.items:
        for n, indicator in enumerate(item.indicators):
            declared = _UNIT_SYNONYMS.get((indicator.unit or "").lower(), indicator.unit)
            if declared and declared.lower() in ("predikat",):
                continue
            values = []
            for role, year, printed in _indicator_cells(indicator):
                parsed = parse(printed, document)
                if not parsed.is_number:
                    continue
                unit = _unit(parsed, declared)
                if unit is None and parsed.value == 0:
                    continue
                values.append((role, year, printed, unit))
            if not values:
                continue
            counts = Counter(u for *_, u in values)
            if declared:
                dominant = declared.lower()
            elif len(counts) > 1:
                top = counts.most_common()
                dominant = top[0][0] if top[0][1] > top[1][1] else None
            else:
                dominant = next(iter(counts))
            by_text = ("%" if _PERCENT_TEXT.match(indicator.text or "")
                       else "count" if _COUNT_TEXT.match(indicator.text or "") else None)
            drifted = set()
            for role, year, printed, unit in values:
                if dominant is None or unit == dominant:
                    continue
                drifted.add((role, year))
                params = {"printed": printed, "unit": unit or "", "expected": dominant}
                yield Finding(
                    check="unit-drift", severity="warning",
                    message=(
                        N_("%(printed)s is in %(unit)s; the indicator's other values are in "
                           "%(expected)s.") if unit else
                        N_("%(printed)s has no unit; the indicator's other values are in "
                           "%(expected)s.")),
                    params=params, item_key=item.key, year=year, printed=printed,
                    source_line=_line(item), locator=f"indicator {n + 1} {role}",
                )
            clash = [
                v for v in values
                if (by_text == "%" and v[3] not in ("%", None))
                or (by_text == "count" and v[3] == "%")
            ]
            clash = [v for v in clash if (v[0], v[1]) not in drifted]
            if clash:
                role, year, printed, unit = clash[0]
                params = {"printed": printed, "text": indicator.text, "count": str(len(clash))}
                yield Finding(
                    check="unit-drift", severity="info",
                    message=(
                        N_("%(text)s reads as a percentage, but %(count)s of its values (first "
                           "%(printed)s) are not.") if by_text == "%" else
                        N_("%(text)s reads as a count, but %(count)s of its values (first "
                           "%(printed)s) are percentages.")),
                    params=params, item_key=item.key, year=year, printed=printed,
                    source_line=_line(item), locator=f"indicator {n + 1} text",
                )


# --------------------------------------------------------------------------- target/pagu


def _is_target(printed: str, document: DocumentSpec) -> bool:
    """A printed target that asks for something: not empty, not a dash, not a zero."""
    parsed = parse(printed, document)
    return parsed.status == "text" or (parsed.is_number and parsed.value != 0)


def _has_target(item: ItemSpec, year: int, document: DocumentSpec) -> bool:
    return any(
        t.year == year and _is_target(t.printed, document)
        for ind in item.indicators for t in ind.targets
    )


def _target_pagu(document: DocumentSpec, wanted: str) -> Iterator[Finding]:
    """A year with a target but no pagu, or a pagu but no target (program to sub kegiatan).

    Only items that print a pagu at all are looked at, only the years most of those items
    print a pagu for (so a lone extra column does not count), and only the years for which
    some item of the same level prints a target (a Renja may print no 2022
    target on any kegiatan: a column not printed is not a finding). A printed zero pagu
    with a target is a target without pagu; text pagu cells are left alone.
    """
    bearers = [i for i in document.items if i.level in PLANNING_LEVELS
               and any(b.kind == "pagu" and b.year is not None for b in i.budgets)]
    if not bearers:
        return
    per_year = Counter(
        b.year for i in bearers for b in i.budgets if b.kind == "pagu" and b.year is not None)
    years = sorted(y for y, c in per_year.items() if c * 2 >= len(bearers))
    target_columns = {
        (i.level, t.year) for i in bearers for ind in i.indicators for t in ind.targets
        if _is_target(t.printed, document)
    }
    for item in bearers:
        for year in years:
            if (item.level, year) not in target_columns:
                continue
            budget = _budget(item, "pagu", year)
            value = money_or_zero(budget.printed, document) if budget else Decimal(0)
            if value is None:
                continue
            has_target = _has_target(item, year, document)
            if has_target and value == 0:
                message = N_("Target printed for %(year)s but no pagu.")
                check = "target-without-pagu"
            elif not has_target and value > 0:
                message = N_("Pagu %(printed)s printed for %(year)s but no target.")
                check = "pagu-without-target"
            else:
                continue
            if check != wanted:
                continue
            printed = budget.printed if budget else None
            yield Finding(
                check=check, severity="warning", message=message,
                params={"year": str(year), "printed": printed or ""},
                item_key=item.key, year=year, printed=printed,
                source_line=_line(item, budget), locator="pagu",
            )


def check_target_without_pagu(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """A target printed for a year whose pagu is zero or not printed (see :func:`_target_pagu`)."""
    return _target_pagu(document, "target-without-pagu")


def check_pagu_without_target(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """A pagu printed for a year without a target (see :func:`_target_pagu`)."""
    return _target_pagu(document, "pagu-without-target")


# --------------------------------------------------------------------------- indicator text


def check_indicator_text(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """An indicator that prints targets or a baseline but no indicator text."""
    for item in document.items:
        for n, indicator in enumerate(item.indicators):
            if (indicator.text or "").strip():
                continue
            if indicator.targets or indicator.end_target or indicator.baseline:
                yield Finding(
                    check="indicator-without-text", severity="warning",
                    message=N_("Targets are printed for an indicator without text."),
                    params={}, item_key=item.key, source_line=_line(item),
                    locator=f"indicator {n + 1}")


# --------------------------------------------------------------------------- duplicates


def _name_key(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", " ", name.lower()).strip()


def check_duplicate_items(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """The same code twice in a document, or the same name twice under one parent."""
    by_code: dict[str, ItemSpec] = {}
    by_name: dict[tuple, ItemSpec] = {}
    for item in document.items:
        if item.code:
            first = by_code.setdefault(item.code, item)
            if first is not item:
                yield Finding(
                    check="duplicate-items", severity="warning",
                    message=N_("Code %(code)s is printed again (first at line %(first_line)s)."),
                    params={"code": item.code, "first_line": str(_line(first) or "?")},
                    item_key=item.key, printed=item.printed_code or item.code,
                    source_line=_line(item), locator="code")
                continue
        name = _name_key(item.name)
        if not name:
            continue
        first = by_name.setdefault((item.parent_key, item.level, name), item)
        if first is not item:
            yield Finding(
                check="duplicate-items", severity="warning",
                message=N_("%(name)s is printed twice under the same parent (first at line "
                           "%(first_line)s)."),
                params={"name": item.name, "first_line": str(_line(first) or "?")},
                item_key=item.key, printed=item.name, source_line=_line(item), locator="name")


# --------------------------------------------------------------------------- printings

_PRINTING = re.compile(r"^(?P<base>.+)-printing-(?P<n>\d+)$")


def _cell(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip()


def _row_label(cells: tuple[str, ...], source) -> str:
    return _name_key(" ".join(cells[:2]) or str(source.row or ""))


def check_printings_differ(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """Two printings of one table (``<table>-printing-<n>``) compared cell by cell.

    Rows are paired in order (by their labels where the printings have different row
    counts); columns by header name. Cells equal after whitespace normalisation agree; each
    other cell is one finding: ``printed`` is the first printing's cell, ``expected`` the
    other printing's.
    """
    groups: dict[str, list[tuple[int, TableSpec]]] = defaultdict(list)
    for table in document.tables:
        if (m := _PRINTING.match(table.key)):
            groups[m["base"]].append((int(m["n"]), table))
    for base, printings in groups.items():
        printings.sort(key=lambda p: p[0])
        first = printings[0][1]
        for _, other in printings[1:]:
            yield from _compare_printings(first, other)


def _compare_printings(first: TableSpec, other: TableSpec) -> Iterator[Finding]:
    columns = [c for c in first.columns if c in other.columns]
    if len(first.rows) == len(other.rows):
        pairs = list(zip(first.rows, other.rows))
    else:
        a = [_row_label(c, s) for c, s in first.rows]
        b = [_row_label(c, s) for c, s in other.rows]
        matcher = difflib.SequenceMatcher(a=a, b=b, autojunk=False)
        pairs = [(first.rows[i + k], other.rows[j + k])
                 for i, j, size in matcher.get_matching_blocks() for k in range(size)]
    for (cells_a, src_a), (cells_b, src_b) in pairs:
        for column in columns:
            ia, ib = first.columns.index(column), other.columns.index(column)
            va = _cell(cells_a[ia]) if ia < len(cells_a) else ""
            vb = _cell(cells_b[ib]) if ib < len(cells_b) else ""
            if va == vb:
                continue
            params = {"column": column, "printed": va, "other": vb,
                      "line": str(src_a.line), "other_line": str(src_b.line)}
            yield Finding(
                check="printing-differs", severity="warning",
                message=N_("Column %(column)s prints “%(printed)s” at line %(line)s but "
                           "“%(other)s” at line %(other_line)s."),
                params=params, table_key=first.key, printed=va, expected=vb,
                source_line=src_a.line, locator=f"{other.key}:{src_b.line}:{column}",
            )


# --------------------------------------------------------------------------- number reading


def _printed_cells(item: ItemSpec) -> Iterator[tuple[str, int | None, str, int | None]]:
    """Every printed number-like cell of an item: (printed, year, locator, line)."""
    for n, indicator in enumerate(item.indicators):
        line = indicator.source.line if indicator.source else _line(item)
        for label, printed in (("baseline", indicator.baseline), ("end_target", indicator.end_target)):
            if printed:
                yield printed, None, f"indicator {n} {label}", line
        for kind, values in (("target", indicator.targets), ("realisation", indicator.realisations)):
            for value in values:
                yield (value.printed, value.year, f"indicator {n} {kind} {value.year} q{value.quarter or ''}",
                       value.source.line if value.source else line)
    for budget in item.budgets:
        yield (budget.printed, budget.year, f"{budget.kind} {budget.year}",
               budget.source.line if budget.source else _line(item))


def _number_class(printed: str) -> str:
    """Percentages and other numbers are told apart: a LAKIP printing ``92.78%`` with a decimal
    dot still groups its counts with dots (``9.205 Jiwa``)."""
    return "percent" if "%" in (printed or "") else "other"


def _separator_roles(document: DocumentSpec) -> dict[tuple[str, str], set[str]]:
    """How the document itself uses ``.`` and ``,`` (per class of number, see
    :func:`_number_class`) where the shape of a number leaves no doubt: ``20,745,000,000``
    groups with ``,``; ``85,98`` or ``1.234,5`` has a decimal ``,``."""
    found: dict[str, dict[str, set[str]]] = {}
    cells = [printed for item in document.items for printed, *_ in _printed_cells(item)]
    cells += [cell for table in document.tables for row, _ in table.rows for cell in row]
    for cell in cells:
        if not parse(cell, document).is_number:
            continue  # only cells that are numbers count (not codes, dates or sentences)
        roles = found.setdefault(_number_class(cell), {".": set(), ",": set()})
        for text in re.findall(r"\d[\d.,]*\d", cell or "")[:1]:
            for sep in ".,":
                if re.fullmatch(rf"\d{{1,3}}(\{sep}\d{{3}}){{2,}}", text):
                    roles[sep].add("group")
            if "." in text and "," in text:
                last = "." if text.rfind(".") > text.rfind(",") else ","
                if len(text) - text.rfind(last) - 1 != 3:
                    roles[last].add("decimal")
                    roles["," if last == "." else "."].add("group")
            elif text.count(".") + text.count(",") == 1:
                sep = "." if "." in text else ","
                whole, frac = text.split(sep)
                if len(frac) != 3 or whole == "0" or len(whole) > 3:
                    roles[sep].add("decimal")
    return {(cls, sep): used for cls, roles in found.items() for sep, used in roles.items()}


def check_number_reading(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """Say how a printed value was read where real doubt remains.

    The document's own usage decides first: where it uses ``.`` only to group thousands
    (``1.413.000.000``) and never as a decimal mark, ``273.950`` is 273950 and no note is
    raised. A note remains where the document uses the separator both ways (``1,000`` in a
    document printing both ``20,745,000,000`` and ``85,98``), and where the context of a budget
    cell decided (``5.000,000`` is read as the amount 5,000,000: a Rupiah amount has no decimals).
    """
    roles = _separator_roles(document)
    for item in document.items:
        budget_cells = {(b.printed, b.year) for b in item.budgets}
        for printed, year, locator, line in _printed_cells(item):
            if (printed, year) in budget_cells:
                value, decided = money_reading(printed, document)
                if decided:
                    yield Finding(
                        check="number-reading", severity="info",
                        message=N_("%(printed)s prints both separators; it is read as the amount "
                                   "%(expected)s (a Rupiah amount has no decimals)."),
                        params={"printed": printed, "expected": plain(value), "expected_value": value},
                        item_key=item.key, year=year, printed=printed, expected=plain(value),
                        source_line=line, locator=locator,
                    )
                    continue
            parsed = parse(printed, document)
            if not (parsed.note and parsed.note.startswith("ambiguous")):
                continue
            seps = {c for c in printed if c in ".,"}
            read_as = "group" if "thousands" in parsed.note else "decimal"
            if len(seps) == 1 and roles.get((_number_class(printed), seps.pop())) == {read_as}:
                continue  # the document uses this separator this way only: no doubt remains
            yield Finding(
                check="number-reading", severity="info",
                message=N_("%(printed)s can be read two ways (the document uses the separator both "
                           "for thousands and for decimals); it was read as %(expected)s."),
                params={"printed": printed, "expected": plain(parsed.value),
                        "expected_value": parsed.value},
                item_key=item.key, year=year, printed=printed, expected=plain(parsed.value),
                source_line=line, locator=locator,
            )


# --------------------------------------------------------------------------- no reading fits


def check_no_reading_fits(document: DocumentSpec, context: CheckContext) -> Iterator[Finding]:
    """A printed row whose own printed total no placement of its cells reproduces.

    The importer tried every reading of the row's amount cells (in printed order) against
    the printed end-of-period total and stored the row as printed; the extra
    :data:`core.extras.READING_NO_FIT` carries ``total|stored sum|readings that fit``.
    """
    for item in document.items:
        value = extras(item).get(X.READING_NO_FIT)
        if value is None:
            continue
        total_text, stored_text, count = (value.split("|") + ["", "", "0"])[:3]
        end = _budget(item, "pagu", None)
        params = {"printed": end.printed if end else total_text, "expected": stored_text or "-"}
        if stored_text:
            params["expected_value"] = Decimal(stored_text)
        several = count not in ("", "0")
        yield Finding(
            check="no-reading-fits", severity="error",
            message=(N_("Several readings of this row's cells add up to its printed total %(printed)s; "
                        "it is stored as printed (its yearly amounts sum to %(expected)s).") if several else
                     N_("No reading of this row's cells adds up to its printed total %(printed)s; it is "
                        "stored as printed (its yearly amounts sum to %(expected)s).")),
            params=params, item_key=item.key, year=None, printed=params["printed"],
            expected=stored_text or None, source_line=_line(item, end), locator="pagu",
        )


# --------------------------------------------------------------------------- registry list


def _check(id: str, title: str, description: str, run) -> Check:
    return Check(id=id, title=title, description=description, run=run)


CHECKS: tuple[Check, ...] = (
    _check("pagu-sum", N_("Budget vs sum of children"),
           N_("A parent's pagu, anggaran or realisasi differs from the sum of its children's."),
           check_pagu_sum),
    _check("period-total", N_("End-of-period budget vs sum of years"),
           N_("The end-of-period pagu differs from the sum of the yearly pagu."),
           check_period_total),
    _check("no-reading-fits", N_("Rows no reading fits"),
           N_("No placement of a printed row's cells reproduces the row's own printed total."),
           check_no_reading_fits),
    _check("printed-total", N_("Printed totals"),
           N_("A printed total differs from the sum of the amounts it totals."),
           check_printed_total),
    _check("ratio-recompute", N_("Printed percentages"),
           N_("A printed percentage differs from the ratio recomputed from printed numbers."),
           check_ratio_recompute),
    _check("cumulative-recompute", N_("Cumulative realisation"),
           N_("A cumulative realisation differs from the earlier cumulative plus later years."),
           check_cumulative),
    _check("code-format", N_("Codes"),
           N_("A code is misprinted, missing, or not valid for the nomenclature version."),
           check_code_format),
    _check("unit-drift", N_("Units of an indicator"),
           N_("An indicator's values are printed in different units."),
           check_unit_drift),
    _check("target-without-pagu", N_("Targets without budget"),
           N_("A year has a target but no pagu."), check_target_without_pagu),
    _check("pagu-without-target", N_("Budgets without target"),
           N_("A year has a pagu but no target."), check_pagu_without_target),
    _check("indicator-without-text", N_("Indicators without text"),
           N_("Targets are printed for an indicator whose text is not printed."),
           check_indicator_text),
    _check("duplicate-items", N_("Duplicate items"),
           N_("The same code, or the same name under one parent, is printed twice."),
           check_duplicate_items),
    _check("printing-differs", N_("Printings of a table"),
           N_("Two printings of the same table differ in a cell."),
           check_printings_differ),
    _check("number-reading", N_("Ambiguous numbers"),
           N_("A printed number can be read two ways; the document's number style decided."),
           check_number_reading),
)
