"""The LAKIP 2023's tujuan, sasaran and IKU: Tabel 2.1, the Perjanjian Kinerja, the sasaran
targets of 3.1, the IKU computation of 3.5, and the predicate scale Tabel 3.1.
"""

from __future__ import annotations

import re

from core.specs import (
    IndicatorSpec,
    ItemSpec,
    RealisationSpec,
    SourceRef,
    TableSpec,
    TargetSpec,
)

from .lakip_text import (
    T_IKU,
    T_IKU_21,
    T_PK,
    T_SASARAN,
    T_SKALA,
    cells,
    line,
    same_text,
)

TABEL_21_LINE = 427  # NO, tujuan, sasaran, indikator, formula
TABEL_21_TARGET_LINE = 431  # tujuan, indikator tujuan, sasaran, indikator, awal, 5 targets, akhir
PK_LINE = 466
PK_YEAR_TEXT_LINE = 463  # "Dokumen perjanjian kinerja tahun 2024 ..."
SASARAN_LINE = 518
SASARAN_FIRST_YEAR = 2021  # "TAHUN KE-" 1..6 = 2021..2026, as the text at line 443 states
IKU_LINE = 779
IKU_ROWS = (782, 815)
IKU_FORMULA_LINE = 827
IKU_DENOMINATOR_TEXT_LINE = 823
RENSTRA_PPKS_TEXT_LINE = 833
SKALA_ROWS = (487, 491)

#: The formula as printed (LaTeX) at lines 427 and 522, written out.
FORMULA = "Jumlah PPKS Yang Ditangani / Jumlah PPKS x 100%"

TUJUAN_KEY = "tujuan:1"
SASARAN_KEY = "sasaran:1"


def _table(key: str, title: str, columns: tuple[str, ...], table: str, lines) -> TableSpec:
    """A TableSpec of the non-blank rows at ``lines``, cells as printed, padded to the columns."""
    rows = []
    for number in lines:
        if not line(number).strip():
            continue
        row = cells(number, len(columns))
        rows.append((tuple(row), SourceRef(table, number, row[0] or None)))
    return TableSpec(key, title, columns, tuple(rows))


def pk_items() -> tuple[ItemSpec, ...]:
    """Tujuan and sasaran of the Perjanjian Kinerja (line 466) with the IKU's 2023 target."""
    no, sasaran, indikator, target = cells(PK_LINE, 4)
    _, tujuan, sasaran_21, _, _, indikator_21 = cells(TABEL_21_LINE, 11)[:6]
    t = cells(TABEL_21_TARGET_LINE, 11)
    extra = [
        ("pk_text_year_printed", "2024"),  # line 463 says the PK covers 2024; target = 2023's
        ("pk_text_year_line", str(PK_YEAR_TEXT_LINE)),
        ("tabel_2.1_line", str(TABEL_21_LINE)),
    ]
    if not same_text(sasaran_21, sasaran):
        extra.append(("tabel_2.1_sasaran_printed", sasaran_21))
    if not same_text(indikator_21, indikator):
        extra.append(("tabel_2.1_indikator_printed", indikator_21))
    extra += [
        ("tabel_2.1_target_line", str(TABEL_21_TARGET_LINE)),
        ("tabel_2.1_target_sasaran_printed", t[2]),
        ("tabel_2.1_target_indikator_printed", t[3]),
    ]
    indicator = IndicatorSpec(
        text=indikator,
        baseline=t[4],
        end_target=t[10],
        targets=(TargetSpec(2023, target, source=SourceRef(T_PK, PK_LINE, no)),),
        formula=FORMULA,
        source=SourceRef(T_PK, PK_LINE, no),
    )
    return (
        ItemSpec(
            key=TUJUAN_KEY,
            level="tujuan",
            name=tujuan,
            source=SourceRef(T_IKU_21, TABEL_21_LINE, "1."),
            extra=(("tabel_2.1_target_tujuan_printed", t[0]), ("tabel_2.1_target_indikator_tujuan_printed", t[1])),
        ),
        ItemSpec(
            key=SASARAN_KEY,
            level="sasaran",
            name=sasaran,
            parent_key=TUJUAN_KEY,
            indicators=(indicator,),
            source=SourceRef(T_PK, PK_LINE, no),
            extra=tuple(extra),
        ),
    )


def pk_tables() -> tuple[TableSpec, ...]:
    """Tabel 2.1 as printed: the formula row (line 427) and the target row (line 431)."""
    return (
        _table(
            "tabel-2.1",
            "Tabel 2.1 Indikator Kinerja Utama Tahun 2021-2026",
            ("NO", "TUJUAN", "SASARAN", "", "", "INDIKATOR SASARAN", "PENGUKURAN", "", "", "", ""),
            T_IKU_21,
            (TABEL_21_LINE,),
        ),
        # The year header (line 429) stands one column left of the targets: 2020 over 85,3%.
        _table(
            "tabel-2.1-target",
            "Tabel 2.1 Indikator Kinerja Utama: target tahun ke- (header years as printed at line 429)",
            ("TUJUAN", "INDIKATOR TUJUAN", "SASARAN", "INDIKATOR SASARAN", "KONDISI AWAL",
             "2020", "2021", "2022", "2023", "2024", "KONDISI AKHIR"),
            T_IKU_21,
            (TABEL_21_TARGET_LINE,),
        ),
    )


