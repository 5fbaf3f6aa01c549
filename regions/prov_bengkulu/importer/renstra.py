"""The Perubahan Renstra 2021-2026 as one DocumentSpec, parsed from the plugin's source copy.

Calendar years: Tabel 6.1 and Tabel 4.2 print a baseline *Capaian 2020*, a *Target Kinerja
2021* and yearly columns headed *Tahun 2022* ... *Tahun 2026*; Tabel 7.1 prints a baseline
*Kondisi Kinerja Awal 2021* and 2022-2026. Those printed years are used as they stand. Where a
Tabel 6.1 row prints a sixth (target, Rp.) pair, the extra pair is read as 2021 (see
:mod:`.tabel61`). The end-of-period column is carried with ``year`` None.

The printed totals confirm the program columns are calendar 2022-2026: the program rows'
pagu sum exactly to the printed totals for 2025 (23,325,000,000) and 2026 (23,925,000,000)
and to the end-of-period total 112,245,000,000 (line 1326).
"""

from __future__ import annotations

from dataclasses import replace

from core import extras as X
from core.specs import BudgetSpec, DocumentSpec, IndicatorSpec, ItemSpec, SourceRef, TargetSpec

from . import cascading, outline, tables, tabel61, targets
from .source import SOURCE_FILE, cells

DOCUMENT_KEY = "renstra-2021-2026-p1"
CASCADING = "Tabel Cascading"
#: Indicator text used where a row prints targets but no indicator text.
NOT_PRINTED = "[indikator tidak tercetak]"
_LABELS = ("Tujuan :", "Sasaran :")

NOTES = (
    "Perubahan (amendment) of the Renstra Dinas Sosial Provinsi Bengkulu 2021-2026, signed "
    "27 Juni 2022 (lines 24, 1375). The original Renstra is not among the sources: its legal "
    "basis as printed is 'Peraturan Gubernur Bengkulu Nomor 35 Tahun 2021 Tentang Penetapan "
    "Rencana Strategis Perangkat Daerah Lingkup Pemerintahan Provinsi Bengkulu Tahun 2021-2026' "
    "(line 162; line 14 prints it without the year).",
    "Reason for the amendment as printed (lines 16, 77): to follow Kepmendagri 050-5889 tahun 2021 "
    "(Hasil Verifikasi, Validasi, dan Inventarisasi Pemutakhiran Klasifikasi, Kodefikasi dan "
    "Nomenklatur Perencanaan Pembangunan dan Keuangan Daerah), after evaluation by Bappeda.",
    "The document prints no program/kegiatan/sub kegiatan codes: printed_code and code are None.",
    "Money is printed with comma thousands (20,745,000,000), except Tabel 6.1 lines 1248-1253 and "
    "Tabel 7.1 (dot thousands, 95.000.000); percentages use a decimal comma (85,98). Line 1274 "
    "prints mixed separators (2.000,000; 5.000,000).",
    "Tabel 6.1 columns were realigned row by row (regions/prov_bengkulu/tabel61.py); cells that "
    "fit no column are kept in the item extra 'unplaced_cells'.",
)


ORIGINAL_KEY = "renstra-2021-2026"

#: Tabel 6.1 lines 1286-1294 (the lansia sub kegiatan): several sub kegiatan are printed as two
#: rows, one with the indicator text and one with the name, carrying the same amounts (1289 and
#: 1290 both print 5,000,000 a year and 25,000,000 in all). Line -> the line it continues.
#: 1287 prints the name and the amounts, 1288 the indicator text with dashes only.
CONTINUATIONS = {1288: 1287, 1290: 1289, 1292: 1291, 1294: 1293}


def original_document() -> DocumentSpec:
    """The Renstra this document amends, as far as our sources know it: its identity only.

    The amendment cites it (line 153: Pergub Bengkulu Nomor 35 Tahun 2021); its content is
    not among our sources, so it carries no items, and nothing is invented for it.
    """
    return DocumentSpec(
        key=ORIGINAL_KEY,
        type="renstra",
        title="Rencana Strategis (Renstra) Dinas Sosial Provinsi Bengkulu Tahun 2021-2026",
        source_file=SOURCE_FILE,  # where it is cited: it has no source text of its own here
        number_style="en",
        period_start=2021,
        period_end=2026,
        version=1,
        status="approved",
        nomenclature_version=None,  # not printed anywhere we have; the amendment moved to 050-5889
        notes=(
            "Ditetapkan dengan Peraturan Gubernur Bengkulu Nomor 35 Tahun 2021 tentang Penetapan Rencana "
            "Strategis Perangkat Daerah Lingkup Pemerintahan Provinsi Bengkulu Tahun 2021-2026 (cited by the "
            "amendment, line 153). Its content is not among Pelita's sources: only its identity is carried, "
            "so that the Perubahan Renstra (version 2) can point at the version it amends.",
        ),
    )


