"""PDF rendering of a report table with ReportLab.

The same header computation as every renderer (:func:`core.reports.headers.header_rows`)
gives the merged header cells; they and the numbering row repeat on every page. A group of
rows (a program with its kegiatan) is kept on one page when it fits (``NOSPLIT``). The
bundled font is embedded, so a closed network prints the same page as anywhere.

ReportLab lays out a table row by row; WeasyPrint, used before, laid out the HTML page at
about half a second per page, too slow for a region's Tabel 6.1 (13 pages in 7 s).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from functools import lru_cache
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas as pdfcanvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

from core.reports.formatting import format_value
from core.reports.headers import header_rows
from core.reports.html import FONTS_DIR
from core.reports.layout import Layout, Translate
from core.reports.rows import Row, iter_groups

FONT, BOLD = "Pelita-Sans", "Pelita-Sans-Bold"
BODY_SIZE, HEAD_SIZE = 6.5, 6.5
#: Indentation per level of the indented column, in points.
INDENT_PT = 7
MARGINS_MM = (8, 10, 8, 12)  # left, top, right, bottom
GRID = colors.HexColor("#6b7280")
HEADER_FILL = colors.HexColor("#eef2f6")


@lru_cache(maxsize=None)
def _register_fonts() -> None:
    from reportlab import rl_config

    pdfmetrics.registerFont(TTFont(FONT, str(FONTS_DIR / "DejaVuSansCondensed.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, str(FONTS_DIR / "DejaVuSansCondensed-Bold.ttf")))
    rl_config.canvas_basefontname = FONT  # every canvas starts in the bundled font, not Helvetica


@lru_cache(maxsize=None)
def _style(kind: str, level: int = 0) -> ParagraphStyle:
    bold = kind in ("head", "total", "subtotal", "title")
    align = {"head": TA_CENTER, "num": TA_RIGHT, "title": TA_LEFT}.get(kind, TA_LEFT)
    size = 9 if kind == "title" else (HEAD_SIZE if kind == "head" else BODY_SIZE)
    return ParagraphStyle(f"{kind}-{level}", fontName=BOLD if bold else FONT, fontSize=size,
                          leading=size * 1.2, alignment=align, leftIndent=level * INDENT_PT)


class _NumberedCanvas(pdfcanvas.Canvas):
    """Writes ``page / pages`` at the foot of every page once the page count is known."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initialFontName", FONT)  # no built-in Helvetica in the file
        super().__init__(*args, **kwargs)
        self._pages = []

    def showPage(self):  # noqa: N802 - ReportLab's name
        self._pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        total = len(self._pages)
        for state in self._pages:
            self.__dict__.update(state)
            width, _height = self._pagesize
            self.setFont(FONT, 7)
            self.drawRightString(width - MARGINS_MM[2] * mm, 5 * mm, f"{self._pageNumber} / {total}")
            super().showPage()
        super().save()


def render_pdf(
    layout: Layout,
    rows: Iterable[Row],
    locale: str,
    translate: Translate,
    title_lines: Sequence[str] = (),
) -> bytes:
    """The report as PDF bytes, on the layout's paper size and orientation."""
    _register_fonts()
    leaves = list(layout.leaves)
    data: list[list[object]] = []
    commands: list[tuple] = [
        ("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE),
        ("GRID", (0, 0), (-1, -1), 0.4, GRID), ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for r, cells in enumerate(header_rows(layout.columns)):
        line: list[object] = [""] * len(leaves)
        for cell in cells:
            line[cell.col] = Paragraph(escape(translate(cell.label)), _style("head"))
            if cell.rowspan > 1 or cell.colspan > 1:
                commands.append(("SPAN", (cell.col, r), (cell.col + cell.colspan - 1, r + cell.rowspan - 1)))
        data.append(line)
    if layout.numbering_row:
        data.append([str(i) for i in range(1, len(leaves) + 1)])
        commands.append(("ALIGN", (0, len(data) - 1), (-1, len(data) - 1), "CENTER"))
    header_count = len(data)
    commands += [("BACKGROUND", (0, 0), (-1, header_count - 1), HEADER_FILL),
                 ("VALIGN", (0, 0), (-1, header_count - 1), "MIDDLE")]
    numeric = [c.is_numeric for c in leaves]
    for key, group in iter_groups(rows, layout.group_by):
        start = len(data)
        for row in group:
            kind = row.kind if row.kind in ("total", "subtotal") else "body"
            line = []
            for column, is_numeric in zip(leaves, numeric):
                text = format_value(row.values.get(column.key), column.format, locale)
                if is_numeric:
                    line.append(text)  # a number never wraps
                else:
                    level = row.level if column.key == layout.indent_key else 0
                    line.append(Paragraph(escape(text), _style(kind, level)) if text else "")
            data.append(line)
            if kind != "body":
                commands.append(("FONTNAME", (0, len(data) - 1), (-1, len(data) - 1), BOLD))
        for c, is_numeric in enumerate(numeric):
            if is_numeric:
                commands.append(("ALIGN", (c, start), (c, len(data) - 1), "RIGHT"))
        if key is not None and len(data) - 1 > start:
            commands.append(("NOSPLIT", (0, start), (-1, len(data) - 1)))
    width_mm, height_mm = layout.page_size_mm
    left, top, right, bottom = MARGINS_MM
    usable = (width_mm - left - right) * mm
    weights = [c.effective_width for c in leaves]
    col_widths = [usable * w / sum(weights) for w in weights]
    table = Table(data, colWidths=col_widths, repeatRows=header_count if layout.repeat_header else 0,
                  splitByRow=1)
    table.setStyle(TableStyle(commands))
    story = [Paragraph(escape(translate(layout.title)), _style("title"))]
    story += [Paragraph(escape(line), _style("body")) for line in title_lines]
    story.append(table)
    buffer = io.BytesIO()
    document = SimpleDocTemplate(buffer, pagesize=(width_mm * mm, height_mm * mm), leftMargin=left * mm,
                                 rightMargin=right * mm, topMargin=top * mm, bottomMargin=bottom * mm,
                                 title=translate(layout.title), author="Pelita")
    document.build(story, canvasmaker=_NumberedCanvas)
    return buffer.getvalue()
