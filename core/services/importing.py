"""Importing what region plugins hold: regions, org charts, plan documents. Importing never destroys.

Every answer is validated and every printed number parsed *before* anything is written; the
whole run is one transaction, so a source that fails validation changes nothing.

* A document whose source is unchanged since its last import (same fingerprint) is left
  alone: no writes, no audit rows.
* A changed source becomes a NEW version of its plan (origin ``imported``, amending the
  previous one) beside the old version, which stays as it was. Each item continues the item
  with the same key in the previous version and keeps its lineage, so realisation, spending
  and evidence people entered (which belong to the lineage) are read by the new version
  too; responsible units and indicator settings people chose, and acknowledgements of
  findings that recur, are carried over.
* Org charts: units are upserted by code, never deleted.
* Each import that changed something leaves one summary audit event per region (``import``)
  saying what changed, besides the row-level audit of every insert and update.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from core import specs
from core.audit import acting_as, log_event
from core.extensions import db
from core.models import (
    Budget,
    Indicator,
    OrgChart,
    OrgUnit,
    PlanDocument,
    PlanItem,
    PlanningPeriod,
    PrintedTable,
    Realisation,
    Region,
    Target,
)
from core.models.plan import STATUSES
from core.numbers import ParsedNumber, parse_printed
from core.plugins import PluginRegistry
from core.services.documents import current_document, ensure_plan, next_version_number, versions_of
from core.services.findings import carry_acknowledgements, refresh_findings
from core.services.nomenclature_versions import ensure_versions, load_nomenclature
from core.services.realisation import match_printed_units

#: How many changed values a summary event lists (the counts are always complete).
LISTED_CHANGES = 50


class SeedError(Exception):
    """Seed data that cannot be loaded; ``message()`` says why in the active language."""

    def __init__(self, msgid: str, **params):
        super().__init__(msgid % params)
        self.msgid = msgid
        self.params = params

    def message(self) -> str:
        """The error in the active language."""
        return _(self.msgid) % self.params


@dataclass
class DocumentChange:
    """What importing one changed document did."""

    region: str
    key: str
    document_id: int
    version: int
    amends_id: int | None
    items_added: int = 0
    items_continued: int = 0
    items_dropped: int = 0
    values_changed: int = 0
    units_kept: int = 0
    settings_kept: int = 0
    acknowledgements_kept: int = 0
    changes: list[str] = field(default_factory=list)  # the first LISTED_CHANGES, as "what: old -> new"

    def summary(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if k != "region"}


@dataclass
class SeedReport:
    """What an import run did, per region."""

    created: dict[str, list[str]] = field(default_factory=dict)
    unchanged: dict[str, list[str]] = field(default_factory=dict)
    documents: list[DocumentChange] = field(default_factory=list)
    charts: dict[str, dict] = field(default_factory=dict)

    def note(self, region: str, what: str, changed: bool) -> None:
        (self.created if changed else self.unchanged).setdefault(region, []).append(what)


ImportReport = SeedReport


def fingerprint(obj) -> str:
    """A stable digest of frozen spec data (their reprs are deterministic)."""
    return hashlib.sha256(repr(obj).encode()).hexdigest()


def seed_all(registry: PluginRegistry) -> SeedReport:
    """Import every enabled region, parents first, as one unit of work: committed, or nothing.

    The entry point of ``flask seed``, the demo start and scripts (a job boundary, like a
    CLI command); :func:`import_regions` itself never commits.
    """
    try:
        report = import_regions(registry)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    return report


def import_regions(registry: PluginRegistry, region_codes=None, document_keys=None) -> SeedReport:
    """Import the regions ``region_codes`` (every enabled region when None), only the documents
    ``document_keys`` when given, in one transaction; raises :class:`SeedError` changing nothing."""
    report = SeedReport()
    with acting_as("system:seed"):
        versions = ensure_versions()
        regions = _ensure_regions(registry)
        for code in sorted(registry.regions, key=lambda c: (c.count("."), c)):
            if region_codes is not None and code not in region_codes:
                continue
            region = regions[code]
            if not region.enabled:
                report.note(code, "deactivated: not imported", False)
                continue
            chart = registry.call("pelita_org_chart", code)
            if chart is not None and document_keys is None:
                counts = _import_chart(region, chart)
                report.note(code, "org chart", counts is not None)
                if counts is not None:
                    report.charts[code] = counts
            data = registry.call("pelita_seed_data", code)
            specs_ = [s for s in (data.documents if data else ())
                      if document_keys is None or s.key in document_keys]
            if document_keys is not None:
                unknown = set(document_keys) - {s.key for s in specs_}
                if unknown:
                    raise SeedError("Region %(region)s has no document %(document)s to import.",
                                    region=code, document=", ".join(sorted(unknown)))
            for spec in specs_:
                change = _import_document(region, spec, versions)
                report.note(code, spec.key, change is not None)
                if change is not None:
                    report.documents.append(change)
            match_printed_units(region)
        load_nomenclature(versions)  # after the documents: 050-5889 is amended from their printings
        # Findings are derived: recomputed for every document (a new check applies too);
        # a document whose findings are unchanged is not written.
        for document in db.session.scalars(select(PlanDocument).order_by(PlanDocument.id)):
            refresh_findings(document)
        for change in report.documents:
            if change.amends_id is not None:
                change.acknowledgements_kept = carry_acknowledgements(
                    db.session.get(PlanDocument, change.amends_id),
                    db.session.get(PlanDocument, change.document_id))
        for code in sorted({c.region for c in report.documents} | set(report.charts)):
            region = regions[code]
            log_event(db.session, "import", "region", entity_id=region.id, region_id=region.id, detail={
                "documents": [c.summary() for c in report.documents if c.region == code],
                "org_chart": report.charts.get(code),
            })
        db.session.flush()
    return report


def _ensure_regions(registry: PluginRegistry) -> dict[str, Region]:
    """The region rows of the enabled plugins, created from the plugin's facts when missing.

    An existing row is never changed: regions are data people edit (a renamed or deactivated
    region stays as they left it). A kab/kota whose province does not exist is refused.
    """
    existing = {r.code: r for r in db.session.scalars(select(Region))}
    for code in sorted(registry.regions, key=lambda c: (c.count("."), c)):
        if code in existing:
            continue
        info = registry.regions[code].info
        parent = existing.get(info.parent_code) if info.parent_code else None
        if info.parent_code and parent is None:
            raise SeedError("Region %(code)s belongs to %(parent)s, which does not exist: create it first.",
                            code=code, parent=info.parent_code)
        region = Region(code=code, name=info.name, name_en=info.name_en, level=info.level,
                        agency_name=info.agency_name, agency_name_en=info.agency_name_en,
                        parent_id=parent.id if parent else None, enabled=True)
        db.session.add(region)
        db.session.flush()
        existing[code] = region
    return existing


def _import_chart(region: Region, chart: specs.OrgChart) -> dict | None:
    """Upsert the chart and its units by code; None when the source is unchanged.

    A unit the source no longer lists, and every unit people created, is left as it is.
    """
    digest = fingerprint(chart)
    row = db.session.scalar(
        select(OrgChart).where(OrgChart.region_id == region.id, OrgChart.valid_from == chart.valid_from)
    )
    if row is not None and row.seed_fingerprint == digest:
        return None
    if row is None:
        row = OrgChart(region_id=region.id, valid_from=chart.valid_from)
        db.session.add(row)
    for attr, value in (("valid_to", chart.valid_to), ("typology", chart.typology),
                        ("source_document", chart.source_document), ("note", chart.note),
                        ("seed_fingerprint", digest)):
        if getattr(row, attr, None) != value:
            setattr(row, attr, value)
    db.session.flush()
    existing = {u.code: u for u in db.session.scalars(
        select(OrgUnit).where(OrgUnit.region_id == region.id, OrgUnit.chart_id == row.id))}
    ids = {code: unit.id for code, unit in existing.items()}
    listed = {unit.code for unit in chart.units}
    counts = {"units_added": 0, "units_changed": 0, "units_kept_unlisted": len(set(existing) - listed)}
    # Parents first: a unit may be listed before its parent in the document.
    pending = list(enumerate(chart.units))
    done: set[str] = set()
    while pending:
        progressed = []
        for position, unit in pending:
            if unit.parent_code is None or unit.parent_code in done or (
                    unit.parent_code in ids and unit.parent_code not in listed):
                values = {
                    "parent_id": ids.get(unit.parent_code), "name": unit.name, "name_en": unit.name_en,
                    "kind": unit.kind, "position": position, "tasks": list(unit.tasks),
                    "source_table": unit.source.table if unit.source else None,
                    "source_line": unit.source.line if unit.source else None,
                }
                current = existing.get(unit.code)
                if current is None:
                    current = OrgUnit(region_id=region.id, chart_id=row.id, code=unit.code, **values)
                    db.session.add(current)
                    counts["units_added"] += 1
                else:
                    changed = False
                    for attr, value in values.items():
                        if getattr(current, attr) != value:
                            setattr(current, attr, value)
                            changed = True
                    counts["units_changed"] += changed
                db.session.flush()
                ids[unit.code] = current.id
                done.add(unit.code)
                progressed.append((position, unit))
        if not progressed:
            raise SeedError("Unit %(unit)s names a parent that does not exist.", unit=pending[0][1].code)
        pending = [p for p in pending if p not in progressed]
    return counts


@dataclass
class _Parsed:
    """A document's printed values, all parsed before anything is written."""

    values: dict[int, ParsedNumber] = field(default_factory=dict)

    def parse(self, document: specs.DocumentSpec, printed: str | None, source, money: bool = False):
        result = parse_printed(printed, document.number_style)
        if result.status == "text" and (money or (result.note or "").startswith("malformed")):
            raise SeedError(
                "Document %(document)s, %(table)s line %(line)s: %(printed)r is not a valid number.",
                document=document.key, table=getattr(source, "table", "?"),
                line=getattr(source, "line", "?"), printed=printed,
            )
        return result


