"""PDF rendering of a report table: WeasyPrint over the printable HTML page.

WeasyPrint repeats ``<thead>`` on every page and keeps each ``<tbody class="group">``
on one page when it fits. The bundled font is read from ``core/reports/fonts``; the
fetcher allows only ``file:`` and ``data:`` URLs, so rendering never touches the network.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from weasyprint import HTML
from weasyprint.urls import URLFetcher

from core.reports.html import FONTS_DIR, render_html_page
from core.reports.layout import Layout, Translate
from core.reports.rows import Row


def render_pdf(
    layout: Layout,
    rows: Iterable[Row],
    locale: str,
    translate: Translate,
    title_lines: Sequence[str] = (),
) -> bytes:
    """The report as PDF bytes, on the layout's paper size and orientation."""
    page = render_html_page(
        layout, rows, locale, translate, title_lines, font_url=FONTS_DIR.as_uri() + "/"
    )
    fetcher = URLFetcher(allowed_protocols=("file", "data"))
    return HTML(string=page, base_url=FONTS_DIR.as_uri() + "/", url_fetcher=fetcher).write_pdf()
