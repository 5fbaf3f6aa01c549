"""The report engine: declarative table layouts rendered to HTML, XLSX and PDF.

Pure: it knows no database. Services build :class:`Row` objects; a region supplies
:class:`Layout` objects; the renderers take ``(layout, rows, locale, translate,
title_lines)`` and return a string or bytes.
"""

from core.reports.headers import HeaderCell, header_rows, leaf_columns
from core.reports.layout import Column, Layout, LayoutError
from core.reports.rows import Row

__all__ = [
    "Column",
    "HeaderCell",
    "Layout",
    "LayoutError",
    "Row",
    "header_rows",
    "leaf_columns",
]
