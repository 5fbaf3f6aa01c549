"""Authoring through the API: a whole cycle for a region without seed documents, a Perubahan
with its sebelum / sesudah, stale and missing If-Match, refused numbers, the duplicate first
realisation, draft-only deletes and other regions' ids.

Expected numbers are computed by hand in the comments, never with the code under test.
"""

from __future__ import annotations

from decimal import Decimal

import jsonschema
import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import Budget, Indicator, PlanDocument, PlanItem, Realisation, Target


def validate(app, schema_name, instance):
    spec = app.test_client().get("/api/v1/openapi.json").get_json()
    jsonschema.validate(instance, {"$ref": f"#/components/schemas/{schema_name}", "components": spec["components"]},
                        cls=jsonschema.Draft202012Validator)


def approve(app, document_id):
    """Status changes belong to the workflow (another issue): set it through the model."""
    with app.app_context():
        db.session.get(PlanDocument, document_id).status = "approved"
        db.session.commit()


def row_version(app, model, row_id):
    with app.app_context():
        return db.session.get(model, row_id).row_version


def dump(app, document_id) -> list:
    """Every column of every row of a document (items, indicators, targets, budgets, the document)."""
    with app.app_context():
        db.session.expire_all()
        rows = [("document", tuple(sorted(_cols(db.session.get(PlanDocument, document_id)).items())))]
        items = db.session.scalars(select(PlanItem).where(PlanItem.document_id == document_id)).all()
        ids = [i.id for i in items]
        inds = db.session.scalars(select(Indicator).where(Indicator.item_id.in_(ids))).all()
        rows += [("item", tuple(sorted(_cols(r).items()))) for r in items]
        rows += [("indicator", tuple(sorted(_cols(r).items()))) for r in inds]
        rows += [("target", tuple(sorted(_cols(r).items()))) for r in db.session.scalars(
            select(Target).where(Target.indicator_id.in_([i.id for i in inds])))]
        rows += [("budget", tuple(sorted(_cols(r).items()))) for r in db.session.scalars(
            select(Budget).where(Budget.item_id.in_(ids), Budget.entered.is_(False)))]
        return sorted(rows, key=repr)


def _cols(row) -> dict:
    return {c.key: repr(getattr(row, c.key)) for c in row.__mapper__.column_attrs}


def pick_codes(api, version="kmdn900-1317-2023"):
    """A program, one of its kegiatan and one of its sub kegiatan from the stored code list."""
    items = api.get(f"/api/v1/nomenclature/versions/{version}/items?jurisdiction=kabkota&q=1.06").get_json()
    by_level = {}
    for item in items:
        by_level.setdefault(item["level"], []).append(item["code"])
    for sub in by_level.get("sub_kegiatan", []):
        keg = sub.rsplit(".", 1)[0]
        prog = ".".join(keg.split(".")[:3])
        if keg in by_level.get("kegiatan", []) and prog in by_level.get("program", []):
            return prog, keg, sub
    raise AssertionError("no program/kegiatan/sub kegiatan chain under 1.06 in the stored list")


@pytest.fixture(scope="module")
def region_1871(authoring_app, tokens):
    from tests.core.authoring.conftest import Api

    admin = Api(authoring_app, tokens["admin"])
    response = admin.post("/api/v1/regions", {"code": "18.71", "name": "Kota Bandar Lampung", "kind": "kota",
                                               "parent_code": "18"})
    assert response.status_code == 201, response.get_json()
    return "18.71"


def make_renstra(api, app, region, codes, start=2025, end=2029):
    prog, keg, sub = codes
    r = api.post(f"/api/v1/regions/{region}/documents", {"type": "renstra", "period_start": start,
                                                        "period_end": end})
    assert r.status_code == 201, r.get_json()
    doc = r.get_json()
    validate(app, "AuthoredDocument", doc)
    assert doc["status"] == "draft"
    ids = {}
    parent = None
    for level, code in (("program", prog), ("kegiatan", keg), ("sub_kegiatan", sub)):
        r = api.post(f"/api/v1/documents/{doc['id']}/items", {"parent_id": parent, "level": level, "code": code,
                                                             "responsible_unit": "Bidang Rehabilitasi Sosial"})
        assert r.status_code == 201, r.get_json()
        validate(app, "AuthoredItem", r.get_json())
        assert r.get_json()["name"]  # the official name from the list
        ids[level] = parent = r.get_json()["id"]
    r = api.post(f"/api/v1/items/{ids['sub_kegiatan']}/indicators",
                 {"text": "Persentase PPKS yang tertangani", "unit": "%", "baseline": "50", "polarity": "higher"})
    assert r.status_code == 201, r.get_json()
    indicator = r.get_json()["id"]
    for year, target in zip(range(start, end + 1), ("60", "65", "70", "75", "80")):
        assert api.put(f"/api/v1/indicators/{indicator}/targets/{year}", {"value": target}).status_code == 200
        for level in ("program", "kegiatan", "sub_kegiatan"):
            r = api.put(f"/api/v1/items/{ids[level]}/budgets/{year}", {"pagu": "1000000000"})
            assert r.status_code == 200, r.get_json()
    return doc["id"], ids, indicator


