"""Command-line interface: ``flask --app wsgi seed | users ... | regions`` and the commands
feature plugins add (the demo plugin's ``demo-users``)."""

from __future__ import annotations

import click
from flask import Flask
from flask.cli import AppGroup
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import func, select

from core.audit import acting_as
from core.extensions import db
from core.models import Membership, Region, User
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
        from core.services import passwords

        problems = passwords.problems(password, username, full_name)
        if problems:
            raise click.ClickException(" ".join(problems))
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
@click.option("--name", default="cli", show_default=True, help="What the token is for.")
@click.option("--days", default=90, show_default=True, type=int, help="Days until it expires (at most 365).")
@_lang_option
def issue_token(username, name, days, lang):
    """Issue an API bearer token for USERNAME (printed once, alone; only its hash is kept)."""
    from core.errors import DomainError
    from core.services import accounts as account_service

    with force_locale(lang), acting_as("cli"):
        user = db.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise click.ClickException(_("Unknown user %(username)s.", username=username))
        try:
            _token, secret = account_service.create_token(user, name=name, days=days)
        except DomainError as exc:
            db.session.rollback()
            raise click.ClickException(exc.message()) from exc
        db.session.commit()
        click.echo(secret)


@users.command("revoke-token")
@click.argument("token_id", type=int)
@_lang_option
def revoke_token(token_id, lang):
    """Revoke the API token TOKEN_ID (see ``users tokens USERNAME``)."""
    from core.errors import DomainError
    from core.services import accounts as account_service

    with force_locale(lang), acting_as("cli"):
        try:
            token = account_service.revoke_token(None, token_id)
        except DomainError as exc:
            db.session.rollback()
            raise click.ClickException(exc.message()) from exc
        db.session.commit()
        click.echo(_("The token %(name)s is revoked.", name=token.name))


@users.command("tokens")
@click.argument("username")
def list_tokens(username):
    """List USERNAME's tokens: id, name, created, expires, last used, state."""
    from core.services import accounts as account_service

    user = db.session.scalar(select(User).where(User.username == username))
    if user is None:
        raise click.ClickException(_("Unknown user %(username)s.", username=username))
    for token in account_service.tokens_of(user):
        state = "revoked" if token.revoked else ("active" if token.usable() else "expired")
        click.echo(f"{token.id}\t{token.name}\t{token.created_at:%Y-%m-%d}\t{token.expires_at:%Y-%m-%d}\t"
                   f"{token.last_used_at or '-'}\t{state}")


def _set_active(username: str, active: bool, lang: str) -> None:
    from core.errors import DomainError
    from core.services import accounts as account_service

    with force_locale(lang), acting_as("cli"):
        user = db.session.scalar(select(User).where(User.username == username))
        if user is None:
            raise click.ClickException(_("Unknown user %(username)s.", username=username))
        try:
            account_service.set_user_active(None, user, active)
        except DomainError as exc:
            db.session.rollback()
            raise click.ClickException(exc.message()) from exc
        db.session.commit()
        click.echo(_("%(username)s is active again.", username=username) if active else
                   _("%(username)s is deactivated: their sessions ended and their tokens are revoked.",
                     username=username))


@users.command("deactivate")
@click.argument("username")
@_lang_option
def deactivate(username, lang):
    """Deactivate USERNAME: no sign-in, every session ends, every token is revoked."""
    _set_active(username, False, lang)


@users.command("activate")
@click.argument("username")
@_lang_option
def activate(username, lang):
    """Reactivate USERNAME (their old tokens stay revoked)."""
    _set_active(username, True, lang)


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
