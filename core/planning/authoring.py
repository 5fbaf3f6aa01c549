"""Writing plans in Pelita: documents, items, indicators, targets, budgets, signatories.

A document is created as a draft version (origin ``authored``) of a new plan. A Renja, PK
or Rencana Aksi is based on an approved document (Renja <- Renstra; PK <- Renja or Renstra;
Rencana Aksi <- PK); an item that implements an item of that document starts as a copy of
it: code, name, indicators with the year's target, and the year's pagu; the source keeps its
values, so the difference is readable (:func:`core.planning.amendment.diff`). Program,
kegiatan and sub kegiatan codes must exist in the nomenclature version the region uses for
the year. Every write goes through :mod:`.guards` (drafts only, row versions).
"""

from __future__ import annotations

from decimal import Decimal

from flask_babel import gettext as _
from sqlalchemy import delete, func, select

from core.errors import N_, Conflict, Invalid, NotFound
from core.extensions import db
from core.models import (
    Budget, Finding, FindingAcknowledgement, Indicator, NomenclatureItem, NomenclatureVersion, Plan, PlanDocument,
    PlanItem, PlanningPeriod, PrintedTable, Realisation, Region, Target,
)
from core.planning import guards
from core.planning.values import measured, number
from core.plugins import current_registry
from core.specs import ITEM_LEVELS

#: Document types and the types each may be based on (None: not based on another).
DOC_TYPES = {"renstra": None, "renja": ("renstra",), "pk": ("renja", "renstra"), "rencana_aksi": ("pk",)}
#: Types of which a region has one per year (a PK or Rencana Aksi exists per pair of officials).
ONE_PER_YEAR = {"renja"}
CODED_LEVELS = ("program", "kegiatan", "sub_kegiatan")
POLARITIES = ("higher", "lower")
IN_FORCE = ("approved", "locked")
SOURCE = "authored"


def _int(value, name: str, low: int = 1900, high: int = 2200) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise Invalid(N_("%(field)s must be a year between %(low)s and %(high)s."), field=name, low=low, high=high)
    return value


def jurisdiction(region: Region) -> str:
    return "provinsi" if region.level == "provinsi" else "kabkota"


def nomenclature_for(region: Region, year: int) -> NomenclatureVersion | None:
    """The code list ``region`` plans in for ``year`` (its plugins', its province's or core's)."""
    uses = current_registry().call("pelita_nomenclature_uses", region.code) or ()
    for use in uses:
        if use.from_year <= year and (use.to_year is None or year <= use.to_year):
            return db.session.scalar(select(NomenclatureVersion).where(NomenclatureVersion.code == use.version))
    return None


# -- documents ------------------------------------------------------------------------------------


def document_in(region: Region, document_id) -> PlanDocument:
    """The document ``document_id`` of ``region`` (404 for another region's or none)."""
    if isinstance(document_id, bool) or not isinstance(document_id, int):
        raise NotFound()
    document = db.session.scalar(select(PlanDocument).where(PlanDocument.region_id == region.id,
                                                            PlanDocument.id == document_id))
    if document is None:
        raise NotFound()
    return document


def based_on_of(document: PlanDocument) -> PlanDocument | None:
    if document.based_on_id is None:
        return None
    return db.session.get(PlanDocument, document.based_on_id)


def _free_key(region: Region, key: str) -> str:
    taken = set(db.session.scalars(select(Plan.key).where(Plan.region_id == region.id, Plan.key.like(f"{key}%"))))
    candidate, n = key, 1
    while candidate in taken:
        n += 1
        candidate = f"{key}-{n}"
    return candidate


