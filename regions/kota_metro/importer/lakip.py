"""Kota Metro's LAKIP 2023 (seed ``001_3aabf0c976021ff8.txt``) and the Perjanjian Kinerja 2023
it prints, as :class:`~core.specs.DocumentSpec` objects.

One item per program, kegiatan and sub kegiatan (the 68 rows of the 3.2 realisation table,
see :mod:`.lakip_layout`), carrying what every table prints about it:

* 3.2 realisation table (lines 531-605): name, indicator, 2023 target and realisation;
* 3.3 table (lines 618-692): the 2022 realisation (``RealisationSpec`` year 2022) and a
  second printing of the 2023 realisation;
* Tabel 1.3 (lines 705-771): a third printing of the 2023 realisation and the Renstra
  columns (extras ``tabel_1.3_target_renstra_2023_printed`` and
  ``tabel_1.3_realisasi_renstra_2023_printed``; they print Rupiah amounts);
* Tabel 3.2 (lines 911-1587): anggaran and realisasi 2023, and the account lines below each
  sub kegiatan (level ``rekening``).

The first non-empty printing of a value is the value; a later printing that says something
else is kept as an extra named after its table (``perbandingan_2023_realisasi_printed``,
``tabel_1.3_realisasi_2023_printed``, ``tabel_3.2_name_printed`` ...), so that core can show
the difference. ``*_line`` extras give the line of each table's row for the item.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

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

from .lakip_budget import ACCOUNT_LEVELS, TOTAL_LINE, URUSAN_LINE, budget_rows
from .lakip_iku import lakip_sasaran_items, lakip_tables, pk_items, pk_tables
from .lakip_layout import (
    CMP_2022_ITEM,
    CMP_CONTINUATIONS,
    CMP_LINES,
    REALISASI_LINES,
    RENSTRA_CONTINUATIONS,
    RENSTRA_LINES,
    RENSTRA_VALUES_OF_PROGRAM,
    ROWS,
    Row,
)
from .lakip_text import (
    SOURCE_FILE,
    T_ANGGARAN,
    T_PERBANDINGAN,
    T_REALISASI,
    T_RENSTRA,
    cells,
    joined,
    line,
    same_text,
)

NOMENCLATURE_VERSION = "kmdn050-5889-2021"
URUSAN_KEY = "urusan:1"
SERAPAN_LINE = 1589  # "... terealisasi sebesar Rp 4.825.424.420 ,- atau sebesar 94,74 %"
PENUTUP_CAPAIAN_LINE = 1601  # "Dari indikator kinerja sasaran yang di ukur (94,74 %) ..."


def item_key(row: Row) -> str:
    """Stable key of a row's item: level and code, or level and row number when no code."""
    return f"{row.level}:{row.code}" if row.code else f"{row.level}:lakip-row-{row.no}"


@dataclass
class _Item:
    """What the tables print about one row, gathered before freezing into an ItemSpec."""

    row: Row
    parent_key: str
    name: str = ""
    source: SourceRef | None = None
    responsible_unit: str | None = None
    indicator_text: str = ""
    target: TargetSpec | None = None
    # (extra name used when this printing differs from the first, printed, source)
    realisations_2023: list[tuple[str, str, SourceRef]] = field(default_factory=list)
    realisations_2022: list[RealisationSpec] = field(default_factory=list)
    budgets: list[BudgetSpec] = field(default_factory=list)
    extra: list[tuple[str, str]] = field(default_factory=list)

    def name_printing(self, table: str, number: int, printed: str) -> None:
        """Record that ``table`` prints this item at ``number``, and its name if it differs."""
        self.extra.append((f"{table}_line", str(number)))
        if printed and not same_text(printed, self.name):
            self.extra.append((f"{table}_name_printed", printed))


def _joined_rows(first: int, last: int, continuations: dict[int, int], width: int):
    """Non-blank rows of a table, wrapped rows joined cell by cell with their continuation."""
    skip = set(continuations.values())
    rows = {}
    for number in range(first, last + 1):
        if number in skip or not line(number).strip():
            continue
        row = cells(number, width)
        if number in continuations:
            more = cells(continuations[number], width)
            row = [joined(a, b) for a, b in zip(row, more)]
        rows[number] = row
    return rows


def realisation_rows() -> dict[int, tuple[int, list[str]]]:
    """The 3.2 realisation table by its printed NO: (line, 7 cells)."""
    found = {}
    for number in range(REALISASI_LINES[0], REALISASI_LINES[1] + 1):
        row = cells(number, 7)
        if row[0].isdigit():
            found[int(row[0])] = (number, row)
    return found


