"""Findings in the UI: shown beside items, filtered, acknowledged (audited), exported."""

from __future__ import annotations

import csv
import io

import openpyxl
import pytest
from sqlalchemy import select

from core.extensions import db
from core.models import AuditLog, Budget, Finding, PlanDocument, PlanItem, Region
from tests.conftest import csrf_token


def doc_id(app, code, key):
    with app.app_context():
        return db.session.scalar(select(PlanDocument.id).join(Region).where(Region.code == code,
                                                                            PlanDocument.key == key))


def finding(app, document_id, **where):
    with app.app_context():
        query = select(Finding).where(Finding.document_id == document_id)
        for name, value in where.items():
            query = query.where(getattr(Finding, name) == value)
        return db.session.scalars(query).first()


def test_known_inconsistencies_are_shown_printed_beside_expected(seeded_app, login_as):
    renstra = doc_id(seeded_app, "18.72", "renstra-2021-2026")
    page = login_as("metro").get(f"/r/18.72/documents/{renstra}/findings?check=pagu-sum").get_data(as_text=True)
    # 000 line 1320: Program Rehabilitasi Sosial prints 1.413.000.000 for 2021; its kegiatan sum differs.
    row = page[page.index(">1320<"):]
    row = row[:row.index("</tr>")]
    assert "1.413.000.000" in row and "2021" in row


def test_filters_narrow_the_list(seeded_app, login_as):
    renstra = doc_id(seeded_app, "18.72", "renstra-2021-2026")
    client = login_as("metro")
    everything = client.get(f"/r/18.72/documents/{renstra}/findings").get_data(as_text=True)
    errors = client.get(f"/r/18.72/documents/{renstra}/findings?severity=error").get_data(as_text=True)
    printings = client.get(f"/r/18.72/documents/{renstra}/findings?check=printing-differs").get_data(as_text=True)
    count = lambda page: page.count('<tr id="finding-')
    assert 0 < count(errors) < count(everything)
    assert 0 < count(printings) < count(everything)
    assert 'data-check="pagu-sum"' not in printings
    assert "badge-warning" not in errors.split("<tbody>")[1]


def test_acknowledge_keeps_the_printed_value_and_is_audited(seeded_app, login_as):
    renstra = doc_id(seeded_app, "18.72", "renstra-2021-2026")
    target = finding(seeded_app, renstra, check_id="pagu-sum", source_line=1320)
    client = login_as("metro")
    token = csrf_token(client, "/")
    url = f"/r/18.72/documents/{renstra}/findings/{target.id}/acknowledge"

    assert client.post(url, data={"note": "x"}).status_code == 400  # no CSRF token
    empty = client.post(url, data={"note": "  ", "csrf_token": token}, follow_redirects=True)
    assert "Tulis catatan" in empty.get_data(as_text=True)
    done = client.post(url, data={"note": "Dicek dengan Bappeda", "csrf_token": token}, follow_redirects=True)
    assert "Dicek dengan Bappeda" in done.get_data(as_text=True)
    with seeded_app.app_context():
        budget = db.session.scalar(select(Budget).join(PlanItem, PlanItem.id == Budget.item_id).where(
            PlanItem.source_line == 1320, PlanItem.document_id == renstra, Budget.year == 2021))
        assert budget.printed == "1.413.000.000"
        entry = db.session.scalars(select(AuditLog).where(AuditLog.entity == "finding_ack").order_by(
            AuditLog.id.desc())).first()
        assert entry.actor == "metro" and entry.after["note"] == "Dicek dengan Bappeda"
    acknowledged = client.get(f"/r/18.72/documents/{renstra}/findings?status=acknowledged").get_data(as_text=True)
    assert f'id="finding-{target.id}"' in acknowledged


def test_acknowledgement_survives_recomputing_findings(seeded_app, login_as):
    from core.services.findings import refresh_findings

    renstra = doc_id(seeded_app, "18.72", "renstra-2021-2026")
    target = finding(seeded_app, renstra, check_id="printing-differs")
    client = login_as("metro")
    client.post(f"/r/18.72/documents/{renstra}/findings/{target.id}/acknowledge",
                data={"note": "Cetakan kedua salah", "csrf_token": csrf_token(client, "/")})
    with seeded_app.app_context():
        refresh_findings(db.session.get(PlanDocument, renstra))
        db.session.commit()
    page = client.get(f"/r/18.72/documents/{renstra}/findings?status=acknowledged").get_data(as_text=True)
    assert "Cetakan kedua salah" in page


def test_viewers_cannot_acknowledge(seeded_app, login_as):
    renstra = doc_id(seeded_app, "18.72", "renstra-2021-2026")
    target = finding(seeded_app, renstra)
    client = login_as("auditor")
    page = client.get(f"/r/18.72/documents/{renstra}/findings").get_data(as_text=True)
    assert 'class="ack"' not in page
    response = client.post(f"/r/18.72/documents/{renstra}/findings/{target.id}/acknowledge",
                           data={"note": "no", "csrf_token": csrf_token(client, "/")})
    assert response.status_code == 404


def test_another_documents_finding_is_404(seeded_app, login_as):
    renstra = doc_id(seeded_app, "18.72", "renstra-2021-2026")
    bengkulu = doc_id(seeded_app, "17", "renstra-2021-2026-p1")
    foreign = finding(seeded_app, bengkulu)
    client = login_as("admin")
    response = client.post(f"/r/18.72/documents/{renstra}/findings/{foreign.id}/acknowledge",
                           data={"note": "x", "csrf_token": csrf_token(client, "/")})
    assert response.status_code == 404


@pytest.mark.parametrize("fmt", ["xlsx", "csv"])
def test_exports_reopen_with_the_same_findings(seeded_app, login_as, fmt):
    renstra = doc_id(seeded_app, "18.72", "renstra-2021-2026")
    client = login_as("metro")
    response = client.get(f"/r/18.72/documents/{renstra}/findings.{fmt}?severity=error")
    assert response.status_code == 200
    if fmt == "xlsx":
        sheet = openpyxl.load_workbook(io.BytesIO(response.data)).active
        rows = [[c.value for c in row] for row in sheet.iter_rows()]
    else:
        rows = list(csv.reader(io.StringIO(response.get_data(as_text=True))))
    assert rows[0][:3] == ["Baris", "Pemeriksaan", "Tingkat"]
    with seeded_app.app_context():
        errors = db.session.scalars(select(Finding).where(Finding.document_id == renstra,
                                                          Finding.severity == "error")).all()
    assert len(rows) - 1 == len(errors)
    assert {str(r[1]) for r in rows[1:]} == {f.check_id for f in errors}
    assert any(str(r[0]) == "1320" and r[7] == "1.413.000.000" for r in rows[1:])


def test_tree_marks_items_with_findings(seeded_app, login_as):
    renstra = doc_id(seeded_app, "18.72", "renstra-2021-2026")
    page = login_as("metro").get(f"/r/18.72/documents/{renstra}").get_data(as_text=True)
    row = page[page.index('data-code="1.06.04"'):]
    row = row[:row.index("</tr>")]
    assert "finding-marker badge badge-error" in row
    assert 'id="findings-link"' in page