def validate_document(spec: specs.DocumentSpec) -> None:
    """Structural checks of a document spec; raises SeedError naming the first problem."""
    if spec.type not in specs.DOCUMENT_TYPES:
        raise SeedError("Document %(document)s has unknown type %(type)s.", document=spec.key, type=spec.type)
    if spec.number_style not in specs.NUMBER_STYLES:
        raise SeedError("Document %(document)s has unknown number style %(style)s.",
                        document=spec.key, style=spec.number_style)
    keys = set()
    for item in spec.items:
        if item.key in keys:
            raise SeedError("Document %(document)s lists item %(item)s twice.", document=spec.key, item=item.key)
        if item.level not in specs.ITEM_LEVELS:
            raise SeedError("Item %(item)s has unknown level %(level)s.", item=item.key, level=item.level)
        names = [name for name, _printed in item.extra]
        if len(names) != len(set(names)):
            raise SeedError("Item %(item)s repeats an extra column name.", item=item.key)
        for budget in item.budgets:
            if budget.kind not in specs.BUDGET_KINDS:
                raise SeedError("Item %(item)s has unknown budget kind %(kind)s.", item=item.key, kind=budget.kind)
        keys.add(item.key)
    parents = {item.key: item.parent_key for item in spec.items}
    for item in spec.items:
        if item.parent_key is not None and item.parent_key not in keys:
            raise SeedError("Item %(item)s names a parent %(parent)s that does not exist.",
                            item=item.key, parent=item.parent_key)
        seen, current = {item.key}, item.parent_key
        while current is not None:
            if current in seen:
                raise SeedError("Item %(item)s is its own ancestor.", item=item.key)
            seen.add(current)
            current = parents[current]


