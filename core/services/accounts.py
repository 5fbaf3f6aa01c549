"""Accounts and memberships: who may sign in, and which role each holds in which region.

Used by the admin screens, the API and the command line (``actor`` None: trusted CLI). A
region admin, the provincial admin of the region's province and a superadmin manage a
region's members (``members.manage``); only a superadmin names a provincial admin. Every
change is audited by :mod:`core.audit` by itself.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from datetime import timedelta

from flask_babel import gettext as _
from sqlalchemy import func, select

from core.audit import log_event
from core.services import passwords
from core.errors import Conflict, Forbidden, Invalid, NotFound
from core.extensions import db
from core.models import ApiToken, Membership, OrgUnit, Region, User
from core.models.audit import utcnow
from core.models.user import ROLES, UNIT_ROLES, TOKEN_DEFAULT_DAYS, TOKEN_MAX_DAYS, aware
from core.security import can, may_administer


def N_(msgid: str) -> str:
    """Mark ``msgid`` for extraction; domain errors translate it when shown."""
    return msgid


#: A token's last use is written at most this often (not a write per request).
TOKEN_USE_GRANULARITY = timedelta(minutes=1)
#: Attempts at changing one's password (each checks the current one: no guessing it this way).
PASSWORD_CHANGE_LIMIT = "10/minute"
USERNAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{1,79}$")


def user_by_name(username: str) -> User | None:
    """The user ``username``, or None."""
    return db.session.scalar(select(User).where(User.username == (username or "")))


def grant(user: User, region_code: str, role: str, unit_code: str | None = None) -> Membership:
    """Give ``user`` ``role`` in the region ``region_code`` (replacing an earlier role there).

    No permission check: the caller (command line, or :func:`add_membership`) has made it.
    Raises Invalid for an unknown role or region.
    """
    if role not in ROLES:
        raise Invalid(N_("Unknown role %(role)s. Roles: %(roles)s."), role=role, roles=", ".join(ROLES))
    region = db.session.scalar(select(Region).where(Region.code == region_code))
    if region is None:
        raise Invalid(N_("Unknown region %(code)s."), code=region_code)
    if role == "provincial_admin" and region.level != "provinsi":
        raise Invalid(N_("A provincial admin belongs to a province."))
    membership = db.session.scalar(
        select(Membership).where(Membership.user_id == user.id, Membership.region_id == region.id))
    if membership is None:
        membership = Membership(region_id=region.id)
        user.memberships.append(membership)  # the user's loaded roles include it at once
    membership.role = role
    membership.unit_code = unit_code
    return membership


def create_user(actor, *, username, full_name="", password, locale=None) -> User:
    """Create an account; the actor must administer something. The password follows the policy."""
    if actor is not None and not may_administer(actor):
        raise Forbidden()
    username = username.strip() if isinstance(username, str) else ""
    errors = []
    if not USERNAME.match(username):
        errors.append(_("A username is 2 to 80 letters, digits, dots, dashes or underscores."))
    if full_name is not None and not isinstance(full_name, str):
        errors.append(_("Names must be text."))
    errors.extend(passwords.problems(password if isinstance(password, str) else "", username,
                                     full_name if isinstance(full_name, str) else ""))
    if errors:
        raise Invalid(messages=errors)
    if user_by_name(username) is not None:
        raise Conflict(N_("The username %(username)s is taken."), username=username)
    user = User(username=username, full_name=(full_name or "").strip() or username,
                locale=locale if locale in ("id", "en") else None)
    user.set_password(password)
    db.session.add(user)
    db.session.flush()
    return user


def add_membership(actor, region: Region, *, username, role, unit_code=None) -> Membership:
    """Give an existing user a role in ``region`` (a unit operator names its unit)."""
    if actor is not None and not can(actor, "members.manage", region):
        raise Forbidden()
    user = user_by_name(username)
    if user is None:
        raise Invalid(N_("Unknown user %(username)s."), username=username or "")
    unit_code = (unit_code or "").strip() or None
    errors = []
    if role not in ROLES:
        errors.append(_("Unknown role %(role)s. Roles: %(roles)s.", role=role, roles=", ".join(ROLES)))
    elif role == "provincial_admin" and actor is not None and not actor.is_superadmin:
        raise Forbidden(N_("Only a superadmin may name a provincial admin."))
    if role in UNIT_ROLES:
        if unit_code is None:
            errors.append(_("A unit operator or head of unit needs a unit."))
        elif not _unit_exists(region, unit_code):
            errors.append(_("There is no unit %(code)s in this chart.", code=unit_code))
    elif unit_code is not None:
        errors.append(_("Only a unit operator or a head of unit has a unit."))
    if errors:
        raise Invalid(messages=errors)
    return grant(user, region.code, role, unit_code)


def _unit_exists(region: Region, code: str) -> bool:
    return db.session.scalar(select(OrgUnit.id).where(OrgUnit.region_id == region.id, OrgUnit.code == code)
                             .limit(1)) is not None


def remove_membership(actor, region: Region, username: str) -> None:
    """Take ``username``'s role in ``region`` away."""
    if actor is not None and not can(actor, "members.manage", region):
        raise Forbidden()
    user = user_by_name(username)
    membership = None if user is None else db.session.scalar(
        select(Membership).where(Membership.user_id == user.id, Membership.region_id == region.id))
    if membership is None:
        raise NotFound(N_("%(username)s holds no role here."), username=username or "")
    if membership.role == "provincial_admin" and actor is not None and not actor.is_superadmin:
        raise Forbidden(N_("Only a superadmin may name a provincial admin."))
    user.memberships.remove(membership)
    db.session.delete(membership)
    db.session.flush()