def cmp_rows() -> dict[int, list[str]]:
    """The 3.3 table (2022 | 2023 side by side), 6 cells per row, wrapped rows joined."""
    return _joined_rows(*CMP_LINES, CMP_CONTINUATIONS, 6)


def renstra_rows() -> dict[int, list[str]]:
    """Tabel 1.3, 5 cells per row, the wrapped row 749/751 joined."""
    return _joined_rows(*RENSTRA_LINES, RENSTRA_CONTINUATIONS, 5)


def _program_of() -> dict[int, int]:
    programs, current = {}, None
    for row in ROWS:
        if row.level == "program":
            current = row.no
        programs[row.no] = current
    return programs


def _parents() -> dict[int, str]:
    parents, program, kegiatan = {}, None, None
    for row in ROWS:
        if row.level == "program":
            program, parents[row.no] = row, URUSAN_KEY
        elif row.level == "kegiatan":
            kegiatan, parents[row.no] = row, item_key(program)
        else:
            parents[row.no] = item_key(kegiatan)
    return parents


def _gather() -> dict[int, _Item]:
    """Every row's printings, table by table, in document order."""
    parents = _parents()
    items = {row.no: _Item(row, parents[row.no]) for row in ROWS}
    _from_realisasi(items)
    _from_perbandingan(items)
    _from_tabel_13(items)
    _from_tabel_32(items)
    return items


def _from_realisasi(items: dict[int, _Item]) -> None:
    """3.2 realisation table: the first printing (name, indicator, target, realisation)."""
    found = realisation_rows()
    if sorted(found) != [row.no for row in ROWS]:
        raise ValueError("3.2 realisation table: rows differ from the layout")
    for no, (number, (_, urusan, unit, name, indikator, target, real)) in found.items():
        item = items[no]
        ref = SourceRef(T_REALISASI, number, str(no))
        item.name, item.indicator_text, item.source = name, indikator, ref
        if unit:
            item.responsible_unit = unit  # printed once, on row 1: "Dinas Sosial"
        if urusan:
            item.extra.append(("urusan_printed", urusan))  # "1.6", row 1 only
        if target:
            item.target = TargetSpec(2023, target, source=ref)
        if real:
            item.realisations_2023.append(("realisasi_2023_printed", real, ref))


def _from_perbandingan(items: dict[int, _Item]) -> None:
    """3.3 table: 2023 side (names, realisation of the kegiatan/sub kegiatan cell) and 2022
    side (the 2022 realisation of the 2023 item each 2022 row reports on)."""
    cmp = cmp_rows()
    for row in ROWS:
        if row.cmp_line is None:
            continue
        c = cmp[row.cmp_line]
        item = items[row.no]
        if row.level == "program":
            item.name_printing("perbandingan_2023", row.cmp_line, c[3])
            continue
        item.name_printing("perbandingan_2023", row.cmp_line, c[4])
        if c[5]:
            ref = SourceRef(T_PERBANDINGAN, row.cmp_line, c[4])
            item.realisations_2023.append(("perbandingan_2023_realisasi_printed", c[5], ref))
    program_of = _program_of()
    for number, no in CMP_2022_ITEM.items():
        if no is None:
            continue
        program_22, name_22, real_22 = cmp[number][:3]
        item = items[no]
        item.extra += [("perbandingan_2022_line", str(number)), ("perbandingan_2022_name_printed", name_22)]
        if real_22:
            ref = SourceRef(T_PERBANDINGAN, number, name_22)
            item.realisations_2022.append(RealisationSpec(2022, real_22, source=ref))
        if program_22:
            items[program_of[no]].extra += [
                ("perbandingan_2022_line", str(number)),
                ("perbandingan_2022_name_printed", program_22),
            ]


def _from_tabel_13(items: dict[int, _Item]) -> None:
    """Tabel 1.3: names; the realisation and Renstra columns go to the row's owner (the
    program for the rows of RENSTRA_VALUES_OF_PROGRAM, else the kegiatan/sub kegiatan)."""
    t13 = renstra_rows()
    for row in ROWS:
        if row.renstra_line is None:
            continue
        c = t13[row.renstra_line]
        item = items[row.no]
        item.name_printing("tabel_1.3", row.renstra_line, c[0] if row.level == "program" else c[1])
        owner = RENSTRA_VALUES_OF_PROGRAM.get(row.renstra_line)
        gets_values = row.no == owner if owner is not None else row.level != "program"
        if not gets_values:
            continue
        if c[2]:
            ref = SourceRef(T_RENSTRA, row.renstra_line, c[1])
            item.realisations_2023.append(("tabel_1.3_realisasi_2023_printed", c[2], ref))
        if c[3]:
            item.extra.append(("tabel_1.3_target_renstra_2023_printed", c[3]))
        if c[4]:
            item.extra.append(("tabel_1.3_realisasi_renstra_2023_printed", c[4]))


