"""Kota Metro's Renja 2025 through the whole workflow in a browser, as four people, then every
write path refused on the locked version.

draft -> submitted (metro) -> returned with two item notes (bappeda) -> fixed and replied
(metro) -> submitted (metro) -> verified (bappeda, after setting one pagu) -> approved and
locked (kadis); then the form, the API, the importer and the nomenclature move each try to
change the locked version and it stays as it was (apip, the fourth reviewer group's member,
reads it too).
"""

from __future__ import annotations

import json

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import Budget, Indicator, PlanDocument, PlanItem, Target
from tests.browser.conftest import serve
from tests.browser.test_browse import sign_in
from tests.core.workflow.builders import author_metro_renja

pytestmark = pytest.mark.browser


@pytest.fixture()
def metro_app(make_app):
    """Lampung and Kota Metro seeded with the demo users, on a database of the test's own, with
    Metro's Renja 2025 authored as a draft through the authoring services."""
    app = make_app(regions=["prov_lampung", "kota_metro"], seed=True, users=True)
    with app.app_context():
        built = author_metro_renja()
        ids = {"document": built["document"].id, "items": {k: v.id for k, v in built["items"].items()},
               "indicators": {k: v.id for k, v in built["indicators"].items()}}
        db.session.commit()
    return app, ids


def dump(app, document_id) -> list:
    """Every column of the document and of its items, indicators, targets and pagu."""
    with app.app_context():
        db.session.expire_all()
        rows = [repr(sorted(_cols(db.session.get(PlanDocument, document_id)).items()))]
        items = db.session.scalars(select(PlanItem).where(PlanItem.document_id == document_id)).all()
        indicators = db.session.scalars(select(Indicator).where(Indicator.item_id.in_([i.id for i in items]))).all()
        rows += [repr(sorted(_cols(r).items())) for r in (*items, *indicators)]
        rows += [repr(sorted(_cols(r).items())) for r in db.session.scalars(
            select(Target).where(Target.indicator_id.in_([i.id for i in indicators])))]
        rows += [repr(sorted(_cols(r).items())) for r in db.session.scalars(
            select(Budget).where(Budget.item_id.in_([i.id for i in items])))]
        return sorted(rows)


def _cols(row) -> dict:
    return {c.key: getattr(row, c.key) for c in row.__mapper__.column_attrs}


