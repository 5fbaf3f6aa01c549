"""Declarative table layouts: the column tree, paper and grouping of one report table.

A layout says *what* a table looks like, never where its rows come from. Labels are
msgids: every renderer passes them through the ``translate`` callable it is given, so one
layout serves every locale. A region supplies its layouts through a hook; core validates
them at startup, and :class:`Layout` refuses an invalid one at construction with a
:class:`LayoutError` naming the layout and the column.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

#: How a column's values are shown. ``percent`` values are in percent units (94.74 means
#: 94,74 %), as the documents compute them (``R / T x 100``).
FORMATS = ("text", "integer", "money", "decimal", "percent", "number")

#: Horizontal alignments a column may ask for.
ALIGNS = ("left", "center", "right")

#: Paper sizes in millimetres (width, height) in portrait orientation. F4 is the
#: Indonesian folio (215 x 330 mm) on which most government documents are printed.
PAGE_SIZES_MM = {"A4": (210, 297), "F4": (215, 330), "Legal": (215.9, 355.6)}

ORIENTATIONS = ("portrait", "landscape")

#: Default width (in characters, Excel's unit) of a column that states none.
DEFAULT_WIDTHS = {
    "text": 24.0, "integer": 9.0, "money": 15.0, "decimal": 10.0, "percent": 9.0, "number": 9.0,
}


#: What renderers call to translate a msgid (a label or title) into the output's language.
Translate = Callable[[str], str]


class LayoutError(ValueError):
    """A layout is invalid; the message names the layout and, where it applies, the column."""


@dataclass(frozen=True)
class Column:
    """One column of a layout, or a group of columns under a merged header.

    A column with ``children`` is a group: it has a header cell spanning its children and
    holds no values itself (its ``format``, ``width`` and ``align`` are ignored). A column
    without children is a *leaf*: ``key`` names the row value it shows.
    ``width`` is in characters (Excel's unit); HTML and PDF use it as a relative width.
    ``align`` None means right for numbers and left for text.
    """

    key: str
    label: str
    children: tuple[Column, ...] = ()
    format: str = "text"
    width: float | None = None
    align: str | None = None

    @property
    def is_leaf(self) -> bool:
        """True when the column shows values (it has no children)."""
        return not self.children

    @property
    def is_numeric(self) -> bool:
        """True when the column's values are numbers."""
        return self.format != "text"

    @property
    def effective_align(self) -> str:
        """The alignment to use: the stated one, else right for numbers and left for text."""
        if self.align:
            return self.align
        return "right" if self.is_numeric else "left"

    @property
    def effective_width(self) -> float:
        """The width to use: the stated one, else the default for the column's format."""
        return self.width if self.width is not None else DEFAULT_WIDTHS.get(self.format, 12.0)


def iter_columns(columns: tuple[Column, ...]) -> Iterator[Column]:
    """Every column of the tree, groups and leaves, depth first in display order."""
    for column in columns:
        yield column
        yield from iter_columns(column.children)


@dataclass(frozen=True)
class Layout:
    """A report table: its id, title (msgid), column tree, paper and row grouping.

    - ``numbering_row``: print the ``1 2 3 ...`` row under the headers, as Indonesian
      tables do (the numbers are the leaf columns' positions).
    - ``group_by``: a row key; consecutive rows with the same value (or the same
      :attr:`Row.group <core.reports.rows.Row.group>`, which wins) form one group that a
      page break does not split.
    - ``indent_key``: the leaf column indented by each row's ``level`` (the name of a
      program, kegiatan or sub kegiatan).
    - ``repeat_header``: repeat the header rows on every printed page.
    - ``doc_types``: the document types (``renstra``, ``lakip`` ...) the layout renders from.
    - ``source``: the name of the row source (:mod:`core.reports.sources`) that turns a
      stored document into the layout's rows.
    """

    id: str
    title: str
    columns: tuple[Column, ...]
    numbering_row: bool = True
    group_by: str | None = None
    indent_key: str | None = None
    page: str = "A4"
    orientation: str = "landscape"
    repeat_header: bool = True
    doc_types: tuple[str, ...] = ()
    source: str | None = None

    def __post_init__(self) -> None:
        self._validate()

    def _fail(self, message: str, column: Column | None = None) -> LayoutError:
        where = f"layout {self.id!r}"
        if column is not None:
            where += f", column {column.key!r}"
        return LayoutError(f"{where}: {message}")

    def _validate(self) -> None:
        if not self.id:
            raise LayoutError("layout without an id")
        if not self.title or not self.title.strip():
            raise self._fail("empty title")
        if not self.columns:
            raise self._fail("no columns")
        if not isinstance(self.columns, tuple):
            raise self._fail("columns must be a tuple (layouts are immutable)")
        seen: set[str] = set()
        for column in iter_columns(self.columns):
            if not isinstance(column, Column):
                raise self._fail(f"{column!r} is not a Column")
            if not isinstance(column.children, tuple):
                raise self._fail("children must be a tuple (layouts are immutable)", column)
            if not column.key:
                raise self._fail(f"column labelled {column.label!r} has no key")
            if column.key in seen:
                raise self._fail("duplicate key", column)
            seen.add(column.key)
            if not column.label or not column.label.strip():
                raise self._fail("empty label", column)
            if column.format not in FORMATS:
                raise self._fail(
                    f"unknown format {column.format!r} (known: {', '.join(FORMATS)})", column
                )
            if column.align is not None and column.align not in ALIGNS:
                raise self._fail(f"unknown align {column.align!r}", column)
            if column.width is not None and not column.width > 0:
                raise self._fail(f"width must be positive, not {column.width!r}", column)
        if self.page not in PAGE_SIZES_MM:
            raise self._fail(f"unknown page {self.page!r} (known: {', '.join(PAGE_SIZES_MM)})")
        if self.orientation not in ORIENTATIONS:
            raise self._fail(f"unknown orientation {self.orientation!r}")
        leaf_keys = {column.key for column in self.leaves}
        if self.indent_key is not None and self.indent_key not in leaf_keys:
            raise self._fail(f"indent_key {self.indent_key!r} is not a leaf column")

    @property
    def leaves(self) -> tuple[Column, ...]:
        """The leaf columns, left to right: the columns that show values."""
        return tuple(column for column in iter_columns(self.columns) if column.is_leaf)

    @property
    def page_size_mm(self) -> tuple[float, float]:
        """(width, height) of the page in millimetres, in the layout's orientation."""
        width, height = PAGE_SIZES_MM[self.page]
        return (height, width) if self.orientation == "landscape" else (width, height)
