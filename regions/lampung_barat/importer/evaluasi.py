"""Lampiran I: evaluation of Renja 2019 and Renstra achievement up to 2020 (lines 1124-1184).

Columns as numbered on line 1133: (1) kode, (2) urusan/program/kegiatan, (3) indicator,
(4) target Renstra 2022, (5) realisation up to 2018, (6) target Renja 2019, (7) realisation 2019,
(8) tingkat realisasi 2019 (%), (9) target Renja 2020, (10) realisation up to 2020 (an estimate:
"perkiraan", line 1131), (11) tingkat capaian target Renstra (%).

They become, on the row's indicator: column 4 ``end_target`` and ``TargetSpec(2022)``, column 6
``TargetSpec(2019)``, column 9 ``TargetSpec(2020)``, column 5 ``RealisationSpec(2018)``, column 7
``RealisationSpec(2019)``, column 10 ``RealisationSpec(2020)``. Columns 5 and 10 are cumulative
("s/d"), so they are also kept as extras, like the printed ratios of columns 8 and 11, for core
to recompute and compare. The table prints no money columns.

Codes are the national Permendagri 13 numbers, printed one segment per cell (``1 | 6 | 1 | 1``)
and normalised to ``1.06.01.01`` (see :mod:`regions.lampung_barat.codes`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from core.specs import (
    BudgetSpec,
    IndicatorSpec,
    ItemSpec,
    RealisationSpec,
    SourceRef,
    TableSpec,
    TargetSpec,
)

from . import codes
from .source_text import cells, is_blank, line

TABLE = "Lampiran I Evaluasi Renja 2019 dan capaian Renstra s/d 2020"
FIRST_LINE, LAST_LINE = 1134, 1184

#: Lines 1137-1145 (first page) print 7 value cells for the 8 columns 4-11: the page's grid
#: dropped one cell. The last four cells are columns 8-11 (ratio, target 2020, realisation
#: s/d 2020, ratio) and the three before them read as target Renstra, target 2019, realisation
#: 2019 (the 2019 pair agrees with the printed 100% in column 8), so column 5 is taken as not
#: printed.
SHORT_ROW_NOTE = (
    "row prints 7 value cells for columns 4-11; column 5 (realisasi s/d 2018) taken as not "
    "printed, the other cells kept in order"
)

#: Line 1166 prints only a program indicator: the program's own row (code and name) is not
#: printed. Its kegiatan (lines 1167-1172) are coded 1 6 16, so the program is carried with the
#: reconstructed code and the name the document gives the program in Bab III (line 999).
HEADLESS_PROGRAM_LINE = 1166
HEADLESS_PROGRAM_NAME_LINE = 999

VALUE_COLUMNS = tuple(range(4, 12))


def data_lines() -> list[int]:
    """Line numbers of every printed row of the table body."""
    return [n for n in range(FIRST_LINE, LAST_LINE + 1) if not is_blank(n)]


def _split_row(number: int) -> tuple[list[str], str, str, dict[int, str], tuple]:
    """Code segments, name, indicator and the value cells by column number of one row."""
    row = cells(number)
    extra: tuple = ()
    if len(row) == 14:
        # Later pages: four code cells (blank where not printed), name, indicator, 8 values.
        segments = [c for c in row[:4] if c]
        name, indicator, values = row[4], row[5], row[6:]
    elif len(row) == 13:
        # First page: only as many code cells as the code has segments.
        k = 0
        while k < len(row) and re.fullmatch(r"[0-9]+", row[k]):
            k += 1
        segments, name, indicator, values = row[:k], row[k], row[k + 1], row[k + 2:]
        if len(values) == 7:
            values = [values[0], "", *values[1:]]
            extra = (("cells_note", SHORT_ROW_NOTE),)
        elif any(values[8:]):
            raise ValueError(f"line {number}: cells beyond column 11")
        values = values[:8]
    else:
        raise ValueError(f"line {number}: {len(row)} cells")
    return segments, name, indicator, dict(zip(VALUE_COLUMNS, values)), extra


def _indicator(text: str, values: dict[int, str], source: SourceRef) -> IndicatorSpec:
    def target(year, col):
        return TargetSpec(year, values[col], source=source) if values[col] else None

    def real(year, col):
        return RealisationSpec(year, values[col], source=source) if values[col] else None

    targets = tuple(t for t in (target(2022, 4), target(2019, 6), target(2020, 9)) if t)
    realisations = tuple(r for r in (real(2018, 5), real(2019, 7), real(2020, 10)) if r)
    return IndicatorSpec(
        text=text,
        end_target=values[4] or None,
        targets=targets,
        realisations=realisations,
        source=source,
    )


def _value_extras(values: dict[int, str]) -> tuple[tuple[str, str], ...]:
    names = {
        5: "realisasi_sd_2018",
        8: "tingkat_realisasi_2019",
        10: "perkiraan_realisasi_sd_2020",
        11: "tingkat_capaian_renstra_sd_2020",
    }
    return tuple((name, values[col]) for col, name in names.items() if values[col])


def items() -> list[ItemSpec]:
    """Every row of Lampiran I as items, in table order.

    Rows that print only an indicator (lines 1174, 1179, 1180) add an indicator to the program
    above them; rows without a code (lines 1151, 1157) are kegiatan of the program above, with
    ``code`` None and a ``code_note``.
    """
    result: list[ItemSpec] = []
    by_key: dict[str, int] = {}
    program_key = None

    def add(item: ItemSpec) -> None:
        if item.key in by_key:
            raise ValueError(f"duplicate key {item.key}")
        by_key[item.key] = len(result)
        result.append(item)

    parents = {1: None, 2: "urusan", 3: "bidang_urusan", 4: "program"}
    levels = {1: "urusan", 2: "bidang_urusan", 3: "program", 4: "kegiatan"}
    for number in data_lines():
        segments, name, indicator, values, extra = _split_row(number)
        printed_code = " ".join(segments) or None
        source = SourceRef(TABLE, number, printed_code)
        indicators = (_indicator(indicator, values, source),) if indicator else ()
        extra = extra + _value_extras(values)
        if number == HEADLESS_PROGRAM_LINE:
            heading = line(HEADLESS_PROGRAM_NAME_LINE)
            name = re.match(r"\d+\.\s*(Program .*?)\s+memiliki", heading)[1]
            add(ItemSpec(
                key="program:1.06.16", level="program", name=name,
                parent_key="bidang_urusan:1.06", code="1.06.16", indicators=indicators,
                source=source,
                extra=(("code_note", "program row not printed in Lampiran I, only its indicator "
                        "(line 1166); code reconstructed from its kegiatan (lines 1167-1172), "
                        "name from Bab III line 999"),),
            ))
            program_key = "program:1.06.16"
            continue
        if not segments and not name:
            # An indicator continuing the program above (lines 1174, 1179, 1180).
            index = by_key[program_key]
            program = result[index]
            result[index] = replace(program, indicators=program.indicators + indicators)
            continue
        if not segments:
            add(ItemSpec(
                key=f"kegiatan:line{number}", level="kegiatan", name=name, parent_key=program_key,
                indicators=indicators, source=source,
                extra=(("code_note", "no code printed; kegiatan of the program above"),) + extra,
            ))
            continue
        code = codes.normalise(segments)
        level = levels[len(segments)]
        parent = parents[len(segments)]
        parent_key = f"{parent}:{code.rsplit('.', 1)[0]}" if parent else None
        if parent_key and parent_key not in by_key:
            raise ValueError(f"line {number}: parent {parent_key} not printed")
        item = ItemSpec(
            key=f"{level}:{code}", level=level, name=name, parent_key=parent_key,
            printed_code=printed_code, code=code, indicators=indicators, source=source,
            budgets=_dinas_budget_2019() if level == "bidang_urusan" else (),
            extra=extra,
        )
        add(item)
        if level == "program":
            program_key = item.key
    return result


#: Section 2.1 states the 2019 budget and its realisation in sentences (lines 139 and 145).
BUDGET_LINES = {
    139: (
        "Belanja Langsung 2019 (seluruh program)",
        r"Belanja langsung sebesar (Rp\.[0-9.,]+).*?terealisasi sebesar (Rp [0-9.,]+) atau \(([0-9,]+ %)\)",
    ),
    145: (
        "Kegiatan Sosialisasi Pendampingan Penyaluran Rastra 2019",
        r"sebesar (Rp\.[0-9.,]+) atau \(([0-9,]+%)\) dari anggaran belanja yang ditetapkan "
        r"sebesar (Rp\.[0-9.,]+?)\.Hal",
    ),
}


def _dinas_budget_2019() -> tuple[BudgetSpec, ...]:
    """The whole Dinas' 2019 belanja langsung (line 139), carried on the bidang urusan row.

    Lampiran I prints no money columns; Bab II 2.1 states the total for all its programs.
    """
    m = re.search(BUDGET_LINES[139][1], line(139))
    source = SourceRef("Bab II 2.1", 139)
    return (BudgetSpec(2019, "anggaran", m[1], source), BudgetSpec(2019, "realisasi", m[2], source))


def budget_table() -> TableSpec:
    """The 2019 anggaran and realisation stated in Bab II 2.1, as printed."""
    rows = []
    m = re.search(BUDGET_LINES[139][1], line(139))
    rows.append(((BUDGET_LINES[139][0], m[1], m[2], m[3]), SourceRef("Bab II 2.1", 139)))
    m = re.search(BUDGET_LINES[145][1], line(145))
    rows.append(((BUDGET_LINES[145][0], m[3], m[1], m[2]), SourceRef("Bab II 2.1", 145)))
    return TableSpec(
        key="evaluasi-2019-anggaran",
        title="Anggaran dan realisasi 2019 sebagaimana tercetak di Bab II 2.1",
        columns=("uraian", "anggaran_2019", "realisasi_2019", "persen_realisasi"),
        rows=tuple(rows),
    )