def parents_first(items: tuple[specs.ItemSpec, ...]) -> list[tuple[int, specs.ItemSpec]]:
    """Items with their document position, ordered so that every parent precedes its children."""
    by_key = {item.key: item for item in items}
    depth_cache: dict[str, int] = {}

    def depth(key: str) -> int:
        if key not in depth_cache:
            parent = by_key[key].parent_key
            depth_cache[key] = 0 if parent is None else depth(parent) + 1
        return depth_cache[key]

    return sorted(enumerate(items), key=lambda pair: (depth(pair[1].key), pair[0]))


def _import_document(region: Region, spec: specs.DocumentSpec, versions) -> DocumentChange | None:
    """Import ``spec``: nothing when its source is unchanged, else a new version of its plan."""
    validate_document(spec)
    parser = _Parsed()
    # Parse everything first: a malformed number stops the run before any write.
    for item in spec.items:
        for ind in item.indicators:
            parser.parse(spec, ind.baseline, ind.source)
            parser.parse(spec, ind.end_target, ind.source)
            for t in (*ind.targets, *ind.realisations):
                parser.parse(spec, t.printed, t.source or ind.source)
        for b in item.budgets:
            parser.parse(spec, b.printed, b.source or item.source, money=True)
    if spec.status not in STATUSES:
        raise SeedError("Document %(document)s has unknown status %(status)s.", document=spec.key, status=spec.status)

    digest = fingerprint(spec)
    previous = db.session.scalar(
        select(PlanDocument).where(PlanDocument.region_id == region.id, PlanDocument.key == spec.key,
                                   PlanDocument.origin == "imported")
        .order_by(PlanDocument.version.desc()).limit(1)
    )
    if previous is not None and previous.seed_fingerprint == digest:
        return None
    if spec.nomenclature_version and spec.nomenclature_version not in versions:
        raise SeedError("Document %(document)s uses unknown nomenclature version %(version)s.",
                        document=spec.key, version=spec.nomenclature_version)
    period_id = None
    if spec.period_start and spec.period_end:
        period_id = _period(region, spec.period_start, spec.period_end).id
    if previous is not None:
        plan, amends = previous.plan, previous
    elif spec.amends:
        amends = current_document(region, spec.amends)
        if amends is None:
            raise SeedError("Document %(document)s amends %(amends)s, which is not loaded.",
                            document=spec.key, amends=spec.amends)
        plan = amends.plan
    else:
        plan = ensure_plan(region, spec.key, spec.type, spec.title, period_id, spec.year)
        amends = None
    number = next_version_number(plan) if versions_of(plan) else spec.version
    document = PlanDocument(
        region_id=region.id, plan_id=plan.id, key=spec.key, doc_type=spec.type, title=spec.title,
        period_id=period_id, year=spec.year, version=number, origin="imported", status=spec.status,
        amends_id=amends.id if amends else None,
        nomenclature_version_id=versions[spec.nomenclature_version].id if spec.nomenclature_version else None,
        source_file=spec.source_file, number_style=spec.number_style, notes=list(spec.notes),
        seed_fingerprint=digest,
    )
    db.session.add(document)
    db.session.flush()
    change = DocumentChange(region.code, spec.key, document.id, number, document.amends_id)
    _write_items(region, document, spec, amends, change)
    for table in spec.tables:
        db.session.add(PrintedTable(
            region_id=region.id, document_id=document.id, key=table.key, title=table.title,
            columns=list(table.columns),
            rows=[{"cells": list(cells), "table": ref.table, "line": ref.line, "row": ref.row}
                  for cells, ref in table.rows],
        ))
    db.session.flush()
    return change


