"""The document tree page: Kota Metro's Renstra as a planner sees it."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import PlanDocument, Region


@pytest.fixture()
def renstra_id(seeded_app):
    # No app context may stay pushed while the test client makes requests: Flask would reuse
    # it, and per-context caches (the locale) would leak from one request into the next.
    with seeded_app.app_context():
        return db.session.scalar(select(PlanDocument.id).join(Region).where(
            Region.code == "18.72", PlanDocument.key == "renstra-2021-2026"))


def rows(page, level):
    return re.findall(rf'<tr class="level-{level}" data-item-id="\d+" data-level="{level}" data-code="([^"]*)">', page)


def row_html(page, code):
    start = page.index(f'data-code="{code}"')
    return page[start:page.index("</tr>", start)]


def test_every_tabel_61_row_is_in_the_tree(login_as, renstra_id):
    page = login_as("metro").get(f"/r/18.72/documents/{renstra_id}").get_data(as_text=True)
    # Counted by reading 000 lines 1262-1391: 7 programs, 15 kegiatan, 57 sub kegiatan.
    assert len(rows(page, "program")) == 7
    assert len(rows(page, "kegiatan")) == 15
    assert len(rows(page, "sub_kegiatan")) == 57
    for code in ("1.06.02", "1.06.03", "1.06.04", "1.06.05", "1.06.06", "1.06.07"):
        assert code in rows(page, "program")


@pytest.mark.parametrize("code, printed", [
    # 000 line 1320: Program Rehabilitasi Sosial, baseline 60%, Tahun 1 70% and Rp 1.413.000.000
    ("1.06.04", ["Program Rehabilitasi Sosial", "60 %", "70 %", "1.413.000.000", "1.483.000.000", "1.717.000.000"]),
    # 000 line 1322: Penyediaan Permakanan 48 / 138.970.000 ... 70 / 177.364.849
    ("1.06.04.2.01.01", ["Penyediaan Permakanan", "138.970.000", "145.918.500", "153.214.425", "168.918.904",
                         "177.364.849", "Dinas Sosial"]),
    # 000 line 1309: Peningkatan Kemampuan Potensi Pekerja Sosial Masyarakat, 30 / 77.000.000
    ("1.06.02.2.03.01", ["Pekerja Sosial Masyarakat", "77.000.000", "81.000.000", "145.000.000"]),
    # 000 line 1312: Karang Taruna "60 Org" / 135.000.000
    ("1.06.02.2.03.04", ["Karang Taruna", "60 Org", "135.000.000", "210 Org"]),
])
def test_printed_values_in_indonesian(login_as, renstra_id, code, printed):
    html = row_html(login_as("metro").get(f"/r/18.72/documents/{renstra_id}").get_data(as_text=True), code)
    for text in printed:
        assert text in html, (code, text)


def test_same_values_in_english_follow_the_locale(login_as, renstra_id):
    from tests.conftest import csrf_token

    client = login_as("auditor")
    client.post("/language", data={"locale": "en", "csrf_token": csrf_token(client, "/"), "next": "/"})
    html = row_html(client.get(f"/r/18.72/documents/{renstra_id}").get_data(as_text=True), "1.06.04")
    assert "1,413,000,000" in html and "1.413.000.000" not in html.replace('title="1.413.000.000"', "")
    client.post("/language", data={"locale": "id", "csrf_token": csrf_token(client, "/"), "next": "/"})


def test_search_keeps_ancestors(login_as, renstra_id):
    page = login_as("metro").get(f"/r/18.72/documents/{renstra_id}?q=permakanan").get_data(as_text=True)
    # 000 lines 1322 and 1341: two sub kegiatan named "Penyediaan Permakanan", in two kegiatan.
    assert rows(page, "sub_kegiatan") == ["1.06.04.2.01.01", "1.06.04.2.02.03"]
    assert rows(page, "kegiatan") == ["1.06.04.2.01", "1.06.04.2.02"]
    assert rows(page, "program") == ["1.06.04"]


def test_text_targets_stay_text(login_as, renstra_id):
    # 000 line 1319 prints "2 Jiwa": a number with its unit word, shown with it.
    html = row_html(login_as("metro").get(f"/r/18.72/documents/{renstra_id}").get_data(as_text=True),
                    "1.06.03.2.01")
    assert "2 Jiwa" in html and "10.000.000" in html


def test_org_chart_page_lists_units_with_tasks(login_as):
    page = login_as("metro").get("/r/18.72/org").get_data(as_text=True)
    assert "Bidang Rehabilitasi dan Pemberdayaan Sosial" in page
    assert "Sub Bagian Perencanaan dan Keuangan" in page
    assert page.count('class="org-unit"') == 12


def test_lampung_barat_says_its_document_names_no_units(login_as):
    page = login_as("lambar").get("/r/18.04/").get_data(as_text=True)
    assert "Kepala Dinas" in page
    assert 'class="note"' in page


def test_amendment_and_original_link_to_each_other(seeded_app, login_as):
    with seeded_app.app_context():
        ids = dict(db.session.execute(select(PlanDocument.key, PlanDocument.id).join(Region).where(
            Region.code == "17")).all())
    client = login_as("bengkulu")
    amendment = client.get(f"/r/17/documents/{ids['renstra-2021-2026-p1']}").get_data(as_text=True)
    assert "Versi ini mengubah" in amendment and f"/r/17/documents/{ids['renstra-2021-2026']}" in amendment
    original = client.get(f"/r/17/documents/{ids['renstra-2021-2026']}").get_data(as_text=True)
    assert "Diubah dengan" in original and f"/r/17/documents/{ids['renstra-2021-2026-p1']}" in original
    assert "0 butir" in original  # identity only: its content is not among the sources
