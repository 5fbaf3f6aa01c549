"""Entering a quarter: who may enter what, all-or-nothing saving, achievement, evidence."""

from __future__ import annotations

import io
import re

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import AuditLog, Budget, EvidenceFile, Indicator, PlanDocument, PlanItem, Realisation, Region
from tests import evidence_samples
from tests.conftest import csrf_token, login


@pytest.fixture(scope="module")
def entry_app(make_app):
    """Kota Metro's seeded Renstra with Lampung and Bengkulu beside it (and no other region's
    realisations). Each test's entries are rolled back at its end: a test that needs entered
    values enters them itself (``enter``)."""
    return make_app(regions=["prov_lampung", "kota_metro", "prov_bengkulu"], seed=True, users=True)


@pytest.fixture(scope="module")
def ids(entry_app):
    with entry_app.app_context():
        def item(code):
            return db.session.scalar(select(PlanItem).join(PlanDocument, PlanDocument.id == PlanItem.document_id)
                                     .where(PlanDocument.key == "renstra-2021-2026", PlanItem.code == code,
                                            PlanItem.region_id == db.session.scalar(
                                                select(Region.id).where(Region.code == "18.72"))))
        permakanan, pekerja = item("1.06.04.2.01.01"), item("1.06.02.2.03.01")
        indicator = lambda it: db.session.scalar(select(Indicator.id).where(Indicator.item_id == it.id))  # noqa
        doc = permakanan.document_id
        bengkulu_item = db.session.scalar(select(PlanItem.id).join(Region).where(Region.code == "17"))
        return {"doc": doc, "permakanan": permakanan.id, "permakanan_ind": indicator(permakanan),
                "pekerja": pekerja.id, "pekerja_ind": indicator(pekerja), "bengkulu_item": bengkulu_item}


def client_for(app, username):
    client = app.test_client()
    assert login(client, username).status_code == 302
    return client


def enter(client, ids, quarter, **fields):
    """Save a quarter's sheet as ``client``, e.g. ``enter(c, ids, 1, r=..., s=...)`` keyed by form field."""
    token = csrf_token(client, sheet_url(ids, quarter))
    response = client.post(sheet_url(ids, quarter), data={"csrf_token": token, **fields})
    assert response.status_code == 302, response.get_data(as_text=True)


def sheet_url(ids, quarter=1, mine=None):
    url = f"/r/18.72/documents/{ids['doc']}/realisation?year=2021&quarter={quarter}"
    return url + (f"&mine={mine}" if mine is not None else "")


def row(page, item_id):
    start = page.index(f'data-item-id="{item_id}"')
    end = page.index('class="item-row', start + 10) if 'class="item-row' in page[start + 10:] else len(page)
    return page[start:end]


def test_operator_may_edit_only_items_of_their_unit(entry_app, ids):
    client = client_for(entry_app, "rehsos")
    everything = client.get(sheet_url(ids, mine=0)).get_data(as_text=True)
    assert 'data-editable="yes"' in row(everything, ids["permakanan"])  # under 1.06.04, the Bidang's program
    assert 'data-editable="no"' in row(everything, ids["pekerja"])  # 1.06.02: not theirs
    assert f'name="r-{ids["pekerja_ind"]}"' not in everything
    own = client.get(sheet_url(ids)).get_data(as_text=True)  # an operator opens on their own items
    assert f'data-item-id="{ids["permakanan"]}"' in own and f'data-item-id="{ids["pekerja"]}"' not in own
    assert 'data-editable="no"' not in own


def test_saving_a_quarter_computes_achievement_with_the_region_rule(entry_app, ids):
    client = client_for(entry_app, "rehsos")
    token = csrf_token(client, sheet_url(ids))
    # 000 line 1322: Penyediaan Permakanan, target 2021 = 48 persons, pagu 2021 = 138.970.000.
    response = client.post(sheet_url(ids), data={
        "csrf_token": token, f"r-{ids['permakanan_ind']}": "12", f"sf-{ids['permakanan_ind']}": "Data lansia valid",
        f"s-{ids['permakanan']}": "69.485.000"})
    assert response.status_code == 302
    page = client.get(sheet_url(ids)).get_data(as_text=True)
    html = row(page, ids["permakanan"])
    assert "25,00 %" in html  # 12 / 48 x 100, rule higher:R/T stamped in the tooltip
    assert "higher:R/T" in html
    assert "50,00 %" in html  # absorption 69.485.000 / 138.970.000
    assert "Sangat Rendah" in html  # Kota Metro's own scale (LAKIP Tabel 3.1): 25 % is below 50,5
    with entry_app.app_context():
        saved = db.session.scalar(select(Realisation).where(Realisation.indicator_id == ids["permakanan_ind"]))
        assert (saved.year, saved.quarter, saved.printed, str(saved.value)) == (2021, 1, "12", "12")
        assert saved.supporting_factors == "Data lansia valid"
        audit = db.session.scalars(select(AuditLog).where(AuditLog.entity == "realisation")).all()
        assert audit and audit[-1].actor == "rehsos"


