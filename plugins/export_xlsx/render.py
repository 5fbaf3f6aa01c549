"""XLSX rendering of a report table with XlsxWriter.

Numbers are written as numbers (with a display format), printed text as text (never as a
formula: every cell goes through ``write_string``/``write_number``/``write_blank``). The
header is merged as the layout's column tree says, followed by the numbering row; panes
are frozen below it and it is repeated on every printed page. Cell formats are created
once per distinct (format, alignment, kind, indentation) and reused, never per cell.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Sequence

import xlsxwriter

from core.reports.formatting import xlsx_number_format, xlsx_value
from core.reports.headers import header_rows
from core.reports.layout import Layout, Translate
from core.reports.rows import Row

#: Excel's paper codes: 9 = A4, 5 = Legal, 14 = Folio 8.5 x 13 in (= F4, 215 x 330 mm).
PAPER_CODES = {"A4": 9, "F4": 14, "Legal": 5}

_BORDER = {"border": 1, "valign": "top"}
_INVALID_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")


def sheet_name(layout: Layout) -> str:
    """A valid worksheet name for the layout (Excel allows 31 characters, no ``[]:*?/\\``)."""
    return _INVALID_SHEET_CHARS.sub("_", layout.id)[:31] or "report"


class _Formats:
    """Cell formats of one workbook, created on first use and then reused.

    ``for_row`` answers the list of formats of a whole row (one per leaf column) for a row
    kind and indentation level, so the cell loop does no format work at all.
    """

    def __init__(self, workbook: xlsxwriter.Workbook, layout: Layout, locale: str):
        self.workbook = workbook
        self.locale = locale
        self.leaves = layout.leaves
        self.indent_key = layout.indent_key
        self.cells: dict[tuple, object] = {}
        self.rows: dict[tuple[str, int], list] = {}

    def cell(self, fmt: str, align: str, kind: str, indent: int):
        key = (fmt, align, kind, indent)
        cell_format = self.cells.get(key)
        if cell_format is None:
            props = dict(_BORDER, align=align)
            number_format = xlsx_number_format(fmt, self.locale)
            if number_format:
                props["num_format"] = number_format
            else:
                props["text_wrap"] = True
            if indent:
                props["indent"] = indent
            if kind != "data":
                props["bold"] = True
            if kind == "total":
                props["top"] = 2
            cell_format = self.cells[key] = self.workbook.add_format(props)
        return cell_format

    def for_row(self, kind: str, level: int) -> list:
        formats = self.rows.get((kind, level))
        if formats is None:
            formats = self.rows[kind, level] = [
                self.cell(
                    column.format,
                    column.effective_align,
                    kind,
                    level if column.key == self.indent_key else 0,
                )
                for column in self.leaves
            ]
        return formats


def _write_header(sheet, workbook, layout: Layout, translate: Translate, first_row: int) -> int:
    """Write the merged header rows and the numbering row; return the first body row."""
    header_format = workbook.add_format(
        dict(_BORDER, bold=True, align="center", valign="vcenter", text_wrap=True,
             bg_color="#D9D9D9")
    )
    headers = header_rows(layout.columns)
    for r, header_row in enumerate(headers, start=first_row):
        for cell in header_row:
            label = translate(cell.label)
            if cell.rowspan == 1 and cell.colspan == 1:
                sheet.write_string(r, cell.col, label, header_format)
            else:
                last_row, last_col = r + cell.rowspan - 1, cell.col + cell.colspan - 1
                sheet.merge_range(r, cell.col, last_row, last_col, label, header_format)
    next_row = first_row + len(headers)
    if layout.numbering_row:
        numbering_format = workbook.add_format(dict(_BORDER, align="center"))
        for c in range(len(layout.leaves)):
            sheet.write_number(next_row, c, c + 1, numbering_format)
        next_row += 1
    return next_row


def _set_up_page(sheet, layout: Layout, first_header_row: int, first_body_row: int) -> None:
    """Column widths, frozen panes, print titles, paper and orientation."""
    for c, column in enumerate(layout.leaves):
        sheet.set_column(c, c, column.effective_width)
    sheet.freeze_panes(first_body_row, 0)
    if layout.repeat_header:
        sheet.repeat_rows(first_header_row, first_body_row - 1)
    if layout.orientation == "landscape":
        sheet.set_landscape()
    else:
        sheet.set_portrait()
    sheet.set_paper(PAPER_CODES[layout.page])
    sheet.fit_to_pages(1, 0)  # all columns on the page width, as many pages as it takes
    sheet.set_margins(left=0.3, right=0.3, top=0.4, bottom=0.5)
    sheet.set_footer("&R&P / &N")


def _write_rows(sheet, formats: _Formats, layout: Layout, rows: Iterable[Row], r: int) -> int:
    """Write the body rows from row ``r``; return the row after the last one."""
    columns = [(c, column.key, column.format) for c, column in enumerate(layout.leaves)]
    write_number, write_string = sheet.write_number, sheet.write_string
    write_blank, write_comment = sheet.write_blank, sheet.write_comment
    for row in rows:
        values, notes = row.values, row.notes
        for (c, key, fmt), cell_format in zip(columns, formats.for_row(row.kind, row.level)):
            value = values.get(key)
            if value is None:
                write_blank(r, c, None, cell_format)
            elif isinstance(value, str):
                write_string(r, c, value, cell_format)
            elif fmt == "text":
                write_string(r, c, str(value), cell_format)
            else:
                write_number(r, c, xlsx_value(value, fmt), cell_format)
            if notes and key in notes:
                write_comment(r, c, notes[key])
        r += 1
    return r


def render_xlsx(
    layout: Layout,
    rows: Iterable[Row],
    locale: str,
    translate: Translate,
    title_lines: Sequence[str] = (),
) -> bytes:
    """The report as an XLSX workbook with one worksheet; returns the file's bytes.

    The sheet starts with the translated title and ``title_lines``, then the merged header
    rows and the numbering row; notes become cell comments.
    """
    output = io.BytesIO()
    workbook = xlsxwriter.Workbook(output, {"in_memory": True})
    sheet = workbook.add_worksheet(sheet_name(layout))

    title_format = workbook.add_format({"bold": True, "font_size": 12})
    sheet.write_string(0, 0, translate(layout.title), title_format)
    for i, line in enumerate(title_lines, start=1):
        sheet.write_string(i, 0, line)
    first_header_row = 1 + len(title_lines)
    first_body_row = _write_header(sheet, workbook, layout, translate, first_header_row)
    _set_up_page(sheet, layout, first_header_row, first_body_row)
    end = _write_rows(sheet, _Formats(workbook, layout, locale), layout, rows, first_body_row)
    # The print area is the table: long title lines may not widen the printed page.
    sheet.print_area(0, 0, max(end, first_body_row) - 1, len(layout.leaves) - 1)
    workbook.close()
    return output.getvalue()