def create_document(region: Region, *, doc_type, year=None, period_start=None, period_end=None, based_on=None,
                    title=None) -> PlanDocument:
    """A new draft document (version 1 of a new plan) of ``region``."""
    if doc_type not in DOC_TYPES:
        raise Invalid(N_("type must be one of %(choices)s."), choices=", ".join(DOC_TYPES))
    title = guards.text(title, "title", limit=500)
    source = None
    if DOC_TYPES[doc_type] is None:
        start, end = _int(period_start, "period_start"), _int(period_end, "period_end")
        if not 1 <= end - start <= 5:
            raise Invalid(N_("A Renstra covers two to six years: period_end must follow period_start."))
        period = db.session.scalar(select(PlanningPeriod).where(
            PlanningPeriod.region_id == region.id, PlanningPeriod.start_year == start, PlanningPeriod.end_year == end))
        if period is None:
            period = PlanningPeriod(region_id=region.id, start_year=start, end_year=end)
            db.session.add(period)
            db.session.flush()
        key, year, period_id, first_year = f"renstra-{start}-{end}", None, period.id, start
        title = title or f"Renstra {start}-{end}"
    else:
        year = _int(year, "year")
        if based_on is None:
            raise Invalid(N_("based_on is required: the approved document this one is made from."))
        try:
            source = document_in(region, based_on)
        except NotFound:
            raise Invalid(N_("Document %(id)s is not a document of this region."), id=str(based_on)) from None
        if source.doc_type not in DOC_TYPES[doc_type]:
            raise Invalid(N_("A %(type)s is made from a %(choices)s, not from a %(source)s."), type=doc_type,
                          choices=" / ".join(DOC_TYPES[doc_type]), source=source.doc_type)
        if source.status not in IN_FORCE:
            raise Invalid(N_("Document %(id)s is %(status)s: only an approved document can be the basis."),
                          id=str(source.id), status=source.status)
        period = source.period
        if source.year is not None and source.year != year:
            raise Invalid(N_("The basis is for %(basis)s, not %(year)s."), basis=source.year, year=year)
        if period is not None and not period.start_year <= year <= period.end_year:
            raise Invalid(N_("%(year)s is outside the basis's period %(start)s-%(end)s."), year=year,
                          start=period.start_year, end=period.end_year)
        key, period_id, first_year = f"{doc_type}-{year}", source.period_id, year
        title = title or f"{doc_type.replace('_', ' ').title()} {year}"
    existing = db.session.scalar(select(Plan).where(Plan.region_id == region.id, Plan.key == key))
    if existing is not None:
        if doc_type in ONE_PER_YEAR or DOC_TYPES[doc_type] is None:
            raise Conflict(N_("%(key)s exists already: amend it (Perubahan) instead."), key=key)
        key = _free_key(region, key)
    plan = Plan(region_id=region.id, key=key, doc_type=doc_type, title=title, period_id=period_id, year=year)
    db.session.add(plan)
    db.session.flush()
    version = nomenclature_for(region, first_year)
    document = PlanDocument(region_id=region.id, plan_id=plan.id, key=key, doc_type=doc_type, title=title,
                            period_id=period_id, year=year, version=1, origin="authored", status="draft",
                            based_on_id=source.id if source else None, number_style="en",
                            nomenclature_version_id=version.id if version else None, notes=[])
    db.session.add(document)
    db.session.flush()
    return document


def delete_document(document: PlanDocument, expected: int | None) -> None:
    """Delete a draft with everything in it (and its plan when no other version is left)."""
    guards.check_version(document, expected, {"status": document.status})
    guards.require_editable(document)
    if db.session.scalar(select(func.count()).select_from(PlanDocument).where(
            PlanDocument.region_id == document.region_id, PlanDocument.based_on_id == document.id)):
        raise Conflict(N_("Other documents are based on this one: delete them first."))
    items = db.session.scalars(select(PlanItem).where(PlanItem.region_id == document.region_id,
                                                      PlanItem.document_id == document.id)).all()
    _delete_items(document, items)
    for model in (Finding, FindingAcknowledgement, PrintedTable):
        for row in db.session.scalars(select(model).where(model.document_id == document.id)):
            db.session.delete(row)
    plan_id, region_id = document.plan_id, document.region_id
    db.session.delete(document)
    db.session.flush()
    if not db.session.scalar(select(func.count()).select_from(PlanDocument).where(PlanDocument.plan_id == plan_id)):
        plan = db.session.scalar(select(Plan).where(Plan.region_id == region_id, Plan.id == plan_id))
        if plan is not None:
            db.session.delete(plan)
    db.session.flush()