def _period(region: Region, start: int, end: int) -> PlanningPeriod:
    period = db.session.scalar(select(PlanningPeriod).where(
        PlanningPeriod.region_id == region.id, PlanningPeriod.start_year == start, PlanningPeriod.end_year == end))
    if period is None:
        period = PlanningPeriod(region_id=region.id, start_year=start, end_year=end)
        db.session.add(period)
        db.session.flush()
    return period


def _source(ref: specs.SourceRef | None) -> dict:
    return {"source_table": ref.table, "source_line": ref.line, "source_row": ref.row} if ref else {}


def _value(parsed: ParsedNumber) -> dict:
    return {"printed": parsed.printed or "", "value": parsed.value, "parse_status": parsed.status,
            "parse_note": parsed.note}


class _Before:
    """The previous version's items, indicators and printed values, by key."""

    def __init__(self, document: PlanDocument | None):
        self.items: dict[str, PlanItem] = {}
        self.indicators: dict[int, list[Indicator]] = {}
        self.values: dict[tuple, str] = {}
        if document is None:
            return
        rid = document.region_id
        items = db.session.scalars(select(PlanItem).where(PlanItem.region_id == rid,
                                                          PlanItem.document_id == document.id)).all()
        self.items = {i.key: i for i in items}
        key_of = {i.id: i.key for i in items}
        ids = select(PlanItem.id).where(PlanItem.document_id == document.id)
        indicators = db.session.scalars(select(Indicator).where(Indicator.region_id == rid, Indicator.item_id.in_(ids))
                                        .order_by(Indicator.item_id, Indicator.position)).all()
        where = {}
        for ind in indicators:
            self.indicators.setdefault(ind.item_id, []).append(ind)
            where[ind.id] = (key_of[ind.item_id], ind.position)
        ind_ids = [i.id for i in indicators]
        for t in db.session.scalars(select(Target).where(Target.region_id == rid, Target.indicator_id.in_(ind_ids))):
            self.values[("target", *where[t.indicator_id], t.year, t.quarter)] = t.printed
        for r in db.session.scalars(select(Realisation).where(
                Realisation.region_id == rid, Realisation.entered.is_(False), Realisation.indicator_id.in_(ind_ids))):
            self.values[("realisation", *where[r.indicator_id], r.year, r.quarter)] = r.printed
        for b in db.session.scalars(select(Budget).where(Budget.region_id == rid, Budget.entered.is_(False),
                                                         Budget.item_id.in_(ids))):
            self.values[("budget", key_of[b.item_id], b.kind, b.year)] = b.printed

    def indicator_for(self, item: PlanItem | None, position: int, text: str, used: set[int]) -> Indicator | None:
        """The indicator a new one continues: same text under the item, else the same position."""
        if item is None:
            return None
        candidates = self.indicators.get(item.id, [])
        for ind in candidates:
            if ind.text == text and ind.id not in used:
                return ind
        return next((ind for ind in candidates if ind.position == position and ind.id not in used), None)


