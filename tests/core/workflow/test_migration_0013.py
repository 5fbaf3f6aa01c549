"""Migration 0013 on a database holding documents, items and users written before the workflow:
it adds its tables and changes no existing row; a transition can then be recorded."""

from __future__ import annotations

from datetime import datetime, timezone

from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect, text

from core.extensions import db


def rows(sql):
    return [tuple(r) for r in db.session.execute(text(sql))]


def test_upgrade_from_0012_keeps_every_row_and_adds_the_workflow_tables(make_app):
    app = make_app(regions=["prov_lampung"])
    with app.app_context():
        downgrade(revision="0012")
        db.session.remove()
        assert "document_transition" not in inspect(db.engine).get_table_names()
        now = datetime(2025, 1, 1, tzinfo=timezone.utc)
        with db.engine.begin() as c:
            def insert(table, **values):
                columns = ", ".join(f'"{k}"' for k in values)
                marks = ", ".join(f":{k}" for k in values)
                c.execute(text(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})'), values)

            insert("region", id=913, code="93", name="Uji", level="provinsi", agency_name="Dinsos", enabled=True)
            insert("user", id=913, username="u913", full_name="", password_hash="x", is_superadmin=False,
                   active=True, session_version=1, created_at=now)
            insert("plan", id=913, region_id=913, key="renja-2025", doc_type="renja", title="Renja", year=2025)
            insert("plan_document", id=913, region_id=913, plan_id=913, key="renja-2025", doc_type="renja",
                   title="Renja", year=2025, version=1, origin="authored", status="submitted", number_style="en",
                   notes="[]", row_version=3)
            insert("plan_item", id=913, region_id=913, document_id=913, key="p1", position=0, level="program",
                   name="Program", extra="{}", row_version=2)
        before = (rows("SELECT id, status, row_version FROM plan_document WHERE region_id = 913"),
                  rows("SELECT id, name, row_version FROM plan_item WHERE region_id = 913"),
                  rows("SELECT id, username FROM \"user\" WHERE id = 913"))
        upgrade()
        tables = set(inspect(db.engine).get_table_names())
        assert {"document_transition", "item_review", "review_reply", "value_setting"} <= tables
        assert (rows("SELECT id, status, row_version FROM plan_document WHERE region_id = 913"),
                rows("SELECT id, name, row_version FROM plan_item WHERE region_id = 913"),
                rows("SELECT id, username FROM \"user\" WHERE id = 913")) == before == (
            [(913, "submitted", 3)], [(913, "Program", 2)], [(913, "u913")])
        with db.engine.begin() as c:
            c.execute(text("INSERT INTO document_transition (region_id, document_id, action, from_status, to_status, "
                           "actor_id, actor_name, at, note, regulation_number, regulation_date) VALUES "
                           "(913, 913, 'verify', 'submitted', 'verified', 913, 'u913', :at, 'ok', NULL, NULL)"),
                      {"at": now})
            c.execute(text("INSERT INTO item_review (region_id, document_id, item_id, \"group\", verdict, note, "
                           "reviewer_id, reviewer_name, at, snapshot) VALUES "
                           "(913, 913, 913, 'bappeda', 'sesuai', NULL, 913, 'u913', :at, '{}')"), {"at": now})
        assert rows("SELECT action, to_status, note FROM document_transition WHERE document_id = 913") == [
            ("verify", "verified", "ok")]
        assert rows("SELECT verdict, \"group\" FROM item_review WHERE document_id = 913") == [("sesuai", "bappeda")]