def set_signatories(document: PlanDocument, data: dict, expected: int | None) -> None:
    """A PK's parties (``first``/``second``: name, nip, rank, position), place and date."""
    guards.check_version(document, expected, {"signatories": data})
    guards.require_editable(document)
    if document.doc_type != "pk":
        raise Invalid(N_("Only a Perjanjian Kinerja has signatories."))
    result = {}
    for party in ("first", "second"):
        given = data.get(party)
        if not isinstance(given, dict):
            raise Invalid(N_("%(field)s must be an object with name, nip, rank and position."), field=party)
        result[party] = {k: guards.text(given.get(k), f"{party}.{k}", required=k in ("name", "position"), limit=200)
                         for k in ("name", "nip", "rank", "position")}
        nip = result[party]["nip"]
        if nip is not None and not (nip.replace(" ", "").isascii() and nip.replace(" ", "").isdigit()
                                    and len(nip.replace(" ", "")) == 18):
            raise Invalid(N_("%(field)s: a NIP has 18 digits."), field=f"{party}.nip")
    result["place"] = guards.text(data.get("place"), "place", required=True, limit=200)
    date = guards.text(data.get("date"), "date", required=True, limit=10)
    from datetime import date as _date

    try:
        _date.fromisoformat(date)
    except ValueError:
        raise Invalid(N_("date must be a date as YYYY-MM-DD.")) from None
    result["date"] = date
    document.signatories = result
    db.session.flush()


# -- items ----------------------------------------------------------------------------------------


def item_in(region: Region, item_id) -> PlanItem:
    if isinstance(item_id, bool) or not isinstance(item_id, int):
        raise NotFound()
    item = db.session.scalar(select(PlanItem).where(PlanItem.region_id == region.id, PlanItem.id == item_id))
    if item is None:
        raise NotFound()
    return item


def document_of(item: PlanItem) -> PlanDocument:
    return db.session.scalar(select(PlanDocument).where(PlanDocument.region_id == item.region_id,
                                                        PlanDocument.id == item.document_id))


def _official(region: Region, document: PlanDocument, level: str, code: str) -> NomenclatureItem:
    """The code list's entry for ``code``, or Invalid saying what is wrong."""
    from core.services.nomenclature import validate_code

    version = document.nomenclature_version
    if version is None:
        raise Invalid(N_("No code list is set for this document's year: %(level)s cannot be chosen from it."),
                      level=level)
    entry = db.session.scalar(select(NomenclatureItem).where(
        NomenclatureItem.version_id == version.id, NomenclatureItem.code == code,
        NomenclatureItem.jurisdiction.in_((jurisdiction(region), "all"))))
    if entry is None:  # the library words why (misprinted, another level's, not in this version ...)
        check = validate_code(code, version.code, jurisdiction(region))
        raise Invalid(messages=[check.message or _("Code %(code)s is not in %(version)s.", code=code,
                                                   version=version.name)])
    if entry.level != level:
        raise Invalid(N_("Code %(code)s is a %(actual)s in the code list, not a %(level)s."), code=code,
                      actual=entry.level, level=level)
    return entry


def _next_position(document: PlanDocument) -> int:
    return (db.session.scalar(select(func.max(PlanItem.position)).where(PlanItem.document_id == document.id)) or 0) + 1


def _unit(region: Region, item: PlanItem, value) -> None:
    from core.services.realisation import unit_parents

    text = guards.text(value, "responsible_unit", limit=500)
    item.responsible_unit = text
    codes = unit_parents(region)
    item.responsible_unit_code = text if text in codes else None
    item.unit_by_user = text is not None