def test_whole_cycle_for_a_region_without_seed_documents(authoring_app, api, region_1871):
    from core.plugins import current_registry
    from core.services import dashboard
    from core.models import User

    admin = api()
    codes = pick_codes(admin)
    renstra, r_ids, r_ind = make_renstra(admin, authoring_app, region_1871, codes)
    findings = admin.get(f"/api/v1/documents/{renstra}/findings").get_json()
    assert not [f for f in findings if f["check"] in ("pagu-sum", "target-every-year")], findings
    approve(authoring_app, renstra)

    # Renja 2025 from the Renstra: rows start with the Renstra's 2025 target and pagu.
    r = admin.post(f"/api/v1/regions/{region_1871}/documents", {"type": "renja", "year": 2025, "based_on": renstra})
    assert r.status_code == 201, r.get_json()
    renja = r.get_json()["id"]
    j_ids = {}
    for level in ("program", "kegiatan", "sub_kegiatan"):
        r = admin.post(f"/api/v1/documents/{renja}/items", {"implements_item_id": r_ids[level],
                                                            "fields": {"lokasi": "Kota Bandar Lampung",
                                                                       "prakiraan_maju_target": "65",
                                                                       "prakiraan_maju_pagu": "1000000000"}})
        assert r.status_code == 201, r.get_json()
        j_ids[level] = r.get_json()["id"]
    assert r.get_json()["parent_id"] == j_ids["kegiatan"]
    items = {i["id"]: i for i in admin.get(f"/api/v1/documents/{renja}/items").get_json()}
    sub = items[j_ids["sub_kegiatan"]]
    assert [(t["year"], t["printed"]) for t in sub["indicators"][0]["targets"]] == [(2025, "60")]
    assert [(b["year"], b["value"]) for b in sub["budget"]] == [(2025, "1000000000")]
    # Raising one pagu breaks the sum (error) and the Renstra ceiling (warning); fixing it clears both.
    v = row_version(authoring_app, Budget, _budget_id(authoring_app, j_ids["sub_kegiatan"], 2025))
    r = admin.put(f"/api/v1/items/{j_ids['sub_kegiatan']}/budgets/2025", {"pagu": "1200000000"}, if_match=v)
    assert r.status_code == 200, r.get_json()
    checks = {f["check"] for f in r.get_json()["findings"]}
    assert {"pagu-sum", "within-renstra"} <= checks
    r = admin.put(f"/api/v1/items/{j_ids['sub_kegiatan']}/budgets/2025", {"pagu": "1000000000"}, if_match=v + 1)
    assert {"pagu-sum", "within-renstra"}.isdisjoint({f["check"] for f in r.get_json()["findings"]})
    approve(authoring_app, renja)

    # PK 2025 from the Renja, Rencana Aksi from the PK with quarterly targets.
    pk = admin.post(f"/api/v1/regions/{region_1871}/documents", {"type": "pk", "year": 2025,
                                                                 "based_on": renja}).get_json()["id"]
    p_ids = {lvl: admin.post(f"/api/v1/documents/{pk}/items", {"implements_item_id": j_ids[lvl]}).get_json()["id"]
             for lvl in ("program", "kegiatan", "sub_kegiatan")}
    sign = {"first": {"name": "Drs. A", "nip": "196801011990031001", "rank": "Pembina Utama Muda (IV/c)",
                      "position": "Kepala Dinas Sosial"},
            "second": {"name": "B", "position": "Wali Kota Bandar Lampung"}, "place": "Bandar Lampung",
            "date": "2025-01-15"}
    assert admin.post(f"/api/v1/documents/{pk}/signatories", sign).status_code == 428
    r = admin.post(f"/api/v1/documents/{pk}/signatories", sign, if_match=row_version(authoring_app, PlanDocument, pk))
    assert r.status_code == 200 and r.get_json()["signatories"]["first"]["nip"] == "196801011990031001"
    approve(authoring_app, pk)
    ra = admin.post(f"/api/v1/regions/{region_1871}/documents", {"type": "rencana_aksi", "year": 2025,
                                                                 "based_on": pk}).get_json()["id"]
    a_ids = {lvl: admin.post(f"/api/v1/documents/{ra}/items", {"implements_item_id": p_ids[lvl]}).get_json()["id"]
             for lvl in ("program", "kegiatan", "sub_kegiatan")}
    a_ind = admin.get(f"/api/v1/documents/{ra}/items").get_json()
    a_ind = next(i for i in a_ind if i["id"] == a_ids["sub_kegiatan"])
    with authoring_app.app_context():
        ind_id = db.session.scalar(select(Indicator.id).where(Indicator.item_id == a_ids["sub_kegiatan"]))
    for q, target in zip((1, 2, 3, 4), ("15", "30", "45", "60")):
        r = admin.put(f"/api/v1/indicators/{ind_id}/targets/2025", {"value": target, "quarter": q})
        assert r.status_code == 200, r.get_json()
    # Realisation cannot go into a draft.
    assert admin.put(f"/api/v1/indicators/{ind_id}/realisations/2025/1", {"value": "10"}).status_code == 409
    approve(authoring_app, ra)
    spending = {1: "150000000", 2: "250000000", 3: "250000000", 4: "200000000"}
    for q, value in zip((1, 2, 3, 4), ("10", "25", "40", "54")):
        r = admin.put(f"/api/v1/indicators/{ind_id}/realisations/2025/{q}", {
            "value": value, "spending": spending[q], "supporting_factors": "Dukungan DTKS"})
        assert r.status_code == 200, r.get_json()
        validate(authoring_app, "WrittenValue", r.get_json())

    with authoring_app.test_request_context():
        region = db.session.get(PlanDocument, ra).region
        rules = current_registry().call("pelita_achievement_rules", region.code)
        user = db.session.scalar(select(User).where(User.username == "admin"))
        board = dashboard.build(db.session.get(PlanDocument, ra), 2025, user, rules)
        # Capaian: last quarter 54 of target 60 (aggregation "last") -> 54 / 60 * 100 = 90.
        from core.services.realisation import entry_sheet

        sheet = entry_sheet(db.session.get(PlanDocument, ra), 2025, user, rules)
        capaian = [i.capaian.value for e in sheet for i in e.indicators if i.capaian and i.capaian.value is not None]
        assert capaian == [Decimal("90")]
        # Absorption: 150 + 250 + 250 + 200 = 850 million of a pagu of 1,000 million -> 85 %.
        assert board.total_absorption.value == Decimal("85")
        assert [q for q, _v in board.quarters] == [1, 2, 3, 4]
        assert board.quarters[0][1] == Decimal("15")  # 150 / 1000


