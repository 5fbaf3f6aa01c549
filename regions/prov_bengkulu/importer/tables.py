"""Side tables kept as printed: resources (Tabel 2.2-2.4), past performance, the cascading
table as a whole, and the printed yearly totals of Tabel 6.1 and Tabel 7.1."""

from __future__ import annotations

from core.specs import SourceRef, TableSpec

from .source import cells


def _table(key: str, title: str, header_lines: tuple[int, ...], first: int, last: int) -> TableSpec:
    """A table from header line(s) and every non-blank data line between ``first`` and ``last``."""
    header = [cells(ln) for ln in header_lines]
    width = max(len(h) for h in header)
    columns = tuple(
        " ".join(h[i] for h in header if i < len(h) and h[i]) or f"col {i + 1}" for i in range(width)
    )
    rows = tuple(
        (tuple(cells(ln)), SourceRef(title.split(":")[0], ln, cells(ln)[0] or None))
        for ln in range(first, last + 1)
        if any(cells(ln))
    )
    return TableSpec(key, title, columns, rows)


def resource_tables() -> tuple[TableSpec, ...]:
    """Tabel 2.2, the two tables numbered 2.3, Tabel 2.4 and the performance table (also 2.3)."""
    return (
        _table("tabel-2.2", "Tabel 2.2: Jumlah pegawai Dinas Sosial provinsi Bengkulu", (701, 702), 703, 712),
        _table("tabel-2.3-jabatan", "Tabel 2.3: Jumlah Jabatan Struktural dan fungsional", (717,), 718, 731),
        # Rows 26-59 of the sarana table are lost at the page break (line 765); rows 60-79
        # (lines 766-785) are printed with a different column layout.
        _table("tabel-2.3-sarana", "Tabel 2.3: Profil Sarana dan Prasarana Dinas Sosial Provinsi Bengkulu",
               (738, 739), 740, 785),
        _table("tabel-2.4", "Tabel 2.4: Pengawai yang telah mengikuti pelatihan pimpinan", (792,), 793, 796),
        _table("tabel-2.3-kinerja", "Tabel 2.3: Pencapaian Kinerja Pelayanan Dinas Sosial Provinsi Bengkulu",
               (808, 809), 810, 812),
    )


def cascading_table() -> TableSpec:
    """The cascading table (lines 995-1102) with every printed row's cells as printed."""
    return _table("tabel-cascading", "Tabel Cascading: Cascading Perangkat Daerah", (995,), 996, 1102)


#: Tabel 6.1 totals row (line 1326): the five yearly totals and the end-of-period total are
#: printed one cell left of the Rp. columns (cells 6, 8, 10, 12, 14, 16 instead of 7 ... 17).
TOTALS_61_CELLS = ((2022, 5), (2023, 7), (2024, 9), (2025, 11), (2026, 13), (None, 15))
TOTALS_71_CELLS = ((2022, 4), (2023, 6), (2024, 8), (2025, 10), (2026, 12), (None, 14))


def _totals(key: str, title: str, line: int, positions) -> TableSpec:
    row = cells(line)
    return TableSpec(
        key,
        title,
        ("tahun", "total Rp. (as printed)"),
        tuple(
            (("akhir periode" if year is None else str(year), row[index]), SourceRef(title, line, "total"))
            for year, index in positions
        ),
    )


def totals_tables() -> tuple[TableSpec, ...]:
    """The printed yearly totals of Tabel 6.1 (line 1326) and Tabel 7.1 (line 1358)."""
    return (
        _totals("tabel-6.1-totals", "Tabel 6.1", 1326, TOTALS_61_CELLS),
        _totals("tabel-7.1-totals", "Tabel 7.1", 1358, TOTALS_71_CELLS),
    )