def create_item(document: PlanDocument, data: dict) -> PlanItem:
    """A new item of a draft: typed, chosen from the code list, or implementing a basis item."""
    guards.require_editable(document)
    region = document.region
    source = None
    if data.get("implements_item_id") is not None:
        basis = based_on_of(document)
        source = db.session.scalar(select(PlanItem).where(
            PlanItem.region_id == region.id, PlanItem.id == data["implements_item_id"],
            PlanItem.document_id == (basis.id if basis else -1))) if isinstance(data["implements_item_id"], int) else None
        if source is None:
            raise Invalid(N_("implements_item_id must be an item of the document this one is based on."))
    level = data.get("level") or (source.level if source else None)
    if level not in ITEM_LEVELS:
        raise Invalid(N_("level must be one of %(choices)s."), choices=", ".join(ITEM_LEVELS))
    parent = None
    if data.get("parent_id") is not None:
        parent = db.session.scalar(select(PlanItem).where(
            PlanItem.region_id == region.id, PlanItem.document_id == document.id, PlanItem.id == data["parent_id"])
        ) if isinstance(data["parent_id"], int) else None
        if parent is None:
            raise Invalid(N_("parent_id must be an item of this document."))
    elif source is not None and source.parent_id is not None:
        parent = db.session.scalar(select(PlanItem).where(
            PlanItem.document_id == document.id, PlanItem.implements_item_id == source.parent_id))
    code = guards.text(data.get("code"), "code", limit=60) or (source.code if source else None)
    name = guards.text(data.get("name"), "name")
    if level in CODED_LEVELS:
        if code is None:
            raise Invalid(N_("A %(level)s is chosen from the code list: give its code."), level=level)
        entry = _official(region, document, level, code)
        name = name or entry.name
    name = name or (source.name if source else None)
    if name is None:
        raise Invalid(N_("%(field)s is required."), field="name")
    position = _next_position(document)
    item = PlanItem(region_id=region.id, document_id=document.id, parent_id=parent.id if parent else None,
                    key=f"{SOURCE}-{position}", position=position, level=level, code=code, printed_code=code,
                    name=name, extra={}, implements_item_id=source.id if source else None,
                    fields=guards.row_fields(data.get("fields")), source_table=SOURCE,
                    lineage_id=source.lineage_id if source else None)
    if "responsible_unit" in data:
        _unit(region, item, data["responsible_unit"])
    elif source is not None:
        item.responsible_unit, item.responsible_unit_code = source.responsible_unit, source.responsible_unit_code
    db.session.add(item)
    db.session.flush()
    if source is not None:
        _copy_from_basis(document, source, item)
    return item


def _copy_from_basis(document: PlanDocument, source: PlanItem, item: PlanItem) -> None:
    """Start ``item`` from ``source``: its indicators with the year's target, the year's pagu."""
    year = document.year
    for position, indicator in enumerate(db.session.scalars(select(Indicator).where(
            Indicator.region_id == source.region_id, Indicator.item_id == source.id).order_by(Indicator.position))):
        copy = Indicator(region_id=item.region_id, item_id=item.id, position=position, text=indicator.text,
                         unit=indicator.unit, polarity=indicator.polarity, aggregation=indicator.aggregation,
                         capaian_rule=indicator.capaian_rule, formula=indicator.formula,
                         baseline_year=indicator.baseline_year, baseline_printed=indicator.baseline_printed,
                         baseline_value=indicator.baseline_value, end_target_printed=indicator.end_target_printed,
                         end_target_value=indicator.end_target_value, settings_by_user=indicator.settings_by_user,
                         lineage_id=indicator.lineage_id, source_table=SOURCE)
        db.session.add(copy)
        db.session.flush()
        target = db.session.scalar(select(Target).where(Target.indicator_id == indicator.id, Target.year == year,
                                                        Target.quarter.is_(None)))
        if target is not None:
            db.session.add(Target(region_id=item.region_id, indicator_id=copy.id, year=year, quarter=None,
                                  printed=target.printed, value=target.value, parse_status=target.parse_status,
                                  parse_note=target.parse_note, source_table=SOURCE))
    for kind in ("pagu", "anggaran"):
        budget = db.session.scalar(select(Budget).where(
            Budget.item_id == source.id, Budget.kind == kind, Budget.year == year, Budget.quarter.is_(None),
            Budget.entered.is_(False)))
        if budget is not None:
            db.session.add(Budget(region_id=item.region_id, item_id=item.id, year=year, quarter=None, kind="pagu",
                                  printed=budget.printed, value=budget.value, parse_status=budget.parse_status,
                                  source_table=SOURCE))
            break
    db.session.flush()


def update_item(item: PlanItem, data: dict, expected: int | None) -> PlanItem:
    """Change the fields ``data`` sends (name, code, responsible_unit, fields) and nothing else."""
    allowed = ("name", "code", "responsible_unit", "fields")
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise Invalid(N_("These fields cannot be changed here: %(fields)s."), fields=", ".join(unknown))
    guards.check_version(item, expected, data)
    document = document_of(item)
    guards.require_editable(document)
    if "name" in data:
        item.name = guards.text(data["name"], "name", required=True)
    if "code" in data:
        code = guards.text(data["code"], "code", limit=60)
        if item.level in CODED_LEVELS:
            if code is None:
                raise Invalid(N_("A %(level)s is chosen from the code list: give its code."), level=item.level)
            _official(document.region, document, item.level, code)
        item.code = item.printed_code = code
    if "responsible_unit" in data:
        _unit(document.region, item, data["responsible_unit"])
    if "fields" in data:
        item.fields = guards.row_fields(data["fields"], item.fields)
    db.session.flush()
    return item


