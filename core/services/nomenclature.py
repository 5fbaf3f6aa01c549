"""The nomenclature as stored: browse and search, item history, diffs, crosswalk review, validation.

Nomenclature is national reference data: everyone signed in may read it. A national crosswalk
row is confirmed or rejected by a superadmin; a region's planner or admin (``document.edit``
in that region) records a decision for the region only, as an override row carrying the
region's id, which replaces the national row with the same old code for that region. A region
plugin may also declare rows (hook ``pelita_nomenclature_crosswalk``); a stored decision of the
region beats them, and they beat the national row.
"""

from __future__ import annotations

import re

from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal

from flask import current_app
from flask_babel import gettext
from sqlalchemy import or_, select

from core.errors import NotFound
from core.extensions import db
from core.i18n import active_locale
from core.models import NomenclatureItem, NomenclatureVersion, Region
from core.models.nomenclature import NomenclatureCrosswalkRow
from core.nomenclature import VERSIONS, NoListError, NomenclatureItemSpec, VersionDiff, check_code, diff_items
from core.nomenclature.codes import CodeCheck
from core.nomenclature.diff import code_sort_key
from core.nomenclature.loader import has_list
from core.nomenclature.model import JURISDICTIONS
from core.nomenclature.names import normalise_name
from core.security import can
from core.services.nomenclature_versions import row_key

#: Jurisdictions a list can be browsed, diffed and reviewed for.
DIFF_JURISDICTIONS = ("kabkota", "provinsi")


class ReviewError(ValueError):
    """A crosswalk decision that cannot be recorded; the message says why, in the active language."""


def _sort_key(code: str | None) -> tuple:
    try:
        return code_sort_key(code or "")
    except ValueError:
        return (10**9, code or "")


# --- versions and items ---------------------------------------------------------------------

@dataclass(frozen=True)
class VersionSummary:
    """A version with its number of items per jurisdiction."""

    version: NomenclatureVersion
    counts: dict[str, int]

    @property
    def total(self) -> int:
        """All items of the version."""
        return sum(self.counts.values())


def versions() -> list[NomenclatureVersion]:
    """Every stored version, oldest first (by the order of the known versions)."""
    order = {code: n for n, code in enumerate(VERSIONS)}
    rows = db.session.scalars(select(NomenclatureVersion)).all()
    return sorted(rows, key=lambda v: (order.get(v.code, len(order)), v.code))


def version_summaries() -> list[VersionSummary]:
    """Every version with its item counts per jurisdiction."""
    counts: dict[int, dict[str, int]] = {}
    for version_id, jurisdiction, n in db.session.execute(
        select(NomenclatureItem.version_id, NomenclatureItem.jurisdiction, db.func.count())
        .group_by(NomenclatureItem.version_id, NomenclatureItem.jurisdiction)
    ):
        counts.setdefault(version_id, {})[jurisdiction] = n
    return [VersionSummary(v, dict(sorted(counts.get(v.id, {}).items()))) for v in versions()]


def version_by_code(code: str) -> NomenclatureVersion | None:
    """The version with ``code``, or None."""
    return db.session.scalar(select(NomenclatureVersion).where(NomenclatureVersion.code == code))


def version_or_404(code: str) -> NomenclatureVersion:
    """The version with ``code``, or a 404."""
    version = version_by_code(code)
    if version is None:
        raise NotFound()
    return version


def _jurisdiction_filter(jurisdiction: str | None):
    if jurisdiction in DIFF_JURISDICTIONS:
        return NomenclatureItem.jurisdiction.in_((jurisdiction, "all"))
    if jurisdiction == "all":
        return NomenclatureItem.jurisdiction == "all"
    return None


def items_of(version: NomenclatureVersion, jurisdiction: str | None = None) -> list[NomenclatureItem]:
    """The version's items for ``jurisdiction`` (``all`` items count for both), in code order."""
    query = select(NomenclatureItem).where(NomenclatureItem.version_id == version.id)
    condition = _jurisdiction_filter(jurisdiction)
    if condition is not None:
        query = query.where(condition)
    rows = db.session.scalars(query).all()
    return sorted(rows, key=lambda i: (_sort_key(i.code), i.jurisdiction))