def _ref(table: str, line: int, row: str | None = None) -> SourceRef:
    return SourceRef(table, line, row)


def _strip_label(text: str) -> str:
    for label in _LABELS:
        if text.startswith(label):
            return text[len(label):].strip()
    return text


def _indicator(values: dict[str, str], text: str | None, table: str, line: int,
               baseline_year: int | None) -> IndicatorSpec:
    """An indicator from placed cells (tokens base, t<year>, te, sat)."""
    ref = _ref(table, line)
    year_targets = sorted(
        (int(token[1:]), printed) for token, printed in values.items()
        if token.startswith("t") and token[1:].isdigit() and printed != ""
    )
    return IndicatorSpec(
        text=text or NOT_PRINTED,
        unit=values.get("sat") or None,
        baseline=values.get("base") or None,
        baseline_year=baseline_year if values.get("base") else None,
        end_target=values.get("te") or None,
        targets=tuple(TargetSpec(year, printed, source=ref) for year, printed in year_targets),
        source=ref,
    )


def _budgets(values: dict[str, str], table: str, line: int) -> tuple[BudgetSpec, ...]:
    ref = _ref(table, line)
    yearly = sorted(
        (int(token[1:]), printed) for token, printed in values.items()
        if token.startswith("r") and token[1:].isdigit() and printed != ""
    )
    budgets = [BudgetSpec(year, "pagu", printed, ref) for year, printed in yearly]
    if values.get("re"):
        budgets.append(BudgetSpec(None, "pagu", values["re"], ref))
    return tuple(budgets)


def _unplaced_extra(line: int, unplaced) -> tuple[tuple[str, str], ...]:
    if not unplaced:
        return ()
    text = "; ".join(f"cell {index}: {printed!r}" for index, printed in unplaced)
    return ((f"unplaced_cells_{line}", text),)


class _Builder:
    """Collects items by key, merging several printings of one item."""

    def __init__(self):
        self.items: dict[str, dict] = {}

    def add(self, key, level, name, parent, source, unit=None):
        if key in self.items:
            raise ValueError(f"duplicate item key {key}")
        self.items[key] = dict(key=key, level=level, name=name, parent_key=parent, source=source,
                               responsible_unit=unit, indicators=[], budgets=[], extra=[])

    def attach(self, key, indicators=(), budgets=(), extra=()):
        item = self.items[key]
        item["indicators"].extend(indicators)
        item["budgets"].extend(budgets)
        item["extra"].extend(extra)

    def specs(self) -> tuple[ItemSpec, ...]:
        return tuple(
            ItemSpec(
                key=i["key"], level=i["level"], name=i["name"], parent_key=i["parent_key"],
                responsible_unit=i["responsible_unit"], indicators=tuple(i["indicators"]),
                budgets=tuple(i["budgets"]), source=i["source"], extra=tuple(i["extra"]),
            )
            for i in self.items.values()
        )


def _reading_extra(row: tabel61.Row61) -> list[tuple[str, str]]:
    """The arbiter's outcome (see :func:`tabel61.arbitrate`) as item extras core reads."""
    reading = row.reading
    if reading is None or reading.status == "fits":
        return []
    if reading.status == "chosen":
        left_out = "; ".join(f"cell {i}: {t!r}" for i, t in row.unplaced) or "none"
        return [(X.READING_CHOSEN, f"Tabel 6.1 line {row.line}: the five yearly Rp were read so that they add "
                                   f"up to the printed total {reading.total:,}; cells left out: {left_out}")]
    return [(X.READING_NO_FIT, f"{reading.total}|{reading.stored_sum if reading.stored_sum is not None else ''}|"
                               f"{reading.candidates}")]