def members_of(region: Region) -> list[Membership]:
    """The region's memberships, by username."""
    return db.session.scalars(select(Membership).join(User).where(Membership.region_id == region.id)
                              .order_by(User.username)).all()


# -- managing accounts: passwords, sessions, activation, tokens (issue 13) --------------------
#
# Who manages an account: a superadmin, any; a provincial or region admin, an account that is
# not a superadmin and whose every membership lies in a region where they hold
# ``members.manage`` (a provincial admin membership: only a superadmin, as for naming one).
# An account without any membership is a superadmin's to manage. Nobody manages their own
# account through these (they use their account page), so no one locks themselves out.

def may_manage_user(actor, user: User) -> bool:
    """Whether ``actor`` may deactivate, reset, or sign out ``user`` (see the rule above)."""
    if actor is None:
        return True  # trusted command line
    if not getattr(actor, "is_authenticated", False) or user.id == actor.id:
        return False
    if actor.is_superadmin:
        return True
    if user.is_superadmin or not user.memberships:
        return False
    return all(can(actor, "members.manage", m.region) and m.role != "provincial_admin" for m in user.memberships)


def managed_user(actor, username: str) -> User:
    """The user ``username`` if ``actor`` may manage them: NotFound when they may not (no leak)."""
    user = user_by_name(username)
    if user is not None and actor is not None and user.id == getattr(actor, "id", None):
        raise Forbidden(N_("Manage your own account on your account page."))
    if user is None or not may_manage_user(actor, user):
        raise NotFound(N_("Unknown user %(username)s."), username=username or "")
    return user


def manageable_users(actor, query: str = "", status: str = "all") -> list[User]:
    """The users ``actor`` may manage, filtered by ``query`` (in the username or name) and
    ``status`` (``active``, ``inactive`` or ``all``), by username."""
    from sqlalchemy import or_

    statement = select(User).order_by(User.username)
    query = (query or "").strip()
    if query:
        pattern = f"%{query.lower()}%"
        statement = statement.where(or_(func.lower(User.username).like(pattern),
                                        func.lower(User.full_name).like(pattern)))
    if status == "active":
        statement = statement.where(User.active.is_(True))
    elif status == "inactive":
        statement = statement.where(User.active.is_(False))
    return [u for u in db.session.scalars(statement) if may_manage_user(actor, u)]


def _ended_sessions(user: User, reason: str) -> None:
    user.end_sessions()
    log_event(db.session, "sessions_revoked", "user", entity_id=user.id, detail={"reason": reason})


