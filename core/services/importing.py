"""Loading what region plugins seed: regions, org charts, plan documents.

Seeding is idempotent and transactional. Every answer is validated and every printed number
parsed *before* anything is written; the whole run is one transaction, so a document that
fails validation changes nothing. A document or chart whose content is unchanged since the
last run (same fingerprint) is left alone; a changed one is replaced as a whole.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import delete, select

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
from core.numbers import ParsedNumber, parse_printed
from core.plugins import PluginRegistry
from core.services.findings import refresh_findings
from core.services.realisation import match_printed_units
from core.services.nomenclature_versions import ensure_versions, load_nomenclature


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
class SeedReport:
    """What a seed run did, per region."""

    created: dict[str, list[str]] = field(default_factory=dict)
    unchanged: dict[str, list[str]] = field(default_factory=dict)

    def note(self, region: str, what: str, changed: bool) -> None:
        (self.created if changed else self.unchanged).setdefault(region, []).append(what)


def fingerprint(obj) -> str:
    """A stable digest of frozen spec data (their reprs are deterministic)."""
    return hashlib.sha256(repr(obj).encode()).hexdigest()


def seed_all(registry: PluginRegistry) -> SeedReport:
    """Seed every enabled region, parents first, in one transaction."""
    report = SeedReport()
    with acting_as("system:seed"):
        try:
            versions = ensure_versions()
            regions = _ensure_regions(registry)
            for code in sorted(registry.regions, key=lambda c: (c.count("."), c)):
                region = regions[code]
                chart = registry.call("pelita_org_chart", code)
                if chart is not None:
                    report.note(code, "org chart", _seed_chart(region, chart))
                data = registry.call("pelita_seed_data", code)
                for spec in (data.documents if data else ()):
                    report.note(code, spec.key, _seed_document(region, spec, versions))
                match_printed_units(region)
            load_nomenclature(versions)  # after the documents: 050-5889 is amended from their printings
            # Findings are derived: recompute them for every document, so a new check applies too.
            for document in db.session.scalars(select(PlanDocument)):
                refresh_findings(document)
            db.session.commit()
        except Exception:
            db.session.rollback()
            raise
    return report


def _ensure_regions(registry: PluginRegistry) -> dict[str, Region]:
    existing = {r.code: r for r in db.session.scalars(select(Region))}
    for code in sorted(registry.regions, key=lambda c: (c.count("."), c)):
        info = registry.regions[code].info
        region = existing.get(code) or Region(code=code)
        values = {
            "name": info.name, "name_en": info.name_en, "level": info.level,
            "agency_name": info.agency_name, "agency_name_en": info.agency_name_en,
            "parent_id": existing[info.parent_code].id if info.parent_code else None,
            "enabled": True,
        }
        for attr, value in values.items():
            if getattr(region, attr, None) != value:
                setattr(region, attr, value)
        if region.id is None:
            db.session.add(region)
        db.session.flush()
        existing[code] = region
    return existing


def _seed_chart(region: Region, chart: specs.OrgChart) -> bool:
    digest = fingerprint(chart)
    row = db.session.scalar(
        select(OrgChart).where(OrgChart.region_id == region.id, OrgChart.valid_from == chart.valid_from)
    )
    if row is not None and row.seed_fingerprint == digest:
        return False
    if row is not None:
        db.session.execute(delete(OrgUnit).where(OrgUnit.region_id == region.id, OrgUnit.chart_id == row.id))
        log_event(db.session, "reseed", "org_chart", entity_id=row.id, region_id=region.id)
    else:
        row = OrgChart(region_id=region.id, valid_from=chart.valid_from)
        db.session.add(row)
    row.valid_to = chart.valid_to
    row.typology = chart.typology
    row.source_document = chart.source_document
    row.note = chart.note
    row.seed_fingerprint = digest
    db.session.flush()
    ids: dict[str, int] = {}
    # Parents first: a unit may be listed before its parent in the document.
    pending = list(enumerate(chart.units))
    while pending:
        progressed = []
        for position, unit in pending:
            if unit.parent_code is None or unit.parent_code in ids:
                row_unit = OrgUnit(
                    region_id=region.id, chart_id=row.id, parent_id=ids.get(unit.parent_code),
                    code=unit.code, name=unit.name, name_en=unit.name_en, kind=unit.kind,
                    position=position, tasks=list(unit.tasks),
                    source_table=unit.source.table if unit.source else None,
                    source_line=unit.source.line if unit.source else None,
                )
                db.session.add(row_unit)
                db.session.flush()
                ids[unit.code] = row_unit.id
                progressed.append((position, unit))
        if not progressed:
            raise SeedError("Unit %(unit)s names a parent that does not exist.", unit=pending[0][1].code)
        pending = [p for p in pending if p not in progressed]
    return True


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


def _seed_document(region: Region, spec: specs.DocumentSpec, versions) -> bool:
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

    digest = fingerprint(spec)
    document = db.session.scalar(
        select(PlanDocument).where(PlanDocument.region_id == region.id, PlanDocument.key == spec.key)
    )
    if document is not None and document.seed_fingerprint == digest:
        return False
    if spec.nomenclature_version and spec.nomenclature_version not in versions:
        raise SeedError("Document %(document)s uses unknown nomenclature version %(version)s.",
                        document=spec.key, version=spec.nomenclature_version)
    period_id = None
    if spec.period_start and spec.period_end:
        period_id = _period(region, spec.period_start, spec.period_end).id
    amends_id = None
    if spec.amends:
        amended = db.session.scalar(
            select(PlanDocument).where(PlanDocument.region_id == region.id, PlanDocument.key == spec.amends)
        )
        if amended is None:
            raise SeedError("Document %(document)s amends %(amends)s, which is not loaded.",
                            document=spec.key, amends=spec.amends)
        amends_id = amended.id
    if document is not None:
        _clear_document(document)
        log_event(db.session, "reseed", "plan_document", entity_id=document.id, region_id=region.id)
    else:
        document = PlanDocument(region_id=region.id, key=spec.key)
        db.session.add(document)
    document.doc_type = spec.type
    document.title = spec.title
    document.period_id = period_id
    document.year = spec.year
    document.version = spec.version
    document.status = spec.status
    document.amends_id = amends_id
    document.nomenclature_version_id = versions[spec.nomenclature_version].id if spec.nomenclature_version else None
    document.source_file = spec.source_file
    document.number_style = spec.number_style
    document.notes = list(spec.notes)
    document.seed_fingerprint = digest
    db.session.flush()
    _write_items(region, document, spec, parser)
    for table in spec.tables:
        db.session.add(PrintedTable(
            region_id=region.id, document_id=document.id, key=table.key, title=table.title,
            columns=list(table.columns),
            rows=[{"cells": list(cells), "table": ref.table, "line": ref.line, "row": ref.row}
                  for cells, ref in table.rows],
        ))
    db.session.flush()
    return True


def _period(region: Region, start: int, end: int) -> PlanningPeriod:
    period = db.session.scalar(select(PlanningPeriod).where(
        PlanningPeriod.region_id == region.id, PlanningPeriod.start_year == start, PlanningPeriod.end_year == end))
    if period is None:
        period = PlanningPeriod(region_id=region.id, start_year=start, end_year=end)
        db.session.add(period)
        db.session.flush()
    return period


def _clear_document(document: PlanDocument) -> None:
    """Remove a seeded document's content before it is written again."""
    items = select(PlanItem.id).where(PlanItem.document_id == document.id)
    indicators = select(Indicator.id).where(Indicator.item_id.in_(items))
    rid = document.region_id
    for model, column, subquery in (
        (Target, Target.indicator_id, indicators), (Realisation, Realisation.indicator_id, indicators),
        (Budget, Budget.item_id, items), (Indicator, Indicator.item_id, items),
    ):
        db.session.execute(delete(model).where(model.region_id == rid, column.in_(subquery)))
    # Children before parents: delete deepest items first by clearing parent links.
    db.session.execute(PlanItem.__table__.update().where(PlanItem.document_id == document.id).values(parent_id=None))
    db.session.execute(delete(PlanItem).where(PlanItem.document_id == document.id))
    db.session.execute(delete(PrintedTable).where(PrintedTable.document_id == document.id))


