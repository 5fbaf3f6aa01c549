"""The audit trail: every insert, update and delete of a model row writes an :class:`AuditLog`.

Recording happens in a SQLAlchemy ``before_flush`` hook, so no code path can change a row
without leaving a trace. The actor is the signed-in user, or what :func:`acting_as` names
for command-line work (``cli``, ``system:seed``).
"""

from __future__ import annotations

import contextlib
import contextvars
from datetime import date, datetime, timezone
from decimal import Decimal

from flask import has_request_context
from sqlalchemy import event, insert, inspect, select
from sqlalchemy.orm import Session

from core.models import AuditLog

_actor: contextvars.ContextVar[str | None] = contextvars.ContextVar("pelita_actor", default=None)

#: Columns never copied into the trail.
SECRET_COLUMNS = {"password_hash", "token_hash"}
#: Tables whose rows are derived (recomputed from audited data), not changed by anyone.
DERIVED_TABLES = {"audit_log", "finding"}


@contextlib.contextmanager
def acting_as(actor: str):
    """Attribute changes made inside the block to ``actor`` (for CLI and seeding)."""
    token = _actor.set(actor)
    try:
        yield
    finally:
        _actor.reset(token)


def _current_actor() -> tuple[int | None, str]:
    explicit = _actor.get()
    if explicit:
        return None, explicit
    if has_request_context():
        from flask_login import current_user

        if getattr(current_user, "is_authenticated", False):
            return current_user.id, current_user.username
        return None, "anonymous"
    return None, "system"


def _jsonable(value):
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, (datetime, date)):
        return value.isoformat()
    return value


def _snapshot(obj, attrs=None) -> dict:
    state = inspect(obj)
    names = attrs or [c.key for c in state.mapper.column_attrs]
    return {n: _jsonable(getattr(obj, n)) for n in names if n not in SECRET_COLUMNS}


def _record(session: Session, flush_context) -> None:
    """Write one audit row per changed model row, inside the same transaction.

    Runs after the flush's SQL (new rows have their ids) but before history is reset, and
    inserts through Core so the audit rows themselves do not trigger another flush.
    """
    user_id, actor = _current_actor()
    rows = []

    def add(action, obj, before, after):
        rows.append({
            "at": datetime.now(timezone.utc), "user_id": user_id, "actor": actor,
            "region_id": getattr(obj, "region_id", None) if obj.__tablename__ != "region" else obj.id,
            "action": action, "entity": obj.__tablename__, "entity_id": getattr(obj, "id", None),
            "before": before, "after": after,
        })

    for obj in session.new:
        if obj.__tablename__ not in DERIVED_TABLES:
            add("create", obj, None, _snapshot(obj))
    for obj in session.dirty:
        if obj.__tablename__ in DERIVED_TABLES or not session.is_modified(obj, include_collections=False):
            continue
        state = inspect(obj)
        before, after = {}, {}
        for attr in state.mapper.column_attrs:
            hist = state.attrs[attr.key].history
            if hist.has_changes() and attr.key not in SECRET_COLUMNS:
                before[attr.key] = _jsonable(hist.deleted[0] if hist.deleted else None)
                after[attr.key] = _jsonable(hist.added[0] if hist.added else None)
        if after:
            add("update", obj, before, after)
    for obj in session.deleted:
        if obj.__tablename__ not in DERIVED_TABLES:
            add("delete", obj, _snapshot(obj), None)
    rows.extend(_audit_rows("cascade_delete", session.info.pop("pelita_cascaded", [])))
    if rows:
        session.connection().execute(insert(AuditLog.__table__), rows)


def log_event(session: Session, action: str, entity: str, entity_id=None, region_id=None, detail=None) -> None:
    """Record a security or workflow event that is not a row change (login, failed login...)."""
    user_id, actor = _current_actor()
    session.add(
        AuditLog(
            user_id=user_id, actor=actor, region_id=region_id, action=action,
            entity=entity, entity_id=entity_id, before=None, after=detail,
        )
    )