def _tujuan_sasaran(b: _Builder) -> None:
    for line, (key, level) in targets.TABEL_42.items():
        row = cells(line)
        placed, unplaced = targets.place(
            "no name ind sat base t2021 t2022 t2023 t2024 t2025 t2026".split(), row)
        b.add(key, level, _strip_label(row[1]), targets.TABEL_42_PARENTS.get(key),
              _ref(targets.T42, line, row[0]))
        b.attach(key, [_indicator(placed, row[2], targets.T42, line, 2020)])


def _tabel_61(b: _Builder) -> None:
    for line in tabel61.data_lines():
        row = tabel61.parse_row(line)
        values = dict(row.values)
        name = values.pop("name", "")
        text = values.get("ind")
        extra = list(_unplaced_extra(line, row.unplaced)) + _reading_extra(row)
        if line in outline.TUJUAN_SASARAN_61:
            key = outline.TUJUAN_SASARAN_61[line]
            if _strip_label(name) != b.items[key]["name"]:
                extra.append((f"tabel_6.1_name_{line}", name))
            b.attach(key, [_indicator(values, text, tabel61.TABLE, line, 2020)], extra=extra)
            continue
        level, parent = outline.TABEL_61[line]
        if line in CONTINUATIONS:
            # One sub kegiatan printed as two rows: name on one, indicator on the other, the
            # same money repeated (or dashes). One item; the repeat travels as printed extras,
            # so the parent's sums count it once.
            first = f"6.1:{CONTINUATIONS[line]}"
            printed = "; ".join(f"cell {i}: {c!r}" for i, c in enumerate(cells(line), 1) if c)
            kept = b.items[first]
            own = kept["indicators"][0]
            if kept["name"].startswith("Jumlah") and not name.startswith("Jumlah"):
                kept["extra"].append(("tabel_6.1_indicator_row", kept["name"]))
                kept["name"] = name
            elif name.startswith("Jumlah"):
                kept["indicators"][0] = replace(own, text=name)
            kept["extra"].append((f"continuation_row_{line}", printed))
            continue
        if text is None and name.startswith("Jumlah"):
            # 1286-1294: the printed text is the indicator; the name cell is lost.
            text = name
            extra.append(("name_note", "Tabel 6.1 prints only the indicator text on this row; "
                                       "the sub kegiatan name cell is lost"))
        key = f"6.1:{line}"
        b.add(key, level, name, parent, _ref(tabel61.TABLE, line), values.get("unit"))
        if values.get("lok"):
            extra.append(("lokasi", values["lok"]))
        b.attach(key, [_indicator(values, text, tabel61.TABLE, line, 2020)],
                 _budgets(values, tabel61.TABLE, line), extra)


def _extra_items(b: _Builder) -> None:
    for key, (level, parent, table, line, cell) in outline.EXTRA_ITEMS.items():
        name = cells(line)[cell].replace("<p>", "").replace("</p>", "").lstrip("- ").strip()
        b.add(key, level, name, parent, _ref(table, line))
        if key in outline.CASCADING_INDICATORS:
            ln, index = outline.CASCADING_INDICATORS[key]
            text = cells(ln)[index].replace("<p>", "").replace("</p>", "").strip()
            b.attach(key, [IndicatorSpec(text=text, source=_ref(CASCADING, ln))])
    # Section 6.2 repeats program/kegiatan names; cascading items carry their penanggung jawab.
    for key in ("cas:1064", "cas:1066", "cas:1068", "cas:1090"):
        line = outline.EXTRA_ITEMS[key][3]
        b.attach(key, extra=[("cascading_penanggung_jawab", cells(line)[-1])])


def _cascading_same(b: _Builder) -> None:
    for line, name_cell, indicator_cell, key in outline.CASCADING_SAME:
        row = cells(line)
        name = row[name_cell]
        extra = []
        if name != b.items[key]["name"]:
            extra.append((f"cascading_name_{line}", name))
        indicators = []
        if indicator_cell is not None:
            indicators.append(IndicatorSpec(text=row[indicator_cell], source=_ref(CASCADING, line)))
        b.attach(key, indicators, extra=extra)
    key, name_ref, indicator_ref = outline.CASCADING_MIGRAN_KEGIATAN
    line = cascading.line_of(name_ref)
    indicator_line = cascading.line_of(indicator_ref)
    indicator = IndicatorSpec(text=cascading.resolve(indicator_ref), source=_ref(CASCADING, indicator_line))
    b.attach(key, [indicator],
             extra=[(f"cascading_name_{line}", cascading.resolve(name_ref))])
    line, index = outline.CASCADING_PROGRAM_BENCANA_INDICATOR
    b.attach("6.1:1323", [IndicatorSpec(text=cells(line)[index], source=_ref(CASCADING, line))])


