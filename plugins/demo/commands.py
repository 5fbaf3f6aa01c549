"""``flask demo-users``: create the demo accounts every enabled plugin offers, and print them."""

from __future__ import annotations

import click
from flask.cli import with_appcontext
from sqlalchemy import select

from core.audit import acting_as
from core.extensions import db


def _assign(registry) -> None:
    from core.models import PlanItem, Region
    from core.services.documents import current_document

    for assignment in registry.feature_items("pelita_demo_assignments"):
        region = db.session.scalar(select(Region).where(Region.code == assignment.region_code))
        document = current_document(region, assignment.document_key) if region is not None else None
        item = document and db.session.scalar(select(PlanItem).where(
            PlanItem.document_id == document.id, PlanItem.code == assignment.item_code))
        if item is not None and item.responsible_unit_code is None and document.status != "locked":
            item.responsible_unit_code = assignment.unit_code
            click.echo(f"  demo: {assignment.unit_code} answers for {assignment.item_code} in "
                       f"{assignment.region_code} {assignment.document_key}")


@click.command("demo-users")
@with_appcontext
def demo_users():
    """Create the demo accounts (for a demo install only) and print them."""
    from core.cli import grant
    from core.models import Region, User
    from core.plugins import current_registry

    registry = current_registry()
    accounts = registry.feature_items("pelita_demo_accounts")
    with acting_as("cli"):
        for account in accounts:
            user = db.session.scalar(select(User).where(User.username == account.username))
            if user is None:
                user = User(username=account.username, full_name=account.full_name,
                            is_superadmin=account.superadmin)
                user.set_password(account.password)
                db.session.add(user)
                db.session.flush()
            for region_code, role, unit in account.memberships:
                if db.session.scalar(select(Region).where(Region.code == region_code)) is None:
                    click.echo(f"  (region {region_code} is not loaded: {account.username} gets no role there)")
                    continue
                grant(user, region_code, role, unit)
        _assign(registry)
        db.session.commit()
    click.echo("Demo users (username / password):")
    for account in accounts:
        click.echo(f"  {account.username:10} {account.password:22} {account.full_name}")
