"""The workflow on the document page and the review page: what each user sees and may press,
forms with CSRF, refusals as messages, both languages, no raw keys."""

from __future__ import annotations

import re

from core.extensions import db
from core.models import PlanDocument
from tests.conftest import csrf_token


def page(client, renja, path=""):
    return client.get(f"/r/18.72/documents/{renja['document']}{path}").get_data(as_text=True)


def post(client, renja, path, data, token_page=""):
    token = csrf_token(client, f"/r/18.72/documents/{renja['document']}{token_page}")
    return client.post(f"/r/18.72/documents/{renja['document']}{path}", data={"csrf_token": token, **data})


def test_the_office_sees_the_status_and_submits_with_a_note(renja, login_as, read):
    metro = login_as("metro")
    html = page(metro, renja)
    assert "Verifikasi dan penetapan" in html and 'class="wf-status wf-status-draft">draf<' in html
    assert 'id="wf-submit-form"' in html and 'id="wf-verify-form"' not in html
    r = post(metro, renja, "/workflow/transition", {"action": "submit", "note": "Mohon verifikasi"})
    assert r.status_code == 302
    html = metro.get(r.headers["Location"]).get_data(as_text=True)
    assert "Dokumen kini berstatus diajukan." in html
    assert re.search(r'<li data-action="submit">[^<]*metro: draf → diajukan — “Mohon verifikasi”', html)
    assert read(lambda: db.session.get(PlanDocument, renja["document"]).status) == "submitted"


def test_a_role_that_may_not_gets_no_button_and_403_on_posting(renja, login_as, read):
    kadis = login_as("kadis")
    assert 'class="wf-transition"' not in page(kadis, renja)
    r = post(kadis, renja, "/workflow/transition", {"action": "submit"})
    assert r.status_code == 403
    assert read(lambda: db.session.get(PlanDocument, renja["document"]).status) == "draft"


def test_the_form_needs_the_csrf_token(renja, login_as):
    metro = login_as("metro")
    r = metro.post(f"/r/18.72/documents/{renja['document']}/workflow/transition", data={"action": "submit"})
    assert r.status_code == 400


def test_reviews_replies_and_changes_on_the_pages_in_both_languages(renja, login_as, as_user):
    doc, item = renja["document"], renja["items"]["kegiatan"]
    as_user("metro").post(f"/api/v1/documents/{doc}/transitions", {"action": "submit"})
    bappeda = login_as("bappeda")
    review_page = page(bappeda, renja, "/workflow")
    assert f'action="/r/18.72/documents/{doc}/workflow/items/{item}/review"' in review_page
    assert "Kelompok verifikator dokumen ini: Bappeda" in review_page
    r = post(bappeda, renja, f"/workflow/items/{item}/review", {"verdict": "perlu_perbaikan", "back": "review",
                                                                "note": "Target belum sesuai Renstra"}, "/workflow")
    assert r.status_code == 302 and r.headers["Location"].endswith(f"/workflow#item-{item}")
    r = post(bappeda, renja, f"/workflow/items/{item}/review", {"verdict": "perlu_perbaikan"}, "/workflow")
    assert "note wajib diisi." in bappeda.get(r.headers["Location"]).get_data(as_text=True)
    r = post(bappeda, renja, "/workflow/transition", {"action": "return", "note": "Lihat catatan"})
    assert r.status_code == 302

    metro = login_as("metro")
    as_user("metro").put(f"/api/v1/indicators/{renja['indicators']['kegiatan']}/targets/2025", {"value": "90"},
                         if_match=1)
    html = page(metro, renja)
    assert "perlu perbaikan" in html and "Target belum sesuai Renstra" in html
    assert "Berubah sejak catatan ini (1)" in html and "Indikator 1, target 2025" in html
    assert "indicator 1 target" not in html  # no raw keys
    review_id = re.search(r'id="review-(\d+)"', html)[1]
    r = post(metro, renja, f"/workflow/reviews/{review_id}/reply", {"text": "Target dinaikkan ke 90"})
    html = metro.get(r.headers["Location"]).get_data(as_text=True)
    assert "Tanggapan Anda disimpan." in html and "Target dinaikkan ke 90" in html

    metro.post("/language", data={"csrf_token": csrf_token(metro, "/account"), "locale": "en", "next": "/"})
    html = page(metro, renja)
    assert "Verification and approval" in html and "perlu perbaikan (needs fixing)" in html
    assert "Changed since this note (1)" in html and "Indicator 1, target 2025" in html


def test_usulan_and_penetapan_side_by_side_and_a_renstra_records_its_regulation(renja, login_as, as_user, read):
    doc = renja["document"]
    as_user("metro").post(f"/api/v1/documents/{doc}/transitions", {"action": "submit"})
    bappeda = login_as("bappeda")
    r = post(bappeda, renja, "/workflow/penetapan", {"choice": f"pagu:{renja['pagu']['program']}",
                                                     "value": "850000000", "note": "Pagu indikatif"}, "/workflow")
    html = bappeda.get(r.headers["Location"]).get_data(as_text=True)
    assert "Nilai penetapan disimpan." in html
    row = re.search(r'<td class="num wf-usulan">([^<]*)</td><td class="num wf-penetapan">([^<]*)</td>', html)
    assert row.groups() == ("900000000", "850000000")


def test_a_renstra_approval_needs_the_regulation_number_and_date(seeded_app, login_as, read):
    from tests import factories
    from tests.core.workflow.builders import metro

    with seeded_app.app_context():
        renstra = factories.document(metro(), "renstra", key="renstra-2026-2030",
                                     period_id=factories.period(metro(), 2026, 2030).id, status="verified")
        doc = renstra.id
        db.session.commit()
    kadis = login_as("kadis")
    html = kadis.get(f"/r/18.72/documents/{doc}").get_data(as_text=True)
    assert 'name="regulation_number"' in html and 'name="regulation_date"' in html
    token = csrf_token(kadis, f"/r/18.72/documents/{doc}")
    r = kadis.post(f"/r/18.72/documents/{doc}/workflow/transition", data={"csrf_token": token, "action": "approve"})
    assert "regulation_number wajib diisi." in kadis.get(r.headers["Location"]).get_data(as_text=True)
    r = kadis.post(f"/r/18.72/documents/{doc}/workflow/transition", data={
        "csrf_token": token, "action": "approve", "regulation_number": "Peraturan Wali Kota Metro Nomor 12 Tahun 2026",
        "regulation_date": "2026-03-31"})
    html = kadis.get(r.headers["Location"]).get_data(as_text=True)
    assert "Peraturan Peraturan Wali Kota Metro Nomor 12 Tahun 2026 tanggal 2026-03-31" in html
    assert read(lambda: db.session.get(PlanDocument, doc).status) == "approved"


def test_another_regions_user_gets_404_on_every_page_and_form(renja, login_as):
    bengkulu = login_as("bengkulu")
    doc = renja["document"]
    assert bengkulu.get(f"/r/18.72/documents/{doc}/workflow").status_code == 404
    token = csrf_token(bengkulu, "/account")
    for path in ("workflow/transition", f"workflow/items/{renja['items']['program']}/review",
                 "workflow/reviews/1/reply", "workflow/penetapan"):
        assert bengkulu.post(f"/r/18.72/documents/{doc}/{path}", data={"csrf_token": token}).status_code == 404
    # Under its own region code the id of Metro's document does not exist either.
    assert bengkulu.get(f"/r/17/documents/{doc}/workflow").status_code == 404
