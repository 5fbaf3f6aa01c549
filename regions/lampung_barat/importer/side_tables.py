"""Tables of Bab II kept as printed: PMKS and PSKS counts 2017-2019 and the four SPM tables.

Each table is read from fixed line ranges; repeated page headers and blank lines inside a range
are skipped, and every other line must be a data row with the table's number of cells.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.specs import SourceRef, TableSpec

from .source_text import cells, is_blank


@dataclass(frozen=True)
class _Layout:
    key: str
    title: str
    columns: tuple[str, ...]
    data_lines: tuple[int, ...]
    header_lines: tuple[int, ...]


LAYOUTS = (
    _Layout(
        "pmks-2017-2019",
        "Data PMKS Kabupaten Lampung Barat (Orang)",
        ("No.", "PMKS", "2017", "2018", "2019"),
        (251, 252, 253, *range(257, 287)),
        (249, 250, 255, 256),
    ),
    _Layout(
        "psks-2017-2019",
        "Data Potensi Sumber Kesejahteraan Sosial (PSKS) (Org)",
        ("No.", "PSKS", "2017", "2018", "2019"),
        tuple(range(613, 625)),
        (611, 612),
    ),
    _Layout(
        "spm-realisasi-2019-ringkas",
        "Realisasi Pencapaian SPM Pelayanan Dasar Sosial Tahun 2019 (ringkas)",
        ("No", "Indikator", "Target Nasional", "Target Daerah", "Realisasi"),
        tuple(range(791, 796)),
        (789, 790),
    ),
    _Layout(
        "spm-nilai-nasional",
        "Indikator dan Nilai SPM serta Batas Waktu Pencapaian SPM Nasional",
        ("No", "Indikator", "Nilai %", "Batas Waktu Pencapaian (Tahun)",
         "Satuan Kerja/Lembaga Penanggung-Jawab"),
        (823, 824, 825, 826, 827, 832),
        (820, 821, 822, 829, 830, 831),
    ),
    _Layout(
        "spm-target-daerah",
        "Target Pencapaian SPM oleh Daerah",
        ("No", "Indikator", "Nilai (Nasional)", "Nilai (Daerah)", "Tahun",
         "Satuan Kerja/Lembaga Penanggung-Jawab"),
        (839, 840, 841, 846, 847, 848, 849),
        (836, 837, 838, 843, 844, 845),
    ),
    # The header of this table is wrapped over lines 855-859 ("Nasion" / "al" on 856/858).
    _Layout(
        "spm-realisasi-2019",
        "Realisasi Pencapaian SPM Pelayanan Dasar Sosial Tahun 2019",
        ("No", "Indikator", "Nilai Target Nasional", "Nilai Target Daerah", "Nilai (Realisasi)",
         "Tahun", "Satuan Kerja/Lembaga Penanggung-Jawab"),
        (860, 861, 862, 863, 865, 866, 867),
        (855, 856, 858, 859),
    ),
)


def _table(layout: _Layout) -> TableSpec:
    rows = []
    for number in layout.data_lines:
        row = cells(number)
        # PMKS/PSKS header cells leave a trailing tab; data rows never have more cells.
        if len(row) != len(layout.columns):
            raise ValueError(f"line {number}: {len(row)} cells, expected {len(layout.columns)}")
        rows.append((tuple(row), SourceRef(layout.title, number, f"{row[0]} {row[1]}")))
    return TableSpec(layout.key, layout.title, layout.columns, tuple(rows))


def tables() -> tuple[TableSpec, ...]:
    """All Bab II side tables, in document order."""
    return tuple(_table(layout) for layout in LAYOUTS)


def accounted_lines(layout: _Layout) -> set[int]:
    """Lines of a table's span that are data, header or blank (for completeness checks)."""
    return set(layout.data_lines) | set(layout.header_lines)


def span(layout: _Layout) -> range:
    """From the first header line to the last data line of a table."""
    return range(min(layout.header_lines), max(layout.data_lines) + 1)


def blank_lines(layout: _Layout) -> set[int]:
    """Blank lines inside a table's span."""
    return {n for n in span(layout) if is_blank(n)}
