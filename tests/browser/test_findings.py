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

    page.select_option("select[name=check]", "period-total")
    page.click("#finding-filters button[type=submit]")
    rows = page.locator("tbody tr[id^=finding-]")
    assert 0 < rows.count() < total
    assert set(rows.evaluate_all("rs => rs.map(r => r.dataset.check)")) == {"period-total"}
    # 003 line 1214: the 5-year total printed 81,963,536,000 beside the sum of its years.
    row = page.locator("tbody tr", has_text="81.963.536.000")
    assert row.count() == 1
    assert row.locator("td.expected").inner_text().strip() == "82.554.239.000"

    row.locator("input[name=note]").fill("Sudah dikonfirmasi ke Bappeda")
    row.locator("form.ack button").click()
    assert "Temuan ditandai diketahui." in page.locator(".flash").inner_text()
    acknowledged = page.locator("tbody tr.acknowledged", has_text="81.963.536.000")
    assert "Sudah dikonfirmasi ke Bappeda" in acknowledged.inner_text()

    page.click("button[data-locale=en]")
    assert page.locator("h1").inner_text() == "Findings"
    assert page.locator("tbody tr", has_text="81,963,536,000").count() == 1
    page.click("button[data-locale=id]")
