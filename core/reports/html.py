"""HTML rendering of a report table: a ``<table>`` fragment, and a printable page around it.

The fragment is what a view embeds; the page is self-contained (its own CSS, ``@page``
paper size and the bundled font, no network) and is also the source of the PDF. Headers
come from :func:`core.reports.headers.header_rows`; each group of rows gets its own
``<tbody style="break-inside: avoid">`` so a page break never separates a group from
its first rows' labels.
"""

from __future__ import annotations

import base64
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from markupsafe import Markup, escape

from core.reports.formatting import format_value
from core.reports.headers import header_rows
from core.reports.layout import Layout, Translate
from core.reports.rows import Row, iter_groups

FONTS_DIR = Path(__file__).parent / "fonts"
FONT_FAMILY = "Pelita Sans"
#: The bundled font files (DejaVu Sans Condensed, Bitstream Vera licence: fonts/LICENSE.txt).
FONT_FILES = {"normal": "DejaVuSansCondensed.ttf", "bold": "DejaVuSansCondensed-Bold.ttf"}

#: Indentation per level of the ``indent_key`` column, in em.
INDENT_EM = 1.2

#: Styles of the table itself; the printable page adds the paper and the font.
TABLE_CSS = """\
table.pelita-report { border-collapse: collapse; width: 100%; table-layout: fixed; }
table.pelita-report caption { font-weight: bold; padding-bottom: 4pt; }
table.pelita-report caption .title-line { font-weight: normal; }
table.pelita-report th, table.pelita-report td {
  border: 0.5pt solid #000; padding: 1pt 2pt; vertical-align: top; overflow-wrap: break-word; }
table.pelita-report thead th {
  text-align: center; vertical-align: middle; font-weight: bold; font-size: 0.92em; }
table.pelita-report thead tr.numbering th { font-weight: normal; }
table.pelita-report tbody.group { break-inside: avoid; }
table.pelita-report tr { break-inside: avoid; }
table.pelita-report .align-right { text-align: right; white-space: nowrap; }
table.pelita-report .align-center { text-align: center; }
table.pelita-report .align-left { text-align: left; }
table.pelita-report tr.subtotal td, table.pelita-report tr.total td { font-weight: bold; }
table.pelita-report tr.total td { border-top: 1.5pt solid #000; }
table.pelita-report td[title] { text-decoration: underline dotted; cursor: help; }
"""


def _column_widths(layout: Layout) -> list[float]:
    widths = [column.effective_width for column in layout.leaves]
    total = sum(widths)
    return [round(100 * width / total, 3) for width in widths]


def _thead(layout: Layout, translate: Translate) -> str:
    parts = ["<thead>"]
    for header_row in header_rows(layout.columns):
        parts.append("<tr>")
        for cell in header_row:
            attrs = ' scope="col"' if cell.column_key else ' scope="colgroup"'
            if cell.rowspan > 1:
                attrs += f' rowspan="{cell.rowspan}"'
            if cell.colspan > 1:
                attrs += f' colspan="{cell.colspan}"'
            if cell.column_key:
                attrs += f' data-key="{escape(cell.column_key)}"'
            parts.append(f"<th{attrs}>{escape(translate(cell.label))}</th>")
        parts.append("</tr>")
    if layout.numbering_row:
        numbers = "".join(f"<th>{n}</th>" for n in range(1, len(layout.leaves) + 1))
        parts.append(f'<tr class="numbering">{numbers}</tr>')
    parts.append("</thead>")
    return "".join(parts)