def _write_items(region: Region, document: PlanDocument, spec: specs.DocumentSpec,
                 predecessor: PlanDocument | None, change: DocumentChange) -> None:
    style = spec.number_style
    before = _Before(predecessor)
    values: dict[tuple, str] = {}
    ids: dict[str, int] = {}
    for position, item in parents_first(spec.items):
        prior = before.items.get(item.key)
        row = PlanItem(
            region_id=region.id, document_id=document.id, parent_id=ids.get(item.parent_key),
            key=item.key, position=position, level=item.level, code=item.code,
            printed_code=item.printed_code, name=item.name, responsible_unit=item.responsible_unit,
            extra=dict(item.extra), continues_item_id=prior.id if prior else None,
            lineage_id=prior.lineage_id if prior else None, **_source(item.source),
        )
        if prior is not None and prior.responsible_unit_code and (
                prior.unit_by_user or prior.responsible_unit == item.responsible_unit):
            row.responsible_unit_code, row.unit_by_user = prior.responsible_unit_code, prior.unit_by_user
            change.units_kept += prior.unit_by_user
        change.items_continued += prior is not None
        change.items_added += prior is None
        db.session.add(row)
        db.session.flush()
        ids[item.key] = row.id
        used: set[int] = set()
        for ind_position, ind in enumerate(item.indicators):
            baseline = parse_printed(ind.baseline, style)
            end = parse_printed(ind.end_target, style)
            earlier = before.indicator_for(prior, ind_position, ind.text, used)
            settings = {"polarity": ind.polarity, "aggregation": ind.aggregation, "capaian_rule": None,
                        "settings_by_user": False}
            if earlier is not None:
                used.add(earlier.id)
                if earlier.settings_by_user:
                    settings = {"polarity": earlier.polarity, "aggregation": earlier.aggregation,
                                "capaian_rule": earlier.capaian_rule, "settings_by_user": True}
                    change.settings_kept += 1
            indicator = Indicator(
                region_id=region.id, item_id=row.id, position=ind_position, text=ind.text, unit=ind.unit,
                formula=ind.formula, baseline_year=ind.baseline_year, baseline_printed=ind.baseline,
                baseline_value=baseline.value, end_target_printed=ind.end_target, end_target_value=end.value,
                lineage_id=earlier.lineage_id if earlier else None, **settings, **_source(ind.source),
            )
            db.session.add(indicator)
            db.session.flush()
            for t in ind.targets:
                values[("target", item.key, ind_position, t.year, t.quarter)] = t.printed
                db.session.add(Target(region_id=region.id, indicator_id=indicator.id, year=t.year,
                                      quarter=t.quarter, **_value(parse_printed(t.printed, style)),
                                      **_source(t.source or ind.source)))
            for r in ind.realisations:
                values[("realisation", item.key, ind_position, r.year, r.quarter)] = r.printed
                db.session.add(Realisation(region_id=region.id, indicator_id=indicator.id, year=r.year,
                                           quarter=r.quarter, **_value(parse_printed(r.printed, style)),
                                           **_source(r.source or ind.source)))
        for b in item.budgets:
            values[("budget", item.key, b.kind, b.year)] = b.printed
            db.session.add(Budget(region_id=region.id, item_id=row.id, year=b.year, kind=b.kind,
                                  **_value(parse_printed(b.printed, style)), **_source(b.source or item.source)))
    if predecessor is None:
        return
    change.items_dropped = len(set(before.items) - {item.key for item in spec.items})
    for key in sorted(set(values) | set(before.values), key=repr):
        old, new = before.values.get(key), values.get(key)
        if old != new:
            change.values_changed += 1
            if len(change.changes) < LISTED_CHANGES:
                change.changes.append(f"{' '.join(str(k) for k in key if k is not None)}: {old!r} -> {new!r}")