def _budget_id(app, item_id, year):
    with app.app_context():
        return db.session.scalar(select(Budget.id).where(Budget.item_id == item_id, Budget.year == year,
                                                         Budget.kind == "pagu", Budget.entered.is_(False)))


@pytest.fixture(scope="module")
def metro_amendment(authoring_app, tokens):
    """Kota Metro's seeded Renstra amended: two pagu and one target changed."""
    from tests.core.authoring.conftest import Api

    admin = Api(authoring_app, tokens["admin"])
    docs = admin.get("/api/v1/regions/18.72/documents").get_json()
    renstra = next(d for d in docs if d["type"] == "renstra" and d["status"] == "approved")["id"]
    before = dump(authoring_app, renstra)
    r = admin.post(f"/api/v1/documents/{renstra}/amend", {})
    assert r.status_code == 201, r.get_json()
    new = r.get_json()
    assert (new["status"], new["version"], new["amends"]) == ("draft", 2, renstra)
    with authoring_app.app_context():
        budgets = db.session.scalars(select(Budget).join(PlanItem, PlanItem.id == Budget.item_id).where(
            PlanItem.document_id == new["id"], Budget.kind == "pagu", Budget.year.is_not(None),
            Budget.value.is_not(None)).order_by(Budget.id).limit(2)).all()
        changed_budgets = [(b.item_id, b.year, b.row_version, b.printed) for b in budgets]
        target = db.session.scalars(select(Target).join(Indicator, Indicator.id == Target.indicator_id).join(
            PlanItem, PlanItem.id == Indicator.item_id).where(PlanItem.document_id == new["id"],
                                                              Target.quarter.is_(None)).order_by(Target.id)
                                    .limit(1)).one()
        changed_target = (target.indicator_id, target.year, target.row_version, target.printed)
    for item_id, year, version, _printed in changed_budgets:
        r = admin.put(f"/api/v1/items/{item_id}/budgets/{year}", {"pagu": "123456789"}, if_match=version)
        assert r.status_code == 200, r.get_json()
    ind, year, version, _printed = changed_target
    r = admin.put(f"/api/v1/indicators/{ind}/targets/{year}", {"value": "99.5"}, if_match=version)
    assert r.status_code == 200, r.get_json()
    return {"old": renstra, "new": new["id"], "before": before, "budgets": changed_budgets, "target": changed_target}


