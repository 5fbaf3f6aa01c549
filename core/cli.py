"""Command-line interface: ``flask --app wsgi seed | users ... | regions`` and the commands
feature plugins add (the demo plugin's ``demo-users``)."""

from __future__ import annotations

import hashlib
import secrets

import click
from flask import Flask
from flask.cli import AppGroup
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from core.audit import acting_as
from core.extensions import db
from core.models import ApiToken, Membership, Region, User
from core.models.user import ROLES

users = AppGroup("users", help="Create users, grant memberships, issue API tokens.")

def _lang_option(f):
    return click.option("--lang", type=click.Choice(["id", "en"]), default="id", show_default=True,
                        help="Language of the messages.")(f)


def _parse_member(value: str) -> tuple[str, str, str | None]:
    parts = value.split(":")
    if len(parts) not in (2, 3):
        raise click.BadParameter(_("Use REGION:ROLE or REGION:ROLE:UNIT, e.g. 91.01:planner."))
    return parts[0], parts[1], parts[2] if len(parts) == 3 else None


def grant(user: User, region_code: str, role: str, unit_code: str | None = None) -> Membership:
    """Give ``user`` ``role`` in the region ``region_code`` (see :func:`core.services.accounts.grant`)."""
    from core.errors import DomainError
    from core.services.accounts import grant as grant_role

    try:
        return grant_role(user, region_code, role, unit_code)
    except DomainError as exc:
        raise click.BadParameter(exc.message()) from exc


@users.command("create")
@click.argument("username")
@click.option("--password", prompt=True, hide_input=True, confirmation_prompt=True)
@click.option("--name", "full_name", default="")
@click.option("--superadmin", is_flag=True)
@click.option("--member", "members", multiple=True, help="REGION:ROLE[:UNIT], repeatable (e.g. 91.01:planner).")
@_lang_option
def create_user(username, password, full_name, superadmin, members, lang):
    """Create a user (or update an existing one's password and memberships)."""
    with force_locale(lang), acting_as("cli"):
        if len(password) < 8:
            raise click.ClickException(_("The password must be at least 8 characters."))
        user = db.session.scalar(select(User).where(User.username == username))
        if user is None:
            user = User(username=username, full_name=full_name or username)
            db.session.add(user)
        user.is_superadmin = superadmin or user.is_superadmin
        user.set_password(password)
        db.session.flush()
        try:
            for value in members:
                grant(user, *_parse_member(value))
        except click.BadParameter as exc:
            db.session.rollback()
            raise click.ClickException(exc.format_message()) from exc
        db.session.commit()
        click.echo(_("User %(username)s saved.", username=username))


@users.command("grant")
@click.argument("username")
@click.argument("member")
@_lang_option
def grant_member(username, member, lang):
    """Grant USERNAME a role in a region: REGION:ROLE[:UNIT]."""
    with force_locale(lang), acting_as("cli"):
        user = db.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise click.ClickException(_("Unknown user %(username)s.", username=username))
        try:
            grant(user, *_parse_member(member))
        except click.BadParameter as exc:
            db.session.rollback()
            raise click.ClickException(exc.format_message()) from exc
        db.session.commit()
        click.echo(_("User %(username)s saved.", username=username))


@users.command("token")
@click.argument("username")
@_lang_option
def issue_token(username, lang):
    """Issue an API bearer token for USERNAME (shown once; only its hash is kept)."""
    with force_locale(lang), acting_as("cli"):
        user = db.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise click.ClickException(_("Unknown user %(username)s.", username=username))
        token = secrets.token_urlsafe(32)
        db.session.add(ApiToken(user_id=user.id, token_hash=hashlib.sha256(token.encode()).hexdigest()))
        db.session.commit()
        click.echo(token)


@users.command("list")
def list_users():
    """List users and their memberships."""
    for user in db.session.scalars(select(User).order_by(User.username)):
        roles = ", ".join(f"{m.region.code}:{m.role}" for m in user.memberships)
        click.echo(f"{user.username}\t{'superadmin' if user.is_superadmin else ''}\t{roles}")


def register(app: Flask) -> None:
    """Attach Pelita's commands to ``app``."""
    app.cli.add_command(users)
    from core.cli_import import import_command
    from core.cli_reports import report

    app.cli.add_command(import_command)

    app.cli.add_command(report)
    from core.cli_regions import regions

    app.cli.add_command(regions)

    @app.cli.command("seed")
    @_lang_option
    def seed(lang):
        """Load every enabled region's plugin data (idempotent, one transaction)."""
        from core.plugins import current_registry as plugins
        from core.services.seeding import SeedError, seed_all

        with force_locale(lang):
            try:
                report = seed_all(plugins())
            except SeedError as exc:
                raise click.ClickException(_("Seeding failed, nothing was changed: %(reason)s",
                                             reason=exc.message())) from exc
            for code in sorted(plugins().regions):
                click.echo(_("%(code)s: loaded %(created)s; unchanged %(unchanged)s",
                             code=code, created=", ".join(report.created.get(code, [])) or "-",
                             unchanged=", ".join(report.unchanged.get(code, [])) or "-"))

    # Commands of the enabled feature plugins (e.g. the demo plugin's ``demo-users``),
    # validated at startup (names unique, none of core's).
    from core.plugins import current_registry

    for command in current_registry(app).feature_items("pelita_cli_commands"):
        app.cli.add_command(command)