def _descendants(document: PlanDocument, item: PlanItem) -> list[PlanItem]:
    rows = db.session.scalars(select(PlanItem).where(PlanItem.document_id == document.id)).all()
    children = {}
    for row in rows:
        children.setdefault(row.parent_id, []).append(row)
    found, stack = [], [item]
    while stack:
        current = stack.pop()
        found.append(current)
        stack.extend(children.get(current.id, ()))
    return found


def _delete_items(document: PlanDocument, items: list[PlanItem]) -> None:
    """Delete ``items`` with their indicators, targets, printed values and findings (ORM, audited)."""
    ids = [i.id for i in items]
    if not ids:
        return
    indicator_ids = list(db.session.scalars(select(Indicator.id).where(Indicator.item_id.in_(ids))))
    rows = []
    if indicator_ids:
        rows += db.session.scalars(select(Target).where(Target.indicator_id.in_(indicator_ids))).all()
        rows += db.session.scalars(select(Realisation).where(Realisation.indicator_id.in_(indicator_ids),
                                                             Realisation.entered.is_(False))).all()
        rows += db.session.scalars(select(Indicator).where(Indicator.id.in_(indicator_ids))).all()
    rows += db.session.scalars(select(Budget).where(Budget.item_id.in_(ids), Budget.entered.is_(False))).all()
    rows += db.session.scalars(select(Finding).where(Finding.item_id.in_(ids))).all()
    for row in rows:
        db.session.delete(row)
    db.session.flush()
    depth = {}
    by_id = {i.id: i for i in items}
    for i in items:
        d, p = 0, i.parent_id
        while p in by_id:
            d, p = d + 1, by_id[p].parent_id
        depth[i.id] = d
    for i in sorted(items, key=lambda x: -depth[x.id]):
        db.session.delete(i)
        db.session.flush()


def delete_item(item: PlanItem, expected: int | None) -> None:
    """Delete a draft's item with everything under it."""
    guards.check_version(item, expected, {"name": item.name})
    document = document_of(item)
    guards.require_editable(document)
    _delete_items(document, _descendants(document, item))


# -- indicators, targets, budgets -----------------------------------------------------------------


def indicator_in(region: Region, indicator_id) -> Indicator:
    if isinstance(indicator_id, bool) or not isinstance(indicator_id, int):
        raise NotFound()
    indicator = db.session.scalar(select(Indicator).where(Indicator.region_id == region.id,
                                                          Indicator.id == indicator_id))
    if indicator is None:
        raise NotFound()
    return indicator


def _indicator_fields(indicator: Indicator, data: dict) -> None:
    if "text" in data:
        indicator.text = guards.text(data["text"], "text", required=True)
    if "unit" in data:
        indicator.unit = guards.text(data["unit"], "unit", limit=100)
    if "polarity" in data:
        if data["polarity"] not in POLARITIES:
            raise Invalid(N_("polarity must be higher or lower."))
        indicator.polarity = data["polarity"]
        indicator.settings_by_user = True
    if "baseline" in data:
        if data["baseline"] is None or data["baseline"] == "":
            indicator.baseline_printed = indicator.baseline_value = None
        else:
            printed, value, _status = measured(data["baseline"], "baseline")
            indicator.baseline_printed, indicator.baseline_value = printed, value
    if "end_target" in data:
        if data["end_target"] is None or data["end_target"] == "":
            indicator.end_target_printed = indicator.end_target_value = None
        else:
            printed, value, _status = measured(data["end_target"], "end_target")
            indicator.end_target_printed, indicator.end_target_value = printed, value


INDICATOR_FIELDS = ("text", "unit", "baseline", "polarity", "end_target")