def _from_tabel_32(items: dict[int, _Item]) -> None:
    """Tabel 3.2: names and the anggaran/realisasi of each program, kegiatan, sub kegiatan."""
    by_line = {r.line: r for r in budget_rows()}
    for row in ROWS:
        if row.budget_line is None:
            continue
        budget = by_line[row.budget_line]
        item = items[row.no]
        item.name_printing("tabel_3.2", row.budget_line, budget.name)
        item.budgets += _budgets(budget)


def _budgets(budget) -> list[BudgetSpec]:
    ref = SourceRef(T_ANGGARAN, budget.line, budget.name or None)
    found = [BudgetSpec(2023, "anggaran", budget.anggaran, source=ref)]
    if budget.realisasi is not None:
        found.append(BudgetSpec(2023, "realisasi", budget.realisasi, source=ref))
    return found


def _freeze(item: _Item) -> ItemSpec:
    """The ItemSpec of a gathered row: the first printing of the 2023 realisation is the
    value, later printings that say otherwise become extras."""
    row = item.row
    extra = list(item.extra)
    realisations: list[RealisationSpec] = []
    if item.realisations_2023:
        _, first, ref = item.realisations_2023[0]
        realisations.append(RealisationSpec(2023, first, source=ref))
        for extra_name, printed, _ in item.realisations_2023[1:]:
            if not same_text(printed, first):
                extra.append((extra_name, printed))
    realisations += item.realisations_2022
    indicators = ()
    if item.indicator_text:
        indicators = (IndicatorSpec(
            text=item.indicator_text,
            targets=(item.target,) if item.target else (),
            realisations=tuple(realisations),
            source=item.source,
        ),)
    else:
        # No indicator printed (rows 33, 34, 50): keep any value printed for it as text.
        if item.target:
            extra.append(("target_2023_printed", item.target.printed))
        for spec in realisations:
            extra.append((f"realisasi_{spec.year}_printed", spec.printed))
            extra.append((f"realisasi_{spec.year}_line", str(spec.source.line)))
    extra.append(("code_note", "no code printed in the LAKIP; " + row.code_source))
    return ItemSpec(
        key=item_key(row),
        level=row.level,
        name=item.name,
        parent_key=item.parent_key,
        printed_code=None,
        code=row.code,
        responsible_unit=item.responsible_unit,
        indicators=indicators,
        budgets=tuple(item.budgets),
        source=item.source,
        extra=tuple(extra),
    )


def rekening_key(number: int) -> str:
    """Key of the account line printed at Tabel 3.2 line ``number``."""
    return f"rekening:{number}"


def _urusan_item() -> ItemSpec:
    rows = {r.line: r for r in budget_rows()}
    urusan, total = rows[URUSAN_LINE], rows[TOTAL_LINE]
    serapan = line(SERAPAN_LINE).rsplit("sebesar", 1)[1].strip()  # "94,74 %"
    return ItemSpec(
        key=URUSAN_KEY,
        level="urusan",
        name=urusan.name,
        code="1",
        budgets=tuple(_budgets(urusan)),
        source=SourceRef(T_ANGGARAN, URUSAN_LINE, urusan.name),
        extra=(
            ("tabel_3.2_total_line", str(TOTAL_LINE)),
            ("tabel_3.2_total_anggaran_printed", total.anggaran),
            ("tabel_3.2_total_realisasi_printed", total.realisasi or ""),
            ("serapan_printed", serapan),
            ("serapan_line", str(SERAPAN_LINE)),
            ("penutup_capaian_printed", "94,74 %"),  # line 1601 calls it the sasaran's capaian
            ("penutup_capaian_line", str(PENUTUP_CAPAIAN_LINE)),
            ("tabel_3.2_column_4_header_printed", "Rencana"),  # line 909; the column is the realisation
            ("code_note", "no code printed; urusan 1 (wajib, pelayanan dasar) by its printed name"),
        ),
    )


