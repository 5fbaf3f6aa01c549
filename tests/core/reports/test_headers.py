"""header_rows: merged header cells computed from column trees, spans checked by hand."""

from core.reports.headers import HeaderCell, header_rows, leaf_columns
from core.reports.layout import Column


def cells(row):
    return [(c.label, c.rowspan, c.colspan, c.column_key, c.col) for c in row]


def test_flat_columns_give_one_row():
    rows = header_rows((Column("a", "A"), Column("b", "B")))
    assert rows == [[HeaderCell("A", 1, 1, "a", 0), HeaderCell("B", 1, 1, "b", 1)]]


def test_uneven_tree():
    # A | B         | G
    #   | C | D     |
    #   |   | E | F |
    columns = (
        Column("a", "A"),
        Column("b", "B", children=(
            Column("c", "C"),
            Column("d", "D", children=(Column("e", "E"), Column("f", "F"))),
        )),
        Column("g", "G"),
    )
    rows = header_rows(columns)
    assert [cells(r) for r in rows] == [
        [("A", 3, 1, "a", 0), ("B", 1, 3, None, 1), ("G", 3, 1, "g", 4)],
        [("C", 2, 1, "c", 1), ("D", 1, 2, None, 2)],
        [("E", 1, 1, "e", 2), ("F", 1, 1, "f", 3)],
    ]
    assert [c.key for c in leaf_columns(columns)] == ["a", "c", "e", "f", "g"]


def test_tabel_6_1_header_matches_the_printed_one(layout):
    # Seed 000 lines 1265-1267: KODE, MISI/..., INDIKATOR, KONDISI AWAL span the three
    # header rows; CAPAIAN spans the 12 year/end columns; each Tahun n spans Target + Rp.
    rows = header_rows(layout.columns)
    assert len(rows) == 3
    assert cells(rows[0]) == [
        ("KODE", 3, 1, "kode", 0),
        ("MISI/TUJUAN/SASARAN/PROGRAM PEMBANGUNAN DAERAH", 3, 1, "nama", 1),
        ("INDIKATOR KINERJA (tujuan/impact/outcome)", 3, 1, "indikator", 2),
        ("KONDISI KINERJA AWAL RPJMD (Tahun 0)", 3, 1, "kondisi_awal", 3),
        ("CAPAIAN KINERJA PROGRAM DAN KERANGKA PENDANAAN", 1, 12, None, 4),
        ("PERANGKAT DAERAH PENANGGUNG JAWAB", 3, 1, "penanggung_jawab", 16),
    ]
    assert cells(rows[1]) == [
        ("Tahun 1", 1, 2, None, 4), ("Tahun 2", 1, 2, None, 6), ("Tahun 3", 1, 2, None, 8),
        ("Tahun 4", 1, 2, None, 10), ("Tahun 5", 1, 2, None, 12),
        ("Kondisi Kinerja pada Akhir Periode RPJMD", 1, 2, None, 14),
    ]
    assert [c.label for c in rows[2]] == ["Target", "Rp"] * 6
    assert [c.column_key for c in rows[2]][:2] == ["target_1", "rp_1"]
    assert [c.column_key for c in rows[2]][-2:] == ["target_akhir", "rp_akhir"]
    assert [c.col for c in rows[2]] == list(range(4, 16))
    # Seed line 1268 numbers 17 columns.
    assert len(leaf_columns(layout.columns)) == 17


def test_every_leaf_column_is_covered_exactly_once_per_header_row(layout):
    rows = header_rows(layout.columns)
    grid = [[0] * 17 for _ in rows]
    for r, row in enumerate(rows):
        for cell in row:
            for dr in range(cell.rowspan):
                for dc in range(cell.colspan):
                    grid[r + dr][cell.col + dc] += 1
    assert all(count == 1 for line in grid for count in line)


def test_empty_columns_give_no_rows():
    assert header_rows(()) == []