def change_own_password(user: User, *, current: str, new: str, confirm: str) -> None:
    """``user`` changes their password: the current one, the new one twice, the policy.

    Every session of the user ends (the caller signs the current one in again).
    """
    from core.services.signin import TooManyAttempts
    from core.web.limits import current_limiter

    current, new, confirm = (v if isinstance(v, str) else "" for v in (current, new, confirm))
    if not current_limiter().hit(PASSWORD_CHANGE_LIMIT, "password-change", str(user.id)):
        raise TooManyAttempts()
    if not user.check_password(current):
        raise Invalid(N_("The current password is wrong."))
    errors = []
    if new != confirm:
        errors.append(_("The new passwords differ."))
    if new and new == current:
        errors.append(_("The new password must differ from the current one."))
    errors.extend(passwords.problems(new, user.username, user.full_name or ""))
    if errors:
        raise Invalid(messages=errors)
    user.set_password(new)
    user.must_change_password = False
    log_event(db.session, "password_changed", "user", entity_id=user.id)
    _ended_sessions(user, "password_changed")


def revoke_sessions(actor, user: User) -> None:
    """End every session of ``user`` (their own, or one they manage)."""
    if actor is not None and actor.id != user.id and not may_manage_user(actor, user):
        raise NotFound(N_("Unknown user %(username)s."), username=user.username)
    _ended_sessions(user, "own" if actor is not None and actor.id == user.id else "admin")


def set_user_active(actor, user: User, active) -> User:
    """Deactivate (sessions end, tokens are revoked) or reactivate ``user``."""
    if not isinstance(active, bool):
        raise Invalid(N_("active must be true or false."))
    if actor is not None and actor.id == user.id:
        raise Forbidden(N_("You cannot deactivate or reactivate your own account."))
    if actor is not None and not may_manage_user(actor, user):
        raise NotFound(N_("Unknown user %(username)s."), username=user.username)
    if user.active == active:
        return user
    user.active = active
    if not active:
        for token in db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id,
                                                               ApiToken.revoked.is_(False))):
            token.revoke()
        _ended_sessions(user, "deactivated")
    log_event(db.session, "user_activated" if active else "user_deactivated", "user", entity_id=user.id)
    return user


def temporary_password() -> str:
    """A random password that passes the policy (about 100 bits), for a reset."""
    return "-".join(secrets.token_urlsafe(6) for _ in range(3))


def reset_password(actor, user: User, password: str | None = None) -> str | None:
    """Set a temporary password (the one given, or a random one, returned) that ``user`` must
    change at their next sign-in; every session of theirs ends. Returns the generated password,
    or None when the administrator gave one."""
    if actor is not None and actor.id == user.id:
        raise Forbidden(N_("Change your own password on your account page."))
    if actor is not None and not may_manage_user(actor, user):
        raise NotFound(N_("Unknown user %(username)s."), username=user.username)
    generated = None
    if password is None or password == "":
        password = generated = temporary_password()
    elif not isinstance(password, str):
        raise Invalid(N_("The password must be text."))
    else:
        passwords.require_acceptable(password, user.username, user.full_name or "")
    user.set_password(password)
    user.must_change_password = True
    log_event(db.session, "password_reset", "user", entity_id=user.id,
              detail={"generated": generated is not None})
    _ended_sessions(user, "password_reset")
    return generated


# -- API tokens ------------------------------------------------------------------------------

def hash_token(secret: str) -> str:
    """The stored form of a token (SHA-256: tokens are random, so no salt or stretching is needed)."""
    return hashlib.sha256(secret.encode()).hexdigest()


def create_token(user: User, *, name, days=TOKEN_DEFAULT_DAYS) -> tuple[ApiToken, str]:
    """A named token for ``user`` that expires after ``days`` (1 to 365); the secret is returned
    once and only its hash is kept."""
    name = name.strip() if isinstance(name, str) else ""
    errors = []
    if not name or len(name) > 100:
        errors.append(_("Name the token (1 to 100 characters), e.g. what uses it."))
    if isinstance(days, str) and days.strip().isdigit():
        days = int(days)
    if isinstance(days, bool) or not isinstance(days, int) or not 1 <= days <= TOKEN_MAX_DAYS:
        errors.append(_("A token lasts 1 to %(max)s days.", max=TOKEN_MAX_DAYS))
    if not user.active:
        errors.append(_("This account is deactivated."))
    if errors:
        raise Invalid(messages=errors)
    secret = secrets.token_urlsafe(32)
    token = ApiToken(user_id=user.id, name=name, token_hash=hash_token(secret),
                     expires_at=utcnow() + timedelta(days=days))
    db.session.add(token)
    db.session.flush()
    return token, secret


