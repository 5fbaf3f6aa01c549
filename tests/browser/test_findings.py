"""A planner reads the findings of a document, filters them and acknowledges one."""

from __future__ import annotations

import pytest

from tests.browser.test_browse import sign_in

pytestmark = pytest.mark.browser


def test_filter_and_acknowledge_a_finding(page, live_server):
    sign_in(page, live_server, "bengkulu")
    page.click("a[href='/r/17/']")
    page.click("a.document-link >> text=Perubahan")
    page.click("#findings-link")
    assert page.locator("h1").inner_text() == "Temuan"
    total = page.locator("tbody tr[id^=finding-]").count()

    # Rows of Tabel 6.1 whose printed five-year total no reading of their cells reproduces.
    page.select_option("select[name=check]", "no-reading-fits")
    page.click("#finding-filters button[type=submit]")
    rows = page.locator("tbody tr[id^=finding-]")
    assert 0 < rows.count() < total
    assert set(rows.evaluate_all("rs => rs.map(r => r.dataset.check)")) == {"no-reading-fits"}
    row_id = rows.first.get_attribute("id")
    row = page.locator(f"tbody tr#{row_id}")

    row.locator("input[name=note]").fill("Sudah dikonfirmasi ke Bappeda")
    row.locator("form.ack button").click()
    assert "Temuan ditandai diketahui." in page.locator(".flash").inner_text()
    acknowledged = page.locator(f"tbody tr.acknowledged#{row_id}")
    assert "Sudah dikonfirmasi ke Bappeda" in acknowledged.inner_text()

    page.click("button[data-locale=en]")
    assert page.locator("h1").inner_text() == "Findings"
    assert page.locator(f"tbody tr#{row_id}").count() == 1
    page.click("button[data-locale=id]")