def search_items(version: NomenclatureVersion, q: str | None = None,
                 jurisdiction: str | None = None) -> list[NomenclatureItem]:
    """Items of ``version`` whose code starts with ``q`` or whose Indonesian or English name holds it.

    Matching ignores case, spacing and punctuation (:func:`normalise_name`); every word of ``q``
    must occur in the same name.
    """
    rows = items_of(version, jurisdiction)
    text = (q or "").strip()
    if not text:
        return rows
    words = normalise_name(text).split()

    def matches(item: NomenclatureItem) -> bool:
        if item.code.startswith(text):
            return True
        for name in (item.name, item.name_en or ""):
            folded = normalise_name(name)
            if words and all(word in folded for word in words):
                return True
        return False

    return [i for i in rows if matches(i)]


def item_or_404(version: NomenclatureVersion, jurisdiction: str, code: str) -> NomenclatureItem:
    """The item ``(version, jurisdiction, code)``, or a 404."""
    item = db.session.scalar(select(NomenclatureItem).where(
        NomenclatureItem.version_id == version.id, NomenclatureItem.jurisdiction == jurisdiction,
        NomenclatureItem.code == code))
    if item is None:
        raise NotFound()
    return item


def to_spec(item: NomenclatureItem, version_code: str) -> NomenclatureItemSpec:
    """A stored item as the library's frozen item."""
    return NomenclatureItemSpec(
        version=version_code, jurisdiction=item.jurisdiction, code=item.code, level=item.level, name=item.name,
        name_en=item.name_en, indikator=item.indikator, satuan=item.satuan, kinerja=item.kinerja,
        provenance=item.provenance or "",
    )


@dataclass(frozen=True)
class HistoryEntry:
    """Where an item stands in another version: the same code, or a crosswalk link."""

    version: NomenclatureVersion
    item: NomenclatureItem | None
    relation: str  # same_code | crosswalk_to | crosswalk_from
    crosswalk: NomenclatureCrosswalkRow | None = None


def item_history(item: NomenclatureItem) -> list[HistoryEntry]:
    """The item across versions: same code (same or ``all`` jurisdiction), and national crosswalk links."""
    jurisdictions = {item.jurisdiction, "all"} if item.jurisdiction != "all" else set(JURISDICTIONS)
    by_version = {v.id: v for v in versions()}
    order = {v.id: n for n, v in enumerate(by_version.values())}
    entries: list[HistoryEntry] = []
    same = db.session.scalars(select(NomenclatureItem).where(
        NomenclatureItem.code == item.code, NomenclatureItem.jurisdiction.in_(jurisdictions),
        NomenclatureItem.version_id != item.version_id)).all()
    for other in same:
        entries.append(HistoryEntry(by_version[other.version_id], other, "same_code"))
    crosswalk_jurisdictions = (item.jurisdiction,) if item.jurisdiction != "all" else DIFF_JURISDICTIONS
    rows = db.session.scalars(select(NomenclatureCrosswalkRow).where(
        NomenclatureCrosswalkRow.region_id.is_(None),
        NomenclatureCrosswalkRow.jurisdiction.in_(crosswalk_jurisdictions),
        or_(NomenclatureCrosswalkRow.from_version_id == item.version_id,
            NomenclatureCrosswalkRow.to_version_id == item.version_id))).all()
    for row in rows:
        if row.from_version_id == item.version_id and row.from_code == item.code:
            for code in row.to_codes:
                target = _item_for(row.to_version_id, row.jurisdiction, code)
                entries.append(HistoryEntry(by_version[row.to_version_id], target, "crosswalk_to", row))
            if not row.to_codes:
                entries.append(HistoryEntry(by_version[row.to_version_id], None, "crosswalk_to", row))
        elif row.to_version_id == item.version_id and item.code in (row.to_codes or []) and row.from_code:
            source = _item_for(row.from_version_id, row.jurisdiction, row.from_code)
            entries.append(HistoryEntry(by_version[row.from_version_id], source, "crosswalk_from", row))
    entries.sort(key=lambda e: (order[e.version.id], e.relation, _sort_key(e.item.code if e.item else None)))
    return entries