def test_one_bad_value_saves_nothing(entry_app, ids):
    client = client_for(entry_app, "metro")  # a planner: may enter for every item
    token = csrf_token(client, sheet_url(ids, 2))
    response = client.post(sheet_url(ids, 2), data={
        "csrf_token": token, f"r-{ids['permakanan_ind']}": "30", f"r-{ids['pekerja_ind']}": "12.5.3"})
    assert response.status_code == 400
    assert "12.5.3 bukan angka yang sah" in response.get_data(as_text=True)
    with entry_app.app_context():
        assert db.session.scalar(select(Realisation).where(Realisation.indicator_id == ids["permakanan_ind"],
                                                           Realisation.quarter == 2)) is None


def test_operator_cannot_post_for_another_units_item(entry_app, ids):
    client = client_for(entry_app, "rehsos")
    token = csrf_token(client, sheet_url(ids, 3))
    response = client.post(sheet_url(ids, 3), data={
        "csrf_token": token, f"r-{ids['permakanan_ind']}": "40", f"r-{ids['pekerja_ind']}": "30"})
    assert response.status_code == 400
    assert "Anda tidak boleh mengisi realisasi" in response.get_data(as_text=True)
    with entry_app.app_context():
        assert db.session.scalar(select(Realisation).where(Realisation.quarter == 3)) is None


def test_numbers_are_read_in_the_users_language(entry_app, ids):
    client = client_for(entry_app, "metro")
    token = csrf_token(client, sheet_url(ids, 4))
    client.post("/language", data={"locale": "en", "csrf_token": token, "next": "/"})
    response = client.post(sheet_url(ids, 4), data={"csrf_token": token, f"s-{ids['permakanan']}": "1,500,000"})
    assert response.status_code == 302
    client.post("/language", data={"locale": "id", "csrf_token": token, "next": "/"})
    with entry_app.app_context():
        spent = db.session.scalar(select(Budget).where(Budget.item_id == ids["permakanan"], Budget.quarter == 4))
        assert str(spent.value) == "1500000"


def test_spending_must_be_an_amount(entry_app, ids):
    client = client_for(entry_app, "metro")
    token = csrf_token(client, sheet_url(ids, 2))
    response = client.post(sheet_url(ids, 2), data={"csrf_token": token, f"s-{ids['permakanan']}": "banyak"})
    assert response.status_code == 400 and "harus berupa jumlah rupiah" in response.get_data(as_text=True)


@pytest.mark.parametrize("username", ["auditor", "bengkulu"])
def test_viewers_and_other_regions_cannot_enter(entry_app, ids, username):
    client = client_for(entry_app, username)
    token = csrf_token(client, "/")
    response = client.post(sheet_url(ids), data={"csrf_token": token, f"r-{ids['permakanan_ind']}": "1"})
    assert response.status_code == 404


def upload(client, ids, name, data):
    token = csrf_token(client, sheet_url(ids))
    return client.post(f"/r/18.72/documents/{ids['doc']}/items/{ids['permakanan']}/evidence",
                       data={"csrf_token": token, "year": "2021", "quarter": "1",
                             "file": (io.BytesIO(data), name)}, content_type="multipart/form-data",
                       follow_redirects=True)


def test_evidence_upload_checks_type_content_and_size(entry_app, ids):
    client = client_for(entry_app, "rehsos")
    pdf = evidence_samples.pdf()
    assert "Bukti terunggah." in upload(client, ids, "berita-acara.pdf", pdf).get_data(as_text=True)
    assert "PDF, JPG, PNG, XLSX atau DOCX" in upload(client, ids, "x.exe", b"MZ").get_data(as_text=True)
    assert "bukan berkas PDF" in upload(client, ids, "renamed.pdf", b"just text").get_data(as_text=True)
    big = b"%PDF" + b"0" * (5 * 1024 * 1024)
    assert "lebih besar dari 5 MB" in upload(client, ids, "big.pdf", big).get_data(as_text=True)
    with entry_app.app_context():
        files = db.session.scalars(select(EvidenceFile)).all()
        assert [f.filename for f in files] == ["berita-acara.pdf"]
        evidence_id = files[0].id
    download = client.get(f"/r/18.72/evidence/{evidence_id}")
    assert download.status_code == 200 and download.data == pdf
    assert client_for(entry_app, "bengkulu").get(f"/r/17/evidence/{evidence_id}").status_code == 404


def test_operator_cannot_upload_for_another_units_item(entry_app, ids):
    client = client_for(entry_app, "rehsos")
    token = csrf_token(client, sheet_url(ids))
    response = client.post(f"/r/18.72/documents/{ids['doc']}/items/{ids['pekerja']}/evidence",
                           data={"csrf_token": token, "year": "2021", "quarter": "1",
                                 "file": (io.BytesIO(evidence_samples.pdf()), "x.pdf")}, content_type="multipart/form-data")
    assert response.status_code == 404


