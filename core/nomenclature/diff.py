"""Differences between two nomenclature versions for one jurisdiction.

Rows are matched in three steps:

1. same code: ``unchanged`` when the normalised names are equal, else ``renamed``;
2. among the codes left, same level and same normalised name: ``renumbered`` (this is how a
   2-digit sub kegiatan ``01`` becomes ``0001``: only when its name matches). Candidates under
   the same parent code are paired first, then the rest, preferring the same number;
3. what is left is ``removed`` (old side) or ``added`` (new side).

Names are compared with :func:`core.nomenclature.names.normalise_name`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Sequence

from .loader import has_list, items_for
from .model import NomenclatureItemSpec, get_version
from .names import normalise_name

KINDS = ("unchanged", "renamed", "renumbered", "removed", "added")


class NoListError(ValueError):
    """The reference data holds no list of a version for the jurisdiction asked."""


@dataclass(frozen=True)
class DiffRow:
    """One difference: the old item, the new item, or both."""

    kind: str
    level: str
    from_item: NomenclatureItemSpec | None = None
    to_item: NomenclatureItemSpec | None = None

    @property
    def from_code(self) -> str | None:
        """The old code, or None for an added item."""
        return self.from_item.code if self.from_item else None

    @property
    def to_code(self) -> str | None:
        """The new code, or None for a removed item."""
        return self.to_item.code if self.to_item else None


@dataclass(frozen=True)
class VersionDiff:
    """All rows of a diff between two versions for one jurisdiction."""

    from_version: str
    to_version: str
    jurisdiction: str
    rows: tuple[DiffRow, ...]

    def counts(self) -> dict[str, int]:
        """Return the number of rows of each kind (every kind present, zero included)."""
        out = dict.fromkeys(KINDS, 0)
        for row in self.rows:
            out[row.kind] += 1
        return out

    def counts_by_level(self) -> dict[str, dict[str, int]]:
        """Return :meth:`counts` split by level: ``{level: {kind: n}}``."""
        out: dict[str, dict[str, int]] = {}
        for row in self.rows:
            out.setdefault(row.level, dict.fromkeys(KINDS, 0))[row.kind] += 1
        return out

    def of_kind(self, kind: str) -> tuple[DiffRow, ...]:
        """Return the rows of one kind, in diff order."""
        return tuple(r for r in self.rows if r.kind == kind)


def code_sort_key(code: str) -> tuple[int, ...]:
    """Sort codes by their numeric segments (``1.06.04.2.01.10`` after ``...2.01.9``)."""
    return tuple(int(p) for p in code.split("."))


def _last_number(code: str) -> int:
    return int(code.rsplit(".", 1)[-1])


def _by_code(items: Sequence[NomenclatureItemSpec], side: str) -> dict[str, NomenclatureItemSpec]:
    out: dict[str, NomenclatureItemSpec] = {}
    for item in items:
        if item.code in out:
            raise ValueError(
                f"{side} list holds code {item.code} twice: diff one jurisdiction at a time"
            )
        out[item.code] = item
    return out


def diff_items(
    from_items: Iterable[NomenclatureItemSpec], to_items: Iterable[NomenclatureItemSpec]
) -> tuple[DiffRow, ...]:
    """Diff two item lists of one jurisdiction; rows in old-list order, then added ones."""
    old_list, new_list = list(from_items), list(to_items)
    old, new = _by_code(old_list, "old"), _by_code(new_list, "new")
    matched: dict[str, DiffRow] = {}  # old code -> row

    for code, item in old.items():
        if code in new:
            same = normalise_name(item.name) == normalise_name(new[code].name)
            matched[code] = DiffRow("unchanged" if same else "renamed", item.level, item, new[code])

    left_old = [i for i in old_list if i.code not in matched]
    left_new = [i for i in new_list if i.code not in old]
    pool: dict[tuple[str, str], list[NomenclatureItemSpec]] = {}
    for item in left_new:
        pool.setdefault((item.level, normalise_name(item.name)), []).append(item)

    for same_parent_only in (True, False):
        for item in left_old:
            if item.code in matched:
                continue
            candidates = [
                c for c in pool.get((item.level, normalise_name(item.name)), [])
                if not same_parent_only or c.parent_code == item.parent_code
            ]
            if not candidates:
                continue
            best = min(
                candidates,
                key=lambda c: (_last_number(c.code) != _last_number(item.code),
                               code_sort_key(c.code)),
            )
            pool[(item.level, normalise_name(item.name))].remove(best)
            matched[item.code] = DiffRow("renumbered", item.level, item, best)

    used_new = {r.to_code for r in matched.values()}
    rows = [matched.get(i.code) or DiffRow("removed", i.level, i, None) for i in old_list]
    rows += [DiffRow("added", i.level, None, i) for i in new_list if i.code not in used_new]
    return tuple(rows)


def diff_versions(
    from_version: str,
    to_version: str,
    jurisdiction: str,
    *,
    from_items: Iterable[NomenclatureItemSpec] | None = None,
    to_items: Iterable[NomenclatureItemSpec] | None = None,
) -> VersionDiff:
    """Diff ``from_version`` -> ``to_version`` for ``"provinsi"`` or ``"kabkota"``.

    Pass ``from_items``/``to_items`` to diff amended lists instead of the loaded ones.
    Raises :class:`NoListError` when the reference data has no list of a version for the
    jurisdiction (the 2023 list is kab/kota only): an empty side would read as everything
    added or removed.
    """
    if jurisdiction not in ("provinsi", "kabkota"):
        raise ValueError("diff one jurisdiction: 'provinsi' or 'kabkota'")
    for version, given in ((from_version, from_items), (to_version, to_items)):
        get_version(version)
        if given is None and not has_list(version, jurisdiction):
            raise NoListError(f"no {version} list for {jurisdiction} in the reference data")
    old = list(from_items) if from_items is not None else items_for(from_version, jurisdiction)
    new = list(to_items) if to_items is not None else items_for(to_version, jurisdiction)
    return VersionDiff(from_version, to_version, jurisdiction, diff_items(old, new))