def as_person(browser, url, username):
    context = browser.new_context(locale="id-ID", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    outside = []
    page.on("request", lambda r: outside.append(r.url) if not r.url.startswith(("http://127.0.0.1", "data:")) else None)
    sign_in(page, url, username)
    return context, page, outside


def api(page, method, path, body, if_match=None):
    """A JSON call with the page's session and its CSRF token (as a script of the page would)."""
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    headers = {"X-CSRFToken": token, "Content-Type": "application/json"}
    if if_match is not None:
        headers["If-Match"] = str(if_match)
    return page.request.fetch(page.url.split("/r/")[0] + path, method=method, headers=headers, data=json.dumps(body))


def status(page) -> str:
    return page.locator("#workflow .wf-status").first.inner_text()


def test_renja_2025_from_draft_to_locked_then_every_write_is_refused(browser, metro_app):
    app, ids = metro_app
    doc = ids["document"]
    program, kegiatan = ids["items"]["program"], ids["items"]["kegiatan"]
    with serve(app) as url:
        document_url = f"{url}/r/18.72/documents/{doc}"
        review_url = f"{document_url}/workflow"

        # 1. The planner submits the draft.
        context, page, outside = as_person(browser, url, "metro")
        page.goto(document_url)
        assert status(page) == "draf"
        page.fill("#wf-submit-form textarea[name=note]", "Rancangan Renja 2025 siap diverifikasi")
        page.click("#wf-submit-form button[type=submit]")
        assert status(page) == "diajukan"
        assert page.locator("#workflow .wf-transition").count() == 0  # nothing more for the office now
        context.close()
        assert outside == []

        # 2. Bappeda writes two item notes and returns the document.
        context, page, outside = as_person(browser, url, "bappeda")
        page.goto(review_url)
        for item, verdict, note in ((program, "perlu_perbaikan", "Target program di bawah target Renstra"),
                                    (kegiatan, "tidak_ditemukan", "Lokasi kegiatan tidak ditemukan")):
            form = page.locator(f"#item-{item} form.wf-review-form")
            form.locator(f"input[name=verdict][value={verdict}]").check()
            form.locator("textarea[name=note]").fill(note)
            form.locator("button[type=submit]").click()
            assert page.locator(".flash").first.inner_text().startswith("Hasil verifikasi untuk")
        page.fill("#wf-return-form textarea[name=note]", "Dua butir perlu diperbaiki")
        page.click("#wf-return-form button[type=submit]")
        page.goto(document_url)
        assert status(page) == "draf"
        context.close()

        # 3. The planner fixes both items (through the authoring API) and answers both notes.
        context, page, outside = as_person(browser, url, "metro")
        page.goto(document_url)
        assert page.locator("#workflow .wf-review").count() == 2
        r = api(page, "PUT", f"/api/v1/indicators/{ids['indicators']['program']}/targets/2025", {"value": "85"},
                if_match=1)
        assert r.status == 200, r.text()
        r = api(page, "PATCH", f"/api/v1/items/{kegiatan}", {"fields": {"lokasi": "Kecamatan Metro Pusat"}},
                if_match=_version(app, PlanItem, kegiatan))
        assert r.status == 200, r.text()
        page.reload()
        for reply in ("Target dinaikkan menjadi 85", "Lokasi ditambahkan: Kecamatan Metro Pusat"):
            form = page.locator("#workflow form.wf-reply-form").first
            form.locator("textarea[name=text]").fill(reply)
            form.locator("button[type=submit]").click()
            assert page.locator(".flash").first.inner_text() == "Tanggapan Anda disimpan."
        assert page.locator("#workflow form.wf-reply-form").count() == 2  # one can answer again
        page.fill("#wf-submit-form textarea[name=note]", "Sudah diperbaiki")
        page.click("#wf-submit-form button[type=submit]")
        assert status(page) == "diajukan"
        context.close()

        # 4. Bappeda sees what changed since each note, sets the kegiatan's pagu, accepts, verifies.
        context, page, outside = as_person(browser, url, "bappeda")
        page.goto(review_url)
        changes = page.locator(f"#item-{program} .wf-changes").inner_text()
        assert "Indikator 1, target 2025" in changes and "80" in changes and "85" in changes
        assert "Kecamatan Metro Pusat" in page.locator(f"#item-{kegiatan} .wf-changes").inner_text()
        assert "Target dinaikkan menjadi 85" in page.locator(f"#item-{program}").inner_text()
        page.fill("#wf-verify-form textarea[name=note]", "Coba verifikasi")
        page.click("#wf-verify-form button[type=submit]")
        assert "2 butir masih perlu diperbaiki" in page.locator(".flash").first.inner_text()
        form = page.locator(f"#item-{kegiatan} form.wf-penetapan-form")
        form.locator("select[name=choice]").select_option(index=1)  # the pagu (the target comes first)
        form.locator("input[name=value]").fill("550000000")
        form.locator("input[name=note]").fill("Disesuaikan dengan pagu indikatif")
        form.locator("button[type=submit]").click()
        usulan = page.locator("#penetapan td.wf-usulan").first.inner_text()
        assert (usulan, page.locator("#penetapan td.wf-penetapan").first.inner_text()) == ("600000000", "550000000")
        for item in (program, kegiatan):
            form = page.locator(f"#item-{item} form.wf-review-form")
            form.locator("input[name=verdict][value=sesuai]").check()
            form.locator("button[type=submit]").click()
        page.click("#wf-verify-form button[type=submit]")
        page.goto(document_url)
        assert status(page) == "diverifikasi"
        context.close()

        # 5. The Kepala Dinas approves (the penetapan becomes the value) and locks.
        context, page, outside = as_person(browser, url, "kadis")
        page.goto(document_url)
        page.fill("#wf-approve-form textarea[name=note]", "Ditetapkan")
        page.click("#wf-approve-form button[type=submit]")
        assert status(page) == "ditetapkan"
        page.click("#wf-lock-form button[type=submit]")
        assert status(page) == "terkunci"
        history = page.locator("#workflow-history li").all_inner_texts()
        assert [h.split(" · ")[1].split(":")[0] for h in history] == [
            "metro", "bappeda", "metro", "bappeda", "kadis", "kadis"]
        assert page.locator("#workflow .wf-transition").count() == 0
        context.close()
        with app.app_context():
            pagu = db.session.scalar(select(Budget).where(Budget.item_id == kegiatan, Budget.kind == "pagu"))
            assert pagu.printed == "550000000"

        # 6. Every write path is refused on the locked version; nothing in it changes.
        before = dump(app, doc)
        context, page, outside = as_person(browser, url, "metro")
        # The form: the realisation sheet's unit assignment.
        page.goto(f"{document_url}/realisation")
        page.locator(f"tr[data-item-id='{program}'] form.assign select[name=unit]").select_option(index=1)
        with page.expect_response(lambda r: r.request.method == "POST") as answer:
            page.locator(f"tr[data-item-id='{program}'] form.assign button[type=submit]").click()
        assert answer.value.status == 409
        assert "Dokumen ini terkunci" in page.locator(".error-message").inner_text()
        # The API: an item, a target, a pagu, a new item, a reply.
        page.goto(document_url)
        refused = [
            api(page, "PATCH", f"/api/v1/items/{program}", {"name": "Diubah"}, _version(app, PlanItem, program)),
            api(page, "PUT", f"/api/v1/indicators/{ids['indicators']['program']}/targets/2025", {"value": "1"},
                _version(app, Target, _target(app, ids["indicators"]["program"]))),
            api(page, "PUT", f"/api/v1/items/{kegiatan}/budgets/2025", {"pagu": "1"},
                _version(app, Budget, pagu.id)),
            api(page, "POST", f"/api/v1/documents/{doc}/items", {"level": "program", "code": "1.06.01"}),
            api(page, "POST", f"/api/v1/documents/{doc}/transitions", {"action": "submit"}),
        ]
        assert [r.status for r in refused] == [409] * 5, [r.text() for r in refused]
        # The nomenclature move: deciding an item of the locked version is refused; moving it makes a
        # new draft version beside it.
        token = page.locator("input[name=csrf_token]").first.get_attribute("value")
        r = page.request.post(f"{document_url}/migration/{program}", form={"csrf_token": token, "code": "1.06.01",
                                                                           "note": "Pindah"})
        assert r.status == 409
        page.click("details.move summary")
        page.locator("#move-form select[name=version]").select_option(index=0)
        page.click("#move-form button[type=submit]")
        assert f"/documents/{doc}/" not in page.url  # the draft is another version
        context.close()
        # The importer: a run over Metro writes no row of the locked version.
        with app.app_context():
            from core.plugins import current_registry
            from core.services.importing import import_regions

            import_regions(current_registry(), ["18.72"])
            db.session.commit()
        assert dump(app, doc) == before

        # APIP reads the locked document and its history, and may change nothing.
        context, page, outside = as_person(browser, url, "apip")
        page.goto(document_url)
        assert status(page) == "terkunci" and page.locator("#workflow-history li").count() == 6
        assert page.locator("#workflow form").count() == 0
        context.close()
        assert outside == []


def _version(app, model, row_id) -> int:
    with app.app_context():
        return db.session.get(model, row_id).row_version


def _target(app, indicator_id) -> int:
    with app.app_context():
        return db.session.scalar(select(Target.id).where(Target.indicator_id == indicator_id))