def _item_for(version_id: int, jurisdiction: str, code: str) -> NomenclatureItem | None:
    return db.session.scalar(select(NomenclatureItem).where(
        NomenclatureItem.version_id == version_id, NomenclatureItem.code == code,
        NomenclatureItem.jurisdiction.in_((jurisdiction, "all"))))


# --- diffs ----------------------------------------------------------------------------------

def diff(from_version: NomenclatureVersion, to_version: NomenclatureVersion, jurisdiction: str) -> VersionDiff:
    """Diff the stored lists of two versions for ``provinsi`` or ``kabkota``.

    Raises :class:`~core.nomenclature.NoListError` when a side has no list for the jurisdiction.
    """
    if jurisdiction not in DIFF_JURISDICTIONS:
        raise ValueError("diff one jurisdiction: 'provinsi' or 'kabkota'")
    sides = []
    for version in (from_version, to_version):
        items = items_of(version, jurisdiction)
        if not items:
            raise NoListError(f"no {version.code} list for {jurisdiction}")
        sides.append([to_spec(i, version.code) for i in items])
    return VersionDiff(from_version.code, to_version.code, jurisdiction, diff_items(*sides))


# --- crosswalks -----------------------------------------------------------------------------

@dataclass
class CrosswalkView:
    """A crosswalk row as a reader sees it: the national row, or the region's override of it."""

    row: NomenclatureCrosswalkRow
    national: NomenclatureCrosswalkRow | None = None
    from_item: NomenclatureItem | None = None
    to_items: list[NomenclatureItem] = field(default_factory=list)
    from_plugin: bool = False

    @property
    def overridden(self) -> bool:
        """Whether a region's row replaces the national one."""
        return self.row.region_id is not None


def crosswalk_pairs() -> list[tuple[NomenclatureVersion, NomenclatureVersion, str, int]]:
    """The national crosswalks stored: ``(from, to, jurisdiction, rows)``."""
    by_id = {v.id: v for v in versions()}
    rows = db.session.execute(
        select(NomenclatureCrosswalkRow.from_version_id, NomenclatureCrosswalkRow.to_version_id,
               NomenclatureCrosswalkRow.jurisdiction, db.func.count())
        .where(NomenclatureCrosswalkRow.region_id.is_(None))
        .group_by(NomenclatureCrosswalkRow.from_version_id, NomenclatureCrosswalkRow.to_version_id,
                  NomenclatureCrosswalkRow.jurisdiction)).all()
    return sorted(((by_id[f], by_id[t], j, n) for f, t, j, n in rows),
                  key=lambda p: (p[0].code, p[1].code, p[2]))


def _row_key(row: NomenclatureCrosswalkRow) -> str:
    return row_key(row.from_code, row.to_codes)


def plugin_overrides(region: Region, from_version: NomenclatureVersion, to_version: NomenclatureVersion,
                     jurisdiction: str) -> dict[str, NomenclatureCrosswalkRow]:
    """Rows the region's plugins declare (``pelita_nomenclature_crosswalk``), by old code.

    They are not stored: each is an unsaved row marked confirmed, with basis and note as
    declared. A region declares for its own jurisdiction only.
    """
    registry = current_app.extensions["pelita_plugins"]
    own = "provinsi" if region.level == "provinsi" else "kabkota"
    if region.code not in registry.regions or jurisdiction != own:
        return {}
    declared = registry.call("pelita_nomenclature_crosswalk", region.code,
                             from_version=from_version.code, to_version=to_version.code) or ()
    return {
        row.from_code: NomenclatureCrosswalkRow(
            from_version_id=from_version.id, to_version_id=to_version.id, jurisdiction=jurisdiction,
            region_id=region.id, from_code=row.from_code, to_codes=list(row.to_codes), kind=row.kind,
            confidence=row.confidence, basis=row.basis, status="confirmed", candidates=[], note=row.note,
            source="region plugin (pelita_nomenclature_crosswalk)")
        for row in declared if row.from_code
    }


