"""Migration 0007 on a database written before plans and versions existed."""

from __future__ import annotations

from datetime import datetime, timezone

from flask_migrate import downgrade, upgrade
from sqlalchemy import text

from core.extensions import db


def rows(sql, **params):
    return [tuple(r) for r in db.session.execute(text(sql), params)]


def test_existing_documents_become_plans_with_versions_and_lineage(make_app):
    app = make_app(regions=["prov_lampung"])
    with app.app_context():
        downgrade(revision="0005")  # make_app migrated to the head: back to before plans
        db.session.remove()
        now = datetime(2024, 1, 1, tzinfo=timezone.utc)
        with db.engine.begin() as c:
            def insert(table, **values):
                columns = ", ".join(f'"{k}"' for k in values)
                marks = ", ".join(f":{k}" for k in values)
                c.execute(text(f'INSERT INTO "{table}" ({columns}) VALUES ({marks})'), values)

            insert("region", id=901, code="93", name="Uji", level="provinsi", agency_name="Dinsos", enabled=True)
            insert("user", id=901, username="u901", full_name="", password_hash="x", is_superadmin=False,
                   active=True, session_version=1, created_at=now)
            doc = dict(region_id=901, doc_type="renstra", title="R", number_style="id", notes="[]")
            insert("plan_document", id=901, key="renstra", version=1, status="approved", **doc)
            insert("plan_document", id=902, key="renstra-perubahan", version=2, status="approved", amends_id=901,
                   **doc)
            insert("plan_document", id=903, key="renstra@kmdn", version=2, status="draft", amends_id=901, **doc)
            insert("plan_document", id=904, key="renja", version=1, status="final", **doc)
            item = dict(region_id=901, position=0, level="program", name="P", extra="{}")
            for iid, did in ((901, 901), (902, 902), (903, 903), (904, 904)):
                insert("plan_item", id=iid, document_id=did, key="p1", **item)
                insert("indicator", id=iid, region_id=901, item_id=iid, position=0, text="I", polarity="higher",
                       aggregation="last")
            value = dict(region_id=901, year=2021, parse_status="number")
            insert("realisation", id=901, indicator_id=901, quarter=1, printed="5", source_table="entry",
                   entered_by=901, **value)
            insert("realisation", id=902, indicator_id=903, quarter=1, printed="5", source_table="entry",
                   entered_by=901, **value)  # the copy a move made
            insert("realisation", id=903, indicator_id=902, quarter=2, printed="7", source_table="entry",
                   entered_by=901, **value)  # entered on the amendment
            insert("realisation", id=904, indicator_id=902, quarter=None, printed="9", source_table="Tabel 3", **value)
            insert("budget", id=901, item_id=902, kind="realisasi", quarter=3, printed="100", source_table="entry",
                   **value)
            insert("evidence_file", id=901, region_id=901, item_id=902, year=2021, quarter=3, filename="a.pdf",
                   content_type="application/pdf", size=1, sha256="0" * 64, uploaded_by=901, uploaded_at=now)
            insert("audit_log", at=now, actor="u901", action="update", entity="indicator", entity_id=902,
                   region_id=901)
        upgrade()
        plans = rows("SELECT id, key FROM plan WHERE region_id = 901 ORDER BY key")
        assert [k for _i, k in plans] == ["renja", "renstra"]
        renstra = dict((k, i) for i, k in plans)["renstra"]
        assert rows("SELECT id, plan_id, version, origin, status, amends_id FROM plan_document "
                    "WHERE region_id = 901 ORDER BY id") == [
            (901, renstra, 1, "imported", "approved", None),
            (902, renstra, 2, "imported", "approved", 901),
            (903, renstra, 3, "moved", "draft", 901),
            (904, dict((k, i) for i, k in plans)["renja"], 1, "imported", "draft", None),
        ]
        assert rows("SELECT id, continues_item_id, lineage_id FROM plan_item WHERE region_id = 901 ORDER BY id") == [
            (901, None, 901), (902, 901, 901), (903, 901, 901), (904, None, 904)]
        assert rows("SELECT id, lineage_id, settings_by_user FROM indicator WHERE region_id = 901 ORDER BY id") == [
            (901, 901, False), (902, 901, True), (903, 901, False), (904, 904, False)]
        # Entered values now sit on the lineage (the move's duplicate is gone); printed ones stay.
        assert rows("SELECT id, indicator_id, quarter, entered FROM realisation WHERE region_id = 901 ORDER BY id") == [
            (901, 901, 1, True), (903, 901, 2, True), (904, 902, None, False)]
        assert rows("SELECT item_id, entered FROM budget WHERE region_id = 901") == [(901, True)]
        assert rows("SELECT item_id FROM evidence_file WHERE region_id = 901") == [(901,)]
