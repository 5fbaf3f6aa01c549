"""Signing in: passwords checked in equal time, attempts limited, accounts locked for a while.

Limits: per address (many accounts tried from one place) and per account (one account tried
from many places). An account with too many failed sign-ins in a row is locked for
``LOCK_MINUTES``, counted from the audit trail, so every web worker sees the same lock.
"""

from __future__ import annotations

from datetime import timedelta, timezone

from sqlalchemy import func, select
from werkzeug.security import check_password_hash, generate_password_hash

from core.audit import log_event
from core.errors import DomainError, N_
from core.extensions import db
from core.models import AuditLog, User
from core.models.audit import utcnow
from core.web.limits import current_limiter

PER_ADDRESS = "30/minute"
PER_ACCOUNT = "10/minute"
LOCK_AFTER_FAILURES = 10
LOCK_MINUTES = 15
# A hash of nothing anybody knows, checked when the username is unknown, so that an unknown
# user takes as long to refuse as a wrong password.
_DUMMY_HASH = generate_password_hash("pelita-no-such-user")


class SigninRefused(DomainError):
    """A refused sign-in; the message never says whether the username exists."""

    status = 401
    default_msgid = N_("Wrong username or password.")


class TooManyAttempts(DomainError):
    """Too many attempts from one address or on one account."""

    status = 429
    default_msgid = N_("Too many sign-in attempts. Wait a few minutes and try again.")


def authenticate(username: str, password: str, *, address: str | None, agent: str) -> User:
    """The user whose ``password`` matches, or a refusal (audited with address and agent)."""
    username = username.strip()[:80]
    context = {"username": username, "ip": address, "user_agent": agent[:200]}
    limiter = current_limiter()
    if not limiter.hit(PER_ADDRESS, "signin-address", address or "-") or \
            not limiter.hit(PER_ACCOUNT, "signin-account", username.lower()):
        log_event(db.session, "login_rate_limited", "user", detail=context)
        raise TooManyAttempts()
    user = db.session.scalar(select(User).where(User.username == username))
    if user is None:
        check_password_hash(_DUMMY_HASH, password)
        log_event(db.session, "login_failed", "user", detail={**context, "reason": "unknown"})
        raise SigninRefused()
    if _recent_failures(user) >= LOCK_AFTER_FAILURES:
        check_password_hash(_DUMMY_HASH, password)
        log_event(db.session, "login_locked", "user", entity_id=user.id, detail=context)
        raise TooManyAttempts(N_("This account is locked for %(minutes)s minutes after too many failed "
                                 "sign-ins. Try again later or ask an administrator."), minutes=LOCK_MINUTES)
    if not user.check_password(password) or not user.active:
        log_event(db.session, "login_failed", "user", entity_id=user.id,
                  detail={**context, "reason": "password" if user.active else "inactive"})
        raise SigninRefused()
    limiter.clear(PER_ACCOUNT, "signin-account", username.lower())
    log_event(db.session, "login", "user", entity_id=user.id, detail=context)
    return user


def _recent_failures(user: User) -> int:
    """Failed sign-ins of ``user`` since their last success, within the lock window."""
    since = utcnow() - timedelta(minutes=LOCK_MINUTES)
    last_success = db.session.scalar(select(func.max(AuditLog.at)).where(
        AuditLog.entity == "user", AuditLog.entity_id == user.id, AuditLog.action == "login"))
    if last_success is not None:
        if last_success.tzinfo is None:  # SQLite gives naive UTC back
            last_success = last_success.replace(tzinfo=timezone.utc)
        since = max(since, last_success)
    return db.session.scalar(select(func.count()).select_from(AuditLog).where(
        AuditLog.entity == "user", AuditLog.entity_id == user.id, AuditLog.action == "login_failed",
        AuditLog.at > since)) or 0