def crosswalk(from_version: NomenclatureVersion, to_version: NomenclatureVersion, jurisdiction: str,
              region: Region | None = None, status: str | None = None) -> list[CrosswalkView]:
    """The crosswalk rows between two versions, national, or as ``region`` sees them.

    For a region, its stored decisions win, then the rows its plugins declare, then the
    national row.
    """
    base = select(NomenclatureCrosswalkRow).where(
        NomenclatureCrosswalkRow.from_version_id == from_version.id,
        NomenclatureCrosswalkRow.to_version_id == to_version.id,
        NomenclatureCrosswalkRow.jurisdiction == jurisdiction)
    national = db.session.scalars(base.where(NomenclatureCrosswalkRow.region_id.is_(None))).all()
    overrides, declared = {}, {}
    if region is not None:
        overrides = {_row_key(r): r for r in db.session.scalars(
            base.where(NomenclatureCrosswalkRow.region_id == region.id))}
        declared = plugin_overrides(region, from_version, to_version, jurisdiction)
    from_items = {(i.code): i for i in items_of(from_version, jurisdiction)}
    to_items = {(i.code): i for i in items_of(to_version, jurisdiction)}
    views = []
    for row in sorted(national, key=lambda r: (r.position, r.id)):
        plugin_row = declared.get(row.from_code) if row.from_code else None
        shown = overrides.get(_row_key(row)) or plugin_row or row
        if status and shown.status != status:
            continue
        views.append(CrosswalkView(
            row=shown, national=row if shown is not row else None,
            from_item=from_items.get(row.from_code) if row.from_code else None,
            to_items=[to_items[c] for c in shown.to_codes if c in to_items], from_plugin=shown is plugin_row))
    return views


def crosswalk_counts(views: list[CrosswalkView]) -> dict[str, int]:
    """Rows per status."""
    out = {"proposed": 0, "confirmed": 0, "rejected": 0}
    for view in views:
        out[view.row.status] = out.get(view.row.status, 0) + 1
    return out


def crosswalk_row_or_404(row_id: int) -> NomenclatureCrosswalkRow:
    """A national crosswalk row by id, or a 404 (override rows are reached through their national row)."""
    row = db.session.get(NomenclatureCrosswalkRow, row_id)
    if row is None or row.region_id is not None:
        raise NotFound()
    return row


def may_review(user, region: Region | None) -> bool:
    """Whether ``user`` may decide crosswalk rows: nationally a superadmin, for a region its planners."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    if region is None:
        return bool(user.is_superadmin)
    return can(user, "document.edit", region)


def _decided_row(row: NomenclatureCrosswalkRow, region: Region | None) -> NomenclatureCrosswalkRow:
    """The row a decision is written to: the national row, or the region's override (created if new)."""
    if region is None:
        return row
    key = _row_key(row)
    for existing in db.session.scalars(select(NomenclatureCrosswalkRow).where(
            NomenclatureCrosswalkRow.from_version_id == row.from_version_id,
            NomenclatureCrosswalkRow.to_version_id == row.to_version_id,
            NomenclatureCrosswalkRow.jurisdiction == row.jurisdiction,
            NomenclatureCrosswalkRow.region_id == region.id)):
        if _row_key(existing) == key:
            return existing
    override = NomenclatureCrosswalkRow(
        from_version_id=row.from_version_id, to_version_id=row.to_version_id, jurisdiction=row.jurisdiction,
        region_id=region.id, position=row.position, from_code=row.from_code, to_codes=list(row.to_codes),
        kind=row.kind, confidence=row.confidence, basis=row.basis, candidates=list(row.candidates or []),
        status="proposed", note="", source=f"override of national row {row.id}",
    )
    db.session.add(override)
    return override


def _kind_for(row: NomenclatureCrosswalkRow, to_code: str | None) -> str:
    if row.from_code is None:
        return "new"
    if to_code is None:
        return "retired"
    old = _item_for(row.from_version_id, row.jurisdiction, row.from_code)
    new = _item_for(row.to_version_id, row.jurisdiction, to_code)
    if old is None or new is None or normalise_name(old.name) != normalise_name(new.name):
        return "renamed"
    return "same" if to_code == row.from_code else "renumbered"


