"""XLSX rendering, read back with openpyxl."""

import io
from decimal import Decimal

import openpyxl
import pytest

from core.reports.layout import Column, Layout
from core.reports.rows import Row
from plugins.export_xlsx.render import render_xlsx, sheet_name


def open_sheet(data: bytes):
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert len(workbook.worksheets) == 1
    return workbook.worksheets[0]


@pytest.fixture
def sheet(layout, seed_rows, ident):
    return open_sheet(render_xlsx(layout, seed_rows, "id", ident, ("Dinas Sosial Kota Metro",)))


def test_title_merged_headers_and_numbering_row(sheet):
    assert sheet["A1"].value == "TABEL 6.1 RENCANA PROGRAM, KEGIATAN, SUB KEGIATAN DAN PENDANAAN"
    assert sheet["A2"].value == "Dinas Sosial Kota Metro"
    # Header rows 3-5 as seed 000 lines 1265-1267 print them; numbering row 6 (line 1268).
    assert {str(r) for r in sheet.merged_cells.ranges} == {
        "A3:A5", "B3:B5", "C3:C5", "D3:D5", "E3:P3", "Q3:Q5",
        "E4:F4", "G4:H4", "I4:J4", "K4:L4", "M4:N4", "O4:P4",
    }
    assert sheet["A3"].value == "KODE"
    assert sheet["E3"].value == "CAPAIAN KINERJA PROGRAM DAN KERANGKA PENDANAAN"
    assert sheet["E4"].value == "Tahun 1"
    assert sheet["O4"].value == "Kondisi Kinerja pada Akhir Periode RPJMD"
    assert [sheet.cell(5, c).value for c in range(5, 17)] == ["Target", "Rp"] * 6
    assert [sheet.cell(6, c).value for c in range(1, 18)] == list(range(1, 18))


def test_numbers_are_numbers_with_display_format(sheet):
    # seed 000 line 1320: Tahun 1 Rp 1.413.000.000, end-of-period Rp printed "-"
    assert sheet["A7"].value == "1.06.04"
    assert sheet["E7"].value == "70%"
    assert sheet["F7"].value == 1413000000
    assert isinstance(sheet["F7"].value, (int, float))
    assert sheet["F7"].number_format == "#,##0"
    assert sheet["F7"].alignment.horizontal == "right"
    assert sheet["P7"].value == "-"
    # seed 000 line 1322: Tahun 2 Rp 145.918.500
    assert sheet["H8"].value == 145918500
    assert sheet["H8"].number_format == "#,##0"
    assert sheet["B7"].alignment.wrap_text


def test_indentation_and_comments(sheet):
    assert sheet["B7"].alignment.indent == 0
    assert sheet["B8"].alignment.indent == 2
    assert sheet["C8"].alignment.indent == 0  # only the indent_key column
    assert sheet["P8"].comment.text == "printed, not computed"
    assert sheet["P7"].comment is None


def test_frozen_panes_print_titles_and_page_setup(sheet):
    assert sheet.freeze_panes == "A7"
    assert sheet.print_title_rows == "$3:$6"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.page_setup.paperSize == 14  # F4 (folio 8.5 x 13 in)
    assert sheet.column_dimensions["B"].width == pytest.approx(26, abs=1)


def test_portrait_a4_without_repeated_header(make_layout, seed_rows, ident):
    layout = make_layout(page="A4", orientation="portrait", repeat_header=False)
    sheet = open_sheet(render_xlsx(layout, seed_rows, "en", ident))
    assert sheet.page_setup.orientation == "portrait"
    assert sheet.page_setup.paperSize == 9
    assert sheet.print_title_rows is None
    assert sheet.freeze_panes == "A6"  # no title lines: headers in rows 2-4, numbering 5


def test_percent_decimal_totals_and_text_that_looks_like_a_formula(ident):
    layout = Layout(
        id="lakip:3.2/serapan",
        title="Serapan",
        columns=(
            Column("nama", "Nama"),
            Column("pagu", "Pagu", format="money"),
            Column("realisasi", "Realisasi", format="money"),
            Column("serapan", "Serapan", format="percent"),
            Column("n", "Jumlah", format="integer"),
            Column("d", "Nilai", format="decimal"),
        ),
        numbering_row=False,
    )
    rows = [
        Row({"nama": "=1+1", "pagu": 5, "realisasi": Decimal("4"),
             "serapan": Decimal("80"), "n": 13415, "d": Decimal("92.78")}),
        # seed 001 line 1589: 4.825.424.420 of 5.093.068.611 = 94,74 %
        Row({"nama": "Jumlah", "pagu": Decimal("5093068611"),
             "realisasi": Decimal("4825424420"), "serapan": Decimal("94.74")}, kind="total"),
    ]
    sheet = open_sheet(render_xlsx(layout, rows, "id", ident))
    assert sheet.title == "lakip_3.2_serapan"
    assert sheet.freeze_panes == "A3"
    assert sheet["A3"].value == "=1+1" and sheet["A3"].data_type == "s"
    assert sheet["D3"].value == pytest.approx(0.8)
    assert sheet["D3"].number_format == "0.00%"
    assert sheet["E3"].value == 13415 and sheet["E3"].number_format == "#,##0"
    assert sheet["F3"].value == pytest.approx(92.78) and sheet["F3"].number_format == "#,##0.00"
    assert sheet["B4"].value == 5093068611 and sheet["C4"].value == 4825424420
    assert sheet["D4"].value == pytest.approx(0.9474)
    assert sheet["A4"].font.b and not sheet["A3"].font.b
    assert sheet["E4"].value is None


def test_many_rows_and_formats_are_shared(layout, many_rows, ident):
    data = render_xlsx(layout, many_rows, "id", ident)
    sheet = open_sheet(data)
    assert sheet.max_row == 5 + 240
    # synthetic rule (conftest): program p has rp_n = p * 1_000_000 + n
    assert sheet["F6"].value == 1000001
    assert sheet.cell(5 + 240, 16).value == (30 * 1000 + 7) * 1000 + 6
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    assert len(workbook._cell_styles) < 40  # one style per distinct format, not per cell


def test_sheet_name_is_sanitised(make_layout):
    name = sheet_name(make_layout(id="a[b]:c*d?e/f\\g" + "x" * 40))
    assert name == "a_b__c_d_e_f_g" + "x" * 17  # 31 characters
