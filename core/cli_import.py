"""``flask import REGION [DOCUMENT ...]``: run a region's importers (never destroying anything).

An unchanged source changes nothing; a changed one becomes a new version of its plan beside
the old one (see :mod:`core.services.importing`). One transaction: on any error nothing changes.
"""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from flask_babel import force_locale
from flask_babel import gettext as _

from core.extensions import db


@click.command("import")
@click.argument("region")
@click.argument("documents", nargs=-1)
@click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
              help="Language of the messages.")
@with_appcontext
def import_command(region, documents, lang):
    """Import REGION's source documents (only DOCUMENTS when given)."""
    from core.plugins import current_registry
    from core.services.importing import SeedError, import_regions

    registry = current_registry()
    with force_locale(lang):
        if region not in registry.regions:
            raise click.ClickException(_("No enabled plugin imports region %(code)s.", code=region))
        try:
            report = import_regions(registry, region_codes={region}, document_keys=set(documents) or None)
            db.session.commit()
        except SeedError as exc:
            db.session.rollback()
            raise click.ClickException(_("Import failed, nothing was changed: %(reason)s",
                                         reason=exc.message())) from exc
        for change in report.documents:
            click.echo(_("%(key)s: version %(version)s added (%(values)s values changed, %(added)s items added, "
                         "%(dropped)s items no longer listed)", key=change.key, version=change.version,
                         values=change.values_changed, added=change.items_added, dropped=change.items_dropped))
        if report.charts.get(region):
            counts = report.charts[region]
            click.echo(_("org chart: %(added)s units added, %(changed)s changed",
                         added=counts["units_added"], changed=counts["units_changed"]))
        unchanged = report.unchanged.get(region, [])
        if unchanged:
            click.echo(_("unchanged: %(names)s", names=", ".join(unchanged)))