def _cascading_subs(b: _Builder) -> None:
    for sub in cascading.SUBS:
        line = cascading.line_of(sub.name)
        name = cascading.resolve(sub.name)
        indicators = [
            IndicatorSpec(text=cascading.resolve(ref), source=_ref(CASCADING, cascading.line_of(ref)))
            for ref in sub.indicators
        ]
        unit = cascading.resolve(sub.unit)
        extra = []
        if sub.urusan:
            extra.append((f"cascading_urusan_{line}", cascading.resolve(sub.urusan)))
        if sub.same is None:
            b.add(sub.key, "sub_kegiatan", name, sub.parent, _ref(CASCADING, line), unit)
            b.attach(sub.key, indicators, extra=extra)
            continue
        same = b.items[sub.same]
        if same["parent_key"] != sub.parent:
            raise ValueError(f"{sub.key}: {sub.same} hangs under {same['parent_key']}, not {sub.parent}")
        if name != same["name"]:
            extra.append((f"cascading_name_{line}", name))
        if unit:
            extra.append((f"cascading_penanggung_jawab_{line}", unit))
        b.attach(sub.same, indicators, extra=extra)


def _tabel_71(b: _Builder) -> None:
    for text_line, values_line, key, text, placed, unplaced in targets.tabel_71_rows():
        extra = list(_unplaced_extra(values_line, unplaced))
        if text_line != values_line:
            extra.append((f"tabel_7.1_realigned_{values_line}",
                          f"indicator text on line {text_line}, values on line {values_line}"))
        # Tabel 7.1 repeats the program money with other amounts; one item carries one pagu
        # per year (Tabel 6.1's), so the Tabel 7.1 printing travels as extras.
        for budget in _budgets(placed, targets.T71, values_line):
            year = "akhir" if budget.year is None else budget.year
            extra.append((f"tabel_7.1_rp_{year}_{values_line}", budget.printed))
        b.attach(key, [_indicator(placed, text, targets.T71, values_line, 2021)], extra=extra)
    unplaced = [(i, c) for i, c in enumerate(cells(targets.TABEL_71_UNPLACED_LINE), 1) if i > 1 and c]
    b.attach("6.1:1207", extra=_unplaced_extra(targets.TABEL_71_UNPLACED_LINE, unplaced))


def _strategi(b: _Builder) -> None:
    for first, continuation, parent, arah_lines in targets.TABEL_5_STRATEGI:
        row = cells(first)
        strategi = row[2]
        if continuation:
            strategi = f"{strategi} {cells(continuation)[2]}"
        key = f"5:{first}"
        b.add(key, "strategi", strategi, parent, _ref(targets.T5, first))
        number = 0
        for line in arah_lines:
            text = cells(line)[3]
            if continuation and line == first:
                text = f"{text} {cells(continuation)[3]}"
            for arah in targets.split_arah(text):
                number += 1
                b.add(f"5:{first}.{number}", "arah_kebijakan", arah, key, _ref(targets.T5, line))


def build_document() -> DocumentSpec:
    """Parse the source copy into the Perubahan Renstra DocumentSpec."""
    b = _Builder()
    _tujuan_sasaran(b)
    _strategi(b)
    _tabel_61(b)
    _extra_items(b)
    _cascading_same(b)
    _cascading_subs(b)
    _tabel_71(b)
    return DocumentSpec(
        key=DOCUMENT_KEY,
        type="renstra",
        title="Perubahan Rencana Strategis (Renstra) Dinas Sosial Provinsi Bengkulu Tahun 2021-2026",
        source_file=SOURCE_FILE,
        number_style="en",
        period_start=2021,
        period_end=2026,
        version=2,
        status="approved",
        amends=ORIGINAL_KEY,
        nomenclature_version="kmdn050-5889-2021",
        items=b.specs(),
        tables=tables.resource_tables() + (tables.cascading_table(),) + tables.totals_tables(),
        notes=NOTES,
    )