def _rekening_items(sub_kegiatan_keys: dict[int, str]) -> dict[int, list[ItemSpec]]:
    """Account lines grouped by the line of the sub kegiatan they are printed under."""
    by_sub: dict[int, list[ItemSpec]] = {}
    owner: dict[int, int] = {}
    for r in budget_rows():
        if r.kind != "rekening":
            continue
        if r.parent_line in sub_kegiatan_keys:
            owner[r.line], parent_key = r.parent_line, sub_kegiatan_keys[r.parent_line]
        else:
            owner[r.line], parent_key = owner[r.parent_line], rekening_key(r.parent_line)
        extra = [("rekening_level", ACCOUNT_LEVELS[r.depth])]
        if r.realisasi is None:
            extra.append(("tabel_3.2_note", "only the anggaran column is printed on this line"))
        by_sub.setdefault(owner[r.line], []).append(ItemSpec(
            key=rekening_key(r.line),
            level="rekening",
            name=r.name,
            parent_key=parent_key,
            budgets=tuple(_budgets(r)),
            source=SourceRef(T_ANGGARAN, r.line, r.name),
            extra=tuple(extra),
        ))
    return by_sub


def _cmp_table() -> TableSpec:
    columns = ("PROGRAM 2022", "Kegiatan/subkegiatan 2022", "Realisasi Kinerja Tahun 2022",
               "PROGRAM 2023", "Kegiatan/subkegiatan 2023", "Realisasi Kinerja Tahun 2023")
    rows = tuple((tuple(c), SourceRef(T_PERBANDINGAN, number, c[1] or c[4] or None))
                 for number, c in cmp_rows().items())
    return TableSpec("perbandingan-2022-2023", "Perbandingan Realisasi Kinerja Tahun 2022 dengan Tahun 2023",
                     columns, rows)


def _renstra_table() -> TableSpec:
    columns = ("PROGRAM", "KEGIATAN", "REALISASI KINERJA TAHUN 2023",
               "TARGET KINERJA PADA RENSTRA TAHUN 2023", "REALISASI RENSTRA TAHUN 2023")
    rows = tuple((tuple(c), SourceRef(T_RENSTRA, number, c[1] or None)) for number, c in renstra_rows().items())
    return TableSpec("tabel-1.3", "Tabel 1.3 Perbandingan Realisasi Kinerja Tahun 2023 Dengan Renstra", columns, rows)


def lakip_items() -> tuple[ItemSpec, ...]:
    """All items of the LAKIP 2023 in document order (account lines after their sub kegiatan)."""
    gathered = _gather()
    subs = {row.budget_line: item_key(row) for row in ROWS if row.level == "sub_kegiatan" and row.budget_line}
    accounts = _rekening_items(subs)
    items = [*lakip_sasaran_items(), _urusan_item()]
    for row in ROWS:
        items.append(_freeze(gathered[row.no]))
        items += accounts.get(row.budget_line, [])
    return tuple(items)


@cache
def lakip_documents() -> tuple[DocumentSpec, ...]:
    """The Perjanjian Kinerja 2023 and the LAKIP 2023 of Dinas Sosial Kota Metro."""
    pk = DocumentSpec(
        key="pk-2023",
        type="pk",
        title="Perjanjian Kinerja Dinas Sosial Kota Metro Tahun 2023 (as printed in the LAKIP 2023)",
        source_file=SOURCE_FILE,
        number_style="id",
        year=2023,
        items=pk_items(),
        tables=pk_tables(),
        notes=(
            "Printed in the LAKIP 2023, Bab II.2 (line 466); no separate PK document was seeded.",
            "Line 463 says the PK covers 2024, but its target 91.5 % is the 2023 target "
            "(lines 443, 518) and the report is the LAKIP 2023: loaded as the PK 2023.",
            "Tabel 2.1 (line 429) prints the year header 2020-2024 one column left of the "
            "targets (2020 over 85,3%); the text at line 443 gives 2021 = 85,3%.",
        ),
    )
    lakip = DocumentSpec(
        key="lakip-2023",
        type="lakip",
        title="Laporan Kinerja Instansi Pemerintah (LAKIP) Dinas Sosial Kota Metro Tahun 2023",
        source_file=SOURCE_FILE,
        number_style="id",
        year=2023,
        nomenclature_version=NOMENCLATURE_VERSION,
        items=lakip_items(),
        tables=(*lakip_tables(), _cmp_table(), _renstra_table()),
        notes=(
            "The LAKIP prints no program/kegiatan/sub kegiatan codes; each item's code_note says "
            "where its code comes from.",
            "Line 694 cites 'Kemendagri No.050.5881 tahun 2021' (050-5889 meant).",
            "Tabel 3.2 column 4 is headed 'Rencana' (line 909) but holds the realisation "
            "(its total 4.825.424.420 is 'terealisasi' at line 1589). No % column is printed.",
            "Tabel 1.3 (lines 704-771) prints Rupiah amounts in its 'target kinerja pada Renstra' "
            "and 'realisasi Renstra' columns (Renstra 2023 pagu and realised spending).",
            "Line 1605 closes with 'Tahun 2022 Dinas Sosial Kabupaten Kuningan' (copied text).",
        ),
    )
    return pk, lakip
