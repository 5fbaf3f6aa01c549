"""Merged header rows computed from a column tree: the one place every renderer gets them.

For a tree of depth *d* the header has *d* rows. A group spans its leaves across
(``colspan``) and one row down; a leaf spans down to the bottom header row
(``rowspan``), so a leaf at the top of a three-row header has ``rowspan == 3``.
"""

from __future__ import annotations

from dataclasses import dataclass

from core.reports.layout import Column


@dataclass(frozen=True)
class HeaderCell:
    """One header cell: its label (a msgid), spans, the leaf key it heads (None for a
    group) and ``col``, the 0-based index of the first leaf column it covers."""

    label: str
    rowspan: int
    colspan: int
    column_key: str | None
    col: int = 0


def leaf_columns(columns: tuple[Column, ...]) -> list[Column]:
    """The leaf columns of a column tree, left to right."""
    leaves: list[Column] = []
    for column in columns:
        if column.children:
            leaves.extend(leaf_columns(column.children))
        else:
            leaves.append(column)
    return leaves


def _depth(columns: tuple[Column, ...]) -> int:
    return max(1 + (_depth(c.children) if c.children else 0) for c in columns)


def header_rows(columns: tuple[Column, ...]) -> list[list[HeaderCell]]:
    """The header rows of a column tree, top row first, each row left to right.

    Each cell appears once, in the row where it starts; the cells a span covers are not
    repeated (as in HTML's ``rowspan``/``colspan``).
    """
    if not columns:
        return []
    depth = _depth(columns)
    rows: list[list[HeaderCell]] = [[] for _ in range(depth)]

    def place(nodes: tuple[Column, ...], level: int, col: int) -> int:
        for node in nodes:
            if node.children:
                width = len(leaf_columns(node.children))
                rows[level].append(HeaderCell(node.label, 1, width, None, col))
                place(node.children, level + 1, col)
            else:
                width = 1
                rows[level].append(HeaderCell(node.label, depth - level, 1, node.key, col))
            col += width
        return col

    place(columns, 0, 0)
    return rows
