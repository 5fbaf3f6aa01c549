"""The workflow through the API: a whole cycle of Metro's Renja 2025 as four users, every
refusal (403 role, 409 state, 404 another region, 400 CSRF, 422 input), the audit trail, the
signals, usulan beside penetapan, and every write refused on the locked version."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from core import signals
from core.extensions import db
from core.models import AuditLog, Budget, DocumentTransition, PlanDocument, PlanItem, Target


def status_of(read, document_id):
    return read(lambda: db.session.get(PlanDocument, document_id).status)


def version_of(read, model, row_id):
    return read(lambda: db.session.get(model, row_id).row_version)


def test_whole_cycle_as_four_users(renja, as_user, read):
    doc = renja["document"]
    program, kegiatan = renja["items"]["program"], renja["items"]["kegiatan"]
    target_id = renja["targets"]["kegiatan"]
    metro, bappeda, kadis = as_user("metro"), as_user("bappeda"), as_user("kadis")

    r = metro.post(f"/api/v1/documents/{doc}/transitions", {"action": "submit", "note": "Mohon diverifikasi"})
    assert r.status_code == 200, r.get_json()
    assert r.get_json()["status"] == "submitted"
    assert metro.get(f"/api/v1/documents/{doc}/transitions").get_json()["available"] == []
    assert bappeda.get(f"/api/v1/documents/{doc}/transitions").get_json()["available"] == ["verify", "return"]

    r1 = bappeda.post(f"/api/v1/items/{program}/reviews", {"verdict": "perlu_perbaikan",
                                                         "note": "Target terlalu rendah"})
    r2 = bappeda.post(f"/api/v1/items/{kegiatan}/reviews", {"verdict": "tidak_ditemukan",
                                                          "note": "Lokasi tidak ditemukan"})
    assert (r1.status_code, r2.status_code) == (201, 201), (r1.get_json(), r2.get_json())
    assert r1.get_json()["group"] == "bappeda"
    r = bappeda.post(f"/api/v1/documents/{doc}/transitions", {"action": "verify"})
    assert r.status_code == 409 and "2" in r.get_json()["error"]  # two items still need fixing
    r = bappeda.post(f"/api/v1/documents/{doc}/transitions", {"action": "return", "note": "Perbaiki 2 catatan"})
    assert r.status_code == 200 and r.get_json()["status"] == "draft"

    # The office fixes the kegiatan's target and location, and answers both notes.
    assert metro.put(f"/api/v1/indicators/{renja['indicators']['kegiatan']}/targets/2025", {"value": "85"},
                     if_match=version_of(read, Target, target_id)).status_code == 200
    item_version = version_of(read, PlanItem, kegiatan)
    r = metro.patch(f"/api/v1/items/{kegiatan}", {"fields": {"lokasi": "Metro Pusat"}}, if_match=item_version)
    assert r.status_code == 200, r.get_json()
    for review in (r1.get_json()["id"], r2.get_json()["id"]):
        r = metro.post(f"/api/v1/reviews/{review}/replies", {"text": "Sudah diperbaiki"})
        assert r.status_code == 201 and r.get_json()["author"] == "metro"
    listing = bappeda.get(f"/api/v1/documents/{doc}/reviews").get_json()
    assert listing["open_items"] == sorted([program, kegiatan])
    by_item = {r["item_id"]: r for r in listing["reviews"]}
    assert by_item[kegiatan]["changes_since"] == [
        {"field": "fields.lokasi", "before": None, "now": "Metro Pusat"},
        {"field": "indicator 1 target 2025", "before": "75", "now": "85"}]
    assert by_item[program]["changes_since"] == []
    assert [x["text"] for x in by_item[program]["replies"]] == ["Sudah diperbaiki"]

    assert metro.post(f"/api/v1/documents/{doc}/transitions", {"action": "submit"}).status_code == 200
    # Bappeda sets the kegiatan's pagu lower than proposed: both are kept.
    pagu = renja["pagu"]["kegiatan"]
    r = bappeda.post(f"/api/v1/documents/{doc}/penetapan", {"kind": "pagu", "row_id": pagu,
                                                           "value": "550000000", "note": "Sesuai KUA-PPAS"})
    assert r.status_code == 201, r.get_json()
    assert (r.get_json()["usulan"], r.get_json()["penetapan"], r.get_json()["applied"]) == (
        "600000000", "550000000", False)
    for item in (program, kegiatan):
        assert bappeda.post(f"/api/v1/items/{item}/reviews", {"verdict": "sesuai"}).status_code == 201
    assert bappeda.post(f"/api/v1/documents/{doc}/transitions", {"action": "verify"}).get_json()["status"] == \
        "verified"
    assert kadis.post(f"/api/v1/documents/{doc}/transitions", {"action": "approve"}).get_json()["status"] == \
        "approved"
    assert read(lambda: db.session.get(Budget, pagu).value) == Decimal("550000000")  # approved value = penetapan
    values = kadis.get(f"/api/v1/documents/{doc}/penetapan").get_json()["values"]
    assert [(v["usulan"], v["penetapan"], v["applied"]) for v in values] == [("600000000", "550000000", True)]
    r = kadis.post(f"/api/v1/documents/{doc}/transitions", {"action": "lock", "note": "Final"})
    assert r.get_json()["status"] == "locked"
    assert [(h["action"], h["actor"]) for h in r.get_json()["history"]] == [
        ("submit", "metro"), ("return", "bappeda"), ("submit", "metro"), ("verify", "bappeda"),
        ("approve", "kadis"), ("lock", "kadis")]

    # Locked means locked: every write of the API is refused and nothing changes.
    refusals = [
        metro.patch(f"/api/v1/items/{kegiatan}", {"name": "x"}, if_match=version_of(read, PlanItem, kegiatan)),
        metro.put(f"/api/v1/items/{kegiatan}/budgets/2025", {"pagu": "1"}, if_match=version_of(read, Budget, pagu)),
        metro.post(f"/api/v1/documents/{doc}/items", {"level": "program", "code": "1.06.01"}),
        metro.post(f"/api/v1/reviews/{r1.get_json()['id']}/replies", {"text": "lagi"}),
        bappeda.post(f"/api/v1/items/{program}/reviews", {"verdict": "sesuai"}),
        bappeda.post(f"/api/v1/documents/{doc}/penetapan", {"kind": "pagu", "row_id": pagu, "value": "1"}),
        kadis.post(f"/api/v1/documents/{doc}/transitions", {"action": "lock"}),
    ]
    assert [r.status_code for r in refusals] == [409] * 7, [r.get_json() for r in refusals]
    assert read(lambda: db.session.get(Budget, pagu).value) == Decimal("550000000")


def test_every_transition_leaves_who_when_and_the_note_in_the_audit_trail(renja, as_user, read):
    doc = renja["document"]
    as_user("metro").post(f"/api/v1/documents/{doc}/transitions", {"action": "submit", "note": "Siap"})

    def trail():
        row = db.session.scalar(select(DocumentTransition).where(DocumentTransition.document_id == doc))
        audit = db.session.scalars(select(AuditLog).where(
            ((AuditLog.entity == "document_transition") & (AuditLog.entity_id == row.id))
            | ((AuditLog.entity == "plan_document") & (AuditLog.entity_id == doc) & (AuditLog.action == "update")))
            .order_by(AuditLog.id)).all()
        return ((row.action, row.from_status, row.to_status, row.actor_name, row.note, row.at is not None),
                [(a.entity, a.action, a.actor, (a.before or {}).get("status"), a.after.get("status"),
                  a.after.get("note")) for a in audit])

    transition, audit = read(trail)
    assert transition == ("submit", "draft", "submitted", "metro", "Siap", True)
    assert sorted(audit) == [("document_transition", "create", "metro", None, None, "Siap"),
                             ("plan_document", "update", "metro", "draft", "submitted", None)]


def test_a_role_that_may_not_is_403_and_a_state_that_does_not_allow_is_409(renja, as_user, read):
    doc = renja["document"]
    for username, action in (("metro", "approve"), ("metro", "verify"), ("bappeda", "submit"),
                             ("kadis", "submit"), ("apip", "verify"), ("auditor", "submit"), ("kabid", "lock")):
        r = as_user(username).post(f"/api/v1/documents/{doc}/transitions", {"action": action})
        assert r.status_code == 403, (username, action, r.get_json())
    for username, action in (("kadis", "approve"), ("kadis", "lock"), ("bappeda", "verify"),
                             ("bappeda", "return")):
        r = as_user(username).post(f"/api/v1/documents/{doc}/transitions", {"action": action, "note": "n"})
        assert r.status_code == 409, (username, action, r.get_json())
    r = as_user("kadis", "id").post(f"/api/v1/documents/{doc}/transitions", {"action": "approve"})
    assert r.get_json()["error"] == "Dokumen ini berstatus draf: tidak dapat ditetapkan sekarang."
    assert status_of(read, doc) == "draft"
    assert as_user("metro").post(f"/api/v1/items/{renja['items']['program']}/reviews",
                                 {"verdict": "sesuai"}).status_code == 403


def test_another_regions_user_gets_404_everywhere(renja, as_user, read):
    doc, item = renja["document"], renja["items"]["program"]
    bappeda = as_user("bappeda")
    assert as_user("metro").post(f"/api/v1/documents/{doc}/transitions", {"action": "submit"}).status_code == 200
    review = bappeda.post(f"/api/v1/items/{item}/reviews", {"verdict": "perlu_perbaikan", "note": "n"}).get_json()
    outsider = as_user("bengkulu")
    assert outsider.post(f"/api/v1/documents/{doc}/transitions", {"action": "return", "note": "x"}).status_code == 404
    assert outsider.get(f"/api/v1/documents/{doc}/transitions").status_code == 404
    assert outsider.get(f"/api/v1/documents/{doc}/reviews").status_code == 404
    assert outsider.get(f"/api/v1/documents/{doc}/penetapan").status_code == 404
    assert outsider.post(f"/api/v1/items/{item}/reviews", {"verdict": "sesuai"}).status_code == 404
    assert outsider.post(f"/api/v1/reviews/{review['id']}/replies", {"text": "x"}).status_code == 404
    assert outsider.post(f"/api/v1/documents/{doc}/penetapan", {"kind": "pagu", "row_id": 1,
                                                               "value": "1"}).status_code == 404
    assert bappeda.post("/api/v1/documents/999999/transitions", {"action": "verify"}).status_code == 404
    assert bappeda.post("/api/v1/reviews/999999/replies", {"text": "x"}).status_code == 404
    assert status_of(read, doc) == "submitted"


def test_session_writes_need_the_csrf_token(renja, as_user, read):
    doc, item = renja["document"], renja["items"]["program"]
    metro = as_user("metro")
    assert metro.post(f"/api/v1/documents/{doc}/transitions", {"action": "submit"}, csrf=False).status_code == 400
    assert status_of(read, doc) == "draft"
    assert metro.post(f"/api/v1/documents/{doc}/transitions", {"action": "submit"}).status_code == 200
    bappeda = as_user("bappeda")
    assert bappeda.post(f"/api/v1/items/{item}/reviews", {"verdict": "sesuai"}, csrf=False).status_code == 400
    review = bappeda.post(f"/api/v1/items/{item}/reviews", {"verdict": "perlu_perbaikan", "note": "n"}).get_json()
    assert metro.post(f"/api/v1/reviews/{review['id']}/replies", {"text": "ok"}, csrf=False).status_code == 400
    assert bappeda.post(f"/api/v1/documents/{doc}/penetapan", {"kind": "pagu", "row_id": 1, "value": "1"},
                        csrf=False).status_code == 400


def test_bearer_tokens_act_without_csrf(renja, seeded_app):
    runner = seeded_app.test_cli_runner()
    token = runner.invoke(args=["users", "token", "metro"]).output.strip()
    client = seeded_app.test_client()
    r = client.post(f"/api/v1/documents/{renja['document']}/transitions", json={"action": "submit"},
                    headers={"Authorization": f"Bearer {token}"})
    assert r.status_code == 200 and r.get_json()["history"][0]["actor"] == "metro"


def test_bad_input_is_422_with_what_to_fix(renja, as_user):
    doc, item = renja["document"], renja["items"]["program"]
    metro, bappeda = as_user("metro"), as_user("bappeda")
    assert metro.post(f"/api/v1/documents/{doc}/transitions", {"action": "publish"}).status_code == 422
    assert metro.post(f"/api/v1/documents/{doc}/transitions", ["submit"]).status_code == 400
    metro.post(f"/api/v1/documents/{doc}/transitions", {"action": "submit"})
    r = bappeda.post(f"/api/v1/documents/{doc}/transitions", {"action": "return"})
    assert r.status_code == 422 and "note" in r.get_json()["error"]
    assert bappeda.post(f"/api/v1/items/{item}/reviews", {"verdict": "bagus"}).status_code == 422
    assert bappeda.post(f"/api/v1/items/{item}/reviews", {"verdict": "perlu_perbaikan"}).status_code == 422
    pagu = renja["pagu"]["program"]
    assert bappeda.post(f"/api/v1/documents/{doc}/penetapan", {"kind": "pagu", "row_id": pagu,
                                                              "value": "1.000,5"}).status_code == 422
    assert bappeda.post(f"/api/v1/documents/{doc}/penetapan", {"kind": "rate", "row_id": pagu,
                                                              "value": "1"}).status_code == 422
    assert bappeda.post(f"/api/v1/documents/{doc}/penetapan", {"kind": "target", "row_id": pagu,
                                                              "value": "1"}).status_code == 404
    r = metro.post(f"/api/v1/documents/{doc}/transitions", {"action": "submit"}, if_match=1)
    assert r.status_code == 409  # a stale If-Match


def test_signals_announce_transitions_reviews_and_replies(renja, as_user):
    heard = []
    receivers = {
        "transitioned": lambda sender, **kw: heard.append(("transitioned", sender.id, kw["action"], kw["from_status"],
                                                           kw["to_status"], kw["actor"].username, kw["note"])),
        "written": lambda sender, **kw: heard.append(("written", sender.verdict, kw["actor"].username)),
        "replied": lambda sender, **kw: heard.append(("replied", sender.text, kw["actor"].username)),
    }
    signals.document_transitioned.connect(receivers["transitioned"])
    signals.review_written.connect(receivers["written"])
    signals.review_replied.connect(receivers["replied"])
    try:
        doc, item = renja["document"], renja["items"]["program"]
        metro, bappeda = as_user("metro"), as_user("bappeda")
        metro.post(f"/api/v1/documents/{doc}/transitions", {"action": "submit", "note": "a"})
        review = bappeda.post(f"/api/v1/items/{item}/reviews", {"verdict": "perlu_perbaikan", "note": "b"}).get_json()
        metro.post(f"/api/v1/reviews/{review['id']}/replies", {"text": "c"})
        as_user("kadis").post(f"/api/v1/documents/{doc}/transitions", {"action": "approve"})  # refused: no signal
    finally:
        signals.document_transitioned.disconnect(receivers["transitioned"])
        signals.review_written.disconnect(receivers["written"])
        signals.review_replied.disconnect(receivers["replied"])
    assert heard == [("transitioned", doc, "submit", "draft", "submitted", "metro", "a"),
                     ("written", "perlu_perbaikan", "bappeda"), ("replied", "c", "metro")]


def test_the_openapi_document_describes_the_workflow(seeded_app):
    spec = seeded_app.test_client().get("/api/v1/openapi.json").get_json()
    assert set(spec["paths"]["/documents/{id}/transitions"]) == {"get", "post"}
    assert spec["paths"]["/items/{item_id}/reviews"]["post"]["requestBody"]["content"]["application/json"][
        "schema"] == {"$ref": "#/components/schemas/ReviewWrite"}
    assert "post" in spec["paths"]["/reviews/{review_id}/replies"]
    assert set(spec["paths"]["/documents/{id}/penetapan"]) == {"get", "post"}
    assert set(spec["paths"]["/documents/{id}/reviews"]) == {"get"}