def test_amendment_diff_lists_exactly_the_changes_and_the_approved_version_is_unchanged(
        authoring_app, api, metro_amendment):
    admin = api()
    m = metro_amendment
    r = admin.get(f"/api/v1/documents/{m['new']}/diff?against={m['old']}")
    assert r.status_code == 200, r.get_json()
    validate(authoring_app, "DocumentDiff", r.get_json())
    changes = r.get_json()["changes"]
    got = sorted((c["kind"], c["year"], c["before"], c["after"]) for c in changes)
    expected = sorted([("budget", year, printed, "123456789") for _i, year, _v, printed in m["budgets"]]
                      + [("target", m["target"][1], m["target"][3], "99.5")])
    assert got == expected
    assert dump(authoring_app, m["old"]) == m["before"]
    # The approved version refuses writes.
    with authoring_app.app_context():
        old_item = db.session.scalar(select(PlanItem.id).where(PlanItem.document_id == m["old"]).limit(1))
    r = admin.patch(f"/api/v1/items/{old_item}", {"name": "X"}, if_match=row_version(authoring_app, PlanItem, old_item))
    assert r.status_code == 409
    assert dump(authoring_app, m["old"]) == m["before"]


def test_stale_and_missing_if_match(authoring_app, api, metro_amendment):
    admin = api()
    item_id, year, _v, _p = metro_amendment["budgets"][0]
    current = row_version(authoring_app, Budget, _budget_id(authoring_app, item_id, year))
    before = dump(authoring_app, metro_amendment["new"])
    r = admin.put(f"/api/v1/items/{item_id}/budgets/{year}", {"pagu": "5"})
    assert r.status_code == 428, r.get_json()
    r = admin.put(f"/api/v1/items/{item_id}/budgets/{year}", {"pagu": "5"}, if_match=current - 1)
    assert r.status_code == 409
    body = r.get_json()
    assert body["conflicts"] == [{"field": "pagu", "yours": "5", "current": "123456789"}]
    assert "123456789" in body["error"]
    r = admin.patch(f"/api/v1/items/{item_id}", {"name": "Baru"}, if_match=0)
    assert r.status_code == 409 and r.get_json()["conflicts"][0]["field"] == "name"
    assert dump(authoring_app, metro_amendment["new"]) == before


@pytest.mark.parametrize("value", ["NaN", "1e309", "1.000,5", "1" * 23, "\u0663", "12\x00", "Infinity", 60])
@pytest.mark.parametrize("lang, word", [("en", "number"), ("id", "angka")])
def test_refused_numbers(authoring_app, api, metro_amendment, value, lang, word):
    admin = api(lang=lang)
    item_id, year, _v, _p = metro_amendment["budgets"][1]
    ind, t_year, _tv, _tp = metro_amendment["target"]
    before = dump(authoring_app, metro_amendment["new"])
    current = row_version(authoring_app, Budget, _budget_id(authoring_app, item_id, year))
    r = admin.put(f"/api/v1/items/{item_id}/budgets/{year}", {"pagu": value}, if_match=current)
    assert r.status_code == 422, r.get_json()
    assert "pagu" in r.get_json()["error"]
    with authoring_app.app_context():
        tv = db.session.scalar(select(Target.row_version).where(Target.indicator_id == ind, Target.year == t_year,
                                                                Target.quarter.is_(None)))
    r = admin.put(f"/api/v1/indicators/{ind}/targets/{t_year}", {"value": value}, if_match=tv)
    assert r.status_code == 422, r.get_json()
    english = api(lang="en").put(f"/api/v1/indicators/{ind}/targets/{t_year}", {"value": value},
                                 if_match=tv).get_json()["error"]
    assert (r.get_json()["error"] != english) == (lang == "id")
    assert dump(authoring_app, metro_amendment["new"]) == before


