"""``flask --app wsgi regions ...``: regions are rows an operator creates, lists, (de)activates.

Each command is one transaction: it commits once when everything is valid, and changes
nothing otherwise (the error is printed in the chosen language).
"""

from __future__ import annotations

import click
from flask.cli import AppGroup
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from core.audit import acting_as
from core.errors import DomainError
from core.extensions import db
from core.models import PlanDocument, Region
from core.specs import REGION_LEVELS


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction; domain errors translate it when shown."""
    return msgid


regions = AppGroup("regions", help="List, create, deactivate and activate regions.")


def _lang_option(f):
    return click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
                        help="Language of the messages.")(f)


def _run(lang, action):
    with force_locale(lang), acting_as("cli"):
        try:
            message = action()
        except DomainError as exc:
            db.session.rollback()
            raise click.ClickException("; ".join(exc.messages)) from exc
        db.session.commit()
        click.echo(message)


@regions.command("list")
@click.option("--all", "show_all", is_flag=True, help="Include deactivated regions.")
def list_regions(show_all):
    """Every region: code, name, kind, parent, plugin (or -), documents, active."""
    from core.plugins import current_registry

    registry = current_registry()
    counts = dict(db.session.execute(
        select(PlanDocument.region_id, func.count()).group_by(PlanDocument.region_id)).all())
    query = select(Region).order_by(Region.code)
    if not show_all:
        query = query.where(Region.enabled.is_(True))
    for region in db.session.scalars(query):
        click.echo("\t".join([
            region.code, region.name, region.level, region.parent.code if region.parent else "-",
            registry.serving_plugin(region.code) or "-", f"{counts.get(region.id, 0)} documents",
            "active" if region.enabled else "inactive",
        ]))


@regions.command("create")
@click.argument("code")
@click.argument("name")
@click.option("--kind", type=click.Choice(REGION_LEVELS), required=True)
@click.option("--parent", "parent_code", default=None, help="The province's code (for a kabupaten or kota).")
@click.option("--name-en", default=None)
@click.option("--agency", "agency_name", default=None, help="The Dinas' name (default: Dinas Sosial NAME).")
@_lang_option
def create(code, name, kind, parent_code, name_en, agency_name, lang):
    """Create region CODE named NAME (e.g. 18.71 "Kota Bandar Lampung" --kind kota --parent 18)."""
    from core.services.regions import create_region

    def action():
        region = create_region(None, code=code, name=name, kind=kind, parent_code=parent_code, name_en=name_en,
                               agency_name=agency_name)
        return _("Region %(code)s %(name)s created.", code=region.code, name=region.name)

    _run(lang, action)


def _set_active(code, lang, active):
    from core.errors import NotFound
    from core.services.regions import region_by_code, set_active

    def action():
        region = region_by_code(code, include_inactive=True)
        if region is None:
            raise NotFound(N_("Unknown region %(code)s."), code=code)
        set_active(None, region, active)
        if active:
            return _("Region %(code)s is active.", code=code)
        return _("Region %(code)s is deactivated.", code=code)

    _run(lang, action)


@regions.command("deactivate")
@click.argument("code")
@_lang_option
def deactivate(code, lang):
    """Deactivate region CODE: it disappears from lists and its pages answer 404 (nothing is deleted)."""
    _set_active(code, lang, False)


@regions.command("activate")
@click.argument("code")
@_lang_option
def activate(code, lang):
    """Activate region CODE again."""
    _set_active(code, lang, True)