def tokens_of(user: User) -> list[ApiToken]:
    """Every token of ``user``, newest first (revoked and expired ones included)."""
    return db.session.scalars(select(ApiToken).where(ApiToken.user_id == user.id)
                              .order_by(ApiToken.created_at.desc(), ApiToken.id.desc())).all()


def revoke_token(actor, token_id) -> ApiToken:
    """Revoke a token: the owner's own (another's answers 404), or any from the command line."""
    token = db.session.get(ApiToken, token_id) if isinstance(token_id, int) and not isinstance(token_id, bool) \
        else None
    if token is None or (actor is not None and token.user_id != actor.id):
        raise NotFound(N_("There is no token %(id)s."), id=token_id)
    token.revoke()
    log_event(db.session, "token_revoked", "api_token", entity_id=token.id)
    return token


def token_user(secret: str) -> User | None:
    """The active user a usable token ``secret`` belongs to (its last use recorded at most once
    a minute), or None for an unknown, revoked or expired token."""
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == hash_token(secret)))
    now = utcnow()
    if token is None or not token.usable(now) or not token.user.active:
        return None
    if token.last_used_at is None or aware(token.last_used_at) < now - TOKEN_USE_GRANULARITY:
        token.last_used_at = now
    return token.user


# -- the published demo passwords (issue 13, item 4) -------------------------------------------

def published_demo_passwords_in_use() -> list[str]:
    """Active accounts that still have the password the demo plugin publishes (with demo mode
    off, such a server must not run). Only the demo usernames are looked up and checked."""
    from sqlalchemy.exc import SQLAlchemyError

    try:
        from plugins.demo import published_credentials
    except ImportError:  # the demo plugin is not installed: nothing was published
        return []
    credentials = dict(published_credentials())
    try:
        rows = db.session.execute(select(User.username, User.password_hash).where(
            User.username.in_(credentials), User.active.is_(True)).order_by(User.username)).all()
    except SQLAlchemyError:  # no schema yet (before `flask db upgrade`): no account at all
        db.session.rollback()
        return []
    from werkzeug.security import check_password_hash

    return [name for name, digest in rows if check_password_hash(digest, credentials[name])]


class DemoPasswordsInUse(RuntimeError):
    """Demo mode is off and some accounts still have their published demo passwords."""

    def __init__(self, usernames: list[str]):
        self.usernames = usernames
        super().__init__(demo_refusal_message(usernames))


def demo_refusal_message(usernames: list[str]) -> str:
    """Why the server refuses to run, and how to fix it, in the active language."""
    return _("Pelita refuses to run: demo mode is off, but these accounts still have the password published "
             "for the demo: %(names)s. Change their passwords (flask --app wsgi users create NAME) or deactivate "
             "them (flask --app wsgi users deactivate NAME), or start in demo mode (PELITA_DEMO=1).",
             names=", ".join(usernames))


def refuse_published_demo_passwords(app) -> None:
    """Raise :class:`DemoPasswordsInUse` (message in English and Indonesian) when ``app`` is not
    in demo mode and an active account still has its published demo password."""
    if app.config.get("PELITA_DEMO"):
        return
    from flask_babel import force_locale

    with app.app_context():
        found = published_demo_passwords_in_use()
        db.session.remove()
        if found:
            texts = []
            for locale in ("en", "id"):
                with force_locale(locale):
                    texts.append(demo_refusal_message(found))
            error = DemoPasswordsInUse(found)
            error.args = ("\n".join(texts),)
            raise error


def launched_to_serve() -> bool:
    """Whether this process loads the app to serve it: under a WSGI server (no command line
    context) or ``flask run``; not for ``flask db upgrade``, ``flask users ...`` and the like
    (those must work, to fix what the refusal names)."""
    import click

    context = click.get_current_context(silent=True)
    return context is None or context.command.name == "run"


def install_demo_password_refusal(app) -> None:
    """Without demo mode: every request of a server whose accounts still have their published demo
    passwords answers 503 with the reason (checked once per process, at the first request), for a
    server that was not started through ``wsgi.py``."""
    from flask import render_template, request

    state = {}

    @app.before_request
    def _refuse_demo_passwords():
        if "found" not in state:
            state["found"] = published_demo_passwords_in_use()
        if not state["found"]:
            return None
        message = demo_refusal_message(state["found"])
        app.logger.error(message)
        if request.path.startswith("/api/"):
            return {"error": message, "status": 503}, 503
        return render_template("error.html", code=503, message=message), 503
