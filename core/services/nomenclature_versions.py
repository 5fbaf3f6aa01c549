"""The national nomenclature versions Pelita knows, their items and national crosswalks.

:func:`ensure_versions` creates the version rows (documents refer to them while seeding);
:func:`load_nomenclature` then writes every version's items from :mod:`core.nomenclature`
(with provenance and English names) and the national crosswalk rows. Both are idempotent:
a second run changes nothing, and a crosswalk row a person confirmed or rejected is never
overwritten.

Kepmendagri 050-5889/2021 has no list of its own: its items are those of 050-3708/2020,
amended by what the seeded Renstra documents planned in that version print (printed code and
name, with the region, document and source line as provenance). Nothing is invented.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from core.extensions import db
from core.models import NomenclatureItem, NomenclatureVersion, PlanDocument, PlanItem, Region
from core.models.nomenclature import NomenclatureCrosswalkRow
from core.nomenclature import (
    VERSIONS,
    NomenclatureItemSpec,
    amend,
    items_for,
    load_derived_crosswalk,
    load_items,
    propose,
)
from core.nomenclature.loader import english_name, find_item
from core.nomenclature.names import normalise_name

#: code -> (name, legal basis). Item lists are reference data with their own provenance.
KNOWN_VERSIONS = {
    "pmdn13-2006": ("Permendagri 13/2006", "Peraturan Menteri Dalam Negeri Nomor 13 Tahun 2006"),
    "pmdn90-2019": (
        "Permendagri 90/2019 (Kepmendagri 050-3708/2020)",
        "Permendagri Nomor 90 Tahun 2019, dimutakhirkan dengan Kepmendagri Nomor 050-3708 Tahun 2020",
    ),
    "kmdn050-5889-2021": ("Kepmendagri 050-5889/2021", "Keputusan Menteri Dalam Negeri Nomor 050-5889 Tahun 2021"),
    "kmdn900-1317-2023": (
        "Kepmendagri 900.1.15.5-1317/2023",
        "Keputusan Menteri Dalam Negeri Nomor 900.1.15.5-1317 Tahun 2023",
    ),
}

#: The version whose list is amended from the seeds, and the documents it is amended from.
AMENDED_VERSION = "kmdn050-5889-2021"
AMENDING_DOC_TYPES = ("renstra",)
#: Levels a seed printing may add to a list (the lists hold bidang 1.06 programs downwards).
AMENDING_LEVELS = ("program", "kegiatan", "sub_kegiatan")

#: National crosswalks loaded at seeding: (from, to, jurisdiction, how).
NATIONAL_CROSSWALKS = (
    ("pmdn90-2019", "kmdn900-1317-2023", "kabkota", "derived"),
    ("pmdn13-2006", "pmdn90-2019", "kabkota", "propose"),
    ("pmdn13-2006", "pmdn90-2019", "provinsi", "propose"),
)
DERIVED_SOURCE = "core/nomenclature/data (derived by matching names, not official)"
PROPOSED_SOURCE = "core.nomenclature.propose (name similarity and program mapping)"

#: English for names only a seed prints (names_en.csv covers the reference lists); written for
#: Pelita, following the English of the nearest listed name.
SEED_NAMES_EN = {
    "Rehabilitasi Sosial Dasar Penyandang Disabilitas Terlantar, Anak, Terlantar, Lanjut Usia Terlantar, "
    "serta Gelandangan di Luar Pantii Sosial": (
        "Basic Social Rehabilitation of Neglected Persons with Disabilities, Neglected Children, Neglected "
        "Older Persons and Homeless People outside Social Institutions"),
    "Pemberian layanan reunifikasi keluarga": "Family Reunification Services",
}

ITEM_FIELDS = ("level", "name", "name_en", "indikator", "satuan", "kinerja", "provenance")
CROSSWALK_FIELDS = ("position", "to_codes", "kind", "confidence", "basis", "candidates", "note", "source")


@dataclass
class LoadReport:
    """What :func:`load_nomenclature` changed: item and crosswalk rows added, updated, removed."""

    items_added: int = 0
    items_updated: int = 0
    items_removed: int = 0
    crosswalk_added: int = 0
    crosswalk_updated: int = 0
    crosswalk_removed: int = 0


def ensure_versions() -> dict[str, NomenclatureVersion]:
    """Create the known version rows that are missing; return all of them by code."""
    existing = {v.code: v for v in db.session.scalars(select(NomenclatureVersion))}
    for code, (name, basis) in KNOWN_VERSIONS.items():
        if code not in existing:
            existing[code] = NomenclatureVersion(code=code, name=name, legal_basis=basis)
            db.session.add(existing[code])
    db.session.flush()
    return existing


def seed_printings() -> tuple[NomenclatureItemSpec, ...]:
    """Items the seeded Renstra documents in Kepmendagri 050-5889/2021 print that its list lacks.

    A printed code absent from the inherited list is added; one whose name differs (beyond
    :func:`~core.nomenclature.names.normalise_name`) replaces the inherited name, and its
    provenance quotes the name it replaced. The first printing of a code wins (regions in code
    order, then documents by key, then document order). Only bidang 1.06 programs, kegiatan
    and sub kegiatan whose code the document prints count: a code a region plugin
    reconstructed (``printed_code`` empty, e.g. a Renstra's uncoded Program Penunjang rows)
    is not evidence of what the list holds.
    """
    rows = db.session.execute(
        select(PlanItem, PlanDocument.key, Region)
        .join(PlanDocument, PlanDocument.id == PlanItem.document_id)
        .join(Region, Region.id == PlanItem.region_id)
        .join(NomenclatureVersion, NomenclatureVersion.id == PlanDocument.nomenclature_version_id)
        .where(NomenclatureVersion.code == AMENDED_VERSION, PlanDocument.doc_type.in_(AMENDING_DOC_TYPES),
               PlanItem.level.in_(AMENDING_LEVELS), PlanItem.code.like("1.06.%"),
               PlanItem.printed_code.is_not(None), PlanItem.printed_code != "")
        .order_by(Region.code, PlanDocument.key, PlanItem.position)
    ).all()
    found: dict[tuple[str, str], NomenclatureItemSpec] = {}
    for item, document_key, region in rows:
        jurisdiction = "provinsi" if region.level == "provinsi" else "kabkota"
        if (jurisdiction, item.code) in found:
            continue
        inherited = find_item(AMENDED_VERSION, jurisdiction, item.code)
        if inherited is not None and normalise_name(inherited.name) == normalise_name(item.name):
            continue
        where = f"printed in {region.name} {document_key} line {item.source_line}"
        if item.source_table:
            where += f" ({item.source_table})"
        if inherited is not None:
            where += f"; the inherited list reads {inherited.name!r}"
        found[(jurisdiction, item.code)] = NomenclatureItemSpec(
            version=AMENDED_VERSION, jurisdiction=jurisdiction, code=item.code, level=item.level,
            name=item.name, name_en=english_name(item.name) or SEED_NAMES_EN.get(item.name), provenance=where,
        )
    return tuple(found.values())


def version_items() -> dict[str, tuple[NomenclatureItemSpec, ...]]:
    """Every version's items as they are stored: the library's lists, 050-5889 amended."""
    out = {code: load_items(code) for code in VERSIONS}
    out[AMENDED_VERSION] = amend(out[AMENDED_VERSION], seed_printings())
    return out


def load_nomenclature(versions: dict[str, NomenclatureVersion] | None = None) -> LoadReport:
    """Write every version's items and the national crosswalks; idempotent. Call after seeding documents."""
    versions = versions or ensure_versions()
    report = LoadReport()
    for code, spec in VERSIONS.items():
        version = versions[code]
        for attr, value in (("name", spec.name), ("legal_basis", spec.legal_basis), ("provenance", spec.provenance)):
            if getattr(version, attr) != value:
                setattr(version, attr, value)
    items = version_items()
    for code, specs in items.items():
        _sync_items(versions[code], specs, report)
    for from_code, to_code, jurisdiction, how in NATIONAL_CROSSWALKS:
        wanted = _derived_rows(items) if how == "derived" else _proposed_rows(from_code, to_code, jurisdiction)
        _sync_crosswalk(versions[from_code], versions[to_code], jurisdiction, wanted, report)
    db.session.flush()
    return report


def _sync_items(version: NomenclatureVersion, specs, report: LoadReport) -> None:
    existing = {(i.jurisdiction, i.code): i for i in db.session.scalars(
        select(NomenclatureItem).where(NomenclatureItem.version_id == version.id))}
    seen = set()
    for spec in specs:
        key = (spec.jurisdiction, spec.code)
        seen.add(key)
        row = existing.get(key)
        if row is None:
            db.session.add(NomenclatureItem(version_id=version.id, jurisdiction=spec.jurisdiction, code=spec.code,
                                            **{f: getattr(spec, f) for f in ITEM_FIELDS}))
            report.items_added += 1
            continue
        changed = False
        for field in ITEM_FIELDS:
            if getattr(row, field) != getattr(spec, field):
                setattr(row, field, getattr(spec, field))
                changed = True
        report.items_updated += changed
    for key, row in existing.items():
        if key not in seen:
            db.session.delete(row)
            report.items_removed += 1


def _candidate(code: str, name: str, confidence, basis: str) -> dict:
    return {"code": code, "name": name, "confidence": str(confidence), "basis": basis}


def _derived_rows(items) -> list[dict]:
    crosswalk = load_derived_crosswalk()
    names = {i.code: i.name for i in items[crosswalk.to_version] if i.jurisdiction == crosswalk.jurisdiction}
    out = []
    for position, row in enumerate(crosswalk.rows):
        out.append({
            "from_code": row.from_code, "position": position, "to_codes": list(row.to_codes),
            "kind": row.kind, "confidence": row.confidence, "basis": row.basis, "note": row.note,
            "candidates": [_candidate(c, names.get(c, ""), row.confidence, row.basis) for c in row.to_codes],
            "source": DERIVED_SOURCE,
        })
    return out


def _proposed_rows(from_version: str, to_version: str, jurisdiction: str) -> list[dict]:
    proposals = propose(items_for(from_version, jurisdiction), items_for(to_version, jurisdiction))
    out = []
    for position, proposal in enumerate(proposals):
        row = proposal.to_row()
        out.append({
            "from_code": row.from_code, "position": position, "to_codes": list(row.to_codes),
            "kind": row.kind, "confidence": row.confidence, "basis": row.basis, "note": row.note,
            "candidates": [_candidate(c.code, c.name, c.confidence, c.basis) for c in proposal.candidates],
            "source": PROPOSED_SOURCE,
        })
    return out


def row_key(from_code: str | None, to_codes) -> str:
    """Identity of a row within one crosswalk: the old code, or ``+new`` for a code that is new."""
    return from_code if from_code else "+" + ",".join(to_codes)


def _sync_crosswalk(from_version, to_version, jurisdiction: str, wanted: list[dict], report: LoadReport) -> None:
    existing = {row_key(r.from_code, r.to_codes): r for r in db.session.scalars(
        select(NomenclatureCrosswalkRow).where(
            NomenclatureCrosswalkRow.from_version_id == from_version.id,
            NomenclatureCrosswalkRow.to_version_id == to_version.id,
            NomenclatureCrosswalkRow.jurisdiction == jurisdiction,
            NomenclatureCrosswalkRow.region_id.is_(None)))}
    seen = set()
    for values in wanted:
        key = row_key(values["from_code"], values["to_codes"])
        seen.add(key)
        row = existing.get(key)
        if row is None:
            db.session.add(NomenclatureCrosswalkRow(
                from_version_id=from_version.id, to_version_id=to_version.id, jurisdiction=jurisdiction,
                region_id=None, status="proposed", **values))
            report.crosswalk_added += 1
        elif row.status == "proposed":  # a person's decision is never overwritten
            changed = False
            for field in CROSSWALK_FIELDS:
                if getattr(row, field) != values[field]:
                    setattr(row, field, values[field])
                    changed = True
            report.crosswalk_updated += changed
    for key, row in existing.items():
        if key not in seen and row.status == "proposed":
            db.session.delete(row)
            report.crosswalk_removed += 1