def _iku_numbers() -> tuple[str, str, str]:
    """Numerator, denominator and result as printed in the formula at line 827."""
    text = line(IKU_FORMULA_LINE)
    match = re.search(r"\\frac\{([0-9.]+)\}\{([0-9.]+)\}.*?=\s*([0-9.,]+\\?%)", text)
    if not match:
        raise ValueError(f"line {IKU_FORMULA_LINE}: IKU computation not found")
    return match[1], match[2], match[3].replace("\\%", "%")


def lakip_sasaran_items() -> tuple[ItemSpec, ...]:
    """Tujuan and sasaran of the LAKIP (line 518), the IKU with its targets 2021-2026, its
    2023 realisation (line 779) and the IKU computation (lines 823-833) as extras."""
    row = cells(SASARAN_LINE, 10)
    no, tujuan, sasaran, indikator = row[:4]
    targets = tuple(
        TargetSpec(SASARAN_FIRST_YEAR + i, printed, source=SourceRef(T_SASARAN, SASARAN_LINE, no))
        for i, printed in enumerate(row[4:10])
    )
    iku = cells(IKU_LINE, 7)
    numerator, denominator, result = _iku_numbers()
    denominator_text = re.search(r"sebesar ([0-9]+(?:\.[0-9]{3})*)", line(IKU_DENOMINATOR_TEXT_LINE))[1]
    renstra_ppks = re.search(r"sebesar ([0-9.]+) PPKS", line(RENSTRA_PPKS_TEXT_LINE))[1]
    extra = [
        ("iku_line", str(IKU_LINE)),
        ("iku_target_2023_printed", iku[3]),
        ("iku_pagu_anggaran_2023_printed", iku[5]),
        ("iku_realisasi_pagu_anggaran_2023_printed", iku[6]),
        ("iku_numerator_printed", numerator),
        ("iku_denominator_printed", denominator),
        ("iku_result_printed", result),
        ("iku_formula_line", str(IKU_FORMULA_LINE)),
        ("iku_denominator_text_printed", denominator_text),
        ("iku_denominator_text_line", str(IKU_DENOMINATOR_TEXT_LINE)),
        ("renstra_initial_ppks_printed", renstra_ppks),
        ("renstra_initial_ppks_line", str(RENSTRA_PPKS_TEXT_LINE)),
    ]
    if not same_text(iku[1], indikator):
        extra.append(("iku_indikator_printed", iku[1]))
    indicator = IndicatorSpec(
        text=indikator,
        unit=iku[2],  # "Persen", printed in the IKU table (line 779)
        targets=targets,
        realisations=(RealisationSpec(2023, iku[4], source=SourceRef(T_IKU, IKU_LINE, iku[0])),),
        formula=FORMULA,
        source=SourceRef(T_SASARAN, SASARAN_LINE, no),
    )
    return (
        ItemSpec(key=TUJUAN_KEY, level="tujuan", name=tujuan, source=SourceRef(T_SASARAN, SASARAN_LINE, no)),
        ItemSpec(
            key=SASARAN_KEY,
            level="sasaran",
            name=sasaran,
            parent_key=TUJUAN_KEY,
            indicators=(indicator,),
            source=SourceRef(T_SASARAN, SASARAN_LINE, no),
            extra=tuple(extra),
        ),
    )


def lakip_tables() -> tuple[TableSpec, ...]:
    """Tabel 3.1 (predicate bands as printed) and the IKU computation (lines 782-815, 827)."""
    skala = _table(
        "tabel-3.1",
        "Tabel 3.1 Skala Nilai Peringkat Kerja",
        ("No", "Interval Nilai Realisasi Kinerja", "Kriteria Penilaian Realisasi Kinerja"),
        T_SKALA,
        range(SKALA_ROWS[0], SKALA_ROWS[1] + 1),
    )
    columns = ("NO", "ASPEK/FOKUS/BIDANG URUSAN/INDIKATOR KINERJA PEMBANGUNAN DAERAH", "REALISASI")
    rows = []
    for number in range(IKU_ROWS[0], IKU_ROWS[1] + 1):
        if not line(number).strip():
            continue
        # Lines 798-815 print the count in the 7th cell (five empty cells before it).
        found = cells(number)
        no, text = found[0], found[1]
        counts = [c for c in found[2:] if c]
        if len(counts) > 1:
            raise ValueError(f"IKU table line {number}: several counts {counts!r}")
        rows.append(((no, text, counts[0] if counts else ""), SourceRef(T_IKU, number, no or None)))
    numerator, denominator, result = _iku_numbers()
    for label, printed in (
        ("jumlah PPKS yang di tangani", numerator),
        ("jumlah PPKS", denominator),
        ("PPKS (jumlah PPKS yang di tangani / jumlah PPKS x 100%)", result),
    ):
        rows.append((("", label, printed), SourceRef(T_IKU, IKU_FORMULA_LINE, label)))
    iku = TableSpec("iku-computation", "Capaian Indikator Kinerja Utama (IKU) Tahun 2023: perhitungan",
                    columns, tuple(rows))
    capaian = _table(
        "iku-2023",
        "Capaian Indikator Kinerja Utama (IKU) Tahun 2023 Dinas Sosial Kota Metro",
        ("NO", "INDIKATOR SASARAN", "SATUAN", "2023 TARGET", "2023 REALISASASI",
         "Pagu anggaran 2023", "Realisasi Pagu Anggaran 2023"),
        T_IKU,
        (IKU_LINE,),
    )
    return skala, capaian, iku
