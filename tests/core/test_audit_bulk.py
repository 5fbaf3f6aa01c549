"""Bulk UPDATE and DELETE statements leave one audit row per row they change."""

from __future__ import annotations

from sqlalchemy import delete, select, update

from core.audit import acting_as
from core.extensions import db
from core.models import ApiToken, AuditLog, User


def _tokens(app) -> int:
    with app.app_context(), acting_as("test"):
        user = User(username="rina", full_name="Rina")
        user.set_password("a-long-test-password-2026")
        db.session.add(user)
        db.session.flush()
        db.session.add_all([ApiToken(user_id=user.id, token_hash=f"hash-{n}") for n in range(3)])
        db.session.commit()
        return user.id


def _bulk_rows(action):
    return db.session.scalars(select(AuditLog).where(AuditLog.action == action).order_by(AuditLog.entity_id)).all()


def test_a_bulk_update_is_audited_per_row_with_before_and_after(make_app):
    app = make_app(regions=[])
    user_id = _tokens(app)
    with app.app_context(), acting_as("test"):
        db.session.execute(update(ApiToken).where(ApiToken.user_id == user_id).values(revoked=True))
        db.session.commit()
        rows = _bulk_rows("bulk_update")
        ids = db.session.scalars(select(ApiToken.id).order_by(ApiToken.id)).all()
    assert [r.entity_id for r in rows] == ids and len(ids) == 3
    assert all(r.before == {"revoked": False} and r.after == {"revoked": True} for r in rows)
    assert all(r.actor == "test" and r.entity == "api_token" for r in rows)


def test_a_bulk_delete_is_audited_with_what_was_deleted(make_app):
    app = make_app(regions=[])
    _tokens(app)
    with app.app_context(), acting_as("test"):
        db.session.execute(delete(ApiToken).where(ApiToken.token_hash.in_(["hash-0", "hash-2"])))
        db.session.commit()
        rows = _bulk_rows("bulk_delete")
    assert len(rows) == 2
    assert all(r.after is None and r.before["revoked"] is False for r in rows)
    # The secret column is never copied into the trail.
    assert all("token_hash" not in r.before for r in rows)


def test_a_bulk_update_that_changes_nothing_writes_no_row(make_app):
    app = make_app(regions=[])
    _tokens(app)
    with app.app_context(), acting_as("test"):
        db.session.execute(update(ApiToken).where(ApiToken.token_hash == "hash-1").values(revoked=False))
        db.session.commit()
        assert _bulk_rows("bulk_update") == []


def test_rows_the_database_deletes_by_cascade_are_audited(make_app):
    """Deleting a user deletes its tokens in the database (ON DELETE CASCADE): both are traced."""
    app = make_app(regions=[])
    user_id = _tokens(app)
    with app.app_context(), acting_as("test"):
        db.session.execute(delete(User).where(User.id == user_id))
        db.session.commit()
        cascaded = _bulk_rows("cascade_delete")
        assert db.session.scalars(select(ApiToken)).all() == []
    assert len(cascaded) == 3 and {r.entity for r in cascaded} == {"api_token"}
    assert all(r.before["user_id"] == user_id and "token_hash" not in r.before for r in cascaded)


def test_an_object_deleted_through_the_session_audits_its_cascade(make_app):
    app = make_app(regions=[])
    user_id = _tokens(app)
    with app.app_context(), acting_as("test"):
        user = db.session.get(User, user_id)
        user.memberships.clear()
        db.session.delete(user)
        db.session.commit()
        deletes = db.session.scalars(select(AuditLog).where(AuditLog.action.in_(("delete", "cascade_delete")))).all()
    assert {(r.action, r.entity) for r in deletes} == {("delete", "user"), ("cascade_delete", "api_token")}
    assert sum(r.action == "cascade_delete" for r in deletes) == 3
