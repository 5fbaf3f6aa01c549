"""A province compares its kab/kota in one code list; what cannot be placed is shown as such."""

from __future__ import annotations

import re

from tests.conftest import csrf_token


def row(html, code):
    match = re.search(rf'<tr data-code="{re.escape(code)}"[^>]*>(.*?)</tr>', html, re.S)
    return match.group(1) if match else None


def test_province_sees_its_kabkota_side_by_side_in_the_2023_list(login_as):
    client = login_as("lampung")
    client.post("/language", data={"locale": "id", "csrf_token": csrf_token(client, "/"), "next": "/"})
    html = client.get("/r/18/compare?version=kmdn900-1317-2023&year=2021").get_data(as_text=True)
    assert "Kota Metro" in html and "Kabupaten Lampung Barat" in html and "Bengkulu" not in html
    # Kota Metro's Renstra (050-5889) placed through the derived crosswalk: 000 line 1322,
    # Penyediaan Permakanan, pagu 2021 138.970.000, at 1.06.04.2.01.0001 of the 2023 list.
    permakanan = row(html, "1.06.04.2.01.0001")
    assert permakanan is not None and "138.970.000" in permakanan and "Penyediaan Permakanan" in permakanan
    # Lampung Barat's Renja 2021 (its own Permendagri 13 numbering): nothing sure, all listed.
    unplaced = re.search(r'<ul class="unplaced" data-region="18.04">(.*?)</ul>', html, re.S).group(1)
    assert unplaced.count("<li>") == 57
    assert "Penyediaan Jasa Surat Menyurat" in unplaced


def test_a_year_without_a_plan_says_so(login_as):
    html = login_as("lampung").get("/r/18/compare?year=2023").get_data(as_text=True)
    assert "tidak ada rencana untuk tahun ini" in html  # Lampung Barat has no 2023 plan


def test_only_provinces_and_only_their_users(login_as):
    assert login_as("metro").get("/r/18/compare").status_code == 404
    assert login_as("metro").get("/r/18.72/compare").status_code == 404  # not a province
    assert login_as("bengkulu").get("/r/18/compare").status_code == 404
    assert login_as("lampung").get("/r/18/compare?version=no-such-list").status_code == 404
