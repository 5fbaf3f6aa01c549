"""``flask --app wsgi report list|render``: the regions' reports for batch use."""

from __future__ import annotations

import json
from pathlib import Path

import click
from flask.cli import AppGroup
from sqlalchemy import select

report = AppGroup("report", help="List and render the regions' reports.")


def _region(code: str):
    from core.extensions import db
    from core.models import Region

    region = db.session.scalar(select(Region).where(Region.code == code))
    if region is None:
        raise click.ClickException(f"no region {code!r}")
    return region


@report.command("list")
@click.option("--region", "code", required=True, help="Kode wilayah, e.g. 91.01.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
def list_reports(code: str, as_json: bool) -> None:
    """The layouts of a region and the documents each renders from."""
    from core.plugins import current_registry as plugins
    from core.reports.registry import applicable, region_layouts
    from core.services.documents import documents_of

    region = _region(code)
    entries = applicable(region_layouts(plugins(), code), documents_of(region))
    data = [
        {"layout": layout.id, "title": layout.title, "doc_types": list(layout.doc_types),
         "documents": [{"id": d.id, "key": d.key, "type": d.doc_type, "title": d.title} for d in documents]}
        for layout, documents in entries
    ]
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    for entry in data:
        click.echo(f"{entry['layout']}\t{entry['title']}")
        for d in entry["documents"]:
            click.echo(f"  --document {d['id']}\t{d['key']}\t{d['title']}")


@report.command("render")
@click.option("--region", "code", required=True, help="Kode wilayah, e.g. 91.01.")
@click.option("--layout", "layout_id", required=True, help="Layout id (see `report list`).")
@click.option("--document", "document_id", type=int, help="Document id (default: the first that fits).")
@click.option("--format", "fmt", required=True, help="html, or an exporter's format (xlsx, pdf ...).")
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True)
@click.option("--output", type=click.Path(dir_okay=False, path_type=Path), required=True)
def render(code, layout_id, document_id, fmt, lang, output) -> None:
    """Render one report to a file."""
    from core.plugins import current_registry as plugins
    from core.extensions import db
    from core.models import PlanDocument
    from core.reports.build import build_report, render_report
    from core.reports.registry import layout_by_id, region_layouts
    from core.services.documents import documents_of

    from core.reports.build import formats

    if fmt not in formats(plugins()):
        raise click.ClickException(f"unknown format {fmt!r} (known: {', '.join(formats(plugins()))})")
    region = _region(code)
    layout = layout_by_id(region_layouts(plugins(), code), layout_id)
    if layout is None:
        raise click.ClickException(f"region {code} has no layout {layout_id!r}")
    if document_id is None:
        documents = [d for d in documents_of(region) if d.doc_type in layout.doc_types]
        if not documents:
            raise click.ClickException(f"region {code} has no document for {layout_id!r}")
        document = documents[0]
    else:
        document = db.session.scalar(select(PlanDocument).where(
            PlanDocument.id == document_id, PlanDocument.region_id == region.id))
        if document is None:
            raise click.ClickException(f"region {code} has no document {document_id}")
        if document.doc_type not in layout.doc_types:
            raise click.ClickException(f"layout {layout_id!r} does not render {document.doc_type} documents")
    body = render_report(build_report(region, layout, document, lang), fmt)
    output.write_bytes(body)
    click.echo(f"{output}: {len(body)} bytes ({layout_id}, document {document.id}, {fmt}, {lang})")
