"""API endpoints of the nomenclature: versions, items, diffs, crosswalk rows.

Nomenclature is national reference data: any authenticated caller reads it, so these routes
have no ``region_code`` and :func:`~core.api.auth.api_guard` authenticates only ("login").
"""

from __future__ import annotations

from flask import abort, jsonify, request

from core.api.auth import api_guard
from core.api.views import bp
from core.nomenclature import NoListError
from core.services import nomenclature as service

JURISDICTIONS = ("kabkota", "provinsi", "all")


def _version(code: str | None):
    version = service.version_by_code(code or "")
    if version is None:
        abort(404)
    return version


def _jurisdiction(default: str | None, allowed=JURISDICTIONS) -> str | None:
    value = request.args.get("jurisdiction") or default
    if value is not None and value not in allowed:
        abort(400)
    return value


def _item(item) -> dict:
    return {"code": item.code, "jurisdiction": item.jurisdiction, "level": item.level, "name": item.name,
            "name_en": item.name_en, "indikator": item.indikator, "satuan": item.satuan, "kinerja": item.kinerja,
            "provenance": item.provenance}


@bp.route("/nomenclature/versions")
@api_guard("login")
def nomenclature_versions():
    """Every version with its item counts per jurisdiction."""
    return jsonify([
        {"code": s.version.code, "name": s.version.name, "legal_basis": s.version.legal_basis,
         "provenance": s.version.provenance, "counts": s.counts, "total": s.total}
        for s in service.version_summaries()
    ])


@bp.route("/nomenclature/versions/<version_code>/items")
@api_guard("login")
def nomenclature_items(version_code):
    """A version's items in code order; ``q`` searches code and names, ``jurisdiction`` filters."""
    version = _version(version_code)
    items = service.search_items(version, request.args.get("q"), _jurisdiction(None))
    return jsonify([_item(i) for i in items])


@bp.route("/nomenclature/diff")
@api_guard("login")
def nomenclature_diff():
    """What changed between ``from`` and ``to`` for ``jurisdiction`` (default kabkota)."""
    old, new = _version(request.args.get("from")), _version(request.args.get("to"))
    jurisdiction = _jurisdiction("kabkota", service.DIFF_JURISDICTIONS)
    try:
        result = service.diff(old, new, jurisdiction)
    except (NoListError, ValueError):
        abort(404)
    return jsonify({
        "from": old.code, "to": new.code, "jurisdiction": jurisdiction, "counts": result.counts(),
        "rows": [{"kind": r.kind, "level": r.level, "from_code": r.from_code,
                  "from_name": r.from_item.name if r.from_item else None, "to_code": r.to_code,
                  "to_name": r.to_item.name if r.to_item else None} for r in result.rows],
    })


@bp.route("/nomenclature/crosswalk")
@api_guard("login")
def nomenclature_crosswalk():
    """The national crosswalk rows between ``from`` and ``to`` for ``jurisdiction`` (default kabkota)."""
    old, new = _version(request.args.get("from")), _version(request.args.get("to"))
    jurisdiction = _jurisdiction("kabkota", service.DIFF_JURISDICTIONS)
    rows = []
    for view in service.crosswalk(old, new, jurisdiction):
        row = view.row
        rows.append({
            "id": row.id, "from_code": row.from_code, "to_codes": list(row.to_codes), "kind": row.kind,
            "confidence": str(row.confidence), "basis": row.basis, "status": row.status,
            "candidates": list(row.candidates or []),
            "confirmed_by": row.confirmed_by.username if row.confirmed_by else None,
            "confirmed_at": row.confirmed_at.isoformat() if row.confirmed_at else None, "note": row.note,
        })
    return jsonify({"from": old.code, "to": new.code, "jurisdiction": jurisdiction, "rows": rows})