def confirm(row: NomenclatureCrosswalkRow, user, to_code: str | None, note: str = "",
            region: Region | None = None) -> NomenclatureCrosswalkRow:
    """Confirm ``row`` with its target(s); records who and when.

    ``to_code`` is one code, several codes separated by commas (the old item was **split**),
    or None (the old code is **retired**). When another confirmed row of the same crosswalk
    (and scope) already points at the same single code, both are marked **merged**.
    ``region`` records the decision for that region only. Raises :class:`ReviewError` when the
    user may not decide or a target is not an item of the newer version.
    """
    if not may_review(user, region):
        raise ReviewError(gettext("You may not decide this crosswalk row."))
    codes = [c for c in re.split(r"[,;\s]+", to_code or "") if c]
    for code in codes:
        if _item_for(row.to_version_id, row.jurisdiction, code) is None:
            raise ReviewError(gettext("Code %(code)s is not in %(version)s.", code=code, version=row.to_version.name))
    if row.from_code is None and not codes:
        raise ReviewError(gettext("A new code needs its code in the newer version."))
    if len(codes) > 1:
        kind = "split"
    else:
        kind = _kind_for(row, codes[0] if codes else None)  # queries first: one flush for the decision
    target = _decided_row(row, region)
    if codes != list(target.to_codes or []):
        target.basis = "manual"
    target.to_codes = codes
    target.kind = kind
    target.confidence = Decimal("1")
    target.status = "confirmed"
    target.confirmed_by_id = user.id
    target.confirmed_at = datetime.now(timezone.utc)
    target.note = note.strip()
    if len(codes) == 1 and row.from_code is not None:
        for other in db.session.scalars(select(NomenclatureCrosswalkRow).where(
                NomenclatureCrosswalkRow.from_version_id == row.from_version_id,
                NomenclatureCrosswalkRow.to_version_id == row.to_version_id,
                NomenclatureCrosswalkRow.jurisdiction == row.jurisdiction,
                NomenclatureCrosswalkRow.status == "confirmed",
                NomenclatureCrosswalkRow.region_id.is_(None) if region is None
                else NomenclatureCrosswalkRow.region_id == region.id)):
            if other is not target and other.from_code not in (None, row.from_code) and \
                    list(other.to_codes or []) == codes:
                other.kind = target.kind = "merged"
    db.session.flush()
    return target


def reject(row: NomenclatureCrosswalkRow, user, note: str = "", region: Region | None = None) -> NomenclatureCrosswalkRow:
    """Reject the proposal of ``row`` (it stays listed, marked rejected); records who and when."""
    if not may_review(user, region):
        raise ReviewError(gettext("You may not decide this crosswalk row."))
    target = _decided_row(row, region)
    target.status = "rejected"
    target.confirmed_by_id = user.id
    target.confirmed_at = datetime.now(timezone.utc)
    target.note = note.strip()
    db.session.flush()
    return target


# --- validation -----------------------------------------------------------------------------

@dataclass(frozen=True)
class CodeValidation:
    """A code checked against a stored version: ``ok``, the error and warnings in one language."""

    ok: bool
    error: str | None
    message: str | None
    warnings: tuple[str, ...]
    check: CodeCheck

    @property
    def messages(self) -> list[str]:
        """The error (if any) then the warnings."""
        return ([self.message] if self.message else []) + list(self.warnings)


def validate_code(code: str, version_code: str, jurisdiction: str, locale: str | None = None) -> CodeValidation:
    """Check ``code`` against the stored list of ``version_code`` for ``jurisdiction``.

    Uses the stored items (so Kepmendagri 050-5889/2021 as amended from the seeds); where the
    database holds no list for the jurisdiction, the library says so (``no_list``). Messages
    name the version and are in ``locale`` (default: the active language, ``id`` or ``en``).
    """
    locale = locale or active_locale()
    if locale not in ("id", "en"):
        locale = "id"
    version = version_by_code(version_code)
    items = None
    if version is not None and jurisdiction in JURISDICTIONS:
        stored = items_of(version, jurisdiction if jurisdiction != "all" else None)
        if stored and (jurisdiction == "all" or has_list(version_code, jurisdiction)):
            items = [to_spec(i, version_code) for i in stored]
    result = check_code(code, version_code, jurisdiction, items=items)
    return CodeValidation(
        ok=result.ok, error=result.error,
        message=result.message.render(locale) if result.message else None,
        warnings=tuple(w.render(locale) for w in result.warnings), check=result,
    )
