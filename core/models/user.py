"""Users, their memberships in regions (with a role), and API tokens."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from flask_login import UserMixin
from sqlalchemy import DateTime, ForeignKey, String, UniqueConstraint
from sqlalchemy import false as sa_false
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from core.extensions import db
from core.models.audit import utcnow

#: Roles a membership can carry, from the most to the least powerful. ``verifier`` is the region's
#: Bappeda verifier, ``approver`` the Kepala Dinas, ``apip`` the Inspektorat reviewer, ``unit_head``
#: the head of a unit (Kepala Bidang) who verifies its quarterly realisation.
ROLES = ("provincial_admin", "region_admin", "planner", "approver", "verifier", "apip", "unit_head",
         "unit_operator", "viewer")
#: Roles that belong to one unit of the organisation chart (the membership names the unit).
UNIT_ROLES = frozenset({"unit_head", "unit_operator"})


class User(UserMixin, db.Model):
    """A person who signs in. ``session_version`` changes to revoke every open session."""

    __tablename__ = "user"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    password_hash: Mapped[str] = mapped_column(String(300))
    is_superadmin: Mapped[bool] = mapped_column(default=False)
    active: Mapped[bool] = mapped_column(default=True)
    locale: Mapped[str | None] = mapped_column(String(5))
    session_version: Mapped[int] = mapped_column(default=1)
    #: Set by an administrator's password reset: until changed, the user reaches only the
    #: change-password page (and signing out).
    must_change_password: Mapped[bool] = mapped_column(default=False, server_default=sa_false())
    password_changed_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)

    memberships: Mapped[list[Membership]] = relationship(back_populates="user", cascade="all, delete-orphan")

    def set_password(self, password: str) -> None:
        """Hash and store ``password`` (scrypt, werkzeug's default)."""
        self.password_hash = generate_password_hash(password)
        self.password_changed_at = utcnow()

    def end_sessions(self) -> None:
        """Invalidate every session of this user (the loader refuses the old version)."""
        self.session_version = (self.session_version or 0) + 1

    def check_password(self, password: str) -> bool:
        """Whether ``password`` matches the stored hash."""
        return check_password_hash(self.password_hash, password)

    def get_id(self) -> str:
        # The session carries the version: bumping it logs the user out everywhere.
        return f"{self.id}:{self.session_version}"

    @property
    def is_active(self) -> bool:  # flask-login
        return self.active


class Membership(db.Model):
    """A user's role in one region (a provincial admin reads the kab/kota it hosts too)."""

    __tablename__ = "membership"
    __table_args__ = (UniqueConstraint("user_id", "region_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    region_id: Mapped[int] = mapped_column(ForeignKey("region.id"), index=True)
    role: Mapped[str] = mapped_column(String(20))
    unit_code: Mapped[str | None] = mapped_column(String(80))  # the unit of a unit operator

    user: Mapped[User] = relationship(back_populates="memberships")
    region = relationship("Region")


#: How long a token lives unless its owner says otherwise, and at most.
TOKEN_DEFAULT_DAYS = 90
TOKEN_MAX_DAYS = 365


def _default_expiry() -> datetime:
    return utcnow() + timedelta(days=TOKEN_DEFAULT_DAYS)


class ApiToken(db.Model):
    """A bearer token for the API; only its hash is stored. It is named, expires, and can be revoked
    (``revoked`` and ``revoked_at`` are set together)."""

    __tablename__ = "api_token"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    token_hash: Mapped[str] = mapped_column(String(128), unique=True)
    name: Mapped[str] = mapped_column(String(100), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_default_expiry)
    last_used_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    revoked: Mapped[bool] = mapped_column(default=False)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))

    user = relationship("User")

    def revoke(self) -> None:
        """Revoke the token (kept, for the list and the audit trail)."""
        if not self.revoked:
            self.revoked, self.revoked_at = True, utcnow()

    def usable(self, now: datetime | None = None) -> bool:
        """Not revoked and not expired."""
        return not self.revoked and aware(self.expires_at) > (now or utcnow())


def aware(moment: datetime | None) -> datetime | None:
    """``moment`` with UTC attached when the database gave it back naive (SQLite)."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=timezone.utc)
    return moment
