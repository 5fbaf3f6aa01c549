"""A unit operator enters a quarter's realisation and sees the achievement update."""

from __future__ import annotations

import pytest

from tests.browser.test_browse import sign_in

pytestmark = pytest.mark.browser


def test_operator_enters_a_quarter(browser, writable_server):
    context = browser.new_context(locale="id-ID", viewport={"width": 1366, "height": 900})
    page = context.new_page()
    sign_in(page, writable_server, "rehsos")
    page.click("a[href='/r/18.72/']")
    page.click("a.document-link[data-type=renstra]")
    page.click("#realisation-link")
    page.select_option("select[name=year]", "2021")
    page.select_option("select[name=quarter]", "1")
    page.click("form.filter button[type=submit]")

    item = page.locator("tr.item-row[data-code='1.06.04.2.01.01']")
    assert item.get_attribute("data-editable") == "yes"
    # The operator opens on their own items: another Bidang's sub kegiatan is not listed.
    assert page.locator("tr.item-row[data-code='1.06.02.2.03.01']").count() == 0
    assert set(page.locator("tr.item-row").evaluate_all("rs => rs.map(r => r.dataset.editable)")) == {"yes"}

    indicator = item.locator("xpath=following-sibling::tr[1]")
    indicator.locator("input.num-input").fill("36")
    item.locator("input.num-input").fill("100.000.000")
    page.click("#save-quarter")
    assert "Realisasi tersimpan" in page.locator(".flash").inner_text()

    item = page.locator("tr.item-row[data-code='1.06.04.2.01.01']")
    indicator = item.locator("xpath=following-sibling::tr[1]")
    # 000 line 1322: target 2021 = 48, so 36 is 75,00 % ("Sedang" on Kota Metro's scale, 65,5-75,5).
    assert "75,00 %" in indicator.locator("td.capaian").inner_text()
    assert "Sedang" in indicator.locator("td.capaian").inner_text()
    # pagu 2021 = 138.970.000: 100.000.000 spent is 71,96 %.
    assert "71,96 %" in item.locator("td.absorption").inner_text()

    # The Permendagri 86/2017 evaluation table of the Renstra's year 2021 shows the quarter.
    document_id = page.url.split("/documents/")[1].split("/")[0]
    page.goto(f"{writable_server}/r/18.72/reports/permendagri86-renja-evaluation?document={document_id}&year=2021")
    report_row = page.locator("tr", has_text="Penyediaan Permakanan").first
    cells = report_row.locator("td").all_inner_texts()
    assert "36" in cells and "100.000.000" in cells  # column 8 (Q I), kinerja and Rp
    assert "75" in " ".join(cells)  # column 13: 36 / 48 x 100
    context.close()