def create_indicator(item: PlanItem, data: dict) -> Indicator:
    document = document_of(item)
    guards.require_editable(document)
    unknown = sorted(set(data) - set(INDICATOR_FIELDS))
    if unknown:
        raise Invalid(N_("These fields cannot be changed here: %(fields)s."), fields=", ".join(unknown))
    position = (db.session.scalar(select(func.max(Indicator.position)).where(Indicator.item_id == item.id)) or -1) + 1
    indicator = Indicator(region_id=item.region_id, item_id=item.id, position=position, text="",
                          source_table=SOURCE)
    _indicator_fields(indicator, {"text": data.get("text"), **data})
    db.session.add(indicator)
    db.session.flush()
    return indicator


def update_indicator(indicator: Indicator, data: dict, expected: int | None) -> Indicator:
    unknown = sorted(set(data) - set(INDICATOR_FIELDS))
    if unknown:
        raise Invalid(N_("These fields cannot be changed here: %(fields)s."), fields=", ".join(unknown))
    guards.check_version(indicator, expected, data)
    guards.require_editable(document_of(item_of(indicator)))
    _indicator_fields(indicator, data)
    db.session.flush()
    return indicator


def item_of(indicator: Indicator) -> PlanItem:
    return db.session.scalar(select(PlanItem).where(PlanItem.region_id == indicator.region_id,
                                                    PlanItem.id == indicator.item_id))


def document_years(document: PlanDocument) -> list[int]:
    if document.doc_type == "renstra" or document.year is None:
        period = document.period
        return list(range(period.start_year, period.end_year + 1)) if period else []
    return [document.year]


def _year(document: PlanDocument, year: int) -> None:
    years = document_years(document)
    if year not in years:
        raise Invalid(N_("%(year)s is not a year of this document (%(years)s)."), year=year,
                      years=", ".join(map(str, years)))


def set_target(indicator: Indicator, year: int, quarter, value, expected: int | None) -> Target | None:
    """Set (or with ``value`` None, remove) the indicator's target for a year or a quarter."""
    document = document_of(item_of(indicator))
    if quarter is not None and (isinstance(quarter, bool) or quarter not in (1, 2, 3, 4)):
        raise Invalid(N_("quarter must be 1, 2, 3, 4 or null."))
    row = db.session.scalar(select(Target).where(
        Target.region_id == indicator.region_id, Target.indicator_id == indicator.id, Target.year == year,
        Target.quarter.is_(None) if quarter is None else Target.quarter == quarter))
    guards.check_version(row, expected, {"value": value}, required=row is not None)
    guards.require_editable(document)
    _year(document, year)
    if quarter is not None and document.doc_type != "rencana_aksi":
        raise Invalid(N_("Quarterly targets belong to a Rencana Aksi."))
    if value is None:
        if row is not None:
            db.session.delete(row)
            db.session.flush()
        return None
    printed, parsed, status = measured(value, "value")
    if row is None:
        row = Target(region_id=indicator.region_id, indicator_id=indicator.id, year=year, quarter=quarter,
                     source_table=SOURCE, printed=printed)
        db.session.add(row)
    row.printed, row.value, row.parse_status, row.parse_note = printed, parsed, status, None
    db.session.flush()
    return row


def set_budget(item: PlanItem, year: int, pagu, expected: int | None, kind: str = "pagu") -> Budget | None:
    """Set (or with ``pagu`` None, remove) the item's pagu for ``year``."""
    document = document_of(item)
    row = db.session.scalar(select(Budget).where(
        Budget.region_id == item.region_id, Budget.item_id == item.id, Budget.kind == kind, Budget.year == year,
        Budget.quarter.is_(None), Budget.entered.is_(False)))
    guards.check_version(row, expected, {"pagu": pagu}, required=row is not None)
    guards.require_editable(document)
    _year(document, year)
    if pagu is None:
        if row is not None:
            db.session.delete(row)
            db.session.flush()
        return None
    value = number(pagu, "pagu", "money")
    if row is None:
        row = Budget(region_id=item.region_id, item_id=item.id, year=year, quarter=None, kind=kind,
                     source_table=SOURCE, printed="")
        db.session.add(row)
    row.printed, row.value, row.parse_status = str(value), value, "number"
    db.session.flush()
    return row


def money(value: Decimal | None) -> str | None:
    return None if value is None else str(value)
