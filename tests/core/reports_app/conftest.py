"""Helpers for the region report tests: build and render reports from the seeded database."""

from __future__ import annotations

import io
from dataclasses import replace

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from core.extensions import db
from core.models import PlanDocument, Region


@pytest.fixture(scope="session")
def reports(seeded_app):
    """``reports(code, layout_id, doc_key, locale)`` -> Report, and renderers, read in an app context."""
    from core.app import plugins
    from core.reports.build import build_report, render_report
    from core.reports.registry import layout_by_id, region_layouts

    cache = {}

    class Reports:
        def build(self, code, layout_id, doc_key, locale):
            key = (code, layout_id, doc_key, locale)
            if key not in cache:
                with seeded_app.app_context():
                    region = db.session.scalar(select(Region).where(Region.code == code))
                    document = db.session.scalar(select(PlanDocument).where(
                        PlanDocument.region_id == region.id, PlanDocument.key == doc_key))
                    layout = layout_by_id(region_layouts(plugins(), code), layout_id)
                    cache[key] = build_report(region, layout, document, locale)
            return cache[key]

        def render(self, report, fmt, rows=None):
            if rows is not None:
                report = replace(report, rows=tuple(rows))
            with seeded_app.app_context():
                return render_report(report, fmt)

        def document_id(self, code, doc_key):
            with seeded_app.app_context():
                region = db.session.scalar(select(Region).where(Region.code == code))
                return db.session.scalar(select(PlanDocument.id).where(
                    PlanDocument.region_id == region.id, PlanDocument.key == doc_key))

    return Reports()


def pdf_text(data: bytes) -> str:
    """All the text of a PDF, pages joined."""
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def xlsx_sheet(data: bytes):
    """The first worksheet of an XLSX file (openpyxl)."""
    from openpyxl import load_workbook

    return load_workbook(io.BytesIO(data)).worksheets[0]


def find_row(sheet, column: int, value):
    """The 1-based row whose cell in ``column`` equals ``value``."""
    for row in sheet.iter_rows(min_col=column, max_col=column):
        if row[0].value == value:
            return row[0].row
    raise AssertionError(f"{value!r} not in column {column}")
