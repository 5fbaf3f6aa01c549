"""The nomenclature pages: versions, browse and search, item history, diffs and their exports."""

from __future__ import annotations

import csv
import io
import re

import openpyxl


def text(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.get_data(as_text=True)


def diff_counts(page: str) -> dict[str, int]:
    return {kind: int(n) for kind, n in re.findall(
        r'<li data-kind="(\w+)"><a [^>]*>[^<]*</a>: <strong>(\d+)</strong>', page)}


def codes(page: str) -> list[str]:
    return re.findall(r'<tr data-code="([\d.]+)"', page)


def test_every_signed_in_user_reads_the_nomenclature(login_as):
    for username in ("auditor", "bengkulu", "lambar"):
        page = text(login_as(username).get("/nomenclature/"))
        assert 'href="/nomenclature/v/kmdn900-1317-2023"' in page
    # The nav links to it.
    assert 'href="/nomenclature/"' in text(login_as("metro").get("/"))


def test_index_lists_versions_with_counts(login_as):
    page = text(login_as("metro").get("/nomenclature/"))
    rows = dict(re.findall(r'<tr data-version="([\w-]+)">.*?<strong class="total">(\d+)</strong>', page, re.S))
    assert rows == {"pmdn13-2006": "119", "pmdn90-2019": "169", "kmdn050-5889-2021": "169",
                    "kmdn900-1317-2023": "188"}


def test_search_by_indonesian_name_english_name_and_code(login_as):
    client = login_as("auditor")
    page = text(client.get("/nomenclature/v/kmdn900-1317-2023?q=Permakanan"))
    assert codes(page) == ["1.06.04.2.01.0001", "1.06.04.2.02.0003"]
    # names_en.csv: "Penyediaan Permakanan" -> "Provision of Meals".
    page = text(client.get("/nomenclature/v/kmdn900-1317-2023?q=meals"))
    assert codes(page) == ["1.06.04.2.01.0001", "1.06.04.2.02.0003"]
    page = text(client.get("/nomenclature/v/pmdn90-2019?q=1.06.04.2.01.0&jurisdiction=kabkota"))
    assert codes(page) == [f"1.06.04.2.01.{n:02d}" for n in range(1, 10)]
    page = text(client.get("/nomenclature/v/pmdn90-2019?q=Permakanan&jurisdiction=provinsi"))
    assert all(c.split(".")[3] == "1" for c in codes(page)) and len(codes(page)) == 5
    assert client.get("/nomenclature/v/no-such-version").status_code == 404
    assert client.get("/nomenclature/v/pmdn90-2019?jurisdiction=mars").status_code == 404


def test_item_page_shows_history_across_versions(login_as):
    client = login_as("metro")
    page = text(client.get("/nomenclature/v/pmdn90-2019/kabkota/1.06.04.2.01.01"))
    assert "Penyediaan Permakanan" in page and "simda-id/simcan@" in page
    history = re.findall(r'<tr data-version="([\w-]+)" data-relation="(\w+)">.*?<td class="code"><a [^>]*>([\d.]+)</a>',
                         page, re.S)
    assert ("kmdn050-5889-2021", "same_code", "1.06.04.2.01.01") in history
    assert ("kmdn900-1317-2023", "crosswalk_to", "1.06.04.2.01.0001") in history
    assert client.get("/nomenclature/v/pmdn90-2019/kabkota/9.99").status_code == 404
    assert client.get("/nomenclature/v/pmdn90-2019/all/1.06.04.2.01.01").status_code == 404


def test_diff_page_counts(login_as):
    client = login_as("auditor")
    page = text(client.get("/nomenclature/diff?from=pmdn90-2019&to=kmdn900-1317-2023&jurisdiction=kabkota"))
    assert diff_counts(page) == {"unchanged": 18, "renamed": 0, "renumbered": 52, "removed": 1, "added": 118}
    # 050-5889 as amended: kegiatan 1.06.04.2.01 keeps its code under the Renstra's name (line 1321):
    # unchanged -> renamed; sub kegiatan 1.06.04.2.01.04 "Pemberian layanan reunifikasi keluarga"
    # (line 1325) no longer matches 2023's "Pemberian Pelayanan Reunifikasi Keluarga": renumbered ->
    # removed, and 1.06.04.2.01.0004 is added.
    page = text(client.get("/nomenclature/diff?from=kmdn050-5889-2021&to=kmdn900-1317-2023&jurisdiction=kabkota"))
    assert diff_counts(page) == {"unchanged": 17, "renamed": 1, "renumbered": 51, "removed": 2, "added": 119}
    # The 2023 list is kab/kota only: no provinsi diff.
    page = text(client.get("/nomenclature/diff?from=pmdn90-2019&to=kmdn900-1317-2023&jurisdiction=provinsi"))
    assert diff_counts(page) == {} and 'class="note"' in page
    page = text(client.get("/nomenclature/diff?from=pmdn90-2019&to=kmdn900-1317-2023&kind=removed"))
    assert page.count('<tr data-kind="removed">') == 1


def test_diff_exports(login_as):
    client = login_as("auditor")
    response = client.get("/nomenclature/diff.csv?from=pmdn90-2019&to=kmdn900-1317-2023&jurisdiction=kabkota")
    rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert len(rows) == 1 + 18 + 0 + 52 + 1 + 118
    response = client.get("/nomenclature/diff.xlsx?from=pmdn90-2019&to=kmdn900-1317-2023&jurisdiction=kabkota")
    assert response.status_code == 200
    book = openpyxl.load_workbook(io.BytesIO(response.data))
    counts = [row for row in book.worksheets[1].iter_rows(min_row=2, values_only=True)]
    assert [n for _kind, n in counts] == [18, 0, 52, 1, 118]
    assert book.worksheets[0].max_row == 1 + 189


def test_pages_follow_the_language(login_as):
    client = login_as("metro")
    with client.session_transaction() as session:  # the session's choice; the user's saved one is untouched
        session["locale"] = "en"
    page = text(client.get("/nomenclature/diff"))
    assert "Differences between versions" in page and "renumbered" in page
    with client.session_transaction() as session:
        session["locale"] = "id"
    page = text(client.get("/nomenclature/diff"))
    assert "Perbedaan antarversi" in page and "berganti nomor" in page