def test_planner_assigns_a_unit_and_the_operator_gains_the_items(entry_app, ids):
    planner = client_for(entry_app, "metro")
    token = csrf_token(planner, sheet_url(ids))
    planner.post(f"/r/18.72/documents/{ids['doc']}/items/{ids['pekerja']}/unit",
                 data={"csrf_token": token, "unit": "bidang-rehabilitasi-pemberdayaan", "year": 2021, "quarter": 1})
    page = client_for(entry_app, "rehsos").get(sheet_url(ids)).get_data(as_text=True)
    assert 'data-editable="yes"' in row(page, ids["pekerja"])  # now among the operator's own items
    bad = planner.post(f"/r/18.72/documents/{ids['doc']}/items/{ids['pekerja']}/unit",
                       data={"csrf_token": token, "unit": "no-such-unit"}, follow_redirects=True)
    assert "Unit no-such-unit tidak dikenal." in bad.get_data(as_text=True)
    assert client_for(entry_app, "rehsos").post(
        f"/r/18.72/documents/{ids['doc']}/items/{ids['pekerja']}/unit",
        data={"csrf_token": token, "unit": ""}).status_code in (400, 404)
    with entry_app.app_context():
        assert db.session.scalar(select(AuditLog).where(AuditLog.entity == "plan_item",
                                                        AuditLog.actor == "metro")) is not None


def test_lakip_2023_recomputed_by_the_engine(entry_app):
    """The LAKIP's printed target and realisation go through the same engine (001 lines 779, 1589)."""
    with entry_app.app_context():
        lakip = db.session.scalar(select(PlanDocument.id).where(PlanDocument.key == "lakip-2023"))
    page = client_for(entry_app, "auditor").get(f"/r/18.72/documents/{lakip}/realisation?year=2023")
    html = page.get_data(as_text=True)
    capaian = [re.sub("<[^>]+>", "", c) for c in re.findall(r'<td class="num capaian">(.*?)</td>', html)]
    # IKU: realisation 92,78 % against target 91,5 % = 101,40 %, "Sangat tinggi" on Tabel 3.1.
    assert capaian[0] == "101,40 % · Sangat tinggi"
    absorption = [re.sub("<[^>]+>", "", c) for c in re.findall(r'<td class="num absorption">(.*?)</td>', html)]
    # The whole urusan: 4.825.424.420 / 5.093.068.611 = 94,74 %, as printed.
    assert "94,74 %" in absorption
    assert "higher:R/T" in html and 'name="r-' not in html  # rules on hover; a viewer gets no inputs


def test_quarterly_absorption_chart_follows_entered_spending(entry_app, ids):
    client = client_for(entry_app, "metro")
    enter(client, ids, 1, **{f"s-{ids['permakanan']}": "69.485.000"})
    enter(client, ids, 4, **{f"s-{ids['permakanan']}": "1.500.000"})
    html = client.get(f"/r/18.72/dashboard?document={ids['doc']}&year=2021").get_data(as_text=True)
    chart = html[html.index('id="absorption-chart"'):html.index("</svg>", html.index('id="absorption-chart"'))]
    # Spending entered in 2021 (above): Q1 69.485.000 and Q4 1.500.000 on Permakanan,
    # against the year's top-level pagu of the whole Renstra sheet: Q1 shows a share, Q4 is cumulative.
    shares = re.findall(r"<title>TW (I|II|III|IV): ([^<]+)</title>", chart)
    assert shares[0][1] != "–" and shares[3][1] != "–"
    assert shares[1][1] == shares[0][1]  # nothing entered in Q2: cumulative stays


def test_planner_sets_an_indicator_to_lower_is_better_with_its_own_rule(entry_app, ids):
    client = client_for(entry_app, "metro")
    enter(client, ids, 1, **{f"r-{ids['permakanan_ind']}": "12"})
    token = csrf_token(client, sheet_url(ids))
    url = f"/r/18.72/documents/{ids['doc']}/indicators/{ids['permakanan_ind']}/settings"
    bad = client.post(url, data={"csrf_token": token, "polarity": "lower", "aggregation": "sum",
                                 "capaian_rule": "higher:R/T"}, follow_redirects=True)
    assert "tidak cocok" in bad.get_data(as_text=True)
    client.post(url, data={"csrf_token": token, "polarity": "lower", "aggregation": "sum",
                           "capaian_rule": "lower:T/R", "year": "2021", "quarter": "1"})
    html = row(client.get(sheet_url(ids)).get_data(as_text=True), ids["permakanan"])
    # Q1 12 + Q2 nothing = 12 realised against a target of 48, lower is better, T / R: 48 / 12 = 400 %.
    assert "400,00 %" in html and "lower:T/R" in html
    viewer = client_for(entry_app, "auditor")
    assert viewer.post(url, data={"csrf_token": csrf_token(viewer, "/"), "polarity": "higher",
                                  "aggregation": "last"}).status_code == 404
    client.post(url, data={"csrf_token": token, "polarity": "higher", "aggregation": "last", "capaian_rule": ""})