def _source(ref: specs.SourceRef | None) -> dict:
    return {"source_table": ref.table, "source_line": ref.line, "source_row": ref.row} if ref else {}


def _value(parsed: ParsedNumber) -> dict:
    return {"printed": parsed.printed or "", "value": parsed.value, "parse_status": parsed.status,
            "parse_note": parsed.note}


def _write_items(region: Region, document: PlanDocument, spec: specs.DocumentSpec, parser: _Parsed) -> None:
    style = spec.number_style
    ids: dict[str, int] = {}
    for position, item in parents_first(spec.items):
        row = PlanItem(
            region_id=region.id, document_id=document.id, parent_id=ids.get(item.parent_key),
            key=item.key, position=position, level=item.level, code=item.code,
            printed_code=item.printed_code, name=item.name, responsible_unit=item.responsible_unit,
            extra=dict(item.extra), **_source(item.source),
        )
        db.session.add(row)
        db.session.flush()
        ids[item.key] = row.id
        for ind_position, ind in enumerate(item.indicators):
            baseline = parse_printed(ind.baseline, style)
            end = parse_printed(ind.end_target, style)
            indicator = Indicator(
                region_id=region.id, item_id=row.id, position=ind_position, text=ind.text, unit=ind.unit,
                polarity=ind.polarity, aggregation=ind.aggregation, formula=ind.formula,
                baseline_year=ind.baseline_year, baseline_printed=ind.baseline, baseline_value=baseline.value,
                end_target_printed=ind.end_target, end_target_value=end.value, **_source(ind.source),
            )
            db.session.add(indicator)
            db.session.flush()
            for t in ind.targets:
                db.session.add(Target(region_id=region.id, indicator_id=indicator.id, year=t.year,
                                      quarter=t.quarter, **_value(parse_printed(t.printed, style)),
                                      **_source(t.source or ind.source)))
            for r in ind.realisations:
                db.session.add(Realisation(region_id=region.id, indicator_id=indicator.id, year=r.year,
                                           quarter=r.quarter, **_value(parse_printed(r.printed, style)),
                                           **_source(r.source or ind.source)))
        for b in item.budgets:
            db.session.add(Budget(region_id=region.id, item_id=row.id, year=b.year, kind=b.kind,
                                  **_value(parse_printed(b.printed, style)), **_source(b.source or item.source)))
