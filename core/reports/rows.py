"""The rows a report renders: values by column key, with indentation, group and kind.

Rows are plain data that services build from the database (or tests build by hand); the
renderers never look anything up. Values are ``Decimal``, ``int``, ``str`` (printed text,
shown as is) or ``None`` (an empty cell); a ``float`` is refused, since money and measures
are never floats.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from itertools import groupby
from types import MappingProxyType

#: Kinds of rows: ordinary data, a subtotal (of a group) and a grand total.
ROW_KINDS = ("data", "subtotal", "total")

_EMPTY: Mapping[str, str] = MappingProxyType({})


@dataclass(frozen=True)
class Row:
    """One table row.

    - ``values``: column key -> value; keys the layout does not show are ignored, and a
      missing key is an empty cell.
    - ``level``: indentation of the layout's ``indent_key`` column (0 = none).
    - ``group``: the label of the group the row belongs to (see :attr:`Layout.group_by
      <core.reports.layout.Layout.group_by>`).
    - ``kind``: ``data``, ``subtotal`` or ``total`` (totals are shown in bold).
    - ``notes``: column key -> tooltip text, e.g. the rule that computed the number.
    """

    values: Mapping[str, Decimal | int | str | None]
    level: int = 0
    group: str | None = None
    kind: str = "data"
    notes: Mapping[str, str] = field(default_factory=lambda: _EMPTY)

    def __post_init__(self) -> None:
        if self.kind not in ROW_KINDS:
            raise ValueError(f"unknown row kind {self.kind!r} (known: {', '.join(ROW_KINDS)})")
        if self.level < 0:
            raise ValueError(f"negative level {self.level}")
        for key, value in self.values.items():
            if value is not None and (
                isinstance(value, (bool, float)) or not isinstance(value, (Decimal, int, str))
            ):
                raise TypeError(
                    f"value of {key!r} is {type(value).__name__}: use Decimal, int, str or None"
                )


def group_key(row: Row, group_by: str | None) -> object:
    """The key that decides a row's group: its ``group`` label, else its ``group_by`` value."""
    if row.group is not None:
        return row.group
    if group_by is not None:
        return row.values.get(group_by)
    return None


def iter_groups(rows: Iterable[Row], group_by: str | None) -> Iterator[tuple[object, list[Row]]]:
    """Consecutive runs of rows with the same group key, as ``(key, rows)``.

    A run whose key is None is not a group: renderers let a page break fall inside it.
    """
    for key, run in groupby(rows, key=lambda row: group_key(row, group_by)):
        yield key, list(run)
