"""A plan document as a tree, with indicators, yearly targets and pagu."""

from __future__ import annotations

from flask import Blueprint, render_template, request

from core.security import guard
from core.services import documents as document_service
from core.services import findings as finding_service

bp = Blueprint("documents", __name__)

LEVEL_FILTERS = ("all", "program", "kegiatan", "sub_kegiatan")


@bp.route("/r/<region_code>/documents/<int:document_id>")
@guard("document.view")
def show(region, document_id):
    """The document's item tree; ``?q=`` filters by code or name, keeping the ancestors."""
    document = document_service.document_or_404(region, document_id)
    nodes = document_service.document_tree(document)
    years = document_service.document_years(document, nodes)
    query = request.args.get("q", "").strip()
    if query:
        nodes = _filtered(nodes, query.lower())
    return render_template(
        "documents/show.html",
        region=region,
        document=document,
        nodes=nodes,
        years=years,
        query=query,
        tables=document_service.printed_tables(document),
        finding_counts=finding_service.counts_by_item(document),
        amends=document_service.amended(document),
        move_targets=_move_targets(document),
        amended_by=document_service.amendments(document),
        open_findings=len(finding_service.findings_of(document, status="open")),
    )


@bp.route("/r/<region_code>/documents/<int:document_id>/tables/<int:table_id>")
@guard("document.view")
def table(region, document_id, table_id):
    """A table of the document kept as printed."""
    document = document_service.document_or_404(region, document_id)
    tables = {t.id: t for t in document_service.printed_tables(document)}
    if table_id not in tables:
        from flask import abort

        abort(404)
    return render_template("documents/table.html", region=region, document=document, table=tables[table_id])


def _filtered(nodes, needle):
    """Nodes matching ``needle`` in code or name, with every ancestor kept for context."""
    keep = set()
    by_id = {n.item.id: n for n in nodes}
    for node in nodes:
        item = node.item
        if needle in (item.code or "").lower() or needle in item.name.lower():
            current = item
            while current is not None and current.id not in keep:
                keep.add(current.id)
                parent = by_id.get(current.parent_id)
                current = parent.item if parent else None
    return [n for n in nodes if n.item.id in keep]


def _move_targets(document):
    from flask_login import current_user

    from core.security import can
    from core.views.plan_migration import target_versions

    if document.nomenclature_version_id is None or not can(current_user, "document.edit", document.region):
        return []
    return target_versions(document)