def test_text_targets_keep_their_text_and_unit(authoring_app, api, metro_amendment):
    admin = api()
    ind, year, _v, _p = metro_amendment["target"]
    with authoring_app.app_context():
        version = db.session.scalar(select(Target.row_version).where(
            Target.indicator_id == ind, Target.year == year, Target.quarter.is_(None)))
    r = admin.put(f"/api/v1/indicators/{ind}/targets/{year}", {"value": "8000 kk"}, if_match=version)
    assert r.status_code == 200, r.get_json()
    assert (r.get_json()["printed"], r.get_json()["value"]) == ("8000 kk", "8000")
    r = admin.put(f"/api/v1/indicators/{ind}/targets/{year}", {"value": "99.5"}, if_match=version + 1)
    assert r.status_code == 200


def test_duplicate_first_realisation_keeps_one_row(authoring_app, api, region_1871, monkeypatch):
    from core.planning import entry

    admin = api()
    docs = admin.get("/api/v1/regions/18.72/documents").get_json()
    renstra = next(d for d in docs if d["type"] == "renstra" and d["status"] == "approved")["id"]
    with authoring_app.app_context():
        ind = db.session.scalars(select(Indicator).join(PlanItem, PlanItem.id == Indicator.item_id).where(
            PlanItem.document_id == renstra).order_by(Indicator.id)).first()
        ind_id, lineage = ind.id, ind.lineage_id
    r = admin.put(f"/api/v1/indicators/{ind_id}/realisations/2024/3", {"value": "7"})
    assert r.status_code == 200, r.get_json()
    # The loser of two simultaneous first saves did not see the winner's row.
    monkeypatch.setattr(entry, "find_realisation", lambda *a, **k: None)
    r = admin.put(f"/api/v1/indicators/{ind_id}/realisations/2024/3", {"value": "8"})
    assert r.status_code == 409, r.get_json()
    with authoring_app.app_context():
        rows = db.session.scalars(select(Realisation).where(
            Realisation.indicator_id == lineage, Realisation.year == 2024, Realisation.quarter == 3,
            Realisation.entered.is_(True))).all()
        assert [r.printed for r in rows] == ["7"]


def test_draft_only_deletes_and_other_regions(authoring_app, api, region_1871, metro_amendment):
    admin, metro = api(), api("metro")
    # An approved document and its items are not deleted.
    old_item = None
    with authoring_app.app_context():
        old_item = db.session.scalar(select(PlanItem).where(PlanItem.document_id == metro_amendment["old"]).limit(1))
        old_item, old_v = old_item.id, old_item.row_version
        old_doc_v = db.session.get(PlanDocument, metro_amendment["old"]).row_version
    assert admin.delete(f"/api/v1/items/{old_item}", if_match=old_v).status_code == 409
    assert admin.delete(f"/api/v1/documents/{metro_amendment['old']}", if_match=old_doc_v).status_code == 409
    # A draft of 18.71: Metro's planner does not see it (404), the admin deletes it.
    r = admin.post(f"/api/v1/regions/{region_1871}/documents", {"type": "renstra", "period_start": 2030,
                                                                "period_end": 2034})
    draft = r.get_json()["id"]
    item = admin.post(f"/api/v1/documents/{draft}/items", {"level": "tujuan", "name": "Tujuan 1"}).get_json()
    assert metro.delete(f"/api/v1/items/{item['id']}", if_match=item["row_version"]).status_code == 404
    assert metro.post(f"/api/v1/documents/{draft}/items", {"level": "tujuan", "name": "X"}).status_code == 404
    assert metro.get(f"/api/v1/documents/{draft}/diff?against={metro_amendment['old']}").status_code == 404
    assert admin.delete(f"/api/v1/items/{item['id']}").status_code == 428
    assert admin.delete(f"/api/v1/items/{item['id']}", if_match=item["row_version"]).status_code == 200
    assert admin.delete(f"/api/v1/documents/{draft}",
                        if_match=row_version(authoring_app, PlanDocument, draft)).status_code == 204
    with authoring_app.app_context():
        assert db.session.get(PlanDocument, draft) is None
