"""A region's report built from the database and rendered: the one path the views, the
command line and the tests share.

:func:`build_report` reads a stored document of the region (its tree and printed tables),
turns it into rows with the layout's source and returns a :class:`Report`;
:func:`render_report` renders it as ``html`` (a standalone printable page, core's own) or
in a format an enabled feature plugin exports (``pelita_exporters``: the first-party
``xlsx`` and ``pdf``), in the report's language.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask_babel import force_locale, gettext

from core.reports.html import render_html, render_html_page
from core.reports.layout import Layout
from core.reports.rows import Row
from core.reports.sources import SourceContext, rows_for

#: The format core renders itself (the page), and its media type.
HTML_MEDIA_TYPE = "text/html; charset=utf-8"

LOCALES = ("id", "en")


@dataclass(frozen=True)
class Report:
    """A layout with its rows and title lines, in one language."""

    layout: Layout
    rows: tuple[Row, ...]
    locale: str
    title_lines: tuple[str, ...]
    document_id: int


def translator(locale: str):
    """A ``translate`` callable for ``locale`` (the app's catalogs, forced to that locale)."""

    def translate(message: str) -> str:
        with force_locale(locale):
            return gettext(message)

    return translate


def _rules(region, when=None):
    from core.services.region_settings import achievement_rules

    return achievement_rules(region, when)  # the settings in force at ``when`` (None: now)


def build_report(region, layout: Layout, document, locale: str, year: int | None = None) -> Report:
    """The report of ``layout`` from ``document`` of ``region`` in ``locale``.

    ``year`` picks the year of a multi-year document (a Renstra); a one-year document
    reports its own year.

    The caller has checked that ``document`` belongs to ``region``
    (:func:`core.services.documents.document_or_404`).
    """
    from core.services.documents import document_tree, printed_tables

    if locale not in LOCALES:
        raise ValueError(f"unknown locale {locale!r}")
    translate = translator(locale)
    period = document.period
    # An approved document reports with the settings in force when it was approved (issue 10).
    settings_when = getattr(document, "approved_at", None) if document.status in ("approved", "locked") else None
    rules = _rules(region, settings_when)
    ctx = SourceContext(
        document=document,
        nodes=document_tree(document),
        translate=translate,
        year=document.year or year,
        period=(period.start_year, period.end_year) if period else None,
        lower_rule=getattr(rules, "lower_is_better", None),
        tables={t.key: list(t.rows) for t in printed_tables(document)},
        locale=locale,
        scale=getattr(rules, "predicate_scale", None),
        number_style=document.number_style or "id",
    )
    rows = tuple(rows_for(layout, ctx))
    from core.services.region_settings import settings_at, settings_for

    header = (settings_at(region, settings_when) if settings_when else settings_for(region))["report_header"]
    lines = [(header.get("opd_en") if locale == "en" else None) or header.get("opd") or region.display_agency(locale),
             document.title]
    if header.get("tagline"):
        lines.insert(1, header["tagline"])
    if period:
        lines.append(translate("Period") + f" {period.start_year}–{period.end_year}")
        if year and not document.year:  # one year of a multi-year document, chosen by the reader
            lines.append(translate("Year") + f" {year}")
    elif document.year:
        lines.append(translate("Year") + f" {document.year}")
    return Report(layout, rows, locale, tuple(lines), document.id)


def exporters(plugins=None) -> dict:
    """The download formats the enabled feature plugins export: format key ->
    :class:`core.specs.ExporterSpec`, in registration order."""
    if plugins is None:
        from core.plugins import current_registry

        plugins = current_registry()
    return {spec.format: spec for spec in plugins.feature_items("pelita_exporters")}


def formats(plugins=None) -> dict[str, str]:
    """Every format a report renders to (``html`` and the exporters'): key -> media type."""
    return {"html": HTML_MEDIA_TYPE, **{key: spec.media_type for key, spec in exporters(plugins).items()}}


def render_report(report: Report, fmt: str, plugins=None) -> bytes:
    """The report as ``html`` bytes or in an exporter's format."""
    translate = translator(report.locale)
    args = (report.layout, report.rows, report.locale, translate, report.title_lines)
    if fmt == "html":
        return render_html_page(*args).encode("utf-8")
    available = exporters(plugins)
    if fmt not in available:
        raise ValueError(f"unknown format {fmt!r} (known: {', '.join(['html', *available])})")
    return available[fmt].render(*args)


def render_table(report: Report):
    """The report as an HTML ``<table>`` fragment for a page of the app."""
    return render_html(report.layout, report.rows, report.locale, translator(report.locale), report.title_lines)


def filename(report: Report, region, fmt: str, extension: str | None = None) -> str:
    """A download name: ``<region>-<layout>-<document>-<locale>.<extension>`` (default: the
    format key)."""
    return f"{region.code}-{report.layout.id}-{report.document_id}-{report.locale}.{extension or fmt}"
