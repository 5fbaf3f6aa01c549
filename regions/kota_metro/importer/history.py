"""Side tables of the Renstra's chapter 2, carried as printed: Tabel 2.7 and Tabel 2.8.

Tabel 2.7 (service performance 2016-2020) is printed twice with different columns:
lines 901-910 (indicator, unit, yearly percentages) and lines 916-934 (Renstra targets and
realised achievement per year; the rows are separated by rule lines "--- -- ----" that
the conversion left, which are not rows). Tabel 2.8 (budget and realisation 2016-2020)
is one row, line 945.
"""

from __future__ import annotations

import re

from core.specs import SourceRef, TableSpec

from .source_text import cells, expect, line

YEARS = ("2016", "2017", "2018", "2019", "2020")
_RULE = re.compile(r"^[-\s]+$")


def _rows(table: str, first: int, last: int, width: int):
    rows = []
    for number in range(first, last + 1):
        text = line(number)
        if not text.strip() or _RULE.match(text):
            continue
        printed = tuple((cells(number) + [""] * width)[:width])
        rows.append((printed, SourceRef(table, number, printed[0])))
    return tuple(rows)


def tables() -> tuple[TableSpec, ...]:
    """Tabel 2.7 (both printings) and Tabel 2.8."""
    expect(896, "Tabel 2.7")
    expect(912, "Tabel 2.7")
    expect(938, "Tabel 2.8")
    return (
        TableSpec(
            key="tabel-2.7-printing-1",
            title="Tabel 2.7 Pencapaian Kinerja Pelayanan Perangkat Daerah Dinas Sosial Kota Metro "
            "Tahun 2016 s.d. 2020 (printing 1, lines 896-910)",
            columns=("no", "indikator", "satuan", *YEARS),
            rows=_rows("Tabel 2.7", 903, 910, 8),
        ),
        TableSpec(
            key="tabel-2.7-printing-2",
            title="Tabel 2.7 Pencapaian Kinerja Pelayanan Perangkat Daerah Dinas Sosial Kota Metro "
            "Tahun 2016 s.d 2020 (printing 2, lines 912-934)",
            columns=("no", "indikator", *(f"target_{y}" for y in YEARS), *(f"realisasi_{y}" for y in YEARS)),
            rows=_rows("Tabel 2.7", 919, 934, 12),
        ),
        TableSpec(
            key="tabel-2.8",
            title="Tabel 2.8 Anggaran dan Realisasi Pendanaan Pelayanan Dinas Sosial Kota Metro "
            "Tahun 2016 s.d. 2020 (lines 938-945)",
            columns=("uraian", *(f"anggaran_{y}" for y in YEARS), *(f"realisasi_{y}" for y in YEARS),
                     *(f"rasio_{y}" for y in YEARS)),
            rows=_rows("Tabel 2.8", 945, 945, 16),
        ),
    )