def _tbody(layout: Layout, rows: Iterable[Row], locale: str) -> str:
    leaves = [
        (c.key, c.format, f"align-{c.effective_align}", c.key == layout.indent_key)
        for c in layout.leaves
    ]
    parts: list[str] = []
    append = parts.append
    for group, group_rows in iter_groups(rows, layout.group_by):
        if group is None:
            append("<tbody>")
        else:
            append(
                f'<tbody class="group" data-group="{escape(group)}" style="break-inside: avoid">'
            )
        for row in group_rows:
            append("<tr>" if row.kind == "data" else f'<tr class="{row.kind}">')
            values, notes = row.values, row.notes
            for key, fmt, align, indented in leaves:
                attrs = f' class="{align}"'
                if indented and row.level:
                    attrs += f' style="padding-left: {row.level * INDENT_EM + 0.2:g}em"'
                if key in notes:
                    attrs += f' title="{escape(notes[key])}"'
                append(f"<td{attrs}>{escape(format_value(values.get(key), fmt, locale))}</td>")
            append("</tr>")
        append("</tbody>")
    return "".join(parts)


def render_html(
    layout: Layout,
    rows: Iterable[Row],
    locale: str,
    translate: Translate,
    title_lines: Sequence[str] = (),
) -> Markup:
    """The report as an HTML ``<table>`` (safe markup; style it with :data:`TABLE_CSS`).

    The caption holds the translated title and then ``title_lines`` (data, shown as given:
    the region, the period ...).
    """
    caption = escape(translate(layout.title)) + Markup("").join(
        Markup('<br><span class="title-line">{}</span>').format(line) for line in title_lines
    )
    cols = "".join(f'<col style="width: {w:g}%">' for w in _column_widths(layout))
    return Markup(
        f'<table class="pelita-report" id="report-{escape(layout.id)}"'
        f' data-layout="{escape(layout.id)}" lang="{escape(locale)}">'
        f"<caption>{caption}</caption><colgroup>{cols}</colgroup>"
        f"{_thead(layout, translate)}{_tbody(layout, rows, locale)}</table>"
    )


@lru_cache(maxsize=None)
def _font_data_url(filename: str) -> str:
    data = base64.b64encode((FONTS_DIR / filename).read_bytes()).decode("ascii")
    return f"data:font/ttf;base64,{data}"


def page_css(layout: Layout, font_url: str | None = None) -> str:
    """CSS of the printable page: ``@page`` size and orientation, the bundled font, the table.

    ``font_url`` is a URL prefix under which the files of ``core/reports/fonts`` are
    served (``"fonts/"``, ``"/static/report-fonts/"``, a ``file:`` URI); None embeds the
    fonts as data URLs, so the page needs nothing else.
    """
    faces = []
    for weight, filename in FONT_FILES.items():
        src = _font_data_url(filename) if font_url is None else font_url + filename
        faces.append(
            f'@font-face {{ font-family: "{FONT_FAMILY}"; font-weight: {weight};'
            f' src: url("{src}") format("truetype"); }}'
        )
    width, height = layout.page_size_mm
    thead = ""
    if not layout.repeat_header:
        thead = "table.pelita-report thead { display: table-row-group; }\n"
    return (
        "\n".join(faces)
        + f"\n@page {{ size: {width:g}mm {height:g}mm; margin: 10mm 8mm 12mm 8mm;"
        f' @bottom-right {{ content: counter(page) " / " counter(pages);'
        f' font-family: "{FONT_FAMILY}"; font-size: 7pt; }} }}\n'
        f'html {{ font-family: "{FONT_FAMILY}", sans-serif; font-size: 7pt; }}\n'
        + TABLE_CSS
        + thead
    )


def render_html_page(
    layout: Layout,
    rows: Iterable[Row],
    locale: str,
    translate: Translate,
    title_lines: Sequence[str] = (),
    font_url: str | None = None,
) -> str:
    """A standalone printable HTML page holding the report table (the PDF's source).

    See :func:`page_css` for ``font_url``; by default the font is embedded.
    """
    table = render_html(layout, rows, locale, translate, title_lines)
    return (
        f'<!DOCTYPE html>\n<html lang="{escape(locale)}"><head><meta charset="utf-8">'
        f"<title>{escape(translate(layout.title))}</title>"
        f"<style>\n{page_css(layout, font_url)}</style></head>"
        f"<body>{table}</body></html>\n"
    )