def _cascaded_rows(connection, table, ids) -> list[tuple[str, dict]]:
    """Rows the database will delete with rows ``ids`` of ``table`` (ON DELETE CASCADE), recursively."""
    found: list[tuple[str, dict]] = []
    pending = [(table, set(ids))]
    seen: set[tuple[str, int]] = set()
    while pending:
        parent, parent_ids = pending.pop()
        if not parent_ids:
            continue
        for child in parent.metadata.tables.values():
            for fk in child.foreign_key_constraints:
                if (fk.ondelete or "").upper() != "CASCADE" or fk.referred_table.name != parent.name:
                    continue
                column = next((el.parent for el in fk.elements if el.column.name == "id"), None)
                if column is None or "id" not in child.c or child.name in DERIVED_TABLES:
                    continue
                rows = connection.execute(select(child).where(column.in_(list(parent_ids)))).mappings().all()
                new_ids = set()
                for row in rows:
                    if (child.name, row["id"]) not in seen:
                        seen.add((child.name, row["id"]))
                        found.append((child.name, dict(row)))
                        new_ids.add(row["id"])
                pending.append((child, new_ids))
    return found


def _audit_rows(action: str, table_rows, region_of=None) -> list[dict]:
    user_id, actor = _current_actor()
    now = datetime.now(timezone.utc)
    return [{
        "at": now, "user_id": user_id, "actor": actor,
        "region_id": row.get("region_id") if name != "region" else row["id"],
        "action": action, "entity": name, "entity_id": row["id"],
        "before": {k: _jsonable(v) for k, v in row.items() if k not in SECRET_COLUMNS}, "after": None,
    } for name, row in table_rows]


def _collect_cascades(session: Session, flush_context, instances) -> None:
    """Before a flush deletes objects, read what the database will delete with them."""
    deleted = [obj for obj in session.deleted if obj.__tablename__ not in DERIVED_TABLES]
    if not deleted:
        return
    explicit = {(obj.__tablename__, getattr(obj, "id", None)) for obj in session.deleted}
    connection = session.connection()
    cascaded = []
    for obj in deleted:
        for name, row in _cascaded_rows(connection, obj.__table__, [obj.id]):
            if (name, row["id"]) not in explicit:
                explicit.add((name, row["id"]))
                cascaded.append((name, row))
    session.info.setdefault("pelita_cascaded", []).extend(cascaded)


def _record_bulk(state):
    """Audit an UPDATE or DELETE statement run through the session, one row per row it touches.

    The flush hook sees only objects; ``session.execute(update(...))`` and ``delete(...)``
    change rows directly. Their rows are read before (and, for updates, after) the statement
    in the same transaction, so a bulk change leaves the same trail as one made object by object.
    """
    if not (state.is_update or state.is_delete):
        return None
    table = getattr(state.statement, "table", None)
    if table is None or table.name in DERIVED_TABLES or "id" not in table.c:
        return None
    connection = state.session.connection()
    where = state.statement.whereclause
    query = select(table) if where is None else select(table).where(where)
    before = {row["id"]: dict(row) for row in connection.execute(query).mappings()}
    cascaded = _cascaded_rows(connection, table, list(before)) if state.is_delete and before else []
    result = state.invoke_statement()
    if not before:
        return result
    after = {}
    if state.is_update:
        after = {row["id"]: dict(row) for row in
                 connection.execute(select(table).where(table.c.id.in_(list(before)))).mappings()}
    user_id, actor = _current_actor()
    now = datetime.now(timezone.utc)
    rows = []
    for row_id, old in before.items():
        new = after.get(row_id)
        changed = [k for k in old if k not in SECRET_COLUMNS and (new is None or new.get(k) != old[k])]
        if new is not None and not changed:
            continue
        rows.append({
            "at": now, "user_id": user_id, "actor": actor,
            "region_id": old.get("region_id") if table.name != "region" else row_id,
            "action": "bulk_update" if state.is_update else "bulk_delete", "entity": table.name,
            "entity_id": row_id,
            "before": {k: _jsonable(old[k]) for k in (changed if new is not None else old) if k not in SECRET_COLUMNS},
            "after": {k: _jsonable(new[k]) for k in changed} if new is not None else None,
        })
    rows.extend(_audit_rows("cascade_delete", cascaded))
    if rows:
        connection.execute(insert(AuditLog.__table__), rows)
    return result


def install(session_class) -> None:
    """Attach the audit hooks to a session class (idempotent)."""
    if not event.contains(session_class, "after_flush", _record):
        event.listen(session_class, "after_flush", _record)
    if not event.contains(session_class, "before_flush", _collect_cascades):
        event.listen(session_class, "before_flush", _collect_cascades)
    if not event.contains(session_class, "do_orm_execute", _record_bulk):
        event.listen(session_class, "do_orm_execute", _record_bulk)
